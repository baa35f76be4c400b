//! Security defaults: response headers, cross-site request forgery protection, and a flood
//! guard on state-changing requests.

use std::{net::IpAddr, num::NonZeroU32};

use axum::{
    extract::{Request, State},
    http::{HeaderMap, HeaderValue, Method, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use tower_http::csrf::CsrfLayer;

use crate::{AppError, AppState, WebConfig, ctx::ClientIp};

/// No inline scripts or styles, nothing from other sites, no framing.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; \
     form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

/// The request counters (by status class) and the duration histogram, looked up once: a lookup
/// by name and labels on every request cost as much as serving a cached page.
fn request_metrics() -> &'static ([metrics::Counter; 4], metrics::Histogram) {
    static METRICS: std::sync::OnceLock<([metrics::Counter; 4], metrics::Histogram)> = std::sync::OnceLock::new();
    METRICS.get_or_init(|| {
        (
            ["2xx", "3xx", "4xx", "5xx"]
                .map(|class| metrics::counter!("bashke_http_requests_total", "status" => class)),
            metrics::histogram!("bashke_http_request_duration_seconds"),
        )
    })
}

/// Counts a request by its status class and records how long it took.
pub(crate) fn count_request(status: axum::http::StatusCode, took: Option<std::time::Duration>) {
    let class = match status.as_u16() {
        100..=299 => 0,
        300..=399 => 1,
        400..=499 => 2,
        _ => 3,
    };
    let (requests, duration) = request_metrics();
    requests[class].increment(1);
    if let Some(took) = took {
        duration.record(took.as_secs_f64());
    }
}

/// The headers every answer carries; the response cache stores them with an answer, so that a
/// stored answer is sent as it is (`cache::FrontDoor` runs outside this middleware).
pub(crate) fn secure_headers(h: &mut HeaderMap, secure_cookies: bool) {
    // A stricter policy set by the handler (`sandbox` on downloads) stays.
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    }
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    h.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
    );
    h.insert("cross-origin-opener-policy", HeaderValue::from_static("same-origin"));
    if secure_cookies {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    if !h.contains_key(header::CACHE_CONTROL) {
        // Pages may show personal data: never store them in shared caches.
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
}

pub async fn headers(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let started = std::time::Instant::now();
    let mut response = next.run(req).await;
    count_request(response.status(), Some(started.elapsed()));
    secure_headers(response.headers_mut(), state.config.secure_cookies());
    response
}

/// Rejects cross-site state-changing requests using `Sec-Fetch-Site` and `Origin` (no tokens).
pub fn csrf_layer(config: &WebConfig) -> CsrfLayer {
    let origin = config.base_url.trim_end_matches('/').to_owned();
    // The public URL is trusted explicitly, so the check holds behind a proxy that rewrites Host.
    match CsrfLayer::new().add_trusted_origin(&origin) {
        Ok(layer) => layer,
        Err(_) => CsrfLayer::new(),
    }
}

/// Per-client flood guard for writes. It counts in memory, per instance; the limits that must
/// hold across instances (log-in, e-mail sending) live in the database instead.
pub struct WriteLimiter(Option<DefaultKeyedRateLimiter<IpAddr>>);

impl WriteLimiter {
    pub fn new(per_second: u32) -> Self {
        WriteLimiter(NonZeroU32::new(per_second).map(|rate| {
            let burst = NonZeroU32::new(per_second.saturating_mul(5)).unwrap_or(rate);
            RateLimiter::keyed(Quota::per_second(rate).allow_burst(burst))
        }))
    }

    fn allows(&self, ip: IpAddr) -> bool {
        match &self.0 {
            Some(limiter) => {
                // Forget idle clients now and then so the map stays small.
                if limiter.len() > 10_000 {
                    limiter.retain_recent();
                }
                limiter.check_key(&ip).is_ok()
            }
            None => true,
        }
    }
}

pub async fn limit_writes(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let is_write = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let ip = req.extensions().get::<ClientIp>().map(|c| c.0);
    if let (true, Some(ip)) = (is_write, ip)
        && !state.limiter.allows(ip)
    {
        metrics::counter!("bashke_rate_limited_total").increment(1);
        // Read the (bounded) body before answering: a reply sent over an unread body makes the
        // server close a keep-alive connection, and the client sees a dropped connection instead
        // of the 429.
        let limit = state.config.body_limit_bytes;
        let _ = axum::body::to_bytes(req.into_body(), limit).await;
        return AppError::TooManyRequests.into_response();
    }
    next.run(req).await
}
