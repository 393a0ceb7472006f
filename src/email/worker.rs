//! The outbox worker: claims due messages, delivers them outside any transaction,
//! and records the outcome. Several processes may run one at the same time.

use crate::config::OutboxSettings;
use crate::db;
use crate::db::outbox::QueuedEmail;
use crate::email::Mailer;
use futures_util::StreamExt;
use lettre::message::Mailbox;
use sqlx::PgPool;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Notify, watch};

/// Messages claimed per round, per message that may be in flight at once: enough that
/// every lane stays busy, few enough that a claim is never held long.
const CLAIM_PER_LANE: usize = 4;

/// Delivers queued e-mail until told to stop.
pub struct OutboxWorker {
    /// Database pool.
    pub db: PgPool,
    /// Transport.
    pub mailer: Mailer,
    /// The From: address.
    pub from: Mailbox,
    /// Pacing.
    pub settings: OutboxSettings,
    /// Poked after a request queues mail, so it goes out at once.
    pub wake: Arc<Notify>,
    /// Retention of expired and delivered rows, run beside delivery.
    pub retention: crate::db::retention::Settings,
}

impl OutboxWorker {
    /// Runs until `shutdown` turns true; finishes the message in hand first.
    pub async fn run(self, mut shutdown: watch::Receiver<bool>) {
        tracing::info!(transport = self.mailer.name(), "outbox worker started");
        let retention = tokio::spawn(retention(self.db.clone(), self.retention, shutdown.clone()));
        loop {
            if *shutdown.borrow() {
                break;
            }
            let handled = match self.deliver_due().await {
                Ok(n) => n,
                Err(e) => {
                    tracing::warn!(error = %e, "outbox: could not claim messages");
                    0
                }
            };
            if handled == self.batch_size() {
                continue;
            }
            tokio::select! {
                _ = tokio::time::sleep(self.settings.poll_interval) => {}
                _ = self.wake.notified() => {}
                _ = shutdown.changed() => {}
            }
        }
        let _ = retention.await;
        tracing::info!("outbox worker stopped");
    }

    fn batch_size(&self) -> usize {
        self.settings.concurrency.max(1) * CLAIM_PER_LANE
    }

    /// One round: claim a batch, deliver it with up to `concurrency` messages in flight
    /// (each on its own pooled connection: an SMTP exchange is mostly waiting for the
    /// relay), and record each outcome as soon as it is known. Returns how many messages
    /// it handled.
    pub async fn deliver_due(&self) -> sqlx::Result<usize> {
        let batch = db::outbox::claim_due(
            &self.db,
            self.batch_size() as i64,
            self.settings.stale_claim_after,
        )
        .await?;
        let handled = batch.len();
        // Every delivery in flight finishes and is recorded, even when recording another
        // failed: dropping one half-way could send its message twice.
        let outcomes: Vec<sqlx::Result<()>> = futures_util::stream::iter(batch)
            .map(|email| async move { self.deliver_one(email).await })
            .buffer_unordered(self.settings.concurrency.max(1))
            .collect()
            .await;
        outcomes.into_iter().collect::<sqlx::Result<()>>()?;
        Ok(handled)
    }

    async fn deliver_one(&self, email: QueuedEmail) -> sqlx::Result<()> {
        match self.mailer.deliver(&self.from, &email).await {
            Ok(()) => {
                db::outbox::mark_sent(&self.db, email.email_id, self.mailer.name()).await?;
                tracing::info!(email_id = %email.email_id, subject = %email.subject, "e-mail delivered");
            }
            Err(error) => {
                let retry_in = backoff(&self.settings, email.attempts);
                let gave_up = db::outbox::mark_failed_attempt(
                    &self.db,
                    email.email_id,
                    &error,
                    retry_in,
                    self.settings.give_up_after,
                )
                .await?;
                if gave_up {
                    tracing::error!(email_id = %email.email_id, %error, "e-mail given up after repeated failures");
                } else {
                    tracing::warn!(email_id = %email.email_id, %error, attempt = email.attempts, ?retry_in, "e-mail delivery failed; will retry");
                }
            }
        }
        Ok(())
    }
}

/// Retention, beside delivery: every `settings.every`, expired sessions and tokens, old
/// rate-limit windows and old delivered e-mail, in bounded batches (safe with several
/// processes: see `db::retention`), until `stop` turns true.
async fn retention(
    db: PgPool,
    settings: crate::db::retention::Settings,
    mut stop: watch::Receiver<bool>,
) {
    while !*stop.borrow() {
        for kind in crate::db::retention::Kind::ALL {
            match crate::db::retention::prune(&db, kind, &settings, &stop).await {
                Ok(done) if done.rows > 0 => tracing::info!(
                    kind = kind.as_str(),
                    rows = done.rows,
                    batches = done.batches,
                    longest_batch_ms = done.longest.as_millis() as u64,
                    "retention pruned"
                ),
                Ok(_) => {}
                Err(e) => {
                    tracing::warn!(kind = kind.as_str(), error = %e, "retention could not prune")
                }
            }
        }
        tokio::select! {
            _ = tokio::time::sleep(settings.every) => {}
            _ = stop.changed() => {}
        }
    }
}

/// Delay before the next attempt after `attempts` failures: doubling, capped.
pub fn backoff(settings: &OutboxSettings, attempts: i32) -> Duration {
    let exponent = attempts.saturating_sub(1).clamp(0, 20) as u32;
    settings
        .retry_base
        .saturating_mul(2u32.pow(exponent))
        .min(settings.retry_max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_is_capped() {
        let s = OutboxSettings::default();
        assert_eq!(backoff(&s, 1), Duration::from_secs(10));
        assert_eq!(backoff(&s, 2), Duration::from_secs(20));
        assert_eq!(backoff(&s, 4), Duration::from_secs(80));
        assert_eq!(backoff(&s, 30), Duration::from_secs(3600));
    }
}
