//! `bashke generate-commitments-load`: fills the default municipality's library with N imported
//! commitments for the benchmark (the CSV export of 10,000 streamed with flat memory, the
//! library's search over 10,000 under 20 ms).
//!
//! The rows are OGP's shared file (558 real commitments with their IRM ratings, values, policy
//! areas and kept cells) repeated with new identifiers and Albanian and English words added to
//! the titles and texts, written through the import's own store function in transactions of
//! 1,000 rows: versions, values, areas, assessments, the search columns and the SQLite FTS rows
//! are then exactly what an import writes, which a second bulk writer could silently drift
//! from. Re-running replaces the same identifiers (`LOAD00001` …) instead of adding more.

use domain::commitments::ogp_csv::ImportReport;
use services::{Services, commitments::ogp::parse_file};
use store::{AuditCtx, commitments::ogp::ImportRow};

const SHARED: &[u8] = include_bytes!("../../../seed/ogp/ogp-commitments-open-parliament.csv");

/// Rows per transaction (each is one import in the list of imports).
const CHUNK: usize = 1_000;

/// Subjects put before the titles, Albanian and English, so that searches find some.
const SUBJECTS: [&str; 12] = [
    "Transparenca e buxhetit vendor",
    "Pjesëmarrja e qytetarëve në vendimmarrje",
    "E drejta për informim",
    "Prokurimi i hapur",
    "Llogaridhënia e këshillit bashkiak",
    "Të dhëna të hapura për shërbimet publike",
    "Open local budget",
    "Citizen participation in planning",
    "Access to information requests",
    "Open contracting",
    "Whistleblower protection",
    "Public service feedback",
];
const PLACES: [&str; 8] = [
    "në Elbasan",
    "në Shirgjan",
    "në Gjinar",
    "në Papër",
    "in Elbasan",
    "in Tirana",
    "in Durrës",
    "in Shkodër",
];
/// A word in one row of a hundred: the benchmark's search for a rare word.
pub const RARE_WORD: &str = "ujësjellësi";
/// A word in every twelfth row.
pub const COMMON_WORD: &str = "prokurimi";

/// What the benchmark needs to know.
pub struct CommitmentsLoad {
    pub tenant_slug: String,
    pub written: usize,
    /// The tenant's public commitments after the load (what `/commitments.csv` exports).
    pub public: usize,
}

pub async fn generate(services: &Services, commitments: usize) -> anyhow::Result<CommitmentsLoad> {
    let store = &services.store;
    let tenant = store
        .resolve_tenant("")
        .await?
        .ok_or_else(|| anyhow::anyhow!("no default tenant: run `bashke demo` once first"))?;
    let shared = parse_file(SHARED).map_err(|r| anyhow::anyhow!("the shared file was refused: {}", r.code))?;
    anyhow::ensure!(!shared.rows.is_empty(), "the shared file has no rows");
    let ctx = AuditCtx {
        tenant: Some(tenant.id()),
        actor: None,
        at: services.clock.now(),
        request_id: Some("load".into()),
    };
    let mut written = 0;
    for start in (0..commitments).step_by(CHUNK) {
        let end = (start + CHUNK).min(commitments);
        let rows: Vec<ImportRow> = (start..end)
            .map(|i| {
                let base = &shared.rows[i % shared.rows.len()];
                let mut data = base.data.clone();
                data.identifier = format!("LOAD{:05}", i + 1);
                let subject = SUBJECTS[i % SUBJECTS.len()];
                let place = PLACES[(i / SUBJECTS.len()) % PLACES.len()];
                data.title = format!("{subject} {place}: {}", data.title);
                let rare = if i % 100 == 0 {
                    format!(" Rrjeti i {RARE_WORD} publikon çdo muaj të dhënat e cilësisë së ujit.")
                } else {
                    String::new()
                };
                data.full_text = format!("{subject} {place}.{rare} {}", data.full_text);
                ImportRow { row: i + 2, data }
            })
            .collect();
        let report = ImportReport {
            rows_read: rows.len(),
            ..ImportReport::default()
        };
        let (_, report) = store
            .import_commitments(
                tenant.id(),
                &format!("load-{:05}-{:05}.csv", start + 1, end),
                &rows,
                report,
                None,
                &ctx,
            )
            .await?;
        written += report.imported;
        eprintln!("{written} of {commitments} commitments written");
    }
    let public = store.ogp_export_batch(tenant.id(), 0, i64::MAX).await?.len();
    Ok(CommitmentsLoad {
        tenant_slug: tenant.slug,
        written,
        public,
    })
}
