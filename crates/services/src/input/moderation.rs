//! Moderation of public input: anyone signed in reports an input or a comment with a reason (once
//! per item); moderators, and only they, see the open reports, hide an item with a reason (asked
//! once more before it is done) or dismiss a report; the author of a hidden item appeals once,
//! and a coordinator decides the appeal. Hidden content stays in the database and in the audit
//! log; the author is e-mailed the reason and, later, the decision. Every write of a person
//! counts against the municipality's hourly limit ([`Services::input_write_allowed`]).

use chrono::Duration;
use domain::{
    Action, Lang, UserId,
    input::{
        AppealOutcome, ModerationTarget,
        moderation::{AppealRefusal, may_appeal, may_report, parse_reason},
    },
};
use store::{
    NewMail, TenantRow,
    input::moderation::{AppealRow, ModeratedItem, ReportRow},
};

use crate::{Actor, ServiceError, Services, common::error::Result, common::mails::notice_mail};

/// Open reports shown on the moderation queue at most.
const QUEUE_MAX: i64 = 500;
/// Appeals shown on the coordinator's list at most.
const APPEALS_MAX: i64 = 500;

/// What a hiding did, or that it must be confirmed first.
#[derive(Debug, Clone)]
pub enum HideOutcome {
    /// The reason is valid; nothing is done until the moderator confirms.
    NeedsConfirmation {
        item: ModeratedItem,
        reason: String,
    },
    Hidden {
        item: ModeratedItem,
    },
}

/// What deciding an appeal did, or that it must be confirmed first.
#[derive(Debug, Clone)]
pub enum DecideOutcome {
    NeedsConfirmation { appeal: AppealRow, outcome: AppealOutcome },
    Decided { appeal: AppealRow, outcome: AppealOutcome },
}

fn invalid(e: domain::FieldError) -> ServiceError {
    ServiceError::Invalid(vec![e])
}

/// The input's title for an e-mail about an item: the placeholder when the item is a comment
/// under a hidden input (the comment's author may not read the hidden title).
fn mail_title(lang: Lang, title: &str, withheld: bool) -> String {
    if withheld {
        views::t(lang, "input-hidden-title")
    } else {
        title.to_owned()
    }
}

/// Why `decider` may not decide this appeal, if so: they hid the item, or they wrote it.
pub fn own_appeal(appeal: &AppealRow, decider: UserId) -> Option<&'static str> {
    if appeal.hidden_by == Some(decider.0) {
        Some("appeal_own_hiding")
    } else if appeal.author_id == decider.0 {
        Some("appeal_own_content")
    } else {
        None
    }
}

impl Services {
    /// Counts one write (an input, an edit, a comment, a report, an appeal) of `user` against the
    /// municipality's `input_writes_per_hour`, and refuses it once the hour's allowance is spent,
    /// with the message on `field` (the field the person was filling in, so the form is shown
    /// again with the text kept). The counter lives in the database, so the limit holds across
    /// instances; a refused attempt still counts, so hammering does not reopen the window.
    pub async fn input_write_allowed(
        &self,
        tenant: &store::TenantRow,
        user: UserId,
        field: &'static str,
    ) -> Result<(), ServiceError> {
        let key = format!("input-write:{}:{}", tenant.id().0, user.0);
        let hits = self.store.rate_hit(&key, Duration::hours(1), self.clock.now()).await?;
        if hits > tenant.input_writes_per_hour.max(1) {
            return Err(ServiceError::field(field, "input_rate_limited"));
        }
        Ok(())
    }

    /// The item a report, a hiding or an appeal names.
    pub async fn moderated_item(&self, tenant: &TenantRow, kind: ModerationTarget, id: i64) -> Result<ModeratedItem> {
        self.store
            .moderated_item(tenant.id(), kind, id)
            .await?
            .ok_or(ServiceError::NotFound)
    }

    /// The item as a reporter sees it before reporting (signed in). A hidden item, or a comment
    /// under a hidden input, is not shown (its page would show the hidden title) and takes no
    /// report: the moderators have dealt with it already.
    pub async fn report_target(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        kind: ModerationTarget,
        id: i64,
    ) -> Result<ModeratedItem> {
        actor.require_user(Action::TakePartInInput)?;
        let item = self.moderated_item(tenant, kind, id).await?;
        if item.hidden_at.is_some() || item.title_withheld(kind) {
            return Err(ServiceError::NotFound);
        }
        Ok(item)
    }

    /// Reports an item with a reason, once per person. Errors name the field `report_reason`.
    pub async fn report_item(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        kind: ModerationTarget,
        id: i64,
        raw_reason: &str,
    ) -> Result<ModeratedItem> {
        let user = actor.require_user(Action::TakePartInInput)?;
        let item = self.report_target(tenant, actor, kind, id).await?;
        let reason = parse_reason("report_reason", raw_reason).map_err(invalid)?;
        may_report(self.store.has_reported(tenant.id(), kind, id, user).await?).map_err(invalid)?;
        self.input_write_allowed(tenant, user, "report_reason").await?;
        let ctx = self.ctx(tenant.id(), Some(user), actor.request_id.as_deref());
        if !self
            .store
            .report_item(tenant.id(), kind, id, user, &reason, &ctx)
            .await?
        {
            return Err(ServiceError::field("report_reason", "report_already"));
        }
        Ok(item)
    }

    /// The open reports, oldest first, with the reported text (moderators only).
    pub async fn moderation_queue(&self, actor: &Actor) -> Result<Vec<ReportRow>> {
        actor.require_user(Action::ModerateInput)?;
        Ok(self.store.open_reports(actor.tenant, QUEUE_MAX).await?)
    }

    /// The item a moderator is about to hide (moderators only).
    pub async fn hide_target(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        kind: ModerationTarget,
        id: i64,
    ) -> Result<ModeratedItem> {
        actor.require_user(Action::ModerateInput)?;
        self.moderated_item(tenant, kind, id).await
    }

    /// Hides an item with a reason shown to its author and in place of the text, closes its
    /// reports and e-mails the author the reason and the way to appeal. Without `confirmed` it
    /// only checks the reason and asks again. Hiding a hidden item is refused on `hide_reason`.
    pub async fn hide_item(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        kind: ModerationTarget,
        id: i64,
        raw_reason: &str,
        confirmed: bool,
    ) -> Result<HideOutcome> {
        let user = actor.require_user(Action::ModerateInput)?;
        let item = self.moderated_item(tenant, kind, id).await?;
        let reason = parse_reason("hide_reason", raw_reason).map_err(invalid)?;
        if item.hidden_at.is_some() {
            return Err(ServiceError::field("hide_reason", "already_hidden"));
        }
        if !confirmed {
            return Ok(HideOutcome::NeedsConfirmation { item, reason });
        }
        let mail = item.author_email.as_deref().map(|to| {
            let lang = Lang::parse(&item.author_lang).unwrap_or_default();
            self.moderation_mail(
                tenant,
                lang,
                to,
                &item.author_name,
                &format!("mail-input-hidden-{}", kind.key()),
                &[
                    ("title", mail_title(lang, &item.title, item.title_withheld(kind))),
                    ("reason", reason.clone()),
                ],
                &format!("{}/appeals/{}/{id}", self.site_url(tenant), kind.key()),
                item.input_id,
            )
        });
        let ctx = self.ctx(tenant.id(), Some(user), actor.request_id.as_deref());
        if !self
            .store
            .hide_item(tenant.id(), kind, id, &reason, mail.as_ref(), &ctx)
            .await?
        {
            return Err(ServiceError::field("hide_reason", "already_hidden"));
        }
        let item = self.moderated_item(tenant, kind, id).await?;
        Ok(HideOutcome::Hidden { item })
    }

    /// Closes a report without hiding anything (moderators only). Harmless twice.
    pub async fn dismiss_report(&self, actor: &Actor, report: i64) -> Result<()> {
        let user = actor.require_user(Action::ModerateInput)?;
        let ctx = self.ctx(actor.tenant, Some(user), actor.request_id.as_deref());
        self.store.dismiss_report(actor.tenant, report, &ctx).await?;
        Ok(())
    }

    /// The hidden item and its appeal, if made, for its author's appeal page. Anyone else is
    /// refused.
    pub async fn appeal_page(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        kind: ModerationTarget,
        id: i64,
    ) -> Result<(ModeratedItem, Option<AppealRow>)> {
        let user = actor.require_user(Action::TakePartInInput)?;
        let item = self.moderated_item(tenant, kind, id).await?;
        let appeal = self.store.appeal_of(tenant.id(), kind, id).await?;
        // The author of an item hidden and then reinstated still reads the decision.
        if item.author_id != user.0 {
            return Err(ServiceError::Forbidden);
        }
        if item.hidden_at.is_none() && appeal.is_none() {
            return Err(ServiceError::NotFound);
        }
        Ok((item, appeal))
    }

    /// The author's one appeal against a hiding. A second is refused on the field `appeal_text`.
    pub async fn appeal_hiding(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        kind: ModerationTarget,
        id: i64,
        raw_body: &str,
    ) -> Result<i64> {
        let user = actor.require_user(Action::TakePartInInput)?;
        let item = self.moderated_item(tenant, kind, id).await?;
        let already = self.store.appeal_of(tenant.id(), kind, id).await?.is_some();
        match may_appeal(item.author_id == user.0, item.hidden_at.is_some(), already) {
            Ok(()) => {}
            Err(AppealRefusal::NotAuthor) => return Err(ServiceError::Forbidden),
            Err(AppealRefusal::NotHidden) => return Err(ServiceError::field("appeal_text", "appeal_not_hidden")),
            Err(AppealRefusal::AlreadyAppealed) => return Err(ServiceError::field("appeal_text", "appeal_already")),
        }
        let body = parse_reason("appeal_text", raw_body).map_err(invalid)?;
        self.input_write_allowed(tenant, user, "appeal_text").await?;
        let ctx = self.ctx(tenant.id(), Some(user), actor.request_id.as_deref());
        self.store
            .add_appeal(tenant.id(), kind, id, user, &body, &ctx)
            .await?
            .ok_or(ServiceError::field("appeal_text", "appeal_already"))
    }

    /// Every appeal, undecided first (coordinators).
    pub async fn appeals(&self, actor: &Actor) -> Result<Vec<AppealRow>> {
        actor.require_user(Action::ManageInput)?;
        Ok(self.store.appeals(actor.tenant, APPEALS_MAX).await?)
    }

    pub async fn appeal(&self, actor: &Actor, appeal: i64) -> Result<AppealRow> {
        actor.require_user(Action::ManageInput)?;
        self.store
            .appeal(actor.tenant, appeal)
            .await?
            .ok_or(ServiceError::NotFound)
    }

    /// A coordinator decides an appeal with a reason: `upheld` (the hiding stands) or
    /// `reinstated` (shown again; the audit log keeps the whole story). The author is e-mailed
    /// the decision. Without `confirmed` it only checks and asks again.
    pub async fn decide_appeal(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        appeal: i64,
        raw_outcome: &str,
        raw_reason: &str,
        confirmed: bool,
    ) -> Result<DecideOutcome> {
        let user = actor.require_user(Action::ManageInput)?;
        let row = self.appeal(actor, appeal).await?;
        let outcome = AppealOutcome::parse(raw_outcome);
        let reason = parse_reason("appeal_reason", raw_reason);
        let mut errors = Vec::new();
        if outcome.is_none() {
            errors.push(domain::FieldError::new("appeal_outcome", "appeal_outcome_required"));
        }
        if let Err(e) = &reason {
            errors.push(e.clone());
        }
        if row.decided_at.is_some() {
            errors.push(domain::FieldError::new("appeal_outcome", "appeal_decided"));
        } else if let Some(code) = own_appeal(&row, user) {
            // No one judges their own hiding or their own content: another coordinator decides.
            errors.push(domain::FieldError::new("appeal_outcome", code));
        }
        let (Some(outcome), Ok(reason), true) = (outcome, reason, errors.is_empty()) else {
            return Err(ServiceError::Invalid(errors));
        };
        if !confirmed {
            return Ok(DecideOutcome::NeedsConfirmation { appeal: row, outcome });
        }
        let author = self.store.user_by_id(tenant.id(), UserId(row.author_id)).await?;
        let mail = author.as_ref().and_then(|a| {
            a.email.as_deref().map(|to| {
                let link = match (row.target_kind, outcome) {
                    (ModerationTarget::Input, _) => format!("{}/input/{}", self.site_url(tenant), row.input_id),
                    (ModerationTarget::Comment, _) => {
                        format!(
                            "{}/input/{}#comment-{}",
                            self.site_url(tenant),
                            row.input_id,
                            row.target_id
                        )
                    }
                };
                self.moderation_mail(
                    tenant,
                    a.lang(),
                    to,
                    &a.display_name,
                    &format!("mail-input-appeal-{}", outcome.key()),
                    &[
                        ("title", mail_title(a.lang(), &row.title, row.title_withheld())),
                        ("reason", reason.clone()),
                    ],
                    &link,
                    row.input_id,
                )
            })
        });
        let ctx = self.ctx(tenant.id(), Some(user), actor.request_id.as_deref());
        if !self
            .store
            .decide_appeal(tenant.id(), appeal, outcome, &reason, mail.as_ref(), &ctx)
            .await?
        {
            return Err(ServiceError::field("appeal_outcome", "appeal_decided"));
        }
        let row = self.appeal(actor, appeal).await?;
        Ok(DecideOutcome::Decided { appeal: row, outcome })
    }

    /// An e-mail about moderation to an author: `<key>-subject` and `<key>-body`.
    #[allow(clippy::too_many_arguments)]
    fn moderation_mail(
        &self,
        tenant: &TenantRow,
        lang: Lang,
        to: &str,
        name: &str,
        key: &str,
        args: &[(&str, String)],
        link: &str,
        input: i64,
    ) -> NewMail {
        let mut all = vec![("tenant", tenant.name(lang).to_owned())];
        all.extend(args.iter().map(|(k, v)| (*k, v.clone())));
        notice_mail(
            lang,
            to,
            Some(name),
            &format!("{key}-subject"),
            &format!("{key}-body"),
            &all,
            link,
        )
        .about(format!("input:{input}"))
    }
}
