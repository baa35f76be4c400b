//! The e-mail outbox. Messages are inserted in the transaction of the change that causes them
//! (see [`enqueue!`]); a worker on any instance claims due messages with a lease and sends them.

use chrono::{DateTime, Utc};
use domain::TenantId;

use crate::{Backend, Result, Store, read, write};

/// A rendered message in the recipient's language, ready to queue.
#[derive(Debug, Clone)]
pub struct NewMail {
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub lang: String,
    /// What the message is about (e.g. `application:12`), so that erasing that object erases
    /// its e-mails too; `None` for messages about the recipient's account itself.
    pub about: Option<String>,
    /// One file sent with the message (a meeting's `.ics` invitation).
    pub attachment: Option<MailAttachment>,
}

/// A text file attached to an e-mail: its name, its media type (with parameters, e.g.
/// `text/calendar; method=REQUEST; charset=UTF-8`) and its content.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct MailAttachment {
    pub name: String,
    pub content_type: String,
    pub body: String,
}

impl NewMail {
    pub fn attach(mut self, attachment: MailAttachment) -> Self {
        self.attachment = Some(attachment);
        self
    }

    pub fn about(mut self, about: impl Into<String>) -> Self {
        self.about = Some(about.into());
        self
    }
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct OutboxRow {
    pub id: i64,
    pub tenant_id: Option<i64>,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub lang: String,
    pub about: Option<String>,
    pub attachment_name: Option<String>,
    pub attachment_type: Option<String>,
    pub attachment_body: Option<String>,
    pub status: String,
    pub attempts: i64,
    pub next_attempt_at: DateTime<Utc>,
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

/// Queues a message inside an open write transaction.
macro_rules! enqueue {
    ($tx:ident, $tenant:expr, $mail:expr, $at:expr) => {{
        let tenant: Option<domain::TenantId> = $tenant;
        let mail: &$crate::NewMail = $mail;
        sqlx::query(
            "INSERT INTO outbox (tenant_id, recipient, subject, body_text, lang, about, next_attempt_at, created_at,
                                 attachment_name, attachment_type, attachment_body)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9, $10)",
        )
        .bind(tenant.map(|t| t.0))
        .bind(&mail.recipient)
        .bind(&mail.subject)
        .bind(&mail.body_text)
        .bind(&mail.lang)
        .bind(&mail.about)
        .bind($at)
        .bind(mail.attachment.as_ref().map(|a| a.name.clone()))
        .bind(mail.attachment.as_ref().map(|a| a.content_type.clone()))
        .bind(mail.attachment.as_ref().map(|a| a.body.clone()))
        .execute(&mut *$tx)
        .await?;
    }};
}
pub(crate) use enqueue;

const OUTBOX_COLUMNS: &str = "id, tenant_id, recipient, subject, body_text, lang, about, attachment_name, \
     attachment_type, attachment_body, status, attempts, \
     next_attempt_at, last_error, created_at, sent_at";

impl Store {
    /// Queues a message on its own (for mail that accompanies no other change).
    pub async fn enqueue_mail(&self, tenant: Option<TenantId>, mail: &NewMail, at: DateTime<Utc>) -> Result<()> {
        write!(self, |tx| {
            enqueue!(tx, tenant, mail, at);
        });
        Ok(())
    }

    /// Claims up to `limit` due messages for `lease_until`. A message is claimed by exactly one
    /// worker, whichever instance it runs on; if that worker dies, the lease runs out and another
    /// takes the message over.
    pub async fn claim_due_mail(
        &self,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<OutboxRow>> {
        // The one dialect difference here: PostgreSQL skips rows another transaction has locked;
        // SQLite has a single writer, so the immediate transaction alone serialises claimers.
        let lock = match self.backend {
            Backend::Sqlite { .. } => "",
            Backend::Postgres(_) => "FOR UPDATE SKIP LOCKED",
        };
        let sql = format!(
            "UPDATE outbox SET locked_until = $1, attempts = attempts + 1
             WHERE id IN (SELECT id FROM outbox
                          WHERE status = 'pending' AND next_attempt_at <= $2
                            AND (locked_until IS NULL OR locked_until <= $2)
                          ORDER BY id LIMIT $3 {lock})
             RETURNING {OUTBOX_COLUMNS}"
        );
        let mut rows: Vec<OutboxRow> = write!(self, |tx| {
            sqlx::query_as::<_, OutboxRow>(sqlx::AssertSqlSafe(sql))
                .bind(lease_until)
                .bind(now)
                .bind(limit)
                .fetch_all(&mut *tx)
                .await?
        });
        rows.sort_by_key(|r| r.id);
        Ok(rows)
    }

    pub async fn mark_mail_sent(&self, id: i64, at: DateTime<Utc>) -> Result<()> {
        write!(self, |tx| {
            sqlx::query(
                "UPDATE outbox SET status = 'sent', sent_at = $1, locked_until = NULL, last_error = NULL WHERE id = $2",
            )
            .bind(at)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        });
        Ok(())
    }

    /// Records a failed attempt: retried at `retry_at`, or given up for good when `None`.
    pub async fn mark_mail_failed(&self, id: i64, error: &str, retry_at: Option<DateTime<Utc>>) -> Result<()> {
        write!(self, |tx| {
            sqlx::query(
                "UPDATE outbox SET status = $1, last_error = $2, locked_until = NULL,
                        next_attempt_at = COALESCE($3, next_attempt_at)
                 WHERE id = $4",
            )
            .bind(if retry_at.is_some() { "pending" } else { "failed" })
            .bind(error)
            .bind(retry_at)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        });
        Ok(())
    }

    /// The tenant's messages, newest first (keyset pagination on id).
    pub async fn list_outbox(&self, tenant: TenantId, before_id: Option<i64>, limit: i64) -> Result<Vec<OutboxRow>> {
        let sql = format!(
            "SELECT {OUTBOX_COLUMNS} FROM outbox WHERE tenant_id = $1 AND ($2 IS NULL OR id < $2)
             ORDER BY id DESC LIMIT $3"
        );
        read!(self, |db| {
            sqlx::query_as::<_, OutboxRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(before_id)
                .bind(limit)
                .fetch_all(db)
                .await
                .map_err(Into::into)
        })
    }

    /// The messages sent (or to be sent) to an address in a tenant, newest first: part of what
    /// the platform holds about a person.
    pub async fn mail_to(&self, tenant: TenantId, recipient: &str) -> Result<Vec<OutboxRow>> {
        let sql =
            format!("SELECT {OUTBOX_COLUMNS} FROM outbox WHERE tenant_id = $1 AND recipient = $2 ORDER BY id DESC");
        read!(self, |db| {
            sqlx::query_as::<_, OutboxRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(recipient)
                .fetch_all(db)
                .await
                .map_err(Into::into)
        })
    }

    /// Counts of messages per status, for `/metrics`.
    pub async fn outbox_counts(&self) -> Result<Vec<(String, i64)>> {
        read!(self, |db| {
            sqlx::query_as::<_, (String, i64)>("SELECT status, COUNT(*) FROM outbox GROUP BY status ORDER BY status")
                .fetch_all(db)
                .await
                .map_err(Into::into)
        })
    }
}
