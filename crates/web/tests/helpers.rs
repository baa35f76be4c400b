//! `TestApp`: the whole application over a fresh database, with a fixed clock, two tenants
//! (Elbasan, the default, and Tirana) and helpers to act as any role.

use std::sync::Arc;

use axum_test::{TestResponse, TestServer};
use chrono::{Duration, TimeZone, Utc};
use domain::{Email, Lang, Role, TenantId, UserId};
use services::{FixedClock, Services, tokens};
use store::{AuditCtx, NewTenant, OutboxRow, Store, TenantSettings, testing::TestDb};
use web::{AppState, WebConfig};

pub const PASSWORD: &str = "Qytet-i-hapur-2026";

pub struct TestApp {
    pub server: TestServer,
    /// The same application, to serve on a real socket (connection-level tests).
    pub router: axum::Router,
    pub store: Store,
    pub clock: Arc<FixedClock>,
    pub services: Services,
    pub elbasan: TenantId,
    pub tirana: TenantId,
    pub label: &'static str,
}

/// Runs `test` once per configured database backend.
pub async fn each_backend(test: impl AsyncFn(&TestApp)) {
    for db in TestDb::all().await.expect("test databases") {
        let app = TestApp::new(&db, true).await;
        test(&app).await;
        db.cleanup().await;
    }
}

fn tenant(slug: &str, default: bool) -> NewTenant {
    NewTenant {
        slug: slug.into(),
        settings: TenantSettings {
            name_sq: format!("Bashkia {}", if slug == "elbasan" { "Elbasan" } else { "Tiranë" }),
            name_en: format!(
                "Municipality of {}",
                if slug == "elbasan" { "Elbasan" } else { "Tirana" }
            ),
            time_zone: "Europe/Tirane".into(),
            contact_email: format!("ogp@{slug}.test"),
            logo_url: None,
            privacy_sq: "Njoftimi i privatësisë".into(),
            privacy_en: "Privacy notice".into(),
            admin_units: "Elbasan\nShirgjan\nGracen".into(),
            ..TenantSettings::default()
        },
        is_default: default,
        hosts: vec![format!("{slug}.test")],
    }
}

impl TestApp {
    /// `default_tenant`: whether Elbasan answers for unknown host names.
    pub async fn new(db: &TestDb, default_tenant: bool) -> TestApp {
        let clock = Arc::new(FixedClock::new(
            Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).single().expect("date"),
        ));
        let store = db.store.clone();
        let services = Services::new(store.clone(), clock.clone(), "http://elbasan.test");
        let system = AuditCtx {
            tenant: None,
            actor: None,
            at: clock_now(&clock),
            request_id: None,
        };
        let elbasan = store
            .create_tenant(&tenant("elbasan", default_tenant), &system)
            .await
            .expect("tenant");
        let tirana = store
            .create_tenant(&tenant("tirana", false), &system)
            .await
            .expect("tenant");
        let config = WebConfig {
            base_url: "http://elbasan.test".into(),
            body_limit_bytes: 64 * 1024,
            attachment_max_bytes: 256 * 1024,
            write_rate_per_second: 1000,
            trusted_proxies: Vec::new(),
            page_cache_seconds: 5,
        };
        let router = web::router(AppState::new(services.clone(), config));
        let server = TestServer::new(router.clone());
        TestApp {
            server,
            router,
            store,
            clock,
            services,
            elbasan,
            tirana,
            label: db.label,
        }
    }

    pub fn now(&self) -> chrono::DateTime<Utc> {
        clock_now(&self.clock)
    }

    pub fn advance(&self, by: Duration) {
        self.clock.advance(by);
    }

    /// A verified account with `roles` in `tenant`, and a session token for it.
    pub async fn user_in(&self, tenant: TenantId, email: &str, roles: &[Role]) -> (UserId, String) {
        let hash = self.services.hasher.hash(PASSWORD).await.expect("hash");
        let email = Email::parse("email", email).expect("email");
        let ctx = AuditCtx {
            tenant: Some(tenant),
            actor: None,
            at: self.now(),
            request_id: None,
        };
        let id = self
            .store
            .create_verified_user(tenant, &email, "Arbër Çela", &hash, Lang::Sq, roles, &ctx)
            .await
            .expect("user");
        let (token, hash) = tokens::new_token();
        self.store
            .create_session(tenant, id, &hash, self.now() + Duration::days(60), &ctx)
            .await
            .expect("session");
        (id, token)
    }

    pub async fn user(&self, role: Role) -> (UserId, String) {
        let roles: Vec<Role> = if role == Role::Participant { vec![] } else { vec![role] };
        self.user_in(self.elbasan, &format!("{}@example.org", role.key()), &roles)
            .await
    }

    pub async fn get(&self, path: &str, session: Option<&str>) -> TestResponse {
        let mut req = self.server.get(path);
        if let Some(token) = session {
            req = req.add_header("cookie", format!("session={token}"));
        }
        req.await
    }

    pub async fn post(&self, path: &str, session: Option<&str>, form: &[(&str, &str)]) -> TestResponse {
        let mut req = self.server.post(path).form(&form);
        if let Some(token) = session {
            req = req.add_header("cookie", format!("session={token}"));
        }
        req.await
    }

    /// The newest queued e-mail to `to` in Elbasan.
    pub async fn last_mail_to(&self, to: &str) -> Option<OutboxRow> {
        self.store
            .list_outbox(self.elbasan, None, 100)
            .await
            .expect("outbox")
            .into_iter()
            .find(|m| m.recipient == to)
    }

    pub async fn mails_to(&self, to: &str) -> usize {
        self.store
            .list_outbox(self.elbasan, None, 1000)
            .await
            .expect("outbox")
            .iter()
            .filter(|m| m.recipient == to)
            .count()
    }
}

fn clock_now(clock: &FixedClock) -> chrono::DateTime<Utc> {
    use services::Clock;
    clock.now()
}

/// The token of the first link to `path` in a mail body.
pub fn link_token(body: &str, path: &str) -> String {
    let marker = format!("{path}?token=");
    let start = body.find(&marker).unwrap_or_else(|| panic!("no {path} link in {body}")) + marker.len();
    body[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

/// The session token set by a log-in response.
pub fn session_cookie(response: &TestResponse) -> Option<String> {
    response
        .iter_headers_by_name("set-cookie")
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("session="))
        .map(|v| {
            v.trim_start_matches("session=")
                .split(';')
                .next()
                .unwrap_or("")
                .to_owned()
        })
        .filter(|t| !t.is_empty())
}

pub fn location(response: &TestResponse) -> String {
    response
        .maybe_header("location")
        .and_then(|v| v.to_str().ok().map(str::to_owned))
        .unwrap_or_default()
}

/// What a route × role table expects of one visitor, when the visitor is not a link holder.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Expect {
    /// The route runs: a page, a redirect other than to log in, or the form again (422) on POST.
    Allowed,
    /// Refused: anonymous visitors are sent to log in (401 on the API), others get 403.
    Refused,
    /// The object does not exist for this visitor: anonymous visitors are sent to log in, others
    /// get 404.
    Hidden,
}

/// Checks one answer against `expect`; `None` when right, else what went wrong. The one rule the
/// stages' route tables share (`forum_routes.rs`, `input_routes.rs`).
pub fn route_verdict(
    response: &TestResponse,
    method: &str,
    path: &str,
    signed_in: bool,
    expect: Expect,
    what: &str,
) -> Option<String> {
    let status = response.status_code();
    let to_login = status == axum::http::StatusCode::SEE_OTHER && location(response).starts_with("/login?next=");
    match expect {
        Expect::Allowed => {
            let ran = (status.is_success() || status.is_redirection()) && !to_login
                || (method == "POST" && status == axum::http::StatusCode::UNPROCESSABLE_ENTITY);
            (!ran).then(|| format!("should be allowed: {what}"))
        }
        _ if !signed_in => {
            let ok = if path.starts_with("/api/") {
                status == axum::http::StatusCode::UNAUTHORIZED
            } else {
                to_login
            };
            (!ok).then(|| format!("anonymous should be sent to log in: {what}"))
        }
        Expect::Hidden => {
            (status != axum::http::StatusCode::NOT_FOUND).then(|| format!("should be hidden (404): {what}"))
        }
        Expect::Refused => {
            (status != axum::http::StatusCode::FORBIDDEN).then(|| format!("should be forbidden: {what}"))
        }
    }
}
