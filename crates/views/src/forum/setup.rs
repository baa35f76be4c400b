//! The forum's public page, its texts' history and comparison, and the coordinator's page of
//! the forum with its positions.

use askama::Template;

use crate::{Choice, Form, PageCtx};

/// A member as the public sees them: no address, no gender.
pub struct PublicMemberView {
    pub name: String,
    pub organisation: String,
    pub position: String,
    pub responsibilities: String,
}

/// The accepted members of one sector.
pub struct SectorGroupView {
    pub key: &'static str,
    pub label: String,
    pub members: Vec<PublicMemberView>,
}

/// The current texts of the forum, rendered.
pub struct ForumTextsView {
    pub version: i64,
    pub date: String,
    pub terms_html: String,
    pub rules_html: String,
    /// `lang` attribute of the texts when they fall back to Albanian on an English page.
    pub lang_attr: &'static str,
}

#[derive(Template)]
#[template(path = "forum/forum.html")]
pub struct ForumPage {
    pub p: PageCtx,
    pub has_forum: bool,
    pub name: String,
    pub mandate_html: String,
    pub legal_basis: String,
    pub legal_number: String,
    pub legal_date: String,
    /// The legal document's name and size, when attached.
    pub legal_doc: Option<(String, String)>,
    /// The call that chose the members: id, title, and whether its outcome is published.
    pub call: Option<(i64, String, bool)>,
    pub groups: Vec<SectorGroupView>,
    pub total: i64,
    /// (sector label, count)
    pub by_sector: Vec<(String, i64)>,
    pub non_government: i64,
    pub non_government_percent: String,
    pub by_gender: Vec<(String, i64)>,
    pub gender_recorded: i64,
    pub texts: Option<ForumTextsView>,
}

pub struct VersionView {
    pub version: i64,
    pub date: String,
    pub note: String,
}

#[derive(Template)]
#[template(path = "forum/texts_history.html")]
pub struct ForumTextsPage {
    pub p: PageCtx,
    pub forum_name: String,
    pub versions: Vec<VersionView>,
    /// Every version number, newest first, for the comparison's choices.
    pub numbers: Vec<i64>,
    /// `from` and `to` as chosen, with errors when they name no version.
    pub form: Form,
    pub page: i64,
    pub has_next: bool,
}

/// One piece of a compared text: `same`, `del` or `ins`.
pub struct PieceView {
    pub kind: &'static str,
    pub text: String,
}

pub struct DiffSectionView {
    pub title: String,
    /// `lang` of the compared text when it differs from the page's.
    pub lang: &'static str,
    pub changed: bool,
    pub pieces: Vec<PieceView>,
}

#[derive(Template)]
#[template(path = "forum/texts_compare.html")]
pub struct ForumTextsComparePage {
    pub p: PageCtx,
    pub forum_name: String,
    pub from: i64,
    pub to: i64,
    pub from_date: String,
    pub to_date: String,
    pub sections: Vec<DiffSectionView>,
}

/// A seat in the coordinator's table.
pub struct AdminMemberView {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub sector: String,
    pub organisation: String,
    pub position: String,
    pub status_key: &'static str,
    pub status: String,
    pub starts_on: String,
    pub ends_on: String,
    /// The seat may still be ended (invited or accepted).
    pub open: bool,
}

/// A selected applicant not yet seated, with the one-step form's values (and its errors when
/// that row was posted with mistakes).
pub struct CandidateView {
    pub id: i64,
    pub name: String,
    pub applicant: String,
    pub reference: String,
    pub form: Form,
}

#[derive(Template)]
#[template(path = "forum/admin_forum.html")]
pub struct AdminForumPage {
    pub p: PageCtx,
    pub has_cycle: bool,
    pub has_forum: bool,
    pub forum_form: Form,
    pub texts_form: Form,
    pub file_form: Form,
    pub texts_version: Option<i64>,
    pub calls: Vec<Choice>,
    pub legal_doc: Option<(String, String)>,
    pub members: Vec<AdminMemberView>,
    pub members_total: i64,
    pub page: i64,
    pub has_next: bool,
    pub candidates: Vec<CandidateView>,
    pub sectors: Vec<Choice>,
    pub positions: Vec<Choice>,
    pub max_mb: String,
}

pub struct PositionRowView {
    pub index: usize,
    pub pos_key: String,
    pub label_sq: String,
    pub label_en: String,
    pub sort_order: String,
    pub approves_minutes: bool,
    /// The default's label, shown as a hint when the municipality keeps it.
    pub default_label: String,
}

impl PositionRowView {
    /// The id of this row's box `name` (`label_sq-2`), which its errors name too.
    pub fn id(&self, name: &str) -> String {
        format!("{name}-{}", self.index)
    }
}

#[derive(Template)]
#[template(path = "forum/positions.html")]
pub struct AdminForumPositionsPage {
    pub p: PageCtx,
    pub form: Form,
    pub rows: Vec<PositionRowView>,
}
