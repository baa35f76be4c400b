//! Fresh databases for tests, on every configured backend: SQLite in a temporary file (not
//! `:memory:`, so WAL and several connections behave as in production) always, PostgreSQL in a
//! new schema when `BASHKE_TEST_POSTGRES_URL` is set. Tests never branch on the backend.

use std::str::FromStr;

use sqlx::{
    Connection,
    postgres::{PgConnectOptions, PgConnection},
};

use crate::{Result, Store};

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
