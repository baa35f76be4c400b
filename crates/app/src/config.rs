//! Configuration: built-in defaults, then an optional TOML file, then `BASHKE_*` environment
//! variables. Every setting has a working default, so `bashke serve` runs with none. A bad
//! setting is reported with its name, its value and where it came from.

use std::{
    net::{IpAddr, SocketAddr},
    path::PathBuf,
};

use figment::{
    Figment,
    providers::{Env, Format, Serialized, Toml},
};
use serde::{Deserialize, Serialize};

/// The settings table printed by `bashke --help`.
pub const SETTINGS_HELP: &str = "\
SETTINGS (environment variable, or the same name in lower case in the TOML file given by --config
or BASHKE_CONFIG; default in brackets):
  BASHKE_LISTEN                 address to listen on [127.0.0.1:8080]
  BASHKE_DATA_DIR               folder for the SQLite database and the .eml outbox [./data]
  BASHKE_DATABASE_URL           sqlite://PATH or postgres://USER@HOST/DB [sqlite://DATA_DIR/bashke.db]
  BASHKE_BASE_URL               public address used in e-mailed links; https:// makes cookies Secure
                                [http://LISTEN]
  BASHKE_BODY_LIMIT_BYTES       largest request body accepted [1048576]
  BASHKE_ATTACHMENT_MAX_BYTES   largest file attached to an application (PDF or image) [10485760]
  BASHKE_WRITE_RATE_PER_SECOND  form posts per client address per second, 0 = off [10]
  BASHKE_TRUSTED_PROXIES        comma-separated proxy addresses whose X-Forwarded-For is believed []
  BASHKE_PAGE_CACHE_SECONDS     how long an anonymous visitor's public page, feed or API answer is
                                kept and reused (also max-age for proxies); 0 = off [5]
  BASHKE_HEADER_TIMEOUT_SECONDS a connection that sends no complete request head within this time
                                (a silent one, a slow one, an idle keep-alive one) is closed [15]
  BASHKE_METRICS_LISTEN         address of a separate listener serving /metrics (Prometheus);
                                empty = no metrics served []
  BASHKE_LOG_FORMAT             text or json [text]
  BASHKE_LOG                    log levels, e.g. debug or info,sqlx=warn [info,sqlx=warn,tower_http=info]
  BASHKE_MAIL_FROM              sender of e-mails [bashke <noreply@localhost>]
  BASHKE_SMTP_HOST              SMTP server; when empty, mail is written as .eml files into
                                DATA_DIR/mail []
  BASHKE_SMTP_PORT              [587]
  BASHKE_SMTP_USERNAME          []
  BASHKE_SMTP_PASSWORD          []
  BASHKE_SMTP_SECURITY          starttls, tls, or none (local relay only) [starttls]";

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    pub listen: String,
    pub data_dir: PathBuf,
    pub database_url: String,
    pub base_url: String,
    pub body_limit_bytes: usize,
    pub attachment_max_bytes: usize,
    pub write_rate_per_second: u32,
    pub trusted_proxies: String,
    pub header_timeout_seconds: u64,
    pub page_cache_seconds: u64,
    pub metrics_listen: String,
    pub log_format: String,
    pub mail_from: String,
    pub smtp_host: String,
    pub smtp_port: u16,
    pub smtp_username: String,
    #[serde(skip_serializing)]
    pub smtp_password: Secret,
    pub smtp_security: String,
}

/// A value that never appears in logs or debug output.
#[derive(Clone, Default, Deserialize)]
#[serde(transparent)]
pub struct Secret(pub String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_empty() { "\"\"" } else { "\"***\"" })
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            listen: "127.0.0.1:8080".into(),
            data_dir: PathBuf::from("./data"),
            database_url: String::new(),
            base_url: String::new(),
            body_limit_bytes: 1024 * 1024,
            attachment_max_bytes: 10 * 1024 * 1024,
            write_rate_per_second: 10,
            trusted_proxies: String::new(),
            header_timeout_seconds: 15,
            page_cache_seconds: 5,
            metrics_listen: String::new(),
            log_format: "text".into(),
            mail_from: "bashke <noreply@localhost>".into(),
            smtp_host: String::new(),
            smtp_port: 587,
            smtp_username: String::new(),
            smtp_password: Secret::default(),
            smtp_security: "starttls".into(),
        }
    }
}

/// The checked configuration.
#[derive(Debug, Clone)]
pub struct Settings {
    pub raw: Config,
    pub listen: SocketAddr,
    pub database_url: String,
    pub base_url: String,
    pub trusted_proxies: Vec<IpAddr>,
    pub metrics_listen: Option<SocketAddr>,
}

impl Config {
    pub fn load(file: Option<&PathBuf>) -> anyhow::Result<Settings> {
        let mut figment = Figment::from(Serialized::defaults(Config::default()));
        if let Some(file) = file {
            if !file.exists() {
                anyhow::bail!("configuration file {} does not exist", file.display());
            }
            figment = figment.merge(Toml::file(file));
        }
        let figment =
            figment.merge(Env::prefixed("BASHKE_").ignore(&["CONFIG", "TEST_POSTGRES_URL", "ADMIN_PASSWORD", "LOG"]));
        let raw: Config = figment.extract().map_err(|e| anyhow::anyhow!("bad setting: {e}"))?;
        let bad = |key: &str, value: &str, why: &str| -> anyhow::Error {
            let source = figment
                .find_metadata(key)
                .map(|m| {
                    if m.name.contains("environment") {
                        format!("environment variable BASHKE_{}", key.to_uppercase())
                    } else {
                        match &m.source {
                            Some(s) => format!("{} ({s})", m.name),
                            None => m.name.to_string(),
                        }
                    }
                })
                .unwrap_or_else(|| "default".into());
            anyhow::anyhow!("bad setting {key} = {value:?} from {source}: {why}")
        };
        let listen: SocketAddr = raw
            .listen
            .parse()
            .map_err(|_| bad("listen", &raw.listen, "expected an address like 127.0.0.1:8080"))?;
        let database_url = if raw.database_url.is_empty() {
            format!("sqlite://{}", raw.data_dir.join("bashke.db").display())
        } else {
            raw.database_url.clone()
        };
        if store::BackendKind::of_url(&database_url).is_none() {
            return Err(bad(
                "database_url",
                &database_url,
                "expected sqlite://PATH or postgres://…",
            ));
        }
        let base_url = if raw.base_url.is_empty() {
            format!("http://{listen}")
        } else {
            raw.base_url.trim_end_matches('/').to_owned()
        };
        if !(base_url.starts_with("http://") || base_url.starts_with("https://")) {
            return Err(bad("base_url", &raw.base_url, "expected http://… or https://…"));
        }
        if !["text", "json"].contains(&raw.log_format.as_str()) {
            return Err(bad("log_format", &raw.log_format, "expected text or json"));
        }
        if !["starttls", "tls", "none"].contains(&raw.smtp_security.as_str()) {
            return Err(bad(
                "smtp_security",
                &raw.smtp_security,
                "expected starttls, tls or none",
            ));
        }
        if raw.mail_from.parse::<lettre::message::Mailbox>().is_err() {
            return Err(bad(
                "mail_from",
                &raw.mail_from,
                "expected an address like Name <name@example.org>",
            ));
        }
        let trusted_proxies = raw
            .trusted_proxies
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| {
                s.parse::<IpAddr>()
                    .map_err(|_| bad("trusted_proxies", s, "expected IP addresses separated by commas"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        if !(1..=600).contains(&raw.header_timeout_seconds) {
            return Err(bad(
                "header_timeout_seconds",
                &raw.header_timeout_seconds.to_string(),
                "expected a number of seconds from 1 to 600",
            ));
        }
        if raw.page_cache_seconds > 3600 {
            return Err(bad(
                "page_cache_seconds",
                &raw.page_cache_seconds.to_string(),
                "expected a number of seconds from 0 (off) to 3600",
            ));
        }
        let metrics_listen = match raw.metrics_listen.trim() {
            "" => None,
            addr => Some(addr.parse::<SocketAddr>().map_err(|_| {
                bad(
                    "metrics_listen",
                    addr,
                    "expected an address like 127.0.0.1:9090, or nothing",
                )
            })?),
        };
        Ok(Settings {
            listen,
            database_url,
            base_url,
            trusted_proxies,
            metrics_listen,
            raw,
        })
    }
}

#[cfg(test)]
#[allow(clippy::result_large_err)] // figment's Jail decides the error type
mod tests {
    use super::*;

    #[test]
    fn defaults_need_no_setting() {
        figment::Jail::expect_with(|_jail| {
            let s = Config::load(None).map_err(|e| e.to_string())?;
            assert_eq!(s.listen.to_string(), "127.0.0.1:8080");
            assert_eq!(s.database_url, "sqlite://./data/bashke.db");
            assert_eq!(s.base_url, "http://127.0.0.1:8080");
            Ok(())
        });
    }

    #[test]
    fn a_bad_setting_names_itself_its_value_and_its_source() {
        figment::Jail::expect_with(|jail| {
            jail.set_env("BASHKE_LISTEN", "not-an-address");
            let err = Config::load(None).expect_err("bad listen").to_string();
            assert!(
                err.contains("listen") && err.contains("not-an-address") && err.contains("BASHKE_LISTEN"),
                "{err}"
            );
            jail.set_env("BASHKE_LISTEN", "127.0.0.1:9000");
            jail.set_env("BASHKE_SMTP_PORT", "many");
            let err = Config::load(None).expect_err("bad port").to_string();
            assert!(
                err.to_lowercase().contains("smtp_port") && err.contains("many") && err.contains("BASHKE_"),
                "{err}"
            );
            Ok(())
        });
    }

    #[test]
    fn a_file_is_read_and_the_environment_wins() {
        figment::Jail::expect_with(|jail| {
            jail.create_file(
                "bashke.toml",
                "listen = \"127.0.0.1:9001\"\ndatabase_url = \"postgres://db/bashke\"\nbase_url = \"ftp://x\"",
            )?;
            let err = Config::load(Some(&PathBuf::from("bashke.toml")))
                .expect_err("bad base url")
                .to_string();
            assert!(err.contains("base_url") && err.contains("bashke.toml"), "{err}");
            jail.set_env("BASHKE_BASE_URL", "https://ogp.elbasani.gov.al/");
            let s = Config::load(Some(&PathBuf::from("bashke.toml"))).map_err(|e| e.to_string())?;
            assert_eq!(s.listen.to_string(), "127.0.0.1:9001");
            assert_eq!(s.base_url, "https://ogp.elbasani.gov.al");
            assert!(s.database_url.starts_with("postgres://"));
            Ok(())
        });
    }
}
