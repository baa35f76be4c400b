//! Submitting and finding input (issue 9, parts 2 and 4): during an open phase a signed-in person
//! (or, where the phase and the municipality allow it, somebody with a verified e-mail address
//! only) submits a problem or an idea; its author edits it until the first support or comment
//! and may withdraw it with a note (kept, never deleted). The public list is filtered, sorted,
//! paged by keyset and searched without accents; counts per theme and unit go beside it.

use std::collections::HashMap;

use chrono::Duration;
use domain::{
    Action, Email, FieldError, Lang, UserId,
    common::values::Text,
    input::{
        BODY_MAX, InputKind, InputSort, InputState, REASON_MAX, TITLE_MAX,
        submission::{
            EditFacts, EditRefusal, ListCursor, PhaseStatus, StatusFilter, can_edit, can_withdraw, search_words,
        },
    },
};
use sha2::{Digest, Sha256};
use store::{
    NewFile, OrgRow, TenantRow,
    input::{
        inputs::{InputFile, InputRow, NewInput, NewPendingInput},
        search::{InputFilter, InputPage, ThemeCount, UnitCount},
    },
};

use super::phases::PhaseView;
use crate::{
    Actor, ServiceError, Services,
    common::{error::Result, mails::notice_mail},
    open_call::files::{clean_filename, sniff},
    tokens,
};

/// Inputs per page of the list.
pub const PAGE_SIZE: i64 = 20;
/// How long an e-mail-only input waits for its author to follow the link.
pub const CONFIRM_DAYS: i64 = 7;
/// Longest name given with an e-mail-only input.
pub const NAME_MAX: usize = 100;
/// E-mail-only inputs an hour to one address: each sends a mail to it, whoever typed it.
pub const EMAIL_ONLY_PER_ADDRESS: i64 = 3;
/// E-mail-only inputs an hour from one client address (a shared office or school network may
/// hold several people), so that nobody sends mail to many addresses.
pub const EMAIL_ONLY_PER_CLIENT: i64 = 20;

/// Who submits from where: the visitor's language (for the confirmation mail) and client
/// address (for the e-mail-only throttle), as the handler knows them.
#[derive(Debug, Clone, Copy)]
pub struct Visitor<'a> {
    pub lang: Lang,
    pub client: &'a str,
}

/// An uploaded file as the handler read it (empty content: none chosen).
#[derive(Debug, Clone, Copy)]
pub struct Upload<'a> {
    pub filename: &'a str,
    pub content: &'a [u8],
}

/// What the new-input form needs: the open phase (none: the page says no phase is open), the
/// units to choose from, the organisations the author belongs to, and whether the visitor takes
/// part with an e-mail address only (not signed in, allowed by the phase and the municipality).
#[derive(Debug, Clone)]
pub struct NewInputContext {
    pub phase: Option<PhaseView>,
    /// When no phase is open, the one that closed last: a form sent after it closed is shown
    /// again with its choices, so that nothing typed is lost.
    pub closed: Option<PhaseView>,
    pub units: Vec<String>,
    pub orgs: Vec<OrgRow>,
    pub email_only: bool,
}

/// What submitting did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Submitted {
    Published(i64),
    /// Kept until the link e-mailed to this address is followed.
    Pending {
        email: String,
    },
}

/// The input page's facts besides the input: its phase, and what the reader may do.
#[derive(Debug, Clone)]
pub struct InputView {
    pub input: InputRow,
    pub phase: PhaseView,
    pub is_author: bool,
    /// `Ok` while the reader may edit; otherwise why not (shown to the author only).
    pub edit: std::result::Result<(), EditRefusal>,
    pub can_withdraw: bool,
}

/// The edit form's facts.
#[derive(Debug, Clone)]
pub struct EditContext {
    pub input: InputRow,
    pub phase: PhaseView,
    pub units: Vec<String>,
    pub orgs: Vec<OrgRow>,
    /// Why the edit window is closed, when it is.
    pub refusal: Option<EditRefusal>,
}

/// What withdrawing did, or what its confirmation names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WithdrawOutcome {
    Withdrawn,
    NeedsConfirmation { title: String },
}

/// The list's query as typed (`?phase=&theme=&unit=&kind=&status=&sort=&q=&after=`).
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    pub phase: String,
    #[serde(default)]
    pub theme: String,
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub sort: String,
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub after: String,
}

/// A page of the list with what the filters show: the phase (none announced yet: `None`), the
/// other phases, counts per theme and unit, and the filter values understood. A filter value
/// that cannot be understood is a message next to its field (`errors`) and is not applied.
#[derive(Debug, Clone)]
pub struct InputList {
    pub phase: Option<PhaseView>,
    pub phases: Vec<PhaseView>,
    pub page: InputPage,
    pub theme_counts: Vec<ThemeCount>,
    pub unit_counts: Vec<UnitCount>,
    pub units: Vec<String>,
    pub theme: Option<i64>,
    pub unit: Option<String>,
    pub kind: Option<InputKind>,
    pub status: Option<StatusFilter>,
    pub sort: InputSort,
    pub q: String,
    /// Whether this page follows another (an `after` cursor was given).
    pub is_later_page: bool,
    pub errors: Vec<FieldError>,
}

/// Reads the input form against the phase: `kind`, `title`, `body` (Markdown), `theme` (one of
/// the phase's), `unit` (one of its units), `org` (empty, or one of the author's organisations).
/// Text is kept as typed (HTML included): it is escaped, or rendered as sanitised Markdown, when
/// shown.
pub fn parse_input(
    values: &HashMap<String, String>,
    phase: &PhaseView,
    units: &[String],
    orgs: &[OrgRow],
) -> std::result::Result<NewInput, Vec<FieldError>> {
    let get = |k: &str| values.get(k).map(String::as_str).unwrap_or("").trim();
    let mut errors = Vec::new();
    let kind = match get("input_kind") {
        "" => {
            errors.push(FieldError::new("input_kind", "required"));
            None
        }
        k => InputKind::parse(k).or_else(|| {
            errors.push(FieldError::new("input_kind", "choice_invalid"));
            None
        }),
    };
    let mut text = |field: &'static str, max: usize| match Text::parse(
        field,
        values.get(field).map(String::as_str).unwrap_or(""),
        true,
        max,
    ) {
        Ok(t) => t.into_string(),
        Err(e) => {
            errors.push(e);
            String::new()
        }
    };
    let title = text("title", TITLE_MAX);
    let body = text("body", BODY_MAX);
    let theme = match get("theme") {
        "" if phase.themes.is_empty() => None,
        "" => {
            errors.push(FieldError::new("theme", "required"));
            None
        }
        t => {
            let found = t
                .parse::<i64>()
                .ok()
                .filter(|id| phase.themes.iter().any(|th| th.id == *id));
            if found.is_none() {
                errors.push(FieldError::new("theme", "choice_invalid"));
            }
            found
        }
    };
    let unit = match get("unit") {
        "" if units.is_empty() => String::new(),
        "" => {
            errors.push(FieldError::new("unit", "required"));
            String::new()
        }
        u if units.iter().any(|x| x == u) => u.to_owned(),
        _ => {
            errors.push(FieldError::new("unit", "choice_invalid"));
            String::new()
        }
    };
    let org = match get("org") {
        "" => None,
        o => {
            let found = o.parse::<i64>().ok().filter(|id| orgs.iter().any(|x| x.id == *id));
            if found.is_none() {
                errors.push(FieldError::new("org", "choice_invalid"));
            }
            found
        }
    };
    match kind {
        Some(kind) if errors.is_empty() => Ok(NewInput {
            kind,
            title,
            body,
            theme_id: theme,
            admin_unit: unit,
            org_id: org,
        }),
        _ => Err(errors),
    }
}

/// Checks an optional upload: nothing chosen is fine; otherwise a PDF or an image (read from its
/// content, never its name) within the size limit.
/// A checked upload: its cleaned name, its type as read from its content, its bytes.
type CheckedFile<'a> = (String, &'static str, &'a [u8]);

fn check_upload<'a>(
    upload: Option<Upload<'a>>,
    max_bytes: usize,
) -> std::result::Result<Option<CheckedFile<'a>>, FieldError> {
    let Some(upload) = upload.filter(|u| !u.content.is_empty()) else {
        return Ok(None);
    };
    if upload.content.len() > max_bytes {
        return Err(FieldError::new("file", "file_too_large"));
    }
    let content_type = sniff(upload.content).ok_or(FieldError::new("file", "file_type"))?;
    Ok(Some((clean_filename(upload.filename), content_type, upload.content)))
}

impl Services {
    /// The new-input form's facts. The anonymous visitor is asked to log in unless the open
    /// phase takes e-mail-only input.
    pub async fn new_input_context(&self, tenant: &TenantRow, actor: &Actor) -> Result<NewInputContext> {
        let phases = self.announced_input_phases(tenant).await?;
        let phase = phases.iter().find(|p| p.status == PhaseStatus::Open).cloned();
        // Newest first: the first closed one closed last.
        let closed = match phase {
            Some(_) => None,
            None => phases.into_iter().find(|p| p.status == PhaseStatus::Closed),
        };
        let email_only = actor.user.is_none() && phase.as_ref().is_some_and(|p| p.email_only(tenant));
        // Somebody without an account who wrote while an e-mail-only phase was open gets the form
        // back too (with the closed phase's message), not a log-in page.
        let late_email_only = actor.user.is_none() && closed.as_ref().is_some_and(|p| p.email_only(tenant));
        if !email_only && !late_email_only {
            actor.require_user(Action::TakePartInInput)?;
        }
        let orgs = match actor.user {
            Some(user) => self.store.orgs_of_user(tenant.id(), user).await?,
            None => Vec::new(),
        };
        Ok(NewInputContext {
            units: phase.as_ref().map(|p| p.units(tenant)).unwrap_or_default(),
            phase,
            closed,
            orgs,
            email_only: email_only || late_email_only,
        })
    }

    /// Submits an input in the open phase: published at once for a signed-in author; kept and
    /// confirmed by e-mail for somebody taking part with an address only (`name`, `email`), in
    /// the visitor's language.
    pub async fn submit_input(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        visitor: Visitor<'_>,
        values: &HashMap<String, String>,
        upload: Option<Upload<'_>>,
        max_bytes: usize,
    ) -> Result<Submitted> {
        let context = self.new_input_context(tenant, actor).await?;
        let Some(phase) = &context.phase else {
            return Err(ServiceError::field("title", "input_phase_closed"));
        };
        let parsed = parse_input(values, phase, &context.units, &context.orgs);
        let file = check_upload(upload, max_bytes);
        let get = |k: &str| values.get(k).map(String::as_str).unwrap_or("");
        let (name, email) = if context.email_only {
            (
                Some(Text::parse("author_name", get("author_name"), true, NAME_MAX)),
                Some(Email::parse("email", get("email"))),
            )
        } else {
            (None, None)
        };
        let mut errors: Vec<FieldError> = parsed.as_ref().err().cloned().unwrap_or_default();
        errors.extend(file.as_ref().err().cloned());
        errors.extend(name.as_ref().and_then(|n| n.as_ref().err().cloned()));
        errors.extend(email.as_ref().and_then(|e| e.as_ref().err().cloned()));
        if !errors.is_empty() {
            return Err(ServiceError::Invalid(errors));
        }
        let input = parsed.map_err(ServiceError::Invalid)?;
        let file = file.map_err(|e| ServiceError::Invalid(vec![e]))?;
        let sha = file
            .as_ref()
            .map(|(_, _, c)| hex::encode(Sha256::digest(c)))
            .unwrap_or_default();
        let new_file = file.as_ref().map(|(name, content_type, content)| NewFile {
            filename: name,
            content_type,
            sha256: &sha,
            content,
        });
        match (actor.user, name, email) {
            (Some(user), _, _) => {
                self.input_write_allowed(tenant, user, "body").await?;
                let ctx = self.ctx(tenant.id(), Some(user), actor.request_id.as_deref());
                let id = self
                    .store
                    .create_input(tenant.id(), phase.phase.id, user, &input, new_file.as_ref(), &ctx)
                    .await?;
                Ok(Submitted::Published(id))
            }
            (None, Some(Ok(name)), Some(Ok(email))) => {
                // No account to count against: each send mails the address typed, so both the
                // address and the client are buckets (as the log-in counts per client), both
                // counted before either is checked.
                let now = self.clock.now();
                let address_key = format!("input-pending:{}:{}", tenant.id().0, email.as_str());
                let client_key = format!("input-pending-ip:{}:{}", tenant.id().0, visitor.client);
                let address_hits = self.store.rate_hit(&address_key, Duration::hours(1), now).await?;
                let client_hits = self.store.rate_hit(&client_key, Duration::hours(1), now).await?;
                if address_hits > EMAIL_ONLY_PER_ADDRESS || client_hits > EMAIL_ONLY_PER_CLIENT {
                    return Err(ServiceError::field("body", "input_rate_limited"));
                }
                let (token, hash) = tokens::new_token();
                let lang = visitor.lang;
                let link = self.link(tenant, "/input/confirm", &token);
                let mail = notice_mail(
                    lang,
                    email.as_str(),
                    Some(name.as_str()),
                    "input-confirm-mail-subject",
                    "input-confirm-mail-body",
                    &[
                        ("title", input.title.clone()),
                        ("tenant", tenant.name(lang).to_owned()),
                        ("days", CONFIRM_DAYS.to_string()),
                    ],
                    &link,
                );
                let ctx = self.ctx(tenant.id(), None, actor.request_id.as_deref());
                let pending = NewPendingInput {
                    phase_id: phase.phase.id,
                    input,
                    author_name: name.into_string(),
                    email: email.as_str().to_owned(),
                    lang,
                    token_hash: hash,
                    expires_at: ctx.at + Duration::days(CONFIRM_DAYS),
                };
                self.store
                    .create_pending_input(tenant.id(), &pending, new_file.as_ref(), &mail, &ctx)
                    .await?;
                Ok(Submitted::Pending { email: pending.email })
            }
            _ => Err(ServiceError::LoginRequired),
        }
    }

    /// The title of the input an e-mailed link confirms (the page with one button); an unknown
    /// or expired link is refused.
    pub async fn pending_input_title(&self, tenant: &TenantRow, token: &str) -> Result<String> {
        if token.is_empty() {
            return Err(ServiceError::InvalidLink);
        }
        self.store
            .pending_input_title(tenant.id(), &tokens::hash_token(token), self.clock.now())
            .await?
            .ok_or(ServiceError::InvalidLink)
    }

    /// Follows the e-mailed link: publishes the input (see `Store::confirm_pending_input`).
    pub async fn confirm_pending_input(&self, tenant: &TenantRow, actor: &Actor, token: &str) -> Result<i64> {
        if token.is_empty() {
            return Err(ServiceError::InvalidLink);
        }
        let ctx = self.ctx(tenant.id(), None, actor.request_id.as_deref());
        let confirmed = self
            .store
            .confirm_pending_input(tenant.id(), &tokens::hash_token(token), &ctx)
            .await?
            .ok_or(ServiceError::InvalidLink)?;
        // Confirmed after the phase closed, it is published all the same: it was sent in time.
        Ok(confirmed.input)
    }

    /// An input the reader may see: any input of an announced phase (a hidden one too: the page
    /// shows the moderator's reason instead of its text).
    async fn visible_input(&self, tenant: &TenantRow, actor: &Actor, id: i64) -> Result<(InputRow, PhaseView)> {
        actor.require(Action::ViewPublic)?;
        let input = self.store.input(tenant.id(), id).await?.ok_or(ServiceError::NotFound)?;
        let phase = self.public_input_phase(tenant, actor, input.phase_id).await?;
        Ok((input, phase))
    }

    /// The input page.
    pub async fn input_view(&self, tenant: &TenantRow, actor: &Actor, id: i64) -> Result<InputView> {
        let (input, phase) = self.visible_input(tenant, actor, id).await?;
        let is_author = actor.user.is_some_and(|u| u.0 == input.author_id);
        Ok(InputView {
            edit: can_edit(edit_facts(&input, is_author)),
            can_withdraw: can_withdraw(is_author, input.state).is_ok(),
            is_author,
            input,
            phase,
        })
    }

    /// The edit form: only for the author (others are refused); `refusal` says why the window
    /// is closed, when it is.
    pub async fn edit_input_context(&self, tenant: &TenantRow, actor: &Actor, id: i64) -> Result<EditContext> {
        let user = actor.require_user(Action::TakePartInInput)?;
        let (input, phase) = self.visible_input(tenant, actor, id).await?;
        if input.author_id != user.0 {
            return Err(ServiceError::Forbidden);
        }
        let refusal = can_edit(edit_facts(&input, true)).err();
        Ok(EditContext {
            units: phase.units(tenant),
            orgs: self.store.orgs_of_user(tenant.id(), user).await?,
            refusal,
            input,
            phase,
        })
    }

    /// Saves the author's changes while the edit window is open. `remove_file`: drop the
    /// attachment (a new upload replaces it anyway).
    pub async fn update_input(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        id: i64,
        values: &HashMap<String, String>,
        upload: Option<Upload<'_>>,
        max_bytes: usize,
    ) -> Result<()> {
        let context = self.edit_input_context(tenant, actor, id).await?;
        let user = actor.require_user(Action::TakePartInInput)?;
        if let Some(refusal) = context.refusal {
            return Err(ServiceError::field("body", refusal.code()));
        }
        let parsed = parse_input(values, &context.phase, &context.units, &context.orgs);
        let file = check_upload(upload, max_bytes);
        let mut errors: Vec<FieldError> = parsed.as_ref().err().cloned().unwrap_or_default();
        errors.extend(file.as_ref().err().cloned());
        if !errors.is_empty() {
            return Err(ServiceError::Invalid(errors));
        }
        let input = parsed.map_err(ServiceError::Invalid)?;
        let file = file.map_err(|e| ServiceError::Invalid(vec![e]))?;
        self.input_write_allowed(tenant, user, "body").await?;
        let sha = file
            .as_ref()
            .map(|(_, _, c)| hex::encode(Sha256::digest(c)))
            .unwrap_or_default();
        let new_file = file.as_ref().map(|(name, content_type, content)| NewFile {
            filename: name,
            content_type,
            sha256: &sha,
            content,
        });
        let change = match (&new_file, values.get("remove_file").map(String::as_str)) {
            (Some(f), _) => Some(Some(f)),
            (None, Some("yes")) => Some(None),
            (None, _) => None,
        };
        let ctx = self.ctx(tenant.id(), Some(user), actor.request_id.as_deref());
        self.store
            .update_input(tenant.id(), id, user, &input, change, &ctx)
            .await
            .map_err(|e| match ServiceError::from(e) {
                // A support or comment arrived while the author was typing.
                ServiceError::Conflict(_) => ServiceError::field("body", EditRefusal::HasReactions.code()),
                other => other,
            })
    }

    /// Withdraws the author's input with a note, after the confirmation step (the note is typed
    /// on the confirmation page).
    pub async fn withdraw_input(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        id: i64,
        note: &str,
        confirmed: bool,
    ) -> Result<WithdrawOutcome> {
        let user = actor.require_user(Action::TakePartInInput)?;
        let (input, _) = self.visible_input(tenant, actor, id).await?;
        can_withdraw(input.author_id == user.0, input.state).map_err(|r| match r {
            EditRefusal::NotAuthor => ServiceError::Forbidden,
            other => ServiceError::field("withdraw_note", other.code()),
        })?;
        if !confirmed {
            return Ok(WithdrawOutcome::NeedsConfirmation { title: input.title });
        }
        let note = Text::parse("withdraw_note", note, true, REASON_MAX).map_err(|e| ServiceError::Invalid(vec![e]))?;
        self.input_write_allowed(tenant, user, "withdraw_note").await?;
        let ctx = self.ctx(tenant.id(), Some(user), actor.request_id.as_deref());
        self.store
            .withdraw_input(tenant.id(), id, user, note.as_str(), &ctx)
            .await
            .map_err(|e| match ServiceError::from(e) {
                ServiceError::Conflict(_) => ServiceError::field("withdraw_note", EditRefusal::Withdrawn.code()),
                other => other,
            })?;
        Ok(WithdrawOutcome::Withdrawn)
    }

    /// An input's attachment, for anyone who may see the input, unless a moderator hid it.
    pub async fn input_attachment(&self, tenant: &TenantRow, actor: &Actor, id: i64) -> Result<InputFile> {
        let (input, _) = self.visible_input(tenant, actor, id).await?;
        if input.is_hidden() {
            return Err(ServiceError::NotFound);
        }
        self.store
            .input_attachment(tenant.id(), id)
            .await?
            .ok_or(ServiceError::NotFound)
    }

    /// The public list (see [`ListQuery`], [`InputList`]).
    pub async fn list_inputs(&self, tenant: &TenantRow, actor: &Actor, q: &ListQuery) -> Result<InputList> {
        actor.require(Action::ViewPublic)?;
        let mut errors = Vec::new();
        let phases = self.announced_input_phases(tenant).await?;
        let phase = match q.phase.trim() {
            "" => self.default_input_phase(tenant).await?,
            raw => match raw
                .parse::<i64>()
                .ok()
                .and_then(|id| phases.iter().find(|p| p.phase.id == id))
            {
                Some(p) => Some(p.clone()),
                None => {
                    errors.push(FieldError::new("phase", "choice_invalid"));
                    self.default_input_phase(tenant).await?
                }
            },
        };
        let units = phase.as_ref().map(|p| p.units(tenant)).unwrap_or_default();
        let theme = match q.theme.trim() {
            "" => None,
            raw => {
                let found = raw
                    .parse::<i64>()
                    .ok()
                    .filter(|id| phase.as_ref().is_some_and(|p| p.themes.iter().any(|t| t.id == *id)));
                if found.is_none() {
                    errors.push(FieldError::new("theme", "choice_invalid"));
                }
                found
            }
        };
        let unit = match q.unit.trim() {
            "" => None,
            raw if units.iter().any(|u| u == raw) => Some(raw.to_owned()),
            _ => {
                errors.push(FieldError::new("unit", "choice_invalid"));
                None
            }
        };
        let kind = match q.kind.trim() {
            "" => None,
            raw => InputKind::parse(raw).or_else(|| {
                errors.push(FieldError::new("kind", "choice_invalid"));
                None
            }),
        };
        let status = match q.status.trim() {
            "" => None,
            raw => StatusFilter::parse(raw).or_else(|| {
                errors.push(FieldError::new("status", "choice_invalid"));
                None
            }),
        };
        let sort = match q.sort.trim() {
            "" => InputSort::Newest,
            raw => InputSort::parse(raw).unwrap_or_else(|| {
                errors.push(FieldError::new("sort", "choice_invalid"));
                InputSort::Newest
            }),
        };
        let words = search_words(&q.q).unwrap_or_else(|r| {
            errors.push(FieldError::new("q", r.code()));
            Vec::new()
        });
        // A cursor from another order, or typed by hand, starts from the top.
        let after = ListCursor::parse(sort, q.after.trim());
        let (page, theme_counts, unit_counts) = match &phase {
            Some(p) => {
                let filter = InputFilter {
                    phase: p.phase.id,
                    theme,
                    unit: unit.clone(),
                    kind,
                    status,
                    words,
                    sort,
                    after,
                    limit: PAGE_SIZE,
                };
                (
                    self.store.list_inputs(tenant.id(), &filter).await?,
                    self.store.input_counts_by_theme(tenant.id(), p.phase.id).await?,
                    self.store.input_counts_by_unit(tenant.id(), p.phase.id).await?,
                )
            }
            None => (
                InputPage {
                    cards: Vec::new(),
                    next: None,
                },
                Vec::new(),
                Vec::new(),
            ),
        };
        Ok(InputList {
            phase,
            phases,
            page,
            theme_counts,
            unit_counts,
            units,
            theme,
            unit,
            kind,
            status,
            sort,
            q: q.q.trim().chars().take(domain::input::QUERY_MAX).collect(),
            is_later_page: after.is_some(),
            errors,
        })
    }
}

fn edit_facts(input: &InputRow, is_author: bool) -> EditFacts {
    EditFacts {
        is_author,
        state: input.state,
        hidden: input.is_hidden(),
        reacted: input.reacted || input.support_count > 0 || input.comment_count > 0,
    }
}

/// Whether `state` is withdrawn (for the pages' badges).
pub fn is_withdrawn(state: InputState) -> bool {
    state == InputState::Withdrawn
}

/// The author of an input, for use cases of other parts that need it.
pub fn author_of(input: &InputRow) -> UserId {
    UserId(input.author_id)
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use store::input::phases::{InputPhaseRow, InputThemeRow};

    use super::*;

    fn phase() -> PhaseView {
        let now = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).single().expect("valid date");
        PhaseView {
            phase: InputPhaseRow {
                id: 1,
                cycle_id: 1,
                title_sq: "Faza".into(),
                title_en: String::new(),
                questions_sq: String::new(),
                questions_en: String::new(),
                opens_at: now,
                closes_at: now,
                units: String::new(),
                email_only: false,
                announced_at: Some(now),
                timeline_phase_id: None,
                created_at: now,
                updated_at: now,
            },
            themes: vec![InputThemeRow {
                id: 7,
                phase_id: 1,
                position: 0,
                title_sq: "Uji".into(),
                title_en: "Water".into(),
            }],
            status: PhaseStatus::Open,
        }
    }

    #[test]
    fn the_input_form_is_checked_field_by_field() {
        let units = vec!["Shirgjan".to_owned()];
        let values: HashMap<String, String> = [
            ("input_kind", "idea"),
            ("title", "<script>alert(1)</script> Ujë"),
            ("body", "Tekst"),
            ("theme", "7"),
            ("unit", "Shirgjan"),
        ]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
        let input = parse_input(&values, &phase(), &units, &[]).expect("valid");
        // Kept as typed: escaped when shown.
        assert!(input.title.starts_with("<script>"));
        let mut bad = values.clone();
        bad.insert("input_kind".into(), "complaint".into());
        bad.insert("title".into(), "x".repeat(TITLE_MAX + 1));
        bad.insert("body".into(), "  ".into());
        bad.insert("theme".into(), "8".into());
        bad.insert("unit".into(), "Tiranë".into());
        bad.insert("org".into(), "3".into());
        let errors = parse_input(&bad, &phase(), &units, &[]).expect_err("invalid");
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, vec!["input_kind", "title", "body", "theme", "unit", "org"]);
    }

    #[test]
    fn uploads_are_pdf_or_images_within_the_limit() {
        assert_eq!(check_upload(None, 10).expect("none"), None);
        let text = Upload {
            filename: "a.pdf",
            content: b"just text",
        };
        assert_eq!(check_upload(Some(text), 100).expect_err("type").code, "file_type");
        assert_eq!(check_upload(Some(text), 3).expect_err("size").code, "file_too_large");
        let pdf = Upload {
            filename: "../ide.pdf",
            content: b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n",
        };
        let (name, kind, _) = check_upload(Some(pdf), 100).expect("pdf").expect("some");
        assert_eq!((name.as_str(), kind), ("ide.pdf", "application/pdf"));
    }
}
