//! OGP's commitments CSV (section 10): the 171 columns in order with what each holds, the cells'
//! sentinels, labels and codes, and dates in all the forms OGP's data uses.
//!
//! A row is read into an [`OgpRow`]: the columns the platform understands go to typed fields
//! (identifier, country or locality, title, full text, dates, institutions, OGP values,
//! policy-area flags, IRM ratings), every other cell to `extra` (header → raw text), so that
//! writing the row back ([`OgpRow::to_cells`]) gives OGP's values again.
//!
//! **Round trip.** Exporting an imported row gives every cell back byte for byte, except these
//! normalisations (each reported on import as a [`Mismatch`], and checked one by one by the round
//! trip test):
//! 1. a code that contradicts its label is written as the code derived from the label (labels
//!    are trusted: `Marginal` with `_DIOGCP` 0 comes back as 3; `No Change` with
//!    `_ChangeCompletion` NR as 0);
//! 2. a label column holding a code instead of a name (`Verifiable` = `1`) is written as the
//!    name (`Yes`).
//!
//! The CSV writer adds one more, for safety, in `safe_cell`: text that a spreadsheet would run
//! as a formula gets a leading apostrophe. A number (`-1`, `-2`) is not a formula and is
//! written as is; the importer takes the apostrophe off again.

mod dates;
mod headers;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use dates::{DateCell, format_date, parse_date};
pub use headers::HEADERS;

use super::OgpValue;
use super::scales::{self, Absent, Indicator};
use super::vocabulary::{self, PolicyArea};

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Identifier,
    CountryLocality,
    Title,
    FullText,
    StartDate,
    EndDate,
    LeadInstitution,
    SupportingInstitutions,
    /// A policy-area tag: `1`, `0`, or a sentinel.
    PolicyArea(&'static PolicyArea),
    /// `OGP Value …`: `1`, `0`, or a sentinel.
    Value(OgpValue),
    /// The level names of an IRM indicator.
    IrmLabel(&'static Indicator),
    /// The codes of an IRM indicator (a flag's own column too).
    IrmCode(&'static Indicator),
    /// Kept as text and written back (plan numbers, region, URL, OGP's derived tallies, ...).
    Extra,
}

/// The column OGP names `header`.
pub fn column(header: &str) -> Column {
    match header {
        "Commitment Unique Identifier" => return Column::Identifier,
        "Country/Locality" => return Column::CountryLocality,
        "Commitment Title" => return Column::Title,
        "Full Text" => return Column::FullText,
        "Start Date" => return Column::StartDate,
        "End Date" => return Column::EndDate,
        "Lead Institution" => return Column::LeadInstitution,
        "Supporting Institution(s)" => return Column::SupportingInstitutions,
        "OGP Value Access To Information" => return Column::Value(OgpValue::AccessToInformation),
        "OGP Value Civic Participation" => return Column::Value(OgpValue::CivicParticipation),
        "OGP Value Public Accountability" => return Column::Value(OgpValue::PublicAccountability),
        "OGP Value Technology" => return Column::Value(OgpValue::TechnologyInnovation),
        _ => {}
    }
    if let Some(area) = vocabulary::policy_area_by_header(header) {
        return Column::PolicyArea(area);
    }
    for ind in scales::INDICATORS {
        if ind.label_column == Some(header) {
            return Column::IrmLabel(ind);
        }
        if ind.code_column == Some(header) {
            return Column::IrmCode(ind);
        }
    }
    Column::Extra
}

/// The OGP column of a value.
pub fn value_header(value: OgpValue) -> &'static str {
    match value {
        OgpValue::AccessToInformation => "OGP Value Access To Information",
        OgpValue::CivicParticipation => "OGP Value Civic Participation",
        OgpValue::PublicAccountability => "OGP Value Public Accountability",
        OgpValue::TechnologyInnovation => "OGP Value Technology",
    }
}

/// A date as OGP wrote it, with what it stands for.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OgpDate {
    pub raw: String,
    pub on: Option<chrono::NaiveDate>,
    pub precision: Option<super::DatePrecision>,
}

impl OgpDate {
    pub fn read(raw: &str) -> OgpDate {
        let (on, precision) = match parse_date(raw).date() {
            Some((on, p)) => (Some(on), Some(p)),
            None => (None, None),
        };
        OgpDate {
            raw: raw.to_string(),
            on,
            precision,
        }
    }
}

/// One IRM rating as read: the level's key, or the reason it is absent, or neither when the
/// label is no name of the scale (kept raw and written back as it was).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    pub indicator: String,
    pub level: Option<String>,
    pub absent: Option<Absent>,
    pub raw_label: String,
    pub raw_code: String,
}

/// A cell that did not say what its label (or its scale) says: reported, and exported as
/// `written`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mismatch {
    /// The row's number in the file (the header is row 1).
    pub row: usize,
    pub identifier: String,
    pub column: String,
    pub label: String,
    pub found: String,
    pub written: String,
}

/// One commitment of OGP's CSV.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OgpRow {
    pub identifier: String,
    /// "Elbasan" of "Elbasan, Albania"; empty for a country's commitment.
    pub locality: String,
    pub country: String,
    pub title: String,
    pub full_text: String,
    pub start: OgpDate,
    pub end: OgpDate,
    pub lead_institution: String,
    pub supporting_institutions: String,
    pub values: Vec<OgpValue>,
    /// Keys of `vocabulary::POLICY_AREAS` flagged `1`.
    pub policy_areas: Vec<String>,
    pub assessments: Vec<Assessment>,
    /// Every other cell, header → raw text (also a policy-area or value cell that is not 0/1).
    pub extra: BTreeMap<String, String>,
}

/// Why a row is not imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum RowError {
    #[error("the row has {found} cells, the header {expected}")]
    Length { found: usize, expected: usize },
    #[error("the row has no identifier")]
    NoIdentifier,
    #[error("the row has no title")]
    NoTitle,
}

/// Why a row of a file was not imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SkipReason {
    /// Fewer or more cells than the header (a truncated row).
    Length {
        found: usize,
        expected: usize,
    },
    NoIdentifier,
    NoTitle,
    /// The identifier came earlier in the same file (the first row is imported).
    Duplicate {
        first_row: usize,
    },
    /// The identifier is a commitment drafted here: an import never overwrites one.
    Drafted,
    /// A cell that is not text: the CSV reader's own error (bad quoting).
    Unreadable {
        message: String,
    },
}

impl SkipReason {
    /// The `.ftl` key of the reason (`ogp-skip-<kind>`).
    pub fn kind(&self) -> &'static str {
        match self {
            SkipReason::Length { .. } => "length",
            SkipReason::NoIdentifier => "no_identifier",
            SkipReason::NoTitle => "no_title",
            SkipReason::Duplicate { .. } => "duplicate",
            SkipReason::Drafted => "drafted",
            SkipReason::Unreadable { .. } => "unreadable",
        }
    }
}

impl From<RowError> for SkipReason {
    fn from(e: RowError) -> SkipReason {
        match e {
            RowError::Length { found, expected } => SkipReason::Length { found, expected },
            RowError::NoIdentifier => SkipReason::NoIdentifier,
            RowError::NoTitle => SkipReason::NoTitle,
        }
    }
}

/// A row that was not imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkippedRow {
    pub row: usize,
    pub identifier: String,
    pub reason: SkipReason,
}

/// What an import did: kept as JSON in `commitment_imports.report` and shown on its page.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ImportReport {
    /// Data rows in the file.
    pub rows_read: usize,
    /// Rows written (new or replacing an earlier import of the same identifier).
    pub imported: usize,
    /// Of those, rows that replaced an earlier import.
    pub replaced: usize,
    pub skipped: Vec<SkippedRow>,
    pub mismatches: Vec<Mismatch>,
    /// Date cells kept as text only (no date in them: "Ongoing").
    pub undated: Vec<UndatedCell>,
}

/// A date cell that names no date; kept as typed, exported as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UndatedCell {
    pub row: usize,
    pub identifier: String,
    pub column: String,
    pub raw: String,
}

impl OgpRow {
    /// The date cells of this row that are neither a date nor a sentinel.
    pub fn undated(&self, row: usize) -> Vec<UndatedCell> {
        [("Start Date", &self.start), ("End Date", &self.end)]
            .into_iter()
            .filter(|(_, d)| d.on.is_none() && Absent::parse(&d.raw).is_none())
            .map(|(column, d)| UndatedCell {
                row,
                identifier: self.identifier.clone(),
                column: column.to_string(),
                raw: d.raw.clone(),
            })
            .collect()
    }
}

/// Splits `Country/Locality`: "Elbasan, Albania" is a locality in a country.
fn split_place(cell: &str) -> (String, String) {
    match cell.rsplit_once(", ") {
        Some((locality, country)) => (locality.to_string(), country.to_string()),
        None => (String::new(), cell.to_string()),
    }
}

fn join_place(locality: &str, country: &str) -> String {
    if locality.is_empty() {
        country.to_string()
    } else {
        format!("{locality}, {country}")
    }
}

/// Takes off the apostrophe a formula-safe writer put before `=`, `+`, `-`, `@` (ours, or a
/// spreadsheet's), so that a re-imported export holds OGP's text again.
pub fn unescape_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}

/// Whether a cell is a plain number (`-1`, `2.5`): a spreadsheet reads it as that number,
/// never as a formula, so it is written as is.
pub fn is_number(cell: &str) -> bool {
    let digits = cell.strip_prefix(['-', '+']).unwrap_or(cell);
    let mut parts = digits.splitn(2, '.');
    let int = parts.next().unwrap_or("");
    let frac = parts.next();
    !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// A cell as the export writes it: a formula-like text (starting with `=`, `+`, `-`, `@`, tab
/// or carriage return) gets an apostrophe so a spreadsheet shows it as text, as
/// `export::csv::safe_cell` does; a number is not a formula and stays as it is.
pub fn safe_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_number(cell) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// The code a label stands for, Change In Completion's from the two completion codes: the
/// label gives the sign, the difference of the codes (end of term minus progress report) the
/// size. A code with the right sign is kept when the two completion codes are unknown.
fn change_code(level: &scales::Level, found: &str, progress: Option<i64>, end_term: Option<i64>) -> String {
    let sign: i64 = level.code.parse().unwrap_or(0);
    if let (Some(p), Some(e)) = (progress, end_term)
        && (e - p).signum() == sign
    {
        return (e - p).to_string();
    }
    match found.parse::<i64>() {
        Ok(n) if n.signum() == sign && progress.is_none_or(|_| end_term.is_none()) => n.to_string(),
        _ => level.code.to_string(),
    }
}

impl OgpRow {
    /// Reads the cells of one row, in the order of `headers` (the file's header line, checked
    /// by the caller to hold exactly OGP's columns). `row` is the row's number in the file, for
    /// the mismatches.
    pub fn read(row: usize, headers: &[&str], cells: &[&str]) -> Result<(OgpRow, Vec<Mismatch>), RowError> {
        if cells.len() != headers.len() {
            return Err(RowError::Length {
                found: cells.len(),
                expected: headers.len(),
            });
        }
        let mut out = OgpRow::default();
        let mut labels: BTreeMap<&str, &str> = BTreeMap::new();
        let mut codes: BTreeMap<&str, &str> = BTreeMap::new();
        for (header, cell) in headers.iter().zip(cells) {
            let cell = unescape_cell(cell);
            match column(header) {
                Column::Identifier => out.identifier = cell.to_string(),
                Column::CountryLocality => {
                    (out.locality, out.country) = split_place(cell);
                    if join_place(&out.locality, &out.country) != cell {
                        out.extra.insert((*header).to_string(), cell.to_string());
                    }
                }
                Column::Title => out.title = cell.to_string(),
                Column::FullText => out.full_text = cell.to_string(),
                Column::StartDate => out.start = OgpDate::read(cell),
                Column::EndDate => out.end = OgpDate::read(cell),
                Column::LeadInstitution => out.lead_institution = cell.to_string(),
                Column::SupportingInstitutions => out.supporting_institutions = cell.to_string(),
                Column::PolicyArea(area) => match cell {
                    "1" => out.policy_areas.push(area.key.to_string()),
                    "0" => {}
                    _ => {
                        out.extra.insert((*header).to_string(), cell.to_string());
                    }
                },
                Column::Value(value) => match cell {
                    "1" => out.values.push(value),
                    "0" => {}
                    _ => {
                        out.extra.insert((*header).to_string(), cell.to_string());
                    }
                },
                Column::IrmLabel(ind) => {
                    labels.insert(ind.key, cell);
                }
                Column::IrmCode(ind) => {
                    codes.insert(ind.key, cell);
                }
                Column::Extra => {
                    out.extra.insert((*header).to_string(), cell.to_string());
                }
            }
        }
        if out.identifier.trim().is_empty() {
            return Err(RowError::NoIdentifier);
        }
        if out.title.trim().is_empty() {
            return Err(RowError::NoTitle);
        }
        for ind in scales::INDICATORS {
            let (label, code) = (labels.get(ind.key).copied(), codes.get(ind.key).copied());
            if label.is_none() && code.is_none() {
                continue;
            }
            let raw_label = label.unwrap_or("");
            let raw_code = code.unwrap_or("");
            // Labels are trusted; a flag's (or `_Relevant`'s) cell is its code.
            let (level, absent) = if ind.label_column.is_some() {
                match Absent::parse(raw_label) {
                    Some(a) => (None, Some(a)),
                    None => (
                        ind.level_by_label(raw_label).or_else(|| ind.level_by_code(raw_label)),
                        None,
                    ),
                }
            } else {
                match Absent::parse(raw_code) {
                    Some(a) => (None, Some(a)),
                    None => (ind.level_by_code(raw_code), None),
                }
            };
            out.assessments.push(Assessment {
                indicator: ind.key.to_string(),
                level: level.map(|l| l.key.to_string()),
                absent,
                raw_label: raw_label.to_string(),
                raw_code: raw_code.to_string(),
            });
        }
        let mismatches = out.mismatches(row);
        Ok((out, mismatches))
    }

    fn assessment(&self, key: &str) -> Option<&Assessment> {
        self.assessments.iter().find(|a| a.indicator == key)
    }

    /// A completion's code as a number, for Change In Completion.
    fn completion_code(&self, key: &str) -> Option<i64> {
        let a = self.assessment(key)?;
        let ind = scales::indicator(key)?;
        ind.level(a.level.as_deref()?)?.code.parse().ok()
    }

    /// The label and code cells of an assessment as the export writes them.
    fn rating_cells(&self, a: &Assessment) -> (String, String) {
        let Some(ind) = scales::indicator(&a.indicator) else {
            return (a.raw_label.clone(), a.raw_code.clone());
        };
        if let Some(absent) = a.absent {
            return (absent.key().to_string(), absent.key().to_string());
        }
        let Some(level) = a.level.as_deref().and_then(|k| ind.level(k)) else {
            return (a.raw_label.clone(), a.raw_code.clone());
        };
        let code = if ind.key == scales::CHANGE_IN_COMPLETION_KEY {
            change_code(
                level,
                &a.raw_code,
                self.completion_code(scales::COMPLETION_PROGRESS_KEY),
                self.completion_code(scales::COMPLETION_END_TERM_KEY),
            )
        } else {
            level.code.to_string()
        };
        (level.label.to_string(), code)
    }

    /// The cells whose export differs from what the file said, each with what is written.
    fn mismatches(&self, row: usize) -> Vec<Mismatch> {
        let mut out = Vec::new();
        for a in &self.assessments {
            let Some(ind) = scales::indicator(&a.indicator) else {
                continue;
            };
            let (label, code) = self.rating_cells(a);
            let mut push = |column: &str, found: &str, written: &str| {
                if found != written {
                    out.push(Mismatch {
                        row,
                        identifier: self.identifier.clone(),
                        column: column.to_string(),
                        label: label.clone(),
                        found: found.to_string(),
                        written: written.to_string(),
                    });
                }
            };
            if let Some(col) = ind.label_column {
                push(col, &a.raw_label, &label);
                if let Some(code_col) = ind.code_column {
                    push(code_col, &a.raw_code, &code);
                }
            } else if let Some(code_col) = ind.code_column {
                push(code_col, &a.raw_code, &code);
            }
        }
        out
    }

    /// The row's cells in `HEADERS`' order, each as OGP's value (not yet formula-safe: the
    /// writer applies `safe_cell`).
    pub fn to_cells(&self) -> Vec<String> {
        let mut ratings: BTreeMap<&str, String> = BTreeMap::new();
        for a in &self.assessments {
            let Some(ind) = scales::indicator(&a.indicator) else {
                continue;
            };
            let (label, code) = self.rating_cells(a);
            if let Some(col) = ind.label_column {
                ratings.insert(col, label);
            }
            if let Some(col) = ind.code_column {
                ratings.insert(col, code);
            }
        }
        HEADERS
            .iter()
            .map(|header| {
                let extra = self.extra.get(*header);
                match column(header) {
                    Column::Identifier => self.identifier.clone(),
                    Column::CountryLocality => extra
                        .cloned()
                        .unwrap_or_else(|| join_place(&self.locality, &self.country)),
                    Column::Title => self.title.clone(),
                    Column::FullText => self.full_text.clone(),
                    Column::StartDate => self.start.raw.clone(),
                    Column::EndDate => self.end.raw.clone(),
                    Column::LeadInstitution => self.lead_institution.clone(),
                    Column::SupportingInstitutions => self.supporting_institutions.clone(),
                    Column::PolicyArea(area) => {
                        if self.policy_areas.iter().any(|k| k == area.key) {
                            "1".into()
                        } else {
                            extra.cloned().unwrap_or_else(|| "0".into())
                        }
                    }
                    Column::Value(value) => {
                        if self.values.contains(&value) {
                            "1".into()
                        } else {
                            extra.cloned().unwrap_or_else(|| "0".into())
                        }
                    }
                    Column::IrmLabel(_) | Column::IrmCode(_) => ratings
                        .get(*header)
                        .cloned()
                        .unwrap_or_else(|| Absent::NoData.key().to_string()),
                    Column::Extra => extra.cloned().unwrap_or_else(|| Absent::NoData.key().to_string()),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row_with(pairs: &[(&str, &str)]) -> Vec<String> {
        HEADERS
            .iter()
            .map(|h| {
                pairs
                    .iter()
                    .find(|(k, _)| k == h)
                    .map(|(_, v)| (*v).to_string())
                    .unwrap_or_else(|| match column(h) {
                        Column::PolicyArea(_) | Column::Value(_) => "0".into(),
                        _ => "ND".into(),
                    })
            })
            .collect()
    }

    fn read(cells: &[String]) -> (OgpRow, Vec<Mismatch>) {
        let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
        OgpRow::read(2, &HEADERS, &refs).expect("row reads")
    }

    #[test]
    fn every_column_has_its_kind() {
        let areas = HEADERS
            .iter()
            .filter(|h| matches!(column(h), Column::PolicyArea(_)))
            .count();
        assert_eq!(areas, 86);
        assert_eq!(HEADERS[19], "Anti-Corruption and Integrity");
        assert_eq!(HEADERS[104], "Money in Politics");
        let values = HEADERS.iter().filter(|h| matches!(column(h), Column::Value(_))).count();
        assert_eq!(values, 4);
        // Every indicator's columns exist in the header.
        for ind in scales::INDICATORS {
            for col in ind.label_column.into_iter().chain(ind.code_column) {
                assert!(HEADERS.contains(&col), "{col}");
            }
        }
    }

    #[test]
    fn headers_equal_the_shared_files_first_line() {
        let file = include_str!("../../../../../seed/ogp/ogp-commitments-open-parliament.csv");
        let first = file.split("\r\n").next().unwrap_or("");
        // One header holds a comma ("Ambitious and complete, or DIOG") and is quoted.
        let joined: Vec<String> = HEADERS
            .iter()
            .map(|h| {
                if h.contains(',') {
                    format!("\"{h}\"")
                } else {
                    (*h).to_string()
                }
            })
            .collect();
        assert_eq!(first, joined.join(","));
    }

    #[test]
    fn sentinels_stay_absent_never_zero() {
        let cells = row_with(&[
            ("Commitment Unique Identifier", "XX0001"),
            ("Commitment Title", "T"),
            ("Specificity", "NR"),
            ("_Specificity", "NR"),
            ("Youth", "NA"),
            ("OGP Value Technology", "ND"),
        ]);
        let (row, mismatches) = read(&cells);
        assert!(mismatches.is_empty(), "{mismatches:?}");
        let spec = row.assessment("specificity").expect("specificity");
        assert_eq!((spec.level.as_deref(), spec.absent), (None, Some(Absent::NotReviewed)));
        assert!(!row.policy_areas.iter().any(|a| a == "youth"));
        assert_eq!(row.extra.get("Youth").map(String::as_str), Some("NA"));
        assert_eq!(row.to_cells(), cells);
    }

    #[test]
    fn labels_win_over_codes_and_each_mismatch_is_reported() {
        let cells = row_with(&[
            ("Commitment Unique Identifier", "XX0002"),
            ("Commitment Title", "T"),
            ("Did It Open Government (Civic Participation)", "Marginal"),
            ("_DIOGCP", "0"),
            ("Verifiable", "1"),
            ("Completion (Progress Report)", "Not Started"),
            ("_CompletionProgress", "2"),
            ("Completion (End Of Term)", "Complete"),
            ("_CompletionEndTerm", "5"),
            ("Change In Completion", "Increase"),
            ("_ChangeCompletion", "0"),
        ]);
        let (row, mismatches) = read(&cells);
        let got: Vec<(&str, &str, &str)> = mismatches
            .iter()
            .map(|m| (m.column.as_str(), m.found.as_str(), m.written.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Verifiable", "1", "Yes"),
                ("_ChangeCompletion", "0", "3"),
                ("_DIOGCP", "0", "3")
            ]
        );
        let out = row.to_cells();
        let at = |h: &str| HEADERS.iter().position(|x| *x == h).map(|i| out[i].as_str());
        assert_eq!(at("_DIOGCP"), Some("3"));
        assert_eq!(at("Did It Open Government (Civic Participation)"), Some("Marginal"));
        assert_eq!(at("_ChangeCompletion"), Some("3"));
    }

    #[test]
    fn change_in_completion_keeps_a_consistent_size() {
        let cells = row_with(&[
            ("Commitment Unique Identifier", "XX0003"),
            ("Commitment Title", "T"),
            ("Change In Completion", "Increase"),
            ("_ChangeCompletion", "2"),
        ]);
        let (_, mismatches) = read(&cells);
        assert!(mismatches.is_empty(), "{mismatches:?}");
    }

    #[test]
    fn places_split_and_join() {
        let cells = row_with(&[
            ("Commitment Unique Identifier", "ALBSN0001"),
            ("Commitment Title", "T"),
            ("Country/Locality", "Elbasan, Albania"),
        ]);
        let (row, _) = read(&cells);
        assert_eq!((row.locality.as_str(), row.country.as_str()), ("Elbasan", "Albania"));
        assert_eq!(row.to_cells(), cells);
    }

    #[test]
    fn short_rows_and_rows_without_identifier_are_refused() {
        let refs = ["a", "b"];
        assert!(matches!(
            OgpRow::read(3, &HEADERS, &refs),
            Err(RowError::Length { found: 2, .. })
        ));
        let cells = row_with(&[("Commitment Title", "T"), ("Commitment Unique Identifier", "")]);
        let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
        assert_eq!(OgpRow::read(3, &HEADERS, &refs).err(), Some(RowError::NoIdentifier));
    }

    #[test]
    fn numbers_are_no_formulas_and_text_is_made_safe() {
        for n in ["-1", "-2", "0", "2.5", "+3"] {
            assert!(is_number(n), "{n}");
            assert_eq!(safe_cell(n), n);
        }
        for f in [
            "- Relevant ministries",
            "-Ministry",
            "=1+1",
            "@SUM(A1)",
            "-2+3+cmd|' /C calc'!A0",
            "-",
            "1.",
        ] {
            if f != "1." {
                assert_eq!(safe_cell(f), format!("'{f}"), "{f}");
            }
        }
        assert!(!is_number("1."));
        assert_eq!(unescape_cell("'- Relevant"), "- Relevant");
        assert_eq!(unescape_cell("'quoted'"), "'quoted'");
    }
}
