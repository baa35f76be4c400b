//! The audit log and the outbox (delivery state of e-mails) of the municipality.

use axum::{
    Router,
    extract::{Query, State},
    response::Response,
    routing::get,
};
use serde::Deserialize;
use views::{AuditPage, AuditView, OutboxPage, OutboxView};

use crate::{
    AppError, AppState, Ctx,
    html::common::{date, page},
};

const AUDIT_PER_PAGE: i64 = 50;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/audit", get(audit))
        .route("/admin/outbox", get(outbox))
}

#[derive(Deserialize)]
pub struct AuditQuery {
    #[serde(default)]
    action: String,
    before: Option<i64>,
}

async fn audit(State(state): State<AppState>, ctx: Ctx, Query(q): Query<AuditQuery>) -> Result<Response, AppError> {
    let rows = state
        .services
        .audit_log(&ctx.actor(), &q.action, q.before, AUDIT_PER_PAGE)
        .await?;
    let next_before = (rows.len() as i64 == AUDIT_PER_PAGE)
        .then(|| rows.last().map(|r| r.id))
        .flatten();
    let entries = rows
        .into_iter()
        .map(|r| {
            let (_, iso) = date(&ctx, r.at);
            AuditView {
                id: r.id,
                at: r.at.with_timezone(&ctx.tz()).format("%d.%m.%Y %H:%M:%S").to_string(),
                at_iso: iso,
                actor: r.actor_name.unwrap_or_else(|| ctx.t("audit-system")),
                action: r.action,
                entity: format!("{} {}", r.entity, r.entity_id),
                before: r.before_json.unwrap_or_default(),
                after: r.after_json.unwrap_or_default(),
            }
        })
        .collect();
    page(AuditPage {
        p: ctx.page(ctx.t("admin-audit")),
        entries,
        action: q.action,
        next_before,
    })
}

#[derive(Deserialize)]
pub struct BeforeQuery {
    before: Option<i64>,
}

async fn outbox(State(state): State<AppState>, ctx: Ctx, Query(q): Query<BeforeQuery>) -> Result<Response, AppError> {
    let rows = state.services.outbox(&ctx.actor(), q.before, AUDIT_PER_PAGE).await?;
    let next_before = (rows.len() as i64 == AUDIT_PER_PAGE)
        .then(|| rows.last().map(|r| r.id))
        .flatten();
    let messages = rows
        .into_iter()
        .map(|r| OutboxView {
            id: r.id,
            created: r
                .created_at
                .with_timezone(&ctx.tz())
                .format("%d.%m.%Y %H:%M")
                .to_string(),
            recipient: r.recipient,
            subject: r.subject,
            status: ctx.t(&format!("outbox-status-{}", r.status)),
            attempts: r.attempts,
            last_error: r.last_error.unwrap_or_default(),
        })
        .collect();
    page(OutboxPage {
        p: ctx.page(ctx.t("admin-outbox")),
        messages,
        next_before,
    })
}
