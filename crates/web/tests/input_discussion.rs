//! The discussion and moderation of public input over HTTP on both databases: comments and
//! replies, support once, following and the one-click unsubscribe link, reports, hiding with a
//! confirmation, the one appeal and its decision, the bad input of this part, and this part's
//! route × role table.

use axum::http::StatusCode;

use crate::helpers::{TestApp, each_backend, link_token, location};
use crate::input_routes::{InputFixture, Who, check_route, input_fixture};

/// The sessions the tests below use, by who they are.
struct People {
    author: String,
    citizen: String,
    moderator: String,
    coordinator: String,
}

fn people(fx: &InputFixture) -> People {
    People {
        author: fx.session("author"),
        citizen: fx.session("participant"),
        moderator: fx.session("moderator"),
        coordinator: fx.session("coordinator"),
    }
}

const AUTHOR_MAIL: &str = "author-input@example.org";
const CITIZEN_MAIL: &str = "participant-input@example.org";

/// Every route of this part with who may use it (paths with `{placeholders}`).
pub const ROUTES: &[(&str, &str, Who)] = &[
    ("POST", "/input/{input}/comments", Who::SignedIn),
    ("POST", "/input/{input}/support", Who::SignedIn),
    ("POST", "/input/{input}/support/withdraw", Who::SignedIn),
    ("POST", "/input/{input}/follow", Who::SignedIn),
    ("POST", "/input/{input}/unfollow", Who::SignedIn),
    ("GET", "/input/unsubscribe", Who::LinkHolder),
    ("POST", "/input/unsubscribe", Who::LinkHolder),
    ("GET", "/account/notifications", Who::SignedIn),
    ("POST", "/account/notifications", Who::SignedIn),
    ("GET", "/input/{input}/report", Who::SignedIn),
    ("POST", "/input/{input}/report", Who::SignedIn),
    ("GET", "/input/comments/{comment}/report", Who::SignedIn),
    ("POST", "/input/comments/{comment}/report", Who::SignedIn),
    ("GET", "/moderation", Who::Moderator),
    ("GET", "/moderation/{kind}/{id}/hide", Who::Moderator),
    ("POST", "/moderation/{kind}/{id}/hide", Who::Moderator),
    ("POST", "/moderation/reports/{report}/dismiss", Who::Moderator),
    ("GET", "/appeals/{kind}/{id}", Who::Author),
    ("POST", "/appeals/{kind}/{id}", Who::Author),
    ("GET", "/admin/input/appeals", Who::Staff),
    ("GET", "/admin/input/appeals/{appeal}", Who::Staff),
    ("POST", "/admin/input/appeals/{appeal}", Who::Staff),
];

async fn comment(app: &TestApp, fx: &InputFixture, session: &str, text: &str, parent: Option<i64>) -> i64 {
    let parent = parent.map(|p| p.to_string()).unwrap_or_default();
    let r = app
        .post(
            &format!("/input/{}/comments", fx.input),
            Some(session),
            &[("comment", text), ("parent", &parent)],
        )
        .await;
    assert_eq!(r.status_code(), StatusCode::SEE_OTHER, "{}: {}", app.label, r.text());
    let to = location(&r);
    to.rsplit("#comment-")
        .next()
        .and_then(|n| n.parse().ok())
        .expect("comment id")
}

#[tokio::test]
async fn every_route_of_the_discussion_answers_only_whom_it_should() {
    each_backend(async |app| {
        let fx = input_fixture(app).await;
        let who = people(&fx);
        // A comment by the author, hidden, with an open report on another: the objects the
        // paths name.
        let own = comment(app, &fx, &who.author, "Shpjegim i autorit", None).await;
        let other = comment(app, &fx, &who.citizen, "Koment qytetari", None).await;
        let r = app
            .post(
                &format!("/input/comments/{other}/report"),
                Some(&who.author),
                &[("report_reason", "Jashtë teme")],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::SEE_OTHER, "{}", r.text());
        let report = app
            .store
            .open_reports(app.elbasan, 10)
            .await
            .expect("reports")
            .first()
            .expect("report")
            .id;
        let hide = app
            .post(
                &format!("/moderation/comment/{own}/hide"),
                Some(&who.moderator),
                &[("hide_reason", "Test"), ("confirmed", "yes")],
            )
            .await;
        assert_eq!(hide.status_code(), StatusCode::SEE_OTHER, "{}", hide.text());
        let appeal = app
            .post(
                &format!("/appeals/comment/{own}"),
                Some(&who.author),
                &[("appeal_text", "Nuk ishte fyese")],
            )
            .await;
        assert_eq!(appeal.status_code(), StatusCode::SEE_OTHER, "{}", appeal.text());
        let appeal_id = app
            .store
            .appeal_of(app.elbasan, domain::input::ModerationTarget::Comment, own)
            .await
            .expect("appeal")
            .expect("made")
            .id;
        let mut wrong = Vec::new();
        for (method, path, rule) in ROUTES {
            let real = path
                .replace("{input}", &fx.input.to_string())
                .replace("{comment}", &other.to_string())
                .replace("{kind}/{id}", &format!("comment/{own}"))
                .replace("{report}", &report.to_string())
                .replace("{appeal}", &appeal_id.to_string());
            let real = if *rule == Who::LinkHolder {
                format!("{real}?token=made-up")
            } else {
                real
            };
            // Harmless values: an empty comment or reason is refused (422), no confirmation.
            let form: &[(&str, &str)] = &[("token", "made-up")];
            wrong.extend(check_route(app, &fx, method, &real, *rule, form).await);
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    })
    .await;
}

#[tokio::test]
async fn comments_supports_and_follows_keep_their_rules() {
    each_backend(async |app| {
        let fx = input_fixture(app).await;
        let who = people(&fx);
        let input = fx.input;
        // Empty and over-long comments: the form again with the text kept and the field named.
        let empty = app
            .post(
                &format!("/input/{input}/comments"),
                Some(&who.citizen),
                &[("comment", "  ")],
            )
            .await;
        assert_eq!(empty.status_code(), StatusCode::UNPROCESSABLE_ENTITY, "{}", app.label);
        assert!(empty.text().contains("Komenti"), "the field is named");
        let long = "ë".repeat(domain::input::COMMENT_MAX + 1);
        let too_long = app
            .post(
                &format!("/input/{input}/comments"),
                Some(&who.citizen),
                &[("comment", &long)],
            )
            .await;
        assert_eq!(too_long.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(too_long.text().contains(&long), "nothing typed is lost");

        // A comment with a script is stored as typed and the author (a follower) is e-mailed,
        // with an unsubscribe link; the commenter is not.
        let script = "<script>alert('x')</script>\nRreshti i dytë";
        let first = comment(app, &fx, &who.citizen, script, None).await;
        let mail = app.last_mail_to(AUTHOR_MAIL).await.expect("mail to the author");
        assert!(mail.subject.contains("Ndriçim"), "{}", mail.subject);
        assert!(
            mail.body_text.contains("/input/unsubscribe?token="),
            "{}",
            mail.body_text
        );
        assert_eq!(app.mails_to(CITIZEN_MAIL).await, 0);
        // The input page shows it escaped, with its line break, to everyone.
        let shown = app.get(&format!("/input/{input}?seen=1"), Some(&who.author)).await;
        assert_eq!(shown.status_code(), StatusCode::OK, "{}", app.label);
        let html = shown.text();
        assert!(!html.contains("<script>alert"), "{html}");
        assert!(html.contains("alert(") && html.contains("<br>Rreshti i dytë"), "{html}");
        let anonymous = app.get(&format!("/input/{input}?anon=1"), None).await.text();
        assert!(
            anonymous.contains(&format!("/login?next=/input/{input}")),
            "{anonymous}"
        );
        // A reply to a reply goes under the top-level comment.
        let reply = comment(app, &fx, &who.author, "Faleminderit", Some(first)).await;
        let deeper = comment(app, &fx, &who.citizen, "Edhe një", Some(reply)).await;
        let stored = app
            .store
            .comment(app.elbasan, deeper)
            .await
            .expect("read")
            .expect("there");
        assert_eq!(stored.parent_id, Some(first), "{}", app.label);

        // Support once; never one's own input (the municipality's default).
        let support = format!("/input/{input}/support");
        let r = app.post(&support, Some(&who.citizen), &[]).await;
        assert_eq!(r.status_code(), StatusCode::SEE_OTHER);
        let again = app.post(&support, Some(&who.citizen), &[]).await;
        assert_eq!(again.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(again.text().contains("E keni mbështetur tashmë"), "{}", again.text());
        let own = app.post(&support, Some(&who.author), &[]).await;
        assert_eq!(own.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(own.text().contains("kontributin tuaj"), "{}", own.text());
        let d = app
            .store
            .discussed_input(app.elbasan, input)
            .await
            .expect("read")
            .expect("there");
        assert_eq!((d.support_count, d.comment_count), (1, 3), "{}", app.label);
        let w = app
            .post(&format!("/input/{input}/support/withdraw"), Some(&who.citizen), &[])
            .await;
        assert_eq!(w.status_code(), StatusCode::SEE_OTHER);
        let d = app
            .store
            .discussed_input(app.elbasan, input)
            .await
            .expect("read")
            .expect("there");
        assert_eq!(d.support_count, 0, "{}", app.label);

        // The unsubscribe link: GET asks, POST stops; no sign-in.
        let token = link_token(&mail.body_text, "/input/unsubscribe");
        let ask = app.get(&format!("/input/unsubscribe?token={token}"), None).await;
        assert_eq!(ask.status_code(), StatusCode::OK);
        assert!(
            app.store
                .is_following(app.elbasan, input, fx.author)
                .await
                .expect("following")
        );
        let done = app.post("/input/unsubscribe", None, &[("token", &token)]).await;
        assert_eq!(done.status_code(), StatusCode::OK);
        assert!(
            !app.store
                .is_following(app.elbasan, input, fx.author)
                .await
                .expect("following")
        );
        let before = app.mails_to(AUTHOR_MAIL).await;
        comment(app, &fx, &who.citizen, "Pas çregjistrimit", None).await;
        assert_eq!(app.mails_to(AUTHOR_MAIL).await, before, "{}", app.label);

        // Notification settings.
        let page = app.get("/account/notifications", Some(&who.citizen)).await;
        assert_eq!(page.status_code(), StatusCode::OK);
        let bad = app
            .post(
                "/account/notifications",
                Some(&who.citizen),
                &[("notify_mode", "weekly")],
            )
            .await;
        assert_eq!(bad.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        let ok = app
            .post(
                "/account/notifications",
                Some(&who.citizen),
                &[("notify_mode", "daily")],
            )
            .await;
        assert_eq!(ok.status_code(), StatusCode::SEE_OTHER);
        assert_eq!(
            app.store.notify_mode(app.elbasan, fx.participant).await.expect("mode"),
            Some(domain::input::NotifyMode::DailyDigest)
        );
    })
    .await;
}

#[tokio::test]
async fn a_moderator_hides_with_a_reason_and_the_author_appeals_once() {
    each_backend(async |app| {
        let fx = input_fixture(app).await;
        let who = people(&fx);
        let input = fx.input;
        let rude = comment(app, &fx, &who.citizen, "Ide idiote", None).await;
        let report = format!("/input/comments/{rude}/report");
        let r = app
            .post(&report, Some(&who.author), &[("report_reason", "Fyese")])
            .await;
        assert_eq!(r.status_code(), StatusCode::SEE_OTHER);
        let twice = app
            .post(&report, Some(&who.author), &[("report_reason", "Përsëri")])
            .await;
        assert_eq!(twice.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(twice.text().contains("Përsëri"), "the text is kept");
        let queue = app.get("/moderation", Some(&who.moderator)).await.text();
        assert!(queue.contains("Ide idiote") && queue.contains("Fyese"), "{queue}");

        // Hiding asks once more; the reason is required.
        let hide = format!("/moderation/comment/{rude}/hide");
        let empty = app.post(&hide, Some(&who.moderator), &[("hide_reason", "")]).await;
        assert_eq!(empty.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        let ask = app
            .post(&hide, Some(&who.moderator), &[("hide_reason", "Gjuhë fyese")])
            .await;
        assert_eq!(ask.status_code(), StatusCode::OK);
        assert!(ask.text().contains("confirm-form"));
        assert!(
            app.store
                .comment(app.elbasan, rude)
                .await
                .expect("c")
                .expect("c")
                .hidden_at
                .is_none()
        );
        let done = app
            .post(
                &hide,
                Some(&who.moderator),
                &[("hide_reason", "Gjuhë fyese"), ("confirmed", "yes")],
            )
            .await;
        assert_eq!(done.status_code(), StatusCode::SEE_OTHER);
        let mail = app.last_mail_to(CITIZEN_MAIL).await.expect("the author is told");
        assert!(mail.body_text.contains("Gjuhë fyese"), "{}", mail.body_text);
        assert!(mail.body_text.contains(&format!("/appeals/comment/{rude}")));
        assert!(app.store.open_reports(app.elbasan, 10).await.expect("r").is_empty());
        // In place of the text, the reason; its author sees the appeal link.
        let page = app
            .get(&format!("/input/{input}?hidden=1"), Some(&who.citizen))
            .await
            .text();
        assert!(!page.contains("Ide idiote"), "{page}");
        assert!(page.contains("Fshehur nga një moderator: Gjuhë fyese"), "{page}");
        assert!(page.contains(&format!("/appeals/comment/{rude}")), "{page}");
        // No reply to a hidden comment.
        let reply = app
            .post(
                &format!("/input/{input}/comments"),
                Some(&who.author),
                &[("comment", "Përgjigje"), ("parent", &rude.to_string())],
            )
            .await;
        assert_eq!(reply.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(reply.text().contains("Përgjigje"), "the text is kept");

        // One appeal by the author; a coordinator reinstates it.
        let appeal = format!("/appeals/comment/{rude}");
        let page = app.get(&appeal, Some(&who.citizen)).await;
        assert_eq!(page.status_code(), StatusCode::OK);
        assert!(page.text().contains("Gjuhë fyese"));
        let a = app
            .post(&appeal, Some(&who.citizen), &[("appeal_text", "Ishte shaka")])
            .await;
        assert_eq!(a.status_code(), StatusCode::SEE_OTHER);
        let second = app
            .post(&appeal, Some(&who.citizen), &[("appeal_text", "Sërish")])
            .await;
        assert_eq!(second.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(second.text().contains("ankesën tuaj të vetme"), "{}", second.text());
        let appeal_id = app
            .store
            .appeal_of(app.elbasan, domain::input::ModerationTarget::Comment, rude)
            .await
            .expect("a")
            .expect("a")
            .id;
        let list = app.get("/admin/input/appeals", Some(&who.coordinator)).await.text();
        assert!(list.contains(&format!("/admin/input/appeals/{appeal_id}")));
        let decide = format!("/admin/input/appeals/{appeal_id}");
        let no_outcome = app
            .post(&decide, Some(&who.coordinator), &[("appeal_reason", "Arsye")])
            .await;
        assert_eq!(no_outcome.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        let decided = app
            .post(
                &decide,
                Some(&who.coordinator),
                &[
                    ("appeal_outcome", "reinstated"),
                    ("appeal_reason", "Nuk ishte fyerje"),
                    ("confirmed", "yes"),
                ],
            )
            .await;
        assert_eq!(decided.status_code(), StatusCode::SEE_OTHER, "{}", decided.text());
        assert!(
            app.store
                .comment(app.elbasan, rude)
                .await
                .expect("c")
                .expect("c")
                .hidden_at
                .is_none()
        );
        let told = app.last_mail_to(CITIZEN_MAIL).await.expect("decision mail");
        assert!(told.body_text.contains("Nuk ishte fyerje"), "{}", told.body_text);

        // A hidden input takes no comment or support, with a message.
        let h = app
            .post(
                &format!("/moderation/input/{input}/hide"),
                Some(&who.moderator),
                &[("hide_reason", "Spam"), ("confirmed", "yes")],
            )
            .await;
        assert_eq!(h.status_code(), StatusCode::SEE_OTHER);
        let c = app
            .post(
                &format!("/input/{input}/comments"),
                Some(&who.citizen),
                &[("comment", "Diçka")],
            )
            .await;
        assert_eq!(c.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(c.text().contains("fshehur nga një moderator"), "{}", c.text());
        let s = app
            .post(&format!("/input/{input}/support"), Some(&who.citizen), &[])
            .await;
        assert_eq!(s.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
    })
    .await;
}

#[tokio::test]
async fn a_daily_digest_goes_at_most_once_a_day_with_an_unsubscribe_link_per_input() {
    each_backend(async |app| {
        let fx = input_fixture(app).await;
        let who = people(&fx);
        let input = fx.input;
        let daily = app
            .post(
                "/account/notifications",
                Some(&who.citizen),
                &[("notify_mode", "daily")],
            )
            .await;
        assert_eq!(daily.status_code(), StatusCode::SEE_OTHER);
        let f = app
            .post(&format!("/input/{input}/follow"), Some(&who.citizen), &[])
            .await;
        assert_eq!(f.status_code(), StatusCode::SEE_OTHER);
        comment(app, &fx, &who.author, "Faleminderit për mbështetjen", None).await;
        assert_eq!(app.mails_to(CITIZEN_MAIL).await, 0, "{}: nothing at once", app.label);
        // The first digest goes at the next run; a second run finds nothing.
        assert_eq!(app.services.send_input_digests().await.expect("digests"), 1);
        assert_eq!(app.services.send_input_digests().await.expect("digests"), 0);
        let digest = app.last_mail_to(CITIZEN_MAIL).await.expect("digest");
        assert!(
            digest.body_text.contains("Ndriçim në rrugët e Shirgjanit"),
            "{}",
            digest.body_text
        );
        assert!(
            digest.body_text.contains("/input/unsubscribe?token="),
            "{}",
            digest.body_text
        );
        // The next events wait until a day has passed since that digest.
        comment(app, &fx, &who.author, "Një tjetër", None).await;
        app.advance(chrono::Duration::hours(3));
        assert_eq!(
            app.services.send_input_digests().await.expect("digests"),
            0,
            "{}",
            app.label
        );
        app.advance(chrono::Duration::hours(21));
        assert_eq!(
            app.services.send_input_digests().await.expect("digests"),
            1,
            "{}",
            app.label
        );
        assert_eq!(app.mails_to(CITIZEN_MAIL).await, 2);
        // Its link stops the e-mails about that input.
        let token = link_token(&digest.body_text, "/input/unsubscribe");
        let done = app.post("/input/unsubscribe", None, &[("token", &token)]).await;
        assert_eq!(done.status_code(), StatusCode::OK);
        assert!(
            !app.store
                .is_following(app.elbasan, input, fx.participant)
                .await
                .expect("f")
        );
    })
    .await;
}

#[tokio::test]
async fn writes_beyond_the_hourly_limit_are_refused_on_their_field() {
    each_backend(async |app| {
        let fx = input_fixture(app).await;
        let mut tenant = app
            .store
            .list_tenants()
            .await
            .expect("tenants")
            .into_iter()
            .find(|t| t.id() == app.elbasan)
            .expect("elbasan");
        tenant.input_writes_per_hour = 2;
        let s = &app.services;
        assert!(s.input_write_allowed(&tenant, fx.participant, "comment").await.is_ok());
        assert!(s.input_write_allowed(&tenant, fx.participant, "comment").await.is_ok());
        match s.input_write_allowed(&tenant, fx.participant, "comment").await {
            Err(services::ServiceError::Invalid(errors)) => {
                assert_eq!((errors[0].field, errors[0].code), ("comment", "input_rate_limited"));
            }
            other => panic!("{}: a third write in the hour: {other:?}", app.label),
        }
        // Another person has their own allowance; an hour later it starts again.
        assert!(s.input_write_allowed(&tenant, fx.author, "comment").await.is_ok());
        app.advance(chrono::Duration::minutes(61));
        assert!(s.input_write_allowed(&tenant, fx.participant, "comment").await.is_ok());
    })
    .await;
}

/// Hides an item as the fixture's moderator, confirmed at once.
async fn hide(app: &TestApp, session: &str, kind: &str, id: i64, reason: &str) {
    let r = app
        .post(
            &format!("/moderation/{kind}/{id}/hide"),
            Some(session),
            &[("hide_reason", reason), ("confirmed", "yes")],
        )
        .await;
    assert_eq!(r.status_code(), StatusCode::SEE_OTHER, "{}: {}", app.label, r.text());
}

#[tokio::test]
async fn a_hidden_inputs_title_and_comments_are_shown_to_no_participant() {
    each_backend(async |app| {
        let fx = input_fixture(app).await;
        let who = people(&fx);
        let input = fx.input;
        let title = "Ndriçim në rrugët e Shirgjanit";
        let said = comment(app, &fx, &who.citizen, "Dritat duhen te shkolla", None).await;
        let quoted = comment(app, &fx, &who.author, "Si thashë: rrugët pa drita", Some(said)).await;
        hide(app, &who.moderator, "input", input, "Të dhëna personale").await;

        // The input page: the count stays, no comment and no link to report one.
        let page = app
            .get(&format!("/input/{input}?after-hiding=1"), Some(&who.citizen))
            .await
            .text();
        assert!(page.contains("Komentet nuk shfaqen"), "{}: {page}", app.label);
        assert!(page.contains("2 komente"), "{page}");
        for leak in ["Dritat duhen te shkolla", "Si thashë", title] {
            assert!(!page.contains(leak), "{}: {leak} on the page", app.label);
        }
        assert!(!page.contains(&format!("/input/comments/{said}/report")), "{page}");

        // A comment refused: the form again, with the placeholder for the title.
        let refused = app
            .post(
                &format!("/input/{input}/comments"),
                Some(&who.citizen),
                &[("comment", "Përsëri diçka"), ("parent", &said.to_string())],
            )
            .await;
        assert_eq!(refused.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        let text = refused.text();
        assert!(!text.contains(title), "{}: {text}", app.label);
        assert!(text.contains("Kontribut i fshehur nga moderatori"), "{text}");
        assert!(text.contains("Përsëri diçka"), "the text is kept");

        // A comment under the hidden input takes no report, and its page is not shown.
        let report = format!("/input/comments/{quoted}/report");
        assert_eq!(
            app.get(&report, Some(&who.citizen)).await.status_code(),
            StatusCode::NOT_FOUND
        );
        let r = app
            .post(&report, Some(&who.citizen), &[("report_reason", "Citon tekstin")])
            .await;
        assert_eq!(r.status_code(), StatusCode::NOT_FOUND);
        assert!(!r.text().contains(title));

        // Its author, once it is hidden too, reads neither the title in the e-mail nor on the
        // appeal page, nor in the decision.
        hide(app, &who.moderator, "comment", said, "Jashtë teme").await;
        let mail = app.last_mail_to(CITIZEN_MAIL).await.expect("hiding mail");
        assert!(
            !mail.subject.contains(title) && !mail.body_text.contains(title),
            "{}",
            mail.body_text
        );
        assert!(
            mail.body_text.contains("Kontribut i fshehur nga moderatori"),
            "{}",
            mail.body_text
        );
        let appeal = format!("/appeals/comment/{said}");
        let page = app.get(&appeal, Some(&who.citizen)).await;
        assert_eq!(page.status_code(), StatusCode::OK);
        assert!(!page.text().contains(title), "{}", page.text());
        let a = app
            .post(&appeal, Some(&who.citizen), &[("appeal_text", "Ishte në temë")])
            .await;
        assert_eq!(a.status_code(), StatusCode::SEE_OTHER);
        let appeal_id = app
            .store
            .appeal_of(app.elbasan, domain::input::ModerationTarget::Comment, said)
            .await
            .expect("a")
            .expect("a")
            .id;
        let decided = app
            .post(
                &format!("/admin/input/appeals/{appeal_id}"),
                Some(&who.coordinator),
                &[
                    ("appeal_outcome", "upheld"),
                    ("appeal_reason", "Mbetet"),
                    ("confirmed", "yes"),
                ],
            )
            .await;
        assert_eq!(decided.status_code(), StatusCode::SEE_OTHER, "{}", decided.text());
        let told = app.last_mail_to(CITIZEN_MAIL).await.expect("decision mail");
        assert!(told.body_text.contains("Mbetet"), "{}", told.body_text);
        assert!(
            !told.subject.contains(title) && !told.body_text.contains(title),
            "{}",
            told.body_text
        );
    })
    .await;
}

#[tokio::test]
async fn no_coordinator_decides_an_appeal_on_their_own_hiding_or_content() {
    each_backend(async |app| {
        let fx = input_fixture(app).await;
        let who = people(&fx);
        let admin = fx.session("platform_admin");
        // A coordinator who also moderates hides a comment, and its author appeals.
        let (_, both) = app
            .user_in(
                app.elbasan,
                "coordinator-moderator@example.org",
                &[domain::Role::Coordinator, domain::Role::Moderator],
            )
            .await;
        let rude = comment(app, &fx, &who.citizen, "Ide e kotë", None).await;
        hide(app, &both, "comment", rude, "Fyese").await;
        // And the fixture's coordinator writes a comment that a moderator hides.
        let own = comment(app, &fx, &who.coordinator, "Koment i koordinatorit", None).await;
        hide(app, &who.moderator, "comment", own, "Jashtë teme").await;
        let mut appeals = Vec::new();
        for (id, session) in [(rude, &who.citizen), (own, &who.coordinator)] {
            let a = app
                .post(
                    &format!("/appeals/comment/{id}"),
                    Some(session),
                    &[("appeal_text", "Nuk duhej fshehur")],
                )
                .await;
            assert_eq!(a.status_code(), StatusCode::SEE_OTHER, "{}", a.text());
            let appeal = app
                .store
                .appeal_of(app.elbasan, domain::input::ModerationTarget::Comment, id)
                .await
                .expect("a")
                .expect("a")
                .id;
            appeals.push(format!("/admin/input/appeals/{appeal}"));
        }
        let decision: &[(&str, &str)] = &[
            ("appeal_outcome", "reinstated"),
            ("appeal_reason", "Shfaqet"),
            ("confirmed", "yes"),
        ];
        for (path, session, said) in [
            (&appeals[0], &both, "Këtë përmbajtje e keni fshehur ju"),
            (&appeals[1], &who.coordinator, "Kjo përmbajtje është e juaja"),
        ] {
            let page = app.get(path, Some(session)).await.text();
            assert!(page.contains(said), "{}: {page}", app.label);
            assert!(!page.contains("name=\"appeal_outcome\""), "no form: {page}");
            let r = app.post(path, Some(session), decision).await;
            assert_eq!(
                r.status_code(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "{}: {path}",
                app.label
            );
            assert!(r.text().contains("koordinator tjetër"), "{}", r.text());
            // Another coordinator decides it.
            let r = app.post(path, Some(&admin), decision).await;
            assert_eq!(r.status_code(), StatusCode::SEE_OTHER, "{}: {}", app.label, r.text());
        }
    })
    .await;
}
