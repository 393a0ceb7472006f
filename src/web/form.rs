//! The form layer: `Form` and `Query` extractors that apply the one rule every text answer
//! obeys (no control characters but tab and line breaks) before a handler sees the values.
//!
//! In a form, a refused character is removed and its field noted, so the handler's
//! `FormErrors` carries a message beside that field and the page comes back with the other
//! answers kept; nothing with a NUL ever reaches PostgreSQL. In a query string (filters,
//! searches) a refused character becomes U+FFFD, which matches nothing.

use crate::domain::form::{is_refused_in_text, note_refused_text};
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;

/// What a form page shows: the answers (blank on the first visit, the user's own after a
/// refusal) and what was wrong with them.
#[derive(Default)]
pub struct FormState<I> {
    pub input: I,
    pub errors: crate::domain::FormErrors,
}

impl<I: Default> FormState<I> {
    /// The form as first shown.
    pub fn blank() -> Self {
        Self::default()
    }
}

impl<I> FormState<I> {
    /// The form shown again with the user's answers and the errors beside them.
    pub fn refused(input: I, errors: crate::domain::FormErrors) -> Self {
        FormState { input, errors }
    }
}

/// An `application/x-www-form-urlencoded` body, read under the text rule.
pub struct Form<T>(pub T);

/// A query string, read under the text rule.
pub struct Query<T>(pub T);

fn without_refused(text: &str) -> String {
    text.chars().filter(|&c| !is_refused_in_text(c)).collect()
}

/// A form's fields in order, read under the text rule; for forms with repeated fields (a
/// group of checkboxes), which `serde_urlencoded` cannot collect into a struct.
pub struct FormFields(Vec<(String, String)>);

impl FormFields {
    /// The first value of `name`, or empty.
    pub fn one(&self, name: &str) -> String {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    /// Every value of `name`, in order.
    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    }
}

/// The body's fields with refused characters removed (and their fields noted).
async fn read_fields<S: Send + Sync>(
    request: Request,
    state: &S,
) -> Result<Vec<(String, String)>, Response> {
    let urlencoded = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !urlencoded {
        return Err(StatusCode::UNSUPPORTED_MEDIA_TYPE.into_response());
    }
    let bytes = Bytes::from_request(request, state)
        .await
        .map_err(IntoResponse::into_response)?;
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(&bytes)
        .map_err(|_| StatusCode::UNPROCESSABLE_ENTITY.into_response())?;
    Ok(pairs
        .into_iter()
        .map(|(name, value)| {
            let name = without_refused(&name);
            if value.chars().any(is_refused_in_text) {
                note_refused_text(&name);
                let kept = without_refused(&value);
                (name, kept)
            } else {
                (name, value)
            }
        })
        .collect())
}

impl<S: Send + Sync> FromRequest<S> for FormFields {
    type Rejection = Response;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        read_fields(request, state).await.map(FormFields)
    }
}

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Form<T> {
    type Rejection = Response;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let pairs = read_fields(request, state).await?;
        let cleaned = serde_urlencoded::to_string(&pairs)
            .map_err(|_| StatusCode::UNPROCESSABLE_ENTITY.into_response())?;
        serde_urlencoded::from_str(&cleaned)
            .map(Form)
            .map_err(|_| StatusCode::UNPROCESSABLE_ENTITY.into_response())
    }
}

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Query<T> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let query = parts.uri.query().unwrap_or_default();
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query)
            .map_err(|_| StatusCode::BAD_REQUEST.into_response())?;
        let replaced = |text: String| -> String {
            if text.chars().any(is_refused_in_text) {
                text.chars()
                    .map(|c| if is_refused_in_text(c) { '\u{FFFD}' } else { c })
                    .collect()
            } else {
                text
            }
        };
        let pairs: Vec<(String, String)> = pairs
            .into_iter()
            .map(|(k, v)| (replaced(k), replaced(v)))
            .collect();
        let cleaned = serde_urlencoded::to_string(&pairs)
            .map_err(|_| StatusCode::BAD_REQUEST.into_response())?;
        serde_urlencoded::from_str(&cleaned)
            .map(Query)
            .map_err(|_| StatusCode::BAD_REQUEST.into_response())
    }
}

/// Path parameters. One that does not parse (a malformed id) is a 404, like an id that names
/// no row: the page does not exist.
#[derive(Debug)]
pub struct Path<T>(pub T);

impl<T, S> FromRequestParts<S> for Path<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = crate::error::AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|p| Path(p.0))
            .map_err(|_| crate::error::AppError::NotFound)
    }
}
