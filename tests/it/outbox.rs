use crate::helpers::*;
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

/// One message as the SMTP listener received it.
#[derive(Clone, Debug, Default)]
struct Received {
    /// Which connection carried it (numbered from 1 in the order they were accepted).
    connection: usize,
    to: Vec<String>,
    data: String,
}

/// A real SMTP listener on 127.0.0.1 (RFC 5321's commands lettre uses), running for
/// the rest of the test. Written here because mailin-embedded cannot be built without
/// a second rustls crypto backend.
fn start_smtp_listener(listener: TcpListener) -> Arc<Mutex<Vec<Received>>> {
    let messages: Arc<Mutex<Vec<Received>>> = Arc::default();
    listener.set_nonblocking(true).unwrap();
    let listener = tokio::net::TcpListener::from_std(listener).unwrap();
    let store = messages.clone();
    tokio::spawn(async move {
        let mut connection = 0;
        while let Ok((stream, _)) = listener.accept().await {
            let store = store.clone();
            connection += 1;
            tokio::spawn(async move {
                let _ = smtp_session(stream, store, connection).await;
            });
        }
    });
    messages
}

async fn smtp_session(
    stream: tokio::net::TcpStream,
    store: Arc<Mutex<Vec<Received>>>,
    connection: usize,
) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read).lines();
    write.write_all(b"220 test.localhost ESMTP\r\n").await?;
    let fresh = || Received {
        connection,
        ..Received::default()
    };
    let mut current = fresh();
    while let Some(line) = lines.next_line().await? {
        let upper = line.to_ascii_uppercase();
        if upper.starts_with("EHLO") {
            write
                .write_all(b"250-test.localhost\r\n250 8BITMIME\r\n")
                .await?;
        } else if upper.starts_with("RCPT TO:") {
            current.to.push(line[8..].trim().to_owned());
            write.write_all(b"250 OK\r\n").await?;
        } else if upper == "DATA" {
            write
                .write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                .await?;
            while let Some(data_line) = lines.next_line().await? {
                if data_line == "." {
                    break;
                }
                current
                    .data
                    .push_str(data_line.strip_prefix('.').unwrap_or(&data_line));
                current.data.push('\n');
            }
            store
                .lock()
                .unwrap()
                .push(std::mem::replace(&mut current, fresh()));
            write.write_all(b"250 OK queued\r\n").await?;
        } else if upper == "QUIT" {
            write.write_all(b"221 Bye\r\n").await?;
            break;
        } else if upper == "RSET" {
            current = fresh();
            write.write_all(b"250 OK\r\n").await?;
        } else {
            write.write_all(b"250 OK\r\n").await?;
        }
    }
    Ok(())
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

async fn wait_for(messages: &Arc<Mutex<Vec<Received>>>, count: usize) -> Vec<Received> {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let got = messages.lock().unwrap().clone();
        if got.len() >= count {
            return got;
        }
        assert!(
            Instant::now() < deadline,
            "only {} of {count} messages arrived",
            got.len()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn the_confirmation_email_is_delivered_over_smtp() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let messages = start_smtp_listener(listener);
    let app = TestApp::spawn_with(|c| smtp(c, port)).await;
    let email = app.sign_up("smtpdelivery").await;

    let received = wait_for(&messages, 1).await;
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].to, vec![format!("<{email}>")]);
    let data = &received[0].data;
    assert!(
        data.contains("Subject: Confirm your e-mail address for Partner Portal"),
        "{data}"
    );
    assert!(data.contains("Message-ID: <"), "{data}");
    assert!(data.contains("multipart/alternative"), "{data}");
    assert!(
        data.contains(&format!("{}/signup/confirm/", app.address)),
        "{data}"
    );
    let row = app.email_to(&email, "Confirm").await;
    let deadline = Instant::now() + Duration::from_secs(5);
    let mut status = row.status;
    while status != "sent" && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
        status = app.email_to(&email, "Confirm").await.status;
    }
    assert_eq!(status, "sent");
}

#[tokio::test]
async fn mail_queued_while_the_smtp_server_is_down_is_delivered_once_it_is_back() {
    let port = free_port();
    let app = TestApp::spawn_with(|c| smtp(c, port)).await;
    let email = app.sign_up("smtpdown").await;

    // The worker tries, fails, and keeps the row for later.
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let (attempts, error, status): (i32, Option<String>, String) =
            sqlx::query_as("select attempts, last_error, status from email_outbox")
                .fetch_one(&app.db)
                .await
                .unwrap();
        if attempts >= 2 {
            assert_eq!(status, "pending");
            assert!(error.is_some());
            break;
        }
        assert!(Instant::now() < deadline, "the worker never retried");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    let messages = start_smtp_listener(TcpListener::bind(("127.0.0.1", port)).unwrap());
    let received = wait_for(&messages, 1).await;
    assert!(received[0].data.contains("Confirm your e-mail address"));
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let status: String = sqlx::query_scalar("select status from email_outbox")
            .fetch_one(&app.db)
            .await
            .unwrap();
        if status == "sent" {
            break;
        }
        assert!(Instant::now() < deadline, "the row was never marked sent");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(messages.lock().unwrap().len(), 1, "delivered exactly once");
    assert_eq!(app.emails_to(&email).await, 1);
}

#[tokio::test]
async fn two_workers_on_one_outbox_send_each_message_once() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let messages = start_smtp_listener(listener);
    let first = TestApp::spawn_with(|c| smtp(c, port)).await;
    // A second process on the same database, with its own worker.
    let mut config = first.config.clone();
    config.port = 0;
    config.public_base_url = "http://127.0.0.1:0".into();
    let second = TestApp::spawn_config(config).await;

    let mut tx = first.db.begin().await.unwrap();
    for i in 0..30 {
        let email = partner_portal::db::outbox::NewEmail {
            recipient: format!("user{i}@example.com"),
            subject: format!("Message {i}"),
            body_text: "text".into(),
            body_html: "<p>html</p>".into(),
        };
        partner_portal::db::outbox::enqueue(&mut *tx, &email, "example.com")
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    let received = wait_for(&messages, 30).await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(
        messages.lock().unwrap().len(),
        30,
        "no message sent twice: {}",
        received.len()
    );
    let sent: i64 = sqlx::query_scalar("select count(*) from email_outbox where status = 'sent'")
        .fetch_one(&first.db)
        .await
        .unwrap();
    assert_eq!(sent, 30);
    drop(second);
}

fn worker(
    db: &sqlx::PgPool,
    mailer: partner_portal::email::Mailer,
) -> partner_portal::email::worker::OutboxWorker {
    let mut settings = test_config().outbox;
    settings.stale_claim_after = Duration::from_secs(60);
    partner_portal::email::worker::OutboxWorker {
        db: db.clone(),
        mailer,
        from: "Partner Portal <no-reply@example.com>".parse().unwrap(),
        settings,
        wake: Arc::default(),
        retention: Default::default(),
    }
}

async fn queue_one(db: &sqlx::PgPool, recipient: &str) -> uuid::Uuid {
    let email = partner_portal::db::outbox::NewEmail {
        recipient: recipient.into(),
        subject: "Hello".into(),
        body_text: "text".into(),
        body_html: "<p>html</p>".into(),
    };
    partner_portal::db::outbox::enqueue(db, &email, "example.com")
        .await
        .unwrap()
}

#[tokio::test]
async fn the_memory_transport_receives_what_the_worker_delivers_with_its_message_id() {
    let db = fresh_database().await;
    let sent = Arc::new(Mutex::new(Vec::new()));
    let w = worker(&db, partner_portal::email::Mailer::Memory(sent.clone()));
    let id = queue_one(&db, "someone@example.com").await;
    assert_eq!(w.deliver_due().await.unwrap(), 1);
    assert_eq!(w.deliver_due().await.unwrap(), 0, "nothing left to send");
    let got = sent.lock().unwrap().clone();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].message_id, format!("{id}@example.com"));
    assert_eq!(got[0].recipient, "someone@example.com");
}

#[tokio::test]
async fn a_stale_claim_is_taken_over_and_a_fresh_one_is_left_alone() {
    let db = fresh_database().await;
    let sent = Arc::new(Mutex::new(Vec::new()));
    let w = worker(&db, partner_portal::email::Mailer::Memory(sent.clone()));
    let fresh = queue_one(&db, "fresh@example.com").await;
    let stale = queue_one(&db, "stale@example.com").await;
    sqlx::query(
        "update email_outbox set claimed_at = now(), next_attempt_at = now() where email_id = $1",
    )
    .bind(fresh)
    .execute(&db)
    .await
    .unwrap();
    sqlx::query("update email_outbox set claimed_at = now() - interval '10 minutes', next_attempt_at = now() where email_id = $1")
        .bind(stale)
        .execute(&db)
        .await
        .unwrap();
    w.deliver_due().await.unwrap();
    let got: Vec<String> = sent
        .lock()
        .unwrap()
        .iter()
        .map(|e| e.recipient.clone())
        .collect();
    assert_eq!(got, vec!["stale@example.com"]);
}

#[tokio::test]
async fn a_message_that_keeps_failing_is_given_up_after_a_day_with_its_last_error() {
    let app = TestApp::spawn_with(|c| smtp(c, 1)).await;
    let id = queue_one(&app.db, "late@example.com").await;
    sqlx::query(
        "update email_outbox set created_at = now() - interval '25 hours' where email_id = $1",
    )
    .bind(id)
    .execute(&app.db)
    .await
    .unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let (status, error): (String, Option<String>) =
            sqlx::query_as("select status, last_error from email_outbox where email_id = $1")
                .bind(id)
                .fetch_one(&app.db)
                .await
                .unwrap();
        if status == "failed" {
            assert!(error.is_some_and(|e| !e.is_empty()));
            break;
        }
        assert!(Instant::now() < deadline, "never given up");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn a_scheduled_reminder_counts_its_retry_window_from_when_it_was_due() {
    let db = fresh_database().await;
    let email = partner_portal::db::outbox::NewEmail {
        recipient: "later@example.com".into(),
        subject: "Reminder".into(),
        body_text: "text".into(),
        body_html: "<p>html</p>".into(),
    };
    let due = time::OffsetDateTime::now_utc() - time::Duration::minutes(1);
    let reminder = partner_portal::db::outbox::enqueue_at(&db, &email, "example.com", due)
        .await
        .unwrap();
    let old = queue_one(&db, "old@example.com").await;
    // Both were queued 300 days ago; only the reminder fell due just now.
    sqlx::query("update email_outbox set created_at = now() - interval '300 days'")
        .execute(&db)
        .await
        .unwrap();
    let day = Duration::from_secs(24 * 3600);
    let retry = Duration::from_secs(60);
    let gave_up = |id| {
        let db = db.clone();
        async move {
            partner_portal::db::outbox::mark_failed_attempt(
                &db,
                id,
                "connection refused",
                retry,
                day,
            )
            .await
            .unwrap()
        }
    };
    assert!(
        !gave_up(reminder).await,
        "a reminder is retried after its first failure"
    );
    assert!(
        gave_up(old).await,
        "an ordinary message queued long ago is given up"
    );
}

fn smtp_worker(
    db: &sqlx::PgPool,
    port: u16,
    deadline: Duration,
    concurrency: usize,
) -> partner_portal::email::worker::OutboxWorker {
    let relay = partner_portal::email::smtp::SmtpRelay::from_url(
        &format!("smtp://127.0.0.1:{port}"),
        deadline,
        concurrency,
    )
    .unwrap();
    let mut w = worker(db, partner_portal::email::Mailer::Smtp(Arc::new(relay)));
    w.settings.concurrency = concurrency;
    w
}

#[tokio::test]
async fn one_worker_delivers_over_several_connections_at_once_each_message_once() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let messages = start_smtp_listener(listener);
    let db = fresh_database().await;
    for i in 0..200 {
        queue_one(&db, &format!("user{i}@example.com")).await;
    }
    let w = smtp_worker(&db, port, Duration::from_secs(10), 8);
    let mut handled = 0;
    loop {
        match w.deliver_due().await.unwrap() {
            0 => break,
            n => handled += n,
        }
    }
    assert_eq!(handled, 200);
    let received = messages.lock().unwrap().clone();
    let ids: std::collections::BTreeSet<&str> = received
        .iter()
        .map(|m| {
            m.data
                .lines()
                .find(|l| l.starts_with("Message-ID:"))
                .expect("a Message-ID header")
        })
        .collect();
    assert_eq!((received.len(), ids.len()), (200, 200), "each message once");
    let connections: std::collections::BTreeSet<usize> =
        received.iter().map(|m| m.connection).collect();
    assert!(
        (2..=8).contains(&connections.len()),
        "several messages in flight at once, on at most 8 connections kept open: {connections:?}"
    );
}

#[tokio::test]
async fn a_relay_that_stops_answering_costs_one_deadline_and_a_retry_not_the_worker() {
    // Greets, answers EHLO, then never answers again.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            tokio::spawn(async move {
                let (read, mut write) = stream.into_split();
                let mut lines = BufReader::new(read).lines();
                write.write_all(b"220 silent.localhost ESMTP\r\n").await?;
                while let Some(line) = lines.next_line().await? {
                    if line.to_ascii_uppercase().starts_with("EHLO") {
                        write.write_all(b"250 silent.localhost\r\n").await?;
                    }
                }
                std::io::Result::Ok(())
            });
        }
    });
    let db = fresh_database().await;
    let id = queue_one(&db, "someone@example.com").await;
    let w = smtp_worker(&db, port, Duration::from_millis(500), 2);
    let started = Instant::now();
    assert_eq!(w.deliver_due().await.unwrap(), 1);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "the worker moved on after the deadline, not {:?}",
        started.elapsed()
    );
    let (status, attempts, error): (String, i32, Option<String>) =
        sqlx::query_as("select status, attempts, last_error from email_outbox where email_id = $1")
            .bind(id)
            .fetch_one(&db)
            .await
            .unwrap();
    assert_eq!(
        (status.as_str(), attempts),
        ("pending", 1),
        "kept for a retry"
    );
    assert!(
        error
            .as_deref()
            .is_some_and(|e| e.contains("did not accept the message")),
        "{error:?}"
    );
}

async fn status_of(db: &sqlx::PgPool, id: uuid::Uuid) -> String {
    sqlx::query_scalar("select status from email_outbox where email_id = $1")
        .bind(id)
        .fetch_one(db)
        .await
        .unwrap()
}

#[tokio::test]
async fn operator_admins_see_what_was_not_delivered_and_queue_a_given_up_message_again() {
    let port = free_port();
    let app = TestApp::spawn_with(|c| smtp(c, port)).await;
    // One given up (its day of retries is over while the relay is down), one queued for
    // later, one retrying.
    let late = queue_one(&app.db, "late@example.com").await;
    sqlx::query(
        "update email_outbox set created_at = now() - interval '25 hours' where email_id = $1",
    )
    .bind(late)
    .execute(&app.db)
    .await
    .unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while status_of(&app.db, late).await != "failed" {
        assert!(Instant::now() < deadline, "never given up");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let later = queue_one(&app.db, "later@example.com").await;
    sqlx::query(
        "update email_outbox set next_attempt_at = now() + interval '1 hour' where email_id = $1",
    )
    .bind(later)
    .execute(&app.db)
    .await
    .unwrap();
    let retrying = queue_one(&app.db, "retry@example.com").await;
    sqlx::query("update email_outbox set attempts = 3, last_error = 'connection refused', next_attempt_at = now() + interval '1 hour' where email_id = $1")
        .bind(retrying)
        .execute(&app.db)
        .await
        .unwrap();

    // The seeded admin's name, "Operator admin", is data that reads like English: a person's.
    sqlx::query("update operator_staff set full_name = 'Olga Berg'")
        .execute(&app.db)
        .await
        .unwrap();
    let admin = app.operator_admin().await.client;
    let page = admin.html("/admin/email").await;
    assert_eq!(texts(&page, "#count-given-up"), ["1"]);
    assert_eq!(texts(&page, "#given-up .recipient"), ["late@example.com"]);
    assert!(
        !texts(&page, "#given-up .error code")[0].is_empty(),
        "the last error"
    );
    assert_eq!(texts(&page, "#retrying .recipient"), ["retry@example.com"]);
    assert!(texts(&page, "#retrying td").contains(&"3".to_owned()));
    assert!(texts(&page, "#queued .recipient").contains(&"later@example.com".to_owned()));

    // The relay is back; the given-up message is queued again and delivered, once.
    let messages = start_smtp_listener(TcpListener::bind(("127.0.0.1", port)).unwrap());
    let action = format!("/admin/email/{late}/requeue");
    let requeued = admin.submit("/admin/email", &action, &[]).await;
    assert_eq!(location(&requeued), "/admin/email");
    app.assert_audited("email.requeued").await;
    let received = wait_for(&messages, 1).await;
    assert_eq!(received[0].to, vec!["<late@example.com>".to_owned()]);
    let deadline = Instant::now() + Duration::from_secs(10);
    while status_of(&app.db, late).await != "sent" {
        assert!(Instant::now() < deadline, "never marked sent");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let page = admin.html("/admin/email").await;
    assert_eq!(texts(&page, ".flash"), ["The message is queued again."]);
    assert_eq!(texts(&page, "#count-given-up"), ["0"]);
    // Again: nothing to do, nothing sent twice.
    admin.submit("/admin/email", &action, &[]).await;
    let page = admin.html("/admin/email").await;
    assert!(texts(&page, ".flash")[0].starts_with("Nothing to do"));
    tokio::time::sleep(Duration::from_millis(500)).await;
    let to_late = messages
        .lock()
        .unwrap()
        .iter()
        .filter(|m| m.to == vec!["<late@example.com>".to_owned()])
        .count();
    assert_eq!(to_late, 1);

    // Only operator admins; other staff are refused the page and the action.
    let reviewer = app.staff_client("rev@operator.example", "reviewer").await;
    assert_eq!(
        reviewer.open("/admin/email").await.status(),
        reqwest::StatusCode::FORBIDDEN
    );
    // In German and Chinese.
    for lang in [
        partner_portal::i18n::Lang::De,
        partner_portal::i18n::Lang::ZhCn,
    ] {
        let reader = app.browser_speaking(lang.code());
        reader.staff_sign_in().await;
        let page = reader.html("/admin/email").await;
        crate::languages::assert_no_english(lang, "/admin/email", &page);
    }
}
