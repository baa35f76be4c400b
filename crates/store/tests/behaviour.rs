#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose
//! The behaviour suite of the store: the same tests, unchanged, on SQLite and (when
//! `BASHKE_TEST_POSTGRES_URL` is set) PostgreSQL.

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, Duration, TimeZone, Utc};
use domain::{
    ApplicationId, CallId, Email, Lang, NewsId, Role, TenantId, UserId,
    open_call::{ApplicantType, ApplicationStatus, weighted_average},
};
use store::{
    ApplicationInput, AuditCtx, AuditFilter, CallInput, CriterionInput, NewApplication, NewFile, NewMail, NewTenant,
    NewToken, NewsInput, OrgInput, PhaseInput, RankFilter, RankedRow, SchemaTable, ScoreInput, Store, StoreError,
    TenantSettings, TokenPurpose, WorkRow, mail_about_application, testing::TestDb,
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
        attachment: None,
    }
}

/// The stored codes of the audit actions whose code starts with `prefix`.
fn codes(prefix: &str) -> Vec<&'static str> {
    domain::common::audit::ALL
        .iter()
        .map(|(_, code, _)| *code)
        .filter(|code| code.starts_with(prefix))
        .collect()
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
                    actions: codes("user."),
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
        assert!(s.grant_role(a, other, Role::Reviewer, None, &c).await.expect("grant"));
        assert!(
            !s.grant_role(a, other, Role::Reviewer, None, &c)
                .await
                .expect("grant twice changes nothing")
        );
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
                    actions: vec!["news.update"],
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
                    actions: vec!["news_"],
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
                    after_entry: before,
                    ..Default::default()
                },
                10,
            )
            .await
            .expect("audit");
        assert!(
            second.iter().all(|r| first.iter().all(|f| f.id != r.id)),
            "{}: pages overlap",
            db.label
        );
        assert_eq!(second.len(), 10, "{}", db.label);
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

/// What the two migration folders may still disagree on, each a real difference found when the
/// comparison learnt types, nullability and indexes; not a rule. Fixing one needs a new
/// migration; then its line goes, and the test insists that it does.
const KNOWN_SCHEMA_DIFFERENCES: &[&str] = &[];

/// Every way the two descriptions differ, one line each; empty when they agree.
fn schema_differences(lite: &[SchemaTable], pg: &[SchemaTable]) -> Vec<String> {
    let lite: BTreeMap<&str, &SchemaTable> = lite.iter().map(|t| (t.name.as_str(), t)).collect();
    let pg: BTreeMap<&str, &SchemaTable> = pg.iter().map(|t| (t.name.as_str(), t)).collect();
    let mut out = Vec::new();
    for name in lite.keys().chain(pg.keys()).collect::<std::collections::BTreeSet<_>>() {
        let (Some(l), Some(p)) = (lite.get(name), pg.get(name)) else {
            let only = if lite.contains_key(name) { "sqlite" } else { "postgres" };
            out.push(format!("{name}: table on {only} only"));
            continue;
        };
        let l_cols: BTreeMap<&str, _> = l.columns.iter().map(|c| (c.name.as_str(), c)).collect();
        let p_cols: BTreeMap<&str, _> = p.columns.iter().map(|c| (c.name.as_str(), c)).collect();
        for (col, lc) in &l_cols {
            let Some(pc) = p_cols.get(col) else {
                out.push(format!("{name}.{col}: column on sqlite only"));
                continue;
            };
            if lc.type_class != pc.type_class {
                out.push(format!(
                    "{name}.{col}: type {} ({}) on sqlite, {} ({}) on postgres",
                    lc.type_class, lc.declared_type, pc.type_class, pc.declared_type
                ));
            }
            if lc.not_null != pc.not_null {
                let on = if lc.not_null { "sqlite" } else { "postgres" };
                out.push(format!("{name}.{col}: NOT NULL on {on} only"));
            }
        }
        for col in p_cols.keys().filter(|c| !l_cols.contains_key(*c)) {
            out.push(format!("{name}.{col}: column on postgres only"));
        }
        let order = |t: &SchemaTable, other: &BTreeMap<&str, _>| -> Vec<String> {
            t.columns
                .iter()
                .filter(|c| other.contains_key(c.name.as_str()))
                .map(|c| c.name.clone())
                .collect()
        };
        let (l_order, p_order) = (order(l, &p_cols), order(p, &l_cols));
        if l_order != p_order {
            out.push(format!(
                "{name}: column order {l_order:?} on sqlite, {p_order:?} on postgres"
            ));
        }
        if l.primary_key != p.primary_key {
            out.push(format!(
                "{name}: primary key {:?} on sqlite, {:?} on postgres",
                l.primary_key, p.primary_key
            ));
        }
        if l.unique_keys != p.unique_keys {
            out.push(format!(
                "{name}: unique keys {:?} on sqlite, {:?} on postgres",
                l.unique_keys, p.unique_keys
            ));
        }
        let l_ix: BTreeMap<&str, _> = l.indexes.iter().map(|i| (i.name.as_str(), i)).collect();
        let p_ix: BTreeMap<&str, _> = p.indexes.iter().map(|i| (i.name.as_str(), i)).collect();
        for ix in l_ix
            .keys()
            .chain(p_ix.keys())
            .collect::<std::collections::BTreeSet<_>>()
        {
            match (l_ix.get(ix), p_ix.get(ix)) {
                (Some(a), Some(b)) if a != b => {
                    out.push(format!("{name}: index {ix} is {a:?} on sqlite, {b:?} on postgres"))
                }
                (Some(_), None) => out.push(format!("{name}: index {ix} on sqlite only")),
                (None, Some(_)) => out.push(format!("{name}: index {ix} on postgres only")),
                _ => {}
            }
        }
    }
    out
}

/// The two migration folders must build the same schema: per table the columns in order with
/// their type class and nullability, the primary key, the unique constraints (as column lists)
/// and the named indexes with their uniqueness and key columns. `Store::schema_columns`
/// documents how the dialects are made comparable; the second half of the test changes both
/// databases the way a careless migration would and checks that each change is reported.
#[tokio::test]
async fn both_migration_folders_give_the_same_schema() {
    if std::env::var_os("BASHKE_TEST_POSTGRES_URL").is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but BASHKE_TEST_POSTGRES_URL is not: the schema comparison needs PostgreSQL \
             (.ci/run starts one and sets BASHKE_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres)"
        );
        eprintln!("both_migration_folders_give_the_same_schema: no PostgreSQL configured, nothing compared");
        return;
    }
    let pg = TestDb::postgres().await.expect("postgres").expect("configured");
    let lite = TestDb::sqlite().await.expect("sqlite");
    let lite_schema = lite.store.schema_columns().await.expect("sqlite schema");
    let pg_schema = pg.store.schema_columns().await.expect("postgres schema");
    assert!(lite_schema.len() >= 20, "{lite_schema:#?}");
    assert!(lite_schema.iter().map(|t| t.columns.len()).sum::<usize>() > 150);
    assert!(lite_schema.iter().map(|t| t.indexes.len()).sum::<usize>() >= 15);
    let mut known: Vec<String> = KNOWN_SCHEMA_DIFFERENCES.iter().map(|d| d.to_string()).collect();
    known.sort();
    assert_eq!(
        schema_differences(&lite_schema, &pg_schema),
        known,
        "the migration folders disagree (or a known difference was fixed: remove it from the list)"
    );
    // Both dialects store a timestamp as `text` for the comparison (SQLite cannot say more), so
    // PostgreSQL is asked on its own: by convention `*_at` is a moment, `*_on` a day.
    for t in &pg_schema {
        for c in &t.columns {
            if c.name.ends_with("_at") {
                assert_eq!(c.declared_type, "timestamp with time zone", "{}.{}", t.name, c.name);
            }
            if c.name.ends_with("_on") {
                assert_eq!(c.declared_type, "date", "{}.{}", t.name, c.name);
            }
        }
    }

    // What the comparison catches: each change below is one a migration could make on one side
    // only, and each must come out as its own line.
    for sql in [
        "DROP INDEX ix_outbox__about",
        "ALTER TABLE calls ADD COLUMN budget REAL",
        "CREATE INDEX ix_files__sha ON files (sha256)",
    ] {
        lite.execute(sql).await.expect(sql);
    }
    for sql in [
        "ALTER TABLE audit_log ALTER COLUMN request_id SET NOT NULL",
        "ALTER TABLE reviews ALTER COLUMN weighted_avg TYPE NUMERIC",
        "ALTER TABLE files ALTER COLUMN content TYPE TEXT",
        "DROP INDEX ix_calls__tenant",
        "CREATE INDEX ix_calls__tenant ON calls (tenant_id, closes_at, status)",
        "DROP INDEX ix_sessions__user",
        "CREATE UNIQUE INDEX ix_sessions__user ON sessions (user_id)",
        "ALTER TABLE news_items DROP CONSTRAINT news_items_pkey",
        "ALTER TABLE users DROP CONSTRAINT uq_users__email",
        "ALTER TABLE users ADD CONSTRAINT uq_users__email UNIQUE (email)",
        "ALTER TABLE tenants ADD COLUMN budget DOUBLE PRECISION",
        // Dropped and added again: the same column, now after `next_ref` instead of before.
        "ALTER TABLE tenants DROP COLUMN admin_units",
        "ALTER TABLE tenants ADD COLUMN admin_units TEXT NOT NULL DEFAULT ''",
    ] {
        pg.execute(sql).await.expect(sql);
    }
    let lite_schema = lite.store.schema_columns().await.expect("sqlite schema");
    let pg_schema = pg.store.schema_columns().await.expect("postgres schema");
    let found = schema_differences(&lite_schema, &pg_schema);
    for expected in [
        "outbox: index ix_outbox__about on postgres only",
        "calls.budget: column on sqlite only",
        "files: index ix_files__sha on sqlite only",
        "audit_log.request_id: NOT NULL on postgres only",
        "reviews.weighted_avg: type real (REAL) on sqlite, pg:numeric (numeric) on postgres",
        "files.content: type bytes (BLOB) on sqlite, text (text) on postgres",
        "calls: index ix_calls__tenant is",
        "sessions: index ix_sessions__user is",
        "news_items: primary key [\"id\"] on sqlite, [] on postgres",
        "users: unique keys [[\"tenant_id\", \"email\"]] on sqlite, [[\"email\"]] on postgres",
        "tenants.budget: column on postgres only",
        "tenants: column order",
    ] {
        assert!(
            found.iter().any(|d| d.starts_with(expected)),
            "not reported: {expected}\nfound: {found:#?}"
        );
    }
    assert_eq!(found.len(), KNOWN_SCHEMA_DIFFERENCES.len() + 12, "{found:#?}");
    lite.cleanup().await;
    pg.cleanup().await;
}

// --- the open call ------------------------------------------------------------------------

fn call_input(title: &str, closes_in_days: i64) -> CallInput {
    CallInput {
        title_sq: title.into(),
        title_en: String::new(),
        summary_sq: "Përmbledhje".into(),
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
        places: Some(12),
        opens_at: t0(),
        closes_at: t0() + Duration::days(closes_in_days),
        contact_email: "ogp@elbasan.example".into(),
    }
}

fn criterion(name: &str, weight: i64) -> CriterionInput {
    CriterionInput {
        name_sq: name.into(),
        name_en: String::new(),
        description_sq: format!("Si vlerësohet: {name}"),
        description_en: String::new(),
        weight,
    }
}

/// A published call of `tenant` with the given criteria.
async fn open_call(s: &Store, tenant: TenantId, prefix: &str, criteria: &[CriterionInput]) -> CallId {
    let c = ctx(Some(tenant), t0());
    let call = s
        .create_call(tenant, &call_input("Thirrje", 10), criteria, prefix, &c)
        .await
        .expect("call");
    s.publish_call(tenant, call, &c).await.expect("publish");
    call
}

/// A citizen's draft for `call`.
async fn draft(s: &Store, tenant: TenantId, call: CallId, applicant: UserId) -> ApplicationId {
    let new = NewApplication {
        call,
        applicant,
        applicant_type: ApplicantType::Citizen,
        org_id: None,
        size_band: String::new(),
        lang: "sq".into(),
    };
    s.start_application(tenant, &new, &ctx(Some(tenant), t0()))
        .await
        .expect("application")
}

fn filled(phone: &str) -> ApplicationInput {
    ApplicationInput {
        description: "Çështja e ujit në Shushicë".into(),
        statement: "Dua të kontribuoj".into(),
        fields: "environment,youth".into(),
        areas: "shushice".into(),
        contact_name: "Drita Hoxha".into(),
        contact_phone: phone.into(),
        size_band: String::new(),
        consent_privacy: true,
        consent_listing: true,
    }
}

fn work(title: &str) -> WorkRow {
    WorkRow {
        title: title.into(),
        year: Some(2024),
        role: "koordinatore".into(),
        description: "Pastrimi i lumit".into(),
        link: String::new(),
    }
}

/// A submitted application of a new citizen `email`, with its reference.
async fn submitted(s: &Store, tenant: TenantId, call: CallId, email: &str) -> (UserId, ApplicationId, String) {
    let applicant = user(s, tenant, email, &[]).await;
    let app = draft(s, tenant, call, applicant).await;
    let c = ctx(Some(tenant), t0());
    s.save_application(tenant, app, &filled("+355 69 000 0000"), &[], &c)
        .await
        .expect("save");
    let reference = s
        .submit_application(tenant, app, 2026, |_| Vec::new(), &c)
        .await
        .expect("submit");
    (applicant, app, reference)
}

fn is_conflict(err: &StoreError, expected: &str) -> bool {
    matches!(err, StoreError::Conflict { field } if field == expected)
}

#[tokio::test]
async fn calls_keep_their_criteria_and_are_published_once() {
    for db in TestDb::all().await.expect("databases") {
        let s = &db.store;
        let a = tenant(s, "elbasan", true).await;
        let b = tenant(s, "tirana", false).await;
        let c = ctx(Some(a), t0());
        let criteria = [
            criterion("Ndikimi", 3),
            criterion("Përvoja", 1),
            criterion("Buxheti", 2),
        ];
        let early = s
            .create_call(a, &call_input("Thirrja e parë", 10), &criteria, "ELB", &c)
            .await
            .expect("call");
        let late = s
            .create_call(a, &call_input("Thirrja e dytë", 20), &[], "ELB", &c)
            .await
            .expect("call");
        let row = s.call(a, early).await.expect("read").expect("exists");
        assert_eq!(
            (
                row.status.as_str(),
                row.title_sq.as_str(),
                row.ref_prefix.as_str(),
                row.places
            ),
            ("draft", "Thirrja e parë", "ELB", Some(12)),
            "{}",
            db.label
        );
        assert!(row.published_at.is_none() && !row.is_published(), "{}", db.label);
        assert_eq!(row.closes_at, t0() + Duration::days(10), "{}", db.label);
        // Drafts are for staff only; the newest closing date comes first.
        assert!(s.list_calls(a, false).await.expect("list").is_empty(), "{}", db.label);
        let ids: Vec<i64> = s
            .list_calls(a, true)
            .await
            .expect("list")
            .iter()
            .map(|c| c.id)
            .collect();
        assert_eq!(ids, vec![late.0, early.0], "{}", db.label);
        // Criteria keep the order they were given in, with their weights.
        let got = s.criteria(a, early).await.expect("criteria");
        assert_eq!(
            got.iter()
                .map(|c| (c.position, c.name_sq.as_str(), c.weight))
                .collect::<Vec<_>>(),
            vec![(0, "Ndikimi", 3), (1, "Përvoja", 1), (2, "Buxheti", 2)],
            "{}",
            db.label
        );
        assert!(s.criteria(a, late).await.expect("criteria").is_empty(), "{}", db.label);

        let published_at = t0() + Duration::hours(1);
        s.publish_call(a, early, &ctx(Some(a), published_at))
            .await
            .expect("publish");
        let err = s
            .publish_call(a, early, &ctx(Some(a), published_at + Duration::hours(1)))
            .await
            .expect_err("published already");
        assert!(is_conflict(&err, "status"), "{}: {err:?}", db.label);
        let row = s.call(a, early).await.expect("read").expect("exists");
        assert!(row.is_published(), "{}", db.label);
        assert_eq!(
            row.published_at,
            Some(published_at),
            "{}: the second click changed nothing",
            db.label
        );
        let public: Vec<i64> = s
            .list_calls(a, false)
            .await
            .expect("list")
            .iter()
            .map(|c| c.id)
            .collect();
        assert_eq!(public, vec![early.0], "{}", db.label);
        let publications = s
            .audit_about(a, "call", early.0)
            .await
            .expect("audit")
            .into_iter()
            .filter(|r| r.action == "call.publish")
            .count();
        assert_eq!(publications, 1, "{}", db.label);

        // Another municipality sees none of it and cannot publish it.
        assert!(s.call(b, early).await.expect("read").is_none(), "{}", db.label);
        assert!(s.list_calls(b, true).await.expect("list").is_empty(), "{}", db.label);
        assert!(s.criteria(b, early).await.expect("criteria").is_empty(), "{}", db.label);
        let err = s.publish_call(b, late, &ctx(Some(b), t0())).await.expect_err("not b's");
        assert!(matches!(err, StoreError::NotFound), "{}: {err:?}", db.label);
        assert_eq!(
            s.call(a, late).await.expect("read").expect("exists").status,
            "draft",
            "{}",
            db.label
        );
        db.cleanup().await;
    }
}

#[tokio::test]
async fn applications_are_numbered_per_municipality_across_calls() {
    for db in TestDb::all().await.expect("databases") {
        let s = &db.store;
        let a = tenant(s, "elbasan", true).await;
        let b = tenant(s, "tirana", false).await;
        let c = ctx(Some(a), t0());
        // Two calls of one municipality with the same prefix, and a third elsewhere.
        let first_call = open_call(s, a, "ELB", &[]).await;
        let second_call = open_call(s, a, "ELB", &[]).await;
        let call_b = open_call(s, b, "ELB", &[]).await;
        let p1 = user(s, a, "p1@example.org", &[]).await;
        let pb = user(s, b, "pb@example.org", &[]).await;

        let app1 = draft(s, a, first_call, p1).await;
        let err = s
            .start_application(
                a,
                &NewApplication {
                    call: first_call,
                    applicant: p1,
                    applicant_type: ApplicantType::Citizen,
                    org_id: None,
                    size_band: String::new(),
                    lang: "en".into(),
                },
                &c,
            )
            .await
            .expect_err("one application per citizen per call");
        assert!(is_conflict(&err, "applicant_key"), "{}: {err:?}", db.label);
        let err = s
            .start_application(
                b,
                &NewApplication {
                    call: first_call,
                    applicant: pb,
                    applicant_type: ApplicantType::Citizen,
                    org_id: None,
                    size_band: String::new(),
                    lang: "sq".into(),
                },
                &ctx(Some(b), t0()),
            )
            .await
            .expect_err("not b's call");
        assert!(matches!(err, StoreError::NotFound), "{}: {err:?}", db.label);

        // Saving replaces the texts and the list of previous works.
        s.save_application(a, app1, &filled("+355 69 111 1111"), &[work("Një"), work("Dy")], &c)
            .await
            .expect("save");
        s.save_application(a, app1, &filled("+355 69 222 2222"), &[work("Tre")], &c)
            .await
            .expect("save again");
        assert_eq!(
            s.application_works(a, app1).await.expect("works"),
            vec![work("Tre")],
            "{}",
            db.label
        );
        let row = s.application(a, app1).await.expect("read").expect("exists");
        assert_eq!(row.contact_phone, "+355 69 222 2222", "{}", db.label);
        assert_eq!(row.status, ApplicationStatus::Draft, "{}", db.label);
        assert!(row.reference.is_none(), "{}", db.label);

        let app2 = draft(s, a, second_call, p1).await;
        let app_b = draft(s, b, call_b, pb).await;
        let confirmation = |reference: &str| {
            vec![NewMail {
                body_text: format!("Numri juaj: {reference}"),
                ..mail("p1@example.org")
            }]
        };
        let r1 = s
            .submit_application(a, app1, 2026, confirmation, &c)
            .await
            .expect("submit");
        let r2 = s
            .submit_application(a, app2, 2026, confirmation, &c)
            .await
            .expect("submit");
        let rb = s
            .submit_application(b, app_b, 2026, |_| Vec::new(), &ctx(Some(b), t0()))
            .await
            .expect("submit");
        assert_eq!(
            (r1.as_str(), r2.as_str(), rb.as_str()),
            ("ELB-2026-0001", "ELB-2026-0002", "ELB-2026-0001"),
            "{}: one counter per municipality, shared by its calls",
            db.label
        );
        // A double click: a conflict that changes nothing, queues nothing, uses no number.
        let err = s
            .submit_application(a, app1, 2026, confirmation, &c)
            .await
            .expect_err("submitted already");
        assert!(is_conflict(&err, "status"), "{}: {err:?}", db.label);
        let bodies: Vec<String> = s
            .list_outbox(a, None, 10)
            .await
            .expect("outbox")
            .into_iter()
            .map(|m| m.body_text)
            .collect();
        assert_eq!(
            bodies,
            vec!["Numri juaj: ELB-2026-0002", "Numri juaj: ELB-2026-0001"],
            "{}",
            db.label
        );
        let row = s.application(a, app1).await.expect("read").expect("exists");
        assert_eq!(row.reference.as_deref(), Some("ELB-2026-0001"), "{}", db.label);
        assert_eq!(row.status, ApplicationStatus::Submitted, "{}", db.label);
        assert_eq!(row.submitted_at, Some(t0()), "{}", db.label);
        let err = s
            .save_application(a, app1, &filled("+355 69 333 3333"), &[], &c)
            .await
            .expect_err("submitted applications are not edited");
        assert!(is_conflict(&err, "status"), "{}: {err:?}", db.label);
        assert_eq!(
            s.application(a, app1)
                .await
                .expect("read")
                .expect("exists")
                .contact_phone,
            "+355 69 222 2222",
            "{}",
            db.label
        );
        let (p3, app3, r3) = submitted(s, a, first_call, "p3@example.org").await;
        assert_eq!(r3, "ELB-2026-0003", "{}", db.label);

        // Withdrawal, once.
        s.withdraw_application(a, app3, &ctx(Some(a), t0() + Duration::hours(2)))
            .await
            .expect("withdraw");
        let row = s.application(a, app3).await.expect("read").expect("exists");
        assert_eq!(row.status, ApplicationStatus::Withdrawn, "{}", db.label);
        assert_eq!(row.withdrawn_at, Some(t0() + Duration::hours(2)), "{}", db.label);
        let err = s
            .withdraw_application(a, app3, &c)
            .await
            .expect_err("withdrawn already");
        assert!(is_conflict(&err, "status"), "{}: {err:?}", db.label);
        let p4 = user(s, a, "p4@example.org", &[]).await;
        draft(s, a, first_call, p4).await;

        // A person's applications, newest first; only in their municipality.
        let mine: Vec<i64> = s
            .applications_of(a, p1)
            .await
            .expect("mine")
            .iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(mine, vec![app2.0, app1.0], "{}", db.label);
        assert_eq!(s.applications_of(a, p3).await.expect("mine").len(), 1, "{}", db.label);
        assert!(s.applications_of(b, p1).await.expect("mine").is_empty(), "{}", db.label);
        assert!(s.application(b, app1).await.expect("read").is_none(), "{}", db.label);
        let counts: Vec<(ApplicationStatus, i64)> = s
            .application_counts(a, first_call)
            .await
            .expect("counts")
            .into_iter()
            .map(|c| (c.status, c.count))
            .collect();
        assert_eq!(
            counts,
            vec![
                (ApplicationStatus::Draft, 1),
                (ApplicationStatus::Submitted, 1),
                (ApplicationStatus::Withdrawn, 1)
            ],
            "{}",
            db.label
        );
        assert!(
            s.application_counts(b, first_call).await.expect("counts").is_empty(),
            "{}",
            db.label
        );
        db.cleanup().await;
    }
}

#[tokio::test]
async fn an_unknown_status_in_the_database_fails_loudly() {
    for db in TestDb::all().await.expect("databases") {
        let s = &db.store;
        let a = tenant(s, "elbasan", true).await;
        let call = open_call(s, a, "ELB", &[]).await;
        let (applicant, app, _) = submitted(s, a, call, "p1@example.org").await;
        assert!(s.application(a, app).await.expect("readable before").is_some());
        assert_eq!(
            db.execute("UPDATE applications SET status = 'mystery'")
                .await
                .expect("raw update"),
            1,
            "{}",
            db.label
        );
        let err = s
            .application(a, app)
            .await
            .expect_err("no default for an unknown status");
        // The message names the column. (It cannot name the value yet: sqlx 0.9.0's `try_from`
        // derive drops the `UnknownValue` and says "unprintable error".)
        assert!(err.to_string().contains("column status"), "{}: {err}", db.label);
        s.applications_of(a, applicant).await.expect_err("list");
        s.application_counts(a, call).await.expect_err("counts");
        s.ranked_applications(a, call, &RankFilter::default(), 50, 0)
            .await
            .expect_err("ranked");
        let err = s
            .decide(a, call, &[app], ApplicationStatus::Selected, "Po", &ctx(Some(a), t0()))
            .await
            .expect_err("no decision on an unknown status");
        assert!(matches!(err, StoreError::Unknown(_)), "{}: {err:?}", db.label);
        db.cleanup().await;
    }
}

fn ranked_ids(rows: &[RankedRow]) -> Vec<i64> {
    rows.iter().map(|r| r.id).collect()
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[tokio::test]
async fn reviews_make_the_ranked_table() {
    for db in TestDb::all().await.expect("databases") {
        let s = &db.store;
        let a = tenant(s, "elbasan", true).await;
        let b = tenant(s, "tirana", false).await;
        let c = ctx(Some(a), t0());
        let call = open_call(s, a, "ELB", &[criterion("Ndikimi", 2), criterion("Përvoja", 1)]).await;
        let crit: Vec<i64> = s
            .criteria(a, call)
            .await
            .expect("criteria")
            .iter()
            .map(|c| c.id)
            .collect();
        let scores = |first: i64, second: i64, comment: &str| {
            vec![
                ScoreInput {
                    criterion_id: crit[0],
                    score: first,
                    comment: comment.into(),
                },
                ScoreInput {
                    criterion_id: crit[1],
                    score: second,
                    comment: String::new(),
                },
            ]
        };
        let avg = |first: u8, second: u8| weighted_average(&[(first, 2), (second, 1)]);
        let (_, x, _) = submitted(s, a, call, "x@example.org").await;
        let (_, y, _) = submitted(s, a, call, "y@example.org").await;
        let (_, z, _) = submitted(s, a, call, "z@example.org").await;
        let (_, gone, _) = submitted(s, a, call, "gone@example.org").await;
        s.withdraw_application(a, gone, &c).await.expect("withdraw");
        let w_user = user(s, a, "w@example.org", &[]).await;
        let w = draft(s, a, call, w_user).await;
        let r1 = user(s, a, "r1@example.org", &[Role::Reviewer]).await;
        let r2 = user(s, a, "r2@example.org", &[Role::Reviewer]).await;
        let r3 = user(s, a, "r3@example.org", &[Role::Reviewer]).await;

        // Assignment covers the submitted applications only, once.
        assert_eq!(s.assign_reviewer_to_call(a, call, r1, &c).await.expect("assign"), 3);
        assert_eq!(s.assign_reviewer_to_call(a, call, r1, &c).await.expect("again"), 0);
        assert_eq!(s.assign_reviewer_to_call(a, call, r2, &c).await.expect("assign"), 3);
        s.assign_reviewer(a, x, r3, &c).await.expect("assign one");
        s.assign_reviewer(a, z, r3, &c).await.expect("assign one");
        assert!(s.is_assigned(a, x, r3).await.expect("assigned"), "{}", db.label);
        assert!(!s.is_assigned(a, y, r3).await.expect("assigned"), "{}", db.label);
        assert!(
            !s.is_assigned(a, w, r1).await.expect("assigned"),
            "{}: a draft",
            db.label
        );
        assert!(
            !s.is_assigned(a, gone, r1).await.expect("assigned"),
            "{}: withdrawn",
            db.label
        );

        // A saved draft counts for nothing; submission stores the weighted average.
        s.save_review(a, x, r1, &scores(2, 2, "E paplotë"), None, &c)
            .await
            .expect("draft review");
        let drafts = s.reviews_of(a, x).await.expect("reviews");
        assert_eq!(drafts.len(), 1, "{}", db.label);
        assert!(
            drafts[0].weighted_avg.is_none() && drafts[0].submitted_at.is_none(),
            "{}",
            db.label
        );
        let rows = s
            .ranked_applications(a, call, &RankFilter::default(), 50, 0)
            .await
            .expect("ranked");
        let row_x = rows.iter().find(|r| r.id == x.0).expect("x ranked");
        assert!(
            row_x.mean.is_none() && row_x.reviews_done == 0,
            "{}: {row_x:?}",
            db.label
        );
        s.save_review(a, x, r1, &scores(5, 2, "Ide e qartë"), avg(5, 2), &c)
            .await
            .expect("submit review");
        let err = s
            .save_review(a, x, r1, &scores(1, 1, "Ndryshim"), avg(1, 1), &c)
            .await
            .expect_err("submitted reviews do not change");
        assert!(is_conflict(&err, "review"), "{}: {err:?}", db.label);
        let reviews = s.reviews_of(a, x).await.expect("reviews");
        assert!(close(reviews[0].weighted_avg, 4.0), "{}: {reviews:?}", db.label);
        assert_eq!(reviews[0].submitted_at, Some(t0()), "{}", db.label);
        let comments: Vec<(i64, String)> = s
            .scores_of(a, x)
            .await
            .expect("scores")
            .into_iter()
            .map(|s| (s.score, s.comment))
            .collect();
        assert_eq!(
            comments,
            vec![(5, "Ide e qartë".to_owned()), (2, String::new())],
            "{}",
            db.label
        );
        s.save_review(a, x, r2, &scores(3, 3, ""), avg(3, 3), &c)
            .await
            .expect("submit review");
        s.save_review(a, y, r1, &scores(5, 5, ""), avg(5, 5), &c)
            .await
            .expect("submit review");
        s.save_review(a, y, r2, &scores(3, 5, ""), avg(3, 5), &c)
            .await
            .expect("submit review");

        // Conflicts: declared instead of a review, or in place of a draft (whose scores go).
        s.declare_conflict(a, x, r3, "Kushëri i aplikuesit", &c)
            .await
            .expect("conflict");
        let err = s
            .save_review(a, x, r3, &scores(5, 5, ""), avg(5, 5), &c)
            .await
            .expect_err("no scores after a conflict");
        assert!(is_conflict(&err, "review"), "{}: {err:?}", db.label);
        let err = s
            .declare_conflict(a, y, r1, "Vonë", &c)
            .await
            .expect_err("the review is submitted");
        assert!(is_conflict(&err, "review"), "{}: {err:?}", db.label);
        s.save_review(a, z, r3, &scores(1, 1, "Skicë"), None, &c)
            .await
            .expect("draft");
        s.declare_conflict(a, z, r3, "Punojmë bashkë", &c)
            .await
            .expect("conflict on a draft");
        assert!(s.scores_of(a, z).await.expect("scores").is_empty(), "{}", db.label);
        let z_reviews = s.reviews_of(a, z).await.expect("reviews");
        assert!(
            z_reviews.len() == 1 && z_reviews[0].conflict && z_reviews[0].conflict_note == "Punojmë bashkë",
            "{}: {z_reviews:?}",
            db.label
        );

        // Best mean first, unreviewed last; drafts and withdrawn applications are not ranked.
        let rows = s
            .ranked_applications(a, call, &RankFilter::default(), 50, 0)
            .await
            .expect("ranked");
        assert_eq!(ranked_ids(&rows), vec![y.0, x.0, z.0], "{}: {rows:?}", db.label);
        let (ry, rx, rz) = (&rows[0], &rows[1], &rows[2]);
        let y_mean = (5.0 + 11.0 / 3.0) / 2.0;
        assert!(
            close(ry.mean, y_mean) && close(ry.spread, 5.0 - 11.0 / 3.0),
            "{}: {ry:?}",
            db.label
        );
        assert_eq!((ry.reviews_done, ry.assigned, ry.conflicts), (2, 2, 0), "{}", db.label);
        assert!(close(rx.mean, 3.5) && close(rx.spread, 1.0), "{}: {rx:?}", db.label);
        assert_eq!((rx.reviews_done, rx.assigned, rx.conflicts), (2, 3, 1), "{}", db.label);
        assert!(rz.mean.is_none() && rz.spread.is_none(), "{}: {rz:?}", db.label);
        assert_eq!((rz.reviews_done, rz.assigned, rz.conflicts), (0, 3, 1), "{}", db.label);
        assert_eq!(rx.status, ApplicationStatus::Submitted, "{}", db.label);
        let page = s
            .ranked_applications(a, call, &RankFilter::default(), 1, 1)
            .await
            .expect("page");
        assert_eq!(ranked_ids(&page), vec![x.0], "{}", db.label);
        let by_field = s
            .ranked_applications(
                a,
                call,
                &RankFilter {
                    field: Some("youth".into()),
                    ..Default::default()
                },
                50,
                0,
            )
            .await
            .expect("filtered");
        assert_eq!(by_field.len(), 3, "{}", db.label);
        let by_part_of_a_field = s
            .ranked_applications(
                a,
                call,
                &RankFilter {
                    field: Some("yout".into()),
                    ..Default::default()
                },
                50,
                0,
            )
            .await
            .expect("filtered");
        assert!(by_part_of_a_field.is_empty(), "{}", db.label);
        // By status, in ranking order still; a status nobody is in gives nothing.
        let submitted = s
            .ranked_applications(
                a,
                call,
                &RankFilter {
                    status: Some("submitted".into()),
                    ..Default::default()
                },
                50,
                0,
            )
            .await
            .expect("by status");
        assert_eq!(ranked_ids(&submitted), ranked_ids(&rows), "{}", db.label);
        let shortlisted = s
            .ranked_applications(
                a,
                call,
                &RankFilter {
                    status: Some("shortlisted".into()),
                    ..Default::default()
                },
                50,
                0,
            )
            .await
            .expect("by status");
        assert!(shortlisted.is_empty(), "{}", db.label);

        // Another municipality sees none of it.
        assert!(
            s.ranked_applications(b, call, &RankFilter::default(), 50, 0)
                .await
                .expect("ranked")
                .is_empty(),
            "{}",
            db.label
        );
        assert!(s.reviews_of(b, x).await.expect("reviews").is_empty(), "{}", db.label);
        assert!(s.scores_of(b, x).await.expect("scores").is_empty(), "{}", db.label);
        assert!(!s.is_assigned(b, x, r1).await.expect("assigned"), "{}", db.label);
        let rb = user(s, b, "rb@example.org", &[Role::Reviewer]).await;
        assert_eq!(
            s.assign_reviewer_to_call(b, call, rb, &ctx(Some(b), t0()))
                .await
                .expect("assign"),
            0,
            "{}",
            db.label
        );
        s.assign_reviewer(b, x, rb, &ctx(Some(b), t0())).await.expect("no-op");
        assert!(!s.is_assigned(a, x, rb).await.expect("assigned"), "{}", db.label);
        db.cleanup().await;
    }
}

#[tokio::test]
async fn decisions_are_all_or_nothing_until_the_outcome_is_published() {
    for db in TestDb::all().await.expect("databases") {
        let s = &db.store;
        let a = tenant(s, "elbasan", true).await;
        let b = tenant(s, "tirana", false).await;
        let c = ctx(Some(a), t0());
        let call = open_call(s, a, "ELB", &[]).await;
        let other_call = open_call(s, a, "ELB", &[]).await;
        let (_, first, _) = submitted(s, a, call, "p1@example.org").await;
        let (_, second, _) = submitted(s, a, call, "p2@example.org").await;
        let (_, later, _) = submitted(s, a, call, "p3@example.org").await;
        let (_, elsewhere, _) = submitted(s, a, other_call, "p4@example.org").await;
        let drafter = user(s, a, "p5@example.org", &[]).await;
        let a_draft = draft(s, a, call, drafter).await;
        let (_, withdrawn, _) = submitted(s, a, call, "p6@example.org").await;
        s.withdraw_application(a, withdrawn, &c).await.expect("withdraw");
        let decisions = |db_apps: Vec<ApplicationId>| async move {
            let mut out = Vec::new();
            for app in db_apps {
                let row = s.application(a, app).await.expect("read").expect("exists");
                out.push((row.status, row.decision_reason));
            }
            out
        };
        let untouched = decisions(vec![first, second]).await;
        assert_eq!(
            untouched,
            vec![
                (ApplicationStatus::Submitted, None),
                (ApplicationStatus::Submitted, None)
            ]
        );

        // One bad id in the list and nothing changes.
        for bad in [a_draft, elsewhere, withdrawn, ApplicationId(999_999)] {
            let err = s
                .decide(a, call, &[first, second, bad], ApplicationStatus::Selected, "Po", &c)
                .await
                .expect_err("one of them cannot be decided");
            assert!(is_conflict(&err, "applications"), "{}: {bad:?}: {err:?}", db.label);
            assert_eq!(decisions(vec![first, second]).await, untouched, "{}: {bad:?}", db.label);
        }
        let decided_rows = s
            .list_audit(
                a,
                &AuditFilter {
                    actions: vec!["application.decide"],
                    ..Default::default()
                },
                50,
            )
            .await
            .expect("audit");
        assert!(decided_rows.is_empty(), "{}: {decided_rows:?}", db.label);
        let err = s
            .decide(
                b,
                call,
                &[first],
                ApplicationStatus::Selected,
                "Po",
                &ctx(Some(b), t0()),
            )
            .await
            .expect_err("not b's call");
        assert!(matches!(err, StoreError::NotFound), "{}: {err:?}", db.label);

        // A valid list changes every application in it; a decision can change until published.
        assert_eq!(
            s.decide(a, call, &[first, second], ApplicationStatus::Selected, "Po", &c)
                .await
                .expect("decide"),
            2
        );
        s.decide(a, call, &[second], ApplicationStatus::Declined, "Jo", &c)
            .await
            .expect("change");
        assert_eq!(
            decisions(vec![first, second]).await,
            vec![
                (ApplicationStatus::Selected, Some("Po".into())),
                (ApplicationStatus::Declined, Some("Jo".into()))
            ],
            "{}",
            db.label
        );
        assert!(
            s.application(a, first).await.expect("read").expect("exists").decided_at == Some(t0()),
            "{}",
            db.label
        );

        // Not while one still waits for a decision: nothing published, handed over or sent.
        let outcome_mails = [
            mail("p1@example.org").about(mail_about_application(first.0)),
            mail("p2@example.org").about(mail_about_application(second.0)),
        ];
        let mails_before = s.list_outbox(a, None, 100).await.expect("outbox").len();
        let err = s
            .publish_outcome(a, call, &outcome_mails, &c)
            .await
            .expect_err("one undecided");
        assert!(is_conflict(&err, "status"), "{}: {err:?}", db.label);
        assert!(
            s.call(a, call)
                .await
                .expect("call")
                .expect("exists")
                .outcome_published_at
                .is_none(),
            "{}",
            db.label
        );
        assert!(s.forum_candidates(a).await.expect("forum").is_empty(), "{}", db.label);
        assert_eq!(
            s.list_outbox(a, None, 100).await.expect("outbox").len(),
            mails_before,
            "{}",
            db.label
        );

        s.decide(a, call, &[later], ApplicationStatus::Waitlisted, "Në pritje", &c)
            .await
            .expect("decide");
        let published_at = t0() + Duration::days(1);
        s.publish_outcome(a, call, &outcome_mails, &ctx(Some(a), published_at))
            .await
            .expect("publish");
        assert_eq!(
            s.call(a, call)
                .await
                .expect("call")
                .expect("exists")
                .outcome_published_at,
            Some(published_at),
            "{}",
            db.label
        );
        let forum: Vec<i64> = s
            .forum_candidates(a)
            .await
            .expect("forum")
            .iter()
            .map(|f| f.application_id)
            .collect();
        assert_eq!(forum, vec![first.0], "{}: only the selected", db.label);
        assert!(s.forum_candidates(b).await.expect("forum").is_empty(), "{}", db.label);
        let queued: Vec<(String, Option<String>)> = s
            .list_outbox(a, None, 100)
            .await
            .expect("outbox")
            .into_iter()
            .take(2)
            .map(|m| (m.recipient, m.about))
            .collect();
        assert_eq!(
            queued,
            vec![
                ("p2@example.org".into(), Some(mail_about_application(second.0))),
                ("p1@example.org".into(), Some(mail_about_application(first.0)))
            ],
            "{}",
            db.label
        );
        assert_eq!(
            s.list_outbox(a, None, 100).await.expect("outbox").len(),
            mails_before + 2,
            "{}",
            db.label
        );

        // Published: no decision changes any more, and it is published once.
        let err = s
            .decide(a, call, &[second], ApplicationStatus::Selected, "Rishikim", &c)
            .await
            .expect_err("published");
        assert!(is_conflict(&err, "outcome"), "{}: {err:?}", db.label);
        assert_eq!(
            decisions(vec![second]).await,
            vec![(ApplicationStatus::Declined, Some("Jo".into()))],
            "{}",
            db.label
        );
        let err = s
            .publish_outcome(a, call, &[], &c)
            .await
            .expect_err("published already");
        assert!(is_conflict(&err, "outcome"), "{}: {err:?}", db.label);
        db.cleanup().await;
    }
}

#[tokio::test]
async fn files_belong_to_drafts_and_to_their_municipality() {
    for db in TestDb::all().await.expect("databases") {
        let s = &db.store;
        let a = tenant(s, "elbasan", true).await;
        let b = tenant(s, "tirana", false).await;
        let c = ctx(Some(a), t0());
        let cb = ctx(Some(b), t0());
        let call = open_call(s, a, "ELB", &[]).await;
        let applicant = user(s, a, "p1@example.org", &[]).await;
        let app = draft(s, a, call, applicant).await;
        let (_, other_app, _) = submitted(s, a, call, "p2@example.org").await;
        let plan: &[u8] = b"%PDF-1.7 plani i veprimit \xc3\xab\x00\xff";
        let file = |name: &'static str, content: &'static [u8]| NewFile {
            filename: name,
            content_type: "application/pdf",
            sha256: "0f1e",
            content,
        };
        let f1 = s
            .attach_file(a, app, &file("plani.pdf", plan), &c)
            .await
            .expect("attach");
        let f2 = s
            .attach_file(a, app, &file("buxheti.pdf", b"%PDF dy"), &c)
            .await
            .expect("attach");
        let (meta, content) = s.application_file(a, app, f1).await.expect("read").expect("exists");
        assert_eq!(content, plan, "{}", db.label);
        assert_eq!(
            (meta.filename.as_str(), meta.size_bytes),
            ("plani.pdf", plan.len() as i64),
            "{}",
            db.label
        );
        let names: Vec<String> = s
            .application_files(a, app)
            .await
            .expect("files")
            .into_iter()
            .map(|f| f.filename)
            .collect();
        assert_eq!(names, vec!["plani.pdf", "buxheti.pdf"], "{}", db.label);
        // A file is read through its own application only.
        assert!(
            s.application_file(a, other_app, f1).await.expect("read").is_none(),
            "{}",
            db.label
        );

        s.remove_file(a, app, f2, &c).await.expect("remove");
        assert!(
            s.application_file(a, app, f2).await.expect("read").is_none(),
            "{}",
            db.label
        );
        assert_eq!(
            db.scalar(&format!("SELECT COUNT(*) FROM files WHERE id = {f2}"))
                .await
                .expect("count"),
            0,
            "{}: the content went too",
            db.label
        );
        let err = s.remove_file(a, app, f2, &c).await.expect_err("gone");
        assert!(matches!(err, StoreError::NotFound), "{}: {err:?}", db.label);

        // Another municipality can neither read, add nor remove.
        assert!(
            s.application_file(b, app, f1).await.expect("read").is_none(),
            "{}",
            db.label
        );
        assert!(
            s.application_files(b, app).await.expect("files").is_empty(),
            "{}",
            db.label
        );
        let err = s
            .attach_file(b, app, &file("x.pdf", b"x"), &cb)
            .await
            .expect_err("not b's");
        assert!(matches!(err, StoreError::NotFound), "{}: {err:?}", db.label);
        let err = s.remove_file(b, app, f1, &cb).await.expect_err("not b's");
        assert!(matches!(err, StoreError::NotFound), "{}: {err:?}", db.label);
        assert!(
            s.application_file(a, app, f1).await.expect("read").is_some(),
            "{}",
            db.label
        );

        // Submitted: the attachments are frozen.
        s.submit_application(a, app, 2026, |_| Vec::new(), &c)
            .await
            .expect("submit");
        let err = s
            .attach_file(a, app, &file("vonë.pdf", b"x"), &c)
            .await
            .expect_err("submitted");
        assert!(is_conflict(&err, "status"), "{}: {err:?}", db.label);
        let err = s.remove_file(a, app, f1, &c).await.expect_err("submitted");
        assert!(is_conflict(&err, "status"), "{}: {err:?}", db.label);
        assert_eq!(
            s.application_files(a, app).await.expect("files").len(),
            1,
            "{}",
            db.label
        );
        let zip: Vec<(i64, i64)> = s
            .call_attachments(a, call)
            .await
            .expect("attachments")
            .iter()
            .map(|r| (r.application_id, r.file_id))
            .collect();
        assert_eq!(zip, vec![(app.0, f1)], "{}", db.label);
        assert!(
            s.call_attachments(b, call).await.expect("attachments").is_empty(),
            "{}",
            db.label
        );

        // The documents of a call.
        let d1 = s
            .attach_call_document(a, call, &file("termat.pdf", b"%PDF termat"), &c)
            .await
            .expect("document");
        let d2 = s
            .attach_call_document(a, call, &file("formulari.pdf", b"%PDF formulari"), &c)
            .await
            .expect("document");
        let docs: Vec<i64> = s
            .call_documents(a, call)
            .await
            .expect("docs")
            .iter()
            .map(|d| d.id)
            .collect();
        assert_eq!(docs, vec![d1, d2], "{}", db.label);
        let (_, content) = s.call_document(a, call, d1).await.expect("read").expect("exists");
        assert_eq!(content, b"%PDF termat", "{}", db.label);
        assert!(
            s.call_documents(b, call).await.expect("docs").is_empty(),
            "{}",
            db.label
        );
        assert!(
            s.call_document(b, call, d1).await.expect("read").is_none(),
            "{}",
            db.label
        );
        let err = s
            .attach_call_document(b, call, &file("x.pdf", b"x"), &cb)
            .await
            .expect_err("not b's");
        assert!(matches!(err, StoreError::NotFound), "{}: {err:?}", db.label);
        let err = s.remove_call_document(b, call, d1, &cb).await.expect_err("not b's");
        assert!(matches!(err, StoreError::NotFound), "{}: {err:?}", db.label);
        s.remove_call_document(a, call, d1, &c).await.expect("remove");
        let docs: Vec<i64> = s
            .call_documents(a, call)
            .await
            .expect("docs")
            .iter()
            .map(|d| d.id)
            .collect();
        assert_eq!(docs, vec![d2], "{}", db.label);
        assert_eq!(
            db.scalar(&format!("SELECT COUNT(*) FROM files WHERE id = {d1}"))
                .await
                .expect("count"),
            0,
            "{}",
            db.label
        );
        db.cleanup().await;
    }
}

#[tokio::test]
async fn retention_erases_every_copy_of_an_unselected_application() {
    for db in TestDb::all().await.expect("databases") {
        let s = &db.store;
        let a = tenant(s, "elbasan", true).await;
        let c = ctx(Some(a), t0());
        let call = open_call(s, a, "ELB", &[criterion("Ndikimi", 1)]).await;
        let crit = s.criteria(a, call).await.expect("criteria")[0].id;
        let r1 = user(s, a, "r1@example.org", &[Role::Reviewer]).await;
        let r2 = user(s, a, "r2@example.org", &[Role::Reviewer]).await;
        let people = [
            ("p1@example.org", "+355 69 111 1111"),
            ("p2@example.org", "+355 69 222 2222"),
        ];
        let mut apps = Vec::new();
        let mut files = Vec::new();
        for (email, phone) in people {
            let applicant = user(s, a, email, &[]).await;
            let app = draft(s, a, call, applicant).await;
            s.save_application(a, app, &filled(phone), &[work("Pastrimi i lumit")], &c)
                .await
                .expect("save");
            let file = NewFile {
                filename: "cv.pdf",
                content_type: "application/pdf",
                sha256: "aa",
                content: phone.as_bytes(),
            };
            files.push(s.attach_file(a, app, &file, &c).await.expect("attach"));
            s.submit_application(a, app, 2026, |_| Vec::new(), &c)
                .await
                .expect("submit");
            apps.push(app);
        }
        let (selected, declined) = (apps[0], apps[1]);
        s.assign_reviewer_to_call(a, call, r1, &c).await.expect("assign");
        s.assign_reviewer_to_call(a, call, r2, &c).await.expect("assign");
        for (i, app) in apps.iter().enumerate() {
            let comment = ScoreInput {
                criterion_id: crit,
                score: 4,
                comment: format!("Aplikuesi {i} njihet në lagje"),
            };
            s.save_review(a, *app, r1, &[comment], Some(4.0), &c)
                .await
                .expect("review");
            s.declare_conflict(a, *app, r2, &format!("Fqinji im {i}"), &c)
                .await
                .expect("conflict");
            s.enqueue_mail(
                Some(a),
                &NewMail {
                    body_text: format!("Aplikimi {i}: {}", people[i].1),
                    ..mail(people[i].0)
                }
                .about(mail_about_application(app.0)),
                t0(),
            )
            .await
            .expect("mail about the application");
        }
        // A message about the account itself is not the application's to erase.
        s.enqueue_mail(Some(a), &mail("p2@example.org"), t0())
            .await
            .expect("account mail");

        // The log says which fields a save filled, never what they hold.
        let audit = s.list_audit(a, &AuditFilter::default(), 500).await.expect("audit");
        for (_, phone) in people {
            assert!(
                audit
                    .iter()
                    .all(|r| !r.before_json.as_deref().unwrap_or("").contains(phone)
                        && !r.after_json.as_deref().unwrap_or("").contains(phone)
                        && !r.after_json.as_deref().unwrap_or("").contains("Drita Hoxha")),
                "{}: {audit:?}",
                db.label
            );
        }
        let saves: Vec<String> = s
            .audit_about(a, "application", declined.0)
            .await
            .expect("audit")
            .into_iter()
            .filter(|r| r.action == "application.save")
            .filter_map(|r| r.after_json)
            .collect();
        assert!(
            saves.len() == 1 && saves[0].contains("contact_phone"),
            "{}: {saves:?}",
            db.label
        );

        s.decide(a, call, &[selected], ApplicationStatus::Selected, "Projekt i fortë", &c)
            .await
            .expect("select");
        s.decide(a, call, &[declined], ApplicationStatus::Declined, "Jashtë fushës", &c)
            .await
            .expect("decline");
        s.publish_outcome(a, call, &[], &c).await.expect("publish outcome");

        // Within the retention period (365 days by default, from the outcome) nothing goes.
        assert_eq!(
            s.purge_unselected(t0() + Duration::days(300)).await.expect("purge"),
            0,
            "{}",
            db.label
        );
        let kept = s.application(a, declined).await.expect("read").expect("exists");
        assert_eq!(kept.contact_phone, "+355 69 222 2222", "{}", db.label);
        assert_eq!(s.application_works(a, declined).await.expect("works").len(), 1);
        assert!(s.application_file(a, declined, files[1]).await.expect("file").is_some());

        assert_eq!(
            s.purge_unselected(t0() + Duration::days(400)).await.expect("purge"),
            1,
            "{}",
            db.label
        );
        let outbox = s.list_outbox(a, None, 100).await.expect("outbox");
        let about = |app: ApplicationId| {
            outbox
                .iter()
                .find(|m| m.about == Some(mail_about_application(app.0)))
                .expect("the tagged mail")
        };

        // The declined: every copy gone, on every table it was copied to.
        let gone = s.application(a, declined).await.expect("read").expect("the row stays");
        assert!(
            gone.description.is_empty()
                && gone.statement.is_empty()
                && gone.contact_name.is_empty()
                && gone.contact_phone.is_empty()
                && gone.decision_reason.is_none(),
            "{}: {gone:?}",
            db.label
        );
        assert_eq!(
            (gone.status, gone.fields.as_str(), gone.areas.as_str()),
            (ApplicationStatus::Declined, "environment,youth", "shushice"),
            "{}: the statistics keep what they count",
            db.label
        );
        assert!(
            s.application_works(a, declined).await.expect("works").is_empty(),
            "{}",
            db.label
        );
        assert!(
            s.application_files(a, declined).await.expect("files").is_empty(),
            "{}",
            db.label
        );
        assert!(
            s.application_file(a, declined, files[1]).await.expect("file").is_none(),
            "{}",
            db.label
        );
        assert_eq!(
            db.scalar(&format!("SELECT COUNT(*) FROM files WHERE id = {}", files[1]))
                .await
                .expect("count"),
            0,
            "{}: the content itself",
            db.label
        );
        let scores = s.scores_of(a, declined).await.expect("scores");
        assert!(
            !scores.is_empty() && scores.iter().all(|s| s.comment.is_empty()),
            "{}: {scores:?}",
            db.label
        );
        let reviews = s.reviews_of(a, declined).await.expect("reviews");
        assert!(
            reviews.len() == 2 && reviews.iter().all(|r| r.conflict_note.is_empty()),
            "{}: {reviews:?}",
            db.label
        );
        let entries = s.audit_about(a, "application", declined.0).await.expect("audit");
        let (erase, others): (Vec<_>, Vec<_>) = entries.into_iter().partition(|r| r.action == "application.erase");
        assert!(
            others.len() >= 6,
            "{}: save, attach, submit, reviews, decision…",
            db.label
        );
        assert!(
            others.iter().all(|r| r.before_json.is_none() && r.after_json.is_none()),
            "{}: {others:?}",
            db.label
        );
        assert_eq!(erase.len(), 1, "{}", db.label);
        assert!(
            erase[0].after_json.as_deref().unwrap_or("").contains("\"files\":1"),
            "{}: {erase:?}",
            db.label
        );
        let mail_of_declined = about(declined);
        assert!(
            mail_of_declined.recipient.is_empty() && mail_of_declined.body_text.is_empty(),
            "{}: {mail_of_declined:?}",
            db.label
        );
        let account_mail: Vec<String> = s
            .mail_to(a, "p2@example.org")
            .await
            .expect("mail")
            .into_iter()
            .map(|m| m.body_text)
            .collect();
        assert_eq!(account_mail, vec!["Përshëndetje"], "{}", db.label);

        // The selected keep everything.
        let kept = s.application(a, selected).await.expect("read").expect("exists");
        assert_eq!(
            (
                kept.description.as_str(),
                kept.statement.as_str(),
                kept.contact_name.as_str(),
                kept.contact_phone.as_str(),
                kept.decision_reason.as_deref()
            ),
            (
                "Çështja e ujit në Shushicë",
                "Dua të kontribuoj",
                "Drita Hoxha",
                "+355 69 111 1111",
                Some("Projekt i fortë")
            ),
            "{}",
            db.label
        );
        assert_eq!(
            s.application_works(a, selected).await.expect("works").len(),
            1,
            "{}",
            db.label
        );
        let (_, content) = s
            .application_file(a, selected, files[0])
            .await
            .expect("file")
            .expect("kept");
        assert_eq!(content, b"+355 69 111 1111", "{}", db.label);
        assert!(
            s.scores_of(a, selected)
                .await
                .expect("scores")
                .iter()
                .all(|s| s.comment == "Aplikuesi 0 njihet në lagje"),
            "{}",
            db.label
        );
        assert!(
            s.reviews_of(a, selected)
                .await
                .expect("reviews")
                .iter()
                .any(|r| r.conflict_note == "Fqinji im 0"),
            "{}",
            db.label
        );
        let entries = s.audit_about(a, "application", selected.0).await.expect("audit");
        assert!(
            entries.iter().all(|r| r.action != "application.erase")
                && entries
                    .iter()
                    .filter(|r| r.action == "application.save")
                    .all(|r| r.after_json.is_some()),
            "{}: {entries:?}",
            db.label
        );
        let mail_of_selected = about(selected);
        assert_eq!(
            (mail_of_selected.recipient.as_str(), mail_of_selected.body_text.as_str()),
            ("p1@example.org", "Aplikimi 0: +355 69 111 1111"),
            "{}",
            db.label
        );

        assert_eq!(
            s.purge_unselected(t0() + Duration::days(500)).await.expect("purge"),
            0,
            "{}: erased once",
            db.label
        );
        db.cleanup().await;
    }
}

/// The forum on both databases: one forum per cycle, one seat per person, an answer link that
/// works once and grants the role, meetings invisible to another tenant, publication with its
/// invitations and e-mails in one step, a reminder claimed once, decisions numbered in order and
/// locked once the minutes are published, and the decisions log searched without accents.
#[tokio::test]
async fn the_forum_keeps_its_rules_on_both_databases() {
    use domain::forum::{MeetingKind, Rsvp, Sector, Visibility};
    use store::{DecisionInput, MeetingInput, NewInvitation, NewMember, forum::minutes};

    for db in TestDb::all().await.expect("databases") {
        let s = &db.store;
        let a = tenant(s, "elbasan", true).await;
        let b = tenant(s, "tirana", false).await;
        let c = ctx(Some(a), t0());
        let cycle = s.create_cycle(a, "Cikli", "Cycle", &[], &c).await.expect("cycle");
        let forum_input = store::ForumInput {
            name_sq: "Forumi".into(),
            name_en: "Forum".into(),
            mandate_sq: String::new(),
            mandate_en: String::new(),
            legal_basis_sq: String::new(),
            legal_basis_en: String::new(),
            legal_number: String::new(),
            legal_date: None,
            call_id: None,
        };
        let forum = s.create_forum(a, cycle, &forum_input, &c).await.expect("forum");
        assert!(
            matches!(
                s.create_forum(a, cycle, &forum_input, &c).await,
                Err(StoreError::Conflict { .. })
            ),
            "{}: a second forum for the cycle",
            db.label
        );
        assert!(s.forum(b, forum).await.expect("read").is_none(), "{}", db.label);

        let member = user(s, a, "anetari@example.org", &[]).await;
        let seat = NewMember {
            user_id: member.0,
            candidate_id: None,
            sector: Sector::Cso,
            org_id: None,
            organisation: "Shoqata".into(),
            pos_key: "member".into(),
            responsibilities: "Ndjek takimet.".into(),
            starts_on: t0().date_naive(),
            ends_on: None,
            substitute_user_id: None,
        };
        s.add_member(a, forum, &seat, "hash-seat", Some(&mail("anetari@example.org")), &c)
            .await
            .expect("seat");
        let twice = s.add_member(a, forum, &seat, "hash-seat-2", None, &c).await;
        assert!(
            matches!(twice, Err(StoreError::Conflict { .. })),
            "{}: {twice:?}",
            db.label
        );
        assert!(s.accepted_members(a, forum).await.expect("members").is_empty());
        // The link works once, in its own tenant only, and accepting grants the role.
        assert!(
            s.answer_membership(b, "hash-seat", true, &c)
                .await
                .expect("answer")
                .is_none()
        );
        assert!(
            s.answer_membership(a, "hash-seat", true, &c)
                .await
                .expect("answer")
                .is_some()
        );
        assert!(
            s.answer_membership(a, "hash-seat", false, &c)
                .await
                .expect("answer")
                .is_none()
        );
        assert!(s.roles_of(a, member).await.expect("roles").contains(Role::ForumMember));
        assert_eq!(
            s.accepted_members(a, forum).await.expect("members").len(),
            1,
            "{}",
            db.label
        );

        let starts_at = t0() + Duration::days(10);
        let meeting = s
            .create_meeting(
                a,
                forum,
                &MeetingInput {
                    kind: MeetingKind::FirstMeeting,
                    title_sq: "Takimi i parë".into(),
                    title_en: String::new(),
                    description_sq: String::new(),
                    description_en: String::new(),
                    starts_at,
                    ends_at: starts_at + Duration::hours(2),
                    place: "Salla e Këshillit".into(),
                    address: String::new(),
                    online_url: String::new(),
                    visibility: Visibility::Public,
                },
                "uid-1@bashke",
                &c,
            )
            .await
            .expect("meeting");
        assert!(s.meeting(b, meeting).await.expect("read").is_none(), "{}", db.label);
        let mails_before = s.list_outbox(a, None, 100).await.expect("outbox").len();
        let invitation = NewInvitation {
            user_id: member.0,
            links: vec![
                ("link-yes".into(), Rsvp::Attending),
                ("link-no".into(), Rsvp::NotAttending),
                ("link-maybe".into(), Rsvp::Maybe),
            ],
            mail: Some(mail("anetari@example.org")),
        };
        assert!(
            s.publish_meeting_with_invitations(a, meeting, std::slice::from_ref(&invitation), &c)
                .await
                .expect("publish")
        );
        assert!(
            !s.publish_meeting_with_invitations(a, meeting, &[invitation], &c)
                .await
                .expect("publish again"),
            "{}: published twice",
            db.label
        );
        assert_eq!(
            s.list_outbox(a, None, 100).await.expect("outbox").len(),
            mails_before + 1
        );
        let link = s.answer_link(a, "link-yes").await.expect("link").expect("stored");
        assert_eq!(link.expires_at, starts_at + Duration::hours(2), "{}", db.label);
        assert!(s.answer_link(b, "link-yes").await.expect("link").is_none());
        // The reminder is claimed once, however many instances try.
        let at = starts_at - Duration::hours(20);
        let reminder = mail("anetari@example.org");
        assert!(
            s.claim_reminder(a, meeting, member, &reminder, at)
                .await
                .expect("claim")
        );
        assert!(
            !s.claim_reminder(a, meeting, member, &reminder, at)
                .await
                .expect("claim")
        );
        assert_eq!(
            s.list_outbox(a, None, 100).await.expect("outbox").len(),
            mails_before + 2
        );

        // Decisions are numbered in order; minutes publish only once approved; then they lock.
        for text in ["Miratohet kalendari", "Këshilli Bashkiak njoftohet"] {
            s.add_decision(
                a,
                meeting,
                &DecisionInput {
                    text_sq: text.into(),
                    text_en: String::new(),
                    votes: None,
                },
                &c,
            )
            .await
            .expect("decision")
            .expect("added");
        }
        let numbers: Vec<i64> = s
            .decisions(a, meeting)
            .await
            .expect("decisions")
            .iter()
            .map(|d| d.number)
            .collect();
        assert_eq!(numbers, vec![1, 2], "{}", db.label);
        assert!(
            s.save_minutes(a, meeting, "Procesverbali", "", &c)
                .await
                .expect("minutes")
        );
        assert!(
            !s.publish_minutes(a, meeting, &[], &c).await.expect("publish"),
            "{}: not approved",
            db.label
        );
        assert!(s.approve_minutes(a, meeting, &c).await.expect("approve"));
        assert!(s.publish_minutes(a, meeting, &[], &c).await.expect("publish"));
        let late = s
            .add_decision(
                a,
                meeting,
                &DecisionInput {
                    text_sq: "Vonë".into(),
                    text_en: String::new(),
                    votes: None,
                },
                &c,
            )
            .await
            .expect("decision");
        assert!(late.is_none(), "{}: a decision added to published minutes", db.label);
        let pattern = minutes::like_pattern(&minutes::fold_search("KESHILLI"));
        let found = s.decisions_log(a, false, Some(&pattern), 50, 0).await.expect("log");
        assert_eq!(found.len(), 1, "{}", db.label);
        assert!(s.decisions_log(b, true, None, 50, 0).await.expect("log").is_empty());

        // A seat offered over a month ago can no longer be taken from its link.
        let late_member = user(s, a, "vone@example.org", &[]).await;
        let late_seat = NewMember {
            user_id: late_member.0,
            ..seat.clone()
        };
        s.add_member(a, forum, &late_seat, "hash-late", None, &c)
            .await
            .expect("seat");
        let month_later = ctx(Some(a), t0() + Duration::days(domain::forum::MEMBERSHIP_LINK_DAYS + 1));
        assert!(
            s.answer_membership(a, "hash-late", true, &month_later)
                .await
                .expect("answer")
                .is_none(),
            "{}: an expired seat link",
            db.label
        );
        // The forum-member role is held for a cycle: a new cycle takes it away until the person
        // accepts a seat in the new cycle's forum.
        s.create_cycle(a, "Cikli 2", "Cycle 2", &[], &c).await.expect("cycle");
        assert!(
            !s.roles_of(a, member).await.expect("roles").contains(Role::ForumMember),
            "{}",
            db.label
        );
        db.cleanup().await;
    }
}

// Public input (issue 9): one module per part, the same tests on both databases.
#[path = "behaviour/commitments_drafting.rs"]
mod commitments_drafting;
#[path = "behaviour/commitments_public.rs"]
mod commitments_public;
#[path = "behaviour/input_answers.rs"]
mod input_answers;
#[path = "behaviour/input_discussion.rs"]
mod input_discussion;
#[path = "behaviour/input_submit.rs"]
mod input_submit;
