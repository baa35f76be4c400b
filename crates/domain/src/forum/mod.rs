//! The rules of the forum (the working group of a co-creation cycle): who sits in it and for which
//! sector, the positions members hold, meetings and their answers, attendance, minutes and action
//! items. Pure values and functions, each rule unit-tested on its own; the store keeps the keys.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// A closed list of values stored by key: `ALL`, `key()`, `parse()` and `TryFrom<String>` for
/// typed rows (`#[sqlx(try_from = "String")]`). Labels live in `forum.ftl` as `<prefix>-<key>`.
macro_rules! keyed_enum {
    ($(#[$meta:meta])* $name:ident, $kind:literal, { $($(#[$vmeta:meta])* $variant:ident => $key:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }

            pub fn parse(key: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.key() == key)
            }
        }

        impl TryFrom<String> for $name {
            type Error = $crate::open_call::UnknownValue;
            fn try_from(value: String) -> Result<Self, $crate::open_call::UnknownValue> {
                <$name>::parse(&value).ok_or($crate::open_call::UnknownValue { kind: $kind, value })
            }
        }
    };
}

pub(crate) use keyed_enum;

keyed_enum!(
    /// The sector a member represents (OGP asks for both government and non-government members).
    Sector, "sector", {
        Government => "government",
        Cso => "cso",
        InformalGroup => "informal_group",
        Academia => "academia",
        Media => "media",
        PrivateSector => "private_sector",
        Citizen => "citizen",
    }
);

impl Sector {
    /// Everyone but the municipality counts as non-government in the forum's composition.
    pub fn is_government(self) -> bool {
        self == Sector::Government
    }

    /// The sector a selected applicant brings from the open call.
    pub fn of_applicant(kind: crate::open_call::ApplicantType) -> Sector {
        use crate::open_call::ApplicantType as T;
        match kind {
            T::Cso => Sector::Cso,
            T::InformalGroup => Sector::InformalGroup,
            T::Citizen => Sector::Citizen,
        }
    }
}

/// The positions every municipality starts with. A municipality may rename or add positions
/// (tenant configuration, table `forum_positions`); these keys are used while it has none.
pub const DEFAULT_POSITIONS: &[DefaultPosition] = &[
    DefaultPosition {
        key: "chair",
        approves_minutes: true,
    },
    DefaultPosition {
        key: "co_chair",
        approves_minutes: false,
    },
    DefaultPosition {
        key: "secretary",
        approves_minutes: true,
    },
    DefaultPosition {
        key: "member",
        approves_minutes: false,
    },
    DefaultPosition {
        key: "observer",
        approves_minutes: false,
    },
];

/// One default position; its label is `position-<key>` in `forum.ftl`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DefaultPosition {
    pub key: &'static str,
    /// Chair and secretary approve the minutes of a meeting.
    pub approves_minutes: bool,
}

keyed_enum!(
    /// Where a member stands with their position: invited by e-mail, accepted (only then counted),
    /// declined, or left (the forum-member role ends).
    MemberStatus, "member status", {
        Invited => "invited",
        Accepted => "accepted",
        Declined => "declined",
        Left => "left",
    }
);

keyed_enum!(
    /// The kinds of meeting OGP Local's co-creation process has.
    MeetingKind, "meeting kind", {
        FirstMeeting => "first_meeting",
        FollowUp => "follow_up",
        Workshop => "workshop",
        ImplementationReview => "implementation_review",
        PublicConsultation => "public_consultation",
    }
);

keyed_enum!(
    /// Who may see a meeting: everyone, or the forum's members and staff only.
    Visibility, "meeting visibility", {
        Public => "public",
        MembersOnly => "members_only",
    }
);

keyed_enum!(
    /// A meeting is prepared as a draft, published (notice given, invitations sent) or cancelled.
    MeetingStatus, "meeting status", {
        Draft => "draft",
        Published => "published",
        Cancelled => "cancelled",
    }
);

keyed_enum!(
    /// An invited member's answer, from the e-mail's links or the meeting page.
    Rsvp, "invitation answer", {
        Attending => "attending",
        NotAttending => "not_attending",
        Maybe => "maybe",
    }
);

keyed_enum!(
    /// Attendance as recorded by the secretary or the coordinator.
    Presence, "attendance", {
        Present => "present",
        Excused => "excused",
        Absent => "absent",
    }
);

keyed_enum!(
    /// Minutes are written as a draft, approved by the chair or the secretary, then published.
    MinutesStatus, "minutes status", {
        Draft => "draft",
        Approved => "approved",
        Published => "published",
    }
);

keyed_enum!(
    /// An action item agreed in a meeting.
    ActionStatus, "action item status", {
        Open => "open",
        Done => "done",
        Dropped => "dropped",
    }
);

keyed_enum!(
    /// Gender as a member or guest chose to record it; absent when they did not.
    Gender, "gender", {
        Woman => "woman",
        Man => "man",
        Other => "other",
    }
);

/// Why a meeting's time cannot be accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeetingTimeError {
    /// It starts before now.
    StartsInPast,
    /// It ends at or before its start.
    EndsBeforeStart,
}

impl MeetingTimeError {
    /// The error code shown next to the field (`error-<code>` in `forum.ftl`).
    pub fn code(self) -> &'static str {
        match self {
            MeetingTimeError::StartsInPast => "meeting_in_past",
            MeetingTimeError::EndsBeforeStart => "meeting_ends_before_start",
        }
    }
}

/// A new or moved meeting must start in the future and end after it starts.
pub fn check_meeting_time(
    now: DateTime<Utc>,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
) -> Result<(), MeetingTimeError> {
    if starts_at <= now {
        Err(MeetingTimeError::StartsInPast)
    } else if ends_at <= starts_at {
        Err(MeetingTimeError::EndsBeforeStart)
    } else {
        Ok(())
    }
}

/// A membership's end date, when given, is on or after its start.
pub fn check_term(starts_on: NaiveDate, ends_on: Option<NaiveDate>) -> bool {
    ends_on.is_none_or(|end| end >= starts_on)
}

/// The thresholds of the forum's health indicators, from the municipality's settings; the
/// defaults are OGP Local's (sections 4 and 9.1 of the domain reference).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct HealthThresholds {
    /// Largest gap between two held meetings (check 2).
    pub max_gap_days: i64,
    /// Notice and pre-reads at least this many days before a meeting (check 6).
    pub notice_days: i64,
    /// Minutes with attendance published within this many days of the meeting (check 7).
    pub minutes_days: i64,
}

impl Default for HealthThresholds {
    fn default() -> Self {
        HealthThresholds {
            max_gap_days: 183,
            notice_days: 7,
            minutes_days: 14,
        }
    }
}

/// How long the link offering a seat works: a person asked a month ago who has not answered is
/// asked again by the coordinator rather than accepting a seat offered long before.
pub const MEMBERSHIP_LINK_DAYS: i64 = 30;

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};

    use super::*;

    #[test]
    fn keys_round_trip() {
        for s in Sector::ALL {
            assert_eq!(Sector::parse(s.key()), Some(*s));
        }
        for k in MeetingKind::ALL {
            assert_eq!(MeetingKind::try_from(k.key().to_owned()), Ok(*k));
        }
        assert!(Rsvp::try_from("yes".to_owned()).is_err());
        assert_eq!(Sector::ALL.iter().filter(|s| s.is_government()).count(), 1);
    }

    #[test]
    fn meeting_time_rules() {
        let now = Utc.with_ymd_and_hms(2026, 11, 30, 12, 0, 0).unwrap();
        let h = Duration::hours(1);
        assert_eq!(
            check_meeting_time(now, now - h, now + h),
            Err(MeetingTimeError::StartsInPast)
        );
        assert_eq!(
            check_meeting_time(now, now + h, now + h),
            Err(MeetingTimeError::EndsBeforeStart)
        );
        assert_eq!(
            check_meeting_time(now, now + h * 2, now + h),
            Err(MeetingTimeError::EndsBeforeStart)
        );
        assert_eq!(check_meeting_time(now, now + h, now + h * 2), Ok(()));
    }

    #[test]
    fn a_term_ends_after_it_starts() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        assert!(check_term(d(1, 1), None));
        assert!(check_term(d(1, 1), Some(d(1, 1))));
        assert!(!check_term(d(2, 1), Some(d(1, 31))));
    }

    #[test]
    fn chair_and_secretary_approve_minutes() {
        let approvers: Vec<_> = DEFAULT_POSITIONS
            .iter()
            .filter(|p| p.approves_minutes)
            .map(|p| p.key)
            .collect();
        assert_eq!(approvers, ["chair", "secretary"]);
    }
}
