//! The one response cache of anonymous public reads (issue 6, part 8).

use axum::{
    body::Body,
    http::{Request, StatusCode},
};
use domain::Role;
use tower::ServiceExt;
use web::QueryCount;

use crate::helpers::each_backend;

#[tokio::test]
async fn anonymous_reads_are_cached_with_etags_and_dropped_on_writes() {
    each_backend(async |app| {
        for path in ["/", "/calls", "/news", "/api/v1/calls", "/calls/feed.atom", "/privacy"] {
            let first = app.get(path, None).await;
            assert_eq!(first.status_code(), StatusCode::OK, "{} {path}", app.label);
            let etag = first.header("etag").to_str().expect("ascii").to_owned();
            assert!(etag.starts_with('"'), "{path}: strong etag {etag}");
            let cc = first.header("cache-control").to_str().expect("ascii").to_owned();
            assert!(cc.starts_with("public, max-age="), "{path}: {cc}");
            assert!(first.header("vary").to_str().expect("ascii").contains("Cookie"));
            let again = app.server.get(path).add_header("if-none-match", etag.as_str()).await;
            assert_eq!(again.status_code(), StatusCode::NOT_MODIFIED, "{} {path}", app.label);
            assert!(again.text().is_empty());
        }
        // Each language is its own entry.
        let en = app.get("/?lang=en", None).await.text();
        assert!(en.contains("<html lang=\"en\">"));
        assert!(app.get("/", None).await.text().contains("<html lang=\"sq\">"));

        // Signed in: never stored anywhere.
        let (_, coordinator) = app.user(Role::Coordinator).await;
        let mine = app.get("/", Some(&coordinator)).await;
        assert_eq!(mine.header("cache-control"), "private, no-store");
        assert!(mine.maybe_header("etag").is_none());

        // A write on this instance drops the municipality's answers at once.
        let before = app.get("/news", None).await.text();
        assert!(!before.contains("Lajm i ri i kësaj minute"));
        let r = app
            .post(
                "/admin/news",
                Some(&coordinator),
                &[("title_sq", "Lajm i ri i kësaj minute"), ("body_sq", "Tekst")],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::SEE_OTHER, "{}", app.label);
        let after = app.get("/news", None).await.text();
        assert!(after.contains("Lajm i ri i kësaj minute"), "{}", app.label);

        // Errors and personal pages are not cached for anyone.
        let missing = app.get("/news/999999", None).await;
        assert_eq!(missing.status_code(), StatusCode::NOT_FOUND);
        assert!(missing.maybe_header("etag").is_none());
    })
    .await;
}

#[tokio::test]
async fn the_front_door_keeps_municipalities_languages_and_people_apart() {
    each_backend(async |app| {
        // Twice each: the second answer comes from the front door, before the request context.
        for _ in 0..2 {
            let elbasan = app.server.get("/").add_header("host", "elbasan.test").await.text();
            let tirana = app.server.get("/").add_header("host", "tirana.test").await.text();
            assert!(elbasan.contains("Bashkia Elbasan"), "{}", app.label);
            assert!(
                tirana.contains("Bashkia Tiranë") && !tirana.contains("Bashkia Elbasan"),
                "{}",
                app.label
            );
            let english = app.server.get("/").add_header("cookie", "lang=en").await.text();
            assert!(english.contains("<html lang=\"en\">"), "{}", app.label);
            let browser_en = app
                .server
                .get("/")
                .add_header("accept-language", "en-GB,en;q=0.9")
                .await
                .text();
            assert!(browser_en.contains("<html lang=\"en\">"), "{}", app.label);
            let albanian = app.server.get("/").await.text();
            assert!(albanian.contains("<html lang=\"sq\">"), "{}", app.label);
        }
        // The second answer did no work at all: it never reached the query counter inside.
        let request = || {
            Request::builder()
                .uri("/news?door=1")
                .header("host", "elbasan.test")
                .body(Body::empty())
                .expect("request")
        };
        let first = app.router.clone().oneshot(request()).await.expect("answer");
        assert!(first.extensions().get::<QueryCount>().is_some(), "{}", app.label);
        let second = app.router.clone().oneshot(request()).await.expect("answer");
        assert_eq!(second.status(), StatusCode::OK, "{}", app.label);
        assert!(
            second.extensions().get::<QueryCount>().is_none(),
            "{}: not served by the front door",
            app.label
        );
        assert!(
            second.headers().contains_key("content-security-policy"),
            "{}",
            app.label
        );
        // A cookie name written encoded (`l%61ng` is `lang` to the request context) does not
        // teach the door to give English to everyone.
        for _ in 0..2 {
            app.server.get("/").add_header("cookie", "l%61ng=en").await;
        }
        let plain = app.server.get("/").await.text();
        assert!(plain.contains("<html lang=\"sq\">"), "{}", app.label);
        // A signed-in person, or one with a message waiting, never gets a stored answer.
        let (_, coordinator) = app.user(Role::Coordinator).await;
        for _ in 0..2 {
            let mine = app.get("/", Some(&coordinator)).await;
            assert_eq!(mine.header("cache-control"), "private, no-store", "{}", app.label);
            assert!(
                mine.text().contains("Arbër Çela"),
                "{}: the person's own menu",
                app.label
            );
        }
        let flashed = app
            .server
            .get("/")
            .add_header("cookie", "flash=flash-password-changed")
            .await;
        assert!(flashed.maybe_header("etag").is_none(), "{}", app.label);
    })
    .await;
}
