//! The coordinator's pages of input phases: the list with the municipality's input settings,
//! the form of a phase, and announcing it (a confirmation step). Each handler parses, calls one
//! use case in `services::input::phases`, renders.

use std::collections::HashMap;

use axum::{
    Router,
    extract::{Path, State},
    response::Response,
    routing::{get, post},
};
use services::{
    ServiceError,
    forum::meetings::format_meeting_time,
    input::phases::{AnnounceOutcome, PhaseView},
};
use views::{
    Choice, ConfirmPage, Form,
    input::phases::{AdminPhaseFormPage, AdminPhasesPage, PhaseRowView},
};

use crate::{
    AppError, AppState, Ctx,
    forms::FormData,
    html::common::{date_time, form_again, localized, page},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/input", get(admin_list))
        .route("/admin/input/settings", post(save_settings))
        .route("/admin/input/phases/new", get(new_phase).post(create_phase))
        .route("/admin/input/phases/{phase}", get(edit_phase).post(save_phase))
        .route(
            "/admin/input/phases/{phase}/announce",
            get(announce_confirm).post(announce),
        )
}

/// "Announced on …", empty for a draft.
fn announced(ctx: &Ctx, view: &PhaseView) -> String {
    view.phase
        .announced_at
        .map(|at| ctx.t1("input-announced-on", "date", &date_time(ctx, at)))
        .unwrap_or_default()
}

/// The settings form filled from the tenant.
fn settings_form(ctx: &Ctx) -> Form {
    let t = &ctx.tenant;
    let flag = |b: bool| if b { "yes".to_owned() } else { String::new() };
    Form::new(
        [
            ("input_email_only", flag(t.input_email_only)),
            ("input_self_support", flag(t.input_self_support)),
            ("input_writes_per_hour", t.input_writes_per_hour.to_string()),
            ("input_similarity_percent", t.input_similarity_percent.to_string()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect(),
    )
}

async fn render_list(state: &AppState, ctx: &Ctx, form: Form) -> Result<Response, AppError> {
    let phases = state.services.input_phases_admin(&ctx.tenant, &ctx.actor()).await?;
    let failed = form.has_errors();
    let template = AdminPhasesPage {
        p: ctx.page(ctx.t("input-admin-title")),
        phases: phases
            .iter()
            .map(|v| PhaseRowView {
                id: v.phase.id,
                title: localized(ctx, &v.phase.title_sq, &v.phase.title_en).to_owned(),
                status_key: v.status.key(),
                status: ctx.t(&format!("input-phase-status-{}", v.status.key())),
                opens: date_time(ctx, v.phase.opens_at),
                closes: date_time(ctx, v.phase.closes_at),
                announced: announced(ctx, v),
            })
            .collect(),
        form,
    };
    if failed { form_again(template) } else { page(template) }
}

async fn admin_list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let form = settings_form(&ctx);
    render_list(&state, &ctx, form).await
}

async fn save_settings(State(state): State<AppState>, ctx: Ctx, form: FormData) -> Result<Response, AppError> {
    let values = form.to_map();
    match state
        .services
        .save_input_settings(&ctx.tenant, &ctx.actor(), &values)
        .await
    {
        Ok(()) => {
            // Every request reads the tenant's settings from this cache.
            state.tenants.clear();
            Ok(ctx.redirect_with_flash("/admin/input", "flash-input-settings-saved"))
        }
        Err(ServiceError::Invalid(errors)) => render_list(&state, &ctx, Form::new(values).with_errors(errors)).await,
        Err(e) => Err(e.into()),
    }
}

/// The phase's values as the form shows them.
fn phase_values(ctx: &Ctx, v: &PhaseView) -> HashMap<String, String> {
    let tz = ctx.tz();
    let p = &v.phase;
    let themes_sq: Vec<&str> = v.themes.iter().map(|t| t.title_sq.as_str()).collect();
    let themes_en: Vec<&str> = v.themes.iter().map(|t| t.title_en.as_str()).collect();
    [
        ("title_sq", p.title_sq.clone()),
        ("title_en", p.title_en.clone()),
        ("questions_sq", p.questions_sq.clone()),
        ("questions_en", p.questions_en.clone()),
        ("phase_opens_at", format_meeting_time(p.opens_at, tz)),
        ("phase_closes_at", format_meeting_time(p.closes_at, tz)),
        ("units", p.units.lines().collect::<Vec<_>>().join(",")),
        ("email_only", if p.email_only { "yes".into() } else { String::new() }),
        ("themes_sq", themes_sq.join("\n")),
        ("themes_en", themes_en.join("\n").trim_end().to_owned()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

fn form_page(ctx: &Ctx, phase_id: Option<i64>, form: Form, announced: String) -> AdminPhaseFormPage {
    let title = if phase_id.is_some() {
        ctx.t("input-phase-edit")
    } else {
        ctx.t("input-phase-new")
    };
    AdminPhaseFormPage {
        p: ctx.page(title),
        phase_id,
        form,
        units: domain::input::submission::unit_lines(&ctx.tenant.admin_units)
            .into_iter()
            .map(|u| Choice {
                value: u.clone(),
                label: u,
            })
            .collect(),
        zone: views::zone_name(ctx.lang, &ctx.tenant.time_zone),
        announced,
        email_allowed: ctx.tenant.input_email_only,
    }
}

async fn new_phase(ctx: Ctx) -> Result<Response, AppError> {
    ctx.require(domain::Action::ManageInput)?;
    page(form_page(&ctx, None, Form::default(), String::new()))
}

async fn create_phase(State(state): State<AppState>, ctx: Ctx, form: FormData) -> Result<Response, AppError> {
    let values = form.to_map();
    match state
        .services
        .create_input_phase(&ctx.tenant, &ctx.actor(), &values)
        .await
    {
        Ok(id) => Ok(ctx.redirect_with_flash(&format!("/admin/input/phases/{id}"), "flash-input-phase-saved")),
        Err(ServiceError::Invalid(errors)) => form_again(form_page(
            &ctx,
            None,
            Form::new(values).with_errors(errors),
            String::new(),
        )),
        Err(e) => Err(e.into()),
    }
}

async fn edit_phase(State(state): State<AppState>, ctx: Ctx, Path(phase): Path<i64>) -> Result<Response, AppError> {
    let view = state
        .services
        .input_phase_admin(&ctx.tenant, &ctx.actor(), phase)
        .await?;
    let form = Form::new(phase_values(&ctx, &view));
    page(form_page(&ctx, Some(phase), form, announced(&ctx, &view)))
}

async fn save_phase(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(phase): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    let values = form.to_map();
    match state
        .services
        .update_input_phase(&ctx.tenant, &ctx.actor(), phase, &values)
        .await
    {
        Ok(()) => Ok(ctx.redirect_with_flash(&format!("/admin/input/phases/{phase}"), "flash-input-phase-saved")),
        Err(ServiceError::Invalid(errors)) => {
            let view = state
                .services
                .input_phase_admin(&ctx.tenant, &ctx.actor(), phase)
                .await?;
            form_again(form_page(
                &ctx,
                Some(phase),
                Form::new(values).with_errors(errors),
                announced(&ctx, &view),
            ))
        }
        Err(e) => Err(e.into()),
    }
}

fn confirm_page(ctx: &Ctx, phase: i64, title: &str) -> Result<Response, AppError> {
    let heading = ctx.t1("input-announce-confirm-title", "title", title);
    page(ConfirmPage {
        p: ctx.page(heading.clone()),
        heading,
        text: ctx.t1("input-announce-confirm-text", "title", title),
        action: format!("/admin/input/phases/{phase}/announce"),
        fields: Vec::new(),
        confirm_label: ctx.t("input-announce-button"),
        cancel_href: format!("/admin/input/phases/{phase}"),
    })
}

/// Announcing: the GET is the confirmation page; the POST without `confirmed=yes` shows it too.
async fn announce_step(state: &AppState, ctx: &Ctx, phase: i64, confirmed: bool) -> Result<Response, AppError> {
    match state
        .services
        .announce_input_phase(&ctx.tenant, &ctx.actor(), phase, confirmed)
        .await?
    {
        AnnounceOutcome::NeedsConfirmation { title } => confirm_page(ctx, phase, &title),
        AnnounceOutcome::Announced | AnnounceOutcome::AlreadyAnnounced => {
            Ok(ctx.redirect_with_flash(&format!("/admin/input/phases/{phase}"), "flash-input-phase-announced"))
        }
    }
}

async fn announce_confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(phase): Path<i64>,
) -> Result<Response, AppError> {
    announce_step(&state, &ctx, phase, false).await
}

async fn announce(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(phase): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    announce_step(&state, &ctx, phase, form.get("confirmed") == "yes").await
}
