//! The commitment settings (staff, `ManageCommitments`): `GET|POST /admin/commitments/settings`.
//! The form is read and checked by `services::commitments::settings`; a refused form comes back
//! with every value as typed and each message next to its field (422).

use std::collections::HashMap;

use axum::{Router, extract::State, response::Response, routing::get};
use domain::Action;
use services::{ServiceError, commitments::settings::SettingsForm};
use views::{Form, commitments::settings::CommitmentSettingsPage};

use crate::{
    AppError, AppState, Ctx,
    forms::FormData,
    html::common::{form_again, page},
};

pub fn router() -> Router<AppState> {
    Router::new().route("/admin/commitments/settings", get(show).post(save))
}

/// The stored settings as the form's values.
fn values(f: &SettingsForm) -> HashMap<String, String> {
    [
        ("commitment_prefix", &f.commitment_prefix),
        ("commitments_min", &f.commitments_min),
        ("commitments_max", &f.commitments_max),
        ("plan_starts_on", &f.plan_starts_on),
        ("plan_ends_on", &f.plan_ends_on),
        ("ogp_locality", &f.ogp_locality),
        ("ogp_slug", &f.ogp_slug),
        ("ogp_region", &f.ogp_region),
        ("ogp_code", &f.ogp_code),
        ("ogp_action_plan_id", &f.ogp_action_plan_id),
        ("ogp_national_or_local", &f.ogp_national_or_local),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.clone()))
    .collect()
}

async fn show(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let actor = ctx.require(Action::ManageCommitments)?;
    let (form, has_cycle) = state.services.commitment_settings(&ctx.tenant, &actor).await?;
    page(CommitmentSettingsPage {
        p: ctx.page(ctx.t("commitment-settings-title")),
        form: Form::new(values(&form)),
        has_cycle,
    })
}

async fn save(State(state): State<AppState>, ctx: Ctx, form: FormData) -> Result<Response, AppError> {
    let actor = ctx.require(Action::ManageCommitments)?;
    let typed = form.to_map();
    match state
        .services
        .save_commitment_settings(&ctx.tenant, &actor, &SettingsForm::from_values(&typed))
        .await
    {
        Ok(()) => Ok(ctx.redirect_with_flash("/admin/commitments/settings", "flash-commitment-settings-saved")),
        Err(ServiceError::Invalid(errors)) => {
            let (_, has_cycle) = state.services.commitment_settings(&ctx.tenant, &actor).await?;
            form_again(CommitmentSettingsPage {
                p: ctx.page(ctx.t("commitment-settings-title")),
                form: Form::new(typed).with_errors(errors),
                has_cycle,
            })
        }
        Err(e) => Err(e.into()),
    }
}
