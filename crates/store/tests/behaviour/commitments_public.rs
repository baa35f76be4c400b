//! The store behaviour of the public commitments and the library, on both databases: the public
//! reads never see a draft, a withdrawn commitment or a version that was never public; the
//! list's filters; the library's accent-insensitive search across tenants ("pjesemarrje" finds
//! "pjesëmarrje", "ceshtje" finds "çështje") that reads only public or imported rows; pages that
//! neither overlap nor skip.

use std::collections::HashSet;

use chrono::NaiveDate;
use domain::{
    Role, TenantId, UserId,
    commitments::{CommitmentDocument, CommitmentStatus, OgpValue},
    input::submission::search_words,
};
use store::{
    AuditCtx, Store,
    commitments::{
        drafts::{NewCommitment, SaveOutcome},
        library::LibraryFilter,
        public::PublicFilter,
    },
    testing::TestDb,
};

use super::{ctx, t0, tenant, user};

fn doc(title: &str, brief: &str, value: OgpValue, area: &str) -> CommitmentDocument {
    let mut d = CommitmentDocument {
        title: title.into(),
        values: vec![value],
        policy_areas: vec![area.into()],
        primary_policy_area: Some(area.into()),
        starts_on: NaiveDate::from_ymd_opt(2026, 6, 1),
        ends_on: NaiveDate::from_ymd_opt(2027, 2, 28),
        ..Default::default()
    };
    d.fields.insert("brief_description".into(), brief.into());
    d.fields.insert("lead_institution".into(), "Bashkia".into());
    d
}

async fn setup(s: &Store, slug: &str, prefix: &str) -> (TenantId, i64, UserId, AuditCtx) {
    let t = tenant(s, slug, false).await;
    let author = user(s, t, &format!("drafter@{slug}.example"), &[Role::ForumMember]).await;
    let c = AuditCtx {
        actor: Some(author),
        ..ctx(Some(t), t0())
    };
    let cycle = s.create_cycle(t, "Cikli", "Cycle", &[], &c).await.expect("cycle");
    let mut settings = s.commitment_settings(t).await.expect("settings");
    settings.prefix = prefix.into();
    s.save_commitment_settings(t, &settings, &c).await.expect("prefix");
    (t, cycle, author, c)
}

async fn create(s: &Store, t: TenantId, cycle: i64, author: UserId, c: &AuditCtx, d: CommitmentDocument) -> i64 {
    let (template_id, _) = s.current_template(t).await.expect("template");
    s.create_commitment(
        t,
        &NewCommitment {
            cycle_id: cycle,
            template_id,
            document: d,
            note: "v1".into(),
            source_id: None,
            author,
        },
        c,
    )
    .await
    .expect("create")
}

async fn endorse(s: &Store, t: TenantId, id: i64, c: &AuditCtx) {
    s.set_commitment_status(
        t,
        id,
        CommitmentStatus::Draft,
        CommitmentStatus::ForumEndorsed,
        "Miratuar",
        c,
    )
    .await
    .expect("endorse");
}

fn filter(cycle: i64) -> PublicFilter {
    PublicFilter {
        cycle_id: cycle,
        value: None,
        area: None,
        status: None,
        page: 0,
        limit: 20,
    }
}

fn library(q: &str) -> LibraryFilter {
    LibraryFilter {
        words: search_words(q).expect("words"),
        limit: 20,
        ..Default::default()
    }
}

#[tokio::test]
async fn the_public_reads_only_public_versions_of_public_commitments() {
    for db in TestDb::all().await.expect("databases") {
        let s = &db.store;
        let (t, cycle, author, c) = setup(s, "elbasan", "ALBSN").await;
        let draft = create(
            s,
            t,
            cycle,
            author,
            &c,
            doc("Drafti sekret", "x", OgpValue::CivicParticipation, "open_data"),
        )
        .await;
        let public = create(
            s,
            t,
            cycle,
            author,
            &c,
            doc(
                "Forumi i qytetarëve",
                "pjesëmarrje",
                OgpValue::CivicParticipation,
                "public_participation",
            ),
        )
        .await;
        // Version 2 saved while still a draft: never public, even after endorsement makes the
        // current version (3) public.
        let mut d2 = doc(
            "Forumi i qytetarëve v2",
            "pjesëmarrje",
            OgpValue::CivicParticipation,
            "public_participation",
        );
        assert_eq!(
            s.save_commitment_version(t, public, 1, &d2, "v2", author, &c)
                .await
                .expect("save"),
            SaveOutcome::Saved(2)
        );
        d2.title = "Forumi i qytetarëve v3".into();
        assert_eq!(
            s.save_commitment_version(t, public, 2, &d2, "v3", author, &c)
                .await
                .expect("save"),
            SaveOutcome::Saved(3)
        );
        endorse(s, t, public, &c).await;

        let page = s.public_commitments(t, &filter(cycle)).await.expect("list");
        assert_eq!(page.rows.iter().map(|r| r.id).collect::<Vec<_>>(), vec![public]);
        assert_eq!(page.rows[0].document.title, "Forumi i qytetarëve v3");
        let draft_row = s.commitment(t, draft).await.expect("row").expect("found");
        assert!(s.public_commitment(t, &draft_row.ogp_id).await.expect("read").is_none());
        let pub_row = s.commitment(t, public).await.expect("row").expect("found");
        let shown = s
            .public_commitment(t, &pub_row.ogp_id)
            .await
            .expect("read")
            .expect("public");
        assert_eq!(shown.public_version, 3);
        let versions: Vec<i64> = s
            .public_versions(t, public)
            .await
            .expect("versions")
            .iter()
            .map(|v| v.number)
            .collect();
        assert_eq!(versions, vec![3]);
        assert!(s.public_version_document(t, public, 2).await.expect("read").is_none());
        assert!(s.public_version_document(t, public, 3).await.expect("read").is_some());

        // Another tenant never sees it by its identifier.
        let (other, _, _, _) = setup(s, "tirana", "ALBTR").await;
        assert!(
            s.public_commitment(other, &pub_row.ogp_id)
                .await
                .expect("read")
                .is_none()
        );

        // Withdrawn: gone from the public list and page.
        s.set_commitment_status(
            t,
            public,
            CommitmentStatus::ForumEndorsed,
            CommitmentStatus::Withdrawn,
            "Tërhequr",
            &c,
        )
        .await
        .expect("withdraw");
        assert!(
            s.public_commitments(t, &filter(cycle))
                .await
                .expect("list")
                .rows
                .is_empty()
        );
        assert!(s.public_commitment(t, &pub_row.ogp_id).await.expect("read").is_none());
    }
}

#[tokio::test]
async fn filters_pages_and_the_library_across_tenants() {
    for db in TestDb::all().await.expect("databases") {
        let s = &db.store;
        let (t, cycle, author, c) = setup(s, "elbasan", "ALBSN").await;
        let mut ids = Vec::new();
        for i in 0..5 {
            let (value, area) = if i % 2 == 0 {
                (OgpValue::CivicParticipation, "public_participation")
            } else {
                (OgpValue::AccessToInformation, "open_data")
            };
            let id = create(
                s,
                t,
                cycle,
                author,
                &c,
                doc(
                    &format!("Angazhimi {i} për pjesëmarrje"),
                    "Çështje e qytetit",
                    value,
                    area,
                ),
            )
            .await;
            endorse(s, t, id, &c).await;
            ids.push(id);
        }
        let secret = create(
            s,
            t,
            cycle,
            author,
            &c,
            doc(
                "Pjesëmarrje e fshehtë",
                "çështje",
                OgpValue::CivicParticipation,
                "public_participation",
            ),
        )
        .await;

        let by_value = s
            .public_commitments(
                t,
                &PublicFilter {
                    value: Some(OgpValue::AccessToInformation),
                    ..filter(cycle)
                },
            )
            .await
            .expect("list");
        assert_eq!(by_value.rows.len(), 2);
        let by_area = s
            .public_commitments(
                t,
                &PublicFilter {
                    area: Some("public_participation".into()),
                    ..filter(cycle)
                },
            )
            .await
            .expect("list");
        assert_eq!(by_area.rows.len(), 3);
        let by_status = s
            .public_commitments(
                t,
                &PublicFilter {
                    status: Some(CommitmentStatus::Final),
                    ..filter(cycle)
                },
            )
            .await
            .expect("list");
        assert!(by_status.rows.is_empty());

        // Pages of two: every public commitment once, none twice, none missing.
        let mut seen = Vec::new();
        for page in 0..5 {
            let p = s
                .public_commitments(
                    t,
                    &PublicFilter {
                        page,
                        limit: 2,
                        ..filter(cycle)
                    },
                )
                .await
                .expect("page");
            seen.extend(p.rows.iter().map(|r| r.id));
            if !p.more {
                break;
            }
        }
        assert_eq!(seen, ids);

        // The library from another tenant: accents optional, drafts never.
        let (other, other_cycle, other_author, oc) = setup(s, "tirana", "ALBTR").await;
        let theirs = create(
            s,
            other,
            other_cycle,
            other_author,
            &oc,
            doc(
                "Transparenca e buxhetit",
                "Çështje",
                OgpValue::PublicAccountability,
                "open_data",
            ),
        )
        .await;
        endorse(s, other, theirs, &oc).await;
        let found = s.library_search(&library("pjesemarrje")).await.expect("search");
        let found_ids: HashSet<i64> = found.rows.iter().map(|r| r.id).collect();
        assert_eq!(found_ids, ids.iter().copied().collect::<HashSet<_>>());
        assert!(!found_ids.contains(&secret));
        let ceshtje = s.library_search(&library("ceshtje")).await.expect("search");
        let ceshtje_ids: HashSet<i64> = ceshtje.rows.iter().map(|r| r.id).collect();
        assert!(ceshtje_ids.contains(&theirs) && ceshtje_ids.contains(&ids[0]));
        assert!(!ceshtje_ids.contains(&secret));
        assert!(s.library_entry(secret).await.expect("entry").is_none());
        let entry = s.library_entry(theirs).await.expect("entry").expect("public");
        assert_eq!(entry.document.title, "Transparenca e buxhetit");
        assert_eq!(entry.row.values, vec![OgpValue::PublicAccountability]);
        // Filters of the library.
        let accountable = s
            .library_search(&LibraryFilter {
                value: Some(OgpValue::PublicAccountability),
                limit: 20,
                ..Default::default()
            })
            .await
            .expect("search");
        assert_eq!(accountable.rows.iter().map(|r| r.id).collect::<Vec<_>>(), vec![theirs]);
        // By place: the municipality's locality as OGP writes it, or its country alone.
        let mut settings = s.commitment_settings(other).await.expect("settings");
        settings.ogp_locality = "Tirana, Albania".into();
        s.save_commitment_settings(other, &settings, &oc)
            .await
            .expect("locality");
        for (place, expected) in [
            ("Tirana, Albania", vec![theirs]),
            ("Albania", vec![theirs]),
            ("Kosovo", vec![]),
        ] {
            let found = s
                .library_search(&LibraryFilter {
                    place: Some(place.into()),
                    limit: 20,
                    ..Default::default()
                })
                .await
                .expect("search");
            assert_eq!(found.rows.iter().map(|r| r.id).collect::<Vec<_>>(), expected, "{place}");
        }
        // Words and every filter together; a filter that excludes leaves nothing.
        let all_filters = |area: &str| LibraryFilter {
            value: Some(OgpValue::PublicAccountability),
            area: Some(area.into()),
            place: Some("Albania".into()),
            ..library("ceshtje")
        };
        let found = s.library_search(&all_filters("open_data")).await.expect("search");
        assert_eq!(found.rows.iter().map(|r| r.id).collect::<Vec<_>>(), vec![theirs]);
        let found = s
            .library_search(&all_filters("public_participation"))
            .await
            .expect("search");
        assert!(found.rows.is_empty());
        // Pages of the library: stable and complete.
        let mut all = Vec::new();
        for page in 0..10 {
            let p = s
                .library_search(&LibraryFilter {
                    page,
                    limit: 2,
                    ..library("ceshtje")
                })
                .await
                .expect("page");
            all.extend(p.rows.iter().map(|r| r.id));
            if !p.more {
                break;
            }
        }
        let unique: HashSet<i64> = all.iter().copied().collect();
        assert_eq!(unique.len(), all.len());
        assert_eq!(unique, ceshtje_ids);
    }
}
