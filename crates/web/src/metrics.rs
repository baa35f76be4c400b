//! `/metrics` in Prometheus text format, served only on its own listener
//! (`BASHKE_METRICS_LISTEN`), never on the public site: what is reachable there is the
//! operator's choice (a loopback or internal address).

use axum::{
    Router,
    http::{HeaderValue, header},
    response::{IntoResponse, Response},
    routing::get,
};
use metrics_exporter_prometheus::PrometheusHandle;
use store::Store;

/// The metrics listener's router: `/metrics` and nothing else.
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
