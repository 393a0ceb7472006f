//! One-time messages: set one and redirect.

pub use crate::auth::session::FlashKind;
use crate::error::AppError;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;

/// 303 See Other to `to`, after setting a flash message.
pub async fn redirect_with_flash(
    session: &Session,
    to: &str,
    kind: FlashKind,
    message: &str,
) -> Result<Response, AppError> {
    crate::auth::session::flash(session, kind, message).await?;
    Ok(Redirect::to(to).into_response())
}
