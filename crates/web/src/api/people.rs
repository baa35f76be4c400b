//! The signed-in person.

use axum::Json;
use domain::Action;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{AppError, Ctx};

use super::ApiErrorBody;

#[derive(Serialize, ToSchema)]
pub struct MeDto {
    pub id: i64,
    pub display_name: String,
    pub email: Option<String>,
    pub lang: String,
    /// Role keys in this tenant, e.g. `participant`, `coordinator`.
    pub roles: Vec<String>,
}

/// The signed-in person (401 `login_required` otherwise).
#[utoipa::path(get, path = "/api/v1/me", tag = "account", responses((status = 200, description = "The signed-in person", body = MeDto), (status = 401, description = "Not signed in", body = ApiErrorBody)))]
pub(super) async fn me(ctx: Ctx) -> Result<Json<MeDto>, AppError> {
    ctx.require(Action::ManageOwnAccount)?;
    let s = ctx.session.as_ref().ok_or(AppError::LoginRequired)?;
    Ok(Json(MeDto {
        id: s.user.id,
        display_name: s.user.display_name.clone(),
        email: s.user.email.clone(),
        lang: s.user.lang.clone(),
        roles: s.roles.iter().map(|r| r.key().to_owned()).collect(),
    }))
}
