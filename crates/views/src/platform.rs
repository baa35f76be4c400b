//! Pages of the platform stage, for staff and platform administrators: the municipality's
//! settings, the municipalities on the platform, the audit log and the sent mail.
//! Templates: `templates/platform/` (with `_admin_nav.html`, the menu of every staff page, and
//! `_admin_tenant_fields.html`).

use askama::Template;

use crate::common::{Choice, Form, PageCtx};

/// One entry of the audit log as a translated sentence whose person and object are links.
#[derive(Debug, Clone)]
pub struct AuditView {
    pub id: i64,
    pub at: String,
    pub at_iso: String,
    pub sentence: Vec<SentencePart>,
    pub changes: Vec<AuditChangeView>,
}

/// Words of a sentence, or a link within it.
#[derive(Debug, Clone)]
pub struct SentencePart {
    pub text: String,
    pub href: Option<String>,
}

impl SentencePart {
    pub fn text(text: &str) -> Self {
        SentencePart {
            text: text.to_owned(),
            href: None,
        }
    }
}

/// One field of an entry: "field: before → after", in words.
#[derive(Debug, Clone)]
pub struct AuditChangeView {
    pub field: String,
    pub before: String,
    pub after: String,
    /// Folded under a "show" control: a call's body would fill the page.
    pub long: bool,
}

#[derive(Template)]
#[template(path = "platform/admin_audit.html")]
pub struct AuditPage {
    pub p: PageCtx,
    pub entries: Vec<AuditView>,
    /// The filter's values as typed (`kind`, `person`, `from`, `to`), with errors.
    pub form: Form,
    pub kinds: Vec<Choice>,
    pub people: Vec<Choice>,
    /// Showing reads of personal data rather than changes.
    pub reads: bool,
    pub next_href: Option<String>,
    pub first_page: bool,
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
#[template(path = "platform/admin_outbox.html")]
pub struct OutboxPage {
    pub p: PageCtx,
    pub messages: Vec<OutboxView>,
    pub next_before: Option<i64>,
}

#[derive(Template)]
#[template(path = "platform/admin_settings.html")]
pub struct TenantSettingsPage {
    pub p: PageCtx,
    pub zones: Vec<Choice>,
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
#[template(path = "platform/admin_tenants.html")]
pub struct TenantsPage {
    pub p: PageCtx,
    pub zones: Vec<Choice>,
    pub tenants: Vec<TenantView>,
    pub form: Form,
}
