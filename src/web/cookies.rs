//! Cookies the portal sets beside the session: reading one from a request, setting one on
//! a response, and the signed form-token cookie of visitors without a stored session.

use crate::domain::token::{new_signed_token, signed_token_is_valid};
use crate::error::AppError;
use crate::state::AppState;
use axum::http::{HeaderValue, header};
use axum::response::Response;
use std::sync::{Arc, Mutex};

/// The form token of a page whose visitor has no stored session: the signed cookie's
/// token when the browser sent a valid one, or a new one that is then set as that cookie.
/// Anonymous pages thus carry a CSRF token without writing a session row (signed
/// double-submit cookie). The key is read only when a page needs a token.
#[derive(Clone)]
pub struct AnonymousCsrf {
    sent: Option<String>,
    minted: Arc<Mutex<Option<String>>>,
}

impl AnonymousCsrf {
    /// The request's cookie value, if it sent one.
    pub fn sent(cookie: Option<&str>) -> Self {
        Self {
            sent: cookie.map(str::to_owned),
            minted: Arc::default(),
        }
    }

    /// The token made for this page, if one was (to be set as the cookie).
    pub fn take_minted(&self) -> Option<String> {
        self.minted.lock().unwrap_or_else(|e| e.into_inner()).take()
    }

    /// The token for this page's forms.
    pub async fn token(&self, state: &AppState) -> Result<String, AppError> {
        let key = state.csrf_key().await?;
        if let Some(sent) = self
            .sent
            .as_deref()
            .filter(|t| signed_token_is_valid(key, t))
        {
            return Ok(sent.to_owned());
        }
        let mut minted = self.minted.lock().unwrap_or_else(|e| e.into_inner());
        Ok(minted.get_or_insert_with(|| new_signed_token(key)).clone())
    }

    /// The token the browser sent in the cookie, if the portal made it.
    pub(crate) async fn valid_sent(&self, state: &AppState) -> Result<Option<&str>, AppError> {
        let Some(sent) = self.sent.as_deref() else {
            return Ok(None);
        };
        let key = state.csrf_key().await?;
        Ok(signed_token_is_valid(key, sent).then_some(sent))
    }
}

/// The cookie's name: with `__Host-` when cookies are secure, so no subdomain can set it.
pub fn csrf_cookie_name(secure: bool) -> &'static str {
    if secure { "__Host-pp_csrf" } else { "pp_csrf" }
}

/// The value of cookie `name` in the request, if any.
pub fn request_cookie<'a>(headers: &'a axum::http::HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// Adds an HttpOnly, SameSite=Lax cookie for the whole site to `response` (Secure when
/// cookies are secure); without `max_age` it lasts as long as the browser session.
pub fn set_cookie(
    response: &mut Response,
    name: &'static str,
    value: String,
    secure: bool,
    max_age: Option<time::Duration>,
) {
    let mut cookie = tower_sessions::cookie::Cookie::build((name, value))
        .path("/")
        .http_only(true)
        .secure(secure)
        .same_site(tower_sessions::cookie::SameSite::Lax)
        .build();
    if let Some(age) = max_age {
        cookie.set_max_age(age);
    }
    if let Ok(value) = HeaderValue::from_str(&cookie.to_string()) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
}
