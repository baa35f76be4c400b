//! `bashke generate-forum-load`: fills the default municipality's forum for benchmarks
//! (bench/run.sh): N members, M meetings (a few upcoming, the rest held, one in ten members-only)
//! and D decisions spread over the held meetings' published minutes. Written through the store's
//! own methods, so the rows are what the application itself writes.

use chrono::Duration;
use domain::{
    Email, ForumId, Lang, MeetingId, TenantId,
    forum::{MeetingKind, Sector, Visibility},
};
use services::Services;
use store::{AuditCtx, DecisionInput, MeetingInput, NewMember, Votes};

const SECTORS: [Sector; 7] = [
    Sector::Government,
    Sector::Cso,
    Sector::InformalGroup,
    Sector::Academia,
    Sector::Media,
    Sector::PrivateSector,
    Sector::Citizen,
];

/// What the benchmark requests: a held public meeting with published minutes.
pub struct ForumLoad {
    pub meeting_with_minutes: MeetingId,
}

pub async fn generate(
    services: &Services,
    members: usize,
    meetings: usize,
    decisions: usize,
) -> anyhow::Result<ForumLoad> {
    let store = &services.store;
    let tenant = store
        .resolve_tenant("")
        .await?
        .ok_or_else(|| anyhow::anyhow!("no default tenant: run `bashke demo` once first"))?;
    let t: TenantId = tenant.id();
    let forum = store
        .current_forum(t)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the demo has no forum: run `bashke demo` once first"))?;
    let forum = ForumId(forum.id);
    let now = services.clock.now();
    let ctx = AuditCtx {
        tenant: Some(t),
        actor: None,
        at: now - Duration::days(3 * meetings as i64 + 30),
        request_id: Some("generate-forum-load".into()),
    };

    // Accounts made here never log in: a fixed placeholder instead of an Argon2 hash per person.
    let hash = "$argon2id$v=19$m=19456,t=2,p=1$bG9hZGxvYWRsb2Fk$placeholderplaceholderplaceholderplaceho";
    for i in 0..members {
        let email = Email::parse("email", &format!("anetar.ngarkese.{i}@example.org"))
            .map_err(|e| anyhow::anyhow!("load e-mail: {}", e.code))?;
        let user = store
            .create_verified_user(t, &email, &format!("Anëtari Ç{i}"), hash, Lang::Sq, &[], &ctx)
            .await?;
        let token = format!("load-seat-{i}");
        store
            .add_member(
                t,
                forum,
                &NewMember {
                    user_id: user.0,
                    candidate_id: None,
                    sector: SECTORS[i % SECTORS.len()],
                    org_id: None,
                    organisation: format!("Organizata e ngarkesës {i}"),
                    pos_key: "member".into(),
                    responsibilities: "Merr pjesë në takimet e grupit të punës.".into(),
                    starts_on: ctx.at.date_naive(),
                    ends_on: None,
                    substitute_user_id: None,
                },
                &token,
                None,
                &ctx,
            )
            .await?;
        store.answer_membership(t, &token, true, &ctx).await?;
    }

    // Meetings three days apart, the newest ten still to come; decisions spread evenly over the
    // held ones.
    let upcoming = 10.min(meetings);
    let held = meetings - upcoming;
    let mut first_public_held = None;
    let mut written = 0;
    for i in 0..meetings {
        let starts_at = now + Duration::days(3 * (upcoming as i64 - i as i64)) - Duration::hours(1);
        let visibility = if i % 10 == 9 {
            Visibility::MembersOnly
        } else {
            Visibility::Public
        };
        let at = AuditCtx {
            at: starts_at - Duration::days(12),
            ..ctx.clone()
        };
        let id = store
            .create_meeting(
                t,
                forum,
                &MeetingInput {
                    kind: MeetingKind::FollowUp,
                    title_sq: format!("Takimi i grupit të punës nr. {i}"),
                    title_en: format!("Working group meeting no. {i}"),
                    description_sq: "Rendi i ditës: **përparimi** i angazhimeve dhe çështjet e hapura.".into(),
                    description_en: "Agenda: **progress** of the commitments and open questions.".into(),
                    starts_at,
                    ends_at: starts_at + Duration::hours(2),
                    place: "Salla e Këshillit Bashkiak".into(),
                    address: "Rruga Rinia, Elbasan".into(),
                    online_url: String::new(),
                    visibility,
                },
                &format!("load-meeting-{i}@bashke"),
                &at,
            )
            .await?;
        let notice = AuditCtx {
            at: starts_at - Duration::days(10),
            ..ctx.clone()
        };
        store.publish_meeting(t, id, &notice).await?;
        if i < upcoming {
            continue;
        }
        let nth_held = i - upcoming;
        // Decisions of this meeting: an even share, the remainder to the first meetings.
        let share = decisions / held.max(1) + usize::from(nth_held < decisions % held.max(1));
        let after = AuditCtx {
            at: starts_at + Duration::days(3),
            ..ctx.clone()
        };
        for d in 0..share {
            store
                .add_decision(
                    t,
                    id,
                    &DecisionInput {
                        text_sq: format!(
                            "Vendimi {d} i takimit {i}: Këshilli Bashkiak informohet për çështjen e ujit në njësinë {}",
                            i % 23
                        ),
                        text_en: format!(
                            "Decision {d} of meeting {i}: the council is told about water in unit {}",
                            i % 23
                        ),
                        votes: (d % 2 == 0).then_some(Votes {
                            for_: 9,
                            against: 0,
                            abstain: 1,
                        }),
                    },
                    &after,
                )
                .await?;
            written += 1;
        }
        store
            .save_minutes(
                t,
                id,
                "Grupi i punës shqyrtoi **përparimin** e angazhimeve dhe miratoi vendimet më poshtë.",
                "The working group reviewed the **progress** of the commitments and adopted the decisions below.",
                &after,
            )
            .await?;
        store.approve_minutes(t, id, &after).await?;
        store.publish_minutes(t, id, &[], &after).await?;
        if visibility == Visibility::Public && first_public_held.is_none() {
            first_public_held = Some(id);
        }
    }
    eprintln!("forum load: {members} members, {meetings} meetings, {written} decisions");
    Ok(ForumLoad {
        meeting_with_minutes: first_public_held.ok_or_else(|| anyhow::anyhow!("no held public meeting"))?,
    })
}
