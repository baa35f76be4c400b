//! Commitments' route × role rules, shared by `commitments_drafting.rs`, `commitments_public.rs`
//! and `commitments_ogp.rs`: each lists its routes in a `ROUTES` table with who may use them,
//! builds the objects its paths name on a [`CommitmentFixture`], and checks every route with
//! every kind of visitor through [`check_route`]. `permissions.rs` checks that the tables
//! together cover every route the router serves.

// Until the parts' tables use every helper here, some are unused.
#![allow(dead_code)]

use axum::http::StatusCode;
use chrono::{Duration, NaiveDate};
use domain::{
    ForumId, Role, UserId,
    commitments::{CommitmentDocument, CommitmentStatus, OgpValue},
    forum::Sector,
};
use store::{AuditCtx, ForumInput, commitments::drafts::NewCommitment};

use crate::{
    forum_routes::seat,
    helpers::{Expect, TestApp, route_verdict},
};

/// Who may use a commitments route.
#[allow(dead_code)] // each part's table uses some of them
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Who {
    Anyone,
    /// Staff and accepted members of the current cycle's forum (`Action::DraftCommitments` and
    /// the object rule): a signed-in person who is neither (a forum member of no forum of this
    /// cycle, a reviewer, a participant) is refused (403).
    Drafters,
    /// Municipal staff (coordinator, platform admin): `Action::ManageCommitments`.
    Staff,
    /// Anybody signed in.
    SignedIn,
}

/// A cycle with a forum (an ordinary member and a chair, both accepted), the prefix `ALBSN`,
/// the plan period 01.06.2026 – 28.02.2028, a draft commitment (`draft`, ALBSN0001, by the
/// member) and a forum-endorsed one (`public`, ALBSN0002), and a session for every kind of
/// visitor.
#[allow(dead_code)] // the parts' tests read different fields
pub struct CommitmentFixture {
    pub cycle: i64,
    pub forum: ForumId,
    pub coordinator: UserId,
    pub member: UserId,
    pub chair: UserId,
    /// Holds `Role::ForumMember` but no seat in this cycle's forum.
    pub other_member: UserId,
    pub draft: i64,
    pub public: i64,
    pub ctx: AuditCtx,
    /// (label, session token): anonymous, participant, reviewer, monitoring, other_member,
    /// member, chair, coordinator, platform_admin.
    pub sessions: Vec<(&'static str, Option<String>)>,
}

impl CommitmentFixture {
    pub fn session(&self, label: &str) -> String {
        self.sessions
            .iter()
            .find(|(l, _)| *l == label)
            .and_then(|(_, t)| t.clone())
            .unwrap_or_else(|| panic!("no session {label}"))
    }
}

/// A document with a title, a lead institution, a value and a milestone.
pub fn document(title: &str) -> CommitmentDocument {
    let mut doc = CommitmentDocument {
        title: title.into(),
        values: vec![OgpValue::CivicParticipation],
        policy_areas: vec!["public_participation".into()],
        primary_policy_area: Some("public_participation".into()),
        starts_on: NaiveDate::from_ymd_opt(2026, 6, 1),
        ends_on: NaiveDate::from_ymd_opt(2028, 2, 28),
        milestones: vec![domain::commitments::Milestone {
            description: "Vendimi i Këshillit Bashkiak".into(),
            expected_output: "Vendimi i botuar".into(),
            start_date: NaiveDate::from_ymd_opt(2026, 6, 1),
            expected_completion_date: NaiveDate::from_ymd_opt(2026, 9, 30),
            stakeholders: vec![],
        }],
        ..Default::default()
    };
    doc.fields.insert("lead_institution".into(), "Bashkia Elbasan".into());
    doc.fields.insert(
        "q1_problem".into(),
        "Qytetarët nuk kanë një vend të përhershëm dialogu.".into(),
    );
    doc
}

/// Creates a commitment in the fixture's cycle straight through the store.
pub async fn add_commitment(app: &TestApp, fx: &CommitmentFixture, author: UserId, title: &str) -> i64 {
    let (template_id, _) = app.store.current_template(app.elbasan).await.expect("template");
    let ctx = AuditCtx {
        actor: Some(author),
        ..fx.ctx.clone()
    };
    app.store
        .create_commitment(
            app.elbasan,
            &NewCommitment {
                cycle_id: fx.cycle,
                template_id,
                document: document(title),
                note: "Versioni i parë".into(),
                source_id: None,
                author,
            },
            &ctx,
        )
        .await
        .expect("commitment")
}

pub async fn commitment_fixture(app: &TestApp) -> CommitmentFixture {
    let (coordinator, coordinator_session) = app
        .user_in(app.elbasan, "coordinator-commitments@example.org", &[Role::Coordinator])
        .await;
    let ctx = AuditCtx {
        tenant: Some(app.elbasan),
        actor: Some(coordinator),
        at: app.now() - Duration::days(30),
        request_id: None,
    };
    let cycle = app
        .store
        .create_cycle(app.elbasan, "Cikli 2027", "Cycle 2027", &[], &ctx)
        .await
        .expect("cycle");
    let forum = app
        .store
        .create_forum(
            app.elbasan,
            cycle,
            &ForumInput {
                name_sq: "Forumi OGP Elbasan".into(),
                name_en: "OGP forum Elbasan".into(),
                mandate_sq: "Mandati".into(),
                mandate_en: "Mandate".into(),
                legal_basis_sq: String::new(),
                legal_basis_en: String::new(),
                legal_number: String::new(),
                legal_date: None,
                call_id: None,
            },
            &ctx,
        )
        .await
        .expect("forum");
    let mut settings = app.store.commitment_settings(app.elbasan).await.expect("settings");
    settings.prefix = "ALBSN".into();
    settings.plan = Some((
        cycle,
        NaiveDate::from_ymd_opt(2026, 6, 1),
        NaiveDate::from_ymd_opt(2028, 2, 28),
    ));
    app.store
        .save_commitment_settings(app.elbasan, &settings, &ctx)
        .await
        .expect("prefix");
    let (member, member_session) = app.user_in(app.elbasan, "member-commitments@example.org", &[]).await;
    let (chair, chair_session) = app.user_in(app.elbasan, "chair-commitments@example.org", &[]).await;
    seat(app, forum, member, Sector::Cso, "member", &ctx).await;
    seat(app, forum, chair, Sector::Government, "chair", &ctx).await;
    let mut sessions: Vec<(&'static str, Option<String>)> = vec![("anonymous", None)];
    let mut other_member = coordinator;
    for (label, roles) in [
        ("participant", vec![]),
        ("reviewer", vec![Role::Reviewer]),
        ("monitoring", vec![Role::MonitoringBody]),
        ("other_member", vec![Role::ForumMember]),
        ("platform_admin", vec![Role::PlatformAdmin]),
    ] {
        let (id, token) = app
            .user_in(app.elbasan, &format!("{label}-commitments@example.org"), &roles)
            .await;
        if label == "other_member" {
            other_member = id;
        }
        sessions.push((label, Some(token)));
    }
    sessions.push(("member", Some(member_session)));
    sessions.push(("chair", Some(chair_session)));
    sessions.push(("coordinator", Some(coordinator_session)));
    let mut fx = CommitmentFixture {
        cycle,
        forum,
        coordinator,
        member,
        chair,
        other_member,
        draft: 0,
        public: 0,
        ctx,
        sessions,
    };
    fx.draft = add_commitment(app, &fx, member, "Forumi i qytetarëve për politikat vendore").await;
    fx.public = add_commitment(app, &fx, member, "Buxhetimi me pjesëmarrje").await;
    app.store
        .set_commitment_status(
            app.elbasan,
            fx.public,
            CommitmentStatus::Draft,
            CommitmentStatus::ForumEndorsed,
            "Miratuar nga forumi",
            &fx.ctx,
        )
        .await
        .expect("endorse");
    fx
}

/// Requests `path` as every visitor of the fixture and returns what went against `who`
/// (empty when all is right). POSTs send `form` (nonsense is fine: an allowed POST may answer
/// with the form again, 422).
pub async fn check_route(
    app: &TestApp,
    fx: &CommitmentFixture,
    method: &str,
    path: &str,
    who: Who,
    form: &[(&str, &str)],
) -> Vec<String> {
    let mut wrong = Vec::new();
    for (label, token) in &fx.sessions {
        let response = match method {
            "GET" => app.get(path, token.as_deref()).await,
            _ => app.post(path, token.as_deref(), form).await,
        };
        let status = response.status_code();
        let what = format!("{} {method} {path} as {label}: {status}", app.label);
        let staff = matches!(*label, "coordinator" | "platform_admin");
        let allowed = match who {
            Who::Anyone => true,
            Who::SignedIn => token.is_some(),
            Who::Drafters => staff || matches!(*label, "member" | "chair"),
            Who::Staff => staff,
        };
        // A conflict page (409) answers an allowed POST too: it ran and refused on its merits.
        if allowed && method == "POST" && status == StatusCode::CONFLICT {
            continue;
        }
        let expect = if allowed { Expect::Allowed } else { Expect::Refused };
        wrong.extend(route_verdict(&response, method, path, token.is_some(), expect, &what));
    }
    wrong
}
