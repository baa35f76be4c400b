#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose
//! The behaviour suite of the store: the same tests, unchanged, on SQLite and (when
//! `BASHKE_TEST_POSTGRES_URL` is set) PostgreSQL.

use std::collections::HashSet;

use chrono::{DateTime, Duration, TimeZone, Utc};
use domain::{Email, Lang, NewsId, Role, TenantId, UserId};
use store::{
    AuditCtx, AuditFilter, NewMail, NewTenant, NewToken, NewsInput, OrgInput, PhaseInput, Store, StoreError,
    TenantSettings, TokenPurpose, testing::TestDb,
};

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).single().expect("valid date")
}

fn ctx(tenant: Option<TenantId>, at: DateTime<Utc>) -> AuditCtx {
    AuditCtx {
        tenant,
        actor: None,
        at,
        request_id: Some("test".into()),
    }
}

fn tenant_input(slug: &str, default: bool) -> NewTenant {
    NewTenant {
        slug: slug.into(),
        settings: TenantSettings {
            name_sq: format!("Bashkia {slug}"),
            name_en: format!("Municipality of {slug}"),
            time_zone: "Europe/Tirane".into(),
            contact_email: format!("ogp@{slug}.example"),
            logo_url: None,
            privacy_sq: String::new(),
            privacy_en: String::new(),

            ..TenantSettings::default()
        },
        is_default: default,
        hosts: vec![format!("{slug}.example")],
    }
}

async fn tenant(store: &Store, slug: &str, default: bool) -> TenantId {
    store
        .create_tenant(&tenant_input(slug, default), &ctx(None, t0()))
        .await
        .expect("tenant")
}

async fn user(store: &Store, tenant: TenantId, email: &str, roles: &[Role]) -> UserId {
    let email = Email::parse("email", email).expect("email");
    store
        .create_verified_user(
            tenant,
            &email,
            "Arbër Çela",
            "hash",
            Lang::Sq,
            roles,
            &ctx(Some(tenant), t0()),
        )
        .await
        .expect("user")
}

fn news(title: &str) -> NewsInput {
    NewsInput {
        title_sq: title.into(),
        title_en: String::new(),
        body_sq: "Tekst".into(),
        body_en: String::new(),
    }
}

fn mail(to: &str) -> NewMail {
    NewMail {
        recipient: to.into(),
        subject: "Lënda".into(),
        body_text: "Përshëndetje".into(),
        lang: "sq".into(),
        about: None,
    }
}

#[tokio::test]
async fn tenants_resolve_by_host_then_default() {
    for db in TestDb::all().await.expect("databases") {
        let s = &db.store;
        let elbasan = tenant(s, "elbasan", true).await;
        let tirana = tenant(s, "tirana", false).await;
        let by_host = |h: &'static str| async move { s.resolve_tenant(h).await.expect("resolve").map(|t| t.id()) };
        assert_eq!(by_host("tirana.example").await, Some(tirana), "{}", db.label);
        assert_eq!(by_host("TIRANA.example").await, Some(tirana), "{}", db.label);
        assert_eq!(by_host("elbasan.example").await, Some(elbasan), "{}", db.label);
        assert_eq!(
            by_host("unknown.example").await,
            Some(elbasan),
            "{}: default tenant",
            db.label
        );
        db.cleanup().await;
    }
}

#[tokio::test]
async fn nothing_crosses_tenants() {
    for db in TestDb::all().await.expect("databases") {
        let s = &db.store;
        let a = tenant(s, "elbasan", true).await;
        let b = tenant(s, "tirana", false).await;
        let ua = user(s, a, "arber@example.org", &[Role::Coordinator]).await;
        // The same address may have an account in each municipality.
        let ub = user(s, b, "arber@example.org", &[]).await;
        let item = s
            .create_news(a, ua, &news("Lajm i Elbasanit"), &ctx(Some(a), t0()))
            .await
            .expect("news");
        assert!(s.news_item(b, item).await.expect("read").is_none(), "{}", db.label);
        assert!(s.list_news(b, 10, 0).await.expect("list").is_empty(), "{}", db.label);
        assert!(s.user_by_id(b, ua).await.expect("user").is_none(), "{}", db.label);
        assert!(
            s.roles_of(b, ua).await.expect("roles").iter().next().is_none(),
            "{}",
            db.label
        );
        assert!(
            s.list_people(b, None, 50, 0)
                .await
                .expect("people")
                .iter()
                .all(|p| p.id == ub.0),
            "{}",
            db.label
        );
        assert!(
            s.list_audit(b, &AuditFilter::default(), 50)
                .await
                .expect("audit")
                .iter()
                .all(|r| r.action != "news.create"),
            "{}",
            db.label
        );
        // Writes aimed at another tenant's rows change nothing.
        s.update_news(b, item, &news("Pushtim"), &ctx(Some(b), t0()))
            .await
            .expect_err("no such item in b");
        assert_eq!(
            s.news_item(a, item).await.expect("read").expect("still there").title_sq,
            "Lajm i Elbasanit"
        );
        let org = s
            .create_org(a, ua, &org_input(), &ctx(Some(a), t0()))
            .await
            .expect("org");
        assert!(s.org(b, org).await.expect("org").is_none(), "{}", db.label);
        assert!(s.orgs_of_user(b, ua).await.expect("orgs").is_empty(), "{}", db.label);
        db.cleanup().await;
    }
}

fn org_input() -> OrgInput {
    OrgInput {
        name: "Forumi i Gruas".into(),
        kind: "cso".into(),
        registration_number: None,
        size_band: "6_20".into(),
        fields: "gender,participation".into(),
        area: "Elbasan".into(),
        website: String::new(),
        mission: "Misioni".into(),
    }
}

#[tokio::test]
async fn unique_violations_name_the_same_field() {
    for db in TestDb::all().await.expect("databases") {
        let s = &db.store;
        let a = tenant(s, "elbasan", true).await;
        user(s, a, "arber@example.org", &[]).await;
        let email = Email::parse("email", "arber@example.org").expect("email");
        let err = s
            .create_verified_user(a, &email, "X", "h", Lang::En, &[], &ctx(Some(a), t0()))
            .await
            .expect_err("duplicate");
        match err {
            StoreError::Conflict { field } => assert_eq!(field, "email", "{}", db.label),
            other => panic!("{}: expected conflict, got {other:?}", db.label),
        }
        let err = s
            .create_tenant(&tenant_input("elbasan", false), &ctx(None, t0()))
            .await
            .expect_err("duplicate slug");
        assert!(
            matches!(err, StoreError::Conflict { ref field } if field == "slug"),
            "{}: {err:?}",
            db.label
        );
        // Nothing half-stored: the failed user left no role grant or audit row behind.
        assert_eq!(
            s.list_people(a, None, 50, 0).await.expect("people").len(),
            1,
            "{}",
            db.label
        );
        db.cleanup().await;
    }
}

#[tokio::test]
async fn sign_up_stores_user_token_mail_and_audit_together() {
    for db in TestDb::all().await.expect("databases") {
        let s = &db.store;
        let a = tenant(s, "elbasan", true).await;
        let email = Email::parse("email", "drita@example.org").expect("email");
        let token = NewToken {
            token_hash: "h1".into(),
            purpose: TokenPurpose::VerifyEmail,
            user_id: None,
            email: email.to_string(),
            role: None,
            org_id: None,
            expires_at: t0() + Duration::hours(48),
        };
        let id = s
            .sign_up(
                a,
                &email,
                "Drita",
                "hash",
                Lang::En,
                &token,
                &mail("drita@example.org"),
                &ctx(Some(a), t0()),
            )
            .await
            .expect("sign up");
        let row = s
            .find_token(a, "h1", TokenPurpose::VerifyEmail)
            .await
            .expect("token")
            .expect("exists");
        assert_eq!(row.user_id, Some(id.0), "{}", db.label);
        assert!(
            s.find_token(a, "h1", TokenPurpose::ResetPassword)
                .await
                .expect("token")
                .is_none(),
            "{}",
            db.label
        );
        let outbox = s.list_outbox(a, None, 10).await.expect("outbox");
        assert_eq!(outbox.len(), 1, "{}", db.label);
        assert_eq!(outbox[0].subject, "Lënda");
        let audit = s
            .list_audit(
                a,
                &AuditFilter {
                    action_prefix: Some("user.".into()),
                    ..Default::default()
                },
                10,
            )
            .await
            .expect("audit");
        assert_eq!(audit.len(), 1, "{}", db.label);
        assert!(
            audit[0]
                .after_json
                .as_deref()
                .unwrap_or("")
                .contains("drita@example.org")
        );

        // A token is consumed once; the second use is a conflict on `token`.
        s.verify_email(&row, &ctx(Some(a), t0())).await.expect("verify");
        let again = s.verify_email(&row, &ctx(Some(a), t0())).await.expect_err("used");
        assert!(
            matches!(again, StoreError::Conflict { ref field } if field == "token"),
            "{}",
            db.label
        );
        let u = s.user_by_id(a, id).await.expect("user").expect("exists");
        assert!(u.email_verified_at.is_some(), "{}", db.label);

        // A second sign-up with the same address stores nothing at all.
        let token2 = NewToken {
            token_hash: "h2".into(),
            ..token.clone()
        };
        s.sign_up(
            a,
            &email,
            "Other",
            "hash",
            Lang::Sq,
            &token2,
            &mail("drita@example.org"),
            &ctx(Some(a), t0()),
        )
        .await
        .expect_err("taken");
        assert!(
            s.find_token(a, "h2", TokenPurpose::VerifyEmail)
                .await
                .expect("token")
                .is_none(),
            "{}",
            db.label
        );
        assert_eq!(
            s.list_outbox(a, None, 10).await.expect("outbox").len(),
            1,
            "{}",
            db.label
        );
        db.cleanup().await;
    }
}

#[tokio::test]
async fn sessions_expire_and_end_on_password_change() {
    for db in TestDb::all().await.expect("databases") {
        let s = &db.store;
        let a = tenant(s, "elbasan", true).await;
        let b = tenant(s, "tirana", false).await;
        let u = user(s, a, "arber@example.org", &[Role::Reviewer]).await;
        s.create_session(a, u, "s1", t0() + Duration::days(1), &ctx(Some(a), t0()))
            .await
            .expect("session");
        s.create_session(a, u, "s2", t0() + Duration::days(1), &ctx(Some(a), t0()))
            .await
            .expect("session");
        let su = s.session_user(a, "s1", t0()).await.expect("lookup").expect("valid");
        assert!(
            su.roles.contains(Role::Reviewer) && su.roles.contains(Role::Participant),
            "{}",
            db.label
        );
        assert!(
            s.session_user(b, "s1", t0()).await.expect("lookup").is_none(),
            "{}: other tenant",
            db.label
        );
        assert!(
            s.session_user(a, "s1", t0() + Duration::days(2))
                .await
                .expect("lookup")
                .is_none(),
            "{}: expired",
            db.label
        );
        s.change_password(a, u, "new-hash", &ctx(Some(a), t0()))
            .await
            .expect("change");
        assert!(
            s.session_user(a, "s1", t0()).await.expect("lookup").is_none(),
            "{}",
            db.label
        );
        assert!(
            s.session_user(a, "s2", t0()).await.expect("lookup").is_none(),
            "{}",
            db.label
        );
        db.cleanup().await;
    }
}

#[tokio::test]
async fn deleting_an_account_erases_personal_data_but_keeps_contributions() {
    for db in TestDb::all().await.expect("databases") {
        let s = &db.store;
        let a = tenant(s, "elbasan", true).await;
        let u = user(s, a, "arber@example.org", &[Role::Coordinator]).await;
        let item = s
            .create_news(a, u, &news("Lajm"), &ctx(Some(a), t0()))
            .await
            .expect("news");
        s.create_session(a, u, "s1", t0() + Duration::days(1), &ctx(Some(a), t0()))
            .await
            .expect("session");
        s.delete_account(a, u, "Përdorues i fshirë #1", &ctx(Some(a), t0()))
            .await
            .expect("delete");
        let row = s.user_by_id(a, u).await.expect("user").expect("row kept");
        assert!(row.email.is_none() && row.deleted_at.is_some(), "{}", db.label);
        assert!(
            s.session_user(a, "s1", t0()).await.expect("lookup").is_none(),
            "{}",
            db.label
        );
        assert!(
            s.roles_of(a, u).await.expect("roles").iter().next().is_none(),
            "{}",
            db.label
        );
        let kept = s.news_item(a, item).await.expect("news").expect("kept");
        assert_eq!(
            kept.author_name.as_deref(),
            Some("Përdorues i fshirë #1"),
            "{}",
            db.label
        );
        // The erasure reaches the copies: the outbox and the audit log.
        assert!(
            s.list_outbox(a, None, 100)
                .await
                .expect("outbox")
                .iter()
                .all(|m| !m.recipient.contains("arber@")),
            "{}",
            db.label
        );
        let audit = s.list_audit(a, &AuditFilter::default(), 100).await.expect("audit");
        assert!(
            audit
                .iter()
                .all(|r| !r.after_json.as_deref().unwrap_or("").contains("arber@example.org")
                    && !r.after_json.as_deref().unwrap_or("").contains("Arbër Çela")),
            "{}: {audit:?}",
            db.label
        );
        // The address is free again.
        user(s, a, "arber@example.org", &[]).await;
        db.cleanup().await;
    }
}

#[tokio::test]
async fn outbox_messages_are_claimed_exactly_once_under_concurrency() {
    for db in TestDb::all().await.expect("databases") {
        let s = db.store.clone();
        let a = tenant(&s, "elbasan", true).await;
        for i in 0..60 {
            s.enqueue_mail(Some(a), &mail(&format!("p{i}@example.org")), t0())
                .await
                .expect("enqueue");
        }
        let mut workers = Vec::new();
        for _ in 0..6 {
            let s = s.clone();
            workers.push(tokio::spawn(async move {
                let mut mine = Vec::new();
                loop {
                    let batch = s
                        .claim_due_mail(t0(), t0() + Duration::minutes(5), 4)
                        .await
                        .expect("claim");
                    if batch.is_empty() {
                        return mine;
                    }
                    mine.extend(batch.into_iter().map(|r| r.id));
                }
            }));
        }
        let mut seen = HashSet::new();
        let mut total = 0;
        for w in workers {
            for id in w.await.expect("worker") {
                total += 1;
                assert!(seen.insert(id), "{}: message {id} claimed twice", db.label);
            }
        }
        assert_eq!(total, 60, "{}", db.label);
        // A lease that ran out makes the message claimable again; a sent one never is.
        let first = *seen.iter().min().expect("some");
        s.mark_mail_sent(first, t0()).await.expect("sent");
        let later = t0() + Duration::minutes(6);
        let again = s
            .claim_due_mail(later, later + Duration::minutes(5), 100)
            .await
            .expect("claim");
        assert_eq!(again.len(), 59, "{}", db.label);
        assert!(again.iter().all(|r| r.attempts == 2), "{}", db.label);
        // Failure with a retry time postpones; without one, gives up.
        s.mark_mail_failed(again[0].id, "smtp down", Some(later + Duration::hours(1)))
            .await
            .expect("fail");
        s.mark_mail_failed(again[1].id, "bad address", None)
            .await
            .expect("fail");
        let much_later = later + Duration::minutes(30);
        let due = s
            .claim_due_mail(much_later, much_later + Duration::minutes(5), 100)
            .await
            .expect("claim");
        assert_eq!(due.len(), 57, "{}", db.label);
        let counts = s.outbox_counts().await.expect("counts");
        assert!(
            counts.contains(&("failed".into(), 1)) && counts.contains(&("sent".into(), 1)),
            "{}: {counts:?}",
            db.label
        );
        db.cleanup().await;
    }
}

#[tokio::test]
async fn every_write_leaves_an_audit_row() {
    for db in TestDb::all().await.expect("databases") {
        let s = &db.store;
        let a = tenant(s, "elbasan", true).await;
        let coordinator = user(s, a, "k@example.org", &[Role::Coordinator]).await;
        let other = user(s, a, "o@example.org", &[]).await;
        let c = AuditCtx {
            actor: Some(coordinator),
            ..ctx(Some(a), t0())
        };
        let item = s.create_news(a, coordinator, &news("Një"), &c).await.expect("news");
        s.update_news(a, item, &news("Dy"), &c).await.expect("update");
        s.delete_news(a, item, &c).await.expect("delete");
        s.grant_role(a, other, Role::Reviewer, &c).await.expect("grant");
        s.grant_role(a, other, Role::Reviewer, &c)
            .await
            .expect("grant twice is a no-op");
        s.revoke_role(a, other, Role::Reviewer, &c).await.expect("revoke");
        let phases = [PhaseInput {
            title_sq: "Thirrja".into(),
            title_en: "Call".into(),
            starts_on: t0().date_naive(),
            ends_on: t0().date_naive(),
        }];
        let cycle = s.create_cycle(a, "Cikli", "Cycle", &phases, &c).await.expect("cycle");
        s.replace_timeline(a, cycle, &[], &c).await.expect("timeline");
        let org = s.create_org(a, other, &org_input(), &c).await.expect("org");
        s.update_org(a, org, &org_input(), &c).await.expect("org update");
        let actions: Vec<String> = s
            .list_audit(a, &AuditFilter::default(), 100)
            .await
            .expect("audit")
            .into_iter()
            .map(|r| r.action)
            .collect();
        for expected in [
            "news.create",
            "news.update",
            "news.delete",
            "role.grant",
            "role.revoke",
            "cycle.create",
            "timeline.update",
            "org.create",
            "org.update",
        ] {
            assert!(
                actions.iter().any(|a| a == expected),
                "{}: no {expected} in {actions:?}",
                db.label
            );
        }
        assert_eq!(actions.iter().filter(|a| *a == "role.grant").count(), 1, "{}", db.label);
        let update = s
            .list_audit(
                a,
                &AuditFilter {
                    action_prefix: Some("news.update".into()),
                    ..Default::default()
                },
                10,
            )
            .await
            .expect("audit");
        assert!(
            update[0].before_json.as_deref().unwrap_or("").contains("Një"),
            "{}",
            db.label
        );
        assert!(
            update[0].after_json.as_deref().unwrap_or("").contains("Dy"),
            "{}",
            db.label
        );
        assert_eq!(update[0].actor_id, Some(coordinator.0), "{}", db.label);
        // The filter treats `_` and `%` literally.
        assert!(
            s.list_audit(
                a,
                &AuditFilter {
                    action_prefix: Some("news_".into()),
                    ..Default::default()
                },
                10
            )
            .await
            .expect("audit")
            .is_empty()
        );
        db.cleanup().await;
    }
}

#[tokio::test]
async fn pagination_is_newest_first_and_stable() {
    for db in TestDb::all().await.expect("databases") {
        let s = &db.store;
        let a = tenant(s, "elbasan", true).await;
        let u = user(s, a, "k@example.org", &[Role::Coordinator]).await;
        let mut ids = Vec::new();
        for i in 0..25 {
            // Two items share each timestamp: the id breaks the tie.
            let at = t0() + Duration::minutes(i / 2);
            ids.push(
                s.create_news(a, u, &news(&format!("Lajm {i}")), &ctx(Some(a), at))
                    .await
                    .expect("news"),
            );
        }
        let mut pages = Vec::new();
        for page in 0..3 {
            pages.extend(
                s.list_news(a, 10, page * 10)
                    .await
                    .expect("page")
                    .into_iter()
                    .map(|n| NewsId(n.id)),
            );
        }
        ids.reverse();
        assert_eq!(pages, ids, "{}", db.label);
        assert_eq!(s.count_news(a).await.expect("count"), 25);
        // Keyset pages of the audit log do not overlap.
        let first = s.list_audit(a, &AuditFilter::default(), 10).await.expect("audit");
        let before = first.last().map(|r| r.id);
        let second = s
            .list_audit(
                a,
                &AuditFilter {
                    before_id: before,
                    ..Default::default()
                },
                10,
            )
            .await
            .expect("audit");
        assert!(second.iter().all(|r| Some(r.id) < before), "{}", db.label);
        db.cleanup().await;
    }
}

#[tokio::test]
async fn rate_buckets_count_per_window() {
    for db in TestDb::all().await.expect("databases") {
        let s = &db.store;
        let w = Duration::minutes(15);
        for expected in 1..=3 {
            assert_eq!(
                s.rate_hit("login:1:a", w, t0()).await.expect("hit"),
                expected,
                "{}",
                db.label
            );
        }
        assert_eq!(
            s.rate_peek("login:1:a", w, t0() + Duration::minutes(1))
                .await
                .expect("peek"),
            3
        );
        assert_eq!(
            s.rate_hit("login:1:a", w, t0() + Duration::minutes(16))
                .await
                .expect("hit"),
            1,
            "{}: new window",
            db.label
        );
        s.rate_reset("login:1:a").await.expect("reset");
        assert_eq!(
            s.rate_peek("login:1:a", w, t0()).await.expect("peek"),
            0,
            "{}",
            db.label
        );
        db.cleanup().await;
    }
}

#[tokio::test]
async fn both_migration_folders_give_the_same_schema() {
    let Some(pg) = TestDb::postgres().await.expect("postgres") else {
        return;
    };
    let lite = TestDb::sqlite().await.expect("sqlite");
    let lite_cols = lite.store.schema_columns().await.expect("sqlite schema");
    let pg_cols = pg.store.schema_columns().await.expect("postgres schema");
    assert_eq!(lite_cols, pg_cols);
    assert!(lite_cols.len() > 50);
    lite.cleanup().await;
    pg.cleanup().await;
}

#[tokio::test]
async fn unselected_applications_are_erased_after_the_retention_period() {
    use domain::{
        ApplicationId,
        open_call::{ApplicantType, ApplicationStatus, reference},
    };
    use store::{ApplicationInput, CallInput, CriterionInput, NewApplication};
    let _ = reference("X", 2026, 1);
    for db in TestDb::all().await.expect("databases") {
        let s = &db.store;
        let a = tenant(s, "elbasan", true).await;
        let coordinator = user(s, a, "k@example.org", &[Role::Coordinator]).await;
        let c = AuditCtx {
            actor: Some(coordinator),
            ..ctx(Some(a), t0())
        };
        let input = CallInput {
            title_sq: "Thirrje".into(),
            title_en: String::new(),
            summary_sq: "P".into(),
            summary_en: String::new(),
            body_sq: String::new(),
            body_en: String::new(),
            eligibility_sq: String::new(),
            eligibility_en: String::new(),
            requirements_sq: String::new(),
            requirements_en: String::new(),
            allow_cso: true,
            allow_informal: true,
            allow_citizen: true,
            places: None,
            opens_at: t0(),
            closes_at: t0() + Duration::days(10),
            contact_email: "k@example.org".into(),
        };
        let criterion = CriterionInput {
            name_sq: "K".into(),
            name_en: String::new(),
            description_sq: String::new(),
            description_en: String::new(),
            weight: 1,
        };
        let call = s.create_call(a, &input, &[criterion], "ELB", &c).await.expect("call");
        s.publish_call(a, call, &c).await.expect("publish");
        let mut apps = Vec::new();
        for email in ["p1@example.org", "p2@example.org"] {
            let applicant = user(s, a, email, &[]).await;
            let new = NewApplication {
                call,
                applicant,
                applicant_type: ApplicantType::Citizen,
                org_id: None,
                size_band: String::new(),
                lang: "sq".into(),
            };
            let id = s.start_application(a, &new, &c).await.expect("application");
            let filled = ApplicationInput {
                description: "Përshkrim".into(),
                statement: "Deklaratë".into(),
                contact_name: "Emri".into(),
                contact_phone: "+355 69 1".into(),
                fields: "youth".into(),
                ..Default::default()
            };
            s.save_application(a, id, &filled, &[], &c).await.expect("save");
            s.submit_application(a, id, 2026, |_| Vec::new(), &c)
                .await
                .expect("submit");
            apps.push(id);
        }
        s.decide(a, call, &[apps[0]], ApplicationStatus::Selected, "Po", &c)
            .await
            .expect("select");
        s.decide(a, call, &[apps[1]], ApplicationStatus::Declined, "Jo", &c)
            .await
            .expect("decline");
        s.publish_outcome(a, call, &[], &c).await.expect("publish outcome");
        // Not yet: the retention period (365 days by default) runs from the outcome.
        assert_eq!(
            s.purge_unselected(t0() + Duration::days(300)).await.expect("purge"),
            0,
            "{}",
            db.label
        );
        assert_eq!(
            s.purge_unselected(t0() + Duration::days(400)).await.expect("purge"),
            1,
            "{}",
            db.label
        );
        let declined = s
            .application(a, ApplicationId(apps[1].0))
            .await
            .expect("read")
            .expect("kept");
        assert!(
            declined.contact_phone.is_empty() && declined.statement.is_empty(),
            "{}",
            db.label
        );
        assert_eq!(declined.fields, "youth", "statistics keep what they need");
        let selected = s.application(a, apps[0]).await.expect("read").expect("kept");
        assert_eq!(
            selected.contact_phone, "+355 69 1",
            "{}: the selected keep theirs",
            db.label
        );
        assert_eq!(
            s.purge_unselected(t0() + Duration::days(500)).await.expect("purge"),
            0,
            "erased once"
        );
        db.cleanup().await;
    }
}
