//! The discussion under an input: its part of the input page ([`thread_for`]), comments and
//! replies, support and following (each a POST that redirects back to the input), the
//! notification settings and the one-click unsubscribe page. Each handler parses, calls one use
//! case in `services::input::{discussion, notifications}`, renders or redirects.

use axum::{
    Router,
    extract::{Path, Query, State},
    http::StatusCode,
    response::{Html, IntoResponse, Response},
    routing::{get, post},
};
use services::{ServiceError, input::discussion::Discussion};
use store::input::discussion::CommentRow;
use views::{
    Form,
    input::discussion::{CommentFormPage, CommentView, NotificationsPage, RefusedPage, Thread, UnsubscribePage},
};

use crate::{
    AppError, AppState, Ctx,
    forms::FormData,
    html::common::{TokenQuery, date, form_again, page},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/input/{input}/comments", post(add_comment))
        .route("/input/{input}/support", post(support))
        .route("/input/{input}/support/withdraw", post(withdraw_support))
        .route("/input/{input}/follow", post(follow))
        .route("/input/{input}/unfollow", post(unfollow))
        .route("/input/unsubscribe", get(unsubscribe_page).post(unsubscribe))
        .route(
            "/account/notifications",
            get(notifications_page).post(save_notifications),
        )
}

/// A plain text as lines, for the template to escape and join with `<br>`.
pub(super) fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::to_owned).collect()
}

fn comment_view(ctx: &Ctx, d: &Discussion, c: &CommentRow) -> CommentView {
    let (day, iso) = date(ctx, c.created_at);
    let mine = d.me.is_some_and(|u| u.0 == c.author_id);
    let shown = c.hidden_at.is_none();
    CommentView {
        id: c.id,
        author: c.author_name.clone(),
        date: day,
        date_iso: iso,
        lines: if shown { lines(&c.body) } else { Vec::new() },
        hidden: (!shown).then(|| ctx.t1("discussion-hidden", "reason", &c.hidden_reason)),
        can_appeal: !shown && mine && !c.appealed,
        appealed: !shown && mine && c.appealed,
        can_reply: shown && d.me.is_some() && d.open() && c.parent_id.is_none(),
        can_report: shown && d.me.is_some() && !mine,
        can_hide: shown && d.can_moderate,
        replies: Vec::new(),
    }
}

/// The discussion part of the input page (called by the input page's handler in `inputs.rs`).
pub(super) async fn thread_for(state: &AppState, ctx: &Ctx, input: i64) -> Result<Thread, AppError> {
    let d = state.services.discussion(&ctx.tenant, &ctx.actor(), input).await?;
    let mut comments: Vec<CommentView> = Vec::new();
    for c in d.comments.iter().filter(|c| c.parent_id.is_none()) {
        comments.push(comment_view(ctx, &d, c));
    }
    for r in d.comments.iter().filter(|c| c.parent_id.is_some()) {
        let view = comment_view(ctx, &d, r);
        if let Some(parent) = comments.iter_mut().find(|c| Some(c.id) == r.parent_id) {
            parent.replies.push(view);
        }
    }
    let own = d.me.is_some_and(|u| u.0 == d.input.author_id);
    let count = |key: &str, n: i64| views::t_args(ctx.lang, key, &[("count", n.to_string())]);
    Ok(Thread {
        input_id: input,
        supports: count("discussion-supports", d.input.support_count),
        comments_count: count("discussion-comments", d.input.comment_count),
        signed_in: d.me.is_some(),
        open: d.open(),
        own,
        supported: d.supported,
        can_support: d.me.is_some() && d.open() && !d.supported && (!own || d.self_support),
        following: d.following,
        login_href: format!("/login?next=/input/{input}"),
        can_report_input: d.me.is_some() && !own && d.input.hidden_at.is_none(),
        can_moderate: d.can_moderate && d.input.hidden_at.is_none(),
        comments,
        withheld: d.input.hidden_at.is_some(),
        form: Form::default(),
    })
}

fn back(input: i64) -> String {
    format!("/input/{input}#discussion")
}

/// A refused support or follow, said in words next to a link back (the page is the input's).
fn refused(ctx: &Ctx, input: i64, errors: &[domain::FieldError]) -> Result<Response, AppError> {
    let body = RefusedPage {
        p: ctx.page(ctx.t("discussion-refused-title")),
        heading: ctx.t("discussion-refused-title"),
        messages: errors.iter().map(|e| views::error_message(ctx.lang, e)).collect(),
        back_href: back(input),
    };
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(askama::Template::render(&body)?)).into_response())
}

fn parse_parent(raw: &str) -> Result<Option<i64>, AppError> {
    match raw.trim() {
        "" => Ok(None),
        n => n.parse().map(Some).map_err(|_| AppError::BadRequest),
    }
}

async fn add_comment(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(input): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    let parent = parse_parent(form.get("parent"))?;
    match state
        .services
        .comment_on_input(&ctx.tenant, &ctx.actor(), input, parent, form.get("comment"))
        .await
    {
        Ok(id) => Ok(ctx.redirect_with_flash(&format!("/input/{input}#comment-{id}"), "flash-comment-added")),
        Err(ServiceError::Invalid(errors)) => {
            let found = state.services.discussion(&ctx.tenant, &ctx.actor(), input).await?;
            let parent = parent.and_then(|id| {
                found
                    .comments
                    .iter()
                    .find(|c| c.id == id)
                    .map(|c| (c.id, c.author_name.clone()))
            });
            // A hidden input's title is not shown again, even to the one who tried to comment.
            let title = if found.input.hidden_at.is_some() {
                ctx.t("input-hidden-title")
            } else {
                found.input.title.clone()
            };
            form_again(CommentFormPage {
                p: ctx.page(ctx.t("discussion-comment-form-title")),
                input_id: input,
                title,
                parent,
                form: Form::new(form.to_map()).with_errors(errors),
            })
        }
        Err(e) => Err(e.into()),
    }
}

async fn support(State(state): State<AppState>, ctx: Ctx, Path(input): Path<i64>) -> Result<Response, AppError> {
    match state.services.support_input(&ctx.tenant, &ctx.actor(), input).await {
        Ok(()) => Ok(ctx.redirect_with_flash(&back(input), "flash-supported")),
        Err(ServiceError::Invalid(errors)) => refused(&ctx, input, &errors),
        Err(e) => Err(e.into()),
    }
}

async fn withdraw_support(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(input): Path<i64>,
) -> Result<Response, AppError> {
    state
        .services
        .withdraw_input_support(&ctx.tenant, &ctx.actor(), input)
        .await?;
    Ok(ctx.redirect_with_flash(&back(input), "flash-support-withdrawn"))
}

async fn follow(State(state): State<AppState>, ctx: Ctx, Path(input): Path<i64>) -> Result<Response, AppError> {
    match state.services.follow_input(&ctx.tenant, &ctx.actor(), input).await {
        Ok(()) => Ok(ctx.redirect_with_flash(&back(input), "flash-followed")),
        Err(ServiceError::Invalid(errors)) => refused(&ctx, input, &errors),
        Err(e) => Err(e.into()),
    }
}

async fn unfollow(State(state): State<AppState>, ctx: Ctx, Path(input): Path<i64>) -> Result<Response, AppError> {
    state.services.unfollow_input(&ctx.tenant, &ctx.actor(), input).await?;
    Ok(ctx.redirect_with_flash(&back(input), "flash-unfollowed"))
}

/// The unsubscribe link's page: GET only shows one button (mail scanners open links), POST acts.
async fn unsubscribe_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<TokenQuery>,
) -> Result<Response, AppError> {
    let link = state.services.unsubscribe_link(ctx.tenant.id(), &q.token).await?;
    page(UnsubscribePage {
        p: ctx.page(ctx.t("unsubscribe-title")),
        token: q.token,
        input_id: link.input_id,
        title: link.title,
        following: link.following,
        done: false,
    })
}

async fn unsubscribe(State(state): State<AppState>, ctx: Ctx, form: FormData) -> Result<Response, AppError> {
    let token = form.get("token").to_owned();
    let link = state
        .services
        .unsubscribe(ctx.tenant.id(), &token, Some(&ctx.request_id))
        .await?;
    page(UnsubscribePage {
        p: ctx.page(ctx.t("unsubscribe-done-title")),
        token: String::new(),
        input_id: link.input_id,
        title: link.title,
        following: false,
        done: true,
    })
}

async fn notifications_page(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let mode = state.services.my_notify_mode(&ctx.actor()).await?;
    page(NotificationsPage {
        p: ctx.page(ctx.t("notifications-title")),
        mode: mode.key().to_owned(),
        form: Form::default(),
    })
}

async fn save_notifications(State(state): State<AppState>, ctx: Ctx, form: FormData) -> Result<Response, AppError> {
    match state
        .services
        .set_my_notify_mode(&ctx.actor(), form.get("notify_mode"))
        .await
    {
        Ok(_) => Ok(ctx.redirect_with_flash("/account/notifications", "flash-notify-saved")),
        Err(ServiceError::Invalid(errors)) => form_again(NotificationsPage {
            p: ctx.page(ctx.t("notifications-title")),
            mode: form.get("notify_mode").to_owned(),
            form: Form::new(form.to_map()).with_errors(errors),
        }),
        Err(e) => Err(e.into()),
    }
}
