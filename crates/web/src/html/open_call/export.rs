//! The coordinator's exports of a call: the applications as CSV and their attachments as ZIP.
//! Both are built by the services; here they are only streamed out.

use axum::{
    Router,
    body::Body,
    extract::{Path, State},
    http::{HeaderValue, header},
    response::{IntoResponse, Response},
    routing::get,
};
use domain::CallId;

use crate::{AppError, AppState, Ctx};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/calls/{id}/export.csv", get(export_csv))
        .route("/admin/calls/{id}/attachments.zip", get(zip))
}

fn download(body: Body, content_type: &'static str, filename: &str) -> Response {
    let mut response = body.into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    response
}

async fn export_csv(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let rows = state.services.applications_csv(&ctx.actor(), CallId(id)).await?;
    Ok(download(
        Body::from_stream(rows),
        "text/csv; charset=utf-8",
        &format!("applications-call-{id}.csv"),
    ))
}

async fn zip(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Result<Response, AppError> {
    let file = state.services.attachments_zip(&ctx.actor(), CallId(id)).await?;
    let file = tokio::fs::File::from_std(file);
    Ok(download(
        Body::from_stream(tokio_util_stream(file)),
        "application/zip",
        &format!("attachments-call-{id}.zip"),
    ))
}

/// Reads a file in 64 KiB chunks as the client takes them.
fn tokio_util_stream(file: tokio::fs::File) -> impl futures_util::Stream<Item = std::io::Result<Vec<u8>>> {
    futures_util::stream::unfold(Some(file), |file| async move {
        use tokio::io::AsyncReadExt;
        let mut file = file?;
        let mut buf = vec![0u8; 64 * 1024];
        match file.read(&mut buf).await {
            Ok(0) => None,
            Ok(n) => {
                buf.truncate(n);
                Some((Ok(buf), Some(file)))
            }
            Err(e) => Some((Err(e), None)),
        }
    })
}
