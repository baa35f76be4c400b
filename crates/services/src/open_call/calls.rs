//! Open calls: drafting, publishing, extending the deadline.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use domain::{
    Action, CallId, Email, FieldError, Lang, Text,
    open_call::{ApplicantType, CallPhase},
};
use store::{CallInput, CallRow, CriterionInput, CriterionRow, FileMeta, NewMail, StatusCount, TenantRow};

use super::get;
use crate::{
    Actor, ServiceError, Services,
    common::{error::Result, localized},
};

/// What the coordinator's page of a call shows.
#[derive(Debug, Clone)]
pub struct CallAdmin {
    pub call: CallRow,
    pub criteria: Vec<CriterionRow>,
    pub documents: Vec<FileMeta>,
    pub counts: Vec<StatusCount>,
}

/// A published call with its selection criteria.
#[derive(Debug, Clone)]
pub struct PublishedCall {
    pub call: CallRow,
    pub criteria: Vec<CriterionRow>,
}

/// Length limits of a criterion's texts.
pub const CRITERION_NAME_MAX: usize = 200;
pub const CRITERION_DESCRIPTION_MAX: usize = 2000;

/// Reads a `datetime-local` value ("2026-12-17T23:59") as a time in the tenant's zone.
pub fn parse_local(field: &'static str, raw: &str, tz: Tz) -> Result<DateTime<Utc>, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(FieldError::new(field, "required"));
    }
    let naive = NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M:%S"))
        .or_else(|_| NaiveDateTime::parse_from_str(raw, "%Y-%m-%d %H:%M"))
        .map_err(|_| FieldError::new(field, "datetime_invalid"))?;
    tz.from_local_datetime(&naive)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .ok_or(FieldError::new(field, "datetime_invalid"))
}

/// Shows a UTC time as a `datetime-local` value in the tenant's zone.
pub fn format_local(at: DateTime<Utc>, tz: Tz) -> String {
    at.with_timezone(&tz).format("%Y-%m-%dT%H:%M").to_string()
}

/// One row of the criteria table as typed.
#[derive(Debug, Clone, Default)]
pub struct CriterionFormRow {
    pub name_sq: String,
    pub name_en: String,
    pub description_sq: String,
    pub description_en: String,
    pub weight: String,
}

/// Parses the call form. Rows of criteria without an Albanian name are dropped.
pub fn parse_call_form(
    values: &HashMap<String, String>,
    criteria: &[CriterionFormRow],
    tz: Tz,
) -> Result<(CallInput, Vec<CriterionInput>), Vec<FieldError>> {
    let text = |field: &'static str, required: bool, max: usize| Text::parse(field, get(values, field), required, max);
    let title_sq = text("title_sq", true, 200);
    let title_en = text("title_en", false, 200);
    let summary_sq = text("summary_sq", true, 600);
    let summary_en = text("summary_en", false, 600);
    let body_sq = text("body_sq", false, 20_000);
    let body_en = text("body_en", false, 20_000);
    let eligibility_sq = text("eligibility_sq", false, 4000);
    let eligibility_en = text("eligibility_en", false, 4000);
    let requirements_sq = text("requirements_sq", false, 4000);
    let requirements_en = text("requirements_en", false, 4000);
    let contact = Email::parse("contact_email", get(values, "contact_email"));
    let opens = parse_local("opens_at", get(values, "opens_at"), tz);
    let closes = parse_local("closes_at", get(values, "closes_at"), tz);
    let places_raw = get(values, "places").trim();
    let places = if places_raw.is_empty() {
        Ok(None)
    } else {
        places_raw
            .parse::<i64>()
            .ok()
            .filter(|n| (1..=1000).contains(n))
            .map(Some)
            .ok_or(FieldError::new("places", "number_invalid"))
    };
    let allowed: Vec<&str> = get(values, "applicant_types").split(',').collect();
    let types_err = (!ApplicantType::ALL.iter().any(|t| allowed.contains(&t.key())))
        .then(|| FieldError::new("applicant_types", "choose_one"));
    let order_err = match (&opens, &closes) {
        (Ok(o), Ok(c)) if c <= o => Some(FieldError::new("closes_at", "date_order")),
        _ => None,
    };
    let mut criteria_out = Vec::new();
    let mut criteria_err = None;
    for row in criteria.iter().filter(|r| !r.name_sq.trim().is_empty()) {
        let weight = row.weight.trim().parse::<i64>().ok().filter(|w| (1..=100).contains(w));
        let texts = (
            Text::parse("criteria", &row.name_sq, true, CRITERION_NAME_MAX),
            Text::parse("criteria", &row.name_en, false, CRITERION_NAME_MAX),
            Text::parse("criteria", &row.description_sq, false, CRITERION_DESCRIPTION_MAX),
            Text::parse("criteria", &row.description_en, false, CRITERION_DESCRIPTION_MAX),
        );
        match (weight, texts) {
            (Some(weight), (Ok(name_sq), Ok(name_en), Ok(description_sq), Ok(description_en))) => {
                criteria_out.push(CriterionInput {
                    name_sq: name_sq.into_string(),
                    name_en: name_en.into_string(),
                    description_sq: description_sq.into_string(),
                    description_en: description_en.into_string(),
                    weight,
                })
            }
            (_, (Err(e), _, _, _) | (_, Err(e), _, _) | (_, _, Err(e), _) | (_, _, _, Err(e))) => {
                criteria_err = Some(e)
            }
            (None, _) => criteria_err = Some(FieldError::new("criteria", "weight_invalid")),
        }
    }
    if criteria_out.is_empty() && criteria_err.is_none() {
        criteria_err = Some(FieldError::new("criteria", "criteria_required"));
    }
    let errors: Vec<FieldError> = [
        title_sq.clone().err(),
        title_en.clone().err(),
        summary_sq.clone().err(),
        summary_en.clone().err(),
        body_sq.clone().err(),
        body_en.clone().err(),
        eligibility_sq.clone().err(),
        eligibility_en.clone().err(),
        requirements_sq.clone().err(),
        requirements_en.clone().err(),
        contact.clone().err(),
        opens.clone().err(),
        closes.clone().err(),
        order_err,
        places.clone().err(),
        types_err,
        criteria_err,
    ]
    .into_iter()
    .flatten()
    .collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    let s = |r: Result<Text, FieldError>| r.map(Text::into_string).unwrap_or_default();
    Ok((
        CallInput {
            title_sq: s(title_sq),
            title_en: s(title_en),
            summary_sq: s(summary_sq),
            summary_en: s(summary_en),
            body_sq: s(body_sq),
            body_en: s(body_en),
            eligibility_sq: s(eligibility_sq),
            eligibility_en: s(eligibility_en),
            requirements_sq: s(requirements_sq),
            requirements_en: s(requirements_en),
            allow_cso: allowed.contains(&"cso"),
            allow_informal: allowed.contains(&"informal_group"),
            allow_citizen: allowed.contains(&"citizen"),
            places: places.unwrap_or(None),
            opens_at: opens.unwrap_or_default(),
            closes_at: closes.unwrap_or_default(),
            contact_email: contact.map(|e| e.to_string()).unwrap_or_default(),
        },
        criteria_out,
    ))
}

impl Services {
    pub fn call_phase(&self, call: &CallRow) -> CallPhase {
        CallPhase::at(self.clock.now(), call.opens_at, call.closes_at)
    }

    /// Published calls (open, upcoming and closed), the latest deadline first.
    pub async fn published_calls(&self, actor: &Actor) -> Result<Vec<CallRow>> {
        actor.require(Action::ViewPublic)?;
        Ok(self.store.list_calls(actor.tenant, false).await?)
    }

    /// A call as the actor may see it: published, or a draft previewed by a coordinator.
    pub async fn visible_call(&self, actor: &Actor, call: CallId) -> Result<CallRow> {
        actor.require(Action::ViewPublic)?;
        let row = self
            .store
            .call(actor.tenant, call)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if row.is_published() || actor.can(Action::ManageCalls) {
            Ok(row)
        } else {
            Err(ServiceError::NotFound)
        }
    }

    /// A published call and its criteria; drafts are "not found" whoever asks, for the open
    /// data API lists published calls only.
    pub async fn published_call_with_criteria(&self, actor: &Actor, call: CallId) -> Result<PublishedCall> {
        actor.require(Action::ViewPublic)?;
        let call = self
            .store
            .call(actor.tenant, call)
            .await?
            .filter(CallRow::is_published)
            .ok_or(ServiceError::NotFound)?;
        Ok(PublishedCall {
            criteria: self.store.criteria(actor.tenant, call.id()).await?,
            call,
        })
    }

    /// A document attached to a call the actor may see.
    pub async fn call_document(&self, actor: &Actor, call: CallId, file: i64) -> Result<(FileMeta, Vec<u8>)> {
        let row = self.visible_call(actor, call).await?;
        self.store
            .call_document(actor.tenant, row.id(), file)
            .await?
            .ok_or(ServiceError::NotFound)
    }

    /// One call, drafts included, for the coordinator.
    pub async fn call_for_staff(&self, actor: &Actor, call: CallId) -> Result<CallRow> {
        actor.require_user(Action::ManageCalls)?;
        self.store.call(actor.tenant, call).await?.ok_or(ServiceError::NotFound)
    }

    /// The coordinator's page of a call: the call, its criteria and documents, and how many
    /// applications are in each status.
    pub async fn call_admin(&self, actor: &Actor, call: CallId) -> Result<CallAdmin> {
        let call = self.call_for_staff(actor, call).await?;
        Ok(CallAdmin {
            criteria: self.store.criteria(actor.tenant, call.id()).await?,
            documents: self.store.call_documents(actor.tenant, call.id()).await?,
            counts: self.store.application_counts(actor.tenant, call.id()).await?,
            call,
        })
    }

    /// Every call, drafts included, for the coordinator.
    pub async fn all_calls(&self, actor: &Actor) -> Result<Vec<CallRow>> {
        actor.require_user(Action::ManageCalls)?;
        Ok(self.store.list_calls(actor.tenant, true).await?)
    }

    pub async fn create_call(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        input: &CallInput,
        criteria: &[CriterionInput],
    ) -> Result<CallId> {
        let user = actor.require_user(Action::ManageCalls)?;
        let ctx = self.ctx(tenant.id(), Some(user), actor.request_id.as_deref());
        let prefix = if tenant.ref_prefix.is_empty() {
            tenant.slug.chars().take(3).collect::<String>().to_uppercase()
        } else {
            tenant.ref_prefix.clone()
        };
        Ok(self
            .store
            .create_call(tenant.id(), input, criteria, &prefix, &ctx)
            .await?)
    }

    pub async fn update_call(
        &self,
        actor: &Actor,
        call: CallId,
        input: &CallInput,
        criteria: &[CriterionInput],
    ) -> Result<()> {
        let user = actor.require_user(Action::ManageCalls)?;
        let ctx = self.ctx(actor.tenant, Some(user), actor.request_id.as_deref());
        Ok(self
            .store
            .update_call(actor.tenant, call, input, criteria, &ctx)
            .await?)
    }

    pub async fn publish_call(&self, actor: &Actor, call: CallId) -> Result<()> {
        let user = actor.require_user(Action::ManageCalls)?;
        let ctx = self.ctx(actor.tenant, Some(user), actor.request_id.as_deref());
        self.store
            .publish_call(actor.tenant, call, &ctx)
            .await
            .map_err(|e| match ServiceError::from(e) {
                ServiceError::Conflict(_) => ServiceError::field("call", "call_already_published"),
                other => other,
            })
    }

    /// Moves the deadline later and e-mails everyone who has a draft, each in their language.
    pub async fn extend_deadline(&self, tenant: &TenantRow, actor: &Actor, call: CallId, raw: &str) -> Result<()> {
        actor.require_user(Action::ManageCalls)?;
        let tz: Tz = tenant.time_zone.parse().unwrap_or(chrono_tz::Europe::Tirane);
        let row = self
            .store
            .call(tenant.id(), call)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let closes_at = parse_local("closes_at", raw, tz).map_err(|e| ServiceError::Invalid(vec![e]))?;
        if row.outcome_published_at.is_some() {
            return Err(ServiceError::field("closes_at", "outcome_published"));
        }
        if closes_at <= row.closes_at || closes_at <= self.clock.now() {
            return Err(ServiceError::field("closes_at", "deadline_not_later"));
        }
        let drafters = self.store.call_drafters(tenant.id(), call).await?;
        let mails: Vec<NewMail> = drafters
            .iter()
            .map(|d| {
                let lang = Lang::parse(&d.lang).unwrap_or_default();
                let when = closes_at.with_timezone(&tz).format("%d.%m.%Y %H:%M").to_string();
                crate::common::mails::notice_mail(
                    lang,
                    &d.email,
                    Some(&d.name),
                    "mail-deadline-extended-subject",
                    "mail-deadline-extended-body",
                    &[
                        ("tenant", tenant.name(lang).to_owned()),
                        ("tenant_gen", tenant.name_genitive(lang)),
                        ("tenant_acc", tenant.name_accusative(lang)),
                        ("call", localized(lang, &row.title_sq, &row.title_en).to_owned()),
                        ("deadline", when),
                    ],
                    &format!("{}/calls/{}", self.site_url(tenant), call),
                )
            })
            .collect();
        let ctx = self.ctx(tenant.id(), actor.user, actor.request_id.as_deref());
        Ok(self
            .store
            .extend_deadline(tenant.id(), call, closes_at, &mails, &ctx)
            .await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn local_times_use_the_tenant_zone() {
        let at = parse_local("opens_at", "2026-12-17T23:59", chrono_tz::Europe::Tirane).unwrap();
        assert_eq!(at.to_rfc3339(), "2026-12-17T22:59:00+00:00");
        assert_eq!(format_local(at, chrono_tz::Europe::Tirane), "2026-12-17T23:59");
        assert_eq!(
            parse_local("x", "17/12/2026", chrono_tz::Europe::Tirane)
                .unwrap_err()
                .code,
            "datetime_invalid"
        );
    }

    #[test]
    fn call_form_checks_dates_types_and_criteria() {
        let values = map(&[
            ("title_sq", "Thirrje"),
            ("summary_sq", "Përmbledhje"),
            ("contact_email", "k@elbasani.gov.al"),
            ("opens_at", "2026-12-10T09:00"),
            ("closes_at", "2026-12-01T09:00"),
        ]);
        let errs = parse_call_form(&values, &[], chrono_tz::Europe::Tirane).unwrap_err();
        let codes: Vec<(&str, &str)> = errs.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(
            codes,
            vec![
                ("closes_at", "date_order"),
                ("applicant_types", "choose_one"),
                ("criteria", "criteria_required")
            ]
        );
    }
}
