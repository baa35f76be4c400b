//! The open call: calls and their criteria, applications and their files, review, decisions and
//! the outcome, the export, and the retention of personal data.

pub mod applications;
pub mod calls;
pub mod export;
pub mod files;
pub mod outcome;
pub mod retention;
pub mod review;
