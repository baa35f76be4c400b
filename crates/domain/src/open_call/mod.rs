//! The rules of an open call: who may apply, when, the states of an application, scoring and
//! ranking. Pure functions over plain values, so each rule is unit-tested on its own.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Who is applying: a registered organisation, an informal group, or a person as themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApplicantType {
    Cso,
    InformalGroup,
    Citizen,
}

impl ApplicantType {
    pub const ALL: [ApplicantType; 3] = [ApplicantType::Cso, ApplicantType::InformalGroup, ApplicantType::Citizen];

    pub fn key(self) -> &'static str {
        match self {
            ApplicantType::Cso => "cso",
            ApplicantType::InformalGroup => "informal_group",
            ApplicantType::Citizen => "citizen",
        }
    }

    pub fn parse(key: &str) -> Option<ApplicantType> {
        Self::ALL.into_iter().find(|t| t.key() == key)
    }

    pub fn needs_organisation(self) -> bool {
        self != ApplicantType::Citizen
    }
}

/// A value read from the database that no variant matches: the data and the code disagree, which
/// must fail loudly rather than turn into a default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownValue {
    pub kind: &'static str,
    pub value: String,
}

impl std::fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown {} {:?} in the database", self.kind, self.value)
    }
}

impl std::error::Error for UnknownValue {}

/// `TryFrom<String>` through `parse`, for typed rows (`#[sqlx(try_from = "String")]`).
macro_rules! strict_from_string {
    ($ty:ty, $kind:literal) => {
        impl TryFrom<String> for $ty {
            type Error = UnknownValue;
            fn try_from(value: String) -> Result<Self, UnknownValue> {
                <$ty>::parse(&value).ok_or(UnknownValue { kind: $kind, value })
            }
        }
    };
}

strict_from_string!(ApplicantType, "applicant type");
strict_from_string!(ApplicationStatus, "application status");

/// Where a published call stands at a given moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CallPhase {
    Upcoming,
    Open,
    Closed,
}

impl CallPhase {
    pub fn at(now: DateTime<Utc>, opens_at: DateTime<Utc>, closes_at: DateTime<Utc>) -> CallPhase {
        if now < opens_at {
            CallPhase::Upcoming
        } else if now < closes_at {
            CallPhase::Open
        } else {
            CallPhase::Closed
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            CallPhase::Upcoming => "upcoming",
            CallPhase::Open => "open",
            CallPhase::Closed => "closed",
        }
    }
}

/// Whole days left until `closes_at` (0 on the last day, `None` once closed).
pub fn days_left(now: DateTime<Utc>, closes_at: DateTime<Utc>) -> Option<i64> {
    (now < closes_at).then(|| (closes_at - now).num_days())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApplicationStatus {
    Draft,
    Submitted,
    Withdrawn,
    Shortlisted,
    Selected,
    Waitlisted,
    Declined,
}

/// A coordinator's decision on a submitted application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Shortlist,
    Select,
    Waitlist,
    Decline,
}

impl Decision {
    pub const ALL: [Decision; 4] = [
        Decision::Shortlist,
        Decision::Select,
        Decision::Waitlist,
        Decision::Decline,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Decision::Shortlist => "shortlist",
            Decision::Select => "select",
            Decision::Waitlist => "waitlist",
            Decision::Decline => "decline",
        }
    }

    pub fn parse(key: &str) -> Option<Decision> {
        Self::ALL.into_iter().find(|d| d.key() == key)
    }

    pub fn status(self) -> ApplicationStatus {
        match self {
            Decision::Shortlist => ApplicationStatus::Shortlisted,
            Decision::Select => ApplicationStatus::Selected,
            Decision::Waitlist => ApplicationStatus::Waitlisted,
            Decision::Decline => ApplicationStatus::Declined,
        }
    }
}

/// Why an action on an application is refused; each is a stable code the UI translates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApplicationRefusal {
    /// The call is not open (yet, or any more).
    CallNotOpen,
    /// Submitted, withdrawn or decided applications cannot be edited.
    NotEditable,
    /// Only a submitted (or decided) application can get a decision.
    NotDecidable,
    AlreadyWithdrawn,
    /// The outcome of the call is published: nothing changes any more.
    OutcomePublished,
}

impl ApplicationRefusal {
    pub fn code(self) -> &'static str {
        match self {
            ApplicationRefusal::CallNotOpen => "call_not_open",
            ApplicationRefusal::NotEditable => "application_not_editable",
            ApplicationRefusal::NotDecidable => "application_not_decidable",
            ApplicationRefusal::AlreadyWithdrawn => "application_withdrawn",
            ApplicationRefusal::OutcomePublished => "outcome_published",
        }
    }
}

impl ApplicationStatus {
    pub const ALL: [ApplicationStatus; 7] = [
        ApplicationStatus::Draft,
        ApplicationStatus::Submitted,
        ApplicationStatus::Withdrawn,
        ApplicationStatus::Shortlisted,
        ApplicationStatus::Selected,
        ApplicationStatus::Waitlisted,
        ApplicationStatus::Declined,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ApplicationStatus::Draft => "draft",
            ApplicationStatus::Submitted => "submitted",
            ApplicationStatus::Withdrawn => "withdrawn",
            ApplicationStatus::Shortlisted => "shortlisted",
            ApplicationStatus::Selected => "selected",
            ApplicationStatus::Waitlisted => "waitlisted",
            ApplicationStatus::Declined => "declined",
        }
    }

    pub fn parse(key: &str) -> Option<ApplicationStatus> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }

    /// Saving a draft: only drafts, only while the call is open.
    pub fn can_edit(self, phase: CallPhase) -> Result<(), ApplicationRefusal> {
        match (self, phase) {
            (ApplicationStatus::Draft, CallPhase::Open) => Ok(()),
            (ApplicationStatus::Draft, _) => Err(ApplicationRefusal::CallNotOpen),
            _ => Err(ApplicationRefusal::NotEditable),
        }
    }

    /// Submitting: a draft, before the closing time.
    pub fn can_submit(self, phase: CallPhase) -> Result<(), ApplicationRefusal> {
        self.can_edit(phase)
    }

    /// Withdrawing: before the closing time, and never once the outcome is published. A decision
    /// not yet published does not stop it: the applicant cannot know of it, and must not learn of
    /// it from a refusal.
    pub fn can_withdraw(self, phase: CallPhase, outcome_published: bool) -> Result<(), ApplicationRefusal> {
        match (self, phase) {
            (ApplicationStatus::Withdrawn, _) => Err(ApplicationRefusal::AlreadyWithdrawn),
            _ if outcome_published => Err(ApplicationRefusal::OutcomePublished),
            (_, CallPhase::Open) => Ok(()),
            _ => Err(ApplicationRefusal::CallNotOpen),
        }
    }

    /// The status the applicant is shown: a decision stays the coordinator's draft, shown as
    /// "submitted", until the outcome is published.
    pub fn as_seen_by_applicant(self, outcome_published: bool) -> ApplicationStatus {
        match self {
            ApplicationStatus::Shortlisted
            | ApplicationStatus::Selected
            | ApplicationStatus::Waitlisted
            | ApplicationStatus::Declined
                if !outcome_published =>
            {
                ApplicationStatus::Submitted
            }
            other => other,
        }
    }

    /// Deciding: anything submitted; a decision can be changed until the outcome is published.
    pub fn can_decide(self) -> Result<(), ApplicationRefusal> {
        match self {
            ApplicationStatus::Draft | ApplicationStatus::Withdrawn => Err(ApplicationRefusal::NotDecidable),
            _ => Ok(()),
        }
    }

    /// Counts towards the call's applications (submitted at some point and not withdrawn).
    pub fn is_application(self) -> bool {
        !matches!(self, ApplicationStatus::Draft | ApplicationStatus::Withdrawn)
    }
}

/// A score from 1 to 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Score(u8);

impl Score {
    pub fn parse(raw: &str) -> Option<Score> {
        raw.trim().parse::<u8>().ok().filter(|s| (1..=5).contains(s)).map(Score)
    }
    pub fn value(self) -> u8 {
        self.0
    }
}

/// A reason as it is quoted inside a sentence of an e-mail or page: trimmed, and ending with
/// a full stop unless it already ends with punctuation. The stored text is never changed.
pub fn as_sentence(reason: &str) -> String {
    let trimmed = reason.trim();
    if trimmed.is_empty() || trimmed.ends_with(['.', '!', '?', '…', ':', ';']) {
        trimmed.to_owned()
    } else {
        format!("{trimmed}.")
    }
}

/// The reference given at submission, e.g. `ELB-2026-0042`.
pub fn reference(prefix: &str, year: i32, number: i64) -> String {
    format!("{prefix}-{year}-{number:04}")
}

/// One reviewer's weighted average: Σ(score × weight) / Σ(weight) over the criteria scored.
pub fn weighted_average(scores: &[(u8, i64)]) -> Option<f64> {
    let total_weight: i64 = scores.iter().map(|(_, w)| *w).sum();
    (total_weight > 0).then(|| scores.iter().map(|(s, w)| f64::from(*s) * *w as f64).sum::<f64>() / total_weight as f64)
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};

    use super::*;

    fn t(h: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).single().unwrap() + Duration::hours(h)
    }

    #[test]
    fn call_phases_follow_the_clock() {
        assert_eq!(CallPhase::at(t(0), t(1), t(10)), CallPhase::Upcoming);
        assert_eq!(CallPhase::at(t(1), t(1), t(10)), CallPhase::Open);
        assert_eq!(
            CallPhase::at(t(10), t(1), t(10)),
            CallPhase::Closed,
            "the closing instant is already closed"
        );
        assert_eq!(days_left(t(0), t(49)), Some(2));
        assert_eq!(days_left(t(48), t(49)), Some(0));
        assert_eq!(days_left(t(49), t(49)), None);
    }

    #[test]
    fn application_states() {
        use ApplicationStatus::*;
        assert!(Draft.can_submit(CallPhase::Open).is_ok());
        assert_eq!(
            Draft.can_submit(CallPhase::Closed),
            Err(ApplicationRefusal::CallNotOpen)
        );
        assert_eq!(
            Submitted.can_edit(CallPhase::Open),
            Err(ApplicationRefusal::NotEditable)
        );
        assert!(Submitted.can_withdraw(CallPhase::Open, false).is_ok());
        assert_eq!(
            Submitted.can_withdraw(CallPhase::Closed, false),
            Err(ApplicationRefusal::CallNotOpen)
        );
        assert_eq!(
            Withdrawn.can_withdraw(CallPhase::Open, false),
            Err(ApplicationRefusal::AlreadyWithdrawn)
        );
        // An unpublished decision must not show through a refusal.
        assert!(Selected.can_withdraw(CallPhase::Open, false).is_ok());
        assert_eq!(
            Declined.can_withdraw(CallPhase::Closed, true),
            Err(ApplicationRefusal::OutcomePublished)
        );
        assert!(Submitted.can_decide().is_ok() && Declined.can_decide().is_ok());
        assert_eq!(Draft.can_decide(), Err(ApplicationRefusal::NotDecidable));
        assert!(!Withdrawn.is_application() && Waitlisted.is_application());
        for s in ApplicationStatus::ALL {
            assert_eq!(ApplicationStatus::parse(s.key()), Some(s));
        }
    }

    #[test]
    fn scores_are_one_to_five() {
        assert_eq!(Score::parse("3").map(Score::value), Some(3));
        for bad in ["0", "6", "-1", "x", "", "3.5"] {
            assert!(Score::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn weighted_averages() {
        // Criteria weighted 3 and 1: (5×3 + 1×1) / 4 = 4.
        assert_eq!(weighted_average(&[(5, 3), (1, 1)]), Some(4.0));
        assert_eq!(weighted_average(&[]), None);
    }

    #[test]
    fn stored_values_are_read_strictly() {
        assert_eq!(
            ApplicationStatus::try_from("selected".to_owned()),
            Ok(ApplicationStatus::Selected)
        );
        let err = ApplicationStatus::try_from("Selected".to_owned()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown application status \"Selected\" in the database"
        );
        assert!(ApplicantType::try_from("citizen ".to_owned()).is_err());
    }

    #[test]
    fn applicants_see_decisions_only_once_published() {
        use ApplicationStatus::*;
        for s in [Shortlisted, Selected, Waitlisted, Declined] {
            assert_eq!(s.as_seen_by_applicant(false), Submitted, "{s:?}");
            assert_eq!(s.as_seen_by_applicant(true), s);
        }
        assert_eq!(Draft.as_seen_by_applicant(false), Draft);
        assert_eq!(Withdrawn.as_seen_by_applicant(true), Withdrawn);
    }

    #[test]
    fn reasons_end_as_sentences() {
        assert_eq!(
            as_sentence("Përvojë e fortë me të rinjtë"),
            "Përvojë e fortë me të rinjtë."
        );
        assert_eq!(as_sentence("Shumë mirë! "), "Shumë mirë!");
        assert_eq!(as_sentence("Pa vend."), "Pa vend.");
    }

    #[test]
    fn references_are_zero_padded() {
        assert_eq!(reference("ELB", 2026, 42), "ELB-2026-0042");
        assert_eq!(reference("ELB", 2026, 12345), "ELB-2026-12345");
    }
}
