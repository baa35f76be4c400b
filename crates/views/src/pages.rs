//! One struct per page template. Handlers fill them with display-ready values (already
//! translated where the text comes from the database), so templates hold no business logic.

use std::collections::HashMap;

use askama::Template;
use domain::{FieldError, Lang};

use crate::i18n::{t, t_args};

/// What every page shows: the tenant, the language, the signed-in person, the flash message.
#[derive(Debug, Clone)]
pub struct PageCtx {
    pub lang: Lang,
    pub tenant_name: String,
    pub logo_url: Option<String>,
    pub contact_email: String,
    /// Path of the current page, for the language switcher.
    pub path: String,
    /// The page's other query parameters, URL-encoded, kept when the language changes.
    pub query: String,
    pub user_name: Option<String>,
    pub is_staff: bool,
    pub is_platform_admin: bool,
    pub is_reviewer: bool,
    pub flash: Option<String>,
    pub title: String,
}

impl PageCtx {
    pub fn t(&self, key: &str) -> String {
        t(self.lang, key)
    }
    pub fn t1(&self, key: &str, name: &str, value: &str) -> String {
        t_args(self.lang, key, &[(name, value.to_owned())])
    }
    /// Translates the key made of `prefix` and `key`, e.g. ("call-phase-", "open").
    pub fn tp(&self, prefix: &str, key: &str) -> String {
        t(self.lang, &format!("{prefix}{key}"))
    }
    pub fn code(&self) -> &'static str {
        self.lang.code()
    }
    /// The other languages, as (code, native name, link) for the switcher.
    pub fn other_langs(&self) -> Vec<(&'static str, &'static str, String)> {
        Lang::ALL
            .into_iter()
            .filter(|l| *l != self.lang)
            .map(|l| {
                let sep = if self.query.is_empty() { "" } else { "&" };
                (
                    l.code(),
                    l.native_name(),
                    format!("{}?{}{sep}lang={}", self.path, self.query, l.code()),
                )
            })
            .collect()
    }
}

/// Values typed into a form and the errors found in them, so a form is shown again with
/// nothing lost and each message next to its field.
#[derive(Debug, Clone, Default)]
pub struct Form {
    pub values: HashMap<String, String>,
    pub errors: Vec<FieldError>,
}

impl Form {
    pub fn new(values: HashMap<String, String>) -> Self {
        Form {
            values,
            errors: Vec::new(),
        }
    }
    pub fn with_errors(mut self, errors: Vec<FieldError>) -> Self {
        self.errors = errors;
        self
    }
    pub fn v(&self, field: &str) -> &str {
        self.values.get(field).map(String::as_str).unwrap_or("")
    }
    pub fn checked(&self, field: &str, value: &str) -> bool {
        self.v(field).split(',').any(|x| x == value)
    }
    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }
    /// The translated message for `field`, if it has an error.
    pub fn err(&self, lang: &Lang, field: &str) -> Option<String> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| t(*lang, &format!("error-{}", e.code.replace('_', "-"))))
    }
    /// Translated messages for the error summary at the top of the form.
    pub fn summary(&self, lang: &Lang) -> Vec<(String, String)> {
        self.errors
            .iter()
            .map(|e| {
                (
                    e.field.to_owned(),
                    t(*lang, &format!("error-{}", e.code.replace('_', "-"))),
                )
            })
            .collect()
    }
}

#[derive(Debug, Clone)]
pub struct PhaseView {
    pub title: String,
    /// `lang` attribute when the text is not in the page's language (English missing).
    pub lang: &'static str,
    pub starts_on: String,
    pub ends_on: String,
    pub starts_iso: String,
    pub ends_iso: String,
    /// `past`, `current` or `upcoming`.
    pub state: &'static str,
}

#[derive(Debug, Clone)]
pub struct NewsSummary {
    pub id: i64,
    pub title: String,
    pub lang: &'static str,
    pub excerpt: String,
    pub date: String,
    pub date_iso: String,
}

#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    pub p: PageCtx,
    pub cycle_title: Option<(String, &'static str)>,
    pub phases: Vec<PhaseView>,
    pub news: Vec<NewsSummary>,
}

#[derive(Template)]
#[template(path = "news_list.html")]
pub struct NewsListPage {
    pub p: PageCtx,
    pub news: Vec<NewsSummary>,
    pub page: i64,
    pub has_next: bool,
    pub can_edit: bool,
}

#[derive(Template)]
#[template(path = "news_show.html")]
pub struct NewsPage {
    pub p: PageCtx,
    pub id: i64,
    pub title: String,
    pub lang: &'static str,
    pub body_html: String,
    pub date: String,
    pub date_iso: String,
    pub author: Option<String>,
    pub can_edit: bool,
}

#[derive(Template)]
#[template(path = "signup.html")]
pub struct SignupPage {
    pub p: PageCtx,
    pub form: Form,
}

#[derive(Template)]
#[template(path = "login.html")]
pub struct LoginPage {
    pub p: PageCtx,
    pub form: Form,
    /// A message that concerns the whole form (wrong password, throttled).
    pub problem: Option<String>,
    pub next: String,
}

#[derive(Template)]
#[template(path = "forgot.html")]
pub struct ForgotPage {
    pub p: PageCtx,
    pub form: Form,
}

#[derive(Template)]
#[template(path = "reset.html")]
pub struct ResetPage {
    pub p: PageCtx,
    pub form: Form,
    pub token: String,
}

/// A page with a heading, a paragraph and an optional link: "check your e-mail", "link expired".
#[derive(Template)]
#[template(path = "message.html")]
pub struct MessagePage {
    pub p: PageCtx,
    pub heading: String,
    pub text: String,
    pub link: Option<(String, String)>,
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub p: PageCtx,
    pub status: u16,
    pub heading: String,
    pub text: String,
    pub request_id: String,
}

#[derive(Debug, Clone)]
pub struct OrgSummary {
    pub id: i64,
    pub name: String,
    pub kind: String,
}

#[derive(Template)]
#[template(path = "account.html")]
pub struct AccountPage {
    pub p: PageCtx,
    pub display_name: String,
    pub email: String,
    pub roles: Vec<String>,
    pub orgs: Vec<OrgSummary>,
    pub password_form: Form,
    pub email_form: Form,
    pub delete_form: Form,
}

#[derive(Template)]
#[template(path = "privacy.html")]
pub struct PrivacyPage {
    pub p: PageCtx,
    pub body_html: String,
}

/// A choice in a select or a group of checkboxes.
#[derive(Debug, Clone)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

#[derive(Template)]
#[template(path = "org_form.html")]
pub struct OrgFormPage {
    pub p: PageCtx,
    pub form: Form,
    /// `None` when creating.
    pub org_id: Option<i64>,
    /// Where to go once created (e.g. back to an application being started).
    pub next: String,
    pub kinds: Vec<Choice>,
    pub sizes: Vec<Choice>,
    pub fields: Vec<Choice>,
}

#[derive(Template)]
#[template(path = "org_show.html")]
pub struct OrgPage {
    pub p: PageCtx,
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub registration_number: Option<String>,
    pub size: String,
    pub fields: Vec<String>,
    pub area: String,
    pub website: String,
    pub mission_html: String,
    pub members: Vec<(String, bool)>,
    pub is_member: bool,
    pub invite_form: Form,
}

#[derive(Template)]
#[template(path = "invite_accept.html")]
pub struct InviteAcceptPage {
    pub p: PageCtx,
    pub what: String,
    pub token: String,
    pub action: String,
}

#[derive(Debug, Clone)]
pub struct PersonView {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub roles: Vec<(String, String)>,
    pub grantable: Vec<Choice>,
}

#[derive(Template)]
#[template(path = "admin/people.html")]
pub struct PeoplePage {
    pub p: PageCtx,
    pub people: Vec<PersonView>,
    pub q: String,
    pub page: i64,
    pub has_next: bool,
    pub invite_form: Form,
    pub roles: Vec<Choice>,
}

#[derive(Template)]
#[template(path = "admin/news_form.html")]
pub struct NewsFormPage {
    pub p: PageCtx,
    pub form: Form,
    pub news_id: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct PhaseRow {
    pub index: usize,
    pub title_sq: String,
    pub title_en: String,
    pub starts_on: String,
    pub ends_on: String,
}

#[derive(Template)]
#[template(path = "admin/timeline.html")]
pub struct TimelineFormPage {
    pub p: PageCtx,
    pub rows: Vec<PhaseRow>,
    pub errors: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct AuditView {
    pub id: i64,
    pub at: String,
    pub at_iso: String,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub before: String,
    pub after: String,
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
pub struct AuditPage {
    pub p: PageCtx,
    pub entries: Vec<AuditView>,
    pub action: String,
    pub next_before: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct OutboxView {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub status: String,
    pub attempts: i64,
    pub created: String,
    pub last_error: String,
}

#[derive(Template)]
#[template(path = "admin/outbox.html")]
pub struct OutboxPage {
    pub p: PageCtx,
    pub messages: Vec<OutboxView>,
    pub next_before: Option<i64>,
}

#[derive(Template)]
#[template(path = "admin/settings.html")]
pub struct TenantSettingsPage {
    pub p: PageCtx,
    pub form: Form,
}

#[derive(Debug, Clone)]
pub struct TenantView {
    pub slug: String,
    pub name: String,
    pub hosts: String,
    pub is_default: bool,
}

#[derive(Template)]
#[template(path = "admin/tenants.html")]
pub struct TenantsPage {
    pub p: PageCtx,
    pub tenants: Vec<TenantView>,
    pub form: Form,
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
#[template(path = "calls_list.html")]
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
#[template(path = "call_show.html")]
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
#[template(path = "call_apply.html")]
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
#[template(path = "application_form.html")]
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
}

#[derive(Template)]
#[template(path = "application_review.html")]
pub struct ApplicationReviewPage {
    pub p: PageCtx,
    pub app: ApplicationView,
    pub problems: Vec<String>,
}

#[derive(Template)]
#[template(path = "application_show.html")]
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
    pub reference: String,
    pub status: String,
}

#[derive(Template)]
#[template(path = "my_applications.html")]
pub struct MyApplicationsPage {
    pub p: PageCtx,
    pub applications: Vec<MyApplication>,
}

#[derive(Template)]
#[template(path = "admin/calls.html")]
pub struct AdminCallsPage {
    pub p: PageCtx,
    pub calls: Vec<CallCard>,
}

#[derive(Debug, Clone, Default)]
pub struct CriterionRowView {
    pub index: usize,
    pub name_sq: String,
    pub name_en: String,
    pub description_sq: String,
    pub description_en: String,
    pub weight: String,
}

#[derive(Template)]
#[template(path = "admin/call_form.html")]
pub struct CallFormPage {
    pub p: PageCtx,
    pub call_id: Option<i64>,
    pub form: Form,
    pub criteria: Vec<CriterionRowView>,
    pub types: Vec<Choice>,
    pub time_zone: String,
}

#[derive(Template)]
#[template(path = "admin/call_show.html")]
pub struct AdminCallPage {
    pub p: PageCtx,
    pub card: CallCard,
    pub is_draft: bool,
    pub counts: Vec<(String, i64)>,
    pub extend_form: Form,
    pub documents: Vec<FileView>,
    pub max_mb: String,
}

#[derive(Debug, Clone)]
pub struct QueueItem {
    pub app_id: i64,
    pub reference: String,
    pub applicant: String,
    pub call_title: String,
    /// `todo`, `done` or `conflict`.
    pub state: &'static str,
}

#[derive(Template)]
#[template(path = "review_queue.html")]
pub struct ReviewQueuePage {
    pub p: PageCtx,
    pub items: Vec<QueueItem>,
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
#[template(path = "review_form.html")]
pub struct ReviewPage {
    pub p: PageCtx,
    pub app: ApplicationView,
    pub fields: Vec<ScoreField>,
    pub closed: bool,
    pub conflict: bool,
    pub others: Vec<ReviewSummary>,
    pub form: Form,
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
#[template(path = "admin/call_applications.html")]
pub struct CallApplicationsPage {
    pub p: PageCtx,
    pub call_id: i64,
    pub call_title: String,
    pub rows: Vec<RankedView>,
    pub filter: Form,
    pub types: Vec<Choice>,
    pub fields: Vec<Choice>,
    pub statuses: Vec<Choice>,
    pub decisions: Vec<Choice>,
    pub page: i64,
    pub has_next: bool,
    pub query: String,
    pub form: Form,
    pub outcome_published: bool,
}

#[derive(Template)]
#[template(path = "admin/application.html")]
pub struct AdminApplicationPage {
    pub p: PageCtx,
    pub app: ApplicationView,
    pub reviews: Vec<ReviewSummary>,
    pub decisions: Vec<Choice>,
    pub form: Form,
    pub outcome_published: bool,
}

/// Counts for one group in the public statistics: (label, applications, selected).
pub type StatRow = (String, i64, i64);

#[derive(Template)]
#[template(path = "call_outcome.html")]
pub struct OutcomePage {
    pub p: PageCtx,
    pub card: CallCard,
    pub published: bool,
    pub selected: Vec<(String, String, Vec<String>)>,
    pub total: (i64, i64),
    pub tables: Vec<(String, Vec<StatRow>)>,
}
