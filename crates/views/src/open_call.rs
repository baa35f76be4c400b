//! Pages of the open-call stage: the calls, applying, the application form and its review,
//! the applicant's own applications, the published outcome; for staff the calls, the call form,
//! the ranked applications and decisions; for reviewers the queue and the review form.
//! Templates: `templates/open_call/` (partials `_application.html`, `_call_card.html`,
//! `_queue_table.html`, `_reviews.html`).

use askama::Template;

use domain::Lang;

use crate::{
    common::{Choice, Form, PageCtx},
    i18n::{t_args, t_count, t_opt},
};

/// The municipality's time zone in words ("ora e Shqipërisë", "Albania time"), as staff and
/// applicants know it, from the `zone-…` texts of `open_call.ftl` ("Europe/Tirane" is
/// `zone-Europe-Tirane`). A zone without such a text shows as its IANA name, which is at least
/// exact.
pub fn zone_name(lang: Lang, iana: &str) -> String {
    t_opt(lang, &format!("zone-{}", iana.replace('/', "-"))).unwrap_or_else(|| iana.to_owned())
}

/// A call as listed.
#[derive(Debug, Clone)]
pub struct CallCard {
    pub id: i64,
    pub title: String,
    pub summary: String,
    pub opens: String,
    pub closes: String,
    pub closes_iso: String,
    /// `upcoming`, `open` or `closed` (or `draft` on staff pages).
    pub phase: &'static str,
    pub days_left: Option<i64>,
}

#[derive(Template)]
#[template(path = "open_call/calls_list.html")]
pub struct CallsPage {
    pub p: PageCtx,
    pub open: Vec<CallCard>,
    pub upcoming: Vec<CallCard>,
    pub closed: Vec<CallCard>,
}

#[derive(Debug, Clone)]
pub struct CriterionView {
    pub name: String,
    pub description: String,
    pub weight: i64,
}

#[derive(Template)]
#[template(path = "open_call/call_show.html")]
pub struct CallPage {
    pub p: PageCtx,
    pub card: CallCard,
    pub body_html: String,
    pub eligibility_html: String,
    pub requirements_html: String,
    pub criteria: Vec<CriterionView>,
    pub who: Vec<String>,
    pub places: Option<i64>,
    pub contact_email: String,
    pub is_draft: bool,
    pub can_manage: bool,
    /// The visitor's own application to this call, if any: (id, status label).
    pub mine: Option<(i64, String)>,
    pub outcome_published: bool,
    pub documents: Vec<FileView>,
}

#[derive(Template)]
#[template(path = "open_call/call_apply.html")]
pub struct CallApplyPage {
    pub p: PageCtx,
    pub call_id: i64,
    pub call_title: String,
    pub form: Form,
    pub types: Vec<Choice>,
    /// The person's organisations: (id, name, kind label).
    pub orgs: Vec<Choice>,
}

/// One row of the previous-work table of the form.
#[derive(Debug, Clone, Default)]
pub struct WorkView {
    pub index: usize,
    pub title: String,
    pub year: String,
    pub role: String,
    pub description: String,
    pub link: String,
}

#[derive(Template)]
#[template(path = "open_call/application_form.html")]
pub struct ApplicationFormPage {
    pub p: PageCtx,
    pub app_id: i64,
    pub files: Vec<FileView>,
    /// The largest file accepted, in megabytes, for the hint.
    pub max_mb: String,
    pub call_title: String,
    pub applicant: String,
    pub closes: String,
    pub form: Form,
    pub works: Vec<WorkView>,
    pub fields: Vec<Choice>,
    /// The municipality's administrative units to choose from.
    pub units: Vec<Choice>,
    pub limits: Vec<(&'static str, usize)>,
}

impl ApplicationFormPage {
    /// "At most N characters" for a field.
    pub fn limit(&self, field: &str) -> String {
        let n = self
            .limits
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, n)| *n)
            .unwrap_or(0);
        t_args(self.p.lang, "hint-max-chars", &[("n", n.to_string())])
    }
}

/// An attached file as listed.
#[derive(Debug, Clone)]
pub struct FileView {
    pub id: i64,
    pub name: String,
    pub size: String,
}

/// An application shown in full (review screen, the applicant's page, staff).
#[derive(Debug, Clone)]
pub struct ApplicationView {
    pub id: i64,
    pub call_id: i64,
    pub call_title: String,
    pub applicant: String,
    pub applicant_type: String,
    pub reference: Option<String>,
    pub status: String,
    pub status_key: String,
    pub description: String,
    pub statement: String,
    pub fields: Vec<String>,
    pub areas: String,
    pub contact_name: String,
    pub contact_phone: String,
    pub consent_listing: bool,
    pub works: Vec<WorkView>,
    pub files: Vec<FileView>,
    pub submitted: Option<String>,
    pub decision_reason: Option<String>,
    /// An active citizen applies as themselves: the texts speak of them, not of a group.
    pub is_citizen: bool,
    /// What happens next and when, for the applicant (empty for staff and reviewers).
    pub next_steps: String,
    /// The applicant may still complete the draft: the "what happens next" box offers it.
    pub continue_edit: bool,
}

#[derive(Template)]
#[template(path = "open_call/application_review.html")]
pub struct ApplicationReviewPage {
    pub p: PageCtx,
    pub app: ApplicationView,
    pub problems: Vec<String>,
}

#[derive(Template)]
#[template(path = "open_call/application_show.html")]
pub struct ApplicationPage {
    pub p: PageCtx,
    pub app: ApplicationView,
    pub can_withdraw: bool,
    pub can_edit: bool,
}

#[derive(Debug, Clone)]
pub struct MyApplication {
    pub id: i64,
    pub call_title: String,
    pub applicant: String,
    /// Empty for a draft (a reference is given on submission).
    pub reference: String,
    pub status: String,
    pub is_draft: bool,
    /// The draft can still be completed and submitted (the call is open).
    pub can_edit: bool,
    /// The call's deadline, dd.mm.yyyy HH:MM, for drafts.
    pub closes: String,
}

#[derive(Template)]
#[template(path = "open_call/my_applications.html")]
pub struct MyApplicationsPage {
    pub p: PageCtx,
    pub applications: Vec<MyApplication>,
    /// The municipality's time zone in words ([`zone_name`]).
    pub zone: String,
}

impl MyApplicationsPage {
    /// What a draft still needs: the deadline to submit by, or that it has passed.
    pub fn draft_deadline(&self, a: &MyApplication) -> String {
        let key = if a.can_edit {
            "my-applications-draft-due"
        } else {
            "my-applications-draft-late"
        };
        t_args(
            self.p.lang,
            key,
            &[("closes", a.closes.clone()), ("zone", self.zone.clone())],
        )
    }
}

#[derive(Template)]
#[template(path = "open_call/admin_calls.html")]
pub struct AdminCallsPage {
    pub p: PageCtx,
    pub calls: Vec<CallCard>,
}

/// One row of criteria on the call form; a new row has every box empty, its weight included.
#[derive(Debug, Clone, Default)]
pub struct CriterionRowView {
    pub index: usize,
    /// An empty row shown under "add more criteria" rather than open.
    pub folded: bool,
    pub name_sq: String,
    pub name_en: String,
    pub description_sq: String,
    pub description_en: String,
    pub weight: String,
}

impl CriterionRowView {
    /// The id and error field of one of the row's boxes: `crit_weight` of row 2 is `crit_weight-2`.
    pub fn field(&self, name: &str) -> String {
        format!("{name}-{}", self.index)
    }
}

/// What editing a published call with applications changes for its applicants, shown above the
/// form: how many hold a draft and how many have submitted.
#[derive(Debug, Clone)]
pub struct ApplicantsWarning {
    pub drafts: i64,
    pub submitted: i64,
}

impl ApplicantsWarning {
    /// "1 applicant has a draft not yet submitted. 3 applications have been submitted."
    pub fn counts(&self, lang: &Lang) -> String {
        format!(
            "{} {}",
            t_count(*lang, "call-edit-warning-drafts", "n", self.drafts),
            t_count(*lang, "call-edit-warning-submitted", "n", self.submitted)
        )
    }
}

#[derive(Template)]
#[template(path = "open_call/admin_call_form.html")]
pub struct CallFormPage {
    pub p: PageCtx,
    pub call_id: Option<i64>,
    pub form: Form,
    pub criteria: Vec<CriterionRowView>,
    pub types: Vec<Choice>,
    /// The municipality's time zone in words ([`zone_name`]).
    pub zone: String,
    pub warning: Option<ApplicantsWarning>,
}

impl CallFormPage {
    /// How many empty criteria rows wait folded.
    pub fn folded_rows(&self) -> usize {
        self.criteria.iter().filter(|c| c.folded).count()
    }
}

#[derive(Template)]
#[template(path = "open_call/admin_call_show.html")]
pub struct AdminCallPage {
    pub p: PageCtx,
    pub card: CallCard,
    pub is_draft: bool,
    pub counts: Vec<(String, i64)>,
    pub extend_form: Form,
    pub documents: Vec<FileView>,
    pub max_mb: String,
    /// The municipality's time zone in words ([`zone_name`]).
    pub zone: String,
}

#[derive(Debug, Clone)]
pub struct QueueItem {
    pub app_id: i64,
    pub reference: String,
    pub applicant: String,
    /// `todo`, `started` (scores saved, not submitted), `done` or `conflict`.
    pub state: &'static str,
}

/// One call's part of the reviewer's queue: what is still to review, then what is done.
#[derive(Debug, Clone)]
pub struct QueueGroup {
    pub call_id: i64,
    pub call_title: String,
    pub todo: Vec<QueueItem>,
    pub done: Vec<QueueItem>,
}

impl QueueGroup {
    /// "3 of 20 applications left to review", or that all are reviewed.
    pub fn remaining(&self, lang: &Lang) -> String {
        let (left, total) = (self.todo.len(), self.todo.len() + self.done.len());
        t_args(
            *lang,
            "review-remaining",
            &[("left", left.to_string()), ("total", total.to_string())],
        )
    }
}

#[derive(Template)]
#[template(path = "open_call/review_queue.html")]
pub struct ReviewQueuePage {
    pub p: PageCtx,
    pub groups: Vec<QueueGroup>,
}

#[derive(Debug, Clone)]
pub struct ScoreField {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub weight: i64,
    pub score: String,
    pub comment: String,
}

/// One reviewer's review, as shown to staff (and to a reviewer after submitting theirs).
#[derive(Debug, Clone)]
pub struct ReviewSummary {
    pub reviewer: String,
    pub conflict: bool,
    pub note: String,
    pub average: String,
    pub submitted: bool,
    /// (criterion, score, comment)
    pub scores: Vec<(String, i64, String)>,
}

#[derive(Template)]
#[template(path = "open_call/review_form.html")]
pub struct ReviewPage {
    pub p: PageCtx,
    pub app: ApplicationView,
    pub fields: Vec<ScoreField>,
    pub closed: bool,
    pub conflict: bool,
    /// The reviewer's own review once submitted (or the conflict declared).
    pub mine: Option<ReviewSummary>,
    /// When it was submitted (or the conflict declared), dd.mm.yyyy HH:MM.
    pub submitted_at: String,
    /// The other reviewers' reviews, once the reviewer's own is submitted.
    pub others: Vec<ReviewSummary>,
    pub form: Form,
}

impl ReviewPage {
    /// "Your review (submitted on …)", or the conflict declared and when.
    pub fn closed_heading(&self) -> String {
        let key = if self.conflict {
            "review-conflict-declared"
        } else {
            "review-yours"
        };
        t_args(self.p.lang, key, &[("when", self.submitted_at.clone())])
    }
}

#[derive(Debug, Clone)]
pub struct RankedView {
    pub id: i64,
    pub reference: String,
    pub applicant: String,
    pub applicant_type: String,
    pub status: String,
    pub mean: String,
    pub spread: String,
    pub reviews: String,
    pub conflicts: i64,
}

#[derive(Template)]
#[template(path = "open_call/admin_call_applications.html")]
pub struct CallApplicationsPage {
    pub p: PageCtx,
    pub call_id: i64,
    pub call_title: String,
    pub rows: Vec<RankedView>,
    pub filter: Form,
    pub types: Vec<Choice>,
    pub fields: Vec<Choice>,
    pub units: Vec<Choice>,
    pub statuses: Vec<Choice>,
    pub decisions: Vec<Choice>,
    /// People with the reviewer role, to pick from.
    pub reviewers: Vec<Choice>,
    pub page: i64,
    pub has_next: bool,
    pub query: String,
    pub form: Form,
    pub outcome_published: bool,
    /// When the call closes, while it is still open (the outcome cannot be published yet).
    pub closes_at: Option<String>,
}

#[derive(Template)]
#[template(path = "open_call/admin_application.html")]
pub struct AdminApplicationPage {
    pub p: PageCtx,
    pub app: ApplicationView,
    pub reviews: Vec<ReviewSummary>,
    pub decisions: Vec<Choice>,
    pub reviewers: Vec<Choice>,
    pub form: Form,
    pub outcome_published: bool,
}

/// Counts for one group in the public statistics: (label, applications, selected).
pub type StatRow = (String, i64, i64);

#[derive(Template)]
#[template(path = "open_call/call_outcome.html")]
pub struct OutcomePage {
    pub p: PageCtx,
    pub card: CallCard,
    pub published: bool,
    pub selected: Vec<(String, String, Vec<String>)>,
    /// Selected applicants who did not agree to be listed.
    pub unlisted: i64,
    pub total: (i64, i64),
    pub tables: Vec<(String, Vec<StatRow>)>,
}

impl OutcomePage {
    /// "1 selected applicant did not agree to have their name published."
    pub fn unlisted_note(&self) -> String {
        t_count(self.p.lang, "outcome-unlisted", "n", self.unlisted)
    }
}
