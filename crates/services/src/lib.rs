//! Use cases. Handlers call these; these validate, decide, and call the store. Every change that
//! sends mail queues it in the same transaction (see `store::NewMail`).

pub mod accounts;
pub mod calls;
pub mod clock;
pub mod content;
pub mod error;
pub mod files;
pub mod mailer;
pub mod mails;
pub mod orgs;
pub mod password;
pub mod reviews;
pub mod roles;
pub mod tenants;
pub mod tokens;

use std::sync::Arc;

pub use clock::{Clock, FixedClock, SystemClock};
use domain::{TenantId, UserId};
pub use error::ServiceError;
use store::{AuditCtx, Store};

/// Everything a use case needs, shared by all requests.
#[derive(Clone)]
pub struct Services {
    pub store: Store,
    pub clock: Arc<dyn Clock>,
    /// Public address of the site, used in links sent by e-mail (no trailing slash).
    pub base_url: String,
    pub hasher: password::Hasher,
}

impl Services {
    pub fn new(store: Store, clock: Arc<dyn Clock>, base_url: &str) -> Self {
        Services {
            store,
            clock,
            base_url: base_url.trim_end_matches('/').to_owned(),
            hasher: password::Hasher::new(),
        }
    }

    /// The public address of a tenant: the configured base URL for the default tenant, else the
    /// same scheme and port on the tenant's own host name, so that e-mailed links open in the
    /// municipality they were sent from.
    pub fn site_url(&self, tenant: &store::TenantRow) -> String {
        match (&tenant.primary_host, tenant.is_default) {
            (Some(host), false) => {
                let (scheme, rest) = self.base_url.split_once("://").unwrap_or(("http", &self.base_url));
                let authority = rest.split('/').next().unwrap_or(rest);
                let port = authority
                    .rsplit_once(':')
                    .map(|(_, p)| p)
                    .filter(|p| p.chars().all(|c| c.is_ascii_digit()));
                match port {
                    Some(port) => format!("{scheme}://{host}:{port}"),
                    None => format!("{scheme}://{host}"),
                }
            }
            _ => self.base_url.clone(),
        }
    }

    /// A link with a one-time token, on the tenant's own address.
    pub(crate) fn link(&self, tenant: &store::TenantRow, path: &str, token: &str) -> String {
        format!("{}{}?token={}", self.site_url(tenant), path, token)
    }

    /// The audit context of an action taken now.
    pub fn ctx(&self, tenant: TenantId, actor: Option<UserId>, request_id: Option<&str>) -> AuditCtx {
        AuditCtx {
            tenant: Some(tenant),
            actor,
            at: self.clock.now(),
            request_id: request_id.map(str::to_owned),
        }
    }
}

/// Who acts, where, in which request: passed to every use case that changes state.
#[derive(Debug, Clone)]
pub struct Actor {
    pub tenant: TenantId,
    pub user: Option<UserId>,
    pub request_id: Option<String>,
}
