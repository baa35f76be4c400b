//! Defects found from outside (issue 6, part 6): each test fails without its fix.

use axum::http::StatusCode;
use domain::Role;

use crate::{
    calls::{full_application, id_of, published_call},
    helpers::{each_backend, location},
};

const CONTROL: &str = "shenja të padukshme";

#[tokio::test]
async fn control_characters_are_refused_the_same_way_on_both_databases() {
    each_backend(async |app| {
        // Anonymous: PostgreSQL cannot store NUL in text; both answer with the form again.
        let r = app
            .post(
                "/signup",
                None,
                &[
                    ("display_name", "a\u{0}b"),
                    ("email", "nul@example.org"),
                    ("password", "Qytet-i-hapur-2026"),
                ],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY, "{}", app.label);
        let html = r.text();
        assert!(html.contains(CONTROL), "{}: {html}", app.label);
        assert!(html.contains("nul@example.org"), "what was typed is kept");

        let (_, coordinator) = app.user(Role::Coordinator).await;
        let r = app
            .post(
                "/admin/news",
                Some(&coordinator),
                &[("title_sq", "Lajm\u{0}"), ("body_sq", "Tekst")],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY, "{}", app.label);
        assert!(r.text().contains(CONTROL));

        let r = app.get("/admin/people?q=%00", Some(&coordinator)).await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY, "{}", app.label);
        assert!(r.text().contains(CONTROL));

        let (_, applicant) = app.user_in(app.elbasan, "aplikues@example.org", &[]).await;
        let r = app
            .post(
                "/orgs",
                Some(&applicant),
                &[("name", "Shoqata\u{1b}"), ("kind", "informal_group")],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY, "{}", app.label);
        assert!(r.text().contains(CONTROL));
    })
    .await;
}

#[tokio::test]
async fn over_long_text_is_refused_with_its_limit_never_cut() {
    each_backend(async |app| {
        let (_, coordinator) = app.user(Role::Coordinator).await;
        let long = "Ë".repeat(201);
        let r = app
            .post(
                "/admin/timeline",
                Some(&coordinator),
                &[
                    ("title_sq", long.as_str()),
                    ("title_en", ""),
                    ("starts_on", "01.12.2026"),
                    ("ends_on", "31.12.2026"),
                ],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY, "{}", app.label);
        assert!(r.text().contains("më i gjatë se 200 shenja"), "{}", app.label);
        // Nothing was saved, neither whole nor cut.
        let home = app.get("/", None).await.text();
        assert!(!home.contains(&"Ë".repeat(200)));

        let r = app
            .post(
                "/admin/calls",
                Some(&coordinator),
                &[
                    ("title_sq", "Thirrje"),
                    ("summary_sq", "Përmbledhje"),
                    ("opens_at", "01.11.2026 08:00"),
                    ("closes_at", "20.11.2026 23:59"),
                    ("contact_email", "k@elbasani.gov.al"),
                    ("applicant_types", "citizen"),
                    ("crit_name_sq", long.as_str()),
                    ("crit_weight", "1"),
                ],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY, "{}", app.label);
        assert!(r.text().contains("më i gjatë se 200 shenja"));
    })
    .await;
}

#[tokio::test]
async fn a_draft_is_the_applicants_alone() {
    each_backend(async |app| {
        let (_, coordinator) = app.user(Role::Coordinator).await;
        let (_, reviewer) = app.user(Role::Reviewer).await;
        let call = published_call(app, &coordinator, &["cso", "citizen"]).await;
        let (_, applicant) = app.user_in(app.elbasan, "draft@example.org", &[]).await;
        let r = app
            .post(
                &format!("/calls/{call}/apply"),
                Some(&applicant),
                &[("applicant_type", "citizen")],
            )
            .await;
        let edit = location(&r);
        let mut form = full_application();
        form.push(("action", "save"));
        app.post(&edit, Some(&applicant), &form).await;
        let draft = id_of(edit.trim_end_matches("/edit"));
        for path in [
            format!("/admin/applications/{draft}"),
            format!("/applications/{draft}"),
            format!("/applications/{draft}/pdf"),
        ] {
            let r = app.get(&path, Some(&coordinator)).await;
            assert_eq!(r.status_code(), StatusCode::NOT_FOUND, "{}: {path}", app.label);
            let r = app.get(&path, Some(&reviewer)).await;
            assert!(
                r.status_code() == StatusCode::NOT_FOUND || r.status_code() == StatusCode::FORBIDDEN,
                "{}: {path}",
                app.label
            );
        }
        // The applicant reads it.
        let r = app.get(&format!("/applications/{draft}"), Some(&applicant)).await;
        assert_eq!(r.status_code(), StatusCode::OK);
    })
    .await;
}

#[tokio::test]
async fn csv_cells_that_a_spreadsheet_would_run_are_neutralised() {
    each_backend(async |app| {
        let (_, coordinator) = app.user(Role::Coordinator).await;
        let call = published_call(app, &coordinator, &["cso", "citizen"]).await;
        let (_, applicant) = app.user_in(app.elbasan, "formula@example.org", &[]).await;
        let r = app
            .post(
                &format!("/calls/{call}/apply"),
                Some(&applicant),
                &[("applicant_type", "citizen")],
            )
            .await;
        let edit = location(&r);
        let formula = "=HYPERLINK(\"http://evil.example\",\"Kliko\")";
        let mut form: Vec<(&str, &str)> = full_application()
            .into_iter()
            .filter(|(k, _)| *k != "contact_name" && *k != "consent_listing")
            .collect();
        form.push(("contact_name", formula));
        form.push(("action", "save"));
        app.post(&edit, Some(&applicant), &form).await;
        let path = edit.trim_end_matches("/edit");
        let r = app.post(&format!("{path}/submit"), Some(&applicant), &[]).await;
        assert_eq!(location(&r), path, "{}", app.label);
        let csv = app
            .get(&format!("/admin/calls/{call}/export.csv"), Some(&coordinator))
            .await
            .text();
        assert!(csv.starts_with('\u{feff}'), "{}", app.label);
        assert!(csv.contains("\"'=HYPERLINK("), "{}: {csv}", app.label);
        // The phone number starts with +: kept as typed, made safe.
        assert!(csv.contains("'+355"), "{}: {csv}", app.label);
        for line in csv.lines().skip(1) {
            for cell in line.split(',') {
                let cell = cell.trim_start_matches('"');
                assert!(!cell.starts_with(['=', '+', '@']), "{}: {cell:?}", app.label);
            }
        }
    })
    .await;
}

#[tokio::test]
async fn metrics_are_not_served_on_the_public_site() {
    each_backend(async |app| {
        let r = app.get("/metrics", None).await;
        assert_eq!(r.status_code(), StatusCode::NOT_FOUND, "{}", app.label);
    })
    .await;
}
