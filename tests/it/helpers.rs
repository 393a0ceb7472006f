//! TestApp: the real application on a free port, with its own fresh database.

use partner_portal::config::{Config, MailTransportKind};
use partner_portal::email::Mailer;
use partner_portal::startup::Application;
use reqwest::StatusCode;
use scraper::{Html, Selector};
use sqlx::PgPool;
use sqlx::postgres::PgPoolOptions;
use std::time::{Duration, Instant};
use tokio::sync::{OnceCell, oneshot};
use uuid::Uuid;

/// The seed of a randomised test: the environment variable `var` when set (to replay a
/// run), else taken from the clock; printed as `VAR=seed` either way.
pub fn seed_from_env(var: &str) -> u64 {
    let seed = std::env::var(var)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(1)
        });
    eprintln!("{var}={seed}");
    seed
}

/// Server part of the test database URL; override with TEST_DATABASE_SERVER.
pub fn database_server() -> String {
    std::env::var("TEST_DATABASE_SERVER")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".into())
}

fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

static CLEANUP: OnceCell<()> = OnceCell::const_new();

/// Everything the portal logged in this test process (INFO and above, as plain text).
pub static LOGS: std::sync::Mutex<Vec<u8>> = std::sync::Mutex::new(Vec::new());

struct LogCapture;

/// Log lines that held something shaped like a secret token (48 or more hexadecimal
/// characters in a row); every test app checks this list when it is dropped.
pub static SECRET_LINES: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

/// True when `text` holds a run of 48 or more hexadecimal characters (a secret link token is
/// 64; a database name's UUID is 32 and no secret).
pub fn has_secret_shape(text: &str) -> bool {
    let mut run = 0;
    for c in text.chars() {
        if c.is_ascii_hexdigit() {
            run += 1;
            if run >= 48 {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

impl std::io::Write for LogCapture {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let text = String::from_utf8_lossy(bytes);
        if has_secret_shape(&text) {
            SECRET_LINES
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(text.into_owned());
        }
        LOGS.lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend_from_slice(bytes);
        if std::env::var_os("TEST_LOG").is_some() {
            let _ = std::io::stderr().write_all(bytes);
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Sends the portal's log lines to [`LOGS`], once per test process, with the same format
/// (span fields included) as the portal's own pretty output. `TEST_LOG=1` also prints them
/// (`TEST_LOG=debug` or any other filter sets the level too):
/// `TEST_LOG=1 cargo test --test it -- some_test --nocapture`.
fn capture_logs() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        use tracing_subscriber::prelude::*;
        let filter = tracing_subscriber::EnvFilter::new(match std::env::var("TEST_LOG") {
            Ok(filter) if filter != "1" && !filter.is_empty() => filter,
            _ => "info,sqlx=warn,tower_sessions=warn".to_owned(),
        });
        let output = tracing_subscriber::fmt::layer()
            .with_ansi(false)
            .with_writer(|| LogCapture)
            .with_filter(filter);
        // As the portal's own set-up: the pool-wait metric beside the log.
        let _ = tracing_subscriber::registry()
            .with(output)
            .with(partner_portal::metrics::pool_waits())
            .try_init();
    });
}

/// The captured log as text.
pub fn captured_logs() -> String {
    String::from_utf8_lossy(&LOGS.lock().unwrap_or_else(|e| e.into_inner())).into_owned()
}

/// Drops databases left by earlier runs, once per test process.
async fn drop_old_test_databases() {
    CLEANUP
        .get_or_init(|| async {
            let url = format!("{}/postgres", database_server());
            let pool = PgPoolOptions::new().max_connections(1).connect(&url).await.unwrap_or_else(|e| {
                panic!(
                    "cannot reach PostgreSQL at {url}: {e}. Start it (pg_ctlcluster 15 main start) or install it (apt-get install postgresql)"
                )
            });
            let names: Vec<String> = sqlx::query_scalar("select datname from pg_database where datname like 'pp_test_%'")
                .fetch_all(&pool)
                .await
                .expect("list old test databases");
            // Names carry their creation time; leave recent ones to any other test run.
            let now = unix_now();
            for name in names {
                let created: u64 = name.split('_').nth(2).and_then(|t| t.parse().ok()).unwrap_or(0);
                if now.saturating_sub(created) < 3600 {
                    continue;
                }
                let _ = sqlx::query(sqlx::AssertSqlSafe(format!("drop database if exists \"{name}\" with (force)"))).execute(&pool).await;
            }
            pool.close().await;
        })
        .await;
}

/// A running portal for one test.
pub struct TestApp {
    /// `http://127.0.0.1:PORT`.
    pub address: String,
    /// A browser-like client: cookie jar, no redirects followed.
    pub client: reqwest::Client,
    /// The app's database.
    pub db: PgPool,
    /// The app's settings.
    pub config: Config,
    shutdown: Option<oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<anyhow::Result<()>>>,
    caches: Option<std::sync::Arc<partner_portal::db::cache::Caches>>,
    /// `http://127.0.0.1:PORT` of the metrics listener, when `metrics_bind` was set.
    pub metrics_address: Option<String>,
}

/// A configuration for a test: port 0, a fresh database name, mailbox e-mail, fast outbox.
pub fn test_config() -> Config {
    let mut config = Config::dev_defaults();
    config.database_url = format!(
        "{}/pp_test_{}_{}",
        database_server(),
        unix_now(),
        Uuid::new_v4().simple()
    );
    config.port = 0;
    config.public_base_url = "http://127.0.0.1:0".into();
    config.outbox.poll_interval = Duration::from_millis(100);
    config.outbox.retry_base = Duration::from_millis(200);
    config.outbox.retry_max = Duration::from_millis(500);
    config.operator_admin_password = Some(STAFF_PASSWORD.into());
    // Tests that fail ten sign-ins need not wait; one test measures the delay itself.
    config.rate_limits.sign_in_delay_step = Duration::ZERO;
    config
}

/// The bootstrapped operator admin's password in tests (its e-mail is `admin@localhost`).
pub const STAFF_PASSWORD: &str = "granite harbour violet engine 9";

/// A new client that keeps cookies and does not follow redirects.
pub fn new_client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("build HTTP client")
}

/// One person's browser on a test portal: its own cookie jar, no redirects followed.
/// Dereferences to its `reqwest::Client` for requests the helpers do not cover; a clone
/// shares the cookie jar (the same person in another tab).
#[derive(Clone)]
pub struct Browser<'a> {
    /// The portal it talks to.
    pub app: &'a TestApp,
    /// Its HTTP client.
    pub client: reqwest::Client,
}

impl std::ops::Deref for Browser<'_> {
    type Target = reqwest::Client;
    fn deref(&self) -> &reqwest::Client {
        &self.client
    }
}

impl Browser<'_> {
    /// GET `path`.
    pub async fn open(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.app.url(path))
            .send()
            .await
            .expect("GET")
    }

    /// The page at `path`, which must answer 200; its HTML.
    pub async fn html(&self, path: &str) -> String {
        self.page(path, StatusCode::OK).await
    }

    /// The page at `path`, which must answer `status`; its HTML.
    pub async fn page(&self, path: &str, status: StatusCode) -> String {
        let response = self.open(path).await;
        assert_eq!(response.status(), status, "GET {path}");
        response.text().await.expect("page body")
    }

    /// Opens `page`, takes the CSRF token from its form, and posts `fields` to `action`.
    pub async fn submit(
        &self,
        page: &str,
        action: &str,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        let html = self.open(page).await.text().await.expect("page body");
        let token = csrf_token(&html);
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        form.push(("csrf_token", &token));
        self.client
            .post(self.app.url(action))
            .form(&form)
            .send()
            .await
            .expect("POST")
    }

    /// Signs up a work account with valid answers, confirms the address from its e-mail
    /// and signs in; returns the admin's e-mail.
    pub async fn sign_up(&self, prefix: &str) -> String {
        let email = format!("admin@{prefix}.example.com");
        self.sign_up_as(&sign_up_fields(prefix, &email, "DE")).await;
        email
    }

    /// Signs up with exactly these form fields (an `email` among them), confirms the address
    /// from its e-mail and signs in.
    pub async fn sign_up_as(&self, fields: &[(&str, &str)]) {
        let email = self.sign_up_unconfirmed_as(fields).await;
        // The only e-mail to a new address, in whatever language the browser speaks.
        let link = self
            .app
            .email_to(&email, "")
            .await
            .link_path(&self.app.address);
        let confirmed = self.open(&link).await;
        assert_eq!(confirmed.status(), StatusCode::SEE_OTHER, "confirm {email}");
    }

    /// Signs up a work account and signs in, leaving the address unconfirmed.
    pub async fn sign_up_unconfirmed(&self, prefix: &str) -> String {
        let email = format!("admin@{prefix}.example.com");
        self.sign_up_unconfirmed_as(&sign_up_fields(prefix, &email, "DE"))
            .await
    }

    /// Signs up with these fields and signs in, leaving the address unconfirmed; returns it.
    pub async fn sign_up_unconfirmed_as(&self, fields: &[(&str, &str)]) -> String {
        let email = fields
            .iter()
            .find(|(k, _)| *k == "email")
            .map(|(_, v)| v.to_string())
            .expect("an email field");
        let response = self.submit("/signup", "/signup", fields).await;
        assert_eq!(
            response.status(),
            StatusCode::SEE_OTHER,
            "sign-up failed: {}",
            response.text().await.unwrap_or_default()
        );
        assert_eq!(location(&response), "/signup/check-email");
        let signed_in = self
            .submit(
                "/signin",
                "/signin",
                &[("email", &email), ("password", STRONG_PASSWORD)],
            )
            .await;
        assert_eq!(signed_in.status(), StatusCode::SEE_OTHER, "sign in {email}");
        email
    }

    /// Signs the operator admin in.
    pub async fn staff_sign_in(&self) -> reqwest::Response {
        self.submit(
            "/admin/signin",
            "/admin/signin",
            &[("email", "admin@localhost"), ("password", STAFF_PASSWORD)],
        )
        .await
    }
}

impl TestApp {
    /// The app with the test defaults.
    pub async fn spawn() -> TestApp {
        Self::spawn_with(|_| {}).await
    }

    /// The app with settings changed by `customize`.
    pub async fn spawn_with(customize: impl FnOnce(&mut Config)) -> TestApp {
        let mut config = test_config();
        customize(&mut config);
        Self::spawn_config(config).await
    }

    /// The app with exactly this configuration.
    pub async fn spawn_config(config: Config) -> TestApp {
        partner_portal::install_crypto_provider();
        capture_logs();
        drop_old_test_databases().await;
        let db = partner_portal::db::connect_and_migrate(&config.database_url, &config.db)
            .await
            .expect("create test database");
        let mailer = Mailer::from_config(&config).expect("mail transport");
        let app = Application::build_with(config.clone(), db.clone(), mailer, Instant::now())
            .await
            .expect("build app");
        let address = format!("http://127.0.0.1:{}", app.port());
        let metrics_address = app
            .metrics_port()
            .map(|port| format!("http://127.0.0.1:{port}"));
        let caches = Some(app.state().caches.clone());
        let mut config = config;
        config.public_base_url = address.clone();
        let (tx, rx) = oneshot::channel::<()>();
        let server = tokio::spawn(app.run_until_stopped(async move {
            let _ = rx.await;
        }));
        TestApp {
            address,
            client: new_client(),
            db,
            config,
            shutdown: Some(tx),
            server: Some(server),
            caches,
            metrics_address,
        }
    }

    /// Stops the server gracefully and waits for it (and its worker) to finish.
    pub async fn stop(mut self) -> anyhow::Result<()> {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        match self.server.take() {
            Some(handle) => handle.await?,
            None => Ok(()),
        }
    }

    /// Absolute URL of `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// How many session records this process's cache holds (0 when the app was not
    /// started through `run_until_stopped`).
    pub fn session_cache_len(&self) -> usize {
        self.caches.as_ref().map_or(0, |c| c.sessions.len())
    }

    /// Returns once this process's caches have applied every change committed so far (after
    /// a test changed cached rows, such as the program settings, in SQL).
    pub async fn settle_caches(&self) {
        if let Some(caches) = &self.caches {
            caches.barrier(&self.db).await.expect("cache barrier");
        }
    }

    /// Waits (at most 5 s) until this process's session cache holds nothing: after a test
    /// changed session rows in SQL, the notification must arrive before the next request.
    pub async fn wait_for_session_cache_to_forget(&self) {
        for _ in 0..500 {
            if self.session_cache_len() == 0 {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        panic!("the session cache still holds a changed session after 5 s");
    }

    /// This app's own browser (the `client` field): most tests act as one person.
    pub fn me(&self) -> Browser<'_> {
        Browser {
            app: self,
            client: self.client.clone(),
        }
    }

    /// Another person's browser whose cookies can be read (to replay them in raw requests).
    pub fn browser_with_jar(&self) -> (Browser<'_>, std::sync::Arc<reqwest::cookie::Jar>) {
        let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
        let client = reqwest::Client::builder()
            .cookie_provider(jar.clone())
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("build HTTP client");
        (Browser { app: self, client }, jar)
    }

    /// The id of the staff member with this address.
    pub async fn staff_id(&self, email: &str) -> Uuid {
        sqlx::query_scalar("select staff_id from operator_staff where email = $1::text::citext")
            .bind(email)
            .fetch_one(&self.db)
            .await
            .expect("a staff member with that address")
    }

    /// Another person's browser whose `Accept-Language` is `languages`.
    pub fn browser_speaking(&self, languages: &str) -> Browser<'_> {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(
            reqwest::header::ACCEPT_LANGUAGE,
            reqwest::header::HeaderValue::from_str(languages).expect("header value"),
        );
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .default_headers(headers)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("build HTTP client");
        Browser { app: self, client }
    }

    /// Another person's browser: a cookie jar of its own.
    pub fn browser(&self) -> Browser<'_> {
        Browser {
            app: self,
            client: new_client(),
        }
    }

    /// GET with this app's browser.
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.me().open(path).await
    }

    /// Opens `page` in this app's browser and submits its form (see [`Browser::submit`]).
    pub async fn submit(
        &self,
        page: &str,
        action: &str,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        self.me().submit(page, action, fields).await
    }

    /// Signs up a work account with valid answers in this app's browser; returns the
    /// admin's e-mail.
    pub async fn sign_up(&self, prefix: &str) -> String {
        self.me().sign_up(prefix).await
    }

    /// Signs in with this app's client.
    pub async fn sign_in(&self, email: &str, password: &str) -> reqwest::Response {
        self.submit(
            "/signin",
            "/signin",
            &[("email", email), ("password", password)],
        )
        .await
    }

    /// Waits for the newest e-mail to `recipient` whose subject contains `subject`.
    pub async fn email_to(&self, recipient: &str, subject: &str) -> Email {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let row: Option<(String, String, String, String)> = sqlx::query_as(
                "select subject, body_text, body_html, status from email_outbox
                 where recipient = $1::text::citext and subject like '%' || $2 || '%'
                 order by created_at desc limit 1",
            )
            .bind(recipient)
            .bind(subject)
            .fetch_optional(&self.db)
            .await
            .expect("read outbox");
            if let Some((subject, body_text, body_html, status)) = row {
                return Email {
                    subject,
                    body_text,
                    body_html,
                    status,
                };
            }
            assert!(
                Instant::now() < deadline,
                "no e-mail to {recipient} about {subject:?}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// How many e-mails went to `recipient`.
    pub async fn emails_to(&self, recipient: &str) -> i64 {
        sqlx::query_scalar("select count(*) from email_outbox where recipient = $1::text::citext")
            .bind(recipient)
            .fetch_one(&self.db)
            .await
            .expect("count outbox")
    }

    /// The audit actions recorded, oldest first.
    pub async fn audit_actions(&self) -> Vec<String> {
        sqlx::query_scalar("select action from audit_events order by audit_event_id")
            .fetch_all(&self.db)
            .await
            .expect("read audit")
    }
}

impl TestApp {
    /// Fails unless an audit row with `action` exists.
    pub async fn assert_audited(&self, action: &str) {
        let actions = self.audit_actions().await;
        assert!(
            actions.iter().any(|a| a == action),
            "no {action:?} in the audit trail: {actions:?}"
        );
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        // Every log line of the run is checked for secret tokens as it is written; the next
        // test app to finish fails if one got through (whichever test logged it).
        if !std::thread::panicking() {
            let lines = SECRET_LINES.lock().unwrap_or_else(|e| e.into_inner());
            assert!(
                lines.is_empty(),
                "a log line holds a secret token: {lines:?}"
            );
        }
    }
}

/// The sign-up form of a work account with `prefix` in `country`.
pub fn sign_up_fields<'a>(
    prefix: &'a str,
    email: &'a str,
    country: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("organisation", "Contoso Trading"),
        ("domain_prefix", prefix),
        ("country", country),
        ("full_name", "Jane Doe"),
        ("email", email),
        ("password", STRONG_PASSWORD),
    ]
}

/// A password that passes the policy.
pub const STRONG_PASSWORD: &str = "velvet tractor ocean brick 42";

/// An e-mail from the outbox.
pub struct Email {
    /// Subject.
    pub subject: String,
    /// Text body.
    pub body_text: String,
    /// HTML body.
    pub body_html: String,
    /// Outbox state.
    pub status: String,
}

impl Email {
    /// The first link in the text body that starts with `base`, as a path.
    pub fn link_path(&self, base: &str) -> String {
        let start = self
            .body_text
            .find(base)
            .unwrap_or_else(|| panic!("no link to {base} in: {}", self.body_text));
        let rest = &self.body_text[start + base.len()..];
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        rest[..end].to_owned()
    }
}

/// The CSRF token of the first form on a page.
pub fn csrf_token(html: &str) -> String {
    let doc = Html::parse_document(html);
    let selector = Selector::parse("input[name=csrf_token]").unwrap();
    doc.select(&selector)
        .next()
        .and_then(|e| e.value().attr("value"))
        .unwrap_or_else(|| panic!("no CSRF token on page: {html}"))
        .to_owned()
}

/// Texts of all elements matching `css`.
pub fn texts(html: &str, css: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    let selector = Selector::parse(css).unwrap_or_else(|_| panic!("bad selector {css}"));
    doc.select(&selector)
        .map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// The value of `attr` on the first element matching `css`.
pub fn attr(html: &str, css: &str, attr: &str) -> Option<String> {
    let doc = Html::parse_document(html);
    let selector = Selector::parse(css).unwrap_or_else(|_| panic!("bad selector {css}"));
    doc.select(&selector)
        .next()
        .and_then(|e| e.value().attr(attr))
        .map(str::to_owned)
}

/// The values of `attr` on every element matching `css`.
pub fn attrs(html: &str, css: &str, attr: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    let selector = Selector::parse(css).unwrap_or_else(|_| panic!("bad selector {css}"));
    doc.select(&selector)
        .filter_map(|e| e.value().attr(attr))
        .map(str::to_owned)
        .collect()
}

/// The page's error summary entries, as (link target, message).
pub fn error_summary(html: &str) -> Vec<(String, String)> {
    let doc = Html::parse_document(html);
    let selector = Selector::parse(".error-summary li a").unwrap();
    doc.select(&selector)
        .map(|a| {
            (
                a.value().attr("href").unwrap_or_default().to_owned(),
                a.text().collect::<String>(),
            )
        })
        .collect()
}

/// The Location header of a redirect.
pub fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_else(|| panic!("no Location on {}", response.status()))
        .to_owned()
}

/// The mail transport for SMTP tests.
pub fn smtp(config: &mut Config, port: u16) {
    config.mail_transport = MailTransportKind::Smtp;
    config.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
}

/// A fresh, migrated database with no application (and so no worker) on it.
pub async fn fresh_database() -> PgPool {
    drop_old_test_databases().await;
    partner_portal::db::connect_and_migrate(&test_config().database_url, &Default::default())
        .await
        .expect("create test database")
}

/// Adds a partner-network membership.
pub async fn add_membership(db: &PgPool, partner_id: &str, country: &str, active: bool) {
    partner_portal::db::memberships::insert(
        db,
        &partner_portal::db::memberships::Membership {
            partner_id: partner_id.into(),
            organisation_name: "Contoso Trading".into(),
            country_code: country.into(),
            active,
            held_by_tenant: None,
        },
    )
    .await
    .expect("insert membership");
}

/// Good answers for every wizard step.
pub const LEGAL: &[(&str, &str)] = &[
    ("legal_name", "Contoso Trading GmbH"),
    ("address_line1", "Hauptstrasse 1"),
    ("city", "Berlin"),
    ("postal_code", "10115"),
    ("phone", "+49 30 1234567"),
];
/// The primary contact used by [`TestApp::fill_wizard`].
pub const CONTACT_EMAIL: &str = "pat.lee@contoso-trading.de";
/// Good primary-contact answers.
pub const CONTACT: &[(&str, &str)] = &[
    ("first_name", "Pat"),
    ("last_name", "Lee"),
    ("email", CONTACT_EMAIL),
    ("phone", "+49 30 7654321"),
];
/// What the primary contact sends to confirm the application.
pub const CONTACT_CONFIRMS: &[(&str, &str)] = &[
    ("answer", "confirm"),
    ("signed_up", "yes"),
    ("company_address", "yes"),
];
/// Good support answers.
pub const SUPPORT: &[(&str, &str)] = &[
    ("email", "support@contoso-trading.de"),
    ("phone", "+49 30 5555555"),
    ("website", "https://support.contoso-trading.de"),
];

impl Browser<'_> {
    /// Fills every wizard step with good answers (partner ID `partner_id`, which must exist).
    pub async fn fill_wizard(&self, partner_id: &str) {
        let steps: [(&str, Vec<(&str, &str)>); 4] = [
            ("/enroll/partner-id", vec![("partner_id", partner_id)]),
            ("/enroll/legal-profile", LEGAL.to_vec()),
            ("/enroll/primary-contact", CONTACT.to_vec()),
            ("/enroll/support", SUPPORT.to_vec()),
        ];
        for (path, fields) in steps {
            let response = self.submit(path, path, &fields).await;
            assert_eq!(
                response.status(),
                StatusCode::SEE_OTHER,
                "{path}: {}",
                response.text().await.unwrap_or_default()
            );
        }
    }
}

impl TestApp {
    /// Fills every wizard step with good answers, as this app's own browser.
    pub async fn fill_wizard(&self, partner_id: &str) {
        self.me().fill_wizard(partner_id).await;
    }

    /// Confirms `email` by following the link in its confirmation e-mail (with this app's
    /// client, which must be the one signed in as that user).
    pub async fn confirm_email(&self, email: &str) {
        let link = self
            .email_to(email, "Confirm")
            .await
            .link_path(&self.address);
        let response = self.get(&link).await;
        assert!(
            response.status().is_success() || response.status().is_redirection(),
            "confirming {email}: {}",
            response.status()
        );
        let confirmed: bool = sqlx::query_scalar(
            "select email_confirmed_at is not null from users where email = $1::text::citext",
        )
        .bind(email)
        .fetch_one(&self.db)
        .await
        .expect("read user");
        assert!(confirmed, "{email} is confirmed");
    }

    /// Signs up, fills the wizard and submits; returns the application's status path.
    pub async fn enroll(&self, prefix: &str, partner_id: &str) -> String {
        self.sign_up(prefix).await;
        add_membership(&self.db, partner_id, "DE", true).await;
        self.fill_wizard(partner_id).await;
        let response = self
            .submit("/enroll/check", "/enroll/submit", &[("consent", "yes")])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let to = location(&response);
        assert!(to.starts_with("/applications/"), "{to}");
        to
    }

    /// A new browser signed in as `email` (with the test password).
    pub async fn signed_in_as(&self, email: &str) -> Browser<'_> {
        let browser = self.browser();
        let signed = browser
            .submit(
                "/signin",
                "/signin",
                &[("email", email), ("password", STRONG_PASSWORD)],
            )
            .await;
        assert_eq!(signed.status(), StatusCode::SEE_OTHER, "{email} signs in");
        browser
    }

    /// Adds a user with `role` (several roles separated by commas) to the tenant of `admin_email`; returns its e-mail address.
    pub async fn add_user(&self, admin_email: &str, role: &str) -> String {
        let email = format!("{}.{}", role.replace(',', "-"), admin_email);
        let hash = partner_portal::auth::PasswordHasher::new()
            .hash(STRONG_PASSWORD)
            .await
            .unwrap();
        sqlx::query(
            "insert into users (user_id, tenant_id, full_name, email, password_hash, roles)
             select $1, tenant_id, 'Other User', $2, $3, string_to_array($4, ',')
             from users where email = $5::text::citext",
        )
        .bind(Uuid::new_v4())
        .bind(&email)
        .bind(hash)
        .bind(role)
        .bind(admin_email)
        .execute(&self.db)
        .await
        .unwrap();
        email
    }

    /// The state of the only application.
    pub async fn application_state(&self) -> String {
        sqlx::query_scalar("select state from applications order by created_at desc limit 1")
            .fetch_one(&self.db)
            .await
            .unwrap()
    }
}

impl TestApp {
    /// Adds a submitted application straight into the database (for queue tests), with a
    /// tenant of its own; returns the application id.
    pub async fn insert_application(
        &self,
        prefix: &str,
        country: &str,
        state: &str,
        submitted_days_ago: i32,
        legal_name: &str,
    ) -> Uuid {
        let tenant_id = Uuid::new_v4();
        let application_id = Uuid::new_v4();
        sqlx::query("insert into tenants (tenant_id, name, domain_prefix, country_code, billing_currency) select $1, $2, $3, country_code, billing_currency from markets where country_code = $4")
            .bind(tenant_id)
            .bind(format!("{legal_name} (tenant)"))
            .bind(prefix)
            .bind(country)
            .execute(&self.db)
            .await
            .unwrap();
        // Inserted directly in its state: the state-machine trigger guards updates, not inserts.
        sqlx::query(
            "insert into applications (application_id, tenant_id, program, state, legal_name, contact_email, contact_first_name, submitted_at)
             values ($1, $2, 'indirect_reseller', $3, $4, $5, 'Pat', now() - make_interval(days => $6))",
        )
        .bind(application_id)
        .bind(tenant_id)
        .bind(state)
        .bind(legal_name)
        .bind(format!("contact@{prefix}.example.com"))
        .bind(submitted_days_ago)
        .execute(&self.db)
        .await
        .unwrap();
        application_id
    }
}

impl TestApp {
    /// Adds a staff member with `role` and returns a browser signed in as them.
    pub async fn staff_client(&self, email: &str, role: &str) -> Browser<'_> {
        let hash = partner_portal::auth::PasswordHasher::new()
            .hash(STAFF_PASSWORD)
            .await
            .unwrap();
        partner_portal::db::staff::insert(
            &self.db,
            Uuid::new_v4(),
            email,
            &format!("Staff {role}"),
            partner_portal::domain::staff::StaffRole::parse(role).expect("a staff role"),
            &hash,
            false,
        )
        .await
        .unwrap();
        let client = self.browser();
        let r = client
            .submit(
                "/admin/signin",
                "/admin/signin",
                &[("email", email), ("password", STAFF_PASSWORD)],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "staff sign-in");
        client
    }

    /// Enrolls through the wizard and lets the contact confirm (via the database);
    /// returns the application id.
    pub async fn application_in_review(&self, prefix: &str, partner_id: &str) -> Uuid {
        let status = self.enroll(prefix, partner_id).await;
        self.contact_confirms().await;
        Uuid::parse_str(status.trim_start_matches("/applications/")).unwrap()
    }

    /// The primary contact follows the newest verification link and confirms both
    /// statements, as a person would: the application goes to review.
    pub async fn contact_confirms(&self) {
        let link = self
            .email_to(CONTACT_EMAIL, "Confirm your e-mail address")
            .await
            .link_path(&self.address);
        let contact = self.browser();
        let done = contact.submit(&link, &link, CONTACT_CONFIRMS).await;
        assert_eq!(done.status(), StatusCode::OK, "the contact confirms");
    }
}

impl TestApp {
    /// The applicant answers an information request on the status page.
    pub async fn answer_info_request(&self, id: Uuid, answer: &str) -> reqwest::Response {
        let status = format!("/applications/{id}");
        self.submit(&status, &format!("{status}/answer"), &[("answer", answer)])
            .await
    }

    /// The HTML of an application's back-office page, seen by `staff`.
    pub async fn staff_detail(&self, staff: &Browser<'_>, id: Uuid) -> String {
        staff.html(&format!("/admin/applications/{id}")).await
    }
}

/// A signed-in staff member, for tests that act as one:
/// `let reviewer = app.operator_admin().await; reviewer.approve(id).await;`
pub struct StaffActor<'a> {
    /// Their browser.
    pub client: Browser<'a>,
}

impl TestApp {
    /// The operator admin (the first staff member), signed in.
    pub async fn operator_admin(&self) -> StaffActor<'_> {
        let client = self.browser();
        client.staff_sign_in().await;
        StaffActor { client }
    }

    /// A new staff member with `role` (`reviewer` or `operator_admin`), signed in.
    pub async fn staff(&self, email: &str, role: &str) -> StaffActor<'_> {
        let client = self.staff_client(email, role).await;
        StaffActor { client }
    }
}

impl StaffActor<'_> {
    /// Takes a decision (`approve`, `reject`, `request-info`) on the version its confirmation
    /// page shows, as a reviewer would.
    pub async fn decide(&self, id: Uuid, action: &str, text: &str) -> reqwest::Response {
        let page = format!("/admin/applications/{id}/decide/{action}");
        let html = self.client.html(&page).await;
        let version = attr(&html, "input[name=version]", "value").expect("version on the page");
        let fields = [("version", version.as_str()), ("text", text)];
        self.client.submit(&page, &page, &fields).await
    }

    /// Approves the application; the decision must be taken.
    pub async fn approve(&self, id: Uuid) {
        let done = self.decide(id, "approve", "").await;
        assert_eq!(done.status(), StatusCode::SEE_OTHER, "approved");
    }

    /// Asks the applicant for more information; the request must be taken.
    pub async fn request_info(&self, id: Uuid, question: &str) {
        let done = self.decide(id, "request-info", question).await;
        assert_eq!(
            done.status(),
            StatusCode::SEE_OTHER,
            "information requested"
        );
    }

    /// The application's back-office page.
    pub async fn detail(&self, id: Uuid) -> String {
        self.client.app.staff_detail(&self.client, id).await
    }
}

impl TestApp {
    /// The newest application's id.
    pub async fn newest_application(&self) -> Uuid {
        sqlx::query_scalar(
            "select application_id from applications order by created_at desc limit 1",
        )
        .fetch_one(&self.db)
        .await
        .unwrap()
    }
}
