//! The forum's health indicators, public page and API, computed from stored records.

use chrono::Duration;
use domain::{
    Role,
    forum::{MeetingKind, Sector, Visibility},
};
use store::{AuditCtx, ForumInput, MeetingInput};

use crate::{
    forum_routes::seat,
    helpers::{TestApp, each_backend},
};

async fn meeting(
    app: &TestApp,
    forum: domain::ForumId,
    title: &str,
    days_ago: i64,
    visibility: Visibility,
    ctx: &AuditCtx,
) -> domain::MeetingId {
    let starts_at = app.now() - Duration::days(days_ago);
    let id = app
        .store
        .create_meeting(
            app.elbasan,
            forum,
            &MeetingInput {
                kind: MeetingKind::FollowUp,
                title_sq: title.into(),
                title_en: String::new(),
                description_sq: String::new(),
                description_en: String::new(),
                starts_at,
                ends_at: starts_at + Duration::hours(2),
                place: "Salla e Këshillit".into(),
                address: String::new(),
                online_url: String::new(),
                visibility,
            },
            &format!("uid-{title}"),
            ctx,
        )
        .await
        .expect("meeting");
    // Notice ten days before the meeting.
    let notice = AuditCtx {
        at: starts_at - Duration::days(10),
        ..ctx.clone()
    };
    assert!(
        app.store
            .publish_meeting(app.elbasan, id, &notice)
            .await
            .expect("publish")
    );
    id
}

#[tokio::test]
async fn health_is_computed_from_the_records_and_withholds_members_only_titles() {
    each_backend(async |app| {
        // Without a forum the page says so and every indicator is there, unmet or to be judged.
        // (Read signed in: the public answer is cached, and this test writes through the store,
        // which the cache does not hear of.)
        let (coordinator, staff) = app.user(Role::Coordinator).await;
        let r = app.get("/forum/health", Some(&staff)).await;
        assert_eq!(r.status_code(), 200, "{}", app.label);
        let body = r.text();
        assert!(
            body.contains("Forumi i ciklit aktual nuk është krijuar ende."),
            "{}",
            app.label
        );
        assert!(body.contains("Nuk plotësohet"), "{}", app.label);

        let ctx = AuditCtx {
            tenant: Some(app.elbasan),
            actor: Some(coordinator),
            at: app.now() - Duration::days(400),
            request_id: None,
        };
        let cycle = app
            .store
            .create_cycle(app.elbasan, "Cikli 2027", "Cycle 2027", &[], &ctx)
            .await
            .expect("cycle");
        let forum = app
            .store
            .create_forum(
                app.elbasan,
                cycle,
                &ForumInput {
                    name_sq: "Forumi OGP Elbasan".into(),
                    name_en: "OGP forum Elbasan".into(),
                    mandate_sq: String::new(),
                    mandate_en: String::new(),
                    legal_basis_sq: String::new(),
                    legal_basis_en: String::new(),
                    legal_number: String::new(),
                    legal_date: None,
                    call_id: None,
                },
                &ctx,
            )
            .await
            .expect("forum");
        let (official, _) = app.user_in(app.elbasan, "zyrtari@example.org", &[]).await;
        let (cso, member_session) = app.user_in(app.elbasan, "oshc@example.org", &[]).await;
        let (citizen, _) = app.user_in(app.elbasan, "qytetari@example.org", &[]).await;
        seat(app, forum, official, Sector::Government, "member", &ctx).await;
        seat(app, forum, cso, Sector::Cso, "member", &ctx).await;
        seat(app, forum, citizen, Sector::Citizen, "member", &ctx).await;
        // Two public meetings 250 days apart (more than the 183 allowed), and a members-only one.
        meeting(app, forum, "Takimi i parë", 300, Visibility::Public, &ctx).await;
        meeting(app, forum, "Takimi i dytë", 50, Visibility::Public, &ctx).await;
        meeting(app, forum, "Takimi i brendshëm", 20, Visibility::MembersOnly, &ctx).await;

        let r = app.get("/api/v1/forum/health", None).await;
        assert_eq!(r.status_code(), 200, "{}", app.label);
        let json: serde_json::Value = r.json();
        assert_eq!(json["forum_exists"], true);
        assert_eq!(json["government_members"], 1);
        assert_eq!(json["non_government_members"], 2);
        assert_eq!(json["non_government_percent"], 67);
        let check = |n: u64| {
            json["indicators"]
                .as_array()
                .expect("indicators")
                .iter()
                .find(|i| i["check"] == n)
                .cloned()
                .expect("indicator")
        };
        assert_eq!(
            check(1)["verdict"],
            "fail",
            "no participation rules published: {}",
            app.label
        );
        assert_eq!(check(2)["verdict"], "fail", "a gap of 249 days: {}", app.label);
        assert_eq!(check(2)["threshold_days"], 183);
        assert_eq!(check(2)["evidence"][0]["days"], 249);
        // Notice was given ten days before, but no agenda or pre-reads: attention, not failure.
        assert_eq!(check(6)["verdict"], "warn", "{}", app.label);
        assert_eq!(check(6)["evidence"][0]["days"], 10);
        // No minutes were published for meetings long past.
        assert_eq!(check(7)["verdict"], "fail", "{}", app.label);
        let evidence = check(6)["evidence"].to_string();
        assert!(
            !evidence.contains("Takimi i brendshëm"),
            "members-only title public: {evidence}"
        );
        assert!(evidence.contains("Takimi i dytë"));

        // The page in both languages names each indicator, its threshold and its evidence.
        let body = app.get("/forum/health", None).await.text();
        assert!(body.contains("Forumi OGP Elbasan"));
        assert!(body.contains("Hendeku më i madh: 249 ditë"), "{}", app.label);
        assert!(body.contains("Takim vetëm për anëtarët"));
        assert!(!body.contains("Takimi i brendshëm"));
        assert!(body.contains("Organizata të shoqërisë civile"));
        assert!(!body.contains("oshc@example.org"), "no e-mail addresses in public");
        let en = app.get("/forum/health?lang=en", None).await.text();
        assert!(en.contains("Largest gap: 249 days"), "{}", app.label);
        assert!(en.contains("Not met"));

        // A member of the forum (the role came with accepting) sees the members-only title.
        let body = app.get("/forum/health", Some(&member_session)).await.text();
        assert!(body.contains("Takimi i brendshëm"), "{}", app.label);
    })
    .await;
}
