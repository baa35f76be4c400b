//! Deciding on applications and publishing the outcome: decisions with reasons, the e-mails,
//! the public inclusion statistics.

use std::collections::BTreeMap;

use domain::{
    Action, ApplicationId, CallId, FieldError, Lang, SizeBand, Text,
    open_call::{ApplicantType, ApplicationStatus, Decision},
};
use store::{ApplicationFact, CallRow, NewMail, SelectedRow, TenantRow, mail_about_application};

use crate::{
    Actor, ServiceError, Services,
    common::{error::Result, localized},
    people::orgs::FIELDS_OF_ACTIVITY,
};

pub const REASON_MAX: usize = 1000;

/// Counts of applications and selections for one value of a dimension (type, size, field…).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Tally {
    pub applications: i64,
    pub selected: i64,
}

/// The public inclusion picture of a call: no personal data, only counts.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct CallStats {
    pub total: Tally,
    pub by_type: BTreeMap<String, Tally>,
    pub by_size: BTreeMap<String, Tally>,
    pub by_field: BTreeMap<String, Tally>,
    pub by_area: BTreeMap<String, Tally>,
}

/// The key under which applications without a known size band are counted.
pub const SIZE_UNKNOWN: &str = "unknown";

/// Counts applications and selections along each dimension. Fields and administrative units
/// are chosen from lists, several per application, so a row may count in several of them.
/// The statistics are public, so only values from the fixed lists are counted (the size bands,
/// the fields of activity, the municipality's administrative `units`): a value stored some other
/// way (an old row, a forged form) never reaches the page as text. An unknown size band counts
/// as `unknown`; an unknown field or unit is left out.
pub fn call_stats(facts: &[ApplicationFact], units: &[&str]) -> CallStats {
    let mut stats = CallStats::default();
    let add = |map: &mut BTreeMap<String, Tally>, key: &str, selected: bool| {
        let tally = map.entry(key.to_owned()).or_default();
        tally.applications += 1;
        tally.selected += i64::from(selected);
    };
    for f in facts {
        let selected = f.status == ApplicationStatus::Selected;
        stats.total.applications += 1;
        stats.total.selected += i64::from(selected);
        add(&mut stats.by_type, f.applicant_type.key(), selected);
        let size = SizeBand::parse("size_band", &f.size_band).map_or(SIZE_UNKNOWN, SizeBand::key);
        add(&mut stats.by_size, size, selected);
        for field in f.fields.split(',').filter(|x| FIELDS_OF_ACTIVITY.contains(x)) {
            add(&mut stats.by_field, field, selected);
        }
        for unit in f.areas.split(',').map(str::trim).filter(|x| units.contains(x)) {
            add(&mut stats.by_area, unit, selected);
        }
    }
    stats
}

/// The rows of a table whose values have no order of their own (fields, areas): the most
/// applications first, then by the name shown (`label`), so that ties read alphabetically.
pub fn by_count(map: &BTreeMap<String, Tally>, label: impl Fn(&str) -> String) -> Vec<(String, &Tally)> {
    let mut rows: Vec<(String, &Tally)> = map.iter().map(|(k, t)| (label(k), t)).collect();
    rows.sort_by(|(a, ta), (b, tb)| {
        tb.applications
            .cmp(&ta.applications)
            .then_with(|| a.to_lowercase().cmp(&b.to_lowercase()))
    });
    rows
}

impl CallStats {
    /// Applicant types in the order the call lists them (organisations, groups, citizens).
    pub fn types_in_order(&self) -> Vec<(&'static str, &Tally)> {
        ApplicantType::ALL
            .iter()
            .filter_map(|t| self.by_type.get(t.key()).map(|tally| (t.key(), tally)))
            .collect()
    }

    /// Size bands from the smallest to the largest, as people read them, unknown last.
    pub fn sizes_in_order(&self) -> Vec<(&'static str, &Tally)> {
        SizeBand::ALL
            .iter()
            .map(|b| b.key())
            .chain([SIZE_UNKNOWN])
            .filter_map(|k| self.by_size.get(k).map(|tally| (k, tally)))
            .collect()
    }

    /// Zeroes every count of selections (before the outcome is published).
    fn hide_selections(&mut self) {
        self.total.selected = 0;
        for map in [
            &mut self.by_type,
            &mut self.by_size,
            &mut self.by_field,
            &mut self.by_area,
        ] {
            for tally in map.values_mut() {
                tally.selected = 0;
            }
        }
    }
}

/// A call's public outcome.
#[derive(Debug, Clone)]
pub struct CallOutcome {
    pub call: CallRow,
    pub published: bool,
    pub stats: CallStats,
    pub selected: Vec<SelectedRow>,
    /// Selected applicants who did not agree to be listed: counted here, never named, so that
    /// the list does not seem to contradict the number of selections.
    pub unlisted: i64,
}

impl Services {
    /// Records a decision, with its reason, on one or several applications of a call.
    pub async fn decide(
        &self,
        actor: &Actor,
        call: CallId,
        apps: &[ApplicationId],
        decision: &str,
        reason: &str,
    ) -> Result<u64> {
        let user = actor.require_user(Action::ManageCalls)?;
        let decision = Decision::parse(decision).ok_or_else(|| ServiceError::field("decision", "choice_invalid"));
        let reason = Text::parse("reason", reason, true, REASON_MAX);
        let mut errors: Vec<FieldError> = Vec::new();
        if let Err(ServiceError::Invalid(e)) = &decision {
            errors.extend(e.iter().cloned());
        }
        errors.extend(reason.clone().err());
        if apps.is_empty() {
            errors.push(FieldError::new("applications", "choose_one"));
        }
        let (Ok(decision), Ok(reason)) = (decision, reason) else {
            return Err(ServiceError::Invalid(errors));
        };
        if !errors.is_empty() {
            return Err(ServiceError::Invalid(errors));
        }
        // The same application ticked twice is decided (and audited) once.
        let mut apps = apps.to_vec();
        apps.sort_by_key(|a| a.0);
        apps.dedup();
        let ctx = self.ctx(actor.tenant, Some(user), actor.request_id.as_deref());
        self.store
            .decide(actor.tenant, call, &apps, decision.status(), reason.as_str(), &ctx)
            .await
            .map_err(|e| match ServiceError::from(e) {
                ServiceError::Conflict(field) if field == "applications" => {
                    ServiceError::field("applications", "applications_not_decidable")
                }
                ServiceError::Conflict(_) => ServiceError::field("decision", "outcome_published"),
                other => other,
            })
    }

    /// What publishing the outcome would do, for the confirmation that names it: how many
    /// applications have each decision. Refused for the same reasons as publishing itself, so
    /// that nobody is asked to confirm what cannot be done.
    pub async fn outcome_preview(&self, actor: &Actor, call: CallId) -> Result<Vec<store::StatusCount>> {
        actor.require_user(Action::ManageCalls)?;
        let row = self
            .store
            .call(actor.tenant, call)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if row.outcome_published_at.is_some() {
            return Err(ServiceError::field("outcome", "outcome_published"));
        }
        if self.clock.now() < row.closes_at {
            return Err(ServiceError::field("outcome", "call_still_open"));
        }
        let counts: Vec<store::StatusCount> = self
            .store
            .application_counts(actor.tenant, call)
            .await?
            .into_iter()
            .filter(|c| c.status.is_application())
            .collect();
        if counts.iter().any(|c| c.status == ApplicationStatus::Submitted) {
            return Err(ServiceError::field("outcome", "undecided_remain"));
        }
        Ok(counts)
    }

    /// Publishes the outcome: each applicant is told the decision and its reason, in their
    /// language; the selected are handed over to the forum.
    pub async fn publish_outcome(&self, tenant: &TenantRow, actor: &Actor, call: CallId) -> Result<()> {
        let user = actor.require_user(Action::ManageCalls)?;
        let row = self
            .store
            .call(tenant.id(), call)
            .await?
            .ok_or(ServiceError::NotFound)?;
        // Until the deadline people may still apply: an outcome then would leave them undecided.
        if self.clock.now() < row.closes_at {
            return Err(ServiceError::field("outcome", "call_still_open"));
        }
        let link = format!("{}/calls/{}/outcome", self.site_url(tenant), call);
        let mails: Vec<NewMail> = self
            .store
            .outcome_recipients(tenant.id(), call)
            .await?
            .into_iter()
            .map(|r| {
                let lang = Lang::parse(&r.lang).unwrap_or_default();
                crate::common::mails::notice_mail(
                    lang,
                    &r.email,
                    Some(&r.name),
                    "mail-outcome-subject",
                    "mail-outcome-body",
                    &[
                        ("tenant", tenant.name(lang).to_owned()),
                        ("tenant_gen", tenant.name_genitive(lang)),
                        ("tenant_acc", tenant.name_accusative(lang)),
                        ("call", localized(lang, &row.title_sq, &row.title_en).to_owned()),
                        ("reference", r.reference.clone()),
                        ("outcome", views::t(lang, &format!("status-{}", r.status.key()))),
                        ("reason", domain::open_call::as_sentence(&r.reason)),
                    ],
                    &link,
                )
                .about(mail_about_application(r.application_id))
            })
            .collect();
        let ctx = self.ctx(tenant.id(), Some(user), actor.request_id.as_deref());
        self.store
            .publish_outcome(tenant.id(), call, &mails, &ctx)
            .await
            .map_err(|e| match ServiceError::from(e) {
                ServiceError::Conflict(field) if field == "status" => {
                    ServiceError::field("outcome", "undecided_remain")
                }
                ServiceError::Conflict(_) => ServiceError::field("outcome", "outcome_published"),
                other => other,
            })
    }

    pub async fn call_stats(&self, tenant: &TenantRow, call: CallId) -> Result<CallStats> {
        let facts = self.store.application_facts(tenant.id(), call).await?;
        Ok(call_stats(&facts, &tenant.admin_units()))
    }

    /// The public outcome of a call: the inclusion statistics, and once it is published the
    /// selected who agreed to be listed and how many did not. Before publication the selections
    /// count as zero, so that no decision shows early.
    pub async fn call_outcome(&self, tenant: &TenantRow, actor: &Actor, call: CallId) -> Result<CallOutcome> {
        let call = self.visible_call(actor, call).await?;
        let published = call.outcome_published_at.is_some();
        let mut stats = self.call_stats(tenant, call.id()).await?;
        let selected = if published {
            self.store.selected_public(actor.tenant, call.id()).await?
        } else {
            stats.hide_selections();
            Vec::new()
        };
        let listed = i64::try_from(selected.len()).unwrap_or(i64::MAX);
        Ok(CallOutcome {
            unlisted: (stats.total.selected - listed).max(0),
            call,
            published,
            stats,
            selected,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statistics_count_every_dimension() {
        use domain::open_call::ApplicantType;
        let fact = |kind, status, size: &str, fields: &str, areas: &str| ApplicationFact {
            applicant_type: kind,
            status,
            size_band: size.to_owned(),
            fields: fields.to_owned(),
            areas: areas.to_owned(),
        };
        let facts = vec![
            fact(
                ApplicantType::Cso,
                ApplicationStatus::Selected,
                "6_20",
                "gender,youth",
                "Elbasan,Shirgjan",
            ),
            fact(
                ApplicantType::Citizen,
                ApplicationStatus::Declined,
                "",
                "youth",
                "Elbasan",
            ),
        ];
        let s = call_stats(&facts, &["Elbasan", "Shirgjan"]);
        assert_eq!(
            s.total,
            Tally {
                applications: 2,
                selected: 1
            }
        );
        assert_eq!(
            s.by_type["cso"],
            Tally {
                applications: 1,
                selected: 1
            }
        );
        assert_eq!(
            s.by_field["youth"],
            Tally {
                applications: 2,
                selected: 1
            }
        );
        assert_eq!(
            s.by_area["Elbasan"],
            Tally {
                applications: 2,
                selected: 1
            }
        );
        assert_eq!(
            s.by_size["unknown"],
            Tally {
                applications: 1,
                selected: 0
            }
        );
    }

    fn fact(size: &str, fields: &str, areas: &str) -> ApplicationFact {
        ApplicationFact {
            applicant_type: domain::open_call::ApplicantType::Cso,
            status: ApplicationStatus::Submitted,
            size_band: size.to_owned(),
            fields: fields.to_owned(),
            areas: areas.to_owned(),
        }
    }

    #[test]
    fn only_values_from_the_lists_are_counted() {
        let facts = vec![
            fact(
                "Rreth 30 veta, na telefononi",
                "youth,Emri im",
                "Elbasan,Rruga e Kavajës 5",
            ),
            fact("over_50", "youth", "Elbasan"),
        ];
        let s = call_stats(&facts, &["Elbasan"]);
        assert_eq!(s.by_size.keys().collect::<Vec<_>>(), ["over_50", "unknown"]);
        assert_eq!(s.by_field.keys().collect::<Vec<_>>(), ["youth"]);
        assert_eq!(s.by_area.keys().collect::<Vec<_>>(), ["Elbasan"]);
    }

    #[test]
    fn sizes_read_smallest_first_and_other_tables_by_count() {
        let facts = vec![
            fact("21_50", "media,youth", "Gracen"),
            fact("", "youth,culture", "Shirgjan"),
            fact("up_5", "culture", "Elbasan"),
            fact("6_20", "youth", "Shirgjan"),
            fact("over_50", "", ""),
        ];
        let s = call_stats(&facts, &["Elbasan", "Gracen", "Shirgjan"]);
        let sizes: Vec<&str> = s.sizes_in_order().into_iter().map(|(k, _)| k).collect();
        assert_eq!(sizes, ["up_5", "6_20", "21_50", "over_50", "unknown"]);
        let fields: Vec<String> = by_count(&s.by_field, str::to_owned)
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        assert_eq!(fields, ["youth", "culture", "media"]);
        let areas: Vec<String> = by_count(&s.by_area, str::to_owned)
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        assert_eq!(areas, ["Shirgjan", "Elbasan", "Gracen"]);
    }
}
