//! Input phases (issue 9, part 1): the coordinator writes a phase of the current cycle (themes in
//! both languages, questions to the public, opening and closing time, the administrative units
//! concerned, e-mail-only participation), announces it (recorded, and put on the public timeline,
//! after a confirmation step), and sets the municipality's four input settings.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use domain::{
    Action, FieldError,
    common::values::Text,
    input::{
        TITLE_MAX,
        submission::{PhaseStatus, phase_status, unit_lines},
    },
};
use store::{
    TenantRow,
    input::phases::{InputPhaseInput, InputPhaseRow, InputSettings, InputThemeRow},
};

use crate::{Actor, ServiceError, Services, common::error::Result, forum::meetings::parse_meeting_time};

/// Longest questions text, per language.
pub const QUESTIONS_MAX: usize = 10_000;
/// Most themes a phase has.
pub const THEMES_MAX: usize = 30;
/// Bounds of the settings form.
pub const WRITES_PER_HOUR: std::ops::RangeInclusive<i64> = 1..=1000;
pub const SIMILARITY_PERCENT: std::ops::RangeInclusive<i64> = 10..=95;

/// A phase with its themes and its status now.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PhaseView {
    pub phase: InputPhaseRow,
    pub themes: Vec<InputThemeRow>,
    #[serde(skip)]
    pub status: PhaseStatus,
}

impl PhaseView {
    /// The units of the phase: its own list, or all of the tenant's when it names none.
    pub fn units(&self, tenant: &TenantRow) -> Vec<String> {
        let own = unit_lines(&self.phase.units);
        if own.is_empty() {
            unit_lines(&tenant.admin_units)
        } else {
            own
        }
    }

    /// People without an account may take part here: the phase asks for it and the municipality
    /// allows it.
    pub fn email_only(&self, tenant: &TenantRow) -> bool {
        self.phase.email_only && tenant.input_email_only
    }
}

/// What announcing did, or what the confirmation step names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnnounceOutcome {
    Announced,
    AlreadyAnnounced,
    NeedsConfirmation { title: String },
}

/// Reads the phase form: `title_sq`/`title_en`, `questions_sq`/`questions_en`, `phase_opens_at` and
/// `phase_closes_at` as staff type times ("17.12.2026 18:00", the municipality's zone), `units` (the
/// ticked boxes, joined by commas as `FormData::to_map` does, each one of the tenant's units),
/// `email_only` ("yes"), and the themes, one per line in `themes_sq` and, line for line, in
/// `themes_en`.
pub fn parse_phase(
    values: &HashMap<String, String>,
    tz: Tz,
    tenant_units: &[String],
) -> std::result::Result<InputPhaseInput, Vec<FieldError>> {
    let get = |k: &str| values.get(k).map(String::as_str).unwrap_or("");
    let mut errors = Vec::new();
    let mut text = |field: &'static str, required: bool, max: usize| match Text::parse(field, get(field), required, max)
    {
        Ok(t) => t.into_string(),
        Err(e) => {
            errors.push(e);
            String::new()
        }
    };
    let title_sq = text("title_sq", true, TITLE_MAX);
    let title_en = text("title_en", false, TITLE_MAX);
    let questions_sq = text("questions_sq", true, QUESTIONS_MAX);
    let questions_en = text("questions_en", false, QUESTIONS_MAX);
    let opens = parse_meeting_time("phase_opens_at", get("phase_opens_at"), tz);
    let closes = parse_meeting_time("phase_closes_at", get("phase_closes_at"), tz);
    let (opens_at, closes_at) = match (opens, closes) {
        (Ok(o), Ok(c)) if c <= o => {
            errors.push(FieldError::new("phase_closes_at", "input_closes_before_opens"));
            (o, c)
        }
        (Ok(o), Ok(c)) => (o, c),
        (o, c) => {
            let fallback = DateTime::<Utc>::MIN_UTC;
            (
                o.unwrap_or_else(|e| {
                    errors.push(e);
                    fallback
                }),
                c.unwrap_or_else(|e| {
                    errors.push(e);
                    fallback
                }),
            )
        }
    };
    let mut units: Vec<String> = Vec::new();
    for unit in get("units").split(',').map(str::trim).filter(|u| !u.is_empty()) {
        if !tenant_units.iter().any(|t| t == unit) {
            errors.push(FieldError::new("units", "choice_invalid"));
            break;
        }
        if !units.iter().any(|u| u == unit) {
            units.push(unit.to_owned());
        }
    }
    let email_only = match get("email_only") {
        "" => false,
        "yes" => true,
        _ => {
            errors.push(FieldError::new("email_only", "choice_invalid"));
            false
        }
    };
    let themes = parse_themes(get("themes_sq"), get("themes_en")).unwrap_or_else(|e| {
        errors.push(e);
        Vec::new()
    });
    if errors.is_empty() {
        Ok(InputPhaseInput {
            title_sq,
            title_en,
            questions_sq,
            questions_en,
            opens_at,
            closes_at,
            units: units.join("\n"),
            email_only,
            themes,
        })
    } else {
        Err(errors)
    }
}

/// The themes, one per line in Albanian and line for line in English (the English list may be
/// shorter, never longer). At least one, at most [`THEMES_MAX`], each at most [`TITLE_MAX`].
pub fn parse_themes(sq: &str, en: &str) -> std::result::Result<Vec<(String, String)>, FieldError> {
    for (field, raw) in [("themes_sq", sq), ("themes_en", en)] {
        Text::parse(field, raw, false, 100_000)?;
    }
    let sq: Vec<&str> = sq.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let en: Vec<&str> = en.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    if sq.is_empty() {
        return Err(FieldError::new("themes_sq", "required"));
    }
    if sq.len() > THEMES_MAX {
        return Err(FieldError::new("themes_sq", "input_too_many_themes"));
    }
    if en.len() > sq.len() {
        return Err(FieldError::new("themes_en", "input_themes_mismatch"));
    }
    if sq.iter().any(|t| t.chars().count() > TITLE_MAX) {
        return Err(FieldError::too_long("themes_sq", TITLE_MAX));
    }
    if en.iter().any(|t| t.chars().count() > TITLE_MAX) {
        return Err(FieldError::too_long("themes_en", TITLE_MAX));
    }
    Ok(sq
        .iter()
        .enumerate()
        .map(|(i, s)| ((*s).to_owned(), en.get(i).map(|e| (*e).to_owned()).unwrap_or_default()))
        .collect())
}

/// Reads the settings form: two boxes and two whole numbers in their bounds.
pub fn parse_settings(values: &HashMap<String, String>) -> std::result::Result<InputSettings, Vec<FieldError>> {
    let get = |k: &str| values.get(k).map(String::as_str).unwrap_or("").trim();
    let mut errors = Vec::new();
    let mut flag = |field: &'static str| match get(field) {
        "" => false,
        "yes" => true,
        _ => {
            errors.push(FieldError::new(field, "choice_invalid"));
            false
        }
    };
    let email_only = flag("input_email_only");
    let self_support = flag("input_self_support");
    let mut number = |field: &'static str, range: std::ops::RangeInclusive<i64>, code: &'static str| match get(field)
        .parse::<i64>()
    {
        Ok(n) if range.contains(&n) => n,
        _ if get(field).is_empty() => {
            errors.push(FieldError::new(field, "required"));
            0
        }
        _ => {
            errors.push(FieldError::new(field, code));
            0
        }
    };
    let writes_per_hour = number("input_writes_per_hour", WRITES_PER_HOUR, "input_writes_range");
    let similarity_percent = number("input_similarity_percent", SIMILARITY_PERCENT, "input_similarity_range");
    if errors.is_empty() {
        Ok(InputSettings {
            email_only,
            self_support,
            writes_per_hour,
            similarity_percent,
        })
    } else {
        Err(errors)
    }
}

/// The local days a phase spans, for the timeline.
fn local_days(input_opens: DateTime<Utc>, input_closes: DateTime<Utc>, tz: Tz) -> (NaiveDate, NaiveDate) {
    (
        input_opens.with_timezone(&tz).date_naive(),
        input_closes.with_timezone(&tz).date_naive(),
    )
}

fn tz_of(tenant: &TenantRow) -> Tz {
    tenant.time_zone.parse().unwrap_or(chrono_tz::Europe::Tirane)
}

impl Services {
    async fn phase_view(&self, tenant: &TenantRow, phase: InputPhaseRow) -> Result<PhaseView> {
        let themes = self.store.input_themes(tenant.id(), phase.id).await?;
        let status = phase_status(
            phase.announced_at.is_some(),
            phase.opens_at,
            phase.closes_at,
            self.clock.now(),
        );
        Ok(PhaseView { phase, themes, status })
    }

    /// A phase as the public may see it: announced ones only (drafts are the coordinator's).
    pub async fn public_input_phase(&self, tenant: &TenantRow, actor: &Actor, phase: i64) -> Result<PhaseView> {
        let row = self
            .store
            .input_phase(tenant.id(), phase)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if row.announced_at.is_none() && !actor.can(Action::ManageInput) {
            return Err(ServiceError::NotFound);
        }
        self.phase_view(tenant, row).await
    }

    /// The announced phases, newest first, with their themes (the list's choice of phase).
    pub async fn announced_input_phases(&self, tenant: &TenantRow) -> Result<Vec<PhaseView>> {
        let mut out = Vec::new();
        for row in self.store.announced_input_phases(tenant.id()).await? {
            out.push(self.phase_view(tenant, row).await?);
        }
        Ok(out)
    }

    /// The phase the public list shows when none is asked for: an open one, else the next to
    /// open, else the last to close (the announced phases are few).
    pub async fn default_input_phase(&self, tenant: &TenantRow) -> Result<Option<PhaseView>> {
        let phases = self.announced_input_phases(tenant).await?;
        let pick = |s: PhaseStatus| phases.iter().position(|p| p.status == s);
        let index = pick(PhaseStatus::Open)
            .or_else(|| phases.iter().rposition(|p| p.status == PhaseStatus::Upcoming))
            .or(if phases.is_empty() { None } else { Some(0) });
        Ok(index.and_then(|i| phases.into_iter().nth(i)))
    }

    /// Every phase (drafts too), for the coordinator.
    pub async fn input_phases_admin(&self, tenant: &TenantRow, actor: &Actor) -> Result<Vec<PhaseView>> {
        actor.require(Action::ManageInput)?;
        let mut out = Vec::new();
        for row in self.store.input_phases(tenant.id()).await? {
            out.push(self.phase_view(tenant, row).await?);
        }
        Ok(out)
    }

    /// One phase for the coordinator's form.
    pub async fn input_phase_admin(&self, tenant: &TenantRow, actor: &Actor, phase: i64) -> Result<PhaseView> {
        actor.require(Action::ManageInput)?;
        let row = self
            .store
            .input_phase(tenant.id(), phase)
            .await?
            .ok_or(ServiceError::NotFound)?;
        self.phase_view(tenant, row).await
    }

    /// Creates a phase of the current cycle (a draft until announced).
    pub async fn create_input_phase(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        values: &HashMap<String, String>,
    ) -> Result<i64> {
        let user = actor.require(Action::ManageInput)?;
        let input =
            parse_phase(values, tz_of(tenant), &unit_lines(&tenant.admin_units)).map_err(ServiceError::Invalid)?;
        let cycle = self
            .store
            .current_cycle(tenant.id())
            .await?
            .ok_or(ServiceError::field("title_sq", "input_no_cycle"))?;
        let ctx = self.ctx(tenant.id(), user, actor.request_id.as_deref());
        Ok(self
            .store
            .create_input_phase(tenant.id(), cycle.id, &input, &ctx)
            .await?)
    }

    /// Saves a phase (its timeline entry follows when it is announced).
    pub async fn update_input_phase(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        phase: i64,
        values: &HashMap<String, String>,
    ) -> Result<()> {
        let user = actor.require(Action::ManageInput)?;
        let input =
            parse_phase(values, tz_of(tenant), &unit_lines(&tenant.admin_units)).map_err(ServiceError::Invalid)?;
        let ctx = self.ctx(tenant.id(), user, actor.request_id.as_deref());
        let days = local_days(input.opens_at, input.closes_at, tz_of(tenant));
        match self
            .store
            .update_input_phase(tenant.id(), phase, &input, days, &ctx)
            .await
        {
            // A theme with inputs was left out: said next to the themes, nothing saved.
            Err(store::StoreError::Conflict { field }) if field == "themes_sq" => {
                Err(ServiceError::field("themes_sq", "input_theme_in_use"))
            }
            other => Ok(other?),
        }
    }

    /// Announces a phase after the confirmation step: records the time (check 5) and puts the
    /// phase on the public timeline. Nothing is e-mailed.
    pub async fn announce_input_phase(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        phase: i64,
        confirmed: bool,
    ) -> Result<AnnounceOutcome> {
        let user = actor.require(Action::ManageInput)?;
        let row = self
            .store
            .input_phase(tenant.id(), phase)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if row.announced_at.is_some() {
            return Ok(AnnounceOutcome::AlreadyAnnounced);
        }
        if !confirmed {
            return Ok(AnnounceOutcome::NeedsConfirmation { title: row.title_sq });
        }
        let ctx = self.ctx(tenant.id(), user, actor.request_id.as_deref());
        let days = local_days(row.opens_at, row.closes_at, tz_of(tenant));
        Ok(
            if self.store.announce_input_phase(tenant.id(), phase, days, &ctx).await? {
                AnnounceOutcome::Announced
            } else {
                AnnounceOutcome::AlreadyAnnounced
            },
        )
    }

    /// Saves the municipality's four input settings.
    pub async fn save_input_settings(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        values: &HashMap<String, String>,
    ) -> Result<()> {
        let user = actor.require(Action::ManageInput)?;
        let settings = parse_settings(values).map_err(ServiceError::Invalid)?;
        let ctx = self.ctx(tenant.id(), user, actor.request_id.as_deref());
        self.store.update_input_settings(tenant.id(), &settings, &ctx).await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn a_phase_form_is_read_or_refused_field_by_field() {
        let units = vec!["Elbasan".to_owned(), "Shirgjan".to_owned()];
        let ok = form(&[
            ("title_sq", "Faza e parë"),
            ("questions_sq", "Çfarë?"),
            ("phase_opens_at", "01.12.2026 09:00"),
            ("phase_closes_at", "31.12.2026 18:00"),
            ("units", "Shirgjan"),
            ("themes_sq", "Transparenca\n\nTë rinjtë"),
            ("themes_en", "Transparency"),
        ]);
        let p = parse_phase(&ok, chrono_tz::Europe::Tirane, &units).expect("valid");
        assert_eq!(p.themes.len(), 2);
        assert_eq!(p.themes[1], ("Të rinjtë".to_owned(), String::new()));
        assert_eq!(p.units, "Shirgjan");
        let mut bad = ok.clone();
        bad.insert("phase_closes_at".into(), "30.11.2026 09:00".into());
        bad.insert("units".into(), "Tiranë".into());
        bad.insert("themes_sq".into(), String::new());
        let errors = parse_phase(&bad, chrono_tz::Europe::Tirane, &units).expect_err("invalid");
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, vec!["phase_closes_at", "units", "themes_sq"]);
    }

    #[test]
    fn settings_are_bounded() {
        let s = parse_settings(&form(&[
            ("input_email_only", "yes"),
            ("input_writes_per_hour", "30"),
            ("input_similarity_percent", "45"),
        ]))
        .expect("valid");
        assert!(s.email_only && !s.self_support);
        let errors = parse_settings(&form(&[
            ("input_writes_per_hour", "0"),
            ("input_similarity_percent", "96"),
        ]))
        .expect_err("out of range");
        assert_eq!(errors.len(), 2);
    }
}
