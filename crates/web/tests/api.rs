//! The JSON API and its OpenAPI document.

use axum::http::StatusCode;
use domain::Role;

use crate::helpers::each_backend;

#[tokio::test]
async fn openapi_document_describes_the_api() {
    each_backend(async |app| {
        let doc: serde_json::Value = app.get("/api/openapi.json", None).await.json();
        assert!(
            doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.1")),
            "{}",
            doc["openapi"]
        );
        for path in ["/api/v1/tenant", "/api/v1/timeline", "/api/v1/news", "/api/v1/me"] {
            assert!(doc["paths"][path]["get"].is_object(), "{path} missing");
        }
    })
    .await;
}

#[tokio::test]
async fn tenant_timeline_news_and_me() {
    each_backend(async |app| {
        let (_, session) = app.user(Role::Coordinator).await;
        let tenant: serde_json::Value = app.get("/api/v1/tenant", None).await.json();
        assert_eq!(tenant["slug"], "elbasan", "{}", app.label);
        assert_eq!(tenant["name"]["sq"], "Bashkia Elbasan");
        assert_eq!(tenant["time_zone"], "Europe/Tirane");

        let empty: serde_json::Value = app.get("/api/v1/timeline", None).await.json();
        assert!(empty["cycle"].is_null());
        app.post(
            "/admin/timeline",
            Some(&session),
            &[
                ("title_sq", "Thirrja e hapur"),
                ("title_en", "Open call"),
                ("starts_on", "01.11.2026"),
                ("ends_on", "30.11.2026"),
            ],
        )
        .await;
        let timeline: serde_json::Value = app.get("/api/v1/timeline", None).await.json();
        assert_eq!(timeline["phases"][0]["title"]["en"], "Open call", "{}", app.label);
        assert_eq!(timeline["phases"][0]["starts_on"], "2026-11-01");

        for i in 0..3 {
            app.post(
                "/admin/news",
                Some(&session),
                &[("title_sq", &format!("Lajm {i}")), ("body_sq", "Tekst")],
            )
            .await;
        }
        let page: serde_json::Value = app.get("/api/v1/news?per_page=2", None).await.json();
        assert_eq!(page["items"].as_array().map(Vec::len), Some(2));
        assert_eq!(page["items"][0]["title"]["sq"], "Lajm 2");
        assert_eq!(page["has_next"], true);

        let me = app.get("/api/v1/me", Some(&session)).await;
        assert_eq!(me.status_code(), StatusCode::OK);
        let me: serde_json::Value = me.json();
        assert!(
            me["roles"]
                .as_array()
                .is_some_and(|r| r.iter().any(|x| x == "coordinator"))
        );

        // Another tenant's API shows none of it.
        let other: serde_json::Value = app
            .server
            .get("/api/v1/news")
            .add_header("host", "tirana.test")
            .await
            .json();
        assert_eq!(other["items"].as_array().map(Vec::len), Some(0), "{}", app.label);
    })
    .await;
}

#[tokio::test]
async fn wrong_methods_get_405_and_bad_ids_400_as_documented() {
    each_backend(async |app| {
        let r = app.server.delete("/api/v1/calls").await;
        assert_eq!(r.status_code(), StatusCode::METHOD_NOT_ALLOWED, "{}", app.label);
        assert!(r.header("allow").to_str().expect("ascii").contains("GET"));
        let body: serde_json::Value = r.json();
        assert_eq!(body["error"]["code"], "method_not_allowed");
        let r = app.get("/api/v1/calls/99999999999999999999", None).await;
        assert_eq!(r.status_code(), StatusCode::BAD_REQUEST, "{}", app.label);
        assert_eq!(r.json::<serde_json::Value>()["error"]["code"], "bad_request");
        // The document says so, and gives every response a description.
        let doc: serde_json::Value = app.get("/api/openapi.json", None).await.json();
        assert!(doc["paths"]["/api/v1/calls/{id}"]["get"]["responses"]["400"].is_object());
        for (path, item) in doc["paths"].as_object().expect("paths") {
            for (method, op) in item.as_object().expect("operations") {
                for (status, response) in op["responses"].as_object().expect("responses") {
                    assert!(
                        response["description"].as_str().is_some_and(|d| !d.is_empty()),
                        "{method} {path} {status} has no description"
                    );
                }
            }
        }
        // A page answered with the wrong method says so too.
        let r = app.server.delete("/calls").await;
        assert_eq!(r.status_code(), StatusCode::METHOD_NOT_ALLOWED);
    })
    .await;
}
