//! The coordinator's ranked table of a call's applications: reviewers assigned, decisions with
//! reasons, the outcome published.

use std::collections::HashMap;

use axum::extract::Query;
use axum::{
    Router,
    extract::{Path, State},
    response::Response,
    routing::{get, post},
};
use domain::{
    ApplicationId, CallId,
    open_call::{ApplicantType, ApplicationStatus, Decision},
};
use services::ServiceError;
use services::people::orgs::FIELDS_OF_ACTIVITY;
use store::RankFilter;
use views::{AdminApplicationPage, CallApplicationsPage, Choice, ConfirmPage, Form, RankedView};

use super::{applications::application_view, review::summaries};
use crate::html::common::{form_again, localized, page, page_number};
use crate::{AppError, AppState, Ctx, forms::FormData};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/calls/{id}/applications", get(applications))
        .route("/admin/calls/{id}/decide", post(decide))
        .route("/admin/calls/{id}/assign", post(assign_call))
        .route("/admin/calls/{id}/outcome", post(publish_outcome))
        .route("/admin/applications/{id}", get(application))
        .route("/admin/applications/{id}/assign", post(assign_one))
}

const RANKED_PER_PAGE: i64 = 50;

/// The people with the reviewer role, "Name — Organisation", to pick from.
async fn reviewer_choices(state: &AppState, ctx: &Ctx) -> Result<Vec<Choice>, AppError> {
    Ok(state
        .services
        .reviewers(&ctx.actor())
        .await?
        .into_iter()
        .map(|r| Choice {
            value: r.id.to_string(),
            label: match r.org {
                Some(org) => format!("{} — {org}", r.name),
                None => r.name,
            },
        })
        .collect())
}

/// The decisions to choose from, after an empty first choice: no decision is taken by a tap on
/// "save" without choosing one.
fn decision_choices(ctx: &Ctx) -> Vec<Choice> {
    std::iter::once(Choice {
        value: String::new(),
        label: ctx.t("decision-choose"),
    })
    .chain(Decision::ALL.iter().map(|d| Choice {
        value: d.key().into(),
        label: ctx.t(&format!("decision-{}", d.key())),
    }))
    .collect()
}

/// Filters of the ranked table, as in the query string.
fn filter_of(q: &HashMap<String, String>, ctx_units: &[&str]) -> RankFilter {
    let get = |k: &str| q.get(k).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
    RankFilter {
        applicant_type: get("type").filter(|t| ApplicantType::parse(t).is_some()),
        field: get("field").filter(|f| FIELDS_OF_ACTIVITY.contains(&f.as_str())),
        area: get("area").filter(|a| ctx_units.contains(&a.as_str())),
        status: get("status").filter(|s| ApplicationStatus::parse(s).is_some()),
    }
}

async fn render_applications(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    q: &HashMap<String, String>,
    form: Form,
) -> Result<Response, AppError> {
    let page_no = page_number(q.get("page").and_then(|p| p.parse().ok()));
    let filter = filter_of(q, &ctx.tenant.admin_units());
    let ranked = state
        .services
        .ranked_applications(&ctx.actor(), CallId(id), &filter, page_no, RANKED_PER_PAGE)
        .await?;
    let (call, rows, has_next) = (&ranked.call, &ranked.rows, ranked.has_next);
    let mut kept: Vec<(String, String)> = q
        .iter()
        .filter(|(k, _)| k.as_str() != "page")
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    kept.sort();
    let has_errors = form.has_errors();
    let template = CallApplicationsPage {
        p: ctx.page(ctx.t("ranking-title")),
        call_id: call.id,
        call_title: localized(ctx, &call.title_sq, &call.title_en).to_owned(),
        rows: rows
            .iter()
            .map(|r| RankedView {
                id: r.id,
                reference: r.reference.clone().unwrap_or_default(),
                applicant: r.applicant.clone(),
                applicant_type: ctx.t(&format!("applicant-{}", r.applicant_type.key())),
                status: ctx.t(&format!("status-{}", r.status.key())),
                mean: r
                    .mean
                    .map(|m| views::decimal(ctx.lang, m, 2))
                    .unwrap_or_else(|| "—".into()),
                spread: r
                    .spread
                    .map(|m| views::decimal(ctx.lang, m, 2))
                    .unwrap_or_else(|| "—".into()),
                reviews: format!("{}/{}", r.reviews_done, r.assigned),
                conflicts: r.conflicts,
            })
            .collect(),
        filter: Form::new(q.clone()),
        types: ApplicantType::ALL
            .iter()
            .map(|t| Choice {
                value: t.key().into(),
                label: ctx.t(&format!("applicant-{}", t.key())),
            })
            .collect(),
        fields: FIELDS_OF_ACTIVITY
            .iter()
            .map(|f| Choice {
                value: (*f).into(),
                label: ctx.t(&format!("fieldofactivity-{f}")),
            })
            .collect(),
        units: super::applications::unit_choices(ctx),
        statuses: ApplicationStatus::ALL
            .iter()
            .filter(|s| s.is_application())
            .map(|s| Choice {
                value: s.key().into(),
                label: ctx.t(&format!("status-{}", s.key())),
            })
            .collect(),
        decisions: decision_choices(ctx),
        reviewers: reviewer_choices(state, ctx).await?,
        page: page_no,
        has_next,
        query: serde_urlencoded::to_string(kept).unwrap_or_default(),
        form,
        outcome_published: call.outcome_published_at.is_some(),
        // The outcome is published only once the call has closed (the use case refuses it too).
        closes_at: (call.closes_at > state.services.clock.now())
            .then(|| crate::html::common::date_time(ctx, call.closes_at)),
    };
    if has_errors {
        form_again(template)
    } else {
        page(template)
    }
}

async fn applications(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    render_applications(&state, &ctx, id, &q, Form::default()).await
}

async fn render_application(state: &AppState, ctx: &Ctx, id: i64, form: Form) -> Result<Response, AppError> {
    let staff = state
        .services
        .application_for_staff(&ctx.actor(), ApplicationId(id))
        .await?;
    let has_errors = form.has_errors();
    let template = AdminApplicationPage {
        p: ctx.page(ctx.t("application-title")),
        app: application_view(ctx, &staff.application),
        reviews: summaries(ctx, &staff.reviews, &staff.scores, &staff.criteria),
        decisions: decision_choices(ctx),
        reviewers: reviewer_choices(state, ctx).await?,
        form,
        outcome_published: staff.application.call.outcome_published_at.is_some(),
    };
    if has_errors {
        form_again(template)
    } else {
        page(template)
    }
}

async fn application(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    render_application(&state, &ctx, id, Form::default()).await
}

async fn decide(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.actor();
    let apps: Vec<ApplicationId> = form
        .all("applications")
        .iter()
        .filter_map(|a| a.parse().ok())
        .map(ApplicationId)
        .collect();
    let back_to_application = form.get("back") == "application" && apps.len() == 1;
    match state
        .services
        .decide(&actor, CallId(id), &apps, form.get("decision"), form.get("reason"))
        .await
    {
        Ok(_) if back_to_application => {
            Ok(ctx.redirect_with_flash(&format!("/admin/applications/{}", apps[0]), "flash-decided"))
        }
        Ok(_) => Ok(ctx.redirect_with_flash(&format!("/admin/calls/{id}/applications"), "flash-decided")),
        Err(ServiceError::Invalid(errors)) if back_to_application => {
            render_application(&state, &ctx, apps[0].0, Form::new(form.to_map()).with_errors(errors)).await
        }
        Err(ServiceError::Invalid(errors)) => {
            render_applications(
                &state,
                &ctx,
                id,
                &HashMap::new(),
                Form::new(form.to_map()).with_errors(errors),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

async fn assign_call(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.actor();
    match state
        .services
        .assign_reviewer_to_call(&ctx.tenant, &actor, CallId(id), form.get("reviewer"))
        .await
    {
        Ok(_) => Ok(ctx.redirect_with_flash(&format!("/admin/calls/{id}/applications"), "flash-assigned")),
        Err(ServiceError::Invalid(errors)) => {
            render_applications(
                &state,
                &ctx,
                id,
                &HashMap::new(),
                Form::new(form.to_map()).with_errors(errors),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

async fn assign_one(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.actor();
    match state
        .services
        .assign_reviewer(&ctx.tenant, &actor, ApplicationId(id), form.get("reviewer"))
        .await
    {
        Ok(()) => Ok(ctx.redirect_with_flash(&format!("/admin/applications/{id}"), "flash-assigned")),
        Err(ServiceError::Invalid(errors)) => {
            render_application(&state, &ctx, id, Form::new(form.to_map()).with_errors(errors)).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn publish_outcome(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    // The final, weighty action: first a summary of what will be sent to whom, then publish.
    if form.get("confirmed") != "yes" {
        return match state.services.outcome_preview(&ctx.actor(), CallId(id)).await {
            Ok(counts) => {
                let call = state.services.call_for_staff(&ctx.actor(), CallId(id)).await?;
                let total: i64 = counts.iter().map(|c| c.count).sum();
                let breakdown = counts
                    .iter()
                    .map(|c| {
                        format!(
                            "{} {}",
                            c.count,
                            ctx.t(&format!("status-{}", c.status.key())).to_lowercase()
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(", ");
                page(ConfirmPage {
                    p: ctx.page(ctx.t("outcome-confirm-title")),
                    heading: ctx.t("outcome-confirm-title"),
                    text: views::t_args(
                        ctx.lang,
                        "outcome-confirm-text",
                        &[
                            ("call", localized(&ctx, &call.title_sq, &call.title_en).to_owned()),
                            ("total", total.to_string()),
                            ("breakdown", breakdown),
                        ],
                    ),
                    action: format!("/admin/calls/{id}/outcome"),
                    fields: Vec::new(),
                    confirm_label: ctx.t("outcome-confirm-button"),
                    cancel_href: format!("/admin/calls/{id}/applications"),
                })
            }
            Err(ServiceError::Invalid(errors)) => {
                render_applications(&state, &ctx, id, &HashMap::new(), Form::default().with_errors(errors)).await
            }
            Err(e) => Err(e.into()),
        };
    }
    match state
        .services
        .publish_outcome(&ctx.tenant, &ctx.actor(), CallId(id))
        .await
    {
        Ok(()) => {
            state.public.invalidate_call(ctx.tenant.id(), CallId(id));
            Ok(ctx.redirect_with_flash(&format!("/calls/{id}/outcome"), "flash-outcome-published"))
        }
        Err(ServiceError::Invalid(errors)) => {
            render_applications(&state, &ctx, id, &HashMap::new(), Form::default().with_errors(errors)).await
        }
        Err(e) => Err(e.into()),
    }
}
