//! Open calls end to end: a coordinator drafts and publishes, a CSO applies, the deadline holds.

use axum::http::StatusCode;
use chrono::Duration;
use domain::Role;

use crate::helpers::{TestApp, each_backend, location};

/// The fields of the call form as the tests fill it (two criteria; kinds of applicant apart).
const CALL_FIELDS: [(&str, &str); 19] = [
    ("title_sq", "Thirrje e hapur për OSHC-të"),
    ("title_en", "Open call to CSOs"),
    ("summary_sq", "Ftesë për bashkë-krijim"),
    ("body_sq", "Bashkia **Elbasan** fton…"),
    ("requirements_sq", "- Përshkrim\n- Shembuj pune"),
    ("opens_at", "01.11.2026 08:00"),
    ("closes_at", "20.11.2026 23:59"),
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

/// Creates and publishes a call through the coordinator's forms; returns its id.
pub(crate) async fn published_call(app: &TestApp, coordinator: &str, types: &[&str]) -> i64 {
    let mut form: Vec<(&str, &str)> = CALL_FIELDS.to_vec();
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

pub(crate) async fn org_of(app: &TestApp, session: &str) -> String {
    let r = app.post("/orgs", Some(session), ORG_FORM).await;
    location(&r).trim_start_matches("/orgs/").to_owned()
}

pub(crate) fn full_application<'a>() -> Vec<(&'a str, &'a str)> {
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
        ("areas", "Elbasan"),
        ("areas", "Shirgjan"),
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

        // The applicant's page says what happens next, and withdrawing is a quiet link.
        let own = app.get(&app_path, Some(&applicant)).await.text();
        assert!(
            own.contains("Çfarë ndodh më pas") && own.contains("20.11.2026"),
            "{}",
            app.label
        );
        assert!(own.contains("class=\"link-button\">Tërhiq aplikimin"), "{}", app.label);
        // Withdrawal before the deadline: asked first, then done.
        let r = app.post(&format!("{app_path}/withdraw"), Some(&applicant), &[]).await;
        assert_eq!(r.status_code(), StatusCode::OK);
        assert!(r.text().contains("Ta tërheqim aplikimin?"));
        assert!(!app.get(&app_path, Some(&applicant)).await.text().contains("Tërhequr"));
        let r = app
            .post(
                &format!("{app_path}/withdraw"),
                Some(&applicant),
                &[("confirmed", "yes")],
            )
            .await;
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
                &[("closes_at", "10.11.2026 23:59")],
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
                &[("closes_at", "15.12.2026 23:59")],
            )
            .await;
        assert_eq!(location(&r), format!("/admin/calls/{call}"), "{}", app.label);
        let told = app.last_mail_to("participant@example.org").await.expect("told");
        assert!(told.subject.contains("Afati"), "{}", told.subject);
        let r = app.post(&format!("{app_path}/submit"), Some(&citizen), &[]).await;
        assert_eq!(location(&r), app_path, "{}", app.label);
        let audit = app
            .get("/admin/audit?action_kind=calls", Some(&coordinator))
            .await
            .text();
        assert!(audit.contains("shtyu afatin e thirrjes"), "{}", app.label);
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
                && html.contains("Data e hapjes nuk u kuptua")
                && html.contains("pesh"),
            "{}",
            app.label
        );
    })
    .await;
}

/// Applies and submits for `session`, as an organisation (`cso`) or as a citizen; returns the
/// application's path.
pub(crate) async fn submitted(app: &TestApp, call: i64, session: &str, as_org: bool) -> String {
    let r = if as_org {
        let org = org_of(app, session).await;
        app.post(
            &format!("/calls/{call}/apply"),
            Some(session),
            &[("applicant_type", "cso"), ("org_id", &org)],
        )
        .await
    } else {
        app.post(
            &format!("/calls/{call}/apply"),
            Some(session),
            &[("applicant_type", "citizen")],
        )
        .await
    };
    let edit = location(&r);
    let path = edit.trim_end_matches("/edit").to_owned();
    let mut form = full_application();
    if !as_org {
        form.retain(|(k, _)| *k != "consent_listing");
    }
    form.push(("action", "save"));
    app.post(&edit, Some(session), &form).await;
    let r = app.post(&format!("{path}/submit"), Some(session), &[]).await;
    assert_eq!(location(&r), path, "{}: submit {path}", app.label);
    path
}

pub(crate) fn id_of(path: &str) -> String {
    path.rsplit('/').next().unwrap_or("").to_owned()
}

#[tokio::test]
async fn review_decide_and_publish_the_outcome() {
    each_backend(async |app| {
        let (_, coordinator) = app.user(Role::Coordinator).await;
        let call = published_call(app, &coordinator, &["cso", "citizen"]).await;
        let (first_id, first) = app.user_in(app.elbasan, "e-para@example.org", &[]).await;
        let (_, second) = app.user_in(app.elbasan, "e-dyta@example.org", &[]).await;
        let (_, citizen) = app.user_in(app.elbasan, "qytetar@example.org", &[]).await;
        // The second applicant chose English for their e-mails.
        app.post("/account/language", Some(&second), &[("mail_lang", "en")])
            .await;
        let a1 = submitted(app, call, &first, true).await;
        let a2 = submitted(app, call, &second, true).await;
        let a3 = submitted(app, call, &citizen, false).await;
        let (rev_a_id, rev_a) = app
            .user_in(app.elbasan, "vleresuesi-a@example.org", &[Role::Reviewer])
            .await;
        let (rev_b_id, rev_b) = app
            .user_in(app.elbasan, "vleresuesi-b@example.org", &[Role::Reviewer])
            .await;
        let (rev_a_id, rev_b_id, first_id) = (rev_a_id.to_string(), rev_b_id.to_string(), first_id.to_string());

        // Reviewers are picked from the people with the role, never typed.
        let table = app
            .get(&format!("/admin/calls/{call}/applications"), Some(&coordinator))
            .await
            .text();
        assert!(
            table.contains(&format!("<option value=\"{rev_a_id}\">")),
            "{}",
            app.label
        );
        assert!(!table.contains(&format!("<option value=\"{first_id}\">")));
        // Assignment: the whole call to A, one application to B; only reviewers can be assigned.
        let r = app
            .post(
                &format!("/admin/calls/{call}/assign"),
                Some(&coordinator),
                &[("reviewer", first_id.as_str())],
            )
            .await;
        assert_eq!(
            r.status_code(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}: not a reviewer",
            app.label
        );
        let r = app
            .post(
                &format!("/admin/calls/{call}/assign"),
                Some(&coordinator),
                &[("reviewer", rev_a_id.as_str())],
            )
            .await;
        assert_eq!(location(&r), format!("/admin/calls/{call}/applications"));
        // A is told by e-mail how many applications wait, and the closing date.
        let told = app
            .last_mail_to("vleresuesi-a@example.org")
            .await
            .expect("assignment mail");
        assert!(
            told.body_text.contains("Ju presin 3 aplikime") && told.body_text.contains("20.11.2026"),
            "{}",
            told.body_text
        );
        let r = app
            .post(
                &format!("/admin/applications/{}/assign", id_of(&a2)),
                Some(&coordinator),
                &[("reviewer", rev_b_id.as_str())],
            )
            .await;
        assert_eq!(
            location(&r),
            format!("/admin/applications/{}", id_of(&a2)),
            "{}",
            app.label
        );

        // B sees only what B was given.
        assert_eq!(
            app.get(&format!("/review/{}", id_of(&a1)), Some(&rev_b))
                .await
                .status_code(),
            StatusCode::NOT_FOUND
        );
        let queue = app.get("/review", Some(&rev_b)).await.text();
        assert!(
            queue.contains(&format!("/review/{}", id_of(&a2))) && !queue.contains(&format!("/review/{}\"", id_of(&a1)))
        );
        // Reviewers see the contact details of what they review, and that read is audited.
        assert!(
            app.get(&format!("/review/{}", id_of(&a2)), Some(&rev_b))
                .await
                .text()
                .contains("+355 69 123 4567")
        );
        assert!(
            app.get("/admin/audit?action_kind=reads", Some(&coordinator))
                .await
                .text()
                .contains("lexoi aplikimin")
        );

        // A conflict of interest closes the review of that application.
        let r = app
            .post(
                &format!("/review/{}/conflict", id_of(&a1)),
                Some(&rev_a),
                &[("conflict_note", "Jam anëtar i bordit")],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::SEE_OTHER);
        let r = app
            .post(
                &format!("/review/{}", id_of(&a1)),
                Some(&rev_a),
                &[("action", "submit")],
            )
            .await;
        assert_eq!(
            r.status_code(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}: no scoring after a conflict",
            app.label
        );

        // Scores: 1 to 5, every criterion on submission.
        let criteria: Vec<i64> = {
            let call_id = domain::CallId(call);
            app.store
                .criteria(app.elbasan, call_id)
                .await
                .expect("criteria")
                .iter()
                .map(|c| c.id)
                .collect()
        };
        let (k1, k2) = (format!("score-{}", criteria[0]), format!("score-{}", criteria[1]));
        let c1 = format!("comment-{}", criteria[0]);
        let r = app
            .post(
                &format!("/review/{}", id_of(&a2)),
                Some(&rev_a),
                &[(k1.as_str(), "6"), (k2.as_str(), "3"), ("action", "submit")],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().contains("Pikët janë nga 1 deri në 5"));
        let r = app
            .post(
                &format!("/review/{}", id_of(&a2)),
                Some(&rev_a),
                &[(k1.as_str(), "5"), ("action", "submit")],
            )
            .await;
        assert_eq!(
            r.status_code(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "every criterion needs a score"
        );
        // B saves a draft with a comment; A must not see it, even after A submits.
        app.post(
            &format!("/review/{}", id_of(&a2)),
            Some(&rev_b),
            &[(k1.as_str(), "2"), (c1.as_str(), "Koment-i-B"), ("action", "save")],
        )
        .await;
        let r = app
            .post(
                &format!("/review/{}", id_of(&a2)),
                Some(&rev_a),
                &[
                    (k1.as_str(), "5"),
                    (k2.as_str(), "1"),
                    (c1.as_str(), "Koment-i-A"),
                    ("action", "submit"),
                ],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::SEE_OTHER, "{}", app.label);
        assert!(
            !app.get(&format!("/review/{}", id_of(&a2)), Some(&rev_a))
                .await
                .text()
                .contains("Koment-i-B")
        );
        assert!(
            !app.get(&format!("/review/{}", id_of(&a2)), Some(&rev_b))
                .await
                .text()
                .contains("Koment-i-A"),
            "not before B submits"
        );
        app.post(
            &format!("/review/{}", id_of(&a2)),
            Some(&rev_b),
            &[(k1.as_str(), "2"), (k2.as_str(), "2"), ("action", "submit")],
        )
        .await;
        assert!(
            app.get(&format!("/review/{}", id_of(&a2)), Some(&rev_b))
                .await
                .text()
                .contains("Koment-i-A"),
            "after B submits"
        );
        app.post(
            &format!("/review/{}", id_of(&a3)),
            Some(&rev_a),
            &[(k1.as_str(), "3"), (k2.as_str(), "3"), ("action", "submit")],
        )
        .await;

        // The ranked table: A gave a2 (5×3 + 1×1)/4 = 4.00, B gave 2.00: mean 3.00, spread 2.00.
        let table = app
            .get(&format!("/admin/calls/{call}/applications"), Some(&coordinator))
            .await
            .text();
        assert!(
            table.contains("3,00") && table.contains("2,00"),
            "{}: {table}",
            app.label
        );
        let only_citizens = app
            .get(
                &format!("/admin/calls/{call}/applications?type=citizen"),
                Some(&coordinator),
            )
            .await
            .text();
        assert!(
            only_citizens.contains(&format!("/admin/applications/{}\"", id_of(&a3)))
                && !only_citizens.contains(&format!("/admin/applications/{}\"", id_of(&a2)))
        );

        // Decisions need a reason; the outcome needs a decision on every application.
        let r = app
            .post(
                &format!("/admin/calls/{call}/decide"),
                Some(&coordinator),
                &[
                    ("applications", id_of(&a2).as_str()),
                    ("decision", "select"),
                    ("reason", ""),
                ],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        let r = app
            .post(
                &format!("/admin/calls/{call}/decide"),
                Some(&coordinator),
                &[
                    ("applications", id_of(&a2).as_str()),
                    ("applications", id_of(&a3).as_str()),
                    ("decision", "select"),
                    ("reason", "Përvojë e fortë në pjesëmarrje."),
                ],
            )
            .await;
        assert_eq!(
            location(&r),
            format!("/admin/calls/{call}/applications"),
            "{}",
            app.label
        );
        // The decision is the coordinator's draft until the outcome is published: the applicant
        // sees "submitted" and no reason, on the page and in the list.
        let own = app
            .get(&format!("/applications/{}", id_of(&a2)), Some(&second))
            .await
            .text();
        assert!(
            own.contains("Dorëzuar") && !own.contains("Përzgjedhur") && !own.contains("Përvojë e fortë"),
            "{}: {own}",
            app.label
        );
        let list = app.get("/my/applications", Some(&second)).await.text();
        assert!(!list.contains("Përzgjedhur"), "{}", app.label);
        // Publishing is refused while the call is open: people may still apply.
        let r = app
            .post(&format!("/admin/calls/{call}/outcome"), Some(&coordinator), &[])
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().contains("ende e hapur"), "{}", app.label);
        app.advance(chrono::Duration::days(30));
        let r = app
            .post(&format!("/admin/calls/{call}/outcome"), Some(&coordinator), &[])
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().contains("ende pa vendim"));
        // Ticking something that cannot take a decision changes nothing and says so.
        let r = app
            .post(
                &format!("/admin/calls/{call}/decide"),
                Some(&coordinator),
                &[
                    ("applications", id_of(&a1).as_str()),
                    ("applications", "999999"),
                    ("decision", "decline"),
                    ("reason", "Pa përvojë në fushë."),
                ],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().contains("nuk mund të marrin vendim"), "{}", app.label);
        app.post(
            &format!("/admin/calls/{call}/decide"),
            Some(&coordinator),
            &[
                ("applications", id_of(&a1).as_str()),
                ("decision", "decline"),
                ("reason", "Pa përvojë në fushë."),
            ],
        )
        .await;
        // The final step asks first, saying what will be sent to how many people.
        let r = app
            .post(&format!("/admin/calls/{call}/outcome"), Some(&coordinator), &[])
            .await;
        assert_eq!(r.status_code(), StatusCode::OK, "{}", app.label);
        let confirm = r.text();
        assert!(
            confirm.contains("Ta publikojmë rezultatin?") && confirm.contains("3 aplikues"),
            "{confirm}"
        );
        assert!(
            app.last_mail_to("e-para@example.org")
                .await
                .is_none_or(|m| !m.subject.starts_with("Rezultati"))
        );
        let r = app
            .post(
                &format!("/admin/calls/{call}/outcome"),
                Some(&coordinator),
                &[("confirmed", "yes")],
            )
            .await;
        assert_eq!(location(&r), format!("/calls/{call}/outcome"), "{}", app.label);

        // Everyone is told, in their language, with the reason.
        let declined = app.last_mail_to("e-para@example.org").await.expect("mail");
        assert!(
            declined.subject.starts_with("Rezultati") && declined.body_text.contains("Pa përvojë në fushë."),
            "{}",
            declined.body_text
        );
        let selected = app.last_mail_to("e-dyta@example.org").await.expect("mail");
        assert!(
            selected.subject.starts_with("Outcome") && selected.body_text.contains("Selected"),
            "{}",
            selected.body_text
        );
        // The public outcome: the consenting selected organisation, counts, no personal data.
        let public = app.get(&format!("/calls/{call}/outcome"), None).await.text();
        assert!(public.contains("Forumi i Gruas Elbasan"), "{}", app.label);
        assert!(!public.contains("Drita Hoxha") && !public.contains("+355"));
        assert!(public.contains("Qytetar aktiv"));
        // The selected are handed over to the forum.
        assert_eq!(
            app.store.forum_candidates(app.elbasan).await.expect("candidates").len(),
            2
        );
        // Once published the applicant sees the decision and its reason.
        let own = app
            .get(&format!("/applications/{}", id_of(&a2)), Some(&second))
            .await
            .text();
        assert!(own.contains("Përvojë e fortë"), "{}", app.label);
        // Decisions are final now.
        let r = app
            .post(
                &format!("/admin/calls/{call}/decide"),
                Some(&coordinator),
                &[
                    ("applications", id_of(&a1).as_str()),
                    ("decision", "select"),
                    ("reason", "X"),
                ],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
    })
    .await;
}

#[tokio::test]
async fn exports_api_and_the_applicants_own_data() {
    each_backend(async |app| {
        let (_, coordinator) = app.user(Role::Coordinator).await;
        let call = published_call(app, &coordinator, &["cso", "citizen"]).await;
        let (_, first) = app.user_in(app.elbasan, "e-para@example.org", &[]).await;
        let a1 = submitted(app, call, &first, true).await;

        let csv = app
            .get(&format!("/admin/calls/{call}/export.csv"), Some(&coordinator))
            .await;
        assert_eq!(csv.status_code(), StatusCode::OK, "{}", app.label);
        assert!(
            csv.header("content-type")
                .to_str()
                .expect("ascii")
                .starts_with("text/csv")
        );
        let bytes = csv.as_bytes();
        assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "byte-order mark");
        let text = String::from_utf8(bytes.to_vec()).expect("utf-8");
        assert!(
            text.contains("reference,status,applicant_type")
                && text.contains("ELB-2026-0001")
                && text.contains("Drita Hoxha")
        );
        assert!(text.contains("\"Elbasan,Shirgjan\""), "quoted as CSV: {text}");
        assert_eq!(
            app.get(&format!("/admin/calls/{call}/export.csv"), Some(&first))
                .await
                .status_code(),
            StatusCode::FORBIDDEN
        );
        assert!(
            app.get("/admin/audit?action_kind=reads", Some(&coordinator))
                .await
                .text()
                .contains("shkarkoi aplikimet e thirrjes")
        );

        let calls: serde_json::Value = app.get("/api/v1/calls", None).await.json();
        assert_eq!(calls[0]["phase"], "open", "{}", app.label);
        assert_eq!(calls[0]["title"]["sq"], "Thirrje e hapur për OSHC-të");
        let detail: serde_json::Value = app.get(&format!("/api/v1/calls/{call}"), None).await.json();
        assert_eq!(detail["criteria"][0]["weight"], 3);
        let outcome: serde_json::Value = app.get(&format!("/api/v1/calls/{call}/outcome"), None).await.json();
        assert_eq!(outcome["published"], false);
        assert_eq!(outcome["total"]["applications"], 1);
        assert_eq!(outcome["by_applicant_type"]["cso"]["applications"], 1);
        assert!(!outcome.to_string().contains("Drita"), "no personal data");
        let doc: serde_json::Value = app.get("/api/openapi.json", None).await.json();
        assert!(doc["paths"]["/api/v1/calls/{id}/outcome"]["get"].is_object());

        let mine = app.get("/my/data.json", Some(&first)).await;
        let mine: serde_json::Value = mine.json();
        assert_eq!(mine["account"]["email"], "e-para@example.org");
        assert_eq!(
            mine["applications"][0]["application"]["contact_phone"],
            "+355 69 123 4567"
        );
        assert_eq!(mine["applications"][0]["previous_work"][0]["year"], 2023);
        let _ = a1;
    })
    .await;
}

async fn upload(app: &TestApp, path: &str, session: &str, name: &str, bytes: Vec<u8>) -> axum_test::TestResponse {
    use axum_test::multipart::{MultipartForm, Part};
    let form = MultipartForm::new().add_part("file", Part::bytes(bytes).file_name(name).mime_type("application/pdf"));
    app.server
        .post(path)
        .add_header("cookie", format!("session={session}"))
        .multipart(form)
        .await
}

#[tokio::test]
async fn attachments_are_checked_by_content_and_kept_private() {
    each_backend(async |app| {
        let (_, coordinator) = app.user(Role::Coordinator).await;
        let call = published_call(app, &coordinator, &["citizen"]).await;
        let (_, applicant) = app.user(Role::Participant).await;
        let r = app
            .post(
                &format!("/calls/{call}/apply"),
                Some(&applicant),
                &[("applicant_type", "citizen")],
            )
            .await;
        let edit = location(&r);
        let path = edit.trim_end_matches("/edit").to_owned();

        let r = upload(
            app,
            &format!("{path}/files"),
            &applicant,
            "raporti-çështje.pdf",
            b"%PDF-1.7\n% raport\n".to_vec(),
        )
        .await;
        assert_eq!(location(&r), edit, "{}: {}", app.label, r.status_code());
        // A program named .pdf is refused, next to the field.
        let r = upload(
            app,
            &format!("{path}/files"),
            &applicant,
            "fatura.pdf",
            b"MZ\x90\x00 not a pdf at all".to_vec(),
        )
        .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY, "{}", app.label);
        assert!(r.text().contains("përmbajtja e skedarit nuk është e tillë"));
        // Too large.
        let mut big = b"%PDF-1.7\n".to_vec();
        big.resize(300 * 1024, b'x');
        let r = upload(app, &format!("{path}/files"), &applicant, "i-madh.pdf", big).await;
        assert_eq!(r.status_code(), StatusCode::PAYLOAD_TOO_LARGE, "{}", app.label);

        let files = app
            .store
            .application_files(app.elbasan, domain::ApplicationId(id_of(&path).parse().expect("id")))
            .await
            .expect("files");
        assert_eq!(files.len(), 1);
        let file_path = format!("{path}/files/{}", files[0].id);
        let r = app.get(&file_path, Some(&applicant)).await;
        assert_eq!(r.status_code(), StatusCode::OK);
        assert!(
            r.header("content-disposition")
                .to_str()
                .expect("ascii")
                .starts_with("attachment;")
        );
        assert_eq!(r.header("content-security-policy"), "sandbox");
        let (_, stranger) = app.user(Role::Reviewer).await;
        assert_eq!(
            app.get(&file_path, Some(&stranger)).await.status_code(),
            StatusCode::NOT_FOUND,
            "{}",
            app.label
        );
        assert_eq!(app.get(&file_path, None).await.status_code(), StatusCode::SEE_OTHER);

        // After submission nothing more can be attached.
        let mut complete = full_application();
        complete.push(("action", "save"));
        app.post(&edit, Some(&applicant), &complete).await;
        app.post(&format!("{path}/submit"), Some(&applicant), &[]).await;
        let r = upload(
            app,
            &format!("{path}/files"),
            &applicant,
            "vonë.pdf",
            b"%PDF-1.7\n".to_vec(),
        )
        .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY);

        // Staff read it (audited) and get every attachment of the call as a ZIP.
        assert_eq!(
            app.get(&file_path, Some(&coordinator)).await.status_code(),
            StatusCode::OK
        );
        let zip = app
            .get(&format!("/admin/calls/{call}/attachments.zip"), Some(&coordinator))
            .await;
        assert_eq!(zip.status_code(), StatusCode::OK);
        assert!(zip.as_bytes().starts_with(b"PK"), "{}", app.label);
        assert!(String::from_utf8_lossy(zip.as_bytes()).contains("raporti-çështje.pdf"));
        assert_eq!(
            app.get(&format!("/admin/calls/{call}/attachments.zip"), Some(&applicant))
                .await
                .status_code(),
            StatusCode::FORBIDDEN
        );
    })
    .await;
}

#[tokio::test]
async fn the_application_as_a_pdf() {
    each_backend(async |app| {
        let (_, coordinator) = app.user(Role::Coordinator).await;
        let call = published_call(app, &coordinator, &["cso", "citizen"]).await;
        let (_, applicant) = app.user(Role::Participant).await;
        let path = submitted(app, call, &applicant, true).await;
        let r = app.get(&format!("{path}/pdf"), Some(&applicant)).await;
        assert_eq!(r.status_code(), StatusCode::OK, "{}", app.label);
        assert_eq!(r.header("content-type"), "application/pdf");
        assert!(r.as_bytes().starts_with(b"%PDF"));
        let (_, stranger) = app.user(Role::Reviewer).await;
        assert_eq!(
            app.get(&format!("{path}/pdf"), Some(&stranger)).await.status_code(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            app.get(&format!("{path}/pdf"), Some(&coordinator)).await.status_code(),
            StatusCode::OK
        );
    })
    .await;
}

#[tokio::test]
async fn call_documents_and_organisations_made_on_the_way() {
    each_backend(async |app| {
        let (_, coordinator) = app.user(Role::Coordinator).await;
        let call = published_call(app, &coordinator, &["cso"]).await;
        let r = upload(
            app,
            &format!("/admin/calls/{call}/documents"),
            &coordinator,
            "Termat e referencës.pdf",
            b"%PDF-1.7\n".to_vec(),
        )
        .await;
        assert_eq!(location(&r), format!("/admin/calls/{call}"), "{}", app.label);
        let r = upload(
            app,
            &format!("/admin/calls/{call}/documents"),
            &coordinator,
            "virus.pdf",
            b"MZ not a pdf".to_vec(),
        )
        .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        let page = app.get(&format!("/calls/{call}"), None).await.text();
        assert!(page.contains("Termat e referencës.pdf"), "{}", app.label);
        let doc = app
            .store
            .call_documents(app.elbasan, domain::CallId(call))
            .await
            .expect("docs")[0]
            .id;
        let r = app.get(&format!("/calls/{call}/documents/{doc}"), None).await;
        assert_eq!(r.status_code(), StatusCode::OK);
        assert!(r.as_bytes().starts_with(b"%PDF"));
        let (_, participant) = app.user(Role::Participant).await;
        let r = upload(
            app,
            &format!("/admin/calls/{call}/documents"),
            &participant,
            "x.pdf",
            b"%PDF-1.7\n".to_vec(),
        )
        .await;
        assert_eq!(r.status_code(), StatusCode::FORBIDDEN);

        // An organisation created from the application page leads back to it.
        let r = app
            .post(
                "/orgs",
                Some(&participant),
                &[ORG_FORM, &[("next", &*format!("/calls/{call}/apply"))]].concat(),
            )
            .await;
        let back = location(&r);
        assert!(
            back.starts_with(&format!("/calls/{call}/apply?org=")),
            "{}: {back}",
            app.label
        );
        // ... with the new organisation chosen already.
        let page = app.get(&back, Some(&participant)).await.text();
        let org_id = back.rsplit('=').next().unwrap_or("");
        assert!(page.contains(&format!("value=\"{org_id}\" selected")), "{}", app.label);
        let r = app
            .post(
                "/orgs",
                Some(&participant),
                &[ORG_FORM, &[("next", "//evil.example")]].concat(),
            )
            .await;
        assert_eq!(location(&r), "/account", "only local paths");
    })
    .await;
}

#[tokio::test]
async fn the_persons_own_data_holds_files_e_mails_and_audit_entries() {
    each_backend(async |app| {
        let (_, coordinator) = app.user(Role::Coordinator).await;
        let call = published_call(app, &coordinator, &["cso", "citizen"]).await;
        let (_, person) = app.user_in(app.elbasan, "te-dhenat@example.org", &[]).await;
        let r = app
            .post(
                &format!("/calls/{call}/apply"),
                Some(&person),
                &[("applicant_type", "citizen")],
            )
            .await;
        let edit = location(&r);
        let path = edit.trim_end_matches("/edit").to_owned();
        let mut form: Vec<(&str, &str)> = full_application()
            .into_iter()
            .filter(|(k, _)| *k != "consent_listing")
            .collect();
        form.push(("action", "save"));
        app.post(&edit, Some(&person), &form).await;
        let r = upload(
            app,
            &format!("{path}/files"),
            &person,
            "Raporti ç.pdf",
            b"%PDF-1.7\n".to_vec(),
        )
        .await;
        assert_eq!(r.status_code(), StatusCode::SEE_OTHER, "{}", app.label);
        app.post(&format!("{path}/submit"), Some(&person), &[]).await;
        app.post(
            &format!("/admin/calls/{call}/decide"),
            Some(&coordinator),
            &[
                ("applications", id_of(&path).as_str()),
                ("decision", "select"),
                ("reason", "Arsye e brendshme"),
            ],
        )
        .await;

        let data: serde_json::Value = app.get("/my/data.json", Some(&person)).await.json();
        let application = &data["applications"][0];
        let file = &application["files"][0];
        assert_eq!(file["name"], "Raporti ç.pdf", "{}", app.label);
        assert!(
            file["download"]
                .as_str()
                .is_some_and(|d| d.contains(&format!("{path}/files/"))),
            "{file}"
        );
        let subjects: Vec<&str> = data["emails"]
            .as_array()
            .expect("emails")
            .iter()
            .filter_map(|m| m["subject"].as_str())
            .collect();
        assert!(!subjects.is_empty(), "{}: the confirmation e-mail is listed", app.label);
        let actions: Vec<&str> = data["audit_log"]
            .as_array()
            .expect("audit")
            .iter()
            .filter_map(|e| e["action"].as_str())
            .collect();
        assert!(actions.contains(&"application.submit"), "{actions:?}");
        // The decision is not theirs to see yet, in any copy.
        assert_eq!(application["application"]["status"], "submitted");
        assert!(!actions.contains(&"application.decide"), "{actions:?}");
        assert!(!data.to_string().contains("Arsye e brendshme"));
    })
    .await;
}

/// The call form as `published_call` fills it, with `changes` replacing fields of the same name.
fn call_form<'a>(changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut form: Vec<(&str, &str)> = CALL_FIELDS.to_vec();
    form.extend([("applicant_types", "cso"), ("applicant_types", "citizen")]);
    for (name, value) in changes {
        match form.iter_mut().find(|(k, _)| k == name) {
            Some(field) => field.1 = value,
            None => form.push((name, value)),
        }
    }
    form
}

/// The `value` of the input whose id is `id`.
fn value_of(html: &str, id: &str) -> String {
    let input = html
        .split(&format!("id=\"{id}\""))
        .nth(1)
        .unwrap_or_else(|| panic!("no #{id}"));
    let input = &input[..input.find('>').expect("end of tag")];
    input
        .split("value=\"")
        .nth(1)
        .and_then(|v| v.split('"').next())
        .unwrap_or_else(|| panic!("#{id} has no value: {input}"))
        .to_owned()
}

/// The text of the error shown next to the field whose id is `id`, if any.
fn error_next_to(html: &str, id: &str) -> Option<String> {
    let after = html.split(&format!("id=\"{id}-error\"")).nth(1)?;
    Some(after[..after.find("</p>")?].to_owned())
}

#[tokio::test]
async fn call_times_are_typed_and_shown_as_the_municipality_writes_them() {
    each_backend(async |app| {
        let (_, coordinator) = app.user(Role::Coordinator).await;

        // The new form: times in the municipality's format, the zone in words, no date picker,
        // and criteria rows with nothing in them, the weight included.
        let html = app.get("/admin/calls/new", Some(&coordinator)).await.text();
        assert!(!html.contains("datetime-local") && !html.contains("Europe/Tirane"));
        assert_eq!(value_of(&html, "opens_at"), "01.11.2026 10:00", "{}", app.label);
        assert_eq!(value_of(&html, "closes_at"), "29.11.2026 23:59");
        assert!(html.contains("p.sh. 31.12.2026 23:59 (ora e Shqipërisë)"));
        assert!(html.contains("<code>**fjalë**</code>") && !html.contains("Markdown"));
        for row in 0..5 {
            assert_eq!(value_of(&html, &format!("crit_weight-{row}")), "", "row {row}");
            assert_eq!(value_of(&html, &format!("crit_name_sq-{row}")), "");
        }
        let english = app.get("/admin/calls/new?lang=en", Some(&coordinator)).await.text();
        assert!(english.contains("e.g. 31.12.2026 23:59 (Albania time)") && english.contains("For bold, write"));

        // Another format is refused next to its field, naming it, and everything typed is kept.
        let r = app
            .post(
                "/admin/calls",
                Some(&coordinator),
                &call_form(&[
                    ("opens_at", "2026-12-01T08:00"),
                    ("closes_at", "12/31/2026 11:59 PM"),
                    ("crit_weight", ""),
                ]),
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY, "{}", app.label);
        let html = r.text();
        let opens = error_next_to(&html, "opens_at").expect("error next to the opening time");
        assert!(
            opens.contains("Data e hapjes nuk u kuptua") && opens.contains("01.12.2026 08:00"),
            "{opens}"
        );
        let closes = error_next_to(&html, "closes_at").expect("error next to the deadline");
        assert!(
            closes.contains("Afati nuk u kuptua") && closes.contains("31.12.2026 23:59"),
            "{closes}"
        );
        assert!(html.contains("href=\"#opens_at\"") && html.contains("href=\"#closes_at\""));
        assert_eq!(value_of(&html, "opens_at"), "2026-12-01T08:00");
        assert_eq!(value_of(&html, "closes_at"), "12/31/2026 11:59 PM");
        assert_eq!(value_of(&html, "title_sq"), "Thirrje e hapur për OSHC-të");
        assert!(html.contains("- Përshkrim\n- Shembuj pune</textarea>"));
        // A titled criterion without a weight: told on its own row, nothing assumed.
        assert_eq!(value_of(&html, "crit_name_sq-0"), "Përvoja");
        let weight = error_next_to(&html, "crit_weight-0").expect("error next to the weight");
        assert!(weight.contains("ka titull, por jo peshë"), "{weight}");
        assert_eq!(value_of(&html, "crit_weight-1"), "1");
        assert!(error_next_to(&html, "crit_weight-1").is_none());
        // The rows typed, then three empty ones.
        assert_eq!(value_of(&html, "crit_name_sq-2"), "");
        assert!(html.contains("id=\"crit_weight-4\"") && !html.contains("id=\"crit_weight-5\""));
        assert!(
            !app.get("/admin/calls", Some(&coordinator))
                .await
                .text()
                .contains("OSHC-të")
        );

        // The municipality's format, one-digit day and hour too, is saved and shown back so.
        let r = app
            .post(
                "/admin/calls",
                Some(&coordinator),
                &call_form(&[("opens_at", "1.12.2026 8:00"), ("closes_at", "31.12.2026 23:59")]),
            )
            .await;
        let path = location(&r);
        assert!(path.starts_with("/admin/calls/"), "{}: {}", app.label, r.text());
        let show = app.get(&path, Some(&coordinator)).await.text();
        assert!(
            show.contains("01.12.2026 08:00 (ora e Shqipërisë)")
                && show.contains("31.12.2026 23:59 (ora e Shqipërisë)"),
            "{show}"
        );
        let edit = app.get(&format!("{path}/edit"), Some(&coordinator)).await.text();
        assert_eq!(value_of(&edit, "opens_at"), "01.12.2026 08:00");
        assert_eq!(value_of(&edit, "closes_at"), "31.12.2026 23:59");
        assert_eq!(value_of(&edit, "crit_weight-0"), "3");
        assert_eq!(value_of(&edit, "crit_weight-1"), "1");
        assert_eq!(value_of(&edit, "crit_weight-2"), "", "new rows start empty");
        assert!(!edit.contains("applicants-warning"), "a draft call has nobody to warn");
        let id = path.trim_start_matches("/admin/calls/");
        let ics = app
            .get(&format!("/calls/{id}/deadline.ics"), Some(&coordinator))
            .await
            .text();
        assert!(ics.contains("DTSTART:20261231T225900Z"), "{ics}");

        // The deadline is extended in the same format; another format is refused and kept.
        app.post(&format!("{path}/publish"), Some(&coordinator), &[]).await;
        let show = app.get(&path, Some(&coordinator)).await.text();
        assert_eq!(value_of(&show, "closes_at"), "07.01.2027 23:59");
        let r = app
            .post(
                &format!("{path}/extend"),
                Some(&coordinator),
                &[("closes_at", "2027-01-15T23:59")],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = r.text();
        assert!(error_next_to(&html, "closes_at").is_some_and(|e| e.contains("Afati nuk u kuptua")));
        assert_eq!(value_of(&html, "closes_at"), "2027-01-15T23:59");
        let r = app
            .post(
                &format!("{path}/extend"),
                Some(&coordinator),
                &[("closes_at", "15.01.2027 23:59")],
            )
            .await;
        assert_eq!(location(&r), path, "{}", app.label);
        assert!(
            app.get(&path, Some(&coordinator))
                .await
                .text()
                .contains("15.01.2027 23:59")
        );
    })
    .await;
}

#[tokio::test]
async fn editing_a_published_call_with_applications_warns_and_tells_the_applicants() {
    each_backend(async |app| {
        let (_, coordinator) = app.user(Role::Coordinator).await;
        let call = published_call(app, &coordinator, &["cso", "citizen"]).await;
        let edit = format!("/admin/calls/{call}/edit");
        assert!(
            !app.get(&edit, Some(&coordinator))
                .await
                .text()
                .contains("applicants-warning")
        );

        let (_, applicant) = app.user(Role::Participant).await;
        submitted(app, call, &applicant, true).await;
        let (_, drafter) = app.user_in(app.elbasan, "draft@example.org", &[]).await;
        let r = app
            .post(
                &format!("/calls/{call}/apply"),
                Some(&drafter),
                &[("applicant_type", "citizen")],
            )
            .await;
        app.post(
            &location(&r),
            Some(&drafter),
            &[("description", "Fillim"), ("action", "save")],
        )
        .await;

        let html = app.get(&edit, Some(&coordinator)).await.text();
        let warning = html
            .split("id=\"applicants-warning\"")
            .nth(1)
            .expect("a warning above the form");
        let warning = &warning[..warning.find("</div>").expect("end")];
        assert!(
            warning.contains("1 aplikues ka një draft të padorëzuar.")
                && warning.contains("1 aplikim është dorëzuar.")
                && warning.contains("merr një njoftim me postë elektronike")
                && warning.contains("nuk njoftohet askush"),
            "{warning}"
        );
        assert!(html.find("applicants-warning") < html.find("id=\"call-form\""));
        let english = app.get(&format!("{edit}?lang=en"), Some(&coordinator)).await.text();
        assert!(english.contains("gets an e-mail telling them what changed"));

        // Saved unchanged, or with a change that is not the deadline or a text: nobody is told.
        let before = (
            app.mails_to("participant@example.org").await,
            app.mails_to("draft@example.org").await,
        );
        let r = app.post(&edit, Some(&coordinator), &call_form(&[])).await;
        assert_eq!(
            location(&r),
            format!("/admin/calls/{call}"),
            "{}: {}",
            app.label,
            r.text()
        );
        let r = app
            .post(&edit, Some(&coordinator), &call_form(&[("places", "12")]))
            .await;
        assert_eq!(location(&r), format!("/admin/calls/{call}"));
        assert_eq!(
            (
                app.mails_to("participant@example.org").await,
                app.mails_to("draft@example.org").await
            ),
            before,
            "{}",
            app.label
        );

        // A new deadline and a new text: both applicants are told, each about their application.
        let r = app
            .post(
                &edit,
                Some(&coordinator),
                &call_form(&[
                    ("places", "12"),
                    ("closes_at", "30.11.2026 23:59"),
                    ("body_sq", "Bashkia **Elbasan** fton organizatat…"),
                ]),
            )
            .await;
        assert_eq!(location(&r), format!("/admin/calls/{call}"), "{}", app.label);
        assert_eq!(app.mails_to("draft@example.org").await, before.1 + 1);
        let told = app.last_mail_to("participant@example.org").await.expect("told");
        assert!(told.subject.contains("u ndryshua"), "{}", told.subject);
        assert!(
            told.body_text
                .contains("Afati i ri është 30.11.2026 23:59 (ora e Shqipërisë).")
                && told.body_text.contains("Tekstet e thirrjes u ndryshuan")
                && told.body_text.contains("Aplikimi juaj i dorëzuar nuk ndryshon")
                && told.body_text.contains(&format!("/calls/{call}")),
            "{}",
            told.body_text
        );
        let draft = app.last_mail_to("draft@example.org").await.expect("told");
        assert!(
            draft.body_text.contains("Drafti juaj është i ruajtur"),
            "{}",
            draft.body_text
        );
    })
    .await;
}
