//! Direct bill: who may apply (standing), the applicant's wizard with its evidence, the
//! reviewers' requirement checks, and the life of a direct-bill partner (yearly
//! reassessment, the transition back to indirect reseller).

pub mod checks;
pub mod evidence;
pub mod partner;
pub mod standing;
pub mod wizard;

pub use checks::*;
pub use evidence::*;
pub use partner::*;
pub use standing::*;
pub use wizard::*;

use crate::db;
use crate::db::applications::Application;
use crate::email::messages::{DirectBillNotice, EmailContent};
use crate::messages;
use crate::state::AppState;
use sqlx::PgConnection;

/// E-mails a direct-bill notice to the application's primary contact, in the contact's
/// language: `words` gives the headline and the explanation, and is asked in that language.
async fn notify_contact(
    state: &AppState,
    conn: &mut PgConnection,
    app: &Application,
    words: impl FnOnce() -> (String, String),
) -> anyhow::Result<()> {
    let Some(contact) = &app.contact_email else {
        return Ok(());
    };
    let message = crate::i18n::sync_scope(app.contact_lang(), || {
        let (headline, body) = words();
        DirectBillNotice {
            name: app.contact_first_name.clone().unwrap_or_default(),
            organisation: app.legal_name.clone().unwrap_or_default(),
            headline,
            body,
            link: state
                .config
                .link(&format!("/applications/{}", app.application_id)),
            link_text: messages::SEE_DIRECT_BILL_APPLICATION.into(),
        }
        .to_email(contact)
    })?;
    db::outbox::enqueue(&mut *conn, &message, &state.message_domain()).await?;
    Ok(())
}
