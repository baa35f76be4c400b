//! The store behaviour of input phases, submitting and finding, on both databases: a phase and
//! its announcement on the timeline, the edit window held by the statement itself, withdrawing,
//! e-mail-only inputs confirmed once, accent-free full-text search ("ceshtje" finds "çështje"),
//! the counts per theme and unit, and keyset pages that neither overlap nor skip.

use std::time::Instant;

use chrono::Duration;
use domain::{
    Role, TenantId, UserId,
    input::{
        InputKind, InputSort, InputState,
        submission::{StatusFilter, search_words},
    },
};
use store::{
    AuditCtx, StoreError,
    input::{
        inputs::{NewInput, NewPendingInput},
        load::LoadInput,
        phases::{InputPhaseInput, InputSettings},
        search::InputFilter,
    },
    testing::TestDb,
};

use super::{ctx, mail, t0, tenant, user};

fn phase_input() -> InputPhaseInput {
    InputPhaseInput {
        title_sq: "Faza e propozimeve".into(),
        title_en: "Input phase".into(),
        questions_sq: "Çfarë duhet të ndryshojë?".into(),
        questions_en: String::new(),
        opens_at: t0() - Duration::days(1),
        closes_at: t0() + Duration::days(30),
        units: "Shirgjan".into(),
        email_only: false,
        themes: vec![("Uji".into(), "Water".into()), ("Rrugët".into(), "Roads".into())],
    }
}

fn input(title: &str, body: &str, theme: Option<i64>, unit: &str) -> NewInput {
    NewInput {
        kind: InputKind::Problem,
        title: title.into(),
        body: body.into(),
        theme_id: theme,
        admin_unit: unit.into(),
        org_id: None,
    }
}

/// A tenant with a coordinator, a cycle and an announced phase; (tenant, coordinator ctx,
/// phase, themes).
async fn phase(db: &TestDb) -> (TenantId, AuditCtx, i64, Vec<i64>) {
    let s = &db.store;
    let t = tenant(s, "elbasan", true).await;
    let coordinator = user(s, t, "k@example.org", &[Role::Coordinator]).await;
    let c = AuditCtx {
        actor: Some(coordinator),
        ..ctx(Some(t), t0())
    };
    let cycle = s.create_cycle(t, "Cikli", "Cycle", &[], &c).await.expect("cycle");
    let phase = s.create_input_phase(t, cycle, &phase_input(), &c).await.expect("phase");
    let day = t0().date_naive();
    assert!(
        s.announce_input_phase(t, phase, (day, day), &c)
            .await
            .expect("announce")
    );
    let themes = s
        .input_themes(t, phase)
        .await
        .expect("themes")
        .iter()
        .map(|th| th.id)
        .collect();
    (t, c, phase, themes)
}

fn filter(phase: i64) -> InputFilter {
    InputFilter {
        phase,
        theme: None,
        unit: None,
        kind: None,
        status: None,
        words: Vec::new(),
        sort: InputSort::Newest,
        after: None,
        limit: 100,
    }
}

#[tokio::test]
async fn a_phase_is_announced_once_onto_the_timeline_and_keeps_its_themes() {
    for db in TestDb::all().await.expect("databases") {
        let s = &db.store;
        let (t, c, phase, themes) = phase(&db).await;
        let row = s.input_phase(t, phase).await.expect("read").expect("phase");
        assert_eq!(row.announced_at, Some(t0()), "{}", db.label);
        let cycle = s.current_cycle(t).await.expect("cycle").expect("current");
        let timeline = s.timeline(t, cycle.id).await.expect("timeline");
        assert_eq!(timeline.len(), 1, "{}", db.label);
        assert_eq!(timeline[0].title_sq, "Faza e propozimeve");
        let day = t0().date_naive();
        assert!(
            !s.announce_input_phase(t, phase, (day, day), &c).await.expect("again"),
            "{}: announcing twice changes nothing",
            db.label
        );
        assert_eq!(s.timeline(t, cycle.id).await.expect("timeline").len(), 1);
        // Themes are matched by title, then in order: inserting, moving or renaming a line moves
        // no input to another theme; a theme with an input (or one waiting for its e-mail
        // confirmation) is never removed: the whole save is refused.
        let author = user(s, t, "a@example.org", &[]).await;
        let placed = s
            .create_input(
                t,
                phase,
                author,
                &input("Ujë", "Pa ujë", Some(themes[1]), "Shirgjan"),
                None,
                &c,
            )
            .await
            .expect("input");
        let pending = NewPendingInput {
            phase_id: phase,
            input: input("Parku", "Stola", Some(themes[0]), "Shirgjan"),
            author_name: "Drita Hoxha".into(),
            email: "drita@example.org".into(),
            lang: domain::Lang::Sq,
            token_hash: "hash-theme".into(),
            expires_at: t0() + Duration::days(7),
        };
        s.create_pending_input(t, &pending, None, &mail("drita@example.org"), &c)
            .await
            .expect("pending");
        let mut renamed = phase_input();
        renamed.title_sq = "Faza e parë".into();
        let themes_now = || async {
            s.input_themes(t, phase)
                .await
                .expect("themes")
                .into_iter()
                .map(|th| (th.id, th.title_sq))
                .collect::<Vec<(i64, String)>>()
        };
        let days = (day, day + Duration::days(30));
        for lines in [vec!["Uji"], vec!["Rrugët"], vec!["Parqet"]] {
            renamed.themes = lines.iter().map(|l| (l.to_string(), String::new())).collect();
            assert!(
                matches!(
                    s.update_input_phase(t, phase, &renamed, days, &c).await,
                    Err(StoreError::Conflict { ref field }) if field == "themes_sq"
                ),
                "{}: {lines:?} removes a theme in use",
                db.label
            );
        }
        assert_eq!(
            themes_now().await,
            vec![(themes[0], "Uji".to_owned()), (themes[1], "Rrugët".to_owned())],
            "{}: nothing saved",
            db.label
        );
        assert_eq!(
            s.timeline(t, cycle.id).await.expect("timeline")[0].title_sq,
            "Faza e propozimeve"
        );
        // A line inserted before them and the two swapped: each keeps its id.
        renamed.themes = vec![
            ("Shkollat".into(), String::new()),
            ("Rrugët".into(), String::new()),
            ("Uji".into(), String::new()),
        ];
        s.update_input_phase(t, phase, &renamed, days, &c)
            .await
            .expect("update");
        let after = themes_now().await;
        assert_eq!(after.len(), 3, "{}", db.label);
        assert_eq!(
            (&after[1], &after[2]),
            (&(themes[1], "Rrugët".to_owned()), &(themes[0], "Uji".to_owned())),
            "{}",
            db.label
        );
        assert!(!themes.contains(&after[0].0) && after[0].1 == "Shkollat");
        // An edited title keeps its theme; an unused theme goes.
        renamed.themes = vec![
            ("Shkollat".into(), String::new()),
            ("Rrugët e fshatrave".into(), String::new()),
            ("Uji".into(), String::new()),
        ];
        s.update_input_phase(t, phase, &renamed, days, &c)
            .await
            .expect("rename");
        renamed.themes.remove(0);
        s.update_input_phase(t, phase, &renamed, days, &c)
            .await
            .expect("remove");
        assert_eq!(
            themes_now().await,
            vec![
                (themes[1], "Rrugët e fshatrave".to_owned()),
                (themes[0], "Uji".to_owned())
            ],
            "{}",
            db.label
        );
        let row = s.input(t, placed).await.expect("read").expect("input");
        assert_eq!(row.theme_sq.as_deref(), Some("Rrugët e fshatrave"), "{}", db.label);
        assert_eq!(
            s.timeline(t, cycle.id).await.expect("timeline")[0].title_sq,
            "Faza e parë"
        );
        // The settings.
        s.update_input_settings(
            t,
            &InputSettings {
                email_only: true,
                self_support: true,
                writes_per_hour: 5,
                similarity_percent: 60,
            },
            &c,
        )
        .await
        .expect("settings");
        let row = s
            .resolve_tenant("elbasan.example")
            .await
            .expect("tenant")
            .expect("found");
        assert!(row.input_email_only && row.input_self_support, "{}", db.label);
        assert_eq!((row.input_writes_per_hour, row.input_similarity_percent), (5, 60));
        db.cleanup().await;
    }
}

#[tokio::test]
async fn the_edit_window_closes_at_the_first_reaction_and_withdrawing_keeps_the_input() {
    for db in TestDb::all().await.expect("databases") {
        let s = &db.store;
        let (t, _, phase, themes) = phase(&db).await;
        let author = user(s, t, "a@example.org", &[]).await;
        let other = user(s, t, "o@example.org", &[]).await;
        let c = AuditCtx {
            actor: Some(author),
            ..ctx(Some(t), t0())
        };
        let id = s
            .create_input(
                t,
                phase,
                author,
                &input("Rruga", "E prishur", Some(themes[0]), "Shirgjan"),
                None,
                &c,
            )
            .await
            .expect("input");
        let row = s.input(t, id).await.expect("read").expect("input");
        assert_eq!(row.theme_sq.as_deref(), Some("Uji"), "{}", db.label);
        assert_eq!(row.author_name, "Arbër Çela");
        assert_eq!(row.state, InputState::Published);
        let edited = input("Rruga e shkollës", "E prishur prej vitesh", Some(themes[1]), "Shirgjan");
        s.update_input(t, id, author, &edited, None, &c).await.expect("edit");
        assert_eq!(
            s.input(t, id).await.expect("read").expect("input").title,
            "Rruga e shkollës"
        );
        // Somebody else's edit changes nothing.
        assert!(matches!(
            s.update_input(t, id, other, &edited, None, &c).await,
            Err(StoreError::Conflict { .. })
        ));
        // A comment that a moderator hid since (the counter went back to 0) still closes the
        // window: the window does not reopen by hiding.
        let commented = s
            .create_input(
                t,
                phase,
                author,
                &input("Parku", "Pa drita", Some(themes[0]), "Shirgjan"),
                None,
                &c,
            )
            .await
            .expect("input");
        db.execute(&format!(
            "INSERT INTO input_comments (tenant_id, input_id, author_id, body, hidden_at, hidden_reason, created_at)
             SELECT tenant_id, id, {}, 'Fyerje', created_at, 'Gjuhë fyese', created_at FROM inputs WHERE id = {commented}",
            other.0
        ))
        .await
        .expect("hidden comment");
        let row = s.input(t, commented).await.expect("read").expect("input");
        assert_eq!((row.comment_count, row.reacted), (0, true), "{}", db.label);
        assert!(
            matches!(
                s.update_input(t, commented, author, &edited, None, &c).await,
                Err(StoreError::Conflict { .. })
            ),
            "{}: hiding the only comment does not reopen the edit window",
            db.label
        );
        // A support arrived (the discussion part keeps the counter): the window is closed.
        db.execute(&format!("UPDATE inputs SET support_count = 1 WHERE id = {id}"))
            .await
            .expect("support");
        assert!(
            matches!(
                s.update_input(t, id, author, &edited, None, &c).await,
                Err(StoreError::Conflict { .. })
            ),
            "{}",
            db.label
        );
        assert!(matches!(
            s.withdraw_input(t, id, other, "jo", &c).await,
            Err(StoreError::Conflict { .. })
        ));
        s.withdraw_input(t, id, author, "U rregullua nga bashkia", &c)
            .await
            .expect("withdraw");
        let row = s.input(t, id).await.expect("read").expect("kept");
        assert_eq!(row.state, InputState::Withdrawn, "{}", db.label);
        assert_eq!(row.withdraw_note, "U rregullua nga bashkia");
        assert!(matches!(
            s.withdraw_input(t, id, author, "sërish", &c).await,
            Err(StoreError::Conflict { .. })
        ));
        // Withdrawn inputs leave the default list and are found by their status.
        let shown: Vec<i64> = s
            .list_inputs(t, &filter(phase))
            .await
            .expect("list")
            .cards
            .iter()
            .map(|c| c.id)
            .collect();
        assert_eq!(shown, vec![commented], "{}", db.label);
        let withdrawn = InputFilter {
            status: Some(StatusFilter::Withdrawn),
            ..filter(phase)
        };
        assert_eq!(s.list_inputs(t, &withdrawn).await.expect("list").cards.len(), 1);
        // Every write left its audit row.
        let actions: Vec<String> = s
            .audit_about(t, "input", id)
            .await
            .expect("audit")
            .into_iter()
            .map(|r| r.action)
            .collect();
        for expected in ["input.create", "input.update", "input.withdraw"] {
            assert!(actions.iter().any(|a| a == expected), "{}: {expected}", db.label);
        }
        db.cleanup().await;
    }
}

#[tokio::test]
async fn an_email_only_input_is_published_once_under_its_address() {
    for db in TestDb::all().await.expect("databases") {
        let s = &db.store;
        let (t, _, phase, themes) = phase(&db).await;
        let c = ctx(Some(t), t0());
        let pending = NewPendingInput {
            phase_id: phase,
            input: input("Parku", "Parku ka nevojë për stola", Some(themes[0]), "Shirgjan"),
            author_name: "Drita Hoxha".into(),
            email: "drita@example.org".into(),
            lang: domain::Lang::Sq,
            token_hash: "hash-1".into(),
            expires_at: t0() + Duration::days(7),
        };
        s.create_pending_input(t, &pending, None, &mail("drita@example.org"), &c)
            .await
            .expect("pending");
        assert!(
            s.list_inputs(t, &filter(phase)).await.expect("list").cards.is_empty(),
            "{}",
            db.label
        );
        assert_eq!(
            s.pending_input_title(t, "hash-1", t0())
                .await
                .expect("title")
                .as_deref(),
            Some("Parku")
        );
        // A second input of the same address waits for its own link.
        let other = NewPendingInput {
            input: input("Stolat", "Edhe stola te shkolla", Some(themes[0]), "Shirgjan"),
            token_hash: "hash-2".into(),
            ..pending
        };
        s.create_pending_input(t, &other, None, &mail("drita@example.org"), &c)
            .await
            .expect("pending");
        // A double click on the link, and the other link at once: one input per link, one
        // account for the address (neither a duplicate nor an error).
        let (first, again, second) = tokio::join!(
            s.confirm_pending_input(t, "hash-1", &c),
            s.confirm_pending_input(t, "hash-1", &c),
            s.confirm_pending_input(t, "hash-2", &c),
        );
        let first = first.expect("confirm").expect("valid");
        let again = again.expect("confirm twice").expect("valid");
        let second = second.expect("confirm other").expect("valid");
        assert_eq!(first, again, "{}: a second click gives the same input", db.label);
        assert_ne!(first.input, second.input, "{}", db.label);
        assert_eq!(first.user, second.user, "{}: one account", db.label);
        let row = s.input(t, first.input).await.expect("read").expect("input");
        assert_eq!(row.author_name, "Drita Hoxha");
        assert_eq!(s.list_inputs(t, &filter(phase)).await.expect("list").cards.len(), 2);
        let late = ctx(Some(t), t0() + Duration::days(8));
        assert!(
            s.confirm_pending_input(t, "hash-1", &late)
                .await
                .expect("late")
                .is_none()
        );
        assert!(
            s.confirm_pending_input(t, "nothing", &c)
                .await
                .expect("unknown")
                .is_none()
        );
        // A third one is never confirmed. Once the links expire, the waiting rows are erased,
        // with the address and text of their e-mails; the confirmed inputs stay.
        let never = NewPendingInput {
            input: input("Ndriçimi", "Rruga pa drita", Some(themes[0]), "Shirgjan"),
            token_hash: "hash-3".into(),
            email: "besa@example.org".into(),
            ..other
        };
        s.create_pending_input(t, &never, None, &mail("besa@example.org"), &c)
            .await
            .expect("pending");
        assert_eq!(
            s.purge_expired_pending_inputs(t0() + Duration::days(6))
                .await
                .expect("purge"),
            0
        );
        assert_eq!(
            s.purge_expired_pending_inputs(t0() + Duration::days(8))
                .await
                .expect("purge"),
            3,
            "{}",
            db.label
        );
        assert!(s.pending_input_title(t, "hash-3", t0()).await.expect("title").is_none());
        let mails = s.list_outbox(t, None, 100).await.expect("outbox");
        assert_eq!(mails.len(), 3, "{}", db.label);
        assert!(
            mails.iter().all(|m| m.recipient.is_empty() && m.body_text.is_empty()),
            "{}: {mails:?}",
            db.label
        );
        assert!(s.input(t, first.input).await.expect("read").is_some());
        db.cleanup().await;
    }
}

#[tokio::test]
async fn search_ignores_accents_and_hidden_text_and_counts_group_by_theme_and_unit() {
    for db in TestDb::all().await.expect("databases") {
        let s = &db.store;
        let (t, _, phase, themes) = phase(&db).await;
        let author: UserId = user(s, t, "a@example.org", &[]).await;
        let c = ctx(Some(t), t0());
        let water = s
            .create_input(
                t,
                phase,
                author,
                &input(
                    "Çështje e ujit në Shirgjan",
                    "Uji vjen dy orë në ditë.",
                    Some(themes[0]),
                    "Shirgjan",
                ),
                None,
                &c,
            )
            .await
            .expect("input");
        let road = s
            .create_input(
                t,
                phase,
                author,
                &input(
                    "Rruga e shkollës",
                    "Një çështje e vjetër: gropa.",
                    Some(themes[1]),
                    "Gracen",
                ),
                None,
                &c,
            )
            .await
            .expect("input");
        let hidden = s
            .create_input(
                t,
                phase,
                author,
                &input("Fyerje", "Çështje fyese", Some(themes[1]), "Gracen"),
                None,
                &c,
            )
            .await
            .expect("input");
        db.execute(&format!(
            "UPDATE inputs SET hidden_at = created_at, hidden_reason = 'Gjuhë fyese' WHERE id = {hidden}"
        ))
        .await
        .expect("hide");
        let find = |q: &'static str| {
            let f = InputFilter {
                words: search_words(q).expect("words"),
                ..filter(phase)
            };
            async move {
                let mut ids: Vec<i64> = s
                    .list_inputs(t, &f)
                    .await
                    .expect("search")
                    .cards
                    .iter()
                    .map(|c| c.id)
                    .collect();
                ids.sort_unstable();
                ids
            }
        };
        assert_eq!(find("ceshtje").await, vec![water, road], "{}", db.label);
        assert_eq!(find("CESHTJ").await, vec![water, road], "{}: prefix", db.label);
        assert_eq!(find("shkolles").await, vec![road], "{}", db.label);
        assert_eq!(find("ujit shirgjan").await, vec![water], "{}: all words", db.label);
        assert_eq!(
            find("fyese").await,
            Vec::<i64>::new(),
            "{}: hidden text is not searched",
            db.label
        );
        assert_eq!(
            find("\"ujit\"* ) (").await,
            vec![water],
            "{}: syntax is plain words",
            db.label
        );
        // Letters that PostgreSQL's unaccent turns into tsquery syntax ("ŉ" → "'n", "ʼ" → "'",
        // "⑴" → "(1)", "½" → "1/2") are searched as plain text, never an error.
        for q in ["ŉ", "ʼ", "ʹ", "⑴", "½", "ujit ŉ", "ŉ ujit", "ʼujit", "ujit ⑴"] {
            let f = InputFilter {
                words: search_words(q).expect("words"),
                ..filter(phase)
            };
            let found = s.list_inputs(t, &f).await;
            assert!(found.is_ok(), "{}: {q}: {found:?}", db.label);
        }
        // A hidden input's card carries no title.
        let cards = s.list_inputs(t, &filter(phase)).await.expect("list").cards;
        let card = cards.iter().find(|c| c.id == hidden).expect("hidden card");
        assert_eq!((card.title.as_str(), card.hidden_reason.as_str()), ("", "Gjuhë fyese"));
        // Edited text is searched as edited (the FTS row follows on SQLite).
        s.update_input(
            t,
            water,
            author,
            &input("Ujësjellësi", "Tubat e vjetër", Some(themes[0]), "Shirgjan"),
            None,
            &c,
        )
        .await
        .expect("edit");
        assert_eq!(find("ceshtje").await, vec![road], "{}", db.label);
        assert_eq!(find("tubat").await, vec![water], "{}", db.label);
        let by_theme: Vec<(Option<i64>, i64)> = {
            let mut v: Vec<_> = s
                .input_counts_by_theme(t, phase)
                .await
                .expect("counts")
                .into_iter()
                .map(|c| (c.theme_id, c.n))
                .collect();
            v.sort();
            v
        };
        assert_eq!(
            by_theme,
            vec![(Some(themes[0]), 1), (Some(themes[1]), 2)],
            "{}",
            db.label
        );
        let by_unit: Vec<(String, i64)> = s
            .input_counts_by_unit(t, phase)
            .await
            .expect("counts")
            .into_iter()
            .map(|c| (c.admin_unit, c.n))
            .collect();
        assert_eq!(by_unit, vec![("Gracen".to_owned(), 2), ("Shirgjan".to_owned(), 1)]);
        // The counts are tallies kept by each write: moving an input to another theme and unit
        // moves its count, withdrawing one removes it, a refused write changes nothing.
        s.update_input(
            t,
            water,
            author,
            &input("Ujësjellësi", "Tubat e vjetër", Some(themes[1]), "Gracen"),
            None,
            &c,
        )
        .await
        .expect("move");
        s.withdraw_input(t, road, author, "U rregullua", &c)
            .await
            .expect("withdraw");
        assert!(s.withdraw_input(t, road, author, "sërish", &c).await.is_err());
        let counts = |v: Vec<store::input::search::ThemeCount>| {
            let mut v: Vec<(Option<i64>, i64)> = v.into_iter().map(|c| (c.theme_id, c.n)).collect();
            v.sort();
            v
        };
        assert_eq!(
            counts(s.input_counts_by_theme(t, phase).await.expect("counts")),
            vec![(Some(themes[1]), 2)],
            "{}",
            db.label
        );
        let by_unit: Vec<(String, i64)> = s
            .input_counts_by_unit(t, phase)
            .await
            .expect("counts")
            .into_iter()
            .map(|c| (c.admin_unit, c.n))
            .collect();
        assert_eq!(by_unit, vec![("Gracen".to_owned(), 2)], "{}", db.label);
        db.cleanup().await;
    }
}

#[tokio::test]
async fn keyset_pages_neither_overlap_nor_skip_in_any_order() {
    for db in TestDb::all().await.expect("databases") {
        let s = &db.store;
        let (t, _, phase, themes) = phase(&db).await;
        let author = user(s, t, "a@example.org", &[]).await;
        // 23 inputs; pairs share their time, counters repeat: ties are broken by id.
        let rows: Vec<LoadInput> = (0..23)
            .map(|i| LoadInput {
                kind: "idea",
                title: format!("Ide {i}"),
                body: "Tekst".into(),
                theme_id: Some(themes[i % 2]),
                admin_unit: "Shirgjan".into(),
                author_id: author.0,
                created_at: t0() + Duration::minutes((i / 2) as i64),
            })
            .collect();
        let ids = s.load_inputs(t, phase, &rows).await.expect("load");
        for (n, id) in ids.iter().enumerate() {
            db.execute(&format!(
                "UPDATE inputs SET support_count = {}, comment_count = {}, answered_at = {} WHERE id = {id}",
                n % 4,
                n % 3,
                if n % 5 == 0 {
                    "NULL".to_owned()
                } else {
                    "created_at".to_owned()
                }
            ))
            .await
            .expect("counters");
        }
        for sort in InputSort::ALL {
            let all = s
                .list_inputs(
                    t,
                    &InputFilter {
                        sort: *sort,
                        ..filter(phase)
                    },
                )
                .await
                .expect("all")
                .cards;
            let mut paged = Vec::new();
            let mut after = None;
            loop {
                let page = s
                    .list_inputs(
                        t,
                        &InputFilter {
                            sort: *sort,
                            after,
                            limit: 5,
                            ..filter(phase)
                        },
                    )
                    .await
                    .expect("page");
                paged.extend(page.cards.iter().map(|c| c.id));
                match page.next {
                    Some(n) => after = Some(n),
                    None => break,
                }
            }
            let expected: Vec<i64> = all.iter().map(|c| c.id).collect();
            assert_eq!(paged, expected, "{}: {sort:?}", db.label);
            let want = if *sort == InputSort::RecentlyAnswered { 18 } else { 23 };
            assert_eq!(paged.len(), want, "{}: {sort:?}", db.label);
        }
        db.cleanup().await;
    }
}

/// Not a benchmark (that is `bench/`): a quick look at the list and the counts at 20,000 inputs,
/// printed for the report. Run with `--ignored --nocapture`.
#[tokio::test]
#[ignore]
async fn list_and_counts_at_twenty_thousand_inputs() {
    for db in TestDb::all().await.expect("databases") {
        let s = &db.store;
        let (t, _, phase, themes) = phase(&db).await;
        let author = user(s, t, "a@example.org", &[]).await;
        let units = ["Elbasan", "Shirgjan", "Gracen", "Bradashesh", "Labinot-Fushë"];
        let rows: Vec<LoadInput> = (0..20_000)
            .map(|i| LoadInput {
                kind: if i % 3 == 0 { "problem" } else { "idea" },
                title: format!("Çështja {i} e lagjes"),
                body: format!("Përshkrimi i problemit numër {i} me ujin dhe rrugët."),
                theme_id: Some(themes[i % 2]),
                admin_unit: units[i % units.len()].into(),
                author_id: author.0,
                created_at: t0() + Duration::seconds(i as i64),
            })
            .collect();
        s.load_inputs(t, phase, &rows).await.expect("load");
        let time = |label: &str, started: Instant| {
            println!(
                "{} {label}: {:.2} ms",
                db.label,
                started.elapsed().as_secs_f64() * 1000.0
            );
        };
        for sort in InputSort::ALL {
            let started = Instant::now();
            s.list_inputs(
                t,
                &InputFilter {
                    sort: *sort,
                    limit: 20,
                    ..filter(phase)
                },
            )
            .await
            .expect("list");
            time(&format!("first page {sort:?}"), started);
        }
        let started = Instant::now();
        s.input_counts_by_theme(t, phase).await.expect("themes");
        time("counts by theme", started);
        let started = Instant::now();
        s.input_counts_by_unit(t, phase).await.expect("units");
        time("counts by unit", started);
        let started = Instant::now();
        let words = search_words("ceshtja 1999").expect("words");
        s.list_inputs(
            t,
            &InputFilter {
                words,
                limit: 20,
                ..filter(phase)
            },
        )
        .await
        .expect("search");
        time("search", started);
        db.cleanup().await;
    }
}
