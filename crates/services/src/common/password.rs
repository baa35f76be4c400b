//! Password hashing with Argon2id (19 MiB, t=2, p=1: the OWASP baseline). Hashing is CPU- and
//! memory-heavy by design, so it runs on the blocking pool behind a semaphore: a burst of
//! log-ins cannot starve the reactor or exhaust memory.

use std::sync::Arc;

use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier};
use tokio::sync::Semaphore;

#[derive(Clone)]
pub struct Hasher {
    permits: Arc<Semaphore>,
}

impl Default for Hasher {
    fn default() -> Self {
        Self::new()
    }
}

impl Hasher {
    pub fn new() -> Self {
        Hasher {
            permits: Arc::new(Semaphore::new(4)),
        }
    }

    pub async fn hash(&self, password: &str) -> anyhow::Result<String> {
        let _permit = self.permits.acquire().await?;
        let password = password.to_owned();
        tokio::task::spawn_blocking(move || {
            Argon2::default()
                .hash_password(password.as_bytes())
                .map(|h| h.to_string())
                .map_err(|e| anyhow::anyhow!("hashing failed: {e}"))
        })
        .await?
    }

    /// `true` when `password` matches `hash`. A malformed stored hash counts as no match.
    pub async fn verify(&self, password: &str, hash: &str) -> anyhow::Result<bool> {
        let _permit = self.permits.acquire().await?;
        let password = password.to_owned();
        let hash = hash.to_owned();
        Ok(tokio::task::spawn_blocking(move || {
            PasswordHash::new(&hash)
                .map(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
                .unwrap_or(false)
        })
        .await?)
    }

    /// A fixed hash to verify against when an address has no account, so that a log-in attempt
    /// takes the same time whether or not the account exists.
    pub const DUMMY_HASH: &'static str =
        "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$3dsrTBZD4QylWhZIQ8GFjl4dWGTUmmiBJ8p7fmVwLzY";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_are_argon2id_and_verify() {
        let h = Hasher::new();
        let hash = h.hash("Qytet-i-hapur-2026").await.unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(h.verify("Qytet-i-hapur-2026", &hash).await.unwrap());
        assert!(!h.verify("wrong-password", &hash).await.unwrap());
        assert!(!h.verify("x", "not a hash").await.unwrap());
    }
}
