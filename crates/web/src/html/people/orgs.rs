//! Organisation profiles and invitations to join them.

use std::collections::HashMap;

use axum::{
    Router,
    extract::{Path, Query, State},
    response::{IntoResponse, Response},
    routing::{get, post},
};
use domain::{Action, OrgId, OrgKind, SizeBand};
use services::{ServiceError, people::orgs::FIELDS_OF_ACTIVITY};
use store::OrgRow;
use views::{Choice, Form, InviteAcceptPage, OrgFormPage, OrgPage, markdown};

use crate::html::common::{TokenQuery, form_again, page};
use crate::{AppError, AppState, Ctx, forms::FormData};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs", post(create))
        .route("/orgs/new", get(new_form))
        .route("/orgs/{id}", get(show))
        .route("/orgs/{id}/edit", get(edit_form).post(update))
        .route("/orgs/{id}/invite", post(invite))
        .route("/invitations/org", get(invitation).post(accept))
}

fn form_page(ctx: &Ctx, form: Form, org_id: Option<i64>, next: &str) -> OrgFormPage {
    OrgFormPage {
        p: ctx.page(ctx.t(if org_id.is_some() { "org-edit" } else { "org-new" })),
        form,
        org_id,
        next: next.to_owned(),
        kinds: OrgKind::ALL
            .iter()
            .map(|k| Choice {
                value: k.key().into(),
                label: ctx.t(&format!("kind-{}", k.key())),
            })
            .collect(),
        sizes: SizeBand::ALL
            .iter()
            .map(|s| Choice {
                value: s.key().into(),
                label: ctx.t(&format!("size-{}", s.key())),
            })
            .collect(),
        fields: FIELDS_OF_ACTIVITY
            .iter()
            .map(|f| Choice {
                value: (*f).into(),
                label: ctx.t(&format!("fieldofactivity-{f}")),
            })
            .collect(),
    }
}

#[derive(serde::Deserialize)]
pub struct NextQuery {
    #[serde(default)]
    next: String,
}

/// Only local paths, as after log-in.
fn next_of(raw: &str) -> &str {
    if raw.is_empty() {
        ""
    } else {
        crate::html::common::safe_next(raw)
    }
}

async fn new_form(ctx: Ctx, Query(q): Query<NextQuery>) -> Result<Response, AppError> {
    ctx.require(Action::CreateOrganisation)?;
    page(form_page(&ctx, Form::default(), None, next_of(&q.next)))
}

async fn create(State(state): State<AppState>, ctx: Ctx, form: FormData) -> Result<Response, AppError> {
    let actor = ctx.require(Action::CreateOrganisation)?;
    let next = next_of(form.get("next")).to_owned();
    let mut values = form.to_map();
    values.remove("next");
    match state.services.create_org(&actor, &values).await {
        // Created on the way to an application: straight back to it, with the new organisation
        // chosen there.
        Ok(id) if !next.is_empty() => {
            // Only a destination the person came from gets the choice; a refused one (another
            // site) ends on the account page as after log-in.
            let to = if next == form.get("next") {
                let sep = if next.contains('?') { '&' } else { '?' };
                format!("{next}{sep}org={id}")
            } else {
                next.clone()
            };
            Ok(ctx.redirect_with_flash(&to, "flash-saved"))
        }
        Ok(id) => Ok(ctx.redirect_with_flash(&format!("/orgs/{id}"), "flash-saved")),
        Err(ServiceError::Invalid(errors)) => {
            form_again(form_page(&ctx, Form::new(values).with_errors(errors), None, &next))
        }
        Err(e) => Err(e.into()),
    }
}

fn org_values(o: &OrgRow) -> HashMap<String, String> {
    HashMap::from([
        ("name".into(), o.name.clone()),
        ("kind".into(), o.kind.clone()),
        (
            "registration_number".into(),
            o.registration_number.clone().unwrap_or_default(),
        ),
        ("size_band".into(), o.size_band.clone()),
        ("fields".into(), o.fields.clone()),
        ("area".into(), o.area.clone()),
        ("website".into(), o.website.clone()),
        ("mission".into(), o.mission.clone()),
    ])
}

async fn edit_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let actor = ctx.require(Action::ManageOwnAccount)?;
    let org = state.services.org_for_member(&actor, OrgId(id)).await?;
    page(form_page(&ctx, Form::new(org_values(&org)), Some(id), ""))
}

async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.require(Action::ManageOwnAccount)?;
    match state.services.update_org(&actor, OrgId(id), &form.to_map()).await {
        Ok(()) => Ok(ctx.redirect_with_flash(&format!("/orgs/{id}"), "flash-saved")),
        Err(ServiceError::Invalid(errors)) => form_again(form_page(
            &ctx,
            Form::new(form.to_map()).with_errors(errors),
            Some(id),
            "",
        )),
        Err(e) => Err(e.into()),
    }
}

async fn render_show(state: &AppState, ctx: &Ctx, id: i64, invite_form: Form) -> Result<Response, AppError> {
    let profile = state.services.org_profile(&ctx.actor(), OrgId(id)).await?;
    let org = profile.org;
    let has_errors = invite_form.has_errors();
    let template = OrgPage {
        p: ctx.page(org.name.clone()),
        id: org.id,
        kind: ctx.t(&format!("kind-{}", org.kind)),
        registration_number: org.registration_number.clone(),
        size: ctx.t(&format!("size-{}", org.size_band)),
        fields: org
            .fields
            .split(',')
            .filter(|f| !f.is_empty())
            .map(|f| ctx.t(&format!("fieldofactivity-{f}")))
            .collect(),
        area: org.area.clone(),
        website: org.website.clone(),
        mission_html: markdown::render(&org.mission),
        members: profile
            .members
            .into_iter()
            .map(|m| (m.display_name, m.is_owner))
            .collect(),
        is_member: profile.is_member,
        invite_form,
        name: org.name,
    };
    if has_errors {
        form_again(template)
    } else {
        page(template)
    }
}

async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    render_show(&state, &ctx, id, Form::default()).await
}

async fn invite(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: FormData,
) -> Result<Response, AppError> {
    let actor = ctx.require(Action::ManageOwnAccount)?;
    match state
        .services
        .invite_to_org(&ctx.tenant, &actor, ctx.lang, OrgId(id), form.get("email"))
        .await
    {
        Ok(()) => Ok(ctx.redirect_with_flash(&format!("/orgs/{id}"), "flash-invited")),
        Err(ServiceError::Invalid(errors)) => {
            render_show(&state, &ctx, id, Form::new(form.to_map()).with_errors(errors)).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn invitation(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<TokenQuery>,
) -> Result<Response, AppError> {
    let actor = ctx.require(Action::ManageOwnAccount)?;
    let org = state.services.org_invite(&actor, &q.token).await?;
    page(InviteAcceptPage {
        p: ctx.page(ctx.t("invite-title")),
        what: views::t_args(ctx.lang, "invite-org", &[("org", org.name)]),
        token: q.token,
        action: "/invitations/org".into(),
    })
}

async fn accept(State(state): State<AppState>, ctx: Ctx, form: FormData) -> Result<Response, AppError> {
    let actor = ctx.require(Action::ManageOwnAccount)?;
    let org = state.services.accept_org_invite(&actor, form.get("token")).await?;
    Ok(ctx
        .redirect_with_flash(&format!("/orgs/{org}"), "flash-invite-accepted")
        .into_response())
}
