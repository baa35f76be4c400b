//! People: accounts and sessions, roles in a municipality, organisations.

pub mod accounts;
pub mod data;
pub mod orgs;
pub mod roles;
