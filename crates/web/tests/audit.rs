//! The audit log as staff read it: a translated sentence for every kind of action, in both
//! languages, with changes in words; reads of personal data apart; filters by kind, person and
//! date; and the page's language link is not a change of the account.

use axum::http::StatusCode;
use chrono::Duration;
use domain::{
    Lang, Role,
    common::audit::ALL,
    open_call::{ApplicantType, ApplicationStatus},
};
use store::{
    ApplicationInput, AuditCtx, CallInput, CriterionInput, NewApplication, NewsInput, OrgInput, ScoreInput,
    TenantSettings,
};

use crate::helpers::{PASSWORD, TestApp, each_backend, location};

/// One entry of every kind of action, made the way the application makes them.
async fn one_of_each_kind(app: &TestApp) -> (i64, String) {
    let t = app.elbasan;
    let (coordinator, session) = app.user(Role::Coordinator).await;
    let r = app
        .post(
            "/login",
            None,
            &[("email", "coordinator@example.org"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(r.status_code(), StatusCode::SEE_OTHER, "{}", app.label);
    let (applicant, _) = app.user_in(t, "aplikuesi@example.org", &[]).await;
    let (reviewer, _) = app.user_in(t, "vleresuesi@example.org", &[]).await;
    let staff = AuditCtx {
        tenant: Some(t),
        actor: Some(coordinator),
        at: app.now(),
        request_id: None,
    };
    let as_applicant = AuditCtx {
        actor: Some(applicant),
        ..staff.clone()
    };
    let store = &app.store;
    store
        .grant_role(t, reviewer, Role::Reviewer, None, &staff)
        .await
        .expect("grant");
    let org = store
        .create_org(
            t,
            applicant,
            &OrgInput {
                name: "Rinia Aktive".into(),
                kind: "cso".into(),
                registration_number: None,
                size_band: "6_20".into(),
                fields: "transparency,participation".into(),
                area: "Elbasan".into(),
                website: String::new(),
                mission: "Punojmë me të rinjtë.".into(),
            },
            &as_applicant,
        )
        .await
        .expect("org");
    let call = store
        .create_call(
            t,
            &CallInput {
                title_sq: "Thirrje për forumin".into(),
                title_en: "Call for the forum".into(),
                summary_sq: "Përmbledhje".into(),
                summary_en: String::new(),
                body_sq: "Tekst".into(),
                body_en: String::new(),
                eligibility_sq: String::new(),
                eligibility_en: String::new(),
                requirements_sq: String::new(),
                requirements_en: String::new(),
                allow_cso: true,
                allow_informal: true,
                allow_citizen: true,
                places: Some(3),
                opens_at: app.now() - Duration::days(1),
                closes_at: app.now() + Duration::hours(1),
                contact_email: "koordinatori@example.org".into(),
            },
            &[CriterionInput {
                name_sq: "Përvoja".into(),
                name_en: "Experience".into(),
                description_sq: String::new(),
                description_en: String::new(),
                weight: 1,
            }],
            "ELB",
            &staff,
        )
        .await
        .expect("call");
    store.publish_call(t, call, &staff).await.expect("publish");
    let application = store
        .start_application(
            t,
            &NewApplication {
                call,
                applicant,
                applicant_type: ApplicantType::Cso,
                org_id: Some(org.0),
                size_band: "6_20".into(),
                lang: "sq".into(),
            },
            &as_applicant,
        )
        .await
        .expect("start");
    store
        .save_application(
            t,
            application,
            &ApplicationInput {
                description: "Përshkrim".into(),
                statement: "Deklaratë".into(),
                fields: "transparency".into(),
                areas: "Elbasan".into(),
                contact_name: "Arbër Çela".into(),
                contact_phone: "+355 69 123 4567".into(),
                size_band: "6_20".into(),
                consent_privacy: true,
                consent_listing: true,
            },
            &[],
            &as_applicant,
        )
        .await
        .expect("save");
    store
        .submit_application(t, application, 2026, |_| Vec::new(), &as_applicant)
        .await
        .expect("submit");
    app.advance(Duration::hours(2));
    let later = AuditCtx {
        at: app.now(),
        ..staff.clone()
    };
    store
        .assign_reviewer_to_call(t, call, reviewer, &later)
        .await
        .expect("assign");
    let criterion = store.criteria(t, call).await.expect("criteria")[0].id;
    store
        .save_review(
            t,
            application,
            reviewer,
            &[ScoreInput {
                criterion_id: criterion,
                score: 4,
                comment: "E bindshme".into(),
            }],
            Some(4.0),
            &AuditCtx {
                actor: Some(reviewer),
                ..later.clone()
            },
        )
        .await
        .expect("review");
    store
        .decide(
            t,
            call,
            &[application],
            ApplicationStatus::Selected,
            "Përvojë e gjatë me të rinjtë",
            &later,
        )
        .await
        .expect("decide");
    store
        .create_news(
            t,
            coordinator,
            &NewsInput {
                title_sq: "Forumi mblidhet".into(),
                title_en: "The forum meets".into(),
                body_sq: "Tekst".into(),
                body_en: String::new(),
            },
            &later,
        )
        .await
        .expect("news");
    let tenant = store.tenant_by_slug("elbasan").await.expect("tenant").expect("elbasan");
    store
        .update_tenant_settings(
            t,
            &TenantSettings {
                name_sq: tenant.name_sq.clone(),
                name_en: tenant.name_en.clone(),
                time_zone: tenant.time_zone.clone(),
                contact_email: "forumi@example.org".into(),
                logo_url: tenant.logo_url.clone(),
                privacy_sq: tenant.privacy_sq.clone(),
                privacy_en: tenant.privacy_en.clone(),
                name_genitive_sq: tenant.name_genitive_sq.clone(),
                name_accusative_sq: tenant.name_accusative_sq.clone(),
                admin_units: tenant.admin_units.clone(),
            },
            &later,
        )
        .await
        .expect("settings");
    // A member of staff opens the application: a read of personal data.
    let r = app
        .get(&format!("/admin/applications/{}", application.0), Some(&session))
        .await;
    assert_eq!(r.status_code(), StatusCode::OK, "{}", app.label);
    (coordinator.0, session)
}

/// The words of a page, as a screen reader reads them (links are part of the sentence).
fn without_tags(page: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in page.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// The entries of a page, for failure messages.
fn sentences(page: &str) -> String {
    page.lines()
        .filter(|l| l.contains("log-sentence") || l.contains("log-field"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// No stored code (`application.decide`) and no raw JSON on the page.
fn assert_in_words(page: &str, context: &str) {
    for (_, code, _) in ALL {
        assert!(!page.contains(code), "{context}: the code {code} is shown");
    }
    assert!(!page.contains("{\""), "{context}: raw JSON is shown");
    assert!(!page.contains("audit-"), "{context}: an untranslated key is shown");
}

#[tokio::test]
async fn every_kind_of_action_reads_as_a_sentence_in_both_languages() {
    each_backend(async |app| {
        let (_, session) = one_of_each_kind(app).await;
        let selected_sq = views::t(Lang::Sq, "status-selected");
        let selected_en = views::t(Lang::En, "status-selected");
        // (kind, words in Albanian, words in English)
        let expected: [(&str, &[&str], &[&str]); 11] = [
            ("accounts", &["krijoi një llogari për"], &["created an account for"]),
            ("sign_ins", &["hyri në platformë"], &["signed in"]),
            ("roles", &["i dha rolin „Vlerësues“"], &["gave the role “Reviewer”"]),
            (
                "organisations",
                &["krijoi organizatën", "Rinia Aktive"],
                &["created the organisation"],
            ),
            (
                "calls",
                &["publikoi thirrjen", "Thirrje për forumin"],
                &["published the call", "Call for the forum"],
            ),
            (
                "applications",
                &["dorëzoi aplikimin ELB-2026-"],
                &["submitted the application ELB-2026-"],
            ),
            (
                "reviews",
                &["vlerësimin e aplikimit ELB-2026-"],
                &["review of the application ELB-2026-"],
            ),
            (
                "decisions",
                &[
                    "vendosi për aplikimin ELB-2026-",
                    &selected_sq,
                    "Arsyeja",
                    "Përvojë e gjatë me të rinjtë",
                ],
                &["decided on the application ELB-2026-", &selected_en, "Reason"],
            ),
            (
                "content",
                &["publikoi lajmin", "Forumi mblidhet"],
                &["published the news item", "The forum meets"],
            ),
            (
                "settings",
                &[
                    "ndryshoi cilësimet e Bashkisë",
                    "E-maili i kontaktit",
                    "forumi@example.org",
                ],
                &["changed the settings of", "Contact e-mail"],
            ),
            (
                "reads",
                &["lexoi aplikimin ELB-2026-"],
                &["read the application ELB-2026-"],
            ),
        ];
        for (kind, sq, en) in expected {
            for (lang, words) in [("sq", sq), ("en", en)] {
                let r = app
                    .get(&format!("/admin/audit?action_kind={kind}&lang={lang}"), Some(&session))
                    .await;
                assert_eq!(r.status_code(), StatusCode::OK, "{} {kind} {lang}", app.label);
                let page = r.text();
                let text = without_tags(&page);
                for w in words {
                    assert!(
                        text.contains(w),
                        "{} {kind} {lang}: «{w}» missing from {}",
                        app.label,
                        sentences(&page)
                    );
                }
                assert_in_words(&page, &format!("{} {kind} {lang}", app.label));
            }
        }
        // Changes only by default: the read is on its own page.
        let changes = without_tags(&app.get("/admin/audit?lang=sq", Some(&session)).await.text());
        assert!(changes.contains("vendosi për aplikimin"), "{}", app.label);
        assert!(
            !changes.contains("lexoi aplikimin"),
            "{}: reads mixed with changes",
            app.label
        );
        assert_in_words(&changes, app.label);
        // A change is field: before → after, in words.
        let decisions = app
            .get("/admin/audit?action_kind=decisions", Some(&session))
            .await
            .text();
        let submitted = views::t(Lang::Sq, "status-submitted");
        assert!(
            decisions.contains(&format!("<del>{submitted}</del>"))
                && decisions.contains(&format!("<ins>{selected_sq}</ins>")),
            "{}: {decisions}",
            app.label
        );
    })
    .await;
}

#[tokio::test]
async fn the_audit_log_is_filtered_by_person_and_date_newest_first() {
    each_backend(async |app| {
        let (coordinator, session) = one_of_each_kind(app).await;
        let today = app
            .now()
            .with_timezone(&chrono_tz::Europe::Tirane)
            .format("%d.%m.%Y")
            .to_string();
        let tomorrow = (app.now() + Duration::days(1))
            .with_timezone(&chrono_tz::Europe::Tirane)
            .format("%d.%m.%Y")
            .to_string();

        // By person: only what the coordinator did (the applicant's submission is not there).
        let mine = without_tags(
            &app.get(&format!("/admin/audit?person={coordinator}"), Some(&session))
                .await
                .text(),
        );
        assert!(mine.contains("publikoi thirrjen"), "{}", app.label);
        assert!(!mine.contains("dorëzoi aplikimin"), "{}", app.label);

        // By date: nothing happens tomorrow; today holds everything.
        let none = app
            .get(&format!("/admin/audit?from={tomorrow}"), Some(&session))
            .await
            .text();
        assert!(none.contains(&views::t(Lang::Sq, "audit-none")), "{}", app.label);
        let all = without_tags(
            &app.get(&format!("/admin/audit?from={today}&to={tomorrow}"), Some(&session))
                .await
                .text(),
        );
        assert!(all.contains("publikoi thirrjen"), "{}", app.label);

        // Newest first: the decision (made later) comes before the submission.
        let page = without_tags(&app.get("/admin/audit", Some(&session)).await.text());
        let (decided, submitted) = (
            page.find("vendosi për aplikimin").expect("decision"),
            page.find("dorëzoi aplikimin").expect("submission"),
        );
        assert!(decided < submitted, "{}: not newest first", app.label);

        // A date in another format: told next to the field, what was typed kept.
        let r = app
            .get("/admin/audit?from=2026-11-01&to=31.02.2026", Some(&session))
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY, "{}", app.label);
        let page = r.text();
        assert!(page.contains("Nga data: Shkruani datën si dd.mm.vvvv"), "{}", app.label);
        assert!(
            page.contains("value=\"2026-11-01\""),
            "{}: the typed date was lost",
            app.label
        );
        assert!(page.contains("value=\"31.02.2026\""), "{}", app.label);
        // A made-up kind or person: a message, not a crash.
        let r = app
            .get("/admin/audit?action_kind=everything&person=abc", Some(&session))
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY, "{}", app.label);
        let r = app.get("/admin/audit?person=999999", Some(&session)).await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY, "{}", app.label);
    })
    .await;
}

#[tokio::test]
async fn the_language_link_is_not_a_change_of_the_account() {
    each_backend(async |app| {
        let (id, session) = app.user(Role::Participant).await;
        app.get("/account?lang=en", Some(&session)).await;
        let account = app
            .store
            .user_by_id(app.elbasan, id)
            .await
            .expect("user")
            .expect("exists");
        assert_eq!(
            account.lang(),
            Lang::Sq,
            "{}: the link changed the saved language",
            app.label
        );
        let entries = app.store.audit_about(app.elbasan, "user", id.0).await.expect("audit");
        assert!(
            entries.iter().all(|e| e.action != "user.set_lang"),
            "{}: the link was recorded",
            app.label
        );

        // Chosen on the account page: saved, recorded, and e-mails follow it.
        let r = app
            .post("/account/language", Some(&session), &[("mail_lang", "en")])
            .await;
        assert_eq!(location(&r), "/account", "{}", app.label);
        let account = app
            .store
            .user_by_id(app.elbasan, id)
            .await
            .expect("user")
            .expect("exists");
        assert_eq!(account.lang(), Lang::En, "{}", app.label);
        let entries = app.store.audit_about(app.elbasan, "user", id.0).await.expect("audit");
        assert!(entries.iter().any(|e| e.action == "user.set_lang"), "{}", app.label);

        // A forged value: a message next to the field.
        let r = app
            .post("/account/language", Some(&session), &[("mail_lang", "xx")])
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY, "{}", app.label);
        assert!(r.text().contains("id=\"mail_lang\""), "{}", app.label);
    })
    .await;
}

#[tokio::test]
async fn the_ranked_table_asks_for_a_decision_and_keeps_publishing_for_after_the_deadline() {
    each_backend(async |app| {
        let (_, coordinator) = app.user(Role::Coordinator).await;
        let call = crate::calls::published_call(app, &coordinator, &["cso", "citizen"]).await;
        let (_, applicant) = app.user_in(app.elbasan, "vendim@example.org", &[]).await;
        let application = crate::calls::submitted(app, call, &applicant, true).await;
        let id = application.rsplit('/').next().expect("id").to_owned();

        // Open call: publishing is not offered, the page says when it can be.
        let page = app
            .get(&format!("/admin/calls/{call}/applications"), Some(&coordinator))
            .await
            .text();
        assert!(!page.contains("id=\"outcome-form\""), "{}", app.label);
        assert!(
            page.contains("Rezultati mund të publikohet pasi të mbyllet thirrja"),
            "{}",
            app.label
        );
        // No decision is chosen in advance: saving without choosing is refused next to the field.
        assert!(page.contains("— Zgjidhni vendimin —</option>"), "{}", app.label);
        let r = app
            .post(
                &format!("/admin/calls/{call}/decide"),
                Some(&coordinator),
                &[("applications", id.as_str()), ("decision", ""), ("reason", "Arsye")],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY, "{}", app.label);
        assert!(r.text().contains("Arsye"), "{}: the reason typed was lost", app.label);
    })
    .await;
}
