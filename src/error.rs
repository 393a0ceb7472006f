//! The one error type of request handlers. Its response carries no internals: a
//! middleware turns every error status into a page with the request id.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// Why a request failed.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The thing asked for does not exist, or belongs to someone else.
    #[error("not found")]
    NotFound,
    /// The caller may not do this.
    #[error("forbidden")]
    Forbidden,
    /// The database cannot serve us just now (down, overloaded, a lock or statement
    /// timeout): the user is told to try again in a moment (503).
    #[error("service unavailable: {0:#}")]
    Unavailable(anyhow::Error),
    /// Something broke; the cause goes to the log only.
    #[error(transparent)]
    Internal(anyhow::Error),
}

impl From<anyhow::Error> for AppError {
    /// A database error anywhere in the cause chain that means "not now" becomes 503.
    fn from(e: anyhow::Error) -> Self {
        let transient = e
            .chain()
            .filter_map(|c| c.downcast_ref::<sqlx::Error>())
            .any(crate::db::is_unavailable);
        if transient {
            AppError::Unavailable(e)
        } else {
            AppError::Internal(e)
        }
    }
}

impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        anyhow::Error::from(e).into()
    }
}

impl From<askama::Error> for AppError {
    fn from(e: askama::Error) -> Self {
        AppError::Internal(e.into())
    }
}

impl From<tower_sessions::session::Error> for AppError {
    fn from(e: tower_sessions::session::Error) -> Self {
        use tower_sessions::session::Error as E;
        use tower_sessions::session_store::Error as S;
        match &e {
            E::Store(S::Backend(message))
                if message.starts_with(crate::db::sessions::UNAVAILABLE) =>
            {
                AppError::Unavailable(e.into())
            }
            _ => AppError::Internal(e.into()),
        }
    }
}

/// A message for the error page, attached to an error response.
#[derive(Clone, Copy, Debug)]
pub struct ErrorMessage(pub crate::i18n::Msg);

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = match &self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::Unavailable(cause) => {
                tracing::warn!(error = %format!("{cause:#}"), "request failed: database unavailable");
                StatusCode::SERVICE_UNAVAILABLE
            }
            AppError::Internal(cause) => {
                tracing::error!(error = ?cause, "request failed");
                StatusCode::INTERNAL_SERVER_ERROR
            }
        };
        status.into_response()
    }
}
