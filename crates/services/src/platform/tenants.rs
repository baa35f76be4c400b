//! Municipalities: their settings, and creating new ones on a shared deployment.

use std::collections::HashMap;

use domain::{Action, Email, FieldError, Slug, TenantId, Text};
use store::{NewTenant, TenantRow, TenantSettings};

use crate::{Actor, ServiceError, Services, common::error::Result};

/// A municipality with the host names it is served at.
#[derive(Debug, Clone)]
pub struct TenantHosts {
    pub tenant: TenantRow,
    pub hosts: Vec<String>,
}

fn get<'a>(values: &'a HashMap<String, String>, key: &str) -> &'a str {
    values.get(key).map(String::as_str).unwrap_or("")
}

/// Parses the settings form; every problem is reported at once.
pub fn parse_settings(values: &HashMap<String, String>) -> Result<TenantSettings, Vec<FieldError>> {
    let name_sq = Text::parse("name_sq", get(values, "name_sq"), true, 200);
    let name_en = Text::parse("name_en", get(values, "name_en"), false, 200);
    let contact = Email::parse("contact_email", get(values, "contact_email"));
    let tz_raw = get(values, "time_zone").trim();
    let tz = if tz_raw.is_empty() { "Europe/Tirane" } else { tz_raw };
    let tz_err = tz
        .parse::<chrono_tz::Tz>()
        .is_err()
        .then(|| FieldError::new("time_zone", "choice_invalid"));
    let logo = get(values, "logo_url").trim();
    let logo_ok = logo.is_empty() || logo.starts_with("https://") || logo.starts_with('/');
    let logo_err = domain::check_characters("logo_url", logo)
        .err()
        .or_else(|| (!logo_ok).then(|| FieldError::new("logo_url", "url_invalid")));
    let privacy_sq = Text::parse("privacy_sq", get(values, "privacy_sq"), false, 20_000);
    let privacy_en = Text::parse("privacy_en", get(values, "privacy_en"), false, 20_000);
    let genitive = Text::parse("name_genitive_sq", get(values, "name_genitive_sq"), false, 200);
    let accusative = Text::parse("name_accusative_sq", get(values, "name_accusative_sq"), false, 200);
    let units = parse_admin_units(get(values, "admin_units"));
    let errors: Vec<FieldError> = [
        genitive.clone().err(),
        accusative.clone().err(),
        units.clone().err(),
        name_sq.clone().err(),
        name_en.clone().err(),
        contact.clone().err(),
        tz_err,
        logo_err,
        privacy_sq.clone().err(),
        privacy_en.clone().err(),
    ]
    .into_iter()
    .flatten()
    .collect();
    match (
        name_sq, name_en, contact, privacy_sq, privacy_en, genitive, accusative, units,
    ) {
        (Ok(a), Ok(b), Ok(c), Ok(d), Ok(e), Ok(g), Ok(acc), Ok(units)) if errors.is_empty() => Ok(TenantSettings {
            name_sq: a.into_string(),
            name_en: b.into_string(),
            time_zone: tz.to_owned(),
            contact_email: c.to_string(),
            logo_url: Some(logo.to_owned()).filter(|l| !l.is_empty()),
            privacy_sq: d.into_string(),
            privacy_en: e.into_string(),
            name_genitive_sq: g.into_string(),
            name_accusative_sq: acc.into_string(),
            admin_units: units.join("\n"),
        }),
        _ => Err(errors),
    }
}

/// Longest name of an administrative unit, in characters.
pub const UNIT_NAME_MAX: usize = 80;

/// The administrative units, one per line: each a short name without commas (applications
/// store their units comma-separated), none twice; at most 100.
pub fn parse_admin_units(raw: &str) -> Result<Vec<String>, FieldError> {
    let mut units: Vec<String> = Vec::new();
    for line in raw.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let unit = Text::parse("admin_units", line, true, UNIT_NAME_MAX)?;
        if unit.as_str().contains(',') {
            return Err(FieldError::new("admin_units", "admin_unit_comma"));
        }
        if units.iter().any(|u| u.to_lowercase() == unit.as_str().to_lowercase()) {
            return Err(FieldError::new("admin_units", "admin_unit_twice"));
        }
        units.push(unit.into_string());
    }
    if units.len() > 100 {
        return Err(FieldError::new("admin_units", "admin_units_too_many"));
    }
    Ok(units)
}

impl Services {
    /// Every municipality on this deployment, for the platform admins.
    pub async fn tenants_with_hosts(&self, actor: &Actor) -> Result<Vec<TenantHosts>> {
        actor.require_user(Action::ManageTenants)?;
        let mut out = Vec::new();
        for tenant in self.store.list_tenants().await? {
            let hosts = self.store.tenant_hosts(tenant.id()).await?;
            out.push(TenantHosts { tenant, hosts });
        }
        Ok(out)
    }

    pub async fn update_tenant_settings(&self, actor: &Actor, values: &HashMap<String, String>) -> Result<()> {
        actor.require_user(Action::EditTenantSettings)?;
        let settings = parse_settings(values).map_err(ServiceError::Invalid)?;
        let ctx = self.ctx(actor.tenant, actor.user, actor.request_id.as_deref());
        Ok(self.store.update_tenant_settings(actor.tenant, &settings, &ctx).await?)
    }

    /// Creates a municipality served at the given host names and invites its first
    /// coordinator by e-mail (roles are per municipality, so someone must be able to run it).
    pub async fn create_tenant(
        &self,
        actor: &Actor,
        lang: domain::Lang,
        values: &HashMap<String, String>,
    ) -> Result<TenantId> {
        actor.require_user(Action::ManageTenants)?;
        let slug = Slug::parse("slug", get(values, "slug"));
        let coordinator = Email::parse("coordinator_email", get(values, "coordinator_email"));
        let hosts: Vec<String> = get(values, "hosts")
            .split([',', ' ', '\n'])
            .map(|h| h.trim().to_ascii_lowercase())
            .filter(|h| !h.is_empty())
            .collect();
        let hosts_err = (hosts.is_empty()
            || hosts
                .iter()
                .any(|h| !h.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')))
        .then(|| FieldError::new("hosts", "host_invalid"));
        let settings = parse_settings(values);
        let mut errors: Vec<FieldError> = settings.clone().err().unwrap_or_default();
        errors.extend(slug.clone().err());
        errors.extend(hosts_err);
        errors.extend(coordinator.clone().err());
        let (Ok(slug), Ok(settings), Ok(coordinator)) = (slug, settings, coordinator) else {
            return Err(ServiceError::Invalid(errors));
        };
        if !errors.is_empty() {
            return Err(ServiceError::Invalid(errors));
        }
        let new = NewTenant {
            slug: slug.as_str().to_owned(),
            settings,
            is_default: false,
            hosts,
        };
        let ctx = self.ctx(actor.tenant, actor.user, actor.request_id.as_deref());
        let id = self
            .store
            .create_tenant(&new, &ctx)
            .await
            .map_err(|e| match ServiceError::from(e) {
                ServiceError::Conflict(field) if field == "slug" => ServiceError::field("slug", "slug_taken"),
                ServiceError::Conflict(_) => ServiceError::field("hosts", "host_taken"),
                other => other,
            })?;
        let created = self
            .store
            .tenant_by_slug(slug.as_str())
            .await?
            .ok_or(ServiceError::NotFound)?;
        // The platform admin has no role in the new municipality yet: the invitation is sent on
        // the strength of creating it.
        let in_new = Actor {
            tenant: id,
            ..actor.clone()
        };
        self.send_role_invite(&created, &in_new, lang, coordinator.as_str(), "coordinator")
            .await?;
        Ok(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_checked_together() {
        let values: HashMap<String, String> = [
            ("name_sq", ""),
            ("contact_email", "x"),
            ("time_zone", "Mars/Olympus"),
            ("logo_url", "javascript:x"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
        let fields: Vec<&str> = parse_settings(&values).unwrap_err().iter().map(|e| e.field).collect();
        assert_eq!(fields, vec!["name_sq", "contact_email", "time_zone", "logo_url"]);
    }

    #[test]
    fn administrative_units_are_a_clean_list() {
        assert_eq!(
            parse_admin_units("Elbasan\n\n  Labinot-Fushë \nShushicë").unwrap(),
            vec!["Elbasan", "Labinot-Fushë", "Shushicë"]
        );
        assert_eq!(
            parse_admin_units("Elbasan\nelbasan").unwrap_err().code,
            "admin_unit_twice"
        );
        assert_eq!(
            parse_admin_units("Elbasan, Gracen").unwrap_err().code,
            "admin_unit_comma"
        );
    }
}
