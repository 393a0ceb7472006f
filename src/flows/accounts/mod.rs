//! Work accounts: sign-up and e-mail confirmation, sign-in, password change and reset.

pub mod language;
pub mod password;
pub mod sign_in;
pub mod sign_up;
pub mod users;

pub use language::*;
pub use password::*;
pub use sign_in::*;
pub use sign_up::*;
pub use users::*;

use crate::db::audit::AuditEvent;
use crate::db::guards::Realm;
use crate::db::outbox::NewEmail;
use crate::domain::{EmailAddress, FormErrors};
use crate::messages;
use crate::state::AppState;

/// The address a form gave, as `realm` needs it: a partner's must be a valid address;
/// staff addresses may be internal (admin@localhost), so only their presence is checked.
fn realm_address(realm: Realm, email: &str, errors: &mut FormErrors) -> Option<EmailAddress> {
    match realm {
        Realm::Partner => errors.check("email", EmailAddress::parse(email)),
        Realm::Staff if email.trim().is_empty() => {
            errors.add("email", messages::EMAIL_REQUIRED);
            None
        }
        Realm::Staff => Some(EmailAddress::unchecked(email.trim())),
    }
}

/// Queues `message` and writes `event` in `tx`, commits, and wakes the outbox worker.
async fn send_and_audit(
    state: &AppState,
    mut tx: sqlx::Transaction<'_, sqlx::Postgres>,
    message: &NewEmail,
    event: AuditEvent<'_>,
) -> anyhow::Result<()> {
    crate::db::outbox::enqueue(&mut *tx, message, &state.message_domain()).await?;
    crate::db::audit::record(&mut *tx, event).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(())
}
