//! The audit log and the outbox (delivery state of e-mails), read by staff.

use domain::Action;
use store::{AuditFilter, AuditRow, OutboxRow};

use crate::{Actor, Services, common::error::Result};

impl Services {
    /// Audit entries, newest first, older than `before` when paging; an empty `action` means all.
    pub async fn audit_log(
        &self,
        actor: &Actor,
        action: &str,
        before: Option<i64>,
        limit: i64,
    ) -> Result<Vec<AuditRow>> {
        actor.require_user(Action::ViewAuditLog)?;
        let filter = AuditFilter {
            action_prefix: Some(action.trim().to_owned()).filter(|a| !a.is_empty()),
            actor: None,
            before_id: before,
        };
        Ok(self.store.list_audit(actor.tenant, &filter, limit).await?)
    }

    /// Queued and sent e-mails, newest first, older than `before` when paging.
    pub async fn outbox(&self, actor: &Actor, before: Option<i64>, limit: i64) -> Result<Vec<OutboxRow>> {
        actor.require_user(Action::ViewOutbox)?;
        Ok(self.store.list_outbox(actor.tenant, before, limit).await?)
    }
}
