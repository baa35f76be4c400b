//! Every route, every role: who may do what. The table is written from the product's rules,
//! not read from the code, so a route that forgets its check fails here.

use axum::http::StatusCode;
use domain::Role;

use crate::helpers::{each_backend, location};

#[derive(Clone, Copy, PartialEq, Debug)]
enum Who {
    Anyone,
    SignedIn,
    Staff,
    PlatformAdmin,
    /// Members of the organisation under test (in the table: the coordinator who made it).
    OrgMember,
    /// The applicant, or staff (the applicant is not among the table's roles).
    ApplicantOrStaff,
    /// Only the applicant: everyone in the table is refused.
    Applicant,
    /// Holders of the reviewer role.
    Reviewer,
    /// Only reviewers assigned to the application (nobody in the table).
    AssignedReviewer,
    /// Whoever holds a valid e-mailed link; the table's made-up token gets the "link expired or
    /// used" page (400), for everyone.
    LinkHolder,
    /// A signed-in person holding a valid invitation link: anonymous visitors are sent to log in,
    /// the signed-in get the "link expired or used" page (400) for the made-up token.
    SignedInLinkHolder,
}

const ROUTES: &[(&str, &str, Who)] = &[
    ("GET", "/", Who::Anyone),
    ("GET", "/news", Who::Anyone),
    ("GET", "/news/{news}", Who::Anyone),
    ("GET", "/privacy", Who::Anyone),
    ("GET", "/signup", Who::Anyone),
    ("POST", "/signup", Who::Anyone),
    ("GET", "/signup/sent", Who::Anyone),
    ("POST", "/login", Who::Anyone),
    ("POST", "/password/forgot", Who::Anyone),
    ("GET", "/password/forgot/sent", Who::Anyone),
    ("GET", "/admin", Who::Staff),
    ("GET", "/login", Who::Anyone),
    ("GET", "/password/forgot", Who::Anyone),
    ("GET", "/orgs/{org}", Who::Anyone),
    ("GET", "/password/reset?token=x", Who::LinkHolder),
    ("POST", "/password/reset", Who::LinkHolder),
    ("GET", "/verify-email?token=x", Who::LinkHolder),
    ("GET", "/account/email/confirm?token=x", Who::LinkHolder),
    ("GET", "/static/site.css", Who::Anyone),
    ("GET", "/calls", Who::Anyone),
    ("GET", "/calls/feed.atom", Who::Anyone),
    ("GET", "/calls/{call}", Who::Anyone),
    ("GET", "/calls/{call}/deadline.ics", Who::Anyone),
    ("GET", "/calls/{call}/apply", Who::SignedIn),
    ("POST", "/calls/{call}/apply", Who::SignedIn),
    ("GET", "/my/applications", Who::SignedIn),
    ("GET", "/applications/{app}", Who::ApplicantOrStaff),
    ("GET", "/applications/{draft}", Who::Applicant),
    ("GET", "/applications/{draft}/edit", Who::Applicant),
    ("POST", "/applications/{draft}/edit", Who::Applicant),
    ("GET", "/applications/{draft}/review", Who::Applicant),
    ("POST", "/applications/{draft}/submit", Who::Applicant),
    ("POST", "/applications/{draft}/withdraw", Who::Applicant),
    ("GET", "/admin/calls", Who::Staff),
    ("GET", "/admin/calls/new", Who::Staff),
    ("POST", "/admin/calls", Who::Staff),
    ("GET", "/admin/calls/{call}", Who::Staff),
    ("GET", "/admin/calls/{call}/edit", Who::Staff),
    ("POST", "/admin/calls/{call}/edit", Who::Staff),
    ("POST", "/admin/calls/{call}/publish", Who::Staff),
    ("POST", "/admin/calls/{call}/extend", Who::Staff),
    ("GET", "/admin/calls/{call}/applications", Who::Staff),
    ("POST", "/admin/calls/{call}/decide", Who::Staff),
    ("POST", "/admin/calls/{call}/assign", Who::Staff),
    ("GET", "/admin/applications/{app}", Who::Staff),
    ("POST", "/admin/applications/{app}/assign", Who::Staff),
    ("GET", "/calls/{call}/outcome", Who::Anyone),
    ("GET", "/admin/calls/{call}/export.csv", Who::Staff),
    ("GET", "/admin/calls/{call}/attachments.zip", Who::Staff),
    ("POST", "/admin/calls/{call}/documents", Who::Staff),
    ("POST", "/admin/calls/{call}/documents/{doc}/delete", Who::Staff),
    ("GET", "/calls/{call}/documents/{doc}", Who::Anyone),
    ("GET", "/applications/{app}/files/{file}", Who::ApplicantOrStaff),
    ("GET", "/applications/{app}/pdf", Who::ApplicantOrStaff),
    ("POST", "/applications/{draft}/files", Who::Applicant),
    (
        "POST",
        "/applications/{draft}/files/{draft_file}/delete",
        Who::Applicant,
    ),
    ("GET", "/my/data.json", Who::SignedIn),
    ("GET", "/api/v1/calls", Who::Anyone),
    ("GET", "/api/v1/calls/{call}", Who::Anyone),
    ("GET", "/api/v1/calls/{call}/outcome", Who::Anyone),
    ("GET", "/forum/health", Who::Anyone),
    ("GET", "/api/v1/forum/health", Who::Anyone),
    ("GET", "/review", Who::Reviewer),
    ("GET", "/review/{app}", Who::AssignedReviewer),
    ("POST", "/review/{app}", Who::AssignedReviewer),
    ("POST", "/review/{app}/conflict", Who::AssignedReviewer),
    ("GET", "/api/v1/tenant", Who::Anyone),
    ("GET", "/api/v1/timeline", Who::Anyone),
    ("GET", "/api/v1/news", Who::Anyone),
    ("GET", "/api/openapi.json", Who::Anyone),
    ("GET", "/healthz", Who::Anyone),
    ("GET", "/account", Who::SignedIn),
    ("POST", "/account/password", Who::SignedIn),
    ("POST", "/account/email", Who::SignedIn),
    ("POST", "/account/language", Who::SignedIn),
    ("POST", "/account/delete", Who::SignedIn),
    ("GET", "/orgs/new", Who::SignedIn),
    ("POST", "/orgs", Who::SignedIn),
    ("GET", "/invitations/role?token=x", Who::SignedInLinkHolder),
    ("POST", "/invitations/role", Who::SignedInLinkHolder),
    ("GET", "/invitations/org?token=x", Who::SignedInLinkHolder),
    ("POST", "/invitations/org", Who::SignedInLinkHolder),
    ("GET", "/api/v1/me", Who::SignedIn),
    ("GET", "/admin/people", Who::Staff),
    ("POST", "/admin/people/{user}/grant", Who::Staff),
    ("POST", "/admin/people/{user}/revoke", Who::Staff),
    ("POST", "/admin/invitations", Who::Staff),
    ("GET", "/admin/timeline", Who::Staff),
    ("POST", "/admin/timeline", Who::Staff),
    ("GET", "/admin/news/new", Who::Staff),
    ("POST", "/admin/news", Who::Staff),
    ("GET", "/admin/news/{news}/edit", Who::Staff),
    ("POST", "/admin/news/{news}/edit", Who::Staff),
    ("POST", "/admin/news/{news}/delete", Who::Staff),
    ("GET", "/admin/audit", Who::Staff),
    ("GET", "/admin/outbox", Who::Staff),
    ("GET", "/admin/settings", Who::Staff),
    ("POST", "/admin/settings", Who::Staff),
    ("GET", "/admin/tenants", Who::PlatformAdmin),
    ("POST", "/admin/tenants", Who::PlatformAdmin),
    ("GET", "/orgs/{org}/edit", Who::OrgMember),
    ("POST", "/orgs/{org}/edit", Who::OrgMember),
    ("POST", "/orgs/{org}/invite", Who::OrgMember),
    ("POST", "/admin/calls/{call}/outcome", Who::Staff),
    // Last: it ends the session it is sent with.
    ("POST", "/logout", Who::Anyone),
];

#[tokio::test]
async fn every_route_with_every_role() {
    each_backend(async |app| {
        let (coordinator, _) = app.user(Role::Coordinator).await;
        let mut sessions: Vec<(Option<Role>, Option<String>)> = vec![(None, None)];
        for role in [
            Role::Participant,
            Role::Reviewer,
            Role::ForumMember,
            Role::MonitoringBody,
            Role::Coordinator,
            Role::PlatformAdmin,
        ] {
            let (_, token) = app
                .user_in(
                    app.elbasan,
                    &format!("{}-matrix@example.org", role.key()),
                    &if role == Role::Participant { vec![] } else { vec![role] },
                )
                .await;
            sessions.push((Some(role), Some(token)));
        }
        let ctx = store::AuditCtx {
            tenant: Some(app.elbasan),
            actor: Some(coordinator),
            at: app.now(),
            request_id: None,
        };
        let input = store::NewsInput {
            title_sq: "Lajm".into(),
            title_en: String::new(),
            body_sq: "Tekst".into(),
            body_en: String::new(),
        };
        let org_input = store::OrgInput {
            name: "Org".into(),
            kind: "cso".into(),
            registration_number: None,
            size_band: "up_5".into(),
            fields: String::new(),
            area: String::new(),
            website: String::new(),
            mission: "M".into(),
        };
        // The organisation belongs to the coordinator of the table below.
        let matrix_coordinator = app
            .store
            .user_by_email(
                app.elbasan,
                &domain::Email::parse("e", "coordinator-matrix@example.org").expect("email"),
            )
            .await
            .expect("user")
            .expect("exists")
            .id();
        let org = app
            .store
            .create_org(app.elbasan, matrix_coordinator, &org_input, &ctx)
            .await
            .expect("org");
        let (target, _) = app.user_in(app.elbasan, "target@example.org", &[]).await;
        let call_input = store::CallInput {
            title_sq: "Thirrje".into(),
            title_en: String::new(),
            summary_sq: "P".into(),
            summary_en: String::new(),
            body_sq: String::new(),
            body_en: String::new(),
            eligibility_sq: String::new(),
            eligibility_en: String::new(),
            requirements_sq: String::new(),
            requirements_en: String::new(),
            allow_cso: true,
            allow_informal: true,
            allow_citizen: true,
            places: None,
            opens_at: app.now() - chrono::Duration::days(1),
            closes_at: app.now() + chrono::Duration::days(10),
            contact_email: "k@example.org".into(),
        };
        let criterion = store::CriterionInput {
            name_sq: "K".into(),
            name_en: String::new(),
            description_sq: String::new(),
            description_en: String::new(),
            weight: 1,
        };
        let call = app
            .store
            .create_call(app.elbasan, &call_input, &[criterion], "ELB", &ctx)
            .await
            .expect("call");
        app.store.publish_call(app.elbasan, call, &ctx).await.expect("publish");
        let new = store::NewApplication {
            call,
            applicant: target,
            applicant_type: domain::open_call::ApplicantType::Citizen,
            org_id: None,
            size_band: String::new(),
            lang: "sq".into(),
        };
        let application = app
            .store
            .start_application(app.elbasan, &new, &ctx)
            .await
            .expect("application");

        // A submitted application with an attachment ({app}, {file}), a draft with one
        // ({draft}, {draft_file}), both the target's; a document of the call ({doc}).
        let target_ctx = store::AuditCtx {
            actor: Some(target),
            ..ctx.clone()
        };
        let pdf = store::NewFile {
            filename: "raport.pdf",
            content_type: "application/pdf",
            sha256: "0",
            content: b"%PDF-1.7\n",
        };
        let file = app
            .store
            .attach_file(app.elbasan, application, &pdf, &target_ctx)
            .await
            .expect("file");
        app.store
            .submit_application(app.elbasan, application, 2026, |_| Vec::new(), &target_ctx)
            .await
            .expect("submit");
        let (drafter, _) = app.user_in(app.elbasan, "drafter@example.org", &[]).await;
        let draft = app
            .store
            .start_application(
                app.elbasan,
                &store::NewApplication {
                    applicant: drafter,
                    ..new.clone()
                },
                &store::AuditCtx {
                    actor: Some(drafter),
                    ..ctx.clone()
                },
            )
            .await
            .expect("draft");
        let doc = app
            .store
            .attach_call_document(app.elbasan, call, &pdf, &ctx)
            .await
            .expect("document");

        let mut wrong = Vec::new();
        let mut check = |ok: bool, why: &str, what: &str| {
            if !ok {
                wrong.push(format!("{why}: {what}"));
            }
        };
        for (method, pattern, who) in ROUTES {
            for (role, token) in &sessions {
                // Each request gets its own news item, draft file and call document, since some
                // requests delete them.
                let news = app
                    .store
                    .create_news(app.elbasan, coordinator, &input, &ctx)
                    .await
                    .expect("news");
                let draft_file = app.store.attach_file(app.elbasan, draft, &pdf, &ctx).await.unwrap_or(0);
                let doc = if pattern.contains("{doc}/delete") {
                    app.store
                        .attach_call_document(app.elbasan, call, &pdf, &ctx)
                        .await
                        .expect("document")
                } else {
                    doc
                };
                let path = pattern
                    .replace("{news}", &news.to_string())
                    .replace("{org}", &org.to_string())
                    .replace("{user}", &target.to_string())
                    .replace("{call}", &call.to_string())
                    .replace("{draft_file}", &draft_file.to_string())
                    .replace("{draft}", &draft.to_string())
                    .replace("{app}", &application.to_string())
                    .replace("{file}", &file.to_string())
                    .replace("{doc}", &doc.to_string());
                let response = match *method {
                    "GET" => app.get(&path, token.as_deref()).await,
                    _ => app.post(&path, token.as_deref(), &[("role", "reviewer")]).await,
                };
                let status = response.status_code();
                let staff = matches!(role, Some(Role::Coordinator | Role::PlatformAdmin));
                if *who == Who::LinkHolder || (*who == Who::SignedInLinkHolder && role.is_some()) {
                    let what = format!("{} {method} {path} as {role:?}: {status}", app.label);
                    check(
                        status == StatusCode::BAD_REQUEST,
                        "a made-up link should be refused",
                        &what,
                    );
                    continue;
                }
                let allowed = match who {
                    Who::Anyone | Who::LinkHolder => true,
                    Who::SignedIn | Who::SignedInLinkHolder => role.is_some(),
                    Who::Staff => staff,
                    Who::PlatformAdmin => *role == Some(Role::PlatformAdmin),
                    Who::OrgMember => *role == Some(Role::Coordinator),
                    Who::ApplicantOrStaff => staff,
                    Who::Applicant | Who::AssignedReviewer => false,
                    Who::Reviewer => *role == Some(Role::Reviewer),
                };
                let to_login = status == StatusCode::SEE_OTHER && location(&response).starts_with("/login?next=");
                let what = format!("{} {method} {path} as {role:?}: {status}", app.label);
                if allowed {
                    // The route ran: a page, a redirect, or (for a form posted with nonsense) the
                    // form again with its errors. Never a 404, never a refusal.
                    let ran = (status.is_success() || status.is_redirection()) && !to_login
                        || (*method == "POST" && status == StatusCode::UNPROCESSABLE_ENTITY);
                    check(ran, "should be allowed", &what);
                } else if role.is_none() {
                    let api = path.starts_with("/api/");
                    let ok = if api {
                        status == StatusCode::UNAUTHORIZED
                    } else {
                        to_login
                    };
                    check(ok, "anonymous should be sent to log in", &what);
                } else if *who == Who::AssignedReviewer && *role != Some(Role::Reviewer) {
                    // Not a reviewer at all: the reviewers' pages are refused outright.
                    check(status == StatusCode::FORBIDDEN, "should be forbidden", &what);
                } else if matches!(who, Who::ApplicantOrStaff | Who::Applicant | Who::AssignedReviewer) {
                    // Someone else's application does not exist, as far as they can tell.
                    check(status == StatusCode::NOT_FOUND, "should be hidden", &what);
                } else {
                    check(status == StatusCode::FORBIDDEN, "should be forbidden", &what);
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    })
    .await;
}

/// Every (method, path) the router serves, read from the web crate's source: each `.route(`
/// call with the methods of its method router, and each `#[utoipa::path]` of the API.
fn routes_in_source() -> std::collections::BTreeSet<(String, String)> {
    fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("source folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut sources = Vec::new();
    files(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut sources,
    );
    let mut found = std::collections::BTreeSet::new();
    for file in sources {
        // `/metrics` is served on its own listener, not by this router (see `defects.rs`).
        if file.ends_with("metrics.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("source");
        let mut rest = text.as_str();
        while let Some(i) = rest.find(".route(") {
            rest = &rest[i + ".route(".len()..];
            let args = rest.trim_start();
            let Some(literal) = args.strip_prefix('"') else {
                continue;
            };
            let Some(end) = literal.find('"') else { continue };
            let path = &literal[..end];
            // The method router: names called at depth 1 (`get(..).post(..)`) until `)`.
            let (mut depth, mut ident) = (1, String::new());
            for c in literal[end + 1..].chars() {
                match c {
                    '(' => {
                        if depth == 1 && ["get", "post", "put", "delete", "patch"].contains(&ident.as_str()) {
                            found.insert((ident.to_uppercase(), normalise(path)));
                        }
                        depth += 1;
                        ident.clear();
                    }
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    c if c.is_ascii_alphanumeric() || c == '_' => ident.push(c),
                    _ => ident.clear(),
                }
            }
        }
        for line in text.lines().filter(|l| l.contains("utoipa::path(")) {
            let method = line.split("utoipa::path(").nth(1).and_then(|r| r.split(',').next());
            let path = line.split("path = \"").nth(1).and_then(|r| r.split('"').next());
            if let (Some(method), Some(path)) = (method, path) {
                found.insert((method.trim().to_uppercase(), normalise(path)));
            }
        }
    }
    found
}

/// A path pattern with its query dropped and every `{name}` written `{}`.
fn normalise(pattern: &str) -> String {
    let path = pattern.split('?').next().unwrap_or(pattern);
    let mut out = String::new();
    let mut in_name = false;
    for c in path.chars() {
        match c {
            '{' => {
                in_name = true;
                out.push_str("{}");
            }
            '}' => in_name = false,
            c if !in_name => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn the_table_covers_exactly_the_routes_the_router_serves() {
    let served = routes_in_source();
    assert!(served.len() > 80, "the scan found only {} routes", served.len());
    let table: std::collections::BTreeSet<(String, String)> = ROUTES
        .iter()
        .map(|(m, p, _)| (m, p))
        .chain(crate::forum_setup::ROUTES.iter().map(|(m, p, _)| (m, p)))
        .chain(crate::forum_meetings::ROUTES.iter().map(|(m, p, _)| (m, p)))
        .chain(crate::forum_minutes::ROUTES.iter().map(|(m, p, _)| (m, p)))
        .chain(crate::input_submit::ROUTES.iter().map(|(m, p, _)| (m, p)))
        .chain(crate::input_discussion::ROUTES.iter().map(|(m, p, _)| (m, p)))
        .chain(crate::input_answers::ROUTES.iter().map(|(m, p, _)| (m, p)))
        .chain(crate::commitments_public::ROUTES.iter().map(|(m, p, _)| (m, p)))
        .chain(crate::commitments_ogp::ROUTES.iter().map(|(m, p, _)| (m, p)))
        .chain(crate::commitments_drafting::ROUTES.iter().map(|(m, p, _)| (m, p)))
        .map(|(m, p)| ((*m).to_owned(), normalise(p)))
        .collect();
    let missing: Vec<_> = served.difference(&table).collect();
    let stale: Vec<_> = table.difference(&served).collect();
    assert!(missing.is_empty(), "routes without a row in the table: {missing:?}");
    assert!(stale.is_empty(), "rows for routes that do not exist: {stale:?}");
}

#[tokio::test]
async fn a_coordinator_grants_and_revokes_roles_and_invites_by_e_mail() {
    each_backend(async |app| {
        let (me, coordinator) = app.user(Role::Coordinator).await;
        let (user, user_session) = app.user(Role::Participant).await;
        let r = app
            .post(
                &format!("/admin/people/{user}/grant"),
                Some(&coordinator),
                &[("role", "reviewer")],
            )
            .await;
        assert_eq!(location(&r), "/admin/people", "{}", app.label);
        assert!(
            app.store
                .roles_of(app.elbasan, user)
                .await
                .expect("roles")
                .contains(Role::Reviewer)
        );
        // Platform admin cannot be granted from the web.
        let r = app
            .post(
                &format!("/admin/people/{user}/grant"),
                Some(&coordinator),
                &[("role", "platform_admin")],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        // Taking a role away asks once more, naming the person and the role; nothing changes yet.
        let r = app
            .post(
                &format!("/admin/people/{user}/revoke"),
                Some(&coordinator),
                &[("role", "reviewer")],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::OK, "{}", app.label);
        assert!(
            r.text().contains("Po ia hiqni Arbër Çela rolin „Vlerësues“"),
            "{}",
            app.label
        );
        assert!(
            app.store
                .roles_of(app.elbasan, user)
                .await
                .expect("roles")
                .contains(Role::Reviewer)
        );
        let r = app
            .post(
                &format!("/admin/people/{user}/revoke"),
                Some(&coordinator),
                &[("role", "reviewer"), ("confirmed", "yes")],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::SEE_OTHER);
        assert!(
            !app.store
                .roles_of(app.elbasan, user)
                .await
                .expect("roles")
                .contains(Role::Reviewer)
        );
        // A change of role ends the person's sessions.
        assert_eq!(
            app.get("/account", Some(&user_session)).await.status_code(),
            StatusCode::SEE_OTHER
        );
        // Revoking a role the person does not hold changes nothing, and says so.
        let r = app
            .post(
                &format!("/admin/people/{user}/revoke"),
                Some(&coordinator),
                &[("role", "reviewer")],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().contains("nuk e ka këtë rol"), "{}", app.label);
        // Nobody takes away their own coordinator role, confirmed or not.
        let r = app
            .post(
                &format!("/admin/people/{me}/revoke"),
                Some(&coordinator),
                &[("role", "coordinator"), ("confirmed", "yes")],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY, "{}", app.label);
        assert!(r.text().contains("Nuk mund ta hiqni vetë rolin tuaj"), "{}", app.label);

        let r = app
            .post(
                "/admin/invitations",
                Some(&coordinator),
                &[("email", "e-ftuar@example.org"), ("role", "monitoring_body")],
            )
            .await;
        assert_eq!(location(&r), "/admin/people");
        let mail = app.last_mail_to("e-ftuar@example.org").await.expect("invitation mail");
        assert!(mail.body_text.contains("Organi monitorues"), "{}", mail.body_text);
        let token = crate::helpers::link_token(&mail.body_text, "/invitations/role");
        let (invitee, invitee_session) = app.user_in(app.elbasan, "e-ftuar@example.org", &[]).await;
        let page = app
            .get(&format!("/invitations/role?token={token}"), Some(&invitee_session))
            .await;
        assert_eq!(page.status_code(), StatusCode::OK);
        let r = app
            .post("/invitations/role", Some(&invitee_session), &[("token", &token)])
            .await;
        assert_eq!(location(&r), "/account", "{}", app.label);
        assert!(
            app.store
                .roles_of(app.elbasan, invitee)
                .await
                .expect("roles")
                .contains(Role::MonitoringBody)
        );
        let r = app
            .post(
                "/admin/invitations",
                Some(&coordinator),
                &[("email", "bad"), ("role", "mayor")],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
    })
    .await;
}

#[tokio::test]
async fn a_coordinator_role_takes_a_confirmation_and_the_person_is_told() {
    each_backend(async |app| {
        let (_, coordinator) = app.user(Role::Coordinator).await;
        let (user, _) = app.user_in(app.elbasan, "rol-i-ri@example.org", &[]).await;
        // The menu starts on no role: sending it as it is grants nothing.
        let page = app.get("/admin/people", Some(&coordinator)).await.text();
        assert!(page.contains("<option value=\"\" selected>"), "{}", app.label);
        let r = app
            .post(
                &format!("/admin/people/{user}/grant"),
                Some(&coordinator),
                &[("role", "")],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY, "{}", app.label);
        assert!(r.text().contains("Zgjidhni rolin"));
        // One tap asks first, naming the person and the role; nothing changes yet.
        let r = app
            .post(
                &format!("/admin/people/{user}/grant"),
                Some(&coordinator),
                &[("role", "coordinator")],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::OK, "{}", app.label);
        let confirm = r.text();
        assert!(
            confirm.contains("Konfirmoni rolin") && confirm.contains("Koordinator"),
            "{confirm}"
        );
        assert!(confirm.contains("name=\"confirmed\" value=\"yes\""));
        let roles = app.store.roles_of(app.elbasan, user).await.expect("roles");
        assert!(
            !roles.contains(Role::Coordinator),
            "{}: granted without confirmation",
            app.label
        );
        assert_eq!(app.mails_to("rol-i-ri@example.org").await, 0);
        // The second step grants it and tells the person.
        let r = app
            .post(
                &format!("/admin/people/{user}/grant"),
                Some(&coordinator),
                &[("role", "coordinator"), ("confirmed", "yes")],
            )
            .await;
        assert_eq!(location(&r), "/admin/people", "{}", app.label);
        let roles = app.store.roles_of(app.elbasan, user).await.expect("roles");
        assert!(roles.contains(Role::Coordinator));
        let mail = app.last_mail_to("rol-i-ri@example.org").await.expect("mail");
        assert!(
            mail.body_text.contains("Koordinator") && mail.body_text.contains("të Bashkisë Elbasan"),
            "{}",
            mail.body_text
        );
        assert!(
            !mail.body_text.contains("mos e merrni parasysh"),
            "a notice, not an unsolicited mail"
        );
    })
    .await;
}
