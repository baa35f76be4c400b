//! The forum's setup: behaviour over HTTP on both databases, and its route × role table.

use axum::http::StatusCode;
use domain::{ApplicationId, CallId, ForumId, open_call::ApplicationStatus};
use store::{NewFile, TextsInput};

use crate::{
    calls::{id_of, published_call, submitted},
    forum_routes::{ForumFixture, Who, check_route, forum_fixture},
    helpers::{TestApp, each_backend, link_token, location},
};

/// Every route of this part with who may use it (paths with `{placeholders}`).
pub const ROUTES: &[(&str, &str, Who)] = &[
    ("GET", "/forum", Who::Anyone),
    ("GET", "/forum/texts", Who::Anyone),
    ("GET", "/forum/texts/compare?from=1&to=2", Who::Anyone),
    ("GET", "/forum/legal-basis", Who::Anyone),
    ("GET", "/forum/membership?token=made-up", Who::LinkHolder),
    ("POST", "/forum/membership", Who::LinkHolder),
    ("GET", "/forum/me", Who::StaffOrMember),
    ("POST", "/forum/me", Who::StaffOrMember),
    ("GET", "/admin/forum", Who::Staff),
    ("POST", "/admin/forum", Who::Staff),
    ("POST", "/admin/forum/texts", Who::Staff),
    ("POST", "/admin/forum/legal-basis", Who::Staff),
    ("GET", "/admin/forum/positions", Who::Staff),
    ("POST", "/admin/forum/positions", Who::Staff),
    ("POST", "/admin/forum/candidates/{candidate}/seat", Who::Staff),
    ("GET", "/admin/forum/members/new", Who::Staff),
    ("POST", "/admin/forum/members", Who::Staff),
    ("GET", "/admin/forum/members/{member}/edit", Who::Staff),
    ("POST", "/admin/forum/members/{member}/edit", Who::Staff),
    ("POST", "/admin/forum/members/{member}/end", Who::Staff),
    ("GET", "/api/v1/forum", Who::Anyone),
    ("GET", "/api/v1/forum/members", Who::Anyone),
];

fn session<'a>(fx: &'a ForumFixture, label: &str) -> &'a str {
    fx.sessions
        .iter()
        .find(|(l, _)| *l == label)
        .and_then(|(_, t)| t.as_deref())
        .expect("session")
}

/// A selected applicant of a published call of the fixture's cycle, handed over to the forum:
/// (candidate id, the applicant's address, their session).
async fn candidate(app: &TestApp, fx: &ForumFixture, email: &str) -> (i64, String) {
    let coordinator = session(fx, "coordinator");
    let call = published_call(app, coordinator, &["cso"]).await;
    let (_, applicant) = app.user_in(app.elbasan, email, &[]).await;
    let path = submitted(app, call, &applicant, true).await;
    let application: i64 = id_of(&path).parse().expect("application id");
    app.store
        .decide(
            app.elbasan,
            CallId(call),
            &[ApplicationId(application)],
            ApplicationStatus::Selected,
            "",
            &fx.ctx,
        )
        .await
        .expect("decide");
    app.store
        .publish_outcome(app.elbasan, CallId(call), &[], &fx.ctx)
        .await
        .expect("outcome");
    let c = app
        .store
        .unseated_candidates(app.elbasan, fx.cycle, fx.forum)
        .await
        .expect("candidates")
        .into_iter()
        .find(|c| c.application_id == application)
        .expect("candidate");
    (c.id, applicant)
}

pub(crate) async fn two_versions(app: &TestApp, forum: ForumId, ctx: &store::AuditCtx) {
    for rules in [
        "Mbledhjet janë të hapura për publikun.",
        "Mbledhjet janë gjithmonë të hapura për qytetarët.",
    ] {
        app.store
            .save_texts(
                app.elbasan,
                forum,
                &TextsInput {
                    terms_sq: "Forumi bashkë-krijon planin e veprimit.".into(),
                    rules_sq: rules.into(),
                    note: "Rregullat".into(),
                    ..TextsInput::default()
                },
                ctx,
            )
            .await
            .expect("texts");
    }
}

#[tokio::test]
async fn every_route_of_the_forum_setup_checks_who_may_use_it() {
    each_backend(async |app| {
        let fx = forum_fixture(app).await;
        two_versions(app, fx.forum, &fx.ctx).await;
        let pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
        app.store
            .attach_legal_file(
                app.elbasan,
                fx.forum,
                &NewFile {
                    filename: "vendimi.pdf",
                    content_type: "application/pdf",
                    sha256: "x",
                    content: pdf,
                },
                &fx.ctx,
            )
            .await
            .expect("legal file");
        let (cand, _) = candidate(app, &fx, "kandidati-rruget@example.org").await;
        let member = app
            .store
            .membership(app.elbasan, fx.forum, fx.member)
            .await
            .expect("membership")
            .expect("seat")
            .id;
        let mut wrong = Vec::new();
        for (method, pattern, who) in ROUTES {
            let path = pattern
                .replace("{candidate}", &cand.to_string())
                .replace("{member}", &member.to_string());
            let form: &[(&str, &str)] = if path == "/forum/membership" {
                &[("token", "made-up"), ("answer", "accept")]
            } else {
                &[("nonsense", "x")]
            };
            wrong.extend(check_route(app, &fx, method, &path, *who, form).await);
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    })
    .await;
}

#[tokio::test]
async fn a_candidate_is_seated_in_one_step_and_accepts_from_the_link() {
    each_backend(async |app| {
        let fx = forum_fixture(app).await;
        let coordinator = session(&fx, "coordinator");
        let (cand, applicant) = candidate(app, &fx, "kandidatja@example.org").await;
        // The staff page offers the candidate with the sector taken from the applicant type.
        let admin = app.get("/admin/forum", Some(coordinator)).await.text();
        assert!(
            admin.contains(&format!("/admin/forum/candidates/{cand}/seat")),
            "{}",
            app.label
        );
        // Before accepting, the forum's pages are closed to the applicant.
        assert_eq!(
            app.get("/forum/me", Some(&applicant)).await.status_code(),
            StatusCode::FORBIDDEN
        );
        let r = app
            .post(
                &format!("/admin/forum/candidates/{cand}/seat"),
                Some(coordinator),
                &[
                    ("sector", "cso"),
                    ("organisation", "Forumi i Gruas Elbasan"),
                    ("position", "member"),
                    ("responsibilities", "Ndjek zbatimin e angazhimeve për barazinë gjinore."),
                    ("starts_on", "01.11.2026"),
                    ("ends_on", ""),
                ],
            )
            .await;
        assert_eq!(location(&r), "/admin/forum", "{}: {}", app.label, r.text());
        // Seated once: the row is gone from the candidates.
        let admin = app.get("/admin/forum", Some(coordinator)).await.text();
        assert!(!admin.contains(&format!("/admin/forum/candidates/{cand}/seat")));
        let mail = app.last_mail_to("kandidatja@example.org").await.expect("invitation");
        assert!(mail.subject.contains("Forumi OGP Elbasan"), "{}", mail.subject);
        assert!(mail.body_text.contains("barazinë gjinore"), "{}", mail.body_text);
        let token = link_token(&mail.body_text, "/forum/membership");

        // The answer page works without signing in, and shows the position.
        let page = app.get(&format!("/forum/membership?token={token}"), None).await;
        assert_eq!(page.status_code(), StatusCode::OK, "{}", app.label);
        assert!(page.text().contains("Anëtar") && page.text().contains("barazinë gjinore"));
        let r = app
            .post(
                "/forum/membership",
                None,
                &[("token", token.as_str()), ("answer", "accept")],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::OK);
        assert!(r.text().contains("jeni anëtar i forumit"), "{}", r.text());
        // The link works once.
        assert_eq!(
            app.get(&format!("/forum/membership?token={token}"), None)
                .await
                .status_code(),
            StatusCode::BAD_REQUEST
        );
        assert_eq!(
            app.post(
                "/forum/membership",
                None,
                &[("token", token.as_str()), ("answer", "decline")]
            )
            .await
            .status_code(),
            StatusCode::BAD_REQUEST
        );
        // The role is granted: the member's own page opens.
        assert_eq!(
            app.get("/forum/me", Some(&applicant)).await.status_code(),
            StatusCode::OK
        );

        // The public page lists them under their sector, with name and organisation, no address.
        let public = app.get("/forum", None).await.text();
        let cso = public.find("Organizata të shoqërisë civile").expect("cso group");
        assert!(public[cso..].contains("Forumi i Gruas Elbasan"), "{}", app.label);
        assert!(!public.contains("kandidatja@example.org"));
        assert!(!public.contains("@example.org"), "no address on the public page");
    })
    .await;
}

#[tokio::test]
async fn declining_twice_added_and_a_term_that_ends_before_it_starts() {
    each_backend(async |app| {
        let fx = forum_fixture(app).await;
        let coordinator = session(&fx, "coordinator");
        app.user_in(app.elbasan, "nepunesi@example.org", &[]).await;
        let form = |person: &'static str, ends: &'static str| {
            vec![
                ("person", person),
                ("sector", "government"),
                ("organisation", "Drejtoria e Planifikimit"),
                ("position", "observer"),
                ("responsibilities", ""),
                ("starts_on", "01.11.2026"),
                ("ends_on", ends),
                ("substitute", ""),
            ]
        };
        // End before start: the message next to the field, everything typed kept, nothing saved.
        let r = app
            .post(
                "/admin/forum/members",
                Some(coordinator),
                &form("nepunesi@example.org", "31.10.2026"),
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY, "{}", app.label);
        let html = r.text();
        assert!(
            html.contains("Data e mbarimit nuk mund të jetë para datës së fillimit."),
            "{html}"
        );
        assert!(html.contains("value=\"31.10.2026\"") && html.contains("value=\"nepunesi@example.org\""));
        assert!(app.last_mail_to("nepunesi@example.org").await.is_none());
        // No account with the address: said next to the person field.
        let r = app
            .post(
                "/admin/forum/members",
                Some(coordinator),
                &form("askush@example.org", ""),
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().contains("Asnjë llogari nuk e përdor këtë adresë"));

        let r = app
            .post(
                "/admin/forum/members",
                Some(coordinator),
                &form("nepunesi@example.org", ""),
            )
            .await;
        assert_eq!(location(&r), "/admin/forum", "{}: {}", app.label, r.text());
        // The same person twice.
        let r = app
            .post(
                "/admin/forum/members",
                Some(coordinator),
                &form("nepunesi@example.org", "31.12.2027"),
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = r.text();
        assert!(html.contains("Ky person ka tashmë një vend në forum."), "{html}");
        assert!(html.contains("person-error") && html.contains("value=\"31.12.2027\""));

        // The person declines from the link; the seat shows as declined and does not count.
        let mail = app.last_mail_to("nepunesi@example.org").await.expect("invitation");
        let token = link_token(&mail.body_text, "/forum/membership");
        let r = app
            .post(
                "/forum/membership",
                None,
                &[("token", token.as_str()), ("answer", "decline")],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::OK);
        let admin = app.get("/admin/forum", Some(coordinator)).await.text();
        assert!(admin.contains("member-declined"), "{}", app.label);
        let api: serde_json::Value = app.get("/api/v1/forum/members", None).await.json();
        assert_eq!(
            api["members"].as_array().map(Vec::len),
            Some(2),
            "only the fixture's two"
        );
    })
    .await;
}

#[tokio::test]
async fn texts_are_versioned_and_compared_word_by_word() {
    each_backend(async |app| {
        let fx = forum_fixture(app).await;
        let coordinator = session(&fx, "coordinator");
        for (rules, note) in [
            ("Mbledhjet janë të hapura për publikun.", "Versioni i parë"),
            ("Mbledhjet janë gjithmonë të hapura për qytetarët.", "Qartësim"),
        ] {
            let r = app
                .post(
                    "/admin/forum/texts",
                    Some(coordinator),
                    &[
                        ("terms_sq", "Forumi bashkë-krijon planin."),
                        ("rules_sq", rules),
                        ("note", note),
                    ],
                )
                .await;
            assert_eq!(location(&r), "/admin/forum", "{}: {}", app.label, r.text());
        }
        let history = app.get("/forum/texts", None).await.text();
        assert!(history.contains("Versioni i parë") && history.contains("Qartësim"));
        let diff = app.get("/forum/texts/compare?from=1&to=2", None).await;
        assert_eq!(diff.status_code(), StatusCode::OK);
        let html = diff.text();
        assert!(html.contains("<ins><span class=\"visually-hidden\">"), "{html}");
        assert!(html.contains("gjithmonë") && html.contains("<del>"));
        // A version that does not exist: a message next to the choice.
        let bad = app.get("/forum/texts/compare?from=1&to=9", None).await;
        assert_eq!(bad.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.text().contains("Nuk ka version të tillë."));
        // The public page shows the version in force.
        let public = app.get("/forum", None).await.text();
        assert!(public.contains("Versioni 2") && public.contains("gjithmonë të hapura"));
    })
    .await;
}

#[tokio::test]
async fn leaving_ends_the_seat_and_the_role() {
    each_backend(async |app| {
        let fx = forum_fixture(app).await;
        let member = session(&fx, "member");
        let r = app
            .post(
                "/forum/me",
                Some(member),
                &[("gender", "woman"), ("youth", "yes"), ("rural", "")],
            )
            .await;
        assert_eq!(location(&r), "/forum/me", "{}", app.label);
        // Gender only as a count on the public page.
        let public = app.get("/forum", None).await.text();
        assert!(public.contains("Grua"), "{}", app.label);
        // Leaving asks first; a forged request without the confirmation changes nothing.
        let r = app.post("/forum/me", Some(member), &[("action", "leave")]).await;
        assert_eq!(r.status_code(), StatusCode::OK);
        assert!(r.text().contains("name=\"confirmed\" value=\"yes\""));
        assert_eq!(app.get("/forum/me", Some(member)).await.status_code(), StatusCode::OK);
        let r = app
            .post("/forum/me", Some(member), &[("action", "leave"), ("confirmed", "yes")])
            .await;
        assert_eq!(location(&r), "/forum");
        assert_eq!(
            app.get("/forum/me", Some(member)).await.status_code(),
            StatusCode::FORBIDDEN
        );
        let seat = app
            .store
            .membership(app.elbasan, fx.forum, fx.member)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(seat.status, domain::forum::MemberStatus::Left);
        assert!(seat.left_at.is_some());
        // The coordinator ends the chair's seat after the confirmation step.
        let coordinator = session(&fx, "coordinator");
        let chair = app
            .store
            .membership(app.elbasan, fx.forum, fx.chair)
            .await
            .unwrap()
            .unwrap();
        let path = format!("/admin/forum/members/{}/end", chair.id);
        let r = app.post(&path, Some(coordinator), &[]).await;
        assert!(r.text().contains("name=\"confirmed\""));
        let r = app.post(&path, Some(coordinator), &[("confirmed", "yes")]).await;
        assert_eq!(location(&r), "/admin/forum");
        assert_eq!(
            app.get("/forum/me", Some(session(&fx, "chair"))).await.status_code(),
            StatusCode::FORBIDDEN
        );
    })
    .await;
}

#[tokio::test]
async fn the_api_and_the_public_page_show_public_fields_only_in_both_languages() {
    each_backend(async |app| {
        let fx = forum_fixture(app).await;
        let member = session(&fx, "member");
        app.post(
            "/forum/me",
            Some(member),
            &[("gender", "man"), ("youth", "no"), ("rural", "yes")],
        )
        .await;
        let body = app.get("/api/v1/forum/members", None).await.text();
        assert!(body.contains("\"sector\":\"cso\""), "{body}");
        for private in ["@example.org", "email", "gender", "youth", "rural", "\"man\""] {
            assert!(!body.contains(private), "{private} in {body}");
        }
        let forum: serde_json::Value = app.get("/api/v1/forum", None).await.json();
        assert_eq!(forum["forum"]["composition"]["total"], 2);
        assert_eq!(forum["forum"]["composition"]["non_government_percent"], 50);
        let sq = app.get("/forum", None).await.text();
        assert!(sq.contains("Anëtarët sipas sektorit") && sq.contains("Kryetar"));
        let en = app.get("/forum?lang=en", None).await.text();
        assert!(en.contains("Members by sector") && en.contains("Chair"), "{en}");
        assert!(!en.contains("@example.org"));
        // No forum in the other municipality: a sentence, status 200.
        let other = app.server.get("/forum").add_header("host", "tirana.test").await;
        assert_eq!(other.status_code(), StatusCode::OK);
        assert!(other.text().contains("nuk është ngritur ende"));
    })
    .await;
}

async fn upload(app: &TestApp, session: &str, name: &str, bytes: Vec<u8>) -> axum_test::TestResponse {
    use axum_test::multipart::{MultipartForm, Part};
    // The browser's type says PDF whatever the content: the server reads the content.
    let form = MultipartForm::new().add_part("file", Part::bytes(bytes).file_name(name).mime_type("application/pdf"));
    app.server
        .post("/admin/forum/legal-basis")
        .add_header("cookie", format!("session={session}"))
        .multipart(form)
        .await
}

#[tokio::test]
async fn the_forum_is_set_up_with_its_legal_document_and_positions() {
    each_backend(async |app| {
        let fx = forum_fixture(app).await;
        let coordinator = session(&fx, "coordinator");
        // Saving the forum: a bad date is said next to its field, what was typed stays.
        let mut form = vec![
            ("name_sq", "Forumi OGP Elbasan"),
            ("name_en", "OGP forum Elbasan"),
            ("mandate_sq", "Harton planin e veprimit."),
            ("legal_basis_sq", "Vendim i Kryetarit të Bashkisë"),
            ("legal_number", "Nr. 214"),
            ("legal_date", "2026-07-27"),
            ("call_id", ""),
        ];
        let r = app.post("/admin/forum", Some(coordinator), &form).await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY, "{}", app.label);
        assert!(r.text().contains("value=\"2026-07-27\"") && r.text().contains("legal_date-error"));
        form[5] = ("legal_date", "27.07.2026");
        let r = app.post("/admin/forum", Some(coordinator), &form).await;
        assert_eq!(location(&r), "/admin/forum");
        // A text file named .pdf is refused by its content; a PDF is kept and served.
        let r = upload(app, coordinator, "vendimi.pdf", b"not a pdf at all".to_vec()).await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().contains("Pranohet vetëm PDF"), "{}", r.text());
        let pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".to_vec();
        let r = upload(app, coordinator, "vendimi-214.pdf", pdf.clone()).await;
        assert_eq!(location(&r), "/admin/forum", "{}", app.label);
        let doc = app.get("/forum/legal-basis", None).await;
        assert_eq!(doc.status_code(), StatusCode::OK);
        assert_eq!(doc.as_bytes().to_vec(), pdf);
        let public = app.get("/forum", None).await.text();
        assert!(public.contains("Nr. 214") && public.contains("27.07.2026") && public.contains("vendimi-214.pdf"));

        // Positions start from the defaults; a new one is added with its labels.
        let page = app.get("/admin/forum/positions", Some(coordinator)).await.text();
        assert!(page.contains("value=\"co_chair\""));
        let mut rows: Vec<(&str, &str)> = Vec::new();
        for key in ["chair", "co_chair", "secretary", "member", "observer"] {
            rows.extend([("pos_key", key), ("label_sq", ""), ("label_en", ""), ("sort_order", "")]);
        }
        rows.extend([
            ("pos_key", "treasurer"),
            ("label_sq", "Arkëtar"),
            ("label_en", "Treasurer"),
            ("sort_order", "9"),
            ("approves_minutes", "0"),
            ("approves_minutes", "2"),
        ]);
        let r = app.post("/admin/forum/positions", Some(coordinator), &rows).await;
        assert_eq!(location(&r), "/admin/forum/positions", "{}: {}", app.label, r.text());
        let saved = app.store.forum_positions(app.elbasan).await.unwrap();
        assert_eq!(saved.len(), 6);
        assert!(
            saved
                .iter()
                .any(|p| p.pos_key == "treasurer" && p.label_sq == "Arkëtar")
        );
        let approvers: Vec<&str> = saved
            .iter()
            .filter(|p| p.approves_minutes)
            .map(|p| p.pos_key.as_str())
            .collect();
        assert_eq!(approvers, ["chair", "secretary"]);
        // Staff without a seat see a sentence on the member's page.
        assert!(
            app.store
                .membership(app.elbasan, fx.forum, fx.coordinator)
                .await
                .unwrap()
                .is_none()
        );
        let me = app.get("/forum/me", Some(coordinator)).await;
        assert_eq!(me.status_code(), StatusCode::OK);
        assert!(me.text().contains("Nuk mbani vend në forumin aktual."));
        // A position a current seat holds cannot be taken out of the list.
        let r = app
            .post(
                "/admin/forum/positions",
                Some(coordinator),
                &[("pos_key", "treasurer"), ("label_sq", "Arkëtar")],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
    })
    .await;
}
