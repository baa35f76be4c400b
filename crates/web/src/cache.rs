//! One response cache for every anonymous read of a public page, feed or API resource.
//!
//! The day a call closes, hundreds of people open the same few pages at once. Any `GET` from a
//! visitor who is not signed in (and has no one-time message waiting) is kept for a few seconds,
//! keyed by municipality, language, path and query; everything signed-in passes through
//! untouched and is marked `private, no-store`. Cached answers carry a strong `ETag`, answer
//! `If-None-Match` with 304, and say `Cache-Control: public, max-age=…` with `Vary: Cookie,
//! Accept-Language`, so that a reverse proxy or CDN in front of several instances can absorb a
//! surge too. A write that succeeds drops every entry of its municipality on this instance at
//! once; other instances serve their copy until it expires. When an answer expires under load,
//! the first request renders it afresh while the others are given the expired copy for up to one
//! more time-to-live, so that a busy page is rendered once, not once per waiting visitor.
//! Memory is bounded by entries and bytes, oldest out first.

use std::{
    collections::{HashMap, VecDeque},
    sync::Mutex,
    time::{Duration, Instant},
};

use axum::{
    body::{Body, Bytes},
    extract::{Request, State},
    http::{HeaderMap, HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use domain::Lang;
use sha2::{Digest, Sha256};

use axum_extra::extract::cookie::Cookie;

use crate::{
    AppState, Ctx,
    ctx::{FLASH_COOKIE, LANG_COOKIE, session_cookie_name},
};

/// Largest body kept: pages are a few tens of kilobytes; anything far bigger is a download.
const MAX_BODY: usize = 512 * 1024;
const MAX_ENTRIES: usize = 20_000;
/// Largest raw inputs (host, path and query, language headers) the front door remembers.
const MAX_DOOR_BYTES: usize = 2048;

#[derive(Clone, PartialEq, Eq, Hash)]
struct Key {
    tenant: i64,
    lang: Lang,
    uri: String,
}

struct Entry {
    stored: Instant,
    headers: HeaderMap,
    body: Bytes,
    etag: HeaderValue,
    /// When a request began to answer this expired entry afresh: until it stores the new answer,
    /// the others get this one (see [`Lookup::Stale`]).
    refreshing: Option<Instant>,
}

/// What the cache holds for a request.
enum Lookup {
    /// A fresh answer.
    Fresh(HeaderMap, Bytes, HeaderValue),
    /// An answer a little past its time while another request works out the new one: when it
    /// expires under load, one request pays for the page instead of every waiting one at once
    /// (which made the slowest answers wait for dozens of renderings).
    Stale(HeaderMap, Bytes, HeaderValue),
    /// Nothing usable: this request answers afresh (and, for an expired entry, is the one that
    /// refreshes it).
    Miss,
}

/// A refresh that has not stored its answer after this long (it failed, or was not storable) is
/// taken over by the next request.
const REFRESH_TIMEOUT: Duration = Duration::from_secs(10);

/// What a request says before anything is worked out from it: its host, path and query, and the
/// two inputs of its language (the `lang` cookie and `Accept-Language`), joined in one string
/// (separated by a byte no header holds). The same inputs always give the same municipality and
/// language, so the front door can find the answer by them. Built in a buffer each thread reuses,
/// so that a stored answer is found without allocating.
type Door = String;

thread_local! {
    static DOOR: std::cell::RefCell<String> = std::cell::RefCell::new(String::with_capacity(256));
}

#[derive(Default)]
struct Entries {
    map: HashMap<Key, Entry>,
    /// The key each request's inputs led to, learnt when the answer was stored.
    doors: HashMap<Door, Key>,
    /// Insertion order, for evicting the oldest; may name keys removed since.
    order: VecDeque<Key>,
    bytes: usize,
}

pub struct ResponseCache {
    ttl: Duration,
    max_bytes: usize,
    entries: Mutex<Entries>,
}

impl ResponseCache {
    /// `ttl` zero turns the cache off (every request is answered afresh).
    pub fn new(ttl: Duration, max_bytes: usize) -> Self {
        ResponseCache {
            ttl,
            max_bytes,
            entries: Mutex::new(Entries::default()),
        }
    }

    pub fn enabled(&self) -> bool {
        !self.ttl.is_zero()
    }

    #[cfg(test)]
    fn get(&self, key: &Key) -> Option<(HeaderMap, Bytes, HeaderValue, Duration)> {
        let entries = self.entries.lock().ok()?;
        let entry = entries.map.get(key)?;
        let age = entry.stored.elapsed();
        (age < self.ttl).then(|| (entry.headers.clone(), entry.body.clone(), entry.etag.clone(), age))
    }

    /// Makes a stored answer older, as if time had passed (tests).
    #[cfg(test)]
    fn backdate(&self, key: &Key, by: Duration) {
        if let Ok(mut entries) = self.entries.lock()
            && let Some(entry) = entries.map.get_mut(key)
            && let Some(earlier) = entry.stored.checked_sub(by)
        {
            entry.stored = earlier;
        }
    }

    /// A fresh answer; or, for one expired less than a time-to-live ago, the first request to ask
    /// refreshes it while the others are given the expired copy until it is stored.
    fn lookup(&self, key: &Key) -> Lookup {
        let Ok(mut entries) = self.entries.lock() else {
            return Lookup::Miss;
        };
        let Some(entry) = entries.map.get_mut(key) else {
            return Lookup::Miss;
        };
        let age = entry.stored.elapsed();
        if age < self.ttl {
            return Lookup::Fresh(entry.headers.clone(), entry.body.clone(), entry.etag.clone());
        }
        if age >= self.ttl * 2 {
            return Lookup::Miss;
        }
        match entry.refreshing {
            Some(since) if since.elapsed() < REFRESH_TIMEOUT => {
                Lookup::Stale(entry.headers.clone(), entry.body.clone(), entry.etag.clone())
            }
            _ => {
                entry.refreshing = Some(Instant::now());
                Lookup::Miss
            }
        }
    }

    /// The answer stored for a request's raw inputs, when the front door has seen them before.
    fn get_by_door(&self, door: &str) -> Option<(HeaderMap, Bytes, HeaderValue)> {
        let entries = self.entries.lock().ok()?;
        let key = entries.doors.get(door)?;
        let entry = entries.map.get(key)?;
        (entry.stored.elapsed() < self.ttl).then(|| (entry.headers.clone(), entry.body.clone(), entry.etag.clone()))
    }

    fn put(&self, key: Key, door: Option<Door>, headers: HeaderMap, body: Bytes, etag: HeaderValue) {
        let Ok(mut entries) = self.entries.lock() else { return };
        if let Some(door) = door {
            // Bounded like the answers; a door whose answer went simply misses.
            if entries.doors.len() >= MAX_ENTRIES * 2 {
                entries.doors.clear();
            }
            entries.doors.insert(door, key.clone());
        }
        let size = body.len();
        if let Some(old) = entries.map.insert(
            key.clone(),
            Entry {
                stored: Instant::now(),
                headers,
                body,
                etag,
                refreshing: None,
            },
        ) {
            entries.bytes -= old.body.len();
        }
        entries.bytes += size;
        entries.order.push_back(key);
        while entries.bytes > self.max_bytes || entries.map.len() > MAX_ENTRIES {
            let Some(oldest) = entries.order.pop_front() else { break };
            if let Some(gone) = entries.map.remove(&oldest) {
                entries.bytes -= gone.body.len();
            }
        }
    }

    /// Forgets every answer of a municipality (after a change there).
    pub fn drop_tenant(&self, tenant: i64) {
        let Ok(mut entries) = self.entries.lock() else { return };
        let Entries {
            map,
            order,
            bytes,
            doors,
        } = &mut *entries;
        // Every door, not only this municipality's: a change of host names moves a door from one
        // municipality to another, and doors are learnt again on the next miss.
        doors.clear();
        map.retain(|key, entry| {
            let keep = key.tenant != tenant;
            if !keep {
                *bytes -= entry.body.len();
            }
            keep
        });
        order.retain(|key| key.tenant != tenant);
    }
}

fn etag_of(body: &[u8]) -> HeaderValue {
    let digest = Sha256::digest(body);
    let hex: String = digest.iter().take(16).map(|b| format!("{b:02x}")).collect();
    HeaderValue::from_str(&format!("\"{hex}\"")).unwrap_or(HeaderValue::from_static("\"0\""))
}

fn matches(request: &HeaderMap, etag: &HeaderValue) -> bool {
    request
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',')
                .any(|t| t.trim() == "*" || t.trim().as_bytes() == etag.as_bytes())
        })
}

fn public_headers(h: &mut HeaderMap, etag: &HeaderValue, max_age: u64) {
    h.insert(header::ETAG, etag.clone());
    if let Ok(v) = HeaderValue::from_str(&format!("public, max-age={max_age}")) {
        h.insert(header::CACHE_CONTROL, v);
    }
    // The session cookie and the language decide what a page shows.
    h.insert(header::VARY, HeaderValue::from_static("Cookie, Accept-Language"));
}

/// The answer to a request from headers that already say `ETag`, `Cache-Control` and `Vary`.
fn answer(request: &HeaderMap, headers: HeaderMap, body: Bytes, etag: &HeaderValue) -> Response {
    if matches(request, etag) {
        let mut response = StatusCode::NOT_MODIFIED.into_response();
        for name in [header::ETAG, header::CACHE_CONTROL, header::VARY] {
            if let Some(v) = headers.get(&name) {
                response.headers_mut().insert(name, v.clone());
            }
        }
        return response;
    }
    let mut response = Response::new(Body::from(body));
    *response.headers_mut() = headers;
    response
}

/// Writes the raw inputs of an anonymous `GET` into `door` and says so, or `false` when the
/// request may be personal (a session or a one-time message) or changes the language (`?lang=`,
/// answered with a cookie).
fn door_of(req: &Request, session_cookie: &str, door: &mut String) -> bool {
    door.clear();
    if req.method() != Method::GET {
        return false;
    }
    let Some(uri) = req.uri().path_and_query().map(|p| p.as_str()) else {
        return false;
    };
    if req.uri().query().is_some_and(|q| q.contains("lang=")) {
        return false;
    }
    let headers = req.headers();
    let mut lang_cookie = "";
    for value in headers.get_all(header::COOKIE) {
        let Ok(value) = value.to_str() else { return false };
        for cookie in Cookie::split_parse(value).flatten() {
            // The request context decodes cookie names (`l%61ng` is `lang` to it): a name the
            // door would read otherwise is left to the full path.
            if cookie.name().contains('%') {
                return false;
            }
            match cookie.name() {
                LANG_COOKIE => lang_cookie = cookie.value_raw().unwrap_or_default(),
                name if name == session_cookie || name == FLASH_COOKIE => return false,
                _ => {}
            }
        }
    }
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .or_else(|| req.uri().host())
        .unwrap_or_default();
    let accept_language = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    // A door is kept in memory: very long inputs are not worth a door (and would not bound it).
    if host.len() + uri.len() + accept_language.len() + lang_cookie.len() > MAX_DOOR_BYTES {
        return false;
    }
    // `\n` cannot occur in a header value or a request target, so the parts cannot run together.
    for part in [host, uri, lang_cookie] {
        door.push_str(part);
        door.push('\n');
    }
    door.push_str(accept_language);
    true
}

/// The front door: an anonymous read whose answer is stored is served before any other work
/// (no request context, no tenant lookup, no tracing span), which is what a surge needs. A miss
/// goes on to the full path, where [`public_responses`] stores the answer and teaches the door.
pub async fn front_door(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let cache = &state.cache;
    if !cache.enabled() {
        return next.run(req).await;
    }
    let session_cookie = session_cookie_name(state.config.secure_cookies());
    let stored = DOOR.with_borrow_mut(|door| {
        if door_of(&req, session_cookie, door) {
            cache.get_by_door(door)
        } else {
            None
        }
    });
    match stored {
        Some((headers, body, etag)) => {
            hit_counter().increment(1);
            answer(req.headers(), headers, body, &etag)
        }
        None => next.run(req).await,
    }
}

/// The counter of answers served from the cache, looked up once (a lookup by name and labels on
/// every hit cost more than the rest of the hit).
fn hit_counter() -> &'static metrics::Counter {
    static HIT: std::sync::OnceLock<metrics::Counter> = std::sync::OnceLock::new();
    HIT.get_or_init(|| metrics::counter!("bashke_page_cache_total", "result" => "hit"))
}

/// The middleware; it runs inside the request context, which tells tenant, language and session.
pub async fn public_responses(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let Some(ctx) = req.extensions().get::<Ctx>().cloned() else {
        return next.run(req).await;
    };
    let cache = &state.cache;
    let method = req.method().clone();
    if method != Method::GET && method != Method::HEAD {
        let response = next.run(req).await;
        // Only a signed-in person changes what public pages show; a log-in or a sign-up does
        // not, and must not empty the cache on the busiest day.
        if ctx.session.is_some() && (response.status().is_success() || response.status().is_redirection()) {
            cache.drop_tenant(ctx.tenant.id);
        }
        return response;
    }
    if ctx.session.is_some() || ctx.flash.is_some() || method != Method::GET {
        let mut response = next.run(req).await;
        if ctx.session.is_some() {
            response
                .headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
        }
        return response;
    }
    let key = Key {
        tenant: ctx.tenant.id,
        lang: ctx.lang,
        uri: req
            .uri()
            .path_and_query()
            .map(|p| p.as_str().to_owned())
            .unwrap_or_default(),
    };
    let max_age = cache.ttl.as_secs().max(1);
    if cache.enabled() {
        match cache.lookup(&key) {
            Lookup::Fresh(headers, body, etag) => {
                hit_counter().increment(1);
                return answer(req.headers(), headers, body, &etag);
            }
            Lookup::Stale(headers, body, etag) => {
                metrics::counter!("bashke_page_cache_total", "result" => "stale").increment(1);
                return answer(req.headers(), headers, body, &etag);
            }
            Lookup::Miss => {}
        }
    }
    let request_headers = req.headers().clone();
    let mut door = String::new();
    let door = door_of(&req, session_cookie_name(ctx.secure_cookies), &mut door).then_some(door);
    let response = next.run(req).await;
    // Pages are rendered whole, so their size is known; a stream (an export) has none.
    let length = axum::body::HttpBody::size_hint(response.body())
        .exact()
        .and_then(|n| usize::try_from(n).ok());
    let storable = response.status() == StatusCode::OK
        && !response.headers().contains_key(header::SET_COOKIE)
        && !response.headers().contains_key(header::CACHE_CONTROL)
        && length.is_some_and(|n| n <= MAX_BODY);
    if !storable {
        return response;
    }
    let (parts, body) = response.into_parts();
    let Ok(body) = axum::body::to_bytes(body, MAX_BODY).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let etag = etag_of(&body);
    let mut headers = parts.headers;
    // Stored as sent, so that a hit only copies them.
    public_headers(&mut headers, &etag, max_age);
    if cache.enabled() {
        metrics::counter!("bashke_page_cache_total", "result" => "miss").increment(1);
        cache.put(key, door, headers.clone(), body.clone(), etag.clone());
    }
    answer(&request_headers, headers, body, &etag)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(tenant: i64, uri: &str) -> Key {
        Key {
            tenant,
            lang: Lang::Sq,
            uri: uri.into(),
        }
    }

    #[test]
    fn entries_expire_are_bounded_and_dropped_per_tenant() {
        let cache = ResponseCache::new(Duration::from_secs(60), 100);
        let tag = etag_of(b"x");
        cache.put(
            key(1, "/a"),
            None,
            HeaderMap::new(),
            Bytes::from(vec![0; 60]),
            tag.clone(),
        );
        cache.put(
            key(2, "/a"),
            None,
            HeaderMap::new(),
            Bytes::from(vec![0; 30]),
            tag.clone(),
        );
        assert!(cache.get(&key(1, "/a")).is_some());
        // Over 100 bytes: the oldest goes.
        cache.put(
            key(2, "/b"),
            None,
            HeaderMap::new(),
            Bytes::from(vec![0; 30]),
            tag.clone(),
        );
        assert!(cache.get(&key(1, "/a")).is_none());
        assert!(cache.get(&key(2, "/b")).is_some());
        cache.drop_tenant(2);
        assert!(cache.get(&key(2, "/a")).is_none() && cache.get(&key(2, "/b")).is_none());
        let off = ResponseCache::new(Duration::ZERO, 100);
        off.put(key(1, "/a"), None, HeaderMap::new(), Bytes::from_static(b"x"), tag);
        assert!(off.get(&key(1, "/a")).is_none());
    }

    #[test]
    fn an_expired_answer_is_refreshed_by_one_request_while_the_others_get_it() {
        let ttl = Duration::from_secs(5);
        let cache = ResponseCache::new(ttl, 1000);
        let k = key(1, "/forum");
        cache.put(
            k.clone(),
            None,
            HeaderMap::new(),
            Bytes::from_static(b"v1"),
            etag_of(b"v1"),
        );
        assert!(matches!(cache.lookup(&k), Lookup::Fresh(..)));
        cache.backdate(&k, ttl + Duration::from_millis(5));
        // The first request after expiry refreshes; the ones after it get the old answer.
        assert!(matches!(cache.lookup(&k), Lookup::Miss));
        assert!(matches!(cache.lookup(&k), Lookup::Stale(_, ref b, _) if b.as_ref() == b"v1"));
        cache.put(
            k.clone(),
            None,
            HeaderMap::new(),
            Bytes::from_static(b"v2"),
            etag_of(b"v2"),
        );
        assert!(matches!(cache.lookup(&k), Lookup::Fresh(_, ref b, _) if b.as_ref() == b"v2"));
        // Long expired: nobody gets it.
        cache.backdate(&k, ttl * 2 + Duration::from_millis(5));
        assert!(matches!(cache.lookup(&k), Lookup::Miss));
        assert!(matches!(cache.lookup(&k), Lookup::Miss));
        // A change drops it at once, stale or not.
        cache.put(
            k.clone(),
            None,
            HeaderMap::new(),
            Bytes::from_static(b"v3"),
            etag_of(b"v3"),
        );
        cache.backdate(&k, ttl + Duration::from_millis(5));
        assert!(matches!(cache.lookup(&k), Lookup::Miss));
        cache.drop_tenant(1);
        assert!(matches!(cache.lookup(&k), Lookup::Miss));
    }

    #[test]
    fn etags_are_strong_and_matched() {
        let tag = etag_of(b"faqja");
        assert!(tag.to_str().unwrap().starts_with('"'));
        let mut h = HeaderMap::new();
        h.insert(header::IF_NONE_MATCH, tag.clone());
        assert!(matches(&h, &tag));
        h.insert(header::IF_NONE_MATCH, HeaderValue::from_static("\"other\""));
        assert!(!matches(&h, &tag));
    }
}
