//! Members of the forum: the coordinator seats candidates, adds people directly, changes and
//! ends seats; the person answers from the e-mailed link; a member records optional facts about
//! themselves and may leave.

use std::collections::HashMap;

use axum::{
    Router,
    extract::{Path, Query, State},
    response::Response,
    routing::{get, post},
};
use domain::{Action, MemberId, forum::Gender};
use services::{
    ServiceError,
    forum::{
        members::{EndOutcome, position_label},
        setup::format_day,
    },
};
use store::MemberRow;
use views::{
    AdminForumMemberPage, Choice, ConfirmPage, Form, ForumMePage, MembershipAnswerPage, MessagePage, markdown,
};

use super::setup::{AdminForms, position_choices, render_admin, sector_choices, sector_label};
use crate::{
    AppError, AppState, Ctx,
    forms::FormData,
    html::common::{TokenQuery, form_again, localized, page},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/forum/membership", get(membership).post(answer))
        .route("/forum/me", get(me).post(me_post))
        .route("/admin/forum/candidates/{candidate}/seat", post(seat_candidate))
        .route("/admin/forum/members/new", get(new_member))
        .route("/admin/forum/members", post(add_member))
        .route(
            "/admin/forum/members/{member}/edit",
            get(edit_member).post(update_member),
        )
        .route("/admin/forum/members/{member}/end", post(end_member))
}

async fn membership(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<TokenQuery>,
) -> Result<Response, AppError> {
    let offer = state.services.membership_offer(&ctx.tenant, &q.token).await?;
    let m = &offer.member;
    let mut response = page(MembershipAnswerPage {
        p: ctx.page(ctx.t("membership-title")),
        forum_name: localized(&ctx, &offer.forum.name_sq, &offer.forum.name_en).to_owned(),
        person: m.name.clone(),
        position: position_label(ctx.lang, &offer.positions, &m.pos_key),
        sector: sector_label(&ctx, m.sector),
        organisation: m.organisation.clone(),
        responsibilities_html: if m.responsibilities.trim().is_empty() {
            String::new()
        } else {
            markdown::render(&m.responsibilities)
        },
        starts_on: format_day(m.starts_on),
        ends_on: m.ends_on.map(format_day).unwrap_or_default(),
        token: q.token,
    })?;
    // A personal page behind a one-time link: never kept by the public cache or a proxy.
    response.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("private, no-store"),
    );
    Ok(response)
}

async fn answer(State(state): State<AppState>, ctx: Ctx, form: FormData) -> Result<Response, AppError> {
    let accepted = state
        .services
        .answer_forum_membership(
            &ctx.tenant,
            Some(&ctx.request_id),
            form.get("token"),
            form.get("answer"),
        )
        .await
        .map_err(|e| match e {
            // No answer chosen (a forged form): the link is not spent, show the page again.
            ServiceError::Invalid(_) => AppError::BadRequest,
            other => other.into(),
        })?;
    // The public page lists accepted members: an anonymous answer changes it too.
    state.cache.drop_tenant(ctx.tenant.id);
    let (heading, text) = if accepted {
        ("membership-accepted-title", "membership-accepted-text")
    } else {
        ("membership-declined-title", "membership-declined-text")
    };
    page(MessagePage {
        p: ctx.page(ctx.t(heading)),
        heading: ctx.t(heading),
        text: ctx.t(text),
        link: Some(("/forum".to_owned(), ctx.t("forum-title"))),
    })
}

fn yes_no(v: Option<bool>) -> String {
    match v {
        Some(true) => "yes".into(),
        Some(false) => "no".into(),
        None => String::new(),
    }
}

async fn render_me(state: &AppState, ctx: &Ctx, form: Option<Form>) -> Result<Response, AppError> {
    let seat = state.services.my_forum_seat(&ctx.actor()).await?;
    let genders = Gender::ALL
        .iter()
        .map(|g| Choice {
            value: g.key().into(),
            label: ctx.t(&format!("gender-{}", g.key())),
        })
        .collect();
    let yes_no_choices = vec![
        Choice {
            value: "yes".into(),
            label: ctx.t("health-yes"),
        },
        Choice {
            value: "no".into(),
            label: ctx.t("health-no"),
        },
    ];
    let has_errors = form.as_ref().is_some_and(Form::has_errors);
    let template = match &seat {
        None => ForumMePage {
            p: ctx.page(ctx.t("forum-me-title")),
            has_seat: false,
            forum_name: String::new(),
            position: String::new(),
            sector: String::new(),
            organisation: String::new(),
            starts_on: String::new(),
            ends_on: String::new(),
            form: Form::default(),
            genders,
            yes_no: yes_no_choices,
        },
        Some(s) => {
            let m = &s.member;
            let form = form.unwrap_or_else(|| {
                Form::new(
                    [
                        ("gender", m.gender.clone().unwrap_or_default()),
                        ("youth", yes_no(m.youth)),
                        ("rural", yes_no(m.rural)),
                    ]
                    .into_iter()
                    .map(|(k, v)| (k.to_owned(), v))
                    .collect(),
                )
            });
            ForumMePage {
                p: ctx.page(ctx.t("forum-me-title")),
                has_seat: true,
                forum_name: localized(ctx, &s.forum.name_sq, &s.forum.name_en).to_owned(),
                position: position_label(ctx.lang, &s.positions, &m.pos_key),
                sector: sector_label(ctx, m.sector),
                organisation: m.organisation.clone(),
                starts_on: format_day(m.starts_on),
                ends_on: m.ends_on.map(format_day).unwrap_or_default(),
                form,
                genders,
                yes_no: yes_no_choices,
            }
        }
    };
    if has_errors {
        form_again(template)
    } else {
        page(template)
    }
}

async fn me(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    render_me(&state, &ctx, None).await
}

/// One address, two forms: the optional facts (`action=facts`) and leaving (`action=leave`,
/// then the confirmation).
async fn me_post(State(state): State<AppState>, ctx: Ctx, form: FormData) -> Result<Response, AppError> {
    let actor = ctx.require(Action::TakePartInForum)?;
    if form.get("action") == "leave" {
        return match state.services.leave_forum(&actor, form.get("confirmed") == "yes").await {
            Ok(EndOutcome::Ended) => Ok(ctx.redirect_with_flash("/forum", "flash-forum-left")),
            // Staff without a seat (or a seat already over): the page says so.
            Err(ServiceError::NotFound) => render_me(&state, &ctx, None).await,
            Err(e) => Err(e.into()),
            Ok(EndOutcome::NeedsConfirmation { .. }) => page(ConfirmPage {
                p: ctx.page(ctx.t("forum-me-leave-confirm-title")),
                heading: ctx.t("forum-me-leave-confirm-title"),
                text: ctx.t("forum-me-leave-confirm-text"),
                action: "/forum/me".into(),
                fields: vec![("action".into(), "leave".into())],
                confirm_label: ctx.t("forum-me-leave"),
                cancel_href: "/forum/me".into(),
            }),
        };
    }
    match state.services.record_my_forum_facts(&actor, &form.to_map()).await {
        Ok(()) => Ok(ctx.redirect_with_flash("/forum/me", "flash-forum-facts-saved")),
        Err(ServiceError::Invalid(errors)) => {
            render_me(&state, &ctx, Some(Form::new(form.to_map()).with_errors(errors))).await
        }
        Err(ServiceError::NotFound) => render_me(&state, &ctx, None).await,
        Err(e) => Err(e.into()),
    }
}

async fn seat_candidate(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(candidate): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.require(Action::ManageForum)?;
    match state
        .services
        .seat_candidate(&ctx.tenant, &actor, candidate, &form.to_map())
        .await
    {
        Ok(_) => Ok(ctx.redirect_with_flash("/admin/forum", "flash-forum-member-invited")),
        Err(ServiceError::Invalid(errors)) => {
            let forms = AdminForms {
                candidate: Some((candidate, Form::new(form.to_map()).with_errors(errors))),
                ..AdminForms::default()
            };
            render_admin(&state, &ctx, 1, forms).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn member_form(
    state: &AppState,
    ctx: &Ctx,
    member: Option<&MemberRow>,
    form: Form,
) -> Result<Response, AppError> {
    let actor = ctx.actor();
    let positions = state.services.forum_positions(&actor).await?;
    let substitutes = state
        .services
        .forum_substitutes(&actor, member.map(|m| m.user_id))
        .await?
        .iter()
        .map(|m| Choice {
            value: m.user_id.to_string(),
            label: m.name.clone(),
        })
        .collect();
    let title = match member {
        Some(m) => ctx.t1("admin-forum-member-edit", "person", &m.name),
        None => ctx.t("admin-forum-member-new"),
    };
    let has_errors = form.has_errors();
    let template = AdminForumMemberPage {
        p: ctx.page(title),
        member_id: member.map(|m| m.id),
        person: member.map(|m| m.name.clone()).unwrap_or_default(),
        form,
        sectors: sector_choices(ctx),
        positions: position_choices(ctx, &positions),
        substitutes,
    };
    if has_errors {
        form_again(template)
    } else {
        page(template)
    }
}

async fn new_member(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    ctx.require(Action::ManageForum)?;
    let today = format_day(state.services.clock.now().with_timezone(&ctx.tz()).date_naive());
    let values: HashMap<String, String> = [("position", "member"), ("sector", "government")]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .chain([("starts_on".to_owned(), today)])
        .collect();
    member_form(&state, &ctx, None, Form::new(values)).await
}

async fn add_member(State(state): State<AppState>, ctx: Ctx, form: FormData) -> Result<Response, AppError> {
    let actor = ctx.require(Action::ManageForum)?;
    match state
        .services
        .add_forum_member(&ctx.tenant, &actor, &form.to_map())
        .await
    {
        Ok(_) => Ok(ctx.redirect_with_flash("/admin/forum", "flash-forum-member-invited")),
        Err(ServiceError::Invalid(errors)) => {
            member_form(&state, &ctx, None, Form::new(form.to_map()).with_errors(errors)).await
        }
        Err(e) => Err(e.into()),
    }
}

fn member_values(m: &MemberRow) -> HashMap<String, String> {
    [
        ("sector", m.sector.key().to_owned()),
        ("organisation", m.organisation.clone()),
        ("position", m.pos_key.clone()),
        ("responsibilities", m.responsibilities.clone()),
        ("starts_on", format_day(m.starts_on)),
        ("ends_on", m.ends_on.map(format_day).unwrap_or_default()),
        (
            "substitute",
            m.substitute_user_id.map(|s| s.to_string()).unwrap_or_default(),
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

async fn edit_member(State(state): State<AppState>, ctx: Ctx, Path(member): Path<i64>) -> Result<Response, AppError> {
    let m = state
        .services
        .forum_member_for_staff(&ctx.actor(), MemberId(member))
        .await?;
    member_form(&state, &ctx, Some(&m), Form::new(member_values(&m))).await
}

async fn update_member(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(member): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.require(Action::ManageForum)?;
    match state
        .services
        .update_forum_member(&ctx.tenant, &actor, MemberId(member), &form.to_map())
        .await
    {
        Ok(()) => Ok(ctx.redirect_with_flash("/admin/forum", "flash-forum-member-saved")),
        Err(ServiceError::Invalid(errors)) => {
            let m = state.services.forum_member_for_staff(&actor, MemberId(member)).await?;
            member_form(&state, &ctx, Some(&m), Form::new(form.to_map()).with_errors(errors)).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn end_member(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(member): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.require(Action::ManageForum)?;
    match state
        .services
        .end_forum_member(&actor, MemberId(member), form.get("confirmed") == "yes")
        .await?
    {
        EndOutcome::Ended => Ok(ctx.redirect_with_flash("/admin/forum", "flash-forum-member-ended")),
        EndOutcome::NeedsConfirmation { person } => page(ConfirmPage {
            p: ctx.page(ctx.t("admin-forum-end-title")),
            heading: ctx.t("admin-forum-end-title"),
            text: ctx.t1("admin-forum-end-text", "person", &person),
            action: format!("/admin/forum/members/{member}/end"),
            fields: Vec::new(),
            confirm_label: ctx.t("admin-forum-end-seat"),
            cancel_href: "/admin/forum".into(),
        }),
    }
}
