//! Members' pages: the coordinator's form of a seat, the answer page of the e-mailed link, and
//! the member's own page.

use askama::Template;

use crate::{Choice, Form, PageCtx};

#[derive(Template)]
#[template(path = "forum/admin_forum_member.html")]
pub struct AdminForumMemberPage {
    pub p: PageCtx,
    /// `None` when adding a person directly; the seat's id when editing.
    pub member_id: Option<i64>,
    /// The person's name when editing (the person is not changed).
    pub person: String,
    pub form: Form,
    pub sectors: Vec<Choice>,
    pub positions: Vec<Choice>,
    pub substitutes: Vec<Choice>,
}

#[derive(Template)]
#[template(path = "forum/membership_answer.html")]
pub struct MembershipAnswerPage {
    pub p: PageCtx,
    pub forum_name: String,
    pub person: String,
    pub position: String,
    pub sector: String,
    pub organisation: String,
    pub responsibilities_html: String,
    pub starts_on: String,
    pub ends_on: String,
    pub token: String,
}

#[derive(Template)]
#[template(path = "forum/membership_me.html")]
pub struct ForumMePage {
    pub p: PageCtx,
    pub has_seat: bool,
    pub forum_name: String,
    pub position: String,
    pub sector: String,
    pub organisation: String,
    pub starts_on: String,
    pub ends_on: String,
    pub form: Form,
    pub genders: Vec<Choice>,
    /// "Yes" and "No", for youth and rural residence.
    pub yes_no: Vec<Choice>,
}
