//! The HTTP layer. `router()` assembles pages (`html/`), the JSON API (`api`), operations
//! endpoints (`ops`) and the middleware stack (`middleware`, `security`).
//!
//! Request flow, outermost first: security headers → request id → trace → request context
//! (tenant, language, session; renders every error page) → CSRF → write rate limit → body limit
//! → handler.

pub mod api;
pub mod cache;
pub mod ctx;
pub mod error;
pub mod forms;
pub mod home_cache;
pub mod html;
pub mod metrics;
pub mod ops;
pub mod security;
pub mod server;
pub mod tenants;

use std::{net::IpAddr, sync::Arc};

use axum::{Router, extract::DefaultBodyLimit, http::HeaderName, middleware};
use services::Services;
use tower_http::{
    catch_panic::CatchPanicLayer,
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer},
    trace::TraceLayer,
};

pub use ctx::Ctx;
pub use error::AppError;

/// Settings of the HTTP layer (read from the configuration by the binary).
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Public address, e.g. `https://ogp.elbasani.gov.al`; decides `Secure` cookies.
    pub base_url: String,
    pub body_limit_bytes: usize,
    /// Largest attachment accepted (the upload route alone takes bodies this large).
    pub attachment_max_bytes: usize,
    /// State-changing requests allowed per client address per second (burst is 5 times this).
    pub write_rate_per_second: u32,
    /// Proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Vec<IpAddr>,
    /// How long an anonymous public answer is kept (`cache`); zero turns the cache off.
    pub page_cache_seconds: u64,
}

impl WebConfig {
    pub fn secure_cookies(&self) -> bool {
        self.base_url.starts_with("https://")
    }
}

#[derive(Clone)]
pub struct AppState {
    pub services: Services,
    pub config: Arc<WebConfig>,
    pub tenants: tenants::TenantCache,
    pub public: home_cache::PublicCache,
    pub limiter: Arc<security::WriteLimiter>,
    pub cache: Arc<cache::ResponseCache>,
}

impl AppState {
    pub fn new(services: Services, config: WebConfig) -> Self {
        let limiter = Arc::new(security::WriteLimiter::new(config.write_rate_per_second));
        // 64 MiB of pages is thousands of them; the cache never grows past it.
        let cache = Arc::new(cache::ResponseCache::new(
            std::time::Duration::from_secs(config.page_cache_seconds),
            64 * 1024 * 1024,
        ));
        AppState {
            tenants: tenants::TenantCache::new(services.store.clone()),
            public: home_cache::PublicCache::default(),
            services,
            config: Arc::new(config),
            limiter,
            cache,
        }
    }
}

static REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// How many times a request used the database (see `store::counting`), on the response's
/// extensions for tests and in the log line of the request.
#[derive(Debug, Clone, Copy)]
pub struct QueryCount(pub u32);

async fn count_queries(req: axum::extract::Request, next: middleware::Next) -> axum::response::Response {
    let (mut response, queries) = store::counting::count(next.run(req)).await;
    if queries > 0 {
        tracing::debug!(queries, "database queries");
    }
    response.extensions_mut().insert(QueryCount(queries));
    response
}

/// The whole application, ready to serve.
pub fn router(state: AppState) -> Router {
    // Pages and the API need the request context (tenant, language, session).
    let site = Router::new()
        .merge(html::router())
        .merge(api::router())
        .fallback(html::not_found)
        .layer(DefaultBodyLimit::max(state.config.body_limit_bytes))
        // Merged after that limit: uploads carry their own, larger one.
        .merge(html::upload_router(state.config.attachment_max_bytes))
        // A panic becomes a 500 that the request context renders like any other error.
        .layer(CatchPanicLayer::new())
        .layer(middleware::from_fn_with_state(state.clone(), security::limit_writes))
        .layer(security::csrf_layer(&state.config))
        // Inside the request context, which tells the cache who asks and in which language.
        .layer(middleware::from_fn_with_state(state.clone(), cache::public_responses))
        .layer(middleware::from_fn_with_state(state.clone(), ctx::request_context));
    // Health, metrics and the stylesheet do not: /healthz must answer 503, not a tenant error,
    // when the database is down.
    let app = Router::new()
        .merge(site)
        .merge(ops::router())
        .layer(
            TraceLayer::new_for_http().make_span_with(|req: &axum::http::Request<_>| {
                let id = req
                    .headers()
                    .get(&REQUEST_ID)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("-");
                tracing::info_span!("request", method = %req.method(), path = %req.uri().path(), request_id = %id)
            }),
        )
        .layer(middleware::from_fn(count_queries))
        .layer(PropagateRequestIdLayer::new(REQUEST_ID.clone()))
        .layer(SetRequestIdLayer::new(REQUEST_ID.clone(), MakeRequestUuid))
        .layer(middleware::from_fn_with_state(state.clone(), security::headers))
        .with_state(state.clone());
    // Around it all: a stored anonymous answer is served, with the security headers stored beside
    // it, before routing, a request id, a tracing span or the request context (`cache::FrontDoor`).
    Router::new().fallback_service(cache::FrontDoor::new(state, app))
}
