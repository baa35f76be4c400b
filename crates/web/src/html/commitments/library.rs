//! The library across municipalities: search and results, one entry with its source and
//! ratings, and "start from this" (a POST that makes a draft in this municipality's current
//! cycle and opens its form). Each handler parses, calls one use case in
//! `services::commitments::library`, renders.

use axum::{
    Router,
    extract::{Path, Query, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
    routing::{get, post},
};
use domain::{
    Lang,
    commitments::{DatePrecision, Origin, scales},
};
use services::{
    ServiceError,
    commitments::library::{LibraryQuery, LibraryResults},
};
use store::commitments::library::{LibraryEntry, LibraryRow};
use views::{
    Choice, Form,
    commitments::library::{LibraryEntryPage, LibraryPage, LibraryResult},
};

use super::public::{answers, area_choices, area_label, error_lines, rating_words, value_choices, values_text};
use crate::{
    AppError, AppState, Ctx,
    ctx::urlencode,
    html::common::{form_again, page},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/library", get(search))
        .route("/library/{id}", get(entry))
        .route("/library/{id}/start", post(start))
}

/// The start and end as a reader here writes dates, only as precise as OGP's cell was:
/// "8/1/18" is 01.08.2018, "July 2014" 07.2014, "2019" 2019; a quarter, or a cell that did not
/// parse, is shown as OGP wrote it.
fn dates(r: &LibraryRow) -> String {
    let one = |raw: &str, on: Option<chrono::NaiveDate>, precision: Option<DatePrecision>| match (on, precision) {
        (Some(d), Some(DatePrecision::Day) | None) => d.format("%d.%m.%Y").to_string(),
        (Some(d), Some(DatePrecision::Month)) => d.format("%m.%Y").to_string(),
        (Some(d), Some(DatePrecision::Year)) => d.format("%Y").to_string(),
        _ => raw.trim().to_owned(),
    };
    let s = one(&r.starts_raw, r.starts_on, r.starts_precision());
    let e = one(&r.ends_raw, r.ends_on, r.ends_precision());
    match (s.is_empty(), e.is_empty()) {
        (true, true) => String::new(),
        _ => format!("{s} – {e}"),
    }
}

fn result(lang: Lang, r: &LibraryRow) -> LibraryResult {
    LibraryResult {
        id: r.id,
        title: r.title.clone(),
        ogp_id: r.ogp_id.clone(),
        place: r.place(),
        dates: dates(r),
        values: values_text(lang, &r.values),
        areas: r
            .areas
            .iter()
            .map(|a| area_label(lang, a))
            .collect::<Vec<_>>()
            .join("; "),
        ratings: r
            .ratings
            .iter()
            .filter(|x| x.level_key.is_some())
            // A result shows the ratings on a scale (verifiable, potential impact or for
            // results, completion); OGP's yes/no flags ("IRM assessed: No") are on the entry.
            .filter(|x| scales::indicator(&x.indicator).is_some_and(|i| !i.is_flag()))
            .map(|x| {
                let r = rating_words(lang, x);
                format!("{}: {}", r.label, r.value)
            })
            .collect(),
    }
}

fn search_href(l: &LibraryResults, q: &str, page: i64) -> String {
    let mut parts = Vec::new();
    if !q.trim().is_empty() && !l.errors.iter().any(|e| e.field == "q") {
        parts.push(format!("q={}", urlencode(q.trim())));
    }
    if let Some(v) = l.value {
        parts.push(format!("value={}", v.key()));
    }
    if let Some(a) = &l.area {
        parts.push(format!("area={}", urlencode(a)));
    }
    if let Some(p) = &l.place {
        parts.push(format!("country={}", urlencode(p)));
    }
    if page > 0 {
        parts.push(format!("page={}", page + 1));
    }
    format!("/library?{}", parts.join("&"))
}

async fn search(State(state): State<AppState>, ctx: Ctx, Query(q): Query<LibraryQuery>) -> Result<Response, AppError> {
    let l = state.services.search_library(&ctx.tenant, &ctx.actor(), &q).await?;
    let failed = !l.errors.is_empty();
    let form = Form::new(
        [
            ("q", &q.q),
            ("value", &q.value),
            ("area", &q.area),
            ("country", &q.country),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.trim().to_owned()))
        .collect(),
    )
    .with_errors(l.errors.clone());
    let body = LibraryPage {
        p: ctx.page(ctx.t("library-title")),
        form,
        error_lines: error_lines(&ctx, &l.errors),
        values: value_choices(ctx.lang),
        areas: area_choices(ctx.lang),
        places: l
            .places
            .iter()
            .map(|p| Choice {
                value: p.clone(),
                label: p.clone(),
            })
            .collect(),
        results: l.rows.iter().map(|r| result(ctx.lang, r)).collect(),
        prev_href: (l.page > 0).then(|| search_href(&l, &q.q, l.page - 1)),
        next_href: l.more.then(|| search_href(&l, &q.q, l.page + 1)),
        searched: l.searched,
    };
    if failed { form_again(body) } else { page(body) }
}

/// The entry on OGP's site: the URL OGP's data gave, when it is OGP's.
fn ogp_url(e: &LibraryEntry) -> Option<String> {
    let extra: std::collections::BTreeMap<String, String> = serde_json::from_str(&e.ogp_extra).unwrap_or_default();
    if let Some(url) = extra.get("URL")
        && url.starts_with("https://www.opengovpartnership.org/")
    {
        return Some(url.clone());
    }
    (e.row.origin == Origin::Drafted && !e.tenant_ogp_slug.is_empty()).then(|| {
        format!(
            "https://www.opengovpartnership.org/members/{}/commitments/{}",
            e.tenant_ogp_slug,
            e.row.ogp_id.to_lowercase()
        )
    })
}

async fn entry(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let view = state.services.library_entry(&ctx.tenant, &ctx.actor(), id).await?;
    let (e, template, can_start) = (view.entry, view.template, view.can_start);
    let lang = ctx.lang;
    let mut all = Vec::new();
    let brief = e.document.field(domain::commitments::template::keys::BRIEF_DESCRIPTION);
    if !brief.trim().is_empty() {
        all.push(views::commitments::public::Answer {
            label: ctx.t("commitments-brief"),
            html: views::markdown::render(brief),
        });
    }
    all.extend(answers(lang, &template, &e.document));
    let source = match e.row.origin {
        Origin::Imported => ctx.t("library-source-ogp"),
        Origin::Drafted => match lang {
            Lang::En if !e.row.tenant_name_en.is_empty() => e.row.tenant_name_en.clone(),
            _ => e.row.tenant_name_sq.clone(),
        },
    };
    let body = LibraryEntryPage {
        p: ctx.page(e.row.title.clone()),
        result: result(lang, &e.row),
        source,
        ogp_url: ogp_url(&e),
        answers: all,
        can_start,
    };
    page(body)
}

async fn start(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    match state.services.start_from_library(&ctx.tenant, &ctx.actor(), id).await {
        Ok(new_id) => Ok((
            StatusCode::SEE_OTHER,
            [(header::LOCATION, format!("/forum/commitments/{new_id}/edit"))],
        )
            .into_response()),
        Err(ServiceError::Invalid(errors)) => {
            // The entry cannot become a draft as it is (no identifier prefix set, a title longer
            // than the form allows): say why, in words.
            let reason = errors
                .iter()
                .map(|e| views::error_message(ctx.lang, e))
                .collect::<Vec<_>>()
                .join(" ");
            let body = views::MessagePage {
                p: ctx.page(ctx.t("library-start")),
                heading: ctx.t("library-start"),
                text: ctx.t1("library-start-failed", "reason", &reason),
                link: Some((format!("/library/{id}"), ctx.t("library-title"))),
            };
            form_again(body)
        }
        Err(e) => Err(e.into()),
    }
}
