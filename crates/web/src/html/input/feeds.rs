//! Open data of public input as files: the Atom feeds of new inputs and of new answers (the 50
//! latest, absolute links) and the CSV of every input with its answer, streamed in batches.
//! Hidden inputs appear without their text: the moderator's reason stands in its place.

use axum::{
    Router,
    body::Body,
    extract::State,
    http::{HeaderValue, header},
    response::{IntoResponse, Response},
    routing::get,
};
use domain::Action;

use crate::{AppError, AppState, Ctx, html::common::localized};

/// Entries in each feed.
const FEED_ENTRIES: i64 = 50;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/input/feed.atom", get(inputs_feed))
        .route("/input/answers.atom", get(answers_feed))
        .route("/input/export.csv", get(export_csv))
}

fn atom(feed: atom_syndication::Feed) -> Response {
    let mut response = feed.to_string().into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/atom+xml; charset=utf-8"),
    );
    response
}

fn feed_shell(
    ctx: &Ctx,
    site: &str,
    path: &str,
    title: String,
    updated: chrono::DateTime<chrono::Utc>,
) -> atom_syndication::Feed {
    use atom_syndication::{Feed, Link, Text};
    let mut feed = Feed::default();
    feed.set_id(format!("{site}{path}"));
    feed.set_title(Text::plain(title));
    feed.set_updated(updated.fixed_offset());
    let mut self_link = Link::default();
    self_link.set_href(format!("{site}{path}"));
    self_link.set_rel("self");
    let mut alternate = Link::default();
    alternate.set_href(format!("{site}/input"));
    feed.set_links(vec![self_link, alternate]);
    feed.set_lang(Some(ctx.lang.code().to_owned()));
    feed
}

fn entry(url: String, title: &str, summary: String, at: chrono::DateTime<chrono::Utc>) -> atom_syndication::Entry {
    use atom_syndication::{Entry, Link, Text};
    let mut entry = Entry::default();
    entry.set_id(url.clone());
    entry.set_title(Text::plain(title));
    entry.set_summary(Some(Text::plain(summary)));
    entry.set_updated(at.fixed_offset());
    entry.set_published(Some(at.fixed_offset()));
    let mut link = Link::default();
    link.set_href(url);
    entry.set_links(vec![link]);
    entry
}

/// The newest inputs.
async fn inputs_feed(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    ctx.require(Action::ViewPublic)?;
    let site = state.services.site_url(&ctx.tenant);
    let rows = state.services.newest_inputs(&ctx.tenant, FEED_ENTRIES).await?;
    let entries: Vec<atom_syndication::Entry> = rows
        .iter()
        .map(|r| {
            let (title, summary) = match r.hidden_at {
                Some(_) => (
                    format!("#{}", r.id),
                    views::t_args(ctx.lang, "feed-hidden", &[("reason", r.hidden_reason.clone())]),
                ),
                None => (r.title.clone(), r.body.chars().take(500).collect()),
            };
            entry(format!("{site}/input/{}", r.id), &title, summary, r.created_at)
        })
        .collect();
    let updated = rows.iter().map(|r| r.created_at).max().unwrap_or(ctx.tenant.created_at);
    let title = views::t_args(
        ctx.lang,
        "feed-inputs-title",
        &[("tenant", ctx.tenant.name(ctx.lang).to_owned())],
    );
    let mut feed = feed_shell(&ctx, &site, "/input/feed.atom", title, updated);
    feed.set_entries(entries);
    Ok(atom(feed))
}

/// The newest published answers, linked to the input or the cluster they answer.
async fn answers_feed(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    ctx.require(Action::ViewPublic)?;
    let site = state.services.site_url(&ctx.tenant);
    let rows = state
        .services
        .published_input_answers(&ctx.tenant, FEED_ENTRIES)
        .await?;
    let entries: Vec<atom_syndication::Entry> = rows
        .iter()
        .map(|r| {
            let a = &r.answer;
            let url = match (a.input_id, a.cluster_id) {
                (Some(i), _) => format!("{site}/input/{i}"),
                (None, Some(c)) => format!("{site}/input/clusters/{c}"),
                (None, None) => format!("{site}/input"),
            };
            let status = ctx.t(&format!("answer-status-{}", a.status.key()));
            let target = localized(&ctx, &r.target_title_sq, &r.target_title_en);
            let title = if target.is_empty() {
                status.clone()
            } else {
                format!("{status}: {target}")
            };
            // Of an answer to a hidden input only the status and date (the text may quote it).
            let body = if r.target_hidden {
                ctx.t("feed-answer-withheld")
            } else {
                localized(&ctx, &a.body_sq, &a.body_en).chars().take(1000).collect()
            };
            entry(url, &title, body, a.published_at.unwrap_or(a.updated_at))
        })
        .collect();
    let updated = rows
        .iter()
        .filter_map(|r| r.answer.published_at)
        .max()
        .unwrap_or(ctx.tenant.created_at);
    let title = views::t_args(
        ctx.lang,
        "feed-answers-title",
        &[("tenant", ctx.tenant.name(ctx.lang).to_owned())],
    );
    let mut feed = feed_shell(&ctx, &site, "/input/answers.atom", title, updated);
    feed.set_entries(entries);
    Ok(atom(feed))
}

/// Every input with its answer as CSV: each batch is fetched as the client reads, so memory
/// stays flat however many inputs there are.
async fn export_csv(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    ctx.require(Action::ViewPublic)?;
    let services = state.services.clone();
    let tenant = ctx.tenant.clone();
    // `None` before the first batch, `Some(after)` between batches, ended by `Done`.
    enum Next {
        Start,
        After(i64),
        Done,
    }
    let stream = futures_util::stream::unfold(Next::Start, move |next| {
        let services = services.clone();
        let tenant = tenant.clone();
        async move {
            let after = match next {
                Next::Start => None,
                Next::After(id) => Some(id),
                Next::Done => return None,
            };
            match services.input_csv_chunk(&tenant, after).await {
                Ok((chunk, Some(id))) => Some((Ok::<_, std::io::Error>(chunk.into_bytes()), Next::After(id))),
                Ok((chunk, None)) => Some((Ok(chunk.into_bytes()), Next::Done)),
                Err(e) => Some((Err(std::io::Error::other(e.to_string())), Next::Done)),
            }
        }
    });
    let mut response = Body::from_stream(stream).into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    h.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"inputs.csv\""),
    );
    Ok(response)
}
