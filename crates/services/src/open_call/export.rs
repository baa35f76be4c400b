//! What leaves the platform about a call's applications: the coordinator's CSV, the ZIP of the
//! attachments, and one application as PDF. Each export checks who asks and is audited.

use std::io::{Seek, SeekFrom, Write};

use chrono_tz::Tz;
use domain::{Action, ApplicationId, CallId, Lang};
use export::csv;
use futures_util::{Stream, StreamExt, stream};
use store::{ExportRow, Store, TenantRow};
use views::t;

use crate::{
    Actor, ServiceError, Services,
    common::{error::Result, localized},
};

/// Rows read per query while streaming the CSV: memory stays flat however large the call.
const EXPORT_PAGE: i64 = 500;

/// The CSV's columns, in order (the header row is not translated: it is read by programs too).
const COLUMNS: [&str; 17] = [
    "reference",
    "status",
    "applicant_type",
    "applicant",
    "registration_number",
    "email",
    "contact_name",
    "contact_phone",
    "fields",
    "areas",
    "size_band",
    "submitted_at",
    "weighted_mean",
    "spread",
    "reviews",
    "conflicts",
    "decision_reason",
];

fn export_line(r: &ExportRow) -> String {
    let mean = r.mean.map(|m| format!("{m:.2}")).unwrap_or_default();
    let spread = r.spread.map(|m| format!("{m:.2}")).unwrap_or_default();
    let submitted = r.submitted_at.map(|t| t.to_rfc3339()).unwrap_or_default();
    csv::line(&[
        r.reference.as_deref().unwrap_or(""),
        r.status.key(),
        r.applicant_type.key(),
        &r.applicant,
        r.registration_number.as_deref().unwrap_or(""),
        r.email.as_deref().unwrap_or(""),
        &r.contact_name,
        &r.contact_phone,
        &r.fields,
        &r.areas,
        &r.size_band,
        &submitted,
        &mean,
        &spread,
        &r.reviews_done.to_string(),
        &r.conflicts.to_string(),
        r.decision_reason.as_deref().unwrap_or(""),
    ])
}

/// The rows of a call after the header, read page by page (keyset) as the client takes them.
fn csv_rows(store: Store, tenant: domain::TenantId, call: CallId) -> impl Stream<Item = std::io::Result<String>> {
    stream::unfold(Some(0_i64), move |after| {
        let store = store.clone();
        async move {
            let after = after?;
            match store.export_page(tenant, call, after, EXPORT_PAGE).await {
                Ok(page) if page.is_empty() => None,
                Ok(page) => {
                    let next = (page.len() as i64 == EXPORT_PAGE)
                        .then(|| page.last().map(|r| r.id))
                        .flatten();
                    let chunk: String = page.iter().map(export_line).collect();
                    Some((Ok(chunk), next))
                }
                Err(e) => Some((Err(std::io::Error::other(e.to_string())), None)),
            }
        }
    })
}

impl Services {
    /// The applications of a call with their scores and decisions, as a CSV stream (UTF-8 with
    /// a byte-order mark, formula-safe). Personal data leaves the platform: the export is
    /// audited before the first byte.
    pub async fn applications_csv(
        &self,
        actor: &Actor,
        call: CallId,
    ) -> Result<impl Stream<Item = std::io::Result<String>> + Send + 'static> {
        let user = actor.require_user(Action::ManageCalls)?;
        self.store
            .call(actor.tenant, call)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let ctx = self.ctx(actor.tenant, Some(user), actor.request_id.as_deref());
        self.store.record_export(actor.tenant, call, &ctx).await?;
        let header = format!("{}{}", csv::BOM, csv::line(&COLUMNS));
        Ok(stream::once(async move { Ok(header) }).chain(csv_rows(self.store.clone(), actor.tenant, call)))
    }

    /// All attachments of a call's submitted applications in one ZIP (stored, not compressed:
    /// PDFs and images are compressed already), each under its application's reference. Built
    /// in a temporary file, one file at a time, so memory stays flat; returned at its start.
    pub async fn attachments_zip(&self, actor: &Actor, call: CallId) -> Result<std::fs::File> {
        let user = actor.require_user(Action::ManageCalls)?;
        let call = self
            .store
            .call(actor.tenant, call)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let ctx = self.ctx(actor.tenant, Some(user), actor.request_id.as_deref());
        self.store.record_export(actor.tenant, call.id(), &ctx).await?;
        let internal = |e: &dyn std::fmt::Display| ServiceError::Internal(anyhow::anyhow!("zip: {e}"));
        let temp = tempfile::tempfile().map_err(|e| internal(&e))?;
        let mut writer = zip::ZipWriter::new(temp);
        let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        for a in self.store.call_attachments(actor.tenant, call.id()).await? {
            let Some((meta, content)) = self
                .store
                .application_file(actor.tenant, ApplicationId(a.application_id), a.file_id)
                .await?
            else {
                continue;
            };
            let folder = if a.reference.is_empty() {
                a.application_id.to_string()
            } else {
                a.reference
            };
            writer
                .start_file(format!("{folder}/{}-{}", meta.id, meta.filename), options)
                .map_err(|e| internal(&e))?;
            writer.write_all(&content).map_err(|e| internal(&e))?;
        }
        let mut file = writer.finish().map_err(|e| internal(&e))?;
        file.seek(SeekFrom::Start(0)).map_err(|e| internal(&e))?;
        Ok(file)
    }

    /// One application as a PDF in `lang`, for whoever may see the application (the applicant,
    /// a coordinator, an assigned reviewer; the read is audited there).
    pub async fn application_pdf(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        lang: Lang,
        app: ApplicationId,
    ) -> Result<Vec<u8>> {
        let seen = self.application_for(actor, app).await?;
        let (row, call) = (&seen.row, &seen.call);
        let works = self.store.application_works(actor.tenant, app).await?;
        let tz: Tz = tenant.time_zone.parse().unwrap_or(chrono_tz::Europe::Tirane);
        let works = works
            .iter()
            .map(|w| {
                let year = w.year.map(|y| y.to_string()).unwrap_or_default();
                let mut line = w.title.clone();
                for extra in [&year, &w.role, &w.description, &w.link] {
                    if !extra.is_empty() {
                        line.push_str(" — ");
                        line.push_str(extra);
                    }
                }
                line
            })
            .collect::<Vec<_>>()
            .join("\n\n");
        let reference = row.reference.clone().unwrap_or_else(|| t(lang, "application-draft"));
        let call_title = localized(lang, &call.title_sq, &call.title_en).to_owned();
        let fields: Vec<String> = row
            .fields
            .split(',')
            .filter(|f| !f.is_empty())
            .map(|f| t(lang, &format!("fieldofactivity-{f}")))
            .collect();
        let mut facts = vec![
            (t(lang, "application-reference"), reference.clone()),
            (
                t(lang, "application-status"),
                t(lang, &format!("status-{}", row.status.key())),
            ),
            (t(lang, "application-call"), call_title.clone()),
            (
                t(lang, "application-applicant"),
                format!(
                    "{} — {}",
                    row.display_name(),
                    t(lang, &format!("applicant-{}", row.applicant_type.key()))
                ),
            ),
            (t(lang, "field-fields"), fields.join(", ")),
            (t(lang, "field-areas"), row.areas.clone()),
            (t(lang, "field-contact-name"), row.contact_name.clone()),
            (t(lang, "field-contact-phone"), row.contact_phone.clone()),
        ];
        if let Some(submitted) = row.submitted_at {
            let when = submitted.with_timezone(&tz).format("%d.%m.%Y %H:%M").to_string();
            facts.insert(2, (t(lang, "application-submitted"), when));
        }
        if let Some(reason) = &row.decision_reason {
            facts.push((t(lang, "application-reason"), reason.clone()));
        }
        let doc = export::PdfDocument {
            title: format!("{} {}", t(lang, "application-title"), reference),
            subtitle: call_title,
            footer: tenant.name(lang).to_owned(),
            facts,
            sections: vec![
                (t(lang, "field-app-description"), row.description.clone()),
                (t(lang, "field-works"), works),
                (t(lang, "field-statement"), row.statement.clone()),
            ],
        };
        // Typst is CPU-bound: off the reactor.
        tokio::task::spawn_blocking(move || export::pdf(&doc))
            .await
            .map_err(|e| ServiceError::Internal(e.into()))?
            .map_err(ServiceError::Internal)
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use domain::open_call::{ApplicantType, ApplicationStatus};

    use super::*;

    #[test]
    fn export_lines_are_formula_safe() {
        let row = ExportRow {
            id: 1,
            reference: Some("ELB-2026-0001".into()),
            status: ApplicationStatus::Submitted,
            applicant_type: ApplicantType::Citizen,
            applicant: "=HYPERLINK(\"http://evil.example\",\"Kliko\")".into(),
            registration_number: None,
            email: Some("a@b.al".into()),
            contact_name: "@Ana".into(),
            contact_phone: "+355 69 000 0000".into(),
            fields: "youth".into(),
            areas: "Elbasan".into(),
            size_band: String::new(),
            submitted_at: Utc.with_ymd_and_hms(2026, 12, 1, 10, 0, 0).single(),
            mean: Some(4.5),
            spread: None,
            reviews_done: 2,
            conflicts: 0,
            decision_reason: Some("-".into()),
        };
        let line = export_line(&row);
        assert!(line.contains("\"'=HYPERLINK("), "{line}");
        assert!(line.contains(",'@Ana,'+355 69 000 0000,"), "{line}");
        assert!(line.ends_with(",'-\n"), "{line}");
    }
}
