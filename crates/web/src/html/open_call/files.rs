//! Attachments: uploading to a draft (a plain multipart form, no script needed), removing,
//! downloading; documents attached to a call.

use axum::{
    Router,
    extract::{DefaultBodyLimit, Multipart, Path, State, multipart::MultipartRejection},
    response::Response,
    routing::{get, post},
};
use domain::{Action, ApplicationId, CallId};
use services::ServiceError;

use crate::{AppError, AppState, Ctx, html::common::attachment_response};

/// Routes with their own body limit: an upload may be larger than any form.
pub fn upload_router(max_bytes: usize) -> Router<AppState> {
    Router::new()
        .route("/applications/{id}/files", post(upload))
        .route("/admin/calls/{id}/documents", post(upload_call_document))
        // The file plus the multipart envelope.
        .layer(DefaultBodyLimit::max(max_bytes + 64 * 1024))
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/applications/{id}/files/{file}", get(download))
        .route("/applications/{id}/files/{file}/delete", post(remove))
        .route("/admin/calls/{id}/documents/{file}/delete", post(remove_call_document))
}

/// The `file` field of a multipart form: its name and bytes (empty when none was chosen).
async fn file_field(multipart: Result<Multipart, MultipartRejection>) -> Result<(String, Vec<u8>), AppError> {
    // Not a multipart body at all (no file chosen in a browser that sent no form-data): the
    // same as an empty file field, which the use case answers with "choose a file".
    let Ok(mut multipart) = multipart else {
        return Ok((String::new(), Vec::new()));
    };
    let too_large = |e: axum::extract::multipart::MultipartError| {
        if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
            AppError::PayloadTooLarge
        } else {
            AppError::BadRequest
        }
    };
    let mut upload: Option<(String, Vec<u8>)> = None;
    while let Some(field) = multipart.next_field().await.map_err(too_large)? {
        if field.name() == Some("file") {
            let name = field.file_name().unwrap_or("file").to_owned();
            let bytes = field.bytes().await.map_err(too_large)?;
            upload = Some((name, bytes.to_vec()));
        }
    }
    Ok(upload.unwrap_or_default())
}

async fn upload_call_document(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, AppError> {
    // Refuse before reading a large body; the use case checks again.
    ctx.require(Action::ManageCalls)?;
    let (name, bytes) = file_field(multipart).await?;
    match state
        .services
        .attach_call_document(
            &ctx.actor(),
            CallId(id),
            &name,
            &bytes,
            state.config.attachment_max_bytes,
        )
        .await
    {
        Ok(_) => {
            state.public.invalidate_call(ctx.tenant.id(), CallId(id));
            Ok(ctx.redirect_with_flash(&format!("/admin/calls/{id}"), "flash-file-attached"))
        }
        Err(ServiceError::Invalid(errors)) => super::manage::show_with_errors(&state, &ctx, id, errors).await,
        Err(e) => Err(e.into()),
    }
}

async fn remove_call_document(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, file)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    state
        .services
        .remove_call_document(&ctx.actor(), CallId(id), file)
        .await?;
    state.public.invalidate_call(ctx.tenant.id(), CallId(id));
    Ok(ctx.redirect_with_flash(&format!("/admin/calls/{id}"), "flash-file-removed"))
}

async fn upload(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, AppError> {
    // Refuse before reading a large body; the use case checks again.
    state.services.may_attach(&ctx.actor(), ApplicationId(id)).await?;
    let (name, bytes) = file_field(multipart).await?;
    match state
        .services
        .attach_file(
            &ctx.actor(),
            ApplicationId(id),
            &name,
            &bytes,
            state.config.attachment_max_bytes,
        )
        .await
    {
        Ok(_) => Ok(ctx.redirect_with_flash(&format!("/applications/{id}/edit"), "flash-file-attached")),
        Err(ServiceError::Invalid(errors)) => {
            let status = if errors.iter().any(|e| e.code == "file_too_large") {
                axum::http::StatusCode::PAYLOAD_TOO_LARGE
            } else {
                axum::http::StatusCode::UNPROCESSABLE_ENTITY
            };
            // The form as saved, with the reason next to the file field.
            super::applications::form_with_file_errors(&state, &ctx, id, errors, status).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, file)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    match state.services.remove_file(&ctx.actor(), ApplicationId(id), file).await {
        Ok(()) => Ok(ctx.redirect_with_flash(&format!("/applications/{id}/edit"), "flash-file-removed")),
        Err(ServiceError::Invalid(_)) => {
            Ok(ctx.redirect_with_flash(&format!("/applications/{id}"), "flash-application-not-editable"))
        }
        Err(e) => Err(e.into()),
    }
}

async fn download(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, file)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let (meta, content) = state.services.file_for(&ctx.actor(), ApplicationId(id), file).await?;
    Ok(attachment_response(&meta.filename, &meta.content_type, content))
}
