//! Use cases. Handlers call these; these decide who may act, validate, and call the store. Every
//! change that sends mail queues it in the same transaction (see `store::NewMail`).
//!
//! One folder per stage of the cycle (`people`, `content`, `open_call`, `platform`), the same
//! names as in `store`, `web` and `views`; `common` holds what every stage uses. Each use case
//! receives an [`Actor`] (who, with their roles in this municipality) and checks the action it
//! performs ([`Actor::require`]) and its object rule (own application, assigned reviewer, member
//! of the organisation) with the data it loads: it never trusts a flag from the handler.

pub mod commitments;
pub mod common;
pub mod content;
pub mod forum;
pub mod input;
pub mod open_call;
pub mod people;
pub mod platform;

use std::sync::Arc;

pub use common::{
    clock::{Clock, FixedClock, SystemClock},
    error::ServiceError,
    mailer, password, tokens,
};
use domain::{Action, Principal, RoleSet, TenantId, UserId};
use store::{AuditCtx, Store};

/// Everything a use case needs, shared by all requests.
#[derive(Clone)]
pub struct Services {
    pub store: Store,
    pub clock: Arc<dyn Clock>,
    /// Public address of the site, used in links sent by e-mail (no trailing slash).
    pub base_url: String,
    pub hasher: common::password::Hasher,
}

impl Services {
    pub fn new(store: Store, clock: Arc<dyn Clock>, base_url: &str) -> Self {
        Services {
            store,
            clock,
            base_url: base_url.trim_end_matches('/').to_owned(),
            hasher: common::password::Hasher::new(),
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

/// Who acts, where, in which request: passed to every use case. `roles` are the person's roles
/// in `tenant` (empty for the anonymous public).
#[derive(Debug, Clone)]
pub struct Actor {
    pub tenant: TenantId,
    pub user: Option<UserId>,
    pub roles: RoleSet,
    pub request_id: Option<String>,
}

impl Actor {
    /// Somebody nobody signed in as, e.g. a command-line job or the anonymous public.
    pub fn anonymous(tenant: TenantId, request_id: Option<String>) -> Self {
        Actor {
            tenant,
            user: None,
            roles: RoleSet::empty(),
            request_id,
        }
    }

    pub fn principal(&self) -> Principal {
        match self.user {
            Some(_) => Principal::SignedIn(self.roles),
            None => Principal::Anonymous,
        }
    }

    /// `true` when the permission table lets this person perform `action`.
    pub fn can(&self, action: Action) -> bool {
        self.principal().can(action)
    }

    /// The role check of a use case: the anonymous public is asked to sign in, a signed-in person
    /// without the right is refused. Returns who acts.
    pub fn require(&self, action: Action) -> Result<Option<UserId>, ServiceError> {
        match self.user {
            _ if self.can(action) => Ok(self.user),
            None => Err(ServiceError::LoginRequired),
            Some(_) => Err(ServiceError::Forbidden),
        }
    }

    /// Like [`Actor::require`], for actions only a signed-in person can take.
    pub fn require_user(&self, action: Action) -> Result<UserId, ServiceError> {
        self.require(action)?.ok_or(ServiceError::LoginRequired)
    }
}
