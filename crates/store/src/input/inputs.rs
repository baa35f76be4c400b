//! Inputs (problems and ideas): submitting, editing within the edit window, withdrawing with a
//! note, reading one with its names, its attachment; and inputs sent with a verified e-mail
//! address only, kept unpublished until the link is followed. On SQLite the full-text row
//! (`inputs_fts`) is written in the same transaction as the input; PostgreSQL's `search_tsv` is a
//! generated column.

use chrono::{DateTime, Utc};
use domain::{
    Email, Lang, TenantId, UserId,
    input::{AnswerStatus, InputKind, InputState},
};
use serde_json::json;

use crate::{AuditCtx, BackendKind, NewFile, Result, Store, StoreError, audit, read, write};

/// An input as typed (its author and phase are passed beside it).
#[derive(Debug, Clone, serde::Serialize)]
pub struct NewInput {
    pub kind: InputKind,
    pub title: String,
    pub body: String,
    pub theme_id: Option<i64>,
    pub admin_unit: String,
    pub org_id: Option<i64>,
}

/// An input with the names the page shows.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct InputRow {
    pub id: i64,
    pub phase_id: i64,
    #[sqlx(try_from = "String")]
    pub kind: InputKind,
    pub title: String,
    pub body: String,
    pub theme_id: Option<i64>,
    pub theme_sq: Option<String>,
    pub theme_en: Option<String>,
    pub admin_unit: String,
    pub file_id: Option<i64>,
    pub file_name: Option<String>,
    pub author_id: i64,
    pub author_name: String,
    pub org_id: Option<i64>,
    pub org_name: Option<String>,
    #[sqlx(try_from = "String")]
    pub state: InputState,
    pub withdrawn_at: Option<DateTime<Utc>>,
    pub withdraw_note: String,
    pub hidden_at: Option<DateTime<Utc>>,
    pub hidden_reason: String,
    pub cluster_id: Option<i64>,
    pub merged_into_id: Option<i64>,
    pub support_count: i64,
    pub comment_count: i64,
    /// Whether anyone ever commented (a hidden comment too: hiding it lowers `comment_count`)
    /// or supports it: the edit window's fact.
    pub reacted: bool,
    pub answer_status: Option<String>,
    pub answered_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl InputRow {
    pub fn is_hidden(&self) -> bool {
        self.hidden_at.is_some()
    }

    pub fn answer(&self) -> Option<AnswerStatus> {
        self.answer_status.as_deref().and_then(AnswerStatus::parse)
    }
}

/// An input waiting for its author to confirm the e-mail address.
#[derive(Debug, Clone, serde::Serialize)]
pub struct NewPendingInput {
    pub phase_id: i64,
    pub input: NewInput,
    pub author_name: String,
    pub email: String,
    pub lang: Lang,
    pub token_hash: String,
    pub expires_at: DateTime<Utc>,
}

/// What confirming an e-mail-only input did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConfirmedInput {
    pub input: i64,
    pub user: UserId,
}

#[derive(sqlx::FromRow)]
struct PendingRow {
    id: i64,
    phase_id: i64,
    kind: String,
    title: String,
    body: String,
    theme_id: Option<i64>,
    admin_unit: String,
    file_id: Option<i64>,
    author_name: String,
    email: String,
    lang: String,
    input_id: Option<i64>,
}

/// An input's attachment, to send back.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct InputFile {
    pub filename: String,
    pub content_type: String,
    pub content: Vec<u8>,
}

#[derive(sqlx::FromRow)]
struct UserIdRow {
    id: i64,
}

pub(crate) const INPUT_COLUMNS: &str = "i.id, i.phase_id, i.kind, i.title, i.body, i.theme_id, th.title_sq AS theme_sq, \
     th.title_en AS theme_en, i.admin_unit, i.file_id, f.filename AS file_name, i.author_id, \
     COALESCE(u.display_name, '') AS author_name, i.org_id, o.name AS org_name, i.state, i.withdrawn_at, \
     i.withdraw_note, i.hidden_at, i.hidden_reason, i.cluster_id, i.merged_into_id, i.support_count, \
     i.comment_count, (EXISTS (SELECT 1 FROM input_comments c WHERE c.tenant_id = i.tenant_id AND c.input_id = i.id) \
     OR EXISTS (SELECT 1 FROM input_supports s WHERE s.tenant_id = i.tenant_id AND s.input_id = i.id)) AS reacted, \
     i.answer_status, i.answered_at, i.created_at, i.updated_at";

pub(crate) const INPUT_JOINS: &str = "LEFT JOIN input_themes th ON th.id = i.theme_id \
     LEFT JOIN files f ON f.id = i.file_id \
     LEFT JOIN users u ON u.id = i.author_id \
     LEFT JOIN organisations o ON o.id = i.org_id";

/// Stores an uploaded file inside a write; evaluates to its id.
macro_rules! insert_input_file {
    ($tx:ident, $tenant:expr, $file:expr, $ctx:expr) => {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO files (tenant_id, filename, content_type, size_bytes, sha256, content, uploaded_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind($tenant.0)
        .bind($file.filename)
        .bind($file.content_type)
        .bind($file.content.len() as i64)
        .bind($file.sha256)
        .bind($file.content)
        .bind($ctx.actor.map(|a| a.0))
        .bind($ctx.at)
        .fetch_one(&mut *$tx)
        .await?
    };
}

/// Adds `delta` to the published inputs of a phase's theme and unit (`input_tallies`), inside
/// the write that publishes, moves or withdraws an input, so the list's counts stay exact.
macro_rules! tally {
    ($tx:ident, $tenant:expr, $phase:expr, $theme:expr, $unit:expr, $delta:expr) => {
        sqlx::query(
            "INSERT INTO input_tallies (tenant_id, phase_id, theme_key, admin_unit, n) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (tenant_id, phase_id, theme_key, admin_unit) DO UPDATE SET n = input_tallies.n + excluded.n",
        )
        .bind($tenant.0)
        .bind($phase)
        .bind(theme_key($theme))
        .bind($unit)
        .bind($delta)
        .execute(&mut *$tx)
        .await?
    };
}

/// The `outbox.about` of a waiting input's confirmation e-mail.
fn pending_about(id: i64) -> String {
    format!("input_pending:{id}")
}

/// The tally's key of a theme: its id, or 0 for an input without a theme.
fn theme_key(theme: Option<i64>) -> i64 {
    theme.unwrap_or(0)
}

/// Inserts an input (and, on SQLite, its full-text row) inside a write; evaluates to its id.
macro_rules! insert_input {
    ($self:ident, $tx:ident, $tenant:expr, $phase:expr, $author:expr, $input:expr, $file_id:expr, $ctx:expr) => {{
        let input: &NewInput = $input;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO inputs (tenant_id, phase_id, kind, title, body, theme_id, admin_unit, file_id, author_id, org_id,
                 state, search_text, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'published', $11, $12, $12) RETURNING id",
        )
        .bind($tenant.0)
        .bind($phase)
        .bind(input.kind.key())
        .bind(&input.title)
        .bind(&input.body)
        .bind(input.theme_id)
        .bind(&input.admin_unit)
        .bind($file_id)
        .bind($author)
        .bind(input.org_id)
        .bind(domain::input::submission::search_text(&input.title, &input.body))
        .bind($ctx.at)
        .fetch_one(&mut *$tx)
        .await?;
        tally!($tx, $tenant, $phase, input.theme_id, &input.admin_unit, 1_i64);
        if $self.kind() == BackendKind::Sqlite {
            sqlx::query("INSERT INTO inputs_fts (rowid, title, body) VALUES ($1, $2, $3)")
                .bind(id)
                .bind(&input.title)
                .bind(&input.body)
                .execute(&mut *$tx)
                .await?;
        }
        id
    }};
}

impl Store {
    /// Publishes an input of `author` in `phase`, with its attachment if one is given. The
    /// use case has checked the phase is open, the theme and unit belong to it, and the
    /// organisation is the author's.
    pub async fn create_input(
        &self,
        tenant: TenantId,
        phase: i64,
        author: UserId,
        input: &NewInput,
        file: Option<&NewFile<'_>>,
        ctx: &AuditCtx,
    ) -> Result<i64> {
        Ok(write!(self, |tx| {
            let file_id: Option<i64> = match file {
                Some(file) => Some(insert_input_file!(tx, tenant, file, ctx)),
                None => None,
            };
            let id = insert_input!(self, tx, tenant, phase, author.0, input, file_id, ctx);
            audit!(
                tx,
                ctx,
                "input.create",
                "input",
                id,
                None,
                Some(json!({"phase_id": phase, "input": input, "file_id": file_id}))
            );
            id
        }))
    }

    /// Saves the author's changes while the edit window is open: the statement itself requires
    /// no support, no comment, not withdrawn, not hidden, so that a support arriving meanwhile
    /// wins (conflict on `body`). `file`: `None` keeps the attachment, `Some(None)` removes it,
    /// `Some(Some(f))` replaces it.
    pub async fn update_input(
        &self,
        tenant: TenantId,
        id: i64,
        author: UserId,
        input: &NewInput,
        file: Option<Option<&NewFile<'_>>>,
        ctx: &AuditCtx,
    ) -> Result<()> {
        let before = self.input(tenant, id).await?.ok_or(StoreError::NotFound)?;
        write!(self, |tx| {
            let file_id: Option<i64> = match file {
                None => before.file_id,
                Some(None) => None,
                Some(Some(file)) => Some(insert_input_file!(tx, tenant, file, ctx)),
            };
            // Where the input is counted now, read in this write (and locked on PostgreSQL, where
            // two writes may run at once) so that moving it keeps the tallies exact.
            let lock = if self.kind() == BackendKind::Postgres {
                " FOR UPDATE"
            } else {
                ""
            };
            let counted: Option<(i64, Option<i64>, String)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT phase_id, theme_id, admin_unit FROM inputs
                 WHERE tenant_id = $1 AND id = $2 AND state = 'published'{lock}"
            )))
            .bind(tenant.0)
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
            let done = sqlx::query(
                "UPDATE inputs SET kind = $4, title = $5, body = $6, theme_id = $7, admin_unit = $8, org_id = $9,
                     file_id = $10, search_text = $11, updated_at = $12
                 WHERE tenant_id = $1 AND id = $2 AND author_id = $3 AND state = 'published' AND hidden_at IS NULL
                   AND support_count = 0
                   AND NOT EXISTS (SELECT 1 FROM input_comments c WHERE c.tenant_id = $1 AND c.input_id = $2)
                   AND NOT EXISTS (SELECT 1 FROM input_supports s WHERE s.tenant_id = $1 AND s.input_id = $2)",
            )
            .bind(tenant.0)
            .bind(id)
            .bind(author.0)
            .bind(input.kind.key())
            .bind(&input.title)
            .bind(&input.body)
            .bind(input.theme_id)
            .bind(&input.admin_unit)
            .bind(input.org_id)
            .bind(file_id)
            .bind(domain::input::submission::search_text(&input.title, &input.body))
            .bind(ctx.at)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                return Err(StoreError::Conflict { field: "body".into() });
            }
            if let Some((phase, theme, unit)) = counted
                && (theme != input.theme_id || unit != input.admin_unit)
            {
                tally!(tx, tenant, phase, theme, &unit, -1_i64);
                tally!(tx, tenant, phase, input.theme_id, &input.admin_unit, 1_i64);
            }
            if self.kind() == BackendKind::Sqlite {
                sqlx::query("UPDATE inputs_fts SET title = $2, body = $3 WHERE rowid = $1")
                    .bind(id)
                    .bind(&input.title)
                    .bind(&input.body)
                    .execute(&mut *tx)
                    .await?;
            }
            audit!(
                tx,
                ctx,
                "input.update",
                "input",
                id,
                Some(
                    json!({"kind": before.kind.key(), "title": before.title, "body": before.body,
                    "theme_id": before.theme_id, "admin_unit": before.admin_unit, "org_id": before.org_id,
                    "file_id": before.file_id})
                ),
                Some(json!({"input": input, "file_id": file_id}))
            );
        });
        Ok(())
    }

    /// Withdraws an input with its author's note: kept, shown as withdrawn, never deleted.
    /// Conflict on `note` when it is not the author's published input any more.
    pub async fn withdraw_input(
        &self,
        tenant: TenantId,
        id: i64,
        author: UserId,
        note: &str,
        ctx: &AuditCtx,
    ) -> Result<()> {
        write!(self, |tx| {
            let withdrawn: Option<(i64, Option<i64>, String)> = sqlx::query_as(
                "UPDATE inputs SET state = 'withdrawn', withdrawn_at = $4, withdraw_note = $5, updated_at = $4
                 WHERE tenant_id = $1 AND id = $2 AND author_id = $3 AND state = 'published'
                 RETURNING phase_id, theme_id, admin_unit",
            )
            .bind(tenant.0)
            .bind(id)
            .bind(author.0)
            .bind(ctx.at)
            .bind(note)
            .fetch_optional(&mut *tx)
            .await?;
            let Some((phase, theme, unit)) = withdrawn else {
                return Err(StoreError::Conflict { field: "note".into() });
            };
            tally!(tx, tenant, phase, theme, &unit, -1_i64);
            audit!(
                tx,
                ctx,
                "input.withdraw",
                "input",
                id,
                Some(json!({"state": "published"})),
                Some(json!({"state": "withdrawn", "note": note}))
            );
        });
        Ok(())
    }

    /// One input with its names, whatever its state (the caller decides what to show).
    pub async fn input(&self, tenant: TenantId, id: i64) -> Result<Option<InputRow>> {
        let sql = format!("SELECT {INPUT_COLUMNS} FROM inputs i {INPUT_JOINS} WHERE i.tenant_id = $1 AND i.id = $2");
        read!(self, |db| {
            sqlx::query_as::<_, InputRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(id)
                .fetch_optional(db)
                .await
                .map_err(Into::into)
        })
    }

    /// The attachment of an input.
    pub async fn input_attachment(&self, tenant: TenantId, id: i64) -> Result<Option<InputFile>> {
        read!(self, |db| {
            sqlx::query_as::<_, InputFile>(
                "SELECT f.filename, f.content_type, f.content FROM inputs i JOIN files f ON f.id = i.file_id
                 WHERE i.tenant_id = $1 AND i.id = $2 AND f.tenant_id = $1",
            )
            .bind(tenant.0)
            .bind(id)
            .fetch_optional(db)
            .await
            .map_err(Into::into)
        })
    }

    /// Keeps an input sent with an e-mail address only, unpublished, with the hash of the
    /// confirmation link's secret, and queues the e-mail carrying the link, in one transaction.
    pub async fn create_pending_input(
        &self,
        tenant: TenantId,
        pending: &NewPendingInput,
        file: Option<&NewFile<'_>>,
        mail: &crate::NewMail,
        ctx: &AuditCtx,
    ) -> Result<i64> {
        Ok(write!(self, |tx| {
            let file_id: Option<i64> = match file {
                Some(file) => Some(insert_input_file!(tx, tenant, file, ctx)),
                None => None,
            };
            let input = &pending.input;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO input_pending (tenant_id, phase_id, kind, title, body, theme_id, admin_unit, file_id,
                     author_name, email, lang, token_hash, expires_at, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
            )
            .bind(tenant.0)
            .bind(pending.phase_id)
            .bind(input.kind.key())
            .bind(&input.title)
            .bind(&input.body)
            .bind(input.theme_id)
            .bind(&input.admin_unit)
            .bind(file_id)
            .bind(&pending.author_name)
            .bind(&pending.email)
            .bind(pending.lang.code())
            .bind(&pending.token_hash)
            .bind(pending.expires_at)
            .bind(ctx.at)
            .fetch_one(&mut *tx)
            .await?;
            // The confirmation e-mail is about the waiting input, so that erasing the waiting
            // input erases the address and the text of its e-mail too.
            let mail = crate::NewMail {
                about: Some(pending_about(id)),
                ..mail.clone()
            };
            crate::common::outbox::enqueue!(tx, Some(tenant), &mail, ctx.at);
            audit!(
                tx,
                ctx,
                "input.pending",
                "input_pending",
                id,
                None,
                Some(json!({"phase_id": pending.phase_id, "title": input.title}))
            );
            id
        }))
    }

    /// Erases every waiting input whose link has expired, confirmed or not: the name, address
    /// and text of someone without an account are kept no longer than the link they were sent
    /// (a confirmed one lives on as an input of that person's account). An unconfirmed one's
    /// attachment goes too, and so do the address and the text of its confirmation e-mail.
    /// Returns how many were erased.
    pub async fn purge_expired_pending_inputs(&self, now: DateTime<Utc>) -> Result<u64> {
        Ok(write!(self, |tx| {
            let expired: Vec<(i64, i64, Option<i64>, Option<i64>)> =
                sqlx::query_as("SELECT id, tenant_id, file_id, input_id FROM input_pending WHERE expires_at <= $1")
                    .bind(now)
                    .fetch_all(&mut *tx)
                    .await?;
            for (id, tenant, file_id, input_id) in &expired {
                sqlx::query("UPDATE outbox SET recipient = '', body_text = '' WHERE tenant_id = $1 AND about = $2")
                    .bind(tenant)
                    .bind(pending_about(*id))
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("DELETE FROM input_pending WHERE tenant_id = $1 AND id = $2")
                    .bind(tenant)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                // A confirmed input keeps its attachment.
                if let (Some(file), None) = (file_id, input_id) {
                    sqlx::query("DELETE FROM files WHERE tenant_id = $1 AND id = $2")
                        .bind(tenant)
                        .bind(file)
                        .execute(&mut *tx)
                        .await?;
                }
            }
            expired.len() as u64
        }))
    }

    /// Follows a confirmation link: publishes the waiting input under the account of its
    /// address (a password-less verified one is made when there is none; its owner may set a
    /// password with "forgot password"). A link followed twice gives the same input again;
    /// `None` for an unknown or expired link.
    pub async fn confirm_pending_input(
        &self,
        tenant: TenantId,
        token_hash: &str,
        ctx: &AuditCtx,
    ) -> Result<Option<ConfirmedInput>> {
        Ok(write!(self, |tx| {
            // Claimed first with an UPDATE (a no-op one): a second click on the link waits here
            // for the first one's transaction (PostgreSQL's row lock; SQLite's single writer)
            // and then reads the `input_id` it wrote, so the input is made once.
            let row: Option<PendingRow> = sqlx::query_as(
                "UPDATE input_pending SET expires_at = expires_at
                 WHERE tenant_id = $1 AND token_hash = $2 AND expires_at > $3
                 RETURNING id, phase_id, kind, title, body, theme_id, admin_unit, file_id, author_name, email, lang, input_id",
            )
            .bind(tenant.0)
            .bind(token_hash)
            .bind(ctx.at)
            .fetch_optional(&mut *tx)
            .await?;
            match row {
                None => None,
                Some(p) => {
                    let existing: Option<UserIdRow> = sqlx::query_as(
                        "SELECT id FROM users WHERE tenant_id = $1 AND email = $2 AND deleted_at IS NULL",
                    )
                    .bind(tenant.0)
                    .bind(&p.email)
                    .fetch_optional(&mut *tx)
                    .await?;
                    let user: i64 = match existing {
                        Some(u) => u.id,
                        None => {
                            // The account may be made meanwhile by another link of the same
                            // address (or a registration): ON CONFLICT makes nothing, and the
                            // account is read again.
                            let created: Option<i64> = sqlx::query_scalar(
                                "INSERT INTO users (tenant_id, email, display_name, password_hash, lang,
                                     email_verified_at, created_at)
                                 VALUES ($1, $2, $3, '', $4, $5, $5)
                                 ON CONFLICT (tenant_id, email) DO NOTHING RETURNING id",
                            )
                            .bind(tenant.0)
                            .bind(&p.email)
                            .bind(&p.author_name)
                            .bind(&p.lang)
                            .bind(ctx.at)
                            .fetch_optional(&mut *tx)
                            .await?;
                            match created {
                                None => {
                                    let again: Option<UserIdRow> = sqlx::query_as(
                                        "SELECT id FROM users
                                         WHERE tenant_id = $1 AND email = $2 AND deleted_at IS NULL",
                                    )
                                    .bind(tenant.0)
                                    .bind(&p.email)
                                    .fetch_optional(&mut *tx)
                                    .await?;
                                    match again {
                                        Some(u) => u.id,
                                        // A deleted account keeps its address: no input is made.
                                        None => return Ok(None),
                                    }
                                }
                                Some(id) => {
                                    sqlx::query(
                                        "INSERT INTO role_grants (tenant_id, user_id, role, granted_at)
                                         VALUES ($1, $2, 'participant', $3)",
                                    )
                                    .bind(tenant.0)
                                    .bind(id)
                                    .bind(ctx.at)
                                    .execute(&mut *tx)
                                    .await?;
                                    audit!(
                                        tx,
                                        ctx,
                                        "user.create",
                                        "user",
                                        id,
                                        None,
                                        Some(json!({"email": p.email, "display_name": p.author_name,
                                            "roles": ["participant"]}))
                                    );
                                    id
                                }
                            }
                        }
                    };
                    let input_id = match p.input_id {
                        Some(done) => done,
                        None => {
                            let kind = InputKind::try_from(p.kind.clone())?;
                            let input = NewInput {
                                kind,
                                title: p.title.clone(),
                                body: p.body.clone(),
                                theme_id: p.theme_id,
                                admin_unit: p.admin_unit.clone(),
                                org_id: None,
                            };
                            let id = insert_input!(self, tx, tenant, p.phase_id, user, &input, p.file_id, ctx);
                            sqlx::query("UPDATE input_pending SET input_id = $3 WHERE tenant_id = $1 AND id = $2")
                                .bind(tenant.0)
                                .bind(p.id)
                                .bind(id)
                                .execute(&mut *tx)
                                .await?;
                            audit!(
                                tx,
                                ctx,
                                "input.create",
                                "input",
                                id,
                                None,
                                Some(json!({"phase_id": p.phase_id, "input": input, "file_id": p.file_id,
                                    "confirmed_email": true}))
                            );
                            id
                        }
                    };
                    Some(ConfirmedInput {
                        input: input_id,
                        user: UserId(user),
                    })
                }
            }
        }))
    }

    /// The title of the input a confirmation link stands for, while the link is valid (it stays
    /// valid after use until it expires, so that a second click shows the same input).
    pub async fn pending_input_title(
        &self,
        tenant: TenantId,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<String>> {
        read!(self, |db| {
            sqlx::query_scalar::<_, String>(
                "SELECT title FROM input_pending WHERE tenant_id = $1 AND token_hash = $2 AND expires_at > $3",
            )
            .bind(tenant.0)
            .bind(token_hash)
            .bind(now)
            .fetch_optional(db)
            .await
            .map_err(Into::into)
        })
    }

    /// The organisations `user` may write on behalf of (those they are a member of): ids only.
    pub async fn user_org_ids(&self, tenant: TenantId, user: UserId) -> Result<Vec<i64>> {
        Ok(self
            .orgs_of_user(tenant, user)
            .await?
            .into_iter()
            .map(|o| o.id)
            .collect())
    }

    /// Whether an address already has an account here (an e-mail-only input for an address with
    /// an account is published under that account once confirmed).
    pub async fn email_has_account(&self, tenant: TenantId, email: &Email) -> Result<bool> {
        Ok(self.user_by_email(tenant, email).await?.is_some())
    }
}
