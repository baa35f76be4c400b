//! Attachments: uploading to a draft (a plain multipart form, no script needed), removing,
//! downloading, and the ZIP of a call's attachments for coordinators.

use axum::{
    Router,
    body::Body,
    extract::{DefaultBodyLimit, Multipart, Path, State},
    http::{HeaderValue, header},
    response::{IntoResponse, Response},
    routing::{get, post},
};
use domain::{Action, ApplicationId, CallId};
use services::ServiceError;

use crate::{AppError, AppState, Ctx};

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
        .route("/admin/calls/{id}/attachments.zip", get(zip))
        .route("/admin/calls/{id}/documents/{file}/delete", post(remove_call_document))
}

/// The `file` field of a multipart form: its name and bytes (empty when none was chosen).
async fn file_field(multipart: &mut Multipart) -> Result<(String, Vec<u8>), AppError> {
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
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let actor = ctx.require(Action::ManageCalls)?;
    let (name, bytes) = file_field(&mut multipart).await?;
    match state
        .services
        .attach_call_document(&actor, CallId(id), &name, &bytes, state.config.attachment_max_bytes)
        .await
    {
        Ok(_) => {
            state.public.invalidate_call(ctx.tenant.id(), CallId(id));
            Ok(ctx.redirect_with_flash(&format!("/admin/calls/{id}"), "flash-file-attached"))
        }
        Err(ServiceError::Invalid(errors)) => super::admin_calls::show_with_errors(&state, &ctx, id, errors).await,
        Err(e) => Err(e.into()),
    }
}

async fn remove_call_document(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, file)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let actor = ctx.require(Action::ManageCalls)?;
    let audit = state
        .services
        .ctx(ctx.tenant.id(), actor.user, actor.request_id.as_deref());
    state
        .services
        .store
        .remove_call_document(ctx.tenant.id(), CallId(id), file, &audit)
        .await?;
    state.public.invalidate_call(ctx.tenant.id(), CallId(id));
    Ok(ctx.redirect_with_flash(&format!("/admin/calls/{id}"), "flash-file-removed"))
}

async fn upload(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let actor = ctx.require(Action::ApplyToCalls)?;
    let (name, bytes) = file_field(&mut multipart).await?;
    match state
        .services
        .attach_file(
            &actor,
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
    let actor = ctx.require(Action::ApplyToCalls)?;
    match state.services.remove_file(&actor, ApplicationId(id), file).await {
        Ok(()) => Ok(ctx.redirect_with_flash(&format!("/applications/{id}/edit"), "flash-file-removed")),
        Err(ServiceError::Invalid(_)) => {
            Ok(ctx.redirect_with_flash(&format!("/applications/{id}"), "flash-application-not-editable"))
        }
        Err(e) => Err(e.into()),
    }
}

/// Sends a stored file so that no browser ever renders it as part of this site.
pub(crate) fn attachment_response(filename: &str, content_type: &str, content: Vec<u8>) -> Response {
    let mut response = content.into_response();
    let h = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(content_type) {
        h.insert(header::CONTENT_TYPE, v);
    }
    // RFC 6266: an ASCII fallback and the UTF-8 name for Albanian letters.
    let ascii: String = filename
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_ ".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = filename
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b".-_".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("sandbox"));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    response
}

async fn download(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, file)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let actor = ctx.require(Action::ApplyToCalls)?;
    let staff = ctx.principal().can(Action::ManageCalls);
    let (meta, content) = state.services.file_for(&actor, staff, ApplicationId(id), file).await?;
    Ok(attachment_response(&meta.filename, &meta.content_type, content))
}

/// All attachments of a call's applications in one ZIP, each under its application's
/// reference. Files are read one at a time into a temporary file, then streamed out.
async fn zip(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    use std::io::Write;
    let actor = ctx.require(Action::ManageCalls)?;
    let store = &state.services.store;
    let call = store
        .call(ctx.tenant.id(), CallId(id))
        .await?
        .ok_or(AppError::NotFound)?;
    let audit = state
        .services
        .ctx(ctx.tenant.id(), actor.user, actor.request_id.as_deref());
    store.record_export(ctx.tenant.id(), call.id(), &audit).await?;
    let temp = tempfile::tempfile().map_err(|e| AppError::Internal(e.into()))?;
    let mut writer = zip::ZipWriter::new(temp);
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (reference, app, file) in store.call_attachments(ctx.tenant.id(), call.id()).await? {
        if let Some((meta, content)) = store
            .application_file(ctx.tenant.id(), ApplicationId(app), file)
            .await?
        {
            let name = format!(
                "{}/{}-{}",
                if reference.is_empty() {
                    app.to_string()
                } else {
                    reference
                },
                meta.id,
                meta.filename
            );
            writer
                .start_file(name, options)
                .map_err(|e| AppError::Internal(e.into()))?;
            writer.write_all(&content).map_err(|e| AppError::Internal(e.into()))?;
        }
    }
    let mut file = writer.finish().map_err(|e| AppError::Internal(e.into()))?;
    use std::io::{Seek, SeekFrom};
    file.seek(SeekFrom::Start(0))
        .map_err(|e| AppError::Internal(e.into()))?;
    let file = tokio::fs::File::from_std(file);
    let stream = futures_util::stream::unfold(Some(file), |file| async move {
        use tokio::io::AsyncReadExt;
        let mut file = file?;
        let mut buf = vec![0u8; 64 * 1024];
        match file.read(&mut buf).await {
            Ok(0) => None,
            Ok(n) => {
                buf.truncate(n);
                Some((Ok::<_, std::io::Error>(buf), Some(file)))
            }
            Err(e) => Some((Err(e), None)),
        }
    });
    let mut response = Body::from_stream(stream).into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/zip"));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"attachments-call-{id}.zip\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(response)
}
