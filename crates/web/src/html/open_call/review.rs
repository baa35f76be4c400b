//! The reviewer's pages: the applications assigned to them, scoring against the call's
//! criteria, and declaring a conflict of interest.

use axum::{
    Router,
    extract::{Path, State},
    response::Response,
    routing::{get, post},
};
use domain::ApplicationId;
use services::ServiceError;
use store::{AssignmentRow, CriterionRow, ReviewRow, ScoreRow};
use views::{Form, QueueGroup, QueueItem, ReviewPage, ReviewQueuePage, ReviewSummary, ScoreField};

use super::applications::application_view;
use crate::html::common::{form_again, localized, page};
use crate::{AppError, AppState, Ctx, forms::FormData};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/review", get(queue))
        .route("/review/{id}", get(show).post(save))
        .route("/review/{id}/conflict", post(conflict))
}

/// Reviews with their scores, for staff and for reviewers who have submitted their own.
pub(crate) fn summaries(
    ctx: &Ctx,
    reviews: &[ReviewRow],
    scores: &[ScoreRow],
    criteria: &[CriterionRow],
) -> Vec<ReviewSummary> {
    reviews
        .iter()
        .map(|r| ReviewSummary {
            reviewer: r.reviewer_name.clone(),
            conflict: r.conflict,
            note: r.conflict_note.clone(),
            average: r
                .weighted_avg
                .map(|a| views::decimal(ctx.lang, a, 2))
                .unwrap_or_default(),
            submitted: r.submitted_at.is_some(),
            scores: scores
                .iter()
                .filter(|s| s.review_id == r.id && r.submitted_at.is_some())
                .map(|s| {
                    let name = criteria
                        .iter()
                        .find(|c| c.id == s.criterion_id)
                        .map(|c| localized(ctx, &c.name_sq, &c.name_en))
                        .unwrap_or("");
                    (name.to_owned(), s.score, s.comment.clone())
                })
                .collect(),
        })
        .collect()
}

async fn queue(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let queue = state.services.review_queue(&ctx.actor()).await?;
    let item = |a: &AssignmentRow| QueueItem {
        app_id: a.application_id,
        reference: a.reference.clone().unwrap_or_default(),
        applicant: a.applicant.clone(),
        state: match (a.conflict, a.submitted_at) {
            (Some(true), _) => "conflict",
            (_, Some(_)) => "done",
            // A review row without submission: scores saved, not yet submitted.
            (Some(false), None) => "started",
            (None, None) => "todo",
        },
    };
    let groups = queue
        .groups
        .iter()
        .map(|g| QueueGroup {
            call_id: g.call.id,
            call_title: localized(&ctx, &g.call.title_sq, &g.call.title_en).to_owned(),
            todo: g.todo.iter().map(item).collect(),
            done: g.done.iter().map(item).collect(),
        })
        .collect();
    page(ReviewQueuePage {
        p: ctx.page(ctx.t("review-title")),
        groups,
    })
}

async fn render(state: &AppState, ctx: &Ctx, id: i64, form: Form) -> Result<Response, AppError> {
    let sheet = state.services.review_sheet(&ctx.actor(), ApplicationId(id)).await?;
    let (criteria, closed, conflict) = (&sheet.criteria, sheet.closed, sheet.conflict);
    let my_score = |criterion: i64| sheet.my_scores.iter().find(|s| s.criterion_id == criterion);
    let has_errors = form.has_errors();
    let fields = criteria
        .iter()
        .map(|c| ScoreField {
            id: c.id,
            name: localized(ctx, &c.name_sq, &c.name_en).to_owned(),
            description: localized(ctx, &c.description_sq, &c.description_en).to_owned(),
            weight: c.weight,
            score: form
                .values
                .get(&format!("score-{}", c.id))
                .cloned()
                .or_else(|| my_score(c.id).map(|s| s.score.to_string()))
                .unwrap_or_default(),
            comment: form
                .values
                .get(&format!("comment-{}", c.id))
                .cloned()
                .or_else(|| my_score(c.id).map(|s| s.comment.clone()))
                .unwrap_or_default(),
        })
        .collect();
    // Empty until this reviewer's own scores are in (decided by the use case).
    let others = summaries(ctx, &sheet.others, &sheet.other_scores, criteria);
    // The reviewer's own review, shown as it was submitted once nothing can change.
    let mine = sheet
        .mine
        .as_ref()
        .filter(|_| closed)
        .and_then(|m| summaries(ctx, std::slice::from_ref(m), &sheet.my_scores, criteria).pop());
    let submitted_at = sheet
        .mine
        .as_ref()
        .and_then(|m| m.submitted_at)
        .map(|t| t.with_timezone(&ctx.tz()).format("%d.%m.%Y %H:%M").to_string())
        .unwrap_or_default();
    let title = if closed {
        "review-application-done"
    } else {
        "review-application"
    };
    let template = ReviewPage {
        p: ctx.page(ctx.t(title)),
        app: application_view(ctx, &sheet.application),
        fields,
        closed,
        conflict,
        mine,
        submitted_at,
        others,
        form,
    };
    if has_errors {
        form_again(template)
    } else {
        page(template)
    }
}

async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    render(&state, &ctx, id, Form::default()).await
}

async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.actor();
    let submit = form.get("action") == "submit";
    match state
        .services
        .save_review(&actor, ApplicationId(id), &form.to_map(), submit)
        .await
    {
        Ok(()) if submit => Ok(ctx.redirect_with_flash(&format!("/review/{id}"), "flash-review-submitted")),
        Ok(()) => Ok(ctx.redirect_with_flash(&format!("/review/{id}"), "flash-review-saved")),
        Err(ServiceError::Invalid(errors)) => {
            render(&state, &ctx, id, Form::new(form.to_map()).with_errors(errors)).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn conflict(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.actor();
    match state
        .services
        .declare_conflict(&actor, ApplicationId(id), form.get("conflict_note"))
        .await
    {
        Ok(()) => Ok(ctx.redirect_with_flash(&format!("/review/{id}"), "flash-conflict-declared")),
        Err(ServiceError::Invalid(errors)) => {
            render(&state, &ctx, id, Form::new(form.to_map()).with_errors(errors)).await
        }
        Err(e) => Err(e.into()),
    }
}
