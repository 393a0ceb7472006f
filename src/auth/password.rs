//! Argon2id hashing off the async runtime, behind a semaphore of one permit per CPU but one, in
//! memory that is allocated once and reused.
//!
//! Each Argon2 run needs its 19 MiB of blocks. Allocated per call, glibc keeps a freed block
//! area in every per-thread arena that ever held one, so a login flood spread over the
//! blocking pool's threads left the process at ~370 MB (issue 13). Here there is one block
//! buffer per permit, kept in a pool and handed to `hash_password_into_with_memory`: the
//! hashing memory is bounded at `permits x 19 MiB` whatever the load.

use argon2::password_hash::phc::{Output, PasswordHash, Salt};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use std::sync::{Arc, Mutex};
use tokio::sync::{OnceCell, Semaphore};

/// Hashes and verifies passwords with Argon2id (m=19456 KiB, t=2, p=1: OWASP's baseline).
#[derive(Clone)]
pub struct PasswordHasher {
    permits: Arc<Semaphore>,
    /// Block buffers for `Params::DEFAULT`, at most one per permit.
    buffers: Arc<Mutex<Vec<Vec<Block>>>>,
    dummy_hash: Arc<OnceCell<String>>,
}

impl Default for PasswordHasher {
    fn default() -> Self {
        Self::new()
    }
}

impl PasswordHasher {
    /// One permit per CPU but one: hashing is CPU-bound, more in parallel only queues in the
    /// OS, and a core left free keeps pages answering during a sign-in flood (issue 13).
    pub fn new() -> Self {
        let cpus = std::thread::available_parallelism()
            .map(|n| n.get().saturating_sub(1).max(1))
            .unwrap_or(1);
        Self {
            permits: Arc::new(Semaphore::new(cpus)),
            buffers: Arc::new(Mutex::new(Vec::with_capacity(cpus))),
            dummy_hash: Arc::new(OnceCell::new()),
        }
    }

    /// A PHC string for `password` with a fresh random salt.
    pub async fn hash(&self, password: &str) -> anyhow::Result<String> {
        let password = password.to_owned();
        self.run(move |blocks| {
            let salt = Salt::generate();
            let params = Params::DEFAULT;
            let mut out = [0u8; Params::DEFAULT_OUTPUT_LEN];
            argon2id(params.clone()).hash_password_into_with_memory(
                password.as_bytes(),
                salt.as_ref(),
                &mut out,
                blocks,
            )?;
            let phc = PasswordHash {
                algorithm: argon2::ARGON2ID_IDENT,
                version: Some(Version::V0x13.into()),
                params: (&params).try_into()?,
                salt: Some(salt),
                hash: Some(Output::new(&out)?),
            };
            Ok(phc.to_string())
        })
        .await
    }

    /// True when `password` matches `hash`. With no hash (unknown account) it checks a
    /// dummy hash instead, so both answers take the same time, and returns false.
    pub async fn verify(&self, password: &str, hash: Option<&str>) -> anyhow::Result<bool> {
        let (hash, real) = match hash {
            Some(h) => (h.to_owned(), true),
            None => (self.dummy().await?, false),
        };
        let password = password.to_owned();
        let matched = self
            .run(move |blocks| {
                let parsed = PasswordHash::new(&hash)
                    .map_err(|e| anyhow::anyhow!("stored hash unreadable: {e}"))?;
                let algorithm = Algorithm::try_from(parsed.algorithm.as_str())?;
                let version = match parsed.version {
                    Some(v) => Version::try_from(v)?,
                    None => Version::default(),
                };
                let params = Params::try_from(&parsed)?;
                let (Some(salt), Some(expected)) = (&parsed.salt, &parsed.hash) else {
                    anyhow::bail!("stored hash has no salt or output");
                };
                let mut out = vec![0u8; expected.len()];
                let argon = Argon2::new(algorithm, version, params.clone());
                if params.block_count() <= blocks.len() {
                    argon.hash_password_into_with_memory(
                        password.as_bytes(),
                        salt.as_ref(),
                        &mut out,
                        &mut blocks[..],
                    )?;
                } else {
                    // A hash made with more memory than today's default: its own buffer.
                    argon.hash_password_into(password.as_bytes(), salt.as_ref(), &mut out)?;
                }
                Ok(crate::domain::token::constant_time_eq(
                    &out,
                    expected.as_bytes(),
                ))
            })
            .await?;
        Ok(matched && real)
    }

    /// Runs `work` on the blocking pool with a permit and a block buffer of the pool.
    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Vec<Block>) -> anyhow::Result<T> + Send + 'static,
    ) -> anyhow::Result<T> {
        let _permit = self.permits.acquire().await?;
        let buffers = self.buffers.clone();
        tokio::task::spawn_blocking(move || {
            let taken = buffers.lock().unwrap_or_else(|e| e.into_inner()).pop();
            let mut blocks =
                taken.unwrap_or_else(|| vec![Block::default(); Params::DEFAULT.block_count()]);
            let result = work(&mut blocks);
            buffers
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(blocks);
            result
        })
        .await?
    }

    async fn dummy(&self) -> anyhow::Result<String> {
        self.dummy_hash
            .get_or_try_init(|| async { self.hash("dummy password for unknown accounts").await })
            .await
            .cloned()
    }
}

fn argon2id(params: Params) -> Argon2<'static> {
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
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
    async fn hashes_made_by_the_crates_own_api_still_verify() {
        use argon2::password_hash::PasswordHasher as _;
        let hasher = PasswordHasher::new();
        let old = Argon2::default()
            .hash_password(b"an older account's password")
            .unwrap()
            .to_string();
        assert!(
            hasher
                .verify("an older account's password", Some(&old))
                .await
                .unwrap()
        );
        assert!(!hasher.verify("another password", Some(&old)).await.unwrap());
        // Stronger parameters than today's (more memory than the pooled buffers hold).
        let strong = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(32 * 1024, 2, 1, None).unwrap(),
        )
        .hash_password(b"strong")
        .unwrap()
        .to_string();
        assert!(hasher.verify("strong", Some(&strong)).await.unwrap());
    }

    #[tokio::test]
    async fn the_block_buffers_are_reused_not_reallocated() {
        let hasher = PasswordHasher::new();
        for _ in 0..6 {
            hasher.hash("reuse the blocks please").await.unwrap();
        }
        let pooled = hasher.buffers.lock().unwrap().len();
        assert!(
            pooled >= 1 && pooled <= 2.max(std::thread::available_parallelism().unwrap().get()),
            "{pooled}"
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
