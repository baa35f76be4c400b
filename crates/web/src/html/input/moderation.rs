//! Moderation of public input: reporting an input or a comment, the moderators' queue, hiding
//! with a reason (asked once more), dismissing a report, the author's one appeal, and the
//! coordinator's list and decision of appeals. Each handler parses, calls one use case in
//! `services::input::moderation`, renders or redirects.

use axum::{
    Router,
    extract::{Path, State},
    response::Response,
    routing::{get, post},
};
use domain::input::{AppealOutcome, ModerationTarget};
use services::{
    ServiceError,
    input::moderation::{DecideOutcome, HideOutcome, own_appeal},
};
use store::input::moderation::{AppealRow, ModeratedItem};
use views::{
    Choice, ConfirmPage, Form,
    input::moderation::{
        AppealDecidePage, AppealPage, AppealRowView, AppealsPage, HidePage, ItemView, ModerationPage, ReportGroupView,
        ReportPage,
    },
};

use super::discussion::lines;
use crate::{
    AppError, AppState, Ctx,
    forms::FormData,
    html::common::{date, date_time, form_again, page},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/input/{input}/report", get(report_input_page).post(report_input))
        .route(
            "/input/comments/{comment}/report",
            get(report_comment_page).post(report_comment),
        )
        .route("/moderation", get(queue))
        .route("/moderation/{kind}/{id}/hide", get(hide_page).post(hide))
        .route("/moderation/reports/{report}/dismiss", post(dismiss))
        .route("/appeals/{kind}/{id}", get(appeal_page).post(appeal))
        .route("/admin/input/appeals", get(appeals))
        .route("/admin/input/appeals/{appeal}", get(appeal_admin).post(decide))
}

fn kind_of(raw: &str) -> Result<ModerationTarget, AppError> {
    ModerationTarget::parse(raw).ok_or(AppError::NotFound)
}

fn heading(ctx: &Ctx, kind: ModerationTarget, title: &str) -> String {
    ctx.t1(&format!("moderation-item-{}", kind.key()), "title", title)
}

fn href(kind: ModerationTarget, id: i64, input: i64) -> String {
    match kind {
        ModerationTarget::Input => format!("/input/{input}"),
        ModerationTarget::Comment => format!("/input/{input}#comment-{id}"),
    }
}

/// The input's title as shown with an item: the placeholder for a comment under a hidden input.
fn shown_title(ctx: &Ctx, title: &str, withheld: bool) -> String {
    if withheld {
        ctx.t("input-hidden-title")
    } else {
        title.to_owned()
    }
}

fn item_view(ctx: &Ctx, kind: ModerationTarget, id: i64, item: &ModeratedItem) -> ItemView {
    ItemView {
        kind: kind.key(),
        id,
        heading: heading(ctx, kind, &shown_title(ctx, &item.title, item.title_withheld(kind))),
        author: item.author_name.clone(),
        lines: lines(&item.body),
        href: href(kind, id, item.input_id),
    }
}

// ---- Reports ----

fn report_template(ctx: &Ctx, kind: ModerationTarget, id: i64, item: &ModeratedItem, form: Form) -> ReportPage {
    ReportPage {
        p: ctx.page(ctx.t(&format!("report-title-{}", kind.key()))),
        item: item_view(ctx, kind, id, item),
        form,
    }
}

async fn report_page_of(state: &AppState, ctx: &Ctx, kind: ModerationTarget, id: i64) -> Result<Response, AppError> {
    let item = state
        .services
        .report_target(&ctx.tenant, &ctx.actor(), kind, id)
        .await?;
    page(report_template(ctx, kind, id, &item, Form::default()))
}

async fn report_of(
    state: &AppState,
    ctx: &Ctx,
    kind: ModerationTarget,
    id: i64,
    form: &FormData,
) -> Result<Response, AppError> {
    match state
        .services
        .report_item(&ctx.tenant, &ctx.actor(), kind, id, form.get("report_reason"))
        .await
    {
        Ok(item) => Ok(ctx.redirect_with_flash(&href(kind, id, item.input_id), "flash-reported")),
        Err(ServiceError::Invalid(errors)) => {
            let item = state
                .services
                .report_target(&ctx.tenant, &ctx.actor(), kind, id)
                .await?;
            form_again(report_template(
                ctx,
                kind,
                id,
                &item,
                Form::new(form.to_map()).with_errors(errors),
            ))
        }
        Err(e) => Err(e.into()),
    }
}

async fn report_input_page(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    report_page_of(&state, &ctx, ModerationTarget::Input, id).await
}

async fn report_input(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    report_of(&state, &ctx, ModerationTarget::Input, id, &form).await
}

async fn report_comment_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    report_page_of(&state, &ctx, ModerationTarget::Comment, id).await
}

async fn report_comment(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    report_of(&state, &ctx, ModerationTarget::Comment, id, &form).await
}

// ---- The moderators' queue, hiding, dismissing ----

async fn queue(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let reports = state.services.moderation_queue(&ctx.actor()).await?;
    let mut groups: Vec<ReportGroupView> = Vec::new();
    for r in &reports {
        let key = r.target_kind.key();
        let line = views::t_args(
            ctx.lang,
            "moderation-report-line",
            &[("name", r.reporter_name.clone()), ("reason", r.reason.clone())],
        );
        let entry = (r.id, line, date_time(&ctx, r.created_at));
        match groups
            .iter_mut()
            .find(|g| g.item.kind == key && g.item.id == r.target_id)
        {
            Some(g) => g.reports.push(entry),
            None => groups.push(ReportGroupView {
                item: ItemView {
                    kind: r.target_kind.key(),
                    id: r.target_id,
                    heading: heading(&ctx, r.target_kind, &r.title),
                    author: r.author_name.clone(),
                    lines: lines(&r.body),
                    href: href(r.target_kind, r.target_id, r.input_id),
                },
                count: String::new(),
                reports: vec![entry],
            }),
        }
    }
    for g in &mut groups {
        g.count = views::t_args(
            ctx.lang,
            "moderation-reports",
            &[("count", g.reports.len().to_string())],
        );
    }
    page(ModerationPage {
        p: ctx.page(ctx.t("moderation-title")),
        groups,
    })
}

fn hide_template(ctx: &Ctx, kind: ModerationTarget, id: i64, item: &ModeratedItem, form: Form) -> HidePage {
    let heading = ctx.t(&format!("moderation-hide-title-{}", kind.key()));
    HidePage {
        p: ctx.page(heading.clone()),
        heading,
        item: item_view(ctx, kind, id, item),
        form,
    }
}

async fn hide_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((kind, id)): Path<(String, i64)>,
) -> Result<Response, AppError> {
    let kind = kind_of(&kind)?;
    let item = state.services.hide_target(&ctx.tenant, &ctx.actor(), kind, id).await?;
    page(hide_template(&ctx, kind, id, &item, Form::default()))
}

async fn hide(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((kind, id)): Path<(String, i64)>,
    form: FormData,
) -> Result<Response, AppError> {
    let kind = kind_of(&kind)?;
    let confirmed = form.get("confirmed") == "yes";
    match state
        .services
        .hide_item(&ctx.tenant, &ctx.actor(), kind, id, form.get("hide_reason"), confirmed)
        .await
    {
        Ok(HideOutcome::Hidden { .. }) => Ok(ctx.redirect_with_flash("/moderation", "flash-hidden")),
        Ok(HideOutcome::NeedsConfirmation { item, reason }) => page(ConfirmPage {
            p: ctx.page(ctx.t("moderation-confirm-heading")),
            heading: ctx.t("moderation-confirm-heading"),
            text: views::t_args(
                ctx.lang,
                "moderation-confirm-text",
                &[
                    ("title", heading(&ctx, kind, &item.title)),
                    ("name", item.author_name.clone()),
                    ("reason", reason.clone()),
                ],
            ),
            action: format!("/moderation/{}/{id}/hide", kind.key()),
            fields: vec![("hide_reason".to_owned(), reason)],
            confirm_label: ctx.t("moderation-confirm-button"),
            cancel_href: "/moderation".to_owned(),
        }),
        Err(ServiceError::Invalid(errors)) => {
            let item = state.services.hide_target(&ctx.tenant, &ctx.actor(), kind, id).await?;
            form_again(hide_template(
                &ctx,
                kind,
                id,
                &item,
                Form::new(form.to_map()).with_errors(errors),
            ))
        }
        Err(e) => Err(e.into()),
    }
}

async fn dismiss(State(state): State<AppState>, ctx: Ctx, Path(report): Path<i64>) -> Result<Response, AppError> {
    state.services.dismiss_report(&ctx.actor(), report).await?;
    Ok(ctx.redirect_with_flash("/moderation", "flash-report-dismissed"))
}

// ---- The author's appeal ----

fn decision_text(ctx: &Ctx, a: &AppealRow) -> Option<String> {
    a.outcome().map(|o| {
        views::t_args(
            ctx.lang,
            "appeal-decision",
            &[
                ("outcome", ctx.t(&format!("appeal-outcome-{}", o.key()))),
                ("reason", a.decision_reason.clone()),
            ],
        )
    })
}

fn appeal_template(
    ctx: &Ctx,
    kind: ModerationTarget,
    id: i64,
    item: &ModeratedItem,
    appeal: Option<&AppealRow>,
    form: Form,
) -> AppealPage {
    let reason = appeal.map_or(item.hidden_reason.as_str(), |a| a.hidden_reason.as_str());
    AppealPage {
        p: ctx.page(ctx.t("appeal-title")),
        item: item_view(ctx, kind, id, item),
        hidden_because: ctx.t1("appeal-hidden-because", "reason", reason),
        sent: appeal.map(|a| ctx.t1("appeal-sent-on", "date", &date(ctx, a.created_at).0)),
        appeal_lines: appeal.map(|a| lines(&a.body)).unwrap_or_default(),
        decision: appeal.and_then(|a| decision_text(ctx, a)),
        form,
    }
}

async fn appeal_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((kind, id)): Path<(String, i64)>,
) -> Result<Response, AppError> {
    let kind = kind_of(&kind)?;
    let (item, appeal) = state.services.appeal_page(&ctx.tenant, &ctx.actor(), kind, id).await?;
    page(appeal_template(&ctx, kind, id, &item, appeal.as_ref(), Form::default()))
}

async fn appeal(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((kind, id)): Path<(String, i64)>,
    form: FormData,
) -> Result<Response, AppError> {
    let kind = kind_of(&kind)?;
    match state
        .services
        .appeal_hiding(&ctx.tenant, &ctx.actor(), kind, id, form.get("appeal_text"))
        .await
    {
        Ok(_) => Ok(ctx.redirect_with_flash(&format!("/appeals/{}/{id}", kind.key()), "flash-appealed")),
        Err(ServiceError::Invalid(errors)) => {
            let (item, _) = state.services.appeal_page(&ctx.tenant, &ctx.actor(), kind, id).await?;
            // A second appeal: the form again with the message, the first appeal not shown in
            // its place so that the text typed is not lost.
            form_again(appeal_template(
                &ctx,
                kind,
                id,
                &item,
                None,
                Form::new(form.to_map()).with_errors(errors),
            ))
        }
        Err(e) => Err(e.into()),
    }
}

// ---- The coordinator's decision ----

async fn appeals(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let rows = state.services.appeals(&ctx.actor()).await?;
    let rows = rows
        .iter()
        .map(|a| {
            let (d, iso) = date(&ctx, a.created_at);
            AppealRowView {
                id: a.id,
                item: heading(&ctx, a.target_kind, &a.title),
                author: a.author_name.clone(),
                date: d,
                date_iso: iso,
                state: match a.outcome() {
                    Some(o) => ctx.t(&format!("appeal-outcome-{}", o.key())),
                    None => ctx.t("appeals-open"),
                },
                open: a.decided_at.is_none(),
            }
        })
        .collect();
    page(AppealsPage {
        p: ctx.page(ctx.t("appeals-title")),
        rows,
    })
}

fn decide_template(ctx: &Ctx, a: &AppealRow, form: Form) -> AppealDecidePage {
    AppealDecidePage {
        p: ctx.page(ctx.t("appeals-decide-title")),
        appeal_id: a.id,
        item: ItemView {
            kind: a.target_kind.key(),
            id: a.target_id,
            heading: heading(ctx, a.target_kind, &a.title),
            author: a.author_name.clone(),
            lines: lines(&a.item_body),
            href: href(a.target_kind, a.target_id, a.input_id),
        },
        hidden_reason: a.hidden_reason.clone(),
        appeal_lines: lines(&a.body),
        decision: decision_text(ctx, a),
        refused: ctx
            .actor()
            .user
            .and_then(|u| own_appeal(a, u))
            .map(|code| ctx.t(&format!("error-{}", code.replace('_', "-")))),
        outcomes: AppealOutcome::ALL
            .iter()
            .map(|o| Choice {
                value: o.key().to_owned(),
                label: ctx.t(&format!("appeal-outcome-{}", o.key())),
            })
            .collect(),
        form,
    }
}

async fn appeal_admin(State(state): State<AppState>, ctx: Ctx, Path(appeal): Path<i64>) -> Result<Response, AppError> {
    let a = state.services.appeal(&ctx.actor(), appeal).await?;
    page(decide_template(&ctx, &a, Form::default()))
}

async fn decide(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(appeal): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    let confirmed = form.get("confirmed") == "yes";
    match state
        .services
        .decide_appeal(
            &ctx.tenant,
            &ctx.actor(),
            appeal,
            form.get("appeal_outcome"),
            form.get("appeal_reason"),
            confirmed,
        )
        .await
    {
        Ok(DecideOutcome::Decided { .. }) => {
            Ok(ctx.redirect_with_flash(&format!("/admin/input/appeals/{appeal}"), "flash-appeal-decided"))
        }
        Ok(DecideOutcome::NeedsConfirmation { appeal: a, outcome }) => page(ConfirmPage {
            p: ctx.page(ctx.t("appeals-confirm-heading")),
            heading: ctx.t("appeals-confirm-heading"),
            text: views::t_args(
                ctx.lang,
                "appeals-confirm-text",
                &[
                    ("outcome", ctx.t(&format!("appeal-outcome-{}", outcome.key()))),
                    ("name", a.author_name.clone()),
                ],
            ),
            action: format!("/admin/input/appeals/{appeal}"),
            fields: vec![
                ("appeal_outcome".to_owned(), outcome.key().to_owned()),
                ("appeal_reason".to_owned(), form.get("appeal_reason").trim().to_owned()),
            ],
            confirm_label: ctx.t("appeals-confirm-button"),
            cancel_href: format!("/admin/input/appeals/{appeal}"),
        }),
        Err(ServiceError::Invalid(errors)) => {
            let a = state.services.appeal(&ctx.actor(), appeal).await?;
            form_again(decide_template(&ctx, &a, Form::new(form.to_map()).with_errors(errors)))
        }
        Err(e) => Err(e.into()),
    }
}
