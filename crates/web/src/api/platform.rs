//! The municipality that serves the address.

use axum::Json;
use domain::Action;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{AppError, Ctx};

use super::{ApiErrorBody, Localized, localized};

#[derive(Serialize, ToSchema)]
pub struct TenantDto {
    pub slug: String,
    pub name: Localized,
    pub languages: Vec<String>,
    pub time_zone: String,
    pub contact_email: String,
    pub logo_url: Option<String>,
}

/// The municipality that serves this address.
#[utoipa::path(get, path = "/api/v1/tenant", tag = "tenant", responses((status = 200, description = "The municipality", body = TenantDto), (status = 404, description = "No municipality at this address", body = ApiErrorBody)))]
pub(super) async fn tenant(ctx: Ctx) -> Result<Json<TenantDto>, AppError> {
    ctx.require(Action::ViewPublic)?;
    let t = &ctx.tenant;
    Ok(Json(TenantDto {
        slug: t.slug.clone(),
        name: localized(&t.name_sq, &t.name_en),
        languages: t.languages().iter().map(|l| l.code().to_owned()).collect(),
        time_zone: t.time_zone.clone(),
        contact_email: t.contact_email.clone(),
        logo_url: t.logo_url.clone(),
    }))
}
