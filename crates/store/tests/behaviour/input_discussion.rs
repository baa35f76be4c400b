//! The store behaviour of the discussion and moderation of public input, on both databases:
//! counters kept in step with supports and comments (hidden comments not counted), one support
//! per person, followers told at once or by digest (claimed once), one-click unsubscribing, and
//! hidden or withdrawn inputs closed to discussion.

use std::sync::atomic::{AtomicUsize, Ordering};

use domain::{
    Role, TenantId, UserId,
    input::{AppealOutcome, ModerationTarget, NotifyMode},
};
use store::{
    NewMail, Store,
    input::{
        discussion::NewComment,
        notifications::{DigestMail, FollowerMail, FollowerRow},
    },
    testing::TestDb,
};

use super::{ctx, t0, tenant, user};

/// A phase and one published input by `author`, written directly (the submitting part has its
/// own tests); returns the input's id.
async fn input_of(db: &TestDb, t: TenantId, author: UserId) -> i64 {
    let s = &db.store;
    let cycle = s
        .create_cycle(t, "Cikli 2027", "Cycle 2027", &[], &ctx(Some(t), t0()))
        .await
        .expect("cycle");
    let at = "'2026-11-01T09:00:00+00:00'";
    db.execute(&format!(
        "INSERT INTO input_phases (tenant_id, cycle_id, title_sq, opens_at, closes_at, created_at, updated_at)
         VALUES ({}, {cycle}, 'Faza e kontributeve', {at}, {at}, {at}, {at})",
        t.0
    ))
    .await
    .expect("phase");
    let phase = db.scalar("SELECT MAX(id) FROM input_phases").await.expect("phase id");
    db.execute(&format!(
        "INSERT INTO inputs (tenant_id, phase_id, kind, title, body, author_id, created_at, updated_at)
         VALUES ({}, {phase}, 'idea', 'Ndriçim në rrugën e shkollës', 'Rruga është e errët.', {}, {at}, {at})",
        t.0, author.0
    ))
    .await
    .expect("input");
    db.scalar("SELECT MAX(id) FROM inputs").await.expect("input id")
}

async fn counts(db: &TestDb, input: i64) -> (i64, i64) {
    let s = db
        .scalar(&format!("SELECT support_count FROM inputs WHERE id = {input}"))
        .await
        .expect("supports");
    let c = db
        .scalar(&format!("SELECT comment_count FROM inputs WHERE id = {input}"))
        .await
        .expect("comments");
    (s, c)
}

/// A builder of follower e-mails with a distinct unsubscribe hash each time.
fn builder(counter: &AtomicUsize) -> impl Fn(&FollowerRow) -> FollowerMail + Send + Sync + '_ {
    move |f: &FollowerRow| {
        let n = counter.fetch_add(1, Ordering::SeqCst);
        FollowerMail {
            mail: NewMail {
                recipient: f.email.clone(),
                subject: "Koment i ri".into(),
                body_text: "Tekst".into(),
                lang: f.lang.clone(),
                about: None,
                attachment: None,
            },
            unsubscribe_hash: format!("hash-{}-{n}", f.user_id),
        }
    }
}

async fn comment(
    s: &Store,
    t: TenantId,
    input: i64,
    parent: Option<i64>,
    by: UserId,
    counter: &AtomicUsize,
) -> Option<i64> {
    let c = ctx(Some(t), t0());
    s.add_comment(
        t,
        &NewComment {
            input,
            parent,
            author: by,
            body: "Dakord, edhe në lagjen tonë.",
        },
        &builder(counter),
        &c,
    )
    .await
    .expect("comment")
}

#[tokio::test]
async fn counters_follow_supports_and_comments_and_followers_are_told_once() {
    for db in TestDb::all().await.expect("databases") {
        let s = &db.store;
        let a = tenant(s, "elbasan", true).await;
        let author = user(s, a, "autori@example.org", &[]).await;
        let u1 = user(s, a, "qytetari1@example.org", &[]).await;
        let u2 = user(s, a, "qytetari2@example.org", &[]).await;
        let moderator = user(s, a, "moderatori@example.org", &[Role::Moderator]).await;
        let input = input_of(&db, a, author).await;
        let c = ctx(Some(a), t0());
        let counter = AtomicUsize::new(0);

        // One support per person; withdrawing it twice takes one away.
        assert!(s.add_support(a, input, u1, &c).await.expect("support"));
        assert!(!s.add_support(a, input, u1, &c).await.expect("support"), "{}", db.label);
        assert_eq!(counts(&db, input).await, (1, 0), "{}", db.label);
        assert!(s.withdraw_support(a, input, u1, &c).await.expect("withdraw"));
        assert!(!s.withdraw_support(a, input, u1, &c).await.expect("withdraw"));
        assert_eq!(counts(&db, input).await, (0, 0), "{}", db.label);
        assert!(s.add_support(a, input, u1, &c).await.expect("support"));
        assert!(s.add_support(a, input, u2, &c).await.expect("support"));
        assert_eq!(counts(&db, input).await, (2, 0), "{}", db.label);

        // The author follows without asking; u2 follows and chose the daily digest.
        assert!(s.is_following(a, input, author).await.expect("following"));
        assert!(!s.is_following(a, input, u2).await.expect("following"));
        s.set_notify_mode(a, u2, NotifyMode::DailyDigest, &c)
            .await
            .expect("mode");
        assert!(s.follow_input(a, input, u2, &c).await.expect("follow"));
        let first = comment(s, a, input, None, u1, &counter).await.expect("comment");
        assert_eq!(counts(&db, input).await, (2, 1), "{}", db.label);
        assert_eq!(
            s.mail_to(a, "autori@example.org").await.expect("mail").len(),
            1,
            "{}",
            db.label
        );
        assert!(
            s.mail_to(a, "qytetari1@example.org").await.expect("mail").is_empty(),
            "the commenter"
        );
        assert!(
            s.mail_to(a, "qytetari2@example.org").await.expect("mail").is_empty(),
            "digest"
        );
        assert_eq!(
            db.scalar("SELECT COUNT(*) FROM input_notifications WHERE sent_at IS NULL")
                .await
                .expect("rows"),
            1
        );

        // A reply to a reply is refused by the store (the use case attaches it to the top).
        let reply = comment(s, a, input, Some(first), u2, &counter).await.expect("reply");
        assert!(
            comment(s, a, input, Some(reply), u1, &counter).await.is_none(),
            "{}",
            db.label
        );
        assert_eq!(counts(&db, input).await, (2, 2), "{}", db.label);

        // The digest is claimed once, and lists what was claimed.
        let build = |items: &[store::input::notifications::DigestItem]| {
            assert!(!items.is_empty());
            Some(DigestMail {
                mail: NewMail {
                    recipient: "qytetari2@example.org".into(),
                    subject: "Përmbledhje".into(),
                    body_text: format!("{} ngjarje", items.len()),
                    lang: "sq".into(),
                    about: None,
                    attachment: None,
                },
                links: vec![(input, "digest-hash".into())],
            })
        };
        let later = t0() + chrono::Duration::hours(1);
        assert!(
            s.claim_digest(a, u2, later, &build).await.expect("claim"),
            "{}",
            db.label
        );
        assert!(
            !s.claim_digest(a, u2, later, &build).await.expect("claim"),
            "{}",
            db.label
        );
        assert_eq!(s.mail_to(a, "qytetari2@example.org").await.expect("mail").len(), 1);
        let candidates = s.digest_candidates(100).await.expect("candidates");
        assert!(candidates.iter().all(|d| d.user_id != u2.0), "{}", db.label);

        // One-click unsubscribing, harmless twice; the author is then no longer told.
        let hash = db
            .scalar(&format!(
                "SELECT COUNT(*) FROM input_unsubscribe_links WHERE user_id = {}",
                author.0
            ))
            .await
            .expect("links");
        assert_eq!(hash, 2, "{}: one link per e-mail", db.label);
        let link = s.unsubscribe_link(a, "hash-".to_owned().as_str()).await.expect("link");
        assert!(link.is_none());
        let author_hash = format!("hash-{}-0", author.0);
        assert_eq!(
            s.unsubscribe(a, &author_hash, &c).await.expect("unsubscribe"),
            Some(true)
        );
        assert_eq!(
            s.unsubscribe(a, &author_hash, &c).await.expect("unsubscribe"),
            Some(false)
        );
        assert!(
            !s.is_following(a, input, author).await.expect("following"),
            "{}",
            db.label
        );
        comment(s, a, input, None, u1, &counter).await.expect("comment");
        assert_eq!(
            s.mail_to(a, "autori@example.org").await.expect("mail").len(),
            2,
            "{}",
            db.label
        );

        // Hiding a comment uncounts it and closes its reports; reinstating counts it again.
        assert!(
            s.report_item(a, ModerationTarget::Comment, first, u2, "Fyese", &c)
                .await
                .expect("report")
        );
        assert!(
            !s.report_item(a, ModerationTarget::Comment, first, u2, "Përsëri", &c)
                .await
                .expect("report")
        );
        assert_eq!(s.open_reports(a, 50).await.expect("reports").len(), 1, "{}", db.label);
        let by_moderator = ctx(Some(a), t0()).clone();
        let by_moderator = store::AuditCtx {
            actor: Some(moderator),
            ..by_moderator
        };
        assert!(
            s.hide_item(a, ModerationTarget::Comment, first, "Gjuhë fyese", None, &by_moderator)
                .await
                .expect("hide")
        );
        assert!(
            !s.hide_item(a, ModerationTarget::Comment, first, "Përsëri", None, &by_moderator)
                .await
                .expect("hide")
        );
        assert_eq!(counts(&db, input).await, (2, 2), "{}: 3 comments, 1 hidden", db.label);
        assert!(s.open_reports(a, 50).await.expect("reports").is_empty(), "{}", db.label);
        assert!(
            comment(s, a, input, Some(first), u2, &counter).await.is_none(),
            "reply to a hidden comment"
        );
        let appeal = s
            .add_appeal(a, ModerationTarget::Comment, first, u1, "Nuk ishte fyese", &c)
            .await
            .expect("appeal")
            .expect("first appeal");
        assert!(
            s.add_appeal(a, ModerationTarget::Comment, first, u1, "Përsëri", &c)
                .await
                .expect("appeal")
                .is_none(),
            "{}: one appeal",
            db.label
        );
        // The appeal knows who hid the item (no one decides on their own hiding).
        let row = s.appeal(a, appeal).await.expect("appeal").expect("there");
        assert_eq!(
            (row.hidden_by, row.input_hidden),
            (Some(moderator.0), false),
            "{}",
            db.label
        );
        assert!(!row.title_withheld());
        assert!(
            s.decide_appeal(a, appeal, AppealOutcome::Reinstated, "E drejtë", None, &c)
                .await
                .expect("decide")
        );
        assert!(
            !s.decide_appeal(a, appeal, AppealOutcome::Upheld, "Jo", None, &c)
                .await
                .expect("decide")
        );
        assert_eq!(counts(&db, input).await, (2, 3), "{}", db.label);
        assert!(
            s.comment(a, first)
                .await
                .expect("comment")
                .expect("there")
                .hidden_at
                .is_none()
        );
        // The hidden text stays in the audit log.
        assert_eq!(
            db.scalar(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'input_item.hide' AND before_json LIKE '%Dakord%'"
            )
            .await
            .expect("audit"),
            1,
            "{}",
            db.label
        );

        // A hidden input takes no support, comment or follow.
        assert!(
            s.hide_item(a, ModerationTarget::Input, input, "Spam", None, &by_moderator)
                .await
                .expect("hide")
        );
        // Its comments now belong to a hidden input: their title is withheld.
        let item = s
            .moderated_item(a, ModerationTarget::Comment, first)
            .await
            .expect("item")
            .expect("there");
        assert!(
            item.input_hidden && item.title_withheld(ModerationTarget::Comment),
            "{}",
            db.label
        );
        let own = s
            .moderated_item(a, ModerationTarget::Input, input)
            .await
            .expect("item")
            .expect("there");
        assert!(
            own.input_hidden && !own.title_withheld(ModerationTarget::Input),
            "{}",
            db.label
        );
        let u3 = user(s, a, "qytetari3@example.org", &[]).await;
        assert!(!s.add_support(a, input, u3, &c).await.expect("support"), "{}", db.label);
        assert!(comment(s, a, input, None, u3, &counter).await.is_none(), "{}", db.label);
        assert!(!s.follow_input(a, input, u3, &c).await.expect("follow"), "{}", db.label);
        assert_eq!(counts(&db, input).await, (2, 3), "{}", db.label);

        // Nothing crosses tenants.
        let b = tenant(s, "tirana", false).await;
        assert!(s.discussed_input(b, input).await.expect("input").is_none());
        assert!(s.comments(b, input).await.expect("comments").is_empty());
        db.cleanup().await;
    }
}
