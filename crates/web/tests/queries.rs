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
