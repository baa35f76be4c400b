//! Reviewing applications against the call's criteria, deciding, and publishing the outcome.

use std::collections::{BTreeMap, HashMap};

use domain::{
    ApplicationId, CallId, Email, FieldError, Lang, Role, Text, UserId,
    calls::{ApplicationStatus, Decision, Score, weighted_average},
};
use store::{ApplicationRow, CallRow, CriterionRow, NewMail, ScoreInput, TenantRow};

use crate::{Actor, ServiceError, Services, calls::localized, error::Result};

pub const COMMENT_MAX: usize = 1000;
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

/// Counts applications and selections along each dimension. Areas are typed freely and may
/// list several, separated by commas; they are counted as typed, trimmed.
pub fn call_stats(facts: &[(String, String, String, String, String, bool)]) -> CallStats {
    let mut stats = CallStats::default();
    let add = |map: &mut BTreeMap<String, Tally>, key: &str, selected: bool| {
        let tally = map.entry(key.to_owned()).or_default();
        tally.applications += 1;
        tally.selected += i64::from(selected);
    };
    for (kind, status, size, fields, areas, _) in facts {
        let selected = status == "selected";
        stats.total.applications += 1;
        stats.total.selected += i64::from(selected);
        add(&mut stats.by_type, kind, selected);
        add(
            &mut stats.by_size,
            if size.is_empty() { "unknown" } else { size },
            selected,
        );
        for f in fields.split(',').filter(|f| !f.is_empty()) {
            add(&mut stats.by_field, f, selected);
        }
        for a in areas.split(',').map(str::trim).filter(|a| !a.is_empty()) {
            add(&mut stats.by_area, a, selected);
        }
    }
    stats
}

/// Parses the scoring form: `score-{criterion}` (1 to 5) and `comment-{criterion}`. Submission
/// needs every criterion scored; a saved draft may leave some out.
pub fn parse_scores(
    values: &HashMap<String, String>,
    criteria: &[CriterionRow],
    submit: bool,
) -> Result<Vec<ScoreInput>, Vec<FieldError>> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for c in criteria {
        let raw = values
            .get(&format!("score-{}", c.id))
            .map(String::as_str)
            .unwrap_or("")
            .trim();
        let comment = values
            .get(&format!("comment-{}", c.id))
            .map(String::as_str)
            .unwrap_or("");
        if comment.chars().count() > COMMENT_MAX {
            errors.push(FieldError::new("scores", "too_long"));
        }
        match (raw.is_empty(), Score::parse(raw)) {
            (true, _) if submit => errors.push(FieldError::new("scores", "score_missing")),
            (true, _) => {}
            (false, Some(score)) => out.push(ScoreInput {
                criterion_id: c.id,
                score: i64::from(score.value()),
                comment: comment.trim().to_owned(),
            }),
            (false, None) => errors.push(FieldError::new("scores", "score_invalid")),
        }
    }
    errors.dedup();
    if errors.is_empty() { Ok(out) } else { Err(errors) }
}

impl Services {
    async fn reviewer_by_email(&self, actor: &Actor, email: &str) -> Result<UserId> {
        let email = Email::parse("reviewer", email).map_err(|e| ServiceError::Invalid(vec![e]))?;
        let user = self
            .store
            .user_by_email(actor.tenant, &email)
            .await?
            .ok_or_else(|| ServiceError::field("reviewer", "not_a_reviewer"))?;
        if !self
            .store
            .roles_of(actor.tenant, user.id())
            .await?
            .contains(Role::Reviewer)
        {
            return Err(ServiceError::field("reviewer", "not_a_reviewer"));
        }
        Ok(user.id())
    }

    /// A reviewer may not review an application they made or one of their organisation's.
    async fn check_independent(&self, actor: &Actor, app: &ApplicationRow, reviewer: UserId) -> Result<()> {
        let own = app.applicant_id == reviewer.0
            || match app.org_id {
                Some(org) => self
                    .store
                    .org_members(actor.tenant, domain::OrgId(org))
                    .await?
                    .iter()
                    .any(|m| m.user_id == reviewer.0),
                None => false,
            };
        if own {
            Err(ServiceError::field("reviewer", "reviewer_not_independent"))
        } else {
            Ok(())
        }
    }

    pub async fn assign_reviewer(&self, actor: &Actor, app: ApplicationId, reviewer_email: &str) -> Result<()> {
        let reviewer = self.reviewer_by_email(actor, reviewer_email).await?;
        let row = self
            .store
            .application(actor.tenant, app)
            .await?
            .ok_or(ServiceError::NotFound)?;
        self.check_independent(actor, &row, reviewer).await?;
        let ctx = self.ctx(actor.tenant, actor.user, actor.request_id.as_deref());
        Ok(self.store.assign_reviewer(actor.tenant, app, reviewer, &ctx).await?)
    }

    /// Assigns a reviewer to the whole call, except the applications they are not independent of.
    pub async fn assign_reviewer_to_call(&self, actor: &Actor, call: CallId, reviewer_email: &str) -> Result<u64> {
        let reviewer = self.reviewer_by_email(actor, reviewer_email).await?;
        let ctx = self.ctx(actor.tenant, actor.user, actor.request_id.as_deref());
        let n = self
            .store
            .assign_reviewer_to_call(actor.tenant, call, reviewer, &ctx)
            .await?;
        // Undo the assignments to their own applications, which the bulk insert cannot see.
        for a in self.store.assignments_of(actor.tenant, reviewer).await? {
            if a.call_id == call.0 {
                let row = self
                    .store
                    .application(actor.tenant, ApplicationId(a.application_id))
                    .await?
                    .ok_or(ServiceError::NotFound)?;
                if self.check_independent(actor, &row, reviewer).await.is_err() {
                    self.store
                        .unassign_reviewer(actor.tenant, row.id(), reviewer, &ctx)
                        .await?;
                }
            }
        }
        Ok(n)
    }

    /// An application as its assigned reviewer sees it (contact details included: the read is
    /// audited). Anyone else gets "not found".
    pub async fn application_for_reviewer(
        &self,
        actor: &Actor,
        app: ApplicationId,
    ) -> Result<(ApplicationRow, CallRow)> {
        let user = actor.user.ok_or(ServiceError::Forbidden)?;
        if !self.store.is_assigned(actor.tenant, app, user).await? {
            return Err(ServiceError::NotFound);
        }
        let row = self
            .store
            .application(actor.tenant, app)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let call = self
            .store
            .call(actor.tenant, row.call())
            .await?
            .ok_or(ServiceError::NotFound)?;
        let ctx = self.ctx(actor.tenant, Some(user), actor.request_id.as_deref());
        self.store.record_application_read(actor.tenant, app, &ctx).await?;
        Ok((row, call))
    }

    pub async fn declare_conflict(&self, actor: &Actor, app: ApplicationId, note: &str) -> Result<()> {
        let user = actor.user.ok_or(ServiceError::Forbidden)?;
        if !self.store.is_assigned(actor.tenant, app, user).await? {
            return Err(ServiceError::NotFound);
        }
        let note =
            Text::parse("conflict_note", note, false, COMMENT_MAX).map_err(|e| ServiceError::Invalid(vec![e]))?;
        let ctx = self.ctx(actor.tenant, Some(user), actor.request_id.as_deref());
        self.store
            .declare_conflict(actor.tenant, app, user, note.as_str(), &ctx)
            .await
            .map_err(|e| match ServiceError::from(e) {
                ServiceError::Conflict(_) => ServiceError::field("scores", "review_closed"),
                other => other,
            })
    }

    /// Saves scores; with `submit`, checks that every criterion is scored, computes the
    /// weighted average and closes the review.
    pub async fn save_review(
        &self,
        actor: &Actor,
        app: ApplicationId,
        values: &HashMap<String, String>,
        submit: bool,
    ) -> Result<()> {
        let user = actor.user.ok_or(ServiceError::Forbidden)?;
        if !self.store.is_assigned(actor.tenant, app, user).await? {
            return Err(ServiceError::NotFound);
        }
        let row = self
            .store
            .application(actor.tenant, app)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let criteria = self.store.criteria(actor.tenant, row.call()).await?;
        let scores = parse_scores(values, &criteria, submit).map_err(ServiceError::Invalid)?;
        let average = if submit {
            let pairs: Vec<(u8, i64)> = scores
                .iter()
                .filter_map(|s| {
                    criteria
                        .iter()
                        .find(|c| c.id == s.criterion_id)
                        .map(|c| (s.score as u8, c.weight))
                })
                .collect();
            weighted_average(&pairs)
        } else {
            None
        };
        let ctx = self.ctx(actor.tenant, Some(user), actor.request_id.as_deref());
        self.store
            .save_review(actor.tenant, app, user, &scores, average, &ctx)
            .await
            .map_err(|e| match ServiceError::from(e) {
                ServiceError::Conflict(_) => ServiceError::field("scores", "review_closed"),
                other => other,
            })
    }

    /// Records a decision, with its reason, on one or several applications of a call.
    pub async fn decide(
        &self,
        actor: &Actor,
        call: CallId,
        apps: &[ApplicationId],
        decision: &str,
        reason: &str,
    ) -> Result<u64> {
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
        let ctx = self.ctx(actor.tenant, actor.user, actor.request_id.as_deref());
        self.store
            .decide(actor.tenant, call, apps, decision.status().key(), reason.as_str(), &ctx)
            .await
            .map_err(|e| match ServiceError::from(e) {
                ServiceError::Conflict(_) => ServiceError::field("decision", "outcome_published"),
                other => other,
            })
    }

    /// Publishes the outcome: each applicant is told the decision and its reason, in their
    /// language; the selected are handed over to the forum.
    pub async fn publish_outcome(&self, tenant: &TenantRow, actor: &Actor, call: CallId) -> Result<()> {
        let row = self
            .store
            .call(tenant.id(), call)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let link = format!("{}/calls/{}/outcome", self.site_url(tenant), call);
        let mails: Vec<NewMail> = self
            .store
            .outcome_recipients(tenant.id(), call)
            .await?
            .into_iter()
            .map(|(email, name, lang, status, reason, reference)| {
                let lang = Lang::parse(&lang).unwrap_or_default();
                let status = ApplicationStatus::parse(&status).unwrap_or(ApplicationStatus::Declined);
                crate::mails::link_mail(
                    lang,
                    &email,
                    Some(&name),
                    "mail-outcome-subject",
                    "mail-outcome-body",
                    &[
                        ("tenant", tenant.name(lang).to_owned()),
                        ("call", localized(lang, &row.title_sq, &row.title_en).to_owned()),
                        ("reference", reference),
                        ("outcome", views::t(lang, &format!("status-{}", status.key()))),
                        ("reason", reason),
                    ],
                    &link,
                )
            })
            .collect();
        let ctx = self.ctx(tenant.id(), actor.user, actor.request_id.as_deref());
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

    pub async fn call_stats(&self, tenant: domain::TenantId, call: CallId) -> Result<CallStats> {
        Ok(call_stats(&self.store.application_facts(tenant, call).await?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn criterion(id: i64, weight: i64) -> CriterionRow {
        CriterionRow {
            id,
            position: 0,
            name_sq: "K".into(),
            name_en: String::new(),
            description_sq: String::new(),
            description_en: String::new(),
            weight,
        }
    }

    fn values(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn scores_are_checked() {
        let criteria = [criterion(1, 3), criterion(2, 1)];
        assert_eq!(
            parse_scores(&values(&[("score-1", "4")]), &criteria, false)
                .unwrap()
                .len(),
            1
        );
        assert_eq!(
            parse_scores(&values(&[("score-1", "4")]), &criteria, true).unwrap_err()[0].code,
            "score_missing"
        );
        assert_eq!(
            parse_scores(&values(&[("score-1", "6"), ("score-2", "1")]), &criteria, true).unwrap_err()[0].code,
            "score_invalid"
        );
        assert_eq!(
            parse_scores(&values(&[("score-1", "0"), ("score-2", "1")]), &criteria, false).unwrap_err()[0].code,
            "score_invalid"
        );
    }

    #[test]
    fn statistics_count_every_dimension() {
        let facts = vec![
            (
                "cso".to_owned(),
                "selected".to_owned(),
                "6_20".to_owned(),
                "gender,youth".to_owned(),
                "Elbasan, Shirgjan".to_owned(),
                true,
            ),
            (
                "citizen".to_owned(),
                "declined".to_owned(),
                String::new(),
                "youth".to_owned(),
                "Elbasan".to_owned(),
                false,
            ),
        ];
        let s = call_stats(&facts);
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
}
