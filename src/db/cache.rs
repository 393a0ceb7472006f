//! Per-process caches of what nearly every signed-in request reads: session records, the
//! signed-in partner user or staff member, and the program settings. Several portal
//! processes share one database, so the caches are kept coherent by PostgreSQL itself: every
//! change to a session row, a user, a tenant, a staff member or the settings sends a
//! notification on [`CHANNEL`] when it commits (triggers, migrations 0014 and 0016, whoever
//! makes the change), and each process's listener evicts it.
//!
//! Safe by construction rather than by timing:
//! - a cache serves reads only while its process is listening (`live`); when the listening
//!   connection drops, everything is dropped and reads go to the database until it listens
//!   again;
//! - a value loaded from the database is cached only if no notification arrived while it
//!   was being loaded (`generation`), so a load racing a change cannot cache the old value;
//! - a request that writes or ends a session (the session store), or uses any method but
//!   GET and HEAD (`web::middleware::tell_other_processes`: password changes, staff
//!   disabled, anything a form changed) waits
//!   (up to a second) until its own listener has seen a notification sent after its commits
//!   before answering; PostgreSQL delivers notifications in commit order and signals every
//!   listener at once, so the others have it too (see [`Caches::barrier`]);
//! - an entry lives at most [`TTL`] and the tables are bounded ([`CAPACITY`]).

use crate::db::settings::ProgramSettings;
use crate::db::staff::Staff;
use crate::db::users::SessionUser;
use sqlx::PgPool;
use sqlx::postgres::PgListener;
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};
use tokio::sync::watch;
use tower_sessions::session::Record;
use uuid::Uuid;

/// The notification channel.
pub const CHANNEL: &str = "pp_invalidate";
/// Longest an entry is served without being reloaded.
pub const TTL: Duration = Duration::from_secs(60);
/// Most entries per table; beyond it new values are simply not cached.
pub const CAPACITY: usize = 100_000;

/// One table of cached values.
pub struct Table<K, V> {
    map: Mutex<HashMap<K, (V, Instant)>>,
}

impl<K: Eq + Hash, V: Clone> Table<K, V> {
    fn new() -> Self {
        Table {
            map: Mutex::new(HashMap::new()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<K, (V, Instant)>> {
        self.map.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn get(&self, key: &K) -> Option<V> {
        let map = self.lock();
        let (value, at) = map.get(key)?;
        (at.elapsed() < TTL).then(|| value.clone())
    }

    fn insert(&self, key: K, value: V) {
        let mut map = self.lock();
        if map.len() >= CAPACITY {
            map.retain(|_, (_, at)| at.elapsed() < TTL);
            if map.len() >= CAPACITY {
                return;
            }
        }
        map.insert(key, (value, Instant::now()));
    }

    fn remove(&self, key: &K) {
        self.lock().remove(key);
    }

    fn retain(&self, keep: impl FnMut(&K, &mut (V, Instant)) -> bool) {
        self.lock().retain(keep);
    }

    fn clear(&self) {
        self.lock().clear();
    }

    /// How many entries are held.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    /// True when nothing is held.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The caches of one process.
pub struct Caches {
    /// True while this process listens on [`CHANNEL`]; only then may anything be served.
    live: AtomicBool,
    /// Bumped by every notification; a load that saw it change does not cache.
    generation: AtomicU64,
    /// Session records by stored key (the id's SHA-256).
    pub sessions: Table<String, Record>,
    /// Signed-in partner users by id.
    pub users: Table<Uuid, SessionUser>,
    /// Signed-in staff members by id.
    pub staff: Table<Uuid, Staff>,
    /// The program settings (one row).
    pub settings: Table<(), ProgramSettings>,
    /// This process, in the barrier's notifications.
    process: Uuid,
    next_barrier: AtomicU64,
    /// The highest barrier of this process its listener has seen.
    barriers_seen: watch::Sender<u64>,
}

impl Default for Caches {
    fn default() -> Self {
        Self::new()
    }
}

/// What a value load snapshot is compared against before caching.
#[derive(Clone, Copy)]
pub struct Generation(u64);

impl Caches {
    /// Empty caches, not live until [`listen`] runs.
    pub fn new() -> Self {
        Caches {
            live: AtomicBool::new(false),
            generation: AtomicU64::new(0),
            sessions: Table::new(),
            users: Table::new(),
            staff: Table::new(),
            settings: Table::new(),
            process: Uuid::new_v4(),
            next_barrier: AtomicU64::new(1),
            barriers_seen: watch::Sender::new(0),
        }
    }

    /// True while the caches may serve reads.
    pub fn is_live(&self) -> bool {
        self.live.load(Ordering::Acquire)
    }

    /// The generation before a load from the database.
    pub fn generation(&self) -> Generation {
        Generation(self.generation.load(Ordering::Acquire))
    }

    /// A cached session record.
    pub fn session(&self, key: &String) -> Option<Record> {
        if !self.is_live() {
            return None;
        }
        self.sessions.get(key)
    }

    /// Caches a session record loaded at `generation`.
    pub fn keep_session(&self, key: String, record: Record, generation: Generation) {
        if self.may_keep(generation) {
            self.sessions.insert(key, record);
        }
    }

    /// The signed-in partner user: from the cache, or loaded and kept.
    pub async fn load_user(&self, db: &PgPool, id: Uuid) -> sqlx::Result<Option<SessionUser>> {
        self.read_through(&self.users, id, crate::db::users::session_user(db, id))
            .await
    }

    /// The signed-in staff member: from the cache, or loaded and kept.
    pub async fn load_staff(&self, db: &PgPool, id: Uuid) -> sqlx::Result<Option<Staff>> {
        self.read_through(&self.staff, id, crate::db::staff::by_id(db, id))
            .await
    }

    /// The program settings: from the cache, or loaded and kept.
    pub async fn load_settings(&self, db: &PgPool) -> sqlx::Result<ProgramSettings> {
        let load = async { crate::db::settings::get(db).await.map(Some) };
        let settings = self.read_through(&self.settings, (), load).await?;
        Ok(settings.expect("loaded settings are always some"))
    }

    /// `key` from `table` while live; otherwise `load`ed, and kept if nothing changed
    /// meanwhile.
    async fn read_through<K: Eq + Hash, V: Clone>(
        &self,
        table: &Table<K, V>,
        key: K,
        load: impl std::future::Future<Output = sqlx::Result<Option<V>>>,
    ) -> sqlx::Result<Option<V>> {
        if self.is_live()
            && let Some(value) = table.get(&key)
        {
            return Ok(Some(value));
        }
        let generation = self.generation();
        let value = load.await?;
        if let Some(value) = &value
            && self.may_keep(generation)
        {
            table.insert(key, value.clone());
        }
        Ok(value)
    }

    fn may_keep(&self, generation: Generation) -> bool {
        self.is_live() && self.generation.load(Ordering::Acquire) == generation.0
    }

    /// Forgets a session this process just changed (its notification does the same on
    /// every other process).
    pub fn forget_session(&self, key: &String) {
        self.generation.fetch_add(1, Ordering::AcqRel);
        self.sessions.remove(key);
    }

    fn bump(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
    }

    fn forget_everything(&self) {
        self.bump();
        self.sessions.clear();
        self.users.clear();
        self.staff.clear();
        self.settings.clear();
    }

    /// Applies one notification.
    pub fn apply(&self, payload: &str) {
        self.bump();
        let (kind, rest) = payload.split_once(':').unwrap_or((payload, ""));
        let id = || Uuid::parse_str(rest).ok();
        match kind {
            "s" => self.sessions.remove(&rest.to_owned()),
            "u" => match id() {
                Some(id) => self.users.remove(&id),
                None => self.users.clear(),
            },
            "t" => match id() {
                Some(tenant) => self.users.retain(|_, (u, _)| u.tenant_id != tenant),
                None => self.users.clear(),
            },
            "st" => match id() {
                Some(id) => self.staff.remove(&id),
                None => self.staff.clear(),
            },
            "ps" => self.settings.clear(),
            "barrier" => {
                if let Some((process, n)) = rest.split_once(':')
                    && process == self.process.to_string()
                    && let Ok(n) = n.parse::<u64>()
                {
                    self.barriers_seen.send_if_modified(|seen| {
                        let newer = n > *seen;
                        if newer {
                            *seen = n;
                        }
                        newer
                    });
                }
            }
            _ => self.forget_everything(),
        }
    }

    /// Waits (at most a second) until this process's listener has seen a notification sent
    /// now, and so every notification committed before it: PostgreSQL delivers them in
    /// commit order and signals all listeners at once, so when this returns, the other
    /// processes have been told too. Not live: nothing is cached here to wait for.
    pub async fn barrier(&self, db: &PgPool) -> sqlx::Result<()> {
        if !self.is_live() {
            return Ok(());
        }
        let n = self.next_barrier.fetch_add(1, Ordering::AcqRel);
        let mut seen = self.barriers_seen.subscribe();
        sqlx::query("select pg_notify($1, $2)")
            .bind(CHANNEL)
            .bind(format!("barrier:{}:{n}", self.process))
            .execute(db)
            .await?;
        let waited = tokio::time::timeout(Duration::from_secs(1), seen.wait_for(|s| *s >= n));
        if waited.await.is_err() {
            tracing::warn!("the cache listener did not see its own notification within a second");
        }
        Ok(())
    }
}

/// Listens on [`CHANNEL`] for as long as the pool is open, keeping `caches` coherent; while
/// not listening (start-up, a lost connection) the caches serve nothing.
pub async fn listen(db: PgPool, caches: std::sync::Arc<Caches>, mut stop: watch::Receiver<bool>) {
    let mut backoff = Duration::from_millis(100);
    loop {
        if *stop.borrow() || db.is_closed() {
            break;
        }
        let listener = async {
            let mut listener = PgListener::connect_with(&db).await?;
            listener.listen(CHANNEL).await?;
            Ok::<_, sqlx::Error>(listener)
        };
        let mut listener = tokio::select! {
            l = listener => match l {
                Ok(l) => l,
                Err(e) => {
                    tracing::warn!(error = %e, "cache listener cannot listen; caches stay off");
                    tokio::select! {
                        _ = tokio::time::sleep(backoff) => {}
                        _ = stop.changed() => break,
                    }
                    backoff = (backoff * 2).min(Duration::from_secs(5));
                    continue;
                }
            },
            _ = stop.changed() => break,
        };
        // Whatever changed while nobody listened is unknown: start empty.
        caches.forget_everything();
        caches.live.store(true, Ordering::Release);
        backoff = Duration::from_millis(100);
        tracing::debug!("cache listener listening");
        loop {
            let next = tokio::select! {
                n = listener.try_recv() => n,
                _ = stop.changed() => {
                    caches.live.store(false, Ordering::Release);
                    return;
                }
            };
            match next {
                Ok(Some(notification)) => caches.apply(notification.payload()),
                Ok(None) | Err(_) => {
                    caches.live.store(false, Ordering::Release);
                    caches.forget_everything();
                    tracing::warn!(
                        "cache listener lost its connection; caches off until it listens again"
                    );
                    break;
                }
            }
        }
    }
    caches.live.store(false, Ordering::Release);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> Record {
        Record {
            id: tower_sessions::session::Id::default(),
            data: Default::default(),
            expiry_date: time::OffsetDateTime::now_utc(),
        }
    }

    #[test]
    fn nothing_is_served_or_kept_unless_live() {
        let caches = Caches::new();
        let g = caches.generation();
        caches.keep_session("k".into(), record(), g);
        assert!(caches.sessions.is_empty());
        caches.live.store(true, Ordering::Release);
        caches.keep_session("k".into(), record(), g);
        assert!(caches.session(&"k".into()).is_some());
        caches.live.store(false, Ordering::Release);
        assert!(caches.session(&"k".into()).is_none());
    }

    #[test]
    fn a_load_that_raced_a_notification_is_not_kept() {
        let caches = Caches::new();
        caches.live.store(true, Ordering::Release);
        let before = caches.generation();
        caches.apply("s:other");
        caches.keep_session("k".into(), record(), before);
        assert!(caches.session(&"k".into()).is_none());
        caches.keep_session("k".into(), record(), caches.generation());
        assert!(caches.session(&"k".into()).is_some());
        caches.apply("s:k");
        assert!(caches.session(&"k".into()).is_none());
        caches.keep_session("k".into(), record(), caches.generation());
        caches.apply("something new");
        assert!(
            caches.sessions.is_empty(),
            "an unknown kind forgets everything"
        );
    }
}
