//! The answer to an input or a cluster as the input page shows it, and the public coverage page
//! (OGP Local's check 8). Templates: `input/_answer.html`, `input/coverage.html`; texts in
//! `input_answers.ftl`.

use askama::Template;

use crate::PageCtx;

/// What the input page shows about the input's answer and cluster: rendered by
/// `templates/input/_answer.html`, which the input page includes. Built by
/// `web::html::input::answers::panel_for`.
#[derive(Debug, Clone, Default)]
pub struct AnswerPanel {
    pub input_id: i64,
    /// A published answer (or, for forum members, a draft) is shown.
    pub has_answer: bool,
    /// The answer shown is a draft (forum members only).
    pub draft: bool,
    pub status_key: &'static str,
    /// The status in words.
    pub status: String,
    /// The justification, Markdown rendered and sanitised.
    pub justification_html: String,
    /// `"sq"` when an English reader gets the Albanian text.
    pub lang: &'static str,
    pub date: String,
    pub date_iso: String,
    pub commitment_ref: String,
    /// Where `commitment_ref` leads: the page of the commitment it names among those the input
    /// was adopted into (as this visitor may see it), or the address it is; empty: shown as text.
    pub commitment_href: String,
    /// Where the answer comes from, in words, when not the input's own ("The answer to the group
    /// …"); empty otherwise.
    pub source: String,
    pub cluster_href: String,
    pub cluster_title: String,
    pub merged_href: String,
    pub merged_title: String,
    /// Forum members and staff: links to answer, merge and group.
    pub can_answer: bool,
    pub answer_label: String,
    /// The input is hidden: only the answer's status and date are shown, a note says why.
    pub text_withheld: bool,
}

/// One theme's line of the coverage page.
pub struct ThemeCoverageView {
    pub title: String,
    pub lang: &'static str,
    pub total: i64,
    pub answered: i64,
    pub percent: String,
    pub oldest: String,
}

/// `/input/coverage`: the share of inputs with a published answer, the oldest waiting, by theme.
#[derive(Template)]
#[template(path = "input/coverage.html")]
pub struct CoveragePage {
    pub p: PageCtx,
    pub total: i64,
    pub answered: i64,
    pub percent: String,
    /// The oldest input still waiting: title, link, age in words; empty title when none.
    pub oldest_title: String,
    pub oldest_href: String,
    pub oldest_age: String,
    pub themes: Vec<ThemeCoverageView>,
}

/// `/input/{id}/answer` and `/input/clusters/{id}/answer`: the answer form.
#[derive(Template)]
#[template(path = "input/answer_form.html")]
pub struct AnswerFormPage {
    pub p: PageCtx,
    pub heading: String,
    /// What is answered: the input's or cluster's title, and its link.
    pub title: String,
    pub back_href: String,
    pub action: String,
    pub statuses: Vec<crate::Choice>,
    /// "Publishing tells 3 authors and followers" / "Published on …: changes are public at once".
    pub publish_note: String,
    /// Already published: one "save" button, no draft.
    pub published: bool,
    /// A cluster's answer cannot be "merged".
    pub is_input: bool,
    pub form: crate::Form,
}
