//! The forum's pages of commitments (issue 10, parts 1, 2, 3 and 5): the cycle's list
//! (`commitments/forum_list.html`), the drafting form for a new commitment and a new version
//! with the quality panel beside it and, after a stale save, both texts side by side
//! (`commitments/edit.html`), the commitment's staff page with its versions, comments, statuses
//! and linked inputs (`commitments/staff_show.html`), its versions (`commitments/versions.html`),
//! the word-level comparison of two versions (`commitments/compare.html`) and the coordinator's
//! template form (`commitments/template_admin.html`). Texts: `commitments.ftl`.
//!
//! The drafting form's field names are made at run time from template keys and milestone
//! positions (`field.q1_problem`, `ms-2-due`), so its values and errors travel in a
//! [`DraftFormView`] keyed by owned names rather than in a [`crate::Form`]; the templates'
//! macros (`commitments/_draft_fields.html`) give them the same markup as `common/_forms.html`.

use std::collections::HashMap;

use askama::Template;

use crate::{Choice, Form, PageCtx, commitments::quality::QualityPanel};

/// The drafting form's values as typed and its messages, by the form's field names.
#[derive(Debug, Clone, Default)]
pub struct DraftFormView {
    pub values: HashMap<String, String>,
    /// (field name, message in the page's language), in the order found.
    pub errors: Vec<(String, String)>,
    /// (field name, the summary's line: the field's label, then the message).
    pub summary: Vec<(String, String)>,
}

impl DraftFormView {
    pub fn new(values: HashMap<String, String>) -> Self {
        DraftFormView {
            values,
            ..Default::default()
        }
    }

    pub fn v(&self, name: &str) -> &str {
        self.values.get(name).map(String::as_str).unwrap_or("")
    }

    /// A checkbox of a repeated field (`values`, `areas`) is ticked.
    pub fn checked(&self, name: &str, value: &str) -> bool {
        self.v(name).split(',').any(|x| x.trim() == value)
    }

    /// A single checkbox (`yes`) is ticked.
    pub fn ticked(&self, name: &str) -> bool {
        self.v(name) == "yes"
    }

    pub fn err(&self, name: &str) -> Option<String> {
        self.errors.iter().find(|(f, _)| f == name).map(|(_, m)| m.clone())
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }
}

/// A line of the forum's list.
#[derive(Debug, Clone)]
pub struct ForumCommitmentLine {
    pub id: i64,
    pub ogp_id: String,
    pub title: String,
    pub status_key: &'static str,
    pub status: String,
    pub version: i64,
    /// "12.03.2026 14:05 (ora e Shqipërisë), Arta Hoxha".
    pub changed: String,
}

/// `/forum/commitments`: the current cycle's commitments, every status.
#[derive(Template)]
#[template(path = "commitments/forum_list.html")]
pub struct ForumCommitmentsPage {
    pub p: PageCtx,
    pub cycle_title: String,
    pub rows: Vec<ForumCommitmentLine>,
    /// Staff see the staff menu and the template's link.
    pub staff: bool,
}

/// A template field in the form.
#[derive(Debug, Clone)]
pub struct DraftFieldView {
    /// The form's name, `field.<key>`.
    pub name: String,
    pub label: String,
    pub hint: String,
    /// `line`, `long_text` or `lines`.
    pub kind: &'static str,
    pub required: bool,
}

/// A block of the template with its heading.
#[derive(Debug, Clone)]
pub struct DraftBlockView {
    pub heading: String,
    pub fields: Vec<DraftFieldView>,
}

/// A family of policy areas as a folded group of checkboxes.
#[derive(Debug, Clone)]
pub struct AreaFamilyView {
    /// For ids: the family's key, or `other`.
    pub key: String,
    pub heading: String,
    pub areas: Vec<Choice>,
    /// One of its areas is chosen: the group is shown open.
    pub open: bool,
    /// How many of its areas are chosen, in words ("2 chosen"), empty when none.
    pub chosen: String,
}

/// A milestone group of the form: its heading and the form's names of its parts
/// (`ms-<index>-<part>`).
#[derive(Debug, Clone)]
pub struct MilestoneGroupView {
    pub index: usize,
    pub heading: String,
    pub description: String,
    pub output: String,
    pub starts: String,
    pub due: String,
    pub government: String,
    pub cso: String,
    pub remove: String,
}

impl MilestoneGroupView {
    pub fn new(index: usize, heading: String) -> Self {
        let n = |part: &str| format!("ms-{index}-{part}");
        MilestoneGroupView {
            index,
            heading,
            description: n("description"),
            output: n("output"),
            starts: n("starts"),
            due: n("due"),
            government: n("government"),
            cso: n("cso"),
            remove: n("remove"),
        }
    }
}

/// One field of the stale page: what the current version says and what the person typed.
#[derive(Debug, Clone)]
pub struct StaleFieldView {
    pub label: String,
    pub theirs: String,
    pub yours: String,
}

/// Somebody saved while the form was open.
#[derive(Debug, Clone)]
pub struct StaleView {
    /// "Arta Hoxha saved version 3 at 14:05 while you were editing."
    pub message: String,
    pub fields: Vec<StaleFieldView>,
}

/// `/forum/commitments/new` and `/forum/commitments/{id}/edit`.
#[derive(Template)]
#[template(path = "commitments/edit.html")]
pub struct CommitmentEditPage {
    pub p: PageCtx,
    pub heading: String,
    /// `ALBSN0001` when editing, empty for a new commitment.
    pub ogp_id: String,
    pub action: String,
    pub cancel_href: String,
    /// The version the form was read from (hidden `base_version`); 0 for a new commitment.
    pub base_version: i64,
    /// "Template version 2": the labels are the commitment's own template version's.
    pub template_note: String,
    pub form: DraftFormView,
    pub blocks: Vec<DraftBlockView>,
    pub values: Vec<Choice>,
    pub families: Vec<AreaFamilyView>,
    /// Every area, for the primary area's select.
    pub areas: Vec<Choice>,
    pub milestones: Vec<MilestoneGroupView>,
    pub quality: QualityPanel,
    pub stale: Option<StaleView>,
    /// The plan's period in words for the dates' hint, empty when not set.
    pub plan_period: String,
}

/// A version's line.
#[derive(Debug, Clone)]
pub struct VersionLine {
    pub number: i64,
    pub author: String,
    pub date: String,
    pub note: String,
    pub is_public: bool,
}

/// A comment as the staff page shows it, with its answers.
#[derive(Debug, Clone)]
pub struct CommentView {
    pub id: i64,
    pub author: String,
    pub date: String,
    /// "Version 2 · Lead Institution".
    pub about: String,
    pub body: String,
    pub resolved: bool,
    /// "Resolved by … on …", empty when open.
    pub resolved_note: String,
    pub replies: Vec<CommentView>,
}

/// A status change.
#[derive(Debug, Clone)]
pub struct StatusLine {
    pub from: String,
    pub to: String,
    pub reason: String,
    pub who: String,
    pub date: String,
}

/// `/forum/commitments/{id}`: everything the forum sees about a commitment.
#[derive(Template)]
#[template(path = "commitments/staff_show.html")]
pub struct CommitmentStaffPage {
    pub p: PageCtx,
    pub id: i64,
    pub ogp_id: String,
    pub title: String,
    pub status_key: &'static str,
    pub status: String,
    pub current_version: i64,
    /// "Public version: 2" or "Not public".
    pub public_note: String,
    /// The public page's address when the commitment is public.
    pub public_href: Option<String>,
    pub staff: bool,
    pub versions: Vec<VersionLine>,
    pub open_comments: Vec<CommentView>,
    pub resolved_comments: Vec<CommentView>,
    pub comment_versions: Vec<Choice>,
    pub comment_fields: Vec<Choice>,
    pub comment_form: Form,
    pub statuses: Vec<StatusLine>,
    /// The moves this person may make.
    pub moves: Vec<Choice>,
    pub status_form: Form,
    pub inputs: Vec<(i64, String)>,
    pub link_form: Form,
}

/// `/forum/commitments/{id}/versions`.
#[derive(Template)]
#[template(path = "commitments/versions.html")]
pub struct CommitmentVersionsPage {
    pub p: PageCtx,
    pub id: i64,
    pub ogp_id: String,
    pub title: String,
    pub versions: Vec<VersionLine>,
    pub from: i64,
    pub to: i64,
}

/// One field of two versions compared: its segments `(kind, text)` with kind `same`, `del`
/// or `ins`, and both texts for an unchanged field.
#[derive(Debug, Clone)]
pub struct DiffFieldView {
    pub label: String,
    pub changed: bool,
    pub segments: Vec<(&'static str, String)>,
    pub text: String,
}

/// `/forum/commitments/{id}/compare?from=N&to=M`.
#[derive(Template)]
#[template(path = "commitments/compare.html")]
pub struct CommitmentComparePage {
    pub p: PageCtx,
    pub id: i64,
    pub ogp_id: String,
    pub title: String,
    pub versions: Vec<VersionLine>,
    pub from: i64,
    pub to: i64,
    /// "Version 2 by Arta Hoxha, 12.03.2026 14:05".
    pub from_note: String,
    pub to_note: String,
    pub changed: Vec<DiffFieldView>,
    pub unchanged: Vec<DiffFieldView>,
}

/// A template field in the coordinator's form: the form's names of its parts.
#[derive(Debug, Clone)]
pub struct TemplateFieldForm {
    pub key: String,
    /// The current label in the page's language, as the field's heading.
    pub heading: String,
    pub label_sq: String,
    pub label_en: String,
    pub hint_sq: String,
    pub hint_en: String,
    pub required: String,
}

/// A block of the template form.
#[derive(Debug, Clone)]
pub struct TemplateBlockForm {
    pub heading: String,
    pub fields: Vec<TemplateFieldForm>,
}

/// `/admin/commitments/template`.
#[derive(Template)]
#[template(path = "commitments/template_admin.html")]
pub struct CommitmentTemplatePage {
    pub p: PageCtx,
    pub version: i64,
    /// "Version 2 is in use. Saving makes version 3 …".
    pub version_note: String,
    pub form: DraftFormView,
    pub blocks: Vec<TemplateBlockForm>,
}
