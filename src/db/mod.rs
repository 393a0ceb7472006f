//! Database access: one module per aggregate. All SQL lives here.

pub mod agreements;
pub mod applications;
pub mod audit;
pub mod direct_bill;
pub mod guards;
pub mod markets;
pub mod memberships;
pub mod outbox;
pub mod partnerships;
pub mod providers;
pub mod queue;
pub mod rate_limit;
pub mod settings;
pub mod staff;
pub mod tenants;
pub mod tokens;
pub mod users;

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
        if let Err(e) = sqlx::query(&format!("create database {quoted}"))
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
pub async fn connect_and_migrate(url: &str) -> anyhow::Result<PgPool> {
    create_database_if_missing(url).await?;
    let pool = PgPoolOptions::new()
        .max_connections(20)
        .acquire_timeout(Duration::from_secs(5))
        .connect(url)
        .await?;
    MIGRATOR.run(&pool).await?;
    Ok(pool)
}

/// True when `error` is a unique-constraint violation on `constraint`.
pub fn is_unique_violation(error: &sqlx::Error, constraint: &str) -> bool {
    error
        .as_database_error()
        .is_some_and(|e| e.is_unique_violation() && e.constraint() == Some(constraint))
}
