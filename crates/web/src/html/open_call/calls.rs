//! Open calls: the public list and pages, the Atom feed, the deadline as an iCalendar event,
//! and starting an application.

use axum::{
    Router,
    extract::{Path, Query, State},
    http::{HeaderValue, header},
    response::{IntoResponse, Response},
    routing::get,
};
use domain::{
    Action, CallId, OrgId,
    open_call::{ApplicantType, CallPhase, days_left},
};
use services::ServiceError;
use store::CallRow;
use views::{CallApplyPage, CallCard, CallPage, CallsPage, Choice, CriterionView, Form, OutcomePage, StatRow};

use crate::html::common::{form_again, localized, page};
use crate::{AppError, AppState, Ctx, forms::FormData};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/calls", get(list))
        .route("/calls/feed.atom", get(feed))
        .route("/calls/{id}", get(show))
        .route("/calls/{id}/deadline.ics", get(deadline_ics))
        .route("/calls/{id}/apply", get(apply_form).post(apply))
        .route("/calls/{id}/outcome", get(outcome))
        .route("/calls/{id}/documents/{file}", get(document))
}

/// A call as shown in lists and at the top of its page.
pub(crate) fn card(state: &AppState, ctx: &Ctx, call: &CallRow) -> CallCard {
    let now = state.services.clock.now();
    let phase = if call.is_published() {
        CallPhase::at(now, call.opens_at, call.closes_at).key()
    } else {
        "draft"
    };
    let tz = ctx.tz();
    CallCard {
        id: call.id,
        title: localized(ctx, &call.title_sq, &call.title_en).to_owned(),
        summary: localized(ctx, &call.summary_sq, &call.summary_en).to_owned(),
        opens: call.opens_at.with_timezone(&tz).format("%d.%m.%Y %H:%M").to_string(),
        closes: call.closes_at.with_timezone(&tz).format("%d.%m.%Y %H:%M").to_string(),
        closes_iso: call.closes_at.with_timezone(&tz).to_rfc3339(),
        phase,
        days_left: days_left(now, call.closes_at),
    }
}

/// A published call, or a draft for staff (who preview it); otherwise 404.
async fn visible_call(state: &AppState, ctx: &Ctx, id: i64) -> Result<CallRow, AppError> {
    Ok(state.services.visible_call(&ctx.actor(), CallId(id)).await?)
}

async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    ctx.require(Action::ViewPublic)?;
    let calls = state.services.published_calls(&ctx.actor()).await?;
    let (mut open, mut upcoming, mut closed) = (Vec::new(), Vec::new(), Vec::new());
    for call in &calls {
        let c = card(&state, &ctx, call);
        match c.phase {
            "open" => open.push(c),
            "upcoming" => upcoming.push(c),
            _ => closed.push(c),
        }
    }
    // Open calls: the nearest deadline first.
    open.reverse();
    page(CallsPage {
        p: ctx.page(ctx.t("calls-title")),
        open,
        upcoming,
        closed,
    })
}

fn applicant_types(ctx: &Ctx, call: &CallRow) -> Vec<Choice> {
    ApplicantType::ALL
        .into_iter()
        .filter(|t| match t {
            ApplicantType::Cso => call.allow_cso,
            ApplicantType::InformalGroup => call.allow_informal,
            ApplicantType::Citizen => call.allow_citizen,
        })
        .map(|t| Choice {
            value: t.key().into(),
            label: ctx.t(&format!("applicant-{}", t.key())),
        })
        .collect()
}

async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    ctx.require(Action::ViewPublic)?;
    let data = state
        .public
        .call(&state.services.store, ctx.tenant.id(), CallId(id))
        .await?
        .ok_or(AppError::NotFound)?;
    if !data.call.is_published() && !ctx.principal().can(Action::ManageCalls) {
        return Err(AppError::NotFound);
    }
    let (call, criteria) = (&data.call, &data.criteria);
    let mine = state
        .services
        .my_application_to(&ctx.actor(), call.id())
        .await?
        .map(|a| (a.id, ctx.t(&format!("status-{}", a.status.key()))));
    let c = card(&state, &ctx, call);
    page(CallPage {
        p: ctx.page(c.title.clone()),
        body_html: data.body.get(ctx.lang).to_owned(),
        eligibility_html: data.eligibility.get(ctx.lang).to_owned(),
        requirements_html: data.requirements.get(ctx.lang).to_owned(),
        criteria: criteria
            .iter()
            .map(|cr| CriterionView {
                name: localized(&ctx, &cr.name_sq, &cr.name_en).to_owned(),
                description: localized(&ctx, &cr.description_sq, &cr.description_en).to_owned(),
                weight: cr.weight,
            })
            .collect(),
        who: applicant_types(&ctx, call).into_iter().map(|c| c.label).collect(),
        places: call.places,
        contact_email: call.contact_email.clone(),
        is_draft: !call.is_published(),
        can_manage: ctx.principal().can(Action::ManageCalls),
        mine,
        documents: super::applications::file_views(&data.documents),
        outcome_published: call.outcome_published_at.is_some(),
        card: c,
    })
}

/// The deadline as a calendar event (RFC 5545), so applicants do not miss it.
async fn deadline_ics(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    use icalendar::{Calendar, Component, Event, EventLike};
    ctx.require(Action::ViewPublic)?;
    let call = visible_call(&state, &ctx, id).await?;
    let title = localized(&ctx, &call.title_sq, &call.title_en);
    let url = format!("{}/calls/{}", state.services.site_url(&ctx.tenant), call.id);
    let event = Event::new()
        .uid(&format!("call-{}-deadline@{}", call.id, ctx.tenant.slug))
        .summary(&format!("{}: {}", ctx.t("call-closes"), title))
        .description(&url)
        .url(&url)
        .starts(call.closes_at)
        .ends(call.closes_at)
        .timestamp(call.updated_at)
        .done();
    let calendar = Calendar::new().name(title).push(event).done();
    let mut calendar_text = calendar.to_string();
    // Our own product id, as RFC 5545 asks.
    calendar_text = calendar_text.replacen("PRODID:ICALENDAR-RS", "PRODID:-//bashke//calls//EN", 1);
    let mut response = calendar_text.into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    h.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"deadline.ics\""),
    );
    Ok(response)
}

/// An Atom feed of the published calls, for feed readers and other sites.
async fn feed(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    use atom_syndication::{Entry, Feed, Link, Text};
    ctx.require(Action::ViewPublic)?;
    let site = state.services.site_url(&ctx.tenant);
    let calls = state.services.published_calls(&ctx.actor()).await?;
    let entries: Vec<Entry> = calls
        .iter()
        .map(|call| {
            let url = format!("{site}/calls/{}", call.id);
            let mut entry = Entry::default();
            entry.set_id(url.clone());
            entry.set_title(Text::plain(localized(&ctx, &call.title_sq, &call.title_en)));
            entry.set_summary(Some(Text::plain(localized(&ctx, &call.summary_sq, &call.summary_en))));
            entry.set_updated(call.updated_at.fixed_offset());
            entry.set_published(call.published_at.map(|p| p.fixed_offset()));
            let mut link = Link::default();
            link.set_href(url);
            entry.set_links(vec![link]);
            entry
        })
        .collect();
    let mut feed = Feed::default();
    feed.set_id(format!("{site}/calls"));
    feed.set_title(Text::plain(format!(
        "{} · {}",
        ctx.t("calls-title"),
        ctx.tenant.name(ctx.lang)
    )));
    feed.set_updated(
        calls
            .iter()
            .map(|c| c.updated_at)
            .max()
            .unwrap_or(ctx.tenant.created_at)
            .fixed_offset(),
    );
    let mut self_link = Link::default();
    self_link.set_href(format!("{site}/calls/feed.atom"));
    self_link.set_rel("self");
    feed.set_links(vec![self_link]);
    feed.set_lang(Some(ctx.lang.code().to_owned()));
    feed.set_entries(entries);
    let mut response = feed.to_string().into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/atom+xml; charset=utf-8"),
    );
    Ok(response)
}

async fn apply_page(state: &AppState, ctx: &Ctx, call: &CallRow, form: Form) -> Result<Response, AppError> {
    let orgs = state.services.my_orgs(&ctx.actor()).await?;
    let has_errors = form.has_errors();
    let template = CallApplyPage {
        p: ctx.page(ctx.t("apply-title")),
        call_id: call.id,
        call_title: localized(ctx, &call.title_sq, &call.title_en).to_owned(),
        form,
        types: applicant_types(ctx, call),
        orgs: orgs
            .into_iter()
            .map(|o| Choice {
                value: o.id.to_string(),
                label: format!("{} ({})", o.name, ctx.t(&format!("kind-{}", o.kind))),
            })
            .collect(),
    };
    if has_errors {
        form_again(template)
    } else {
        page(template)
    }
}

#[derive(serde::Deserialize)]
pub struct ApplyQuery {
    /// An organisation just created on the way here: chosen already.
    org: Option<i64>,
}

async fn apply_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<ApplyQuery>,
) -> Result<Response, AppError> {
    ctx.require(Action::ApplyToCalls)?;
    let call = visible_call(&state, &ctx, id).await?;
    let mut values = std::collections::HashMap::new();
    if let Some(org) = q.org {
        let mine = state.services.my_orgs(&ctx.actor()).await?;
        if let Some(o) = mine.iter().find(|o| o.id == org) {
            values.insert("org_id".to_owned(), o.id.to_string());
            values.insert("applicant_type".to_owned(), o.kind.clone());
        }
    }
    apply_page(&state, &ctx, &call, Form::new(values)).await
}

async fn apply(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.require(Action::ApplyToCalls)?;
    let call = visible_call(&state, &ctx, id).await?;
    let org = form.get("org_id").parse::<i64>().ok().map(OrgId);
    match state
        .services
        .start_application(&actor, ctx.lang, call.id(), form.get("applicant_type"), org)
        .await
    {
        Ok(app) => Ok(axum::response::Redirect::to(&format!("/applications/{app}/edit")).into_response()),
        Err(ServiceError::Invalid(errors)) => {
            apply_page(&state, &ctx, &call, Form::new(form.to_map()).with_errors(errors)).await
        }
        Err(e) => Err(e.into()),
    }
}

/// The public outcome: the selected who agreed to be listed, and the inclusion statistics
/// (counts only, no personal data). Before publication only the numbers of applications show.
async fn outcome(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    use services::open_call::outcome::{Tally, by_count};
    let outcome = state
        .services
        .call_outcome(&ctx.tenant, &ctx.actor(), CallId(id))
        .await?;
    let (call, published, stats) = (&outcome.call, outcome.published, &outcome.stats);
    let selected = outcome
        .selected
        .iter()
        .map(|r| {
            let fields = r
                .fields
                .split(',')
                .filter(|f| !f.is_empty())
                .map(|f| ctx.t(&format!("fieldofactivity-{f}")))
                .collect();
            (
                r.name.clone(),
                ctx.t(&format!("applicant-{}", r.applicant_type.key())),
                fields,
            )
        })
        .collect();
    // The order is the use case's (natural for types and sizes, by count for the rest); here
    // only the words.
    let rows = |pairs: Vec<(String, &Tally)>| -> Vec<StatRow> {
        pairs
            .into_iter()
            .map(|(label, t)| (label, t.applications, t.selected))
            .collect()
    };
    let keyed = |pairs: Vec<(&str, &Tally)>, prefix: &str| {
        rows(
            pairs
                .into_iter()
                .map(|(k, t)| (ctx.t(&format!("{prefix}{k}")), t))
                .collect(),
        )
    };
    let tables = vec![
        (ctx.t("stats-by-type"), keyed(stats.types_in_order(), "applicant-")),
        (ctx.t("stats-by-size"), keyed(stats.sizes_in_order(), "size-")),
        (
            ctx.t("stats-by-field"),
            rows(by_count(&stats.by_field, |k| ctx.t(&format!("fieldofactivity-{k}")))),
        ),
        (ctx.t("stats-by-area"), rows(by_count(&stats.by_area, str::to_owned))),
    ];
    page(OutcomePage {
        p: ctx.page(ctx.t("outcome-title")),
        card: card(&state, &ctx, call),
        published,
        selected,
        unlisted: outcome.unlisted,
        total: (stats.total.applications, stats.total.selected),
        tables,
    })
}

/// A document of a call: public once the call is published.
async fn document(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, file)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let (meta, content) = state.services.call_document(&ctx.actor(), CallId(id), file).await?;
    Ok(crate::html::common::attachment_response(
        &meta.filename,
        &meta.content_type,
        content,
    ))
}
