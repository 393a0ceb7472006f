//! One-time tokens for e-mail confirmation and password reset (stored as SHA-256).

use sqlx::PgConnection;
use sqlx::PgExecutor;
use std::time::Duration;
use uuid::Uuid;

/// What a token is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Confirms a user's e-mail address (24 h).
    EmailConfirmation,
    /// Sets a new password (1 h).
    PasswordReset,
}

impl Purpose {
    /// The database spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::EmailConfirmation => "email_confirmation",
            Purpose::PasswordReset => "password_reset",
        }
    }

    /// How long a token of this kind stays valid.
    pub fn lifetime(self) -> Duration {
        match self {
            Purpose::EmailConfirmation => Duration::from_secs(24 * 3600),
            Purpose::PasswordReset => Duration::from_secs(3600),
        }
    }
}

/// Stores a new token and revokes the user's older unused ones of the same purpose.
pub async fn issue(
    conn: &mut PgConnection,
    user_id: Uuid,
    purpose: Purpose,
    token_hash: &[u8],
) -> sqlx::Result<()> {
    sqlx::query!(
        "update user_tokens set revoked_at = now()
         where user_id = $1 and purpose = $2 and used_at is null and revoked_at is null",
        user_id,
        purpose.as_str()
    )
    .execute(&mut *conn)
    .await?;
    let seconds = purpose.lifetime().as_secs_f64();
    sqlx::query!(
        "insert into user_tokens (token_id, user_id, purpose, token_hash, expires_at)
         values ($1, $2, $3, $4, now() + make_interval(secs => $5))",
        Uuid::new_v4(),
        user_id,
        purpose.as_str(),
        token_hash,
        seconds
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Uses a token up: returns its user if it was valid (unused, not revoked, not expired).
/// A second use of the same token returns `None`.
pub async fn consume(
    db: impl PgExecutor<'_>,
    purpose: Purpose,
    token_hash: &[u8],
) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar!(
        "update user_tokens set used_at = now()
         where token_hash = $1 and purpose = $2
           and used_at is null and revoked_at is null and expires_at > now()
         returning user_id",
        token_hash,
        purpose.as_str()
    )
    .fetch_optional(db)
    .await
}

/// The user of a still-valid token, without using it up.
pub async fn peek(
    db: impl PgExecutor<'_>,
    purpose: Purpose,
    token_hash: &[u8],
) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar!(
        "select user_id from user_tokens
         where token_hash = $1 and purpose = $2
           and used_at is null and revoked_at is null and expires_at > now()",
        token_hash,
        purpose.as_str()
    )
    .fetch_optional(db)
    .await
}
