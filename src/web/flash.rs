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
    message: impl std::fmt::Display,
) -> Result<Response, AppError> {
    crate::auth::session::flash(session, kind, &message.to_string()).await?;
    Ok(Redirect::to(to).into_response())
}

/// Redirects to `to` saying something was done.
pub async fn success(
    session: &Session,
    to: &str,
    message: impl std::fmt::Display,
) -> Result<Response, AppError> {
    redirect_with_flash(session, to, FlashKind::Success, message).await
}

/// Redirects to `to` with a message for information.
pub async fn info(
    session: &Session,
    to: &str,
    message: impl std::fmt::Display,
) -> Result<Response, AppError> {
    redirect_with_flash(session, to, FlashKind::Info, message).await
}

/// Redirects to `to` saying nothing was done, and why.
pub async fn warning(
    session: &Session,
    to: &str,
    message: impl std::fmt::Display,
) -> Result<Response, AppError> {
    redirect_with_flash(session, to, FlashKind::Warning, message).await
}
