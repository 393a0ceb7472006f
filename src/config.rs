//! Typed settings read from the environment (and `.env` when present).

use std::fmt;
use std::net::IpAddr;
use std::time::Duration;

/// Where the portal runs: development defaults, or production's stricter rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppEnv {
    /// Local development: mailbox e-mail, plain-HTTP cookies allowed.
    Dev,
    /// Production: real SMTP and secure cookies are required.
    Production,
}

/// How e-mail leaves the outbox.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MailTransportKind {
    /// Kept in the database and shown at `/dev/mailbox`.
    Mailbox,
    /// Sent through an SMTP server (`SMTP_URL`).
    Smtp,
    /// Kept in process memory; for unit tests only, never selectable by a setting.
    Memory,
}

/// Log line format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    /// Human-readable, coloured lines.
    Pretty,
    /// One JSON object per line, for log collectors.
    Json,
}

/// A fixed-window limit: at most `max` attempts per `window`.
#[derive(Clone, Copy, Debug)]
pub struct RateLimit {
    /// Attempts allowed in one window.
    pub max: u32,
    /// Length of the window.
    pub window: Duration,
}

/// Per-IP limits on the endpoints that attackers hammer.
#[derive(Clone, Copy, Debug)]
pub struct RateLimits {
    /// `POST /signin`.
    pub sign_in: RateLimit,
    /// `POST /signup`.
    pub sign_up: RateLimit,
    /// `POST /password/forgot` and `POST /password/reset/{token}`.
    pub password_reset: RateLimit,
    /// Re-sending a confirmation e-mail from the dashboard (per user).
    pub resend_confirmation: RateLimit,
    /// Partner IDs tried at the enrollment step (per organisation).
    pub partner_id: RateLimit,
    /// Invitation requests a reseller sends from the provider directory (per organisation).
    pub invitation_request: RateLimit,
    /// From a source's third failed sign-in on, its answers come this much later per
    /// further failure (at most five steps), before the source is locked out.
    pub sign_in_delay_step: Duration,
}

impl Default for RateLimits {
    fn default() -> Self {
        Self {
            sign_in: RateLimit {
                max: 30,
                window: Duration::from_secs(600),
            },
            sign_up: RateLimit {
                max: 10,
                window: Duration::from_secs(3600),
            },
            password_reset: RateLimit {
                max: 10,
                window: Duration::from_secs(3600),
            },
            resend_confirmation: RateLimit {
                max: 5,
                window: Duration::from_secs(3600),
            },
            partner_id: RateLimit {
                max: 30,
                window: Duration::from_secs(3600),
            },
            invitation_request: RateLimit {
                max: 5,
                window: Duration::from_secs(86_400),
            },
            sign_in_delay_step: Duration::from_secs(1),
        }
    }
}

/// How the outbox worker paces itself.
#[derive(Clone, Copy, Debug)]
pub struct OutboxSettings {
    /// How often the worker looks for due messages when nobody wakes it.
    pub poll_interval: Duration,
    /// First retry delay; doubles with every failed attempt.
    pub retry_base: Duration,
    /// Longest delay between two attempts.
    pub retry_max: Duration,
    /// After this long since the message was queued, stop trying and mark it failed.
    pub give_up_after: Duration,
    /// A claim older than this is taken to belong to a crashed worker and is reclaimed.
    pub stale_claim_after: Duration,
    /// Messages in flight at once, each on its own pooled SMTP connection
    /// (`OUTBOX_CONCURRENCY`).
    pub concurrency: usize,
}

impl Default for OutboxSettings {
    fn default() -> Self {
        Self {
            poll_interval: Duration::from_secs(2),
            retry_base: Duration::from_secs(10),
            retry_max: Duration::from_secs(3600),
            give_up_after: Duration::from_secs(24 * 3600),
            stale_claim_after: Duration::from_secs(300),
            concurrency: 16,
        }
    }
}

/// Limits on every pooled database connection, so nothing can hang the portal.
#[derive(Clone, Copy, Debug)]
pub struct DbSettings {
    /// Longest any one statement may run (`DB_STATEMENT_TIMEOUT_MS`).
    pub statement_timeout: Duration,
    /// Longest a statement waits for a lock (`DB_LOCK_TIMEOUT_MS`).
    pub lock_timeout: Duration,
    /// PostgreSQL ends a session idle this long inside a transaction
    /// (`DB_IDLE_IN_TRANSACTION_TIMEOUT_MS`).
    pub idle_in_transaction_timeout: Duration,
    /// Connections in the pool.
    pub max_connections: u32,
    /// Longest a request waits for a free connection.
    pub acquire_timeout: Duration,
}

impl Default for DbSettings {
    fn default() -> Self {
        Self {
            statement_timeout: Duration::from_secs(10),
            lock_timeout: Duration::from_secs(3),
            idle_in_transaction_timeout: Duration::from_secs(5),
            max_connections: 20,
            acquire_timeout: Duration::from_secs(5),
        }
    }
}

/// What one process accepts from clients at the connection level.
#[derive(Clone, Debug)]
pub struct ServerLimits {
    /// Open connections at most (`MAX_CONNECTIONS`); beyond it a new one gets a 503.
    pub max_connections: usize,
    /// A client must send its request headers within this (`HEADER_READ_TIMEOUT_MS`).
    pub header_read_timeout: Duration,
    /// Reverse proxies whose `X-Forwarded-For` names the client (`TRUSTED_PROXIES`).
    pub trusted_proxies: TrustedProxies,
}

impl Default for ServerLimits {
    fn default() -> Self {
        Self {
            max_connections: 4096,
            header_read_timeout: Duration::from_secs(10),
            trusted_proxies: TrustedProxies::default(),
        }
    }
}

/// Address blocks (CIDR; a bare address is a block of one) of the reverse proxies in front
/// of the portal. Empty by default: the TCP peer is the client, and `X-Forwarded-For` is
/// ignored, since anyone can send it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<(IpAddr, u8)>);

impl TrustedProxies {
    /// Parses a comma-separated list such as `10.0.0.0/8, 127.0.0.1, ::1/128`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut blocks = Vec::new();
        for item in text.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            let (address, bits) = match item.split_once('/') {
                Some((a, b)) => (a, Some(b)),
                None => (item, None),
            };
            let address: IpAddr = address
                .parse()
                .map_err(|_| format!("{item:?} is not an IP address or CIDR block"))?;
            let max = if address.is_ipv4() { 32 } else { 128 };
            let bits = match bits {
                None => max,
                Some(b) => b
                    .parse::<u8>()
                    .ok()
                    .filter(|b| *b <= max)
                    .ok_or_else(|| format!("{item:?} has a prefix length outside 0-{max}"))?,
            };
            blocks.push((address.to_canonical(), bits));
        }
        Ok(TrustedProxies(blocks))
    }

    /// True when no proxy is trusted.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// True when `ip` is in one of the blocks.
    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = ip.to_canonical();
        self.0.iter().any(|&(block, bits)| match (block, ip) {
            (IpAddr::V4(b), IpAddr::V4(a)) => {
                let mask = u32::MAX.checked_shl(32 - u32::from(bits)).unwrap_or(0);
                u32::from(a) & mask == u32::from(b) & mask
            }
            (IpAddr::V6(b), IpAddr::V6(a)) => {
                let mask = u128::MAX.checked_shl(128 - u32::from(bits)).unwrap_or(0);
                u128::from(a) & mask == u128::from(b) & mask
            }
            _ => false,
        })
    }

    /// The client's address: the peer itself, unless the peer is a trusted proxy; then the
    /// right-most address of `X-Forwarded-For` that is not a trusted proxy (addresses to
    /// its left were written by the client and prove nothing). Unreadable entries end the
    /// walk at the last trusted hop.
    pub fn client_address<'a>(
        &self,
        peer: IpAddr,
        forwarded_for: impl DoubleEndedIterator<Item = &'a str>,
    ) -> IpAddr {
        let mut client = peer.to_canonical();
        if self.is_empty() {
            return client;
        }
        let mut hops = forwarded_for.rev().flat_map(|v| v.rsplit(','));
        while self.contains(client) {
            match hops
                .next()
                .and_then(|hop| hop.trim().parse::<IpAddr>().ok())
            {
                Some(next) => client = next.to_canonical(),
                None => break,
            }
        }
        client
    }
}

/// Everything the portal needs to know to start.
#[derive(Clone)]
pub struct Config {
    /// PostgreSQL connection string (may hold a password: never logged).
    pub database_url: String,
    /// Address to listen on.
    pub bind: IpAddr,
    /// Port to listen on; 0 picks a free one.
    pub port: u16,
    /// Base of every link in e-mails, without a trailing slash.
    pub public_base_url: String,
    /// Development or production.
    pub app_env: AppEnv,
    /// Send the session cookie only over HTTPS (and send HSTS).
    pub cookie_secure: bool,
    /// How e-mail is delivered.
    pub mail_transport: MailTransportKind,
    /// SMTP server, e.g. `smtp://127.0.0.1:2525` or `smtps://user:pass@host` (may hold a password).
    pub smtp_url: Option<String>,
    /// The From: address of every e-mail.
    pub mail_from: String,
    /// Tenant domains are `<prefix>.<suffix>`.
    pub tenant_domain_suffix: String,
    /// Log format.
    pub log_format: LogFormat,
    /// E-mail of the first operator admin, created at start when none exists.
    pub operator_admin_email: String,
    /// Password of that first admin; when unset one is generated and logged once.
    pub operator_admin_password: Option<String>,
    /// How many days a partnership invitation link works.
    pub partnership_invitation_days: i32,
    /// Outbox pacing (not an environment setting).
    pub outbox: OutboxSettings,
    /// Per-IP limits (not an environment setting).
    pub rate_limits: RateLimits,
    /// A session ends after this long without a request.
    pub session_idle_timeout: Duration,
    /// A session ends this long after sign-in, active or not.
    pub session_absolute_timeout: Duration,
    /// Largest request body accepted.
    pub max_body_bytes: usize,
    /// A request that takes longer is answered with 408.
    pub request_timeout: Duration,
    /// Retention of expired and delivered rows (`RETENTION_BATCH`,
    /// `DELIVERED_EMAIL_RETENTION_DAYS`).
    pub retention: crate::db::retention::Settings,
    /// Where Prometheus metrics are served (`METRICS_BIND`, e.g. `127.0.0.1:9100`); none:
    /// no metrics listener.
    pub metrics_bind: Option<std::net::SocketAddr>,
    /// Database connection limits.
    pub db: DbSettings,
    /// Connection limits of the HTTP server.
    pub server: ServerLimits,
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("database_url", &redact_url(&self.database_url))
            .field("bind", &self.bind)
            .field("port", &self.port)
            .field("public_base_url", &self.public_base_url)
            .field("app_env", &self.app_env)
            .field("cookie_secure", &self.cookie_secure)
            .field("mail_transport", &self.mail_transport)
            .field("smtp_url", &self.smtp_url.as_deref().map(redact_url))
            .field("mail_from", &self.mail_from)
            .field("tenant_domain_suffix", &self.tenant_domain_suffix)
            .field("log_format", &self.log_format)
            .field("operator_admin_email", &self.operator_admin_email)
            .field(
                "operator_admin_password",
                &self.operator_admin_password.as_ref().map(|_| "***"),
            )
            .finish_non_exhaustive()
    }
}

/// Replaces the password part of `scheme://user:password@host` with `***`.
fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let userinfo = &url[scheme_end + 3..at];
            match userinfo.find(':') {
                Some(colon) => format!(
                    "{}{}:***{}",
                    &url[..scheme_end + 3],
                    &userinfo[..colon],
                    &url[at..]
                ),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

/// A setting that stops start-up, with the setting's name.
#[derive(Debug, thiserror::Error)]
#[error("configuration error: {setting}: {message}")]
pub struct ConfigError {
    /// The environment variable at fault.
    pub setting: &'static str,
    /// What is wrong with it.
    pub message: String,
}

fn bad(setting: &'static str, message: impl Into<String>) -> ConfigError {
    ConfigError {
        setting,
        message: message.into(),
    }
}

impl Config {
    /// Development defaults: what `cargo run` uses with nothing configured.
    pub fn dev_defaults() -> Self {
        Self {
            database_url: "postgres://postgres@127.0.0.1:5432/partner_portal".into(),
            bind: IpAddr::from([127, 0, 0, 1]),
            port: 3000,
            public_base_url: "http://127.0.0.1:3000".into(),
            app_env: AppEnv::Dev,
            cookie_secure: false,
            mail_transport: MailTransportKind::Mailbox,
            smtp_url: None,
            mail_from: "Partner Portal <no-reply@partner-portal.localhost>".into(),
            tenant_domain_suffix: "partnerportal.example".into(),
            log_format: LogFormat::Pretty,
            operator_admin_email: "admin@localhost".into(),
            operator_admin_password: None,
            partnership_invitation_days: 30,
            outbox: OutboxSettings::default(),
            rate_limits: RateLimits::default(),
            session_idle_timeout: Duration::from_secs(30 * 60),
            session_absolute_timeout: Duration::from_secs(12 * 3600),
            max_body_bytes: 64 * 1024,
            request_timeout: Duration::from_secs(30),
            db: DbSettings::default(),
            server: ServerLimits::default(),
            metrics_bind: None,
            retention: crate::db::retention::Settings::default(),
        }
    }

    /// Reads settings from the process environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|key| std::env::var(key).ok())
    }

    /// Reads settings through `lookup` (the environment, or a map in tests).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let get = |key: &str| {
            lookup(key)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let mut config = Self::dev_defaults();

        if let Some(v) = get("APP_ENV") {
            config.app_env = match v.as_str() {
                "dev" | "development" => AppEnv::Dev,
                "production" | "prod" => AppEnv::Production,
                other => {
                    return Err(bad(
                        "APP_ENV",
                        format!("must be dev or production, got {other:?}"),
                    ));
                }
            };
        }
        if let Some(v) = get("DATABASE_URL") {
            if !(v.starts_with("postgres://") || v.starts_with("postgresql://")) {
                return Err(bad(
                    "DATABASE_URL",
                    "must start with postgres:// or postgresql://",
                ));
            }
            config.database_url = v;
        }
        if let Some(v) = get("BIND") {
            config.bind = v.parse().map_err(|_| {
                bad(
                    "BIND",
                    format!("must be an IP address such as 127.0.0.1 or 0.0.0.0, got {v:?}"),
                )
            })?;
        }
        if let Some(v) = get("PORT") {
            config.port = v.parse().map_err(|_| {
                bad(
                    "PORT",
                    format!("must be a number from 0 to 65535, got {v:?}"),
                )
            })?;
        }
        config.public_base_url = match get("PUBLIC_BASE_URL") {
            Some(v) => {
                if !(v.starts_with("http://") || v.starts_with("https://")) || v.len() < 10 {
                    return Err(bad(
                        "PUBLIC_BASE_URL",
                        format!("must be an http:// or https:// URL, got {v:?}"),
                    ));
                }
                v.trim_end_matches('/').to_owned()
            }
            None => format!("http://{}:{}", config.bind, config.port),
        };
        config.cookie_secure = match get("COOKIE_SECURE") {
            Some(v) => parse_bool(&v)
                .ok_or_else(|| bad("COOKIE_SECURE", format!("must be true or false, got {v:?}")))?,
            None => config.app_env == AppEnv::Production,
        };
        if let Some(v) = get("MAIL_TRANSPORT") {
            config.mail_transport = match v.as_str() {
                "mailbox" => MailTransportKind::Mailbox,
                "smtp" => MailTransportKind::Smtp,
                other => {
                    return Err(bad(
                        "MAIL_TRANSPORT",
                        format!("must be mailbox or smtp, got {other:?}"),
                    ));
                }
            };
        }
        if let Some(v) = get("SMTP_URL") {
            if !(v.starts_with("smtp://") || v.starts_with("smtps://")) {
                return Err(bad("SMTP_URL", "must start with smtp:// or smtps://"));
            }
            config.smtp_url = Some(v);
        }
        if let Some(v) = get("MAIL_FROM") {
            config.mail_from = v;
        }
        if config
            .mail_from
            .parse::<lettre::message::Mailbox>()
            .is_err()
        {
            return Err(bad(
                "MAIL_FROM",
                "must be an address like \"Partner Portal <no-reply@example.com>\"",
            ));
        }
        if let Some(v) = get("TENANT_DOMAIN_SUFFIX") {
            let v = v.trim_start_matches('.').to_ascii_lowercase();
            let valid = v.contains('.')
                && v.split('.').all(|label| {
                    !label.is_empty()
                        && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                        && !label.starts_with('-')
                        && !label.ends_with('-')
                });
            if !valid {
                return Err(bad(
                    "TENANT_DOMAIN_SUFFIX",
                    format!("must be a domain name such as partnerportal.example, got {v:?}"),
                ));
            }
            config.tenant_domain_suffix = v;
        }
        if let Some(v) = get("LOG_FORMAT") {
            config.log_format = match v.as_str() {
                "pretty" => LogFormat::Pretty,
                "json" => LogFormat::Json,
                other => {
                    return Err(bad(
                        "LOG_FORMAT",
                        format!("must be pretty or json, got {other:?}"),
                    ));
                }
            };
        }
        if let Some(v) = get("OPERATOR_ADMIN_EMAIL") {
            if !v.contains('@') || v.len() > 254 {
                return Err(bad(
                    "OPERATOR_ADMIN_EMAIL",
                    format!("must be an e-mail address, got {v:?}"),
                ));
            }
            config.operator_admin_email = v;
        }
        if let Some(v) = lookup("OPERATOR_ADMIN_PASSWORD").filter(|v| !v.is_empty()) {
            if let Err(message) =
                crate::domain::password::check_new_password(&v, &[&config.operator_admin_email])
            {
                return Err(bad("OPERATOR_ADMIN_PASSWORD", message));
            }
            config.operator_admin_password = Some(v);
        }
        if let Some(v) = get("PARTNERSHIP_INVITATION_DAYS") {
            config.partnership_invitation_days = v
                .parse()
                .ok()
                .filter(|d| (1..=365).contains(d))
                .ok_or_else(|| {
                bad(
                    "PARTNERSHIP_INVITATION_DAYS",
                    format!("must be a number of days from 1 to 365, got {v:?}"),
                )
            })?;
        }
        let millis = |setting: &'static str, v: String, max: u64| {
            v.parse::<u64>()
                .ok()
                .filter(|n| (1..=max).contains(n))
                .map(Duration::from_millis)
                .ok_or_else(|| {
                    bad(
                        setting,
                        format!("must be a number of milliseconds from 1 to {max}, got {v:?}"),
                    )
                })
        };
        if let Some(v) = get("DB_STATEMENT_TIMEOUT_MS") {
            config.db.statement_timeout = millis("DB_STATEMENT_TIMEOUT_MS", v, 600_000)?;
        }
        if let Some(v) = get("DB_LOCK_TIMEOUT_MS") {
            config.db.lock_timeout = millis("DB_LOCK_TIMEOUT_MS", v, 600_000)?;
        }
        if let Some(v) = get("DB_IDLE_IN_TRANSACTION_TIMEOUT_MS") {
            config.db.idle_in_transaction_timeout =
                millis("DB_IDLE_IN_TRANSACTION_TIMEOUT_MS", v, 600_000)?;
        }
        if let Some(v) = get("HEADER_READ_TIMEOUT_MS") {
            config.server.header_read_timeout = millis("HEADER_READ_TIMEOUT_MS", v, 600_000)?;
        }
        if let Some(v) = get("RETENTION_BATCH") {
            config.retention.batch = v
                .parse()
                .ok()
                .filter(|n| (1..=100_000).contains(n))
                .ok_or_else(|| {
                    bad(
                        "RETENTION_BATCH",
                        format!("must be a number from 1 to 100000, got {v:?}"),
                    )
                })?;
        }
        if let Some(v) = get("DELIVERED_EMAIL_RETENTION_DAYS") {
            let days: u64 = v
                .parse()
                .ok()
                .filter(|n| (1..=3650).contains(n))
                .ok_or_else(|| {
                    bad(
                        "DELIVERED_EMAIL_RETENTION_DAYS",
                        format!("must be a number of days from 1 to 3650, got {v:?}"),
                    )
                })?;
            config.retention.delivered_age = Duration::from_secs(days * 24 * 3600);
        }
        if let Some(v) = get("METRICS_BIND") {
            config.metrics_bind = Some(v.parse().map_err(|_| {
                bad(
                    "METRICS_BIND",
                    format!("must be an address and port like 127.0.0.1:9100, got {v:?}"),
                )
            })?);
        }
        if let Some(v) = get("TRUSTED_PROXIES") {
            config.server.trusted_proxies =
                TrustedProxies::parse(&v).map_err(|m| bad("TRUSTED_PROXIES", m))?;
        }
        if let Some(v) = get("OUTBOX_CONCURRENCY") {
            config.outbox.concurrency = v
                .parse()
                .ok()
                .filter(|n| (1..=256).contains(n))
                .ok_or_else(|| {
                    bad(
                        "OUTBOX_CONCURRENCY",
                        format!("must be a number from 1 to 256, got {v:?}"),
                    )
                })?;
        }
        if let Some(v) = get("MAX_CONNECTIONS") {
            config.server.max_connections = v
                .parse()
                .ok()
                .filter(|n| (1..=1_000_000).contains(n))
                .ok_or_else(|| {
                    bad(
                        "MAX_CONNECTIONS",
                        format!("must be a number from 1 to 1000000, got {v:?}"),
                    )
                })?;
        }
        config.check()?;
        Ok(config)
    }

    /// Rules that tie settings together.
    pub fn check(&self) -> Result<(), ConfigError> {
        if self.db.lock_timeout > self.db.statement_timeout {
            return Err(bad(
                "DB_LOCK_TIMEOUT_MS",
                "must not be longer than DB_STATEMENT_TIMEOUT_MS",
            ));
        }
        if self.db.statement_timeout >= self.request_timeout {
            return Err(bad(
                "DB_STATEMENT_TIMEOUT_MS",
                format!(
                    "must be shorter than the request timeout ({} s), so a slow statement gets the 503 page",
                    self.request_timeout.as_secs()
                ),
            ));
        }
        if self.mail_transport == MailTransportKind::Smtp && self.smtp_url.is_none() {
            return Err(bad("SMTP_URL", "is required when MAIL_TRANSPORT=smtp"));
        }
        if self.app_env == AppEnv::Production {
            if self.mail_transport != MailTransportKind::Smtp {
                return Err(bad(
                    "MAIL_TRANSPORT",
                    "must be smtp when APP_ENV=production",
                ));
            }
            if !self.cookie_secure {
                return Err(bad("COOKIE_SECURE", "must be true when APP_ENV=production"));
            }
        }
        Ok(())
    }

    /// The full domain name of a tenant with this prefix.
    pub fn tenant_domain(&self, prefix: &str) -> String {
        format!("{prefix}.{}", self.tenant_domain_suffix)
    }

    /// An absolute link for e-mails.
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", self.public_base_url)
    }
}

fn parse_bool(v: &str) -> Option<bool> {
    match v.to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" | "on" => Some(true),
        "false" | "0" | "no" | "off" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn from(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn nothing_configured_gives_the_dev_defaults() {
        let c = from(&[]).unwrap();
        assert_eq!(
            c.database_url,
            "postgres://postgres@127.0.0.1:5432/partner_portal"
        );
        assert_eq!(c.port, 3000);
        assert_eq!(c.public_base_url, "http://127.0.0.1:3000");
        assert_eq!(c.mail_transport, MailTransportKind::Mailbox);
        assert!(!c.cookie_secure);
    }

    #[test]
    fn a_bad_port_names_the_setting() {
        let e = from(&[("PORT", "abc")]).unwrap_err();
        assert_eq!(e.setting, "PORT");
        assert!(e.to_string().starts_with("configuration error: PORT:"));
    }

    #[test]
    fn production_refuses_the_mailbox_and_insecure_cookies() {
        assert_eq!(
            from(&[("APP_ENV", "production")]).unwrap_err().setting,
            "MAIL_TRANSPORT"
        );
        let e = from(&[
            ("APP_ENV", "production"),
            ("MAIL_TRANSPORT", "smtp"),
            ("SMTP_URL", "smtp://127.0.0.1:25"),
            ("COOKIE_SECURE", "false"),
        ])
        .unwrap_err();
        assert_eq!(e.setting, "COOKIE_SECURE");
        let ok = from(&[
            ("APP_ENV", "production"),
            ("MAIL_TRANSPORT", "smtp"),
            ("SMTP_URL", "smtp://127.0.0.1:25"),
        ])
        .unwrap();
        assert!(ok.cookie_secure);
    }

    #[test]
    fn smtp_needs_a_url() {
        assert_eq!(
            from(&[("MAIL_TRANSPORT", "smtp")]).unwrap_err().setting,
            "SMTP_URL"
        );
        assert_eq!(
            from(&[("SMTP_URL", "http://x")]).unwrap_err().setting,
            "SMTP_URL"
        );
    }

    #[test]
    fn other_bad_values_name_their_setting() {
        assert_eq!(
            from(&[("LOG_FORMAT", "xml")]).unwrap_err().setting,
            "LOG_FORMAT"
        );
        assert_eq!(from(&[("BIND", "localhost!")]).unwrap_err().setting, "BIND");
        assert_eq!(
            from(&[("COOKIE_SECURE", "maybe")]).unwrap_err().setting,
            "COOKIE_SECURE"
        );
        assert_eq!(
            from(&[("DATABASE_URL", "mysql://x")]).unwrap_err().setting,
            "DATABASE_URL"
        );
        assert_eq!(
            from(&[("TENANT_DOMAIN_SUFFIX", "no_dots")])
                .unwrap_err()
                .setting,
            "TENANT_DOMAIN_SUFFIX"
        );
        assert_eq!(
            from(&[("MAIL_FROM", "not an address")])
                .unwrap_err()
                .setting,
            "MAIL_FROM"
        );
        assert_eq!(
            from(&[("PUBLIC_BASE_URL", "ftp://x")]).unwrap_err().setting,
            "PUBLIC_BASE_URL"
        );
        for (key, value) in [
            ("OPERATOR_ADMIN_PASSWORD", "short"),
            ("OPERATOR_ADMIN_EMAIL", "nobody"),
            ("PARTNERSHIP_INVITATION_DAYS", "0"),
            ("OUTBOX_CONCURRENCY", "0"),
            ("OUTBOX_CONCURRENCY", "many"),
        ] {
            assert_eq!(from(&[(key, value)]).unwrap_err().setting, key);
        }
        assert_eq!(
            from(&[("OUTBOX_CONCURRENCY", "4")])
                .unwrap()
                .outbox
                .concurrency,
            4
        );
    }

    #[test]
    fn database_timeouts_are_read_and_checked() {
        let c = from(&[
            ("DB_STATEMENT_TIMEOUT_MS", "8000"),
            ("DB_LOCK_TIMEOUT_MS", "750"),
            ("DB_IDLE_IN_TRANSACTION_TIMEOUT_MS", "2500"),
        ])
        .unwrap();
        assert_eq!(c.db.statement_timeout, Duration::from_millis(8000));
        assert_eq!(c.db.lock_timeout, Duration::from_millis(750));
        assert_eq!(
            c.db.idle_in_transaction_timeout,
            Duration::from_millis(2500)
        );
        for (key, value) in [
            ("DB_STATEMENT_TIMEOUT_MS", "0"),
            ("DB_LOCK_TIMEOUT_MS", "soon"),
            ("DB_IDLE_IN_TRANSACTION_TIMEOUT_MS", "-5"),
            ("HEADER_READ_TIMEOUT_MS", "0"),
            ("MAX_CONNECTIONS", "none"),
        ] {
            assert_eq!(from(&[(key, value)]).unwrap_err().setting, key);
        }
        // A statement may not outlast the request, and a lock wait not the statement.
        assert_eq!(
            from(&[("DB_STATEMENT_TIMEOUT_MS", "30000")])
                .unwrap_err()
                .setting,
            "DB_STATEMENT_TIMEOUT_MS"
        );
        assert_eq!(
            from(&[("DB_LOCK_TIMEOUT_MS", "20000")])
                .unwrap_err()
                .setting,
            "DB_LOCK_TIMEOUT_MS"
        );
    }

    #[test]
    fn debug_output_hides_passwords() {
        let mut c = Config::dev_defaults();
        c.database_url = "postgres://app:s3cret@db/x".into();
        c.smtp_url = Some("smtps://mailer:hunter2@smtp.example".into());
        c.operator_admin_password = Some("staff secret phrase".into());
        let shown = format!("{c:?}");
        for secret in ["s3cret", "hunter2", "staff secret"] {
            assert!(!shown.contains(secret), "{shown}");
        }
        assert!(shown.contains("postgres://app:***@db/x"));
    }

    #[test]
    fn trusted_proxies_name_the_client_only_from_a_trusted_peer() {
        let ip = |s: &str| s.parse::<IpAddr>().unwrap();
        let none = TrustedProxies::default();
        assert_eq!(
            none.client_address(ip("127.0.0.1"), ["10.1.2.3"].into_iter()),
            ip("127.0.0.1"),
            "nothing trusted: the header is ignored"
        );
        let proxies = TrustedProxies::parse("127.0.0.1/32, 10.0.0.0/8, ::1").unwrap();
        assert!(proxies.contains(ip("10.200.3.4")) && proxies.contains(ip("::1")));
        assert!(!proxies.contains(ip("11.0.0.1")) && !proxies.contains(ip("::2")));
        assert!(proxies.contains(ip("::ffff:127.0.0.1")), "IPv4-mapped");
        // The right-most untrusted hop is the client; what it claims to its left is not.
        assert_eq!(
            proxies.client_address(
                ip("127.0.0.1"),
                ["1.1.1.1, 203.0.113.9", "10.0.0.5"].into_iter()
            ),
            ip("203.0.113.9")
        );
        // An untrusted peer's header is ignored.
        assert_eq!(
            proxies.client_address(ip("198.51.100.7"), ["203.0.113.9"].into_iter()),
            ip("198.51.100.7")
        );
        // Garbage stops at the last trusted hop rather than believing anything.
        assert_eq!(
            proxies.client_address(ip("127.0.0.1"), ["not-an-address"].into_iter()),
            ip("127.0.0.1")
        );
        assert_eq!(
            from(&[("TRUSTED_PROXIES", "10.0.0.0/33")])
                .unwrap_err()
                .setting,
            "TRUSTED_PROXIES"
        );
    }

    #[test]
    fn metrics_and_retention_settings_are_read_and_checked() {
        let c = from(&[]).unwrap();
        assert!(c.metrics_bind.is_none(), "metrics are off by default");
        assert_eq!(c.retention.batch, 1000);
        let c = from(&[
            ("METRICS_BIND", "127.0.0.1:9100"),
            ("RETENTION_BATCH", "500"),
            ("DELIVERED_EMAIL_RETENTION_DAYS", "7"),
        ])
        .unwrap();
        assert_eq!(c.metrics_bind, Some("127.0.0.1:9100".parse().unwrap()));
        assert_eq!(c.retention.batch, 500);
        assert_eq!(
            c.retention.delivered_age,
            Duration::from_secs(7 * 24 * 3600)
        );
        for (key, bad) in [
            ("METRICS_BIND", "localhost"),
            ("RETENTION_BATCH", "0"),
            ("DELIVERED_EMAIL_RETENTION_DAYS", "forever"),
        ] {
            assert_eq!(from(&[(key, bad)]).unwrap_err().setting, key);
        }
    }
}
