//! The municipality's commitment settings (staff, `ManageCommitments`): the prefix of OGP's
//! identifier, the range of commitments a plan holds (OGP Local's check 10), the current
//! cycle's plan period (check 11), and the values OGP's CSV export fills in. Audited as
//! `commitment.settings`.

use std::collections::HashMap;

use chrono::NaiveDate;
use domain::{Action, FieldError};
use store::{TenantRow, commitments::ogp::CommitmentSettings};

use crate::{Actor, ServiceError, Services, common::error::Result};

/// Letters of the prefix: `ALBSN`.
pub const PREFIX_LEN: std::ops::RangeInclusive<usize> = 2..=8;
/// Commitments a plan may be set to hold.
pub const COMMITMENTS_RANGE: std::ops::RangeInclusive<i64> = 1..=100;
/// Longest export value.
pub const OGP_VALUE_MAX: usize = 200;

/// The settings form, as typed (so a refused form shows it again).
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct SettingsForm {
    pub commitment_prefix: String,
    pub commitments_min: String,
    pub commitments_max: String,
    pub plan_starts_on: String,
    pub plan_ends_on: String,
    pub ogp_locality: String,
    pub ogp_slug: String,
    pub ogp_region: String,
    pub ogp_code: String,
    pub ogp_action_plan_id: String,
    pub ogp_national_or_local: String,
}

fn day(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%d.%m.%Y").to_string()).unwrap_or_default()
}

impl SettingsForm {
    pub fn of(s: &CommitmentSettings) -> SettingsForm {
        let (starts, ends) = s.plan.map(|(_, a, b)| (a, b)).unwrap_or((None, None));
        SettingsForm {
            commitment_prefix: s.prefix.clone(),
            commitments_min: s.min.to_string(),
            commitments_max: s.max.to_string(),
            plan_starts_on: day(starts),
            plan_ends_on: day(ends),
            ogp_locality: s.ogp_locality.clone(),
            ogp_slug: s.ogp_slug.clone(),
            ogp_region: s.ogp_region.clone(),
            ogp_code: s.ogp_code.clone(),
            ogp_action_plan_id: s.ogp_action_plan_id.clone(),
            ogp_national_or_local: s.ogp_national_or_local.clone(),
        }
    }

    pub fn from_values(values: &HashMap<String, String>) -> SettingsForm {
        let get = |k: &str| values.get(k).cloned().unwrap_or_default();
        SettingsForm {
            commitment_prefix: get("commitment_prefix"),
            commitments_min: get("commitments_min"),
            commitments_max: get("commitments_max"),
            plan_starts_on: get("plan_starts_on"),
            plan_ends_on: get("plan_ends_on"),
            ogp_locality: get("ogp_locality"),
            ogp_slug: get("ogp_slug"),
            ogp_region: get("ogp_region"),
            ogp_code: get("ogp_code"),
            ogp_action_plan_id: get("ogp_action_plan_id"),
            ogp_national_or_local: get("ogp_national_or_local"),
        }
    }
}

/// Reads the form into settings, or every field's error. `cycle` is the current cycle, whose
/// plan period the form sets (without one the period fields must stay empty).
pub fn parse_settings(
    form: &SettingsForm,
    cycle: Option<i64>,
) -> std::result::Result<CommitmentSettings, Vec<FieldError>> {
    let mut errors = Vec::new();
    let prefix = form.commitment_prefix.trim();
    if prefix.is_empty() {
        errors.push(FieldError::new("commitment_prefix", "required"));
    } else if !PREFIX_LEN.contains(&prefix.len()) || !prefix.bytes().all(|b| b.is_ascii_uppercase()) {
        errors.push(FieldError::new("commitment_prefix", "commitment_prefix_invalid"));
    }
    let mut number = |field: &'static str, raw: &str| match raw.trim().parse::<i64>() {
        Ok(n) if COMMITMENTS_RANGE.contains(&n) => Some(n),
        _ if raw.trim().is_empty() => {
            errors.push(FieldError::new(field, "required"));
            None
        }
        _ => {
            errors.push(FieldError::new(field, "commitments_range"));
            None
        }
    };
    let min = number("commitments_min", &form.commitments_min);
    let max = number("commitments_max", &form.commitments_max);
    if let (Some(a), Some(b)) = (min, max)
        && a > b
    {
        errors.push(FieldError::new("commitments_max", "commitments_min_above_max"));
    }
    let mut date = |field: &'static str, raw: &str| {
        let raw = raw.trim();
        if raw.is_empty() {
            return None;
        }
        match NaiveDate::parse_from_str(raw, "%d.%m.%Y") {
            Ok(d) => Some(d),
            Err(_) => {
                errors.push(FieldError::new(field, "date_invalid"));
                None
            }
        }
    };
    let starts = date("plan_starts_on", &form.plan_starts_on);
    let ends = date("plan_ends_on", &form.plan_ends_on);
    if let (Some(a), Some(b)) = (starts, ends)
        && a > b
    {
        errors.push(FieldError::new("plan_ends_on", "date_order"));
    }
    if cycle.is_none() && (starts.is_some() || ends.is_some()) {
        errors.push(FieldError::new("plan_starts_on", "commitment_no_cycle"));
    }
    let mut text = |field: &'static str, raw: &str| {
        let t = raw.trim();
        if t.chars().count() > OGP_VALUE_MAX {
            errors.push(FieldError::too_long(field, OGP_VALUE_MAX));
        } else if t.chars().any(char::is_control) {
            errors.push(FieldError::new(field, "control_characters"));
        }
        t.to_owned()
    };
    let ogp_locality = text("ogp_locality", &form.ogp_locality);
    let ogp_slug = text("ogp_slug", &form.ogp_slug);
    let ogp_region = text("ogp_region", &form.ogp_region);
    let ogp_code = text("ogp_code", &form.ogp_code);
    let ogp_action_plan_id = text("ogp_action_plan_id", &form.ogp_action_plan_id);
    let ogp_national_or_local = text("ogp_national_or_local", &form.ogp_national_or_local);
    // The slug is the last path segment but one of OGP's URL: lower case, digits and hyphens.
    if !ogp_slug
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        errors.push(FieldError::new("ogp_slug", "ogp_slug_invalid"));
    }
    if ogp_national_or_local.is_empty() {
        errors.push(FieldError::new("ogp_national_or_local", "required"));
    }
    match (min, max) {
        (Some(min), Some(max)) if errors.is_empty() => Ok(CommitmentSettings {
            prefix: prefix.to_owned(),
            min,
            max,
            ogp_locality,
            ogp_slug,
            ogp_region,
            ogp_code,
            ogp_action_plan_id,
            ogp_national_or_local,
            plan: cycle.map(|c| (c, starts, ends)),
        }),
        _ => Err(errors),
    }
}

impl Services {
    /// The settings form as stored (staff only).
    pub async fn commitment_settings(&self, tenant: &TenantRow, actor: &Actor) -> Result<(SettingsForm, bool)> {
        actor.require(Action::ManageCommitments)?;
        let s = self.store.commitment_settings(tenant.id()).await?;
        Ok((SettingsForm::of(&s), s.plan.is_some()))
    }

    /// Saves the settings form; every field's error otherwise.
    pub async fn save_commitment_settings(&self, tenant: &TenantRow, actor: &Actor, form: &SettingsForm) -> Result<()> {
        let user = actor.require(Action::ManageCommitments)?;
        let cycle = self.store.commitment_settings(tenant.id()).await?.plan.map(|p| p.0);
        let settings = parse_settings(form, cycle).map_err(ServiceError::Invalid)?;
        let ctx = self.ctx(tenant.id(), user, actor.request_id.as_deref());
        self.store
            .save_commitment_settings(tenant.id(), &settings, &ctx)
            .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok() -> SettingsForm {
        SettingsForm {
            commitment_prefix: "ALBSN".into(),
            commitments_min: "1".into(),
            commitments_max: "5".into(),
            plan_starts_on: "24.06.2025".into(),
            plan_ends_on: "28.02.2027".into(),
            ogp_locality: "Elbasan, Albania".into(),
            ogp_slug: "elbasan-albania".into(),
            ogp_region: "Europe".into(),
            ogp_national_or_local: "Local".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_good_form_is_read() {
        let s = parse_settings(&ok(), Some(7)).expect("valid");
        assert_eq!(s.prefix, "ALBSN");
        assert_eq!((s.min, s.max), (1, 5));
        assert_eq!(s.plan.map(|p| p.0), Some(7));
    }

    #[test]
    fn each_bad_field_is_named() {
        let mut bad = ok();
        bad.commitment_prefix = "albsn".into();
        bad.commitments_min = "6".into();
        bad.plan_starts_on = "01.03.2027".into();
        bad.ogp_slug = "Elbasan Albania".into();
        bad.ogp_national_or_local = String::new();
        let errors = parse_settings(&bad, Some(1)).expect_err("invalid");
        let got: Vec<(&str, &str)> = errors.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(
            got,
            vec![
                ("commitment_prefix", "commitment_prefix_invalid"),
                ("commitments_max", "commitments_min_above_max"),
                ("plan_ends_on", "date_order"),
                ("ogp_slug", "ogp_slug_invalid"),
                ("ogp_national_or_local", "required"),
            ]
        );
        let mut range = ok();
        range.commitments_max = "101".into();
        range.commitment_prefix = "A".into();
        let errors = parse_settings(&range, None).expect_err("invalid");
        let got: Vec<(&str, &str)> = errors.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(
            got,
            vec![
                ("commitment_prefix", "commitment_prefix_invalid"),
                ("commitments_max", "commitments_range"),
                ("plan_starts_on", "commitment_no_cycle"),
            ]
        );
    }
}
