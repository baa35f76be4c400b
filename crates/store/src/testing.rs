//! Fresh databases for tests, on every configured backend: SQLite in a temporary file (not
//! `:memory:`, so WAL and several connections behave as in production) always, PostgreSQL in a
//! new schema when `BASHKE_TEST_POSTGRES_URL` is set. Tests never branch on the backend.

use std::str::FromStr;

use sqlx::{
    Connection,
    postgres::{PgConnectOptions, PgConnection},
};

use crate::{Backend, Result, Store};

pub struct TestDb {
    pub store: Store,
    /// `sqlite` or `postgres`, for failure messages.
    pub label: &'static str,
    _dir: Option<tempfile::TempDir>,
    pg_schema: Option<(String, String)>,
}

impl TestDb {
    pub async fn sqlite() -> Result<TestDb> {
        let dir = tempfile::tempdir().map_err(|e| crate::StoreError::Database(sqlx::Error::Io(e)))?;
        let url = format!("sqlite://{}", dir.path().join("test.db").display());
        let store = Store::connect(&url).await?;
        store.migrate().await?;
        Ok(TestDb {
            store,
            label: "sqlite",
            _dir: Some(dir),
            pg_schema: None,
        })
    }

    /// `None` when no PostgreSQL is configured for tests.
    pub async fn postgres() -> Result<Option<TestDb>> {
        let Ok(url) = std::env::var("BASHKE_TEST_POSTGRES_URL") else {
            return Ok(None);
        };
        let schema = format!("bashke_test_{}", uuid::Uuid::new_v4().simple());
        let mut admin = PgConnection::connect(&url).await?;
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE SCHEMA {schema}")))
            .execute(&mut admin)
            .await?;
        admin.close().await?;
        let options = PgConnectOptions::from_str(&url)?.options([("search_path", schema.as_str())]);
        let store = Store::connect_postgres(options).await?;
        store.migrate().await?;
        Ok(Some(TestDb {
            store,
            label: "postgres",
            _dir: None,
            pg_schema: Some((url, schema)),
        }))
    }

    /// SQLite, plus PostgreSQL when configured.
    pub async fn all() -> Result<Vec<TestDb>> {
        let mut dbs = vec![TestDb::sqlite().await?];
        if let Some(pg) = TestDb::postgres().await? {
            dbs.push(pg);
        }
        Ok(dbs)
    }

    /// Runs one raw statement on this database and returns how many rows it changed. For tests
    /// that must put the data into a state no store method produces (an unknown status, say);
    /// the statement must be valid on both dialects, as every statement of the store is.
    pub async fn execute(&self, sql: &str) -> Result<u64> {
        let sql = sqlx::AssertSqlSafe(sql.to_owned());
        let done = match &self.store.backend {
            Backend::Sqlite { write, .. } => sqlx::query(sql).execute(write).await?.rows_affected(),
            Backend::Postgres(pool) => sqlx::query(sql).execute(pool).await?.rows_affected(),
        };
        Ok(done)
    }

    /// The one `BIGINT` a raw query returns (e.g. `SELECT COUNT(*) FROM files WHERE id = 3`), to
    /// check rows no store method reads any more.
    pub async fn scalar(&self, sql: &str) -> Result<i64> {
        let sql = sqlx::AssertSqlSafe(sql.to_owned());
        let value = match &self.store.backend {
            Backend::Sqlite { read, .. } => sqlx::query_scalar::<_, i64>(sql).fetch_one(read).await?,
            Backend::Postgres(pool) => sqlx::query_scalar::<_, i64>(sql).fetch_one(pool).await?,
        };
        Ok(value)
    }

    /// Drops the PostgreSQL schema (SQLite's folder goes with the value).
    pub async fn cleanup(self) {
        self.store.close().await;
        if let Some((url, schema)) = self.pg_schema
            && let Ok(mut admin) = PgConnection::connect(&url).await
        {
            let _ = sqlx::query(sqlx::AssertSqlSafe(format!("DROP SCHEMA {schema} CASCADE")))
                .execute(&mut admin)
                .await;
            let _ = admin.close().await;
        }
    }
}
