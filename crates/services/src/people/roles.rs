//! Granting and revoking roles, and inviting people by e-mail to take one.

use chrono::Duration;
use domain::{Action, Email, Lang, Role, TenantId, Text, UserId};
use store::{NewToken, PersonRow, TenantRow, TokenPurpose};

use crate::{
    Actor, ServiceError, Services,
    common::{
        error::Result,
        mails::{notice_mail, unsolicited_mail},
    },
    tokens,
};

const INVITE_DAYS: i64 = 7;

/// What a revocation did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RevokeOutcome {
    Revoked,
    /// Nothing yet: the second step names the person and the role.
    NeedsConfirmation {
        person: String,
        role: Role,
    },
}

/// What a grant did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GrantOutcome {
    Granted,
    /// Nothing yet: the role needs the second step, which names the person and the role.
    NeedsConfirmation {
        person: String,
        role: Role,
    },
}

fn grantable(role: &str) -> Result<Role> {
    Role::parse(role)
        .filter(|r| r.is_grantable())
        .ok_or_else(|| ServiceError::field("role", "role_invalid"))
}

impl Services {
    /// Grants a role and tells the person by e-mail. A role that hands over the running of the
    /// municipality needs `confirmed` (the second step that names the person and the role);
    /// without it the answer is `Invalid(role: confirmation_required)` and nothing changes.
    pub async fn grant_role(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        user: UserId,
        role: &str,
        confirmed: bool,
    ) -> Result<GrantOutcome> {
        actor.require_user(Action::ManageRoles)?;
        if role.trim().is_empty() {
            return Err(ServiceError::field("role", "role_choose"));
        }
        let role = grantable(role)?;
        let person = self
            .store
            .user_by_id(actor.tenant, user)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if role.needs_confirmation() && !confirmed {
            return Ok(GrantOutcome::NeedsConfirmation {
                person: person.display_name,
                role,
            });
        }
        let lang = person.lang();
        let mail = person.email.as_deref().map(|email| {
            notice_mail(
                lang,
                email,
                Some(&person.display_name),
                "mail-role-granted-subject",
                "mail-role-granted-body",
                &[
                    ("tenant", tenant.name(lang).to_owned()),
                    ("tenant_gen", tenant.name_genitive(lang)),
                    ("tenant_acc", tenant.name_accusative(lang)),
                    ("role", views::t(lang, &format!("role-{}", role.key()))),
                ],
                &format!("{}/account", self.site_url(tenant)),
            )
        });
        let ctx = self.ctx(actor.tenant, actor.user, actor.request_id.as_deref());
        if self
            .store
            .grant_role(actor.tenant, user, role, mail.as_ref(), &ctx)
            .await?
        {
            Ok(GrantOutcome::Granted)
        } else {
            Err(ServiceError::field("role", "role_already_held"))
        }
    }

    /// Takes `role` away from `user`, after a second step that names the person and the role
    /// (`confirmed`): one tap on a list of people must not remove the wrong role. Nobody removes
    /// their own coordinator role, so a municipality cannot lock itself out by mistake.
    pub async fn revoke_role(&self, actor: &Actor, user: UserId, role: &str, confirmed: bool) -> Result<RevokeOutcome> {
        let me = actor.require_user(Action::ManageRoles)?;
        let role = grantable(role)?;
        if me == user && role == Role::Coordinator {
            return Err(ServiceError::field("role", "role_own_coordinator"));
        }
        let person = self
            .store
            .user_by_id(actor.tenant, user)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if !self.store.roles_of(actor.tenant, user).await?.contains(role) {
            return Err(ServiceError::field("role", "role_not_held"));
        }
        if !confirmed {
            return Ok(RevokeOutcome::NeedsConfirmation {
                person: person.display_name,
                role,
            });
        }
        let ctx = self.ctx(actor.tenant, actor.user, actor.request_id.as_deref());
        if self.store.revoke_role(actor.tenant, user, role, &ctx).await? {
            Ok(RevokeOutcome::Revoked)
        } else {
            // Taken away by someone else between the two steps: nothing left to do.
            Err(ServiceError::field("role", "role_not_held"))
        }
    }

    /// One page of the municipality's people with their roles, newest first, optionally those
    /// whose name or address contains `search`; and whether another page follows.
    pub async fn people(
        &self,
        actor: &Actor,
        search: &str,
        page: i64,
        per_page: i64,
    ) -> Result<(Vec<PersonRow>, bool)> {
        actor.require_user(Action::ManageRoles)?;
        let search = Text::parse("q", search, false, 200).map_err(|e| ServiceError::Invalid(vec![e]))?;
        let search = Some(search.as_str()).filter(|s| !s.is_empty());
        let mut rows = self
            .store
            .list_people(actor.tenant, search, per_page + 1, (page - 1) * per_page)
            .await?;
        let has_next = rows.len() as i64 > per_page;
        rows.truncate(usize::try_from(per_page).unwrap_or(0));
        Ok((rows, has_next))
    }

    /// E-mails an invitation to take `role`, in the language of the coordinator's page (the
    /// invitee has no account, hence no language of their own yet).
    pub async fn invite_to_role(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        lang: Lang,
        email: &str,
        role: &str,
    ) -> Result<()> {
        actor.require_user(Action::ManageRoles)?;
        self.send_role_invite(tenant, actor, lang, email, role).await
    }

    /// Sends the invitation; the caller has decided that the actor may.
    pub(crate) async fn send_role_invite(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        lang: Lang,
        email: &str,
        role: &str,
    ) -> Result<()> {
        let email = Email::parse("email", email);
        let role = grantable(role);
        let errors: Vec<_> = [
            email.clone().err(),
            role.as_ref().err().and_then(|e| match e {
                ServiceError::Invalid(v) => v.first().cloned(),
                _ => None,
            }),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !errors.is_empty() {
            return Err(ServiceError::Invalid(errors));
        }
        let (Ok(email), Ok(role)) = (email, role) else {
            return Err(ServiceError::field("email", "required"));
        };
        if !self
            .may_send(tenant.id(), email.as_str(), TokenPurpose::RoleInvite)
            .await?
        {
            return Err(ServiceError::Throttled);
        }
        let ctx = self.ctx(tenant.id(), actor.user, actor.request_id.as_deref());
        let (token, token_hash) = tokens::new_token();
        let new_token = NewToken {
            token_hash,
            purpose: TokenPurpose::RoleInvite,
            user_id: None,
            email: email.as_str().to_owned(),
            role: Some(role),
            org_id: None,
            expires_at: ctx.at + Duration::days(INVITE_DAYS),
        };
        let role_name = views::t(lang, &format!("role-{}", role.key()));
        let mail = unsolicited_mail(
            lang,
            email.as_str(),
            None,
            "mail-role-invite-subject",
            "mail-role-invite-body",
            &[
                ("tenant", tenant.name(lang).to_owned()),
                ("tenant_gen", tenant.name_genitive(lang)),
                ("tenant_acc", tenant.name_accusative(lang)),
                ("role", role_name),
            ],
            &self.link(tenant, "/invitations/role", &token),
        );
        self.store.issue_token(tenant.id(), &new_token, &mail, &ctx).await?;
        Ok(())
    }

    /// The role an invitation link offers (to show before accepting).
    pub async fn role_invite(&self, tenant: TenantId, token: &str) -> Result<Role> {
        let row = self.live_token(tenant, token, TokenPurpose::RoleInvite).await?;
        row.role
            .as_deref()
            .and_then(Role::parse)
            .ok_or(ServiceError::InvalidLink)
    }

    /// The signed-in person accepts an invitation. Any signed-in account may accept: the link
    /// itself is the proof of being invited (it went to the invited address).
    pub async fn accept_role_invite(&self, actor: &Actor, token: &str) -> Result<Role> {
        let user = actor.require_user(Action::ManageOwnAccount)?;
        let row = self.live_token(actor.tenant, token, TokenPurpose::RoleInvite).await?;
        let ctx = self.ctx(actor.tenant, Some(user), actor.request_id.as_deref());
        self.store
            .accept_role_invite(&row, user, &ctx)
            .await
            .map_err(crate::people::accounts::link_conflict_is_invalid)
    }
}
