//! Retention: rows that have served their purpose are deleted in bounded batches, so no
//! table grows without bound and no delete holds locks for long. Each batch is its own
//! statement (and transaction) and skips rows another process is deleting (`skip locked`),
//! so several processes can prune at once.

use sqlx::PgExecutor;
use std::time::Duration;

/// What is pruned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Sessions past their expiry.
    Sessions,
    /// Confirmation, reset and verification tokens and contact status links past their
    /// expiry (used or not).
    Tokens,
    /// Rate-limit windows that ended more than a day ago.
    RateLimitHits,
    /// Delivered e-mails older than the configured age.
    DeliveredEmail,
}

impl Kind {
    /// Every kind, in the order a run prunes them.
    pub const ALL: [Kind; 4] = [
        Kind::Sessions,
        Kind::Tokens,
        Kind::RateLimitHits,
        Kind::DeliveredEmail,
    ];

    /// The name in logs.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Sessions => "sessions",
            Kind::Tokens => "tokens",
            Kind::RateLimitHits => "rate_limit_hits",
            Kind::DeliveredEmail => "delivered_email",
        }
    }
}

/// Deletes at most `batch` rows of `kind`; returns how many. `delivered_age`: how long a
/// delivered e-mail is kept.
pub async fn prune_batch(
    db: impl PgExecutor<'_> + Copy,
    kind: Kind,
    batch: i64,
    delivered_age: Duration,
) -> sqlx::Result<u64> {
    let done = match kind {
        Kind::Sessions => {
            sqlx::query!(
                "delete from tower_sessions.session where id in (
                   select id from tower_sessions.session where expiry_date < now()
                   limit $1 for update skip locked)",
                batch
            )
            .execute(db)
            .await?
        }
        Kind::Tokens => {
            // Every kind of token in one statement: up to `batch` rows of each table.
            let deleted = sqlx::query_scalar!(
                r#"with users as (
                     delete from user_tokens where token_id in (
                       select token_id from user_tokens where expires_at < now()
                       limit $1 for update skip locked) returning 1),
                   contacts as (
                     delete from contact_verification_tokens where token_id in (
                       select token_id from contact_verification_tokens where expires_at < now()
                       limit $1 for update skip locked) returning 1),
                   staff as (
                     delete from staff_tokens where token_id in (
                       select token_id from staff_tokens where expires_at < now()
                       limit $1 for update skip locked) returning 1),
                   links as (
                     delete from contact_status_links where token_hash in (
                       select token_hash from contact_status_links where expires_at < now()
                       limit $1 for update skip locked) returning 1)
                   select (select count(*) from users) + (select count(*) from contacts)
                        + (select count(*) from staff) + (select count(*) from links) as "deleted!""#,
                batch
            )
            .fetch_one(db)
            .await?;
            return Ok(u64::try_from(deleted).unwrap_or_default());
        }
        Kind::RateLimitHits => {
            sqlx::query!(
                "delete from rate_limit_hits where ctid in (
                   select ctid from rate_limit_hits where window_start < now() - interval '1 day'
                   limit $1 for update skip locked)",
                batch
            )
            .execute(db)
            .await?
        }
        Kind::DeliveredEmail => {
            sqlx::query!(
                "delete from email_outbox where email_id in (
                   select email_id from email_outbox
                   where status = 'sent' and sent_at < now() - make_interval(secs => $2)
                   limit $1 for update skip locked)",
                batch,
                delivered_age.as_secs_f64()
            )
            .execute(db)
            .await?
        }
    };
    Ok(done.rows_affected())
}

/// How retention runs (`RETENTION_BATCH`, `DELIVERED_EMAIL_RETENTION_DAYS`).
#[derive(Clone, Copy, Debug)]
pub struct Settings {
    /// Rows per batch.
    pub batch: i64,
    /// Batches per kind in one run at most (the next run goes on).
    pub max_batches: u32,
    /// How long a delivered e-mail is kept.
    pub delivered_age: Duration,
    /// How often the worker runs it.
    pub every: Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            batch: 1000,
            max_batches: 1000,
            delivered_age: Duration::from_secs(30 * 24 * 3600),
            every: Duration::from_secs(600),
        }
    }
}

/// What one run did for one kind.
#[derive(Clone, Copy, Debug, Default)]
pub struct Pruned {
    /// Rows deleted.
    pub rows: u64,
    /// Batches run.
    pub batches: u32,
    /// The longest batch.
    pub longest: Duration,
}

/// Prunes `kind` batch after batch until a batch finds less than a full batch (or
/// [`Settings::max_batches`] ran, or `stop` is set).
pub async fn prune(
    db: &sqlx::PgPool,
    kind: Kind,
    settings: &Settings,
    stop: &tokio::sync::watch::Receiver<bool>,
) -> sqlx::Result<Pruned> {
    let mut done = Pruned::default();
    while done.batches < settings.max_batches && !*stop.borrow() {
        let started = std::time::Instant::now();
        let rows = prune_batch(db, kind, settings.batch, settings.delivered_age).await?;
        done.longest = done.longest.max(started.elapsed());
        done.batches += 1;
        done.rows += rows;
        if rows < settings.batch as u64 {
            break;
        }
    }
    Ok(done)
}
