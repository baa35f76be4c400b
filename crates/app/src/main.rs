//! `bashke`: the one binary. See `bashke --help`.

mod config;
mod demo;
mod load;
mod load_commitments;
mod load_forum;
mod load_input;
mod measure_diff;

use std::{path::PathBuf, sync::Arc, time::Instant};

use clap::{Parser, Subcommand};
use config::{Config, SETTINGS_HELP, Settings};
use domain::{Email, Lang, NewPassword, Role};
use services::{
    Clock, Services, SystemClock,
    mailer::{Mailer, SmtpSettings, Transport},
};
use store::{AuditCtx, Store};
use tokio::sync::watch;

#[derive(Parser)]
#[command(name = "bashke", version, about = "Open-government co-creation for municipalities (OGP Local).", after_help = SETTINGS_HELP)]
struct Cli {
    /// Optional TOML file with settings (also BASHKE_CONFIG).
    #[arg(long, global = true, env = "BASHKE_CONFIG")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the site.
    Serve,
    /// Create a demo database in the data folder if there is none, print the demo accounts, serve.
    Demo,
    /// Apply database migrations and exit.
    Migrate,
    /// Create a platform administrator (password from BASHKE_ADMIN_PASSWORD or standard input).
    CreateAdmin {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// Tenant slug; the default tenant when omitted.
        #[arg(long)]
        tenant: Option<String>,
    },
    /// Write a consistent copy of the SQLite database to PATH while the server runs.
    Backup { path: PathBuf },
    /// Print the JSON API's OpenAPI 3.1 document (the one served at /api/openapi.json).
    Openapi,
    /// Import an OGP commitments CSV (OGP's 171 columns) into the library, in one transaction,
    /// as the coordinator's import page does; prints the report's summary. Exits with 1 when the
    /// file is refused (not UTF-8, wrong columns, empty, over 20 MB).
    ImportCommitments {
        file: PathBuf,
        /// Tenant slug; the default tenant when omitted.
        #[arg(long)]
        tenant: Option<String>,
    },
    /// Erase the personal data of applications that were not selected, once the municipality's
    /// retention period after the call's outcome is over (the server also does it hourly).
    PurgeApplications,
    /// For benchmarks: add a call with N submitted applications, each reviewed three times, to
    /// the default municipality (run `bashke demo` once first). Prints the call's id.
    #[command(hide = true)]
    GenerateLoad {
        #[arg(long, default_value_t = 10_000)]
        applications: usize,
    },
    /// For benchmarks: add members, meetings and decisions (in published minutes) to the default
    /// municipality's forum (run `bashke demo` once first). Prints a held public meeting's id.
    #[command(hide = true)]
    GenerateForumLoad {
        #[arg(long, default_value_t = 200)]
        members: usize,
        #[arg(long, default_value_t = 1_000)]
        meetings: usize,
        #[arg(long, default_value_t = 5_000)]
        decisions: usize,
    },
    /// For benchmarks: add inputs, supports and comments to the default municipality's newest
    /// input phase (run `bashke demo` once first). Prints the id of an input with 200 comments.
    #[command(hide = true)]
    GenerateInputLoad {
        #[arg(long, default_value_t = 100_000)]
        inputs: usize,
        #[arg(long, default_value_t = 1_000_000)]
        supports: usize,
        #[arg(long, default_value_t = 300_000)]
        comments: usize,
    },
    /// For benchmarks: add N imported commitments (OGP's shared file repeated with new
    /// identifiers and words) to the default municipality's library (run `bashke demo` once
    /// first). Prints what the benchmark requests: the tenant, the count and words to search.
    #[command(hide = true)]
    GenerateCommitmentsLoad {
        #[arg(long, default_value_t = 10_000)]
        commitments: usize,
    },
    /// For benchmarks: compute (and store) the similarity proposals of the default municipality's
    /// newest input phase, as "propose groups now" does, and print the time and peak memory.
    #[command(hide = true)]
    MeasureGrouping,
    /// For benchmarks: time the word diff of two versions of a commitment of N words each.
    #[command(hide = true)]
    MeasureDiff {
        #[arg(long, default_value_t = 5_000)]
        words: usize,
    },
}

fn init_logging(settings: &Settings) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("BASHKE_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn,tower_http=info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if settings.raw.log_format == "json" {
        builder.json().init();
    } else {
        builder.init();
    }
}

async fn open_store(settings: &Settings) -> anyhow::Result<Store> {
    if settings.database_url.starts_with("sqlite:") {
        std::fs::create_dir_all(&settings.raw.data_dir)?;
    }
    let store = Store::connect(&settings.database_url).await?;
    store.migrate().await?;
    Ok(store)
}

#[tokio::main]
async fn main() {
    let started = Instant::now();
    let cli = Cli::parse();
    let settings = match Config::load(cli.config.as_ref()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("bashke: {e}");
            std::process::exit(2);
        }
    };
    init_logging(&settings);
    if let Err(e) = run(cli.command, settings, started).await {
        eprintln!("bashke: {e:#}");
        std::process::exit(1);
    }
}

async fn run(command: Command, settings: Settings, started: Instant) -> anyhow::Result<()> {
    match command {
        Command::Serve => serve(settings, false, started).await,
        Command::Demo => serve(settings, true, started).await,
        Command::Migrate => {
            open_store(&settings).await?;
            println!("Database is up to date ({}).", redact(&settings.database_url));
            Ok(())
        }
        Command::CreateAdmin { email, name, tenant } => create_admin(&settings, &email, &name, tenant.as_deref()).await,
        Command::GenerateLoad { applications } => {
            let store = open_store(&settings).await?;
            let services = Services::new(store, Arc::new(SystemClock), &settings.base_url);
            let started = Instant::now();
            let call = load::generate(&services, applications).await?;
            eprintln!(
                "generated {applications} applications in {:.1} s",
                started.elapsed().as_secs_f64()
            );
            println!("{call}");
            Ok(())
        }
        Command::GenerateForumLoad {
            members,
            meetings,
            decisions,
        } => {
            let store = open_store(&settings).await?;
            let services = Services::new(store, Arc::new(SystemClock), &settings.base_url);
            let started = Instant::now();
            let load = load_forum::generate(&services, members, meetings, decisions).await?;
            eprintln!("generated the forum's load in {:.1} s", started.elapsed().as_secs_f64());
            println!("{}", load.meeting_with_minutes.0);
            Ok(())
        }
        Command::GenerateInputLoad {
            inputs,
            supports,
            comments,
        } => {
            let store = open_store(&settings).await?;
            let services = Services::new(store, Arc::new(SystemClock), &settings.base_url);
            let started = Instant::now();
            let load = load_input::generate(&services, inputs, supports, comments).await?;
            eprintln!("generated the input load in {:.1} s", started.elapsed().as_secs_f64());
            println!("{}", load.discussed);
            Ok(())
        }
        Command::GenerateCommitmentsLoad { commitments } => {
            let store = open_store(&settings).await?;
            let services = Services::new(store, Arc::new(SystemClock), &settings.base_url);
            let started = Instant::now();
            let load = load_commitments::generate(&services, commitments).await?;
            eprintln!(
                "generated {} commitments in {:.1} s",
                load.written,
                started.elapsed().as_secs_f64()
            );
            // One `key=value` a line, for bench scripts.
            println!("tenant={}", load.tenant_slug);
            println!("written={}", load.written);
            println!("public={}", load.public);
            println!("rare_word={}", load_commitments::RARE_WORD);
            println!("rare_hits={}", load.written.div_ceil(100));
            println!("common_word={}", load_commitments::COMMON_WORD);
            Ok(())
        }
        Command::MeasureGrouping => {
            let store = open_store(&settings).await?;
            let services = Services::new(store, Arc::new(SystemClock), &settings.base_url);
            load_input::measure_grouping(&services).await
        }
        Command::MeasureDiff { words } => measure_diff::measure_diff(words),
        Command::Openapi => {
            println!("{}", serde_json::to_string_pretty(&web::api::openapi())?);
            Ok(())
        }
        Command::ImportCommitments { file, tenant } => import_commitments(&settings, &file, tenant.as_deref()).await,
        Command::PurgeApplications => {
            let store = open_store(&settings).await?;
            let n = store.purge_unselected(SystemClock.now()).await?;
            println!("Personal data erased from {n} application(s).");
            Ok(())
        }
        Command::Backup { path } => {
            if store::BackendKind::of_url(&settings.database_url) == Some(store::BackendKind::Postgres) {
                anyhow::bail!("online backup is for SQLite; for PostgreSQL use pg_dump -Fc (and pg_restore)");
            }
            let store = Store::connect(&settings.database_url).await?;
            store.backup_sqlite(&path).await?;
            println!("Backup written to {}.", path.display());
            Ok(())
        }
    }
}

/// `bashke import-commitments`: the coordinator's import use case, with the machine's operator
/// acting (audited without a person), and its report on standard output.
async fn import_commitments(settings: &Settings, file: &std::path::Path, tenant: Option<&str>) -> anyhow::Result<()> {
    use services::commitments::ogp::{IMPORT_MAX_BYTES, ImportOutcome};
    // The length first: a 100 MB file is refused without being read.
    let len = std::fs::metadata(file)
        .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?
        .len();
    if len > IMPORT_MAX_BYTES as u64 {
        anyhow::bail!(
            "{}: the file is larger than {} MB; an OGP commitments CSV is a few MB",
            file.display(),
            IMPORT_MAX_BYTES / (1024 * 1024)
        );
    }
    let bytes = std::fs::read(file).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    let store = open_store(settings).await?;
    let tenant = match tenant {
        Some(slug) => store
            .tenant_by_slug(slug)
            .await?
            .ok_or_else(|| anyhow::anyhow!("no tenant with slug {slug}"))?,
        None => store
            .resolve_tenant("")
            .await?
            .ok_or_else(|| anyhow::anyhow!("no default tenant; pass --tenant"))?,
    };
    let services = Services::new(store, Arc::new(SystemClock), &settings.base_url);
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "commitments.csv".into());
    let started = Instant::now();
    match services
        .import_commitments_as(&tenant, None, Some("cli"), &name, &bytes)
        .await?
    {
        ImportOutcome::Refused(r) => {
            let mut why = match r.code {
                "ogp_file_too_large" => format!("the file is larger than {} MB", IMPORT_MAX_BYTES / (1024 * 1024)),
                "ogp_file_not_utf8" => "the file is not UTF-8: save it as \"CSV UTF-8\" and try again".to_owned(),
                "ogp_file_empty" => "the file is empty".to_owned(),
                "ogp_file_columns" => "the columns are not those of OGP's commitments CSV".to_owned(),
                other => other.to_owned(),
            };
            if let Some(line) = r.line {
                why.push_str(&format!(" (first byte that is not UTF-8 on line {line})"));
            }
            if !r.missing.is_empty() {
                why.push_str(&format!("; missing: {}", r.missing.join(" | ")));
            }
            if !r.unknown.is_empty() {
                why.push_str(&format!("; not OGP's: {}", r.unknown.join(" | ")));
            }
            if r.more > 0 {
                why.push_str(&format!("; and {} more", r.more));
            }
            anyhow::bail!("{}: refused, nothing imported: {why}", file.display())
        }
        ImportOutcome::Imported { id, report } => {
            println!(
                "Imported {} of {} rows into {} in {:.2} s ({} replaced an earlier import).",
                report.imported,
                report.rows_read,
                tenant.slug,
                started.elapsed().as_secs_f64(),
                report.replaced
            );
            println!("Skipped: {}", report.skipped.len());
            for s in &report.skipped {
                println!("  row {} {}: {:?}", s.row, s.identifier, s.reason);
            }
            println!(
                "Codes that contradicted their label (the label is kept): {}",
                report.mismatches.len()
            );
            println!("Date cells without a date (kept as text): {}", report.undated.len());
            println!(
                "Report: {}/admin/commitments/imports/{id}",
                settings.base_url.trim_end_matches('/')
            );
            Ok(())
        }
    }
}

/// Hides a password in a database URL before printing it.
fn redact(url: &str) -> String {
    match (url.find("://"), url.find('@')) {
        (Some(s), Some(at)) if url[s + 3..at].contains(':') => {
            let user_end = s + 3 + url[s + 3..at].find(':').unwrap_or(0);
            format!("{}:***{}", &url[..user_end], &url[at..])
        }
        _ => url.to_owned(),
    }
}

async fn create_admin(settings: &Settings, email: &str, name: &str, tenant: Option<&str>) -> anyhow::Result<()> {
    let store = open_store(settings).await?;
    let tenant = match tenant {
        Some(slug) => store
            .tenant_by_slug(slug)
            .await?
            .ok_or_else(|| anyhow::anyhow!("no tenant with slug {slug}"))?,
        None => store
            .resolve_tenant("")
            .await?
            .ok_or_else(|| anyhow::anyhow!("no default tenant; pass --tenant"))?,
    };
    let email = Email::parse("email", email).map_err(|e| anyhow::anyhow!("email: {}", e.code))?;
    let password = match std::env::var("BASHKE_ADMIN_PASSWORD") {
        Ok(p) => p,
        Err(_) => {
            eprint!("Password for {email}: ");
            let mut line = String::new();
            std::io::stdin().read_line(&mut line)?;
            line.trim_end_matches(['\n', '\r']).to_owned()
        }
    };
    let password = NewPassword::parse("password", &password).map_err(|e| anyhow::anyhow!("password: {}", e.code))?;
    let services = Services::new(store.clone(), Arc::new(SystemClock), &settings.base_url);
    let hash = services.hasher.hash(password.expose()).await?;
    let ctx = AuditCtx {
        tenant: Some(tenant.id()),
        actor: None,
        at: services.clock.now(),
        request_id: Some("cli".into()),
    };
    let id = store
        .create_verified_user(
            tenant.id(),
            &email,
            name,
            &hash,
            Lang::Sq,
            &[Role::PlatformAdmin, Role::Coordinator],
            &ctx,
        )
        .await
        .map_err(|e| match e {
            store::StoreError::Conflict { .. } => anyhow::anyhow!("an account with {email} exists already"),
            other => other.into(),
        })?;
    println!("Created platform administrator {email} (user {id}) in {}.", tenant.slug);
    Ok(())
}

async fn serve(settings: Settings, demo: bool, started: Instant) -> anyhow::Result<()> {
    let store = open_store(&settings).await?;
    let services = Services::new(store.clone(), Arc::new(SystemClock), &settings.base_url);
    if demo && demo::seed(&services).await? {
        tracing::info!("demo data created");
    }
    let metrics = match settings.metrics_listen {
        Some(_) => metrics_exporter_prometheus::PrometheusBuilder::new()
            .install_recorder()
            .ok(),
        None => None,
    };
    let transport = if settings.raw.smtp_host.is_empty() {
        Transport::files(settings.raw.data_dir.join("mail"))?
    } else {
        Transport::smtp(&SmtpSettings {
            host: settings.raw.smtp_host.clone(),
            port: settings.raw.smtp_port,
            username: Some(settings.raw.smtp_username.clone()).filter(|u| !u.is_empty()),
            password: Some(settings.raw.smtp_password.0.clone()).filter(|p| !p.is_empty()),
            security: settings.raw.smtp_security.clone(),
        })?
    };
    let (stop_tx, stop_rx) = watch::channel(false);
    let mailer = Mailer {
        store: store.clone(),
        clock: services.clock.clone(),
        transport,
        from: settings.raw.mail_from.parse()?,
    };
    let worker = tokio::spawn(mailer.run(stop_rx.clone()));
    tokio::spawn(services.clone().meeting_reminders(stop_rx.clone()));
    tokio::spawn(services.clone().input_digests(stop_rx.clone()));
    tokio::spawn(purge_expired(store.clone(), services.clock.clone(), stop_rx));

    let web_config = web::WebConfig {
        base_url: settings.base_url.clone(),
        body_limit_bytes: settings.raw.body_limit_bytes,
        attachment_max_bytes: settings.raw.attachment_max_bytes,
        write_rate_per_second: settings.raw.write_rate_per_second,
        trusted_proxies: settings.trusted_proxies.clone(),
        page_cache_seconds: settings.raw.page_cache_seconds,
    };
    let header_timeout = std::time::Duration::from_secs(settings.raw.header_timeout_seconds);
    let app = web::router(web::AppState::new(services, web_config));
    let listener = tokio::net::TcpListener::bind(settings.listen).await?;
    let address = listener.local_addr()?;
    tracing::info!(%address, database = %redact(&settings.database_url), startup_ms = started.elapsed().as_millis() as u64, "listening");
    if demo {
        print_demo_banner(&settings, address);
    }
    // Metrics on their own listener, if asked for: what is reachable there is the operator's
    // choice (a loopback or internal address), not the public site's.
    let (metrics_stop_tx, metrics_stop_rx) = watch::channel(false);
    let metrics_server = match (settings.metrics_listen, metrics) {
        (Some(addr), Some(handle)) => {
            let metrics_listener = tokio::net::TcpListener::bind(addr).await?;
            tracing::info!(address = %metrics_listener.local_addr()?, "metrics listening");
            let router = web::metrics::metrics_router(store.clone(), handle);
            let mut stop = metrics_stop_rx;
            Some(tokio::spawn(web::server::serve(
                metrics_listener,
                router,
                header_timeout,
                async move {
                    let _ = stop.changed().await;
                },
            )))
        }
        _ => None,
    };
    web::server::serve(listener, app, header_timeout, shutdown_signal()).await?;
    let _ = metrics_stop_tx.send(true);
    if let Some(task) = metrics_server {
        let _ = task.await;
    }
    // Requests in flight have finished; let the outbox worker finish its batch, then close.
    let _ = stop_tx.send(true);
    let _ = worker.await;
    store.close().await;
    tracing::info!("stopped");
    Ok(())
}

fn print_demo_banner(settings: &Settings, address: std::net::SocketAddr) {
    println!();
    println!("  bashke demo: Bashkia Elbasan");
    println!(
        "  Open {}  (English: {}/?lang=en)",
        settings.base_url, settings.base_url
    );
    println!(
        "  Listening on {address}; e-mails are written to {}",
        settings.raw.data_dir.join("mail").display()
    );
    println!();
    println!("  Demo accounts (password for all: {})", demo::DEMO_PASSWORD);
    for account in &demo::ACCOUNTS {
        println!("    {:<16} {}", account.role.key(), account.email);
    }
    println!();
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {}
        _ = terminate => {}
    }
    tracing::info!("shutting down");
}

/// Removes expired sessions and one-time links every hour (any instance may do it).
async fn purge_expired(store: Store, clock: Arc<dyn services::Clock>, mut stop: watch::Receiver<bool>) {
    loop {
        match store.purge_unselected(clock.now()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(applications = n, "personal data of unselected applications erased"),
            Err(e) => tracing::warn!(error = %e, "retention purge failed"),
        }
        match store.purge_expired(clock.now()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(rows = n, "expired sessions and links removed"),
            Err(e) => tracing::warn!(error = %e, "purging expired sessions failed"),
        }
        match store.purge_expired_pending_inputs(clock.now()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(rows = n, "waiting inputs with an expired link erased"),
            Err(e) => tracing::warn!(error = %e, "erasing waiting inputs failed"),
        }
        tokio::select! {
            _ = tokio::time::sleep(std::time::Duration::from_secs(3600)) => {}
            _ = stop.changed() => return,
        }
    }
}
