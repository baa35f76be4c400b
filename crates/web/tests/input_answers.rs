//! Answers, coverage and open data over HTTP on both databases, and this part's route × role
//! table.

use store::{
    AuditCtx, NewMail,
    input::{
        answers::{AnswerInput, AnswerTarget},
        notifications::{FollowerMail, FollowerRow},
    },
};

use crate::{
    helpers::{each_backend, location},
    input_routes::{InputFixture, Who, add_input, check_route, input_fixture},
};

/// Every route of this part with who may use it (paths with `{placeholders}`).
pub const ROUTES: &[(&str, &str, Who)] = &[
    ("GET", "/input/coverage", Who::Anyone),
    ("GET", "/input/feed.atom", Who::Anyone),
    ("GET", "/input/answers.atom", Who::Anyone),
    ("GET", "/input/export.csv", Who::Anyone),
    ("GET", "/input/clusters", Who::Anyone),
    ("GET", "/input/clusters/{cluster}", Who::Anyone),
    ("GET", "/forum/grouping", Who::ForumOrStaff),
    ("GET", "/forum/grouping/clusters/new", Who::ForumOrStaff),
    ("POST", "/forum/grouping/clusters/new", Who::ForumOrStaff),
    ("GET", "/forum/grouping/clusters/{cluster}", Who::ForumOrStaff),
    ("POST", "/forum/grouping/clusters/{cluster}", Who::ForumOrStaff),
    ("POST", "/forum/grouping/proposals/{proposal}/accept", Who::ForumOrStaff),
    ("POST", "/forum/grouping/proposals/{proposal}/reject", Who::ForumOrStaff),
    ("GET", "/input/{input}/merge", Who::ForumOrStaff),
    ("POST", "/input/{input}/merge", Who::ForumOrStaff),
    ("GET", "/input/{input}/answer", Who::ForumOrStaff),
    ("POST", "/input/{input}/answer", Who::ForumOrStaff),
    ("GET", "/input/clusters/{cluster}/answer", Who::ForumOrStaff),
    ("POST", "/input/clusters/{cluster}/answer", Who::ForumOrStaff),
    ("GET", "/api/v1/input/phases", Who::Anyone),
    ("GET", "/api/v1/input/inputs", Who::Anyone),
    ("GET", "/api/v1/input/inputs/{input}", Who::Anyone),
    ("GET", "/api/v1/input/clusters", Who::Anyone),
    ("GET", "/api/v1/input/answers", Who::Anyone),
    ("GET", "/api/v1/input/coverage", Who::Anyone),
    // Last: computing replaces the open proposal the rows above use.
    ("POST", "/forum/grouping/propose", Who::ForumOrStaff),
];

/// Two more inputs of the fixture's phase, a cluster of them and an open proposal of the
/// fixture's input with the first: (second input, cluster, proposal).
async fn grouping_fixture(app: &crate::helpers::TestApp, fx: &InputFixture) -> (i64, i64, i64) {
    let second = add_input(
        app,
        fx,
        fx.participant,
        "Drita në rrugët e Shirgjanit",
        "Natën rrugët janë në errësirë.",
    )
    .await;
    let third = add_input(
        app,
        fx,
        fx.participant,
        "Ndriçimi i fshatit Shirgjan",
        "Shtyllat e dritave nuk punojnë.",
    )
    .await;
    let ctx = AuditCtx {
        actor: Some(fx.forum_member),
        at: app.now(),
        ..fx.ctx.clone()
    };
    let cluster = app
        .store
        .create_cluster(
            app.elbasan,
            fx.phase,
            "Ndriçimi në Shirgjan",
            "",
            &[second, third],
            &ctx,
        )
        .await
        .expect("cluster");
    app.store
        .replace_proposals(app.elbasan, fx.phase, &[(60, vec![fx.input, second])], &ctx)
        .await
        .expect("proposals");
    let proposal = app
        .store
        .proposals(app.elbasan, fx.phase, domain::input::ProposalStatus::Open)
        .await
        .expect("proposals")[0]
        .id;
    (second, cluster, proposal)
}

fn mail(input: i64, title: &str, f: &FollowerRow) -> FollowerMail {
    FollowerMail {
        mail: NewMail {
            recipient: f.email.clone(),
            subject: format!("Përgjigje për „{title}”"),
            body_text: format!("/input/{input}"),
            lang: f.lang.clone(),
            about: None,
            attachment: None,
        },
        unsubscribe_hash: format!("test-{input}-{}", f.user_id),
    }
}

#[tokio::test]
async fn answers_routes_keep_their_rules() {
    each_backend(async |app| {
        let fx = input_fixture(app).await;
        let (_, cluster, proposal) = grouping_fixture(app, &fx).await;
        let mut wrong = Vec::new();
        for (method, path, who) in ROUTES {
            let path = path
                .replace("{input}", &fx.input.to_string())
                .replace("{cluster}", &cluster.to_string())
                .replace("{proposal}", &proposal.to_string());
            wrong.extend(check_route(app, &fx, method, &path, *who, &[]).await);
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    })
    .await;
}

#[tokio::test]
async fn open_data_shows_published_answers_and_defuses_formulas() {
    each_backend(async |app| {
        let fx = input_fixture(app).await;
        let formula = add_input(app, &fx, fx.author, "=HYPERLINK(\"http://x\")", "Trupi & <b>teksti</b>").await;
        let ctx = AuditCtx {
            actor: Some(fx.forum_member),
            at: app.now(),
            ..fx.ctx.clone()
        };
        let answer = AnswerInput {
            status: domain::input::AnswerStatus::NotAdopted,
            body_sq: "Nuk ka fonde këtë vit.".into(),
            body_en: "No funds this year.".into(),
            merged_into_id: None,
            commitment_ref: String::new(),
        };
        let id = app
            .store
            .save_answer(app.elbasan, AnswerTarget::Input(fx.input), &answer, &ctx)
            .await
            .expect("save")
            .expect("input");

        // A draft is not public.
        let feed = app.get("/input/answers.atom?draft", None).await.text();
        assert!(!feed.contains("Nuk ka fonde"), "{}: {feed}", app.label);
        let coverage = app.get("/input/coverage?draft", None).await.text();
        assert!(coverage.contains("0 / 2"), "{}: {coverage}", app.label);

        app.store
            .publish_answer(app.elbasan, id, &mail, &ctx)
            .await
            .expect("publish")
            .expect("draft");
        let coverage = app.get("/input/coverage?published", None).await.text();
        assert!(
            coverage.contains("1 / 2") && coverage.contains("50 %"),
            "{}: {coverage}",
            app.label
        );

        // Both feeds are well-formed XML with absolute links.
        for path in ["/input/answers.atom?published", "/input/feed.atom?published"] {
            let response = app.get(path, None).await;
            let body = response.text();
            let feed: atom_syndication::Feed = body
                .parse()
                .unwrap_or_else(|e| panic!("{}: {path}: {e}: {body}", app.label));
            assert!(!feed.entries().is_empty(), "{}: {path}", app.label);
            for entry in feed.entries() {
                assert!(entry.links()[0].href().starts_with("http"), "{}: {path}", app.label);
            }
        }
        let answers = app.get("/input/answers.atom?published2", None).await.text();
        assert!(answers.contains("Nuk ka fonde"), "{}: {answers}", app.label);

        // The CSV starts with the byte-order mark, defuses the formula and carries the answer.
        let csv = app.get("/input/export.csv?published", None).await;
        let bytes = csv.as_bytes().to_vec();
        assert!(bytes.starts_with("\u{FEFF}id,created,kind".as_bytes()), "{}", app.label);
        let text = String::from_utf8(bytes).expect("utf-8");
        assert!(text.contains("'=HYPERLINK"), "{}: {text}", app.label);
        assert!(!text.contains(",=HYPERLINK"), "{}", app.label);
        assert!(text.contains("Nuk ka fonde këtë vit."), "{}", app.label);
        assert!(text.contains(&format!("\n{formula},")), "{}", app.label);
    })
    .await;
}

#[tokio::test]
async fn forum_member_groups_answers_and_the_public_sees_only_the_published_answer() {
    each_backend(async |app| {
        let fx = input_fixture(app).await;
        let (second, _, proposal) = grouping_fixture(app, &fx).await;
        let member = fx.session("forum_member");

        // The board lists the proposal; accepting it with a title makes a cluster.
        let board = app.get("/forum/grouping", Some(&member)).await.text();
        assert!(
            board.contains(&format!("/forum/grouping/proposals/{proposal}/accept")),
            "{}: {board}",
            app.label
        );
        let id_a = fx.input.to_string();
        let id_b = second.to_string();
        let accepted = app
            .post(
                &format!("/forum/grouping/proposals/{proposal}/accept"),
                Some(&member),
                &[
                    ("inputs", &id_a),
                    ("inputs", &id_b),
                    ("title_sq", "Drita në Shirgjan"),
                    ("title_en", ""),
                ],
            )
            .await;
        assert_eq!(accepted.status_code(), 303, "{}: {}", app.label, accepted.text());
        let cluster_href = location(&accepted);
        assert!(
            cluster_href.starts_with("/input/clusters/"),
            "{}: {cluster_href}",
            app.label
        );
        let cluster_page = app.get(&format!("{cluster_href}?a"), None).await.text();
        assert!(
            cluster_page.contains("Drita në Shirgjan"),
            "{}: {cluster_page}",
            app.label
        );

        // A draft answer: forum members see it, the public does not.
        let answer_path = format!("{cluster_href}/answer");
        let draft = app
            .post(
                &answer_path,
                Some(&member),
                &[
                    ("status", "under_consideration"),
                    ("body_sq", "Po e shqyrtojmë me ndërmarrjen e ndriçimit."),
                    ("body_en", ""),
                    ("publish", ""),
                ],
            )
            .await;
        assert_eq!(draft.status_code(), 303, "{}: {}", app.label, draft.text());
        let public = app.get(&format!("{cluster_href}?draft"), None).await.text();
        assert!(!public.contains("ndërmarrjen e ndriçimit"), "{}: {public}", app.label);
        let own = app.get(&cluster_href, Some(&member)).await.text();
        assert!(own.contains("ndërmarrjen e ndriçimit"), "{}: {own}", app.label);
        let input_page = app.get(&format!("/input/{}?draft", fx.input), None).await.text();
        assert!(!input_page.contains("ndërmarrjen e ndriçimit"), "{}", app.label);

        // Publishing asks once more, saying who is told; nothing is public before.
        let fields = [
            ("status", "adopted"),
            ("body_sq", "Shtyllat do të ndërrohen në pranverë."),
            ("body_en", "The poles will be replaced in spring."),
            ("commitment_ref", "ALBSN0001"),
            ("publish", "yes"),
        ];
        let ask = app.post(&answer_path, Some(&member), &fields).await;
        assert_eq!(ask.status_code(), 200, "{}", app.label);
        let ask = ask.text();
        assert!(ask.contains("name=\"confirmed\" value=\"yes\""), "{}: {ask}", app.label);
        assert!(
            ask.contains("Shtyllat do të ndërrohen në pranverë."),
            "{}: {ask}",
            app.label
        );
        let public = app.get(&format!("{cluster_href}?asked"), None).await.text();
        assert!(!public.contains("ndërrohen"), "{}", app.label);

        let mut confirmed = fields.to_vec();
        confirmed.push(("confirmed", "yes"));
        let done = app.post(&answer_path, Some(&member), &confirmed).await;
        assert_eq!(done.status_code(), 303, "{}: {}", app.label, done.text());
        let public = app.get(&format!("{cluster_href}?published"), None).await.text();
        assert!(
            public.contains("Shtyllat do të ndërrohen në pranverë."),
            "{}: {public}",
            app.label
        );
        let english = app.get(&format!("{cluster_href}?published&lang=en"), None).await.text();
        let _ = english;
        // The author of a covered input is told.
        assert!(app.mails_to("author-input@example.org").await >= 1, "{}", app.label);
        let input_page = app.get(&format!("/input/{}?published", fx.input), None).await.text();
        assert!(
            input_page.contains("Shtyllat do të ndërrohen"),
            "{}: {input_page}",
            app.label
        );
    })
    .await;
}

#[tokio::test]
async fn bad_answers_and_groupings_are_answered_next_to_the_field_with_nothing_lost() {
    each_backend(async |app| {
        let fx = input_fixture(app).await;
        let (second, cluster, _) = grouping_fixture(app, &fx).await;
        let member = fx.session("forum_member");
        let path = format!("/input/{}/answer", fx.input);

        // An empty justification, with the English text kept.
        let r = app
            .post(
                &path,
                Some(&member),
                &[
                    ("status", "not_adopted"),
                    ("body_sq", "  "),
                    ("body_en", "Kept English text"),
                    ("publish", ""),
                ],
            )
            .await;
        assert_eq!(r.status_code(), 422, "{}", app.label);
        let body = r.text();
        assert!(body.contains("id=\"body_sq-error\""), "{}: {body}", app.label);
        assert!(body.contains("Kept English text"), "{}", app.label);
        assert!(body.contains("value=\"not_adopted\" checked"), "{}", app.label);

        // Over-long.
        let long = "a".repeat(domain::input::ANSWER_MAX + 1);
        let r = app
            .post(
                &path,
                Some(&member),
                &[("status", "adopted"), ("body_sq", &long), ("publish", "")],
            )
            .await;
        assert_eq!(r.status_code(), 422, "{}", app.label);
        assert!(r.text().contains("id=\"body_sq-error\""), "{}", app.label);

        // Merged without saying into which.
        let r = app
            .post(
                &path,
                Some(&member),
                &[
                    ("status", "merged"),
                    ("body_sq", "Është i njëjtë me një tjetër."),
                    ("merged_into", ""),
                    ("publish", ""),
                ],
            )
            .await;
        assert_eq!(r.status_code(), 422, "{}", app.label);
        let body = r.text();
        assert!(body.contains("id=\"merged_into-error\""), "{}: {body}", app.label);
        assert!(body.contains("Është i njëjtë me një tjetër."), "{}", app.label);

        // HTML and script come back escaped, never run.
        let script = "<script>alert(1)</script> **fort**";
        let r = app
            .post(
                &path,
                Some(&member),
                &[("status", ""), ("body_sq", script), ("publish", "")],
            )
            .await;
        assert_eq!(r.status_code(), 422, "{}", app.label);
        let body = r.text();
        assert!(!body.contains("<script>alert(1)"), "{}", app.label);
        assert!(
            body.contains("&lt;script&gt;alert(1)&lt;/script&gt;") || body.contains("&#60;script"),
            "{}: {body}",
            app.label
        );
        assert!(body.contains("id=\"status\""), "{}", app.label);

        // Saved with HTML, then published: the public page shows it sanitised.
        let fields = [
            ("status", "not_adopted"),
            ("body_sq", script),
            ("publish", "yes"),
            ("confirmed", "yes"),
        ];
        let r = app.post(&path, Some(&member), &fields).await;
        assert_eq!(r.status_code(), 303, "{}: {}", app.label, r.text());
        let page = app.get(&format!("/input/{}?script", fx.input), None).await.text();
        assert!(!page.contains("<script>alert(1)"), "{}", app.label);

        // A cluster without a title and with one input.
        let second_id = second.to_string();
        let r = app
            .post(
                "/forum/grouping/clusters/new",
                Some(&member),
                &[("title_sq", ""), ("title_en", "Kept title"), ("inputs", &second_id)],
            )
            .await;
        assert_eq!(r.status_code(), 422, "{}", app.label);
        let body = r.text();
        assert!(body.contains("id=\"title_sq-error\""), "{}: {body}", app.label);
        assert!(body.contains("Kept title"), "{}", app.label);
        assert!(body.contains(&format!("value=\"{second}\" checked")), "{}", app.label);

        // Merging without a target, then with one: asked once more, then done.
        let merge = format!("/input/{}/merge", fx.input);
        let r = app.post(&merge, Some(&member), &[("into", "")]).await;
        assert_eq!(r.status_code(), 422, "{}", app.label);
        assert!(r.text().contains("id=\"into-error\""), "{}", app.label);
        let r = app.post(&merge, Some(&member), &[("into", &second_id)]).await;
        assert_eq!(r.status_code(), 200, "{}", app.label);
        assert!(r.text().contains("name=\"confirmed\""), "{}", app.label);
        let r = app
            .post(&merge, Some(&member), &[("into", &second_id), ("confirmed", "yes")])
            .await;
        assert_eq!(r.status_code(), 303, "{}: {}", app.label, r.text());
        let merged = app.get(&merge, Some(&member)).await.text();
        assert!(
            merged.contains(&format!("href=\"/input/{second}\"")),
            "{}: {merged}",
            app.label
        );

        // Moderators and participants do not group or answer.
        for who in ["moderator", "participant"] {
            let token = fx.session(who);
            for p in [
                format!("/input/clusters/{cluster}/answer"),
                path.clone(),
                "/forum/grouping".to_owned(),
            ] {
                assert_eq!(
                    app.get(&p, Some(&token)).await.status_code(),
                    403,
                    "{}: {who} {p}",
                    app.label
                );
            }
        }
    })
    .await;
}

#[tokio::test]
async fn the_api_gives_inputs_comments_clusters_answers_and_coverage_without_hidden_text() {
    each_backend(async |app| {
        let fx = input_fixture(app).await;
        let (second, cluster, _) = grouping_fixture(app, &fx).await;
        let participant = fx.session("participant");
        for text in ["Dakord, edhe në lagjen tonë.", "Një koment i vrazhdë"] {
            let r = app
                .post(
                    &format!("/input/{}/comments", fx.input),
                    Some(&participant),
                    &[("comment", text)],
                )
                .await;
            assert_eq!(r.status_code(), 303, "{}: {}", app.label, r.text());
        }
        let ctx = AuditCtx {
            actor: Some(fx.moderator),
            at: app.now(),
            ..fx.ctx.clone()
        };
        let rude = app
            .store
            .comments(app.elbasan, fx.input)
            .await
            .expect("comments")
            .into_iter()
            .find(|c| c.body.contains("vrazhdë"))
            .expect("comment")
            .id;
        app.store
            .hide_item(
                app.elbasan,
                domain::input::ModerationTarget::Comment,
                rude,
                "Fyese.",
                None,
                &ctx,
            )
            .await
            .expect("hide comment");
        app.store
            .hide_item(
                app.elbasan,
                domain::input::ModerationTarget::Input,
                second,
                "Të dhëna personale.",
                None,
                &ctx,
            )
            .await
            .expect("hide input");

        let phases: serde_json::Value = app.get("/api/v1/input/phases", None).await.json();
        assert_eq!(phases[0]["id"], fx.phase, "{}: {phases}", app.label);
        assert_eq!(phases[0]["themes"].as_array().map(Vec::len), Some(2), "{}", app.label);

        let list: serde_json::Value = app.get("/api/v1/input/inputs", None).await.json();
        let items = list["items"].as_array().expect("items");
        assert_eq!(items.len(), 3, "{}: {list}", app.label);
        let hidden = items.iter().find(|i| i["id"] == second).expect("hidden input listed");
        assert_eq!(hidden["hidden"], true, "{}", app.label);
        assert!(hidden["title"].is_null(), "{}: {hidden}", app.label);
        assert_eq!(hidden["hidden_reason"], "Të dhëna personale.", "{}", app.label);
        assert!(!list.to_string().contains("Drita në rrugët"), "{}", app.label);
        let bad = app.get("/api/v1/input/inputs?sort=nonsense", None).await;
        assert_eq!(bad.status_code(), 422, "{}", app.label);

        let one: serde_json::Value = app
            .get(&format!("/api/v1/input/inputs/{}", fx.input), None)
            .await
            .json();
        assert_eq!(one["title"], "Ndriçim në rrugët e Shirgjanit", "{}: {one}", app.label);
        let comments = one["comments"].as_array().expect("comments");
        assert_eq!(comments.len(), 1, "{}: {one}", app.label);
        assert!(!one.to_string().contains("vrazhdë"), "{}", app.label);
        let hidden: serde_json::Value = app.get(&format!("/api/v1/input/inputs/{second}"), None).await.json();
        assert_eq!(hidden["hidden"], true, "{}", app.label);
        assert!(
            hidden["title"].is_null() && hidden["description"].is_null(),
            "{}: {hidden}",
            app.label
        );
        assert_eq!(app.get("/api/v1/input/inputs/999999", None).await.status_code(), 404);

        let clusters: serde_json::Value = app.get("/api/v1/input/clusters", None).await.json();
        assert_eq!(clusters[0]["id"], cluster, "{}: {clusters}", app.label);
        assert_eq!(clusters[0]["inputs"].as_array().map(Vec::len), Some(2), "{}", app.label);

        // A draft is not open data; a published answer is.
        let member = fx.session("forum_member");
        let path = format!("/input/{}/answer", fx.input);
        app.post(
            &path,
            Some(&member),
            &[
                ("status", "under_consideration"),
                ("body_sq", "Po e shqyrtojmë."),
                ("publish", ""),
            ],
        )
        .await;
        let answers: serde_json::Value = app.get("/api/v1/input/answers?draft", None).await.json();
        assert_eq!(answers.as_array().map(Vec::len), Some(0), "{}: {answers}", app.label);
        app.post(
            &path,
            Some(&member),
            &[
                ("status", "under_consideration"),
                ("body_sq", "Po e shqyrtojmë."),
                ("publish", "yes"),
                ("confirmed", "yes"),
            ],
        )
        .await;
        let answers: serde_json::Value = app.get("/api/v1/input/answers?published", None).await.json();
        assert_eq!(
            answers[0]["justification_sq"], "Po e shqyrtojmë.",
            "{}: {answers}",
            app.label
        );
        let one: serde_json::Value = app
            .get(&format!("/api/v1/input/inputs/{}?published", fx.input), None)
            .await
            .json();
        assert_eq!(one["answer"]["status"], "under_consideration", "{}: {one}", app.label);

        let coverage: serde_json::Value = app.get("/api/v1/input/coverage?published", None).await.json();
        // The hidden input does not count: one of two visible inputs answered.
        assert_eq!(coverage["total"], 2, "{}: {coverage}", app.label);
        assert_eq!(coverage["answered"], 1, "{}: {coverage}", app.label);
        assert_eq!(coverage["percent"], 50, "{}", app.label);

        let doc: serde_json::Value = app.get("/api/openapi.json", None).await.json();
        for path in [
            "/api/v1/input/phases",
            "/api/v1/input/inputs",
            "/api/v1/input/inputs/{input}",
            "/api/v1/input/clusters",
            "/api/v1/input/answers",
            "/api/v1/input/coverage",
        ] {
            assert!(doc["paths"][path]["get"].is_object(), "{path} missing");
        }
    })
    .await;
}

#[tokio::test]
async fn an_answer_to_a_hidden_input_shows_only_its_status_on_the_page_api_feed_and_csv() {
    each_backend(async |app| {
        let fx = input_fixture(app).await;
        let ctx = AuditCtx {
            actor: Some(fx.forum_member),
            at: app.now(),
            ..fx.ctx.clone()
        };
        let answer = AnswerInput {
            status: domain::input::AnswerStatus::Adopted,
            body_sq: "Arsyeja citon kontributin e fshehur.".into(),
            body_en: "The reason quotes the hidden input.".into(),
            merged_into_id: None,
            commitment_ref: "ALBSN-FSHEHUR".into(),
        };
        let id = app
            .store
            .save_answer(app.elbasan, AnswerTarget::Input(fx.input), &answer, &ctx)
            .await
            .expect("save")
            .expect("input");
        app.store
            .publish_answer(app.elbasan, id, &mail, &ctx)
            .await
            .expect("publish")
            .expect("draft");
        let moderator = AuditCtx {
            actor: Some(fx.moderator),
            ..ctx.clone()
        };
        assert!(
            app.store
                .hide_item(
                    app.elbasan,
                    domain::input::ModerationTarget::Input,
                    fx.input,
                    "Të dhëna personale.",
                    None,
                    &moderator,
                )
                .await
                .expect("hide"),
            "{}",
            app.label
        );
        let leaks = |text: &str| {
            ["citon kontributin", "quotes the hidden", "ALBSN-FSHEHUR"]
                .iter()
                .any(|t| text.contains(t))
        };

        // The page: the status and a note, never the text; forum members answering keep it.
        let page = app.get(&format!("/input/{}?hidden", fx.input), None).await.text();
        assert!(!leaks(&page), "{}: {page}", app.label);
        assert!(page.contains("U pranua"), "{}: {page}", app.label);
        assert!(
            page.contains("arsyetimi i përgjigjes nuk shfaqet"),
            "{}: {page}",
            app.label
        );
        let member = app
            .get(
                &format!("/input/{}?hidden", fx.input),
                Some(&fx.session("forum_member")),
            )
            .await
            .text();
        assert!(member.contains("citon kontributin"), "{}: {member}", app.label);

        // The API, for anybody (a forum member too): the status and date only.
        for who in [None, Some(fx.session("forum_member"))] {
            let one: serde_json::Value = app
                .get(&format!("/api/v1/input/inputs/{}?hidden", fx.input), who.as_deref())
                .await
                .json();
            assert!(!leaks(&one.to_string()), "{}: {one}", app.label);
            assert_eq!(one["answer"]["status"], "adopted", "{}: {one}", app.label);
            assert!(!one["answer"]["published_at"].is_null(), "{}: {one}", app.label);
        }
        let answers: serde_json::Value = app.get("/api/v1/input/answers?hidden", None).await.json();
        assert!(!leaks(&answers.to_string()), "{}: {answers}", app.label);
        assert_eq!(answers[0]["status"], "adopted", "{}: {answers}", app.label);

        // The Atom feed of answers and the CSV.
        let feed = app.get("/input/answers.atom?hidden", None).await.text();
        assert!(!leaks(&feed), "{}: {feed}", app.label);
        assert!(feed.contains("U pranua"), "{}: {feed}", app.label);
        let csv = app.get("/input/export.csv?hidden", None).await.text();
        assert!(!leaks(&csv), "{}: {csv}", app.label);
        let row = csv
            .lines()
            .find(|l| l.starts_with(&format!("{},", fx.input)))
            .expect("row of the hidden input");
        assert!(row.contains(",yes,adopted,"), "{}: {row}", app.label);
    })
    .await;
}

#[tokio::test]
async fn saving_a_cluster_keeps_members_nobody_can_tick_and_accepting_counts_what_remains() {
    each_backend(async |app| {
        let fx = input_fixture(app).await;
        let (second, cluster, proposal) = grouping_fixture(app, &fx).await;
        let third = app
            .store
            .cluster_members(app.elbasan, cluster)
            .await
            .expect("members")
            .iter()
            .map(|m| m.id)
            .find(|m| *m != second)
            .expect("third");
        let member = fx.session("forum_member");
        let moderator = AuditCtx {
            actor: Some(fx.moderator),
            at: app.now(),
            ..fx.ctx.clone()
        };

        // Accepting with an input that is not the proposal's: one remains, refused.
        let id_a = fx.input.to_string();
        let stranger = third.to_string();
        let r = app
            .post(
                &format!("/forum/grouping/proposals/{proposal}/accept"),
                Some(&member),
                &[
                    ("inputs", &id_a),
                    ("inputs", &stranger),
                    ("title_sq", "Drita"),
                    ("title_en", ""),
                ],
            )
            .await;
        assert_eq!(r.status_code(), 422, "{}: {}", app.label, r.text());
        assert!(
            r.text().contains("Zgjidhni të paktën dy kontribute për grupin."),
            "{}",
            app.label
        );

        // A member hidden since: the form names it as kept, saving keeps it.
        app.store
            .hide_item(
                app.elbasan,
                domain::input::ModerationTarget::Input,
                third,
                "Fyese.",
                None,
                &moderator,
            )
            .await
            .expect("hide");
        let path = format!("/forum/grouping/clusters/{cluster}");
        let form = app.get(&path, Some(&member)).await.text();
        assert!(
            form.contains("mbeten në grup") && form.contains(&format!("href=\"/input/{third}\"")),
            "{}: {form}",
            app.label
        );
        let id_b = second.to_string();
        let r = app
            .post(
                &path,
                Some(&member),
                &[
                    ("inputs", &id_a),
                    ("inputs", &id_b),
                    ("title_sq", "Ndriçimi në Shirgjan"),
                    ("title_en", ""),
                ],
            )
            .await;
        assert_eq!(r.status_code(), 303, "{}: {}", app.label, r.text());
        let mut members: Vec<i64> = app
            .store
            .cluster_members(app.elbasan, cluster)
            .await
            .expect("members")
            .iter()
            .map(|m| m.id)
            .collect();
        members.sort_unstable();
        let mut expected = vec![fx.input, second, third];
        expected.sort_unstable();
        assert_eq!(members, expected, "{}", app.label);

        // Accepting the proposal once its other input is hidden leaves one: refused.
        app.store
            .hide_item(
                app.elbasan,
                domain::input::ModerationTarget::Input,
                second,
                "Fyese.",
                None,
                &moderator,
            )
            .await
            .expect("hide");
        let r = app
            .post(
                &format!("/forum/grouping/proposals/{proposal}/accept"),
                Some(&member),
                &[
                    ("inputs", &id_a),
                    ("inputs", &id_b),
                    ("title_sq", "Drita"),
                    ("title_en", ""),
                ],
            )
            .await;
        assert_eq!(r.status_code(), 422, "{}: {}", app.label, r.text());
    })
    .await;
}
