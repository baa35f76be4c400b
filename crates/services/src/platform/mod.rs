//! The platform: municipalities (tenants) and their settings, the audit log and the outbox.

pub mod audit;
pub mod tenants;
