//! The demo's minutes: attendance of the past meeting, approved and published minutes with two
//! decisions and an action item. Written through the store with explicit past times (written by
//! the coordinator two days after the meeting, approved by the chair, published within the 14
//! days OGP Local asks), so that the history and the health indicators read as if it happened
//! then. The demo queues no e-mails for its history.

use chrono::Duration;
use domain::{
    TenantId, UserId,
    forum::{Gender, Presence, Sector},
};
use services::Services;
use store::{ActionInput, AuditCtx, DecisionInput, GuestInput, Votes};

use super::{forum::ForumDemo, forum_meetings::MeetingsDemo};

const MINUTES_SQ: &str = "\
Takimi i parë i forumit të bashkë-krijimit u hap nga koordinatori i OGP Local në Bashkinë Elbasan, \
i cili paraqiti qëllimin e forumit dhe hapat e ciklit të planit të veprimit.

**1. Rolet në forum.** Anëtarët u njohën me njëri-tjetrin dhe ranë dakord që kryetari i forumit të \
jetë përfaqësuesi i shoqërisë civile, ndërsa sekretaria të mbahet nga koordinatori i bashkisë. \
Procesverbalet miratohen nga kryetari ose sekretari dhe publikohen brenda 14 ditëve.

**2. Kalendari i bashkë-krijimit.** U diskutua kalendari: konsultimi publik për idetë e qytetarëve, \
dy punëtori tematike dhe miratimi i draftit të planit të veprimit para dërgimit në OGP.

**3. Kontributi i publikut.** Forumi vendosi që idetë e qytetarëve të mblidhen në platformë dhe në \
takime në lagje e në njësitë administrative, dhe që çdo ide të marrë një përgjigje publike.

Takimi u mbyll me miratimin e dy vendimeve dhe caktimin e një detyre.";

const MINUTES_EN: &str = "\
The first meeting of the co-creation forum was opened by the OGP Local coordinator of the \
Municipality of Elbasan, who presented the purpose of the forum and the steps of the action plan cycle.

**1. Roles in the forum.** Members introduced themselves and agreed that the forum's chair is the \
civil society representative, while the municipality's coordinator acts as secretary. Minutes are \
approved by the chair or the secretary and published within 14 days.

**2. Co-creation calendar.** The calendar was discussed: a public consultation on citizens' ideas, \
two thematic workshops and the approval of the draft action plan before it is sent to OGP.

**3. Public input.** The forum decided that citizens' ideas are collected on the platform and at \
meetings in neighbourhoods and administrative units, and that every idea receives a public answer.

The meeting closed with the adoption of two decisions and the assignment of one action item.";

pub async fn minutes(
    services: &Services,
    tenant: TenantId,
    forum: &ForumDemo,
    meetings: &MeetingsDemo,
    ctx: &AuditCtx,
) -> anyhow::Result<()> {
    let store = &services.store;
    let Some(meeting) = meetings.past else {
        // The meetings part always sets it; without a past meeting there is nothing to minute.
        return Ok(());
    };
    let row = store
        .meeting(tenant, meeting)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the demo's past meeting is missing"))?;
    let held = row.ends_at;
    let at = |actor: UserId, days: i64| AuditCtx {
        actor: Some(actor),
        at: held + Duration::days(days),
        ..ctx.clone()
    };

    // Attendance: most members present, one excused and one absent (when the forum is large
    // enough), and a guest from the university.
    let accepted = store.accepted_members(tenant, forum.forum).await?;
    // The chair and the secretary were there; of the others, the last is absent (when at least
    // three others sit) and the one before excused, the rest present.
    let others: Vec<UserId> = accepted
        .iter()
        .map(|m| UserId(m.user_id))
        .filter(|u| *u != forum.chair && *u != forum.secretary)
        .collect();
    let k = others.len();
    let entries: Vec<(UserId, Presence)> = accepted
        .iter()
        .map(|m| {
            let who = UserId(m.user_id);
            let place = others.iter().position(|u| *u == who);
            let presence = match place {
                Some(i) if k >= 3 && i + 1 == k => Presence::Absent,
                Some(i) if (k >= 3 && i + 2 == k) || (k < 3 && i + 1 == k) => Presence::Excused,
                _ => Presence::Present,
            };
            (who, presence)
        })
        .collect();
    let on_the_day = at(forum.coordinator, 0);
    store.save_attendance(tenant, meeting, &entries, &on_the_day).await?;
    store
        .add_guest(
            tenant,
            meeting,
            &GuestInput {
                name: "Prof. Dr. Elona Kapllani".into(),
                organisation: "Universiteti “Aleksandër Xhuvani”, Elbasan".into(),
                sector: Sector::Academia,
                gender: Some(Gender::Woman),
                youth: Some(false),
                rural: Some(false),
            },
            &on_the_day,
        )
        .await?;

    // The minutes, written two days later by the coordinator.
    let written = at(forum.coordinator, 2);
    store
        .save_minutes(tenant, meeting, MINUTES_SQ, MINUTES_EN, &written)
        .await?;
    store
        .add_decision(
            tenant,
            meeting,
            &DecisionInput {
                text_sq: "Forumi miraton rregullat e pjesëmarrjes dhe rolet: kryetari nga shoqëria civile, \
                          sekretaria nga Bashkia Elbasan."
                    .into(),
                text_en: "The forum adopts the participation rules and the roles: the chair from civil \
                          society, the secretariat from the Municipality of Elbasan."
                    .into(),
                votes: Some(Votes {
                    for_: 9,
                    against: 0,
                    abstain: 1,
                }),
            },
            &written,
        )
        .await?;
    store
        .add_decision(
            tenant,
            meeting,
            &DecisionInput {
                text_sq: "Miratohet kalendari i bashkë-krijimit: konsultimi publik, dy punëtori tematike dhe \
                          miratimi i draftit të planit të veprimit nga Këshilli i forumit."
                    .into(),
                text_en: "The co-creation calendar is adopted: the public consultation, two thematic workshops \
                          and the approval of the draft action plan by the forum."
                    .into(),
                votes: None,
            },
            &written,
        )
        .await?;
    // The action item goes to a civil society member (the chair when no other is seated), due in
    // about two weeks from today, still open.
    let owner = accepted
        .iter()
        .find(|m| m.sector == Sector::Cso && UserId(m.user_id) != forum.coordinator)
        .map(|m| m.user_id)
        .unwrap_or(forum.chair.0);
    store
        .add_action(
            tenant,
            meeting,
            &ActionInput {
                what: "Përgatit ftesën për konsultimin publik dhe shpërndaje te organizatat e shoqërisë civile.".into(),
                owner_id: owner,
                due_on: (ctx.at + Duration::days(14)).date_naive(),
            },
            &written,
        )
        .await?;

    // Approved by the chair, published by the coordinator within the 14 days.
    store.approve_minutes(tenant, meeting, &at(forum.chair, 5)).await?;
    store
        .publish_minutes(tenant, meeting, &[], &at(forum.coordinator, 6))
        .await?;
    Ok(())
}
