//! The reviewer's and the applicant's pages as people read them: the queue grouped by call with
//! what remains, a submitted review said as such, a draft with its deadline and the way back to
//! its form, empty answers said as such, and the public outcome that explains a shorter list of
//! names and lists size bands in their natural order.

use chrono::Duration;
use domain::{CallId, Role};

use crate::calls::{full_application, id_of, submitted};
use crate::helpers::{TestApp, each_backend, location};

/// Creates and publishes a call titled `title` (open from 01.11.2026 08:00 to 20.11.2026 23:59,
/// for organisations and citizens, two criteria); returns its id.
async fn call_titled(app: &TestApp, coordinator: &str, title: &str) -> i64 {
    let form: Vec<(&str, &str)> = vec![
        ("title_sq", title),
        ("title_en", title),
        ("summary_sq", "Ftesë për bashkë-krijim"),
        ("body_sq", "Bashkia fton…"),
        ("requirements_sq", "- Përshkrim"),
        ("opens_at", "01.11.2026 08:00"),
        ("closes_at", "20.11.2026 23:59"),
        ("contact_email", "koordinatori@elbasani.gov.al"),
        ("places", "10"),
        ("applicant_types", "cso"),
        ("applicant_types", "citizen"),
        ("crit_name_sq", "Përvoja"),
        ("crit_name_en", "Experience"),
        ("crit_description_sq", ""),
        ("crit_description_en", ""),
        ("crit_weight", "3"),
        ("crit_name_sq", "Motivimi"),
        ("crit_name_en", "Motivation"),
        ("crit_description_sq", ""),
        ("crit_description_en", ""),
        ("crit_weight", "1"),
    ];
    let r = app.post("/admin/calls", Some(coordinator), &form).await;
    let path = location(&r);
    assert!(path.starts_with("/admin/calls/"), "{}: {}", app.label, r.text());
    let id: i64 = path.trim_start_matches("/admin/calls/").parse().expect("id");
    app.post(&format!("/admin/calls/{id}/publish"), Some(coordinator), &[])
        .await;
    id
}

/// The page's text without tags, with the entities askama writes turned back into letters.
fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&amp;", "&");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where `needle` starts in `haystack`, or a failure naming it.
fn at(haystack: &str, needle: &str) -> usize {
    haystack
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {haystack}"))
}

/// Assigns `reviewer` (a user id) to every application of `call`.
async fn assign(app: &TestApp, coordinator: &str, call: i64, reviewer: &str) {
    let r = app
        .post(
            &format!("/admin/calls/{call}/assign"),
            Some(coordinator),
            &[("reviewer", reviewer)],
        )
        .await;
    assert_eq!(
        location(&r),
        format!("/admin/calls/{call}/applications"),
        "{}",
        app.label
    );
}

/// Scores every criterion of `call` with 4 and submits the review of `application`.
async fn submit_review(app: &TestApp, call: i64, application: &str, reviewer: &str) {
    let criteria = app.store.criteria(app.elbasan, CallId(call)).await.expect("criteria");
    let names: Vec<String> = criteria.iter().map(|c| format!("score-{}", c.id)).collect();
    let mut form: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "4")).collect();
    form.push(("action", "submit"));
    let r = app
        .post(&format!("/review/{}", id_of(application)), Some(reviewer), &form)
        .await;
    assert_eq!(location(&r), format!("/review/{}", id_of(application)), "{}", app.label);
}

#[tokio::test]
async fn the_queue_groups_by_call_and_says_how_many_remain() {
    each_backend(async |app| {
        let (_, coordinator) = app.user(Role::Coordinator).await;
        let first = call_titled(app, &coordinator, "Thirrja për të rinjtë").await;
        let second = call_titled(app, &coordinator, "Thirrja për gratë").await;
        let (_, p1) = app.user_in(app.elbasan, "p1@example.org", &[]).await;
        let (_, p2) = app.user_in(app.elbasan, "p2@example.org", &[]).await;
        let (_, p3) = app.user_in(app.elbasan, "p3@example.org", &[]).await;
        let a1 = submitted(app, first, &p1, false).await;
        let a2 = submitted(app, first, &p2, false).await;
        let a3 = submitted(app, second, &p3, false).await;
        let (reviewer_id, reviewer) = app
            .user_in(app.elbasan, "vleresuesi@example.org", &[Role::Reviewer])
            .await;
        let reviewer_id = reviewer_id.to_string();
        assign(app, &coordinator, first, &reviewer_id).await;
        assign(app, &coordinator, second, &reviewer_id).await;
        submit_review(app, first, &a1, &reviewer).await;

        let html = app.get("/review", Some(&reviewer)).await.text();
        let page = text_of(&html);
        // One heading per call; each says how many of its applications remain.
        assert!(
            html.contains(">Thirrja për të rinjtë</h2>") && html.contains(">Thirrja për gratë</h2>"),
            "{}: {html}",
            app.label
        );
        let youth = &page[at(&page, "Thirrja për të rinjtë")..];
        let youth = &youth[..youth.find("Thirrja për gratë").unwrap_or(youth.len())];
        assert!(
            youth.contains("1 nga 2 aplikime mbetet për t'u vlerësuar."),
            "{}: {youth}",
            app.label
        );
        // What is still to review comes first, then what is done.
        let (todo, done) = (at(youth, "Për t'u vlerësuar"), at(youth, "Të përfunduara"));
        let reference = |html_path: &str| {
            let id = id_of(html_path);
            let link = at(&html, &format!("href=\"/review/{id}\">"));
            let rest = &html[link..];
            rest[rest.find('>').expect("link") + 1..rest.find("</a>").expect("link")].to_owned()
        };
        let (r1, r2) = (reference(&a1), reference(&a2));
        assert!(
            todo < at(youth, &r2) && at(youth, &r2) < done && done < at(youth, &r1),
            "{}: {youth}",
            app.label
        );
        let women = &page[at(&page, "Thirrja për gratë")..];
        assert!(
            women.contains("1 aplikim mbetet për t'u vlerësuar.") && women.contains(&reference(&a3)),
            "{}: {women}",
            app.label
        );

        // Once a call is done it says so, and comes after the calls with work left.
        submit_review(app, first, &a2, &reviewer).await;
        let page = text_of(&app.get("/review", Some(&reviewer)).await.text());
        assert!(page.contains("Të 2 aplikimet janë vlerësuar."), "{}: {page}", app.label);
        let youth = &page[at(&page, "Thirrja për të rinjtë")..];
        assert!(!youth.contains("Për t'u vlerësuar"), "{}: {youth}", app.label);
        assert!(
            at(&page, "Thirrja për gratë") < at(&page, "Thirrja për të rinjtë"),
            "{}: {page}",
            app.label
        );
        let english = text_of(&app.get("/review?lang=en", Some(&reviewer)).await.text());
        assert!(
            english.contains("All 2 applications have been reviewed.")
                && english.contains("1 application left to review."),
            "{}: {english}",
            app.label
        );
    })
    .await;
}

#[tokio::test]
async fn a_submitted_review_says_when_it_was_submitted() {
    each_backend(async |app| {
        let (_, coordinator) = app.user(Role::Coordinator).await;
        let call = call_titled(app, &coordinator, "Thirrja për të rinjtë").await;
        let (_, p1) = app.user_in(app.elbasan, "p1@example.org", &[]).await;
        let (_, p2) = app.user_in(app.elbasan, "p2@example.org", &[]).await;
        let a1 = submitted(app, call, &p1, false).await;
        let a2 = submitted(app, call, &p2, false).await;
        let (reviewer_id, reviewer) = app
            .user_in(app.elbasan, "vleresuesi@example.org", &[Role::Reviewer])
            .await;
        assign(app, &coordinator, call, &reviewer_id.to_string()).await;

        // Before: the form, the conflict of interest asked first with a secondary button.
        let html = app
            .get(&format!("/review/{}", id_of(&a1)), Some(&reviewer))
            .await
            .text();
        assert!(html.contains("Vlerëso aplikimin"), "{}", app.label);
        assert!(
            html.contains("<h1>Vlerëso aplikimin <span class=\"nowrap\">ELB-2026-"),
            "{}: the reference does not break",
            app.label
        );
        let conflict_form = &html[at(&html, "id=\"conflict-form\"")..];
        let conflict_form = &conflict_form[..at(conflict_form, "</form>")];
        assert!(
            conflict_form.contains("class=\"secondary\"") && !conflict_form.contains("danger"),
            "{}: {conflict_form}",
            app.label
        );

        // After: the heading says what it is and when; no heading stands empty.
        app.advance(Duration::minutes(90));
        submit_review(app, call, &a1, &reviewer).await;
        let html = app
            .get(&format!("/review/{}", id_of(&a1)), Some(&reviewer))
            .await
            .text();
        let page = text_of(&html);
        assert!(
            page.contains("Vlerësimi juaj (dorëzuar më 01.11.2026 11:30)"),
            "{}: {page}",
            app.label
        );
        assert!(
            !page.contains("Vlerëso aplikimin") && !page.contains("Pikët sipas kritereve"),
            "{}: {page}",
            app.label
        );
        assert!(page.contains("Vlerësimi i aplikimit ELB-2026-"), "{}", app.label);
        assert!(page.contains("Përvoja: 4"), "{}: the own scores are shown", app.label);
        assert!(!html.contains("id=\"conflict-form\""), "{}", app.label);
        // Alone on the application, nobody else's reviews: no heading for them.
        assert!(!page.contains("Vlerësimet e vlerësuesve të tjerë"), "{}", app.label);
        let english = text_of(
            &app.get(&format!("/review/{}?lang=en", id_of(&a1)), Some(&reviewer))
                .await
                .text(),
        );
        assert!(
            english.contains("Your review (submitted on 01.11.2026 11:30)"),
            "{}: {english}",
            app.label
        );

        // A declared conflict says so, with its note and when.
        app.post(
            &format!("/review/{}/conflict", id_of(&a2)),
            Some(&reviewer),
            &[("conflict_note", "Jam anëtar i bordit")],
        )
        .await;
        let page = text_of(
            &app.get(&format!("/review/{}", id_of(&a2)), Some(&reviewer))
                .await
                .text(),
        );
        assert!(
            page.contains("Keni deklaruar konflikt interesi (më 01.11.2026 11:30)")
                && page.contains("Jam anëtar i bordit")
                && !page.contains("Pikët sipas kritereve"),
            "{}: {page}",
            app.label
        );
    })
    .await;
}

#[tokio::test]
async fn a_draft_shows_its_deadline_the_way_back_and_what_is_empty() {
    each_backend(async |app| {
        let (_, coordinator) = app.user(Role::Coordinator).await;
        let call = call_titled(app, &coordinator, "Thirrja për të rinjtë").await;
        let (_, applicant) = app.user_in(app.elbasan, "p1@example.org", &[]).await;
        let r = app
            .post(
                &format!("/calls/{call}/apply"),
                Some(&applicant),
                &[("applicant_type", "citizen")],
            )
            .await;
        let edit = location(&r);
        let path = edit.trim_end_matches("/edit").to_owned();
        app.post(
            &edit,
            Some(&applicant),
            &[("description", "Banoj në Shirgjan."), ("action", "save")],
        )
        .await;

        // The list: the deadline and a link back to the form.
        let html = app.get("/my/applications", Some(&applicant)).await.text();
        let page = text_of(&html);
        assert!(
            page.contains("Draft (pa numër ende)")
                && page.contains("Dorëzojeni deri më 20.11.2026 23:59 (ora e Shqipërisë)."),
            "{}: {page}",
            app.label
        );
        assert!(
            html.contains(&format!("href=\"{edit}\">Vazhdo plotësimin")),
            "{}: {html}",
            app.label
        );

        // The page: empty answers said as such, and the way back inside "what happens next".
        let html = app.get(&path, Some(&applicant)).await.text();
        let next = &html[at(&html, "class=\"next-steps\"")..];
        let next = &next[..at(next, "</div>")];
        assert!(
            next.contains(&format!("href=\"{edit}\"")) && next.contains("Vazhdo plotësimin"),
            "{}: {next}",
            app.label
        );
        let page = text_of(&html);
        assert!(page.contains("Banoj në Shirgjan."), "{}", app.label);
        // The statement, previous work, fields, areas, contact name and phone are still empty.
        assert!(page.matches("— (pa plotësuar)").count() >= 6, "{}: {page}", app.label);
        let english = text_of(&app.get(&format!("{path}?lang=en"), Some(&applicant)).await.text());
        assert!(english.contains("— (not filled in)"), "{}: {english}", app.label);

        // After the deadline the draft cannot be completed: the list says so and offers nothing.
        app.advance(Duration::days(30));
        let html = app.get("/my/applications", Some(&applicant)).await.text();
        assert!(
            text_of(&html).contains("Afati mbaroi më 20.11.2026 23:59 (ora e Shqipërisë)")
                && !html.contains(&format!("href=\"{edit}\"")),
            "{}: {html}",
            app.label
        );
    })
    .await;
}

/// An organisation of the applicant with the size band `size`; returns its id.
async fn org_sized(app: &TestApp, session: &str, name: &str, size: &str) -> String {
    let r = app
        .post(
            "/orgs",
            Some(session),
            &[
                ("name", name),
                ("kind", "cso"),
                ("size_band", size),
                ("mission", "Pjesëmarrja e qytetarëve."),
            ],
        )
        .await;
    location(&r).trim_start_matches("/orgs/").to_owned()
}

/// Applies to `call` for the organisation `org` and submits; `listed`: whether the applicant
/// agrees to be named if selected. Returns the application's id.
async fn applied_for(app: &TestApp, call: i64, session: &str, org: &str, listed: bool) -> String {
    let r = app
        .post(
            &format!("/calls/{call}/apply"),
            Some(session),
            &[("applicant_type", "cso"), ("org_id", org)],
        )
        .await;
    let edit = location(&r);
    let path = edit.trim_end_matches("/edit").to_owned();
    let mut form = full_application();
    if !listed {
        form.retain(|(k, _)| *k != "consent_listing");
    }
    form.push(("action", "save"));
    app.post(&edit, Some(session), &form).await;
    let r = app.post(&format!("{path}/submit"), Some(session), &[]).await;
    assert_eq!(location(&r), path, "{}", app.label);
    id_of(&path)
}

#[tokio::test]
async fn the_outcome_explains_unlisted_selections_and_orders_sizes() {
    each_backend(async |app| {
        let (_, coordinator) = app.user(Role::Coordinator).await;
        let call = call_titled(app, &coordinator, "Thirrja për OSHC-të").await;
        let mut ids = Vec::new();
        for (i, (name, size, listed)) in [
            ("Shoqata e Vogël", "up_5", true),
            ("Shoqata e Mesme", "21_50", true),
            ("Shoqata e Madhe", "over_50", false),
        ]
        .into_iter()
        .enumerate()
        {
            let (_, session) = app.user_in(app.elbasan, &format!("o{i}@example.org"), &[]).await;
            let org = org_sized(app, &session, name, size).await;
            ids.push(applied_for(app, call, &session, &org, listed).await);
        }
        // A citizen has no size band: counted as undeclared.
        let (_, citizen) = app.user_in(app.elbasan, "qytetar@example.org", &[]).await;
        let citizen_app = id_of(&submitted(app, call, &citizen, false).await);
        let decide = async |apps: &[&str], decision: &str| {
            let mut form: Vec<(&str, &str)> = apps.iter().map(|a| ("applications", *a)).collect();
            form.push(("decision", decision));
            form.push(("reason", "Sipas kritereve të thirrjes."));
            let r = app
                .post(&format!("/admin/calls/{call}/decide"), Some(&coordinator), &form)
                .await;
            assert_eq!(
                location(&r),
                format!("/admin/calls/{call}/applications"),
                "{}",
                app.label
            );
        };
        decide(&[ids[0].as_str(), ids[2].as_str()], "select").await;
        decide(&[ids[1].as_str(), citizen_app.as_str()], "decline").await;
        app.advance(Duration::days(30));
        let r = app
            .post(
                &format!("/admin/calls/{call}/outcome"),
                Some(&coordinator),
                &[("confirmed", "yes")],
            )
            .await;
        assert_eq!(location(&r), format!("/calls/{call}/outcome"), "{}", app.label);

        let page = text_of(&app.get(&format!("/calls/{call}/outcome"), None).await.text());
        // Two selected, one named: the page says why the list is shorter.
        assert!(
            page.contains("Shoqata e Vogël") && !page.contains("Shoqata e Madhe"),
            "{}: {page}",
            app.label
        );
        assert!(
            page.contains("1 i përzgjedhur nuk pranoi që emri të publikohej."),
            "{}: {page}",
            app.label
        );
        // Size bands from the smallest, the undeclared last.
        let sizes = &page[at(&page, "Sipas madhësisë")..];
        let order: Vec<usize> = ["Deri në 5", "21 deri në 50", "Mbi 50", "E padeklaruar"]
            .iter()
            .map(|band| at(sizes, band))
            .collect();
        assert!(order.is_sorted(), "{}: {sizes}", app.label);
        let english = text_of(&app.get(&format!("/calls/{call}/outcome?lang=en"), None).await.text());
        assert!(
            english.contains("1 selected applicant did not agree to have their name published."),
            "{}: {english}",
            app.label
        );
    })
    .await;
}
