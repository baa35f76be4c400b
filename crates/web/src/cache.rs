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
//! more time-to-live, so that a busy page is rendered once, not once per waiting visitor. A page
//! nobody has asked for yet is the same: the first request renders it and the others arriving
//! meanwhile wait for that answer (up to a bound) instead of rendering it too.
//! Memory is bounded by entries and bytes, oldest out first.

use std::{
    collections::{HashMap, VecDeque},
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use tokio::sync::watch;

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
    /// Nothing stored, and no one is working the answer out: this request does, and the others
    /// asking meanwhile wait for it until the guard is dropped (stored or not).
    Lead(Leading),
    /// Nothing stored, and another request is working the answer out: wait for it, then look
    /// again (a surge on a page not yet cached, such as a new search, renders it once instead of
    /// once per visitor, which left every one of them waiting past their timeout).
    Wait(watch::Receiver<()>),
}

/// Held by the request that renders an answer nobody has stored: dropping it (the answer stored,
/// not storable, or the request given up) wakes the requests waiting for it.
struct Leading {
    key: Key,
    cache: std::sync::Weak<ResponseCache>,
    _done: watch::Sender<()>,
}

impl Drop for Leading {
    fn drop(&mut self) {
        if let Some(cache) = self.cache.upgrade()
            && let Ok(mut entries) = cache.entries.lock()
        {
            entries.pending.remove(&self.key);
        }
    }
}

/// A refresh that has not stored its answer after this long (it failed, or was not storable) is
/// taken over by the next request; a request waiting for another's first answer waits as long at
/// most, then answers by itself.
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
    /// Answers being worked out for the first time, by the request holding the sender
    /// ([`Leading`]); an entry leaves when its guard drops, so this holds at most one per request
    /// in progress.
    pending: HashMap<Key, watch::Receiver<()>>,
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
    /// refreshes it while the others are given the expired copy until it is stored; or, for one
    /// not stored, the first request renders it while the others wait for it
    /// (`may_wait`: a request that has waited once answers by itself rather than wait again).
    fn lookup(self: &Arc<Self>, key: &Key, may_wait: bool) -> Lookup {
        let Ok(mut entries) = self.entries.lock() else {
            return Lookup::Miss;
        };
        let age = entries.map.get(key).map(|entry| entry.stored.elapsed());
        if age.is_none_or(|age| age >= self.ttl * 2) {
            if !may_wait {
                return Lookup::Miss;
            }
            if let Some(pending) = entries.pending.get(key)
                && pending.has_changed().is_ok()
            {
                return Lookup::Wait(pending.clone());
            }
            let (done, waiting) = watch::channel(());
            entries.pending.insert(key.clone(), waiting);
            return Lookup::Lead(Leading {
                key: key.clone(),
                cache: Arc::downgrade(self),
                _done: done,
            });
        }
        let Some(entry) = entries.map.get_mut(key) else {
            return Lookup::Miss;
        };
        let age = entry.stored.elapsed();
        if age < self.ttl {
            return Lookup::Fresh(entry.headers.clone(), entry.body.clone(), entry.etag.clone());
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

    /// Forgets every answer of a municipality (after a change there), and every municipality's
    /// library pages, which show the public commitments of all of them.
    pub fn drop_tenant(&self, tenant: i64) {
        let Ok(mut entries) = self.entries.lock() else { return };
        let Entries {
            map,
            order,
            bytes,
            doors,
            pending: _,
        } = &mut *entries;
        // Every door, not only this municipality's: a change of host names moves a door from one
        // municipality to another, and doors are learnt again on the next miss.
        doors.clear();
        let kept = |key: &Key| key.tenant != tenant && !key.uri.starts_with("/library");
        map.retain(|key, entry| {
            let keep = kept(key);
            if !keep {
                *bytes -= entry.body.len();
            }
            keep
        });
        order.retain(kept);
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
/// (no routing, no request context, no tenant lookup, no tracing span, no request id), which is
/// what a surge needs. A miss goes on to the whole application, where [`public_responses`] stores
/// the answer and teaches the door.
///
/// A tower service wrapped around the finished router rather than a middleware in it: axum runs
/// a router's layers on each route after routing, and a middleware made with `from_fn` clones
/// everything inside it before it is called, so as a layer a hit paid for the routing and for
/// cloning the whole stack (about 38,000 instructions; see BENCHMARKS.md).
#[derive(Clone)]
pub struct FrontDoor<S> {
    state: AppState,
    inner: S,
}

impl<S> FrontDoor<S> {
    pub fn new(state: AppState, inner: S) -> Self {
        FrontDoor { state, inner }
    }

    /// The stored answer for `req`, when there is one.
    fn hit(&self, req: &Request) -> Option<Response> {
        let cache = &self.state.cache;
        if !cache.enabled() {
            return None;
        }
        let session_cookie = session_cookie_name(self.state.config.secure_cookies());
        let (headers, body, etag) = DOOR.with_borrow_mut(|door| {
            if door_of(req, session_cookie, door) {
                cache.get_by_door(door)
            } else {
                None
            }
        })?;
        hit_counter().increment(1);
        let response = answer(req.headers(), headers, body, &etag);
        // Counted as every request is, but not timed: the time is the server's, not ours.
        crate::security::count_request(response.status(), None);
        Some(response)
    }
}

impl<S> tower::Service<Request> for FrontDoor<S>
where
    S: tower::Service<Request, Response = Response, Error = std::convert::Infallible>,
{
    type Response = Response;
    type Error = std::convert::Infallible;
    type Future =
        futures_util::future::Either<std::future::Ready<Result<Response, std::convert::Infallible>>, S::Future>;

    fn poll_ready(&mut self, cx: &mut std::task::Context<'_>) -> std::task::Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request) -> Self::Future {
        match self.hit(&req) {
            Some(response) => futures_util::future::Either::Left(std::future::ready(Ok(response))),
            None => futures_util::future::Either::Right(self.inner.call(req)),
        }
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
    // Held while this request renders a page nobody has stored, so that others wait for it.
    let mut _leading = None;
    if cache.enabled() {
        let mut may_wait = true;
        loop {
            match cache.lookup(&key, may_wait) {
                Lookup::Fresh(headers, body, etag) => {
                    hit_counter().increment(1);
                    return answer(req.headers(), headers, body, &etag);
                }
                Lookup::Stale(headers, body, etag) => {
                    metrics::counter!("bashke_page_cache_total", "result" => "stale").increment(1);
                    return answer(req.headers(), headers, body, &etag);
                }
                Lookup::Wait(mut done) => {
                    metrics::counter!("bashke_page_cache_total", "result" => "wait").increment(1);
                    // Woken when the other request's guard drops (its sender with it); a timeout
                    // or a wake without an answer stored: this request answers by itself.
                    let _ = tokio::time::timeout(REFRESH_TIMEOUT, done.changed()).await;
                    may_wait = false;
                }
                Lookup::Lead(leading) => {
                    _leading = Some(leading);
                    break;
                }
                Lookup::Miss => break,
            }
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
    // Stored as sent, so that a hit only copies them: the front door serves them outside the
    // middleware that adds the security headers, so they are stored too. (A stored answer
    // carries no request id: nothing is logged for a hit.)
    public_headers(&mut headers, &etag, max_age);
    crate::security::secure_headers(&mut headers, ctx.secure_cookies);
    if cache.enabled() {
        metrics::counter!("bashke_page_cache_total", "result" => "miss").increment(1);
        cache.put(key, door, headers.clone(), body.clone(), etag.clone());
    }
    answer(&request_headers, headers, body, &etag)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Stores `body` as the answer for `k`, as a rendered page would be.
    fn store(cache: &ResponseCache, k: &Key, body: &'static [u8]) {
        cache.put(
            k.clone(),
            None,
            HeaderMap::new(),
            Bytes::from_static(body),
            etag_of(body),
        );
    }

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
        // The library shows every municipality's commitments: a change anywhere drops it everywhere.
        let cache = ResponseCache::new(Duration::from_secs(60), 1000);
        for k in [key(1, "/library?q=uje"), key(1, "/news"), key(2, "/library")] {
            cache.put(k, None, HeaderMap::new(), Bytes::from_static(b"x"), tag.clone());
        }
        cache.drop_tenant(2);
        assert!(cache.get(&key(1, "/library?q=uje")).is_none());
        assert!(cache.get(&key(1, "/news")).is_some());
        let off = ResponseCache::new(Duration::ZERO, 100);
        off.put(key(1, "/a"), None, HeaderMap::new(), Bytes::from_static(b"x"), tag);
        assert!(off.get(&key(1, "/a")).is_none());
    }

    #[test]
    fn an_expired_answer_is_refreshed_by_one_request_while_the_others_get_it() {
        let ttl = Duration::from_secs(5);
        let cache = Arc::new(ResponseCache::new(ttl, 1000));
        let k = key(1, "/forum");
        store(&cache, &k, b"v1");
        assert!(matches!(cache.lookup(&k, false), Lookup::Fresh(..)));
        cache.backdate(&k, ttl + Duration::from_millis(5));
        // The first request after expiry refreshes; the ones after it get the old answer.
        assert!(matches!(cache.lookup(&k, false), Lookup::Miss));
        assert!(matches!(cache.lookup(&k, false), Lookup::Stale(_, ref b, _) if b.as_ref() == b"v1"));
        store(&cache, &k, b"v2");
        assert!(matches!(cache.lookup(&k, false), Lookup::Fresh(_, ref b, _) if b.as_ref() == b"v2"));
        // Long expired: nobody gets it.
        cache.backdate(&k, ttl * 2 + Duration::from_millis(5));
        assert!(matches!(cache.lookup(&k, false), Lookup::Miss));
        assert!(matches!(cache.lookup(&k, false), Lookup::Miss));
        // A change drops it at once, stale or not.
        store(&cache, &k, b"v3");
        cache.backdate(&k, ttl + Duration::from_millis(5));
        assert!(matches!(cache.lookup(&k, false), Lookup::Miss));
        cache.drop_tenant(1);
        assert!(matches!(cache.lookup(&k, false), Lookup::Miss));
    }

    #[tokio::test]
    async fn a_page_not_yet_stored_is_rendered_by_one_request_while_the_others_wait() {
        let cache = Arc::new(ResponseCache::new(Duration::from_secs(5), 1000));
        let k = key(1, "/library?q=uje");
        let Lookup::Lead(leading) = cache.lookup(&k, true) else {
            panic!("the first request renders the page");
        };
        let Lookup::Wait(mut done) = cache.lookup(&k, true) else {
            panic!("the second waits for it");
        };
        // A request that has waited once answers by itself.
        assert!(matches!(cache.lookup(&k, false), Lookup::Miss));
        store(&cache, &k, b"v1");
        drop(leading);
        // The waiting request is woken, and finds the answer.
        tokio::time::timeout(Duration::from_secs(1), done.changed())
            .await
            .expect("woken at once")
            .expect_err("by the sender going");
        assert!(matches!(cache.lookup(&k, true), Lookup::Fresh(_, ref b, _) if b.as_ref() == b"v1"));
        // A leader that stores nothing (an error page, a dropped request) leaves no one waiting.
        let other = key(1, "/missing");
        let Lookup::Lead(leading) = cache.lookup(&other, true) else {
            panic!("renders");
        };
        drop(leading);
        assert!(cache.entries.lock().unwrap().pending.is_empty());
        assert!(matches!(cache.lookup(&other, true), Lookup::Lead(_)));
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
