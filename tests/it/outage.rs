//! A database outage (issue 19, point 3): the portal's own PostgreSQL server is stopped while
//! people use the portal, then started again. Meanwhile pages answer the 503 page within the
//! request timeout and `/readyz` says 503; afterwards the same process serves again without a
//! restart, and every sign-up the portal acknowledged is there.

use crate::helpers::*;
use crate::own_postgres::OwnPostgres;
use reqwest::StatusCode;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const REQUEST_TIMEOUT: Duration = Duration::from_secs(8);

/// What the sign-up writers saw.
#[derive(Default)]
struct Writes {
    /// Addresses whose sign-up the portal acknowledged (303 to the check-your-e-mail page).
    acknowledged: Vec<String>,
    /// Every answer's status (0: no answer at all).
    statuses: BTreeMap<u16, usize>,
    /// The slowest answer.
    slowest: Duration,
}

/// Signs up new work accounts one after another until `stop`, recording what was answered.
async fn keep_signing_up(
    address: String,
    writer: usize,
    writes: Arc<Mutex<Writes>>,
    stop: Arc<AtomicBool>,
) {
    let mut n = 0;
    while !stop.load(Ordering::Relaxed) {
        n += 1;
        let prefix = format!("outagew{writer}n{n}");
        let email = format!("admin@{prefix}.outage.example.com");
        let client = new_client();
        let started = Instant::now();
        let outcome = async {
            let form = client.get(format!("{address}/signup")).send().await?;
            let status = form.status();
            if status != StatusCode::OK {
                return Ok::<_, reqwest::Error>((status.as_u16(), None));
            }
            let token = csrf_token(&form.text().await?);
            let fields = sign_up_fields(&prefix, &email, "DE");
            let mut fields: Vec<(&str, &str)> = fields;
            fields.push(("csrf_token", &token));
            let sent = client
                .post(format!("{address}/signup"))
                .form(&fields)
                .send()
                .await?;
            let to = sent
                .headers()
                .get("location")
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned);
            Ok((sent.status().as_u16(), to))
        }
        .await;
        let elapsed = started.elapsed();
        {
            let mut w = writes.lock().unwrap();
            w.slowest = w.slowest.max(elapsed);
            match outcome {
                Ok((303, Some(to))) if to == "/signup/check-email" => {
                    *w.statuses.entry(303).or_default() += 1;
                    w.acknowledged.push(email);
                }
                Ok((status, _)) => *w.statuses.entry(status).or_default() += 1,
                Err(_) => *w.statuses.entry(0).or_default() += 1,
            }
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Polls `path` until it answers 200; how long that took.
async fn until_ok(browser: &Browser<'_>, path: &str, from: Instant) -> Duration {
    loop {
        if browser.open(path).await.status() == StatusCode::OK {
            return from.elapsed();
        }
        assert!(
            from.elapsed() < Duration::from_secs(60),
            "{path} did not recover within a minute of the database's return"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// `portal_db_reachable` from the metrics listener.
async fn reachable(app: &TestApp) -> Option<f64> {
    let base = app.metrics_address.as_ref().expect("a metrics listener");
    let text = reqwest::get(format!("{base}/metrics"))
        .await
        .ok()?
        .text()
        .await
        .ok()?;
    text.lines()
        .find_map(|l| l.strip_prefix("portal_db_reachable "))
        .and_then(|v| v.trim().parse().ok())
}

#[tokio::test]
async fn while_the_database_is_down_pages_say_503_and_afterwards_the_same_process_serves_again_with_nothing_acknowledged_lost()
 {
    let mut pg = tokio::task::spawn_blocking(OwnPostgres::start_new)
        .await
        .unwrap();
    let app = TestApp::spawn_with(|c| {
        c.metrics_bind = Some("127.0.0.1:0".parse().unwrap());
        c.database_url = pg.url("portal_outage");
        c.request_timeout = REQUEST_TIMEOUT;
        c.db.acquire_timeout = Duration::from_secs(3);
        c.db.statement_timeout = Duration::from_secs(5);
        // The writers sign up far more often than one address may.
        c.rate_limits.sign_up.max = 1_000_000;
    })
    .await;
    let me = app.me();
    let email = me.sign_up("outageadmin").await;
    me.html("/dashboard").await;

    let writes: Arc<Mutex<Writes>> = Arc::default();
    let stop = Arc::new(AtomicBool::new(false));
    let writers: Vec<_> = (0..3)
        .map(|i| {
            tokio::spawn(keep_signing_up(
                app.address.clone(),
                i,
                writes.clone(),
                stop.clone(),
            ))
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let before = writes.lock().unwrap().acknowledged.len();
    assert!(before > 0, "sign-ups went through before the outage");

    // The database goes away.
    pg = tokio::task::spawn_blocking(move || {
        pg.stop();
        pg
    })
    .await
    .unwrap();
    let down_at = Instant::now();
    let mut answered_503 = 0;
    while down_at.elapsed() < Duration::from_secs(6) {
        let anyone = app.browser();
        for (path, who) in [
            ("/dashboard", &me),
            ("/readyz", &anyone),
            ("/signin", &anyone),
        ] {
            let started = Instant::now();
            let response = who.open(path).await;
            let took = started.elapsed();
            let status = response.status();
            let body = response.text().await.unwrap_or_default();
            assert!(
                took < REQUEST_TIMEOUT,
                "{path} took {took:?} while the database was down"
            );
            if path == "/readyz" {
                assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "/readyz: {body}");
                continue;
            }
            // The sign-in page needs no database until it is sent; a page that does says 503.
            if status == StatusCode::SERVICE_UNAVAILABLE {
                answered_503 += 1;
                assert!(body.contains("<h1"), "a page, not bare text: {body}");
                assert!(body.contains("Service unavailable"), "{body}");
            } else {
                assert_eq!(status, StatusCode::OK, "{path}");
                assert_eq!(path, "/signin", "{path} answered without its database");
            }
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(
        answered_503 > 0,
        "the dashboard answered 503 while the database was down"
    );
    assert_eq!(
        reachable(&app).await,
        Some(0.0),
        "the metrics say the database is down"
    );

    // The database comes back; the same process recovers.
    pg = tokio::task::spawn_blocking(move || {
        pg.start();
        pg
    })
    .await
    .unwrap();
    let back_at = Instant::now();
    let ready_after = until_ok(&app.browser(), "/readyz", back_at).await;
    let dashboard_after = until_ok(&me, "/dashboard", back_at).await;
    assert_eq!(reachable(&app).await, Some(1.0));
    let acknowledged_at_return = writes.lock().unwrap().acknowledged.len();
    // Writers keep going until sign-ups are acknowledged again.
    let deadline = Instant::now() + Duration::from_secs(30);
    while writes.lock().unwrap().acknowledged.len() < acknowledged_at_return + 3 {
        assert!(
            Instant::now() < deadline,
            "sign-ups did not resume after the outage: {:?}",
            writes.lock().unwrap().statuses
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let writes_after = back_at.elapsed();
    stop.store(true, Ordering::Relaxed);
    for w in writers {
        w.await.unwrap();
    }

    // Nothing acknowledged is lost.
    let w = std::mem::take(&mut *writes.lock().unwrap());
    let stored: Vec<String> = sqlx::query_scalar(
        "select email::text from users where email::text like '%.outage.example.com'",
    )
    .fetch_all(&app.db)
    .await
    .unwrap();
    let missing: Vec<&String> = w
        .acknowledged
        .iter()
        .filter(|e| !stored.contains(e))
        .collect();
    assert!(
        missing.is_empty(),
        "acknowledged but not stored: {missing:?}"
    );
    let server_errors: usize = w
        .statuses
        .iter()
        .filter(|(status, _)| **status >= 500 && **status != 503)
        .map(|(_, n)| n)
        .sum();
    assert_eq!(server_errors, 0, "only 503 while down: {:?}", w.statuses);
    assert_eq!(
        w.statuses.get(&0),
        None,
        "every request was answered: {:?}",
        w.statuses
    );
    assert!(
        w.slowest < REQUEST_TIMEOUT,
        "slowest sign-up {:?}",
        w.slowest
    );
    // The account made before the outage is still signed in and whole.
    assert_eq!(app.emails_to(&email).await, 1);
    eprintln!(
        "database outage: {} sign-ups acknowledged ({before} before the outage), all stored; \
         answers {:?}; slowest {:?}; after the database returned: /readyz 200 in {ready_after:?}, \
         the dashboard 200 in {dashboard_after:?}, sign-ups acknowledged again within {writes_after:?}",
        w.acknowledged.len(),
        w.statuses,
        w.slowest
    );
    app.stop().await.unwrap();
    drop(pg);
}
