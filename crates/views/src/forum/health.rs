//! The forum's health indicators page (public; the coordinator sees the same page).

use askama::Template;

use crate::PageCtx;

/// One indicator: its OGP check number, title, verdict key (`pass`, `warn`, `fail`), the
/// sentence saying what was measured against which threshold, and the proving records.
pub struct IndicatorView {
    pub check: &'static str,
    pub title: String,
    pub verdict: &'static str,
    pub verdict_label: String,
    pub summary: String,
    /// Column headings of the evidence table, then its rows (first cell: the meeting).
    pub columns: Vec<String>,
    pub rows: Vec<EvidenceRow>,
    /// When the table lists only some of the judged meetings, the sentence that says so.
    pub note: Option<String>,
}

pub struct EvidenceRow {
    pub meeting: String,
    /// A link to the meeting, when the reader may open it.
    pub href: Option<String>,
    pub cells: Vec<String>,
    pub verdict: Option<(&'static str, String)>,
}

#[derive(Template)]
#[template(path = "forum/health.html")]
pub struct ForumHealthPage {
    pub p: PageCtx,
    pub has_forum: bool,
    pub forum_name: String,
    pub computed_at: String,
    pub indicators: Vec<IndicatorView>,
}
