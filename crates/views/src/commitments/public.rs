//! The public pages of commitments: the current cycle's list with its filters
//! (`commitments/list.html`), a commitment in the layout of OGP's commitment page
//! (`commitments/show.html`) and its public versions (`commitments/history.html`). Handlers fill
//! them with display-ready texts (Markdown already rendered and sanitised through
//! `views::markdown`). Texts: `commitments_public.ftl`.

use askama::Template;

use domain::commitments::diff::Segment;

use crate::{Choice, Form, PageCtx};

/// A line of the public list.
#[derive(Debug, Clone)]
pub struct CommitmentLine {
    pub ogp_id: String,
    pub title: String,
    pub status_key: &'static str,
    pub status: String,
    pub values: String,
    pub area: String,
}

#[derive(Template)]
#[template(path = "commitments/list.html")]
pub struct CommitmentListPage {
    pub p: PageCtx,
    /// The action plan's title; `None` before a cycle exists.
    pub plan_title: Option<String>,
    pub form: Form,
    pub error_lines: Vec<(String, String)>,
    pub values: Vec<Choice>,
    pub areas: Vec<Choice>,
    pub statuses: Vec<Choice>,
    pub rows: Vec<CommitmentLine>,
    pub prev_href: Option<String>,
    pub next_href: Option<String>,
    pub filtered: bool,
}

/// A milestone row of OGP's table.
#[derive(Debug, Clone)]
pub struct MilestoneLine {
    pub description: String,
    pub output: String,
    pub due: String,
    pub stakeholders: String,
}

/// A line of "At a glance" or of the assessments: OGP's label and the value in words.
#[derive(Debug, Clone)]
pub struct LabelledValue {
    pub label: String,
    pub value: String,
}

/// An input adopted into the commitment, linked from its page.
#[derive(Debug, Clone)]
pub struct InputLink {
    pub id: i64,
    pub title: String,
}

/// A question of the template with its answer (HTML from `views::markdown`).
#[derive(Debug, Clone)]
pub struct Answer {
    pub label: String,
    pub html: String,
}

#[derive(Template)]
#[template(path = "commitments/show.html")]
pub struct CommitmentShowPage {
    pub p: PageCtx,
    pub ogp_id: String,
    pub title: String,
    pub status_key: &'static str,
    pub status: String,
    /// "At a glance": OGP's labels with their values, in OGP's order.
    pub glance: Vec<LabelledValue>,
    pub brief_html: String,
    pub answers: Vec<Answer>,
    pub milestones: Vec<MilestoneLine>,
    /// Inputs adopted into it.
    pub inputs: Vec<InputLink>,
    /// Ratings: the indicator and its level in words.
    pub ratings: Vec<LabelledValue>,
    pub version: i64,
    pub version_date: String,
    pub versions: usize,
}

/// A public version's line.
#[derive(Debug, Clone)]
pub struct HistoryLine {
    pub number: i64,
    pub date: String,
    pub note: String,
}

/// One field of two versions compared: its label and the words kept, removed and added.
#[derive(Debug, Clone)]
pub struct ComparedField {
    pub label: String,
    pub changed: bool,
    pub segments: Vec<Segment>,
}

#[derive(Template)]
#[template(path = "commitments/history.html")]
pub struct CommitmentHistoryPage {
    pub p: PageCtx,
    pub ogp_id: String,
    pub title: String,
    pub versions: Vec<HistoryLine>,
    pub from: i64,
    pub to: i64,
    pub compared: Vec<ComparedField>,
    /// The refused sides of the comparison, `(field, message)` for the error summary.
    pub error_lines: Vec<(String, String)>,
    /// The comparison's query as typed, with its errors next to the fields.
    pub form: Form,
}
