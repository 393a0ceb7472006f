//! The SMTP relay connection set the outbox worker sends through.
//!
//! Built on lettre's own SMTP client (`AsyncSmtpConnection`: the protocol, STARTTLS, AUTH)
//! instead of its pooled `AsyncSmtpTransport`, for three defects measured or read in
//! lettre 0.11.23:
//! - its sockets keep Nagle's algorithm on: the body and the closing `.` are two writes,
//!   and the second waits for the relay's delayed ACK, 40 ms on every message (22 e-mails/s
//!   on one connection; lettre pull request #1159 fixes it upstream, not yet released).
//!   Here every plain or STARTTLS connection is opened with `TCP_NODELAY`.
//! - its async `timeout` covers connecting only: a relay that stops answering holds the
//!   message (and the worker) for ever. Here every send has a deadline.
//! - a send cancelled half-way hands its connection back to the pool mid-dialogue. Here a
//!   connection is kept only after a send that completed; any error or timeout drops it.
//!
//! Implicit TLS (`smtps://`) uses lettre's own connect (its TLS set-up), so it keeps
//! the Nagle delay until lettre ships the fix; the deadline and the drop rule still hold.

use lettre::Message;
use lettre::transport::smtp::authentication::{Credentials, DEFAULT_MECHANISMS};
use lettre::transport::smtp::client::{AsyncSmtpConnection, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use std::sync::Mutex;
use std::time::{Duration, Instant};
use tokio::net::TcpStream;

/// How the connection to the relay is protected.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Security {
    /// Plain SMTP (a relay on the same host or network).
    None,
    /// STARTTLS; when `required`, a relay that does not offer it is refused.
    StartTls { required: bool },
    /// TLS from the first byte (`smtps://`, port 465).
    Implicit,
}

/// An idle connection and when it was last used.
struct Idle {
    connection: AsyncSmtpConnection,
    since: Instant,
}

/// The relay named by `SMTP_URL`, and the connections kept open to it.
pub struct SmtpRelay {
    host: String,
    port: u16,
    security: Security,
    credentials: Option<Credentials>,
    hello: ClientId,
    /// Longest a connect or one whole message may take.
    deadline: Duration,
    /// Connections kept open between messages (one per message in flight).
    keep: usize,
    idle: Mutex<Vec<Idle>>,
}

/// A connection idle longer than this is checked with NOOP before it carries a message.
const CHECK_AFTER_IDLE: Duration = Duration::from_secs(10);

impl SmtpRelay {
    /// Reads `smtp://[user:pass@]host[:port][/hello-name][?tls=required|opportunistic]`
    /// or `smtps://...` (the forms lettre's `from_url` accepts).
    pub fn from_url(url: &str, deadline: Duration, keep: usize) -> Result<Self, String> {
        let url = url::Url::parse(url).map_err(|e| e.to_string())?;
        let host = url
            .host_str()
            .ok_or("the URL names no host")?
            .trim_matches(['[', ']'])
            .to_owned();
        let tls = url
            .query_pairs()
            .find(|(k, _)| k == "tls")
            .map(|(_, v)| v.into_owned());
        let (security, default_port) = match (url.scheme(), tls.as_deref()) {
            ("smtp", None) => (Security::None, 25),
            ("smtp", Some("required")) => (Security::StartTls { required: true }, 587),
            ("smtp", Some("opportunistic")) => (Security::StartTls { required: false }, 587),
            ("smtps", None) => (Security::Implicit, 465),
            (scheme, tls) => {
                return Err(format!(
                    "unknown scheme {scheme:?} or tls parameter {tls:?} (smtp://, smtp://...?tls=required|opportunistic, smtps://)"
                ));
            }
        };
        let decode = |s: &str| {
            percent_encoding::percent_decode_str(s)
                .decode_utf8()
                .map(|s| s.into_owned())
                .map_err(|e| e.to_string())
        };
        let credentials = match url.password() {
            Some(password) => Some(Credentials::new(decode(url.username())?, decode(password)?)),
            None => None,
        };
        let path = url.path().trim_matches('/');
        let hello = if path.is_empty() {
            ClientId::default()
        } else {
            ClientId::Domain(path.to_owned())
        };
        Ok(Self {
            port: url.port().unwrap_or(default_port),
            host,
            security,
            credentials,
            hello,
            deadline,
            keep: keep.max(1),
            idle: Mutex::default(),
        })
    }

    /// Sends one message; the error text is kept on the outbox row.
    pub async fn send(&self, message: &Message) -> Result<(), String> {
        let mut connection = self.connection().await?;
        let bytes = message.formatted();
        match tokio::time::timeout(self.deadline, connection.send(message.envelope(), &bytes)).await
        {
            Ok(Ok(_)) => {
                self.put_back(connection);
                Ok(())
            }
            // Dropped, not reused: after an error or a timeout the dialogue's state is unknown.
            Ok(Err(e)) => Err(e.to_string()),
            Err(_) => Err(format!(
                "the SMTP relay did not accept the message within {} s",
                self.deadline.as_secs()
            )),
        }
    }

    fn put_back(&self, connection: AsyncSmtpConnection) {
        if connection.has_broken() {
            return;
        }
        let mut idle = self.idle.lock().unwrap_or_else(|p| p.into_inner());
        if idle.len() < self.keep {
            idle.push(Idle {
                connection,
                since: Instant::now(),
            });
        }
    }

    /// An idle connection that still works, or a new one.
    async fn connection(&self) -> Result<AsyncSmtpConnection, String> {
        loop {
            let taken = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
            let Some(Idle {
                mut connection,
                since,
            }) = taken
            else {
                break;
            };
            if since.elapsed() < CHECK_AFTER_IDLE {
                return Ok(connection);
            }
            if let Ok(true) = tokio::time::timeout(self.deadline, connection.test_connected()).await
            {
                return Ok(connection);
            }
        }
        tokio::time::timeout(self.deadline, self.connect())
            .await
            .unwrap_or_else(|_| {
                Err(format!(
                    "could not connect to the SMTP relay {}:{} within {} s",
                    self.host,
                    self.port,
                    self.deadline.as_secs()
                ))
            })
    }

    async fn connect(&self) -> Result<AsyncSmtpConnection, String> {
        let tls = || TlsParameters::new(self.host.clone()).map_err(|e| e.to_string());
        let mut connection = if self.security == Security::Implicit {
            AsyncSmtpConnection::connect_tokio1(
                (self.host.as_str(), self.port),
                Some(self.deadline),
                &self.hello,
                Some(tls()?),
                None,
            )
            .await
            .map_err(|e| e.to_string())?
        } else {
            let stream = TcpStream::connect((self.host.as_str(), self.port))
                .await
                .map_err(|e| format!("could not connect to {}:{}: {e}", self.host, self.port))?;
            stream.set_nodelay(true).map_err(|e| e.to_string())?;
            AsyncSmtpConnection::connect_with_transport(Box::new(stream), &self.hello)
                .await
                .map_err(|e| e.to_string())?
        };
        if let Security::StartTls { required } = self.security {
            if connection.can_starttls() {
                connection
                    .starttls(tls()?, &self.hello)
                    .await
                    .map_err(|e| e.to_string())?;
            } else if required {
                return Err(
                    "the SMTP relay does not offer STARTTLS, which SMTP_URL requires".into(),
                );
            }
        }
        if let Some(credentials) = &self.credentials {
            connection
                .auth(DEFAULT_MECHANISMS, credentials)
                .await
                .map_err(|e| e.to_string())?;
        }
        Ok(connection)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn relay(url: &str) -> Result<SmtpRelay, String> {
        SmtpRelay::from_url(url, Duration::from_secs(5), 4)
    }

    #[test]
    fn reads_every_form_of_smtp_url() {
        let plain = relay("smtp://127.0.0.1:2525").unwrap();
        assert_eq!((plain.port, &plain.security), (2525, &Security::None));
        assert!(plain.credentials.is_none());
        let starttls = relay("smtp://mail.example.com?tls=required").unwrap();
        assert_eq!(
            (starttls.port, &starttls.security),
            (587, &Security::StartTls { required: true })
        );
        let implicit = relay("smtps://user%40x:p%3Ass@mail.example.com/portal.example").unwrap();
        assert_eq!(
            (implicit.port, &implicit.security),
            (465, &Security::Implicit)
        );
        assert!(implicit.credentials == Some(Credentials::new("user@x".into(), "p:ss".into())));
        assert_eq!(implicit.hello, ClientId::Domain("portal.example".into()));
    }

    #[test]
    fn refuses_an_unknown_scheme_or_tls_mode() {
        assert!(relay("smtp://mail.example.com?tls=sometimes").is_err());
        assert!(relay("http://mail.example.com").is_err());
    }
}
