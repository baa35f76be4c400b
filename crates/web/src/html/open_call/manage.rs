//! Coordinators' pages for calls: list, draft and edit, publish, extend the deadline.

use std::collections::HashMap;

use axum::{
    Router,
    extract::{Path, State},
    response::Response,
    routing::{get, post},
};
use chrono::Duration;
use domain::{Action, CallId, open_call::ApplicantType};
use services::{
    ServiceError,
    open_call::calls::{CRITERIA_MAX, CallAdmin, CriterionFormRow, format_local, parse_call_form},
};
use store::{CallRow, CriterionRow};
use views::{
    AdminCallPage, AdminCallsPage, ApplicantsWarning, CallFormPage, Choice, CriterionRowView, Form, zone_name,
};

use super::calls::card;
use crate::html::common::{form_again, page};
use crate::{AppError, AppState, Ctx, forms::FormData};

/// Empty rows of criteria offered below the typed ones, and at least this many rows in all: the
/// form works without JavaScript, so new criteria go into rows that are already there (saving
/// and editing again gives more).
const BLANK_CRITERIA_ROWS: usize = 3;
const MIN_CRITERIA_ROWS: usize = 5;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/calls", get(list).post(create))
        .route("/admin/calls/new", get(new_form))
        .route("/admin/calls/{id}", get(show))
        .route("/admin/calls/{id}/edit", get(edit_form).post(update))
        .route("/admin/calls/{id}/publish", post(publish))
        .route("/admin/calls/{id}/extend", post(extend))
}

/// The rows of criteria as posted, blank ones left out: the form is shown again with exactly
/// these rows (and fresh empty ones), so the row numbers in error fields match what is shown.
fn criteria_from_form(form: &FormData) -> Vec<CriterionFormRow> {
    let (n_sq, n_en, d_sq, d_en, w) = (
        form.all("crit_name_sq"),
        form.all("crit_name_en"),
        form.all("crit_description_sq"),
        form.all("crit_description_en"),
        form.all("crit_weight"),
    );
    let at = |v: &Vec<&str>, i: usize| v.get(i).copied().unwrap_or("").to_owned();
    let rows = [&n_sq, &n_en, &d_sq, &d_en, &w]
        .iter()
        .map(|v| v.len())
        .max()
        .unwrap_or(0);
    (0..rows)
        .map(|i| CriterionFormRow {
            name_sq: at(&n_sq, i),
            name_en: at(&n_en, i),
            description_sq: at(&d_sq, i),
            description_en: at(&d_en, i),
            weight: at(&w, i),
        })
        .filter(|r| !r.is_blank())
        .collect()
}

/// The rows to show: the given ones, then empty rows, every box empty (the weight too: a
/// pre-filled weight would be saved as a criterion's by whoever types only a title).
fn criteria_views(rows: &[CriterionFormRow]) -> Vec<CriterionRowView> {
    let shown = (rows.len() + BLANK_CRITERIA_ROWS).clamp(MIN_CRITERIA_ROWS, CRITERIA_MAX.max(rows.len()));
    (0..shown)
        .map(|index| {
            let r = rows.get(index).cloned().unwrap_or_default();
            CriterionRowView {
                index,
                // One empty row stays open to type in; the others wait under "more criteria",
                // so that a new call's form is not five empty boxes long.
                folded: index > rows.len(),
                name_sq: r.name_sq,
                name_en: r.name_en,
                description_sq: r.description_sq,
                description_en: r.description_en,
                weight: r.weight,
            }
        })
        .collect()
}

fn stored_criteria(rows: &[CriterionRow]) -> Vec<CriterionFormRow> {
    rows.iter()
        .map(|c| CriterionFormRow {
            name_sq: c.name_sq.clone(),
            name_en: c.name_en.clone(),
            description_sq: c.description_sq.clone(),
            description_en: c.description_en.clone(),
            weight: c.weight.to_string(),
        })
        .collect()
}

fn call_values(ctx: &Ctx, c: &CallRow) -> HashMap<String, String> {
    let tz = ctx.tz();
    let mut types = Vec::new();
    for (on, t) in [
        (c.allow_cso, ApplicantType::Cso),
        (c.allow_informal, ApplicantType::InformalGroup),
        (c.allow_citizen, ApplicantType::Citizen),
    ] {
        if on {
            types.push(t.key());
        }
    }
    [
        ("title_sq", c.title_sq.clone()),
        ("title_en", c.title_en.clone()),
        ("summary_sq", c.summary_sq.clone()),
        ("summary_en", c.summary_en.clone()),
        ("body_sq", c.body_sq.clone()),
        ("body_en", c.body_en.clone()),
        ("eligibility_sq", c.eligibility_sq.clone()),
        ("eligibility_en", c.eligibility_en.clone()),
        ("requirements_sq", c.requirements_sq.clone()),
        ("requirements_en", c.requirements_en.clone()),
        ("applicant_types", types.join(",")),
        ("places", c.places.map(|p| p.to_string()).unwrap_or_default()),
        ("opens_at", format_local(c.opens_at, tz)),
        ("closes_at", format_local(c.closes_at, tz)),
        ("contact_email", c.contact_email.clone()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

fn form_page(
    ctx: &Ctx,
    call_id: Option<i64>,
    form: Form,
    criteria: &[CriterionFormRow],
    admin: Option<&CallAdmin>,
) -> CallFormPage {
    // Only a published call has applicants to tell; a draft's changes reach nobody.
    let warning = admin
        .filter(|a| a.call.is_published())
        .map(CallAdmin::applicants)
        .filter(|(drafts, submitted)| drafts + submitted > 0)
        .map(|(drafts, submitted)| ApplicantsWarning { drafts, submitted });
    CallFormPage {
        p: ctx.page(ctx.t(if call_id.is_some() { "call-edit" } else { "call-new" })),
        call_id,
        form,
        criteria: criteria_views(criteria),
        types: ApplicantType::ALL
            .iter()
            .map(|t| Choice {
                value: t.key().into(),
                label: ctx.t(&format!("applicant-{}", t.key())),
            })
            .collect(),
        zone: zone_name(ctx.lang, &ctx.tenant.time_zone),
        warning,
    }
}

async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let calls = state.services.all_calls(&ctx.actor()).await?;
    page(AdminCallsPage {
        p: ctx.page(ctx.t("admin-calls")),
        calls: calls.iter().map(|c| card(&state, &ctx, c)).collect(),
    })
}

async fn new_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    ctx.require(Action::ManageCalls)?;
    // Sensible defaults: open now, close in four weeks at 23:59, the tenant's contact address.
    let now = state.services.clock.now();
    let tz = ctx.tz();
    let closes = (now + Duration::days(28))
        .with_timezone(&tz)
        .format("%d.%m.%Y 23:59")
        .to_string();
    let values = [
        ("opens_at", format_local(now, tz)),
        ("closes_at", closes),
        ("contact_email", ctx.tenant.contact_email.clone()),
        ("applicant_types", "cso,informal_group,citizen".to_owned()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    page(form_page(&ctx, None, Form::new(values), &[], None))
}

async fn create(State(state): State<AppState>, ctx: Ctx, form: FormData) -> Result<Response, AppError> {
    ctx.require(Action::ManageCalls)?;
    let criteria = criteria_from_form(&form);
    match parse_call_form(&form.to_map(), &criteria, ctx.tz()) {
        Ok((input, parsed)) => {
            let id = state
                .services
                .create_call(&ctx.tenant, &ctx.actor(), &input, &parsed)
                .await?;
            Ok(ctx.redirect_with_flash(&format!("/admin/calls/{id}"), "flash-saved"))
        }
        Err(errors) => form_again(form_page(
            &ctx,
            None,
            Form::new(form.to_map()).with_errors(errors),
            &criteria,
            None,
        )),
    }
}

async fn render_show(state: &AppState, ctx: &Ctx, id: i64, extend_form: Form) -> Result<Response, AppError> {
    let admin = state.services.call_admin(&ctx.actor(), CallId(id)).await?;
    let call = &admin.call;
    let counts = admin
        .counts
        .iter()
        .map(|c| (ctx.t(&format!("status-{}", c.status.key())), c.count))
        .collect();
    let has_errors = extend_form.has_errors();
    let documents = &admin.documents;
    let c = card(state, ctx, call);
    let template = AdminCallPage {
        p: ctx.page(c.title.clone()),
        is_draft: !call.is_published(),
        card: c,
        counts,
        extend_form,
        documents: super::applications::file_views(documents),
        max_mb: format!("{}", state.config.attachment_max_bytes / (1024 * 1024)),
        zone: zone_name(ctx.lang, &ctx.tenant.time_zone),
    };
    if has_errors {
        form_again(template)
    } else {
        page(template)
    }
}

/// The call's page with errors about an uploaded document.
pub(crate) async fn show_with_errors(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    errors: Vec<domain::FieldError>,
) -> Result<Response, AppError> {
    render_show(state, ctx, id, Form::default().with_errors(errors)).await
}

async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let call = state.services.call_for_staff(&ctx.actor(), CallId(id)).await?;
    let form = Form::new(
        [(
            "closes_at".to_owned(),
            format_local(call.closes_at + Duration::days(7), ctx.tz()),
        )]
        .into_iter()
        .collect(),
    );
    render_show(&state, &ctx, id, form).await
}

async fn edit_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let admin = state.services.call_admin(&ctx.actor(), CallId(id)).await?;
    page(form_page(
        &ctx,
        Some(id),
        Form::new(call_values(&ctx, &admin.call)),
        &stored_criteria(&admin.criteria),
        Some(&admin),
    ))
}

async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.actor();
    let criteria = criteria_from_form(&form);
    match parse_call_form(&form.to_map(), &criteria, ctx.tz()) {
        Ok((input, parsed)) => {
            state
                .services
                .update_call(&ctx.tenant, &actor, CallId(id), &input, &parsed)
                .await?;
            state.public.invalidate_call(ctx.tenant.id(), CallId(id));
            Ok(ctx.redirect_with_flash(&format!("/admin/calls/{id}"), "flash-saved"))
        }
        Err(errors) => {
            let admin = state.services.call_admin(&actor, CallId(id)).await?;
            form_again(form_page(
                &ctx,
                Some(id),
                Form::new(form.to_map()).with_errors(errors),
                &criteria,
                Some(&admin),
            ))
        }
    }
}

async fn publish(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    match state.services.publish_call(&ctx.actor(), CallId(id)).await {
        Ok(()) => {
            state.public.invalidate_call(ctx.tenant.id(), CallId(id));
            Ok(ctx.redirect_with_flash(&format!("/admin/calls/{id}"), "flash-call-published"))
        }
        Err(ServiceError::Invalid(errors)) => render_show(&state, &ctx, id, Form::default().with_errors(errors)).await,
        Err(e) => Err(e.into()),
    }
}

async fn extend(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    match state
        .services
        .extend_deadline(&ctx.tenant, &ctx.actor(), CallId(id), form.get("closes_at"))
        .await
    {
        Ok(()) => {
            state.public.invalidate_call(ctx.tenant.id(), CallId(id));
            Ok(ctx.redirect_with_flash(&format!("/admin/calls/{id}"), "flash-deadline-extended"))
        }
        Err(ServiceError::Invalid(errors)) => {
            render_show(&state, &ctx, id, Form::new(form.to_map()).with_errors(errors)).await
        }
        Err(e) => Err(e.into()),
    }
}
