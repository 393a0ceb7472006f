//! Sign-in failure counting and lockout, the same for partner users and operator staff.

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

/// Most failed sign-ins before the account locks.
pub const MAX_FAILED_SIGN_INS: i32 = 10;

/// Counts one sign-in attempt *before* the password is verified, so that parallel
/// guesses cannot exceed the limit. Returns the attempt's number since the last
/// success, or `None` when the account is locked (or the limit is used up).
pub async fn count_attempt(
    db: impl PgExecutor<'_>,
    realm: Realm,
    account_id: Uuid,
) -> sqlx::Result<Option<i32>> {
    sqlx::query_scalar!(
        "insert into sign_in_guards (realm, account_id, failed_sign_ins) values ($1, $2, 1)
         on conflict (realm, account_id) do update set failed_sign_ins = sign_in_guards.failed_sign_ins + 1
         where sign_in_guards.failed_sign_ins < $3
           and (sign_in_guards.locked_until is null or sign_in_guards.locked_until <= now())
         returning failed_sign_ins",
        realm.as_str(),
        account_id,
        MAX_FAILED_SIGN_INS
    )
    .fetch_optional(db)
    .await
}

/// Forgets failures and any lock (after a successful sign-in or a new password).
pub async fn clear(db: impl PgExecutor<'_>, realm: Realm, account_id: Uuid) -> sqlx::Result<()> {
    sqlx::query!(
        "delete from sign_in_guards where realm = $1 and account_id = $2",
        realm.as_str(),
        account_id
    )
    .execute(db)
    .await?;
    Ok(())
}

/// Locks the account: 15 minutes the first time, doubling each further time
/// (capped at a day). Returns when the lock ends.
pub async fn lock(
    db: impl PgExecutor<'_>,
    realm: Realm,
    account_id: Uuid,
) -> sqlx::Result<OffsetDateTime> {
    sqlx::query_scalar!(
        r#"update sign_in_guards
           set locked_until = now() + least(interval '15 minutes' * power(2, lockouts), interval '1 day'),
               lockouts = lockouts + 1,
               failed_sign_ins = 0
           where realm = $1 and account_id = $2
           returning locked_until as "locked_until!""#,
        realm.as_str(),
        account_id
    )
    .fetch_one(db)
    .await
}
