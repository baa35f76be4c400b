//! Forum meetings: the public list and pages, the answer links of invitations, the calendar
//! feeds and the member's calendar page; the coordinator's list, form and page of a meeting
//! (agenda, pre-reads, publishing with invitations, cancelling).

use std::collections::HashMap;

use axum::{
    Router,
    extract::{DefaultBodyLimit, Multipart, Path, Query, State, multipart::MultipartRejection},
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
    routing::{get, post},
};
use chrono::{DateTime, Utc};
use domain::{
    FieldError, MeetingId,
    forum::{MeetingKind, MeetingStatus, Rsvp, Visibility},
};
use services::{
    ServiceError,
    forum::meetings::{
        AdminMeeting, AnswerOutcome, CancelOutcome, PublishOutcome, RevokeFeedOutcome, format_meeting_time,
    },
};
use store::{AgendaItemRow, MeetingDocRow, MeetingListRow, MeetingRow};
use views::{
    AdminMeetingFormPage, AdminMeetingPage, AdminMeetingsPage, AgendaView, CalendarPage, Choice, ConfirmPage, DocView,
    Form, InvitationView, MeetingAnswerPage, MeetingCard, MeetingShowPage, MeetingView, MeetingsListPage, MessagePage,
    MyAnswer, zone_name,
};

use crate::{
    AppError, AppState, Ctx,
    forms::FormData,
    html::common::{TokenQuery, attachment_response, date_time, form_again, localized_lang, page, page_number},
};

/// Largest upload body this route reads (the use case holds files to the configured limit):
/// the route sets its own limit because the site's is sized for forms.
const UPLOAD_BODY_LIMIT: usize = 32 * 1024 * 1024;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/forum/meetings", get(list))
        .route("/forum/meetings/answer", get(answer_link_page).post(answer_link))
        .route("/forum/meetings/{meeting}", get(show))
        .route("/forum/meetings/{meeting}/answer", post(answer))
        .route("/forum/meetings/{meeting}/documents/{doc}", get(document))
        .route("/forum/meetings/{meeting}/meeting.ics", get(meeting_ics))
        .route("/forum/calendar.ics", get(public_feed))
        .route("/forum/calendar/private/{token}", get(private_feed))
        .route("/forum/calendar", get(calendar).post(calendar_action))
        .route("/admin/forum/meetings", get(admin_list).post(create))
        .route("/admin/forum/meetings/new", get(new_form))
        .route("/admin/forum/meetings/{meeting}", get(admin_show))
        .route("/admin/forum/meetings/{meeting}/edit", get(edit_form).post(update))
        .route("/admin/forum/meetings/{meeting}/publish", post(publish))
        .route("/admin/forum/meetings/{meeting}/cancel", post(cancel))
        .route("/admin/forum/meetings/{meeting}/agenda", post(add_item))
        .route(
            "/admin/forum/meetings/{meeting}/agenda/{item}/delete",
            post(delete_item),
        )
        .route("/admin/forum/meetings/{meeting}/agenda/{item}/move", post(move_item))
        .route(
            "/admin/forum/meetings/{meeting}/documents",
            post(upload).layer(DefaultBodyLimit::max(UPLOAD_BODY_LIMIT)),
        )
        .route(
            "/admin/forum/meetings/{meeting}/documents/{doc}/delete",
            post(delete_document),
        )
}

fn short(ctx: &Ctx, at: DateTime<Utc>) -> (String, String) {
    let local = at.with_timezone(&ctx.tz());
    (local.format("%d.%m.%Y %H:%M").to_string(), local.to_rfc3339())
}

fn human_size(bytes: i64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", (bytes + 1023) / 1024)
    }
}

fn file_kind(content_type: &str) -> String {
    match content_type {
        "application/pdf" => "PDF".into(),
        "image/png" => "PNG".into(),
        "image/jpeg" => "JPEG".into(),
        "image/webp" => "WebP".into(),
        other => other.to_owned(),
    }
}

fn status_label(ctx: &Ctx, s: MeetingStatus) -> String {
    ctx.t(&format!("meeting-status-{}", s.key()))
}

fn card(ctx: &Ctx, row: &MeetingListRow) -> MeetingCard {
    let m = &row.meeting;
    let (title, title_lang) = localized_lang(ctx, &m.title_sq, &m.title_en);
    let (date, date_iso) = short(ctx, m.starts_at);
    MeetingCard {
        id: m.id,
        title: title.to_owned(),
        title_lang,
        kind: ctx.t(&format!("meeting-kind-{}", m.kind.key())),
        date,
        date_iso,
        place: m.place.clone(),
        online: !m.online_url.is_empty(),
        members_only: m.visibility == Visibility::MembersOnly,
        status_key: m.status.key(),
        status_label: status_label(ctx, m.status),
        minutes: row.minutes_published_at.is_some(),
        answers: answers_line(ctx, row.invited, row.attending, row.not_attending, row.maybe),
    }
}

fn answers_line(ctx: &Ctx, invited: i64, attending: i64, not_attending: i64, maybe: i64) -> String {
    views::t_args(
        ctx.lang,
        "meeting-answers-count",
        &[
            ("invited", invited.to_string()),
            ("attending", attending.to_string()),
            ("not_attending", not_attending.to_string()),
            ("maybe", maybe.to_string()),
        ],
    )
}

fn meeting_view(ctx: &Ctx, m: &MeetingRow) -> MeetingView {
    let (title, title_lang) = localized_lang(ctx, &m.title_sq, &m.title_en);
    let (description, _) = localized_lang(ctx, &m.description_sq, &m.description_en);
    let tz = ctx.tz();
    let (start, end) = (m.starts_at.with_timezone(&tz), m.ends_at.with_timezone(&tz));
    let end_text = if start.date_naive() == end.date_naive() {
        end.format("%H:%M").to_string()
    } else {
        end.format("%d.%m.%Y %H:%M").to_string()
    };
    MeetingView {
        id: m.id,
        title: title.to_owned(),
        title_lang,
        kind: ctx.t(&format!("meeting-kind-{}", m.kind.key())),
        when: format!(
            "{} – {end_text} ({})",
            start.format("%d.%m.%Y %H:%M"),
            zone_name(ctx.lang, &ctx.tenant.time_zone)
        ),
        when_iso: start.to_rfc3339(),
        place: m.place.clone(),
        address: m.address.clone(),
        online_url: m.online_url.clone(),
        description_html: if description.trim().is_empty() {
            String::new()
        } else {
            views::markdown::render(description)
        },
        notice: m.notice_at.map(|at| date_time(ctx, at)),
        members_only: m.visibility == Visibility::MembersOnly,
        visibility_label: ctx.t(&format!("meeting-visibility-{}", m.visibility.key())),
        status_key: m.status.key(),
        status_label: status_label(ctx, m.status),
        cancelled: m.status == MeetingStatus::Cancelled,
    }
}

/// Staff open a draft's documents through the same route: its rule lets staff see drafts.
fn doc_href(d: &MeetingDocRow) -> String {
    format!("/forum/meetings/{}/documents/{}", d.meeting_id, d.id)
}

fn agenda_views(ctx: &Ctx, agenda: &[AgendaItemRow], docs: &[MeetingDocRow]) -> Vec<AgendaView> {
    agenda
        .iter()
        .map(|a| {
            let (title, title_lang) = localized_lang(ctx, &a.title_sq, &a.title_en);
            AgendaView {
                id: a.id,
                title: title.to_owned(),
                title_lang,
                presenter: a.presenter.clone(),
                minutes: a
                    .minutes_allotted
                    .map(|n| ctx.t1("meeting-minutes-unit", "minutes", &n.to_string()))
                    .unwrap_or_default(),
                docs: docs
                    .iter()
                    .filter(|d| d.agenda_item_id == Some(a.id))
                    .map(|d| (doc_href(d), d.title.clone()))
                    .collect(),
            }
        })
        .collect()
}

fn doc_views(ctx: &Ctx, agenda: &[AgendaItemRow], docs: &[MeetingDocRow]) -> Vec<DocView> {
    docs.iter()
        .map(|d| {
            let (shared, shared_iso) = short(ctx, d.shared_at);
            let item = d
                .agenda_item_id
                .and_then(|id| agenda.iter().position(|a| a.id == id).map(|i| (i, &agenda[i])))
                .map(|(i, a)| {
                    format!(
                        "{} {}: {}",
                        ctx.t("meeting-agenda-item"),
                        i + 1,
                        localized_lang(ctx, &a.title_sq, &a.title_en).0
                    )
                })
                .unwrap_or_default();
            DocView {
                id: d.id,
                href: doc_href(d),
                title: d.title.clone(),
                kind: file_kind(&d.content_type),
                size: human_size(d.size_bytes),
                shared,
                shared_iso,
                item,
            }
        })
        .collect()
}

#[derive(serde::Deserialize)]
struct ListQuery {
    upcoming: Option<i64>,
    past: Option<i64>,
}

async fn list(State(state): State<AppState>, ctx: Ctx, Query(q): Query<ListQuery>) -> Result<Response, AppError> {
    let (up, past) = (page_number(q.upcoming), page_number(q.past));
    let lists = state.services.meeting_lists(&ctx.actor(), up, past).await?;
    page(MeetingsListPage {
        p: ctx.page(ctx.t("meetings-title")),
        upcoming: lists.upcoming.iter().map(|r| card(&ctx, r)).collect(),
        past: lists.past.iter().map(|r| card(&ctx, r)).collect(),
        upcoming_page: up,
        past_page: past,
        upcoming_more: lists.upcoming_more,
        past_more: lists.past_more,
        member: ctx.principal().can(domain::Action::TakePartInForum),
    })
}

async fn render_show(state: &AppState, ctx: &Ctx, id: i64, form: Form) -> Result<Response, AppError> {
    let pg = state.services.meeting_page(&ctx.actor(), MeetingId(id)).await?;
    let now = state.services.clock.now();
    let answer = pg.invitation.as_ref().map(|inv| MyAnswer {
        current: inv.answer().map(|a| ctx.t(&format!("rsvp-{}", a.key()))),
        current_key: inv.answer.clone().unwrap_or_default(),
        choices: rsvp_choices(ctx),
        open: pg.meeting.status == MeetingStatus::Published && pg.meeting.ends_at > now,
    });
    let has_errors = form.has_errors();
    let template = MeetingShowPage {
        p: ctx.page(
            localized_lang(ctx, &pg.meeting.title_sq, &pg.meeting.title_en)
                .0
                .to_owned(),
        ),
        m: meeting_view(ctx, &pg.meeting),
        agenda: agenda_views(ctx, &pg.agenda, &pg.documents),
        documents: doc_views(ctx, &pg.agenda, &pg.documents),
        minutes_href: pg.minutes_published_at.map(|_| format!("/forum/meetings/{id}/minutes")),
        answer,
        form,
        staff: pg.staff,
    };
    if has_errors {
        form_again(template)
    } else {
        page(template)
    }
}

fn rsvp_choices(ctx: &Ctx) -> Vec<Choice> {
    Rsvp::ALL
        .iter()
        .map(|r| Choice {
            value: r.key().into(),
            label: ctx.t(&format!("rsvp-{}", r.key())),
        })
        .collect()
}

async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    render_show(&state, &ctx, id, Form::default()).await
}

async fn answer(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    match state
        .services
        .answer_meeting(&ctx.actor(), MeetingId(id), form.get("answer"))
        .await
    {
        Ok(AnswerOutcome::Recorded(_)) => {
            Ok(ctx.redirect_with_flash(&format!("/forum/meetings/{id}"), "flash-meeting-answer-saved"))
        }
        Ok(AnswerOutcome::NotInvited) => {
            let mut response = page(MessagePage {
                p: ctx.page(ctx.t("meeting-not-invited-title")),
                heading: ctx.t("meeting-not-invited-title"),
                text: ctx.t("meeting-not-invited-text"),
                link: Some((format!("/forum/meetings/{id}"), ctx.t("meeting-title"))),
            })?;
            *response.status_mut() = StatusCode::FORBIDDEN;
            Ok(response)
        }
        Err(ServiceError::Invalid(errors)) => {
            render_show(&state, &ctx, id, Form::new(form.to_map()).with_errors(errors)).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn answer_link_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<TokenQuery>,
) -> Result<Response, AppError> {
    let preview = state.services.answer_preview(&ctx.tenant, &q.token).await?;
    let answer = ctx.t(&format!("rsvp-{}", preview.answer.key()));
    let mut response = page(MeetingAnswerPage {
        p: ctx.page(ctx.t("meeting-answer-title")),
        m: meeting_view(&ctx, &preview.meeting),
        answer,
        token: q.token,
    })?;
    // The page carries the secret link: no shared cache (nor this site's) may keep it.
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    Ok(response)
}

async fn answer_link(State(state): State<AppState>, ctx: Ctx, form: FormData) -> Result<Response, AppError> {
    let (meeting, answer) = state
        .services
        .answer_by_link(&ctx.tenant, form.get("token"), Some(&ctx.request_id))
        .await?;
    // An anonymous write: the cached public answers do not hear of it otherwise.
    state.cache.drop_tenant(ctx.tenant.id);
    let label = ctx.t(&format!("rsvp-{}", answer.key()));
    page(MessagePage {
        p: ctx.page(ctx.t("meeting-answer-done-title")),
        heading: ctx.t("meeting-answer-done-title"),
        text: ctx.t1("meeting-answer-done-text", "answer", &label),
        link: Some((format!("/forum/meetings/{}", meeting.0), ctx.t("meeting-title"))),
    })
}

async fn document(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, doc)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let (meta, content) = state
        .services
        .meeting_document(&ctx.actor(), MeetingId(id), doc)
        .await?;
    Ok(attachment_response(&meta.filename, &meta.content_type, content))
}

/// A calendar file: `download` names it for saving; feeds are read in place by calendar programs.
fn calendar_response(body: String, download: Option<&str>) -> Response {
    let mut response = body.into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    if let Some(name) = download
        && let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
    {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    response
}

async fn meeting_ics(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let body = state
        .services
        .meeting_calendar(&ctx.tenant, &ctx.actor(), MeetingId(id), ctx.lang)
        .await?;
    Ok(calendar_response(body, Some(&format!("meeting-{id}.ics"))))
}

async fn public_feed(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let body = state.services.public_calendar(&ctx.tenant, ctx.lang).await?;
    Ok(calendar_response(body, None))
}

async fn private_feed(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let token = token.strip_suffix(".ics").unwrap_or(&token);
    let body = state.services.private_calendar(&ctx.tenant, token, ctx.lang).await?;
    let mut response = calendar_response(body, None);
    // A secret address: no shared cache may keep what it shows.
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    Ok(response)
}

fn public_feed_url(state: &AppState, ctx: &Ctx) -> String {
    format!("{}/forum/calendar.ics", state.services.site_url(&ctx.tenant))
}

async fn render_calendar(
    state: &AppState,
    ctx: &Ctx,
    new_url: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let since = state.services.calendar_feed_status(&ctx.actor()).await?;
    let mut response = page(CalendarPage {
        p: ctx.page(ctx.t("calendar-title")),
        public_url: public_feed_url(state, ctx),
        private_since: since.map(|at| date_time(ctx, at)),
        new_url,
    })?;
    *response.status_mut() = status;
    Ok(response)
}

async fn calendar(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    render_calendar(&state, &ctx, None, StatusCode::OK).await
}

async fn calendar_action(State(state): State<AppState>, ctx: Ctx, form: FormData) -> Result<Response, AppError> {
    let actor = ctx.actor();
    match form.get("action") {
        "create" => {
            let token = state.services.create_calendar_feed(&actor).await?;
            let url = format!(
                "{}/forum/calendar/private/{token}",
                state.services.site_url(&ctx.tenant)
            );
            render_calendar(&state, &ctx, Some(url), StatusCode::OK).await
        }
        "revoke" => match state
            .services
            .revoke_calendar_feed(&actor, form.get("confirmed") == "yes")
            .await?
        {
            RevokeFeedOutcome::NeedsConfirmation => page(ConfirmPage {
                p: ctx.page(ctx.t("calendar-revoke-confirm-title")),
                heading: ctx.t("calendar-revoke-confirm-title"),
                text: ctx.t("calendar-revoke-confirm-text"),
                action: "/forum/calendar".into(),
                fields: vec![("action".into(), "revoke".into())],
                confirm_label: ctx.t("calendar-revoke"),
                cancel_href: "/forum/calendar".into(),
            }),
            RevokeFeedOutcome::Revoked => Ok(ctx.redirect_with_flash("/forum/calendar", "flash-calendar-revoked")),
        },
        // Checked for the right first: a stranger's nonsense is refused, not answered with a form.
        _ => render_calendar(&state, &ctx, None, StatusCode::UNPROCESSABLE_ENTITY).await,
    }
}

// ---- Staff ----

#[derive(serde::Deserialize)]
struct PageQuery {
    page: Option<i64>,
}

async fn admin_list(State(state): State<AppState>, ctx: Ctx, Query(q): Query<PageQuery>) -> Result<Response, AppError> {
    let n = page_number(q.page);
    let (rows, has_next) = state.services.admin_meetings(&ctx.actor(), n).await?;
    page(AdminMeetingsPage {
        p: ctx.page(ctx.t("admin-meetings")),
        meetings: rows.iter().map(|r| card(&ctx, r)).collect(),
        page: n,
        has_next,
    })
}

fn form_page(ctx: &Ctx, meeting_id: Option<i64>, form: Form, published: bool) -> AdminMeetingFormPage {
    AdminMeetingFormPage {
        p: ctx.page(ctx.t(if meeting_id.is_some() {
            "admin-meeting-edit"
        } else {
            "admin-meetings-new"
        })),
        meeting_id,
        form,
        kinds: MeetingKind::ALL
            .iter()
            .map(|k| Choice {
                value: k.key().into(),
                label: ctx.t(&format!("meeting-kind-{}", k.key())),
            })
            .collect(),
        visibilities: Visibility::ALL
            .iter()
            .map(|v| Choice {
                value: v.key().into(),
                label: ctx.t(&format!("meeting-visibility-{}", v.key())),
            })
            .collect(),
        zone: zone_name(ctx.lang, &ctx.tenant.time_zone),
        published,
    }
}

fn meeting_values(ctx: &Ctx, m: &MeetingRow) -> HashMap<String, String> {
    let tz = ctx.tz();
    [
        ("meeting_kind", m.kind.key().to_owned()),
        ("title_sq", m.title_sq.clone()),
        ("title_en", m.title_en.clone()),
        ("description_sq", m.description_sq.clone()),
        ("description_en", m.description_en.clone()),
        ("starts_at", format_meeting_time(m.starts_at, tz)),
        ("ends_at", format_meeting_time(m.ends_at, tz)),
        ("place", m.place.clone()),
        ("address", m.address.clone()),
        ("online_url", m.online_url.clone()),
        ("visibility", m.visibility.key().to_owned()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

async fn new_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    // The same rule as the use cases, asked before showing a form nobody else may send.
    state.services.admin_meetings(&ctx.actor(), 1).await?;
    let values = [
        ("meeting_kind", MeetingKind::FollowUp.key()),
        ("visibility", Visibility::Public.key()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    page(form_page(&ctx, None, Form::new(values), false))
}

async fn create(State(state): State<AppState>, ctx: Ctx, form: FormData) -> Result<Response, AppError> {
    let values = form.to_map();
    match state.services.create_meeting(&ctx.tenant, &ctx.actor(), &values).await {
        Ok(id) => Ok(ctx.redirect_with_flash(&format!("/admin/forum/meetings/{}", id.0), "flash-meeting-created")),
        Err(ServiceError::Invalid(errors)) => {
            form_again(form_page(&ctx, None, Form::new(values).with_errors(errors), false))
        }
        Err(e) => Err(e.into()),
    }
}

async fn edit_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let admin = state.services.admin_meeting(&ctx.actor(), MeetingId(id)).await?;
    let m = &admin.meeting;
    page(form_page(
        &ctx,
        Some(id),
        Form::new(meeting_values(&ctx, m)),
        m.status == MeetingStatus::Published,
    ))
}

async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    let values = form.to_map();
    match state
        .services
        .update_meeting(&ctx.tenant, &ctx.actor(), MeetingId(id), &values)
        .await
    {
        Ok(_) => Ok(ctx.redirect_with_flash(&format!("/admin/forum/meetings/{id}"), "flash-meeting-saved")),
        Err(ServiceError::Invalid(errors)) => {
            let admin = state.services.admin_meeting(&ctx.actor(), MeetingId(id)).await?;
            form_again(form_page(
                &ctx,
                Some(id),
                Form::new(values).with_errors(errors),
                admin.meeting.status == MeetingStatus::Published,
            ))
        }
        Err(e) => Err(e.into()),
    }
}

fn admin_page(state: &AppState, ctx: &Ctx, a: &AdminMeeting, form: Form) -> AdminMeetingPage {
    let m = &a.meeting;
    let count = |r: Rsvp| a.invitations.iter().filter(|i| i.answer() == Some(r)).count() as i64;
    AdminMeetingPage {
        p: ctx.page(localized_lang(ctx, &m.title_sq, &m.title_en).0.to_owned()),
        m: meeting_view(ctx, m),
        agenda: agenda_views(ctx, &a.agenda, &a.documents),
        documents: doc_views(ctx, &a.agenda, &a.documents),
        invitations: a
            .invitations
            .iter()
            .map(|i| InvitationView {
                name: i.name.clone(),
                answer: i
                    .answer()
                    .map(|r| ctx.t(&format!("rsvp-{}", r.key())))
                    .unwrap_or_else(|| ctx.t("meeting-no-answer")),
                answered: i.answered_at.map(|at| short(ctx, at).0).unwrap_or_default(),
                reminded: i
                    .reminded_at
                    .map(|at| short(ctx, at).0)
                    .unwrap_or_else(|| ctx.t("meeting-reminded-no")),
            })
            .collect(),
        answers: answers_line(
            ctx,
            a.invitations.len() as i64,
            count(Rsvp::Attending),
            count(Rsvp::NotAttending),
            count(Rsvp::Maybe),
        ),
        form,
        items: a
            .agenda
            .iter()
            .enumerate()
            .map(|(i, item)| Choice {
                value: item.id.to_string(),
                label: format!("{}. {}", i + 1, localized_lang(ctx, &item.title_sq, &item.title_en).0),
            })
            .collect(),
        max_mb: format!("{}", state.config.attachment_max_bytes / (1024 * 1024)),
        is_draft: m.status == MeetingStatus::Draft,
        is_published: m.status == MeetingStatus::Published,
    }
}

async fn render_admin(state: &AppState, ctx: &Ctx, id: i64, form: Form) -> Result<Response, AppError> {
    let a = state.services.admin_meeting(&ctx.actor(), MeetingId(id)).await?;
    let has_errors = form.has_errors();
    let template = admin_page(state, ctx, &a, form);
    if has_errors {
        form_again(template)
    } else {
        page(template)
    }
}

async fn admin_show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    render_admin(&state, &ctx, id, Form::default()).await
}

/// The staff page again with errors and what was typed (422), or the error itself.
async fn admin_again(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    values: HashMap<String, String>,
    result: Result<Response, ServiceError>,
) -> Result<Response, AppError> {
    match result {
        Ok(r) => Ok(r),
        Err(ServiceError::Invalid(errors)) => render_admin(state, ctx, id, Form::new(values).with_errors(errors)).await,
        Err(e) => Err(e.into()),
    }
}

async fn publish(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    let confirmed = form.get("confirmed") == "yes";
    let result = state
        .services
        .publish_meeting(&ctx.tenant, &ctx.actor(), MeetingId(id), confirmed)
        .await;
    let result = match result {
        Ok(PublishOutcome::NeedsConfirmation { members }) => {
            let a = state.services.admin_meeting(&ctx.actor(), MeetingId(id)).await?;
            let title = localized_lang(&ctx, &a.meeting.title_sq, &a.meeting.title_en)
                .0
                .to_owned();
            return page(ConfirmPage {
                p: ctx.page(ctx.t("meeting-publish-confirm-title")),
                heading: ctx.t("meeting-publish-confirm-title"),
                text: views::t_args(
                    ctx.lang,
                    "meeting-publish-confirm-text",
                    &[("title", title), ("members", members.to_string())],
                ),
                action: format!("/admin/forum/meetings/{id}/publish"),
                fields: Vec::new(),
                confirm_label: ctx.t("meeting-publish"),
                cancel_href: format!("/admin/forum/meetings/{id}"),
            });
        }
        Ok(PublishOutcome::Published { .. }) => {
            Ok(ctx.redirect_with_flash(&format!("/admin/forum/meetings/{id}"), "flash-meeting-published"))
        }
        Err(e) => Err(e),
    };
    admin_again(&state, &ctx, id, HashMap::new(), result).await
}

async fn cancel(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    let confirmed = form.get("confirmed") == "yes";
    let result = state
        .services
        .cancel_meeting(&ctx.tenant, &ctx.actor(), MeetingId(id), confirmed)
        .await;
    let result = match result {
        Ok(CancelOutcome::NeedsConfirmation { invited }) => {
            let a = state.services.admin_meeting(&ctx.actor(), MeetingId(id)).await?;
            let title = localized_lang(&ctx, &a.meeting.title_sq, &a.meeting.title_en)
                .0
                .to_owned();
            return page(ConfirmPage {
                p: ctx.page(ctx.t("meeting-cancel-confirm-title")),
                heading: ctx.t("meeting-cancel-confirm-title"),
                text: views::t_args(
                    ctx.lang,
                    "meeting-cancel-confirm-text",
                    &[("title", title), ("invited", invited.to_string())],
                ),
                action: format!("/admin/forum/meetings/{id}/cancel"),
                fields: Vec::new(),
                confirm_label: ctx.t("meeting-cancel"),
                cancel_href: format!("/admin/forum/meetings/{id}"),
            });
        }
        Ok(CancelOutcome::Cancelled { .. }) => {
            Ok(ctx.redirect_with_flash(&format!("/admin/forum/meetings/{id}"), "flash-meeting-cancelled"))
        }
        Err(e) => Err(e),
    };
    admin_again(&state, &ctx, id, HashMap::new(), result).await
}

async fn add_item(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    let values = form.to_map();
    let result = state
        .services
        .add_agenda_item(&ctx.actor(), MeetingId(id), &values)
        .await
        .map(|_| ctx.redirect_with_flash(&format!("/admin/forum/meetings/{id}#agenda"), "flash-meeting-agenda"));
    admin_again(&state, &ctx, id, values, result).await
}

async fn delete_item(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, item)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    match state
        .services
        .delete_agenda_item(&ctx.actor(), MeetingId(id), item)
        .await
    {
        // Gone already (a second tap): the page shows the agenda as it is.
        Ok(()) | Err(ServiceError::NotFound) => {
            Ok(ctx.redirect_with_flash(&format!("/admin/forum/meetings/{id}#agenda"), "flash-meeting-agenda"))
        }
        Err(e) => Err(e.into()),
    }
}

async fn move_item(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, item)): Path<(i64, i64)>,
    form: FormData,
) -> Result<Response, AppError> {
    let result = match state
        .services
        .move_agenda_item(&ctx.actor(), MeetingId(id), item, form.get("direction"))
        .await
    {
        Ok(()) | Err(ServiceError::NotFound) => {
            Ok(ctx.redirect_with_flash(&format!("/admin/forum/meetings/{id}#agenda"), "flash-meeting-agenda"))
        }
        Err(e) => Err(e),
    };
    admin_again(&state, &ctx, id, HashMap::new(), result).await
}

/// The fields of the upload form: the file (name and bytes), its title and agenda item.
async fn upload_fields(
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<(String, Vec<u8>, String, String), AppError> {
    let Ok(mut multipart) = multipart else {
        return Ok(Default::default());
    };
    let too_large = |e: axum::extract::multipart::MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            AppError::PayloadTooLarge
        } else {
            AppError::BadRequest
        }
    };
    let (mut name, mut bytes, mut title, mut item) = (String::new(), Vec::new(), String::new(), String::new());
    while let Some(field) = multipart.next_field().await.map_err(too_large)? {
        match field.name() {
            Some("file") => {
                name = field.file_name().unwrap_or("file").to_owned();
                bytes = field.bytes().await.map_err(too_large)?.to_vec();
            }
            Some("doc_title") => title = field.text().await.map_err(too_large)?,
            Some("agenda_item") => item = field.text().await.map_err(too_large)?,
            _ => {}
        }
    }
    Ok((name, bytes, title, item))
}

async fn upload(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, AppError> {
    // Refuse before reading a large body; the use case checks again.
    state
        .services
        .may_add_meeting_document(&ctx.actor(), MeetingId(id))
        .await?;
    let (name, bytes, title, item) = upload_fields(multipart).await?;
    let result = state
        .services
        .add_meeting_document(
            &ctx.actor(),
            MeetingId(id),
            &name,
            &bytes,
            &title,
            &item,
            state.config.attachment_max_bytes,
        )
        .await
        .map(|_| {
            ctx.redirect_with_flash(
                &format!("/admin/forum/meetings/{id}#documents"),
                "flash-meeting-doc-added",
            )
        });
    let values: HashMap<String, String> = [("doc_title".to_owned(), title)].into_iter().collect();
    if let Err(ServiceError::Invalid(errors)) = &result
        && errors.iter().any(|e: &FieldError| e.code == "file_too_large")
    {
        let mut r = render_admin(&state, &ctx, id, Form::new(values).with_errors(errors.clone())).await?;
        *r.status_mut() = StatusCode::PAYLOAD_TOO_LARGE;
        return Ok(r);
    }
    admin_again(&state, &ctx, id, values, result).await
}

async fn delete_document(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, doc)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    match state
        .services
        .remove_meeting_document(&ctx.actor(), MeetingId(id), doc)
        .await
    {
        Ok(()) | Err(ServiceError::NotFound) => Ok(ctx.redirect_with_flash(
            &format!("/admin/forum/meetings/{id}#documents"),
            "flash-meeting-doc-removed",
        )),
        Err(e) => Err(e.into()),
    }
}
