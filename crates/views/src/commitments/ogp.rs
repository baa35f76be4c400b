//! Staff's pages of OGP's commitments data: the import form with the past imports
//! (`commitments/import.html`) and one import's report (`commitments/import_report.html`).
//! Texts in `commitments_ogp.ftl`.

use askama::Template;

use crate::{Form, PageCtx};

/// A past import in the list below the form.
pub struct ImportListRow {
    pub id: i64,
    pub file_name: String,
    /// dd.mm.yyyy HH:MM in the municipality's time zone.
    pub at: String,
    pub by: String,
    pub imported: i64,
    pub skipped: i64,
}

#[derive(Template)]
#[template(path = "commitments/import.html")]
pub struct ImportPage {
    pub p: PageCtx,
    /// The file field's error (field `file`), when the upload was refused.
    pub form: Form,
    /// What the refusal names besides its message: the missing and unknown columns, the line
    /// that is not UTF-8. Already translated.
    pub details: Vec<String>,
    /// The largest file, in MB.
    pub max_mb: usize,
    pub imports: Vec<ImportListRow>,
}

/// A row that was not imported, and why (translated).
pub struct SkippedView {
    pub row: usize,
    pub identifier: String,
    pub reason: String,
}

/// A cell whose code contradicted its label (or a label column that held a code).
pub struct MismatchView {
    pub row: usize,
    pub identifier: String,
    pub column: String,
    pub label: String,
    pub found: String,
    pub written: String,
}

/// A date cell kept as text only.
pub struct UndatedView {
    pub row: usize,
    pub identifier: String,
    pub column: String,
    pub raw: String,
}

#[derive(Template)]
#[template(path = "commitments/import_report.html")]
pub struct ImportReportPage {
    pub p: PageCtx,
    pub file_name: String,
    pub at: String,
    pub by: String,
    pub rows_read: usize,
    pub imported: usize,
    pub replaced: usize,
    pub skipped: Vec<SkippedView>,
    /// This page's mismatches and their total.
    pub mismatches: Vec<MismatchView>,
    pub mismatches_total: usize,
    /// "Rows 101–200 of 340", empty when all fit on one page.
    pub mismatches_range: String,
    pub prev_href: Option<String>,
    pub next_href: Option<String>,
    pub undated: Vec<UndatedView>,
}
