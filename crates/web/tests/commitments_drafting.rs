//! Drafting commitments through the forum's pages (issue 10, parts 1, 2, 3 and 5), on both
//! databases: who may use each route, bad input refused next to its field in both languages
//! with nothing lost, a stale save shown with both texts and the person's text kept, the
//! word-level comparison, who may endorse, comments kept off public pages, and the template's
//! next version while an existing commitment keeps its own.

use axum::http::StatusCode;
use domain::commitments::{CommitmentStatus, drafting::form_values};
use store::commitments::comments::NewComment;

use crate::{
    commitments_routes::{CommitmentFixture, Who, check_route, commitment_fixture, document},
    helpers::{TestApp, each_backend, location},
};

pub const ROUTES: &[(&str, &str, Who)] = &[
    ("GET", "/forum/commitments", Who::Drafters),
    ("GET", "/forum/commitments/new", Who::Drafters),
    ("POST", "/forum/commitments/new", Who::Drafters),
    ("GET", "/forum/commitments/{id}", Who::Drafters),
    ("GET", "/forum/commitments/{id}/edit", Who::Drafters),
    ("POST", "/forum/commitments/{id}/edit", Who::Drafters),
    ("GET", "/forum/commitments/{id}/versions", Who::Drafters),
    ("GET", "/forum/commitments/{id}/compare", Who::Drafters),
    ("POST", "/forum/commitments/{id}/comments", Who::Drafters),
    (
        "POST",
        "/forum/commitments/{id}/comments/{comment}/resolve",
        Who::Drafters,
    ),
    ("POST", "/forum/commitments/{id}/status", Who::Drafters),
    ("POST", "/forum/commitments/{id}/inputs", Who::Drafters),
    ("POST", "/forum/commitments/{id}/inputs/{input}/unlink", Who::Drafters),
    ("GET", "/admin/commitments/template", Who::Staff),
    ("POST", "/admin/commitments/template", Who::Staff),
];

/// The edit form as the browser sends it for the fixture's document, with `changes` applied.
fn edit_form(title: &str, base: i64, changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut values = form_values(&document(title));
    values.insert("base_version".into(), base.to_string());
    values.insert("note".into(), String::new());
    for (k, v) in changes {
        values.insert((*k).to_owned(), (*v).to_owned());
    }
    let mut pairs: Vec<(String, String)> = Vec::new();
    for (k, v) in values {
        // Repeated checkboxes go as repeated fields, as a browser sends them.
        if k == "values" || k == "areas" {
            pairs.extend(
                v.split(',')
                    .filter(|x| !x.is_empty())
                    .map(|x| (k.clone(), x.to_owned())),
            );
        } else {
            pairs.push((k, v));
        }
    }
    pairs
}

fn borrowed(pairs: &[(String, String)]) -> Vec<(&str, &str)> {
    pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

async fn post_edit(
    app: &TestApp,
    fx: &CommitmentFixture,
    who: &str,
    path: &str,
    form: &[(String, String)],
) -> (StatusCode, String) {
    let r = app.post(path, Some(&fx.session(who)), &borrowed(form)).await;
    let status = r.status_code();
    (status, r.text())
}

#[tokio::test]
async fn every_drafting_route_answers_only_the_forum_and_staff() {
    each_backend(async |app| {
        let fx = commitment_fixture(app).await;
        let comment = app
            .store
            .add_commitment_comment(
                app.elbasan,
                fx.draft,
                &NewComment {
                    version_number: 1,
                    field_key: String::new(),
                    parent_id: None,
                    author: fx.member,
                    body: "Një koment".into(),
                },
                &fx.ctx,
            )
            .await
            .expect("comment");
        let mut wrong = Vec::new();
        for (method, pattern, who) in ROUTES {
            let path = pattern
                .replace("{id}", &fx.draft.to_string())
                .replace("{comment}", &comment.to_string())
                .replace("{input}", "999999");
            wrong.extend(check_route(app, &fx, method, &path, *who, &[]).await);
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    })
    .await;
}

#[tokio::test]
async fn bad_input_is_refused_next_to_its_field_in_both_languages_with_nothing_lost() {
    each_backend(async |app| {
        let fx = commitment_fixture(app).await;
        let path = format!("/forum/commitments/{}/edit", fx.draft);
        let typed = "Qytetarët e Shirgjanit nuk dinë ku të ankohen për ujin.";
        let form = edit_form(
            "",
            1,
            &[
                ("field.q1_problem", typed),
                ("starts_on", "31.02.2026"),
                ("ms-0-due", "01.01.2026"),
                ("ms-1-output", "Vetëm një produkt"),
                ("areas", "not_an_area"),
            ],
        );
        for (lang, date_msg, required) in [
            ("sq", "Shkruani një datë të vërtetë si dd.mm.vvvv", "Titulli"),
            ("en", "Enter a real date as dd.mm.yyyy", "Title"),
        ] {
            let (status, body) = post_edit(app, &fx, "member", &format!("{path}?lang={lang}"), &form).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{} {lang}", app.label);
            assert!(body.contains("id=\"error-summary\""), "{body}");
            assert!(body.contains(date_msg), "{lang}: {body}");
            // The summary names the field; the message sits right above it.
            assert!(body.contains(&format!("{required}:")), "{lang}: {body}");
            let at_error = body.find("id=\"starts_on-error\"").expect("error beside the date");
            let at_field = body.find("id=\"starts_on\" name=\"starts_on\"").expect("date field");
            assert!(at_error < at_field);
            assert!(
                body.contains("id=\"ms-1-description-error\""),
                "a milestone with content needs a description"
            );
            assert!(body.contains("id=\"ms-0-due-error\""), "due before start");
            // Nothing typed is lost.
            assert!(body.contains(typed), "{body}");
            assert!(body.contains("value=\"31.02.2026\""));
            assert!(body.contains("Vetëm një produkt"));
        }
        let versions = app
            .store
            .commitment_versions(app.elbasan, fx.draft)
            .await
            .expect("versions");
        assert_eq!(versions.len(), 1, "nothing saved");
    })
    .await;
}

#[tokio::test]
async fn adding_a_milestone_saves_nothing_and_keeps_everything() {
    each_backend(async |app| {
        let fx = commitment_fixture(app).await;
        let path = format!("/forum/commitments/{}/edit", fx.draft);
        let mut form = edit_form("Titulli i ri", 1, &[("field.q2_causes", "Shkaqet e shkruara")]);
        form.push(("action".into(), "add_milestone".into()));
        let (status, body) = post_edit(app, &fx, "member", &path, &form).await;
        assert_eq!(status, StatusCode::OK, "{}", app.label);
        assert!(body.contains("Shkaqet e shkruara") && body.contains("Titulli i ri"));
        // The fixture's milestone, an empty group, and the one asked for.
        assert!(body.contains("name=\"ms-2-description\""), "{body}");
        let versions = app
            .store
            .commitment_versions(app.elbasan, fx.draft)
            .await
            .expect("versions");
        assert_eq!(versions.len(), 1);
    })
    .await;
}

#[tokio::test]
async fn a_stale_save_shows_both_texts_keeps_yours_and_saving_again_works() {
    each_backend(async |app| {
        let fx = commitment_fixture(app).await;
        let path = format!("/forum/commitments/{}/edit", fx.draft);
        let title = "Forumi i qytetarëve për politikat vendore";
        // The chair saves version 2 while the member's form still says version 1.
        let theirs = edit_form(title, 1, &[("field.q1_problem", "Teksti i kryetarit për problemin")]);
        let (status, _) = post_edit(app, &fx, "chair", &path, &theirs).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{}", app.label);
        let yours = edit_form(title, 1, &[("field.q1_problem", "Teksti im për problemin")]);
        let (status, body) = post_edit(app, &fx, "member", &path, &yours).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{}", app.label);
        assert!(body.contains("id=\"stale\""), "{body}");
        assert!(body.contains("ruajti versionin 2"), "{body}");
        assert!(body.contains("Teksti i kryetarit për problemin"), "theirs shown");
        assert!(body.contains("Teksti im për problemin"), "yours kept");
        assert!(
            body.contains("name=\"base_version\" value=\"2\""),
            "the form follows their version"
        );
        let versions = app
            .store
            .commitment_versions(app.elbasan, fx.draft)
            .await
            .expect("versions");
        assert_eq!(versions.len(), 2, "the stale save wrote nothing");
        // Saving again on purpose works.
        let again = edit_form(title, 2, &[("field.q1_problem", "Teksti im për problemin")]);
        let (status, _) = post_edit(app, &fx, "member", &path, &again).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let v3 = app
            .store
            .commitment_version(app.elbasan, fx.draft, 3)
            .await
            .expect("read")
            .expect("version 3");
        assert_eq!(v3.document.field("q1_problem"), "Teksti im për problemin");
    })
    .await;
}

#[tokio::test]
async fn the_comparison_marks_removed_and_added_words() {
    each_backend(async |app| {
        let fx = commitment_fixture(app).await;
        let path = format!("/forum/commitments/{}/edit", fx.draft);
        let form = edit_form(
            "Forumi i qytetarëve për politikat vendore",
            1,
            &[("field.q1_problem", "Qytetarët nuk kanë një vend të rregullt dialogu.")],
        );
        let (status, _) = post_edit(app, &fx, "member", &path, &form).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{}", app.label);
        let r = app
            .get(
                &format!("/forum/commitments/{}/compare?from=1&to=2", fx.draft),
                Some(&fx.session("chair")),
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::OK);
        let body = r.text();
        assert!(
            body.contains("<del><span class=\"visually-hidden\">hequr: </span>përhershëm</del>"),
            "{body}"
        );
        assert!(
            body.contains("<ins><span class=\"visually-hidden\">shtuar: </span>rregullt</ins>"),
            "{body}"
        );
        let versions = app
            .get(
                &format!("/forum/commitments/{}/versions", fx.draft),
                Some(&fx.session("member")),
            )
            .await
            .text();
        assert!(versions.contains("action=\"/forum/commitments/") && versions.contains("name=\"from\""));
    })
    .await;
}

#[tokio::test]
async fn only_the_chair_or_the_coordinator_endorses_and_withdrawing_asks_first() {
    each_backend(async |app| {
        let fx = commitment_fixture(app).await;
        let path = format!("/forum/commitments/{}/status", fx.draft);
        let endorse = [
            ("status_to", "forum_endorsed"),
            ("status_reason", "Forumi e miratoi më 12.03."),
        ];
        let r = app.post(&path, Some(&fx.session("member")), &endorse).await;
        assert_eq!(r.status_code(), StatusCode::FORBIDDEN, "{}", app.label);
        // The reason is required, in the person's language, next to its field.
        let r = app
            .post(
                &format!("{path}?lang=en"),
                Some(&fx.session("chair")),
                &[("status_to", "forum_endorsed"), ("status_reason", "")],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().contains("id=\"status_reason-error\""));
        let r = app.post(&path, Some(&fx.session("chair")), &endorse).await;
        assert_eq!(r.status_code(), StatusCode::SEE_OTHER);
        let row = app
            .store
            .commitment(app.elbasan, fx.draft)
            .await
            .expect("read")
            .expect("row");
        assert_eq!(row.status, CommitmentStatus::ForumEndorsed);
        assert_eq!(row.public_version, Some(1));
        let page = app
            .get(&format!("/forum/commitments/{}", fx.draft), Some(&fx.session("member")))
            .await
            .text();
        assert!(page.contains("Forumi e miratoi më 12.03."), "the status history");
        // Withdrawing: a confirmation page first, nothing changed; then done.
        let withdraw = [("status_to", "withdrawn"), ("status_reason", "U bashkua me ALBSN0002")];
        let r = app.post(&path, Some(&fx.session("coordinator")), &withdraw).await;
        assert_eq!(r.status_code(), StatusCode::OK);
        assert!(r.text().contains("id=\"confirm-form\""));
        let row = app
            .store
            .commitment(app.elbasan, fx.draft)
            .await
            .expect("read")
            .expect("row");
        assert_eq!(row.status, CommitmentStatus::ForumEndorsed);
        let mut confirmed = withdraw.to_vec();
        confirmed.push(("confirmed", "yes"));
        let r = app.post(&path, Some(&fx.session("coordinator")), &confirmed).await;
        assert_eq!(r.status_code(), StatusCode::SEE_OTHER);
        assert!(location(&r).starts_with(&format!("/forum/commitments/{}", fx.draft)));
        let row = app
            .store
            .commitment(app.elbasan, fx.draft)
            .await
            .expect("read")
            .expect("row");
        assert_eq!(row.status, CommitmentStatus::Withdrawn);
    })
    .await;
}

#[tokio::test]
async fn comments_stay_in_the_forum_and_never_reach_public_pages() {
    each_backend(async |app| {
        let fx = commitment_fixture(app).await;
        let secret = "Koment i brendshëm i forumit";
        let r = app
            .post(
                &format!("/forum/commitments/{}/comments", fx.public),
                Some(&fx.session("member")),
                &[
                    ("comment_version", "1"),
                    ("comment_field", "q1_problem"),
                    ("comment_body", secret),
                ],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::SEE_OTHER, "{}", app.label);
        let staff = app
            .get(&format!("/forum/commitments/{}", fx.public), Some(&fx.session("chair")))
            .await
            .text();
        assert!(staff.contains(secret));
        for path in [
            "/commitments/ALBSN0002",
            "/commitments/ALBSN0002/history",
            "/commitments",
            "/library",
        ] {
            let body = app.get(path, None).await.text();
            assert!(!body.contains(secret), "{path}");
        }
        // An empty comment is refused beside its field.
        let r = app
            .post(
                &format!("/forum/commitments/{}/comments", fx.public),
                Some(&fx.session("member")),
                &[("comment_body", " ")],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().contains("id=\"comment_body-error\""));
    })
    .await;
}

#[tokio::test]
async fn the_template_edit_makes_version_2_while_an_existing_commitment_keeps_version_1() {
    each_backend(async |app| {
        let fx = commitment_fixture(app).await;
        let coordinator = fx.session("coordinator");
        let r = app.get("/admin/commitments/template?lang=en", Some(&coordinator)).await;
        assert_eq!(r.status_code(), StatusCode::OK, "{}", app.label);
        let (_, template) = app.store.current_template(app.elbasan).await.expect("template");
        let mut form: Vec<(String, String)> = vec![("base_version".into(), template.version.to_string())];
        for f in &template.fields {
            let label_en = if f.key == "q1_problem" {
                "1. Which problem of the city does it address?".to_owned()
            } else {
                f.label_en.clone()
            };
            form.push((format!("label_sq.{}", f.key), f.label_sq.clone()));
            form.push((format!("label_en.{}", f.key), label_en));
            form.push((format!("hint_sq.{}", f.key), f.hint_sq.clone()));
            form.push((format!("hint_en.{}", f.key), f.hint_en.clone()));
            if f.required {
                form.push((format!("required.{}", f.key), "yes".into()));
            }
        }
        let r = app
            .post("/admin/commitments/template", Some(&coordinator), &borrowed(&form))
            .await;
        assert_eq!(r.status_code(), StatusCode::SEE_OTHER);
        let (_, now) = app.store.current_template(app.elbasan).await.expect("template");
        assert_eq!(now.version, 2);
        let old = app
            .get(
                &format!("/forum/commitments/{}/edit?lang=en", fx.draft),
                Some(&fx.session("member")),
            )
            .await
            .text();
        assert!(
            old.contains("1. What problem does the commitment aim to address?"),
            "{old}"
        );
        assert!(!old.contains("Which problem of the city"));
        let new = app
            .get("/forum/commitments/new?lang=en", Some(&fx.session("member")))
            .await
            .text();
        assert!(new.contains("1. Which problem of the city does it address?"));
        // An empty label is refused, named by field and part.
        let mut bad = form.clone();
        bad[0].1 = "2".into();
        for pair in bad.iter_mut() {
            if pair.0 == "label_en.q2_causes" {
                pair.1 = String::new();
            }
        }
        let r = app
            .post(
                "/admin/commitments/template?lang=en",
                Some(&coordinator),
                &borrowed(&bad),
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().contains("id=\"label_en.q2_causes-error\""));
    })
    .await;
}

#[tokio::test]
async fn an_adopted_input_links_to_its_public_commitment_and_back() {
    each_backend(async |app| {
        // The input's phase belongs to an earlier cycle: linking only asks for the same tenant.
        let ifx = crate::input_routes::input_fixture(app).await;
        let fx = commitment_fixture(app).await;
        let input = crate::input_routes::add_input(
            app,
            &ifx,
            ifx.author,
            "Vendimet e Këshillit të publikohen shpejt",
            "Vendimet dalin me javë vonesë.",
        )
        .await;
        let member = fx.session("member");
        let link = |id: i64| format!("/forum/commitments/{id}/inputs");
        for bad in ["abc", "999999"] {
            let r = app
                .post(
                    &format!("{}?lang=en", link(fx.public)),
                    Some(&member),
                    &[("input", bad)],
                )
                .await;
            assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY, "{} {bad}", app.label);
            let body = r.text();
            assert!(body.contains("id=\"input-error\""), "{body}");
            assert!(body.contains(&format!("value=\"{bad}\"")), "kept");
        }
        let r = app
            .post(
                &link(fx.public),
                Some(&member),
                &[("input", &format!("https://elbasan.example/input/{input}"))],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::SEE_OTHER);
        let again = app
            .post(&link(fx.public), Some(&member), &[("input", &input.to_string())])
            .await;
        assert_eq!(again.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(again.text().contains("tashmë"), "already linked, in Albanian");
        let r = app
            .post(&link(fx.draft), Some(&member), &[("input", &input.to_string())])
            .await;
        assert_eq!(r.status_code(), StatusCode::SEE_OTHER);
        let public = app.get(&format!("/input/{input}"), None).await.text();
        assert!(
            public.contains("<a href=\"/commitments/ALBSN0002\">Përfshirë në ALBSN0002: Buxhetimi me pjesëmarrje</a>"),
            "{public}"
        );
        assert!(!public.contains("ALBSN0001"), "a draft is not shown to the public");
        let forum = app.get(&format!("/input/{input}"), Some(&member)).await.text();
        assert!(forum.contains(&format!("/forum/commitments/{}", fx.draft)));
        let staff = app
            .get(&format!("/forum/commitments/{}", fx.public), Some(&member))
            .await
            .text();
        assert!(staff.contains(&format!("href=\"/input/{input}\"")));
        // The input's answer names the commitment: a link to the page the visitor may see; a
        // draft's identifier, or free text, stays text (never a link to a page that is missing).
        let answerer = ifx.session("coordinator");
        for (n, (reference, public_link)) in [
            ("ALBSN0002 – Buxhetimi", Some("/commitments/ALBSN0002")),
            ("ALBSN0001", None),
            ("https://elbasan.example/plani", Some("https://elbasan.example/plani")),
            ("Plani i veprimit", None),
        ]
        .into_iter()
        .enumerate()
        {
            let r = app
                .post(
                    &format!("/input/{input}/answer"),
                    Some(&answerer),
                    &[
                        ("status", "adopted"),
                        ("body_sq", "U përfshi në plan."),
                        ("body_en", ""),
                        ("merged_into", ""),
                        ("commitment_ref", reference),
                        ("publish", "yes"),
                        ("confirmed", "yes"),
                    ],
                )
                .await;
            assert_eq!(r.status_code(), StatusCode::SEE_OTHER, "{}: {reference}", app.label);
            let public = app.get(&format!("/input/{input}?answer={n}"), None).await.text();
            let shown = public.split("id=\"answer-heading\"").nth(1).unwrap_or_default();
            match public_link {
                Some(href) => assert!(
                    shown.contains(&format!("<a href=\"{href}\">{reference}</a>")),
                    "{}: {reference}: {shown}",
                    app.label
                ),
                None => assert!(
                    shown.contains(&format!(": {reference}</p>")),
                    "{}: {reference}: {shown}",
                    app.label
                ),
            }
        }
        let r = app
            .post(
                &format!("/forum/commitments/{}/inputs/{input}/unlink", fx.public),
                Some(&member),
                &[],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::SEE_OTHER);
        let public = app.get(&format!("/input/{input}"), None).await.text();
        assert!(!public.contains("ALBSN0002"));
    })
    .await;
}

#[tokio::test]
async fn an_observer_seat_neither_drafts_nor_comments() {
    each_backend(async |app| {
        let fx = commitment_fixture(app).await;
        let (observer, session) = app.user_in(app.elbasan, "observer-commitments@example.org", &[]).await;
        crate::forum_routes::seat(app, fx.forum, observer, domain::forum::Sector::Cso, "observer", &fx.ctx).await;
        for path in [
            "/forum/commitments".to_owned(),
            "/forum/commitments/new".to_owned(),
            format!("/forum/commitments/{}/edit", fx.draft),
        ] {
            let r = app.get(&path, Some(&session)).await;
            assert_eq!(r.status_code(), StatusCode::FORBIDDEN, "{}: {path}", app.label);
        }
        let r = app
            .post(
                &format!("/forum/commitments/{}/comments", fx.draft),
                Some(&session),
                &[("comment_body", "Vëzhgim")],
            )
            .await;
        assert_eq!(r.status_code(), StatusCode::FORBIDDEN, "{}", app.label);
    })
    .await;
}

#[tokio::test]
async fn a_reply_to_a_comment_that_is_not_there_is_refused_beside_the_form() {
    each_backend(async |app| {
        let fx = commitment_fixture(app).await;
        for parent in ["abc", "999999"] {
            let r = app
                .post(
                    &format!("/forum/commitments/{}/comments", fx.draft),
                    Some(&fx.session("member")),
                    &[("parent", parent), ("comment_body", "Përgjigje")],
                )
                .await;
            assert_eq!(
                r.status_code(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "{}: parent {parent}",
                app.label
            );
            let body = r.text();
            assert!(body.contains("Përgjigje"), "{}: nothing typed lost", app.label);
            assert!(
                !body.contains("id=\"comment_body-error\""),
                "{}: the answered comment is at fault, not the text",
                app.label
            );
        }
    })
    .await;
}

#[tokio::test]
async fn the_new_forms_panel_counts_the_commitment_being_written() {
    each_backend(async |app| {
        let fx = commitment_fixture(app).await;
        // The fixture's cycle holds two commitments; the new one makes three.
        let body = app
            .get("/forum/commitments/new", Some(&fx.session("member")))
            .await
            .text();
        let says = |n: &str| {
            body.contains(&format!("Plani ka {n} angazhime"))
                || body.contains(&format!("Plani ka \u{2068}{n}\u{2069} angazhime"))
        };
        assert!(says("3") && !says("2"), "{}: {body}", app.label);
    })
    .await;
}
