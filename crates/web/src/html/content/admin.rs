//! Coordinators' pages for public content: the timeline of the cycle and news items.

use axum::{
    Router,
    extract::{Path, State},
    response::Response,
    routing::{get, post},
};
use domain::{Action, NewsId};
use services::{
    ServiceError,
    content::{PhaseFormRow, parse_timeline},
};
use views::{Form, NewsFormPage, PhaseRow, TimelineFormPage};

use crate::{
    AppError, AppState, Ctx,
    forms::FormData,
    html::common::{form_again, page},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/timeline", get(timeline_form).post(timeline_save))
        .route("/admin/news", post(news_create))
        .route("/admin/news/new", get(news_new))
        .route("/admin/news/{id}/edit", get(news_edit).post(news_update))
        .route("/admin/news/{id}/delete", post(news_delete))
}

async fn timeline_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let phases = state.services.timeline_for_editing(&ctx.actor()).await?;
    let mut rows: Vec<PhaseRow> = phases
        .iter()
        .enumerate()
        .map(|(index, ph)| PhaseRow {
            index,
            title_sq: ph.title_sq.clone(),
            title_en: ph.title_en.clone(),
            starts_on: ph.starts_on.format("%d.%m.%Y").to_string(),
            ends_on: ph.ends_on.format("%d.%m.%Y").to_string(),
        })
        .collect();
    // Two empty rows for new phases: no script needed to add one.
    for _ in 0..2 {
        rows.push(PhaseRow {
            index: rows.len(),
            title_sq: String::new(),
            title_en: String::new(),
            starts_on: String::new(),
            ends_on: String::new(),
        });
    }
    page(TimelineFormPage {
        p: ctx.page(ctx.t("admin-timeline")),
        rows,
        errors: Vec::new(),
    })
}

async fn timeline_save(State(state): State<AppState>, ctx: Ctx, form: FormData) -> Result<Response, AppError> {
    let actor = ctx.actor();
    let (t_sq, t_en, starts, ends) = (
        form.all("title_sq"),
        form.all("title_en"),
        form.all("starts_on"),
        form.all("ends_on"),
    );
    let rows: Vec<PhaseFormRow> = (0..t_sq.len())
        .map(|i| PhaseFormRow {
            title_sq: t_sq.get(i).copied().unwrap_or_default().to_owned(),
            title_en: t_en.get(i).copied().unwrap_or_default().to_owned(),
            starts_on: starts.get(i).copied().unwrap_or_default().to_owned(),
            ends_on: ends.get(i).copied().unwrap_or_default().to_owned(),
        })
        .collect();
    match parse_timeline(&rows) {
        Ok(phases) => {
            state.services.replace_timeline(&actor, &phases).await?;
            state.public.invalidate_home(ctx.tenant.id());
            Ok(ctx.redirect_with_flash("/", "flash-saved"))
        }
        Err(errors) => {
            let messages = errors
                .iter()
                .map(|(row, error)| {
                    format!(
                        "{} {}: {}",
                        ctx.t("timeline-phase"),
                        row,
                        views::error_message(ctx.lang, error)
                    )
                })
                .collect();
            let rows = rows
                .into_iter()
                .enumerate()
                .map(|(index, r)| PhaseRow {
                    index,
                    title_sq: r.title_sq,
                    title_en: r.title_en,
                    starts_on: r.starts_on,
                    ends_on: r.ends_on,
                })
                .collect();
            form_again(TimelineFormPage {
                p: ctx.page(ctx.t("admin-timeline")),
                rows,
                errors: messages,
            })
        }
    }
}

async fn news_new(ctx: Ctx) -> Result<Response, AppError> {
    ctx.require(Action::EditNews)?;
    page(NewsFormPage {
        p: ctx.page(ctx.t("news-new")),
        form: Form::default(),
        news_id: None,
    })
}

async fn news_create(State(state): State<AppState>, ctx: Ctx, form: FormData) -> Result<Response, AppError> {
    let actor = ctx.require(Action::EditNews)?;
    match state.services.create_news(&actor, &form.to_map()).await {
        Ok(id) => {
            state.public.invalidate_home(ctx.tenant.id());
            Ok(ctx.redirect_with_flash(&format!("/news/{id}"), "flash-saved"))
        }
        Err(ServiceError::Invalid(errors)) => form_again(NewsFormPage {
            p: ctx.page(ctx.t("news-new")),
            form: Form::new(form.to_map()).with_errors(errors),
            news_id: None,
        }),
        Err(e) => Err(e.into()),
    }
}

async fn news_edit(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let item = state.services.news_for_editing(&ctx.actor(), NewsId(id)).await?;
    let values = [
        ("title_sq", item.title_sq),
        ("title_en", item.title_en),
        ("body_sq", item.body_sq),
        ("body_en", item.body_en),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    page(NewsFormPage {
        p: ctx.page(ctx.t("news-edit")),
        form: Form::new(values),
        news_id: Some(id),
    })
}

async fn news_update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.require(Action::EditNews)?;
    match state.services.update_news(&actor, NewsId(id), &form.to_map()).await {
        Ok(()) => {
            state.public.invalidate_home(ctx.tenant.id());
            Ok(ctx.redirect_with_flash(&format!("/news/{id}"), "flash-saved"))
        }
        Err(ServiceError::Invalid(errors)) => form_again(NewsFormPage {
            p: ctx.page(ctx.t("news-edit")),
            form: Form::new(form.to_map()).with_errors(errors),
            news_id: Some(id),
        }),
        Err(e) => Err(e.into()),
    }
}

async fn news_delete(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let actor = ctx.require(Action::EditNews)?;
    state.services.delete_news(&actor, NewsId(id)).await?;
    state.public.invalidate_home(ctx.tenant.id());
    Ok(ctx.redirect_with_flash("/news", "flash-news-deleted"))
}
