//! Operations endpoints: health, metrics, and the stylesheet.

use axum::{
    Router,
    extract::State,
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
    routing::get,
};

use metrics_exporter_prometheus::PrometheusHandle;
use store::Store;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(healthz))
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

/// The metrics listener's router: `/metrics` in Prometheus text format, nothing else. It is
/// served only on `BASHKE_METRICS_LISTEN`, never on the public site.
pub fn metrics_router(store: Store, handle: PrometheusHandle) -> Router {
    Router::new().route(
        "/metrics",
        get(move || {
            let (store, handle) = (store.clone(), handle.clone());
            async move { metrics(&store, &handle).await }
        }),
    )
}

async fn metrics(store: &Store, handle: &PrometheusHandle) -> Response {
    if let Ok(counts) = store.outbox_counts().await {
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
