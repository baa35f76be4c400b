//! The security baseline: CSRF, headers, limits, tenants, languages, escaping.

use axum::http::StatusCode;
use domain::Role;
use store::testing::TestDb;

use crate::helpers::{TestApp, each_backend};

#[tokio::test]
async fn cross_site_posts_are_refused_with_a_page() {
    each_backend(async |app| {
        let r = app
            .server
            .post("/signup")
            .add_header("origin", "https://evil.example")
            .add_header("sec-fetch-site", "cross-site")
            .form(&[
                ("display_name", "X"),
                ("email", "x@example.org"),
                ("password", "Qytet-i-hapur-2026"),
            ])
            .await;
        assert_eq!(r.status_code(), StatusCode::FORBIDDEN, "{}", app.label);
        assert!(r.text().contains("erdhi nga një faqe tjetër"), "{}", r.text());
        assert_eq!(app.mails_to("x@example.org").await, 0, "nothing stored");
        let r = app
            .server
            .post("/signup")
            .add_header("origin", "http://elbasan.test")
            .add_header("sec-fetch-site", "same-origin")
            .form(&[
                ("display_name", "X"),
                ("email", "x@example.org"),
                ("password", "Qytet-i-hapur-2026"),
            ])
            .await;
        assert_eq!(r.status_code(), StatusCode::SEE_OTHER);
    })
    .await;
}

#[tokio::test]
async fn security_headers_on_every_response() {
    each_backend(async |app| {
        // Each twice: the second answer of a public page comes from the response cache's front
        // door, which must send the same headers (all but a request id: a hit is not logged).
        for (path, first) in ["/", "/no-such-page", "/api/v1/tenant"]
            .into_iter()
            .flat_map(|path| [(path, true), (path, false)])
        {
            let r = app.get(path, None).await;
            let csp = r.header("content-security-policy");
            let csp = csp.to_str().expect("ascii");
            assert!(
                csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"),
                "{path}: {csp}"
            );
            assert_eq!(r.header("x-content-type-options"), "nosniff");
            assert!(r.maybe_header("referrer-policy").is_some());
            assert_eq!(r.header("x-frame-options"), "DENY");
            if first {
                assert!(r.maybe_header("x-request-id").is_some());
            }
        }
    })
    .await;
}

#[tokio::test]
async fn oversized_bodies_get_413() {
    each_backend(async |app| {
        let big = "ë".repeat(100_000);
        let r = app.post("/signup", None, &[("display_name", big.as_str())]).await;
        assert_eq!(r.status_code(), StatusCode::PAYLOAD_TOO_LARGE, "{}", app.label);
        assert!(r.text().contains("Kërkesa është shumë e madhe"));
    })
    .await;
}

#[tokio::test]
async fn unknown_language_gets_400_and_known_ones_a_cookie() {
    each_backend(async |app| {
        let r = app.get("/?lang=de", None).await;
        assert_eq!(r.status_code(), StatusCode::BAD_REQUEST);
        assert!(r.text().contains("Kjo gjuhë nuk ofrohet"));
        let r = app.get("/?lang=en", None).await;
        assert!(r.text().contains("<html lang=\"en\">"));
        let cookie = r.header("set-cookie");
        assert!(cookie.to_str().expect("ascii").starts_with("lang=en"));
        let r = app.server.get("/").add_header("cookie", "lang=en").await;
        assert!(r.text().contains("Latest news"));
        let r = app
            .server
            .get("/")
            .add_header("accept-language", "en-GB,en;q=0.9")
            .await;
        assert!(r.text().contains("<html lang=\"en\">"));
        let r = app.server.get("/").add_header("accept-language", "de-DE").await;
        assert!(r.text().contains("<html lang=\"sq\">"), "Albanian by default");
    })
    .await;
}

#[tokio::test]
async fn unknown_host_without_default_tenant_is_404() {
    for db in TestDb::all().await.expect("databases") {
        let app = TestApp::new(&db, false).await;
        let r = app.server.get("/").add_header("host", "nowhere.test").await;
        assert_eq!(r.status_code(), StatusCode::NOT_FOUND, "{}", db.label);
        assert!(r.text().contains("Bashkia nuk u gjet"));
        let r = app
            .server
            .get("/api/v1/tenant")
            .add_header("host", "nowhere.test")
            .await;
        assert_eq!(r.json::<serde_json::Value>()["error"]["code"], "unknown_tenant");
        let r = app.server.get("/").add_header("host", "tirana.test:8080").await;
        assert_eq!(r.status_code(), StatusCode::OK);
        db.cleanup().await;
    }
}

#[tokio::test]
async fn a_session_does_not_cross_tenants() {
    each_backend(async |app| {
        let (_, session) = app.user(Role::Coordinator).await;
        let r = app
            .server
            .get("/admin/people")
            .add_header("host", "tirana.test")
            .add_header("cookie", format!("session={session}"))
            .await;
        assert_eq!(
            r.status_code(),
            StatusCode::SEE_OTHER,
            "{}: an Elbasan session is nobody in Tirana",
            app.label
        );
        let (_, tirana_session) = app
            .user_in(app.tirana, "koordinatori@tirana.test", &[Role::Coordinator])
            .await;
        let r = app.get("/admin/people", Some(&tirana_session)).await;
        assert_eq!(
            r.status_code(),
            StatusCode::SEE_OTHER,
            "{}: and a Tirana session is nobody in Elbasan",
            app.label
        );
        let r = app.server.get("/api/v1/tenant").add_header("host", "tirana.test").await;
        assert_eq!(r.json::<serde_json::Value>()["slug"], "tirana");
    })
    .await;
}

#[tokio::test]
async fn text_typed_by_people_is_shown_as_text() {
    each_backend(async |app| {
        let (_, session) = app.user(Role::Coordinator).await;
        let r = app
            .post(
                "/admin/news",
                Some(&session),
                &[
                    ("title_sq", "<img src=x onerror=alert(1)>"),
                    ("body_sq", "Tekst <script>alert(1)</script> [x](javascript:alert(1))"),
                ],
            )
            .await;
        let path = crate::helpers::location(&r);
        let page = app.get(&path, None).await.text();
        assert!(!page.contains("<img src=x"), "{}", app.label);
        assert!(!page.contains("<script>alert"));
        assert!(!page.contains("javascript:"));
    })
    .await;
}

#[tokio::test]
async fn errors_carry_a_request_id_and_no_internals() {
    each_backend(async |app| {
        let r = app.get("/news/999999", None).await;
        assert_eq!(r.status_code(), StatusCode::NOT_FOUND);
        let id = r.header("x-request-id").to_str().expect("ascii").to_owned();
        assert!(r.text().contains(&id), "{}", app.label);
        let r = app.get("/api/v1/me", None).await;
        assert_eq!(r.status_code(), StatusCode::UNAUTHORIZED);
        let body: serde_json::Value = r.json();
        assert_eq!(body["error"]["code"], "login_required");
        assert!(body["error"]["request_id"].as_str().is_some_and(|s| !s.is_empty()));
    })
    .await;
}

#[tokio::test]
async fn parallel_guesses_cannot_pass_the_log_in_limit() {
    each_backend(async |app| {
        app.user(Role::Participant).await;
        let attempts = (0..12).map(|_| {
            app.post(
                "/login",
                None,
                &[("email", "participant@example.org"), ("password", "wrong-guess-123")],
            )
        });
        let statuses: Vec<StatusCode> = futures_util::future::join_all(attempts)
            .await
            .iter()
            .map(|r| r.status_code())
            .collect();
        let wrong = statuses.iter().filter(|s| **s == StatusCode::UNAUTHORIZED).count();
        let throttled = statuses.iter().filter(|s| **s == StatusCode::TOO_MANY_REQUESTS).count();
        assert_eq!((wrong, throttled), (5, 7), "{}: {statuses:?}", app.label);
    })
    .await;
}

#[tokio::test]
async fn after_log_in_only_local_paths_are_followed() {
    each_backend(async |app| {
        app.user(Role::Participant).await;
        for next in [
            "//evil.example/x",
            "/\t/evil.example/x",
            "https://evil.example",
            "/\\evil.example",
        ] {
            let r = app
                .post(
                    "/login",
                    None,
                    &[
                        ("email", "participant@example.org"),
                        ("password", crate::helpers::PASSWORD),
                        ("next", next),
                    ],
                )
                .await;
            assert_eq!(crate::helpers::location(&r), "/account", "{}: {next:?}", app.label);
        }
    })
    .await;
}

#[tokio::test]
async fn absurd_page_numbers_do_not_break_pages() {
    each_backend(async |app| {
        assert_eq!(
            app.get("/news?page=9223372036854775807", None).await.status_code(),
            StatusCode::OK
        );
        assert_eq!(
            app.get("/api/v1/news?page=4611686018427387904&per_page=100", None)
                .await
                .status_code(),
            StatusCode::OK
        );
        assert_eq!(
            app.get("/news?page=abc", None).await.status_code(),
            StatusCode::BAD_REQUEST,
            "{}",
            app.label
        );
    })
    .await;
}

#[tokio::test]
async fn the_language_switcher_keeps_the_rest_of_the_address() {
    each_backend(async |app| {
        let html = app.get("/password/reset?token=abc", None).await.text();
        assert!(
            // askama writes `&` as `&#38;`, which browsers read as `&`.
            html.contains("href=\"/password/reset?token=abc&#38;lang=en\""),
            "{}",
            app.label
        );
    })
    .await;
}

#[tokio::test]
async fn links_in_e_mails_open_in_the_municipality_that_sent_them() {
    each_backend(async |app| {
        let r = app
            .server
            .post("/signup")
            .add_header("host", "tirana.test")
            .form(&[
                ("display_name", "Drita"),
                ("email", "drita@example.org"),
                ("password", crate::helpers::PASSWORD),
            ])
            .await;
        assert_eq!(r.status_code(), StatusCode::SEE_OTHER);
        let mail = app
            .store
            .list_outbox(app.tirana, None, 10)
            .await
            .expect("outbox")
            .into_iter()
            .next()
            .expect("mail");
        assert!(
            mail.body_text.contains("http://tirana.test/verify-email?token="),
            "{}: {}",
            app.label,
            mail.body_text
        );
        assert!(mail.body_text.contains("Bashkia Tiranë"));
    })
    .await;
}
