//! E-mails to the followers of an input (a new comment, its answer), per each person's choice:
//! at once, or gathered in a daily digest. Every e-mail carries a one-click unsubscribe link
//! whose secret is made for that e-mail (only its hash is kept, in `input_unsubscribe_links`),
//! so that the link of every e-mail ever sent keeps working.
//!
//! Who follows an input: everyone with a row in `input_follows` not marked `unfollowed_at`, and
//! its author unless a row of theirs says they stopped (authors follow their own input without
//! having to ask).

use chrono::{DateTime, Utc};
use domain::{TenantId, UserId, input::NotifyMode};
use serde_json::json;

use crate::{AuditCtx, NewMail, Result, Store, audit, common::outbox::enqueue, read, write};

/// A follower as the e-mail to them needs them.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FollowerRow {
    pub user_id: i64,
    pub email: String,
    pub display_name: String,
    pub lang: String,
    #[sqlx(try_from = "String")]
    pub notify_mode: NotifyMode,
}

/// The e-mail to one follower, with the hash of the unsubscribe secret its link carries.
#[derive(Debug, Clone)]
pub struct FollowerMail {
    pub mail: NewMail,
    pub unsubscribe_hash: String,
}

/// Builds the e-mail to one follower told at once (`notify_mode = immediate`). Called inside the
/// transaction, once per such follower: it must not block.
pub type FollowerMailBuilder<'a> = dyn Fn(&FollowerRow) -> FollowerMail + Send + Sync + 'a;

/// The followers of `input` (see the module documentation), `exclude` left out (the person who
/// acted is not told about what they did). Only people with an e-mail address and an account.
pub(crate) const FOLLOWERS_SQL: &str = "SELECT u.id AS user_id, u.email AS email, u.display_name, u.lang, u.notify_mode
     FROM input_follows f JOIN users u ON u.id = f.user_id AND u.tenant_id = f.tenant_id
     WHERE f.tenant_id = $1 AND f.input_id = $2 AND f.unfollowed_at IS NULL
       AND u.deleted_at IS NULL AND u.email IS NOT NULL AND ($3 IS NULL OR u.id <> $3)
     UNION
     SELECT u.id AS user_id, u.email AS email, u.display_name, u.lang, u.notify_mode
     FROM inputs i JOIN users u ON u.id = i.author_id AND u.tenant_id = i.tenant_id
     WHERE i.tenant_id = $1 AND i.id = $2
       AND NOT EXISTS (SELECT 1 FROM input_follows f WHERE f.tenant_id = i.tenant_id AND f.input_id = i.id
                       AND f.user_id = i.author_id)
       AND u.deleted_at IS NULL AND u.email IS NOT NULL AND ($3 IS NULL OR u.id <> $3)";

/// Tells the followers of an input about an event, inside an open write transaction (`$tx`):
/// those who want e-mails at once get one now (queued in the outbox, with its unsubscribe link
/// recorded), those who chose the daily digest get an `input_notifications` row that the digest
/// job sends later. Evaluates to the number of followers told.
///
/// For other parts of public input (the answers part calls it from its publishing transaction):
///
/// ```ignore
/// let told = crate::input::notifications::queue_follower_mails!(
///     tx,            // the open transaction
///     tenant,        // domain::TenantId
///     input_id,      // i64: the input whose followers are told
///     "answer",      // &str: the event, "comment" or "answer"
///     exclude,       // Option<domain::UserId>: who acted, not told
///     at,            // DateTime<Utc>: now
///     build          // &FollowerMailBuilder: see services' `follower_mail_builder`
/// );
/// ```
macro_rules! queue_follower_mails {
    ($tx:ident, $tenant:expr, $input:expr, $event:expr, $exclude:expr, $at:expr, $build:expr) => {{
        let tenant: domain::TenantId = $tenant;
        let input: i64 = $input;
        let event: &str = $event;
        let exclude: Option<domain::UserId> = $exclude;
        let at: chrono::DateTime<chrono::Utc> = $at;
        let build: &$crate::input::notifications::FollowerMailBuilder = $build;
        let followers =
            sqlx::query_as::<_, $crate::input::notifications::FollowerRow>($crate::input::notifications::FOLLOWERS_SQL)
                .bind(tenant.0)
                .bind(input)
                .bind(exclude.map(|u| u.0))
                .fetch_all(&mut *$tx)
                .await?;
        for follower in &followers {
            match follower.notify_mode {
                domain::input::NotifyMode::Immediate => {
                    let out = build(follower);
                    sqlx::query(
                        "INSERT INTO input_unsubscribe_links (token_hash, tenant_id, input_id, user_id, created_at)
                         VALUES ($1, $2, $3, $4, $5)",
                    )
                    .bind(&out.unsubscribe_hash)
                    .bind(tenant.0)
                    .bind(input)
                    .bind(follower.user_id)
                    .bind(at)
                    .execute(&mut *$tx)
                    .await?;
                    $crate::common::outbox::enqueue!($tx, Some(tenant), &out.mail, at);
                }
                domain::input::NotifyMode::DailyDigest => {
                    sqlx::query(
                        "INSERT INTO input_notifications (tenant_id, user_id, input_id, event, created_at)
                         VALUES ($1, $2, $3, $4, $5)",
                    )
                    .bind(tenant.0)
                    .bind(follower.user_id)
                    .bind(input)
                    .bind(event)
                    .bind(at)
                    .execute(&mut *$tx)
                    .await?;
                }
            }
        }
        followers.len()
    }};
}
pub(crate) use queue_follower_mails;

/// Someone with digest rows waiting: when the oldest was written and when their last digest went.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DigestCandidate {
    pub tenant_id: i64,
    pub user_id: i64,
    pub oldest: DateTime<Utc>,
    pub last_digest: Option<DateTime<Utc>>,
}

/// One line of a digest: an event on an input (hidden inputs are left out).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DigestItem {
    pub id: i64,
    pub input_id: i64,
    pub title: String,
    pub event: String,
    pub created_at: DateTime<Utc>,
}

/// What a digest's builder returns: the e-mail and, per input it links to, the hash of that
/// link's unsubscribe secret.
#[derive(Debug, Clone)]
pub struct DigestMail {
    pub mail: NewMail,
    pub links: Vec<(i64, String)>,
}

/// An unsubscribe link, resolved: whose, which input, and whether they still follow it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UnsubscribeRow {
    pub input_id: i64,
    pub user_id: i64,
    pub title: String,
    pub following: bool,
}

const FOLLOWING_SQL: &str =
    "SELECT CASE WHEN EXISTS (SELECT 1 FROM input_follows f WHERE f.tenant_id = $1 AND f.input_id = $2
                                          AND f.user_id = $3 AND f.unfollowed_at IS NULL) THEN TRUE
            WHEN EXISTS (SELECT 1 FROM input_follows f WHERE f.tenant_id = $1 AND f.input_id = $2 AND f.user_id = $3)
                 THEN FALSE
            ELSE EXISTS (SELECT 1 FROM inputs i WHERE i.tenant_id = $1 AND i.id = $2 AND i.author_id = $3) END";

/// Stops `$user` following `$input` inside a transaction: the row stays, marked (an author has
/// no row until they stop). Evaluates to `true` when they were following.
macro_rules! stop_following {
    ($tx:ident, $tenant:expr, $input:expr, $user:expr, $at:expr) => {{
        let was: bool = sqlx::query_scalar(FOLLOWING_SQL)
            .bind($tenant.0)
            .bind($input)
            .bind($user)
            .fetch_one(&mut *$tx)
            .await?;
        sqlx::query(
            "INSERT INTO input_follows (tenant_id, input_id, user_id, created_at, unfollowed_at)
             SELECT $1, i.id, $3, $4, $4 FROM inputs i WHERE i.tenant_id = $1 AND i.id = $2
             ON CONFLICT (input_id, user_id) DO UPDATE SET unfollowed_at = excluded.unfollowed_at",
        )
        .bind($tenant.0)
        .bind($input)
        .bind($user)
        .bind($at)
        .execute(&mut *$tx)
        .await?;
        was
    }};
}

impl Store {
    /// The followers of an input, `exclude` left out (see the module documentation).
    pub async fn followers(&self, tenant: TenantId, input: i64, exclude: Option<UserId>) -> Result<Vec<FollowerRow>> {
        Ok(read!(self, |db| {
            sqlx::query_as::<_, FollowerRow>(FOLLOWERS_SQL)
                .bind(tenant.0)
                .bind(input)
                .bind(exclude.map(|u| u.0))
                .fetch_all(db)
                .await?
        }))
    }

    /// Whether `user` follows `input` (its author does unless they stopped).
    pub async fn is_following(&self, tenant: TenantId, input: i64, user: UserId) -> Result<bool> {
        Ok(read!(self, |db| {
            sqlx::query_scalar::<_, bool>(FOLLOWING_SQL)
                .bind(tenant.0)
                .bind(input)
                .bind(user.0)
                .fetch_one(db)
                .await?
        }))
    }

    /// Starts following (again). `false` when the input is not the tenant's, or hidden or withdrawn.
    pub async fn follow_input(&self, tenant: TenantId, input: i64, user: UserId, ctx: &AuditCtx) -> Result<bool> {
        Ok(write!(self, |tx| {
            let done = sqlx::query(
                "INSERT INTO input_follows (tenant_id, input_id, user_id, created_at)
                 SELECT $1, i.id, $3, $4 FROM inputs i WHERE i.tenant_id = $1 AND i.id = $2
                   AND i.hidden_at IS NULL AND i.withdrawn_at IS NULL AND i.state = 'published'
                 ON CONFLICT (input_id, user_id) DO UPDATE SET unfollowed_at = NULL",
            )
            .bind(tenant.0)
            .bind(input)
            .bind(user.0)
            .bind(ctx.at)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 1 {
                audit!(tx, ctx, "input.follow", "input", input, None, None);
            }
            done.rows_affected() == 1
        }))
    }

    /// Stops following. `true` when the person was following.
    pub async fn unfollow_input(&self, tenant: TenantId, input: i64, user: UserId, ctx: &AuditCtx) -> Result<bool> {
        Ok(write!(self, |tx| {
            let was = stop_following!(tx, tenant, input, user.0, ctx.at);
            if was {
                audit!(tx, ctx, "input.unfollow", "input", input, None, None);
            }
            was
        }))
    }

    /// Tells the followers of an input about an event in a transaction of its own (see
    /// [`queue_follower_mails!`] to do it inside another write). Returns how many were told.
    pub async fn notify_followers(
        &self,
        tenant: TenantId,
        input: i64,
        event: &str,
        exclude: Option<UserId>,
        at: DateTime<Utc>,
        build: &FollowerMailBuilder<'_>,
    ) -> Result<usize> {
        Ok(write!(self, |tx| {
            queue_follower_mails!(tx, tenant, input, event, exclude, at, build)
        }))
    }

    /// The link of an unsubscribe e-mail, by the hash of its secret.
    pub async fn unsubscribe_link(&self, tenant: TenantId, token_hash: &str) -> Result<Option<UnsubscribeRow>> {
        let found: Option<(i64, i64, String)> = read!(self, |db| {
            sqlx::query_as::<_, (i64, i64, String)>(
                "SELECT l.input_id, l.user_id, i.title FROM input_unsubscribe_links l
                 JOIN inputs i ON i.id = l.input_id AND i.tenant_id = l.tenant_id
                 WHERE l.tenant_id = $1 AND l.token_hash = $2",
            )
            .bind(tenant.0)
            .bind(token_hash)
            .fetch_optional(db)
            .await?
        });
        let Some((input_id, user_id, title)) = found else {
            return Ok(None);
        };
        let following = self.is_following(tenant, input_id, UserId(user_id)).await?;
        Ok(Some(UnsubscribeRow {
            input_id,
            user_id,
            title,
            following,
        }))
    }

    /// Stops the holder of an unsubscribe link following its input. `None` for an unknown link;
    /// `Some(false)` when they had already stopped (the link may be used twice, harmlessly).
    pub async fn unsubscribe(&self, tenant: TenantId, token_hash: &str, ctx: &AuditCtx) -> Result<Option<bool>> {
        Ok(write!(self, |tx| {
            let link: Option<(i64, i64)> = sqlx::query_as(
                "SELECT input_id, user_id FROM input_unsubscribe_links WHERE tenant_id = $1 AND token_hash = $2",
            )
            .bind(tenant.0)
            .bind(token_hash)
            .fetch_optional(&mut *tx)
            .await?;
            match link {
                None => None,
                Some((input, user)) => {
                    let was = stop_following!(tx, tenant, input, user, ctx.at);
                    if was {
                        let by_link = AuditCtx {
                            actor: Some(UserId(user)),
                            ..ctx.clone()
                        };
                        audit!(
                            tx,
                            &by_link,
                            "input.unfollow",
                            "input",
                            input,
                            None,
                            Some(json!({"by_link": true}))
                        );
                    }
                    Some(was)
                }
            }
        }))
    }

    /// How `user` wants e-mails about the inputs they follow.
    pub async fn notify_mode(&self, tenant: TenantId, user: UserId) -> Result<Option<NotifyMode>> {
        let key: Option<String> = read!(self, |db| {
            sqlx::query_scalar::<_, String>("SELECT notify_mode FROM users WHERE tenant_id = $1 AND id = $2")
                .bind(tenant.0)
                .bind(user.0)
                .fetch_optional(db)
                .await?
        });
        Ok(key.and_then(|k| NotifyMode::parse(&k)))
    }

    pub async fn set_notify_mode(
        &self,
        tenant: TenantId,
        user: UserId,
        mode: NotifyMode,
        ctx: &AuditCtx,
    ) -> Result<()> {
        write!(self, |tx| {
            let before: Option<String> =
                sqlx::query_scalar("SELECT notify_mode FROM users WHERE tenant_id = $1 AND id = $2")
                    .bind(tenant.0)
                    .bind(user.0)
                    .fetch_optional(&mut *tx)
                    .await?;
            let Some(before) = before else {
                return Err(crate::StoreError::NotFound);
            };
            if before != mode.key() {
                sqlx::query("UPDATE users SET notify_mode = $3 WHERE tenant_id = $1 AND id = $2")
                    .bind(tenant.0)
                    .bind(user.0)
                    .bind(mode.key())
                    .execute(&mut *tx)
                    .await?;
                audit!(
                    tx,
                    ctx,
                    "user.notify_mode",
                    "user",
                    user.0,
                    Some(json!({"notify_mode": before})),
                    Some(json!({"notify_mode": mode.key()}))
                );
            }
        });
        Ok(())
    }

    /// People with digest rows waiting, in every tenant, with when the oldest was written and
    /// when their last digest went (the job decides with `domain::input::discussion::digest_due`).
    pub async fn digest_candidates(&self, limit: i64) -> Result<Vec<DigestCandidate>> {
        Ok(read!(self, |db| {
            sqlx::query_as::<_, DigestCandidate>(
                "SELECT n.tenant_id, n.user_id, MIN(n.created_at) AS oldest,
                        (SELECT MAX(m.sent_at) FROM input_notifications m
                         WHERE m.tenant_id = n.tenant_id AND m.user_id = n.user_id AND m.sent_at IS NOT NULL) AS last_digest
                 FROM input_notifications n WHERE n.sent_at IS NULL
                 GROUP BY n.tenant_id, n.user_id ORDER BY n.tenant_id, n.user_id LIMIT $1",
            )
            .bind(limit)
            .fetch_all(db)
            .await?
        }))
    }

    /// Claims every waiting digest row of `user` and queues their digest, in one transaction:
    /// the claim is a conditional UPDATE (`sent_at IS NULL`), so of several instances running
    /// the job only one gets the rows, and the e-mail lists exactly the rows it claimed. `build`
    /// gets the claimed events of inputs still shown (hidden ones are marked sent, untold) and
    /// returns the e-mail, or `None` when nothing is left to tell. Returns whether a digest was
    /// queued.
    pub async fn claim_digest(
        &self,
        tenant: TenantId,
        user: UserId,
        at: DateTime<Utc>,
        build: &(dyn Fn(&[DigestItem]) -> Option<DigestMail> + Send + Sync),
    ) -> Result<bool> {
        Ok(write!(self, |tx| {
            let claimed: Vec<i64> = sqlx::query_scalar(
                "UPDATE input_notifications SET sent_at = $3
                 WHERE tenant_id = $1 AND user_id = $2 AND sent_at IS NULL RETURNING id",
            )
            .bind(tenant.0)
            .bind(user.0)
            .bind(at)
            .fetch_all(&mut *tx)
            .await?;
            let mut queued = false;
            if !claimed.is_empty() {
                let items: Vec<DigestItem> = sqlx::query_as(
                    "SELECT n.id, n.input_id, i.title, n.event, n.created_at FROM input_notifications n
                     JOIN inputs i ON i.id = n.input_id AND i.tenant_id = n.tenant_id
                     WHERE n.tenant_id = $1 AND n.user_id = $2 AND n.sent_at = $3 AND i.hidden_at IS NULL
                     ORDER BY n.input_id, n.id",
                )
                .bind(tenant.0)
                .bind(user.0)
                .bind(at)
                .fetch_all(&mut *tx)
                .await?;
                let items: Vec<DigestItem> = items.into_iter().filter(|i| claimed.contains(&i.id)).collect();
                if let Some(digest) = (!items.is_empty()).then(|| build(&items)).flatten() {
                    for (input, hash) in &digest.links {
                        sqlx::query(
                            "INSERT INTO input_unsubscribe_links (token_hash, tenant_id, input_id, user_id, created_at)
                             VALUES ($1, $2, $3, $4, $5)",
                        )
                        .bind(hash)
                        .bind(tenant.0)
                        .bind(input)
                        .bind(user.0)
                        .bind(at)
                        .execute(&mut *tx)
                        .await?;
                    }
                    enqueue!(tx, Some(tenant), &digest.mail, at);
                    queued = true;
                }
            }
            queued
        }))
    }
}
