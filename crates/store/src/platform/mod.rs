//! The platform itself: municipalities (tenants) and their settings.

pub mod tenants;
