//! The forum's health, computed from its own records: the indicators of OGP Local's checks 1, 2,
//! 6, 7 and 18 (`../shared/domain/ogp-local.md`, section 9.1), each with its verdict, the
//! threshold from the municipality's settings, and the records that prove it. The coordinator's
//! page, the public page, the API and (later) the standards dashboard all call [`Services::forum_health`].

use chrono::{DateTime, Duration, Utc};
use domain::{
    Action,
    forum::{HealthThresholds, MinutesStatus, Sector, Visibility},
};
use store::{
    ForumRow, TenantRow,
    forum::health::{MeetingFacts, MeetingSectorCount, SectorCount, TextsFacts},
};

use crate::{Actor, Services, common::error::Result};

/// Pass, warn (not yet judged or partly met) or fail, as section 9.1 of the domain reference asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Pass,
    Warn,
    Fail,
}

impl Verdict {
    pub fn key(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Warn => "warn",
            Verdict::Fail => "fail",
        }
    }

    /// The worse of two verdicts.
    fn and(self, other: Verdict) -> Verdict {
        use Verdict::*;
        match (self, other) {
            (Fail, _) | (_, Fail) => Fail,
            (Warn, _) | (_, Warn) => Warn,
            _ => Pass,
        }
    }
}

/// A meeting named in the evidence. A members-only meeting's title is withheld from those who
/// may not see it (`title` is then `None`): its dates still count.
#[derive(Debug, Clone, serde::Serialize)]
pub struct MeetingRef {
    pub id: i64,
    pub title_sq: Option<String>,
    pub title_en: Option<String>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

/// Check 1: the forum exists with government and non-government members and published rules.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Existence {
    pub verdict: Verdict,
    pub government: i64,
    pub non_government: i64,
    /// The version of the texts in force, when its participation rules are written.
    pub rules_version: Option<i64>,
}

/// Check 2: the largest gap between consecutive held meetings, and the time since the last one.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Regularity {
    pub verdict: Verdict,
    pub threshold_days: i64,
    pub held: usize,
    /// The largest gap in days and the two meetings around it.
    pub largest_gap: Option<(i64, MeetingRef, MeetingRef)>,
    /// Days since the last held meeting ended.
    pub since_last_days: Option<i64>,
}

/// Check 6, one meeting: notice and agenda and pre-reads before it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct NoticeRow {
    pub meeting: MeetingRef,
    /// Whole days between notice and the start (`None`: never given).
    pub notice_days: Option<i64>,
    pub agenda: bool,
    pub documents: i64,
    /// Every pre-read was shared before the meeting started.
    pub documents_before: bool,
    pub verdict: Verdict,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Notice {
    pub verdict: Verdict,
    pub threshold_days: i64,
    /// The proving meetings: those not met first, then the latest, at most [`EVIDENCE_LIMIT`],
    /// in date order. The verdict is over all of them.
    pub meetings: Vec<NoticeRow>,
    /// How many meetings were judged.
    pub total: usize,
}

/// Check 7, one held meeting: minutes with attendance published in time.
#[derive(Debug, Clone, serde::Serialize)]
pub struct MinutesRow {
    pub meeting: MeetingRef,
    /// Days from the meeting's end to the minutes' publication (`None`: not published).
    pub published_after_days: Option<i64>,
    pub attendance: bool,
    /// The time allowed has not run out yet.
    pub still_due: bool,
    pub verdict: Verdict,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Minutes {
    pub verdict: Verdict,
    pub threshold_days: i64,
    /// As [`Notice::meetings`].
    pub meetings: Vec<MinutesRow>,
    pub total: usize,
}

/// Who sits in the forum, by sector; the share of non-government members.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Composition {
    pub by_sector: Vec<SectorCount>,
    pub total: i64,
    /// Non-government members in percent of all, rounded; `None` without members.
    pub non_government_percent: Option<i64>,
}

/// Check 18: people present per meeting and sector, over time.
#[derive(Debug, Clone, serde::Serialize)]
pub struct AttendanceRow {
    pub meeting: MeetingRef,
    pub by_sector: Vec<(Sector, i64)>,
    pub total: i64,
}

/// Every indicator of the forum's health.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ForumHealth {
    pub forum: Option<ForumRow>,
    pub thresholds: HealthThresholds,
    pub computed_at: DateTime<Utc>,
    pub existence: Existence,
    pub regularity: Regularity,
    pub notice: Notice,
    pub minutes: Minutes,
    pub composition: Composition,
    /// The latest held meetings' attendance, at most [`EVIDENCE_LIMIT`], in date order.
    pub attendance: Vec<AttendanceRow>,
    /// How many held meetings have attendance to show.
    pub attendance_total: usize,
}

/// The most proving records an indicator lists: a forum that met a thousand times is judged on
/// every meeting, but its page lists those that fall short and the latest ones, not all of them.
pub const EVIDENCE_LIMIT: usize = 24;

/// The rows to show of `rows` (in date order): those not met, latest first, then the latest of
/// the rest, at most [`EVIDENCE_LIMIT`], back in date order.
fn evidence<T>(rows: Vec<T>, verdict: impl Fn(&T) -> Verdict) -> Vec<T> {
    let mut indexed: Vec<(usize, T)> = rows.into_iter().enumerate().collect();
    // Stable: within each group the later meeting comes first.
    indexed.sort_by_key(|(i, r)| (verdict(r) == Verdict::Pass, std::cmp::Reverse(*i)));
    indexed.truncate(EVIDENCE_LIMIT);
    indexed.sort_by_key(|(i, _)| *i);
    indexed.into_iter().map(|(_, r)| r).collect()
}

/// Whole days from `from` to `to`, rounded down (negative when `to` is earlier).
fn days(from: DateTime<Utc>, to: DateTime<Utc>) -> i64 {
    (to - from).num_days()
}

fn meeting_ref(m: &MeetingFacts, visible: bool) -> MeetingRef {
    let shown = visible || m.visibility == Visibility::Public;
    MeetingRef {
        id: m.id,
        title_sq: shown.then(|| m.title_sq.clone()),
        title_en: shown.then(|| m.title_en.clone()),
        starts_at: m.starts_at,
        ends_at: m.ends_at,
    }
}

/// The pure part: judges the gathered facts at `now` against `t`. `members_view` tells whether
/// the reader may see members-only meetings' titles.
#[allow(clippy::too_many_arguments)]
pub fn judge(
    now: DateTime<Utc>,
    t: HealthThresholds,
    forum: Option<ForumRow>,
    texts: Option<TextsFacts>,
    sectors: Vec<SectorCount>,
    meetings: &[MeetingFacts],
    present: &[MeetingSectorCount],
    members_view: bool,
) -> ForumHealth {
    let government: i64 = sectors
        .iter()
        .filter(|s| s.sector.is_government())
        .map(|s| s.count)
        .sum();
    let total: i64 = sectors.iter().map(|s| s.count).sum();
    let non_government = total - government;
    let rules_version = texts.as_ref().filter(|t| t.has_rules).map(|t| t.version);
    let existence = Existence {
        verdict: if forum.is_some() && government > 0 && non_government > 0 && rules_version.is_some() {
            Verdict::Pass
        } else {
            Verdict::Fail
        },
        government,
        non_government,
        rules_version,
    };

    // Held: published meetings that have ended.
    let held: Vec<&MeetingFacts> = meetings.iter().filter(|m| m.ends_at <= now).collect();
    let largest_gap = held
        .windows(2)
        .map(|w| (days(w[0].ends_at, w[1].starts_at), w[0], w[1]))
        .max_by_key(|(d, _, _)| *d)
        .map(|(d, a, b)| (d, meeting_ref(a, members_view), meeting_ref(b, members_view)));
    let since_last_days = held.last().map(|m| days(m.ends_at, now));
    let too_long = |d: i64| d > t.max_gap_days;
    let regularity = Regularity {
        verdict: if held.is_empty() {
            Verdict::Warn
        } else if largest_gap.as_ref().is_some_and(|(d, _, _)| too_long(*d)) || since_last_days.is_some_and(too_long) {
            Verdict::Fail
        } else {
            Verdict::Pass
        },
        threshold_days: t.max_gap_days,
        held: held.len(),
        largest_gap,
        since_last_days,
    };

    let notice_rows: Vec<NoticeRow> = meetings
        .iter()
        .map(|m| {
            let notice_days = m.notice_at.map(|n| days(n, m.starts_at));
            let documents_before = m.last_document_at.is_none_or(|d| d <= m.starts_at);
            let on_time = notice_days.is_some_and(|d| d >= t.notice_days);
            let verdict = if notice_days.is_none() || !documents_before {
                Verdict::Fail
            } else if !on_time || m.agenda_items == 0 || m.documents == 0 {
                // Shared before, but late or without an agenda or pre-reads: OGP Local requires
                // sharing before; the lead time and pre-reads are good practice.
                Verdict::Warn
            } else {
                Verdict::Pass
            };
            NoticeRow {
                meeting: meeting_ref(m, members_view),
                notice_days,
                agenda: m.agenda_items > 0,
                documents: m.documents,
                documents_before,
                verdict,
            }
        })
        .collect();
    let notice = Notice {
        verdict: fold(notice_rows.iter().map(|r| r.verdict)),
        threshold_days: t.notice_days,
        total: notice_rows.len(),
        meetings: evidence(notice_rows, |r| r.verdict),
    };

    let minutes_rows: Vec<MinutesRow> = held
        .iter()
        .map(|m| {
            let published = m
                .minutes_published_at
                .filter(|_| m.minutes_status() == Some(MinutesStatus::Published));
            let published_after_days = published.map(|p| days(m.ends_at, p));
            let attendance = m.attendance_rows > 0;
            let still_due = published.is_none() && now < m.ends_at + Duration::days(t.minutes_days);
            let verdict = match published_after_days {
                Some(d) if d <= t.minutes_days && attendance => Verdict::Pass,
                Some(_) => Verdict::Warn,
                None if still_due => Verdict::Warn,
                None => Verdict::Fail,
            };
            MinutesRow {
                meeting: meeting_ref(m, members_view),
                published_after_days,
                attendance,
                still_due,
                verdict,
            }
        })
        .collect();
    let minutes = Minutes {
        verdict: fold(minutes_rows.iter().map(|r| r.verdict)),
        threshold_days: t.minutes_days,
        total: minutes_rows.len(),
        meetings: evidence(minutes_rows, |r| r.verdict),
    };

    let composition = Composition {
        non_government_percent: (total > 0).then(|| (non_government * 100 + total / 2) / total),
        by_sector: sectors,
        total,
    };

    // Grouped once: a forum with a thousand meetings is not searched once per meeting.
    let mut present_by_meeting: std::collections::HashMap<i64, Vec<(Sector, i64)>> = std::collections::HashMap::new();
    for p in present {
        present_by_meeting
            .entry(p.meeting_id)
            .or_default()
            .push((p.sector, p.present));
    }
    let attendance_all: Vec<AttendanceRow> = held
        .iter()
        .filter_map(|m| {
            let by_sector = present_by_meeting.remove(&m.id)?;
            Some(AttendanceRow {
                meeting: meeting_ref(m, members_view),
                total: by_sector.iter().map(|(_, n)| n).sum(),
                by_sector,
            })
        })
        .collect();
    let attendance_total = attendance_all.len();
    let skip = attendance_total.saturating_sub(EVIDENCE_LIMIT);
    let attendance = attendance_all.into_iter().skip(skip).collect();

    ForumHealth {
        forum,
        thresholds: t,
        computed_at: now,
        existence,
        regularity,
        notice,
        minutes,
        composition,
        attendance,
        attendance_total,
    }
}

/// The worst verdict of a list; an empty list has nothing to judge yet (warn).
fn fold(verdicts: impl Iterator<Item = Verdict>) -> Verdict {
    verdicts.reduce(Verdict::and).unwrap_or(Verdict::Warn)
}

impl Services {
    /// The forum's health for anyone (it is public): the current cycle's forum, judged now with
    /// the municipality's thresholds.
    pub async fn forum_health(&self, tenant: &TenantRow, actor: &Actor) -> Result<ForumHealth> {
        actor.require(Action::ViewPublic)?;
        let members_view = actor.can(Action::TakePartInForum);
        let now = self.clock.now();
        let t = tenant.forum_thresholds();
        let Some(forum) = self.store.current_forum(tenant.id()).await? else {
            return Ok(judge(now, t, None, None, Vec::new(), &[], &[], members_view));
        };
        let id = domain::ForumId(forum.id);
        let texts = self.store.texts_facts(tenant.id(), id).await?;
        let sectors = self.store.member_sector_counts(tenant.id(), id).await?;
        let meetings = self.store.meeting_facts(tenant.id(), id).await?;
        let present = self.store.attendance_by_sector(tenant.id(), id).await?;
        Ok(judge(
            now,
            t,
            Some(forum),
            texts,
            sectors,
            &meetings,
            &present,
            members_view,
        ))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use chrono::TimeZone;
    use domain::forum::MeetingKind;

    use super::*;

    #[test]
    fn evidence_lists_what_falls_short_then_the_latest_in_date_order() {
        // Forty meetings in date order; the 3rd and the 10th fell short.
        let rows: Vec<(usize, Verdict)> = (0..40)
            .map(|i| {
                (
                    i,
                    if i == 3 || i == 10 {
                        Verdict::Fail
                    } else {
                        Verdict::Pass
                    },
                )
            })
            .collect();
        let shown: Vec<usize> = evidence(rows, |r| r.1).into_iter().map(|r| r.0).collect();
        assert_eq!(shown.len(), EVIDENCE_LIMIT);
        assert_eq!(&shown[..2], &[3, 10], "the failures are kept, however old");
        assert_eq!(shown[2], 40 - (EVIDENCE_LIMIT - 2), "then the latest");
        assert_eq!(shown.last(), Some(&39));
        assert!(shown.windows(2).all(|w| w[0] < w[1]), "in date order");
        let few: Vec<(usize, Verdict)> = (0..3).map(|i| (i, Verdict::Pass)).collect();
        assert_eq!(evidence(few, |r| r.1).len(), 3);
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 30, 12, 0, 0).unwrap()
    }

    fn meeting(id: i64, days_ago: i64) -> MeetingFacts {
        let starts_at = now() - Duration::days(days_ago);
        MeetingFacts {
            id,
            kind: MeetingKind::FollowUp,
            title_sq: format!("Takimi {id}"),
            title_en: String::new(),
            visibility: Visibility::Public,
            starts_at,
            ends_at: starts_at + Duration::hours(2),
            notice_at: Some(starts_at - Duration::days(10)),
            agenda_items: 3,
            documents: 1,
            last_document_at: Some(starts_at - Duration::days(9)),
            minutes_status: Some("published".into()),
            minutes_published_at: Some(starts_at + Duration::days(5)),
            attendance_rows: 4,
        }
    }

    fn sectors(gov: i64, cso: i64) -> Vec<SectorCount> {
        vec![
            SectorCount {
                sector: Sector::Cso,
                count: cso,
            },
            SectorCount {
                sector: Sector::Government,
                count: gov,
            },
        ]
    }

    fn texts(rules: bool) -> Option<TextsFacts> {
        Some(TextsFacts {
            version: 2,
            created_at: now(),
            has_rules: rules,
            has_terms: true,
        })
    }

    #[test]
    fn existence_needs_both_sectors_and_rules() {
        let t = HealthThresholds::default();
        let h = judge(now(), t, None, None, vec![], &[], &[], false);
        assert_eq!(h.existence.verdict, Verdict::Fail);
        assert_eq!(h.regularity.verdict, Verdict::Warn, "nothing held yet");
        let forum = || {
            Some(ForumRow {
                id: 1,
                cycle_id: 1,
                name_sq: "F".into(),
                name_en: String::new(),
                mandate_sq: String::new(),
                mandate_en: String::new(),
                legal_basis_sq: String::new(),
                legal_basis_en: String::new(),
                legal_number: String::new(),
                legal_date: None,
                legal_file_id: None,
                call_id: None,
                created_at: now(),
                updated_at: now(),
            })
        };
        assert_eq!(
            judge(now(), t, forum(), texts(true), sectors(0, 3), &[], &[], false)
                .existence
                .verdict,
            Verdict::Fail
        );
        assert_eq!(
            judge(now(), t, forum(), texts(false), sectors(1, 3), &[], &[], false)
                .existence
                .verdict,
            Verdict::Fail
        );
        let h = judge(now(), t, forum(), texts(true), sectors(1, 3), &[], &[], false);
        assert_eq!(h.existence.verdict, Verdict::Pass);
        assert_eq!(h.composition.non_government_percent, Some(75));
    }

    #[test]
    fn the_largest_gap_and_the_time_since_the_last_meeting_count() {
        let t = HealthThresholds::default();
        let ok = judge(
            now(),
            t,
            None,
            None,
            vec![],
            &[meeting(1, 300), meeting(2, 150), meeting(3, 20)],
            &[],
            false,
        );
        assert_eq!(ok.regularity.verdict, Verdict::Pass);
        let (gap, a, b) = ok.regularity.largest_gap.clone().unwrap();
        assert_eq!((gap, a.id, b.id), (149, 1, 2));
        let gap = judge(
            now(),
            t,
            None,
            None,
            vec![],
            &[meeting(1, 300), meeting(2, 20)],
            &[],
            false,
        );
        assert_eq!(gap.regularity.verdict, Verdict::Fail, "279 days between two meetings");
        let stale = judge(now(), t, None, None, vec![], &[meeting(1, 200)], &[], false);
        assert_eq!(stale.regularity.since_last_days, Some(199));
        assert_eq!(stale.regularity.verdict, Verdict::Fail, "nothing for 199 days");
        let strict = HealthThresholds { max_gap_days: 92, ..t };
        let q = judge(
            now(),
            strict,
            None,
            None,
            vec![],
            &[meeting(1, 300), meeting(2, 150), meeting(3, 20)],
            &[],
            false,
        );
        assert_eq!(q.regularity.verdict, Verdict::Fail, "quarterly is stricter");
    }

    #[test]
    fn notice_and_pre_reads_before_each_meeting() {
        let t = HealthThresholds::default();
        let mut late = meeting(2, 30);
        late.notice_at = Some(late.starts_at - Duration::days(3));
        let mut after = meeting(3, 10);
        after.last_document_at = Some(after.starts_at + Duration::hours(1));
        let mut none = meeting(4, 5);
        none.notice_at = None;
        let h = judge(
            now(),
            t,
            None,
            None,
            vec![],
            &[meeting(1, 60), late, after, none],
            &[],
            false,
        );
        let v: Vec<_> = h.notice.meetings.iter().map(|r| r.verdict).collect();
        assert_eq!(v, [Verdict::Pass, Verdict::Warn, Verdict::Fail, Verdict::Fail]);
        assert_eq!(h.notice.verdict, Verdict::Fail);
        assert_eq!(h.notice.meetings[1].notice_days, Some(3));
    }

    #[test]
    fn minutes_with_attendance_within_the_days_allowed() {
        let t = HealthThresholds::default();
        let mut slow = meeting(2, 60);
        slow.minutes_published_at = Some(slow.ends_at + Duration::days(30));
        let mut draft = meeting(3, 40);
        draft.minutes_status = Some("approved".into());
        let mut recent = meeting(4, 3);
        recent.minutes_status = None;
        recent.minutes_published_at = None;
        let mut no_attendance = meeting(5, 2);
        no_attendance.attendance_rows = 0;
        let upcoming = meeting(6, -5);
        let h = judge(
            now(),
            t,
            None,
            None,
            vec![],
            &[meeting(1, 90), slow, draft, recent, no_attendance, upcoming],
            &[],
            false,
        );
        let v: Vec<_> = h.minutes.meetings.iter().map(|r| r.verdict).collect();
        assert_eq!(
            v,
            [
                Verdict::Pass,
                Verdict::Warn,
                Verdict::Fail,
                Verdict::Warn,
                Verdict::Warn
            ],
            "an upcoming meeting is not judged"
        );
        assert!(h.minutes.meetings[3].still_due);
        assert_eq!(h.minutes.verdict, Verdict::Fail);
    }

    #[test]
    fn members_only_titles_are_withheld_from_the_public() {
        let t = HealthThresholds::default();
        let mut closed = meeting(1, 30);
        closed.visibility = Visibility::MembersOnly;
        let present = [MeetingSectorCount {
            meeting_id: 1,
            sector: Sector::Cso,
            present: 3,
        }];
        let public = judge(
            now(),
            t,
            None,
            None,
            vec![],
            std::slice::from_ref(&closed),
            &present,
            false,
        );
        assert!(public.notice.meetings[0].meeting.title_sq.is_none());
        assert_eq!(public.attendance[0].total, 3);
        let members = judge(now(), t, None, None, vec![], &[closed], &present, true);
        assert_eq!(members.notice.meetings[0].meeting.title_sq.as_deref(), Some("Takimi 1"));
    }
}
