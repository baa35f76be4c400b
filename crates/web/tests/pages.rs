//! Pages as a visitor and a coordinator see them.

use axum::http::StatusCode;
use domain::Role;

use crate::helpers::{each_backend, location};

#[tokio::test]
async fn home_shows_timeline_and_news_in_both_languages() {
    each_backend(async |app| {
        let (_, session) = app.user(Role::Coordinator).await;
        let r = app
            .post(
                "/admin/timeline",
                Some(&session),
                &[
                    ("title_sq", "Thirrja e hapur"),
                    ("title_en", "Open call"),
                    ("starts_on", "20.10.2026"),
                    ("ends_on", "20.11.2026"),
                    ("title_sq", "Formimi i grupit të punës"),
                    ("title_en", ""),
                    ("starts_on", "21.11.2026"),
                    ("ends_on", "10.12.2026"),
                    ("title_sq", ""),
                    ("title_en", ""),
                    ("starts_on", ""),
                    ("ends_on", ""),
                ],
            )
            .await;
        assert_eq!(location(&r), "/", "{}", app.label);
        app.post(
            "/admin/news",
            Some(&session),
            &[
                ("title_sq", "Çështja e transparencës"),
                ("title_en", "Transparency matters"),
                ("body_sq", "**Tekst** në shqip"),
                ("body_en", "English text"),
            ],
        )
        .await;

        let sq = app.get("/", None).await.text();
        assert!(
            sq.contains("Thirrja e hapur") && sq.contains("aria-current=\"step\""),
            "{}",
            app.label
        );
        assert!(sq.contains("Çështja e transparencës"));
        assert!(sq.contains("Formimi i grupit të punës"));
        let en = app.get("/?lang=en", None).await.text();
        assert!(en.contains("Open call") && en.contains("Transparency matters"));
        assert!(
            en.contains("Formimi i grupit të punës"),
            "English falls back to Albanian"
        );

        let r = app
            .post(
                "/admin/timeline",
                Some(&session),
                &[
                    ("title_sq", "Faza"),
                    ("title_en", ""),
                    ("starts_on", "01.12.2026"),
                    ("ends_on", "01.11.2026"),
                ],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            r.text()
                .contains("Data e mbarimit duhet të jetë pas datës së fillimit.")
        );
        assert!(r.text().contains("value=\"Faza\""), "typed rows kept");
    })
    .await;
}

#[tokio::test]
async fn news_pages_paginate_and_render_markdown() {
    each_backend(async |app| {
        let (_, session) = app.user(Role::Coordinator).await;
        for i in 0..12 {
            app.post(
                "/admin/news",
                Some(&session),
                &[
                    ("title_sq", &format!("Lajmi nr. {i}")),
                    ("body_sq", "- pika një\n- pika dy"),
                ],
            )
            .await;
        }
        let first = app.get("/news", None).await.text();
        assert!(
            first.contains("Lajmi nr. 11") && !first.contains("Lajmi nr. 1<"),
            "{}",
            app.label
        );
        assert!(first.contains("rel=\"next\""));
        let second = app.get("/news?page=2", None).await.text();
        assert!(second.contains("Lajmi nr. 0") && second.contains("rel=\"prev\""));
        let item = app.store.list_news(app.elbasan, 1, 0).await.expect("news")[0].id;
        let page = app.get(&format!("/news/{item}"), None).await.text();
        assert!(page.contains("<li>pika një</li>"));
        let r = app
            .post("/admin/news", Some(&session), &[("title_sq", ""), ("body_sq", "")])
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
    })
    .await;
}

#[tokio::test]
async fn organisations_are_created_and_joined_by_invitation() {
    each_backend(async |app| {
        let (_, owner) = app.user(Role::Participant).await;
        let r = app
            .post(
                "/orgs",
                Some(&owner),
                &[("name", ""), ("kind", "club"), ("website", "ftp://x")],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().contains("Zgjidhni një nga mundësitë."));
        let r = app
            .post(
                "/orgs",
                Some(&owner),
                &[
                    ("name", "Qendra Rinore Shkumbini"),
                    ("kind", "informal_group"),
                    ("registration_number", "K123"),
                    ("size_band", "6_20"),
                    ("fields", "youth"),
                    ("fields", "participation"),
                    ("area", "Bradashesh"),
                    ("website", "https://shkumbini.example"),
                    ("mission", "Të rinjtë në qendër"),
                ],
            )
            .await;
        let path = location(&r);
        assert!(path.starts_with("/orgs/"), "{}: {path}", app.label);
        let page = app.get(&path, Some(&owner)).await.text();
        assert!(
            page.contains("Qendra Rinore Shkumbini") && page.contains("Të rinjtë") && page.contains("Grup jo-formal")
        );
        assert!(!page.contains("K123"), "informal groups have no registration number");
        let public = app.get(&path, None).await.text();
        assert!(!public.contains("Arbër Çela"), "members are shown to members only");

        let r = app
            .post(
                &format!("{path}/invite"),
                Some(&owner),
                &[("email", "shoku@example.org")],
            )
            .await;
        assert_eq!(location(&r), path);
        let mail = app.last_mail_to("shoku@example.org").await.expect("invitation");
        let token = crate::helpers::link_token(&mail.body_text, "/invitations/org");
        let (friend, friend_session) = app.user_in(app.elbasan, "shoku@example.org", &[]).await;
        let r = app
            .post("/invitations/org", Some(&friend_session), &[("token", &token)])
            .await;
        assert_eq!(location(&r), path, "{}", app.label);
        assert_eq!(
            app.store.orgs_of_user(app.elbasan, friend).await.expect("orgs").len(),
            1
        );
        // Someone outside the organisation cannot edit it.
        let (_, stranger) = app.user(Role::Reviewer).await;
        assert_eq!(
            app.get(&format!("{path}/edit"), Some(&stranger)).await.status_code(),
            StatusCode::FORBIDDEN
        );
    })
    .await;
}

#[tokio::test]
async fn coordinators_browse_the_audit_log_and_outbox() {
    each_backend(async |app| {
        let (_, session) = app.user(Role::Coordinator).await;
        app.post(
            "/admin/news",
            Some(&session),
            &[("title_sq", "Lajm"), ("body_sq", "Tekst")],
        )
        .await;
        let page = app.get("/admin/audit?action_kind=content", Some(&session)).await.text();
        assert!(page.contains("publikoi lajmin"), "{}", app.label);
        assert!(!page.contains("krijoi një llogari"), "filtered");
        app.post("/password/forgot", None, &[("email", "coordinator@example.org")])
            .await;
        let outbox = app.get("/admin/outbox", Some(&session)).await.text();
        assert!(outbox.contains("Rivendosja e fjalëkalimit"));
    })
    .await;
}

#[tokio::test]
async fn health_and_metrics() {
    each_backend(async |app| {
        assert_eq!(app.get("/healthz", None).await.status_code(), StatusCode::OK);
        assert_eq!(app.get("/static/site.css", None).await.status_code(), StatusCode::OK);
    })
    .await;
}

#[tokio::test]
async fn municipality_settings_and_new_municipalities() {
    each_backend(async |app| {
        let (_, coordinator) = app.user(Role::Coordinator).await;
        let r = app
            .post(
                "/admin/settings",
                Some(&coordinator),
                &[("name_sq", ""), ("contact_email", "jo"), ("time_zone", "Europe/Tirane")],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY, "{}", app.label);
        let r = app
            .post(
                "/admin/settings",
                Some(&coordinator),
                &[
                    ("name_sq", "Bashkia Elbasan e re"),
                    ("name_en", ""),
                    ("contact_email", "ogp@elbasani.gov.al"),
                    ("time_zone", "Europe/Tirane"),
                    ("privacy_sq", "Privatësia"),
                ],
            )
            .await;
        assert_eq!(location(&r), "/admin/settings");
        let home = app.get("/?lang=en", None).await.text();
        assert!(
            home.contains("Bashkia Elbasan e re") && home.contains("ogp@elbasani.gov.al"),
            "English name falls back"
        );

        let (_, admin) = app.user(Role::PlatformAdmin).await;
        let r = app
            .post(
                "/admin/tenants",
                Some(&admin),
                &[
                    ("slug", "durres"),
                    ("hosts", "durres.test"),
                    ("name_sq", "Bashkia Durrës"),
                    ("contact_email", "ogp@durres.test"),
                    ("time_zone", "Europe/Tirane"),
                    ("coordinator_email", "koordinatori@durres.test"),
                ],
            )
            .await;
        assert_eq!(location(&r), "/admin/tenants", "{}", app.label);
        let durres: serde_json::Value = app
            .server
            .get("/api/v1/tenant")
            .add_header("host", "durres.test")
            .await
            .json();
        assert_eq!(durres["name"]["sq"], "Bashkia Durrës");
        let id = app
            .store
            .tenant_by_slug("durres")
            .await
            .expect("tenant")
            .expect("exists")
            .id();
        let invite = app
            .store
            .list_outbox(id, None, 10)
            .await
            .expect("outbox")
            .into_iter()
            .next()
            .expect("coordinator invited");
        assert!(
            invite.body_text.contains("http://durres.test/invitations/role?token="),
            "{}",
            invite.body_text
        );
        let r = app
            .post(
                "/admin/tenants",
                Some(&admin),
                &[
                    ("slug", "durres"),
                    ("hosts", "tirana.test"),
                    ("name_sq", "X"),
                    ("contact_email", "x@x.test"),
                    ("coordinator_email", "k@x.test"),
                ],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().contains("Ky identifikues përdoret tashmë."));
    })
    .await;
}
