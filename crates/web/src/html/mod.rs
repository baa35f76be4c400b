//! HTML pages: every action is a plain form POST followed by a redirect, so that everything
//! works without JavaScript.

mod account;
mod admin;
mod auth;
mod orgs;
mod public;
mod settings;

use askama::Template;
use axum::{
    Router,
    http::StatusCode,
    response::{Html, IntoResponse, Response},
};
use chrono::{DateTime, NaiveDate, Utc};

use crate::{AppError, AppState, Ctx};

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(public::router())
        .merge(auth::router())
        .merge(account::router())
        .merge(orgs::router())
        .merge(admin::router())
        .merge(settings::router())
}

/// `?token=…` of the links sent by e-mail.
#[derive(serde::Deserialize)]
pub(crate) struct TokenQuery {
    #[serde(default)]
    pub token: String,
}

pub async fn not_found(_ctx: Ctx) -> AppError {
    AppError::NotFound
}

/// Renders a page with status 200.
pub(crate) fn page(template: impl Template) -> Result<Response, AppError> {
    Ok(Html(template.render()?).into_response())
}

/// Renders a form shown again because of errors: 422, with everything typed kept.
pub(crate) fn form_again(template: impl Template) -> Result<Response, AppError> {
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(template.render()?)).into_response())
}

pub(crate) fn date(ctx: &Ctx, at: DateTime<Utc>) -> (String, String) {
    let local = at.with_timezone(&ctx.tz());
    (local.format("%d.%m.%Y").to_string(), local.to_rfc3339())
}

pub(crate) fn day(d: NaiveDate) -> (String, String) {
    (d.format("%d.%m.%Y").to_string(), d.format("%Y-%m-%d").to_string())
}

/// Text in the page's language, falling back to Albanian when the English one is empty.
pub(crate) fn localized<'a>(ctx: &Ctx, sq: &'a str, en: &'a str) -> &'a str {
    match ctx.lang {
        domain::Lang::En if !en.trim().is_empty() => en,
        _ => sq,
    }
}

/// A safe local path to go back to after logging in (never another site).
pub(crate) fn safe_next(next: &str) -> &str {
    if next.starts_with('/') && !next.starts_with("//") && !next.contains('\\') {
        next
    } else {
        "/account"
    }
}
