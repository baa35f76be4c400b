//! The reasoned answer to an input or a cluster and the coverage indicator (OGP Local's check 8):
//! what an answer must say for its status, when it may be published, and the arithmetic of the
//! share of inputs answered.

use chrono::{DateTime, Utc};

use super::{ANSWER_MAX, AnswerStatus, TITLE_MAX};
use crate::{FieldError, Text, validate_all};

/// A commitment's reference or link, until commitments exist (issue 10).
pub const COMMITMENT_REF_MAX: usize = 500;

/// An answer as a forum member typed it, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerForm {
    pub status: AnswerStatus,
    pub body_sq: String,
    pub body_en: String,
    /// Only for `merged`: the input this one was merged into.
    pub merged_into: Option<i64>,
    /// Only for `adopted`.
    pub commitment_ref: String,
}

/// Checks an answer: a status from the list; the justification in Albanian always (OGP asks for
/// the reason, also of a refusal), in English when the member gives it; for `merged`, the number
/// of the input it was merged into. Fields that do not belong to the status are dropped.
pub fn parse_answer(
    status: &str,
    body_sq: &str,
    body_en: &str,
    merged_into: &str,
    commitment_ref: &str,
) -> Result<AnswerForm, Vec<FieldError>> {
    let status_r = AnswerStatus::parse(status.trim()).ok_or(FieldError::new("status", "answer_status_required"));
    let sq = Text::parse("body_sq", body_sq, true, ANSWER_MAX);
    let en = Text::parse("body_en", body_en, false, ANSWER_MAX);
    let reference = Text::parse("commitment_ref", commitment_ref, false, COMMITMENT_REF_MAX);
    let merged = match (status_r.as_ref().ok(), merged_into.trim()) {
        (Some(AnswerStatus::Merged), "") => Err(FieldError::new("merged_into", "answer_merged_into_required")),
        (Some(AnswerStatus::Merged), raw) => raw
            .trim_start_matches('#')
            .parse::<i64>()
            .ok()
            .filter(|n| *n > 0)
            .map(Some)
            .ok_or(FieldError::new("merged_into", "answer_merged_into_invalid")),
        _ => Ok(None),
    };
    validate_all(&[
        status_r.as_ref().err().cloned(),
        sq.as_ref().err().cloned(),
        en.as_ref().err().cloned(),
        reference.as_ref().err().cloned(),
        merged.as_ref().err().cloned(),
    ])?;
    let (Ok(status), Ok(sq), Ok(en), Ok(reference), Ok(merged)) = (status_r, sq, en, reference, merged) else {
        return Err(Vec::new());
    };
    Ok(AnswerForm {
        status,
        body_sq: sq.into_string(),
        body_en: en.into_string(),
        merged_into: merged,
        commitment_ref: if status == AnswerStatus::Adopted {
            reference.into_string()
        } else {
            String::new()
        },
    })
}

/// A cluster's title: Albanian required, English optional.
pub fn parse_cluster_title(title_sq: &str, title_en: &str) -> Result<(String, String), Vec<FieldError>> {
    let sq = Text::parse("title_sq", title_sq, true, TITLE_MAX);
    let en = Text::parse("title_en", title_en, false, TITLE_MAX);
    validate_all(&[sq.as_ref().err().cloned(), en.as_ref().err().cloned()])?;
    match (sq, en) {
        (Ok(sq), Ok(en)) => Ok((sq.into_string(), en.into_string())),
        _ => Err(Vec::new()),
    }
}

/// Where an answer stands: none written, a draft (only forum members see it), or published
/// (public, its inputs count as answered). Editing a published answer keeps it published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerStage {
    None,
    Draft,
    Published,
}

impl AnswerStage {
    pub fn of(published_at: Option<Option<DateTime<Utc>>>) -> AnswerStage {
        match published_at {
            None => AnswerStage::None,
            Some(None) => AnswerStage::Draft,
            Some(Some(_)) => AnswerStage::Published,
        }
    }

    /// Only a draft is published (once: the e-mails go once).
    pub fn can_publish(self) -> bool {
        self == AnswerStage::Draft
    }

    /// The public sees only a published answer.
    pub fn is_public(self) -> bool {
        self == AnswerStage::Published
    }
}

/// The justification shown to a reader: English for an English reader when it was given.
pub fn justification<'a>(lang: crate::Lang, body_sq: &'a str, body_en: &'a str) -> &'a str {
    match lang {
        crate::Lang::En if !body_en.trim().is_empty() => body_en,
        _ => body_sq,
    }
}

/// The share answered, in whole percent rounded down (so that 99.6 % never shows as 100 % while
/// one input waits); `None` when there is nothing to count.
pub fn coverage_percent(answered: i64, total: i64) -> Option<i64> {
    if total <= 0 {
        None
    } else {
        Some(answered.clamp(0, total) * 100 / total)
    }
}

/// Whole days an input has waited since `since`, at `now` (never negative).
pub fn age_days(since: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    (now - since).num_days().max(0)
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn an_answer_needs_a_status_and_a_reason_in_albanian() {
        let errors = parse_answer("", " ", "", "", "").unwrap_err();
        let codes: Vec<_> = errors.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(
            codes,
            vec![("status", "answer_status_required"), ("body_sq", "required")]
        );
        let ok = parse_answer("not_adopted", " Nuk ka buxhet këtë vit. ", "", "", "ref").unwrap();
        assert_eq!(ok.status, AnswerStatus::NotAdopted);
        assert_eq!(ok.body_sq, "Nuk ka buxhet këtë vit.");
        assert_eq!(ok.commitment_ref, "", "a reference belongs to an adopted answer only");
        let long = "a".repeat(ANSWER_MAX + 1);
        assert_eq!(parse_answer("adopted", &long, &long, "", "").unwrap_err().len(), 2);
        assert!(parse_answer("maybe", "Arsye", "", "", "").is_err());
    }

    #[test]
    fn a_merged_answer_names_the_input_it_went_into() {
        let missing = parse_answer("merged", "Njësoj si tjetra.", "", "", "").unwrap_err();
        assert_eq!(missing[0].code, "answer_merged_into_required");
        let bad = parse_answer("merged", "Njësoj si tjetra.", "", "abc", "").unwrap_err();
        assert_eq!(bad[0].code, "answer_merged_into_invalid");
        let ok = parse_answer("merged", "Njësoj si tjetra.", "", "#12", "").unwrap();
        assert_eq!(ok.merged_into, Some(12));
        let adopted = parse_answer("adopted", "Po.", "Yes.", "12", "ALBSN0001").unwrap();
        assert_eq!(adopted.merged_into, None);
        assert_eq!(adopted.commitment_ref, "ALBSN0001");
    }

    #[test]
    fn only_a_draft_is_published_and_only_published_answers_are_public() {
        let at = Utc.with_ymd_and_hms(2026, 5, 1, 9, 0, 0).unwrap();
        assert_eq!(AnswerStage::of(None), AnswerStage::None);
        assert!(AnswerStage::of(Some(None)).can_publish());
        assert!(!AnswerStage::of(Some(None)).is_public());
        assert!(!AnswerStage::of(Some(Some(at))).can_publish(), "published once");
        assert!(AnswerStage::of(Some(Some(at))).is_public());
        assert!(!AnswerStage::None.can_publish());
    }

    #[test]
    fn coverage_is_rounded_down_and_empty_is_none() {
        assert_eq!(coverage_percent(0, 0), None);
        assert_eq!(coverage_percent(1, 3), Some(33));
        assert_eq!(coverage_percent(996, 1000), Some(99));
        assert_eq!(coverage_percent(5, 5), Some(100));
        let a = Utc.with_ymd_and_hms(2026, 5, 1, 9, 0, 0).unwrap();
        assert_eq!(age_days(a, a + chrono::Duration::hours(47)), 1);
        assert_eq!(age_days(a, a - chrono::Duration::days(3)), 0);
    }

    #[test]
    fn the_reader_gets_english_only_where_it_was_written() {
        assert_eq!(justification(crate::Lang::En, "Po", "Yes"), "Yes");
        assert_eq!(justification(crate::Lang::En, "Po", " "), "Po");
        assert_eq!(justification(crate::Lang::Sq, "Po", "Yes"), "Po");
    }
}
