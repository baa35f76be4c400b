//! During and after a meeting: the minutes page (public once published; members and staff read
//! drafts, the chair or secretary approves), the log of decisions, the members' board of open
//! action items, and the staff pages to record attendance and write and publish the minutes.
//! Each handler parses, calls one use case in `services::forum::minutes`, renders.

use std::collections::HashMap;

use axum::{
    Router,
    extract::{Path, Query, State},
    http::StatusCode,
    response::{Html, IntoResponse, Response},
    routing::{get, post},
};
use chrono::NaiveDate;
use domain::{
    MeetingId,
    forum::{ActionStatus, Gender, MinutesStatus, Presence, Sector, Visibility},
};
use services::{
    ServiceError,
    forum::minutes::{AttendanceCounts, MeetingMinutes, StaffMinutes},
};
use store::{ActionRow, DecisionRow, MeetingRow, MinutesRow};
use views::{
    ActionView, ActionsBoardPage, AttendanceAdminPage, AttendanceMemberView, Choice, ConfirmPage, CountView,
    CountsView, DecisionView, DecisionsLogPage, Form, GuestView, LoggedDecisionView, MessagePage, MinutesAdminPage,
    MinutesPage, PresentView,
};

use crate::{
    AppError, AppState, Ctx,
    forms::FormData,
    html::common::{date_time, form_again, localized_lang, page, page_number},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/forum/meetings/{meeting}/minutes", get(minutes_page))
        .route("/forum/meetings/{meeting}/minutes/approve", post(approve))
        .route("/forum/decisions", get(decisions_log))
        .route("/forum/actions", get(action_board))
        .route("/forum/actions/{action}/done", post(mark_done))
        .route(
            "/admin/forum/meetings/{meeting}/attendance",
            get(attendance_admin).post(save_attendance),
        )
        .route("/admin/forum/meetings/{meeting}/attendance/guests", post(add_guest))
        .route(
            "/admin/forum/meetings/{meeting}/attendance/guests/{guest}/delete",
            post(delete_guest),
        )
        .route(
            "/admin/forum/meetings/{meeting}/minutes",
            get(minutes_admin).post(save_minutes),
        )
        .route("/admin/forum/meetings/{meeting}/decisions", post(add_decision))
        .route(
            "/admin/forum/meetings/{meeting}/decisions/{decision}/delete",
            post(delete_decision),
        )
        .route("/admin/forum/meetings/{meeting}/actions", post(add_action))
        .route(
            "/admin/forum/meetings/{meeting}/actions/{action}/delete",
            post(delete_action),
        )
        .route("/admin/forum/meetings/{meeting}/minutes/publish", post(publish))
}

/// Decisions per page of the log; action items per page of the board.
const DECISIONS_PER_PAGE: i64 = 50;
const ACTIONS_PER_PAGE: i64 = 50;

#[derive(serde::Deserialize)]
struct ListQuery {
    #[serde(default)]
    q: String,
    page: Option<i64>,
}

fn day(ctx: &Ctx, at: chrono::DateTime<chrono::Utc>) -> (String, String) {
    let local = at.with_timezone(&ctx.tz());
    (
        local.format("%d.%m.%Y").to_string(),
        local.format("%Y-%m-%d").to_string(),
    )
}

fn meeting_title(ctx: &Ctx, m: &MeetingRow) -> (String, &'static str) {
    let (t, lang) = localized_lang(ctx, &m.title_sq, &m.title_en);
    (t.to_owned(), lang)
}

/// "9 for, 0 against, 1 abstention" when a vote was taken.
fn votes(ctx: &Ctx, f: Option<i64>, a: Option<i64>, ab: Option<i64>) -> Option<String> {
    if f.is_none() && a.is_none() && ab.is_none() {
        return None;
    }
    Some(views::t_args(
        ctx.lang,
        "minutes-votes",
        &[
            ("for", f.unwrap_or(0).to_string()),
            ("against", a.unwrap_or(0).to_string()),
            ("abstain", ab.unwrap_or(0).to_string()),
        ],
    ))
}

fn decision_views(ctx: &Ctx, rows: &[DecisionRow]) -> Vec<DecisionView> {
    rows.iter()
        .map(|d| {
            let (text, lang) = localized_lang(ctx, &d.text_sq, &d.text_en);
            DecisionView {
                id: d.id,
                number: d.number,
                text: text.to_owned(),
                lang,
                votes: votes(ctx, d.votes_for, d.votes_against, d.votes_abstain),
            }
        })
        .collect()
}

fn action_views(ctx: &Ctx, rows: &[ActionRow], today: NaiveDate, staff: bool) -> Vec<ActionView> {
    let me = ctx.session.as_ref().map(|s| s.user.id().0);
    rows.iter()
        .map(|a| {
            let (meeting, _) = localized_lang(ctx, &a.meeting_title_sq, &a.meeting_title_en);
            let (date, _) = day(ctx, a.meeting_starts_at);
            let mine = me.is_some() && a.owner_id == me;
            let open = a.status == ActionStatus::Open;
            ActionView {
                id: a.id,
                what: a.what.clone(),
                owner: a.owner_name.clone().unwrap_or_default(),
                due: a.due_on.map(|d| d.format("%d.%m.%Y").to_string()).unwrap_or_default(),
                due_iso: a.due_on.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default(),
                overdue: if open && a.due_on.is_some_and(|d| d < today) {
                    ctx.t("actions-overdue")
                } else {
                    String::new()
                },
                status_key: a.status.key(),
                status: ctx.t(&format!("actions-status-{}", a.status.key())),
                meeting_href: format!("/forum/meetings/{}/minutes", a.meeting_id),
                meeting: format!("{meeting} ({date})"),
                mine,
                can_mark_done: open && (mine || staff),
            }
        })
        .collect()
}

fn counts_view(ctx: &Ctx, c: &AttendanceCounts) -> CountsView {
    let mut others = Vec::new();
    if let Some(n) = c.youth {
        others.push(CountView {
            label: ctx.t("minutes-youth"),
            count: n,
        });
    }
    if let Some(n) = c.rural {
        others.push(CountView {
            label: ctx.t("minutes-rural"),
            count: n,
        });
    }
    CountsView {
        present: c.present,
        excused: c.excused,
        absent: c.absent,
        by_sector: c
            .by_sector
            .iter()
            .map(|(s, n)| CountView {
                label: ctx.t(&format!("sector-{}", s.key())),
                count: *n,
            })
            .collect(),
        by_gender: c
            .by_gender
            .iter()
            .map(|(g, n)| CountView {
                label: ctx.t(&format!("minutes-gender-{}", g.key())),
                count: *n,
            })
            .collect(),
        others,
    }
}

/// The status in words, and the approval and publication sentences.
fn minutes_state(ctx: &Ctx, m: Option<&MinutesRow>) -> (&'static str, String, String, String) {
    let Some(m) = m else {
        return ("", String::new(), String::new(), String::new());
    };
    let approved = match (&m.approved_by_name, m.approved_at) {
        (Some(name), Some(at)) if m.status != MinutesStatus::Draft => views::t_args(
            ctx.lang,
            "minutes-approved-by",
            &[("name", name.clone()), ("date", date_time(ctx, at))],
        ),
        _ => String::new(),
    };
    let published = m
        .published_at
        .filter(|_| m.status == MinutesStatus::Published)
        .map(|at| ctx.t1("minutes-published-on", "date", &date_time(ctx, at)))
        .unwrap_or_default();
    (
        m.status.key(),
        ctx.t(&format!("minutes-status-{}", m.status.key())),
        approved,
        published,
    )
}

fn minutes_template(state: &AppState, ctx: &Ctx, mm: &MeetingMinutes, form: Form) -> MinutesPage {
    let (title, title_lang) = meeting_title(ctx, &mm.meeting);
    let (date, date_iso) = day(ctx, mm.meeting.starts_at);
    let (status_key, status, approved, published) = minutes_state(ctx, mm.minutes.as_ref());
    let (body_html, body_lang) = mm
        .minutes
        .as_ref()
        .map(|m| {
            let (body, lang) = localized_lang(ctx, &m.body_sq, &m.body_en);
            (views::markdown::render(body), lang)
        })
        .unwrap_or_default();
    let present = |guest: bool| -> Vec<PresentView> {
        mm.attendance
            .iter()
            .filter(|a| a.presence == Presence::Present && a.is_guest() == guest)
            .map(|a| PresentView {
                name: a.name.clone(),
                organisation: a.organisation.clone(),
                sector: ctx.t(&format!("sector-{}", a.sector.key())),
            })
            .collect()
    };
    let today = state.services.clock.now().with_timezone(&ctx.tz()).date_naive();
    MinutesPage {
        p: ctx.page(format!("{}: {title}", ctx.t("minutes-title"))),
        meeting_id: mm.meeting.id,
        title,
        title_lang,
        date,
        date_iso,
        members_only: mm.meeting.visibility == Visibility::MembersOnly,
        status_key,
        status,
        body_html,
        body_lang,
        approved,
        published,
        counts: counts_view(ctx, &mm.counts),
        present_members: present(false),
        guests: present(true),
        decisions: decision_views(ctx, &mm.decisions),
        actions: action_views(ctx, &mm.actions, today, false),
        can_approve: mm.can_approve,
        fingerprint: mm.fingerprint.clone(),
        is_staff: mm.is_staff,
        form,
    }
}

async fn minutes_page(State(state): State<AppState>, ctx: Ctx, Path(meeting): Path<i64>) -> Result<Response, AppError> {
    let mm = state
        .services
        .meeting_minutes(&ctx.tenant, &ctx.actor(), MeetingId(meeting))
        .await?;
    page(minutes_template(&state, &ctx, &mm, Form::default()))
}

async fn approve(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(meeting): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    match state
        .services
        .approve_minutes(&ctx.tenant, &ctx.actor(), MeetingId(meeting), form.get("seen"))
        .await
    {
        Ok(()) => Ok(ctx.redirect_with_flash(&format!("/forum/meetings/{meeting}/minutes"), "flash-minutes-approved")),
        // Said in words: who approves, and that nothing changed.
        Err(ServiceError::Forbidden) => {
            let body = MessagePage {
                p: ctx.page(ctx.t("minutes-approve-forbidden-title")),
                heading: ctx.t("minutes-approve-forbidden-title"),
                text: ctx.t("minutes-approve-forbidden-text"),
                link: Some((
                    format!("/forum/meetings/{meeting}/minutes"),
                    ctx.t("minutes-back-to-meeting"),
                )),
            };
            Ok((StatusCode::FORBIDDEN, Html(askama::Template::render(&body)?)).into_response())
        }
        Err(ServiceError::Invalid(errors)) => {
            let mm = state
                .services
                .meeting_minutes(&ctx.tenant, &ctx.actor(), MeetingId(meeting))
                .await?;
            form_again(minutes_template(&state, &ctx, &mm, Form::default().with_errors(errors)))
        }
        Err(e) => Err(e.into()),
    }
}

async fn decisions_log(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ListQuery>,
) -> Result<Response, AppError> {
    let page_no = page_number(q.page);
    let log = state
        .services
        .decisions_log(&ctx.tenant, &ctx.actor(), &q.q, page_no, DECISIONS_PER_PAGE)
        .await?;
    let rows = log
        .rows
        .iter()
        .map(|d| {
            let (text, lang) = localized_lang(&ctx, &d.text_sq, &d.text_en);
            let (meeting, meeting_lang) = localized_lang(&ctx, &d.meeting_title_sq, &d.meeting_title_en);
            let (date, date_iso) = day(&ctx, d.meeting_starts_at);
            LoggedDecisionView {
                number: d.number,
                text: text.to_owned(),
                lang,
                votes: votes(&ctx, d.votes_for, d.votes_against, d.votes_abstain),
                meeting: meeting.to_owned(),
                meeting_lang,
                meeting_href: format!("/forum/meetings/{}/minutes", d.meeting_id),
                date,
                date_iso,
            }
        })
        .collect();
    page(DecisionsLogPage {
        p: ctx.page(ctx.t("decisions-title")),
        q: q.q.trim().to_owned(),
        rows,
        page: log.page,
        has_next: log.has_next,
    })
}

async fn action_board(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ListQuery>,
) -> Result<Response, AppError> {
    let actor = ctx.actor();
    let board = state
        .services
        .action_board(&ctx.tenant, &actor, page_number(q.page), ACTIONS_PER_PAGE)
        .await?;
    let today = state.services.clock.now().with_timezone(&ctx.tz()).date_naive();
    page(ActionsBoardPage {
        p: ctx.page(ctx.t("actions-title")),
        rows: action_views(&ctx, &board.rows, today, actor.can(domain::Action::ManageForum)),
        page: board.page,
        has_next: board.has_next,
    })
}

async fn mark_done(State(state): State<AppState>, ctx: Ctx, Path(action): Path<i64>) -> Result<Response, AppError> {
    state
        .services
        .mark_action_done(&ctx.tenant, &ctx.actor(), action)
        .await?;
    Ok(ctx.redirect_with_flash("/forum/actions", "flash-action-done"))
}

// ---- Staff: attendance ----

fn attendance_template(ctx: &Ctx, s: &StaffMinutes, form: Form) -> AttendanceAdminPage {
    let (title, _) = meeting_title(ctx, &s.meeting);
    let sector = |s: Sector| ctx.t(&format!("sector-{}", s.key()));
    AttendanceAdminPage {
        p: ctx.page(format!("{}: {title}", ctx.t("attendance-title"))),
        meeting_id: s.meeting.id,
        date: date_time(ctx, s.meeting.starts_at),
        title,
        members: s
            .members
            .iter()
            .map(|m| AttendanceMemberView {
                user_id: m.user_id,
                name: m.name.clone(),
                organisation: m.organisation.clone(),
                sector: sector(m.sector),
                presence: s
                    .attendance
                    .iter()
                    .find(|a| a.user_id == Some(m.user_id))
                    .map(|a| a.presence.key())
                    .unwrap_or(""),
            })
            .collect(),
        presences: Presence::ALL
            .iter()
            .map(|p| (p.key(), ctx.t(&format!("attendance-presence-{}", p.key()))))
            .collect(),
        guests: s
            .attendance
            .iter()
            .filter(|a| a.is_guest())
            .map(|a| GuestView {
                id: a.id,
                name: a.name.clone(),
                organisation: a.organisation.clone(),
                sector: sector(a.sector),
            })
            .collect(),
        sectors: Sector::ALL
            .iter()
            .map(|s| Choice {
                value: s.key().into(),
                label: sector(*s),
            })
            .collect(),
        genders: Gender::ALL
            .iter()
            .map(|g| Choice {
                value: g.key().into(),
                label: ctx.t(&format!("minutes-gender-{}", g.key())),
            })
            .collect(),
        counts: counts_view(ctx, &s.counts),
        form,
    }
}

async fn render_attendance(state: &AppState, ctx: &Ctx, meeting: i64, form: Form) -> Result<Response, AppError> {
    let s = state
        .services
        .staff_minutes(&ctx.tenant, &ctx.actor(), MeetingId(meeting))
        .await?;
    let failed = form.has_errors();
    let template = attendance_template(ctx, &s, form);
    if failed { form_again(template) } else { page(template) }
}

async fn attendance_admin(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(meeting): Path<i64>,
) -> Result<Response, AppError> {
    render_attendance(&state, &ctx, meeting, Form::default()).await
}

async fn save_attendance(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(meeting): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    match state
        .services
        .save_attendance(&ctx.tenant, &ctx.actor(), MeetingId(meeting), &form.0)
        .await
    {
        Ok(()) => Ok(ctx.redirect_with_flash(
            &format!("/admin/forum/meetings/{meeting}/attendance"),
            "flash-attendance-saved",
        )),
        Err(ServiceError::Invalid(errors)) => {
            render_attendance(&state, &ctx, meeting, Form::new(form.to_map()).with_errors(errors)).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn add_guest(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(meeting): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    let values = form.to_map();
    match state
        .services
        .add_guest(&ctx.tenant, &ctx.actor(), MeetingId(meeting), &values)
        .await
    {
        Ok(()) => Ok(ctx.redirect_with_flash(
            &format!("/admin/forum/meetings/{meeting}/attendance"),
            "flash-guest-added",
        )),
        Err(ServiceError::Invalid(errors)) => {
            render_attendance(&state, &ctx, meeting, Form::new(values).with_errors(errors)).await
        }
        Err(e) => Err(e.into()),
    }
}

/// A removal asks once more, naming what goes (docs/patterns.md, "A confirmation step").
fn confirm_removal(
    ctx: &Ctx,
    meeting: i64,
    action: String,
    key: &str,
    args: &[(&str, String)],
    back: &str,
) -> Result<Response, AppError> {
    page(ConfirmPage {
        p: ctx.page(views::t_args(ctx.lang, &format!("{key}-title"), args)),
        heading: views::t_args(ctx.lang, &format!("{key}-title"), args),
        text: views::t_args(ctx.lang, &format!("{key}-text"), args),
        action,
        fields: Vec::new(),
        confirm_label: ctx.t(&format!("{key}-button")),
        cancel_href: format!("/admin/forum/meetings/{meeting}/{back}"),
    })
}

async fn delete_guest(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((meeting, guest)): Path<(i64, i64)>,
    form: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.actor();
    if form.get("confirmed") != "yes" {
        let staff = state
            .services
            .staff_minutes(&ctx.tenant, &actor, MeetingId(meeting))
            .await?;
        let row = staff
            .attendance
            .iter()
            .find(|a| a.id == guest && a.user_id.is_none())
            .ok_or(AppError::NotFound)?;
        return confirm_removal(
            &ctx,
            meeting,
            format!("/admin/forum/meetings/{meeting}/attendance/guests/{guest}/delete"),
            "remove-guest",
            &[("name", row.name.clone())],
            "attendance",
        );
    }
    state
        .services
        .delete_guest(&ctx.tenant, &actor, MeetingId(meeting), guest, true)
        .await?;
    Ok(ctx.redirect_with_flash(
        &format!("/admin/forum/meetings/{meeting}/attendance"),
        "flash-guest-removed",
    ))
}

// ---- Staff: minutes, decisions, action items, publishing ----

/// Which of the staff page's forms failed, with what was typed and the errors.
enum Failed {
    None,
    Minutes(Form),
    Decision(Form),
    Action(Form),
    Publish(Form),
}

fn minutes_admin_template(state: &AppState, ctx: &Ctx, s: &StaffMinutes, failed: Failed) -> MinutesAdminPage {
    let (title, _) = meeting_title(ctx, &s.meeting);
    let (status_key, status, approved, published) = minutes_state(ctx, s.minutes.as_ref());
    let saved = Form::new(HashMap::from([
        (
            "minutes_sq".to_owned(),
            s.minutes.as_ref().map(|m| m.body_sq.clone()).unwrap_or_default(),
        ),
        (
            "minutes_en".to_owned(),
            s.minutes.as_ref().map(|m| m.body_en.clone()).unwrap_or_default(),
        ),
    ]));
    let (mut minutes_form, mut decision_form, mut action_form, mut publish_form) =
        (saved, Form::default(), Form::default(), Form::default());
    match failed {
        Failed::None => {}
        Failed::Minutes(f) => minutes_form = f,
        Failed::Decision(f) => decision_form = f,
        Failed::Action(f) => action_form = f,
        Failed::Publish(f) => publish_form = f,
    }
    let today = state.services.clock.now().with_timezone(&ctx.tz()).date_naive();
    MinutesAdminPage {
        p: ctx.page(format!("{}: {title}", ctx.t("minutes-admin-title"))),
        meeting_id: s.meeting.id,
        date: date_time(ctx, s.meeting.starts_at),
        title,
        status_key,
        status,
        approved,
        published,
        decisions: decision_views(ctx, &s.decisions),
        actions: action_views(ctx, &s.actions, today, true),
        owners: s
            .members
            .iter()
            .map(|m| Choice {
                value: m.user_id.to_string(),
                label: if m.organisation.is_empty() {
                    m.name.clone()
                } else {
                    format!("{} — {}", m.name, m.organisation)
                },
            })
            .collect(),
        attendance_recorded: s.attendance.len() as i64,
        minutes_form,
        decision_form,
        action_form,
        publish_form,
    }
}

async fn render_minutes_admin(state: &AppState, ctx: &Ctx, meeting: i64, failed: Failed) -> Result<Response, AppError> {
    let s = state
        .services
        .staff_minutes(&ctx.tenant, &ctx.actor(), MeetingId(meeting))
        .await?;
    let is_error = !matches!(failed, Failed::None);
    let template = minutes_admin_template(state, ctx, &s, failed);
    if is_error { form_again(template) } else { page(template) }
}

async fn minutes_admin(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(meeting): Path<i64>,
) -> Result<Response, AppError> {
    render_minutes_admin(&state, &ctx, meeting, Failed::None).await
}

/// Answers a staff write: back to the page with a message, or the page again with the failed
/// form's values and errors (422).
async fn after_write(
    state: &AppState,
    ctx: &Ctx,
    meeting: i64,
    result: Result<(), ServiceError>,
    flash: &str,
    failed: impl FnOnce(Form) -> Failed,
    values: HashMap<String, String>,
) -> Result<Response, AppError> {
    match result {
        Ok(()) => Ok(ctx.redirect_with_flash(&format!("/admin/forum/meetings/{meeting}/minutes"), flash)),
        Err(ServiceError::Invalid(errors)) => {
            render_minutes_admin(state, ctx, meeting, failed(Form::new(values).with_errors(errors))).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn save_minutes(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(meeting): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    let result = state
        .services
        .save_minutes(
            &ctx.tenant,
            &ctx.actor(),
            MeetingId(meeting),
            form.get("minutes_sq"),
            form.get("minutes_en"),
        )
        .await;
    after_write(
        &state,
        &ctx,
        meeting,
        result,
        "flash-minutes-saved",
        Failed::Minutes,
        form.to_map(),
    )
    .await
}

async fn add_decision(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(meeting): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    let values = form.to_map();
    let result = state
        .services
        .add_decision(&ctx.tenant, &ctx.actor(), MeetingId(meeting), &values)
        .await;
    after_write(
        &state,
        &ctx,
        meeting,
        result,
        "flash-decision-added",
        Failed::Decision,
        values,
    )
    .await
}

async fn delete_decision(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((meeting, decision)): Path<(i64, i64)>,
    form: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.actor();
    if form.get("confirmed") != "yes" {
        let staff = state
            .services
            .staff_minutes(&ctx.tenant, &actor, MeetingId(meeting))
            .await?;
        let row = staff
            .decisions
            .iter()
            .find(|d| d.id == decision)
            .ok_or(AppError::NotFound)?;
        let text = localized_lang(&ctx, &row.text_sq, &row.text_en).0.to_owned();
        return confirm_removal(
            &ctx,
            meeting,
            format!("/admin/forum/meetings/{meeting}/decisions/{decision}/delete"),
            "remove-decision",
            &[("number", row.number.to_string()), ("text", text)],
            "minutes",
        );
    }
    let result = state
        .services
        .delete_decision(&ctx.tenant, &actor, MeetingId(meeting), decision, true)
        .await;
    after_write(
        &state,
        &ctx,
        meeting,
        result,
        "flash-decision-deleted",
        Failed::Decision,
        HashMap::new(),
    )
    .await
}

async fn add_action(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(meeting): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    let values = form.to_map();
    let result = state
        .services
        .add_action_item(&ctx.tenant, &ctx.actor(), MeetingId(meeting), &values)
        .await;
    after_write(
        &state,
        &ctx,
        meeting,
        result,
        "flash-action-added",
        Failed::Action,
        values,
    )
    .await
}

async fn delete_action(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((meeting, action)): Path<(i64, i64)>,
    form: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.actor();
    if form.get("confirmed") != "yes" {
        let staff = state
            .services
            .staff_minutes(&ctx.tenant, &actor, MeetingId(meeting))
            .await?;
        let row = staff
            .actions
            .iter()
            .find(|a| a.id == action)
            .ok_or(AppError::NotFound)?;
        return confirm_removal(
            &ctx,
            meeting,
            format!("/admin/forum/meetings/{meeting}/actions/{action}/delete"),
            "remove-action",
            &[("what", row.what.clone())],
            "minutes",
        );
    }
    let result = state
        .services
        .delete_action_item(&ctx.tenant, &actor, MeetingId(meeting), action, true)
        .await;
    after_write(
        &state,
        &ctx,
        meeting,
        result,
        "flash-action-deleted",
        Failed::Action,
        HashMap::new(),
    )
    .await
}

async fn publish(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(meeting): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.actor();
    // The weighty last step: first say what becomes public and who is e-mailed, then publish.
    if form.get("confirmed") != "yes" {
        return match state
            .services
            .minutes_publish_preview(&ctx.tenant, &actor, MeetingId(meeting))
            .await
        {
            Ok((row, owners)) => {
                let (title, _) = meeting_title(&ctx, &row);
                let public = if row.visibility == Visibility::Public {
                    "minutes-publish-public"
                } else {
                    "minutes-publish-members"
                };
                page(ConfirmPage {
                    p: ctx.page(ctx.t("minutes-publish-confirm-title")),
                    heading: ctx.t("minutes-publish-confirm-title"),
                    text: views::t_args(
                        ctx.lang,
                        "minutes-publish-confirm-text",
                        &[
                            ("meeting", title),
                            ("public", ctx.t(public)),
                            ("owners", owners.len().to_string()),
                            ("names", owners.join(", ")),
                        ],
                    ),
                    action: format!("/admin/forum/meetings/{meeting}/minutes/publish"),
                    fields: Vec::new(),
                    confirm_label: ctx.t("minutes-publish-confirm-button"),
                    cancel_href: format!("/admin/forum/meetings/{meeting}/minutes"),
                })
            }
            Err(ServiceError::Invalid(errors)) => {
                render_minutes_admin(
                    &state,
                    &ctx,
                    meeting,
                    Failed::Publish(Form::default().with_errors(errors)),
                )
                .await
            }
            Err(e) => Err(e.into()),
        };
    }
    let result = state
        .services
        .publish_minutes(&ctx.tenant, &actor, MeetingId(meeting), true)
        .await;
    match result {
        Ok(()) => Ok(ctx.redirect_with_flash(&format!("/forum/meetings/{meeting}/minutes"), "flash-minutes-published")),
        Err(ServiceError::Invalid(errors)) => {
            render_minutes_admin(
                &state,
                &ctx,
                meeting,
                Failed::Publish(Form::default().with_errors(errors)),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}
