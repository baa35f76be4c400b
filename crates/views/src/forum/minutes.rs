//! Pages of what happens during and after a meeting: the public minutes page (attendance
//! counts, who was present, the minutes, numbered decisions, action items), the log of all
//! decisions, the members' board of open action items, and the staff pages to record attendance
//! and write, approve-ready and publish the minutes. Templates: `forum/minutes*.html`,
//! `forum/attendance*.html`, `forum/decisions*.html`, `forum/actions*.html`; texts in
//! `forum_minutes.ftl`.

use askama::Template;

use crate::{Choice, Form, PageCtx};

/// A label and a number: a count by sector, by gender, or of young or rural people.
pub struct CountView {
    pub label: String,
    pub count: i64,
}

/// Someone present: a member (name, organisation) or a guest; the sector in words.
pub struct PresentView {
    pub name: String,
    pub organisation: String,
    pub sector: String,
}

/// A numbered decision, its text in the page's language (`lang` set when it is Albanian on an
/// English page) and its vote in words.
pub struct DecisionView {
    pub id: i64,
    pub number: i64,
    pub text: String,
    pub lang: &'static str,
    pub votes: Option<String>,
}

/// An action item as read: what, whose, by when (overdue said in words), its status.
pub struct ActionView {
    pub id: i64,
    pub what: String,
    pub owner: String,
    pub due: String,
    pub due_iso: String,
    /// "Overdue" in words when the date has passed and the item is open; empty otherwise.
    pub overdue: String,
    pub status_key: &'static str,
    pub status: String,
    pub meeting_href: String,
    pub meeting: String,
    /// The reader owns it.
    pub mine: bool,
    /// The reader may mark it done (owner or staff, still open).
    pub can_mark_done: bool,
}

/// The attendance figures shown on the minutes page: counts only, never who is what.
pub struct CountsView {
    pub present: i64,
    pub excused: i64,
    pub absent: i64,
    pub by_sector: Vec<CountView>,
    pub by_gender: Vec<CountView>,
    pub others: Vec<CountView>,
}

#[derive(Template)]
#[template(path = "forum/minutes.html")]
pub struct MinutesPage {
    pub p: PageCtx,
    pub meeting_id: i64,
    pub title: String,
    pub title_lang: &'static str,
    pub date: String,
    pub date_iso: String,
    pub members_only: bool,
    /// `draft`, `approved`, `published`, or empty when nothing is written yet.
    pub status_key: &'static str,
    pub status: String,
    pub body_html: String,
    pub body_lang: &'static str,
    /// "Approved by … on …", when approved.
    pub approved: String,
    /// "Published on …", when published.
    pub published: String,
    pub counts: CountsView,
    pub present_members: Vec<PresentView>,
    pub guests: Vec<PresentView>,
    pub decisions: Vec<DecisionView>,
    pub actions: Vec<ActionView>,
    pub can_approve: bool,
    /// Sent back by the approve form: what the approver read.
    pub fingerprint: String,
    pub is_staff: bool,
    pub form: Form,
}

#[derive(Template)]
#[template(path = "forum/decisions.html")]
pub struct DecisionsLogPage {
    pub p: PageCtx,
    pub q: String,
    pub rows: Vec<LoggedDecisionView>,
    pub page: i64,
    pub has_next: bool,
}

/// A decision in the log, with its meeting.
pub struct LoggedDecisionView {
    pub number: i64,
    pub text: String,
    pub lang: &'static str,
    pub votes: Option<String>,
    pub meeting: String,
    pub meeting_lang: &'static str,
    pub meeting_href: String,
    pub date: String,
    pub date_iso: String,
}

#[derive(Template)]
#[template(path = "forum/actions.html")]
pub struct ActionsBoardPage {
    pub p: PageCtx,
    pub rows: Vec<ActionView>,
    pub page: i64,
    pub has_next: bool,
}

/// One member's row of the attendance form.
pub struct AttendanceMemberView {
    pub user_id: i64,
    pub name: String,
    pub organisation: String,
    pub sector: String,
    /// The recorded presence key, or empty.
    pub presence: &'static str,
}

/// A guest on the staff page.
pub struct GuestView {
    pub id: i64,
    pub name: String,
    pub organisation: String,
    pub sector: String,
}

#[derive(Template)]
#[template(path = "forum/attendance_admin.html")]
pub struct AttendanceAdminPage {
    pub p: PageCtx,
    pub meeting_id: i64,
    pub title: String,
    pub date: String,
    pub members: Vec<AttendanceMemberView>,
    /// (key, label) of present, excused, absent.
    pub presences: Vec<(&'static str, String)>,
    pub guests: Vec<GuestView>,
    pub sectors: Vec<Choice>,
    pub genders: Vec<Choice>,
    pub counts: CountsView,
    pub form: Form,
}

#[derive(Template)]
#[template(path = "forum/minutes_admin.html")]
pub struct MinutesAdminPage {
    pub p: PageCtx,
    pub meeting_id: i64,
    pub title: String,
    pub date: String,
    pub status_key: &'static str,
    pub status: String,
    pub approved: String,
    pub published: String,
    pub decisions: Vec<DecisionView>,
    pub actions: Vec<ActionView>,
    pub owners: Vec<Choice>,
    pub attendance_recorded: i64,
    /// The minutes' texts as saved or as typed; each form keeps what was typed when it failed.
    pub minutes_form: Form,
    pub decision_form: Form,
    pub action_form: Form,
    /// Errors of publishing (minutes not approved).
    pub publish_form: Form,
}
