//! The e-mail outbox: messages queued in the same transaction as the change that causes them.

use sqlx::PgExecutor;
use std::time::Duration;
use time::OffsetDateTime;
use uuid::Uuid;

/// A rendered message waiting to be queued.
#[derive(Clone, Debug)]
pub struct NewEmail {
    /// Recipient address.
    pub recipient: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body_text: String,
    /// HTML body.
    pub body_html: String,
}

/// A queued message as the worker and the dev mailbox see it.
#[derive(Clone, Debug)]
pub struct QueuedEmail {
    /// Row id.
    pub email_id: Uuid,
    /// Stable Message-ID header value (without angle brackets).
    pub message_id: String,
    /// Recipient address.
    pub recipient: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body_text: String,
    /// HTML body.
    pub body_html: String,
    /// pending, sent or failed.
    pub status: String,
    /// Delivery attempts so far.
    pub attempts: i32,
    /// Last delivery error, if any.
    pub last_error: Option<String>,
    /// When it was queued.
    pub created_at: OffsetDateTime,
    /// When it was delivered.
    pub sent_at: Option<OffsetDateTime>,
}

/// Queues a message; `message_domain` is the right-hand side of its Message-ID.
pub async fn enqueue(
    db: impl PgExecutor<'_>,
    email: &NewEmail,
    message_domain: &str,
) -> sqlx::Result<Uuid> {
    let email_id = Uuid::new_v4();
    let message_id = format!("{email_id}@{message_domain}");
    sqlx::query!(
        "insert into email_outbox (email_id, message_id, recipient, subject, body_text, body_html)
         values ($1, $2, $3::text::citext, $4, $5, $6)",
        email_id,
        message_id,
        email.recipient,
        email.subject,
        email.body_text,
        email.body_html
    )
    .execute(db)
    .await?;
    Ok(email_id)
}

/// Queues a message to be sent no earlier than `send_at` (a reminder).
pub async fn enqueue_at(
    db: impl PgExecutor<'_>,
    email: &NewEmail,
    message_domain: &str,
    send_at: OffsetDateTime,
) -> sqlx::Result<Uuid> {
    let email_id = Uuid::new_v4();
    let message_id = format!("{email_id}@{message_domain}");
    sqlx::query!(
        "insert into email_outbox (email_id, message_id, recipient, subject, body_text, body_html, next_attempt_at, scheduled_for)
         values ($1, $2, $3::text::citext, $4, $5, $6, $7, $7)",
        email_id,
        message_id,
        email.recipient,
        email.subject,
        email.body_text,
        email.body_html,
        send_at
    )
    .execute(db)
    .await?;
    Ok(email_id)
}

/// Claims up to `limit` due messages for this worker. Rows claimed by another worker
/// are skipped, unless that claim is older than `stale_after` (the worker died).
pub async fn claim_due(
    db: impl PgExecutor<'_>,
    limit: i64,
    stale_after: Duration,
) -> sqlx::Result<Vec<QueuedEmail>> {
    sqlx::query_as!(
        QueuedEmail,
        r#"update email_outbox set claimed_at = now(), attempts = attempts + 1
           where email_id in (
             select email_id from email_outbox
             where status = 'pending' and next_attempt_at <= now()
               and (claimed_at is null or claimed_at < now() - make_interval(secs => $2))
             order by next_attempt_at
             limit $1
             for update skip locked)
           returning email_id, message_id, recipient::text as "recipient!", subject, body_text, body_html,
                     status, attempts, last_error, created_at, sent_at"#,
        limit,
        stale_after.as_secs_f64()
    )
    .fetch_all(db)
    .await
}

/// Records a delivery.
pub async fn mark_sent(db: impl PgExecutor<'_>, email_id: Uuid, via: &str) -> sqlx::Result<()> {
    sqlx::query!(
        "update email_outbox set status = 'sent', sent_at = now(), claimed_at = null, delivered_via = $2
         where email_id = $1",
        email_id,
        via
    )
    .execute(db)
    .await?;
    Ok(())
}

/// Records a failed attempt: try again after `retry_in`, or give up for good when
/// the message was queued (or, for a scheduled one, due) more than `give_up_after` ago.
/// Returns true when given up.
pub async fn mark_failed_attempt(
    db: impl PgExecutor<'_>,
    email_id: Uuid,
    error: &str,
    retry_in: Duration,
    give_up_after: Duration,
) -> sqlx::Result<bool> {
    let status = sqlx::query_scalar!(
        r#"update email_outbox
         set claimed_at = null, last_error = $2,
             status = case when greatest(created_at, scheduled_for) < now() - make_interval(secs => $4)
                           then 'failed' else 'pending' end,
             next_attempt_at = now() + make_interval(secs => $3)
         where email_id = $1
         returning status = 'failed' as "gave_up!""#,
        email_id,
        error,
        retry_in.as_secs_f64(),
        give_up_after.as_secs_f64()
    )
    .fetch_one(db)
    .await?;
    Ok(status)
}

/// The newest messages first (the dev mailbox).
pub async fn recent(db: impl PgExecutor<'_>, limit: i64) -> sqlx::Result<Vec<QueuedEmail>> {
    sqlx::query_as!(
        QueuedEmail,
        r#"select email_id, message_id, recipient::text as "recipient!", subject, body_text, body_html,
                  status, attempts, last_error, created_at, sent_at
           from email_outbox order by created_at desc, email_id limit $1"#,
        limit
    )
    .fetch_all(db)
    .await
}

/// One message by id.
pub async fn find(db: impl PgExecutor<'_>, email_id: Uuid) -> sqlx::Result<Option<QueuedEmail>> {
    sqlx::query_as!(
        QueuedEmail,
        r#"select email_id, message_id, recipient::text as "recipient!", subject, body_text, body_html,
                  status, attempts, last_error, created_at, sent_at
           from email_outbox where email_id = $1"#,
        email_id
    )
    .fetch_optional(db)
    .await
}

/// An undelivered message as the operator's delivery page shows it (no bodies).
#[derive(Clone, Debug)]
pub struct Undelivered {
    /// Row id.
    pub email_id: Uuid,
    /// Recipient address.
    pub recipient: String,
    /// Subject line.
    pub subject: String,
    /// Delivery attempts so far.
    pub attempts: i32,
    /// When the next attempt is due (pending messages).
    pub next_attempt_at: OffsetDateTime,
    /// Last delivery error, if any.
    pub last_error: Option<String>,
    /// When it was queued.
    pub created_at: OffsetDateTime,
}

/// Which undelivered messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Undelivery {
    /// Waiting for their first attempt.
    Queued,
    /// Tried and failed, to be tried again.
    Retrying,
    /// Given up after the retry window.
    GivenUp,
}

/// The newest `limit` messages of `which`, and how many there are in all.
pub async fn undelivered(
    db: impl PgExecutor<'_>,
    which: Undelivery,
    limit: i64,
) -> sqlx::Result<(i64, Vec<Undelivered>)> {
    let (status, min_attempts, max_attempts) = match which {
        Undelivery::Queued => ("pending", 0, 0),
        Undelivery::Retrying => ("pending", 1, i32::MAX),
        Undelivery::GivenUp => ("failed", 0, i32::MAX),
    };
    let rows = sqlx::query!(
        r#"select email_id, recipient::text as "recipient!", subject, attempts, next_attempt_at,
                  last_error, created_at, count(*) over () as "total!"
           from email_outbox
           where status = $1 and attempts between $2 and $3
           order by created_at desc, email_id limit $4"#,
        status,
        min_attempts,
        max_attempts,
        limit
    )
    .fetch_all(db)
    .await?;
    let total = rows.first().map_or(0, |r| r.total);
    let list = rows
        .into_iter()
        .map(|r| Undelivered {
            email_id: r.email_id,
            recipient: r.recipient,
            subject: r.subject,
            attempts: r.attempts,
            next_attempt_at: r.next_attempt_at,
            last_error: r.last_error,
            created_at: r.created_at,
        })
        .collect();
    Ok((total, list))
}

/// Queues a given-up message again: due now, with a new retry window; returns its
/// recipient and subject, or none when it is not given up (delivered, or queued already).
pub async fn requeue(
    db: impl PgExecutor<'_>,
    email_id: Uuid,
) -> sqlx::Result<Option<(String, String)>> {
    let row = sqlx::query!(
        r#"update email_outbox
           set status = 'pending', next_attempt_at = now(), scheduled_for = now(), claimed_at = null
           where email_id = $1 and status = 'failed'
           returning recipient::text as "recipient!", subject"#,
        email_id
    )
    .fetch_optional(db)
    .await?;
    Ok(row.map(|r| (r.recipient, r.subject)))
}

/// How many messages wait for delivery, and how many seconds the oldest has waited.
pub async fn depth(db: impl PgExecutor<'_>) -> sqlx::Result<(i64, f64)> {
    let row = sqlx::query!(
        r#"select count(*) as "depth!",
                  coalesce(extract(epoch from now() - min(created_at))::float8, 0) as "oldest!"
           from email_outbox where status = 'pending'"#
    )
    .fetch_one(db)
    .await?;
    Ok((row.depth, row.oldest))
}
