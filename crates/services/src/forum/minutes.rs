//! During and after a meeting (issue 8, part 5): attendance of members and guests, minutes that
//! go draft → approved (by the chair or the secretary) → published, their numbered decisions
//! with votes, and action items whose owners are e-mailed at publication and mark them done.
//! Also the public log of decisions (searchable without accents) and the members' board of open
//! action items.
//!
//! Who may do what: staff (`ManageForum`) record attendance, write the minutes, decisions and
//! action items and publish; only an accepted member whose position approves minutes approves
//! them; members and staff read drafts; the public reads published minutes of public meetings.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};
use domain::{
    Action, FieldError, ForumId, Lang, MeetingId, UserId,
    common::values::{Text, validate_all},
    forum::{ActionStatus, Gender, MeetingStatus, MinutesStatus, Presence, Sector, Visibility},
};
use store::{
    ActionInput, ActionRow, AttendanceRow, DecisionInput, DecisionRow, GuestInput, LoggedDecision, MeetingRow,
    MemberRow, MinutesRow, NewMail, TenantRow, Votes,
    forum::minutes::{fold_search, like_pattern},
};

use crate::{Actor, ServiceError, Services, common::error::Result, common::mails::notice_mail};

/// Longest minutes text, per language.
pub const MINUTES_MAX: usize = 50_000;
/// Longest decision text, per language.
pub const DECISION_MAX: usize = 4_000;
/// Longest action item.
pub const ACTION_MAX: usize = 1_000;
/// Longest guest name or organisation.
pub const GUEST_MAX: usize = 200;
/// More votes than any forum has members: a typing mistake.
pub const VOTES_MAX: i64 = 10_000;

/// People at a meeting, counted: present by sector and, where recorded, by gender, youth and
/// rural residence (check 18). Only counts: never who is what.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct AttendanceCounts {
    pub present: i64,
    pub excused: i64,
    pub absent: i64,
    pub by_sector: Vec<(Sector, i64)>,
    /// Present people by gender, among those who recorded one; empty when nobody did.
    pub by_gender: Vec<(Gender, i64)>,
    /// Present young people, when at least one present person recorded it.
    pub youth: Option<i64>,
    /// Present people living in rural areas, when at least one present person recorded it.
    pub rural: Option<i64>,
}

/// Counts the attendance of one meeting.
pub fn count_attendance(rows: &[AttendanceRow]) -> AttendanceCounts {
    let mut counts = AttendanceCounts::default();
    let mut sectors: BTreeMap<Sector, i64> = BTreeMap::new();
    let mut genders: BTreeMap<Gender, i64> = BTreeMap::new();
    for row in rows {
        match row.presence {
            Presence::Excused => counts.excused += 1,
            Presence::Absent => counts.absent += 1,
            Presence::Present => {
                counts.present += 1;
                *sectors.entry(row.sector).or_default() += 1;
                if let Some(g) = row.gender.as_deref().and_then(Gender::parse) {
                    *genders.entry(g).or_default() += 1;
                }
                if let Some(y) = row.youth {
                    *counts.youth.get_or_insert(0) += i64::from(y);
                }
                if let Some(r) = row.rural {
                    *counts.rural.get_or_insert(0) += i64::from(r);
                }
            }
        }
    }
    counts.by_sector = sectors.into_iter().collect();
    counts.by_gender = genders.into_iter().collect();
    counts
}

/// Reads the optional vote. All three boxes empty: no vote was taken. Otherwise each number is a
/// whole number from 0 (an empty box counts as 0); a negative number or anything else is refused
/// next to its box.
pub fn parse_votes(for_: &str, against: &str, abstain: &str) -> Result<Option<Votes>, Vec<FieldError>> {
    let raw = [
        ("votes_for", for_.trim()),
        ("votes_against", against.trim()),
        ("votes_abstain", abstain.trim()),
    ];
    if raw.iter().all(|(_, v)| v.is_empty()) {
        return Ok(None);
    }
    let mut errors = Vec::new();
    let mut values = [0_i64; 3];
    for (i, (field, v)) in raw.iter().enumerate() {
        if v.is_empty() {
            continue;
        }
        match v.parse::<i64>() {
            Ok(n) if n < 0 => errors.push(FieldError::new(field, "votes_negative")),
            Ok(n) if n > VOTES_MAX => errors.push(FieldError::new(field, "votes_invalid")),
            Ok(n) => values[i] = n,
            Err(_) => errors.push(FieldError::new(field, "votes_invalid")),
        }
    }
    if errors.is_empty() {
        Ok(Some(Votes {
            for_: values[0],
            against: values[1],
            abstain: values[2],
        }))
    } else {
        Err(errors)
    }
}

/// Reads a due date as the municipality writes it, `dd.mm.yyyy` (a one-digit day or month too);
/// anything else (an ISO date, the US order, a two-digit year) is refused rather than guessed.
pub fn parse_due_on(raw: &str) -> Result<NaiveDate, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(FieldError::new("due_on", "required"));
    }
    NaiveDate::parse_from_str(raw, "%d.%m.%Y")
        .ok()
        .filter(|d| (2000..=2099).contains(&d.year()))
        .ok_or(FieldError::new("due_on", "due_on_format"))
}

/// The number the next decision of a meeting gets: one more than the highest so far.
pub fn next_decision_number(existing: &[i64]) -> i64 {
    existing.iter().copied().max().unwrap_or(0) + 1
}

/// A meeting's minutes as a reader sees them.
#[derive(Debug, Clone, serde::Serialize)]
pub struct MeetingMinutes {
    pub meeting: MeetingRow,
    /// `None` while nothing is written (or, for the public, not published).
    pub minutes: Option<MinutesRow>,
    pub attendance: Vec<AttendanceRow>,
    pub counts: AttendanceCounts,
    pub decisions: Vec<DecisionRow>,
    pub actions: Vec<ActionRow>,
    /// The reader approves minutes (chair or secretary) and these are a draft waiting for it.
    pub can_approve: bool,
    /// What the reader is shown of the draft (text, decisions, action items), as the approve
    /// form sends it back: approving is refused when the draft changed since.
    pub fingerprint: String,
    pub is_staff: bool,
}

/// What the staff pages of a meeting's attendance and minutes show.
#[derive(Debug, Clone, serde::Serialize)]
pub struct StaffMinutes {
    pub meeting: MeetingRow,
    pub minutes: Option<MinutesRow>,
    pub attendance: Vec<AttendanceRow>,
    pub counts: AttendanceCounts,
    pub decisions: Vec<DecisionRow>,
    pub actions: Vec<ActionRow>,
    /// Accepted members: the rows of the attendance form and the owners to choose from.
    pub members: Vec<MemberRow>,
}

/// One page of a list, and whether another follows.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Paged<T> {
    pub rows: Vec<T>,
    pub page: i64,
    pub has_next: bool,
}

fn paged<T>(mut rows: Vec<T>, page: i64, per_page: i64) -> Paged<T> {
    let has_next = rows.len() as i64 > per_page;
    rows.truncate(per_page as usize);
    Paged { rows, page, has_next }
}

fn offset(page: i64, per_page: i64) -> i64 {
    (page.max(1) - 1).saturating_mul(per_page)
}

impl Services {
    /// A meeting the actor may see: staff see every meeting; members every published or
    /// cancelled one; the public only public ones. Members-only meetings are hidden (404) from
    /// signed-in non-members, and the anonymous public is asked to log in.
    async fn minutes_visible_meeting(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        meeting: MeetingId,
    ) -> Result<MeetingRow> {
        actor.require(Action::ViewPublic)?;
        let row = self
            .store
            .meeting(tenant.id(), meeting)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if actor.can(Action::ManageForum) {
            return Ok(row);
        }
        if row.status == MeetingStatus::Draft {
            return Err(ServiceError::NotFound);
        }
        if row.visibility == Visibility::MembersOnly && !actor.can(Action::TakePartInForum) {
            return Err(if actor.user.is_none() {
                ServiceError::LoginRequired
            } else {
                ServiceError::NotFound
            });
        }
        Ok(row)
    }

    /// Whether `user` holds a seat in `forum` whose position approves minutes (the
    /// municipality's own list of positions, or the defaults: chair and secretary).
    async fn seat_approves_minutes(&self, tenant: &TenantRow, forum: ForumId, user: UserId) -> Result<bool> {
        let Some(seat) = self.store.membership(tenant.id(), forum, user).await? else {
            return Ok(false);
        };
        if seat.status != domain::forum::MemberStatus::Accepted {
            return Ok(false);
        }
        let positions = self.store.forum_positions(tenant.id()).await?;
        Ok(positions
            .iter()
            .any(|p| p.pos_key == seat.pos_key && p.approves_minutes))
    }

    /// The minutes page of a meeting: published minutes for everyone who may see the meeting;
    /// drafts for members and staff only (others are told it does not exist).
    pub async fn meeting_minutes(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        meeting: MeetingId,
    ) -> Result<MeetingMinutes> {
        let row = self.minutes_visible_meeting(tenant, actor, meeting).await?;
        let members_view = actor.can(Action::TakePartInForum);
        let minutes = self.store.minutes(tenant.id(), meeting).await?;
        let published = minutes.as_ref().is_some_and(|m| m.status == MinutesStatus::Published);
        // Until publication the minutes do not exist for the public (the meeting itself has
        // already been checked: a members-only one asks the anonymous visitor to log in).
        if !published && !members_view {
            return Err(ServiceError::NotFound);
        }
        let can_approve = match (actor.user, &minutes) {
            (Some(user), Some(m)) if m.status == MinutesStatus::Draft => {
                self.seat_approves_minutes(tenant, ForumId(row.forum_id), user).await?
            }
            _ => false,
        };
        let attendance = self.store.attendance(tenant.id(), meeting).await?;
        let decisions = self.store.decisions(tenant.id(), meeting).await?;
        let actions = self.store.meeting_actions(tenant.id(), meeting).await?;
        Ok(MeetingMinutes {
            counts: count_attendance(&attendance),
            fingerprint: minutes
                .as_ref()
                .map(|m| minutes_fingerprint(m, &attendance, &decisions, &actions))
                .unwrap_or_default(),
            attendance,
            decisions,
            actions,
            meeting: row,
            minutes,
            can_approve,
            is_staff: actor.can(Action::ManageForum),
        })
    }

    /// Approves the draft minutes: only an accepted member whose position approves minutes
    /// (chair, secretary), nobody else, the coordinator included unless seated so. `seen` is the
    /// digest the approve form carried ([`minutes_fingerprint`]): a draft changed since the
    /// approver opened it is refused, to be read again. Approving approved minutes again changes
    /// nothing.
    pub async fn approve_minutes(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        meeting: MeetingId,
        seen: &str,
    ) -> Result<()> {
        let user = actor.require_user(Action::TakePartInForum)?;
        let row = self.minutes_visible_meeting(tenant, actor, meeting).await?;
        if !self.seat_approves_minutes(tenant, ForumId(row.forum_id), user).await? {
            return Err(ServiceError::Forbidden);
        }
        match self.store.minutes(tenant.id(), meeting).await? {
            None => Err(ServiceError::field("minutes_approval", "minutes_missing")),
            Some(m) if m.status == MinutesStatus::Published => {
                Err(ServiceError::field("minutes_approval", "minutes_published"))
            }
            Some(m) if m.status == MinutesStatus::Approved => Ok(()),
            Some(m) => {
                let current = minutes_fingerprint(
                    &m,
                    &self.store.attendance(tenant.id(), meeting).await?,
                    &self.store.decisions(tenant.id(), meeting).await?,
                    &self.store.meeting_actions(tenant.id(), meeting).await?,
                );
                if current != seen {
                    return Err(ServiceError::field("minutes_approval", "minutes_changed"));
                }
                let ctx = self.ctx(tenant.id(), Some(user), actor.request_id.as_deref());
                self.store.approve_minutes(tenant.id(), meeting, &ctx).await?;
                Ok(())
            }
        }
    }

    /// Staff's view of a meeting's attendance, minutes, decisions and action items.
    pub async fn staff_minutes(&self, tenant: &TenantRow, actor: &Actor, meeting: MeetingId) -> Result<StaffMinutes> {
        actor.require(Action::ManageForum)?;
        let row = self
            .store
            .meeting(tenant.id(), meeting)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let attendance = self.store.attendance(tenant.id(), meeting).await?;
        Ok(StaffMinutes {
            counts: count_attendance(&attendance),
            attendance,
            minutes: self.store.minutes(tenant.id(), meeting).await?,
            decisions: self.store.decisions(tenant.id(), meeting).await?,
            actions: self.store.meeting_actions(tenant.id(), meeting).await?,
            members: self.store.accepted_members(tenant.id(), ForumId(row.forum_id)).await?,
            meeting: row,
        })
    }

    /// Staff check and the meeting, for the writes below.
    async fn minutes_staff_meeting(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        meeting: MeetingId,
    ) -> Result<(MeetingRow, store::AuditCtx)> {
        let user = actor.require(Action::ManageForum)?;
        let row = self
            .store
            .meeting(tenant.id(), meeting)
            .await?
            .ok_or(ServiceError::NotFound)?;
        Ok((row, self.ctx(tenant.id(), user, actor.request_id.as_deref())))
    }

    /// Saves the presence of members, all at once, from the form's `presence-<user id>` radios.
    /// A member left without a choice is not recorded.
    pub async fn save_attendance(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        meeting: MeetingId,
        form: &[(String, String)],
    ) -> Result<()> {
        let (_, ctx) = self.minutes_staff_meeting(tenant, actor, meeting).await?;
        // Attendance is part of the published record: it changes only with the minutes.
        self.minutes_not_published(tenant, meeting, "attendance_presence")
            .await?;
        let mut entries: BTreeMap<i64, Presence> = BTreeMap::new();
        for (key, value) in form {
            let Some(user) = key.strip_prefix("presence-").and_then(|u| u.parse::<i64>().ok()) else {
                continue;
            };
            if value.is_empty() {
                continue;
            }
            let presence =
                Presence::parse(value).ok_or(ServiceError::field("attendance_presence", "choice_invalid"))?;
            entries.insert(user, presence);
        }
        let entries: Vec<(UserId, Presence)> = entries.into_iter().map(|(u, p)| (UserId(u), p)).collect();
        self.store.save_attendance(tenant.id(), meeting, &entries, &ctx).await?;
        Ok(())
    }

    /// Adds a guest (present) with their sector and, if they chose to say, gender, youth and
    /// rural residence.
    pub async fn add_guest(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        meeting: MeetingId,
        values: &HashMap<String, String>,
    ) -> Result<()> {
        let (_, ctx) = self.minutes_staff_meeting(tenant, actor, meeting).await?;
        self.minutes_not_published(tenant, meeting, "guest_name").await?;
        let get = |k: &str| values.get(k).map(String::as_str).unwrap_or("");
        let name = Text::parse("guest_name", get("guest_name"), true, GUEST_MAX);
        let org = Text::parse("guest_org", get("guest_org"), false, GUEST_MAX);
        let sector = Sector::parse(get("guest_sector")).ok_or(FieldError::new("guest_sector", "choice_invalid"));
        let gender = match get("guest_gender") {
            "" => Ok(None),
            g => Gender::parse(g)
                .map(Some)
                .ok_or(FieldError::new("guest_gender", "choice_invalid")),
        };
        let flag = |k: &'static str| match get(k) {
            "" => Ok(None),
            "yes" => Ok(Some(true)),
            "no" => Ok(Some(false)),
            _ => Err(FieldError::new(k, "choice_invalid")),
        };
        let (youth, rural) = (flag("guest_youth"), flag("guest_rural"));
        validate_all(&[
            name.as_ref().err().cloned(),
            org.as_ref().err().cloned(),
            sector.as_ref().err().cloned(),
            gender.as_ref().err().cloned(),
            youth.as_ref().err().cloned(),
            rural.as_ref().err().cloned(),
        ])
        .map_err(ServiceError::Invalid)?;
        let guest = GuestInput {
            name: name.map_err(|e| ServiceError::Invalid(vec![e]))?.into_string(),
            organisation: org.map_err(|e| ServiceError::Invalid(vec![e]))?.into_string(),
            sector: sector.map_err(|e| ServiceError::Invalid(vec![e]))?,
            gender: gender.map_err(|e| ServiceError::Invalid(vec![e]))?,
            youth: youth.map_err(|e| ServiceError::Invalid(vec![e]))?,
            rural: rural.map_err(|e| ServiceError::Invalid(vec![e]))?,
        };
        self.store
            .add_guest(tenant.id(), meeting, &guest, &ctx)
            .await?
            .ok_or(ServiceError::NotFound)?;
        Ok(())
    }

    /// Removes a guest from the attendance, once confirmed (removing one already gone changes
    /// nothing).
    pub async fn delete_guest(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        meeting: MeetingId,
        guest: i64,
        confirmed: bool,
    ) -> Result<()> {
        let (_, ctx) = self.minutes_staff_meeting(tenant, actor, meeting).await?;
        self.minutes_not_published(tenant, meeting, "guest_name").await?;
        if !confirmed {
            return Err(ServiceError::field("guest_name", "delete_confirm_required"));
        }
        self.store.delete_guest(tenant.id(), meeting, guest, &ctx).await?;
        Ok(())
    }

    /// Refuses changes to published minutes, with a message next to `field`.
    async fn minutes_not_published(&self, tenant: &TenantRow, meeting: MeetingId, field: &'static str) -> Result<()> {
        let minutes = self.store.minutes(tenant.id(), meeting).await?;
        if minutes.is_some_and(|m| m.status == MinutesStatus::Published) {
            return Err(ServiceError::field(field, "minutes_published"));
        }
        Ok(())
    }

    /// Saves the minutes' texts as a draft (approved minutes need approving again).
    pub async fn save_minutes(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        meeting: MeetingId,
        body_sq: &str,
        body_en: &str,
    ) -> Result<()> {
        let (_, ctx) = self.minutes_staff_meeting(tenant, actor, meeting).await?;
        let sq = Text::parse("minutes_sq", body_sq, true, MINUTES_MAX);
        let en = Text::parse("minutes_en", body_en, false, MINUTES_MAX);
        validate_all(&[sq.as_ref().err().cloned(), en.as_ref().err().cloned()]).map_err(ServiceError::Invalid)?;
        self.minutes_not_published(tenant, meeting, "minutes_sq").await?;
        let (sq, en) = (
            sq.map_err(|e| ServiceError::Invalid(vec![e]))?,
            en.map_err(|e| ServiceError::Invalid(vec![e]))?,
        );
        if !self
            .store
            .save_minutes(tenant.id(), meeting, sq.as_str(), en.as_str(), &ctx)
            .await?
        {
            return Err(ServiceError::field("minutes_sq", "minutes_published"));
        }
        Ok(())
    }

    /// Adds a numbered decision, with its vote when one was taken.
    pub async fn add_decision(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        meeting: MeetingId,
        values: &HashMap<String, String>,
    ) -> Result<()> {
        let (_, ctx) = self.minutes_staff_meeting(tenant, actor, meeting).await?;
        let get = |k: &str| values.get(k).map(String::as_str).unwrap_or("");
        let sq = Text::parse("decision_sq", get("decision_sq"), true, DECISION_MAX);
        let en = Text::parse("decision_en", get("decision_en"), false, DECISION_MAX);
        let votes = parse_votes(get("votes_for"), get("votes_against"), get("votes_abstain"));
        let mut errors: Vec<FieldError> = [sq.as_ref().err(), en.as_ref().err()]
            .into_iter()
            .flatten()
            .cloned()
            .collect();
        if let Err(e) = &votes {
            errors.extend(e.iter().cloned());
        }
        if !errors.is_empty() {
            return Err(ServiceError::Invalid(errors));
        }
        self.minutes_not_published(tenant, meeting, "decision_sq").await?;
        let input = DecisionInput {
            text_sq: sq.map_err(|e| ServiceError::Invalid(vec![e]))?.into_string(),
            text_en: en.map_err(|e| ServiceError::Invalid(vec![e]))?.into_string(),
            votes: votes.map_err(ServiceError::Invalid)?,
        };
        self.store
            .add_decision(tenant.id(), meeting, &input, &ctx)
            .await?
            .ok_or(ServiceError::field("decision_sq", "minutes_published"))?;
        Ok(())
    }

    /// Deletes a decision while the minutes are not published; the next ones are renumbered.
    pub async fn delete_decision(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        meeting: MeetingId,
        decision: i64,
        confirmed: bool,
    ) -> Result<()> {
        let (_, ctx) = self.minutes_staff_meeting(tenant, actor, meeting).await?;
        self.minutes_not_published(tenant, meeting, "decision_sq").await?;
        if !confirmed {
            return Err(ServiceError::field("decision_sq", "delete_confirm_required"));
        }
        self.store.delete_decision(tenant.id(), meeting, decision, &ctx).await?;
        Ok(())
    }

    /// Adds an action item owned by an accepted member, due on a date typed `dd.mm.yyyy`.
    pub async fn add_action_item(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        meeting: MeetingId,
        values: &HashMap<String, String>,
    ) -> Result<()> {
        let (row, ctx) = self.minutes_staff_meeting(tenant, actor, meeting).await?;
        let get = |k: &str| values.get(k).map(String::as_str).unwrap_or("");
        let what = Text::parse("action_what", get("action_what"), true, ACTION_MAX);
        let due = parse_due_on(get("due_on"));
        let owner = match get("action_owner").trim().parse::<i64>() {
            Ok(id) => match self
                .store
                .membership(tenant.id(), ForumId(row.forum_id), UserId(id))
                .await?
            {
                Some(m) if m.status == domain::forum::MemberStatus::Accepted => Ok(id),
                _ => Err(FieldError::new("action_owner", "owner_not_member")),
            },
            Err(_) if get("action_owner").trim().is_empty() => Err(FieldError::new("action_owner", "required")),
            Err(_) => Err(FieldError::new("action_owner", "owner_not_member")),
        };
        validate_all(&[
            what.as_ref().err().cloned(),
            owner.as_ref().err().cloned(),
            due.as_ref().err().cloned(),
        ])
        .map_err(ServiceError::Invalid)?;
        self.minutes_not_published(tenant, meeting, "action_what").await?;
        let input = ActionInput {
            what: what.map_err(|e| ServiceError::Invalid(vec![e]))?.into_string(),
            owner_id: owner.map_err(|e| ServiceError::Invalid(vec![e]))?,
            due_on: due.map_err(|e| ServiceError::Invalid(vec![e]))?,
        };
        self.store
            .add_action(tenant.id(), meeting, &input, &ctx)
            .await?
            .ok_or(ServiceError::field("action_owner", "owner_not_member"))?;
        Ok(())
    }

    /// Deletes an action item while the minutes are not published.
    pub async fn delete_action_item(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        meeting: MeetingId,
        action: i64,
        confirmed: bool,
    ) -> Result<()> {
        let (_, ctx) = self.minutes_staff_meeting(tenant, actor, meeting).await?;
        self.minutes_not_published(tenant, meeting, "action_what").await?;
        if !confirmed {
            return Err(ServiceError::field("action_what", "delete_confirm_required"));
        }
        self.store.delete_action(tenant.id(), meeting, action, &ctx).await?;
        Ok(())
    }

    /// Who publishing would tell: the owners of the meeting's action items (names, once each).
    /// Refused, with a message, unless the minutes are approved.
    pub async fn minutes_publish_preview(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        meeting: MeetingId,
    ) -> Result<(MeetingRow, Vec<String>)> {
        let (row, _) = self.minutes_staff_meeting(tenant, actor, meeting).await?;
        self.minutes_must_be_approved(tenant, meeting).await?;
        let mut names: Vec<String> = self
            .store
            .meeting_actions(tenant.id(), meeting)
            .await?
            .into_iter()
            .filter_map(|a| a.owner_name)
            .collect();
        names.sort();
        names.dedup();
        Ok((row, names))
    }

    async fn minutes_must_be_approved(&self, tenant: &TenantRow, meeting: MeetingId) -> Result<()> {
        match self.store.minutes(tenant.id(), meeting).await?.map(|m| m.status) {
            Some(MinutesStatus::Approved) => Ok(()),
            Some(MinutesStatus::Published) => Err(ServiceError::field("publish_minutes", "minutes_published")),
            _ => Err(ServiceError::field("publish_minutes", "minutes_not_approved")),
        }
    }

    /// Publishes approved minutes (only with `confirmed`): the publication time is recorded and
    /// each owner of an action item is e-mailed, in their language, with a link to the board, in
    /// the same transaction.
    pub async fn publish_minutes(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        meeting: MeetingId,
        confirmed: bool,
    ) -> Result<()> {
        let (row, ctx) = self.minutes_staff_meeting(tenant, actor, meeting).await?;
        if !confirmed {
            return Err(ServiceError::field("publish_minutes", "minutes_confirm_required"));
        }
        self.minutes_must_be_approved(tenant, meeting).await?;
        let actions = self.store.meeting_actions(tenant.id(), meeting).await?;
        let members = self.store.accepted_members(tenant.id(), ForumId(row.forum_id)).await?;
        let mails = self.action_item_mails(tenant, &row, &actions, &members);
        if !self.store.publish_minutes(tenant.id(), meeting, &mails, &ctx).await? {
            return Err(ServiceError::field("publish_minutes", "minutes_not_approved"));
        }
        Ok(())
    }

    /// One e-mail per owner listing their open items of the meeting.
    fn action_item_mails(
        &self,
        tenant: &TenantRow,
        meeting: &MeetingRow,
        actions: &[ActionRow],
        members: &[MemberRow],
    ) -> Vec<NewMail> {
        let tz: chrono_tz::Tz = tenant.time_zone.parse().unwrap_or(chrono_tz::Europe::Tirane);
        let mut by_owner: BTreeMap<i64, Vec<&ActionRow>> = BTreeMap::new();
        for a in actions.iter().filter(|a| a.status == ActionStatus::Open) {
            if let Some(owner) = a.owner_id {
                by_owner.entry(owner).or_default().push(a);
            }
        }
        let link = format!("{}/forum/actions", self.site_url(tenant));
        by_owner
            .into_iter()
            .filter_map(|(owner, items)| {
                let member = members.iter().find(|m| m.user_id == owner)?;
                let email = member.email.as_deref()?;
                let lang = Lang::parse(&member.lang).unwrap_or(Lang::Sq);
                let title = match lang {
                    Lang::En if !meeting.title_en.trim().is_empty() => &meeting.title_en,
                    _ => &meeting.title_sq,
                };
                let list = items
                    .iter()
                    .map(|a| match a.due_on {
                        Some(d) => format!("- {} ({})", a.what, d.format("%d.%m.%Y")),
                        None => format!("- {}", a.what),
                    })
                    .collect::<Vec<_>>()
                    .join("\n");
                let args = [
                    ("tenant", tenant.name(lang).to_owned()),
                    ("meeting", title.clone()),
                    (
                        "date",
                        meeting.starts_at.with_timezone(&tz).format("%d.%m.%Y").to_string(),
                    ),
                    ("items", list),
                ];
                Some(
                    notice_mail(
                        lang,
                        email,
                        Some(&member.name),
                        "mail-action-items-subject",
                        "mail-action-items-body",
                        &args,
                        &link,
                    )
                    .about(format!("meeting:{}", meeting.id)),
                )
            })
            .collect()
    }

    /// The log of decisions of published minutes across meetings, newest meeting first,
    /// searched without regard to case or accents ("keshilli" finds "Këshilli").
    pub async fn decisions_log(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        q: &str,
        page: i64,
        per_page: i64,
    ) -> Result<Paged<LoggedDecision>> {
        actor.require(Action::ViewPublic)?;
        let folded = fold_search(q.trim());
        let pattern = (!folded.is_empty()).then(|| like_pattern(&folded));
        let rows = self
            .store
            .decisions_log(
                tenant.id(),
                actor.can(Action::TakePartInForum),
                pattern.as_deref(),
                per_page + 1,
                offset(page, per_page),
            )
            .await?;
        Ok(paged(rows, page, per_page))
    }

    /// The board of open action items of published minutes, the reader's own first: members and
    /// staff only.
    pub async fn action_board(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        page: i64,
        per_page: i64,
    ) -> Result<Paged<ActionRow>> {
        let user = actor.require_user(Action::TakePartInForum)?;
        let rows = self
            .store
            .published_actions(
                tenant.id(),
                Some(ActionStatus::Open),
                Some(user),
                true,
                per_page + 1,
                offset(page, per_page),
            )
            .await?;
        Ok(paged(rows, page, per_page))
    }

    /// Action items of published minutes, any status, for the API: public meetings' only, unless
    /// the reader is a member or staff.
    pub async fn published_actions(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        page: i64,
        per_page: i64,
    ) -> Result<Paged<ActionRow>> {
        actor.require(Action::ViewPublic)?;
        let rows = self
            .store
            .published_actions(
                tenant.id(),
                None,
                None,
                actor.can(Action::TakePartInForum),
                per_page + 1,
                offset(page, per_page),
            )
            .await?;
        Ok(paged(rows, page, per_page))
    }

    /// The owner (or staff) marks an action item done; done twice is done once.
    pub async fn mark_action_done(&self, tenant: &TenantRow, actor: &Actor, action: i64) -> Result<ActionRow> {
        let user = actor.require_user(Action::TakePartInForum)?;
        let item = self
            .store
            .action_item(tenant.id(), action)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if item.owner_id != Some(user.0) && !actor.can(Action::ManageForum) {
            return Err(ServiceError::Forbidden);
        }
        let ctx = self.ctx(tenant.id(), Some(user), actor.request_id.as_deref());
        self.store.mark_action_done(tenant.id(), action, &ctx).await?;
        Ok(item)
    }
}

/// A digest of everything an approver reads of draft minutes: the texts, the attendance, the
/// decisions with their votes and the action items. Any change gives another digest.
pub fn minutes_fingerprint(
    minutes: &MinutesRow,
    attendance: &[AttendanceRow],
    decisions: &[DecisionRow],
    actions: &[ActionRow],
) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    // Each value is preceded by its length, so that no two different drafts run together alike.
    let mut put = |s: &str| {
        h.update(s.len().to_le_bytes());
        h.update(s.as_bytes());
    };
    put(&minutes.body_sq);
    put(&minutes.body_en);
    for a in attendance {
        put(&format!(
            "{:?}|{}|{}|{}",
            a.user_id,
            a.name,
            a.organisation,
            a.presence.key()
        ));
    }
    for d in decisions {
        put(&format!(
            "{}|{:?}|{:?}|{:?}",
            d.number, d.votes_for, d.votes_against, d.votes_abstain
        ));
        put(&d.text_sq);
        put(&d.text_en);
    }
    for a in actions {
        put(&format!("{:?}|{:?}|{}", a.owner_id, a.due_on, a.status.key()));
        put(&a.what);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(sector: Sector, presence: Presence, gender: Option<&str>, youth: Option<bool>) -> AttendanceRow {
        AttendanceRow {
            id: 0,
            user_id: None,
            name: String::new(),
            organisation: String::new(),
            sector,
            presence,
            gender: gender.map(str::to_owned),
            youth,
            rural: None,
        }
    }

    #[test]
    fn counts_present_people_by_sector_and_what_was_recorded() {
        let c = count_attendance(&[
            row(Sector::Government, Presence::Present, Some("woman"), None),
            row(Sector::Cso, Presence::Present, None, Some(true)),
            row(Sector::Cso, Presence::Present, Some("man"), Some(false)),
            row(Sector::Cso, Presence::Excused, Some("woman"), Some(true)),
            row(Sector::Academia, Presence::Absent, None, None),
        ]);
        assert_eq!((c.present, c.excused, c.absent), (3, 1, 1));
        assert_eq!(c.by_sector, vec![(Sector::Government, 1), (Sector::Cso, 2)]);
        assert_eq!(c.by_gender, vec![(Gender::Woman, 1), (Gender::Man, 1)]);
        assert_eq!(c.youth, Some(1));
        assert_eq!(c.rural, None);
    }

    #[test]
    fn votes_are_optional_whole_numbers_from_zero() {
        assert_eq!(parse_votes("", " ", ""), Ok(None));
        assert_eq!(
            parse_votes("9", "0", "1"),
            Ok(Some(Votes {
                for_: 9,
                against: 0,
                abstain: 1
            }))
        );
        assert_eq!(
            parse_votes("7", "", ""),
            Ok(Some(Votes {
                for_: 7,
                against: 0,
                abstain: 0
            }))
        );
        let errors = parse_votes("-1", "x", "2").unwrap_err();
        assert_eq!(
            errors.iter().map(|e| (e.field, e.code)).collect::<Vec<_>>(),
            vec![("votes_for", "votes_negative"), ("votes_against", "votes_invalid")]
        );
        assert!(parse_votes("100000", "", "").is_err());
    }

    #[test]
    fn due_dates_are_typed_day_month_year() {
        assert_eq!(
            parse_due_on("15.12.2026"),
            Ok(NaiveDate::from_ymd_opt(2026, 12, 15).unwrap())
        );
        assert_eq!(
            parse_due_on("1.2.2027"),
            Ok(NaiveDate::from_ymd_opt(2027, 2, 1).unwrap())
        );
        for bad in ["2026-12-15", "12/15/2026", "31.02.2027", "15.12.26", "nesër"] {
            assert_eq!(
                parse_due_on(bad),
                Err(FieldError::new("due_on", "due_on_format")),
                "{bad}"
            );
        }
        assert_eq!(parse_due_on(" "), Err(FieldError::new("due_on", "required")));
    }

    #[test]
    fn decisions_are_numbered_one_after_another() {
        assert_eq!(next_decision_number(&[]), 1);
        assert_eq!(next_decision_number(&[1, 2]), 3);
        assert_eq!(next_decision_number(&[2, 1]), 3);
    }
}
