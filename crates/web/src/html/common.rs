//! Helpers every stage's pages use: rendering, dates, texts in the page's language, safe
//! redirects, page numbers.

use askama::Template;
use axum::{
    http::{HeaderValue, StatusCode, header},
    response::{Html, IntoResponse, Response},
};
use chrono::{DateTime, NaiveDate, Utc};

use crate::{AppError, Ctx};

/// `?token=…` of the links sent by e-mail.
#[derive(serde::Deserialize)]
pub(crate) struct TokenQuery {
    #[serde(default)]
    pub token: String,
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

/// A moment as the municipality writes it, with its time zone in words:
/// "31.12.2026 23:59 (ora e Shqipërisë)".
pub(crate) fn date_time(ctx: &Ctx, at: DateTime<Utc>) -> String {
    format!(
        "{} ({})",
        at.with_timezone(&ctx.tz()).format("%d.%m.%Y %H:%M"),
        views::zone_name(ctx.lang, &ctx.tenant.time_zone)
    )
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

/// Like [`localized`], with the `lang` attribute the text needs: `"sq"` when English was asked
/// for but only Albanian exists, so that screen readers switch voice; empty otherwise.
pub(crate) fn localized_lang<'a>(ctx: &Ctx, sq: &'a str, en: &'a str) -> (&'a str, &'static str) {
    match ctx.lang {
        domain::Lang::En if !en.trim().is_empty() => (en, ""),
        domain::Lang::En => (sq, "sq"),
        domain::Lang::Sq => (sq, ""),
    }
}

/// A safe local path to go back to after logging in (never another site): one leading slash,
/// no second one or backslash after it, no control characters (browsers drop tabs and
/// newlines, which would turn `/\t/evil.example` into `//evil.example`).
pub(crate) fn safe_next(next: &str) -> &str {
    let local = next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && !next.chars().any(|c| c.is_control() || c == '\\');
    if local { next } else { "/account" }
}

/// Page number from a query, kept in a range where offsets cannot overflow.
pub(crate) fn page_number(raw: Option<i64>) -> i64 {
    raw.unwrap_or(1).clamp(1, 1_000_000)
}

/// Sends a stored file so that no browser ever renders it as part of this site.
pub(crate) fn attachment_response(filename: &str, content_type: &str, content: Vec<u8>) -> Response {
    let mut response = content.into_response();
    let h = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(content_type) {
        h.insert(header::CONTENT_TYPE, v);
    }
    // RFC 6266: an ASCII fallback and the UTF-8 name for Albanian letters.
    let ascii: String = filename
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_ ".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = filename
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b".-_".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("sandbox"));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(safe_next("/account?x=1"), "/account?x=1");
        for bad in [
            "//evil.example",
            "/\\evil.example",
            "/\t/evil.example",
            "https://evil.example",
            "/\n/evil",
            "",
        ] {
            assert_eq!(safe_next(bad), "/account", "{bad:?}");
        }
    }

    #[test]
    fn page_numbers_are_bounded() {
        assert_eq!(page_number(Some(i64::MAX)), 1_000_000);
        assert_eq!(page_number(Some(-5)), 1);
        assert_eq!(page_number(None), 1);
    }
}
