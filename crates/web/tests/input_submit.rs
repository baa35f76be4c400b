//! Input phases, submitting and finding over HTTP, on both databases: this part's route × role
//! table, the coordinator's phase and settings forms, submitting with every kind of bad input
//! answered next to its field, the edit window, withdrawing, e-mail-only participation, and the
//! list's search, filters, counts and pager.

use axum::http::StatusCode;
use domain::input::ModerationTarget;
use store::{AuditCtx, NewFile, input::inputs::NewInput};

use crate::{
    helpers::{each_backend, link_token, location},
    input_routes::{Who, check_route, input_fixture},
};

/// Every route of this part with who may use it (paths with `{placeholders}`).
pub const ROUTES: &[(&str, &str, Who)] = &[
    ("GET", "/input", Who::Anyone),
    ("GET", "/input/{input}", Who::Anyone),
    ("GET", "/input/{input}/attachment", Who::Anyone),
    ("GET", "/input/new", Who::SignedIn),
    ("POST", "/input/new", Who::SignedIn),
    ("GET", "/input/{input}/edit", Who::Author),
    ("POST", "/input/{input}/edit", Who::Author),
    ("GET", "/input/{input}/withdraw", Who::Author),
    ("POST", "/input/{input}/withdraw", Who::Author),
    ("GET", "/input/confirm", Who::LinkHolder),
    ("POST", "/input/confirm", Who::LinkHolder),
    ("GET", "/admin/input", Who::Staff),
    ("POST", "/admin/input/settings", Who::Staff),
    ("GET", "/admin/input/phases/new", Who::Staff),
    ("POST", "/admin/input/phases/new", Who::Staff),
    ("GET", "/admin/input/phases/{phase}", Who::Staff),
    ("POST", "/admin/input/phases/{phase}", Who::Staff),
    ("GET", "/admin/input/phases/{phase}/announce", Who::Staff),
    ("POST", "/admin/input/phases/{phase}/announce", Who::Staff),
];

/// A small valid PDF.
const PDF: &[u8] = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

fn text(r: &axum_test::TestResponse) -> String {
    r.text()
}

#[tokio::test]
async fn every_route_of_this_part_answers_each_visitor_as_the_table_says() {
    each_backend(async |app| {
        let fx = input_fixture(app).await;
        // An input with an attachment, for the download route.
        let ctx = AuditCtx {
            tenant: Some(app.elbasan),
            actor: Some(fx.author),
            at: app.now(),
            request_id: None,
        };
        let attached = app
            .store
            .create_input(
                app.elbasan,
                fx.phase,
                fx.author,
                &NewInput {
                    kind: domain::input::InputKind::Problem,
                    title: "Me skedar".into(),
                    body: "Shih skedarin.".into(),
                    theme_id: Some(fx.themes[0]),
                    admin_unit: "Elbasan".into(),
                    org_id: None,
                },
                Some(&NewFile {
                    filename: "harta.pdf",
                    content_type: "application/pdf",
                    sha256: "x",
                    content: PDF,
                }),
                &ctx,
            )
            .await
            .expect("input");
        let mut wrong = Vec::new();
        for (method, pattern, who) in ROUTES {
            let input = if pattern.ends_with("/attachment") {
                attached
            } else {
                fx.input
            };
            let mut path = pattern
                .replace("{input}", &input.to_string())
                .replace("{phase}", &fx.phase.to_string());
            if *who == Who::LinkHolder && *method == "GET" {
                path.push_str("?token=made-up");
            }
            wrong.extend(check_route(app, &fx, method, &path, *who, &[("token", "made-up")]).await);
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    })
    .await;
}

#[tokio::test]
async fn the_coordinator_writes_and_announces_a_phase_shown_on_the_home_page() {
    each_backend(async |app| {
        let fx = input_fixture(app).await;
        let staff = fx.session("coordinator");
        let r = app.get("/admin/input/phases/new", Some(&staff)).await;
        assert_eq!(r.status_code(), StatusCode::OK, "{}", app.label);
        // Bad input: each field named, nothing lost.
        let r = app
            .post(
                "/admin/input/phases/new",
                Some(&staff),
                &[
                    ("title_sq", "Faza e dytë"),
                    ("questions_sq", "Çfarë mungon në fshatin tuaj?"),
                    ("phase_opens_at", "2026-12-01"),
                    ("phase_closes_at", "01.12.2026 09:00"),
                    ("themes_sq", ""),
                    ("units", "Tiranë"),
                ],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY, "{}", app.label);
        let page = text(&r);
        assert!(
            page.contains("Çfarë mungon në fshatin tuaj?"),
            "{}: typed text kept",
            app.label
        );
        for field in ["phase_opens_at", "themes_sq", "units"] {
            assert!(
                page.contains(&format!("href=\"#{field}\"")),
                "{}: {field} in the summary",
                app.label
            );
        }
        let r = app
            .post(
                "/admin/input/phases/new",
                Some(&staff),
                &[
                    ("title_sq", "Faza e dytë"),
                    ("title_en", "Second phase"),
                    ("questions_sq", "Çfarë mungon në fshatin tuaj?"),
                    ("phase_opens_at", "01.12.2026 09:00"),
                    ("phase_closes_at", "31.12.2026 18:00"),
                    ("themes_sq", "Gratë\nFshatrat"),
                    ("themes_en", "Women\nRural units"),
                    ("units", "Shirgjan"),
                    ("units", "Gracen"),
                ],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::SEE_OTHER, "{}: {}", app.label, text(&r));
        let edit = location(&r);
        let phase: i64 = edit.rsplit('/').next().and_then(|s| s.parse().ok()).expect("phase id");
        let form = text(&app.get(&edit, Some(&staff)).await);
        assert!(
            form.contains("Fshatrat") && form.contains("31.12.2026 18:00"),
            "{}",
            app.label
        );
        // A theme with an input cannot be left out: said next to the themes, the lines kept.
        let themes = app.store.input_themes(app.elbasan, phase).await.expect("themes");
        let ctx = AuditCtx {
            tenant: Some(app.elbasan),
            actor: Some(fx.author),
            at: app.now(),
            request_id: None,
        };
        app.store
            .create_input(
                app.elbasan,
                phase,
                fx.author,
                &NewInput {
                    kind: domain::input::InputKind::Idea,
                    title: "Rruga e fshatit".into(),
                    body: "Shtroni rrugën.".into(),
                    theme_id: Some(themes[1].id),
                    admin_unit: "Shirgjan".into(),
                    org_id: None,
                },
                None,
                &ctx,
            )
            .await
            .expect("input");
        let mut fields = vec![
            ("title_sq", "Faza e dytë"),
            ("title_en", "Second phase"),
            ("questions_sq", "Çfarë mungon në fshatin tuaj?"),
            ("phase_opens_at", "01.12.2026 09:00"),
            ("phase_closes_at", "31.12.2026 18:00"),
            ("themes_sq", "Gratë"),
            ("themes_en", "Women"),
            ("units", "Shirgjan"),
        ];
        let r = app.post(&edit, Some(&staff), &fields).await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY, "{}", app.label);
        let page = text(&r);
        assert!(
            page.contains("href=\"#themes_sq\"")
                && page.contains(&views::t(domain::Lang::Sq, "error-input-theme-in-use"))
                && page.contains("Gratë"),
            "{}: {page}",
            app.label
        );
        // A line inserted before it keeps the input in its theme.
        fields[5] = ("themes_sq", "Të rinjtë\nGratë\nFshatrat");
        fields[6] = ("themes_en", "Youth\nWomen\nRural units");
        let r = app.post(&edit, Some(&staff), &fields).await;
        assert_eq!(r.status_code(), StatusCode::SEE_OTHER, "{}: {}", app.label, text(&r));
        let after = app.store.input_themes(app.elbasan, phase).await.expect("themes");
        assert_eq!(
            (after[2].id, after[2].title_sq.as_str()),
            (themes[1].id, "Fshatrat"),
            "{}",
            app.label
        );
        // Announcing asks first (a GET, or a POST without the confirmation, changes nothing).
        let r = app
            .get(&format!("/admin/input/phases/{phase}/announce"), Some(&staff))
            .await;
        assert!(text(&r).contains("confirm-form"), "{}", app.label);
        let r = app
            .post(&format!("/admin/input/phases/{phase}/announce"), Some(&staff), &[])
            .await;
        assert!(text(&r).contains("confirm-form"), "{}", app.label);
        assert!(
            app.store
                .input_phase(app.elbasan, phase)
                .await
                .expect("read")
                .expect("phase")
                .announced_at
                .is_none()
        );
        let r = app
            .post(
                &format!("/admin/input/phases/{phase}/announce"),
                Some(&staff),
                &[("confirmed", "yes")],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::SEE_OTHER, "{}", app.label);
        let home = text(&app.get("/?fresh=1", None).await);
        assert!(
            home.contains("Faza e dytë"),
            "{}: the home page's timeline shows it",
            app.label
        );
        // The settings, validated.
        let r = app
            .post(
                "/admin/input/settings",
                Some(&staff),
                &[("input_writes_per_hour", "0"), ("input_similarity_percent", "abc")],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY, "{}", app.label);
        let r = app
            .post(
                "/admin/input/settings",
                Some(&staff),
                &[
                    ("input_email_only", "yes"),
                    ("input_writes_per_hour", "50"),
                    ("input_similarity_percent", "60"),
                ],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::SEE_OTHER, "{}", app.label);
        let t = app
            .store
            .resolve_tenant("elbasan.test")
            .await
            .expect("t")
            .expect("tenant");
        assert!(t.input_email_only && !t.input_self_support, "{}", app.label);
        assert_eq!((t.input_writes_per_hour, t.input_similarity_percent), (50, 60));
    })
    .await;
}

#[tokio::test]
async fn submitting_refuses_bad_input_field_by_field_then_edits_and_withdraws() {
    each_backend(async |app| {
        let fx = input_fixture(app).await;
        let me = fx.session("participant");
        let page = text(&app.get("/input/new", Some(&me)).await);
        assert!(
            page.contains("Transparenca") && page.contains("Shirgjan"),
            "{}",
            app.label
        );
        let long = "a".repeat(201);
        let r = app
            .post(
                "/input/new",
                Some(&me),
                &[
                    ("input_kind", "complaint"),
                    ("title", long.as_str()),
                    ("body", "  "),
                    ("theme", "999999"),
                    ("unit", "Tiranë"),
                ],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY, "{}", app.label);
        let page = text(&r);
        for field in ["input_kind", "title", "body", "theme", "unit"] {
            assert!(page.contains(&format!("href=\"#{field}\"")), "{}: {field}", app.label);
        }
        assert!(page.contains(&long), "{}: the title is kept", app.label);
        // HTML and script are kept as typed and shown as text.
        let theme = fx.themes[1].to_string();
        let r = app
            .post(
                "/input/new",
                Some(&me),
                &[
                    ("input_kind", "idea"),
                    ("title", "<script>alert(1)</script> Kënd lojërash"),
                    ("body", "Një **kënd lojërash** për fëmijët.<script>alert(2)</script>"),
                    ("theme", theme.as_str()),
                    ("unit", "Gracen"),
                ],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::SEE_OTHER, "{}: {}", app.label, text(&r));
        let href = location(&r);
        let id: i64 = href.rsplit('/').next().and_then(|s| s.parse().ok()).expect("id");
        let page = text(&app.get(&href, Some(&me)).await);
        assert!(!page.contains("<script>alert"), "{}: no script gets through", app.label);
        assert!(
            page.contains("&#60;script&#62;") && page.contains("<strong>kënd lojërash</strong>"),
            "{page}"
        );
        assert!(
            page.contains(&format!("/input/{id}/edit")),
            "{}: the author may edit",
            app.label
        );
        // An attachment that is not a PDF or an image.
        let r = app
            .server
            .post(&format!("/input/{id}/edit"))
            .add_header("cookie", format!("session={me}"))
            .multipart(
                axum_test::multipart::MultipartForm::new()
                    .add_text("input_kind", "idea")
                    .add_text("title", "Kënd lojërash në Gracen")
                    .add_text("body", "Për fëmijët e lagjes.")
                    .add_text("theme", theme.as_str())
                    .add_text("unit", "Gracen")
                    .add_part(
                        "file",
                        axum_test::multipart::Part::bytes(b"MZ\x90\x00 not a pdf".to_vec()).file_name("ide.pdf"),
                    ),
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY, "{}", app.label);
        assert!(text(&r).contains("Kënd lojërash në Gracen"), "{}: kept", app.label);
        let r = app
            .server
            .post(&format!("/input/{id}/edit"))
            .add_header("cookie", format!("session={me}"))
            .multipart(
                axum_test::multipart::MultipartForm::new()
                    .add_text("input_kind", "idea")
                    .add_text("title", "Kënd lojërash në Gracen")
                    .add_text("body", "Për fëmijët e lagjes.")
                    .add_text("theme", theme.as_str())
                    .add_text("unit", "Gracen")
                    .add_part(
                        "file",
                        axum_test::multipart::Part::bytes(PDF.to_vec()).file_name("plan.pdf"),
                    ),
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::SEE_OTHER, "{}: {}", app.label, text(&r));
        let r = app.get(&format!("/input/{id}/attachment"), None).await;
        assert_eq!(r.status_code(), StatusCode::OK, "{}", app.label);
        assert_eq!(r.as_bytes().as_ref(), PDF);
        // Nobody edits another's input.
        let other = fx.session("author");
        assert_eq!(
            app.get(&format!("/input/{id}/edit"), Some(&other)).await.status_code(),
            StatusCode::FORBIDDEN
        );
        // The first support closes the window: a clear page, and a refused save keeps the text.
        let ctx = AuditCtx {
            tenant: Some(app.elbasan),
            actor: Some(fx.author),
            at: app.now(),
            request_id: None,
        };
        app.store
            .add_support(app.elbasan, id, fx.author, &ctx)
            .await
            .expect("support");
        let r = app.get(&format!("/input/{id}/edit"), Some(&me)).await;
        assert_eq!(r.status_code(), StatusCode::OK, "{}", app.label);
        assert!(text(&r).contains(&views::t(domain::Lang::Sq, "error-input-has-reactions")));
        let r = app
            .post(
                &format!("/input/{id}/edit"),
                Some(&me),
                &[("input_kind", "idea"), ("title", "Titull i ri"), ("body", "Tekst i ri")],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY, "{}", app.label);
        assert!(text(&r).contains("Titull i ri"), "{}", app.label);
        // Withdrawing: a confirmation with the note, then kept and shown as withdrawn.
        let r = app.get(&format!("/input/{id}/withdraw"), Some(&me)).await;
        assert!(text(&r).contains("confirm-form"), "{}", app.label);
        let r = app
            .post(
                &format!("/input/{id}/withdraw"),
                Some(&me),
                &[("confirmed", "yes"), ("withdraw_note", "")],
            )
            .await;
        assert_eq!(
            r.status_code(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}: the note is asked",
            app.label
        );
        let r = app
            .post(
                &format!("/input/{id}/withdraw"),
                Some(&me),
                &[("confirmed", "yes"), ("withdraw_note", "E zgjidhi bashkia vetë")],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::SEE_OTHER, "{}", app.label);
        let page = text(&app.get(&format!("/input/{id}?after-withdraw"), None).await);
        assert!(
            page.contains("E zgjidhi bashkia vetë") && page.contains("Kënd lojërash"),
            "{}",
            app.label
        );
    })
    .await;
}

#[tokio::test]
async fn a_hidden_input_shows_the_reason_never_the_text() {
    each_backend(async |app| {
        let fx = input_fixture(app).await;
        let ctx = AuditCtx {
            tenant: Some(app.elbasan),
            actor: Some(fx.moderator),
            at: app.now(),
            request_id: None,
        };
        app.store
            .hide_item(
                app.elbasan,
                ModerationTarget::Input,
                fx.input,
                "Gjuhë fyese",
                None,
                &ctx,
            )
            .await
            .expect("hide");
        for path in [format!("/input/{}?h", fx.input), "/input?h".to_owned()] {
            let page = text(&app.get(&path, None).await);
            assert!(page.contains("Gjuhë fyese"), "{}: {path}", app.label);
            assert!(
                !page.contains("Ndriçim në rrugët"),
                "{}: {path} leaks the title",
                app.label
            );
            assert!(!page.contains("pa drita"), "{}: {path} leaks the text", app.label);
        }
    })
    .await;
}

#[tokio::test]
async fn the_list_searches_without_accents_filters_counts_and_pages() {
    each_backend(async |app| {
        let fx = input_fixture(app).await;
        for i in 0..23 {
            crate::input_routes::add_input(
                app,
                &fx,
                fx.participant,
                &format!("Çështje numër {i}"),
                "Përshkrim i shkurtër.",
            )
            .await;
        }
        let page = text(&app.get("/input?q=ceshtje&sort=newest", None).await);
        assert!(page.contains("Çështje numër 22"), "{}", app.label);
        assert!(!page.contains("Ndriçim në rrugët"), "{}: not a match", app.label);
        // Counts beside the filters: 24 in the first theme, 0 in the second.
        assert!(
            page.contains("Transparenca (24)") && page.contains("Të rinjtë (0)"),
            "{}",
            app.label
        );
        assert!(page.contains("Shirgjan (24)"), "{}", app.label);
        // The pager follows the keyset: two pages of 20 and 3 with nothing repeated.
        let next = page
            .split("rel=\"next\"")
            .next()
            .and_then(|s| s.rsplit("href=\"").next())
            .map(|s| {
                s.split('"')
                    .next()
                    .unwrap_or("")
                    .replace("&amp;", "&")
                    .replace("&#38;", "&")
            })
            .expect("next link");
        assert!(next.contains("after="), "{}: {next}", app.label);
        let second = text(&app.get(&next, None).await);
        assert!(second.contains("Çështje numër 0"), "{}: {next} {second}", app.label);
        assert!(!second.contains("Çështje numër 22"), "{}: no overlap", app.label);
        // A search of only punctuation or 10,000 characters: a message next to the field.
        for q in ["%21%3F%2A%2A", &"a".repeat(10_000)] {
            let r = app.get(&format!("/input?q={q}"), None).await;
            assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY, "{}", app.label);
            assert!(text(&r).contains("q-error"), "{}", app.label);
        }
        // Letters that PostgreSQL's unaccent turns into tsquery syntax: a plain search.
        for q in ["%C5%89", "%CA%BC", "%CA%B9", "%E2%91%B4", "%C2%BD", "ceshtje%20%C5%89"] {
            let r = app.get(&format!("/input?q={q}&lang=sq"), None).await;
            assert_eq!(r.status_code(), StatusCode::OK, "{}: {q}", app.label);
        }
        // Filters that make no sense are said so, the list shown unfiltered.
        let r = app.get("/input?kind=complaint&status=maybe&theme=x", None).await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY, "{}", app.label);
        assert!(text(&r).contains("kind-error") && text(&r).contains("Çështje numër 22"));
        let problems = text(&app.get("/input?kind=problem", None).await);
        assert!(
            problems.contains(&views::t(domain::Lang::Sq, "input-none-found")),
            "{}",
            app.label
        );
        // Both languages.
        let en = text(&app.get("/input?lang=en", None).await);
        assert!(en.contains("Problems and ideas from the public"), "{}", app.label);
    })
    .await;
}

#[tokio::test]
async fn outside_an_open_phase_the_form_says_so_and_email_only_input_waits_for_its_link() {
    each_backend(async |app| {
        let fx = input_fixture(app).await;
        // The anonymous visitor is asked to log in while the phase takes accounts only.
        let r = app.get("/input/new", None).await;
        assert!(location(&r).starts_with("/login?next="), "{}", app.label);
        // E-mail-only participation: allowed by the municipality and the phase.
        let staff = fx.session("coordinator");
        app.post(
            "/admin/input/settings",
            Some(&staff),
            &[
                ("input_email_only", "yes"),
                ("input_writes_per_hour", "30"),
                ("input_similarity_percent", "45"),
            ],
        )
        .await;
        let mut phase = crate::input_routes::phase_input(app, 10, 30);
        phase.email_only = true;
        let today = app.now().date_naive();
        app.store
            .update_input_phase(app.elbasan, fx.phase, &phase, (today, today), &fx.ctx)
            .await
            .expect("phase");
        let page = text(&app.get("/input/new", None).await);
        assert!(page.contains("name=\"email\""), "{}: {page}", app.label);
        let theme = fx.themes[0].to_string();
        let r = app
            .post(
                "/input/new",
                None,
                &[
                    ("input_kind", "problem"),
                    ("title", "Mbeturinat në Shirgjan"),
                    ("body", "Nuk mblidhen prej dy javësh."),
                    ("theme", theme.as_str()),
                    ("unit", "Shirgjan"),
                    ("author_name", "Drita Hoxha"),
                    ("email", "drita@example.org"),
                ],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::OK, "{}: {}", app.label, text(&r));
        assert!(text(&r).contains("drita@example.org"), "{}", app.label);
        assert!(
            !text(&app.get("/input?pending", None).await).contains("Mbeturinat"),
            "{}",
            app.label
        );
        let mail = app.last_mail_to("drita@example.org").await.expect("mail");
        let token = link_token(&mail.body_text, "/input/confirm");
        let page = text(&app.get(&format!("/input/confirm?token={token}"), None).await);
        assert!(
            page.contains("Mbeturinat në Shirgjan"),
            "{}: the link shows one button",
            app.label
        );
        let r = app.post("/input/confirm", None, &[("token", token.as_str())]).await;
        assert_eq!(r.status_code(), StatusCode::SEE_OTHER, "{}", app.label);
        let page = text(&app.get(&location(&r), None).await);
        assert!(
            page.contains("Mbeturinat në Shirgjan") && page.contains("Drita Hoxha"),
            "{}",
            app.label
        );
        // The confirmation mail speaks the visitor's language and names the municipality in it.
        let send = |email: &'static str, path: &'static str| {
            let theme = theme.clone();
            async move {
                app.post(
                    path,
                    None,
                    &[
                        ("input_kind", "idea"),
                        ("title", "Stola në park"),
                        ("body", "Parku ka nevojë për stola."),
                        ("theme", theme.as_str()),
                        ("unit", "Shirgjan"),
                        ("author_name", "Drita Hoxha"),
                        ("email", email),
                    ],
                )
                .await
            }
        };
        let r = send("drita@example.org", "/input/new?lang=en").await;
        assert_eq!(r.status_code(), StatusCode::OK, "{}", app.label);
        let mail = app.last_mail_to("drita@example.org").await.expect("mail");
        assert!(
            mail.subject.starts_with("Confirm your input"),
            "{}: {}",
            app.label,
            mail.subject
        );
        assert_eq!(mail.lang, "en", "{}", app.label);
        // Mail to one address: 3 an hour, whoever types it; the text stays in the form.
        assert_eq!(
            send("drita@example.org", "/input/new").await.status_code(),
            StatusCode::OK
        );
        let r = send("drita@example.org", "/input/new").await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY, "{}", app.label);
        assert!(text(&r).contains("body-error") && text(&r).contains("Stola në park"));
        // Mail from one client: 20 an hour, to whichever addresses (4 counted above).
        let mut refused_at = None;
        for (i, email) in [
            "a1@example.org",
            "a2@example.org",
            "a3@example.org",
            "a4@example.org",
            "a5@example.org",
            "a6@example.org",
            "a7@example.org",
            "a8@example.org",
            "a9@example.org",
            "a10@example.org",
            "a11@example.org",
            "a12@example.org",
            "a13@example.org",
            "a14@example.org",
            "a15@example.org",
            "a16@example.org",
            "a17@example.org",
            "a18@example.org",
        ]
        .into_iter()
        .enumerate()
        {
            if send(email, "/input/new").await.status_code() == StatusCode::UNPROCESSABLE_ENTITY {
                refused_at = Some(i + 5);
                break;
            }
        }
        assert_eq!(refused_at, Some(21), "{}: the client's bucket", app.label);
        // The phase closes: a clear page, and a late POST comes back as the form with all that
        // was typed and the message next to the title.
        app.advance(chrono::Duration::days(25));
        let me = fx.session("participant");
        let page = text(&app.get("/input/new", Some(&me)).await);
        assert!(
            page.contains(&views::t(domain::Lang::Sq, "input-closed-title")),
            "{}",
            app.label
        );
        let r = app
            .post(
                "/input/new",
                Some(&me),
                &[
                    ("input_kind", "idea"),
                    ("title", "Vonë"),
                    ("body", "Një tekst i gjatë që nuk duhet humbur."),
                ],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY, "{}", app.label);
        let page = text(&r);
        assert!(
            page.contains("title-error")
                && page.contains(&views::t(domain::Lang::Sq, "error-input-phase-closed"))
                && page.contains("Vonë")
                && page.contains("Një tekst i gjatë që nuk duhet humbur."),
            "{}: {page}",
            app.label
        );
        // Somebody without an account too.
        let r = send("late@example.org", "/input/new").await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY, "{}", app.label);
        assert!(text(&r).contains("Parku ka nevojë për stola."), "{}", app.label);
    })
    .await;
}
