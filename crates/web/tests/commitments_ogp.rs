//! OGP's data in and out (issue 10, parts 7 and 8), on both databases: the shared 558-row file
//! imported whole in one transaction and exported again cell for cell; files that cannot be
//! OGP's refused whole; truncated rows skipped; re-import replaces; the exports hold public
//! commitments only.
//!
//! **The round trip's normalisations** (every other cell must come back byte for byte):
//! 1. a code that contradicted its label comes back as the code derived from the label (each
//!    one is in the import's report: `mismatches`, with the value written);
//! 2. a label column that held a code (`Verifiable` = `1`) comes back as the level's name (also
//!    in `mismatches`);
//! 3. text that a spreadsheet would run as a formula (a cell starting with `-` that is not a
//!    number, e.g. "- Relevant ministries …") comes back with a leading apostrophe
//!    (`ogp_csv::safe_cell`); numbers such as `-1` come back as they are.

use std::collections::HashMap;

use domain::commitments::ogp_csv::{HEADERS, ImportReport, is_number};
use services::{
    Actor,
    commitments::ogp::{ImportOutcome, parse_file},
};
use store::TenantRow;

use axum::http::StatusCode;

use crate::{
    commitments_routes::{Who, check_route, commitment_fixture},
    helpers::{TestApp, each_backend, location},
};

/// Every route of this part with who may use it (paths with `{placeholders}`).
pub const ROUTES: &[(&str, &str, Who)] = &[
    ("GET", "/commitments.csv", Who::Anyone),
    ("GET", "/commitments.json", Who::Anyone),
    ("GET", "/api/v1/commitments", Who::Anyone),
    ("GET", "/api/v1/commitments/{ogp_id}", Who::Anyone),
    ("GET", "/admin/commitments/import", Who::Staff),
    ("POST", "/admin/commitments/import", Who::Staff),
    ("GET", "/admin/commitments/imports/{id}", Who::Staff),
    ("GET", "/admin/commitments/settings", Who::Staff),
    ("POST", "/admin/commitments/settings", Who::Staff),
];

const SHARED: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../seed/ogp/ogp-commitments-open-parliament.csv"
));

async fn elbasan(app: &TestApp) -> TenantRow {
    app.store
        .tenant_by_slug("elbasan")
        .await
        .expect("read")
        .expect("elbasan")
}

async fn import(app: &TestApp, tenant: &TenantRow, bytes: &[u8]) -> ImportOutcome {
    app.services
        .import_commitments_as(tenant, None, None, "ogp.csv", bytes)
        .await
        .expect("import")
}

fn imported(outcome: ImportOutcome) -> (i64, ImportReport) {
    match outcome {
        ImportOutcome::Imported { id, report } => (id, report),
        ImportOutcome::Refused(r) => panic!("refused: {r:?}"),
    }
}

/// The whole CSV export, as the route streams it.
async fn export(app: &TestApp, tenant: &TenantRow) -> String {
    let actor = Actor::anonymous(tenant.id(), None);
    let mut out = String::new();
    let mut after = None;
    loop {
        let (chunk, next) = app.services.ogp_csv_chunk(tenant, &actor, after).await.expect("chunk");
        out.push_str(&chunk);
        match next {
            Some(id) => after = Some(id),
            None => break,
        }
    }
    out
}

fn records(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("record").iter().map(str::to_owned).collect())
        .collect()
}

/// The tenant's public commitments.
async fn count(app: &TestApp, tenant: &TenantRow) -> usize {
    app.store
        .ogp_export_batch(tenant.id(), 0, 100_000)
        .await
        .expect("count")
        .len()
}

#[tokio::test]
async fn the_shared_file_goes_in_and_comes_back_cell_for_cell() {
    each_backend(async |app| {
        let tenant = elbasan(app).await;
        let started = std::time::Instant::now();
        let (_, report) = imported(import(app, &tenant, SHARED).await);
        eprintln!("[{}] import of 558 rows: {:?}", app.label, started.elapsed());
        assert_eq!(report.imported, 558, "[{}] {:?}", app.label, report.skipped);
        assert!(report.skipped.is_empty());
        let exported = export(app, &tenant).await;
        let original = records(std::str::from_utf8(SHARED).expect("utf-8"));
        let back = records(&exported);
        assert_eq!(back.len(), original.len(), "[{}] rows", app.label);
        assert_eq!(back[0], original[0], "header");
        // Normalisations 1 and 2: what the report says is written instead.
        let expected: HashMap<(String, String), &str> = report
            .mismatches
            .iter()
            .map(|m| ((m.identifier.clone(), m.column.clone()), m.written.as_str()))
            .collect();
        let by_id: HashMap<&str, &Vec<String>> = back[1..].iter().map(|r| (r[0].as_str(), r)).collect();
        let mut normalised = 0;
        for (i, row) in original[1..].iter().enumerate() {
            let id = &row[0];
            let got = by_id
                .get(id.as_str())
                .unwrap_or_else(|| panic!("[{}] row {} ({id}) missing", app.label, i + 2));
            for (c, want) in row.iter().enumerate() {
                let column = HEADERS[c];
                let have = &got[c];
                let ok = if let Some(written) = expected.get(&(id.clone(), column.to_owned())) {
                    normalised += 1;
                    have == written
                } else if want.starts_with('-') && !is_number(want) {
                    // Normalisation 3.
                    normalised += 1;
                    *have == format!("'{want}")
                } else {
                    have == want
                };
                assert!(
                    ok,
                    "[{}] row {} ({id}), column {column:?}: OGP {want:?}, exported {have:?}",
                    app.label,
                    i + 2
                );
            }
        }
        assert!(normalised > 0 && normalised < 60, "{normalised}");
        // Re-importing our own export gives the same export again (and replaces, never duplicates).
        let (_, again) = imported(import(app, &tenant, exported.as_bytes()).await);
        assert_eq!((again.imported, again.replaced), (558, 558));
        assert!(again.mismatches.is_empty(), "{:?}", again.mismatches);
        assert_eq!(export(app, &tenant).await, exported);
        assert_eq!(count(app, &tenant).await, 558);
    })
    .await;
}

#[tokio::test]
async fn absent_ratings_keep_their_reason_and_dates_their_precision() {
    each_backend(async |app| {
        let tenant = elbasan(app).await;
        imported(import(app, &tenant, SHARED).await);
        let json = app
            .services
            .commitment_api(&tenant, &Actor::anonymous(tenant.id(), None), "KE0037")
            .await
            .expect("KE0037");
        // 7/16/1905 is the year 2024 formatted as a date.
        assert_eq!(json.start.raw, "7/16/1905");
        assert_eq!(json.start.on.map(|d| d.to_string()), Some("2024-01-01".into()));
        let absent: Vec<_> = json.ratings.iter().filter(|r| r.absent.is_some()).collect();
        assert!(!absent.is_empty());
        assert!(absent.iter().all(|r| r.level.is_none()));
        // A tenant sees only its own commitments.
        let tirana = app.store.tenant_by_slug("tirana").await.expect("read").expect("tirana");
        assert_eq!(records(&export(app, &tirana).await).len(), 1);
    })
    .await;
}

#[tokio::test]
async fn a_truncated_row_is_skipped_and_the_rest_imported() {
    each_backend(async |app| {
        let tenant = elbasan(app).await;
        let cut = &SHARED[..SHARED.len() - 40];
        let (id, report) = imported(import(app, &tenant, cut).await);
        assert_eq!(report.imported, 557);
        assert_eq!(report.skipped.len(), 1);
        assert_eq!(report.skipped[0].row, 559);
        let record = app
            .store
            .commitment_import(tenant.id(), id)
            .await
            .expect("read")
            .expect("report");
        assert_eq!((record.rows_imported, record.rows_skipped), (557, 1));
    })
    .await;
}

#[tokio::test]
async fn files_that_are_not_ogps_leave_nothing_imported() {
    each_backend(async |app| {
        let tenant = elbasan(app).await;
        let text = std::str::from_utf8(SHARED).expect("utf-8");
        // Windows-1252: "ë" as one byte.
        let mut latin = text.as_bytes().to_vec();
        latin.extend_from_slice(b"\r\nAL9999,Tiran\xEB");
        let junk = vec![b'z'; 100 * 1024 * 1024];
        let started = std::time::Instant::now();
        for (bytes, code) in [
            (latin.as_slice(), "ogp_file_not_utf8"),
            (text.replacen("Short Title,", "", 1).as_bytes(), "ogp_file_columns"),
            (
                text.replacen("Short Title", "Short Title,Extra", 1).as_bytes(),
                "ogp_file_columns",
            ),
            (b"".as_slice(), "ogp_file_empty"),
            (junk.as_slice(), "ogp_file_too_large"),
        ] {
            match import(app, &tenant, bytes).await {
                ImportOutcome::Refused(r) => assert_eq!(r.code, code),
                ImportOutcome::Imported { .. } => panic!("imported {code}"),
            }
        }
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
        assert_eq!(count(app, &tenant).await, 0);
        // A BOM is accepted.
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(SHARED);
        assert_eq!(imported(import(app, &tenant, &bom).await).1.imported, 558);
    })
    .await;
}

#[tokio::test]
async fn a_formula_in_a_cell_is_stored_as_text_and_exported_safe() {
    each_backend(async |app| {
        let tenant = elbasan(app).await;
        let text = std::str::from_utf8(SHARED).expect("utf-8");
        let header = text.split("\r\n").next().expect("header");
        let mut cells: Vec<String> = HEADERS.iter().map(|_| "ND".to_owned()).collect();
        cells[0] = "XX0001".into();
        cells[12] = "=HYPERLINK(\"http://evil\",\"x\")".into();
        let file = format!(
            "{header}\r\n{}",
            services::commitments::ogp::csv_record(&cells).replace("'=", "=")
        );
        let (_, report) = imported(import(app, &tenant, file.as_bytes()).await);
        assert_eq!(report.imported, 1);
        let json = app
            .services
            .commitment_api(&tenant, &Actor::anonymous(tenant.id(), None), "XX0001")
            .await
            .expect("one");
        assert_eq!(json.title, "=HYPERLINK(\"http://evil\",\"x\")");
        let back = records(&export(app, &tenant).await);
        assert_eq!(back[1][12], "'=HYPERLINK(\"http://evil\",\"x\")");
    })
    .await;
}

#[test]
fn the_parser_reads_the_shared_file_without_a_database() {
    let parsed = parse_file(SHARED).expect("reads");
    assert_eq!(parsed.rows.len(), 558);
}

#[tokio::test]
async fn the_exports_and_the_api_answer_over_http() {
    each_backend(async |app| {
        let tenant = elbasan(app).await;
        imported(import(app, &tenant, SHARED).await);
        let csv = app.get("/commitments.csv", None).await;
        csv.assert_status_ok();
        assert!(
            csv.header("content-disposition")
                .to_str()
                .unwrap_or("")
                .contains("commitments.csv")
        );
        assert_eq!(records(&csv.text()).len(), 559);
        let json: serde_json::Value =
            serde_json::from_str(&app.get("/commitments.json", None).await.text()).expect("json");
        assert_eq!(json.as_array().map(Vec::len), Some(558));
        // The API pages by 50 (each item carries its whole text): 11 full pages and 8 more.
        let mut seen = 0;
        let mut path = "/api/v1/commitments".to_owned();
        loop {
            let page: serde_json::Value = app.get(&path, None).await.json();
            let n = page["items"].as_array().map(Vec::len).expect("items");
            assert!(n <= 50, "{n} items on a page");
            seen += n;
            match page["next"].as_i64() {
                Some(next) => path = format!("/api/v1/commitments?after={next}"),
                None => break,
            }
        }
        assert_eq!(seen, 558);
        let one = app.get("/api/v1/commitments/AL0002", None).await;
        one.assert_status_ok();
        app.get("/api/v1/commitments/XX9999", None)
            .await
            .assert_status_not_found();
        let doc = app.get("/api/openapi.json", None).await.text();
        assert!(doc.contains("/api/v1/commitments/{ogp_id}"));
    })
    .await;
}

/// Uploads `bytes` as the import form's file.
async fn upload(app: &TestApp, path: &str, session: &str, bytes: Vec<u8>) -> axum_test::TestResponse {
    use axum_test::multipart::{MultipartForm, Part};
    let form = MultipartForm::new().add_part("file", Part::bytes(bytes).file_name("ogp.csv").mime_type("text/csv"));
    app.server
        .post(path)
        .add_header("cookie", format!("session={session}"))
        .multipart(form)
        .await
}

#[tokio::test]
async fn every_ogp_route_with_every_visitor() {
    each_backend(async |app| {
        let fx = commitment_fixture(app).await;
        let tenant = elbasan(app).await;
        let (id, _) = imported(import(app, &tenant, SHARED).await);
        let mut wrong = Vec::new();
        for (method, pattern, who) in ROUTES {
            let path = pattern
                .replace("{ogp_id}", "ALBSN0002")
                .replace("{id}", &id.to_string());
            wrong.extend(check_route(app, &fx, method, &path, *who, &[]).await);
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
        // A draft is in no export and not in the API.
        app.get("/api/v1/commitments/ALBSN0001", None)
            .await
            .assert_status_not_found();
        assert!(!app.get("/commitments.csv", None).await.text().contains("ALBSN0001"));
    })
    .await;
}

#[tokio::test]
async fn the_import_page_refuses_a_file_next_to_its_field_in_both_languages() {
    each_backend(async |app| {
        let fx = commitment_fixture(app).await;
        let coordinator = fx.session("coordinator");
        let tenant = elbasan(app).await;
        // Windows-1252 bytes: refused, the message beside the file field, nothing imported.
        let latin1 = b"Commitment Unique Identifier,Short Title\r\nAL0001,Tiran\xEB\r\n".to_vec();
        let r = upload(app, "/admin/commitments/import", &coordinator, latin1.clone()).await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY, "{}", app.label);
        let body = r.text();
        let field = &body[body.find("id=\"file-error\"").expect("error beside the field")..];
        assert!(field.contains("UTF-8") && field.contains("rreshtin 2"), "{body}");
        assert!(body.find("id=\"file-error\"") < body.find("id=\"file\" name=\"file\""));
        assert_eq!(count(app, &tenant).await, 1, "only the fixture's endorsed one");
        let en = upload(app, "/admin/commitments/import?lang=en", &coordinator, latin1).await;
        assert!(en.text().contains("save it as “CSV UTF-8”"), "{}", en.text());
        // Wrong columns: each named.
        let renamed = String::from_utf8_lossy(SHARED).replacen("Short Title", "Titulli", 1);
        let body = upload(app, "/admin/commitments/import", &coordinator, renamed.into_bytes())
            .await
            .text();
        assert!(body.contains("Mungojnë kolonat: “Short Title”"), "{body}");
        assert!(body.contains("“Titulli”"));
        // No file at all.
        let body = upload(app, "/admin/commitments/import?lang=en", &coordinator, Vec::new())
            .await
            .text();
        assert!(body.contains("The file is empty, or no file was chosen."));
        // Over the limit (100 MB of junk): refused before it is read, the same way.
        let junk = vec![b'x'; 100 * 1024 * 1024];
        let started = std::time::Instant::now();
        let r = upload(app, "/admin/commitments/import", &coordinator, junk).await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().contains("më i madh se 20 MB"), "{}", r.text());
        assert!(started.elapsed() < std::time::Duration::from_secs(10));
        assert_eq!(count(app, &tenant).await, 1);
    })
    .await;
}

#[tokio::test]
async fn an_upload_imports_and_its_report_shows_skips_and_mismatches() {
    each_backend(async |app| {
        let fx = commitment_fixture(app).await;
        let coordinator = fx.session("coordinator");
        let text = String::from_utf8_lossy(SHARED);
        // The last row cut short: skipped with its number, the rest imported.
        let cut = text[..text.len() - 40].to_owned();
        let r = upload(app, "/admin/commitments/import", &coordinator, cut.into_bytes()).await;
        assert_eq!(r.status_code(), StatusCode::SEE_OTHER, "{}: {}", app.label, r.text());
        let report_path = location(&r);
        assert!(report_path.starts_with("/admin/commitments/imports/"));
        let sq = app.get(&report_path, Some(&coordinator)).await;
        sq.assert_status_ok();
        let body = sq.text();
        assert!(
            body.contains("<td class=\"card-title\" data-label=\"Rreshti\">559</td>"),
            "{body}"
        );
        assert!(body.contains("duket i prerë"));
        // Every mismatch in a table, a hundred a page.
        let mismatches = parse_file(SHARED).expect("reads").report.mismatches;
        assert!(!mismatches.is_empty());
        assert!(body.contains("Kodet që kundërshtonin emërtimet"));
        // Rows of the mismatches' table only (the undated cells' table has a column too).
        let shown = |page: &str| {
            let table = page.split("id=\"mismatches\"").nth(1).unwrap_or("");
            let table = table.split("</table>").next().unwrap_or("");
            table.matches("<tr>").count().saturating_sub(1)
        };
        let first = &mismatches[0];
        assert!(body.contains(&format!("<code>{}</code>", first.found)), "{body}");
        assert_eq!(shown(&body), mismatches.len().min(100));
        let en = app
            .get(&format!("{report_path}?lang=en"), Some(&coordinator))
            .await
            .text();
        assert!(en.contains("it looks cut off"));
        assert!(en.contains("Codes that contradicted their labels"));
        if mismatches.len() > 100 {
            assert!(body.contains("rel=\"next\""));
            let two = app
                .get(&format!("{report_path}?lang=en&page=2"), Some(&coordinator))
                .await
                .text();
            assert!(two.contains("Cases 101–"), "{two}");
            assert_eq!(shown(&two), (mismatches.len() - 100).min(100));
        } else {
            assert!(!body.contains("rel=\"next\""));
        }
        // The import is listed on the import page.
        let list = app.get("/admin/commitments/import", Some(&coordinator)).await.text();
        assert!(list.contains(&format!("href=\"{report_path}\"")));
        // Another tenant's report is not found.
        let other = report_path
            .rsplit('/')
            .next()
            .unwrap_or("0")
            .parse::<i64>()
            .unwrap_or(0)
            + 1000;
        app.get(&format!("/admin/commitments/imports/{other}"), Some(&coordinator))
            .await
            .assert_status_not_found();
    })
    .await;
}

#[tokio::test]
async fn the_settings_form_keeps_what_was_typed_and_names_each_error() {
    each_backend(async |app| {
        let fx = commitment_fixture(app).await;
        let coordinator = fx.session("coordinator");
        let page = app.get("/admin/commitments/settings", Some(&coordinator)).await.text();
        assert!(page.contains("value=\"ALBSN\""));
        assert!(page.contains("value=\"01.06.2026\""));
        let bad = [
            ("commitment_prefix", "albsn"),
            ("commitments_min", "6"),
            ("commitments_max", "5"),
            ("plan_starts_on", "2026-06-01"),
            ("plan_ends_on", "28.02.2028"),
            ("ogp_slug", "Elbasan Albania"),
            ("ogp_national_or_local", "Local"),
        ];
        let r = app.post("/admin/commitments/settings", Some(&coordinator), &bad).await;
        assert_eq!(r.status_code(), StatusCode::UNPROCESSABLE_ENTITY, "{}", app.label);
        let body = r.text();
        assert!(body.contains("value=\"albsn\"") && body.contains("value=\"Elbasan Albania\""));
        assert!(
            body.contains("Identifikuesi i angazhimit: Shkruani nga 2 deri në 8 shkronja"),
            "{body}"
        );
        assert!(body.contains("id=\"commitments_max-error\""));
        assert!(body.contains("id=\"plan_starts_on-error\""));
        assert!(body.contains("id=\"ogp_slug-error\""));
        let en = app
            .post("/admin/commitments/settings?lang=en", Some(&coordinator), &bad)
            .await
            .text();
        assert!(
            en.contains("Commitment identifier: Type 2 to 8 capital Latin letters"),
            "{en}"
        );
        let good = [
            ("commitment_prefix", "ELB"),
            ("commitments_min", "2"),
            ("commitments_max", "6"),
            ("plan_starts_on", "01.07.2026"),
            ("plan_ends_on", "30.06.2028"),
            ("ogp_locality", "Elbasan, Albania"),
            ("ogp_slug", "elbasan-albania"),
            ("ogp_region", "Europe"),
            ("ogp_national_or_local", "Local"),
        ];
        let r = app.post("/admin/commitments/settings", Some(&coordinator), &good).await;
        assert_eq!(location(&r), "/admin/commitments/settings", "{}", r.text());
        let saved = app.store.commitment_settings(app.elbasan).await.expect("settings");
        assert_eq!((saved.prefix.as_str(), saved.min, saved.max), ("ELB", 2, 6));
        assert_eq!(saved.ogp_locality, "Elbasan, Albania");
        assert_eq!(
            saved.plan.and_then(|p| p.1),
            chrono::NaiveDate::from_ymd_opt(2026, 7, 1)
        );
    })
    .await;
}
