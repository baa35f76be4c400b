//! Coordinators' page of people and roles, and invitations to a role.

use axum::{
    Router,
    extract::{Path, Query, State},
    response::{IntoResponse, Response},
    routing::{get, post},
};
use domain::{Action, Role, UserId};
use serde::Deserialize;
use services::{
    ServiceError,
    people::roles::{GrantOutcome, RevokeOutcome},
};
use views::{Choice, ConfirmPage, Form, InviteAcceptPage, PeoplePage, PersonView};

use crate::{
    AppError, AppState, Ctx,
    forms::FormData,
    html::common::{TokenQuery, form_again, page, page_number},
};

const PEOPLE_PER_PAGE: i64 = 50;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin", get(admin_home))
        .route("/admin/people", get(people))
        .route("/admin/people/{id}/grant", post(grant))
        .route("/admin/people/{id}/revoke", post(revoke))
        .route("/admin/invitations", post(invite))
        .route("/invitations/role", get(invitation).post(accept_invitation))
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
    let page_no = page_number(q.page);
    let mut invite_form = invite_form;
    let (rows, has_next) = match state
        .services
        .people(&ctx.actor(), &q.q, page_no, PEOPLE_PER_PAGE)
        .await
    {
        Ok(found) => found,
        // A search that cannot be a name (a control character): say so beside the search box.
        Err(ServiceError::Invalid(errors)) => {
            invite_form.errors.extend(errors);
            (Vec::new(), false)
        }
        Err(e) => return Err(e.into()),
    };
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

/// The staff area's front door: the people page, for those who may manage roles.
async fn admin_home(ctx: Ctx) -> Result<Response, AppError> {
    ctx.require(Action::ManageRoles)?;
    Ok(axum::response::Redirect::to("/admin/people").into_response())
}

/// The people page again with what went wrong with a grant or revocation (nothing changed).
async fn people_again(state: &AppState, ctx: &Ctx, errors: Vec<domain::FieldError>) -> Result<Response, AppError> {
    let q = PeopleQuery {
        q: String::new(),
        page: None,
    };
    render_people(state, ctx, &q, Form::default().with_errors(errors)).await
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
    let confirmed = form.get("confirmed") == "yes";
    match state
        .services
        .grant_role(&ctx.tenant, &ctx.actor(), UserId(id), form.get("role"), confirmed)
        .await
    {
        Ok(GrantOutcome::Granted) => Ok(ctx.redirect_with_flash("/admin/people", "flash-role-granted")),
        Ok(GrantOutcome::NeedsConfirmation { person, role }) => {
            let role_name = role_label(&ctx, role);
            page(ConfirmPage {
                p: ctx.page(ctx.t("grant-confirm-title")),
                heading: ctx.t("grant-confirm-title"),
                text: views::t_args(
                    ctx.lang,
                    "grant-confirm-text",
                    &[("person", person), ("role", role_name)],
                ),
                action: format!("/admin/people/{id}/grant"),
                fields: vec![("role".to_owned(), role.key().to_owned())],
                confirm_label: ctx.t("grant-confirm-button"),
                cancel_href: "/admin/people".to_owned(),
            })
        }
        Err(ServiceError::Invalid(errors)) => people_again(&state, &ctx, errors).await,
        Err(e) => Err(e.into()),
    }
}

async fn revoke(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    let confirmed = form.get("confirmed") == "yes";
    match state
        .services
        .revoke_role(&ctx.actor(), UserId(id), form.get("role"), confirmed)
        .await
    {
        Ok(RevokeOutcome::Revoked) => Ok(ctx.redirect_with_flash("/admin/people", "flash-role-revoked")),
        Ok(RevokeOutcome::NeedsConfirmation { person, role }) => page(ConfirmPage {
            p: ctx.page(ctx.t("revoke-confirm-title")),
            heading: ctx.t("revoke-confirm-title"),
            text: views::t_args(
                ctx.lang,
                "revoke-confirm-text",
                &[("person", person), ("role", role_label(&ctx, role))],
            ),
            action: format!("/admin/people/{id}/revoke"),
            fields: vec![("role".to_owned(), role.key().to_owned())],
            confirm_label: ctx.t("revoke-confirm-button"),
            cancel_href: "/admin/people".to_owned(),
        }),
        Err(ServiceError::Invalid(errors)) => people_again(&state, &ctx, errors).await,
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
