//! The municipality's own settings (staff) and the list of municipalities (platform admins).

use std::collections::HashMap;

use axum::{Router, extract::State, response::Response, routing::get};
use domain::Action;
use services::ServiceError;
use views::{Choice, Form, TenantSettingsPage, TenantView, TenantsPage};

use crate::html::common::{form_again, page};
use crate::{AppError, AppState, Ctx, forms::FormData};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/settings", get(settings_form).post(settings_save))
        .route("/admin/tenants", get(tenants).post(tenant_create))
}

/// The time zones a municipality of the region picks from, said in words with their IANA name
/// (what the platform stores); a zone set before and not listed stays choosable.
const ZONES: [&str; 5] = [
    "Europe/Tirane",
    "Europe/Podgorica",
    "Europe/Skopje",
    "Europe/Belgrade",
    "UTC",
];

fn zone_choices(ctx: &Ctx, current: &str) -> Vec<Choice> {
    let mut zones: Vec<&str> = ZONES.to_vec();
    if !current.is_empty() && !zones.contains(&current) {
        zones.insert(0, current);
    }
    zones
        .into_iter()
        .map(|z| Choice {
            value: z.to_owned(),
            label: format!("{} ({z})", views::zone_name(ctx.lang, z)),
        })
        .collect()
}

fn current_values(ctx: &Ctx) -> HashMap<String, String> {
    let t = &ctx.tenant;
    [
        ("name_sq", t.name_sq.clone()),
        ("name_en", t.name_en.clone()),
        ("contact_email", t.contact_email.clone()),
        ("time_zone", t.time_zone.clone()),
        ("logo_url", t.logo_url.clone().unwrap_or_default()),
        ("privacy_sq", t.privacy_sq.clone()),
        ("privacy_en", t.privacy_en.clone()),
        ("name_genitive_sq", t.name_genitive_sq.clone()),
        ("name_accusative_sq", t.name_accusative_sq.clone()),
        ("admin_units", t.admin_units.clone()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

async fn settings_form(ctx: Ctx) -> Result<Response, AppError> {
    ctx.require(Action::EditTenantSettings)?;
    page(TenantSettingsPage {
        p: ctx.page(ctx.t("admin-settings")),
        zones: zone_choices(&ctx, &ctx.tenant.time_zone),
        form: Form::new(current_values(&ctx)),
    })
}

async fn settings_save(State(state): State<AppState>, ctx: Ctx, form: FormData) -> Result<Response, AppError> {
    let actor = ctx.require(Action::EditTenantSettings)?;
    match state.services.update_tenant_settings(&actor, &form.to_map()).await {
        Ok(()) => {
            // This instance shows the change at once; others within the cache's few seconds.
            state.tenants.clear();
            Ok(ctx.redirect_with_flash("/admin/settings", "flash-saved"))
        }
        Err(ServiceError::Invalid(errors)) => form_again(TenantSettingsPage {
            p: ctx.page(ctx.t("admin-settings")),
            zones: zone_choices(&ctx, form.get("time_zone")),
            form: Form::new(form.to_map()).with_errors(errors),
        }),
        Err(e) => Err(e.into()),
    }
}

async fn render_tenants(state: &AppState, ctx: &Ctx, form: Form) -> Result<Response, AppError> {
    let tenants = state
        .services
        .tenants_with_hosts(&ctx.actor())
        .await?
        .into_iter()
        .map(|t| TenantView {
            slug: t.tenant.slug.clone(),
            name: t.tenant.name(ctx.lang).to_owned(),
            hosts: t.hosts.join(", "),
            is_default: t.tenant.is_default,
        })
        .collect();
    let has_errors = form.has_errors();
    let template = TenantsPage {
        p: ctx.page(ctx.t("admin-tenants")),
        zones: zone_choices(ctx, form.v("time_zone")),
        tenants,
        form,
    };
    if has_errors {
        form_again(template)
    } else {
        page(template)
    }
}

async fn tenants(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    render_tenants(&state, &ctx, Form::default()).await
}

async fn tenant_create(State(state): State<AppState>, ctx: Ctx, form: FormData) -> Result<Response, AppError> {
    let actor = ctx.require(Action::ManageTenants)?;
    match state.services.create_tenant(&actor, ctx.lang, &form.to_map()).await {
        Ok(_) => {
            state.tenants.clear();
            Ok(ctx.redirect_with_flash("/admin/tenants", "flash-saved"))
        }
        Err(ServiceError::Invalid(errors)) => {
            render_tenants(&state, &ctx, Form::new(form.to_map()).with_errors(errors)).await
        }
        Err(e) => Err(e.into()),
    }
}
