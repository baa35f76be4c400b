//! Coordinators' pages for calls: list, draft and edit, publish, extend the deadline.

use std::collections::HashMap;

use axum::extract::Query;
use axum::{
    Router,
    extract::{Path, State},
    response::Response,
    routing::{get, post},
};
use chrono::Duration;
use domain::{
    Action, ApplicationId, CallId,
    calls::{ApplicantType, ApplicationStatus, Decision},
};
use services::orgs::FIELDS_OF_ACTIVITY;
use services::{
    ServiceError,
    calls::{CriterionFormRow, format_local, parse_call_form},
};
use store::{CallRow, CriterionRow, RankFilter};
use views::{
    AdminApplicationPage, AdminCallPage, AdminCallsPage, CallApplicationsPage, CallFormPage, Choice, CriterionRowView,
    Form, RankedView,
};

use super::{applications::application_view, calls::card, form_again, localized, page, page_number, review::summaries};
use crate::{AppError, AppState, Ctx, forms::FormData};

const CRITERIA_ROWS: usize = 6;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/calls", get(list).post(create))
        .route("/admin/calls/new", get(new_form))
        .route("/admin/calls/{id}", get(show))
        .route("/admin/calls/{id}/edit", get(edit_form).post(update))
        .route("/admin/calls/{id}/publish", post(publish))
        .route("/admin/calls/{id}/extend", post(extend))
        .route("/admin/calls/{id}/applications", get(applications))
        .route("/admin/calls/{id}/decide", post(decide))
        .route("/admin/calls/{id}/assign", post(assign_call))
        .route("/admin/calls/{id}/outcome", post(publish_outcome))
        .route("/admin/calls/{id}/export.csv", get(export_csv))
        .route("/admin/applications/{id}", get(application))
        .route("/admin/applications/{id}/assign", post(assign_one))
}

fn criteria_from_form(form: &FormData) -> Vec<CriterionFormRow> {
    let (n_sq, n_en, d_sq, d_en, w) = (
        form.all("crit_name_sq"),
        form.all("crit_name_en"),
        form.all("crit_description_sq"),
        form.all("crit_description_en"),
        form.all("crit_weight"),
    );
    let at = |v: &Vec<&str>, i: usize| v.get(i).copied().unwrap_or("").to_owned();
    (0..n_sq.len())
        .map(|i| CriterionFormRow {
            name_sq: at(&n_sq, i),
            name_en: at(&n_en, i),
            description_sq: at(&d_sq, i),
            description_en: at(&d_en, i),
            weight: at(&w, i),
        })
        .collect()
}

fn criteria_views(rows: &[CriterionFormRow]) -> Vec<CriterionRowView> {
    let mut out: Vec<CriterionRowView> = rows
        .iter()
        .enumerate()
        .map(|(index, r)| CriterionRowView {
            index,
            name_sq: r.name_sq.clone(),
            name_en: r.name_en.clone(),
            description_sq: r.description_sq.clone(),
            description_en: r.description_en.clone(),
            weight: r.weight.clone(),
        })
        .collect();
    while out.len() < CRITERIA_ROWS {
        out.push(CriterionRowView {
            index: out.len(),
            weight: "1".into(),
            ..CriterionRowView::default()
        });
    }
    out
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

fn form_page(ctx: &Ctx, call_id: Option<i64>, form: Form, criteria: &[CriterionFormRow]) -> CallFormPage {
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
        time_zone: ctx.tenant.time_zone.clone(),
    }
}

async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    ctx.require(Action::ManageCalls)?;
    let calls = state.services.store.list_calls(ctx.tenant.id(), true).await?;
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
        .format("%Y-%m-%dT23:59")
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
    page(form_page(&ctx, None, Form::new(values), &[]))
}

async fn create(State(state): State<AppState>, ctx: Ctx, form: FormData) -> Result<Response, AppError> {
    let actor = ctx.require(Action::ManageCalls)?;
    let criteria = criteria_from_form(&form);
    match parse_call_form(&form.to_map(), &criteria, ctx.tz()) {
        Ok((input, parsed)) => {
            let id = state.services.create_call(&ctx.tenant, &actor, &input, &parsed).await?;
            Ok(ctx.redirect_with_flash(&format!("/admin/calls/{id}"), "flash-saved"))
        }
        Err(errors) => form_again(form_page(
            &ctx,
            None,
            Form::new(form.to_map()).with_errors(errors),
            &criteria,
        )),
    }
}

async fn load(state: &AppState, ctx: &Ctx, id: i64) -> Result<CallRow, AppError> {
    ctx.require(Action::ManageCalls)?;
    state
        .services
        .store
        .call(ctx.tenant.id(), CallId(id))
        .await?
        .ok_or(AppError::NotFound)
}

async fn render_show(state: &AppState, ctx: &Ctx, call: &CallRow, extend_form: Form) -> Result<Response, AppError> {
    let counts = state
        .services
        .store
        .application_counts(ctx.tenant.id(), call.id())
        .await?
        .into_iter()
        .map(|(status, n)| (ctx.t(&format!("status-{status}")), n))
        .collect();
    let has_errors = extend_form.has_errors();
    let documents = state.services.store.call_documents(ctx.tenant.id(), call.id()).await?;
    let c = card(state, ctx, call);
    let template = AdminCallPage {
        p: ctx.page(c.title.clone()),
        is_draft: !call.is_published(),
        card: c,
        counts,
        extend_form,
        documents: super::applications::file_views(&documents),
        max_mb: format!("{}", state.config.attachment_max_bytes / (1024 * 1024)),
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
    let call = load(state, ctx, id).await?;
    render_show(state, ctx, &call, Form::default().with_errors(errors)).await
}

async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let call = load(&state, &ctx, id).await?;
    let form = Form::new(
        [(
            "closes_at".to_owned(),
            format_local(call.closes_at + Duration::days(7), ctx.tz()),
        )]
        .into_iter()
        .collect(),
    );
    render_show(&state, &ctx, &call, form).await
}

async fn edit_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let call = load(&state, &ctx, id).await?;
    let criteria = state.services.store.criteria(ctx.tenant.id(), call.id()).await?;
    page(form_page(
        &ctx,
        Some(id),
        Form::new(call_values(&ctx, &call)),
        &stored_criteria(&criteria),
    ))
}

async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.require(Action::ManageCalls)?;
    load(&state, &ctx, id).await?;
    let criteria = criteria_from_form(&form);
    match parse_call_form(&form.to_map(), &criteria, ctx.tz()) {
        Ok((input, parsed)) => {
            state.services.update_call(&actor, CallId(id), &input, &parsed).await?;
            state.public.invalidate_call(ctx.tenant.id(), CallId(id));
            Ok(ctx.redirect_with_flash(&format!("/admin/calls/{id}"), "flash-saved"))
        }
        Err(errors) => form_again(form_page(
            &ctx,
            Some(id),
            Form::new(form.to_map()).with_errors(errors),
            &criteria,
        )),
    }
}

async fn publish(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let actor = ctx.require(Action::ManageCalls)?;
    state.services.publish_call(&actor, CallId(id)).await?;
    state.public.invalidate_call(ctx.tenant.id(), CallId(id));
    Ok(ctx.redirect_with_flash(&format!("/admin/calls/{id}"), "flash-call-published"))
}

async fn extend(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.require(Action::ManageCalls)?;
    let call = load(&state, &ctx, id).await?;
    match state
        .services
        .extend_deadline(&ctx.tenant, &actor, CallId(id), form.get("closes_at"))
        .await
    {
        Ok(()) => {
            state.public.invalidate_call(ctx.tenant.id(), CallId(id));
            Ok(ctx.redirect_with_flash(&format!("/admin/calls/{id}"), "flash-deadline-extended"))
        }
        Err(ServiceError::Invalid(errors)) => {
            render_show(&state, &ctx, &call, Form::new(form.to_map()).with_errors(errors)).await
        }
        Err(e) => Err(e.into()),
    }
}

const RANKED_PER_PAGE: i64 = 50;

fn decision_choices(ctx: &Ctx) -> Vec<Choice> {
    Decision::ALL
        .iter()
        .map(|d| Choice {
            value: d.key().into(),
            label: ctx.t(&format!("decision-{}", d.key())),
        })
        .collect()
}

/// Filters of the ranked table, as in the query string.
fn filter_of(q: &HashMap<String, String>) -> RankFilter {
    let get = |k: &str| q.get(k).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
    RankFilter {
        applicant_type: get("type").filter(|t| ApplicantType::parse(t).is_some()),
        field: get("field").filter(|f| FIELDS_OF_ACTIVITY.contains(&f.as_str())),
        area: get("area"),
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
    let call = load(state, ctx, id).await?;
    let page_no = page_number(q.get("page").and_then(|p| p.parse().ok()));
    let filter = filter_of(q);
    let mut rows = state
        .services
        .store
        .ranked_applications(
            ctx.tenant.id(),
            call.id(),
            &filter,
            RANKED_PER_PAGE + 1,
            (page_no - 1) * RANKED_PER_PAGE,
        )
        .await?;
    let has_next = rows.len() as i64 > RANKED_PER_PAGE;
    rows.truncate(RANKED_PER_PAGE as usize);
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
                applicant_type: ctx.t(&format!("applicant-{}", r.applicant_type)),
                status: ctx.t(&format!("status-{}", r.status)),
                mean: r.mean.map(|m| format!("{m:.2}")).unwrap_or_else(|| "—".into()),
                spread: r.spread.map(|m| format!("{m:.2}")).unwrap_or_else(|| "—".into()),
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
        statuses: ApplicationStatus::ALL
            .iter()
            .filter(|s| s.is_application())
            .map(|s| Choice {
                value: s.key().into(),
                label: ctx.t(&format!("status-{}", s.key())),
            })
            .collect(),
        decisions: decision_choices(ctx),
        page: page_no,
        has_next,
        query: serde_urlencoded::to_string(kept).unwrap_or_default(),
        form,
        outcome_published: call.outcome_published_at.is_some(),
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
    let actor = ctx.require(Action::ManageCalls)?;
    let (row, call) = state.services.application_for(&actor, true, ApplicationId(id)).await?;
    let store = &state.services.store;
    let criteria = store.criteria(ctx.tenant.id(), call.id()).await?;
    let reviews = store.reviews_of(ctx.tenant.id(), row.id()).await?;
    let scores = store.scores_of(ctx.tenant.id(), row.id()).await?;
    let has_errors = form.has_errors();
    let template = AdminApplicationPage {
        p: ctx.page(ctx.t("application-title")),
        app: application_view(state, ctx, &row, &call).await?,
        reviews: summaries(ctx, &reviews, &scores, &criteria),
        decisions: decision_choices(ctx),
        form,
        outcome_published: call.outcome_published_at.is_some(),
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
    let actor = ctx.require(Action::ManageCalls)?;
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
    let actor = ctx.require(Action::ManageCalls)?;
    load(&state, &ctx, id).await?;
    match state
        .services
        .assign_reviewer_to_call(&actor, CallId(id), form.get("reviewer"))
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
    let actor = ctx.require(Action::ManageCalls)?;
    match state
        .services
        .assign_reviewer(&actor, ApplicationId(id), form.get("reviewer"))
        .await
    {
        Ok(()) => Ok(ctx.redirect_with_flash(&format!("/admin/applications/{id}"), "flash-assigned")),
        Err(ServiceError::Invalid(errors)) => {
            render_application(&state, &ctx, id, Form::new(form.to_map()).with_errors(errors)).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn publish_outcome(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let actor = ctx.require(Action::ManageCalls)?;
    match state.services.publish_outcome(&ctx.tenant, &actor, CallId(id)).await {
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

const EXPORT_PAGE: i64 = 500;

/// The call's applications with scores and decisions as CSV, streamed page by page so that
/// memory stays flat however many there are. UTF-8 with a byte-order mark, so that spreadsheet
/// programs show ë and ç. Contact details are personal data: the export is audited.
async fn export_csv(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    use axum::{
        body::Body,
        http::{HeaderValue, header},
        response::IntoResponse,
    };
    let actor = ctx.require(Action::ManageCalls)?;
    let call = load(&state, &ctx, id).await?;
    let audit = state
        .services
        .ctx(ctx.tenant.id(), actor.user, actor.request_id.as_deref());
    state
        .services
        .store
        .record_export(ctx.tenant.id(), call.id(), &audit)
        .await?;
    let header_row = csv_line(&[
        "reference",
        "status",
        "applicant_type",
        "applicant",
        "registration_number",
        "email",
        "contact_name",
        "contact_phone",
        "fields",
        "areas",
        "size_band",
        "submitted_at",
        "weighted_mean",
        "spread",
        "reviews",
        "conflicts",
        "decision_reason",
    ]);
    let first = format!("\u{FEFF}{header_row}");
    let store = state.services.store.clone();
    let tenant = ctx.tenant.id();
    let call_id = call.id();
    let rows = futures_util::stream::unfold(Some(0_i64), move |after| {
        let store = store.clone();
        async move {
            let after = after?;
            match store.export_page(tenant, call_id, after, EXPORT_PAGE).await {
                Ok(page) if page.is_empty() => None,
                Ok(page) => {
                    let next = (page.len() as i64 == EXPORT_PAGE)
                        .then(|| page.last().map(|r| r.id))
                        .flatten();
                    let chunk: String = page.iter().map(export_line).collect();
                    Some((Ok::<_, std::io::Error>(chunk), next))
                }
                Err(e) => Some((Err(std::io::Error::other(e.to_string())), None)),
            }
        }
    });
    let stream = futures_util::StreamExt::chain(futures_util::stream::once(async move { Ok(first) }), rows);
    let mut response = Body::from_stream(stream).into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    let name = format!("attachment; filename=\"applications-call-{id}.csv\"");
    if let Ok(v) = HeaderValue::from_str(&name) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(response)
}

fn csv_line(fields: &[&str]) -> String {
    let mut writer = csv::WriterBuilder::new().from_writer(Vec::new());
    if writer.write_record(fields).is_err() {
        return String::new();
    }
    writer
        .into_inner()
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .unwrap_or_default()
}

fn export_line(r: &store::ExportRow) -> String {
    let mean = r.mean.map(|m| format!("{m:.2}")).unwrap_or_default();
    let spread = r.spread.map(|m| format!("{m:.2}")).unwrap_or_default();
    let submitted = r.submitted_at.map(|t| t.to_rfc3339()).unwrap_or_default();
    let reviews = r.reviews_done.to_string();
    let conflicts = r.conflicts.to_string();
    csv_line(&[
        r.reference.as_deref().unwrap_or(""),
        &r.status,
        &r.applicant_type,
        &r.applicant,
        r.registration_number.as_deref().unwrap_or(""),
        r.email.as_deref().unwrap_or(""),
        &r.contact_name,
        &r.contact_phone,
        &r.fields,
        &r.areas,
        &r.size_band,
        &submitted,
        &mean,
        &spread,
        &reviews,
        &conflicts,
        r.decision_reason.as_deref().unwrap_or(""),
    ])
}
