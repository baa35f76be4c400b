//! The storage layer: every SQL statement of bashke lives in this crate.
//!
//! [`Store`] wraps either an SQLite or a PostgreSQL pool. Statements are written once, in the
//! subset both dialects accept (`$N` parameters, `RETURNING`, `ON CONFLICT`, `LIMIT/OFFSET`), and
//! the [`read!`] and [`write!`] macros expand each method body once per backend, so that each
//! copy is type-checked against its own driver. Methods are shaped by the business
//! (`sign_up`, `claim_due_mail`), never generic query builders.
//!
//! Allowed differences between the backends, and the only ones:
//!
//! | concern            | SQLite                                  | PostgreSQL                        |
//! |--------------------|-----------------------------------------|-----------------------------------|
//! | ids                | `INTEGER PRIMARY KEY`                   | `BIGINT GENERATED … AS IDENTITY`  |
//! | timestamps (UTC)   | ISO-8601 `TEXT`, written only by sqlx   | `TIMESTAMPTZ`                     |
//! | dates              | `TEXT`                                  | `DATE`                            |
//! | write transactions | `BEGIN IMMEDIATE` on a 1-connection pool| `BEGIN`                           |
//! | unique violations  | message names `table.column`            | constraint name `uq_table__col`   |
//!
//! Every write method takes an [`AuditCtx`] and records an audit row in the same transaction,
//! so a change of state without its audit entry cannot be written.

pub mod common;
pub mod content;
pub mod open_call;
pub mod people;
pub mod platform;
pub mod testing;

use std::{path::Path, str::FromStr, time::Duration};

pub use common::{
    audit::{AuditCtx, AuditFilter, AuditRow},
    error::StoreError,
    outbox::{NewMail, OutboxRow},
};
pub use content::{CycleRow, NewsInput, NewsItem, PhaseInput, TimelinePhase};
pub use open_call::{
    applications::{ApplicationInput, ApplicationRow, NewApplication, StatusCount, WorkRow},
    calls::{CallInput, CallRow, CriterionInput, CriterionRow, Drafter},
    export::ExportRow,
    files::{AttachmentRef, FileMeta, NewFile},
    outcome::{ApplicationFact, ForumCandidateRow, OutcomeRecipient, SelectedRow},
    retention::mail_about_application,
    review::{AssignmentRow, RankFilter, RankedRow, ReviewRow, ScoreInput, ScoreRow},
};
pub use people::{
    accounts::{LoginRow, NewToken, SessionUser, TokenPurpose, TokenRow, UserRow},
    orgs::{OrgInput, OrgMemberRow, OrgRow},
    roles::PersonRow,
};
pub use platform::tenants::{NewTenant, TenantRow, TenantSettings};
use sqlx::{
    ConnectOptions,
    postgres::{PgConnectOptions, PgPool, PgPoolOptions},
    sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous},
};

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

#[derive(Clone)]
pub(crate) enum Backend {
    /// SQLite allows one writer at a time: writes go through a one-connection pool so that they
    /// queue in the application instead of failing with `SQLITE_BUSY`; reads use a wider pool.
    Sqlite {
        write: SqlitePool,
        read: SqlitePool,
    },
    Postgres(PgPool),
}

/// The database, shared by every request. Cheap to clone.
#[derive(Clone)]
pub struct Store {
    pub(crate) backend: Backend,
}

/// Expands `$body` once per backend with `$db` bound to a pool for reading.
macro_rules! read {
    ($store:expr, |$db:ident| $body:expr) => {
        match &$store.backend {
            $crate::Backend::Sqlite { read, .. } => {
                let $db = read;
                $body
            }
            $crate::Backend::Postgres(pool) => {
                let $db = pool;
                $body
            }
        }
    };
}

/// Expands `$body` once per backend inside a write transaction bound to `$tx`; commits when
/// the body succeeds, rolls back when it returns early with `?`.
macro_rules! write {
    ($store:expr, |$tx:ident| $body:expr) => {
        match &$store.backend {
            $crate::Backend::Sqlite { write, .. } => {
                let mut $tx = write.begin_with("BEGIN IMMEDIATE").await?;
                #[allow(clippy::redundant_closure_call)]
                let out = $body;
                $tx.commit().await?;
                out
            }
            $crate::Backend::Postgres(pool) => {
                let mut $tx = pool.begin().await?;
                #[allow(clippy::redundant_closure_call)]
                let out = $body;
                $tx.commit().await?;
                out
            }
        }
    };
}

/// Inserts the audit row of a write, inside its transaction.
macro_rules! audit {
    ($tx:ident, $ctx:expr, $action:expr, $entity:expr, $entity_id:expr, $before:expr, $after:expr) => {{
        let ctx: &$crate::AuditCtx = $ctx;
        let before: Option<serde_json::Value> = $before;
        let after: Option<serde_json::Value> = $after;
        sqlx::query(
            "INSERT INTO audit_log (tenant_id, actor_id, at, action, entity, entity_id, before_json, after_json, request_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(ctx.tenant.map(|t| t.0))
        .bind(ctx.actor.map(|u| u.0))
        .bind(ctx.at)
        .bind($action)
        .bind($entity)
        .bind($entity_id.to_string())
        .bind(before.map(|v| v.to_string()))
        .bind(after.map(|v| v.to_string()))
        .bind(ctx.request_id.clone())
        .execute(&mut *$tx)
        .await?;
    }};
}

pub(crate) use audit;
pub(crate) use read;
pub(crate) use write;

/// Which database a URL selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackendKind {
    Sqlite,
    Postgres,
}

impl BackendKind {
    pub fn of_url(url: &str) -> Option<BackendKind> {
        if url.starts_with("sqlite:") {
            Some(BackendKind::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(BackendKind::Postgres)
        } else {
            None
        }
    }
}

impl Store {
    /// Opens the database named by `url` (`sqlite://path` or `postgres://…`), creating an
    /// SQLite file when missing. Does not migrate: call [`Store::migrate`].
    pub async fn connect(url: &str) -> Result<Store> {
        match BackendKind::of_url(url) {
            Some(BackendKind::Sqlite) => {
                let options = SqliteConnectOptions::from_str(url)?
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Normal)
                    .foreign_keys(true)
                    .busy_timeout(Duration::from_secs(10))
                    .disable_statement_logging();
                let write = SqlitePoolOptions::new()
                    .max_connections(1)
                    .connect_with(options.clone())
                    .await?;
                let read = SqlitePoolOptions::new()
                    .max_connections(8)
                    .connect_with(options.read_only(true))
                    .await?;
                Ok(Store {
                    backend: Backend::Sqlite { write, read },
                })
            }
            Some(BackendKind::Postgres) => {
                let options = PgConnectOptions::from_str(url)?.disable_statement_logging();
                Self::connect_postgres(options).await
            }
            None => Err(StoreError::UnsupportedUrl),
        }
    }

    /// Opens PostgreSQL with explicit options (tests use this to pin a schema).
    pub async fn connect_postgres(options: PgConnectOptions) -> Result<Store> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await?;
        Ok(Store {
            backend: Backend::Postgres(pool),
        })
    }

    pub fn kind(&self) -> BackendKind {
        match self.backend {
            Backend::Sqlite { .. } => BackendKind::Sqlite,
            Backend::Postgres(_) => BackendKind::Postgres,
        }
    }

    /// Applies the migrations embedded in the binary.
    pub async fn migrate(&self) -> Result<()> {
        match &self.backend {
            Backend::Sqlite { write, .. } => sqlx::migrate!("./migrations/sqlite").run(write).await?,
            Backend::Postgres(pool) => sqlx::migrate!("./migrations/postgres").run(pool).await?,
        }
        Ok(())
    }

    /// `true` when the database answers a trivial query (used by `/healthz`).
    pub async fn ping(&self) -> bool {
        let result: Result<i64> = read!(self, |db| {
            sqlx::query_scalar::<_, i64>("SELECT CAST(1 AS BIGINT)")
                .fetch_one(db)
                .await
                .map_err(Into::into)
        });
        result.is_ok()
    }

    /// Writes a consistent copy of an SQLite database to `dest` while the server keeps running
    /// (`VACUUM INTO` reads one snapshot). PostgreSQL has pg_dump for this.
    pub async fn backup_sqlite(&self, dest: &Path) -> Result<()> {
        match &self.backend {
            Backend::Sqlite { read, .. } => {
                let dest = dest.to_str().ok_or(StoreError::UnsupportedUrl)?;
                sqlx::query("VACUUM INTO $1").bind(dest).execute(read).await?;
                Ok(())
            }
            Backend::Postgres(_) => Err(StoreError::BackupNeedsPgDump),
        }
    }

    pub async fn close(&self) {
        match &self.backend {
            Backend::Sqlite { write, read } => {
                write.close().await;
                read.close().await;
            }
            Backend::Postgres(pool) => pool.close().await,
        }
    }
}

impl Store {
    /// Every (table, column) of the application schema, sorted: the two migration folders must
    /// produce the same list (checked by the behaviour suite).
    pub async fn schema_columns(&self) -> Result<Vec<(String, String)>> {
        let mut cols: Vec<(String, String)> = match &self.backend {
            Backend::Sqlite { read, .. } => {
                sqlx::query_as(
                    "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
                     WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%'",
                )
                .fetch_all(read)
                .await?
            }
            Backend::Postgres(pool) => {
                sqlx::query_as(
                    "SELECT table_name::text, column_name::text FROM information_schema.columns
                     WHERE table_schema = current_schema() AND table_name NOT LIKE '_sqlx%'",
                )
                .fetch_all(pool)
                .await?
            }
        };
        cols.sort();
        Ok(cols)
    }
}
