//! Cross-cutting request handling: the session-bound CSRF token, error pages and
//! security headers.

use crate::auth::session::{CSRF_KEY, Flash};
use crate::db::users::SessionUser;
use crate::domain::token::constant_time_eq;
use crate::error::ErrorMessage;
use askama::Template;
use axum::body::{Body, Bytes, to_bytes};
use axum::extract::Request;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use tower_sessions::Session;

/// The form field that carries the CSRF token.
pub const CSRF_FIELD: &str = "csrf_token";

/// Largest form body the CSRF check will read (the body limit layer is the real cap).
const MAX_FORM_BYTES: usize = 1024 * 1024;

/// Largest request body on the upload route: one evidence file (10 MB) plus room for the
/// other fields, so a file just over the limit still gets its message beside the field.
pub const UPLOAD_BODY_BYTES: usize = 11 * 1024 * 1024;

/// True for the route that accepts file uploads.
pub fn is_upload(request: &Request) -> bool {
    request.method() == Method::POST && request.uri().path() == crate::web::direct::UPLOAD_PATH
}

/// Caps every request body: `max_bytes` in general, [`UPLOAD_BODY_BYTES`] on the upload
/// route. A declared length over the cap is refused before anything is read.
pub async fn limit_body(max_bytes: usize, request: Request, next: Next) -> Response {
    let limit = if is_upload(&request) {
        UPLOAD_BODY_BYTES
    } else {
        max_bytes
    };
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > limit) {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    }
    let (parts, body) = request.into_parts();
    let body = Body::new(http_body_util::Limited::new(body, limit));
    next.run(Request::from_parts(parts, body)).await
}

/// How much of a multipart form is read to find its CSRF token (our forms put it first, and
/// browsers send fields in document order).
const MULTIPART_HEAD_BYTES: usize = 64 * 1024;

/// The CSRF field of a multipart form, if it comes within `head`.
async fn multipart_token(parts: &axum::http::request::Parts, head: Bytes) -> Option<String> {
    use axum::extract::FromRequest;
    let mut parts = parts.clone();
    parts.headers.remove(header::CONTENT_LENGTH);
    let request = Request::from_parts(parts, Body::from(head));
    let mut multipart = axum::extract::Multipart::from_request(request, &())
        .await
        .ok()?;
    while let Ok(Some(field)) = multipart.next_field().await {
        if field.name() == Some(CSRF_FIELD) {
            return field.text().await.ok();
        }
    }
    None
}

/// The CSRF field of an urlencoded form.
fn form_token(bytes: &[u8]) -> Option<String> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(bytes)
        .ok()
        .and_then(|pairs| {
            pairs
                .into_iter()
                .find(|(k, _)| k == CSRF_FIELD)
                .map(|(_, v)| v)
        })
}

/// Refuses a state-changing request whose form does not carry this session's CSRF token.
/// An upload is checked on its first 64 KiB and then streamed on to the handler, so a file
/// is not held in memory twice.
pub async fn require_csrf_token(request: Request, next: Next) -> Response {
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) {
        return next.run(request).await;
    }
    let Some(session) = request.extensions().get::<Session>().cloned() else {
        return forbidden_csrf();
    };
    let upload = is_upload(&request);
    let (parts, body) = request.into_parts();
    let (sent, body) = if upload {
        let mut stream = body.into_data_stream();
        let mut chunks: Vec<Bytes> = Vec::new();
        let mut read = 0;
        while read < MULTIPART_HEAD_BYTES {
            match stream.next().await {
                Some(Ok(chunk)) => {
                    read += chunk.len();
                    chunks.push(chunk);
                }
                Some(Err(_)) => return StatusCode::PAYLOAD_TOO_LARGE.into_response(),
                None => break,
            }
        }
        let head: Bytes = chunks.concat().into();
        let sent = multipart_token(&parts, head.clone()).await;
        let rest =
            futures_util::stream::once(async move { Ok::<_, axum::Error>(head) }).chain(stream);
        (sent, Body::from_stream(rest))
    } else {
        let bytes = match to_bytes(body, MAX_FORM_BYTES).await {
            Ok(b) => b,
            Err(_) => return StatusCode::PAYLOAD_TOO_LARGE.into_response(),
        };
        (form_token(&bytes), Body::from(bytes))
    };
    let expected = session.get::<String>(CSRF_KEY).await.ok().flatten();
    match (sent, expected) {
        (Some(sent), Some(expected)) if constant_time_eq(sent.as_bytes(), expected.as_bytes()) => {
            next.run(Request::from_parts(parts, body)).await
        }
        _ => {
            tracing::warn!(path = %parts.uri.path(), "refused a form without a valid CSRF token");
            forbidden_csrf()
        }
    }
}

/// Message on the page for a refused cross-site or token-less form.
pub const CSRF_REFUSED: &str =
    "This form was sent from another site or has expired. Go back, reload the page and try again.";

/// The 403 answer for a request that failed a CSRF check.
pub fn forbidden_csrf() -> Response {
    let mut response = StatusCode::FORBIDDEN.into_response();
    response.extensions_mut().insert(ErrorMessage(CSRF_REFUSED));
    response
}

/// What the layout needs on an error page (the same fields as a page context).
pub struct ErrorChrome {
    /// No forms are shown on an error page.
    pub csrf_token: String,
    /// Not loaded for error pages.
    pub user: Option<SessionUser>,
    /// Not shown on error pages.
    pub flash: Option<Flash>,
}

/// The page shown for every error status.
#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    /// Layout context.
    pub ctx: ErrorChrome,
    /// HTTP status code.
    pub status: u16,
    /// Page heading.
    pub title: &'static str,
    /// What to tell the user.
    pub message: &'static str,
    /// The request id, for support.
    pub request_id: String,
}

fn describe(status: StatusCode) -> (&'static str, &'static str) {
    match status {
        StatusCode::NOT_FOUND => (
            "Page not found",
            "If you typed the web address, check it is correct. If you pasted it, check you copied the whole address.",
        ),
        StatusCode::FORBIDDEN => (
            "You cannot do that",
            "Your account does not allow this. If you think it should, ask your organisation's global admin.",
        ),
        StatusCode::METHOD_NOT_ALLOWED => (
            "Page not found",
            "This address does not accept that kind of request.",
        ),
        StatusCode::PAYLOAD_TOO_LARGE => (
            "What you sent is too large",
            "Go back and send less, or smaller files.",
        ),
        StatusCode::REQUEST_TIMEOUT => (
            "That took too long",
            "The request took too long to finish. Try again in a moment.",
        ),
        StatusCode::TOO_MANY_REQUESTS => ("Too many requests", "Wait a few minutes and try again."),
        StatusCode::SERVICE_UNAVAILABLE => (
            "Service unavailable",
            "The portal cannot serve this request at the moment. Try again in a few minutes.",
        ),
        s if s.is_server_error() => (
            "Sorry, something went wrong",
            "The problem is on our side and has been logged. Try again later; if it keeps happening, contact support with the reference below.",
        ),
        _ => (
            "That request could not be handled",
            "Go back and check what you sent, then try again.",
        ),
    }
}

/// Gives every error status without an HTML body a proper page with the request id.
pub async fn render_error_pages(request: Request, next: Next) -> Response {
    let request_id = request
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-")
        .to_owned();
    let response = next.run(request).await;
    let status = response.status();
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if status.as_u16() < 400 || is_html {
        return response;
    }
    let (title, default_message) = describe(status);
    let message = response
        .extensions()
        .get::<ErrorMessage>()
        .map(|m| m.0)
        .unwrap_or(default_message);
    let page = ErrorPage {
        ctx: ErrorChrome {
            csrf_token: String::new(),
            user: None,
            flash: None,
        },
        status: status.as_u16(),
        title,
        message,
        request_id,
    };
    let body = page
        .render()
        .unwrap_or_else(|_| format!("{} {title}", status.as_u16()));
    let (mut parts, _) = response.into_parts();
    parts.headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(body))
}
