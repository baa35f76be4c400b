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
}

impl ApplicationRefusal {
    pub fn code(self) -> &'static str {
        match self {
            ApplicationRefusal::CallNotOpen => "call_not_open",
            ApplicationRefusal::NotEditable => "application_not_editable",
            ApplicationRefusal::NotDecidable => "application_not_decidable",
            ApplicationRefusal::AlreadyWithdrawn => "application_withdrawn",
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

    /// Withdrawing: a draft or a submitted application, before the closing time.
    pub fn can_withdraw(self, phase: CallPhase) -> Result<(), ApplicationRefusal> {
        match (self, phase) {
            (ApplicationStatus::Withdrawn, _) => Err(ApplicationRefusal::AlreadyWithdrawn),
            (ApplicationStatus::Draft | ApplicationStatus::Submitted, CallPhase::Open) => Ok(()),
            (ApplicationStatus::Draft | ApplicationStatus::Submitted, _) => Err(ApplicationRefusal::CallNotOpen),
            _ => Err(ApplicationRefusal::NotEditable),
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

/// The reference given at submission, e.g. `ELB-2026-0042`.
pub fn reference(prefix: &str, year: i32, number: i64) -> String {
    format!("{prefix}-{year}-{number:04}")
}

/// One reviewer's weighted average: Σ(score × weight) / Σ(weight) over the criteria scored.
pub fn weighted_average(scores: &[(u8, i64)]) -> Option<f64> {
    let total_weight: i64 = scores.iter().map(|(_, w)| *w).sum();
    (total_weight > 0).then(|| scores.iter().map(|(s, w)| f64::from(*s) * *w as f64).sum::<f64>() / total_weight as f64)
}

/// The ranking figures of an application from its reviewers' weighted averages.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Ranking {
    /// Mean of the reviewers' weighted averages; `None` with no completed review.
    pub mean: Option<f64>,
    /// Highest minus lowest reviewer average: a large spread asks for a second look.
    pub spread: Option<f64>,
    pub reviews: usize,
}

pub fn rank(reviewer_averages: &[f64]) -> Ranking {
    if reviewer_averages.is_empty() {
        return Ranking {
            mean: None,
            spread: None,
            reviews: 0,
        };
    }
    let n = reviewer_averages.len();
    let mean = reviewer_averages.iter().sum::<f64>() / n as f64;
    let max = reviewer_averages.iter().copied().fold(f64::MIN, f64::max);
    let min = reviewer_averages.iter().copied().fold(f64::MAX, f64::min);
    Ranking {
        mean: Some(mean),
        spread: Some(max - min),
        reviews: n,
    }
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
        assert!(Submitted.can_withdraw(CallPhase::Open).is_ok());
        assert_eq!(
            Submitted.can_withdraw(CallPhase::Closed),
            Err(ApplicationRefusal::CallNotOpen)
        );
        assert_eq!(
            Withdrawn.can_withdraw(CallPhase::Open),
            Err(ApplicationRefusal::AlreadyWithdrawn)
        );
        assert_eq!(
            Selected.can_withdraw(CallPhase::Open),
            Err(ApplicationRefusal::NotEditable)
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
    fn weighted_averages_and_ranking() {
        // Criteria weighted 3 and 1: (5×3 + 1×1) / 4 = 4.
        assert_eq!(weighted_average(&[(5, 3), (1, 1)]), Some(4.0));
        assert_eq!(weighted_average(&[]), None);
        let r = rank(&[4.0, 2.0, 3.0]);
        assert_eq!(r.mean, Some(3.0));
        assert_eq!(r.spread, Some(2.0));
        assert_eq!(r.reviews, 3);
        assert_eq!(rank(&[]).mean, None);
    }

    #[test]
    fn references_are_zero_padded() {
        assert_eq!(reference("ELB", 2026, 42), "ELB-2026-0042");
        assert_eq!(reference("ELB", 2026, 12345), "ELB-2026-12345");
    }
}
