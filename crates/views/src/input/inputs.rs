//! The public pages of inputs: the list with its filters, counts and keyset pager
//! (`input/list.html`), the input page (`input/input.html`, which includes the discussion's
//! `_thread.html` and the answer's `_answer.html`), the form to submit or edit one
//! (`input/form.html`), the withdrawal's confirmation (`input/withdraw.html`) and the e-mail
//! confirmation of an input sent without an account (`input/confirm.html`). Texts in `input.ftl`.

use askama::Template;

use super::{answers::AnswerPanel, discussion::Thread};
use crate::{Choice, Form, PageCtx};

/// A choice of a list filter with how many inputs it holds.
pub struct CountedChoice {
    pub value: String,
    pub label: String,
    pub count: i64,
}

/// A card of the list. A hidden input shows the moderator's reason, never its title.
pub struct InputCardView {
    pub id: i64,
    pub title: String,
    pub hidden: bool,
    pub hidden_reason: String,
    pub withdrawn: bool,
    pub kind: String,
    pub theme: String,
    pub unit: String,
    pub supports: i64,
    pub comments: i64,
    /// The answer's status key (`adopted`…) or `unanswered`.
    pub answer_key: &'static str,
    pub answer: String,
    pub date: String,
    pub date_iso: String,
}

#[derive(Template)]
#[template(path = "input/list.html")]
pub struct InputListPage {
    pub p: PageCtx,
    /// No phase has been announced yet.
    pub no_phase: bool,
    pub phase_id: i64,
    pub phase_title: String,
    /// "Open until …", "Opens on …", "Closed on …".
    pub phase_when: String,
    pub questions_html: String,
    /// Other announced phases to switch to (value = id).
    pub phases: Vec<Choice>,
    pub themes: Vec<CountedChoice>,
    pub units: Vec<CountedChoice>,
    pub kinds: Vec<Choice>,
    pub statuses: Vec<Choice>,
    pub sorts: Vec<Choice>,
    /// The filter values as typed and their errors.
    pub form: Form,
    /// The error summary's lines: (field, the filter's name and the message).
    pub error_lines: Vec<(String, String)>,
    pub cards: Vec<InputCardView>,
    /// The link to the next page (keyset), when there is one.
    pub next_href: Option<String>,
    /// The link back to the first page, on a later page.
    pub first_href: Option<String>,
    /// The phase is open: the page offers the form.
    pub can_submit: bool,
    /// A search was made (the empty list says so).
    pub searched: bool,
}

#[derive(Template)]
#[template(path = "input/input.html")]
pub struct InputPage {
    pub p: PageCtx,
    pub id: i64,
    pub title: String,
    pub hidden: bool,
    pub hidden_reason: String,
    pub withdrawn: bool,
    pub withdraw_note: String,
    pub withdrawn_on: String,
    pub body_html: String,
    pub kind: String,
    pub theme: String,
    pub unit: String,
    pub author: String,
    pub org: String,
    pub created: String,
    pub created_iso: String,
    /// "Changed on …" when edited after submission; empty otherwise.
    pub updated: String,
    /// The attachment's file name, when there is one (and the input is not hidden).
    pub attachment: Option<String>,
    pub phase_id: i64,
    pub phase_title: String,
    pub answer_key: &'static str,
    pub answer_status: String,
    pub is_author: bool,
    pub can_edit: bool,
    /// Shown to the author when the edit window has closed: why.
    pub edit_closed: String,
    pub can_withdraw: bool,
    pub thread: Thread,
    pub answer: AnswerPanel,
    /// "Adopted into ALBSN0001: …" lines, each with the commitment's page (its public page, or
    /// the forum's page of a draft for those who draft).
    pub adopted_into: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "input/form.html")]
pub struct InputFormPage {
    pub p: PageCtx,
    /// Where the form posts.
    pub action: String,
    pub editing: bool,
    pub form: Form,
    pub kinds: Vec<Choice>,
    pub themes: Vec<Choice>,
    pub units: Vec<Choice>,
    pub orgs: Vec<Choice>,
    /// The visitor takes part with an e-mail address only: name and address are asked.
    pub email_only: bool,
    pub phase_title: String,
    pub questions_html: String,
    /// The current attachment's name (editing).
    pub current_file: Option<String>,
    pub cancel_href: String,
}

/// The withdrawal's confirmation: names the input, asks for the note.
#[derive(Template)]
#[template(path = "input/withdraw.html")]
pub struct WithdrawPage {
    pub p: PageCtx,
    pub id: i64,
    pub title: String,
    pub form: Form,
}

/// The page of the e-mailed link: one button publishes the input (a link opened by a mail
/// scanner publishes nothing).
#[derive(Template)]
#[template(path = "input/confirm.html")]
pub struct InputConfirmPage {
    pub p: PageCtx,
    pub token: String,
    pub title: String,
}
