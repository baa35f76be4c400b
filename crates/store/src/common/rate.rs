//! Fixed-window counters kept in the database, so that a limit holds across every instance.

use chrono::{DateTime, Duration, Utc};

use crate::{Result, Store, write};

impl Store {
    /// Counts one hit on `key` in a window of `window` and returns the hits so far in the
    /// current window (including this one).
    pub async fn rate_hit(&self, key: &str, window: Duration, now: DateTime<Utc>) -> Result<i64> {
        Ok(write!(self, |tx| {
            sqlx::query_scalar::<_, i64>(
                "INSERT INTO rate_buckets (bucket_key, window_start, hits) VALUES ($1, $2, 1)
                 ON CONFLICT (bucket_key) DO UPDATE SET
                    hits = CASE WHEN rate_buckets.window_start <= $3 THEN 1 ELSE rate_buckets.hits + 1 END,
                    window_start = CASE WHEN rate_buckets.window_start <= $3 THEN $2 ELSE rate_buckets.window_start END
                 RETURNING hits",
            )
            .bind(key)
            .bind(now)
            .bind(now - window)
            .fetch_one(&mut *tx)
            .await?
        }))
    }

    /// Forgets the counter (after a successful log-in, the failures no longer count).
    pub async fn rate_reset(&self, key: &str) -> Result<()> {
        write!(self, |tx| {
            sqlx::query("DELETE FROM rate_buckets WHERE bucket_key = $1")
                .bind(key)
                .execute(&mut *tx)
                .await?;
        });
        Ok(())
    }

    /// Takes back one hit (an attempt that turned out legitimate).
    pub async fn rate_undo(&self, key: &str) -> Result<()> {
        write!(self, |tx| {
            sqlx::query("UPDATE rate_buckets SET hits = hits - 1 WHERE bucket_key = $1 AND hits > 0")
                .bind(key)
                .execute(&mut *tx)
                .await?;
        });
        Ok(())
    }

    /// Hits so far in the current window, without counting one.
    pub async fn rate_peek(&self, key: &str, window: Duration, now: DateTime<Utc>) -> Result<i64> {
        crate::read!(self, |db| {
            sqlx::query_scalar::<_, i64>(
                "SELECT COALESCE(MAX(hits), 0) FROM rate_buckets WHERE bucket_key = $1 AND window_start > $2",
            )
            .bind(key)
            .bind(now - window)
            .fetch_one(db)
            .await
            .map_err(Into::into)
        })
    }
}
