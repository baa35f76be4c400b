//! Coordinators' pages: people and roles, invitations, timeline, news, audit log, outbox.

use axum::{
    Router,
    extract::{Path, Query, State},
    response::Response,
    routing::{get, post},
};
use domain::{Action, NewsId, Role, UserId};
use serde::Deserialize;
use services::{
    ServiceError,
    content::{PhaseFormRow, parse_timeline},
};
use store::AuditFilter;
use views::{
    AuditPage, AuditView, Choice, Form, InviteAcceptPage, NewsFormPage, OutboxPage, OutboxView, PeoplePage, PersonView,
    PhaseRow, TimelineFormPage,
};

use super::{TokenQuery, date, form_again, page};
use crate::{AppError, AppState, Ctx, forms::FormData};

const PEOPLE_PER_PAGE: i64 = 50;
const AUDIT_PER_PAGE: i64 = 50;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/admin",
            get(|| async { axum::response::Redirect::to("/admin/people") }),
        )
        .route("/admin/people", get(people))
        .route("/admin/people/{id}/grant", post(grant))
        .route("/admin/people/{id}/revoke", post(revoke))
        .route("/admin/invitations", post(invite))
        .route("/invitations/role", get(invitation).post(accept_invitation))
        .route("/admin/timeline", get(timeline_form).post(timeline_save))
        .route("/admin/news", post(news_create))
        .route("/admin/news/new", get(news_new))
        .route("/admin/news/{id}/edit", get(news_edit).post(news_update))
        .route("/admin/news/{id}/delete", post(news_delete))
        .route("/admin/audit", get(audit))
        .route("/admin/outbox", get(outbox))
}

fn role_label(ctx: &Ctx, role: Role) -> String {
    ctx.t(&format!("role-{}", role.key()))
}

#[derive(Deserialize)]
pub struct PeopleQuery {
    #[serde(default)]
    q: String,
    page: Option<i64>,
}

async fn render_people(state: &AppState, ctx: &Ctx, q: &PeopleQuery, invite_form: Form) -> Result<Response, AppError> {
    ctx.require(Action::ManageRoles)?;
    let page_no = super::page_number(q.page);
    let search = Some(q.q.trim()).filter(|s| !s.is_empty());
    let mut rows = state
        .services
        .store
        .list_people(
            ctx.tenant.id(),
            search,
            PEOPLE_PER_PAGE + 1,
            (page_no - 1) * PEOPLE_PER_PAGE,
        )
        .await?;
    let has_next = rows.len() as i64 > PEOPLE_PER_PAGE;
    rows.truncate(PEOPLE_PER_PAGE as usize);
    let people = rows
        .iter()
        .map(|r| {
            let held = r.role_set();
            PersonView {
                id: r.id,
                name: r.display_name.clone(),
                email: r.email.clone().unwrap_or_default(),
                roles: held
                    .iter()
                    .map(|role| (role.key().to_owned(), role_label(ctx, role)))
                    .collect(),
                grantable: Role::GRANTABLE
                    .iter()
                    .filter(|role| !held.contains(**role))
                    .map(|role| Choice {
                        value: role.key().into(),
                        label: role_label(ctx, *role),
                    })
                    .collect(),
            }
        })
        .collect();
    let has_errors = invite_form.has_errors();
    let template = PeoplePage {
        p: ctx.page(ctx.t("admin-people")),
        people,
        q: q.q.clone(),
        page: page_no,
        has_next,
        invite_form,
        roles: Role::GRANTABLE
            .iter()
            .map(|role| Choice {
                value: role.key().into(),
                label: role_label(ctx, *role),
            })
            .collect(),
    };
    if has_errors {
        form_again(template)
    } else {
        page(template)
    }
}

async fn people(State(state): State<AppState>, ctx: Ctx, Query(q): Query<PeopleQuery>) -> Result<Response, AppError> {
    render_people(&state, &ctx, &q, Form::default()).await
}

async fn grant(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.require(Action::ManageRoles)?;
    match state.services.grant_role(&actor, UserId(id), form.get("role")).await {
        Ok(()) => Ok(ctx.redirect_with_flash("/admin/people", "flash-role-granted")),
        Err(ServiceError::Invalid(_)) => Err(AppError::BadRequest),
        Err(e) => Err(e.into()),
    }
}

async fn revoke(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.require(Action::ManageRoles)?;
    match state.services.revoke_role(&actor, UserId(id), form.get("role")).await {
        Ok(()) => Ok(ctx.redirect_with_flash("/admin/people", "flash-role-revoked")),
        Err(ServiceError::Invalid(_)) => Err(AppError::BadRequest),
        Err(e) => Err(e.into()),
    }
}

async fn invite(State(state): State<AppState>, ctx: Ctx, form: FormData) -> Result<Response, AppError> {
    let actor = ctx.require(Action::ManageRoles)?;
    match state
        .services
        .invite_to_role(&ctx.tenant, &actor, ctx.lang, form.get("email"), form.get("role"))
        .await
    {
        Ok(()) => Ok(ctx.redirect_with_flash("/admin/people", "flash-invited")),
        Err(ServiceError::Invalid(errors)) => {
            let q = PeopleQuery {
                q: String::new(),
                page: None,
            };
            render_people(&state, &ctx, &q, Form::new(form.to_map()).with_errors(errors)).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn invitation(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<TokenQuery>,
) -> Result<Response, AppError> {
    ctx.require(Action::ManageOwnAccount)?;
    let role = state.services.role_invite(ctx.tenant.id(), &q.token).await?;
    page(InviteAcceptPage {
        p: ctx.page(ctx.t("invite-title")),
        what: views::t_args(ctx.lang, "invite-role", &[("role", role_label(&ctx, role))]),
        token: q.token,
        action: "/invitations/role".into(),
    })
}

async fn accept_invitation(State(state): State<AppState>, ctx: Ctx, form: FormData) -> Result<Response, AppError> {
    let actor = ctx.require(Action::ManageOwnAccount)?;
    state.services.accept_role_invite(&actor, form.get("token")).await?;
    Ok(ctx.redirect_with_flash("/account", "flash-invite-accepted"))
}

async fn timeline_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    ctx.require(Action::EditTimeline)?;
    let store = &state.services.store;
    let phases = match store.current_cycle(ctx.tenant.id()).await? {
        Some(c) => store.timeline(ctx.tenant.id(), c.id).await?,
        None => Vec::new(),
    };
    let mut rows: Vec<PhaseRow> = phases
        .iter()
        .enumerate()
        .map(|(index, ph)| PhaseRow {
            index,
            title_sq: ph.title_sq.clone(),
            title_en: ph.title_en.clone(),
            starts_on: ph.starts_on.to_string(),
            ends_on: ph.ends_on.to_string(),
        })
        .collect();
    // Two empty rows for new phases: no script needed to add one.
    for _ in 0..2 {
        rows.push(PhaseRow {
            index: rows.len(),
            title_sq: String::new(),
            title_en: String::new(),
            starts_on: String::new(),
            ends_on: String::new(),
        });
    }
    page(TimelineFormPage {
        p: ctx.page(ctx.t("admin-timeline")),
        rows,
        errors: Vec::new(),
    })
}

async fn timeline_save(State(state): State<AppState>, ctx: Ctx, form: FormData) -> Result<Response, AppError> {
    let actor = ctx.require(Action::EditTimeline)?;
    let (t_sq, t_en, starts, ends) = (
        form.all("title_sq"),
        form.all("title_en"),
        form.all("starts_on"),
        form.all("ends_on"),
    );
    let rows: Vec<PhaseFormRow> = (0..t_sq.len())
        .map(|i| PhaseFormRow {
            title_sq: t_sq.get(i).copied().unwrap_or_default().to_owned(),
            title_en: t_en.get(i).copied().unwrap_or_default().to_owned(),
            starts_on: starts.get(i).copied().unwrap_or_default().to_owned(),
            ends_on: ends.get(i).copied().unwrap_or_default().to_owned(),
        })
        .collect();
    match parse_timeline(&rows) {
        Ok(phases) => {
            state.services.replace_timeline(&actor, &phases).await?;
            state.public.invalidate_home(ctx.tenant.id());
            Ok(ctx.redirect_with_flash("/", "flash-saved"))
        }
        Err(errors) => {
            let messages = errors
                .iter()
                .map(|(row, code)| {
                    format!(
                        "{} {}: {}",
                        ctx.t("timeline-phase"),
                        row,
                        ctx.t(&format!("error-{}", code.replace('_', "-")))
                    )
                })
                .collect();
            let rows = rows
                .into_iter()
                .enumerate()
                .map(|(index, r)| PhaseRow {
                    index,
                    title_sq: r.title_sq,
                    title_en: r.title_en,
                    starts_on: r.starts_on,
                    ends_on: r.ends_on,
                })
                .collect();
            form_again(TimelineFormPage {
                p: ctx.page(ctx.t("admin-timeline")),
                rows,
                errors: messages,
            })
        }
    }
}

async fn news_new(ctx: Ctx) -> Result<Response, AppError> {
    ctx.require(Action::EditNews)?;
    page(NewsFormPage {
        p: ctx.page(ctx.t("news-new")),
        form: Form::default(),
        news_id: None,
    })
}

async fn news_create(State(state): State<AppState>, ctx: Ctx, form: FormData) -> Result<Response, AppError> {
    let actor = ctx.require(Action::EditNews)?;
    match state.services.create_news(&actor, &form.to_map()).await {
        Ok(id) => {
            state.public.invalidate_home(ctx.tenant.id());
            Ok(ctx.redirect_with_flash(&format!("/news/{id}"), "flash-saved"))
        }
        Err(ServiceError::Invalid(errors)) => form_again(NewsFormPage {
            p: ctx.page(ctx.t("news-new")),
            form: Form::new(form.to_map()).with_errors(errors),
            news_id: None,
        }),
        Err(e) => Err(e.into()),
    }
}

async fn news_edit(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    ctx.require(Action::EditNews)?;
    let item = state
        .services
        .store
        .news_item(ctx.tenant.id(), NewsId(id))
        .await?
        .ok_or(AppError::NotFound)?;
    let values = [
        ("title_sq", item.title_sq),
        ("title_en", item.title_en),
        ("body_sq", item.body_sq),
        ("body_en", item.body_en),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    page(NewsFormPage {
        p: ctx.page(ctx.t("news-edit")),
        form: Form::new(values),
        news_id: Some(id),
    })
}

async fn news_update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.require(Action::EditNews)?;
    match state.services.update_news(&actor, NewsId(id), &form.to_map()).await {
        Ok(()) => {
            state.public.invalidate_home(ctx.tenant.id());
            Ok(ctx.redirect_with_flash(&format!("/news/{id}"), "flash-saved"))
        }
        Err(ServiceError::Invalid(errors)) => form_again(NewsFormPage {
            p: ctx.page(ctx.t("news-edit")),
            form: Form::new(form.to_map()).with_errors(errors),
            news_id: Some(id),
        }),
        Err(e) => Err(e.into()),
    }
}

async fn news_delete(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let actor = ctx.require(Action::EditNews)?;
    state.services.delete_news(&actor, NewsId(id)).await?;
    state.public.invalidate_home(ctx.tenant.id());
    Ok(ctx.redirect_with_flash("/news", "flash-news-deleted"))
}

#[derive(Deserialize)]
pub struct AuditQuery {
    #[serde(default)]
    action: String,
    before: Option<i64>,
}

async fn audit(State(state): State<AppState>, ctx: Ctx, Query(q): Query<AuditQuery>) -> Result<Response, AppError> {
    ctx.require(Action::ViewAuditLog)?;
    let filter = AuditFilter {
        action_prefix: Some(q.action.trim().to_owned()).filter(|a| !a.is_empty()),
        actor: None,
        before_id: q.before,
    };
    let rows = state
        .services
        .store
        .list_audit(ctx.tenant.id(), &filter, AUDIT_PER_PAGE)
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
    ctx.require(Action::ViewOutbox)?;
    let rows = state
        .services
        .store
        .list_outbox(ctx.tenant.id(), q.before, AUDIT_PER_PAGE)
        .await?;
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
