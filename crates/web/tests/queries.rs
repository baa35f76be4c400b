//! The uncached path stays cheap: each public page uses the database only a few times, whatever
//! the data (issue 6, part 8). Counted by `store::counting` around every request.

use axum::{body::Body, http::Request};
use domain::Role;
use tower::ServiceExt;
use web::QueryCount;

use crate::{
    calls::{published_call, submitted},
    helpers::each_backend,
};

#[tokio::test]
async fn each_public_page_makes_a_few_queries() {
    each_backend(async |app| {
        let (_, coordinator) = app.user(Role::Coordinator).await;
        let call = published_call(app, &coordinator, &["cso", "citizen"]).await;
        let (_, applicant) = app.user_in(app.elbasan, "pyetje@example.org", &[]).await;
        submitted(app, call, &applicant, true).await;
        let mut counts = Vec::new();
        for path in [
            "/".to_owned(),
            "/news".to_owned(),
            "/privacy".to_owned(),
            "/calls".to_owned(),
            format!("/calls/{call}"),
            format!("/calls/{call}/outcome"),
            "/calls/feed.atom".to_owned(),
            format!("/calls/{call}/deadline.ics"),
            "/orgs/1".to_owned(),
            "/api/v1/tenant".to_owned(),
            "/api/v1/timeline".to_owned(),
            "/api/v1/news".to_owned(),
            "/api/v1/calls".to_owned(),
            format!("/api/v1/calls/{call}"),
            format!("/api/v1/calls/{call}/outcome"),
        ] {
            // Straight to the router, so the response's extensions can be read; a query string
            // of its own keeps each answer out of the response cache.
            let uri = format!("{path}{}fresh=1", if path.contains('?') { '&' } else { '?' });
            let response = app
                .router
                .clone()
                .oneshot(
                    Request::get(&uri)
                        .header("host", "elbasan.test")
                        .body(Body::empty())
                        .unwrap(),
                )
                .await
                .unwrap();
            assert_eq!(response.status(), 200, "{} {uri}", app.label);
            let n = response.extensions().get::<QueryCount>().expect("counted").0;
            counts.push(format!("{path}: {n}"));
            assert!(n <= 4, "{} {path} used the database {n} times", app.label);
        }
        println!("{}: {}", app.label, counts.join(", "));
    })
    .await;
}

/// The database uses of a public answer, asked straight from the router (a query string of its
/// own, `fresh=<round>`, keeps it out of the response cache).
async fn queries_of(app: &crate::helpers::TestApp, path: &str, round: u32) -> u64 {
    let uri = format!("{path}{}fresh={round}", if path.contains('?') { '&' } else { '?' });
    let response = app
        .router
        .clone()
        .oneshot(
            Request::get(&uri)
                .header("host", "elbasan.test")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(response.status(), 200, "{} {uri}", app.label);
    u64::from(response.extensions().get::<QueryCount>().expect("counted").0)
}

/// Every public page of the forum uses the database a few times, and no more with more
/// meetings, decisions and members: a list never asks once per row.
#[tokio::test]
async fn the_forums_public_pages_make_a_few_queries_whatever_their_size() {
    use crate::forum_minutes::{past_meeting, published_minutes};
    use domain::forum::Visibility;

    each_backend(async |app| {
        let fx = crate::forum_routes::forum_fixture(app).await;
        crate::forum_setup::two_versions(app, fx.forum, &fx.ctx).await;
        let first = past_meeting(app, &fx, "Takimi i parë", Visibility::Public).await;
        published_minutes(app, &fx, first).await;
        let paths = [
            "/forum".to_owned(),
            "/forum/texts".to_owned(),
            "/forum/texts/compare?from=1&to=2".to_owned(),
            "/forum/meetings".to_owned(),
            format!("/forum/meetings/{}", first.0),
            format!("/forum/meetings/{}/minutes", first.0),
            "/forum/decisions".to_owned(),
            "/forum/decisions?q=kalendari".to_owned(),
            "/forum/calendar.ics".to_owned(),
            "/forum/health".to_owned(),
            "/api/v1/forum".to_owned(),
            "/api/v1/forum/members".to_owned(),
            "/api/v1/forum/meetings".to_owned(),
            format!("/api/v1/forum/meetings/{}", first.0),
            format!("/api/v1/forum/meetings/{}/minutes", first.0),
            "/api/v1/forum/decisions".to_owned(),
            "/api/v1/forum/actions".to_owned(),
        ];
        let mut small = Vec::new();
        for path in &paths {
            small.push(queries_of(app, path, 1).await);
        }
        // Four more held meetings with minutes, decisions and action items, and more members.
        for n in 2..6 {
            let m = past_meeting(app, &fx, &format!("Takimi {n}"), Visibility::Public).await;
            published_minutes(app, &fx, m).await;
        }
        for n in 0..5 {
            let (user, _) = app.user_in(app.elbasan, &format!("anetar-{n}@example.org"), &[]).await;
            crate::forum_routes::seat(app, fx.forum, user, domain::forum::Sector::Citizen, "member", &fx.ctx).await;
        }
        let mut counts = Vec::new();
        for (path, before) in paths.iter().zip(small) {
            let after = queries_of(app, path, 2).await;
            counts.push(format!("{path}: {after}"));
            assert!(after <= 8, "{} {path} used the database {after} times", app.label);
            // Fewer is fine (something was already in a cache), more is a query per row.
            assert!(
                after <= before,
                "{} {path}: {before} queries with one meeting, {after} with five",
                app.label
            );
        }
        println!("{}: {}", app.label, counts.join(", "));
    })
    .await;
}
