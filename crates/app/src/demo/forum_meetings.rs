//! The demo's meetings: one past first meeting (notice given ten days before it; attendance and
//! minutes are added by `forum_minutes`) and one upcoming co-creation workshop with an agenda
//! and a pre-read, published now. Written through the store with explicit times, so that the
//! history reads as if it happened then.

use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};
use domain::{
    ForumId, MeetingId, TenantId, UserId,
    forum::{MeetingKind, Rsvp, Visibility},
};
use services::Services;
use store::{AgendaItemInput, AuditCtx, MeetingInput, NewFile, NewInvitation};

use super::{forum::ForumDemo, pdf};

/// What the minutes part of the demo builds on (both are always set).
pub struct MeetingsDemo {
    pub past: Option<MeetingId>,
    #[allow(dead_code)] // for the parts that build on the next meeting (none reads it yet)
    pub upcoming: Option<MeetingId>,
}

/// `days` from `at`, at `hour`:`minute` in Elbasan.
fn local(at: DateTime<Utc>, days: i64, hour: u32, minute: u32) -> anyhow::Result<DateTime<Utc>> {
    let tz = chrono_tz::Europe::Tirane;
    let day = (at + Duration::days(days)).with_timezone(&tz).date_naive();
    let time = NaiveTime::from_hms_opt(hour, minute, 0).ok_or_else(|| anyhow::anyhow!("demo time"))?;
    tz.from_local_datetime(&day.and_time(time))
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| anyhow::anyhow!("demo time"))
}

fn at(ctx: &AuditCtx, actor: UserId, when: DateTime<Utc>) -> AuditCtx {
    AuditCtx {
        actor: Some(actor),
        at: when,
        ..ctx.clone()
    }
}

/// Invitation rows for every member; the demo queues no e-mails for its history.
fn invitations(members: &[UserId]) -> Vec<NewInvitation> {
    members
        .iter()
        .map(|m| NewInvitation {
            user_id: m.0,
            links: Vec::new(),
            mail: None,
        })
        .collect()
}

pub async fn meetings(
    services: &Services,
    tenant: TenantId,
    forum: &ForumDemo,
    ctx: &AuditCtx,
) -> anyhow::Result<MeetingsDemo> {
    let store = &services.store;
    let coordinator = forum.coordinator;
    let forum_id: ForumId = forum.forum;

    // The first meeting, forty days ago, announced ten days before it.
    let starts = local(ctx.at, -40, 10, 0)?;
    let past_input = MeetingInput {
        kind: MeetingKind::FirstMeeting,
        title_sq: "Takimi i parë i forumit të bashkë-krijimit".into(),
        title_en: "First meeting of the co-creation forum".into(),
        description_sq: "Njohja e anëtarëve, miratimi i rregullave të pjesëmarrjes dhe kalendari i \
                         bashkë-krijimit të planit të veprimit."
            .into(),
        description_en: "Members introduce themselves, approve the participation rules and agree the \
                         calendar of co-creating the action plan."
            .into(),
        starts_at: starts,
        ends_at: starts + Duration::hours(2),
        place: "Salla e Këshillit Bashkiak, Bashkia Elbasan".into(),
        address: "Rruga Rinia, Elbasan".into(),
        online_url: String::new(),
        visibility: Visibility::Public,
    };
    let past = store
        .create_meeting(
            tenant,
            forum_id,
            &past_input,
            "demo-meeting-first@elbasan.bashke.al",
            &at(ctx, coordinator, starts - Duration::days(14)),
        )
        .await?;
    for (title_sq, title_en, presenter, minutes) in [
        (
            "Hapja dhe prezantimi i anëtarëve",
            "Opening and introductions",
            "Kryetari i forumit",
            20,
        ),
        (
            "Rregullat e pjesëmarrjes",
            "Participation rules",
            "Koordinatori OGP",
            40,
        ),
        (
            "Kalendari i bashkë-krijimit",
            "Co-creation calendar",
            "Koordinatori OGP",
            45,
        ),
    ] {
        store
            .add_agenda_item(
                tenant,
                past,
                &AgendaItemInput {
                    title_sq: title_sq.into(),
                    title_en: title_en.into(),
                    presenter: presenter.into(),
                    minutes_allotted: Some(minutes),
                },
                &at(ctx, coordinator, starts - Duration::days(12)),
            )
            .await?;
    }
    store
        .publish_meeting_with_invitations(
            tenant,
            past,
            &invitations(&forum.members),
            &at(ctx, coordinator, starts - Duration::days(10)),
        )
        .await?;
    for (i, member) in forum.members.iter().enumerate() {
        let answer = if i == 2 { Rsvp::Maybe } else { Rsvp::Attending };
        store
            .answer_invitation(
                tenant,
                past,
                *member,
                answer,
                &at(ctx, *member, starts - Duration::days(8)),
            )
            .await?;
    }

    // The next meeting: a co-creation workshop in nine days, with its agenda and a pre-read.
    let starts = local(ctx.at, 9, 17, 0)?;
    let upcoming_input = MeetingInput {
        kind: MeetingKind::Workshop,
        title_sq: "Punëtori bashkë-krijimi: angazhimet e planit të veprimit".into(),
        title_en: "Co-creation workshop: the action plan's commitments".into(),
        description_sq: "Diskutojmë propozimet e mbledhura nga qytetarët dhe zgjedhim ato që bëhen \
                         angazhime të planit. Lexoni materialin paraprak para takimit."
            .into(),
        description_en: "We discuss the proposals gathered from citizens and choose those that become \
                         the plan's commitments. Please read the pre-read before the meeting."
            .into(),
        starts_at: starts,
        ends_at: starts + Duration::minutes(150),
        place: "Salla e Këshillit Bashkiak, Bashkia Elbasan".into(),
        address: "Rruga Rinia, Elbasan".into(),
        online_url: "https://meet.jit.si/bashke-elbasan-forumi".into(),
        visibility: Visibility::Public,
    };
    let upcoming = store
        .create_meeting(
            tenant,
            forum_id,
            &upcoming_input,
            "demo-meeting-workshop@elbasan.bashke.al",
            &at(ctx, coordinator, ctx.at - Duration::days(2)),
        )
        .await?;
    let mut first_item = None;
    for (title_sq, title_en, presenter, minutes) in [
        (
            "Përmbledhja e propozimeve të qytetarëve",
            "Summary of citizens' proposals",
            "Koordinatori OGP",
            30,
        ),
        (
            "Punë në grupe sipas temave",
            "Group work by theme",
            "Anëtarët e forumit",
            60,
        ),
        (
            "Përzgjedhja e angazhimeve",
            "Choosing the commitments",
            "Kryetari i forumit",
            45,
        ),
        ("Hapat e ardhshëm", "Next steps", "Koordinatori OGP", 15),
    ] {
        let id = store
            .add_agenda_item(
                tenant,
                upcoming,
                &AgendaItemInput {
                    title_sq: title_sq.into(),
                    title_en: title_en.into(),
                    presenter: presenter.into(),
                    minutes_allotted: Some(minutes),
                },
                &at(ctx, coordinator, ctx.at - Duration::days(1)),
            )
            .await?;
        first_item.get_or_insert(id);
    }
    let content = pdf::document(
        "Propozimet e qytetarëve – përmbledhje",
        &[
            "Material paraprak për punëtorinë e bashkë-krijimit.".to_owned(),
            "Propozimet e mbledhura gjatë thirrjes, të grupuara sipas temave.".to_owned(),
            "Ky është një dokument shembull i demonstrimit.".to_owned(),
        ],
    );
    let sha = services::forum::meetings::content_sha256(&content);
    store
        .add_meeting_document(
            tenant,
            upcoming,
            &NewFile {
                filename: "propozimet-permbledhje.pdf",
                content_type: "application/pdf",
                sha256: &sha,
                content: &content,
            },
            "Propozimet e qytetarëve: përmbledhje",
            first_item,
            &at(ctx, coordinator, ctx.at - Duration::days(1)),
        )
        .await?;
    store
        .publish_meeting_with_invitations(
            tenant,
            upcoming,
            &invitations(&forum.members),
            &at(ctx, coordinator, ctx.at),
        )
        .await?;
    Ok(MeetingsDemo {
        past: Some(past),
        upcoming: Some(upcoming),
    })
}
