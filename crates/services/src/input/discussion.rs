//! The discussion under an input: comments with one level of replies, one support per person
//! (withdrawable; one's own input only where the municipality allows it), following. Anyone
//! signed in takes part (`TakePartInInput`); a hidden or withdrawn input, or a hidden comment,
//! takes no reply, support or follow, and each refusal says why next to the field.

use domain::{
    Action, FieldError, UserId,
    input::discussion::{Openness, may_support, open_for_discussion, parse_comment, reply_parent},
};
use store::{
    TenantRow,
    input::discussion::{CommentRow, DiscussedInput, NewComment},
};

use crate::{Actor, ServiceError, Services, common::error::Result, input::notifications::FollowEvent};

/// The discussion of an input as its reader may see it.
#[derive(Debug, Clone)]
pub struct Discussion {
    pub input: DiscussedInput,
    /// Every comment, hidden ones included (their text is replaced by the reason on the page);
    /// none at all under a hidden input, whose replies could quote the hidden text (as the API).
    pub comments: Vec<CommentRow>,
    /// The reader, when signed in.
    pub me: Option<UserId>,
    pub supported: bool,
    pub following: bool,
    /// The municipality lets authors support their own input.
    pub self_support: bool,
    /// The reader is a moderator (links to hide).
    pub can_moderate: bool,
}

impl Discussion {
    /// The input takes comments, supports and follows (neither hidden nor withdrawn).
    pub fn open(&self) -> bool {
        self.input.hidden_at.is_none() && self.input.withdrawn_at.is_none()
    }
}

fn openness(input: &DiscussedInput) -> Openness {
    Openness {
        hidden: input.hidden_at.is_some(),
        withdrawn: input.withdrawn_at.is_some(),
    }
}

impl Services {
    async fn discussed(&self, tenant: &TenantRow, input: i64) -> Result<DiscussedInput> {
        self.store
            .discussed_input(tenant.id(), input)
            .await?
            .ok_or(ServiceError::NotFound)
    }

    /// The discussion under an input, for its page (anyone may read it).
    pub async fn discussion(&self, tenant: &TenantRow, actor: &Actor, input: i64) -> Result<Discussion> {
        let found = self.discussed(tenant, input).await?;
        let comments = if found.hidden_at.is_some() {
            Vec::new()
        } else {
            self.store.comments(tenant.id(), input).await?
        };
        let (supported, following) = match actor.user {
            Some(user) => (
                self.store.has_supported(tenant.id(), input, user).await?,
                self.store.is_following(tenant.id(), input, user).await?,
            ),
            None => (false, false),
        };
        Ok(Discussion {
            input: found,
            comments,
            me: actor.user,
            supported,
            following,
            self_support: tenant.input_self_support,
            can_moderate: actor.can(Action::ModerateInput),
        })
    }

    /// Adds a comment, or a reply to `parent` (a reply to a reply goes under the top-level
    /// comment), and tells the followers. Errors name the field `comment`.
    pub async fn comment_on_input(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        input: i64,
        parent: Option<i64>,
        raw_body: &str,
    ) -> Result<i64> {
        let user = actor.require_user(Action::TakePartInInput)?;
        let found = self.discussed(tenant, input).await?;
        let body = parse_comment(raw_body).map_err(|e| ServiceError::Invalid(vec![e]))?;
        open_for_discussion(openness(&found), "comment").map_err(|e| ServiceError::Invalid(vec![e]))?;
        let parent = match parent {
            None => None,
            Some(id) => {
                let p = self
                    .store
                    .comment(tenant.id(), id)
                    .await?
                    .filter(|c| c.input_id == input)
                    .ok_or(ServiceError::NotFound)?;
                if p.hidden_at.is_some() {
                    return Err(ServiceError::field("comment", "comment_hidden_closed"));
                }
                let top = reply_parent(Some((p.id, p.parent_id)));
                if let Some(top) = top.filter(|t| *t != p.id) {
                    // Replying to a reply: its top-level comment must be shown too.
                    let top_row = self.store.comment(tenant.id(), top).await?;
                    if top_row.is_none_or(|t| t.hidden_at.is_some()) {
                        return Err(ServiceError::field("comment", "comment_hidden_closed"));
                    }
                }
                top
            }
        };
        self.input_write_allowed(tenant, user, "comment").await?;
        let who = self
            .store
            .user_by_id(tenant.id(), user)
            .await?
            .map(|u| u.display_name)
            .unwrap_or_default();
        let event = FollowEvent::Comment {
            who,
            text: body.clone(),
        };
        let build = self.follower_mail_builder(tenant, input, &found.title, &event);
        let ctx = self.ctx(tenant.id(), Some(user), actor.request_id.as_deref());
        let comment = NewComment {
            input,
            parent,
            author: user,
            body: &body,
        };
        match self.store.add_comment(tenant.id(), &comment, &build, &ctx).await? {
            Some(id) => Ok(id),
            // Hidden or withdrawn between the check and the write.
            None => Err(ServiceError::field("comment", "input_hidden_closed")),
        }
    }

    /// Supports an input once. A second support, one's own input where not allowed, a hidden or
    /// withdrawn input: each refused with its message on the field `support`.
    pub async fn support_input(&self, tenant: &TenantRow, actor: &Actor, input: i64) -> Result<()> {
        let user = actor.require_user(Action::TakePartInInput)?;
        let found = self.discussed(tenant, input).await?;
        open_for_discussion(openness(&found), "support").map_err(|e| ServiceError::Invalid(vec![e]))?;
        let already = self.store.has_supported(tenant.id(), input, user).await?;
        may_support(found.author_id == user.0, tenant.input_self_support, already)
            .map_err(|e| ServiceError::Invalid(vec![e]))?;
        let ctx = self.ctx(tenant.id(), Some(user), actor.request_id.as_deref());
        if self.store.add_support(tenant.id(), input, user, &ctx).await? {
            Ok(())
        } else {
            // Another request of the same person got there first.
            Err(ServiceError::Invalid(vec![FieldError::new(
                "support",
                "support_already",
            )]))
        }
    }

    /// Takes one's support back (also on a hidden or withdrawn input). Doing it twice is harmless.
    pub async fn withdraw_input_support(&self, tenant: &TenantRow, actor: &Actor, input: i64) -> Result<()> {
        let user = actor.require_user(Action::TakePartInInput)?;
        self.discussed(tenant, input).await?;
        let ctx = self.ctx(tenant.id(), Some(user), actor.request_id.as_deref());
        self.store.withdraw_support(tenant.id(), input, user, &ctx).await?;
        Ok(())
    }

    /// Follows an input: e-mails on new comments and on its answer.
    pub async fn follow_input(&self, tenant: &TenantRow, actor: &Actor, input: i64) -> Result<()> {
        let user = actor.require_user(Action::TakePartInInput)?;
        let found = self.discussed(tenant, input).await?;
        open_for_discussion(openness(&found), "follow").map_err(|e| ServiceError::Invalid(vec![e]))?;
        let ctx = self.ctx(tenant.id(), Some(user), actor.request_id.as_deref());
        self.store.follow_input(tenant.id(), input, user, &ctx).await?;
        Ok(())
    }

    /// Stops following (always allowed, also for a hidden input).
    pub async fn unfollow_input(&self, tenant: &TenantRow, actor: &Actor, input: i64) -> Result<()> {
        let user = actor.require_user(Action::TakePartInInput)?;
        self.discussed(tenant, input).await?;
        let ctx = self.ctx(tenant.id(), Some(user), actor.request_id.as_deref());
        self.store.unfollow_input(tenant.id(), input, user, &ctx).await?;
        Ok(())
    }

    /// The comment a report or an appeal names, with the input it belongs to; for the pages.
    pub async fn comment_for(&self, tenant: &TenantRow, comment: i64) -> Result<CommentRow> {
        self.store
            .comment(tenant.id(), comment)
            .await?
            .ok_or(ServiceError::NotFound)
    }
}
