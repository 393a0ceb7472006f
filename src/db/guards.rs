//! Sign-in failure counting and lockout, the same for partner users and operator staff.
//! Failures count per account *and* source (a trusted device, else the client address), so
//! an attacker's wrong passwords lock out the attacker's source, not the owner.

use sqlx::PgExecutor;
use time::OffsetDateTime;
use uuid::Uuid;

/// Which kind of account a guard protects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Realm {
    /// A user of a partner organisation.
    Partner,
    /// Operator staff (back office).
    Staff,
}

impl Realm {
    /// The database spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Realm::Partner => "partner",
            Realm::Staff => "staff",
        }
    }
}

/// Most failed sign-ins from one source before that source is locked out.
pub const MAX_FAILED_SIGN_INS: i32 = 10;

/// With this many sources locked out of an account at once, only its trusted devices may
/// still try (a distributed guess is slowed; the owner's device is never refused).
pub const LOCKED_SOURCES_CEILING: i64 = 5;

/// Counts one sign-in attempt *before* the password is verified, so that parallel
/// guesses cannot exceed the limit. Returns the attempt's number since the last
/// success, or `None` when the account is locked (or the limit is used up).
pub async fn count_attempt(
    db: impl PgExecutor<'_>,
    realm: Realm,
    account_id: Uuid,
    source: &str,
) -> sqlx::Result<Option<i32>> {
    sqlx::query_scalar!(
        "insert into sign_in_guards (realm, account_id, source, failed_sign_ins) values ($1, $2, $3, 1)
         on conflict (realm, account_id, source) do update set failed_sign_ins = sign_in_guards.failed_sign_ins + 1
         where sign_in_guards.failed_sign_ins < $4
           and (sign_in_guards.locked_until is null or sign_in_guards.locked_until <= now())
         returning failed_sign_ins",
        realm.as_str(),
        account_id,
        source,
        MAX_FAILED_SIGN_INS
    )
    .fetch_optional(db)
    .await
}

/// How many sources are locked out of the account right now.
pub async fn locked_sources(
    db: impl PgExecutor<'_>,
    realm: Realm,
    account_id: Uuid,
) -> sqlx::Result<i64> {
    sqlx::query_scalar!(
        r#"select count(*) as "n!" from sign_in_guards
           where realm = $1 and account_id = $2 and locked_until > now()"#,
        realm.as_str(),
        account_id
    )
    .fetch_one(db)
    .await
}

/// Forgets one source's failures after it signed in successfully.
pub async fn clear_source(
    db: impl PgExecutor<'_>,
    realm: Realm,
    account_id: Uuid,
    source: &str,
) -> sqlx::Result<()> {
    sqlx::query!(
        "delete from sign_in_guards where realm = $1 and account_id = $2 and source = $3",
        realm.as_str(),
        account_id,
        source
    )
    .execute(db)
    .await?;
    Ok(())
}

/// True when `device_hash` is a device `account_id` signed in from before; marks it used.
pub async fn trusted_device(
    db: impl PgExecutor<'_>,
    realm: Realm,
    account_id: Uuid,
    device_hash: &[u8],
) -> sqlx::Result<bool> {
    let touched = sqlx::query!(
        "update trusted_devices set last_used_at = now()
         where realm = $1 and account_id = $2 and device_hash = $3",
        realm.as_str(),
        account_id,
        device_hash
    )
    .execute(db)
    .await?;
    Ok(touched.rows_affected() == 1)
}

/// Remembers a device the account has just signed in from.
pub async fn trust_device(
    db: impl PgExecutor<'_>,
    realm: Realm,
    account_id: Uuid,
    device_hash: &[u8],
) -> sqlx::Result<()> {
    sqlx::query!(
        "insert into trusted_devices (realm, account_id, device_hash) values ($1, $2, $3)
         on conflict do nothing",
        realm.as_str(),
        account_id,
        device_hash
    )
    .execute(db)
    .await?;
    Ok(())
}

/// Forgets every source's failures and locks (a new password, or an operator admin's
/// action). Returns how many sources had been counted.
pub async fn clear(db: impl PgExecutor<'_>, realm: Realm, account_id: Uuid) -> sqlx::Result<u64> {
    let done = sqlx::query!(
        "delete from sign_in_guards where realm = $1 and account_id = $2",
        realm.as_str(),
        account_id
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected())
}

/// Locks one source out of the account for 15 minutes (never longer, so nobody can keep
/// an owner out for long). Returns when the lock ends.
pub async fn lock(
    db: impl PgExecutor<'_>,
    realm: Realm,
    account_id: Uuid,
    source: &str,
) -> sqlx::Result<OffsetDateTime> {
    sqlx::query_scalar!(
        r#"update sign_in_guards
           set locked_until = now() + interval '15 minutes',
               lockouts = lockouts + 1,
               failed_sign_ins = 0
           where realm = $1 and account_id = $2 and source = $3
           returning locked_until as "locked_until!""#,
        realm.as_str(),
        account_id,
        source
    )
    .fetch_one(db)
    .await
}
