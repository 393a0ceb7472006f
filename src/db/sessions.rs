//! The session store: tower-sessions records in `tower_sessions.session`.
//!
//! Our own, because the published sqlx-backed store pins sqlx 0.8, whose `Pool::begin()` is
//! not cancel-safe. This one needs no transaction at all: a new record is inserted with
//! `on conflict do nothing` and gets a fresh id in the (astronomically rare) case of a clash.
//! Records are JSON in the `bytea` column; a record that does not decode (for example one
//! written by the old MessagePack store) counts as no session, so its owner simply signs in
//! again. The `id` column holds the SHA-256 of the session id, never the id itself, so
//! reading the table does not yield sessions anyone could use.
//!
//! Reads are served from the process's cache (`db::cache`) while it is coherent; a trigger
//! tells every process when a session row changes or a live one is deleted (migration
//! 0014), and a write or delete (a flash, signing out) answers only once every process was
//! told. Writes are rare: a page view writes at most once a minute (`web::ctx::keep_alive`).

use super::cache::Caches;
use async_trait::async_trait;
use sqlx::PgPool;
use std::sync::Arc;
use time::OffsetDateTime;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, ExpiredDeletion, SessionStore};

/// Sessions in PostgreSQL, so any process can serve any request.
#[derive(Clone)]
pub struct PgSessionStore {
    pool: PgPool,
    caches: Arc<Caches>,
}

impl std::fmt::Debug for PgSessionStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgSessionStore").finish_non_exhaustive()
    }
}

impl PgSessionStore {
    /// A store over `pool`, reading through `caches`.
    pub fn new(pool: PgPool, caches: Arc<Caches>) -> Self {
        Self { pool, caches }
    }

    /// How many session records exist (expired ones included).
    pub async fn count(&self) -> sqlx::Result<i64> {
        sqlx::query_scalar!(r#"select count(*) as "n!" from tower_sessions.session"#)
            .fetch_one(&self.pool)
            .await
    }
}

/// How a store error that means "database unavailable" begins, so the request that met it
/// gets the 503 page (the store's error type can carry only text).
pub const UNAVAILABLE: &str = "database unavailable: ";

fn backend(e: sqlx::Error) -> session_store::Error {
    if super::is_unavailable(&e) {
        session_store::Error::Backend(format!("{UNAVAILABLE}{e}"))
    } else {
        session_store::Error::Backend(e.to_string())
    }
}

/// The stored key of session `id`: its SHA-256, in hex.
pub fn stored_key(id: &Id) -> String {
    crate::domain::token::hex(&crate::domain::token::hash_token(&id.to_string()))
}

fn encode(record: &Record) -> session_store::Result<Vec<u8>> {
    serde_json::to_vec(&record.data).map_err(|e| session_store::Error::Encode(e.to_string()))
}

#[async_trait]
impl SessionStore for PgSessionStore {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        let data = encode(record)?;
        loop {
            let inserted = sqlx::query_scalar!(
                "insert into tower_sessions.session (id, data, expiry_date) values ($1, $2, $3)
                 on conflict (id) do nothing
                 returning true",
                stored_key(&record.id),
                data,
                record.expiry_date,
            )
            .fetch_optional(&self.pool)
            .await
            .map_err(backend)?;
            if inserted.is_some() {
                return Ok(());
            }
            record.id = Id::default();
        }
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        let data = encode(record)?;
        let key = stored_key(&record.id);
        sqlx::query!(
            "insert into tower_sessions.session (id, data, expiry_date) values ($1, $2, $3)
             on conflict (id) do update set data = excluded.data, expiry_date = excluded.expiry_date",
            key,
            data,
            record.expiry_date,
        )
        .execute(&self.pool)
        .await
        .map_err(backend)?;
        self.caches.forget_session(&key);
        // The next request may go to another process: it must not read the old record.
        self.caches.barrier(&self.pool).await.map_err(backend)?;
        Ok(())
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let key = stored_key(id);
        if let Some(record) = self.caches.session(&key)
            && record.expiry_date > OffsetDateTime::now_utc()
        {
            return Ok(Some(Record { id: *id, ..record }));
        }
        let generation = self.caches.generation();
        let row = sqlx::query!(
            "select data, expiry_date from tower_sessions.session
             where id = $1 and expiry_date > now()",
            key,
        )
        .fetch_optional(&self.pool)
        .await
        .map_err(backend)?;
        let Some(row) = row else {
            return Ok(None);
        };
        match serde_json::from_slice(&row.data) {
            Ok(data) => {
                let record = Record {
                    id: *id,
                    data,
                    expiry_date: row.expiry_date,
                };
                self.caches.keep_session(key, record.clone(), generation);
                Ok(Some(record))
            }
            Err(e) => {
                tracing::debug!(error = %e, "a stored session did not decode; starting afresh");
                Ok(None)
            }
        }
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        let key = stored_key(id);
        sqlx::query!("delete from tower_sessions.session where id = $1", key)
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        self.caches.forget_session(&key);
        self.caches.barrier(&self.pool).await.map_err(backend)?;
        Ok(())
    }
}

#[async_trait]
impl ExpiredDeletion for PgSessionStore {
    async fn delete_expired(&self) -> session_store::Result<()> {
        let now = OffsetDateTime::now_utc();
        sqlx::query!(
            "delete from tower_sessions.session where expiry_date < $1",
            now
        )
        .execute(&self.pool)
        .await
        .map_err(backend)?;
        Ok(())
    }
}
