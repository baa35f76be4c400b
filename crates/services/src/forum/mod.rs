//! The forum of a cycle (issue 8): its texts (`setup`), members and their acceptance (`members`),
//! meetings with notice and invitations (`meetings`), attendance, minutes and action items
//! (`minutes`), and its health indicators (`health`), computed in one place for the standards
//! dashboard.

pub mod diff;
pub mod health;
pub mod meetings;
pub mod members;
pub mod minutes;
pub mod setup;
