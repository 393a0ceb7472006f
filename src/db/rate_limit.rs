//! Fixed-window counters in Postgres, so every process shares one limit.

use sqlx::PgExecutor;
use std::time::Duration;

/// Counts one hit for `subject` in `bucket` and returns the hits in the current window.
pub async fn hit(
    db: impl PgExecutor<'_>,
    bucket: &str,
    subject: &str,
    window: Duration,
) -> sqlx::Result<i32> {
    let seconds = window.as_secs().max(1) as f64;
    sqlx::query_scalar!(
        "insert into rate_limit_hits (bucket, subject, window_start, hits)
         values ($1, $2, to_timestamp(floor(extract(epoch from now())::float8 / $3::float8) * $3::float8), 1)
         on conflict (bucket, subject, window_start) do update set hits = rate_limit_hits.hits + 1
         returning hits",
        bucket,
        subject,
        seconds
    )
    .fetch_one(db)
    .await
}

/// Deletes windows that ended more than a day ago.
pub async fn prune(db: impl PgExecutor<'_>) -> sqlx::Result<u64> {
    let done =
        sqlx::query!("delete from rate_limit_hits where window_start < now() - interval '1 day'")
            .execute(db)
            .await?;
    Ok(done.rows_affected())
}
