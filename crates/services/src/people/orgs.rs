//! Organisation profiles: registered CSOs and informal groups, and inviting co-members.

use std::collections::HashMap;

use chrono::Duration;
use domain::{Action, Email, FieldError, Lang, OrgId, OrgKind, SizeBand, Text, UserId};
use store::{NewToken, OrgInput, OrgMemberRow, OrgRow, TenantRow, TokenPurpose};

use crate::{Actor, ServiceError, Services, common::error::Result, common::mails::unsolicited_mail, tokens};

/// Fields of activity offered on the form; keys are stable, labels live in the locales.
pub const FIELDS_OF_ACTIVITY: [&str; 14] = [
    "transparency",
    "participation",
    "accountability",
    "youth",
    "gender",
    "disability",
    "environment",
    "education",
    "health",
    "social",
    "economy",
    "culture",
    "media",
    "rural",
];

/// Parses the organisation form. Every field is checked, so all problems show at once.
pub fn parse_org_form(values: &HashMap<String, String>) -> Result<OrgInput, Vec<FieldError>> {
    let get = |k: &str| values.get(k).map(String::as_str).unwrap_or("");
    let name = Text::parse("name", get("name"), true, 200);
    let kind = OrgKind::parse("kind", get("kind"));
    let registration = Text::parse("registration_number", get("registration_number"), false, 40);
    let size = SizeBand::parse("size_band", get("size_band"));
    let area = Text::parse("area", get("area"), false, 200);
    let website = Text::parse("website", get("website"), false, 300).and_then(|w| {
        let ok = w.is_empty() || w.as_str().starts_with("https://") || w.as_str().starts_with("http://");
        if ok {
            Ok(w)
        } else {
            Err(FieldError::new("website", "url_invalid"))
        }
    });
    let mission = Text::parse("mission", get("mission"), true, 5000);
    let fields: Vec<&str> = get("fields")
        .split(',')
        .filter(|f| FIELDS_OF_ACTIVITY.contains(f))
        .collect();
    let mut errors: Vec<FieldError> = [
        name.clone().err(),
        kind.clone().err(),
        registration.clone().err(),
        size.clone().err(),
        area.clone().err(),
        website.clone().err(),
        mission.clone().err(),
    ]
    .into_iter()
    .flatten()
    .collect();
    errors.dedup();
    if !errors.is_empty() {
        return Err(errors);
    }
    let (Ok(name), Ok(kind), Ok(registration), Ok(size), Ok(area), Ok(website), Ok(mission)) =
        (name, kind, registration, size, area, website, mission)
    else {
        return Err(vec![FieldError::new("name", "required")]);
    };
    Ok(OrgInput {
        name: name.into_string(),
        kind: kind.key().to_owned(),
        // Informal groups have no registration: drop a number typed by mistake.
        registration_number: (kind == OrgKind::Cso && !registration.is_empty()).then(|| registration.into_string()),
        size_band: size.key().to_owned(),
        fields: fields.join(","),
        area: area.into_string(),
        website: website.into_string(),
        mission: mission.into_string(),
    })
}

/// An organisation's public page.
#[derive(Debug, Clone)]
pub struct OrgProfile {
    pub org: OrgRow,
    /// Who belongs to it, shown to its members only; empty for everyone else.
    pub members: Vec<OrgMemberRow>,
    pub is_member: bool,
}

impl Services {
    /// An organisation's profile as the actor may see it.
    pub async fn org_profile(&self, actor: &Actor, org: OrgId) -> Result<OrgProfile> {
        actor.require(Action::ViewPublic)?;
        let row = self.store.org(actor.tenant, org).await?.ok_or(ServiceError::NotFound)?;
        let members = self.store.org_members(actor.tenant, org).await?;
        let is_member = actor.user.is_some_and(|me| members.iter().any(|m| m.user_id == me.0));
        Ok(OrgProfile {
            org: row,
            members: if is_member { members } else { Vec::new() },
            is_member,
        })
    }

    pub async fn create_org(&self, actor: &Actor, values: &HashMap<String, String>) -> Result<OrgId> {
        let user = actor.require_user(Action::CreateOrganisation)?;
        let input = parse_org_form(values).map_err(ServiceError::Invalid)?;
        let ctx = self.ctx(actor.tenant, Some(user), actor.request_id.as_deref());
        Ok(self.store.create_org(actor.tenant, user, &input, &ctx).await?)
    }

    /// The organisations the actor belongs to.
    pub async fn my_orgs(&self, actor: &Actor) -> Result<Vec<OrgRow>> {
        let user = actor.require_user(Action::ManageOwnAccount)?;
        Ok(self.store.orgs_of_user(actor.tenant, user).await?)
    }

    /// The organisation, if the actor is one of its members (only members may change it).
    pub async fn org_for_member(&self, actor: &Actor, org: OrgId) -> Result<OrgRow> {
        let user = actor.require_user(Action::ManageOwnAccount)?;
        let row = self.store.org(actor.tenant, org).await?.ok_or(ServiceError::NotFound)?;
        let members = self.store.org_members(actor.tenant, org).await?;
        if members.iter().any(|m| m.user_id == user.0) {
            Ok(row)
        } else {
            Err(ServiceError::Forbidden)
        }
    }

    pub async fn update_org(&self, actor: &Actor, org: OrgId, values: &HashMap<String, String>) -> Result<()> {
        self.org_for_member(actor, org).await?;
        let input = parse_org_form(values).map_err(ServiceError::Invalid)?;
        let ctx = self.ctx(actor.tenant, actor.user, actor.request_id.as_deref());
        self.store.update_org(actor.tenant, org, &input, &ctx).await?;
        Ok(())
    }

    pub async fn invite_to_org(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        lang: Lang,
        org: OrgId,
        email: &str,
    ) -> Result<()> {
        let row = self.org_for_member(actor, org).await?;
        let email = Email::parse("email", email).map_err(|e| ServiceError::Invalid(vec![e]))?;
        if !self
            .may_send(tenant.id(), email.as_str(), TokenPurpose::OrgInvite)
            .await?
        {
            return Err(ServiceError::Throttled);
        }
        let ctx = self.ctx(tenant.id(), actor.user, actor.request_id.as_deref());
        let (token, token_hash) = tokens::new_token();
        let new_token = NewToken {
            token_hash,
            purpose: TokenPurpose::OrgInvite,
            user_id: None,
            email: email.as_str().to_owned(),
            role: None,
            org_id: Some(org.0),
            expires_at: ctx.at + Duration::days(7),
        };
        let mail = unsolicited_mail(
            lang,
            email.as_str(),
            None,
            "mail-org-invite-subject",
            "mail-org-invite-body",
            &[
                ("tenant", tenant.name(lang).to_owned()),
                ("tenant_gen", tenant.name_genitive(lang)),
                ("tenant_acc", tenant.name_accusative(lang)),
                ("org", row.name.clone()),
            ],
            &self.link(tenant, "/invitations/org", &token),
        );
        self.store.issue_token(tenant.id(), &new_token, &mail, &ctx).await?;
        Ok(())
    }

    pub async fn org_invite(&self, actor: &Actor, token: &str) -> Result<OrgRow> {
        let row = self.live_token(actor.tenant, token, TokenPurpose::OrgInvite).await?;
        let org = row.org_id.map(OrgId).ok_or(ServiceError::InvalidLink)?;
        self.store
            .org(actor.tenant, org)
            .await?
            .ok_or(ServiceError::InvalidLink)
    }

    pub async fn accept_org_invite(&self, actor: &Actor, token: &str) -> Result<OrgId> {
        let user: UserId = actor.require_user(Action::ManageOwnAccount)?;
        let row = self.live_token(actor.tenant, token, TokenPurpose::OrgInvite).await?;
        let ctx = self.ctx(actor.tenant, Some(user), actor.request_id.as_deref());
        self.store
            .accept_org_invite(&row, user, &ctx)
            .await
            .map_err(crate::people::accounts::link_conflict_is_invalid)
    }
}
