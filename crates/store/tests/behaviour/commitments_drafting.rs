//! The store behaviour of drafting commitments, on both databases: identifiers allocated from
//! the tenant's prefix, every save a version, a stale save refused with nothing written, status
//! changes recorded and public versions marked, comments, links to inputs, and tenants kept apart.

use chrono::NaiveDate;
use domain::{
    Role, TenantId, UserId,
    commitments::{CommitmentDocument, CommitmentStatus, OgpValue},
};
use store::{
    AuditCtx, Store, StoreError,
    commitments::{
        comments::NewComment,
        drafts::{NewCommitment, SaveOutcome},
    },
    testing::TestDb,
};

use super::{ctx, t0, tenant, user};

fn doc(title: &str, problem: &str) -> CommitmentDocument {
    let mut d = CommitmentDocument {
        title: title.into(),
        values: vec![OgpValue::CivicParticipation, OgpValue::AccessToInformation],
        policy_areas: vec!["public_participation".into(), "anti_corruption_and_integrity".into()],
        primary_policy_area: Some("public_participation".into()),
        starts_on: NaiveDate::from_ymd_opt(2026, 6, 1),
        ends_on: NaiveDate::from_ymd_opt(2028, 2, 28),
        milestones: vec![domain::commitments::Milestone {
            description: "Vendimi i Këshillit".into(),
            ..Default::default()
        }],
        ..Default::default()
    };
    d.fields.insert("q1_problem".into(), problem.into());
    d.fields.insert("lead_institution".into(), "Bashkia Elbasan".into());
    d
}

/// A tenant with the prefix `ALBSN`, a current cycle, and a drafter.
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

async fn create(s: &Store, t: TenantId, cycle: i64, author: UserId, c: &AuditCtx, title: &str) -> i64 {
    let (template_id, template) = s.current_template(t).await.expect("template");
    assert_eq!(template.version, 1);
    s.create_commitment(
        t,
        &NewCommitment {
            cycle_id: cycle,
            template_id,
            document: doc(title, "Problemi"),
            note: "v1".into(),
            source_id: None,
            author,
        },
        c,
    )
    .await
    .expect("create")
}

#[tokio::test]
async fn identifiers_versions_and_stale_saves() {
    for db in TestDb::all().await.expect("databases") {
        let s = &db.store;
        let (t, cycle, author, c) = setup(s, "elbasan", "ALBSN").await;
        let a = create(s, t, cycle, author, &c, "Forumi i qytetarëve").await;
        let b = create(s, t, cycle, author, &c, "Buxhetimi").await;
        let row_a = s.commitment(t, a).await.expect("read").expect("a");
        let row_b = s.commitment(t, b).await.expect("read").expect("b");
        assert_eq!(row_a.ogp_id, "ALBSN0001", "{}", db.label);
        assert_eq!(row_b.ogp_id, "ALBSN0002", "{}", db.label);
        assert_eq!(row_a.current_version, 1);
        assert_eq!(row_a.status, CommitmentStatus::Draft);
        assert_eq!(row_a.lead_institution, "Bashkia Elbasan");
        assert_eq!(row_a.starts_on, NaiveDate::from_ymd_opt(2026, 6, 1));
        assert_eq!(
            s.commitment_by_ogp_id(t, "ALBSN0002")
                .await
                .expect("read")
                .map(|r| r.id),
            Some(b)
        );

        // Two people open version 1; the first save wins, the second is refused.
        let first = s
            .save_commitment_version(
                t,
                a,
                1,
                &doc("Forumi i qytetarëve", "Problemi i ri"),
                "e dyta",
                author,
                &c,
            )
            .await
            .expect("save");
        assert_eq!(first, SaveOutcome::Saved(2), "{}", db.label);
        let second = s
            .save_commitment_version(t, a, 1, &doc("Titull tjetër", "Tjetër"), "e treta", author, &c)
            .await
            .expect("stale");
        assert_eq!(second, SaveOutcome::Stale { current: 2 }, "{}", db.label);
        let row = s.commitment(t, a).await.expect("read").expect("a");
        assert_eq!(
            row.title, "Forumi i qytetarëve",
            "{}: nothing of the stale save",
            db.label
        );
        assert_eq!(row.current_version, 2);
        let versions = s.commitment_versions(t, a).await.expect("versions");
        assert_eq!(versions.iter().map(|v| v.number).collect::<Vec<_>>(), vec![2, 1]);
        assert_eq!(versions[0].note, "e dyta");
        let v1 = s.commitment_version(t, a, 1).await.expect("v1").expect("v1");
        assert_eq!(v1.document.field("q1_problem"), "Problemi");
        let v2 = s.commitment_version(t, a, 2).await.expect("v2").expect("v2");
        assert_eq!(v2.document.field("q1_problem"), "Problemi i ri");
        assert!(!v2.version.is_public);
        assert_eq!(s.cycle_commitments(t, cycle).await.expect("list").len(), 2);

        // Another tenant reads and saves nothing of this one's.
        let (other, _, other_author, oc) = setup(s, "durres", "ALDUR").await;
        assert!(s.commitment(other, a).await.expect("read").is_none(), "{}", db.label);
        assert!(s.commitment_version(other, a, 1).await.expect("read").is_none());
        assert!(s.commitment_versions(other, a).await.expect("read").is_empty());
        assert!(matches!(
            s.save_commitment_version(other, a, 2, &doc("x", "y"), "", other_author, &oc)
                .await,
            Err(StoreError::NotFound)
        ));
        assert_eq!(s.commitment(t, a).await.expect("read").expect("a").current_version, 2);
    }
}

#[tokio::test]
async fn statuses_are_recorded_and_public_versions_marked() {
    for db in TestDb::all().await.expect("databases") {
        let s = &db.store;
        let (t, cycle, author, c) = setup(s, "elbasan", "ALBSN").await;
        let a = create(s, t, cycle, author, &c, "Forumi").await;
        s.save_commitment_version(t, a, 1, &doc("Forumi", "v2"), "", author, &c)
            .await
            .expect("v2");
        s.set_commitment_status(
            t,
            a,
            CommitmentStatus::Draft,
            CommitmentStatus::ForumEndorsed,
            "Miratuar",
            &c,
        )
        .await
        .expect("endorse");
        // The move from a status it is no longer in is refused.
        assert!(matches!(
            s.set_commitment_status(t, a, CommitmentStatus::Draft, CommitmentStatus::ForumEndorsed, "x", &c)
                .await,
            Err(StoreError::Conflict { .. })
        ));
        let row = s.commitment(t, a).await.expect("read").expect("a");
        assert_eq!(row.status, CommitmentStatus::ForumEndorsed, "{}", db.label);
        assert_eq!(row.public_version, Some(2));
        let versions = s.commitment_versions(t, a).await.expect("versions");
        assert!(versions.iter().find(|v| v.number == 2).expect("v2").is_public);
        assert!(!versions.iter().find(|v| v.number == 1).expect("v1").is_public);
        // A version saved while public is public too.
        assert_eq!(
            s.save_commitment_version(t, a, 2, &doc("Forumi", "v3"), "", author, &c)
                .await
                .expect("v3"),
            SaveOutcome::Saved(3)
        );
        let row = s.commitment(t, a).await.expect("read").expect("a");
        assert_eq!(row.public_version, Some(3), "{}", db.label);
        let changes = s.commitment_status_changes(t, a).await.expect("changes");
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].to_status, CommitmentStatus::ForumEndorsed);
        assert_eq!(changes[0].reason, "Miratuar");
        // Back to draft: the public may read no version of it any more.
        s.set_commitment_status(
            t,
            a,
            CommitmentStatus::ForumEndorsed,
            CommitmentStatus::Draft,
            "Rishikim",
            &c,
        )
        .await
        .expect("back to draft");
        let row = s.commitment(t, a).await.expect("read").expect("a");
        assert_eq!(row.public_version, None, "{}: draft", db.label);
        s.set_commitment_status(
            t,
            a,
            CommitmentStatus::Draft,
            CommitmentStatus::ForumEndorsed,
            "Sërish",
            &c,
        )
        .await
        .expect("endorse again");
        assert_eq!(
            s.commitment(t, a).await.expect("read").expect("a").public_version,
            Some(3),
            "{}",
            db.label
        );
        s.set_commitment_status(
            t,
            a,
            CommitmentStatus::ForumEndorsed,
            CommitmentStatus::Withdrawn,
            "Hequr",
            &c,
        )
        .await
        .expect("withdraw");
        let row = s.commitment(t, a).await.expect("read").expect("a");
        assert_eq!(row.public_version, None, "{}: withdrawn", db.label);
        let audit = s.audit_about(t, "commitment", a).await.expect("audit");
        let save = audit
            .iter()
            .find(|r| r.action == "commitment.save")
            .expect("save audited");
        assert!(
            save.before_json
                .as_deref()
                .is_some_and(|b| b.contains("\"title\":\"Forumi\"")),
            "{}: {:?}",
            db.label,
            save.before_json
        );
        for code in ["commitment.create", "commitment.save", "commitment.status"] {
            assert!(audit.iter().any(|r| r.action == code), "{}: {code}", db.label);
        }
    }
}

#[tokio::test]
async fn comments_answer_one_level_and_resolve() {
    for db in TestDb::all().await.expect("databases") {
        let s = &db.store;
        let (t, cycle, author, c) = setup(s, "elbasan", "ALBSN").await;
        let a = create(s, t, cycle, author, &c, "Forumi").await;
        let comment = |parent: Option<i64>| NewComment {
            version_number: 1,
            field_key: "q1_problem".into(),
            parent_id: parent,
            author,
            body: "Pse?".into(),
        };
        let top = s.add_commitment_comment(t, a, &comment(None), &c).await.expect("top");
        let answer = s
            .add_commitment_comment(t, a, &comment(Some(top)), &c)
            .await
            .expect("answer");
        assert!(matches!(
            s.add_commitment_comment(t, a, &comment(Some(answer)), &c).await,
            Err(StoreError::NotFound)
        ));
        s.resolve_commitment_comment(t, a, top, author, &c)
            .await
            .expect("resolve");
        s.resolve_commitment_comment(t, a, top, author, &c)
            .await
            .expect("twice");
        let all = s.commitment_comments(t, a).await.expect("comments");
        assert_eq!(all.len(), 2, "{}", db.label);
        assert!(all[0].resolved_at.is_some());
        assert!(
            all[1].resolved_at.is_some() && all[1].resolved_by_name.is_some(),
            "{}: the answer is resolved with its thread",
            db.label
        );
        let (other, _, other_author, oc) = setup(s, "durres", "ALDUR").await;
        assert!(s.commitment_comments(other, a).await.expect("read").is_empty());
        assert!(
            s.add_commitment_comment(
                other,
                a,
                &NewComment {
                    author: other_author,
                    ..comment(None)
                },
                &oc
            )
            .await
            .is_err()
        );
    }
}

#[tokio::test]
async fn linking_an_input_points_its_clusters_adopted_answer_at_the_commitment() {
    use domain::input::AnswerStatus;
    use store::input::{
        answers::{AnswerInput, AnswerTarget},
        load::LoadInput,
        phases::InputPhaseInput,
    };
    for db in TestDb::all().await.expect("databases") {
        let s = &db.store;
        let (t, cycle, author, c) = setup(s, "elbasan", "ALBSN").await;
        let a = create(s, t, cycle, author, &c, "Forumi").await;
        let phase = s
            .create_input_phase(
                t,
                cycle,
                &InputPhaseInput {
                    title_sq: "Faza".into(),
                    title_en: String::new(),
                    questions_sq: String::new(),
                    questions_en: String::new(),
                    opens_at: t0(),
                    closes_at: t0() + chrono::Duration::days(30),
                    units: String::new(),
                    email_only: false,
                    themes: vec![],
                },
                &c,
            )
            .await
            .expect("phase");
        let rows: Vec<LoadInput> = (0..3)
            .map(|i| LoadInput {
                kind: "idea",
                title: format!("Ideja {i}"),
                body: "Trupi".into(),
                theme_id: None,
                admin_unit: String::new(),
                author_id: author.0,
                created_at: t0(),
            })
            .collect();
        let ids = s.load_inputs(t, phase, &rows).await.expect("inputs");
        let cluster = s
            .create_cluster(t, phase, "Grupi", "", &[ids[0], ids[1]], &c)
            .await
            .expect("cluster");
        let adopted = |commitment_ref: &str| AnswerInput {
            status: AnswerStatus::Adopted,
            body_sq: "Miratuar".into(),
            body_en: String::new(),
            merged_into_id: None,
            commitment_ref: commitment_ref.into(),
        };
        s.save_answer(t, AnswerTarget::Cluster(cluster), &adopted(""), &c)
            .await
            .expect("cluster answer")
            .expect("cluster");
        // An answer whose author named a commitment keeps it.
        s.save_answer(t, AnswerTarget::Input(ids[2]), &adopted("ALBSN0099"), &c)
            .await
            .expect("input answer")
            .expect("input");
        s.link_commitment_input(t, a, ids[0], &c).await.expect("link member");
        s.link_commitment_input(t, a, ids[2], &c).await.expect("link other");
        let answer = |target| async move {
            s.answer_to(t, target)
                .await
                .expect("answer")
                .expect("exists")
                .commitment_ref
        };
        assert_eq!(
            answer(AnswerTarget::Cluster(cluster)).await,
            "ALBSN0001",
            "{}: the cluster's answer",
            db.label
        );
        assert_eq!(answer(AnswerTarget::Input(ids[2])).await, "ALBSN0099", "{}", db.label);
    }
}

#[tokio::test]
async fn the_plans_current_documents_are_read_at_once_without_withdrawn_ones() {
    for db in TestDb::all().await.expect("databases") {
        let s = &db.store;
        let (t, cycle, author, c) = setup(s, "elbasan", "ALBSN").await;
        let a = create(s, t, cycle, author, &c, "Forumi").await;
        let b = create(s, t, cycle, author, &c, "Buxhetimi").await;
        let gone = create(s, t, cycle, author, &c, "Hequr").await;
        s.save_commitment_version(t, a, 1, &doc("Forumi", "v2"), "", author, &c)
            .await
            .expect("v2");
        s.set_commitment_status(t, gone, CommitmentStatus::Draft, CommitmentStatus::Withdrawn, "Jo", &c)
            .await
            .expect("withdraw");
        let docs = s.cycle_current_documents(t, cycle).await.expect("documents");
        assert_eq!(
            docs.iter().map(|d| d.id).collect::<Vec<_>>(),
            vec![a, b],
            "{}",
            db.label
        );
        assert_eq!(
            docs[0].document.field("q1_problem"),
            "v2",
            "{}: the current version",
            db.label
        );
        assert!(docs.iter().all(|d| d.template_id.is_some()));
        assert_eq!(
            s.commitment_plan(t, cycle).await.expect("plan").commitments,
            2,
            "{}",
            db.label
        );
        let (other, _, _, _) = setup(s, "durres", "ALDUR").await;
        assert!(s.cycle_current_documents(other, cycle).await.expect("other").is_empty());
    }
}
