//! Pages of the platform stage, for staff and platform administrators: the municipality's
//! settings, the municipalities on the platform, the audit log and the sent mail.
//! Templates: `templates/platform/` (with `_admin_nav.html`, the menu of every staff page, and
//! `_admin_tenant_fields.html`).

use askama::Template;

use crate::common::{Form, PageCtx};

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
#[template(path = "platform/admin_audit.html")]
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
    pub tenants: Vec<TenantView>,
    pub form: Form,
}
