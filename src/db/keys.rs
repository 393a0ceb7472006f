//! Signing keys shared by every process.

use sqlx::PgPool;

/// The key called `name`, stored as `fresh` if none exists yet. When several processes
/// start at once, the first insert wins and every process reads that one.
pub async fn get_or_create(db: &PgPool, name: &str, fresh: &[u8]) -> sqlx::Result<Vec<u8>> {
    sqlx::query!(
        "insert into signing_keys (name, key) values ($1, $2) on conflict (name) do nothing",
        name,
        fresh
    )
    .execute(db)
    .await?;
    sqlx::query_scalar!("select key from signing_keys where name = $1", name)
        .fetch_one(db)
        .await
}
