//! E-mail delivery for operator admins: what the outbox has not delivered (queued, retrying,
//! given up), and a given-up message queued again (audited).

use crate::db::outbox::{self, Undelivered, Undelivery};
use crate::db::{self, staff::Staff};
use crate::state::AppState;
use uuid::Uuid;

/// The most messages of each kind a page lists.
pub const LISTED: i64 = 200;

/// One kind of undelivered message: how many, and the newest.
pub struct Listing {
    /// How many in all.
    pub total: i64,
    /// The newest [`LISTED`].
    pub messages: Vec<Undelivered>,
}

/// What the outbox has not delivered.
pub struct Delivery {
    /// Waiting for their first attempt.
    pub queued: Listing,
    /// Tried, to be tried again.
    pub retrying: Listing,
    /// Given up.
    pub given_up: Listing,
}

/// The outbox's undelivered messages.
pub async fn overview(state: &AppState) -> sqlx::Result<Delivery> {
    let listing = |which| async move {
        let (total, messages) = outbox::undelivered(&state.db, which, LISTED).await?;
        Ok::<_, sqlx::Error>(Listing { total, messages })
    };
    Ok(Delivery {
        queued: listing(Undelivery::Queued).await?,
        retrying: listing(Undelivery::Retrying).await?,
        given_up: listing(Undelivery::GivenUp).await?,
    })
}

/// Queues the given-up message `email_id` again, audited, and wakes the worker; false when
/// it is not given up (delivered or queued meanwhile: nothing changes).
pub async fn requeue(
    state: &AppState,
    staff: &Staff,
    email_id: Uuid,
    ip: &str,
) -> anyhow::Result<bool> {
    let mut tx = state.db.begin().await?;
    let Some((recipient, subject)) = outbox::requeue(&mut *tx, email_id).await? else {
        return Ok(false);
    };
    let mut event =
        db::audit::AuditEvent::by_staff(staff, "email.requeued", "email", email_id.to_string(), ip);
    event.after = Some(serde_json::json!({ "recipient": recipient, "subject": subject }));
    db::audit::record(&mut *tx, event).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(true)
}
