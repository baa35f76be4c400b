//! The store behaviour of grouping and answers, on both databases: clusters and merges, the
//! proposals kept and replaced, publishing an answer that covers a cluster's members and the
//! inputs merged into them (with their followers told), and the coverage figures.

use chrono::Duration;
use domain::input::{AnswerStatus, ProposalStatus};
use store::{
    NewMail,
    input::{
        answers::{AnswerInput, AnswerTarget},
        load::LoadInput,
        notifications::{FollowerMail, FollowerRow},
        phases::InputPhaseInput,
    },
};

use super::{ctx, t0, tenant};
use store::testing::TestDb;

fn answer(status: AnswerStatus) -> AnswerInput {
    AnswerInput {
        status,
        body_sq: "Arsyetimi".into(),
        body_en: String::new(),
        merged_into_id: None,
        commitment_ref: String::new(),
    }
}

fn follower_mail(input: i64, title: &str, f: &FollowerRow) -> FollowerMail {
    FollowerMail {
        mail: NewMail {
            recipient: f.email.clone(),
            subject: format!("Përgjigje: {title}"),
            body_text: format!("input {input}"),
            lang: f.lang.clone(),
            about: None,
            attachment: None,
        },
        unsubscribe_hash: format!("hash-{input}-{}", f.user_id),
    }
}

#[tokio::test]
async fn answers_cover_cluster_members_and_merged_inputs_on_both_databases() {
    for db in TestDb::all().await.expect("databases") {
        let s = &db.store;
        let a = tenant(s, "elbasan", true).await;
        let b = tenant(s, "tirana", false).await;
        let c = ctx(Some(a), t0());
        let cycle = s.create_cycle(a, "Cikli", "Cycle", &[], &c).await.expect("cycle");
        let phase_input = InputPhaseInput {
            title_sq: "Faza e propozimeve".into(),
            title_en: String::new(),
            questions_sq: String::new(),
            questions_en: String::new(),
            opens_at: t0(),
            closes_at: t0() + Duration::days(30),
            units: String::new(),
            email_only: false,
            themes: vec![("Rrugët".into(), "Roads".into()), ("Rinia".into(), String::new())],
        };
        let phase = s.create_input_phase(a, cycle, &phase_input, &c).await.expect("phase");
        let themes = s.input_themes(a, phase).await.expect("themes");
        let users = s.load_users(a, 5, t0()).await.expect("users");
        let rows: Vec<LoadInput> = (0..5)
            .map(|i| LoadInput {
                kind: "idea",
                title: format!("Ndriçimi i rrugës {i}"),
                body: "Llambat janë fikur.".into(),
                theme_id: Some(themes[usize::from(i >= 3)].id),
                admin_unit: String::new(),
                author_id: users[i].0,
                created_at: t0() + Duration::hours(i as i64),
            })
            .collect();
        let ids = s.load_inputs(a, phase, &rows).await.expect("inputs");

        // Proposals: the open ones are replaced, a rejected set is not proposed again.
        let n = s
            .replace_proposals(a, phase, &[(80, vec![ids[0], ids[1]]), (60, vec![ids[2], ids[3]])], &c)
            .await
            .expect("propose");
        assert_eq!(n, 2, "{}", db.label);
        let open = s.proposals(a, phase, ProposalStatus::Open).await.expect("open");
        assert_eq!(open.len(), 2, "{}", db.label);
        assert!(
            s.proposal(b, open[0].id).await.expect("other tenant").is_none(),
            "{}",
            db.label
        );
        assert!(
            s.reject_proposal(a, open[1].id, &c).await.expect("reject"),
            "{}",
            db.label
        );
        assert!(
            !s.reject_proposal(a, open[1].id, &c).await.expect("again"),
            "{}",
            db.label
        );
        let n = s
            .replace_proposals(a, phase, &[(80, vec![ids[0], ids[1]]), (60, vec![ids[3], ids[2]])], &c)
            .await
            .expect("propose again");
        assert_eq!(n, 1, "{}: the rejected set stays rejected", db.label);
        let open = s.proposals(a, phase, ProposalStatus::Open).await.expect("open");
        let items = s.open_proposal_items(a, phase).await.expect("items");
        assert_eq!(items.len(), 2, "{}", db.label);

        // Accepting with one input unticked keeps it out of the cluster.
        let cluster = s
            .accept_proposal(a, open[0].id, &[ids[0]], "Ndriçimi", "Lighting", &c)
            .await
            .expect("accept")
            .expect("open proposal");
        assert!(
            s.accept_proposal(a, open[0].id, &[ids[0]], "X", "", &c)
                .await
                .expect("twice")
                .is_none(),
            "{}",
            db.label
        );
        assert!(
            s.update_cluster(a, cluster, "Ndriçimi publik", "", &[ids[0], ids[1]], &c)
                .await
                .expect("edit"),
            "{}",
            db.label
        );
        assert!(
            !s.update_cluster(b, cluster, "X", "", &[], &c).await.expect("other"),
            "{}",
            db.label
        );
        let members: Vec<i64> = s
            .cluster_members(a, cluster)
            .await
            .expect("members")
            .iter()
            .map(|m| m.id)
            .collect();
        assert_eq!(members, vec![ids[0], ids[1]], "{}", db.label);
        assert_eq!(
            s.cluster(a, cluster).await.expect("c").expect("c").member_count,
            2,
            "{}",
            db.label
        );

        // A duplicate merged into a member; merging into itself or across tenants is refused.
        assert!(
            s.merge_input(a, ids[2], ids[1], &c).await.expect("merge"),
            "{}",
            db.label
        );
        assert!(
            !s.merge_input(a, ids[3], ids[3], &c).await.expect("self"),
            "{}",
            db.label
        );
        assert!(
            !s.merge_input(b, ids[3], ids[1], &c).await.expect("tenant"),
            "{}",
            db.label
        );
        assert!(
            !s.merge_input(a, ids[3], ids[2], &c).await.expect("into merged"),
            "{}",
            db.label
        );

        let coverage = s.coverage_count(a).await.expect("coverage");
        assert_eq!((coverage.total, coverage.answered), (5, 0), "{}", db.label);

        // A draft covers nothing; publishing covers the members and the merged input.
        let id = s
            .save_answer(a, AnswerTarget::Cluster(cluster), &answer(AnswerStatus::Adopted), &c)
            .await
            .expect("save")
            .expect("cluster");
        assert!(
            s.save_answer(b, AnswerTarget::Cluster(cluster), &answer(AnswerStatus::Adopted), &c)
                .await
                .expect("other tenant")
                .is_none(),
            "{}",
            db.label
        );
        assert_eq!(s.coverage_count(a).await.expect("c").answered, 0, "{}", db.label);
        let later = ctx(Some(a), t0() + Duration::days(2));
        let covered = s.publish_answer(a, id, &follower_mail, &later).await.expect("publish");
        assert_eq!(covered, Some(3), "{}", db.label);
        assert_eq!(
            s.publish_answer(a, id, &follower_mail, &later).await.expect("twice"),
            None,
            "{}",
            db.label
        );
        for input in [ids[0], ids[1], ids[2]] {
            let row = s.grouped_input(a, input).await.expect("input").expect("input");
            assert_eq!(
                row.answer_status(),
                Some(AnswerStatus::Adopted),
                "{}: {input}",
                db.label
            );
            assert_eq!(row.answered_at, Some(t0() + Duration::days(2)), "{}", db.label);
        }
        let outbox = s.list_outbox(a, None, 50).await.expect("outbox");
        assert_eq!(
            outbox.iter().filter(|m| m.subject.starts_with("Përgjigje")).count(),
            3,
            "{}",
            db.label
        );

        // Editing the published answer changes the covered inputs' status, no mail again.
        s.save_answer(
            a,
            AnswerTarget::Cluster(cluster),
            &answer(AnswerStatus::UnderConsideration),
            &c,
        )
        .await
        .expect("edit");
        let row = s.grouped_input(a, ids[2]).await.expect("input").expect("input");
        assert_eq!(
            row.answer_status(),
            Some(AnswerStatus::UnderConsideration),
            "{}",
            db.label
        );

        // An input's own answer; later merging a duplicate into it copies its answer.
        let own = s
            .save_answer(a, AnswerTarget::Input(ids[4]), &answer(AnswerStatus::NotAdopted), &c)
            .await
            .expect("own")
            .expect("input");
        s.publish_answer(a, own, &follower_mail, &later)
            .await
            .expect("publish own");
        assert!(
            s.merge_input(a, ids[3], ids[4], &c).await.expect("merge"),
            "{}",
            db.label
        );
        let row = s.grouped_input(a, ids[3]).await.expect("input").expect("input");
        assert_eq!(row.answer_status(), Some(AnswerStatus::NotAdopted), "{}", db.label);

        let coverage = s.coverage_count(a).await.expect("coverage");
        assert_eq!((coverage.total, coverage.answered), (5, 5), "{}", db.label);
        let by_theme = s.coverage_by_theme(a).await.expect("by theme");
        let figures: Vec<(Option<String>, i64, i64)> = by_theme
            .iter()
            .map(|t| (t.title_sq.clone(), t.total, t.answered))
            .collect();
        assert_eq!(
            figures,
            vec![(Some("Rrugët".into()), 3, 3), (Some("Rinia".into()), 2, 2)],
            "{}",
            db.label
        );
        assert!(s.oldest_unanswered(a).await.expect("oldest").is_none(), "{}", db.label);
        assert_eq!(s.coverage_count(b).await.expect("b").total, 0, "{}", db.label);
        let published = s.published_answers(a, 10).await.expect("published");
        assert_eq!(published.len(), 2, "{}", db.label);
        assert_eq!(published[1].target_title_sq, "Ndriçimi publik", "{}", db.label);

        // The export joins each input to the answer that covers it.
        let export = s.export_inputs_batch(a, 0, 3).await.expect("export");
        assert_eq!(export.len(), 3, "{}", db.label);
        assert_eq!(export[2].answer_sq.as_deref(), Some("Arsyetimi"), "{}", db.label);
        let rest = s.export_inputs_batch(a, export[2].id, 3).await.expect("rest");
        assert_eq!(rest.len(), 2, "{}", db.label);
        assert_eq!(s.newest_inputs(a, 50).await.expect("newest").len(), 5, "{}", db.label);
        db.cleanup().await;
    }
}

/// A phase of `n` inputs by different authors (who follow their own), for the stamp tests.
async fn phase_of(s: &store::Store, a: domain::TenantId, n: usize) -> Vec<i64> {
    let c = ctx(Some(a), t0());
    let cycle = s.create_cycle(a, "Cikli", "Cycle", &[], &c).await.expect("cycle");
    let phase_input = InputPhaseInput {
        title_sq: "Faza".into(),
        title_en: String::new(),
        questions_sq: String::new(),
        questions_en: String::new(),
        opens_at: t0(),
        closes_at: t0() + Duration::days(30),
        units: String::new(),
        email_only: false,
        themes: vec![("Rrugët".into(), "Roads".into())],
    };
    let phase = s.create_input_phase(a, cycle, &phase_input, &c).await.expect("phase");
    let users = s.load_users(a, n, t0()).await.expect("users");
    let rows: Vec<LoadInput> = (0..n)
        .map(|i| LoadInput {
            kind: "idea",
            title: format!("Kontributi {i}"),
            body: "Teksti.".into(),
            theme_id: None,
            admin_unit: String::new(),
            author_id: users[i].0,
            created_at: t0() + Duration::hours(i as i64),
        })
        .collect();
    let ids = s.load_inputs(a, phase, &rows).await.expect("inputs");
    assert_eq!(ids.len(), n);
    ids
}

#[tokio::test]
async fn answer_stamps_follow_cluster_membership_and_merges_on_both_databases() {
    for db in TestDb::all().await.expect("databases") {
        let s = &db.store;
        let a = tenant(s, "elbasan", true).await;
        let c = ctx(Some(a), t0());
        let ids = phase_of(s, a, 6).await;
        let phase = s.grouped_input(a, ids[0]).await.expect("i").expect("i").phase_id;
        let stamp = |input: i64| async move {
            let row = s.grouped_input(a, input).await.expect("input").expect("input");
            (row.answer_status(), row.answered_at)
        };
        let day = |d: i64| Some(t0() + Duration::days(d));

        // A cluster of 0, 1 and 4 answered (published on day 2); 3 has its own answer (day 1).
        let cluster = s
            .create_cluster(a, phase, "Ndriçimi", "", &[ids[0], ids[1], ids[4]], &c)
            .await
            .expect("cluster");
        let own = s
            .save_answer(a, AnswerTarget::Input(ids[3]), &answer(AnswerStatus::NotAdopted), &c)
            .await
            .expect("own")
            .expect("input");
        s.publish_answer(a, own, &follower_mail, &ctx(Some(a), t0() + Duration::days(1)))
            .await
            .expect("publish own")
            .expect("draft");
        let id = s
            .save_answer(a, AnswerTarget::Cluster(cluster), &answer(AnswerStatus::Adopted), &c)
            .await
            .expect("save")
            .expect("cluster");
        s.publish_answer(a, id, &follower_mail, &ctx(Some(a), t0() + Duration::days(2)))
            .await
            .expect("publish")
            .expect("draft");
        assert_eq!(
            stamp(ids[1]).await,
            (Some(AnswerStatus::Adopted), day(2)),
            "{}",
            db.label
        );

        // Edited: 2 joins and takes the cluster's answer, 1 leaves and loses it, 3 joins but
        // keeps its own.
        assert!(
            s.update_cluster(a, cluster, "Ndriçimi", "", &[ids[0], ids[2], ids[3], ids[4]], &c)
                .await
                .expect("edit"),
            "{}",
            db.label
        );
        assert_eq!(
            stamp(ids[2]).await,
            (Some(AnswerStatus::Adopted), day(2)),
            "{}",
            db.label
        );
        assert_eq!(stamp(ids[1]).await, (None, None), "{}", db.label);
        assert_eq!(
            stamp(ids[3]).await,
            (Some(AnswerStatus::NotAdopted), day(1)),
            "{}",
            db.label
        );

        // Merged out of the answered cluster into an unanswered input: no stale stamp.
        assert!(
            s.merge_input(a, ids[4], ids[5], &c).await.expect("merge"),
            "{}",
            db.label
        );
        assert_eq!(stamp(ids[4]).await, (None, None), "{}", db.label);
        // Into an input of the answered cluster: covered by it.
        assert!(
            s.merge_input(a, ids[1], ids[0], &c).await.expect("merge"),
            "{}",
            db.label
        );
        assert_eq!(
            stamp(ids[1]).await,
            (Some(AnswerStatus::Adopted), day(2)),
            "{}",
            db.label
        );
        // The input 4 was merged into joins the cluster: 4 follows it.
        assert!(
            s.update_cluster(a, cluster, "Ndriçimi", "", &[ids[0], ids[2], ids[3], ids[5]], &c)
                .await
                .expect("edit"),
            "{}",
            db.label
        );
        assert_eq!(
            stamp(ids[5]).await,
            (Some(AnswerStatus::Adopted), day(2)),
            "{}",
            db.label
        );
        assert_eq!(
            stamp(ids[4]).await,
            (Some(AnswerStatus::Adopted), day(2)),
            "{}",
            db.label
        );

        // A cluster made of an answered input keeps the input's own answer; accepting a proposal
        // stamps its inputs from the cluster's answer (none yet: the stamp stays the own one).
        let coverage = s.coverage_count(a).await.expect("coverage");
        assert_eq!((coverage.total, coverage.answered), (6, 6), "{}", db.label);
        db.cleanup().await;
    }
}

#[tokio::test]
async fn publishing_the_same_answer_twice_at_once_sends_its_mails_once_on_both_databases() {
    for db in TestDb::all().await.expect("databases") {
        let s = &db.store;
        let a = tenant(s, "elbasan", true).await;
        let ids = phase_of(s, a, 4).await;
        let c = ctx(Some(a), t0());
        for (round, input) in ids.iter().enumerate() {
            let id = s
                .save_answer(a, AnswerTarget::Input(*input), &answer(AnswerStatus::Adopted), &c)
                .await
                .expect("save")
                .expect("input");
            let later = ctx(Some(a), t0() + Duration::days(1));
            let (one, two) = tokio::join!(
                s.publish_answer(a, id, &follower_mail, &later),
                s.publish_answer(a, id, &follower_mail, &later)
            );
            let published = [one.expect("first"), two.expect("second")];
            assert_eq!(
                published.iter().filter(|p| p.is_some()).count(),
                1,
                "{}: round {round}: {published:?}",
                db.label
            );
            let outbox = s.list_outbox(a, None, 100).await.expect("outbox");
            assert_eq!(
                outbox.iter().filter(|m| m.subject.starts_with("Përgjigje")).count(),
                round + 1,
                "{}: round {round}",
                db.label
            );
        }
        db.cleanup().await;
    }
}
