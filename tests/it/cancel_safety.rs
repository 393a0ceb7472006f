//! Cancel safety: requests and transactions cut short at random points never leave a pooled
//! connection inside a transaction; a lock held by a stuck transaction makes a request fail
//! fast with the 503 page; work a request started finishes even when its client has gone;
//! anonymous page views write nothing.

use crate::helpers::*;
use partner_portal::config::DbSettings;
use reqwest::StatusCode;
use sqlx::postgres::PgConnectOptions;
use sqlx::{ConnectOptions, Connection, PgConnection, PgPool};
use std::str::FromStr;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::AsyncWriteExt;

/// A small xorshift generator, seeded from the clock and printed so a failure can be re-run.
struct Rng(u64);

impl Rng {
    fn new() -> Self {
        let seed = seed_from_env("CANCEL_SEED") | 1;
        Rng(seed)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// Settings under which PostgreSQL would *not* clean up for us within the test, so what is
/// tested is that no connection is left in a transaction in the first place.
fn patient_settings() -> DbSettings {
    DbSettings {
        idle_in_transaction_timeout: Duration::from_secs(600),
        ..DbSettings::default()
    }
}

/// A connection of the test's own (not from any pool) to the database of `url`.
async fn observer(url: &str) -> PgConnection {
    PgConnectOptions::from_str(url)
        .expect("database URL")
        .connect()
        .await
        .expect("connect observer")
}

/// Connections to the database of `url` that sit idle inside a transaction.
async fn idle_in_transaction(url: &str) -> i64 {
    let mut conn = observer(url).await;
    let n = sqlx::query_scalar(
        "select count(*) from pg_stat_activity
         where datname = current_database() and pid <> pg_backend_pid()
           and state like 'idle in transaction%'",
    )
    .fetch_one(&mut conn)
    .await
    .expect("read pg_stat_activity");
    conn.close().await.ok();
    n
}

/// Waits (at most five seconds) until no connection is idle in a transaction; returns
/// how many still are.
async fn settle(url: &str) -> i64 {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let n = idle_in_transaction(url).await;
        if n == 0 || Instant::now() > deadline {
            return n;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Drops `work` after `yields` scheduler rounds (or lets it finish first).
async fn cut_after<F: std::future::Future>(yields: u64, work: F) {
    let cancel = async {
        for _ in 0..yields {
            tokio::task::yield_now().await;
        }
    };
    tokio::select! {
        _ = work => {}
        _ = cancel => {}
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn transactions_cancelled_at_random_points_leave_no_connection_in_a_transaction() {
    let url = test_config().database_url;
    let pool = partner_portal::db::connect_and_migrate(&url, &patient_settings())
        .await
        .expect("pool");
    sqlx::query("create table cancel_probe (n int not null)")
        .execute(&pool)
        .await
        .unwrap();
    let mut rng = Rng::new();
    let mut tasks = Vec::new();
    for _ in 0..4 {
        let pool = pool.clone();
        let seeds: Vec<u64> = (0..250).map(|_| rng.below(60)).collect();
        tasks.push(tokio::spawn(async move {
            for yields in seeds {
                cut_after(yields, async {
                    let mut tx = pool.begin().await?;
                    sqlx::query("insert into cancel_probe values (1)")
                        .execute(&mut *tx)
                        .await?;
                    tx.commit().await
                })
                .await;
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    assert_eq!(
        settle(&url).await,
        0,
        "a cancelled transaction left a connection idle in a transaction"
    );
    // Every later borrower commits for real: a row written now is seen from outside.
    let before: i64 = sqlx::query_scalar("select count(*) from cancel_probe")
        .fetch_one(&mut observer(&url).await)
        .await
        .unwrap();
    for _ in 0..20 {
        sqlx::query("insert into cancel_probe values (2)")
            .execute(&pool)
            .await
            .unwrap();
    }
    let after: i64 = sqlx::query_scalar("select count(*) from cancel_probe")
        .fetch_one(&mut observer(&url).await)
        .await
        .unwrap();
    assert_eq!(after - before, 20, "writes after the storm were committed");
}

#[tokio::test]
async fn a_connection_handed_back_inside_a_transaction_is_closed_not_reused() {
    let url = test_config().database_url;
    let pool = partner_portal::db::connect_and_migrate(&url, &patient_settings())
        .await
        .expect("pool");
    // Used one after another, the pool keeps reusing its healthy connections (a release
    // finishes in the background, so on a busy machine another may be opened meanwhile;
    // closing on every release would show up as one connection per use).
    let mut pids = std::collections::HashSet::new();
    for _ in 0..20 {
        let pid: i32 = sqlx::query_scalar("select pg_backend_pid()")
            .fetch_one(&pool)
            .await
            .unwrap();
        pids.insert(pid);
        let mut tx = pool.begin().await.unwrap();
        sqlx::query("select 1").execute(&mut *tx).await.unwrap();
        tx.commit().await.unwrap();
        // Let the release (its check and sqlx's ping) finish before the next borrow.
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(
        pids.len() <= 4,
        "healthy connections are reused, not closed: {} for 20 uses",
        pids.len()
    );
    let mut conn = pool.acquire().await.unwrap();
    let stuck_pid: i32 = sqlx::query_scalar("select pg_backend_pid()")
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    // A BEGIN the driver does not know about: what a cancelled sqlx 0.8 `begin()` left.
    sqlx::raw_sql("begin").execute(&mut *conn).await.unwrap();
    drop(conn);
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let alive: bool =
            sqlx::query_scalar("select exists(select 1 from pg_stat_activity where pid = $1)")
                .bind(stuck_pid)
                .fetch_one(&mut observer(&url).await)
                .await
                .unwrap();
        if !alive {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the connection left in a transaction was not closed"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    for _ in 0..5 {
        let pid: i32 = sqlx::query_scalar("select pg_backend_pid()")
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_ne!(pid, stuck_pid);
    }
    assert_eq!(idle_in_transaction(&url).await, 0);
}

/// Opens `page` with `client`; returns its form token and the Cookie header the client
/// sends to `app` afterwards.
async fn token_and_cookies(
    app: &TestApp,
    client: &Browser<'_>,
    jar: &reqwest::cookie::Jar,
    page: &str,
) -> (String, String) {
    use reqwest::cookie::CookieStore;
    let html = client.html(page).await;
    let cookies = jar
        .cookies(&app.address.parse().unwrap())
        .and_then(|v| v.to_str().ok().map(str::to_owned))
        .unwrap_or_default();
    (csrf_token(&html), cookies)
}

/// A raw HTTP/1.1 request.
fn raw_request(method: &str, path: &str, cookie: &str, body: &str) -> Vec<u8> {
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: {cookie}\r\nConnection: close\r\n"
    );
    if method == "POST" {
        head.push_str(&format!(
            "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n",
            body.len()
        ));
    }
    head.push_str("\r\n");
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(body.as_bytes());
    bytes
}

fn form(fields: &[(&str, &str)]) -> String {
    serde_urlencoded::to_string(fields).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clients_that_hang_up_mid_request_leave_no_connection_in_a_transaction() {
    let app = TestApp::spawn_with(|c| {
        c.db = patient_settings();
        c.rate_limits.sign_in.max = 1_000_000;
        c.rate_limits.sign_up.max = 1_000_000;
    })
    .await;
    let url = app.config.database_url.clone();

    // An anonymous visitor's form token (the signed cookie) ...
    let (anonymous, jar) = app.browser_with_jar();
    let (anonymous_token, anonymous_cookie) =
        token_and_cookies(&app, &anonymous, &jar, "/signin").await;
    // ... and a signed-in global admin's session and token.
    let (member, jar) = app.browser_with_jar();
    let email = member.sign_up("hangup").await;
    let (member_token, member_cookie) =
        token_and_cookies(&app, &member, &jar, "/enroll/partner-id").await;

    let requests: Vec<Vec<u8>> = vec![
        raw_request("GET", "/signin", "", ""),
        raw_request("GET", "/signup", "", ""),
        raw_request("GET", "/dashboard", &member_cookie, ""),
        raw_request(
            "POST",
            "/signin",
            &anonymous_cookie,
            &form(&[
                ("email", "nobody@nowhere.example.com"),
                ("password", "not the right password at all"),
                ("next", ""),
                ("csrf_token", &anonymous_token),
            ]),
        ),
        raw_request(
            "POST",
            "/signup",
            &anonymous_cookie,
            &form(&[
                ("organisation", "Hang Up Ltd"),
                ("domain_prefix", "x"),
                ("country", "DE"),
                ("csrf_token", &anonymous_token),
            ]),
        ),
        raw_request(
            "POST",
            "/enroll/partner-id",
            &member_cookie,
            &form(&[("partner_id", "12345"), ("csrf_token", &member_token)]),
        ),
    ];
    let requests = Arc::new(requests);
    let port: u16 = app.address.rsplit(':').next().unwrap().parse().unwrap();
    let mut rng = Rng::new();
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let plan: Vec<(usize, u64, bool)> = (0..60)
            .map(|_| {
                (
                    rng.below(requests.len() as u64) as usize,
                    rng.below(4_000),
                    rng.below(2) == 0,
                )
            })
            .collect();
        let requests = requests.clone();
        tasks.push(tokio::spawn(async move {
            for (which, micros, reset) in plan {
                let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
                    .await
                    .expect("connect");
                stream.write_all(&requests[which]).await.expect("send");
                // Hang up somewhere between "just sent" and "answer on its way".
                if micros < 1_000 {
                    for _ in 0..micros / 20 {
                        tokio::task::yield_now().await;
                    }
                } else {
                    tokio::time::sleep(Duration::from_micros(micros)).await;
                }
                if reset {
                    // RST instead of FIN, as a crashed or impatient client does.
                    let _ = stream.set_zero_linger();
                }
                drop(stream);
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    assert_eq!(
        settle(&url).await,
        0,
        "a request cut short left a connection idle in a transaction"
    );
    // Sign-in answers normally straight afterwards (bounded wait, not a timing claim).
    let fresh = app.browser();
    let page = tokio::time::timeout(Duration::from_secs(10), fresh.open("/signin"))
        .await
        .expect("the sign-in page answers");
    let token = csrf_token(&page.text().await.unwrap());
    let answer = tokio::time::timeout(
        Duration::from_secs(10),
        fresh
            .post(app.url("/signin"))
            .form(&[
                ("email", email.as_str()),
                ("password", STRONG_PASSWORD),
                ("next", ""),
                ("csrf_token", token.as_str()),
            ])
            .send(),
    )
    .await
    .expect("sign-in answers")
    .unwrap();
    assert_eq!(answer.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&answer), "/dashboard");
}

#[tokio::test]
async fn a_lock_held_by_a_stuck_transaction_gives_a_503_page_within_the_lock_timeout() {
    let app = TestApp::spawn_with(|c| {
        c.db.lock_timeout = Duration::from_millis(500);
    })
    .await;
    let email = app.browser().sign_up("locked").await;
    // A transaction that holds the lock every sign-in needs (its rate-limit counter) and
    // never ends: the situation a poisoned pooled connection produced.
    let mut stuck = observer(&app.config.database_url).await;
    sqlx::raw_sql("begin; lock table rate_limit_hits in exclusive mode")
        .execute(&mut stuck)
        .await
        .unwrap();
    let started = Instant::now();
    let response = app.sign_in(&email, STRONG_PASSWORD).await;
    let waited = started.elapsed();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    let html = response.text().await.unwrap();
    assert_eq!(texts(&html, "h1"), vec!["Service unavailable"]);
    assert!(
        waited < app.config.request_timeout / 2,
        "failed by the lock timeout, not the request timeout ({waited:?})"
    );
    sqlx::raw_sql("rollback").execute(&mut stuck).await.unwrap();
    let response = app.sign_in(&email, STRONG_PASSWORD).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_sign_up_whose_client_hangs_up_still_completes_with_its_email() {
    let app = TestApp::spawn_with(|c| c.db.lock_timeout = Duration::from_secs(8)).await;
    let (client, jar) = app.browser_with_jar();
    let (token, cookie) = token_and_cookies(&app, &client, &jar, "/signup").await;
    let email = "admin@hungup.example.com";
    let request = raw_request(
        "POST",
        "/signup",
        &cookie,
        &form(&[
            ("organisation", "Hung Up Trading"),
            ("domain_prefix", "hungup"),
            ("country", "DE"),
            ("full_name", "Jane Doe"),
            ("email", email),
            ("password", STRONG_PASSWORD),
            ("csrf_token", &token),
        ]),
    );
    // Hold the tenants table so the sign-up is caught mid-flight, waiting on the lock.
    let mut blocker = observer(&app.config.database_url).await;
    sqlx::raw_sql("begin; lock table tenants in exclusive mode")
        .execute(&mut blocker)
        .await
        .unwrap();
    let port: u16 = app.address.rsplit(':').next().unwrap().parse().unwrap();
    let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .unwrap();
    stream.write_all(&request).await.unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let waiting: i64 = sqlx::query_scalar(
            "select count(*) from pg_stat_activity
             where datname = current_database() and wait_event_type = 'Lock'",
        )
        .fetch_one(&mut observer(&app.config.database_url).await)
        .await
        .unwrap();
        if waiting > 0 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the sign-up never reached the tenants table"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let _ = stream.set_zero_linger();
    drop(stream);
    tokio::time::sleep(Duration::from_millis(200)).await;
    sqlx::raw_sql("rollback")
        .execute(&mut blocker)
        .await
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let created: bool =
            sqlx::query_scalar("select exists(select 1 from tenants where domain_prefix = $1)")
                .bind("hungup")
                .fetch_one(&app.db)
                .await
                .unwrap();
        if created {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the sign-up was cut short when its client hung up"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let confirmation = app.email_to(email, "").await;
    assert!(!confirmation.subject.is_empty());
}

#[tokio::test]
async fn anonymous_page_views_write_no_session() {
    let app = TestApp::spawn().await;
    let store =
        partner_portal::db::sessions::PgSessionStore::new(app.db.clone(), Default::default());
    let pages = [
        "/",
        "/signin",
        "/signup",
        "/password/forgot",
        "/providers",
        "/admin/signin",
        "/dashboard",
        "/enroll",
        "/no-such-page",
    ];
    for round in 0..20 {
        for page in pages {
            // A new visitor every time, as a crawler is.
            let response = app.browser().open(page).await;
            assert!(
                response.status().as_u16() < 500,
                "{page} in round {round}: {}",
                response.status()
            );
        }
    }
    assert_eq!(store.count().await.unwrap(), 0);
    // The anonymous forms still carry a token that works: a failed sign-in gets its page.
    let wrong = app
        .sign_in(
            "nobody@nowhere.example.com",
            "not the right password at all",
        )
        .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(store.count().await.unwrap(), 0);
    // A token without its cookie, or a cookie the portal did not sign, is refused.
    let page = app.browser().open("/signin").await;
    let token = csrf_token(&page.text().await.unwrap());
    let no_cookie = new_client()
        .post(app.url("/signin"))
        .form(&[
            ("email", "a@b.example.com"),
            ("password", "x"),
            ("csrf_token", &token),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(no_cookie.status(), StatusCode::FORBIDDEN);
    let forged = "0123456789abcdef0123456789abcdef.0000000000000000000000000000000000000000000000000000000000000000";
    let unsigned = new_client()
        .post(app.url("/signin"))
        .header("cookie", format!("pp_csrf={forged}"))
        .form(&[
            ("email", "a@b.example.com"),
            ("password", "x"),
            ("csrf_token", forged),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(unsigned.status(), StatusCode::FORBIDDEN);
}

/// The pool a test app built is the hardened one: its connections carry the timeouts.
#[tokio::test]
async fn pooled_connections_carry_the_configured_timeouts() {
    let app = TestApp::spawn_with(|c| {
        c.db.statement_timeout = Duration::from_millis(7000);
        c.db.lock_timeout = Duration::from_millis(1500);
        c.db.idle_in_transaction_timeout = Duration::from_millis(4000);
    })
    .await;
    let pool: &PgPool = &app.db;
    let shown: (String, String, String) = sqlx::query_as(
        "select current_setting('statement_timeout'), current_setting('lock_timeout'),
                current_setting('idle_in_transaction_session_timeout')",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    assert_eq!(shown, ("7s".into(), "1500ms".into(), "4s".into()));
}
