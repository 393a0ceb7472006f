//! What every request handler can reach.

use crate::auth::PasswordHasher;
use crate::config::Config;
use axum::extract::FromRef;
use sqlx::PgPool;
use std::sync::Arc;
use tokio::sync::Notify;

/// Shared application state.
#[derive(Clone)]
pub struct AppState {
    /// Database pool.
    pub db: PgPool,
    /// Settings.
    pub config: Arc<Config>,
    /// Password hashing, rationed to the CPU count.
    pub hasher: PasswordHasher,
    /// Wakes the outbox worker after a request queued e-mail.
    pub outbox_wake: Arc<Notify>,
}

impl AppState {
    /// The right-hand side of Message-IDs: the domain of the From: address.
    pub fn message_domain(&self) -> String {
        let from = &self.config.mail_from;
        let address = from
            .rsplit_once('<')
            .map(|(_, a)| a.trim_end_matches('>'))
            .unwrap_or(from);
        address
            .rsplit_once('@')
            .map(|(_, d)| d.to_owned())
            .unwrap_or_else(|| "partner-portal.localhost".into())
    }
}

impl FromRef<AppState> for PgPool {
    fn from_ref(state: &AppState) -> Self {
        state.db.clone()
    }
}
