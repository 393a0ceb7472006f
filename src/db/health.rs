//! Whether this process can reach its database, as it last found out: a circuit breaker.
//!
//! While PostgreSQL is down, every pool acquisition waits its full `DB_ACQUIRE_TIMEOUT`
//! (sqlx keeps retrying a refused connection until then), and a page that reads the session
//! and then a row or two would wait that long several times and run into the request
//! timeout. So a request that fails for want of the database makes this breaker *suspect*
//! an outage; it then tries a fresh connection of its own (not a pooled one: the pool may
//! be merely busy). If that cannot connect either, the breaker is *open*: pages answer the
//! 503 page at once (`web::middleware::run_to_completion`), requests still waiting on the
//! database are answered 503 at once too (their work, which runs in a task of its own, ends
//! by itself), and `/readyz` says 503. It probes again every [`PROBE_EVERY`] and closes as
//! soon as a connection succeeds, so the portal serves again without a restart.

use sqlx::postgres::PgConnectOptions;
use sqlx::{ConnectOptions, Connection, PgPool};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use tokio::sync::{Notify, watch};

/// How often an open breaker tries the database again.
pub const PROBE_EVERY: Duration = Duration::from_millis(250);
/// How long one probe may take to connect and answer.
const PROBE_TIMEOUT: Duration = Duration::from_secs(1);

/// The breaker; one per process, shared by its requests.
#[derive(Default)]
pub struct DbHealth {
    down: AtomicBool,
    since: Mutex<Option<Instant>>,
    suspect: Notify,
    opened: Notify,
}

impl DbHealth {
    /// True while the database is known to be unreachable.
    pub fn is_down(&self) -> bool {
        self.down.load(Ordering::Acquire)
    }

    /// A request failed for want of the database: probe it now.
    pub fn suspect(&self) {
        self.suspect.notify_one();
    }

    /// Resolves when the breaker opens (at once if it is open).
    pub async fn opened(&self) {
        let notified = self.opened.notified();
        if self.is_down() {
            return;
        }
        notified.await;
    }

    fn set(&self, down: bool) {
        let was = self.down.swap(down, Ordering::AcqRel);
        let mut since = self.since.lock().unwrap_or_else(|e| e.into_inner());
        match (was, down) {
            (false, true) => {
                *since = Some(Instant::now());
                tracing::error!(
                    "the database cannot be reached; answering 503 until it can (probing every {} ms)",
                    PROBE_EVERY.as_millis()
                );
                self.opened.notify_waiters();
            }
            (true, false) => {
                let after = since.take().map(|s| s.elapsed()).unwrap_or_default();
                tracing::warn!(
                    down_for_ms = after.as_millis() as u64,
                    "the database can be reached again; serving"
                );
            }
            _ => {}
        }
    }

    /// Probes on suspicion, and every [`PROBE_EVERY`] while open, until `stop` turns true.
    pub async fn watch(&self, db: PgPool, mut stop: watch::Receiver<bool>) {
        let options = (*db.connect_options()).clone();
        while !*stop.borrow() {
            if self.is_down() {
                tokio::select! {
                    _ = tokio::time::sleep(PROBE_EVERY) => {}
                    _ = stop.changed() => continue,
                }
            } else {
                tokio::select! {
                    _ = self.suspect.notified() => {}
                    _ = stop.changed() => continue,
                }
            }
            self.set(!reachable(&options).await);
        }
    }
}

/// True when a fresh connection can be opened and answers. A server that is up but full
/// (too many connections) counts as reachable: the pool's own connections still work. One
/// that is starting up or shutting down does not.
async fn reachable(options: &PgConnectOptions) -> bool {
    let attempt = async {
        let mut conn = options.connect().await?;
        sqlx::query_scalar::<_, i32>("select 1")
            .fetch_one(&mut conn)
            .await?;
        conn.close().await
    };
    match tokio::time::timeout(PROBE_TIMEOUT, attempt).await {
        Ok(Ok(())) => true,
        Ok(Err(sqlx::Error::Database(e))) => e.code().is_some_and(|code| code == "53300"),
        Ok(Err(_)) | Err(_) => false,
    }
}
