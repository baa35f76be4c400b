//! The forum's route × role rules, shared by the forum's test files: each of
//! `forum_setup.rs`, `forum_meetings.rs` and `forum_minutes.rs` lists its routes in a `ROUTES`
//! table with who may use them, builds the objects its paths name, and checks every route with
//! every kind of visitor here. `permissions.rs` checks that the tables together cover every forum
//! route the router serves.

use axum::http::StatusCode;
use chrono::Duration;
use domain::{ForumId, Role, UserId, forum::Sector};
use store::{AuditCtx, ForumInput, NewMember};

use crate::helpers::{Expect, TestApp, route_verdict};

/// Who may use a forum route.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Who {
    Anyone,
    /// Municipal staff (coordinator, platform admin): `Action::ManageForum`.
    Staff,
    /// Staff and accepted members of the forum (`Action::TakePartInForum`): a signed-in person
    /// who is neither is refused (403).
    StaffOrMember,
    /// An object only members see (a members-only meeting): staff and members; anonymous visitors
    /// are sent to log in, anyone else is told it does not exist (404).
    MembersOnly,
    /// Members holding a position that approves minutes (chair, secretary): everyone else who
    /// is signed in is refused (403), the coordinator included when not seated so.
    ChairOrSecretary,
    /// The owner of an action item (the table's ordinary member) and staff; other signed-in
    /// people are refused (403).
    OwnerOrStaff,
    /// Whoever holds a valid e-mailed link: the table's made-up token gets the "link expired or
    /// used" page (400), for everyone.
    LinkHolder,
}

/// A forum of the current cycle with an ordinary member and a chair, both accepted, and a
/// session for every kind of visitor.
pub struct ForumFixture {
    pub forum: ForumId,
    pub cycle: i64,
    pub coordinator: UserId,
    /// Seated as `member` (accepted).
    pub member: UserId,
    /// Seated as `chair` (accepted).
    pub chair: UserId,
    pub ctx: AuditCtx,
    /// (label, session token): anonymous, participant, reviewer, monitoring body, the member,
    /// the chair, the coordinator, the platform admin.
    pub sessions: Vec<(&'static str, Option<String>)>,
}

/// Seats `user` in `forum` in position `pos_key` and accepts at once.
pub async fn seat(app: &TestApp, forum: ForumId, user: UserId, sector: Sector, pos_key: &str, ctx: &AuditCtx) {
    let token = format!("seat-{}-{}", forum.0, user.0);
    app.store
        .add_member(
            app.elbasan,
            forum,
            &NewMember {
                user_id: user.0,
                candidate_id: None,
                sector,
                org_id: None,
                organisation: String::new(),
                pos_key: pos_key.into(),
                responsibilities: String::new(),
                starts_on: app.now().date_naive(),
                ends_on: None,
                substitute_user_id: None,
            },
            &token,
            None,
            ctx,
        )
        .await
        .expect("seat");
    assert!(
        app.store
            .answer_membership(app.elbasan, &token, true, ctx)
            .await
            .expect("answer")
            .is_some()
    );
}

pub async fn forum_fixture(app: &TestApp) -> ForumFixture {
    let (coordinator, coordinator_session) = app
        .user_in(app.elbasan, "coordinator-forum@example.org", &[Role::Coordinator])
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
    let (member, member_session) = app.user_in(app.elbasan, "member-forum@example.org", &[]).await;
    let (chair, chair_session) = app.user_in(app.elbasan, "chair-forum@example.org", &[]).await;
    seat(app, forum, member, Sector::Cso, "member", &ctx).await;
    seat(app, forum, chair, Sector::Government, "chair", &ctx).await;
    let mut sessions: Vec<(&'static str, Option<String>)> = vec![("anonymous", None)];
    for (label, roles) in [
        ("participant", vec![]),
        ("reviewer", vec![Role::Reviewer]),
        ("monitoring", vec![Role::MonitoringBody]),
        ("platform_admin", vec![Role::PlatformAdmin]),
    ] {
        let (_, token) = app
            .user_in(app.elbasan, &format!("{label}-forum@example.org"), &roles)
            .await;
        sessions.push((label, Some(token)));
    }
    sessions.push(("member", Some(member_session)));
    sessions.push(("chair", Some(chair_session)));
    sessions.push(("coordinator", Some(coordinator_session)));
    ForumFixture {
        forum,
        cycle,
        coordinator,
        member,
        chair,
        ctx,
        sessions,
    }
}

/// Requests `path` as every visitor of the fixture and returns what went against `who`
/// (empty when all is right). POSTs send `form` (nonsense is fine: an allowed POST may answer
/// with the form again, 422).
pub async fn check_route(
    app: &TestApp,
    fx: &ForumFixture,
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
        let member = matches!(*label, "member" | "chair");
        let allowed = match who {
            Who::Anyone => true,
            Who::Staff => staff,
            Who::StaffOrMember | Who::MembersOnly => staff || member,
            Who::ChairOrSecretary => *label == "chair",
            Who::OwnerOrStaff => staff || *label == "member",
            Who::LinkHolder => unreachable!(),
        };
        let expect = match (allowed, who) {
            (true, _) => Expect::Allowed,
            (false, Who::MembersOnly) => Expect::Hidden,
            (false, _) => Expect::Refused,
        };
        wrong.extend(route_verdict(&response, method, path, token.is_some(), expect, &what));
    }
    wrong
}
