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
//! | full-text search   | FTS5 table `inputs_fts` (no diacritics) | `inputs.search_tsv` + GIN, unaccent|
//!
//! Every write method takes an [`AuditCtx`] and records an audit row in the same transaction,
//! so a change of state without its audit entry cannot be written.

pub mod commitments;
pub mod common;
pub mod content;
pub mod counting;
pub mod forum;
pub mod input;
pub mod open_call;
pub mod people;
pub mod platform;
pub mod testing;

use std::{path::Path, str::FromStr, time::Duration};

pub use common::{
    audit::{AuditCtx, AuditFilter, AuditRow, LabelledTable, ObjectLabel},
    error::StoreError,
    outbox::{MailAttachment, NewMail, OutboxRow},
};
pub use content::{CycleRow, NewsInput, NewsItem, PhaseInput, TimelinePhase};
pub use forum::{
    meetings::{
        AgendaItemInput, AgendaItemRow, AnswerLinkRow, DueReminder, InvitationRow, MeetingDocRow, MeetingInput,
        MeetingListRow, MeetingRow, MeetingScope, NewInvitation,
    },
    members::{CandidateRow, ForumRow, MemberFacts, MemberRow, MemberUpdate, NewMember, PositionRow},
    minutes::{
        ActionInput, ActionRow, AttendanceRow, DecisionInput, DecisionRow, GuestInput, LoggedDecision, MinutesRow,
        Votes,
    },
    setup::{ForumInput, TextVersionRow, TextsInput},
};
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
    roles::{PersonRow, RoleHolder},
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
    ($store:expr, |$db:ident| $body:expr) => {{
        $crate::counting::one();
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
    }};
}

/// Expands `$body` once per backend inside a write transaction bound to `$tx`; commits when
/// the body succeeds, rolls back when it returns early with `?`.
macro_rules! write {
    ($store:expr, |$tx:ident| $body:expr) => {{
        $crate::counting::one();
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
    }};
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
                    // Reads from the operating system's page cache without a copy into each
                    // connection's own small cache (2 MB): large lists and searches read
                    // thousands of pages. The whole file, up to SQLite's own limit: with 256 MiB,
                    // a library placed after 100,000 inputs in the file was read the slow way
                    // (26 ms for a search instead of 15).
                    .pragma("mmap_size", "2147418112")
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

/// One table of the application schema, described so that the two dialects can be compared
/// (see [`Store::schema_columns`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SchemaTable {
    pub name: String,
    /// In declaration order: the SQLite migrations rebuild tables so that columns stand where
    /// PostgreSQL's `ADD COLUMN` puts them, and this order is compared too.
    pub columns: Vec<SchemaColumn>,
    /// The columns of the primary key, in key order (empty without one).
    pub primary_key: Vec<String>,
    /// The `UNIQUE` constraints, each as its column list; sorted. Compared by columns only:
    /// SQLite forgets a constraint's name (its index is `sqlite_autoindex_<table>_<n>`).
    pub unique_keys: Vec<Vec<String>>,
    /// The indexes made by `CREATE [UNIQUE] INDEX`, sorted by name; the indexes behind a primary
    /// key or a `UNIQUE` constraint are described above instead.
    pub indexes: Vec<SchemaIndex>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaColumn {
    pub name: String,
    /// The type as the catalogue spells it (`INTEGER`, `timestamp with time zone`…).
    pub declared_type: String,
    /// The type class both dialects share (see [`type_class`]).
    pub type_class: String,
    pub not_null: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaIndex {
    pub name: String,
    pub unique: bool,
    /// Key columns in order, `name DESC` for a descending one, `<expression>` for an expression.
    pub columns: Vec<String>,
}

/// The class of a declared type, the same for the two twins of one column (the table in the
/// module documentation lists the storage differences this folds away):
///
/// * `integer`: SQLite `INTEGER`/`BIGINT`, PostgreSQL `bigint`/`integer`;
/// * `text`: SQLite `TEXT`, PostgreSQL `text`/`character varying`, **and** PostgreSQL
///   `timestamp with time zone` and `date`, because SQLite stores those as ISO-8601 `TEXT` and
///   its catalogue cannot tell a timestamp from a name. The behaviour suite makes up for it by
///   checking on PostgreSQL that every `*_at` column is a `TIMESTAMPTZ` and every `*_on` a `DATE`;
/// * `real`: SQLite `REAL`, PostgreSQL `double precision`/`real`;
/// * `boolean`, `bytes` (SQLite `BLOB`, PostgreSQL `bytea`).
///
/// Anything else keeps its dialect's name (`sqlite:NUMERIC`, `pg:jsonb`), so that it can never
/// match its twin: a new type has to be added here, on purpose.
pub fn type_class(kind: BackendKind, declared: &str) -> String {
    let lower = declared.trim().to_ascii_lowercase();
    let class = match (kind, lower.as_str()) {
        (BackendKind::Sqlite, "integer" | "bigint") => "integer",
        (BackendKind::Sqlite, "text") => "text",
        (BackendKind::Sqlite, "real") => "real",
        (BackendKind::Sqlite, "boolean") => "boolean",
        (BackendKind::Sqlite, "blob") => "bytes",
        (BackendKind::Postgres, "bigint" | "integer") => "integer",
        (BackendKind::Postgres, "text" | "character varying" | "timestamp with time zone" | "date") => "text",
        (BackendKind::Postgres, "double precision" | "real") => "real",
        (BackendKind::Postgres, "boolean") => "boolean",
        (BackendKind::Postgres, "bytea") => "bytes",
        (BackendKind::Sqlite, _) => return format!("sqlite:{declared}"),
        (BackendKind::Postgres, _) => return format!("pg:{declared}"),
    };
    class.to_owned()
}

/// One key column of an index, as both catalogue queries return it.
type IndexColumnRow = (String, String, bool, String, i64, Option<String>, bool);

impl Store {
    /// Every table of the application schema (migrations' bookkeeping apart), sorted by name:
    /// the two migration folders must produce the same description (checked by the behaviour
    /// suite). The only place that knows the catalogues of the two dialects.
    ///
    /// Nullability: a column is `not_null` when declared `NOT NULL`, or when it is SQLite's
    /// `INTEGER PRIMARY KEY` (an alias of the rowid, which can never be NULL; PostgreSQL makes
    /// every primary key column NOT NULL). SQLite's other primary keys are *not* counted as
    /// NOT NULL, because SQLite really does store a NULL there unless the column says
    /// `NOT NULL`: that is a difference worth seeing.
    pub async fn schema_columns(&self) -> Result<Vec<SchemaTable>> {
        // (table, position, column, declared type, not null, position in the primary key or 0)
        type ColumnRow = (String, i64, String, String, bool, i64);
        // (table, index, unique, origin, position, column, descending), as SQLite's pragmas say.
        type SqliteIndexColumn = (String, String, i64, String, i64, Option<String>, i64);
        let (columns, index_columns): (Vec<ColumnRow>, Vec<IndexColumnRow>) = match &self.backend {
            Backend::Sqlite { read, .. } => {
                let columns: Vec<(String, i64, String, String, i64, i64)> = sqlx::query_as(
                    "SELECT m.name, p.cid, p.name, p.type, p.\"notnull\", p.pk
                     FROM sqlite_master m JOIN pragma_table_info(m.name) p
                     WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
                       AND m.name NOT LIKE '\\_sqlx%' ESCAPE '\\' AND m.name NOT LIKE 'inputs\\_fts%' ESCAPE '\\'
                       AND m.name NOT LIKE 'commitments\\_fts%' ESCAPE '\\'",
                )
                .fetch_all(read)
                .await?;
                let pk_width = |table: &str| columns.iter().filter(|c| c.0 == table && c.5 > 0).count();
                let columns = columns
                    .iter()
                    .map(|(table, cid, name, declared, notnull, pk)| {
                        let rowid_alias = *pk == 1 && pk_width(table) == 1 && declared.eq_ignore_ascii_case("INTEGER");
                        (
                            table.clone(),
                            *cid,
                            name.clone(),
                            declared.clone(),
                            *notnull != 0 || rowid_alias,
                            *pk,
                        )
                    })
                    .collect();
                // `origin`: `c` for CREATE INDEX, `u` for a UNIQUE constraint, `pk` for the
                // primary key (an `INTEGER PRIMARY KEY` has no index at all: it is the rowid).
                let index_columns: Vec<SqliteIndexColumn> = sqlx::query_as(
                    "SELECT m.name, il.name, il.\"unique\", il.origin, ii.seqno, ii.name, ii.\"desc\"
                     FROM sqlite_master m JOIN pragma_index_list(m.name) il JOIN pragma_index_xinfo(il.name) ii
                     WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
                       AND m.name NOT LIKE '\\_sqlx%' ESCAPE '\\' AND ii.key = 1",
                )
                .fetch_all(read)
                .await?;
                let index_columns = index_columns
                    .into_iter()
                    .map(|(t, i, unique, origin, seq, col, desc)| (t, i, unique != 0, origin, seq, col, desc != 0))
                    .collect();
                (columns, index_columns)
            }
            Backend::Postgres(pool) => {
                let columns: Vec<ColumnRow> = sqlx::query_as(
                    "SELECT c.table_name::text, c.ordinal_position::bigint, c.column_name::text, c.data_type::text,
                            c.is_nullable = 'NO', COALESCE(k.ordinal_position::bigint, 0)
                     FROM information_schema.columns c
                     JOIN information_schema.tables t
                       ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
                     LEFT JOIN information_schema.table_constraints tc
                       ON tc.table_schema = c.table_schema AND tc.table_name = c.table_name
                      AND tc.constraint_type = 'PRIMARY KEY'
                     LEFT JOIN information_schema.key_column_usage k
                       ON k.constraint_schema = tc.constraint_schema AND k.constraint_name = tc.constraint_name
                      AND k.table_name = c.table_name AND k.column_name = c.column_name
                     WHERE c.table_schema = current_schema() AND c.table_name NOT LIKE '\\_sqlx%' ESCAPE '\\'
                       AND NOT (c.table_name IN ('inputs', 'commitments') AND c.column_name = 'search_tsv')",
                )
                .fetch_all(pool)
                .await?;
                // The same shape as SQLite's index list: `pk` for the primary key's index, `u`
                // for a UNIQUE constraint's, `c` for one made by CREATE INDEX.
                let index_columns: Vec<IndexColumnRow> = sqlx::query_as(
                    "SELECT t.relname::text, i.relname::text, x.indisunique,
                            CASE WHEN x.indisprimary THEN 'pk' WHEN con.contype = 'u' THEN 'u' ELSE 'c' END,
                            k.ord::bigint, a.attname::text, (x.indoption[(k.ord - 1)::int]::int & 1) = 1
                     FROM pg_index x
                     JOIN pg_class i ON i.oid = x.indexrelid
                     JOIN pg_class t ON t.oid = x.indrelid
                     JOIN pg_namespace n ON n.oid = t.relnamespace
                     LEFT JOIN pg_constraint con
                       ON con.conindid = x.indexrelid AND con.conrelid = x.indrelid AND con.contype IN ('p', 'u')
                     CROSS JOIN LATERAL unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                     LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum AND k.attnum > 0
                     WHERE n.nspname = current_schema() AND t.relname NOT LIKE '\\_sqlx%' ESCAPE '\\'
                       AND i.relname NOT IN ('ix_inputs__search', 'ix_commitments__search') AND k.ord <= x.indnkeyatts",
                )
                .fetch_all(pool)
                .await?;
                (columns, index_columns)
            }
        };
        let kind = self.kind();
        let mut tables: std::collections::BTreeMap<String, SchemaTable> = std::collections::BTreeMap::new();
        let mut columns = columns;
        columns.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
        let mut keys: Vec<(String, i64, String)> = Vec::new();
        for (table, _, name, declared, not_null, pk) in columns {
            if pk > 0 {
                keys.push((table.clone(), pk, name.clone()));
            }
            let entry = tables.entry(table.clone()).or_insert_with(|| SchemaTable {
                name: table,
                ..SchemaTable::default()
            });
            entry.columns.push(SchemaColumn {
                type_class: type_class(kind, &declared),
                name,
                declared_type: declared,
                not_null,
            });
        }
        keys.sort();
        for (table, _, name) in keys {
            if let Some(t) = tables.get_mut(&table) {
                t.primary_key.push(name);
            }
        }
        // Group the key columns by (table, index), in key order.
        let mut index_columns = index_columns;
        index_columns.sort_by(|a, b| (&a.0, &a.1, a.4).cmp(&(&b.0, &b.1, b.4)));
        let mut grouped: Vec<(String, String, bool, String, Vec<String>)> = Vec::new();
        for (table, index, unique, origin, _, column, descending) in index_columns {
            let column = match (column, descending) {
                (Some(c), false) => c,
                (Some(c), true) => format!("{c} DESC"),
                (None, _) => "<expression>".to_owned(),
            };
            match grouped.last_mut() {
                Some(last) if last.0 == table && last.1 == index => last.4.push(column),
                _ => grouped.push((table, index, unique, origin, vec![column])),
            }
        }
        for (table, name, unique, origin, columns) in grouped {
            let Some(t) = tables.get_mut(&table) else { continue };
            match origin.as_str() {
                // The primary key is read from the columns above (SQLite's rowid key has no index).
                "pk" => {}
                "u" => t.unique_keys.push(columns),
                _ => t.indexes.push(SchemaIndex { name, unique, columns }),
            }
        }
        for t in tables.values_mut() {
            t.unique_keys.sort();
            t.indexes.sort_by(|a, b| a.name.cmp(&b.name));
        }
        Ok(tables.into_values().collect())
    }
}
