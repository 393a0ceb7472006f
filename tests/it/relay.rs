//! A real SMTP listener on 127.0.0.1 for the e-mail tests (RFC 5321's commands lettre uses).
//! Written here because mailin-embedded cannot be built without a second rustls crypto
//! backend. It can refuse mail for a while and hold its answer to a message's data.

use std::net::TcpListener;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

/// One message as the SMTP listener received it.
#[derive(Clone, Debug, Default)]
pub struct Received {
    /// Which connection carried it (numbered from 1 in the order they were accepted).
    /// Which connection carried it (numbered from 1 in the order they were accepted).
    pub connection: usize,
    /// MAIL FROM.
    pub from: String,
    /// RCPT TO, each.
    pub to: Vec<String>,
    /// The message as sent (headers and body).
    pub data: String,
}

impl Received {
    /// The message's Message-ID header line.
    pub fn message_id(&self) -> &str {
        self.data
            .lines()
            .find(|l| l.starts_with("Message-ID:"))
            .expect("a Message-ID header")
    }
}

/// A listener that can be told to refuse mail for a while (answering 451 to every
/// recipient, as a relay does when it cannot take mail now), noting each refusal.
#[derive(Default)]
pub struct Relay {
    /// Every message accepted.
    pub messages: Mutex<Vec<Received>>,
    /// While true, every recipient is refused with 451.
    pub refusing: AtomicBool,
    /// (recipient, when) of every refused attempt.
    pub refused: Mutex<Vec<(String, Instant)>>,
    /// How long to wait before answering a message's data (0: at once).
    pub hold_data_ms: AtomicUsize,
    /// Messages whose data has arrived, answered or not.
    pub data_received: AtomicUsize,
}

/// A real SMTP listener on 127.0.0.1 (RFC 5321's commands lettre uses), running for
/// the rest of the test. Written here because mailin-embedded cannot be built without
/// a second rustls crypto backend.
/// Starts a [`Relay`] on `listener` for the rest of the test.
pub fn start_smtp_listener(listener: TcpListener) -> Arc<Relay> {
    let relay: Arc<Relay> = Arc::default();
    listener.set_nonblocking(true).unwrap();
    let listener = tokio::net::TcpListener::from_std(listener).unwrap();
    let shared = relay.clone();
    tokio::spawn(async move {
        let mut connection = 0;
        while let Ok((stream, _)) = listener.accept().await {
            let relay = shared.clone();
            connection += 1;
            tokio::spawn(async move {
                let _ = smtp_session(stream, relay, connection).await;
            });
        }
    });
    relay
}

async fn smtp_session(
    stream: tokio::net::TcpStream,
    relay: Arc<Relay>,
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
        } else if upper.starts_with("MAIL FROM:") {
            current.from = line[10..].trim().to_owned();
            write.write_all(b"250 OK\r\n").await?;
        } else if upper.starts_with("RCPT TO:") {
            let to = line[8..].trim().to_owned();
            if relay.refusing.load(Ordering::SeqCst) {
                relay.refused.lock().unwrap().push((to, Instant::now()));
                write
                    .write_all(b"451 4.3.0 Cannot take mail now, try again later\r\n")
                    .await?;
                continue;
            }
            current.to.push(to);
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
            relay.data_received.fetch_add(1, Ordering::SeqCst);
            let hold = relay.hold_data_ms.load(Ordering::SeqCst);
            if hold > 0 {
                tokio::time::sleep(Duration::from_millis(hold as u64)).await;
            }
            relay
                .messages
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

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub async fn wait_for(messages: &Relay, count: usize) -> Vec<Received> {
    wait_longer_for(messages, count, Duration::from_secs(15)).await
}

pub async fn wait_longer_for(messages: &Relay, count: usize, limit: Duration) -> Vec<Received> {
    let deadline = Instant::now() + limit;
    loop {
        let got = messages.messages.lock().unwrap().clone();
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
