//! The cycle's timeline and the news.

use axum::{
    Json,
    extract::{Query, State},
};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::{AppError, AppState, Ctx};

use super::{ApiErrorBody, Localized, localized};

#[derive(Serialize, ToSchema)]
pub struct PhaseDto {
    pub title: Localized,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

#[derive(Serialize, ToSchema)]
pub struct TimelineDto {
    /// Title of the current cycle; absent when none is set up.
    pub cycle: Option<Localized>,
    pub phases: Vec<PhaseDto>,
}

/// The current cycle's timeline, phases in order.
#[utoipa::path(get, path = "/api/v1/timeline", tag = "timeline", responses((status = 200, description = "The phases of the current cycle", body = TimelineDto), (status = 404, description = "No municipality at this address", body = ApiErrorBody)))]
pub(super) async fn timeline(State(state): State<AppState>, ctx: Ctx) -> Result<Json<TimelineDto>, AppError> {
    let timeline = state.services.timeline(&ctx.actor()).await?;
    Ok(Json(TimelineDto {
        cycle: timeline.cycle.map(|c| localized(&c.title_sq, &c.title_en)),
        phases: timeline
            .phases
            .iter()
            .map(|p| PhaseDto {
                title: localized(&p.title_sq, &p.title_en),
                starts_on: p.starts_on,
                ends_on: p.ends_on,
            })
            .collect(),
    }))
}

#[derive(Serialize, ToSchema)]
pub struct NewsDto {
    pub id: i64,
    pub title: Localized,
    /// Markdown source.
    pub body: Localized,
    pub published_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct NewsPageDto {
    pub items: Vec<NewsDto>,
    pub page: i64,
    pub per_page: i64,
    pub has_next: bool,
}

#[derive(Deserialize, IntoParams)]
pub struct NewsQuery {
    /// Page number, from 1.
    page: Option<i64>,
    /// Items per page, 1 to 100 (default 20).
    per_page: Option<i64>,
}

/// News items, newest first.
#[utoipa::path(get, path = "/api/v1/news", tag = "news", params(NewsQuery), responses((status = 200, description = "One page of news items", body = NewsPageDto), (status = 400, description = "Bad query parameters", body = ApiErrorBody), (status = 404, description = "No municipality at this address", body = ApiErrorBody)))]
pub(super) async fn news(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<NewsQuery>,
) -> Result<Json<NewsPageDto>, AppError> {
    let page = q.page.unwrap_or(1).clamp(1, 1_000_000);
    let per_page = q.per_page.unwrap_or(20).clamp(1, 100);
    let list = state.services.news_list(&ctx.actor(), page, per_page).await?;
    Ok(Json(NewsPageDto {
        items: list
            .items
            .into_iter()
            .map(|n| NewsDto {
                id: n.id,
                title: localized(&n.title_sq, &n.title_en),
                body: localized(&n.body_sq, &n.body_en),
                published_at: n.published_at,
                updated_at: n.updated_at,
            })
            .collect(),
        page,
        per_page,
        has_next: list.has_next,
    }))
}
