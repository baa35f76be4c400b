//! Public input in the JSON API: the announced phases with their themes, the list of inputs
//! (the same filters and keyset cursor as the page), one input with its comments that are not
//! hidden and its support count, the clusters, the published answers and the coverage
//! indicator. The same use cases as the pages, so the same rules: a hidden input appears with
//! `hidden: true` and the moderator's reason, never its text; drafts of answers never appear.

use axum::{
    Json,
    extract::{Path, Query, State},
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use services::input::{answers::InputCoverage, inputs::ListQuery};
use store::input::{answers::AnswerRow, search::InputCard};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::{AppError, AppState, Ctx, api::ApiErrorBody};

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(phases))
        .routes(routes!(inputs))
        .routes(routes!(input))
        .routes(routes!(clusters))
        .routes(routes!(answers))
        .routes(routes!(coverage))
}

/// A theme of an input phase.
#[derive(Serialize, ToSchema)]
pub struct InputThemeDto {
    pub id: i64,
    pub title_sq: String,
    pub title_en: String,
}

/// An announced input phase: its questions to the public, when it is open, its themes and the
/// administrative units concerned.
#[derive(Serialize, ToSchema)]
pub struct InputPhaseDto {
    pub id: i64,
    pub title_sq: String,
    pub title_en: String,
    pub questions_sq: String,
    pub questions_en: String,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    pub themes: Vec<InputThemeDto>,
    pub units: Vec<String>,
}

/// The announced input phases, the latest first.
#[utoipa::path(get, path = "/api/v1/input/phases", tag = "input",
    responses((status = 200, description = "The announced input phases", body = Vec<InputPhaseDto>)))]
pub(super) async fn phases(State(state): State<AppState>, ctx: Ctx) -> Result<Json<Vec<InputPhaseDto>>, AppError> {
    ctx.require(domain::Action::ViewPublic)?;
    let phases = state.services.announced_input_phases(&ctx.tenant).await?;
    Ok(Json(
        phases
            .iter()
            .map(|p| InputPhaseDto {
                id: p.phase.id,
                title_sq: p.phase.title_sq.clone(),
                title_en: p.phase.title_en.clone(),
                questions_sq: p.phase.questions_sq.clone(),
                questions_en: p.phase.questions_en.clone(),
                opens_at: p.phase.opens_at,
                closes_at: p.phase.closes_at,
                themes: p
                    .themes
                    .iter()
                    .map(|t| InputThemeDto {
                        id: t.id,
                        title_sq: t.title_sq.clone(),
                        title_en: t.title_en.clone(),
                    })
                    .collect(),
                units: p.units(&ctx.tenant),
            })
            .collect(),
    ))
}

/// An input in a list. A hidden input has no title: `hidden` is true and `hidden_reason` says
/// why the moderator hid it.
#[derive(Serialize, ToSchema)]
pub struct InputSummaryDto {
    pub id: i64,
    /// `problem` or `idea`.
    pub kind: String,
    pub title: Option<String>,
    pub hidden: bool,
    pub hidden_reason: Option<String>,
    pub theme_id: Option<i64>,
    pub admin_unit: String,
    /// `published` or `withdrawn`.
    pub state: String,
    pub support_count: i64,
    pub comment_count: i64,
    /// `adopted`, `merged`, `under_consideration`, `not_adopted`; absent while unanswered.
    pub answer_status: Option<String>,
    pub answered_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

fn summary(c: &InputCard) -> InputSummaryDto {
    let hidden = c.hidden_at.is_some();
    InputSummaryDto {
        id: c.id,
        kind: c.kind.key().to_owned(),
        title: (!hidden).then(|| c.title.clone()),
        hidden,
        hidden_reason: hidden.then(|| c.hidden_reason.clone()),
        theme_id: c.theme_id,
        admin_unit: c.admin_unit.clone(),
        state: c.state.key().to_owned(),
        support_count: c.support_count,
        comment_count: c.comment_count,
        answer_status: c.answer_status.clone(),
        answered_at: c.answered_at,
        created_at: c.created_at,
    }
}

#[derive(Deserialize, IntoParams)]
pub struct InputsQuery {
    /// The phase's id (default: the open phase, else the next, else the last).
    #[serde(default)]
    phase: String,
    /// A theme's id.
    #[serde(default)]
    theme: String,
    /// An administrative unit, as the phase lists it.
    #[serde(default)]
    unit: String,
    /// `problem` or `idea`.
    #[serde(default)]
    kind: String,
    /// An answer status (`adopted`, `merged`, `under_consideration`, `not_adopted`), `unanswered` or `withdrawn`.
    #[serde(default)]
    status: String,
    /// `newest` (default), `supported`, `discussed`, `answered`.
    #[serde(default)]
    sort: String,
    /// Words to find, without regard to case or accents ("ceshtje" finds "çështje").
    #[serde(default)]
    q: String,
    /// The `next` cursor of the previous page.
    #[serde(default)]
    after: String,
}

/// One page of inputs.
#[derive(Serialize, ToSchema)]
pub struct InputsPageDto {
    /// The phase listed; absent when none is announced.
    pub phase_id: Option<i64>,
    pub items: Vec<InputSummaryDto>,
    /// Pass as `after` for the next page; absent on the last page.
    pub next: Option<String>,
}

/// The inputs of a phase, filtered, sorted and searched as the list page does, one page at a
/// time (keyset: follow `next`).
#[utoipa::path(get, path = "/api/v1/input/inputs", tag = "input", params(InputsQuery),
    responses((status = 200, description = "One page of inputs", body = InputsPageDto),
        (status = 422, description = "A filter value that cannot be understood", body = ApiErrorBody)))]
pub(super) async fn inputs(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<InputsQuery>,
) -> Result<Json<InputsPageDto>, AppError> {
    let query = ListQuery {
        phase: q.phase,
        theme: q.theme,
        unit: q.unit,
        kind: q.kind,
        status: q.status,
        sort: q.sort,
        q: q.q,
        after: q.after,
    };
    let list = state.services.list_inputs(&ctx.tenant, &ctx.actor(), &query).await?;
    // The page forgives a wrong filter with a message beside it; the API says so instead.
    if !list.errors.is_empty() {
        return Err(AppError::Invalid(list.errors));
    }
    Ok(Json(InputsPageDto {
        phase_id: list.phase.as_ref().map(|p| p.phase.id),
        items: list.page.cards.iter().map(summary).collect(),
        next: list.page.next.map(|c| c.encode()),
    }))
}

/// A comment that is not hidden (hidden comments are left out).
#[derive(Serialize, ToSchema)]
pub struct InputCommentDto {
    pub id: i64,
    /// The comment it answers, for a reply.
    pub parent_id: Option<i64>,
    pub author: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

/// A published answer to an input or a cluster.
#[derive(Serialize, ToSchema)]
pub struct InputAnswerDto {
    pub id: i64,
    /// The input answered (absent for a cluster's answer).
    pub input_id: Option<i64>,
    /// The cluster answered (absent for an input's answer).
    pub cluster_id: Option<i64>,
    /// `adopted`, `merged`, `under_consideration` or `not_adopted`.
    pub status: String,
    /// Empty for an answer to a hidden input: only its status and date are public.
    pub justification_sq: String,
    pub justification_en: String,
    /// For `merged`: the input this one was merged into.
    pub merged_into_id: Option<i64>,
    /// For `adopted`: the commitment's reference or link.
    pub commitment_ref: String,
    pub published_at: Option<DateTime<Utc>>,
}

fn answer_dto(a: &AnswerRow) -> InputAnswerDto {
    InputAnswerDto {
        id: a.id,
        input_id: a.input_id,
        cluster_id: a.cluster_id,
        status: a.status.key().to_owned(),
        justification_sq: a.body_sq.clone(),
        justification_en: a.body_en.clone(),
        merged_into_id: a.merged_into_id,
        commitment_ref: a.commitment_ref.clone(),
        published_at: a.published_at,
    }
}

/// One input with its discussion and answer. A hidden input has no title, description or
/// comments: `hidden` is true and `hidden_reason` says why.
#[derive(Serialize, ToSchema)]
pub struct InputDetailDto {
    pub id: i64,
    pub phase_id: i64,
    pub kind: String,
    pub title: Option<String>,
    /// Markdown, as written.
    pub description: Option<String>,
    pub hidden: bool,
    pub hidden_reason: Option<String>,
    pub theme_id: Option<i64>,
    pub admin_unit: String,
    pub organisation: Option<String>,
    pub state: String,
    /// The author's note when withdrawn.
    pub withdraw_note: Option<String>,
    pub support_count: i64,
    pub comment_count: i64,
    pub cluster_id: Option<i64>,
    pub merged_into_id: Option<i64>,
    pub answer_status: Option<String>,
    pub answered_at: Option<DateTime<Utc>>,
    /// The published answer that covers the input: its own, its cluster's, or that of the
    /// input it was merged into.
    pub answer: Option<InputAnswerDto>,
    pub comments: Vec<InputCommentDto>,
    pub created_at: DateTime<Utc>,
}

/// One input with its comments that are not hidden, its support count and its published answer.
#[utoipa::path(get, path = "/api/v1/input/inputs/{input}", tag = "input",
    params(("input" = i64, Path, description = "Input id")),
    responses((status = 200, description = "The input", body = InputDetailDto),
        (status = 400, description = "The id is not a number", body = ApiErrorBody),
        (status = 404, description = "No such input", body = ApiErrorBody)))]
pub(super) async fn input(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Json<InputDetailDto>, AppError> {
    let actor = ctx.actor();
    let view = state.services.input_view(&ctx.tenant, &actor, id).await?;
    let i = &view.input;
    let hidden = i.hidden_at.is_some();
    let comments = if hidden {
        Vec::new()
    } else {
        state
            .services
            .discussion(&ctx.tenant, &actor, id)
            .await?
            .comments
            .iter()
            .filter(|c| c.hidden_at.is_none())
            .map(|c| InputCommentDto {
                id: c.id,
                parent_id: c.parent_id,
                author: c.author_name.clone(),
                body: c.body.clone(),
                created_at: c.created_at,
            })
            .collect()
    };
    let panel = state.services.input_answer_panel(&ctx.tenant, &actor, id).await?;
    let withdrawn = i.state == domain::input::InputState::Withdrawn;
    Ok(Json(InputDetailDto {
        id: i.id,
        phase_id: i.phase_id,
        kind: i.kind.key().to_owned(),
        title: (!hidden).then(|| i.title.clone()),
        description: (!hidden).then(|| i.body.clone()),
        hidden,
        hidden_reason: hidden.then(|| i.hidden_reason.clone()),
        theme_id: i.theme_id,
        admin_unit: i.admin_unit.clone(),
        organisation: i.org_name.clone(),
        state: i.state.key().to_owned(),
        withdraw_note: withdrawn.then(|| i.withdraw_note.clone()),
        support_count: i.support_count,
        comment_count: i.comment_count,
        cluster_id: i.cluster_id,
        merged_into_id: i.merged_into_id,
        answer_status: i.answer_status.clone(),
        answered_at: i.answered_at,
        // Drafts are for forum members' pages only, never in open data.
        // Of a hidden input's answer only the status and date, whoever asks.
        answer: panel
            .answer
            .as_ref()
            .filter(|(a, _)| a.published_at.is_some())
            .map(|(a, _)| {
                let mut a = a.clone();
                if hidden {
                    services::input::answers::withhold_answer_text(&mut a);
                }
                answer_dto(&a)
            }),
        comments,
        created_at: i.created_at,
    }))
}

/// A cluster of related inputs, with the ids of its inputs.
#[derive(Serialize, ToSchema)]
pub struct InputClusterDto {
    pub id: i64,
    pub phase_id: i64,
    pub title_sq: String,
    pub title_en: String,
    pub inputs: Vec<i64>,
    pub created_at: DateTime<Utc>,
}

/// Every cluster of inputs, newest first.
#[utoipa::path(get, path = "/api/v1/input/clusters", tag = "input",
    responses((status = 200, description = "The clusters with their inputs", body = Vec<InputClusterDto>)))]
pub(super) async fn clusters(State(state): State<AppState>, ctx: Ctx) -> Result<Json<Vec<InputClusterDto>>, AppError> {
    ctx.require(domain::Action::ViewPublic)?;
    let actor = ctx.actor();
    let rows = state.services.public_clusters(&ctx.tenant).await?;
    let mut out = Vec::with_capacity(rows.len());
    for c in rows {
        let page = state.services.cluster_page(&ctx.tenant, &actor, c.id).await?;
        out.push(InputClusterDto {
            id: c.id,
            phase_id: c.phase_id,
            title_sq: c.title_sq,
            title_en: c.title_en,
            inputs: page.members.iter().map(|m| m.id).collect(),
            created_at: c.created_at,
        });
    }
    Ok(Json(out))
}

#[derive(Deserialize, IntoParams)]
pub struct AnswersQuery {
    /// How many of the latest answers, 1 to 500 (default 100).
    limit: Option<i64>,
}

/// The latest published answers, newest first (drafts never appear).
#[utoipa::path(get, path = "/api/v1/input/answers", tag = "input", params(AnswersQuery),
    responses((status = 200, description = "The published answers", body = Vec<InputAnswerDto>),
        (status = 400, description = "Bad query parameters", body = ApiErrorBody)))]
pub(super) async fn answers(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<AnswersQuery>,
) -> Result<Json<Vec<InputAnswerDto>>, AppError> {
    ctx.require(domain::Action::ViewPublic)?;
    let limit = q.limit.unwrap_or(100).clamp(1, 500);
    let rows = state.services.published_input_answers(&ctx.tenant, limit).await?;
    Ok(Json(rows.iter().map(|r| answer_dto(&r.answer)).collect()))
}

/// The coverage of one theme.
#[derive(Serialize, ToSchema)]
pub struct ThemeCoverageDto {
    /// Absent for inputs without a theme.
    pub theme_id: Option<i64>,
    pub title_sq: Option<String>,
    pub title_en: Option<String>,
    pub total: i64,
    pub answered: i64,
    pub percent: Option<i64>,
    pub oldest_unanswered_at: Option<DateTime<Utc>>,
    pub oldest_unanswered_days: Option<i64>,
}

/// The input waiting longest for an answer.
#[derive(Serialize, ToSchema)]
pub struct OldestUnansweredDto {
    pub id: i64,
    pub title: String,
    pub created_at: DateTime<Utc>,
    pub age_days: i64,
}

/// The coverage indicator (OGP Local's check 8): of the published inputs that are neither
/// withdrawn nor hidden, how many have a published answer (their own, their cluster's, or that
/// of the input they were merged into); the oldest still waiting; the same by theme.
#[derive(Serialize, ToSchema)]
pub struct InputCoverageDto {
    pub total: i64,
    pub answered: i64,
    /// Whole percent, rounded down; absent while there is no input.
    pub percent: Option<i64>,
    pub oldest_unanswered: Option<OldestUnansweredDto>,
    pub by_theme: Vec<ThemeCoverageDto>,
}

/// The share of inputs with a published answer, the oldest unanswered, by theme.
#[utoipa::path(get, path = "/api/v1/input/coverage", tag = "input",
    responses((status = 200, description = "The coverage indicator", body = InputCoverageDto)))]
pub(super) async fn coverage(State(state): State<AppState>, ctx: Ctx) -> Result<Json<InputCoverageDto>, AppError> {
    ctx.require(domain::Action::ViewPublic)?;
    let c: InputCoverage = state.services.input_coverage(&ctx.tenant).await?;
    Ok(Json(InputCoverageDto {
        total: c.total,
        answered: c.answered,
        percent: c.percent,
        oldest_unanswered: c.oldest_unanswered.map(|o| OldestUnansweredDto {
            id: o.id,
            title: o.title,
            created_at: o.created_at,
            age_days: o.age_days,
        }),
        by_theme: c
            .by_theme
            .into_iter()
            .map(|t| ThemeCoverageDto {
                theme_id: t.theme_id,
                title_sq: t.title_sq,
                title_en: t.title_en,
                total: t.total,
                answered: t.answered,
                percent: t.percent,
                oldest_unanswered_at: t.oldest_unanswered_at,
                oldest_unanswered_days: t.oldest_unanswered_days,
            })
            .collect(),
    }))
}
