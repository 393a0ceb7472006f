//! Graceful shutdown under load (issue 19, point 4): the real `partner-portal` binary gets
//! SIGTERM while a load generator runs and its worker has a message in hand. No request the
//! portal accepted fails, the message in hand is delivered (once), and the process exits
//! within a bound.

use crate::helpers::*;
use crate::relay::*;
use std::collections::BTreeMap;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The longest the process may take to exit after SIGTERM: the message in hand is held by
/// the relay for `HOLD`, and no request here is slow.
const EXIT_BOUND: Duration = Duration::from_secs(10);
const HOLD: Duration = Duration::from_millis(1500);

/// What one load client saw.
#[derive(Default, Debug)]
struct Outcomes {
    ok: usize,
    /// Answers other than 200, by status.
    other_status: BTreeMap<u16, usize>,
    /// Connections refused (the listener was closed): the request was never accepted.
    refused_after_signal: usize,
    /// Requests that got no answer after the signal (a connection the kernel took just as
    /// the listener closed is reset); whether the portal had read them is told by its log.
    unanswered_after_signal: Vec<String>,
    /// Any failure before the signal.
    failed: Vec<String>,
}

async fn load(
    address: String,
    signal_at: Arc<Mutex<Option<Instant>>>,
    stop: Arc<AtomicBool>,
    outcomes: Arc<Mutex<Outcomes>>,
) {
    // A new connection for every request: a request on a kept-alive connection can cross
    // the server's closing of it in flight, which no server can prevent (a client or load
    // balancer retries those); here every request is either accepted or refused.
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let paths = ["/signin", "/readyz", "/", "/signup", "/healthz"];
    let mut i = 0;
    while !stop.load(Ordering::Relaxed) {
        i += 1;
        let path = paths[i % paths.len()];
        let sent_at = signal_at.lock().unwrap().map(|at| at.elapsed());
        let result = client
            .get(format!("{address}{path}"))
            .header(reqwest::header::CONNECTION, "close")
            .send()
            .await;
        let body = match result {
            Ok(r) => {
                let status = r.status().as_u16();
                r.text().await.map(|_| status)
            }
            Err(e) => Err(e),
        };
        let after_signal = signal_at.lock().unwrap().map(|at| at.elapsed());
        let refused = {
            let mut o = outcomes.lock().unwrap();
            match body {
                Ok(200) => o.ok += 1,
                Ok(status) => *o.other_status.entry(status).or_default() += 1,
                Err(e) if e.is_connect() && after_signal.is_some() => o.refused_after_signal += 1,
                Err(e) if after_signal.is_some() => o
                    .unanswered_after_signal
                    .push(format!("{path}: {e:?} (sent {sent_at:?} after the signal, failed {after_signal:?} after it)")),
                Err(e) => o.failed.push(format!("{path}: {e:?}")),
            }
            o.refused_after_signal > 0
        };
        if refused {
            // The listener is closed: the process is on its way out.
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

/// Counts the request log lines the process wrote (JSON): started, finished with a 2xx.
fn server_counts(log: &str) -> (usize, usize, Vec<String>) {
    let (mut started, mut finished_ok, mut other) = (0, 0, Vec::new());
    for line in log.lines() {
        if line.contains("\"started processing request\"") {
            started += 1;
        } else if line.contains("\"finished processing request\"") {
            if line.contains("\"status\":200") {
                finished_ok += 1;
            } else {
                other.push(line.to_owned());
            }
        }
    }
    (started, finished_ok, other)
}

#[tokio::test]
async fn sigterm_under_load_fails_no_accepted_request_finishes_the_message_in_hand_and_exits_in_time()
 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let smtp_port = listener.local_addr().unwrap().port();
    let relay = start_smtp_listener(listener);
    relay
        .hold_data_ms
        .store(HOLD.as_millis() as usize, Ordering::SeqCst);
    let port = free_port();
    let database_url = test_config().database_url;
    let work_dir =
        std::env::temp_dir().join(format!("pp-shutdown-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&work_dir).unwrap();
    let log_path = work_dir.join("portal.log");
    let log = std::fs::File::create(&log_path).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_partner-portal"))
        // Not the checkout: no .env is read.
        .current_dir(&work_dir)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("DATABASE_URL", &database_url)
        .env("BIND", "127.0.0.1")
        .env("PORT", port.to_string())
        .env("MAIL_TRANSPORT", "smtp")
        .env("SMTP_URL", format!("smtp://127.0.0.1:{smtp_port}"))
        .env("LOG_FORMAT", "json")
        .env("RUST_LOG", "info,sqlx=warn,tower_http=debug")
        .stdin(Stdio::null())
        .stdout(log.try_clone().unwrap())
        .stderr(log)
        .spawn()
        .expect("start the portal binary");
    let address = format!("http://127.0.0.1:{port}");
    let probe = new_client();
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut probes_answered = 0;
    loop {
        if let Ok(r) = probe.get(format!("{address}/readyz")).send().await {
            probes_answered += 1;
            if r.status() == 200 {
                break;
            }
        }
        if let Ok(Some(status)) = child.try_wait() {
            panic!(
                "the portal exited ({status}): {}",
                std::fs::read_to_string(&log_path).unwrap_or_default()
            );
        }
        assert!(Instant::now() < deadline, "the portal did not start");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let db = partner_portal::db::connect(&database_url, &Default::default())
        .await
        .unwrap();

    // Load: 16 clients, a new connection per request.
    let signal_at: Arc<Mutex<Option<Instant>>> = Arc::default();
    let stop = Arc::new(AtomicBool::new(false));
    let outcomes: Arc<Mutex<Outcomes>> = Arc::default();
    let clients: Vec<_> = (0..16)
        .map(|_| {
            tokio::spawn(load(
                address.clone(),
                signal_at.clone(),
                stop.clone(),
                outcomes.clone(),
            ))
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(500)).await;

    // A message in hand: its data is at the relay, which holds its answer.
    let email = partner_portal::db::outbox::NewEmail {
        recipient: "in-hand@example.com".into(),
        subject: "In hand".into(),
        body_text: "text".into(),
        body_html: "<p>html</p>".into(),
    };
    let id = partner_portal::db::outbox::enqueue(&db, &email, "example.com")
        .await
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(15);
    while relay.data_received.load(Ordering::SeqCst) == 0 {
        assert!(
            Instant::now() < deadline,
            "the worker never took the message"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let ok_before = outcomes.lock().unwrap().ok;
    // SAFETY: kill only sends a signal to the process this test started.
    unsafe {
        libc::kill(child.id() as libc::pid_t, libc::SIGTERM);
    }
    let signalled = Instant::now();
    *signal_at.lock().unwrap() = Some(signalled);
    let exit = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if signalled.elapsed() > EXIT_BOUND + Duration::from_secs(20) {
            let _ = child.kill();
            panic!(
                "the portal had not exited {:?} after SIGTERM",
                signalled.elapsed()
            );
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    };
    let exited_in = signalled.elapsed();
    tokio::time::sleep(Duration::from_millis(200)).await;
    stop.store(true, Ordering::Relaxed);
    for c in clients {
        c.await.unwrap();
    }

    let log = std::fs::read_to_string(&log_path).unwrap();
    let o = std::mem::take(&mut *outcomes.lock().unwrap());
    let (started, finished_ok, not_ok) = server_counts(&log);
    let status: String = sqlx::query_scalar("select status from email_outbox where email_id = $1")
        .bind(id)
        .fetch_one(&db)
        .await
        .unwrap();
    let delivered = relay.messages.lock().unwrap().len();
    eprintln!(
        "SIGTERM under load: {} requests answered 200 ({} of them before the signal), \
         {} refused at connect after the signal, {} reset without an answer after it, other \
         answers {:?}, failures before it {}; the portal began {started} requests and \
         finished {finished_ok} with 200; exit {exit} after {exited_in:?}; the message in \
         hand: {status}, delivered {delivered} time(s)",
        o.ok,
        ok_before,
        o.refused_after_signal,
        o.unanswered_after_signal.len(),
        o.other_status,
        o.failed.len()
    );
    assert!(exit.success(), "exit status {exit}: {log}");
    assert!(exited_in < EXIT_BOUND, "exited {exited_in:?} after SIGTERM");
    if !o.unanswered_after_signal.is_empty() {
        eprintln!("reset after the signal: {:#?}", o.unanswered_after_signal);
    }
    assert!(o.failed.is_empty(), "requests failed: {:?}", o.failed);
    assert!(
        o.other_status.is_empty(),
        "answers other than 200: {:?}",
        o.other_status
    );
    assert!(
        o.refused_after_signal > 0,
        "the load ran until the listener closed"
    );
    assert!(
        o.ok > ok_before,
        "requests were answered after the signal too"
    );
    // Every request the portal began, it finished, and each reached its client: so any
    // connection reset after the signal carried a request the portal never read.
    assert!(not_ok.is_empty(), "{not_ok:?}");
    assert_eq!(started, finished_ok, "every request begun was finished");
    // Besides the load, only the readiness probes before it.
    assert_eq!(
        finished_ok,
        o.ok + probes_answered,
        "the portal finished {finished_ok} requests with 200; the load clients got {} and the start-up probe {probes_answered}",
        o.ok
    );
    assert_eq!(
        (status.as_str(), delivered),
        ("sent", 1),
        "the message in hand"
    );
    assert!(log.contains("outbox worker stopped"), "{log}");
    let _ = std::fs::remove_dir_all(&work_dir);
}
