//! Database access: one module per aggregate. All SQL lives here.

pub mod agreements;
pub mod applications;
pub mod audit;
pub mod cache;
pub mod customers;
pub mod direct_bill;
pub mod guards;
pub mod health;
pub mod keys;
pub mod markets;
pub mod memberships;
pub mod orders;
pub mod outbox;
pub mod partnerships;
pub mod profiles;
pub mod providers;
pub mod queue;
pub mod rate_limit;
pub mod retention;
pub mod sessions;
pub mod settings;
pub mod staff;
pub mod subscriptions;
pub mod tenants;
pub mod tokens;
pub mod users;

use crate::config::DbSettings;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{ConnectOptions, Connection, PgPool};
use std::str::FromStr;
use std::time::Duration;

/// Applies every migration in `migrations/` that has not run yet.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// Creates the database named in `url` if it does not exist yet.
pub async fn create_database_if_missing(url: &str) -> anyhow::Result<()> {
    let options = PgConnectOptions::from_str(url)?;
    let name = options
        .get_database()
        .ok_or_else(|| anyhow::anyhow!("DATABASE_URL names no database"))?
        .to_owned();
    let admin = options.clone().database("postgres");
    let mut conn = admin.connect().await.map_err(|e| {
        anyhow::anyhow!(
            "cannot reach PostgreSQL at DATABASE_URL ({e}); is it running? (see README)"
        )
    })?;
    let exists: bool =
        sqlx::query_scalar("select exists(select 1 from pg_database where datname = $1)")
            .bind(&name)
            .fetch_one(&mut conn)
            .await?;
    if !exists {
        let quoted = format!("\"{}\"", name.replace('"', "\"\""));
        // Another process may create it at the same moment; that is fine.
        // The name is quoted above; it comes from our own settings, not from a user.
        if let Err(e) = sqlx::query(sqlx::AssertSqlSafe(format!("create database {quoted}")))
            .execute(&mut conn)
            .await
        {
            let duplicate = e
                .as_database_error()
                .and_then(|d| d.code())
                .is_some_and(|c| c == "42P04" || c == "23505");
            if !duplicate {
                return Err(e.into());
            }
        } else {
            tracing::info!(database = %name, "created database");
        }
    }
    conn.close().await?;
    Ok(())
}

/// Connects a pool to `url`, creating the database and applying migrations first.
///
/// Migrations run on a connection of their own, without the pool's statement timeout, so a
/// long data migration is not cut short.
pub async fn connect_and_migrate(url: &str, settings: &DbSettings) -> anyhow::Result<PgPool> {
    create_database_if_missing(url).await?;
    let mut conn = PgConnectOptions::from_str(url)?.connect().await?;
    MIGRATOR.run(&mut conn).await?;
    conn.close().await?;
    connect(url, settings).await
}

/// A pool whose connections cannot be left, or leave others, stuck.
///
/// Every connection starts with `statement_timeout`, `lock_timeout` and
/// `idle_in_transaction_session_timeout` (sent as start-up options, so they cost no round
/// trip): PostgreSQL itself ends a transaction that nobody finishes, and a request waiting on
/// a lock fails fast with the 503 page instead of holding a pool slot until the request
/// timeout. A connection handed back while the server still has a transaction open on it is
/// closed rather than reused (see [`left_in_transaction`]).
pub async fn connect(url: &str, settings: &DbSettings) -> anyhow::Result<PgPool> {
    let options = PgConnectOptions::from_str(url)?.options([
        ("statement_timeout", millis(settings.statement_timeout)),
        ("lock_timeout", millis(settings.lock_timeout)),
        (
            "idle_in_transaction_session_timeout",
            millis(settings.idle_in_transaction_timeout),
        ),
    ]);
    let pool = PgPoolOptions::new()
        .max_connections(settings.max_connections)
        .acquire_timeout(settings.acquire_timeout)
        // An event for every acquisition with the time it waited: the pool-wait metric
        // (`metrics::pool_waits`). INFO, so that it does not lower the process's log level;
        // the log filter (`sqlx=warn` by default) keeps it out of the log.
        .acquire_time_level(log::LevelFilter::Info)
        // The check below runs a round trip on every release (and sqlx pings after it), so
        // a connection handed back is known to work; testing it again when it is borrowed
        // only pays off after it has sat idle for a while.
        .test_before_acquire(false)
        .before_acquire(|conn, meta| {
            Box::pin(async move {
                if meta.idle_for > Duration::from_secs(10) {
                    conn.ping().await?;
                }
                Ok(true)
            })
        })
        .after_release(|conn, _meta| {
            Box::pin(async move {
                if left_in_transaction(conn).await? {
                    tracing::error!(
                        "a connection came back to the pool inside a transaction; closing it"
                    );
                    return Ok(false);
                }
                Ok(true)
            })
        })
        .connect_with(options)
        .await?;
    Ok(pool)
}

fn millis(d: Duration) -> String {
    format!("{}ms", d.as_millis())
}

/// True when the server has a transaction open on `conn`.
///
/// Asks the server rather than trusting the driver's own bookkeeping, which is exactly what
/// went wrong in sqlx 0.8 (a cancelled `begin()` left the server in a transaction while the
/// driver believed it was not). An empty query costs one round trip and no parsing, and the
/// server's ReadyForQuery answer carries its transaction status; `begin_with` is the public
/// API that reads it: it fails with `BeginFailed` exactly when the statement left the server
/// outside a transaction. (Comparing `transaction_timestamp()` with `statement_timestamp()`
/// also works over the simple protocol, but parses and plans a query on every release: about
/// 10% of a signed-in page's throughput in the page benchmark, `tests/bench/run.sh`.)
pub async fn left_in_transaction(conn: &mut sqlx::PgConnection) -> sqlx::Result<bool> {
    if conn.is_in_transaction() {
        return Ok(true);
    }
    match conn.begin_with("").await {
        // Dropping it queues a ROLLBACK; the pool closes the connection anyway.
        Ok(_stale) => Ok(true),
        Err(sqlx::Error::BeginFailed) => Ok(false),
        Err(e) => Err(e),
    }
}

/// True when `error` means the database cannot serve us just now rather than that the
/// request is wrong: no connection to be had, the server gone or shutting down, or one of
/// our own timeouts (lock wait, statement, idle in transaction) ending the work.
pub fn is_unavailable(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => true,
        sqlx::Error::Database(e) => e.code().is_some_and(|code| {
            matches!(
                code.as_ref(),
                // lock_not_available, query_canceled (statement_timeout),
                // idle_in_transaction_session_timeout, too_many_connections
                "55P03" | "57014" | "25P03" | "53300"
            ) || code.starts_with("08") // connection exceptions
                || code.starts_with("57P") // operator intervention: shutdown, cannot connect now
        }),
        _ => false,
    }
}

/// True when `error` is a unique-constraint violation on `constraint`.
pub fn is_unique_violation(error: &sqlx::Error, constraint: &str) -> bool {
    error
        .as_database_error()
        .is_some_and(|e| e.is_unique_violation() && e.constraint() == Some(constraint))
}

/// One round trip to the database (the readiness check).
pub async fn ping(pool: &PgPool) -> sqlx::Result<()> {
    sqlx::query_scalar::<_, i32>("select 1")
        .fetch_one(pool)
        .await?;
    Ok(())
}
