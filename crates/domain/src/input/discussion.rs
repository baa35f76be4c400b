//! The discussion under an input: comments with one level of replies, one support per person,
//! following, and when the daily digest of a follower is due. Pure rules; the store keeps the
//! rows and the counters.

use chrono::{DateTime, Duration, Utc};

use super::COMMENT_MAX;
use crate::{FieldError, Text};

/// How long a follower who chose the daily digest waits between two digests.
pub const DIGEST_EVERY_HOURS: i64 = 24;

/// A comment as typed: plain text (no Markdown), trimmed, required, at most [`COMMENT_MAX`]
/// characters. Line breaks are kept; the page escapes everything.
pub fn parse_comment(raw: &str) -> Result<String, FieldError> {
    Ok(Text::parse("comment", raw, true, COMMENT_MAX)?.into_string())
}

/// Where a reply goes: comments have one level of replies, so a reply to a reply attaches to
/// the top-level comment it answers. `parent` is the comment replied to, with its own parent.
pub fn reply_parent(parent: Option<(i64, Option<i64>)>) -> Option<i64> {
    parent.map(|(id, its_parent)| its_parent.unwrap_or(id))
}

/// What the item someone wants to comment on, support or follow is like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Openness {
    pub hidden: bool,
    pub withdrawn: bool,
}

/// A hidden or withdrawn input takes no comments, supports or follows: the message says which.
pub fn open_for_discussion(input: Openness, field: &'static str) -> Result<(), FieldError> {
    if input.hidden {
        Err(FieldError::new(field, "input_hidden_closed"))
    } else if input.withdrawn {
        Err(FieldError::new(field, "input_withdrawn_closed"))
    } else {
        Ok(())
    }
}

/// What stands against a support: one per person, and one's own input only where the
/// municipality allows it.
pub fn may_support(is_author: bool, self_support_allowed: bool, already: bool) -> Result<(), FieldError> {
    if already {
        Err(FieldError::new("support", "support_already"))
    } else if is_author && !self_support_allowed {
        Err(FieldError::new("support", "support_own_input"))
    } else {
        Ok(())
    }
}

/// Whether a follower choosing the daily digest is sent one now: something is waiting, and
/// either the oldest waiting event is a day old or the last digest went out a day ago (or none
/// ever did), so that nobody gets more than about one digest a day nor waits more than a day.
pub fn digest_due(
    oldest_unsent: Option<DateTime<Utc>>,
    last_digest: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> bool {
    let day = Duration::hours(DIGEST_EVERY_HOURS);
    match (oldest_unsent, last_digest) {
        (None, _) => false,
        (Some(_), None) => true,
        (Some(oldest), Some(last)) => now - oldest >= day || now - last >= day,
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 2, h, 0, 0).single().expect("valid")
    }

    #[test]
    fn a_reply_to_a_reply_attaches_to_the_top_level_comment() {
        assert_eq!(reply_parent(None), None);
        assert_eq!(reply_parent(Some((7, None))), Some(7));
        assert_eq!(reply_parent(Some((9, Some(7)))), Some(7));
    }

    #[test]
    fn support_once_and_own_input_only_where_allowed() {
        assert!(may_support(false, false, false).is_ok());
        assert_eq!(may_support(false, false, true).unwrap_err().code, "support_already");
        assert_eq!(may_support(true, false, false).unwrap_err().code, "support_own_input");
        assert!(may_support(true, true, false).is_ok());
        assert_eq!(may_support(true, true, true).unwrap_err().code, "support_already");
    }

    #[test]
    fn comments_are_required_and_bounded() {
        assert_eq!(parse_comment("  ").unwrap_err().code, "required");
        assert_eq!(
            parse_comment(&"a".repeat(COMMENT_MAX + 1)).unwrap_err().code,
            "too_long"
        );
        assert_eq!(
            parse_comment(" Po, dakord.\nFaleminderit ").unwrap(),
            "Po, dakord.\nFaleminderit"
        );
    }

    #[test]
    fn hidden_or_withdrawn_inputs_take_no_discussion() {
        let open = Openness {
            hidden: false,
            withdrawn: false,
        };
        assert!(open_for_discussion(open, "comment").is_ok());
        let hidden = Openness { hidden: true, ..open };
        assert_eq!(
            open_for_discussion(hidden, "comment").unwrap_err().code,
            "input_hidden_closed"
        );
        let withdrawn = Openness {
            withdrawn: true,
            ..open
        };
        assert_eq!(open_for_discussion(withdrawn, "support").unwrap_err().field, "support");
    }

    #[test]
    fn a_digest_waits_a_day_at_most_and_comes_a_day_apart() {
        assert!(!digest_due(None, None, at(12)));
        assert!(digest_due(Some(at(10)), None, at(10)), "first digest at once");
        assert!(
            !digest_due(Some(at(10)), Some(at(9)), at(12)),
            "a digest went out 3 hours ago"
        );
        let next_day = at(9) + Duration::hours(24);
        assert!(digest_due(Some(at(10)), Some(at(9)), next_day));
    }
}
