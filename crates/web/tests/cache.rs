//! The one response cache of anonymous public reads (issue 6, part 8).

use axum::http::StatusCode;
use domain::Role;

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
