//! Pages of moderation: reporting an item, the moderators' queue of open reports, hiding with a
//! reason, the author's appeal, and the coordinator's list and decision of appeals. Templates:
//! `input/report.html`, `input/moderation.html`, `input/moderation_hide.html`,
//! `input/appeal.html`, `input/appeals.html`, `input/appeal_decide.html`.

use askama::Template;

use crate::{Choice, Form, PageCtx};

/// The item a page is about: what it is ("The input …", "A comment on the input …"), whose, its
/// text as lines (escaped by the template), and a link to where it stands.
#[derive(Debug, Clone, Default)]
pub struct ItemView {
    pub kind: &'static str,
    pub id: i64,
    pub heading: String,
    pub author: String,
    pub lines: Vec<String>,
    pub href: String,
}

#[derive(Template)]
#[template(path = "input/report.html")]
pub struct ReportPage {
    pub p: PageCtx,
    pub item: ItemView,
    pub form: Form,
}

/// One reported item with its open reports.
#[derive(Debug, Clone, Default)]
pub struct ReportGroupView {
    pub item: ItemView,
    pub count: String,
    /// (report id, "name: reason", date)
    pub reports: Vec<(i64, String, String)>,
}

#[derive(Template)]
#[template(path = "input/moderation.html")]
pub struct ModerationPage {
    pub p: PageCtx,
    pub groups: Vec<ReportGroupView>,
}

#[derive(Template)]
#[template(path = "input/moderation_hide.html")]
pub struct HidePage {
    pub p: PageCtx,
    pub heading: String,
    pub item: ItemView,
    pub form: Form,
}

/// The author's appeal page: the reason of the hiding, then the form, or the appeal made and
/// its decision.
#[derive(Template)]
#[template(path = "input/appeal.html")]
pub struct AppealPage {
    pub p: PageCtx,
    pub item: ItemView,
    pub hidden_because: String,
    /// "Your appeal was sent on …", when made.
    pub sent: Option<String>,
    pub appeal_lines: Vec<String>,
    /// The decision in words, when decided.
    pub decision: Option<String>,
    pub form: Form,
}

/// One appeal in the coordinator's list.
#[derive(Debug, Clone, Default)]
pub struct AppealRowView {
    pub id: i64,
    pub item: String,
    pub author: String,
    pub date: String,
    pub date_iso: String,
    pub state: String,
    pub open: bool,
}

#[derive(Template)]
#[template(path = "input/appeals.html")]
pub struct AppealsPage {
    pub p: PageCtx,
    pub rows: Vec<AppealRowView>,
}

#[derive(Template)]
#[template(path = "input/appeal_decide.html")]
pub struct AppealDecidePage {
    pub p: PageCtx,
    pub appeal_id: i64,
    pub item: ItemView,
    pub hidden_reason: String,
    pub appeal_lines: Vec<String>,
    /// The decision in words, once decided (the form is gone).
    pub decision: Option<String>,
    /// Why this coordinator may not decide (they hid the item or wrote it): shown in place of
    /// the form.
    pub refused: Option<String>,
    pub outcomes: Vec<Choice>,
    pub form: Form,
}
