//! The demo's forum: the working group of Elbasan's current cycle with its members.
//!
//! FOUNDATION VERSION: a minimal forum (three accepted members) so that the meetings and minutes
//! parts have something to work with; the forum part replaces it with the real story (members
//! from the selected applicants, staff, texts with versions).

use chrono::Duration;
use domain::{Email, ForumId, TenantId, UserId, forum::Sector};
use services::Services;
use store::{AuditCtx, ForumInput, NewMember};

/// What the later parts of the demo (meetings, minutes) build on.
#[allow(dead_code)] // FOUNDATION: used by the meetings and minutes parts
pub struct ForumDemo {
    pub forum: ForumId,
    pub coordinator: UserId,
    /// Holds the chair's position (approves minutes).
    pub chair: UserId,
    /// Holds the secretary's position (approves minutes).
    pub secretary: UserId,
    /// Every accepted member, the chair and the secretary included.
    pub members: Vec<UserId>,
}

async fn user(services: &Services, tenant: TenantId, email: &str) -> anyhow::Result<UserId> {
    let email = Email::parse("email", email).map_err(|e| anyhow::anyhow!("demo e-mail {email}: {}", e.code))?;
    Ok(services
        .store
        .user_by_email(tenant, &email)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no demo account {}", email.as_str()))?
        .id())
}

pub async fn forum(services: &Services, tenant: TenantId, ctx: &AuditCtx) -> anyhow::Result<ForumDemo> {
    let store = &services.store;
    let cycle = store
        .current_cycle(tenant)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the demo has no current cycle"))?;
    let coordinator = user(services, tenant, "koordinatori@demo.bashke.al").await?;
    let chair = user(services, tenant, "anetari@demo.bashke.al").await?;
    let secretary = coordinator;
    let citizen = user(services, tenant, "qytetari@demo.bashke.al").await?;
    let at = ctx.at - Duration::days(120);
    let ctx = AuditCtx {
        actor: Some(coordinator),
        at,
        ..ctx.clone()
    };
    let forum = store
        .create_forum(
            tenant,
            cycle.id,
            &ForumInput {
                name_sq: "Forumi i bashkë-krijimit OGP Local Elbasan".into(),
                name_en: "OGP Local Elbasan co-creation forum".into(),
                mandate_sq: String::new(),
                mandate_en: String::new(),
                legal_basis_sq: String::new(),
                legal_basis_en: String::new(),
                legal_number: String::new(),
                legal_date: None,
                call_id: None,
            },
            &ctx,
        )
        .await?;
    let mut members = Vec::new();
    for (i, (who, sector, position)) in [
        (chair, Sector::Cso, "chair"),
        (secretary, Sector::Government, "secretary"),
        (citizen, Sector::Citizen, "member"),
    ]
    .into_iter()
    .enumerate()
    {
        let token = format!("demo-forum-seat-{i}");
        store
            .add_member(
                tenant,
                forum,
                &NewMember {
                    user_id: who.0,
                    candidate_id: None,
                    sector,
                    org_id: None,
                    organisation: String::new(),
                    pos_key: position.into(),
                    responsibilities: String::new(),
                    starts_on: at.date_naive(),
                    ends_on: None,
                    substitute_user_id: None,
                },
                &token,
                None,
                &ctx,
            )
            .await?;
        store.answer_membership(tenant, &token, true, &ctx).await?;
        members.push(who);
    }
    Ok(ForumDemo {
        forum,
        coordinator,
        chair,
        secretary,
        members,
    })
}
