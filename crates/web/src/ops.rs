//! Operations endpoints: health, metrics, and the stylesheet.

use axum::{
    Router,
    extract::State,
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
    routing::get,
};

use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use axum::extract::{ConnectInfo, Request};

use crate::AppState;

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

/// Prometheus text format. Only for this machine and the configured proxies: the
/// numbers say how the service is used, which is nobody else's business.
async fn metrics(State(state): State<AppState>, request: Request) -> Response {
    // Without a socket (in-process tests) the request comes from this machine.
    let ip = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())
        .unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
    let allowed = ip.is_loopback() || state.config.trusted_proxies.contains(&ip);
    let Some(handle) = state.metrics.as_ref().filter(|_| allowed) else {
        return (StatusCode::NOT_FOUND, "not found").into_response();
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
    response
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
