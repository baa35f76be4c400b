//! The open call: drafting and publishing calls, applying, reviewing, deciding, publishing the
//! outcome, exports and the files attached to calls and applications.

use std::collections::HashMap;

pub mod applications;
pub mod calls;
pub mod export;
pub mod files;
pub mod outcome;
pub mod review;

/// The value of a form field, or "" when it was not sent.
pub(crate) fn get<'a>(values: &'a HashMap<String, String>, key: &str) -> &'a str {
    values.get(key).map(String::as_str).unwrap_or("")
}
