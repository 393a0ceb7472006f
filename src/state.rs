//! What every request handler can reach.

use crate::auth::PasswordHasher;
use crate::config::Config;
use axum::extract::FromRef;
use sqlx::PgPool;
use std::sync::Arc;
use tokio::sync::{Notify, OnceCell};

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
    /// Signs the form-token cookie of pages without a stored session; read from the
    /// database at first use (so the portal starts, and says it is not ready, while the
    /// database is down).
    pub csrf_key: Arc<OnceCell<Vec<u8>>>,
    /// The markets table (reference data that only a migration changes), read once.
    pub markets: Arc<OnceCell<Arc<[crate::db::markets::Market]>>>,
    /// Sessions and signed-in accounts, kept coherent across processes (`db::cache`).
    pub caches: Arc<crate::db::cache::Caches>,
    /// Whether the database can be reached (`db::health`): pages answer 503 at once while
    /// it cannot.
    pub db_health: Arc<crate::db::health::DbHealth>,
}

impl AppState {
    /// Returns once every process has been told of what was committed so far (sessions
    /// ended by a new epoch, a changed user): see [`crate::db::cache::Caches::barrier`].
    pub async fn tell_other_processes(&self) -> Result<(), sqlx::Error> {
        self.caches.barrier(&self.db).await
    }

    /// Every market, as `db::markets::all` orders them: read from the database once per
    /// process (only a migration changes them); pages share the one list.
    pub async fn markets(&self) -> Result<Arc<[crate::db::markets::Market]>, sqlx::Error> {
        self.markets
            .get_or_try_init(|| async { crate::db::markets::all(&self.db).await.map(Arc::from) })
            .await
            .cloned()
    }

    /// The program settings: from this process's cache, refreshed on every process when
    /// staff change them (see [`crate::db::cache`]).
    pub async fn program_settings(
        &self,
    ) -> Result<crate::db::settings::ProgramSettings, sqlx::Error> {
        self.caches.load_settings(&self.db).await
    }

    /// Every program region (code, name in the current language), in the language's
    /// alphabetical order.
    pub async fn regions(&self) -> Result<Vec<(String, String)>, sqlx::Error> {
        Ok(crate::db::markets::regions(
            &self.markets().await?,
            crate::i18n::current(),
        ))
    }

    /// A program region's name in the current language (the code if no market is in it).
    pub async fn region_name(&self, csp_region: &str) -> Result<String, sqlx::Error> {
        let markets = self.markets().await?;
        Ok(crate::db::markets::region_name(&markets, csp_region)
            .unwrap_or(csp_region)
            .to_owned())
    }

    /// A country's name in the current language (the code if the portal does not know it).
    pub async fn country_name(&self, country_code: &str) -> Result<String, sqlx::Error> {
        let markets = self.markets().await?;
        Ok(crate::db::markets::country_name(&markets, country_code)
            .unwrap_or(country_code)
            .to_owned())
    }

    /// The market of `country_code`, if the portal knows it.
    pub async fn market(
        &self,
        country_code: &str,
    ) -> Result<Option<crate::db::markets::Market>, sqlx::Error> {
        let markets = self.markets().await?;
        Ok(markets
            .iter()
            .find(|m| m.country_code.eq_ignore_ascii_case(country_code))
            .cloned())
    }

    /// The key that signs anonymous form tokens, shared by every process: stored by the
    /// first process that needs it.
    pub async fn csrf_key(&self) -> Result<&[u8], sqlx::Error> {
        self.csrf_key
            .get_or_try_init(|| async {
                let mut fresh = [0u8; 32];
                getrandom::fill(&mut fresh)
                    .expect("the operating system's random number generator failed");
                crate::db::keys::get_or_create(&self.db, "csrf", &fresh).await
            })
            .await
            .map(Vec::as_slice)
    }

    /// Counts a request against a per-subject limit; true when it is over the limit.
    pub async fn over_limit(
        &self,
        bucket: &str,
        subject: &str,
        limit: crate::config::RateLimit,
    ) -> sqlx::Result<bool> {
        let hits = crate::db::rate_limit::hit(&self.db, bucket, subject, limit.window).await?;
        let over = hits > limit.max as i32;
        if over {
            metrics::counter!(crate::metrics::RATE_LIMITED, "limit" => bucket.to_owned())
                .increment(1);
        }
        Ok(over)
    }

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
