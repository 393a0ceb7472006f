use crate::helpers::*;
use crate::relay::*;
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

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
    assert_eq!(
        messages.messages.lock().unwrap().len(),
        1,
        "delivered exactly once"
    );
    assert_eq!(app.emails_to(&email).await, 1);
}

/// Two portal processes on one database, each with its own worker, both sending to `port`
/// (their From: addresses differ, so the listener can tell who sent what).
async fn two_processes_sending_to(port: u16) -> (TestApp, TestApp) {
    let first = TestApp::spawn_with(|c| {
        smtp(c, port);
        c.mail_from = "Portal A <a@portal.example.com>".into();
    })
    .await;
    let mut config = first.config.clone();
    config.port = 0;
    config.public_base_url = "http://127.0.0.1:0".into();
    config.mail_from = "Portal B <b@portal.example.com>".into();
    let second = TestApp::spawn_config(config).await;
    (first, second)
}

/// Queues `count` messages in one transaction (the workers see them all at once).
async fn queue_many(db: &sqlx::PgPool, count: usize) {
    let mut tx = db.begin().await.unwrap();
    for i in 0..count {
        let email = partner_portal::db::outbox::NewEmail {
            recipient: format!("user{i}@example.com"),
            subject: format!("Message {i}"),
            body_text: format!("text {i}"),
            body_html: format!("<p>html {i}</p>"),
        };
        partner_portal::db::outbox::enqueue(&mut *tx, &email, "example.com")
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
}

/// Message-IDs that arrived more than once.
fn duplicates(received: &[Received]) -> Vec<String> {
    let mut seen = std::collections::BTreeMap::<&str, usize>::new();
    for m in received {
        *seen.entry(m.message_id()).or_default() += 1;
    }
    seen.into_iter()
        .filter(|(_, n)| *n > 1)
        .map(|(id, _)| id.to_owned())
        .collect()
}

/// Waits (at most `limit`) until `count` rows of the outbox are marked sent.
async fn all_marked_sent(db: &sqlx::PgPool, count: usize, limit: Duration) {
    let deadline = Instant::now() + limit;
    loop {
        let sent: i64 =
            sqlx::query_scalar("select count(*) from email_outbox where status = 'sent'")
                .fetch_one(db)
                .await
                .unwrap();
        if sent >= count as i64 {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{sent} of {count} rows marked sent"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn ten_thousand_messages_sent_by_two_processes_workers_arrive_once_each_by_message_id() {
    const COUNT: usize = 10_000;
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let relay = start_smtp_listener(listener);
    let (first, second) = two_processes_sending_to(port).await;

    let started = Instant::now();
    queue_many(&first.db, COUNT).await;
    let queued_in = started.elapsed();
    wait_longer_for(&relay, COUNT, Duration::from_secs(300)).await;
    let delivered_in = started.elapsed();
    all_marked_sent(&first.db, COUNT, Duration::from_secs(30)).await;
    // Anything sent twice would arrive by now.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let received = relay.messages.lock().unwrap().clone();
    let ids: std::collections::BTreeSet<&str> = received.iter().map(Received::message_id).collect();
    let twice = duplicates(&received);
    let by_a = received
        .iter()
        .filter(|m| m.from.contains("a@portal"))
        .count();
    let by_b = received
        .iter()
        .filter(|m| m.from.contains("b@portal"))
        .count();
    eprintln!(
        "outbox: {COUNT} queued (in {queued_in:?}), {} received, {} distinct Message-IDs,          {} duplicates; process A sent {by_a}, process B {by_b}; all delivered {delivered_in:?}          after queueing began",
        received.len(),
        ids.len(),
        twice.len()
    );
    assert!(
        twice.is_empty(),
        "sent twice: {:?}",
        &twice[..twice.len().min(5)]
    );
    assert_eq!(
        (received.len(), ids.len()),
        (COUNT, COUNT),
        "none lost, none twice"
    );
    assert!(
        by_a > 0 && by_b > 0,
        "both workers delivered: A {by_a}, B {by_b}"
    );
    // Every queued message arrived: the subjects are exactly the ones queued.
    let subjects: std::collections::BTreeSet<String> = received
        .iter()
        .filter_map(|m| {
            m.data
                .lines()
                .find(|l| l.starts_with("Subject: "))
                .map(str::to_owned)
        })
        .collect();
    assert_eq!(subjects.len(), COUNT);
    second.stop().await.unwrap();
    first.stop().await.unwrap();
}

#[tokio::test]
async fn after_an_smtp_outage_every_message_is_delivered_once_having_been_retried_on_the_backoff_schedule()
 {
    const COUNT: usize = 40;
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let relay = start_smtp_listener(listener);
    relay
        .refusing
        .store(true, std::sync::atomic::Ordering::SeqCst);
    let (first, second) = two_processes_sending_to(port).await;
    let settings = first.config.outbox;

    queue_many(&first.db, COUNT).await;
    // The relay refuses every recipient for a while.
    let outage = Duration::from_secs(4);
    tokio::time::sleep(outage).await;
    relay
        .refusing
        .store(false, std::sync::atomic::Ordering::SeqCst);
    let back = Instant::now();
    let received = wait_for(&relay, COUNT).await;
    let recovered_in = back.elapsed();
    all_marked_sent(&first.db, COUNT, Duration::from_secs(10)).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let received_now = relay.messages.lock().unwrap().clone();
    assert_eq!(
        (received.len(), received_now.len()),
        (COUNT, COUNT),
        "nothing sent twice"
    );
    assert!(duplicates(&received_now).is_empty());

    // Each message was refused several times, each retry no sooner than the backoff said.
    let refused = relay.refused.lock().unwrap().clone();
    let mut by_recipient = std::collections::BTreeMap::<String, Vec<Instant>>::new();
    for (to, at) in refused {
        by_recipient.entry(to).or_default().push(at);
    }
    assert_eq!(
        by_recipient.len(),
        COUNT,
        "every message was tried during the outage"
    );
    let mut tries = Vec::new();
    for (to, times) in &by_recipient {
        tries.push(times.len());
        for (k, pair) in times.windows(2).enumerate() {
            let gap = pair[1] - pair[0];
            let scheduled = partner_portal::email::worker::backoff(&settings, k as i32 + 1);
            assert!(
                gap + Duration::from_millis(5) >= scheduled,
                "{to}: retry {} came {gap:?} after the last, before the {scheduled:?} scheduled",
                k + 1
            );
            assert!(
                gap <= scheduled + Duration::from_secs(2),
                "{to}: retry {} came {gap:?} after the last; {scheduled:?} was scheduled",
                k + 1
            );
        }
    }
    let (fewest, most) = (tries.iter().min().copied(), tries.iter().max().copied());
    assert!(
        fewest >= Some(3),
        "each message retried during a {outage:?} outage: {tries:?}"
    );
    let attempts: Vec<i32> = sqlx::query_scalar("select attempts from email_outbox")
        .fetch_all(&first.db)
        .await
        .unwrap();
    assert!(attempts.iter().all(|a| *a >= 3), "{attempts:?}");
    eprintln!(
        "SMTP outage of {outage:?}: {COUNT} queued, {} delivered, 0 duplicates; refused          {fewest:?}..{most:?} times each on the schedule {:?}, {:?}, {:?} (capped at {:?});          all delivered {recovered_in:?} after the relay came back",
        received_now.len(),
        partner_portal::email::worker::backoff(&settings, 1),
        partner_portal::email::worker::backoff(&settings, 2),
        partner_portal::email::worker::backoff(&settings, 3),
        settings.retry_max,
    );
    second.stop().await.unwrap();
    first.stop().await.unwrap();
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
    let received = messages.messages.lock().unwrap().clone();
    let ids: std::collections::BTreeSet<&str> = received.iter().map(Received::message_id).collect();
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
        .messages
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
