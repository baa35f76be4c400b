//! An applicant's side of an application: the form (saved as a draft), the review screen,
//! submission, the application's page, withdrawal, and the list of one's applications.

use axum::{
    Router,
    extract::{Path, State},
    response::{IntoResponse, Redirect, Response},
    routing::{get, post},
};
use domain::{
    ApplicationId, FieldError,
    open_call::{ApplicationStatus, CallPhase},
};
use services::{
    ServiceError,
    open_call::applications::{SeenApplication, Viewer, application_values, limits},
    people::orgs::FIELDS_OF_ACTIVITY,
};
use store::WorkRow;
use views::{
    ApplicationFormPage, ApplicationPage, ApplicationReviewPage, ApplicationView, Choice, ConfirmPage, FileView, Form,
    MyApplication, MyApplicationsPage, WorkView,
};

use crate::html::common::{form_again, localized, page};
use crate::{AppError, AppState, Ctx, forms::FormData};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/my/applications", get(mine))
        .route("/my/data.json", get(my_data))
        .route("/applications/{id}", get(show))
        .route("/applications/{id}/pdf", get(pdf))
        .route("/applications/{id}/edit", get(edit_form).post(save))
        .route("/applications/{id}/review", get(review))
        .route("/applications/{id}/submit", post(submit))
        .route("/applications/{id}/withdraw", post(withdraw))
}

fn works_from_form(form: &FormData) -> Vec<WorkRow> {
    let (titles, years, roles, descriptions, links) = (
        form.all("work_title"),
        form.all("work_year"),
        form.all("work_role"),
        form.all("work_description"),
        form.all("work_link"),
    );
    (0..titles.len())
        .map(|i| {
            let year = years.get(i).map(|y| y.trim()).unwrap_or("");
            WorkRow {
                title: titles.get(i).copied().unwrap_or("").to_owned(),
                // An unreadable year is kept as 0, which validation refuses with a message.
                year: if year.is_empty() {
                    None
                } else {
                    Some(year.parse().unwrap_or(0))
                },
                role: roles.get(i).copied().unwrap_or("").to_owned(),
                description: descriptions.get(i).copied().unwrap_or("").to_owned(),
                link: links.get(i).copied().unwrap_or("").trim().to_owned(),
            }
        })
        .collect()
}

fn work_views(works: &[WorkRow], blank_rows: bool) -> Vec<WorkView> {
    let mut out: Vec<WorkView> = works
        .iter()
        .take(limits::WORKS)
        .enumerate()
        .map(|(index, w)| WorkView {
            index,
            title: w.title.clone(),
            year: w.year.map(|y| y.to_string()).unwrap_or_default(),
            role: w.role.clone(),
            description: w.description.clone(),
            link: w.link.clone(),
        })
        .collect();
    if blank_rows {
        while out.len() < limits::WORKS {
            out.push(WorkView {
                index: out.len(),
                ..WorkView::default()
            });
        }
    }
    out
}

/// Sizes as people read them.
pub(crate) fn human_size(bytes: i64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", (bytes + 1023) / 1024)
    }
}

pub(crate) fn file_views(files: &[store::FileMeta]) -> Vec<FileView> {
    files
        .iter()
        .map(|f| FileView {
            id: f.id,
            name: f.filename.clone(),
            size: human_size(f.size_bytes),
        })
        .collect()
}

/// An application as every page shows it, with its previous work and attachments.
pub(crate) fn application_view(ctx: &Ctx, seen: &SeenApplication) -> ApplicationView {
    let (row, call) = (&seen.row, &seen.call);
    ApplicationView {
        id: row.id,
        call_id: call.id,
        call_title: localized(ctx, &call.title_sq, &call.title_en).to_owned(),
        applicant: row.display_name().to_owned(),
        applicant_type: ctx.t(&format!("applicant-{}", row.applicant_type.key())),
        reference: row.reference.clone(),
        status: ctx.t(&format!("status-{}", row.status.key())),
        status_key: row.status.key().to_owned(),
        description: row.description.clone(),
        statement: row.statement.clone(),
        fields: row
            .fields
            .split(',')
            .filter(|f| !f.is_empty())
            .map(|f| ctx.t(&format!("fieldofactivity-{f}")))
            .collect(),
        areas: row.areas.replace(',', ", "),
        contact_name: row.contact_name.clone(),
        contact_phone: row.contact_phone.clone(),
        consent_listing: row.consent_listing,
        works: work_views(&seen.works, false),
        files: file_views(&seen.files),
        submitted: row
            .submitted_at
            .map(|t| t.with_timezone(&ctx.tz()).format("%d.%m.%Y %H:%M").to_string()),
        decision_reason: row.decision_reason.clone(),
        is_citizen: row.applicant_type == domain::open_call::ApplicantType::Citizen,
        next_steps: next_steps(ctx, seen),
        continue_edit: false,
    }
}

/// What happens next and when, told to the applicant in plain words.
fn next_steps(ctx: &Ctx, seen: &SeenApplication) -> String {
    if seen.viewer != Viewer::Applicant {
        return String::new();
    }
    let closes = seen
        .call
        .closes_at
        .with_timezone(&ctx.tz())
        .format("%d.%m.%Y %H:%M")
        .to_string();
    let closed = seen.phase == CallPhase::Closed;
    let key = match seen.row.status {
        ApplicationStatus::Draft => "application-next-draft",
        ApplicationStatus::Withdrawn => "application-next-withdrawn",
        ApplicationStatus::Submitted if closed => "application-next-reviewing",
        ApplicationStatus::Submitted => "application-next-submitted",
        _ => "application-next-decided",
    };
    views::t_args(ctx.lang, key, &[("closes", closes)])
}

/// The municipality's administrative units, as choices.
pub(crate) fn unit_choices(ctx: &Ctx) -> Vec<Choice> {
    ctx.tenant
        .admin_units()
        .into_iter()
        .map(|u| Choice {
            value: u.to_owned(),
            label: u.to_owned(),
        })
        .collect()
}

fn form_page(
    state: &AppState,
    ctx: &Ctx,
    seen: &SeenApplication,
    form: Form,
    works: Vec<WorkView>,
) -> ApplicationFormPage {
    let (row, call, files) = (&seen.row, &seen.call, &seen.files);
    ApplicationFormPage {
        p: ctx.page(ctx.t("application-title")),
        app_id: row.id,
        files: file_views(files),
        max_mb: format!("{}", state.config.attachment_max_bytes / (1024 * 1024)),
        call_title: localized(ctx, &call.title_sq, &call.title_en).to_owned(),
        applicant: row.display_name().to_owned(),
        closes: call
            .closes_at
            .with_timezone(&ctx.tz())
            .format("%d.%m.%Y %H:%M")
            .to_string(),
        form,
        works,
        fields: FIELDS_OF_ACTIVITY
            .iter()
            .map(|f| Choice {
                value: (*f).into(),
                label: ctx.t(&format!("fieldofactivity-{f}")),
            })
            .collect(),
        units: unit_choices(ctx),
        limits: vec![
            ("description", limits::DESCRIPTION),
            ("statement", limits::STATEMENT),
            ("contact_name", limits::CONTACT_NAME),
        ],
    }
}

async fn load(state: &AppState, ctx: &Ctx, id: i64) -> Result<SeenApplication, AppError> {
    Ok(state.services.application_for(&ctx.actor(), ApplicationId(id)).await?)
}

async fn mine(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let own = state.services.own_applications(&ctx.actor()).await?;
    let tz = ctx.tz();
    let applications = own
        .iter()
        .map(|a| MyApplication {
            id: a.row.id,
            call_title: a
                .call
                .as_ref()
                .map(|c| localized(&ctx, &c.title_sq, &c.title_en).to_owned())
                .unwrap_or_default(),
            applicant: a.row.display_name().to_owned(),
            reference: a.row.reference.clone().unwrap_or_default(),
            status: ctx.t(&format!("status-{}", a.row.status.key())),
            is_draft: a.row.status == ApplicationStatus::Draft,
            can_edit: a.can_edit,
            closes: a
                .call
                .as_ref()
                .map(|c| c.closes_at.with_timezone(&tz).format("%d.%m.%Y %H:%M").to_string())
                .unwrap_or_default(),
        })
        .collect();
    page(MyApplicationsPage {
        p: ctx.page(ctx.t("my-applications")),
        applications,
        zone: views::zone_name(ctx.lang, &ctx.tenant.time_zone),
    })
}

async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let seen = load(&state, &ctx, id).await?;
    let mut app = application_view(&ctx, &seen);
    // Offered next to "what happens next" too, not only at the foot of a long page.
    app.continue_edit = seen.can_edit;
    page(ApplicationPage {
        p: ctx.page(ctx.t("application-title")),
        can_withdraw: seen.can_withdraw,
        can_edit: seen.can_edit,
        app,
    })
}

async fn edit_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let seen = load(&state, &ctx, id).await?;
    if seen.viewer != Viewer::Applicant {
        return Err(AppError::Forbidden);
    }
    if !seen.can_edit {
        return Ok(ctx.redirect_with_flash(&format!("/applications/{id}"), "flash-application-not-editable"));
    }
    let form = Form::new(application_values(&seen.row));
    page(form_page(&state, &ctx, &seen, form, work_views(&seen.works, true)))
}

/// The form again, as stored, with errors about the attachment (see `files::upload`).
pub(crate) async fn form_with_file_errors(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    errors: Vec<domain::FieldError>,
    status: axum::http::StatusCode,
) -> Result<Response, AppError> {
    let seen = load(state, ctx, id).await?;
    let form = Form::new(application_values(&seen.row)).with_errors(errors);
    let mut response = page(form_page(state, ctx, &seen, form, work_views(&seen.works, true)))?;
    *response.status_mut() = status;
    Ok(response)
}

async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.actor();
    let works = works_from_form(&form);
    let for_review = form.get("action") == "review";
    let mut values = form.to_map();
    values.remove("action");
    match state
        .services
        .save_application(&ctx.tenant, &actor, ApplicationId(id), &values, &works, for_review)
        .await
    {
        Ok(()) if for_review => Ok(Redirect::to(&format!("/applications/{id}/review")).into_response()),
        Ok(()) => Ok(ctx.redirect_with_flash(&format!("/applications/{id}/edit"), "flash-application-saved")),
        Err(ServiceError::Invalid(errors)) => {
            let seen = load(&state, &ctx, id).await?;
            form_again(form_page(
                &state,
                &ctx,
                &seen,
                Form::new(values).with_errors(errors),
                work_views(&works, true),
            ))
        }
        Err(e) => Err(e.into()),
    }
}

fn problems(ctx: &Ctx, errors: &[FieldError]) -> Vec<String> {
    errors.iter().map(|e| views::error_message(ctx.lang, e)).collect()
}

async fn review(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let (seen, errors) = state
        .services
        .submission_check(&ctx.tenant, &ctx.actor(), ApplicationId(id))
        .await?;
    if seen.row.status != ApplicationStatus::Draft {
        return Ok(Redirect::to(&format!("/applications/{id}")).into_response());
    }
    page(ApplicationReviewPage {
        p: ctx.page(ctx.t("application-review-title")),
        app: application_view(&ctx, &seen),
        problems: problems(&ctx, &errors),
    })
}

async fn submit(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    match state
        .services
        .submit_application(&ctx.tenant, &ctx.actor(), ApplicationId(id))
        .await
    {
        Ok(_) => Ok(ctx.redirect_with_flash(&format!("/applications/{id}"), "flash-application-submitted")),
        Err(ServiceError::Invalid(errors)) if errors.iter().any(|e| e.code == "already_submitted") => {
            // A double click: the first click did it; show the one application that exists.
            Ok(Redirect::to(&format!("/applications/{id}")).into_response())
        }
        Err(ServiceError::Invalid(errors)) => {
            refused(
                &state,
                &ctx,
                id,
                "application-review-title",
                &errors,
                axum::http::StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

/// The application with the reasons an action on it was refused.
async fn refused(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    title_key: &str,
    errors: &[FieldError],
    status: axum::http::StatusCode,
) -> Result<Response, AppError> {
    let seen = load(state, ctx, id).await?;
    let mut response = page(ApplicationReviewPage {
        p: ctx.page(ctx.t(title_key)),
        app: application_view(ctx, &seen),
        problems: problems(ctx, errors),
    })?;
    *response.status_mut() = status;
    Ok(response)
}

async fn withdraw(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    // A quiet link asks first; the confirmation posts again with `confirmed=yes`.
    if form.get("confirmed") != "yes" {
        let seen = load(&state, &ctx, id).await?;
        if seen.can_withdraw {
            let call = localized(&ctx, &seen.call.title_sq, &seen.call.title_en).to_owned();
            let reference = seen.row.reference.clone().unwrap_or_else(|| ctx.t("application-draft"));
            return page(ConfirmPage {
                p: ctx.page(ctx.t("withdraw-confirm-title")),
                heading: ctx.t("withdraw-confirm-title"),
                text: views::t_args(
                    ctx.lang,
                    "withdraw-confirm-text",
                    &[("reference", reference), ("call", call)],
                ),
                action: format!("/applications/{id}/withdraw"),
                fields: Vec::new(),
                confirm_label: ctx.t("withdraw-confirm-button"),
                cancel_href: format!("/applications/{id}"),
            });
        }
    }
    match state
        .services
        .withdraw_application(&ctx.actor(), ApplicationId(id))
        .await
    {
        Ok(()) => Ok(ctx.redirect_with_flash(&format!("/applications/{id}"), "flash-application-withdrawn")),
        Err(ServiceError::Invalid(errors)) => {
            refused(
                &state,
                &ctx,
                id,
                "application-title",
                &errors,
                axum::http::StatusCode::CONFLICT,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

/// Everything the platform holds about the signed-in person, as JSON (the right of access).
async fn my_data(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    use axum::http::{HeaderValue, header};
    let body = state.services.personal_data(&ctx.tenant, &ctx.actor()).await?;
    let mut response = axum::Json(body).into_response();
    response.headers_mut().insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"my-data.json\""),
    );
    Ok(response)
}

/// The application as a PDF (Typst), for whoever may see it.
async fn pdf(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    use axum::http::{HeaderValue, header};
    let bytes = state
        .services
        .application_pdf(&ctx.tenant, &ctx.actor(), ctx.lang, ApplicationId(id))
        .await?;
    let mut response = bytes.into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/pdf"));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"application-{id}.pdf\"")) {
        h.insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}
