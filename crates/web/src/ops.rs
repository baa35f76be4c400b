//! Operations endpoints: health, metrics, and the stylesheet.

use axum::{
    Router,
    extract::State,
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
    routing::get,
};

use crate::{AppError, AppState, Ctx};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics))
        .route("/static/site.css", get(stylesheet))
}

/// 200 when the database answers, 503 otherwise.
async fn healthz(State(state): State<AppState>) -> Response {
    if state.services.store.ping().await {
        (StatusCode::OK, "ok").into_response()
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
    }
}

/// Prometheus text format. Only for this machine and the configured proxies' networks: the
/// numbers say how the service is used, which is nobody else's business.
async fn metrics(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let allowed = ctx.client_ip.is_loopback() || state.config.trusted_proxies.contains(&ctx.client_ip);
    let Some(handle) = state.metrics.as_ref().filter(|_| allowed) else {
        return Err(AppError::NotFound);
    };
    if let Ok(counts) = state.services.store.outbox_counts().await {
        for (status, n) in counts {
            metrics::gauge!("bashke_outbox_messages", "status" => status).set(n as f64);
        }
    }
    let mut response = handle.render().into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
    );
    Ok(response)
}

async fn stylesheet() -> Response {
    let mut response = views::STYLESHEET.into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/css; charset=utf-8"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600"));
    response
}
