//! Slow and stalled clients: a header-read timeout and a connection cap keep the portal
//! answering.

use crate::helpers::*;
use reqwest::StatusCode;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

fn port(app: &TestApp) -> u16 {
    app.address.rsplit(':').next().unwrap().parse().unwrap()
}

/// Opens `n` connections that each send the start of a request and then nothing more.
async fn stalled(app: &TestApp, n: usize) -> Vec<TcpStream> {
    let mut streams = Vec::with_capacity(n);
    for _ in 0..n {
        let mut s = TcpStream::connect(("127.0.0.1", port(app)))
            .await
            .expect("connect (raise ulimit -n if this fails)");
        s.write_all(b"GET /healthz HTTP/1.1\r\nHo").await.unwrap();
        streams.push(s);
    }
    streams
}

/// The fastest of three `/healthz` answers.
async fn healthz_time(app: &TestApp) -> Duration {
    let client = app.browser();
    let mut best = Duration::MAX;
    for _ in 0..3 {
        let started = Instant::now();
        let response = client.get(app.url("/healthz")).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        best = best.min(started.elapsed());
    }
    best
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_thousand_stalled_connections_neither_block_healthz_nor_stay_open() {
    partner_portal::server::raise_open_file_limit();
    let app = TestApp::spawn_with(|c| {
        c.server.header_read_timeout = Duration::from_secs(2);
    })
    .await;
    let mut streams = stalled(&app, 2000).await;
    let answered_in = healthz_time(&app).await;
    assert!(
        answered_in < Duration::from_millis(100),
        "/healthz took {answered_in:?} beside 2,000 stalled connections"
    );
    // Each stalled connection is closed once the header-read timeout has passed.
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut buf = [0u8; 256];
    for (i, s) in streams.iter_mut().enumerate() {
        let left = deadline.saturating_duration_since(Instant::now());
        match tokio::time::timeout(left, s.read(&mut buf)).await {
            Ok(Ok(_)) | Ok(Err(_)) => {}
            Err(_) => panic!("stalled connection {i} was still open after 10 s"),
        }
    }
}

#[tokio::test]
async fn connections_over_the_cap_get_a_clear_503_and_the_cap_frees_up() {
    let app = TestApp::spawn_with(|c| {
        c.server.max_connections = 40;
        c.server.header_read_timeout = Duration::from_secs(30);
    })
    .await;
    let streams = stalled(&app, 40).await;
    let mut extra = TcpStream::connect(("127.0.0.1", port(&app))).await.unwrap();
    extra
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        .await
        .unwrap();
    let mut answer = String::new();
    tokio::time::timeout(Duration::from_secs(5), extra.read_to_string(&mut answer))
        .await
        .expect("the refusal comes at once")
        .unwrap();
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");
    assert!(answer.contains("Connection: close"));
    assert_eq!(
        texts(&answer[answer.find("\r\n\r\n").unwrap()..], "h1"),
        vec!["Service unavailable"]
    );
    // When the stalled clients go, their places come back.
    drop(streams);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let ok = new_client()
            .get(app.url("/healthz"))
            .send()
            .await
            .is_ok_and(|r| r.status() == StatusCode::OK);
        if ok {
            break;
        }
        assert!(Instant::now() < deadline, "the cap never freed up");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
