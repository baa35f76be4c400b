//! Pages of the forum's meetings: the public list and page of a meeting, the answer link's page,
//! the calendar page, and the coordinator's list, form and page of a meeting.

use askama::Template;

use crate::{Choice, Form, PageCtx};

/// A meeting in a list.
#[derive(Debug, Clone)]
pub struct MeetingCard {
    pub id: i64,
    pub title: String,
    /// `lang` of the title when it is not in the page's language (an Albanian title on an
    /// English page).
    pub title_lang: &'static str,
    pub kind: String,
    /// "17.12.2026 18:00".
    pub date: String,
    pub date_iso: String,
    pub place: String,
    pub online: bool,
    pub members_only: bool,
    pub status_key: &'static str,
    pub status_label: String,
    pub minutes: bool,
    /// The answers in words (staff list only).
    pub answers: String,
}

/// A meeting's facts, ready to show.
#[derive(Debug, Clone)]
pub struct MeetingView {
    pub id: i64,
    pub title: String,
    pub title_lang: &'static str,
    pub kind: String,
    /// "17.12.2026 18:00 – 20:00 (ora e Shqipërisë)".
    pub when: String,
    pub when_iso: String,
    pub place: String,
    pub address: String,
    pub online_url: String,
    pub description_html: String,
    pub notice: Option<String>,
    pub members_only: bool,
    pub visibility_label: String,
    pub status_key: &'static str,
    pub status_label: String,
    pub cancelled: bool,
}

#[derive(Debug, Clone)]
pub struct AgendaView {
    pub id: i64,
    pub title: String,
    pub title_lang: &'static str,
    pub presenter: String,
    pub minutes: String,
    /// (link, title) of the documents linked to the item.
    pub docs: Vec<(String, String)>,
}

#[derive(Debug, Clone)]
pub struct DocView {
    pub id: i64,
    pub href: String,
    pub title: String,
    pub kind: String,
    pub size: String,
    pub shared: String,
    pub shared_iso: String,
    pub item: String,
}

#[derive(Debug, Clone)]
pub struct InvitationView {
    pub name: String,
    pub answer: String,
    pub answered: String,
    pub reminded: String,
}

#[derive(Template)]
#[template(path = "forum/meetings.html")]
pub struct MeetingsListPage {
    pub p: PageCtx,
    pub upcoming: Vec<MeetingCard>,
    pub past: Vec<MeetingCard>,
    pub upcoming_page: i64,
    pub past_page: i64,
    pub upcoming_more: bool,
    pub past_more: bool,
    pub member: bool,
}

/// The reader's invitation on a meeting's page.
#[derive(Debug, Clone)]
pub struct MyAnswer {
    pub current: Option<String>,
    pub current_key: String,
    pub choices: Vec<Choice>,
    pub open: bool,
}

#[derive(Template)]
#[template(path = "forum/meeting.html")]
pub struct MeetingShowPage {
    pub p: PageCtx,
    pub m: MeetingView,
    pub agenda: Vec<AgendaView>,
    pub documents: Vec<DocView>,
    pub minutes_href: Option<String>,
    pub answer: Option<MyAnswer>,
    pub form: Form,
    pub staff: bool,
}

#[derive(Template)]
#[template(path = "forum/meeting_answer.html")]
pub struct MeetingAnswerPage {
    pub p: PageCtx,
    pub m: MeetingView,
    pub answer: String,
    pub token: String,
}

#[derive(Template)]
#[template(path = "forum/calendar.html")]
pub struct CalendarPage {
    pub p: PageCtx,
    pub public_url: String,
    pub private_since: Option<String>,
    pub new_url: Option<String>,
}

#[derive(Template)]
#[template(path = "forum/admin_meetings.html")]
pub struct AdminMeetingsPage {
    pub p: PageCtx,
    pub meetings: Vec<MeetingCard>,
    pub page: i64,
    pub has_next: bool,
}

#[derive(Template)]
#[template(path = "forum/admin_meeting_form.html")]
pub struct AdminMeetingFormPage {
    pub p: PageCtx,
    pub meeting_id: Option<i64>,
    pub form: Form,
    pub kinds: Vec<Choice>,
    pub visibilities: Vec<Choice>,
    pub zone: String,
    pub published: bool,
}

#[derive(Template)]
#[template(path = "forum/admin_meeting.html")]
pub struct AdminMeetingPage {
    pub p: PageCtx,
    pub m: MeetingView,
    pub agenda: Vec<AgendaView>,
    pub documents: Vec<DocView>,
    pub invitations: Vec<InvitationView>,
    pub answers: String,
    /// Errors of the agenda form, the upload, publishing or cancelling, with what was typed.
    pub form: Form,
    pub items: Vec<Choice>,
    pub max_mb: String,
    pub is_draft: bool,
    pub is_published: bool,
}
