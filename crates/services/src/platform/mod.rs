//! The platform: municipalities (tenants) and their settings.

pub mod tenants;
