//! What the session remembers about a signed-in user.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use tower_sessions::Session;
use uuid::Uuid;

/// Session key of [`SignedInRecord`].
pub const AUTH_KEY: &str = "auth";
/// Session key of the CSRF token.
pub const CSRF_KEY: &str = "csrf";
/// Session key of the one-time flash message.
pub const FLASH_KEY: &str = "flash";

/// Stored in the session at sign-in.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SignedInRecord {
    /// The user.
    pub user_id: Uuid,
    /// The user's session epoch at sign-in; a newer epoch in the database ends this session.
    pub epoch: i32,
    /// Unix time of sign-in, for the absolute timeout.
    pub signed_in_at: i64,
}

/// How a one-time message looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FlashKind {
    /// Something was done.
    Success,
    /// For information: nothing went wrong.
    Info,
    /// Nothing was done, and why.
    Warning,
}

impl FlashKind {
    /// The spelling in the stored session and in the page's CSS class.
    pub fn as_str(self) -> &'static str {
        match self {
            FlashKind::Success => "success",
            FlashKind::Info => "info",
            FlashKind::Warning => "warning",
        }
    }
}

impl std::fmt::Display for FlashKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A one-time message shown on the next page.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Flash {
    /// How it looks.
    pub kind: FlashKind,
    /// The text.
    pub message: String,
}

/// Starts a signed-in session: new session id (no fixation), new CSRF token.
pub async fn sign_in(
    session: &Session,
    user_id: Uuid,
    epoch: i32,
) -> Result<(), tower_sessions::session::Error> {
    session.cycle_id().await?;
    session.remove_value(CSRF_KEY).await?;
    let record = SignedInRecord {
        user_id,
        epoch,
        signed_in_at: OffsetDateTime::now_utc().unix_timestamp(),
    };
    session.insert(AUTH_KEY, record).await
}

/// Ends the session entirely: its row is deleted, and anything stored afterwards
/// (a flash) goes into a new session with a new id, never the old one.
pub async fn sign_out(session: &Session) -> Result<(), tower_sessions::session::Error> {
    session.flush().await?;
    session.cycle_id().await
}

/// Sets the message the next page shows.
pub async fn flash(
    session: &Session,
    kind: FlashKind,
    message: &str,
) -> Result<(), tower_sessions::session::Error> {
    session
        .insert(
            FLASH_KEY,
            Flash {
                kind,
                message: message.into(),
            },
        )
        .await
}
