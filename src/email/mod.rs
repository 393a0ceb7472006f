//! E-mail: message templates, transports and the outbox worker.

pub mod messages;
pub mod smtp;
pub mod worker;

use crate::config::{Config, MailTransportKind};
use crate::db::outbox::QueuedEmail;
use lettre::Message;
use lettre::message::{Mailbox, MultiPart};
use smtp::SmtpRelay;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Longest a connect to the relay, or the sending of one message, may take.
const SMTP_DEADLINE: Duration = Duration::from_secs(30);

/// A message as the in-memory transport keeps it.
#[derive(Clone, Debug)]
pub struct SentEmail {
    /// Message-ID without angle brackets.
    pub message_id: String,
    /// Recipient.
    pub recipient: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body_text: String,
}

/// Where the outbox worker hands messages over.
#[derive(Clone)]
pub enum Mailer {
    /// SMTP relay connections (production, and integration tests against a real listener).
    Smtp(Arc<SmtpRelay>),
    /// Development: the outbox row itself is the mailbox, shown at `/dev/mailbox`.
    Mailbox,
    /// Unit tests: messages collected in memory.
    Memory(Arc<Mutex<Vec<SentEmail>>>),
}

impl Mailer {
    /// The transport the configuration asks for.
    pub fn from_config(config: &Config) -> anyhow::Result<Self> {
        Ok(match config.mail_transport {
            MailTransportKind::Mailbox => Mailer::Mailbox,
            MailTransportKind::Memory => Mailer::Memory(Arc::default()),
            MailTransportKind::Smtp => {
                let url = config.smtp_url.as_deref().ok_or_else(|| {
                    anyhow::anyhow!("SMTP_URL is required when MAIL_TRANSPORT=smtp")
                })?;
                // One connection kept per message the worker has in flight.
                let relay = SmtpRelay::from_url(url, SMTP_DEADLINE, config.outbox.concurrency)
                    .map_err(|e| anyhow::anyhow!("SMTP_URL: {e}"))?;
                Mailer::Smtp(Arc::new(relay))
            }
        })
    }

    /// A short name for the log and the outbox row.
    pub fn name(&self) -> &'static str {
        match self {
            Mailer::Smtp(_) => "smtp",
            Mailer::Mailbox => "mailbox",
            Mailer::Memory(_) => "memory",
        }
    }

    /// Delivers one queued message; the error is kept on the outbox row.
    pub async fn deliver(&self, from: &Mailbox, email: &QueuedEmail) -> Result<(), String> {
        match self {
            Mailer::Mailbox => Ok(()),
            Mailer::Memory(sent) => {
                sent.lock()
                    .map_err(|_| "memory mailbox poisoned".to_string())?
                    .push(SentEmail {
                        message_id: email.message_id.clone(),
                        recipient: email.recipient.clone(),
                        subject: email.subject.clone(),
                        body_text: email.body_text.clone(),
                    });
                Ok(())
            }
            Mailer::Smtp(relay) => relay.send(&build_message(from, email)?).await,
        }
    }
}

/// Builds the MIME message: plain text and HTML alternatives, with a stable Message-ID.
pub fn build_message(from: &Mailbox, email: &QueuedEmail) -> Result<Message, String> {
    let to: Mailbox = email.recipient.parse().map_err(|e| {
        format!(
            "recipient {:?} is not a valid address: {e}",
            email.recipient
        )
    })?;
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(email.subject.clone())
        .message_id(Some(format!("<{}>", email.message_id)))
        .multipart(MultiPart::alternative_plain_html(
            email.body_text.clone(),
            email.body_html.clone(),
        ))
        .map_err(|e| e.to_string())
}
