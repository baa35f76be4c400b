//! Accounts, sessions and the one-time tokens sent by e-mail.

use chrono::{DateTime, Utc};
use domain::{Email, Lang, Role, RoleSet, TenantId, UserId};
use serde_json::json;

use crate::{AuditCtx, NewMail, Result, Store, StoreError, audit, common::outbox::enqueue, read, write};

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct UserRow {
    pub id: i64,
    pub tenant_id: i64,
    pub email: Option<String>,
    pub display_name: String,
    pub lang: String,
    pub email_verified_at: Option<DateTime<Utc>>,
    pub deleted_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl UserRow {
    pub fn id(&self) -> UserId {
        UserId(self.id)
    }
    pub fn lang(&self) -> Lang {
        Lang::parse(&self.lang).unwrap_or_default()
    }
}

/// What log-in needs to know about an address.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LoginRow {
    pub id: i64,
    pub password_hash: Option<String>,
    pub email_verified_at: Option<DateTime<Utc>>,
}

/// The person behind a valid session, with their roles in the session's tenant.
#[derive(Debug, Clone)]
pub struct SessionUser {
    pub user: UserRow,
    pub roles: RoleSet,
    pub expires_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenPurpose {
    VerifyEmail,
    ResetPassword,
    ChangeEmail,
    RoleInvite,
    OrgInvite,
}

impl TokenPurpose {
    pub fn key(self) -> &'static str {
        match self {
            TokenPurpose::VerifyEmail => "verify_email",
            TokenPurpose::ResetPassword => "reset_password",
            TokenPurpose::ChangeEmail => "change_email",
            TokenPurpose::RoleInvite => "role_invite",
            TokenPurpose::OrgInvite => "org_invite",
        }
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TokenRow {
    pub token_hash: String,
    pub tenant_id: i64,
    pub purpose: String,
    pub user_id: Option<i64>,
    pub email: String,
    pub role: Option<String>,
    pub org_id: Option<i64>,
    pub created_by: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub used_at: Option<DateTime<Utc>>,
}

/// A token to store, with its purpose-specific payload.
#[derive(Debug, Clone)]
pub struct NewToken {
    pub token_hash: String,
    pub purpose: TokenPurpose,
    pub user_id: Option<UserId>,
    pub email: String,
    pub role: Option<Role>,
    pub org_id: Option<i64>,
    pub expires_at: DateTime<Utc>,
}

const USER_COLUMNS: &str = "u.id, u.tenant_id, u.email, u.display_name, u.lang, \
     u.email_verified_at, u.deleted_at, u.created_at";

macro_rules! insert_token {
    ($tx:ident, $tenant:expr, $token:expr, $ctx:expr) => {{
        let token: &NewToken = $token;
        sqlx::query(
            "INSERT INTO email_tokens (token_hash, tenant_id, purpose, user_id, email, role, org_id,
                                       created_by, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(&token.token_hash)
        .bind($tenant.0)
        .bind(token.purpose.key())
        .bind(token.user_id.map(|u| u.0))
        .bind(&token.email)
        .bind(token.role.map(|r| r.key()))
        .bind(token.org_id)
        .bind($ctx.actor.map(|a| a.0))
        .bind($ctx.at)
        .bind(token.expires_at)
        .execute(&mut *$tx)
        .await?;
    }};
}

/// Marks a token used; fails with a conflict on `token` when another request used it first.
macro_rules! consume_token {
    ($tx:ident, $token_hash:expr, $at:expr) => {{
        let done = sqlx::query("UPDATE email_tokens SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL")
            .bind($at)
            .bind($token_hash)
            .execute(&mut *$tx)
            .await?;
        if done.rows_affected() != 1 {
            return Err(StoreError::Conflict { field: "token".into() });
        }
    }};
}
pub(crate) use consume_token;

impl Store {
    /// Creates an unverified account with the participant role, its verification token and the
    /// verification e-mail, atomically.
    #[allow(clippy::too_many_arguments)]
    pub async fn sign_up(
        &self,
        tenant: TenantId,
        email: &Email,
        display_name: &str,
        password_hash: &str,
        lang: Lang,
        token: &NewToken,
        mail: &NewMail,
        ctx: &AuditCtx,
    ) -> Result<UserId> {
        Ok(write!(self, |tx| {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO users (tenant_id, email, display_name, password_hash, lang, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(tenant.0)
            .bind(email.as_str())
            .bind(display_name)
            .bind(password_hash)
            .bind(lang.code())
            .bind(ctx.at)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query("INSERT INTO role_grants (tenant_id, user_id, role, granted_at) VALUES ($1, $2, $3, $4)")
                .bind(tenant.0)
                .bind(id)
                .bind(Role::Participant.key())
                .bind(ctx.at)
                .execute(&mut *tx)
                .await?;
            let token = NewToken {
                user_id: Some(UserId(id)),
                ..token.clone()
            };
            insert_token!(tx, tenant, &token, ctx);
            enqueue!(tx, Some(tenant), mail, ctx.at);
            let ctx = AuditCtx {
                actor: Some(UserId(id)),
                ..ctx.clone()
            };
            audit!(
                tx,
                &ctx,
                "user.sign_up",
                "user",
                id,
                None,
                Some(json!({"email": email.as_str(), "display_name": display_name, "lang": lang.code()}))
            );
            UserId(id)
        }))
    }

    /// Stores a one-time token and the e-mail that carries it, atomically.
    pub async fn issue_token(&self, tenant: TenantId, token: &NewToken, mail: &NewMail, ctx: &AuditCtx) -> Result<()> {
        write!(self, |tx| {
            insert_token!(tx, tenant, token, ctx);
            enqueue!(tx, Some(tenant), mail, ctx.at);
            audit!(
                tx,
                ctx,
                format!("token.issue.{}", token.purpose.key()),
                "email_token",
                token.user_id.map(|u| u.0).unwrap_or_default(),
                None,
                Some(json!({"email": token.email, "role": token.role.map(|r| r.key()), "org_id": token.org_id}))
            );
        });
        Ok(())
    }

    pub async fn find_token(
        &self,
        tenant: TenantId,
        token_hash: &str,
        purpose: TokenPurpose,
    ) -> Result<Option<TokenRow>> {
        read!(self, |db| {
            sqlx::query_as::<_, TokenRow>(
                "SELECT token_hash, tenant_id, purpose, user_id, email, role, org_id, created_by,
                        created_at, expires_at, used_at
                 FROM email_tokens WHERE token_hash = $1 AND tenant_id = $2 AND purpose = $3",
            )
            .bind(token_hash)
            .bind(tenant.0)
            .bind(purpose.key())
            .fetch_optional(db)
            .await
            .map_err(Into::into)
        })
    }

    /// Counts tokens of one purpose issued for an address since `since` (to limit e-mail sends).
    pub async fn count_recent_tokens(
        &self,
        tenant: TenantId,
        email: &str,
        purpose: TokenPurpose,
        since: DateTime<Utc>,
    ) -> Result<i64> {
        read!(self, |db| {
            sqlx::query_scalar::<_, i64>(
                "SELECT COUNT(*) FROM email_tokens
                 WHERE tenant_id = $1 AND email = $2 AND purpose = $3 AND created_at > $4",
            )
            .bind(tenant.0)
            .bind(email)
            .bind(purpose.key())
            .bind(since)
            .fetch_one(db)
            .await
            .map_err(Into::into)
        })
    }

    pub async fn verify_email(&self, token: &TokenRow, ctx: &AuditCtx) -> Result<UserId> {
        let user = token.user_id.ok_or(StoreError::NotFound)?;
        write!(self, |tx| {
            consume_token!(tx, &token.token_hash, ctx.at);
            sqlx::query(
                "UPDATE users SET email_verified_at = $1 WHERE id = $2 AND tenant_id = $3 AND email_verified_at IS NULL",
            )
            .bind(ctx.at)
            .bind(user)
            .bind(token.tenant_id)
            .execute(&mut *tx)
            .await?;
            audit!(
                tx,
                ctx,
                "user.verify_email",
                "user",
                user,
                None,
                Some(json!({"email": token.email}))
            );
        });
        Ok(UserId(user))
    }

    pub async fn user_for_login(&self, tenant: TenantId, email: &Email) -> Result<Option<LoginRow>> {
        read!(self, |db| {
            sqlx::query_as::<_, LoginRow>(
                "SELECT id, password_hash, email_verified_at FROM users
                 WHERE tenant_id = $1 AND email = $2 AND deleted_at IS NULL",
            )
            .bind(tenant.0)
            .bind(email.as_str())
            .fetch_optional(db)
            .await
            .map_err(Into::into)
        })
    }

    pub async fn user_by_id(&self, tenant: TenantId, user: UserId) -> Result<Option<UserRow>> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users u WHERE u.tenant_id = $1 AND u.id = $2");
        read!(self, |db| {
            sqlx::query_as::<_, UserRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(user.0)
                .fetch_optional(db)
                .await
                .map_err(Into::into)
        })
    }

    pub async fn user_by_email(&self, tenant: TenantId, email: &Email) -> Result<Option<UserRow>> {
        let sql = format!(
            "SELECT {USER_COLUMNS} FROM users u WHERE u.tenant_id = $1 AND u.email = $2 AND u.deleted_at IS NULL"
        );
        read!(self, |db| {
            sqlx::query_as::<_, UserRow>(sqlx::AssertSqlSafe(sql))
                .bind(tenant.0)
                .bind(email.as_str())
                .fetch_optional(db)
                .await
                .map_err(Into::into)
        })
    }

    pub async fn create_session(
        &self,
        tenant: TenantId,
        user: UserId,
        token_hash: &str,
        expires_at: DateTime<Utc>,
        ctx: &AuditCtx,
    ) -> Result<()> {
        write!(self, |tx| {
            sqlx::query(
                "INSERT INTO sessions (token_hash, tenant_id, user_id, created_at, expires_at)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(token_hash)
            .bind(tenant.0)
            .bind(user.0)
            .bind(ctx.at)
            .bind(expires_at)
            .execute(&mut *tx)
            .await?;
            audit!(tx, ctx, "user.log_in", "user", user.0, None, None);
        });
        Ok(())
    }

    /// The signed-in person for a session token hash, if the session exists, has not expired
    /// and belongs to this tenant.
    pub async fn session_user(
        &self,
        tenant: TenantId,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<SessionUser>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            #[sqlx(flatten)]
            user: UserRow,
            expires_at: DateTime<Utc>,
        }
        let sql = format!(
            "SELECT {USER_COLUMNS}, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id
             WHERE s.token_hash = $1 AND s.tenant_id = $2 AND s.expires_at > $3 AND u.deleted_at IS NULL"
        );
        let row: Option<Row> = read!(self, |db| {
            sqlx::query_as::<_, Row>(sqlx::AssertSqlSafe(sql))
                .bind(token_hash)
                .bind(tenant.0)
                .bind(now)
                .fetch_optional(db)
                .await?
        });
        let Some(row) = row else { return Ok(None) };
        let roles = self.roles_of(tenant, row.user.id()).await?;
        Ok(Some(SessionUser {
            user: row.user,
            roles,
            expires_at: row.expires_at,
        }))
    }

    pub async fn delete_session(&self, token_hash: &str, user: UserId, ctx: &AuditCtx) -> Result<()> {
        write!(self, |tx| {
            sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
                .bind(token_hash)
                .execute(&mut *tx)
                .await?;
            audit!(tx, ctx, "user.log_out", "user", user.0, None, None);
        });
        Ok(())
    }

    /// Removes expired sessions and tokens; returns how many rows went.
    pub async fn purge_expired(&self, now: DateTime<Utc>) -> Result<u64> {
        Ok(write!(self, |tx| {
            let a = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
                .bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            let b = sqlx::query("DELETE FROM email_tokens WHERE expires_at <= $1")
                .bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            a + b
        }))
    }

    /// Sets a new password from a reset link and ends every session of the account.
    pub async fn reset_password(&self, token: &TokenRow, new_hash: &str, ctx: &AuditCtx) -> Result<UserId> {
        let user = token.user_id.ok_or(StoreError::NotFound)?;
        write!(self, |tx| {
            consume_token!(tx, &token.token_hash, ctx.at);
            // Following a link from the mailbox also proves the address.
            sqlx::query(
                "UPDATE users SET password_hash = $1, email_verified_at = COALESCE(email_verified_at, $2)
                 WHERE id = $3 AND tenant_id = $4",
            )
            .bind(new_hash)
            .bind(ctx.at)
            .bind(user)
            .bind(token.tenant_id)
            .execute(&mut *tx)
            .await?;
            sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                .bind(user)
                .execute(&mut *tx)
                .await?;
            audit!(tx, ctx, "user.reset_password", "user", user, None, None);
        });
        Ok(UserId(user))
    }

    pub async fn password_hash(&self, tenant: TenantId, user: UserId) -> Result<Option<String>> {
        read!(self, |db| {
            sqlx::query_scalar::<_, Option<String>>("SELECT password_hash FROM users WHERE tenant_id = $1 AND id = $2")
                .bind(tenant.0)
                .bind(user.0)
                .fetch_optional(db)
                .await
                .map(Option::flatten)
                .map_err(Into::into)
        })
    }

    /// Changes the password and revokes every session of the account, in one transaction.
    pub async fn change_password(&self, tenant: TenantId, user: UserId, new_hash: &str, ctx: &AuditCtx) -> Result<()> {
        write!(self, |tx| {
            sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2 AND tenant_id = $3")
                .bind(new_hash)
                .bind(user.0)
                .bind(tenant.0)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                .bind(user.0)
                .execute(&mut *tx)
                .await?;
            audit!(tx, ctx, "user.change_password", "user", user.0, None, None);
        });
        Ok(())
    }

    /// Applies a verified change of address. Conflict on `email` when it was taken meanwhile.
    pub async fn confirm_email_change(&self, token: &TokenRow, ctx: &AuditCtx) -> Result<UserId> {
        let user = token.user_id.ok_or(StoreError::NotFound)?;
        write!(self, |tx| {
            consume_token!(tx, &token.token_hash, ctx.at);
            let before: Option<String> = sqlx::query_scalar("SELECT email FROM users WHERE id = $1 AND tenant_id = $2")
                .bind(user)
                .bind(token.tenant_id)
                .fetch_one(&mut *tx)
                .await?;
            sqlx::query("UPDATE users SET email = $1, email_verified_at = $2 WHERE id = $3 AND tenant_id = $4")
                .bind(&token.email)
                .bind(ctx.at)
                .bind(user)
                .bind(token.tenant_id)
                .execute(&mut *tx)
                .await?;
            audit!(
                tx,
                ctx,
                "user.change_email",
                "user",
                user,
                Some(json!({"email": before})),
                Some(json!({"email": token.email}))
            );
        });
        Ok(UserId(user))
    }

    pub async fn set_user_lang(&self, tenant: TenantId, user: UserId, lang: Lang, ctx: &AuditCtx) -> Result<()> {
        write!(self, |tx| {
            let before: String = sqlx::query_scalar("SELECT lang FROM users WHERE id = $1 AND tenant_id = $2")
                .bind(user.0)
                .bind(tenant.0)
                .fetch_one(&mut *tx)
                .await?;
            sqlx::query("UPDATE users SET lang = $1 WHERE id = $2")
                .bind(lang.code())
                .bind(user.0)
                .execute(&mut *tx)
                .await?;
            audit!(
                tx,
                ctx,
                "user.set_lang",
                "user",
                user.0,
                Some(json!({"lang": before})),
                Some(json!({"lang": lang.code()}))
            );
        });
        Ok(())
    }

    /// Erases the personal data of an account. The row stays, renamed to `anonymous_name`, so
    /// that news items, audit entries and (later) contributions keep a neutral author; e-mail,
    /// password, sessions, tokens, roles and organisation memberships go, and the person's
    /// addresses and name are scrubbed from the outbox and the audit log.
    pub async fn delete_account(
        &self,
        tenant: TenantId,
        user: UserId,
        anonymous_name: &str,
        ctx: &AuditCtx,
    ) -> Result<()> {
        write!(self, |tx| {
            // Every address the person used (sign-up, changes) and their name, to scrub from the
            // outbox and the audit log as well: the erasure must reach the copies too.
            let (name, email): (String, Option<String>) =
                sqlx::query_as("SELECT display_name, email FROM users WHERE id = $1 AND tenant_id = $2")
                    .bind(user.0)
                    .bind(tenant.0)
                    .fetch_one(&mut *tx)
                    .await?;
            let mut addresses: Vec<String> = sqlx::query_scalar("SELECT email FROM email_tokens WHERE user_id = $1")
                .bind(user.0)
                .fetch_all(&mut *tx)
                .await?;
            addresses.extend(email);
            addresses.sort();
            addresses.dedup();
            let mut secrets = addresses.clone();
            // A very short name could match unrelated text; such names identify nobody anyway.
            if name.chars().count() >= 3 {
                secrets.push(name.clone());
            }
            for address in &addresses {
                sqlx::query(
                    "UPDATE outbox SET recipient = '[erased]', subject = '[erased]', body_text = '[erased]'
                     WHERE tenant_id = $1 AND recipient = $2",
                )
                .bind(tenant.0)
                .bind(address)
                .execute(&mut *tx)
                .await?;
            }
            for secret in &secrets {
                sqlx::query(
                    "UPDATE audit_log SET before_json = REPLACE(before_json, $1, '[erased]'),
                                          after_json = REPLACE(after_json, $1, '[erased]')
                     WHERE tenant_id = $2",
                )
                .bind(secret)
                .bind(tenant.0)
                .execute(&mut *tx)
                .await?;
            }
            sqlx::query(
                "UPDATE users SET email = NULL, password_hash = NULL, display_name = $1, deleted_at = $2
                 WHERE id = $3 AND tenant_id = $4",
            )
            .bind(anonymous_name)
            .bind(ctx.at)
            .bind(user.0)
            .bind(tenant.0)
            .execute(&mut *tx)
            .await?;
            for sql in [
                "DELETE FROM sessions WHERE user_id = $1",
                "DELETE FROM email_tokens WHERE user_id = $1",
                "DELETE FROM role_grants WHERE user_id = $1",
                "DELETE FROM org_members WHERE user_id = $1",
                // A forum seat ends with the account; what the person chose to record about
                // themselves (gender, youth, rural residence) goes, the counted attendance stays.
                "UPDATE forum_members SET gender = NULL, youth = NULL, rural = NULL, answer_token_hash = NULL,
                     status = CASE WHEN status IN ('invited', 'accepted') THEN 'left' ELSE status END
                 WHERE user_id = $1",
                "UPDATE meeting_attendance SET gender = NULL, youth = NULL, rural = NULL WHERE user_id = $1",
                "DELETE FROM meeting_answer_links WHERE user_id = $1",
                "DELETE FROM calendar_feeds WHERE user_id = $1",
            ] {
                sqlx::query(sql).bind(user.0).execute(&mut *tx).await?;
            }
            audit!(
                tx,
                ctx,
                "user.delete",
                "user",
                user.0,
                None,
                Some(json!({"display_name": anonymous_name}))
            );
        });
        Ok(())
    }
}

impl Store {
    /// Creates an account whose address is already trusted (command line, demo data), with the
    /// given roles besides participant.
    pub async fn create_verified_user(
        &self,
        tenant: TenantId,
        email: &Email,
        display_name: &str,
        password_hash: &str,
        lang: Lang,
        roles: &[Role],
        ctx: &AuditCtx,
    ) -> Result<UserId> {
        Ok(write!(self, |tx| {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO users (tenant_id, email, display_name, password_hash, lang, email_verified_at, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
            )
            .bind(tenant.0)
            .bind(email.as_str())
            .bind(display_name)
            .bind(password_hash)
            .bind(lang.code())
            .bind(ctx.at)
            .fetch_one(&mut *tx)
            .await?;
            let mut all: Vec<Role> = vec![Role::Participant];
            all.extend(roles.iter().copied().filter(|r| *r != Role::Participant));
            for role in &all {
                sqlx::query("INSERT INTO role_grants (tenant_id, user_id, role, granted_at) VALUES ($1, $2, $3, $4)")
                    .bind(tenant.0)
                    .bind(id)
                    .bind(role.key())
                    .bind(ctx.at)
                    .execute(&mut *tx)
                    .await?;
            }
            audit!(
                tx,
                ctx,
                "user.create",
                "user",
                id,
                None,
                Some(
                    json!({"email": email.as_str(), "display_name": display_name, "roles": all.iter().map(|r| r.key()).collect::<Vec<_>>()})
                )
            );
            UserId(id)
        }))
    }
}
