//! Argon2id hashing off the async runtime, behind a semaphore sized to the CPU count.

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher as _, PasswordVerifier as _};
use std::sync::Arc;
use tokio::sync::{OnceCell, Semaphore};

/// Hashes and verifies passwords with Argon2id (m=19456 KiB, t=2, p=1: OWASP's baseline).
#[derive(Clone)]
pub struct PasswordHasher {
    permits: Arc<Semaphore>,
    dummy_hash: Arc<OnceCell<String>>,
}

impl Default for PasswordHasher {
    fn default() -> Self {
        Self::new()
    }
}

impl PasswordHasher {
    /// One permit per CPU: hashing is CPU-bound, more in parallel only queues in the OS.
    pub fn new() -> Self {
        let cpus = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(2);
        Self {
            permits: Arc::new(Semaphore::new(cpus)),
            dummy_hash: Arc::new(OnceCell::new()),
        }
    }

    /// A PHC string for `password` with a fresh random salt.
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

    /// True when `password` matches `hash`. With no hash (unknown account) it checks a
    /// dummy hash instead, so both answers take the same time, and returns false.
    pub async fn verify(&self, password: &str, hash: Option<&str>) -> anyhow::Result<bool> {
        let (hash, real) = match hash {
            Some(h) => (h.to_owned(), true),
            None => (self.dummy().await?, false),
        };
        let _permit = self.permits.acquire().await?;
        let password = password.to_owned();
        let matched = tokio::task::spawn_blocking(move || {
            let parsed = PasswordHash::new(&hash)
                .map_err(|e| anyhow::anyhow!("stored hash unreadable: {e}"))?;
            Ok::<_, anyhow::Error>(
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok(),
            )
        })
        .await??;
        Ok(matched && real)
    }

    async fn dummy(&self) -> anyhow::Result<String> {
        self.dummy_hash
            .get_or_try_init(|| async { self.hash("dummy password for unknown accounts").await })
            .await
            .cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_only_its_own_password() {
        let hasher = PasswordHasher::new();
        let hash = hasher.hash("correct horse battery staple").await.unwrap();
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(
            hasher
                .verify("correct horse battery staple", Some(&hash))
                .await
                .unwrap()
        );
        assert!(
            !hasher
                .verify("correct horse battery stapler", Some(&hash))
                .await
                .unwrap()
        );
    }

    #[tokio::test]
    async fn an_unknown_account_never_verifies() {
        let hasher = PasswordHasher::new();
        assert!(
            !hasher
                .verify("dummy password for unknown accounts", None)
                .await
                .unwrap()
        );
    }
}

/// What the change-password form sends.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct ChangePasswordInput {
    /// Current password.
    #[serde(default)]
    pub current_password: String,
    /// New password.
    #[serde(default)]
    pub new_password: String,
}

/// Checks a password change, for partner users and staff alike: the current password must
/// verify, and the new one must pass the policy and differ from it.
pub async fn check_change(
    hasher: &PasswordHasher,
    current_hash: &str,
    input: &ChangePasswordInput,
    related: &[&str],
) -> anyhow::Result<crate::domain::FormErrors> {
    let mut errors = crate::domain::FormErrors::default();
    if input.current_password.is_empty() {
        errors.add(
            "current_password",
            crate::messages::CURRENT_PASSWORD_REQUIRED,
        );
    } else if !hasher
        .verify(&input.current_password, Some(current_hash))
        .await?
    {
        errors.add("current_password", crate::messages::CURRENT_PASSWORD_WRONG);
    }
    errors.check(
        "new_password",
        crate::domain::password::check_new_password(&input.new_password, related),
    );
    if errors.get("current_password").is_none() && input.new_password == input.current_password {
        errors.add("new_password", crate::messages::PASSWORD_UNCHANGED);
    }
    Ok(errors)
}
