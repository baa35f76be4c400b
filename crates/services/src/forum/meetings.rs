//! Meetings of the forum: preparing them (time, place, agenda, pre-reads), giving notice with
//! invitations by e-mail (an `.ics` file and three answer links each), updates and
//! cancellations, answers, reminders the day before, and the calendar feeds.
//!
//! Who sees what: drafts only staff; members-only meetings staff and accepted members (the
//! anonymous public is asked to sign in, anyone else is told they do not exist); public meetings
//! everyone.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Duration, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use domain::{
    Action, FieldError, Lang, MeetingId, Text, UserId,
    forum::{MeetingKind, MeetingStatus, Rsvp, Visibility, check_meeting_time},
};
use export::ics::{self, IcsMeeting, Method};
use sha2::{Digest, Sha256};
use store::{
    AgendaItemInput, AgendaItemRow, InvitationRow, MailAttachment, MeetingDocRow, MeetingInput, MeetingListRow,
    MeetingRow, MeetingScope, NewFile, NewInvitation, NewMail, TenantRow,
};
use views::{t, t_args, zone_name};

use crate::{
    Actor, ServiceError, Services,
    common::{error::Result, localized},
    open_call::files::{clean_filename, sniff},
    tokens::{hash_token, new_token},
};

/// How staff type a meeting's times: day.month.year and the 24-hour clock, in the
/// municipality's zone ("17.12.2026 18:00"), the same as a call's deadline.
pub const MEETING_TIME_FORMAT: &str = "%d.%m.%Y %H:%M";

/// Meetings per page of a list.
pub const PAGE_SIZE: i64 = 20;

/// Most meetings a calendar feed carries (years of a forum's life): one query, bounded.
const FEED_LIMIT: i64 = 2000;

/// How long before a meeting its reminder goes out.
pub const REMINDER_WINDOW_HOURS: i64 = 24;

/// Reads a time typed by staff (see [`MEETING_TIME_FORMAT`]) in the municipality's zone.
pub fn parse_meeting_time(field: &'static str, raw: &str, tz: Tz) -> Result<DateTime<Utc>, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(FieldError::new(field, "required"));
    }
    let naive = NaiveDateTime::parse_from_str(raw, MEETING_TIME_FORMAT)
        .ok()
        // chrono reads a year of one to four digits: "17.12.26" would be the year 26.
        .filter(|n| (2000..=2099).contains(&n.year()))
        .ok_or(FieldError::new(field, "meeting_time_format"))?;
    tz.from_local_datetime(&naive)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .ok_or(FieldError::new(field, "datetime_nonexistent"))
}

/// The SHA-256 of a file's content, as stored beside it (the demo stores its pre-read with it).
pub fn content_sha256(content: &[u8]) -> String {
    hex::encode(Sha256::digest(content))
}

/// A stored time as staff type it, so that a form shown again saves unchanged.
pub fn format_meeting_time(at: DateTime<Utc>, tz: Tz) -> String {
    at.with_timezone(&tz).format(MEETING_TIME_FORMAT).to_string()
}

/// An online meeting's link: http or https only, with a host, no `user:password@` part (it hides
/// the real host from the reader), nothing that could break out of an attribute or a calendar
/// line. Parsed with the `url` crate; refused, never repaired: what is stored is what was typed.
pub fn check_online_url(raw: &str) -> Result<String, FieldError> {
    let error = || FieldError::new("online_url", "url_invalid");
    let typed = raw.trim();
    if typed.is_empty() {
        return Ok(String::new());
    }
    if typed.chars().count() > 500 {
        return Err(FieldError::too_long("online_url", 500));
    }
    // The parser would quietly percent-encode or drop these; we refuse them instead.
    if typed
        .chars()
        .any(|c| c.is_control() || c.is_whitespace() || matches!(c, '"' | '<' | '>' | '\\' | '`'))
    {
        return Err(error());
    }
    let parsed = url::Url::parse(typed).map_err(|_| error())?;
    let host_ok = match parsed.host() {
        Some(url::Host::Domain(d)) => !d.is_empty() && !d.contains("..") && !d.starts_with('.'),
        Some(_) => true,
        None => false,
    };
    if matches!(parsed.scheme(), "http" | "https")
        && host_ok
        && parsed.username().is_empty()
        && parsed.password().is_none()
    {
        Ok(typed.to_owned())
    } else {
        Err(error())
    }
}

/// Reads the meeting form. Every field is checked, so all problems show at once; the time rule
/// that a meeting starts in the future is the use case's (an edit that keeps the time of a
/// meeting already held is fine).
pub fn parse_meeting_form(values: &HashMap<String, String>, tz: Tz) -> Result<MeetingInput, Vec<FieldError>> {
    let get = |k: &str| values.get(k).map(String::as_str).unwrap_or("");
    let mut errors = Vec::new();
    let mut ok = |r: Result<Text, FieldError>| match r {
        Ok(t) => t.into_string(),
        Err(e) => {
            errors.push(e);
            String::new()
        }
    };
    let title_sq = ok(Text::parse("title_sq", get("title_sq"), true, 200));
    let title_en = ok(Text::parse("title_en", get("title_en"), false, 200));
    let description_sq = ok(Text::parse("description_sq", get("description_sq"), false, 10_000));
    let description_en = ok(Text::parse("description_en", get("description_en"), false, 10_000));
    let place = ok(Text::parse("place", get("place"), false, 200));
    let address = ok(Text::parse("address", get("address"), false, 300));
    let kind = MeetingKind::parse(get("meeting_kind"));
    if kind.is_none() {
        errors.push(FieldError::new("meeting_kind", "required"));
    }
    let visibility = Visibility::parse(get("visibility"));
    if visibility.is_none() {
        errors.push(FieldError::new("visibility", "required"));
    }
    let online_url = check_online_url(get("online_url")).unwrap_or_else(|e| {
        errors.push(e);
        String::new()
    });
    if place.is_empty()
        && get("place").trim().is_empty()
        && get("online_url").trim().is_empty()
        && !errors.iter().any(|e| e.field == "place")
    {
        errors.push(FieldError::new("place", "meeting_place_required"));
    }
    let starts_at = parse_meeting_time("starts_at", get("starts_at"), tz).map_err(|e| errors.push(e));
    let ends_at = parse_meeting_time("ends_at", get("ends_at"), tz).map_err(|e| errors.push(e));
    if let (Ok(s), Ok(e)) = (starts_at, ends_at)
        && e <= s
    {
        errors.push(FieldError::new("ends_at", "meeting_ends_before_start"));
    } else if let (Ok(s), Ok(e)) = (starts_at, ends_at)
        && e - s > Duration::days(store::forum::meetings::MAX_MEETING_DAYS)
    {
        errors.push(FieldError::new("ends_at", "meeting_too_long"));
    }
    match (kind, visibility, starts_at, ends_at) {
        (Some(kind), Some(visibility), Ok(starts_at), Ok(ends_at)) if errors.is_empty() => Ok(MeetingInput {
            kind,
            title_sq,
            title_en,
            description_sq,
            description_en,
            starts_at,
            ends_at,
            place,
            address,
            online_url,
            visibility,
        }),
        _ => Err(errors),
    }
}

/// Reads the agenda item form.
pub fn parse_agenda_form(values: &HashMap<String, String>) -> Result<AgendaItemInput, Vec<FieldError>> {
    let get = |k: &str| values.get(k).map(String::as_str).unwrap_or("");
    let mut errors = Vec::new();
    let mut ok = |r: Result<Text, FieldError>| match r {
        Ok(t) => t.into_string(),
        Err(e) => {
            errors.push(e);
            String::new()
        }
    };
    let title_sq = ok(Text::parse("item_title_sq", get("item_title_sq"), true, 200));
    let title_en = ok(Text::parse("item_title_en", get("item_title_en"), false, 200));
    let presenter = ok(Text::parse("presenter", get("presenter"), false, 200));
    let raw = get("minutes_allotted").trim();
    let minutes_allotted = if raw.is_empty() {
        None
    } else {
        match raw.parse::<i64>() {
            Ok(n) if (1..=600).contains(&n) => Some(n),
            _ => {
                errors.push(FieldError::new("minutes_allotted", "agenda_minutes_invalid"));
                None
            }
        }
    };
    if errors.is_empty() {
        Ok(AgendaItemInput {
            title_sq,
            title_en,
            presenter,
            minutes_allotted,
        })
    } else {
        Err(errors)
    }
}

/// The public list: upcoming meetings (soonest first) and past ones (latest first), a page each.
#[derive(Debug, Clone)]
pub struct MeetingLists {
    pub upcoming: Vec<MeetingListRow>,
    pub upcoming_more: bool,
    pub past: Vec<MeetingListRow>,
    pub past_more: bool,
}

/// A meeting's page: what everyone who may see it sees, and the reader's own invitation.
#[derive(Debug, Clone)]
pub struct MeetingPage {
    pub meeting: MeetingRow,
    pub agenda: Vec<AgendaItemRow>,
    pub documents: Vec<MeetingDocRow>,
    pub minutes_published_at: Option<DateTime<Utc>>,
    pub invitation: Option<InvitationRow>,
    pub staff: bool,
}

/// The staff page of a meeting: everything, with the invitations and answers.
#[derive(Debug, Clone)]
pub struct AdminMeeting {
    pub meeting: MeetingRow,
    pub agenda: Vec<AgendaItemRow>,
    pub documents: Vec<MeetingDocRow>,
    pub invitations: Vec<InvitationRow>,
    pub minutes_published_at: Option<DateTime<Utc>>,
}

/// Publishing asks once more, naming how many members get the invitation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PublishOutcome {
    NeedsConfirmation { members: usize },
    Published { invited: usize },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CancelOutcome {
    NeedsConfirmation { invited: usize },
    Cancelled { told: usize },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerOutcome {
    Recorded(Rsvp),
    /// Signed in and allowed to see the meeting, but not among those invited.
    NotInvited,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RevokeFeedOutcome {
    NeedsConfirmation,
    Revoked,
}

/// What an answer link would record, shown before the button that records it.
#[derive(Debug, Clone)]
pub struct AnswerPreview {
    pub meeting: MeetingRow,
    pub answer: Rsvp,
}

/// A moment in a mail: "17.12.2026 18:00 (ora e Shqipërisë)".
fn when(lang: Lang, tenant: &TenantRow, at: DateTime<Utc>) -> String {
    let tz: Tz = tenant.time_zone.parse().unwrap_or(chrono_tz::Europe::Tirane);
    format!(
        "{} ({})",
        at.with_timezone(&tz).format("%d.%m.%Y %H:%M"),
        zone_name(lang, &tenant.time_zone)
    )
}

/// Where a meeting is, in one line: place, address, or the online link.
pub fn location(m: &MeetingRow) -> String {
    let parts: Vec<&str> = [m.place.as_str(), m.address.as_str()]
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .collect();
    if parts.is_empty() {
        m.online_url.clone()
    } else {
        parts.join(", ")
    }
}

impl Services {
    fn meeting_url(&self, tenant: &TenantRow, meeting: i64) -> String {
        format!("{}/forum/meetings/{meeting}", self.site_url(tenant))
    }

    /// The calendar text of a meeting in `lang`: its description with the online link and the
    /// page's address, so that a calendar program shows how to join.
    fn ics_parts(&self, tenant: &TenantRow, m: &MeetingRow, lang: Lang) -> (String, String, String, String) {
        let title = localized(lang, &m.title_sq, &m.title_en).to_owned();
        let mut description = localized(lang, &m.description_sq, &m.description_en).to_owned();
        if !m.online_url.is_empty() {
            description.push_str(&format!("\n\n{}: {}", t(lang, "meeting-online"), m.online_url));
        }
        let url = self.meeting_url(tenant, m.id);
        description.push_str(&format!("\n\n{url}"));
        (title, description.trim().to_owned(), location(m), url)
    }

    /// One `.ics` file of a meeting: an invitation or update (`Request`, to `attendee`), a
    /// cancellation, or a plain copy (`Publish`).
    fn meeting_ics(
        &self,
        tenant: &TenantRow,
        m: &MeetingRow,
        lang: Lang,
        method: Method,
        attendee: Option<&str>,
    ) -> String {
        let (title, description, location, url) = self.ics_parts(tenant, m, lang);
        let meeting = IcsMeeting {
            uid: &m.ical_uid,
            sequence: m.ical_sequence,
            title: &title,
            description: &description,
            starts_at: m.starts_at,
            ends_at: m.ends_at,
            location: &location,
            url: &url,
            cancelled: m.status == MeetingStatus::Cancelled,
        };
        ics::invitation(
            method,
            &tenant.contact_email,
            tenant.name(lang),
            attendee,
            &meeting,
            self.clock.now(),
        )
    }

    /// A feed of meetings (METHOD:PUBLISH), cancelled ones marked so.
    fn meetings_feed(&self, tenant: &TenantRow, lang: Lang, name: &str, meetings: &[MeetingRow]) -> String {
        let parts: Vec<(String, String, String, String)> =
            meetings.iter().map(|m| self.ics_parts(tenant, m, lang)).collect();
        let events: Vec<IcsMeeting> = meetings
            .iter()
            .zip(&parts)
            .map(|(m, (title, description, location, url))| IcsMeeting {
                uid: &m.ical_uid,
                sequence: m.ical_sequence,
                title,
                description,
                starts_at: m.starts_at,
                ends_at: m.ends_at,
                location,
                url,
                cancelled: m.status == MeetingStatus::Cancelled,
            })
            .collect();
        ics::feed(name, &events, self.clock.now())
    }

    /// A mail about a meeting with its `.ics` file attached.
    #[allow(clippy::too_many_arguments)]
    fn meeting_mail(
        &self,
        tenant: &TenantRow,
        m: &MeetingRow,
        to: &str,
        name: &str,
        lang: Lang,
        kind: &str,
        extra: &str,
        method: Option<Method>,
    ) -> NewMail {
        let title = localized(lang, &m.title_sq, &m.title_en).to_owned();
        let args = [
            ("tenant", tenant.name(lang).to_owned()),
            ("tenant_gen", tenant.name_genitive(lang)),
            ("title", title.clone()),
            ("when", when(lang, tenant, m.starts_at)),
            ("where", location(m)),
        ];
        let mut body = t_args(lang, "mail-verify-greeting", &[("name", name.to_owned())]);
        body.push_str("\n\n");
        body.push_str(&t_args(lang, &format!("mail-meeting-{kind}-body"), &args));
        body.push_str("\n\n");
        if !extra.is_empty() {
            body.push_str(extra);
            body.push_str("\n\n");
        }
        body.push_str(&t(lang, "mail-meeting-page"));
        body.push('\n');
        body.push_str(&self.meeting_url(tenant, m.id));
        body.push_str("\n\n-- \n");
        body.push_str(&t_args(
            lang,
            "mail-signature",
            &[("tenant", tenant.name(lang).to_owned())],
        ));
        body.push('\n');
        let mail = NewMail {
            recipient: to.to_owned(),
            subject: t_args(lang, &format!("mail-meeting-{kind}-subject"), &args),
            body_text: body,
            lang: lang.code().to_owned(),
            about: Some(format!("meeting:{}", m.id)),
            attachment: None,
        };
        match method {
            Some(method) => mail.attach(MailAttachment {
                name: if method == Method::Cancel {
                    "cancel.ics".into()
                } else {
                    "invite.ics".into()
                },
                content_type: method.content_type(),
                body: self.meeting_ics(tenant, m, lang, method, Some(to)),
            }),
            None => mail,
        }
    }

    /// A meeting the actor may see (see the module's rules).
    async fn meeting_visible_to(&self, actor: &Actor, meeting: MeetingId) -> Result<MeetingRow> {
        let m = self
            .store
            .meeting(actor.tenant, meeting)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if m.status == MeetingStatus::Draft && !actor.can(Action::ManageForum) {
            return Err(ServiceError::NotFound);
        }
        if m.visibility == Visibility::MembersOnly && !actor.can(Action::TakePartInForum) {
            return Err(match actor.user {
                None => ServiceError::LoginRequired,
                Some(_) => ServiceError::NotFound,
            });
        }
        Ok(m)
    }

    /// Upcoming and past meetings, a page of each; members-only ones for members and staff.
    pub async fn meeting_lists(&self, actor: &Actor, upcoming_page: i64, past_page: i64) -> Result<MeetingLists> {
        let members = actor.can(Action::TakePartInForum);
        let now = self.clock.now();
        let page = |p: i64| (p.clamp(1, 1_000_000) - 1) * PAGE_SIZE;
        let mut upcoming = self
            .store
            .list_meetings(
                actor.tenant,
                MeetingScope::Upcoming,
                members,
                now,
                PAGE_SIZE + 1,
                page(upcoming_page),
            )
            .await?;
        let mut past = self
            .store
            .list_meetings(
                actor.tenant,
                MeetingScope::Past,
                members,
                now,
                PAGE_SIZE + 1,
                page(past_page),
            )
            .await?;
        let upcoming_more = upcoming.len() as i64 > PAGE_SIZE;
        let past_more = past.len() as i64 > PAGE_SIZE;
        upcoming.truncate(PAGE_SIZE as usize);
        past.truncate(PAGE_SIZE as usize);
        Ok(MeetingLists {
            upcoming,
            upcoming_more,
            past,
            past_more,
        })
    }

    /// One page of published meetings for the API: public ones, and members-only ones for
    /// members and staff; latest first. Returns the page and whether another follows.
    pub async fn published_meetings(
        &self,
        actor: &Actor,
        page: i64,
        per_page: i64,
    ) -> Result<(Vec<MeetingListRow>, bool)> {
        let members = actor.can(Action::TakePartInForum);
        let offset = (page.clamp(1, 1_000_000) - 1) * per_page;
        // Upcoming and past together, in one order: the past scope with a moment far ahead.
        let far = self.clock.now() + Duration::days(365 * 200);
        let mut rows = self
            .store
            .list_meetings(actor.tenant, MeetingScope::Past, members, far, per_page + 1, offset)
            .await?;
        let more = rows.len() as i64 > per_page;
        rows.truncate(per_page as usize);
        Ok((rows, more))
    }

    pub async fn meeting_page(&self, actor: &Actor, meeting: MeetingId) -> Result<MeetingPage> {
        let m = self.meeting_visible_to(actor, meeting).await?;
        let agenda = self.store.agenda_items(actor.tenant, meeting).await?;
        let documents = self.store.meeting_documents(actor.tenant, meeting).await?;
        let minutes_published_at = self.store.minutes_published_at(actor.tenant, meeting).await?;
        let invitation = match actor.user {
            Some(user) => self.store.meeting_invitation(actor.tenant, meeting, user).await?,
            None => None,
        };
        Ok(MeetingPage {
            meeting: m,
            agenda,
            documents,
            minutes_published_at,
            invitation,
            staff: actor.can(Action::ManageForum),
        })
    }

    /// A pre-read with its content, for whoever may see the meeting.
    pub async fn meeting_document(
        &self,
        actor: &Actor,
        meeting: MeetingId,
        doc: i64,
    ) -> Result<(MeetingDocRow, Vec<u8>)> {
        self.meeting_visible_to(actor, meeting).await?;
        self.store
            .meeting_document(actor.tenant, meeting, doc)
            .await?
            .ok_or(ServiceError::NotFound)
    }

    /// The meeting as a calendar file to add to one's calendar.
    pub async fn meeting_calendar(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        meeting: MeetingId,
        lang: Lang,
    ) -> Result<String> {
        let m = self.meeting_visible_to(actor, meeting).await?;
        Ok(self.meeting_ics(tenant, &m, lang, Method::Publish, None))
    }

    /// A signed-in invited person's answer from the meeting's page.
    pub async fn answer_meeting(&self, actor: &Actor, meeting: MeetingId, raw: &str) -> Result<AnswerOutcome> {
        let user = actor.require_user(Action::TakePartInForum)?;
        let m = self.meeting_visible_to(actor, meeting).await?;
        let answer = Rsvp::parse(raw.trim()).ok_or(ServiceError::field("answer", "meeting_answer_choose"))?;
        if m.status != MeetingStatus::Published {
            return Err(ServiceError::field("answer", "meeting_not_open"));
        }
        let ctx = self.ctx(actor.tenant, Some(user), actor.request_id.as_deref());
        if self
            .store
            .answer_invitation(actor.tenant, meeting, user, answer, &ctx)
            .await?
        {
            Ok(AnswerOutcome::Recorded(answer))
        } else {
            Ok(AnswerOutcome::NotInvited)
        }
    }

    /// What an e-mailed answer link would record; changes nothing (mail scanners open links).
    pub async fn answer_preview(&self, tenant: &TenantRow, token: &str) -> Result<AnswerPreview> {
        let link = self
            .store
            .answer_link(tenant.id(), &hash_token(token.trim()))
            .await?
            .ok_or(ServiceError::InvalidLink)?;
        if link.used_at.is_some() || link.expires_at <= self.clock.now() {
            return Err(ServiceError::InvalidLink);
        }
        let meeting = self
            .store
            .meeting(tenant.id(), MeetingId(link.meeting_id))
            .await?
            .filter(|m| m.status == MeetingStatus::Published)
            .ok_or(ServiceError::InvalidLink)?;
        Ok(AnswerPreview {
            meeting,
            answer: link.answer,
        })
    }

    /// Records the answer an e-mailed link carries (no sign-in: the link is the proof).
    pub async fn answer_by_link(
        &self,
        tenant: &TenantRow,
        token: &str,
        request_id: Option<&str>,
    ) -> Result<(MeetingId, Rsvp)> {
        let ctx = self.ctx(tenant.id(), None, request_id);
        let (meeting, _, answer) = self
            .store
            .answer_by_link(tenant.id(), &hash_token(token.trim()), &ctx)
            .await?
            .ok_or(ServiceError::InvalidLink)?;
        Ok((meeting, answer))
    }

    /// The municipality's public meetings as a subscribable calendar.
    pub async fn public_calendar(&self, tenant: &TenantRow, lang: Lang) -> Result<String> {
        let meetings = self.store.public_feed_meetings(tenant.id(), FEED_LIMIT).await?;
        let name = t_args(lang, "calendar-feed-name", &[("tenant", tenant.name(lang).to_owned())]);
        Ok(self.meetings_feed(tenant, lang, &name, &meetings))
    }

    /// A person's own meetings by the secret address of their private feed.
    pub async fn private_calendar(&self, tenant: &TenantRow, token: &str, lang: Lang) -> Result<String> {
        let user = self
            .store
            .calendar_feed_user(tenant.id(), &hash_token(token.trim()))
            .await?
            .ok_or(ServiceError::NotFound)?;
        let meetings = self.store.invited_meetings(tenant.id(), user, FEED_LIMIT).await?;
        let name = t_args(
            lang,
            "calendar-private-name",
            &[("tenant", tenant.name(lang).to_owned())],
        );
        Ok(self.meetings_feed(tenant, lang, &name, &meetings))
    }

    /// When the person's private feed was made, if they have one.
    pub async fn calendar_feed_status(&self, actor: &Actor) -> Result<Option<DateTime<Utc>>> {
        let user = actor.require_user(Action::TakePartInForum)?;
        Ok(self.store.active_calendar_feed(actor.tenant, user).await?)
    }

    /// A new secret address for the person's private feed (the old one stops working); the
    /// token is shown once and only its hash kept.
    pub async fn create_calendar_feed(&self, actor: &Actor) -> Result<String> {
        let user = actor.require_user(Action::TakePartInForum)?;
        let (token, hash) = new_token();
        let ctx = self.ctx(actor.tenant, Some(user), actor.request_id.as_deref());
        self.store.create_calendar_feed(actor.tenant, user, &hash, &ctx).await?;
        Ok(token)
    }

    pub async fn revoke_calendar_feed(&self, actor: &Actor, confirmed: bool) -> Result<RevokeFeedOutcome> {
        let user = actor.require_user(Action::TakePartInForum)?;
        if !confirmed {
            return Ok(RevokeFeedOutcome::NeedsConfirmation);
        }
        let ctx = self.ctx(actor.tenant, Some(user), actor.request_id.as_deref());
        self.store.revoke_calendar_feeds(actor.tenant, user, &ctx).await?;
        Ok(RevokeFeedOutcome::Revoked)
    }
}

impl Services {
    /// One page of every meeting, drafts included, latest first; and whether another follows.
    pub async fn admin_meetings(&self, actor: &Actor, page: i64) -> Result<(Vec<MeetingListRow>, bool)> {
        actor.require_user(Action::ManageForum)?;
        let offset = (page.clamp(1, 1_000_000) - 1) * PAGE_SIZE;
        let mut rows = self
            .store
            .list_meetings(
                actor.tenant,
                MeetingScope::All,
                true,
                self.clock.now(),
                PAGE_SIZE + 1,
                offset,
            )
            .await?;
        let more = rows.len() as i64 > PAGE_SIZE;
        rows.truncate(PAGE_SIZE as usize);
        Ok((rows, more))
    }

    pub async fn admin_meeting(&self, actor: &Actor, meeting: MeetingId) -> Result<AdminMeeting> {
        actor.require_user(Action::ManageForum)?;
        let m = self
            .store
            .meeting(actor.tenant, meeting)
            .await?
            .ok_or(ServiceError::NotFound)?;
        Ok(AdminMeeting {
            agenda: self.store.agenda_items(actor.tenant, meeting).await?,
            documents: self.store.meeting_documents(actor.tenant, meeting).await?,
            invitations: self.store.meeting_invitations(actor.tenant, meeting).await?,
            minutes_published_at: self.store.minutes_published_at(actor.tenant, meeting).await?,
            meeting: m,
        })
    }

    /// Prepares a meeting of the current forum as a draft (nobody is told yet).
    pub async fn create_meeting(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        values: &HashMap<String, String>,
    ) -> Result<MeetingId> {
        let user = actor.require_user(Action::ManageForum)?;
        let tz: Tz = tenant.time_zone.parse().unwrap_or(chrono_tz::Europe::Tirane);
        let input = parse_meeting_form(values, tz).map_err(ServiceError::Invalid)?;
        if let Err(e) = check_meeting_time(self.clock.now(), input.starts_at, input.ends_at) {
            let field = if e.code() == "meeting_in_past" {
                "starts_at"
            } else {
                "ends_at"
            };
            return Err(ServiceError::field(field, e.code()));
        }
        let forum = self
            .store
            .current_forum(tenant.id())
            .await?
            .ok_or(ServiceError::field("title_sq", "meeting_no_forum"))?;
        let (random, _) = new_token();
        let host = self
            .site_url(tenant)
            .split("://")
            .nth(1)
            .and_then(|r| r.split(['/', ':']).next())
            .unwrap_or("bashke")
            .to_owned();
        let uid = format!("meeting-{random}@{host}");
        let ctx = self.ctx(tenant.id(), Some(user), actor.request_id.as_deref());
        Ok(self
            .store
            .create_meeting(tenant.id(), domain::ForumId(forum.id), &input, &uid, &ctx)
            .await?)
    }

    /// Saves the coordinator's changes. When a published meeting's time or place changes, every
    /// invited person gets an update (SEQUENCE raised, METHOD:REQUEST); other edits tell nobody.
    pub async fn update_meeting(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        meeting: MeetingId,
        values: &HashMap<String, String>,
    ) -> Result<usize> {
        let user = actor.require_user(Action::ManageForum)?;
        let before = self
            .store
            .meeting(tenant.id(), meeting)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if before.status == MeetingStatus::Cancelled {
            return Err(ServiceError::field("title_sq", "meeting_cancelled"));
        }
        let tz: Tz = tenant.time_zone.parse().unwrap_or(chrono_tz::Europe::Tirane);
        let input = parse_meeting_form(values, tz).map_err(ServiceError::Invalid)?;
        let time_changed = input.starts_at != before.starts_at || input.ends_at != before.ends_at;
        if time_changed && let Err(e) = check_meeting_time(self.clock.now(), input.starts_at, input.ends_at) {
            let field = if e.code() == "meeting_in_past" {
                "starts_at"
            } else {
                "ends_at"
            };
            return Err(ServiceError::field(field, e.code()));
        }
        let place_changed =
            input.place != before.place || input.address != before.address || input.online_url != before.online_url;
        let bump = before.status == MeetingStatus::Published && (time_changed || place_changed);
        let mut mails = Vec::new();
        if bump {
            let after = MeetingRow {
                kind: input.kind,
                title_sq: input.title_sq.clone(),
                title_en: input.title_en.clone(),
                description_sq: input.description_sq.clone(),
                description_en: input.description_en.clone(),
                starts_at: input.starts_at,
                ends_at: input.ends_at,
                place: input.place.clone(),
                address: input.address.clone(),
                online_url: input.online_url.clone(),
                visibility: input.visibility,
                ical_sequence: before.ical_sequence + 1,
                ..before.clone()
            };
            for inv in self.store.meeting_invitations(tenant.id(), meeting).await? {
                let Some(email) = inv.email.as_deref() else { continue };
                let lang = Lang::parse(&inv.lang).unwrap_or_default();
                let was = t_args(
                    lang,
                    "mail-meeting-was",
                    &[
                        ("when", when(lang, tenant, before.starts_at)),
                        ("where", location(&before)),
                    ],
                );
                mails.push(self.meeting_mail(
                    tenant,
                    &after,
                    email,
                    &inv.name,
                    lang,
                    "update",
                    &was,
                    Some(Method::Request),
                ));
            }
        }
        let ctx = self.ctx(tenant.id(), Some(user), actor.request_id.as_deref());
        self.store
            .update_meeting(tenant.id(), meeting, &before, &input, bump, &mails, &ctx)
            .await?;
        Ok(mails.len())
    }

    /// Gives notice: with `confirmed`, publishes the draft and invites every accepted member
    /// (one e-mail each in their language, the `.ics` invitation attached, three answer links),
    /// all in one transaction. Without it, says how many members would be invited.
    pub async fn publish_meeting(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        meeting: MeetingId,
        confirmed: bool,
    ) -> Result<PublishOutcome> {
        let user = actor.require_user(Action::ManageForum)?;
        let m = self
            .store
            .meeting(tenant.id(), meeting)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if m.status != MeetingStatus::Draft {
            return Err(ServiceError::field("publish", "meeting_not_draft"));
        }
        if m.starts_at <= self.clock.now() {
            return Err(ServiceError::field("publish", "meeting_in_past"));
        }
        let members: Vec<_> = self
            .store
            .accepted_members(tenant.id(), domain::ForumId(m.forum_id))
            .await?
            .into_iter()
            .filter(|mb| mb.email.is_some())
            .collect();
        if !confirmed {
            return Ok(PublishOutcome::NeedsConfirmation { members: members.len() });
        }
        let published = MeetingRow {
            status: MeetingStatus::Published,
            ..m.clone()
        };
        let base = self.site_url(tenant);
        let mut invitations = Vec::new();
        for member in &members {
            let Some(email) = member.email.as_deref() else { continue };
            let lang = Lang::parse(&member.lang).unwrap_or_default();
            let mut links = Vec::new();
            let mut lines = vec![t(lang, "mail-meeting-answer")];
            for answer in Rsvp::ALL {
                let (token, hash) = new_token();
                lines.push(format!(
                    "- {}: {base}/forum/meetings/answer?token={token}",
                    t(lang, &format!("rsvp-{}", answer.key()))
                ));
                links.push((hash, *answer));
            }
            let extra = lines.join("\n");
            invitations.push(NewInvitation {
                user_id: member.user_id,
                links,
                mail: Some(self.meeting_mail(
                    tenant,
                    &published,
                    email,
                    &member.name,
                    lang,
                    "invite",
                    &extra,
                    Some(Method::Request),
                )),
            });
        }
        let ctx = self.ctx(tenant.id(), Some(user), actor.request_id.as_deref());
        if self
            .store
            .publish_meeting_with_invitations(tenant.id(), meeting, &invitations, &ctx)
            .await?
        {
            Ok(PublishOutcome::Published {
                invited: invitations.len(),
            })
        } else {
            Err(ServiceError::field("publish", "meeting_not_draft"))
        }
    }

    /// Calls a published meeting off: with `confirmed`, every invited person gets a
    /// METHOD:CANCEL e-mail, in the same transaction as the change.
    pub async fn cancel_meeting(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        meeting: MeetingId,
        confirmed: bool,
    ) -> Result<CancelOutcome> {
        let user = actor.require_user(Action::ManageForum)?;
        let m = self
            .store
            .meeting(tenant.id(), meeting)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if m.status != MeetingStatus::Published {
            return Err(ServiceError::field("cancel", "meeting_not_published"));
        }
        let invitations = self.store.meeting_invitations(tenant.id(), meeting).await?;
        if !confirmed {
            return Ok(CancelOutcome::NeedsConfirmation {
                invited: invitations.len(),
            });
        }
        let cancelled = MeetingRow {
            status: MeetingStatus::Cancelled,
            ical_sequence: m.ical_sequence + 1,
            ..m.clone()
        };
        let mails: Vec<NewMail> = invitations
            .iter()
            .filter_map(|inv| {
                let email = inv.email.as_deref()?;
                let lang = Lang::parse(&inv.lang).unwrap_or_default();
                Some(self.meeting_mail(
                    tenant,
                    &cancelled,
                    email,
                    &inv.name,
                    lang,
                    "cancel",
                    "",
                    Some(Method::Cancel),
                ))
            })
            .collect();
        let ctx = self.ctx(tenant.id(), Some(user), actor.request_id.as_deref());
        self.store
            .cancel_meeting(tenant.id(), meeting, m.ical_sequence, &mails, &ctx)
            .await?;
        Ok(CancelOutcome::Cancelled { told: mails.len() })
    }

    pub async fn add_agenda_item(
        &self,
        actor: &Actor,
        meeting: MeetingId,
        values: &HashMap<String, String>,
    ) -> Result<i64> {
        let user = actor.require_user(Action::ManageForum)?;
        let input = parse_agenda_form(values).map_err(ServiceError::Invalid)?;
        let ctx = self.ctx(actor.tenant, Some(user), actor.request_id.as_deref());
        Ok(self.store.add_agenda_item(actor.tenant, meeting, &input, &ctx).await?)
    }

    pub async fn delete_agenda_item(&self, actor: &Actor, meeting: MeetingId, item: i64) -> Result<()> {
        let user = actor.require_user(Action::ManageForum)?;
        let ctx = self.ctx(actor.tenant, Some(user), actor.request_id.as_deref());
        Ok(self.store.delete_agenda_item(actor.tenant, meeting, item, &ctx).await?)
    }

    pub async fn move_agenda_item(&self, actor: &Actor, meeting: MeetingId, item: i64, direction: &str) -> Result<()> {
        let user = actor.require_user(Action::ManageForum)?;
        let up = match direction {
            "up" => true,
            "down" => false,
            _ => return Err(ServiceError::field("direction", "required")),
        };
        let ctx = self.ctx(actor.tenant, Some(user), actor.request_id.as_deref());
        Ok(self
            .store
            .move_agenda_item(actor.tenant, meeting, item, up, &ctx)
            .await?)
    }

    /// Whether the actor may upload to this meeting: asked before an upload's body is read.
    pub async fn may_add_meeting_document(&self, actor: &Actor, meeting: MeetingId) -> Result<()> {
        actor.require_user(Action::ManageForum)?;
        self.store
            .meeting(actor.tenant, meeting)
            .await?
            .ok_or(ServiceError::NotFound)
            .map(|_| ())
    }

    /// Shares a pre-read (PDF or image, its type read from its content), recorded as shared now.
    #[allow(clippy::too_many_arguments)]
    pub async fn add_meeting_document(
        &self,
        actor: &Actor,
        meeting: MeetingId,
        filename: &str,
        content: &[u8],
        title: &str,
        agenda_item: &str,
        max_bytes: usize,
    ) -> Result<i64> {
        let user = actor.require_user(Action::ManageForum)?;
        let mut errors = Vec::new();
        let title = Text::parse("doc_title", title, false, 200).map_err(|e| errors.push(e));
        let item = match agenda_item.trim() {
            "" => None,
            raw => match raw.parse::<i64>() {
                Ok(n) => Some(n),
                Err(_) => {
                    errors.push(FieldError::new("agenda_item", "required"));
                    None
                }
            },
        };
        let content_type = if content.is_empty() {
            errors.push(FieldError::new("file", "required"));
            None
        } else if content.len() > max_bytes {
            errors.push(FieldError::new("file", "file_too_large"));
            None
        } else {
            let sniffed = sniff(content);
            if sniffed.is_none() {
                errors.push(FieldError::new("file", "file_type"));
            }
            sniffed
        };
        let (Ok(title), Some(content_type), true) = (title, content_type, errors.is_empty()) else {
            return Err(ServiceError::Invalid(errors));
        };
        let sha = content_sha256(content);
        let name = clean_filename(filename);
        let title = if title.is_empty() {
            name.clone()
        } else {
            title.into_string()
        };
        let file = NewFile {
            filename: &name,
            content_type,
            sha256: &sha,
            content,
        };
        let ctx = self.ctx(actor.tenant, Some(user), actor.request_id.as_deref());
        self.store
            .add_meeting_document(actor.tenant, meeting, &file, &title, item, &ctx)
            .await
            .map_err(|e| match ServiceError::from(e) {
                ServiceError::Conflict(_) => ServiceError::field("agenda_item", "required"),
                other => other,
            })
    }

    pub async fn remove_meeting_document(&self, actor: &Actor, meeting: MeetingId, doc: i64) -> Result<()> {
        let user = actor.require_user(Action::ManageForum)?;
        let ctx = self.ctx(actor.tenant, Some(user), actor.request_id.as_deref());
        Ok(self
            .store
            .remove_meeting_document(actor.tenant, meeting, doc, &ctx)
            .await?)
    }
}

impl Services {
    /// Queues the reminders due now: one e-mail per invited person of each published meeting
    /// starting within the next 24 hours, at most once per meeting and person even when several
    /// instances run this at the same moment (see [`store::Store::claim_reminder`]). Returns how
    /// many this call queued.
    pub async fn send_meeting_reminders(&self) -> Result<usize> {
        let now = self.clock.now();
        let due = self
            .store
            .due_reminders(now, now + Duration::hours(REMINDER_WINDOW_HOURS), 500)
            .await?;
        if due.is_empty() {
            return Ok(0);
        }
        let tenants = self.store.list_tenants().await?;
        let mut sent = 0;
        for r in due {
            let Some(tenant) = tenants.iter().find(|t| t.id().0 == r.tenant_id) else {
                continue;
            };
            let lang = Lang::parse(&r.lang).unwrap_or_default();
            let name = self
                .store
                .user_by_id(tenant.id(), UserId(r.user_id))
                .await?
                .map(|u| u.display_name)
                .unwrap_or_default();
            let mail = self.meeting_mail(tenant, &r.meeting, &r.email, &name, lang, "reminder", "", None);
            if self
                .store
                .claim_reminder(tenant.id(), MeetingId(r.meeting.id), UserId(r.user_id), &mail, now)
                .await?
            {
                sent += 1;
            }
        }
        Ok(sent)
    }

    /// The reminder job of the server: every five minutes until `stop` says so.
    pub async fn meeting_reminders(self, mut stop: tokio::sync::watch::Receiver<bool>) {
        loop {
            match self.send_meeting_reminders().await {
                Ok(0) => {}
                Ok(n) => tracing::info!(reminders = n, "meeting reminders queued"),
                Err(e) => tracing::warn!(error = %e, "meeting reminders failed"),
            }
            tokio::select! {
                _ = tokio::time::sleep(std::time::Duration::from_secs(300)) => {}
                _ = stop.changed() => return,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn online_links_are_http_or_https_with_a_host() {
        assert!(check_online_url("https://meet.example.org/abc-def?x=1").is_ok());
        assert!(check_online_url("http://zoom.us:8080/j/1").is_ok());
        assert_eq!(check_online_url("").as_deref(), Ok(""));
        for bad in [
            "javascript:alert(1)",
            "https://",
            "https:// evil",
            "ftp://files.example",
            "https://user:pw@evil.example",
            "https://exa mple.org",
            "https://a..b",
            "https://example.org/\"onmouseover",
            "meet.example.org",
        ] {
            assert!(check_online_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_form_keeps_every_problem() {
        let tz = chrono_tz::Europe::Tirane;
        let errors = parse_meeting_form(
            &map(&[
                ("meeting_kind", "first_meeting"),
                ("title_sq", ""),
                ("starts_at", "17.12.2026 18:00"),
                ("ends_at", "17.12.2026 17:00"),
                ("visibility", "public"),
                ("online_url", "javascript:alert(1)"),
            ]),
            tz,
        )
        .unwrap_err();
        let codes: Vec<_> = errors.iter().map(|e| (e.field, e.code)).collect();
        assert!(codes.contains(&("title_sq", "required")));
        assert!(codes.contains(&("online_url", "url_invalid")));
        assert!(codes.contains(&("ends_at", "meeting_ends_before_start")));
        let ok = parse_meeting_form(
            &map(&[
                ("meeting_kind", "workshop"),
                ("title_sq", "Punëtori"),
                ("starts_at", "17.12.2026 18:00"),
                ("ends_at", "17.12.2026 20:00"),
                ("visibility", "members_only"),
                ("place", "Salla"),
            ]),
            tz,
        )
        .unwrap();
        assert_eq!(ok.starts_at, Utc.with_ymd_and_hms(2026, 12, 17, 17, 0, 0).unwrap());
        assert_eq!(format_meeting_time(ok.starts_at, tz), "17.12.2026 18:00");
        assert!(parse_meeting_time("starts_at", "2026-12-17 18:00", tz).is_err());
        let too_long = parse_meeting_form(
            &map(&[
                ("meeting_kind", "workshop"),
                ("title_sq", "Punëtori"),
                ("starts_at", "17.12.2026 18:00"),
                ("ends_at", "27.01.2027 20:00"),
                ("visibility", "public"),
                ("place", "Salla"),
            ]),
            tz,
        )
        .unwrap_err();
        assert_eq!(too_long[0].code, "meeting_too_long");
    }

    #[test]
    fn agenda_minutes_are_a_sensible_number() {
        assert!(parse_agenda_form(&map(&[("item_title_sq", "Hyrje"), ("minutes_allotted", "15")])).is_ok());
        assert!(parse_agenda_form(&map(&[("item_title_sq", "Hyrje"), ("minutes_allotted", "0")])).is_err());
        assert!(parse_agenda_form(&map(&[("item_title_sq", ""), ("minutes_allotted", "")])).is_err());
    }
}
