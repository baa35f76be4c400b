//! Open calls end to end: a coordinator drafts and publishes, a CSO applies, the deadline holds.

use axum::http::StatusCode;
use chrono::Duration;
use domain::Role;

use crate::helpers::{TestApp, each_backend, location};

/// Creates and publishes a call through the coordinator's forms; returns its id.
async fn published_call(app: &TestApp, coordinator: &str, types: &[&str]) -> i64 {
    let mut form: Vec<(&str, &str)> = vec![
        ("title_sq", "Thirrje e hapur për OSHC-të"),
        ("title_en", "Open call to CSOs"),
        ("summary_sq", "Ftesë për bashkë-krijim"),
        ("body_sq", "Bashkia **Elbasan** fton…"),
        ("requirements_sq", "- Përshkrim\n- Shembuj pune"),
        ("opens_at", "2026-11-01T08:00"),
        ("closes_at", "2026-11-20T23:59"),
        ("contact_email", "koordinatori@elbasani.gov.al"),
        ("places", "10"),
        ("crit_name_sq", "Përvoja"),
        ("crit_name_en", "Experience"),
        ("crit_description_sq", ""),
        ("crit_description_en", ""),
        ("crit_weight", "3"),
        ("crit_name_sq", "Motivimi"),
        ("crit_name_en", ""),
        ("crit_description_sq", ""),
        ("crit_description_en", ""),
        ("crit_weight", "1"),
    ];
    for t in types {
        form.push(("applicant_types", t));
    }
    let r = app.post("/admin/calls", Some(coordinator), &form).await;
    let path = location(&r);
    assert!(
        path.starts_with("/admin/calls/"),
        "{}: {} {}",
        app.label,
        r.status_code(),
        r.text()
    );
    let id: i64 = path.trim_start_matches("/admin/calls/").parse().expect("id");
    // A draft is not public.
    assert_eq!(
        app.get(&format!("/calls/{id}"), None).await.status_code(),
        StatusCode::NOT_FOUND
    );
    let r = app
        .post(&format!("/admin/calls/{id}/publish"), Some(coordinator), &[])
        .await;
    assert_eq!(location(&r), format!("/admin/calls/{id}"));
    id
}

const ORG_FORM: &[(&str, &str)] = &[
    ("name", "Forumi i Gruas Elbasan"),
    ("kind", "cso"),
    ("size_band", "6_20"),
    ("mission", "Fuqizimi i grave në jetën publike."),
];

async fn org_of(app: &TestApp, session: &str) -> String {
    let r = app.post("/orgs", Some(session), ORG_FORM).await;
    location(&r).trim_start_matches("/orgs/").to_owned()
}

fn full_application<'a>() -> Vec<(&'a str, &'a str)> {
    vec![
        (
            "description",
            "Organizatë që punon për të drejtat e grave që nga viti 2005.",
        ),
        ("work_title", "Monitorimi i buxhetit me pjesëmarrje"),
        ("work_year", "2023"),
        ("work_role", "Drejtuese"),
        ("work_description", "Dëgjesa publike në çdo njësi administrative."),
        ("work_link", "https://shembull.al/buxheti"),
        ("statement", "Duam që zëri i grave të dëgjohet në planin e veprimit."),
        ("fields", "gender"),
        ("fields", "participation"),
        ("areas", "Elbasan, Shirgjan"),
        ("contact_name", "Drita Hoxha"),
        ("contact_phone", "+355 69 123 4567"),
        ("consent_privacy", "yes"),
        ("consent_listing", "yes"),
    ]
}

#[tokio::test]
async fn a_cso_applies_and_gets_a_reference() {
    each_backend(async |app| {
        let (_, coordinator) = app.user(Role::Coordinator).await;
        let call = published_call(app, &coordinator, &["cso", "informal_group", "citizen"]).await;
        let list = app.get("/calls", None).await.text();
        assert!(list.contains("Thirrje e hapur për OSHC-të"), "{}", app.label);
        let page = app.get(&format!("/calls/{call}?lang=en"), None).await.text();
        assert!(
            page.contains("Open call to CSOs")
                && page.contains("Experience")
                && page.contains(&format!("/calls/{call}/apply"))
        );

        // Applying needs an account.
        let r = app.get(&format!("/calls/{call}/apply"), None).await;
        assert!(location(&r).starts_with("/login?next="), "{}", app.label);

        let (_, applicant) = app.user(Role::Participant).await;
        let org = org_of(app, &applicant).await;
        // The organisation must match the kind of application.
        let r = app
            .post(
                &format!("/calls/{call}/apply"),
                Some(&applicant),
                &[("applicant_type", "informal_group"), ("org_id", &org)],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        let r = app
            .post(
                &format!("/calls/{call}/apply"),
                Some(&applicant),
                &[("applicant_type", "cso"), ("org_id", &org)],
            )
            .await;
        let edit = location(&r);
        assert!(edit.ends_with("/edit"), "{}: {edit}", app.label);
        let app_path = edit.trim_end_matches("/edit").to_owned();

        // A half-filled draft is kept; bad input is explained and nothing typed is lost.
        let r = app
            .post(
                &edit,
                Some(&applicant),
                &[("description", "Fillim"), ("contact_phone", "abc"), ("action", "save")],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().contains("Shkruani një numër telefoni") && r.text().contains("Fillim"));
        let r = app
            .post(
                &edit,
                Some(&applicant),
                &[("description", "Fillim <script>alert(1)</script>"), ("action", "save")],
            )
            .await;
        assert_eq!(location(&r), edit);
        let r = app
            .post(
                &edit,
                Some(&applicant),
                &[("description", "Fillim"), ("action", "review")],
            )
            .await;
        assert_eq!(
            r.status_code(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "the review screen needs a complete form"
        );
        assert!(r.text().contains("Duhet të pranoni njoftimin e privatësisë"));

        let mut complete = full_application();
        complete.push(("action", "review"));
        let r = app.post(&edit, Some(&applicant), &complete).await;
        assert_eq!(location(&r), format!("{app_path}/review"), "{}", app.label);
        let review = app.get(&format!("{app_path}/review"), Some(&applicant)).await.text();
        assert!(review.contains("Monitorimi i buxhetit me pjesëmarrje") && review.contains("submit-form"));

        let r = app.post(&format!("{app_path}/submit"), Some(&applicant), &[]).await;
        assert_eq!(location(&r), app_path, "{}", app.label);
        // A double click makes no second application.
        let r = app.post(&format!("{app_path}/submit"), Some(&applicant), &[]).await;
        assert_eq!(location(&r), app_path);
        let shown = app.get(&app_path, Some(&applicant)).await.text();
        assert!(
            shown.contains("ELB-2026-0001") || shown.contains("ELB-2026-0001"),
            "{}",
            shown
        );
        let confirmation = app.last_mail_to("participant@example.org").await.expect("confirmation");
        assert!(
            confirmation.subject.contains("ELB-2026-0001"),
            "{}",
            confirmation.subject
        );
        let notice = app
            .last_mail_to("koordinatori@elbasani.gov.al")
            .await
            .expect("contact notified");
        assert!(notice.body_text.contains("Forumi i Gruas Elbasan"));

        // Editing after submission is refused with a message.
        let r = app
            .post(
                &edit,
                Some(&applicant),
                &[("description", "Ndryshim"), ("action", "save")],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().contains("nuk mund të ndryshohet më"));
        // A second application by the same organisation is refused.
        let r = app
            .post(
                &format!("/calls/{call}/apply"),
                Some(&applicant),
                &[("applicant_type", "cso"), ("org_id", &org)],
            )
            .await;
        assert_eq!(location(&r), edit, "the existing application is offered instead");

        // Others cannot see it; the coordinator can.
        let (_, stranger) = app.user(Role::Reviewer).await;
        assert_eq!(
            app.get(&app_path, Some(&stranger)).await.status_code(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            app.get(&app_path, Some(&coordinator)).await.status_code(),
            StatusCode::OK
        );
        assert!(
            !app.get(&format!("/calls/{call}"), None)
                .await
                .text()
                .contains("+355 69")
        );

        // Withdrawal before the deadline.
        let r = app.post(&format!("{app_path}/withdraw"), Some(&applicant), &[]).await;
        assert_eq!(location(&r), app_path);
        assert!(app.get(&app_path, Some(&applicant)).await.text().contains("Tërhequr"));
    })
    .await;
}

#[tokio::test]
async fn the_deadline_holds_and_can_be_extended() {
    each_backend(async |app| {
        let (_, coordinator) = app.user(Role::Coordinator).await;
        let call = published_call(app, &coordinator, &["citizen"]).await;
        let (_, citizen) = app.user(Role::Participant).await;
        // Only the kinds the call allows.
        let r = app
            .post(
                &format!("/calls/{call}/apply"),
                Some(&citizen),
                &[("applicant_type", "cso")],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        let r = app
            .post(
                &format!("/calls/{call}/apply"),
                Some(&citizen),
                &[("applicant_type", "citizen")],
            )
            .await;
        let edit = location(&r);
        let app_path = edit.trim_end_matches("/edit").to_owned();
        let mut complete = full_application();
        complete.push(("action", "save"));
        app.post(&edit, Some(&citizen), &complete).await;

        // Past the closing time: refused, and the draft is still there.
        app.advance(Duration::days(20));
        let r = app.post(&format!("{app_path}/submit"), Some(&citizen), &[]).await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY, "{}", app.label);
        assert!(r.text().contains("Thirrja nuk është e hapur"));
        assert!(
            app.get(&app_path, Some(&citizen))
                .await
                .text()
                .contains("Monitorimi i buxhetit")
        );

        // The coordinator extends it; the person with the draft is told and can submit.
        let r = app
            .post(
                &format!("/admin/calls/{call}/extend"),
                Some(&coordinator),
                &[("closes_at", "2026-11-10T23:59")],
            )
            .await;
        assert_eq!(
            r.status_code(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "an earlier date is refused"
        );
        let r = app
            .post(
                &format!("/admin/calls/{call}/extend"),
                Some(&coordinator),
                &[("closes_at", "2026-12-15T23:59")],
            )
            .await;
        assert_eq!(location(&r), format!("/admin/calls/{call}"), "{}", app.label);
        let told = app.last_mail_to("participant@example.org").await.expect("told");
        assert!(told.subject.contains("Afati"), "{}", told.subject);
        let r = app.post(&format!("{app_path}/submit"), Some(&citizen), &[]).await;
        assert_eq!(location(&r), app_path, "{}", app.label);
        let audit = app.get("/admin/audit?action=call.", Some(&coordinator)).await.text();
        assert!(audit.contains("call.extend_deadline"));
    })
    .await;
}

#[tokio::test]
async fn feed_calendar_and_bad_call_forms() {
    each_backend(async |app| {
        let (_, coordinator) = app.user(Role::Coordinator).await;
        let call = published_call(app, &coordinator, &["cso"]).await;
        let feed = app.get("/calls/feed.atom", None).await;
        assert!(
            feed.header("content-type")
                .to_str()
                .expect("ascii")
                .starts_with("application/atom+xml")
        );
        assert!(
            feed.text().contains("<feed") && feed.text().contains("Thirrje e hapur për OSHC-të"),
            "{}",
            app.label
        );
        let ics = app.get(&format!("/calls/{call}/deadline.ics"), None).await;
        assert!(
            ics.header("content-type")
                .to_str()
                .expect("ascii")
                .starts_with("text/calendar")
        );
        let text = ics.text();
        assert!(
            text.contains("BEGIN:VEVENT")
                && text.contains("DTSTART:20261120T225900Z")
                && text.contains("PRODID:-//bashke//calls//EN"),
            "{text}"
        );

        let r = app
            .post(
                "/admin/calls",
                Some(&coordinator),
                &[
                    ("title_sq", ""),
                    ("opens_at", "nesër"),
                    ("crit_name_sq", "X"),
                    ("crit_weight", "0"),
                ],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = r.text();
        assert!(
            html.contains("Kjo fushë është e detyrueshme.")
                && html.contains("Shkruani datën dhe orën")
                && html.contains("pesh"),
            "{}",
            app.label
        );
    })
    .await;
}
