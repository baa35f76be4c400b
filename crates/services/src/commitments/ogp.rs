//! OGP's commitments data in and out (issue 10, parts 7 and 8).
//!
//! **Import.** The upload is checked as a whole first and refused with one clear reason when it
//! cannot be OGP's CSV: too large (over [`IMPORT_MAX_BYTES`]), empty, not UTF-8 (a byte-order
//! mark is accepted, CRLF too), or its header lacks OGP's columns or has others (each named).
//! Then every row is read (`domain::commitments::ogp_csv`); a row with too few or too many cells
//! (a truncated one), without identifier or title, or repeating an identifier is skipped with
//! its number and reason, the others are imported together in one transaction. A cell that
//! looks like a formula is only text: it is stored as it is.
//!
//! **Export.** The tenant's public commitments (imported, and drafted ones at their public
//! version) in OGP's 171 columns and order, written batch by batch so that the web layer streams
//! them with flat memory. Cells go through `ogp_csv::safe_cell` (formula-safe text, numbers as
//! they are); see `ogp_csv` for the round trip's normalisations.

use std::collections::{BTreeMap, HashMap};

use domain::{
    Action,
    commitments::{
        CommitmentDocument, Origin,
        ogp_csv::{Assessment, HEADERS, ImportReport, OgpDate, OgpRow, SkipReason, SkippedRow, format_date, safe_cell},
        scales::Absent,
        template::keys,
    },
};
use serde::Serialize;
use store::{
    TenantRow,
    commitments::ogp::{AssessmentRow, ImportRecord, ImportRow, OgpExportRow},
};

use crate::{Actor, ServiceError, Services, common::error::Result};

/// The largest file an import reads (the shared file is 2.5 MB).
pub const IMPORT_MAX_BYTES: usize = 20 * 1024 * 1024;
/// Commitments fetched per batch of an export.
pub const EXPORT_BATCH: i64 = 500;
/// Commitments per page of the JSON API: each carries its whole text, so a page of the export's
/// size would be megabytes.
pub const API_PAGE: i64 = 50;
/// Columns a refusal names at most (a junk file lacks all 171).
const NAMED_COLUMNS_MAX: usize = 12;

/// Why a file is refused as a whole: a `.ftl` code (`error-<code>`) and what the message names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Refusal {
    pub code: &'static str,
    /// Columns missing from the header.
    pub missing: Vec<String>,
    /// Columns OGP's CSV does not have.
    pub unknown: Vec<String>,
    /// How many more than those named.
    pub more: usize,
    /// The line of the first byte that is not UTF-8.
    pub line: Option<usize>,
}

impl Refusal {
    fn new(code: &'static str) -> Refusal {
        Refusal {
            code,
            missing: Vec::new(),
            unknown: Vec::new(),
            more: 0,
            line: None,
        }
    }
}

/// What importing a file did.
#[derive(Debug, Clone)]
pub enum ImportOutcome {
    Imported { id: i64, report: ImportReport },
    Refused(Refusal),
}

/// A file read into rows, before it is written.
#[derive(Debug, Clone)]
pub struct ParsedFile {
    pub rows: Vec<ImportRow>,
    pub report: ImportReport,
}

/// Reads an upload into rows, or refuses it whole.
pub fn parse_file(bytes: &[u8]) -> std::result::Result<ParsedFile, Refusal> {
    if bytes.len() > IMPORT_MAX_BYTES {
        return Err(Refusal::new("ogp_file_too_large"));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Err(e) = std::str::from_utf8(bytes) {
        let line = bytes[..e.valid_up_to()].iter().filter(|b| **b == b'\n').count() + 1;
        return Err(Refusal {
            line: Some(line),
            ..Refusal::new("ogp_file_not_utf8")
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Refusal::new("ogp_file_empty"));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut records = reader.records();
    let header: Vec<String> = match records.next() {
        Some(Ok(h)) => h.iter().map(str::to_owned).collect(),
        _ => return Err(Refusal::new("ogp_file_empty")),
    };
    let missing: Vec<String> = HEADERS
        .iter()
        .filter(|h| !header.iter().any(|x| x == *h))
        .map(|h| (*h).to_owned())
        .collect();
    let mut unknown: Vec<String> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for h in &header {
        if !HEADERS.contains(&h.as_str()) || seen.contains(&h.as_str()) {
            unknown.push(h.clone());
        }
        seen.push(h);
    }
    if !missing.is_empty() || !unknown.is_empty() {
        let more = (missing.len() + unknown.len()).saturating_sub(NAMED_COLUMNS_MAX);
        let mut missing = missing;
        missing.truncate(NAMED_COLUMNS_MAX);
        unknown.truncate(NAMED_COLUMNS_MAX.saturating_sub(missing.len()));
        return Err(Refusal {
            missing,
            unknown,
            more,
            ..Refusal::new("ogp_file_columns")
        });
    }
    // Where each of OGP's columns is in this file (any order is read).
    let order: Vec<usize> = HEADERS
        .iter()
        .map(|h| header.iter().position(|x| x == h).unwrap_or(0))
        .collect();
    let mut report = ImportReport::default();
    let mut rows = Vec::new();
    let mut first_row: HashMap<String, usize> = HashMap::new();
    for (i, record) in records.enumerate() {
        // Row 1 is the header, as a spreadsheet numbers them.
        let row = i + 2;
        report.rows_read += 1;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                report.skipped.push(SkippedRow {
                    row,
                    identifier: String::new(),
                    reason: SkipReason::Unreadable { message: e.to_string() },
                });
                continue;
            }
        };
        let identifier = record.get(order[0]).unwrap_or("").to_owned();
        if record.len() != header.len() {
            report.skipped.push(SkippedRow {
                row,
                identifier,
                reason: SkipReason::Length {
                    found: record.len(),
                    expected: header.len(),
                },
            });
            continue;
        }
        let cells: Vec<&str> = order.iter().map(|&i| record.get(i).unwrap_or("")).collect();
        match OgpRow::read(row, &HEADERS, &cells) {
            Ok((data, mismatches)) => {
                if let Some(first) = first_row.get(&data.identifier) {
                    report.skipped.push(SkippedRow {
                        row,
                        identifier,
                        reason: SkipReason::Duplicate { first_row: *first },
                    });
                    continue;
                }
                first_row.insert(data.identifier.clone(), row);
                report.mismatches.extend(mismatches);
                report.undated.extend(data.undated(row));
                rows.push(ImportRow { row, data });
            }
            Err(e) => report.skipped.push(SkippedRow {
                row,
                identifier,
                reason: e.into(),
            }),
        }
    }
    Ok(ParsedFile { rows, report })
}

/// The OGP row of a public commitment: an imported one as it came (its ratings and kept cells),
/// a drafted one from its public version and the tenant's export settings.
pub fn ogp_row(tenant: &TenantRow, row: &OgpExportRow, ratings: &[AssessmentRow]) -> Result<OgpRow> {
    let doc = row.document()?;
    let assessments = ratings
        .iter()
        .map(|a| Assessment {
            indicator: a.indicator.clone(),
            level: a.level_key.clone(),
            absent: a.absent_reason.as_deref().and_then(Absent::parse),
            raw_label: a.raw_label.clone(),
            raw_code: a.raw_code.clone(),
        })
        .collect();
    if row.origin == Origin::Imported.key() {
        return Ok(OgpRow {
            identifier: row.ogp_id.clone(),
            locality: row.locality.clone(),
            country: row.country.clone(),
            title: doc.title.clone(),
            full_text: doc.field(keys::BRIEF_DESCRIPTION).to_owned(),
            start: OgpDate::read(&row.starts_raw),
            end: OgpDate::read(&row.ends_raw),
            lead_institution: doc.field(keys::LEAD_INSTITUTION).to_owned(),
            supporting_institutions: doc.field(keys::SUPPORT_OTHER).to_owned(),
            values: doc.values.clone(),
            policy_areas: doc.policy_areas.clone(),
            assessments,
            extra: row.extra()?,
        });
    }
    Ok(drafted_row(tenant, row, &doc, assessments))
}

fn drafted_date(d: Option<chrono::NaiveDate>) -> OgpDate {
    match d {
        Some(d) => OgpDate::read(&format_date(d)),
        None => OgpDate::read(Absent::NotApplicable.key()),
    }
}

fn drafted_row(
    tenant: &TenantRow,
    row: &OgpExportRow,
    doc: &CommitmentDocument,
    assessments: Vec<Assessment>,
) -> OgpRow {
    let supporting: Vec<&str> = [
        keys::SUPPORT_GOVERNMENT,
        keys::SUPPORT_CIVIL_SOCIETY,
        keys::SUPPORT_OTHER,
    ]
    .iter()
    .flat_map(|k| doc.lines(k))
    .collect();
    let mut extra = BTreeMap::new();
    let mut put = |k: &str, v: String| {
        if !v.is_empty() {
            extra.insert(k.to_owned(), v);
        }
    };
    put("Code", tenant.ogp_code.clone());
    put("Region", tenant.ogp_region.clone());
    put("National Or Local", tenant.ogp_national_or_local.clone());
    put(
        "Commitment Number",
        row.number.map(|n| n.to_string()).unwrap_or_default(),
    );
    put("Commitment Dummy", "1".to_owned());
    put("Action Plan ID", tenant.ogp_action_plan_id.clone());
    if !tenant.ogp_slug.is_empty() {
        put(
            "URL",
            format!(
                "https://www.opengovpartnership.org/members/{}/commitments/{}",
                tenant.ogp_slug,
                row.ogp_id.to_lowercase()
            ),
        );
    }
    OgpRow {
        identifier: row.ogp_id.clone(),
        locality: String::new(),
        country: tenant.ogp_locality.clone(),
        title: doc.title.clone(),
        full_text: doc.field(keys::BRIEF_DESCRIPTION).to_owned(),
        start: drafted_date(doc.starts_on),
        end: drafted_date(doc.ends_on),
        lead_institution: doc.field(keys::LEAD_INSTITUTION).to_owned(),
        supporting_institutions: supporting.join("; "),
        values: doc.values.clone(),
        policy_areas: doc.policy_areas.clone(),
        assessments,
        extra,
    }
}

/// One CSV record (ending in CRLF, as OGP's file), each cell formula-safe.
pub fn csv_record<S: AsRef<str>>(cells: &[S]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    if writer
        .write_record(cells.iter().map(|c| safe_cell(c.as_ref()).into_owned()))
        .is_err()
    {
        return String::from("\r\n");
    }
    match writer.into_inner() {
        Ok(bytes) => String::from_utf8(bytes).unwrap_or_default(),
        Err(_) => String::from("\r\n"),
    }
}

/// A commitment in the JSON export and the API.
#[derive(Debug, Clone, Serialize)]
pub struct CommitmentJson {
    pub identifier: String,
    pub origin: String,
    pub status: String,
    pub title: String,
    pub country: String,
    pub locality: String,
    pub description: String,
    pub lead_institution: String,
    pub supporting_institutions: String,
    pub start: OgpDate,
    pub end: OgpDate,
    pub values: Vec<String>,
    pub policy_areas: Vec<String>,
    pub ratings: Vec<RatingJson>,
}

/// One IRM rating: a level, or absent with OGP's reason (`ND`, `NR`, `NA`).
#[derive(Debug, Clone, Serialize)]
pub struct RatingJson {
    pub indicator: String,
    pub level: Option<String>,
    pub absent: Option<String>,
}

fn json_of(tenant: &TenantRow, row: &OgpExportRow, ratings: &[AssessmentRow]) -> Result<CommitmentJson> {
    let ogp = ogp_row(tenant, row, ratings)?;
    Ok(CommitmentJson {
        identifier: ogp.identifier,
        origin: row.origin.clone(),
        status: row.status.clone(),
        title: ogp.title,
        country: ogp.country,
        locality: ogp.locality,
        description: ogp.full_text,
        lead_institution: ogp.lead_institution,
        supporting_institutions: ogp.supporting_institutions,
        start: ogp.start,
        end: ogp.end,
        values: ogp.values.iter().map(|v| v.key().to_owned()).collect(),
        policy_areas: ogp.policy_areas,
        ratings: ratings
            .iter()
            .map(|a| RatingJson {
                indicator: a.indicator.clone(),
                level: a.level_key.clone(),
                absent: a.absent_reason.clone(),
            })
            .collect(),
    })
}

impl Services {
    /// Imports an OGP commitments CSV for a coordinator (`ManageCommitments`).
    pub async fn import_commitments(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<ImportOutcome> {
        let user = actor.require(Action::ManageCommitments)?;
        self.import_commitments_as(tenant, user, actor.request_id.as_deref(), file_name, bytes)
            .await
    }

    /// The import itself, also for `bashke import-commitments` and the demo, where the
    /// machine's operator acts (`user` `None`).
    pub async fn import_commitments_as(
        &self,
        tenant: &TenantRow,
        user: Option<domain::UserId>,
        request_id: Option<&str>,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<ImportOutcome> {
        let parsed = match parse_file(bytes) {
            Ok(p) => p,
            Err(refusal) => return Ok(ImportOutcome::Refused(refusal)),
        };
        let name: String = file_name.chars().filter(|c| !c.is_control()).take(200).collect();
        let ctx = self.ctx(tenant.id(), user, request_id);
        let (id, report) = self
            .store
            .import_commitments(tenant.id(), &name, &parsed.rows, parsed.report, user, &ctx)
            .await?;
        Ok(ImportOutcome::Imported { id, report })
    }

    /// An import's report, for staff.
    pub async fn commitment_import(&self, tenant: &TenantRow, actor: &Actor, id: i64) -> Result<ImportRecord> {
        actor.require(Action::ManageCommitments)?;
        self.store
            .commitment_import(tenant.id(), id)
            .await?
            .ok_or(ServiceError::NotFound)
    }

    /// The latest imports, for the import page.
    pub async fn commitment_imports(&self, tenant: &TenantRow, actor: &Actor) -> Result<Vec<ImportRecord>> {
        actor.require(Action::ManageCommitments)?;
        Ok(self.store.commitment_imports(tenant.id(), 20).await?)
    }

    /// One batch of public commitments with their ratings.
    async fn export_batch(
        &self,
        tenant: &TenantRow,
        after: i64,
        limit: i64,
    ) -> Result<(Vec<(OgpExportRow, Vec<AssessmentRow>)>, Option<i64>)> {
        let rows = self.store.ogp_export_batch(tenant.id(), after, limit).await?;
        let (Some(first), Some(last)) = (rows.first().map(|r| r.id), rows.last().map(|r| r.id)) else {
            return Ok((Vec::new(), None));
        };
        let mut ratings: BTreeMap<i64, Vec<AssessmentRow>> = BTreeMap::new();
        for a in self.store.assessments_between(tenant.id(), first, last).await? {
            ratings.entry(a.commitment_id).or_default().push(a);
        }
        let next = if (rows.len() as i64) < limit { None } else { Some(last) };
        let out = rows
            .into_iter()
            .map(|r| {
                let a = ratings.remove(&r.id).unwrap_or_default();
                (r, a)
            })
            .collect();
        Ok((out, next))
    }

    /// One piece of the CSV export (anyone may read it: public data only): the byte-order mark
    /// and OGP's header first when `after` is `None`, then the commitments after id `after`, and
    /// the id to continue after (`None` at the end).
    pub async fn ogp_csv_chunk(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        after: Option<i64>,
    ) -> Result<(String, Option<i64>)> {
        actor.require(Action::ViewPublic)?;
        let (rows, next) = self.export_batch(tenant, after.unwrap_or(0), EXPORT_BATCH).await?;
        let mut out = String::new();
        if after.is_none() {
            out.push_str(export::csv::BOM);
            out.push_str(&csv_record(&HEADERS));
        }
        for (row, ratings) in &rows {
            out.push_str(&csv_record(&ogp_row(tenant, row, ratings)?.to_cells()));
        }
        Ok((out, next))
    }

    /// One piece of the JSON export: `[` first, the commitments after `after` separated by
    /// commas, `]` at the end.
    pub async fn ogp_json_chunk(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        after: Option<i64>,
    ) -> Result<(String, Option<i64>)> {
        actor.require(Action::ViewPublic)?;
        let (rows, next) = self.export_batch(tenant, after.unwrap_or(0), EXPORT_BATCH).await?;
        let mut out = String::new();
        if after.is_none() {
            out.push('[');
        }
        for (i, (row, ratings)) in rows.iter().enumerate() {
            if after.is_some() || i > 0 {
                out.push(',');
            }
            let json =
                serde_json::to_string(&json_of(tenant, row, ratings)?).map_err(|e| ServiceError::Internal(e.into()))?;
            out.push_str(&json);
        }
        if next.is_none() {
            out.push(']');
        }
        Ok((out, next))
    }

    /// A page of public commitments for the API, after id `after`; the cursor of the next page.
    pub async fn commitments_api(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        after: i64,
    ) -> Result<(Vec<CommitmentJson>, Option<i64>)> {
        actor.require(Action::ViewPublic)?;
        let (rows, next) = self.export_batch(tenant, after, API_PAGE).await?;
        let items = rows
            .iter()
            .map(|(r, a)| json_of(tenant, r, a))
            .collect::<Result<Vec<_>>>()?;
        Ok((items, next))
    }

    /// One public commitment by its OGP identifier, for the API.
    pub async fn commitment_api(&self, tenant: &TenantRow, actor: &Actor, ogp_id: &str) -> Result<CommitmentJson> {
        actor.require(Action::ViewPublic)?;
        let row = self
            .store
            .ogp_export_one(tenant.id(), ogp_id)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let ratings = self.store.assessments_between(tenant.id(), row.id, row.id).await?;
        json_of(tenant, &row, &ratings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHARED: &[u8] = include_bytes!("../../../../seed/ogp/ogp-commitments-open-parliament.csv");

    #[test]
    fn the_shared_file_reads_whole() {
        let parsed = parse_file(SHARED).expect("reads");
        assert_eq!(parsed.rows.len(), 558);
        assert!(parsed.report.skipped.is_empty(), "{:?}", parsed.report.skipped);
        assert_eq!(parsed.report.rows_read, 558);
        assert!(!parsed.report.mismatches.is_empty());
    }

    #[test]
    fn a_bom_and_lf_line_ends_are_accepted() {
        let mut with_bom = b"\xEF\xBB\xBF".to_vec();
        with_bom.extend_from_slice(&String::from_utf8_lossy(SHARED).replace("\r\n", "\n").into_bytes());
        let parsed = parse_file(&with_bom).expect("reads");
        assert_eq!(parsed.rows.len(), 558);
    }

    #[test]
    fn files_that_cannot_be_ogps_are_refused_whole() {
        assert_eq!(parse_file(b"").err().map(|r| r.code), Some("ogp_file_empty"));
        assert_eq!(parse_file(b" \r\n").err().map(|r| r.code), Some("ogp_file_empty"));
        let latin1 = b"Commitment Unique Identifier\nAL0001,Tiran\xEB\n";
        let r = parse_file(latin1).err();
        assert_eq!(r.as_ref().map(|r| r.code), Some("ogp_file_not_utf8"));
        assert_eq!(r.and_then(|r| r.line), Some(2));
        let big = vec![b'x'; IMPORT_MAX_BYTES + 1];
        assert_eq!(parse_file(&big).err().map(|r| r.code), Some("ogp_file_too_large"));
        // A column renamed: the missing one and the unknown one are both named.
        let text = String::from_utf8_lossy(SHARED).replacen("Short Title", "Short title", 1);
        let r = parse_file(text.as_bytes()).expect_err("refused");
        assert_eq!(r.code, "ogp_file_columns");
        assert_eq!(r.missing, vec!["Short Title"]);
        assert_eq!(r.unknown, vec!["Short title"]);
    }

    #[test]
    fn a_truncated_row_is_skipped_and_the_rest_read() {
        let text = String::from_utf8_lossy(SHARED);
        let cut = &text[..text.len() - 40];
        let parsed = parse_file(cut.as_bytes()).expect("reads");
        assert_eq!(parsed.rows.len(), 557);
        assert_eq!(parsed.report.skipped.len(), 1);
        assert_eq!(parsed.report.skipped[0].row, 559);
        assert!(matches!(parsed.report.skipped[0].reason, SkipReason::Length { .. }));
    }

    #[test]
    fn numbers_stay_and_formula_text_is_made_safe() {
        let line = csv_record(&["-1", "=HYPERLINK(\"x\")", "a,b", "- list"]);
        assert_eq!(line, "-1,\"'=HYPERLINK(\"\"x\"\")\",\"a,b\",'- list\r\n");
    }
}
