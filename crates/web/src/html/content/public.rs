//! Public pages: home (timeline and latest news), news, privacy notice.

use axum::{
    Router,
    extract::{Path, Query, State},
    response::Response,
    routing::get,
};
use domain::{Action, NewsId};
use serde::Deserialize;
use views::{HomePage, NewsListPage, NewsPage, NewsSummary, PhaseView, PrivacyPage, markdown};

use crate::html::common::{date, day, localized, localized_lang, page};
use crate::{AppError, AppState, Ctx};

const NEWS_PER_PAGE: i64 = 10;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .route("/news", get(news_list))
        .route("/news/{id}", get(news_show))
        .route("/privacy", get(privacy))
}

pub(crate) fn summaries(ctx: &Ctx, items: &[store::NewsItem]) -> Vec<NewsSummary> {
    items
        .iter()
        .map(|n| {
            let (d, iso) = date(ctx, n.published_at);
            let (title, lang) = localized_lang(ctx, &n.title_sq, &n.title_en);
            NewsSummary {
                id: n.id,
                title: title.to_owned(),
                lang,
                excerpt: markdown::excerpt(localized(ctx, &n.body_sq, &n.body_en), 220),
                date: d,
                date_iso: iso,
            }
        })
        .collect()
}

async fn home(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    ctx.require(Action::ViewPublic)?;
    let data = state.public.home(&state.services.store, ctx.tenant.id()).await?;
    let today = state.services.clock.now().with_timezone(&ctx.tz()).date_naive();
    let phases = data
        .phases
        .iter()
        .map(|ph| {
            let (s, s_iso) = day(ph.starts_on);
            let (e, e_iso) = day(ph.ends_on);
            let state = if ph.ends_on < today {
                "past"
            } else if ph.starts_on > today {
                "upcoming"
            } else {
                "current"
            };
            let (title, lang) = localized_lang(&ctx, &ph.title_sq, &ph.title_en);
            PhaseView {
                title: title.to_owned(),
                lang,
                starts_on: s,
                ends_on: e,
                starts_iso: s_iso,
                ends_iso: e_iso,
                state,
            }
        })
        .collect();
    page(HomePage {
        p: ctx.page(ctx.t("nav-home")),
        cycle_title: data.cycle.as_ref().map(|c| {
            let (title, lang) = localized_lang(&ctx, &c.title_sq, &c.title_en);
            (title.to_owned(), lang)
        }),
        phases,
        news: summaries(&ctx, &data.news),
    })
}

#[derive(Deserialize)]
pub struct PageQuery {
    page: Option<i64>,
}

async fn news_list(State(state): State<AppState>, ctx: Ctx, Query(q): Query<PageQuery>) -> Result<Response, AppError> {
    let page_no = crate::html::common::page_number(q.page);
    let list = state.services.news_list(&ctx.actor(), page_no, NEWS_PER_PAGE).await?;
    page(NewsListPage {
        p: ctx.page(ctx.t("news-title")),
        news: summaries(&ctx, &list.items),
        page: page_no,
        has_next: list.has_next,
        can_edit: ctx.principal().can(Action::EditNews),
    })
}

async fn news_show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let item = state.services.news_item(&ctx.actor(), NewsId(id)).await?;
    let (d, iso) = date(&ctx, item.published_at);
    let (title, lang) = localized_lang(&ctx, &item.title_sq, &item.title_en);
    let title = title.to_owned();
    page(NewsPage {
        p: ctx.page(title.clone()),
        id: item.id,
        title,
        lang,
        body_html: markdown::render(localized(&ctx, &item.body_sq, &item.body_en)),
        date: d,
        date_iso: iso,
        author: item.author_name,
        can_edit: ctx.principal().can(Action::EditNews),
    })
}

async fn privacy(ctx: Ctx) -> Result<Response, AppError> {
    ctx.require(Action::ViewPublic)?;
    let body = localized(&ctx, &ctx.tenant.privacy_sq, &ctx.tenant.privacy_en).to_owned();
    page(PrivacyPage {
        p: ctx.page(ctx.t("privacy-title")),
        body_html: markdown::render(&body),
    })
}
