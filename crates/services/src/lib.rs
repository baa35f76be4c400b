//! Use cases. Handlers call these; these validate, decide, and call the store. Every change that
//! sends mail queues it in the same transaction (see `store::NewMail`).

pub mod accounts;
pub mod calls;
pub mod clock;
pub mod content;
pub mod error;
pub mod mailer;
pub mod mails;
pub mod orgs;
pub mod password;
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
