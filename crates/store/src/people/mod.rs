//! People: accounts and sessions, roles in a municipality, organisations.

pub mod accounts;
pub mod orgs;
pub mod roles;
