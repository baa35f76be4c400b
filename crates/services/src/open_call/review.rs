//! Reviewing applications against the call's criteria: assignments, conflicts of interest, scores.

use std::collections::HashMap;

use domain::{
    Action, ApplicationId, CallId, FieldError, Role, Text, UserId,
    open_call::{Score, weighted_average},
};
use store::{
    ApplicationRow, AssignmentRow, CallRow, CriterionRow, RankFilter, RankedRow, ReviewRow, RoleHolder, ScoreInput,
    ScoreRow, TenantRow,
};

use super::applications::SeenApplication;
use crate::{
    Actor, ServiceError, Services,
    common::{error::Result, localized, mails::notice_mail},
};

pub const COMMENT_MAX: usize = 1000;

/// One page of the ranked table.
#[derive(Debug, Clone)]
pub struct RankedPage {
    pub call: CallRow,
    pub rows: Vec<RankedRow>,
    pub has_next: bool,
}

/// An application with its reviews, for the coordinator.
#[derive(Debug, Clone)]
pub struct StaffApplication {
    pub application: SeenApplication,
    pub criteria: Vec<CriterionRow>,
    pub reviews: Vec<ReviewRow>,
    pub scores: Vec<ScoreRow>,
}

/// One call's part of a reviewer's work list.
#[derive(Debug, Clone)]
pub struct QueueGroup {
    pub call: CallRow,
    /// Not submitted yet (scores saved without submitting included), in the order the
    /// applications came in, which is the order of their references.
    pub todo: Vec<AssignmentRow>,
    /// Submitted, or a conflict of interest declared: nothing more to do.
    pub done: Vec<AssignmentRow>,
}

impl QueueGroup {
    /// Everything assigned in this call, done or not.
    pub fn total(&self) -> usize {
        self.todo.len() + self.done.len()
    }
}

/// A reviewer's work list, one group per call: the calls with work left first, then the calls
/// already done, each in the calls' usual order (latest deadline first).
#[derive(Debug, Clone)]
pub struct ReviewQueue {
    pub groups: Vec<QueueGroup>,
}

/// Groups assignments by call (in the order of `calls`), to-do apart from done, the calls with
/// work left first. Assignments to a call missing from `calls` are left out: there is no title
/// to show them under.
pub fn group_queue(assignments: Vec<AssignmentRow>, calls: &[CallRow]) -> Vec<QueueGroup> {
    let mut assignments = assignments;
    assignments.sort_by_key(|a| a.application_id);
    let mut groups: Vec<QueueGroup> = calls
        .iter()
        .filter(|c| assignments.iter().any(|a| a.call_id == c.id))
        .map(|c| QueueGroup {
            call: c.clone(),
            todo: Vec::new(),
            done: Vec::new(),
        })
        .collect();
    for a in assignments {
        if let Some(g) = groups.iter_mut().find(|g| g.call.id == a.call_id) {
            if a.submitted_at.is_some() || a.conflict == Some(true) {
                g.done.push(a);
            } else {
                g.todo.push(a);
            }
        }
    }
    // A stable sort keeps the calls' order within each half.
    groups.sort_by_key(|g| g.todo.is_empty());
    groups
}

/// What the scoring page shows its reviewer, decided here rather than in the page.
#[derive(Debug, Clone)]
pub struct ReviewSheet {
    pub application: SeenApplication,
    pub criteria: Vec<CriterionRow>,
    pub mine: Option<ReviewRow>,
    pub my_scores: Vec<ScoreRow>,
    /// The reviewer's own review is submitted (or a conflict declared): nothing changes any more.
    pub closed: bool,
    pub conflict: bool,
    /// The other reviewers' reviews with their scores (the reviewer's own is `mine`); empty
    /// until `closed` without conflict.
    pub others: Vec<ReviewRow>,
    pub other_scores: Vec<ScoreRow>,
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
        if let Err(e) = domain::check_characters("scores", comment) {
            errors.push(e);
        }
        if comment.chars().count() > COMMENT_MAX {
            errors.push(FieldError::too_long("scores", COMMENT_MAX));
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
    /// The people who may review, to pick from (name and organisation), for the coordinator.
    pub async fn reviewers(&self, actor: &Actor) -> Result<Vec<RoleHolder>> {
        actor.require_user(Action::ManageCalls)?;
        Ok(self.store.holders_of(actor.tenant, Role::Reviewer).await?)
    }

    /// The reviewer picked in the form (a person's id), who must still hold the role: it may
    /// have been revoked since the page was shown.
    async fn picked_reviewer(&self, actor: &Actor, raw: &str) -> Result<RoleHolder> {
        if raw.trim().is_empty() {
            return Err(ServiceError::field("reviewer", "reviewer_choose"));
        }
        let id = raw
            .trim()
            .parse::<i64>()
            .map_err(|_| ServiceError::field("reviewer", "choice_invalid"))?;
        self.store
            .holders_of(actor.tenant, Role::Reviewer)
            .await?
            .into_iter()
            .find(|h| h.id == id)
            .ok_or_else(|| ServiceError::field("reviewer", "not_a_reviewer"))
    }

    /// Tells a reviewer how many applications of a call wait for them, and by when.
    async fn tell_reviewer(&self, tenant: &TenantRow, actor: &Actor, reviewer: UserId, call: CallId) -> Result<()> {
        let Some(person) = self.store.user_by_id(actor.tenant, reviewer).await? else {
            return Ok(());
        };
        let Some(email) = person.email.as_deref() else {
            return Ok(());
        };
        let Some(row) = self.store.call(actor.tenant, call).await? else {
            return Ok(());
        };
        let waiting = self
            .store
            .assignments_of(actor.tenant, reviewer)
            .await?
            .iter()
            .filter(|a| a.call_id == call.0 && a.submitted_at.is_none() && a.conflict.is_none())
            .count();
        let lang = person.lang();
        let tz: chrono_tz::Tz = tenant.time_zone.parse().unwrap_or(chrono_tz::Europe::Tirane);
        let mail = notice_mail(
            lang,
            email,
            Some(&person.display_name),
            "mail-review-assigned-subject",
            "mail-review-assigned-body",
            &[
                ("tenant", tenant.name(lang).to_owned()),
                ("tenant_gen", tenant.name_genitive(lang)),
                ("tenant_acc", tenant.name_accusative(lang)),
                ("call", localized(lang, &row.title_sq, &row.title_en).to_owned()),
                ("count", waiting.to_string()),
                (
                    "closes",
                    row.closes_at.with_timezone(&tz).format("%d.%m.%Y").to_string(),
                ),
            ],
            &format!("{}/review", self.site_url(tenant)),
        );
        Ok(self
            .store
            .enqueue_mail(Some(actor.tenant), &mail, self.clock.now())
            .await?)
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

    /// Assigns the picked reviewer to one application and tells them by e-mail.
    pub async fn assign_reviewer(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        app: ApplicationId,
        picked: &str,
    ) -> Result<()> {
        actor.require_user(Action::ManageCalls)?;
        let reviewer = UserId(self.picked_reviewer(actor, picked).await?.id);
        let row = self
            .store
            .application(actor.tenant, app)
            .await?
            .ok_or(ServiceError::NotFound)?;
        self.check_independent(actor, &row, reviewer).await?;
        let ctx = self.ctx(actor.tenant, actor.user, actor.request_id.as_deref());
        self.store.assign_reviewer(actor.tenant, app, reviewer, &ctx).await?;
        self.tell_reviewer(tenant, actor, reviewer, row.call()).await
    }

    /// Assigns a reviewer to the whole call, except the applications they are not independent of.
    pub async fn assign_reviewer_to_call(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        call: CallId,
        picked: &str,
    ) -> Result<u64> {
        actor.require_user(Action::ManageCalls)?;
        let reviewer = UserId(self.picked_reviewer(actor, picked).await?.id);
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
        self.tell_reviewer(tenant, actor, reviewer, call).await?;
        Ok(n)
    }

    /// The coordinator's ranked table of a call: one page of applications, best first, and
    /// whether another page follows.
    pub async fn ranked_applications(
        &self,
        actor: &Actor,
        call: CallId,
        filter: &RankFilter,
        page: i64,
        per_page: i64,
    ) -> Result<RankedPage> {
        let call = self.call_for_staff(actor, call).await?;
        let mut rows = self
            .store
            .ranked_applications(actor.tenant, call.id(), filter, per_page + 1, (page - 1) * per_page)
            .await?;
        let has_next = rows.len() as i64 > per_page;
        rows.truncate(usize::try_from(per_page).unwrap_or(0));
        Ok(RankedPage { call, rows, has_next })
    }

    /// An application as the coordinator sees it: everything the applicant sent (the read is
    /// audited) and every review with its scores.
    pub async fn application_for_staff(&self, actor: &Actor, app: ApplicationId) -> Result<StaffApplication> {
        actor.require_user(Action::ManageCalls)?;
        let seen = self.application_for(actor, app).await?;
        Ok(StaffApplication {
            criteria: self.store.criteria(actor.tenant, seen.call.id()).await?,
            reviews: self.store.reviews_of(actor.tenant, app).await?,
            scores: self.store.scores_of(actor.tenant, app).await?,
            application: seen,
        })
    }

    /// The reviewer's work list, grouped by call, what is still to review first.
    pub async fn review_queue(&self, actor: &Actor) -> Result<ReviewQueue> {
        let user = actor.require_user(Action::ReviewApplications)?;
        let assignments = self.store.assignments_of(actor.tenant, user).await?;
        let calls = self.store.list_calls(actor.tenant, true).await?;
        Ok(ReviewQueue {
            groups: group_queue(assignments, &calls),
        })
    }

    /// The assigned reviewer's (the actor's) user id, or "not found" for anyone else.
    async fn assigned_reviewer(&self, actor: &Actor, app: ApplicationId) -> Result<UserId> {
        let user = actor.require_user(Action::ReviewApplications)?;
        if self.store.is_assigned(actor.tenant, app, user).await? {
            Ok(user)
        } else {
            Err(ServiceError::NotFound)
        }
    }

    /// The scoring sheet of an application for its assigned reviewer: the application (contact
    /// details included; the read is audited), the criteria, the reviewer's own review, and the
    /// other reviewers' scores only once the reviewer's own are submitted (no anchoring).
    pub async fn review_sheet(&self, actor: &Actor, app: ApplicationId) -> Result<ReviewSheet> {
        let user = self.assigned_reviewer(actor, app).await?;
        let seen = self.application_for(actor, app).await?;
        let criteria = self.store.criteria(actor.tenant, seen.call.id()).await?;
        let reviews = self.store.reviews_of(actor.tenant, app).await?;
        let scores = self.store.scores_of(actor.tenant, app).await?;
        let mine = reviews.iter().find(|r| r.reviewer_id == user.0).cloned();
        let my_scores: Vec<ScoreRow> = match &mine {
            Some(m) => scores.iter().filter(|s| s.review_id == m.id).cloned().collect(),
            None => Vec::new(),
        };
        let closed = mine.as_ref().is_some_and(|r| r.submitted_at.is_some());
        let conflict = mine.as_ref().is_some_and(|r| r.conflict);
        let (others, other_scores) = if closed && !conflict {
            let others: Vec<ReviewRow> = reviews.into_iter().filter(|r| r.reviewer_id != user.0).collect();
            let other_scores = scores
                .into_iter()
                .filter(|s| others.iter().any(|r| r.id == s.review_id))
                .collect();
            (others, other_scores)
        } else {
            (Vec::new(), Vec::new())
        };
        Ok(ReviewSheet {
            application: seen,
            criteria,
            mine,
            my_scores,
            closed,
            conflict,
            others,
            other_scores,
        })
    }

    pub async fn declare_conflict(&self, actor: &Actor, app: ApplicationId, note: &str) -> Result<()> {
        let user = self.assigned_reviewer(actor, app).await?;
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
        let user = self.assigned_reviewer(actor, app).await?;
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
    fn control_characters_in_comments_are_refused() {
        let criteria = [criterion(1, 1)];
        let errs = parse_scores(&values(&[("score-1", "3"), ("comment-1", "a\u{0}b")]), &criteria, false).unwrap_err();
        assert_eq!(errs[0].code, "control_characters");
    }
}
