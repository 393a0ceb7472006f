//! The HTTP server loop: hyper-util's connection builder with a header-read timeout and a
//! cap on open connections, which `axum::serve` does not offer.
//!
//! A client that sends its headers byte by byte (or not at all) is cut off after
//! `HEADER_READ_TIMEOUT_MS`; past `MAX_CONNECTIONS` open connections a new one gets a short
//! 503 page and is closed at once, so file descriptors cannot run out and `/healthz` keeps
//! answering.

use crate::config::ServerLimits;
use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto::Builder;
use hyper_util::server::graceful::GracefulConnection;
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, Semaphore, watch};
use tower::ServiceExt;

/// The whole answer to a connection over the cap.
static OVER_CAPACITY: std::sync::LazyLock<Vec<u8>> = std::sync::LazyLock::new(|| {
    use crate::messages::{PORTAL_TOO_BUSY, SERVICE_UNAVAILABLE};
    let body = format!(
        "<!doctype html><html lang=\"en\"><head><title>{SERVICE_UNAVAILABLE}</title></head>\
         <body><h1>{SERVICE_UNAVAILABLE}</h1><p>{PORTAL_TOO_BUSY}</p></body></html>"
    );
    format!(
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/html; charset=utf-8\r\n\
         Retry-After: 5\r\nConnection: close\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
});

/// Serves `router` on `listener` until `shutdown` completes, then lets the open
/// connections finish their requests.
///
/// Shutdown fails no request a client sent: the listener stops accepting, connections
/// already waiting in its backlog are taken and answered, a connection between requests is
/// closed, one in the middle of a request finishes it and then closes, and one that has not
/// sent its first request yet gets a moment to send it (hyper's graceful shutdown would close
/// it unread: see [`until_stopped`]). It returns when every connection has ended; the request
/// timeout bounds how long that takes.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: ServerLimits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let permits = Arc::new(Semaphore::new(limits.max_connections));
    let (stopping_tx, stopping) = watch::channel(false);
    let mut builder = Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout);
    builder
        .http2()
        .timer(TokioTimer::new())
        .keep_alive_interval(Some(limits.header_read_timeout));
    let serve_one = |stream: TcpStream, peer: SocketAddr| {
        let Ok(permit) = permits.clone().try_acquire_owned() else {
            tokio::spawn(refuse(stream));
            return;
        };
        let proxies = limits.trusted_proxies.clone();
        let begun = Arc::new(Notify::new());
        let first_request = begun.clone();
        let service = router
            .clone()
            .map_request(move |request: axum::http::Request<Incoming>| {
                begun.notify_one();
                let mut request = request.map(Body::new);
                let client = proxies.client_address(
                    peer.ip(),
                    request
                        .headers()
                        .get_all("x-forwarded-for")
                        .iter()
                        .filter_map(|v| v.to_str().ok()),
                );
                let client = SocketAddr::new(client, peer.port());
                request.extensions_mut().insert(ConnectInfo(client));
                request
            });
        let connection = builder
            .serve_connection(TokioIo::new(stream), TowerToHyperService::new(service))
            .into_owned();
        let stopping = stopping.clone();
        tokio::spawn(async move {
            if let Err(e) = until_stopped(connection, stopping, first_request).await {
                tracing::debug!(error = %e, "connection ended with an error");
            }
            drop(permit);
        });
    };
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(e) => {
                    // Out of file descriptors or similar: wait a moment rather than spin.
                    tracing::warn!(error = %e, "could not accept a connection");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        serve_one(stream, peer);
    }
    // Connections whose handshake the kernel has completed wait in the listen backlog;
    // closing the listener would reset them although their clients sent a request.
    match listener.into_std() {
        Ok(listener) => {
            while let Ok((stream, peer)) = listener.accept() {
                let accepted = stream
                    .set_nonblocking(true)
                    .and_then(|()| TcpStream::from_std(stream));
                match accepted {
                    Ok(stream) => serve_one(stream, peer),
                    Err(e) => tracing::debug!(error = %e, "could not take a waiting connection"),
                }
            }
        }
        Err(e) => tracing::debug!(error = %e, "could not drain the listen backlog"),
    }
    let _ = stopping_tx.send(true);
    // Every connection holds a permit until it ends.
    let _all_ended = permits.acquire_many(limits.max_connections as u32).await;
    Ok(())
}

/// How long, once shutdown has begun, a connection that has not begun a request yet may
/// take to begin one.
const FIRST_REQUEST_GRACE: Duration = Duration::from_secs(1);

/// Serves `connection` until it ends; once `stopping` turns true, shuts it down gracefully,
/// but not before its first request has begun (`first_request`) or [`FIRST_REQUEST_GRACE`]
/// has passed. hyper closes a connection that has not read anything yet at once, which would
/// drop a request its client has already sent.
async fn until_stopped<C>(
    connection: C,
    mut stopping: watch::Receiver<bool>,
    first_request: Arc<Notify>,
) -> Result<(), C::Error>
where
    C: GracefulConnection,
{
    tokio::pin!(connection);
    tokio::select! {
        ended = connection.as_mut() => return ended,
        _ = stopping.wait_for(|s| *s) => {}
    }
    tokio::select! {
        ended = connection.as_mut() => return ended,
        () = first_request.notified() => {}
        // Browsers and HTTP clients open connections ahead of need that may never carry a
        // request; a request already sent is read within moments.
        () = tokio::time::sleep(FIRST_REQUEST_GRACE) => {}
    }
    connection.as_mut().graceful_shutdown();
    connection.await
}

/// Tells a connection over the cap that the portal is busy, and closes it.
async fn refuse(mut stream: TcpStream) {
    let _ = tokio::time::timeout(Duration::from_secs(1), async {
        stream.write_all(&OVER_CAPACITY).await?;
        stream.shutdown().await
    })
    .await;
}

/// Raises this process's soft limit on open files to its hard limit (where the system
/// allows), so the connection cap, not the descriptor limit, is what refuses clients.
/// Returns the soft limit now in force.
pub fn raise_open_file_limit() -> Option<u64> {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit and setrlimit only read and write the struct we pass.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) != 0 {
            return None;
        }
        if limit.rlim_cur < limit.rlim_max {
            let raised = libc::rlimit {
                rlim_cur: limit.rlim_max,
                rlim_max: limit.rlim_max,
            };
            if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                limit = raised;
            }
        }
    }
    // rlim_t is u64 on Linux but not on every platform.
    #[allow(clippy::unnecessary_cast)]
    Some(limit.rlim_cur as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_over_capacity_answer_declares_its_length() {
        let text = std::str::from_utf8(&OVER_CAPACITY).unwrap();
        let (head, body) = text.split_once("\r\n\r\n").unwrap();
        assert!(head.contains(&format!("Content-Length: {}", body.len())));
    }
}
