//! The request context: which tenant, which language, who is signed in. Resolved once per
//! request by [`request_context`], which also renders every error response, so that error pages
//! speak the visitor's language and carry the request id.

use std::{
    net::{IpAddr, Ipv4Addr, SocketAddr},
    sync::Arc,
};

use askama::Template;
use axum::{
    extract::{ConnectInfo, FromRequestParts, Request, State},
    http::{HeaderMap, HeaderValue, StatusCode, header, request::Parts},
    middleware::Next,
    response::{Html, IntoResponse, Redirect, Response},
};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use domain::{Action, Lang, Principal};
use services::Actor;
use store::{SessionUser, TenantRow};
use views::{ErrorPage, PageCtx};

use crate::{
    AppError, AppState,
    api::{ApiError, ApiErrorBody, ApiFieldError},
    error::PendingError,
};

pub const LANG_COOKIE: &str = "lang";
pub const FLASH_COOKIE: &str = "flash";

/// Name of the session cookie: `__Host-` pins it to this host and path when served over HTTPS.
pub fn session_cookie_name(secure: bool) -> &'static str {
    if secure { "__Host-session" } else { "session" }
}

#[derive(Clone)]
pub struct Ctx {
    pub tenant: Arc<TenantRow>,
    pub lang: Lang,
    pub session: Option<Arc<SessionUser>>,
    pub session_token: Option<String>,
    pub request_id: String,
    pub path: String,
    /// Path and query, to come back to after logging in.
    pub return_to: String,
    pub flash: Option<String>,
    pub client_ip: IpAddr,
    pub secure_cookies: bool,
}

impl Ctx {
    pub fn principal(&self) -> Principal {
        match &self.session {
            Some(s) => Principal::SignedIn(s.roles),
            None => Principal::Anonymous,
        }
    }

    /// The one authorisation check: anonymous visitors are sent to log in, signed-in people
    /// without the right get 403.
    pub fn require(&self, action: Action) -> Result<Actor, AppError> {
        if self.principal().can(action) {
            Ok(self.actor())
        } else if self.session.is_none() {
            Err(AppError::LoginRequired)
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// Who acts, with their roles here: what every use case receives and checks.
    pub fn actor(&self) -> Actor {
        Actor {
            tenant: self.tenant.id(),
            user: self.session.as_ref().map(|s| s.user.id()),
            roles: self.session.as_ref().map(|s| s.roles).unwrap_or_default(),
            request_id: Some(self.request_id.clone()),
        }
    }

    pub fn t(&self, key: &str) -> String {
        views::t(self.lang, key)
    }

    /// Translates `key` with one argument.
    pub fn t1(&self, key: &str, name: &str, value: &str) -> String {
        views::i18n::t_args(self.lang, key, &[(name, value.to_owned())])
    }

    /// Translates `key`, or `None` when no `.ftl` file defines it.
    pub fn t_opt(&self, key: &str) -> Option<String> {
        views::i18n::t_opt(self.lang, key)
    }

    /// The shared part of every page. Which menus show is asked of the one permission table,
    /// the same the use cases ask.
    pub fn page(&self, title: impl Into<String>) -> PageCtx {
        let can = |action| self.principal().can(action);
        PageCtx {
            lang: self.lang,
            tenant_name: self.tenant.name(self.lang).to_owned(),
            logo_url: self.tenant.logo_url.clone(),
            contact_email: self.tenant.contact_email.clone(),
            path: self.path.clone(),
            query: self.query_without_lang(),
            user_name: self.session.as_ref().map(|s| s.user.display_name.clone()),
            is_staff: can(Action::ManageCalls),
            is_platform_admin: can(Action::ManageTenants),
            is_reviewer: can(Action::ReviewApplications),
            is_moderator: can(Action::ModerateInput),
            flash: self.flash.as_ref().map(|key| self.t(key)),
            title: title.into(),
        }
    }

    /// A redirect that shows a one-time message (a Fluent key) on the next page.
    pub fn redirect_with_flash(&self, to: &str, flash_key: &str) -> Response {
        let cookie = Cookie::build((FLASH_COOKIE, flash_key.to_owned()))
            .path("/")
            .http_only(true)
            .secure(self.secure_cookies)
            .same_site(SameSite::Lax)
            .max_age(time_minutes(1))
            .build();
        let mut response = Redirect::to(to).into_response();
        append_cookie(&mut response, &cookie);
        response
    }

    /// The current query string without `lang`, re-encoded.
    fn query_without_lang(&self) -> String {
        let Some((_, query)) = self.return_to.split_once('?') else {
            return String::new();
        };
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str::<Vec<(String, String)>>(query)
            .unwrap_or_default()
            .into_iter()
            .filter(|(k, _)| k != "lang")
            .collect();
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    }

    /// Time zone of the tenant, for showing dates.
    pub fn tz(&self) -> chrono_tz::Tz {
        self.tenant.time_zone.parse().unwrap_or(chrono_tz::Europe::Tirane)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Ctx>()
            .cloned()
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("request context missing")))
    }
}

fn time_minutes(m: i64) -> time::Duration {
    time::Duration::minutes(m)
}

/// The client's address: the peer, or the forwarded address when the peer is a trusted proxy.
fn client_ip(state: &AppState, headers: &HeaderMap, peer: Option<IpAddr>) -> IpAddr {
    // Without a socket (in-process tests) the request comes from this machine.
    let peer = peer.unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
    if state.config.trusted_proxies.contains(&peer) {
        let forwarded = headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .and_then(|v| v.trim().parse().ok());
        if let Some(ip) = forwarded {
            return ip;
        }
    }
    peer
}

fn query_lang(query: Option<&str>) -> Option<String> {
    let query = query?;
    serde_urlencoded::from_str::<Vec<(String, String)>>(query)
        .ok()?
        .into_iter()
        .find(|(k, _)| k == "lang")
        .map(|(_, v)| v)
}

pub async fn request_context(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let request_id = req
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-")
        .to_owned();
    let peer = req.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
    let client_ip = client_ip(&state, req.headers(), peer);
    req.extensions_mut().insert(ClientIp(client_ip));
    let is_api = req.uri().path().starts_with("/api/");
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(str::to_owned)
        .or_else(|| req.uri().host().map(str::to_owned))
        .unwrap_or_default();
    let tenant = match state.tenants.resolve(&host).await {
        Ok(Some(t)) => t,
        Ok(None) => return bare_error(AppError::UnknownTenant, is_api, &request_id, req.headers()),
        Err(e) => return bare_error(AppError::Internal(e.into()), is_api, &request_id, req.headers()),
    };

    let jar = CookieJar::from_headers(req.headers());
    let mut set_lang_cookie = None;
    let mut unknown_lang = false;
    let lang = match query_lang(req.uri().query()) {
        Some(code) => match Lang::parse(&code) {
            Some(l) => {
                set_lang_cookie = Some(l);
                l
            }
            None => {
                unknown_lang = true;
                Lang::default()
            }
        },
        None => jar
            .get(LANG_COOKIE)
            .and_then(|c| Lang::parse(c.value()))
            .or_else(|| {
                req.headers()
                    .get(header::ACCEPT_LANGUAGE)
                    .and_then(|v| v.to_str().ok())
                    .and_then(Lang::negotiate)
            })
            .or_else(|| tenant.languages().first().copied())
            .unwrap_or_default(),
    };

    let secure = state.config.secure_cookies();
    let session_token = jar.get(session_cookie_name(secure)).map(|c| c.value().to_owned());
    let session = match &session_token {
        Some(token) => match state.services.session(tenant.id(), token).await {
            Ok(s) => s.map(Arc::new),
            Err(e) => return bare_error(AppError::from(e), is_api, &request_id, req.headers()),
        },
        None => None,
    };
    // The page's language link only changes what this browser shows: the language of a person's
    // e-mails is a choice they make on their account page (a stray tap is not a change of account).
    let flash = jar
        .get(FLASH_COOKIE)
        .map(|c| c.value().to_owned())
        .filter(|k| k.starts_with("flash-") || k == "login-required");
    let ctx = Ctx {
        tenant,
        lang,
        session,
        session_token,
        request_id: request_id.clone(),
        path: req.uri().path().to_owned(),
        return_to: req
            .uri()
            .path_and_query()
            .map(|p| p.as_str().to_owned())
            .unwrap_or_default(),
        flash: flash.clone(),
        client_ip,
        secure_cookies: secure,
    };
    req.extensions_mut().insert(ctx.clone());

    let mut response = if unknown_lang {
        AppError::UnknownLanguage.into_response()
    } else {
        next.run(req).await
    };
    response = render_pending_error(&ctx, is_api, response);

    if let Some(l) = set_lang_cookie {
        let cookie = Cookie::build((LANG_COOKIE, l.code()))
            .path("/")
            .same_site(SameSite::Lax)
            .http_only(true)
            .secure(secure)
            .max_age(time::Duration::days(365))
            .build();
        append_cookie(&mut response, &cookie);
    }
    // A flash message is shown once: drop it after the page that displayed it.
    if flash.is_some() && response.status() == StatusCode::OK {
        let cookie = Cookie::build((FLASH_COOKIE, ""))
            .path("/")
            .max_age(time_minutes(0))
            .build();
        append_cookie(&mut response, &cookie);
    }
    response
}

/// The client address, for handlers that throttle by it.
#[derive(Clone, Copy)]
pub struct ClientIp(pub IpAddr);

/// Makes the browser forget its session cookie.
pub fn clear_session_cookie(response: &mut Response, secure: bool) {
    let cookie = Cookie::build((session_cookie_name(secure), ""))
        .path("/")
        .http_only(true)
        .secure(secure)
        .max_age(time::Duration::seconds(0))
        .build();
    append_cookie(response, &cookie);
}

pub fn append_cookie(response: &mut Response, cookie: &Cookie<'_>) {
    if let Ok(value) = HeaderValue::from_str(&cookie.to_string()) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
}

fn is_rendered(response: &Response) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("text/html") || ct.starts_with("application/json"))
}

/// Turns an error response (ours, or a bare status from a lower layer) into the error page or
/// JSON body. Pages that handlers rendered themselves (a form shown again with 422) pass as is.
fn render_pending_error(ctx: &Ctx, is_api: bool, response: Response) -> Response {
    // A 405 says which methods the path has; the rendered page keeps that.
    let allow = response.headers().get(header::ALLOW).cloned();
    let mut rendered = render_error(ctx, is_api, response);
    if let Some(allow) = allow {
        rendered.headers_mut().insert(header::ALLOW, allow);
    }
    rendered
}

fn render_error(ctx: &Ctx, is_api: bool, response: Response) -> Response {
    let pending = response.extensions().get::<PendingError>().cloned();
    let status = response.status();
    let error: Arc<AppError> = match pending {
        Some(p) => p.0,
        None if status.as_u16() >= 400 && !is_rendered(&response) => Arc::new(AppError::from_status(status)),
        None => return response,
    };
    if let (AppError::LoginRequired, false) = (&*error, is_api) {
        let next = urlencode(&ctx.return_to);
        return ctx.redirect_with_flash(&format!("/login?next={next}"), "login-required");
    }
    if is_api {
        return json_error(&error, &ctx.request_id);
    }
    let (title_key, text_key) = error.text_keys();
    let page = ErrorPage {
        p: ctx.page(ctx.t(title_key)),
        status: error.status().as_u16(),
        heading: ctx.t(title_key),
        text: ctx.t(text_key),
        request_id: ctx.request_id.clone(),
    };
    match page.render() {
        Ok(html) => (error.status(), Html(html)).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "error page failed to render");
            (error.status(), "error").into_response()
        }
    }
}

pub fn json_error(error: &AppError, request_id: &str) -> Response {
    let fields = match error {
        AppError::Invalid(f) => f
            .iter()
            .map(|e| ApiFieldError {
                field: e.field.to_owned(),
                code: e.code.to_owned(),
            })
            .collect(),
        _ => Vec::new(),
    };
    let body = ApiErrorBody {
        error: ApiError {
            code: error.code().to_owned(),
            request_id: request_id.to_owned(),
            fields,
        },
    };
    (error.status(), axum::Json(body)).into_response()
}

/// An error before any tenant is known: a minimal page in the language the browser prefers.
fn bare_error(error: AppError, is_api: bool, request_id: &str, headers: &HeaderMap) -> Response {
    if let AppError::Internal(e) = &error {
        tracing::error!(error = ?e, "internal error before request context");
    }
    if is_api {
        return json_error(&error, request_id);
    }
    let lang = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Lang::negotiate)
        .unwrap_or_default();
    let (title_key, text_key) = error.text_keys();
    let title = views::t(lang, title_key);
    let text = views::t(lang, text_key);
    let html = format!(
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><link rel=\"stylesheet\" href=\"/static/site.css\"></head><body><main class=\"wrap\"><h1>{}</h1><p>{}</p><p class=\"small\">{}: <code>{}</code></p></main></body></html>",
        lang.code(),
        escape(&title),
        escape(&title),
        escape(&text),
        escape(&views::t(lang, "error-request-id")),
        escape(request_id)
    );
    (error.status(), Html(html)).into_response()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub fn urlencode(s: &str) -> String {
    serde_urlencoded::to_string([("", s)])
        .map(|e| e.trim_start_matches('=').to_owned())
        .unwrap_or_default()
}
