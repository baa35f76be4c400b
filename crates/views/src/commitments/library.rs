//! The library across municipalities: search and results (`commitments/library.html`) and one
//! entry with its source and ratings (`commitments/library_entry.html`).

use askama::Template;

use super::public::Answer;
use crate::{Choice, Form, PageCtx};

/// A result of the library.
#[derive(Debug, Clone)]
pub struct LibraryResult {
    pub id: i64,
    pub title: String,
    pub ogp_id: String,
    pub place: String,
    /// "06.2025 – 02.2027" or the dates as OGP wrote them.
    pub dates: String,
    pub values: String,
    pub areas: String,
    /// "Potential for Results: Substantial".
    pub ratings: Vec<String>,
}

#[derive(Template)]
#[template(path = "commitments/library.html")]
pub struct LibraryPage {
    pub p: PageCtx,
    pub form: Form,
    pub error_lines: Vec<(String, String)>,
    pub values: Vec<Choice>,
    pub areas: Vec<Choice>,
    pub places: Vec<Choice>,
    pub results: Vec<LibraryResult>,
    pub prev_href: Option<String>,
    pub next_href: Option<String>,
    pub searched: bool,
}

#[derive(Template)]
#[template(path = "commitments/library_entry.html")]
pub struct LibraryEntryPage {
    pub p: PageCtx,
    pub result: LibraryResult,
    /// Who published it: the municipality's name, or OGP's data.
    pub source: String,
    /// The commitment on OGP's site, when known.
    pub ogp_url: Option<String>,
    pub answers: Vec<Answer>,
    pub can_start: bool,
}
