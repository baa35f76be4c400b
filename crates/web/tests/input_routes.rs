//! Public input's route × role rules, shared by `input_submit.rs`, `input_discussion.rs` and
//! `input_answers.rs`: each lists its routes in a `ROUTES` table with who may use them, builds
//! the objects its paths name on an [`InputFixture`], and checks every route with every kind of
//! visitor through [`check_route`]. `permissions.rs` checks that the tables together cover every
//! route the router serves.

use axum::http::StatusCode;
use chrono::Duration;
use domain::{Role, UserId, input::InputKind};
use store::{
    AuditCtx,
    input::{inputs::NewInput, phases::InputPhaseInput},
};

use crate::helpers::{Expect, TestApp, route_verdict};

/// Who may use an input route.
#[allow(dead_code)] // each part's table uses some of them
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Who {
    Anyone,
    /// Anybody signed in (`Action::TakePartInInput`); the anonymous visitor is sent to log in.
    SignedIn,
    /// Only the author of the fixture's input; other signed-in people are refused (403).
    Author,
    /// Municipal staff (coordinator, platform admin): `Action::ManageInput`.
    Staff,
    /// Moderators only (`Action::ModerateInput`): not even the coordinator.
    Moderator,
    /// Forum members and staff (`Action::GroupAndAnswerInput`).
    ForumOrStaff,
    /// Whoever holds a valid e-mailed link: the table's made-up token gets the "link expired or
    /// used" page (400), for everyone.
    LinkHolder,
}

/// An announced input phase of the current cycle, open since ten days and for twenty more, with
/// two themes; an input by `author` in the first theme; a session for every kind of visitor.
#[allow(dead_code)] // the parts' tests read different fields
pub struct InputFixture {
    pub cycle: i64,
    pub phase: i64,
    /// The phase's two themes, in order.
    pub themes: Vec<i64>,
    /// Published by `author` in `themes[0]`, unit "Shirgjan"; no support, no comment.
    pub input: i64,
    pub author: UserId,
    /// Signed in, neither the author nor anything else.
    pub participant: UserId,
    pub moderator: UserId,
    /// Holds `Role::ForumMember` (granted directly: no forum is needed for the input routes).
    pub forum_member: UserId,
    pub coordinator: UserId,
    /// The coordinator acting, thirty days ago.
    pub ctx: AuditCtx,
    /// (label, session token): anonymous, participant, author, moderator, forum_member,
    /// coordinator, platform_admin.
    pub sessions: Vec<(&'static str, Option<String>)>,
}

impl InputFixture {
    /// The session token of a labelled visitor (see `sessions`).
    pub fn session(&self, label: &str) -> String {
        self.sessions
            .iter()
            .find(|(l, _)| *l == label)
            .and_then(|(_, t)| t.clone())
            .unwrap_or_else(|| panic!("no session {label}"))
    }
}

/// A phase as the fixture makes it: open from `opens` for `days` days, two themes.
pub fn phase_input(app: &TestApp, opens_days_ago: i64, days: i64) -> InputPhaseInput {
    InputPhaseInput {
        title_sq: "Thirrje për ide dhe probleme".into(),
        title_en: "Call for ideas and problems".into(),
        questions_sq: "Çfarë duhet të ndryshojë në lagjen tuaj?".into(),
        questions_en: "What should change in your neighbourhood?".into(),
        opens_at: app.now() - Duration::days(opens_days_ago),
        closes_at: app.now() - Duration::days(opens_days_ago) + Duration::days(days),
        units: String::new(),
        email_only: false,
        themes: vec![
            ("Transparenca".into(), "Transparency".into()),
            ("Të rinjtë".into(), "Youth".into()),
        ],
    }
}

/// Publishes an input of `author` straight through the store (no rate limit, no phase check).
pub async fn add_input(app: &TestApp, fx: &InputFixture, author: UserId, title: &str, body: &str) -> i64 {
    let ctx = AuditCtx {
        tenant: Some(app.elbasan),
        actor: Some(author),
        at: app.now(),
        request_id: None,
    };
    app.store
        .create_input(
            app.elbasan,
            fx.phase,
            author,
            &NewInput {
                kind: InputKind::Idea,
                title: title.into(),
                body: body.into(),
                theme_id: fx.themes.first().copied(),
                admin_unit: "Shirgjan".into(),
                org_id: None,
            },
            None,
            &ctx,
        )
        .await
        .expect("input")
}

pub async fn input_fixture(app: &TestApp) -> InputFixture {
    let (coordinator, coordinator_session) = app
        .user_in(app.elbasan, "coordinator-input@example.org", &[Role::Coordinator])
        .await;
    let ctx = AuditCtx {
        tenant: Some(app.elbasan),
        actor: Some(coordinator),
        at: app.now() - Duration::days(30),
        request_id: None,
    };
    // The cycle first: a new cycle takes the forum-member role away.
    let cycle = app
        .store
        .create_cycle(app.elbasan, "Cikli 2027", "Cycle 2027", &[], &ctx)
        .await
        .expect("cycle");
    let phase = app
        .store
        .create_input_phase(app.elbasan, cycle, &phase_input(app, 10, 30), &ctx)
        .await
        .expect("phase");
    let today = app.now().date_naive();
    app.store
        .announce_input_phase(app.elbasan, phase, (today, today + Duration::days(20)), &ctx)
        .await
        .expect("announce");
    let themes: Vec<i64> = app
        .store
        .input_themes(app.elbasan, phase)
        .await
        .expect("themes")
        .iter()
        .map(|t| t.id)
        .collect();
    let mut sessions: Vec<(&'static str, Option<String>)> = vec![("anonymous", None)];
    let mut ids = Vec::new();
    for (label, roles) in [
        ("participant", vec![]),
        ("author", vec![]),
        ("moderator", vec![Role::Moderator]),
        ("forum_member", vec![Role::ForumMember]),
        ("platform_admin", vec![Role::PlatformAdmin]),
    ] {
        let (id, token) = app
            .user_in(app.elbasan, &format!("{label}-input@example.org"), &roles)
            .await;
        ids.push(id);
        sessions.push((label, Some(token)));
    }
    sessions.push(("coordinator", Some(coordinator_session)));
    let mut fx = InputFixture {
        cycle,
        phase,
        themes,
        input: 0,
        author: ids[1],
        participant: ids[0],
        moderator: ids[2],
        forum_member: ids[3],
        coordinator,
        ctx,
        sessions,
    };
    fx.input = add_input(
        app,
        &fx,
        fx.author,
        "Ndriçim në rrugët e Shirgjanit",
        "Rrugët kryesore të fshatit janë **pa drita** natën.",
    )
    .await;
    fx
}

/// Requests `path` as every visitor of the fixture and returns what went against `who`
/// (empty when all is right). POSTs send `form` (nonsense is fine: an allowed POST may answer
/// with the form again, 422).
pub async fn check_route(
    app: &TestApp,
    fx: &InputFixture,
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
        if who == Who::LinkHolder {
            if status != StatusCode::BAD_REQUEST {
                wrong.push(format!("a made-up link should be refused: {what}"));
            }
            continue;
        }
        let staff = matches!(*label, "coordinator" | "platform_admin");
        let allowed = match who {
            Who::Anyone => true,
            Who::SignedIn => token.is_some(),
            Who::Author => *label == "author",
            Who::Staff => staff,
            Who::Moderator => *label == "moderator",
            Who::ForumOrStaff => staff || *label == "forum_member",
            Who::LinkHolder => unreachable!(),
        };
        let expect = if allowed { Expect::Allowed } else { Expect::Refused };
        wrong.extend(route_verdict(&response, method, path, token.is_some(), expect, &what));
    }
    wrong
}
