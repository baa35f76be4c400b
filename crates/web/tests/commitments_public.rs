//! The public pages of commitments and the library (issue 10, parts 6 and 9), on both
//! databases: who may use each route, a draft is not found for anyone on the public URLs, the
//! pages in both languages, a refused filter answered with its message and the list unfiltered,
//! and "start from this" making a draft linked to its source.

use axum::http::StatusCode;
use chrono::Duration;
use domain::{Role, commitments::CommitmentStatus};
use store::{AuditCtx, commitments::drafts::NewCommitment};

use crate::{
    commitments_routes::{Who, check_route, commitment_fixture, document},
    helpers::{each_backend, location},
};

/// Every route of this part with who may use it (paths with `{placeholders}`).
pub const ROUTES: &[(&str, &str, Who)] = &[
    ("GET", "/commitments", Who::Anyone),
    ("GET", "/commitments/{ogp_id}", Who::Anyone),
    ("GET", "/commitments/{ogp_id}/history", Who::Anyone),
    ("GET", "/library", Who::Anyone),
    ("GET", "/library/{id}", Who::Anyone),
    ("POST", "/library/{id}/start", Who::Drafters),
];

fn text(r: &axum_test::TestResponse) -> String {
    r.text()
}

#[tokio::test]
async fn every_public_route_with_every_visitor() {
    each_backend(async |app| {
        let fx = commitment_fixture(app).await;
        let mut wrong = Vec::new();
        for (method, pattern, who) in ROUTES {
            let path = pattern
                .replace("{ogp_id}", "ALBSN0002")
                .replace("{id}", &fx.public.to_string());
            wrong.extend(check_route(app, &fx, method, &path, *who, &[]).await);
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    })
    .await;
}

#[tokio::test]
async fn a_draft_is_not_found_on_the_public_urls_for_anyone() {
    each_backend(async |app| {
        let fx = commitment_fixture(app).await;
        for (label, token) in &fx.sessions {
            for path in [
                "/commitments/ALBSN0001".to_owned(),
                "/commitments/ALBSN0001/history".to_owned(),
                format!("/library/{}", fx.draft),
            ] {
                let r = app.get(&path, token.as_deref()).await;
                assert_eq!(r.status_code(), StatusCode::NOT_FOUND, "{path} as {label}");
            }
        }
        let list = text(&app.get("/commitments", None).await);
        assert!(list.contains("Buxhetimi me pjesëmarrje"), "{list}");
        assert!(!list.contains("Forumi i qytetarëve për politikat vendore"), "{list}");
        let library = text(&app.get("/library?q=forumi", None).await);
        assert!(!library.contains("Forumi i qytetarëve për politikat vendore"));
    })
    .await;
}

#[tokio::test]
async fn the_page_in_ogps_layout_in_both_languages() {
    each_backend(async |app| {
        let _fx = commitment_fixture(app).await;
        let sq = text(&app.get("/commitments/ALBSN0002", None).await);
        for words in [
            "Me një shikim",
            "Fillimi i angazhimit",
            "Produkti i pritur",
            "Vendimi i Këshillit Bashkiak",
            "Pjesëmarrje qytetare",
            "30.09.2026",
        ] {
            assert!(sq.contains(words), "{words} missing: {sq}");
        }
        let en = text(&app.get("/commitments/ALBSN0002?lang=en", None).await);
        for words in [
            "At a glance",
            "Commitment Start",
            "Expected Outputs",
            "Expected Completion Date",
            "Civic Participation",
            "Inception Report",
            "Not available",
            // The fixture names no primary sector: the line says so.
            "<dt>Primary Sector</dt><dd>Not given</dd>",
        ] {
            assert!(en.contains(words), "{words} missing: {en}");
        }
        let history = app.get("/commitments/ALBSN0002/history?lang=en", None).await;
        assert_eq!(history.status_code(), StatusCode::OK);
        // A version that was never public, a word or a missing side: a message next to the
        // field, 422, the history without a comparison (never axum's plain 400).
        for (query, field, words) in [
            ("from=1&to=99", "to", "Choose one of the options."),
            ("from=abc&to=1", "from", "Choose one of the options."),
            ("from=1&to=", "to", "This field is required."),
        ] {
            let r = app
                .get(&format!("/commitments/ALBSN0002/history?lang=en&{query}"), None)
                .await;
            assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY, "{query}");
            let body = text(&r);
            assert!(body.contains(&format!("id=\"{field}-error\"")), "{query}: {body}");
            assert!(body.contains(words), "{query}: {body}");
            assert!(body.contains("error-summary"), "{query}");
            assert!(!body.contains("<ins>") && !body.contains("<del>"), "{query}");
        }
        let sq = app.get("/commitments/ALBSN0002/history?from=x&to=y", None).await;
        assert_eq!(sq.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(!text(&sq).contains("Choose one of the options."));
    })
    .await;
}

#[tokio::test]
async fn two_public_versions_compared_word_by_word() {
    each_backend(async |app| {
        let fx = commitment_fixture(app).await;
        // A save of a public commitment is public at once (its status is forum-endorsed).
        let saved = app
            .store
            .save_commitment_version(
                app.elbasan,
                fx.public,
                1,
                &document("Buxhetimi vjetor me pjesëmarrje"),
                "Titulli më i saktë",
                fx.member,
                &fx.ctx,
            )
            .await
            .expect("save");
        assert_eq!(saved, store::commitments::drafts::SaveOutcome::Saved(2));
        let r = app
            .get("/commitments/ALBSN0002/history?from=1&to=2&lang=en", None)
            .await;
        assert_eq!(r.status_code(), StatusCode::OK);
        let body = text(&r);
        assert!(
            body.contains("<ins><span class=\"visually-hidden\">added: </span>vjetor"),
            "{body}"
        );
        assert!(body.contains("Titulli më i saktë"), "{body}");
        // Both sides stay chosen in the form.
        assert!(body.contains("<option value=\"2\""), "{body}");
    })
    .await;
}

/// OGP's file (the same the OGP-data tests import).
const SHARED: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../seed/ogp/ogp-commitments-open-parliament.csv"
));

#[tokio::test]
async fn library_results_give_dates_as_precise_as_ogps_cells_and_ratings_on_a_scale() {
    each_backend(async |app| {
        let tenant = app
            .store
            .tenant_by_slug("elbasan")
            .await
            .expect("read")
            .expect("elbasan");
        app.services
            .import_commitments_as(&tenant, None, None, "ogp.csv", SHARED)
            .await
            .expect("import");
        let r = app.get("/library?q=hellenic+parliament+website&lang=en", None).await;
        assert_eq!(r.status_code(), StatusCode::OK);
        let body = text(&r);
        // GR0026: "July 2014" – "June 2016" are months, not the first of the month.
        assert!(body.contains("07.2014 – 06.2016"), "{body}");
        assert!(!body.contains("01.07.2014"), "{body}");
        // A result shows the ratings on a scale, not OGP's yes/no flags.
        assert!(body.contains("Potential Impact: Moderate"), "{body}");
        assert!(!body.contains("IRM Assessed:"), "{body}");
        assert!(!body.contains("Not reviewed:"), "{body}");
        // GE0093's M/D/YY days ("8/1/18") are written as days are written here.
        let ge = text(
            &app.get("/library?q=raising+public+awareness+parliamentary+democracy", None)
                .await,
        );
        assert!(ge.contains("GE0093"), "{ge}");
        assert!(ge.contains("01.08.2018 – 31.12.2019"), "{ge}");
        assert!(!ge.contains("8/1/18"), "{ge}");
        assert!(ge.contains("Ndikimi i mundshëm: I vogël"), "{ge}");
        assert!(!ge.contains("Vlerësuar nga IRM:"), "{ge}");
    })
    .await;
}

#[tokio::test]
async fn a_library_entry_speaks_in_its_own_municipalitys_template() {
    each_backend(async |app| {
        // Tirana drafts in a second version of its template, with its own question.
        let (author, _) = app
            .user_in(app.tirana, "drafter@tirana.example", &[Role::Coordinator])
            .await;
        let ctx = AuditCtx {
            tenant: Some(app.tirana),
            actor: Some(author),
            at: app.now() - Duration::days(3),
            request_id: None,
        };
        let cycle = app
            .store
            .create_cycle(app.tirana, "Cikli", "Cycle", &[], &ctx)
            .await
            .expect("cycle");
        let mut settings = app.store.commitment_settings(app.tirana).await.expect("settings");
        settings.prefix = "ALTIR".into();
        app.store
            .save_commitment_settings(app.tirana, &settings, &ctx)
            .await
            .expect("prefix");
        let (_, mut template) = app.store.current_template(app.tirana).await.expect("template");
        let q1 = template.fields.iter_mut().find(|f| f.key == "q1_problem").expect("q1");
        q1.label_en = "Which problem of Tirana does it address?".into();
        q1.label_sq = "Cilin problem të Tiranës zgjidh?".into();
        let (template_id, version) = app
            .store
            .save_template_version(app.tirana, 1, &template, author, &ctx)
            .await
            .expect("template v2");
        assert_eq!(version, 2);
        let id = app
            .store
            .create_commitment(
                app.tirana,
                &NewCommitment {
                    cycle_id: cycle,
                    template_id,
                    document: document("Buxheti i hapur i Tiranës"),
                    note: String::new(),
                    source_id: None,
                    author,
                },
                &ctx,
            )
            .await
            .expect("commitment");
        app.store
            .set_commitment_status(
                app.tirana,
                id,
                CommitmentStatus::Draft,
                CommitmentStatus::ForumEndorsed,
                "Miratuar",
                &ctx,
            )
            .await
            .expect("endorse");
        // Read from Elbasan's site: Tirana's question, not OGP's first version.
        let en = text(&app.get(&format!("/library/{id}?lang=en"), None).await);
        assert!(en.contains("Which problem of Tirana does it address?"), "{en}");
        assert!(
            en.contains("Qytetarët nuk kanë një vend të përhershëm dialogu."),
            "{en}"
        );
        let sq = text(&app.get(&format!("/library/{id}"), None).await);
        assert!(sq.contains("Cilin problem të Tiranës zgjidh?"), "{sq}");
    })
    .await;
}

#[tokio::test]
async fn a_refused_filter_says_so_and_shows_the_list_unfiltered() {
    each_backend(async |app| {
        let _fx = commitment_fixture(app).await;
        let r = app.get("/commitments?value=nonsense&status=draft", None).await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        let body = text(&r);
        assert!(body.contains("id=\"value-error\""), "{body}");
        assert!(body.contains("id=\"status-error\""), "{body}");
        assert!(body.contains("Buxhetimi me pjesëmarrje"), "{body}");
        let r = app.get("/library?area=nowhere&lang=en", None).await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(text(&r).contains("id=\"area-error\""));
        let ok = app
            .get("/commitments?value=civic_participation&area=public_participation", None)
            .await;
        assert_eq!(ok.status_code(), StatusCode::OK);
        assert!(text(&ok).contains("Buxhetimi me pjesëmarrje"));
        let none = app.get("/commitments?value=public_accountability", None).await;
        assert!(!text(&none).contains("Buxhetimi me pjesëmarrje"));
    })
    .await;
}

#[tokio::test]
async fn start_from_a_library_entry_makes_a_linked_draft() {
    each_backend(async |app| {
        let fx = commitment_fixture(app).await;
        let found = text(&app.get("/library?q=pjesemarrje", None).await);
        assert!(found.contains("Buxhetimi me pjesëmarrje"), "{found}");
        // The anonymous visitor is not offered the button.
        let anon = text(&app.get(&format!("/library/{}", fx.public), None).await);
        assert!(!anon.contains("/start\""));
        let member = fx.session("member");
        let page = text(&app.get(&format!("/library/{}", fx.public), Some(&member)).await);
        assert!(page.contains(&format!("/library/{}/start", fx.public)));
        let r = app
            .post(&format!("/library/{}/start", fx.public), Some(&member), &[])
            .await;
        assert_eq!(r.status_code(), StatusCode::SEE_OTHER);
        let to = location(&r);
        let id: i64 = to
            .trim_start_matches("/forum/commitments/")
            .trim_end_matches("/edit")
            .parse()
            .expect("new id");
        let row = app
            .store
            .commitment(app.elbasan, id)
            .await
            .expect("read")
            .expect("draft");
        assert_eq!(row.source_id, Some(fx.public));
        assert_eq!(row.title, "Buxhetimi me pjesëmarrje");
        assert_eq!(row.starts_on, None);
    })
    .await;
}
