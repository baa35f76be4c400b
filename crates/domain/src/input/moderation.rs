//! Moderation of public input: reports (one per person per item, with a reason), hiding with a
//! reason shown in place of the text, and the author's one appeal, decided by a coordinator.

use super::REASON_MAX;
use crate::{FieldError, Text};

/// A reason typed by a reporter, a moderator, an appealing author or a coordinator deciding:
/// trimmed, required, at most [`REASON_MAX`] characters.
pub fn parse_reason(field: &'static str, raw: &str) -> Result<String, FieldError> {
    Ok(Text::parse(field, raw, true, REASON_MAX)?.into_string())
}

/// One report per person per item: a second is refused with a message.
pub fn may_report(already_reported: bool) -> Result<(), FieldError> {
    if already_reported {
        Err(FieldError::new("report_reason", "report_already"))
    } else {
        Ok(())
    }
}

/// Why an appeal may not be made, if it may not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppealRefusal {
    /// Only the author of the hidden item appeals.
    NotAuthor,
    /// The item is not hidden (any more): nothing to appeal.
    NotHidden,
    /// The author already appealed once.
    AlreadyAppealed,
}

/// The author of a hidden item appeals once.
pub fn may_appeal(is_author: bool, hidden: bool, already_appealed: bool) -> Result<(), AppealRefusal> {
    if !is_author {
        Err(AppealRefusal::NotAuthor)
    } else if !hidden {
        Err(AppealRefusal::NotHidden)
    } else if already_appealed {
        Err(AppealRefusal::AlreadyAppealed)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_author_appeals_a_hiding_once() {
        assert_eq!(may_appeal(true, true, false), Ok(()));
        assert_eq!(may_appeal(true, true, true), Err(AppealRefusal::AlreadyAppealed));
        assert_eq!(may_appeal(false, true, false), Err(AppealRefusal::NotAuthor));
        assert_eq!(may_appeal(true, false, false), Err(AppealRefusal::NotHidden));
    }

    #[test]
    fn one_report_per_person_with_a_reason() {
        assert!(may_report(false).is_ok());
        assert_eq!(may_report(true).unwrap_err().code, "report_already");
        assert_eq!(parse_reason("reason", " ").unwrap_err().code, "required");
        assert_eq!(
            parse_reason("reason", &"x".repeat(REASON_MAX + 1)).unwrap_err().code,
            "too_long"
        );
    }
}
