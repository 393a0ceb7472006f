//! Cross-cutting request handling: CSRF tokens (session-bound, or a signed cookie), error pages and
//! security headers.

use crate::auth::session::{CSRF_KEY, Flash};
use crate::db::users::SessionUser;
use crate::domain::token::constant_time_eq;
use crate::error::{AppError, ErrorMessage};
use crate::i18n;
use crate::i18n::filters;
use crate::messages;
use crate::state::AppState;
use crate::web::cookies::{AnonymousCsrf, csrf_cookie_name, request_cookie, set_cookie};
use askama::Template;
use axum::body::{Body, Bytes, to_bytes};
use axum::extract::Request;
use axum::extract::State;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use std::time::Duration;
use tower_sessions::Session;

/// The form field that carries the CSRF token.
pub const CSRF_FIELD: &str = "csrf_token";

/// Largest form body the CSRF check will read (the body limit layer is the real cap).
const MAX_FORM_BYTES: usize = 1024 * 1024;

/// Largest request body on the upload route: one evidence file (10 MB) plus room for the
/// other fields, so a file just over the limit still gets its message beside the field.
pub const UPLOAD_BODY_BYTES: usize = 11 * 1024 * 1024;

/// The one route that takes file uploads (a bigger body limit applies to it).
pub const UPLOAD_PATH: &str = "/enroll/direct/revenue";

/// True for the route that accepts file uploads.
pub fn is_upload(request: &Request) -> bool {
    request.method() == Method::POST && request.uri().path() == UPLOAD_PATH
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
        return payload_too_large();
    }
    let (parts, body) = request.into_parts();
    let body = Body::new(http_body_util::Limited::new(body, limit));
    next.run(Request::from_parts(parts, body)).await
}

/// 413, saying that the connection closes: the rest of the body is not read, so the
/// connection cannot carry another request.
fn payload_too_large() -> Response {
    (
        StatusCode::PAYLOAD_TOO_LARGE,
        [(header::CONNECTION, HeaderValue::from_static("close"))],
    )
        .into_response()
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

/// CSRF protection of every page: offers each page its form token, and refuses a
/// state-changing request whose form does not carry it. A session that is stored has its
/// own token; a visitor without one uses the signed cookie. An upload is checked on its
/// first 64 KiB and then streamed on to the handler, so a file is not held in memory twice.
pub async fn require_csrf_token(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let secure = state.config.cookie_secure;
    let name = csrf_cookie_name(secure);
    let anonymous = AnonymousCsrf::sent(request_cookie(request.headers(), name));
    request.extensions_mut().insert(anonymous.clone());
    let mut response = if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) {
        next.run(request).await
    } else {
        check_form_token(request, next, &state, &anonymous).await
    };
    if let Some(token) = anonymous.take_minted() {
        set_cookie(&mut response, name, token, secure, None);
    }
    response
}

async fn check_form_token(
    request: Request,
    next: Next,
    state: &AppState,
    anonymous: &AnonymousCsrf,
) -> Response {
    let Some(session) = request.extensions().get::<Session>().cloned() else {
        return forbidden_csrf();
    };
    let upload = is_upload(&request);
    let (parts, body) = request.into_parts();
    let mut form: Option<Bytes> = None;
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
                Some(Err(_)) => return payload_too_large(),
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
            Err(_) => return payload_too_large(),
        };
        form = Some(bytes.clone());
        (form_token(&bytes), Body::from(bytes))
    };
    let expected = match session.get::<String>(CSRF_KEY).await {
        Ok(Some(token)) => Some(token),
        Ok(None) => match anonymous.valid_sent(state).await {
            Ok(sent) => sent.map(str::to_owned),
            Err(e) => return e.into_response(),
        },
        Err(e) => return AppError::from(e).into_response(),
    };
    match (sent, expected) {
        (Some(sent), Some(expected)) if constant_time_eq(sent.as_bytes(), expected.as_bytes()) => {
            next.run(Request::from_parts(parts, body)).await
        }
        _ => {
            if let Some(form) = &form
                && let Some(to_sign_in) = resume_after_sign_in(&session, &parts, form).await
            {
                return to_sign_in;
            }
            tracing::warn!(path = %loggable_path(parts.uri.path()), "refused a form without a valid CSRF token");
            forbidden_csrf()
        }
    }
}

/// A form sent after its session ended (this browser was signed in, and its session is
/// gone: it expired while the page was open). Rather than a refusal that loses the
/// answers: the answers of a form that can take them back ([`crate::web::ctx::RESUMABLE`])
/// are kept in a new session, and the browser goes to sign in, then back to the page it
/// was on (its `Referer`, same origin only: the CSRF layer outside has refused cross-site
/// requests), where they are filled in again, never submitted on the user's behalf.
async fn resume_after_sign_in(
    session: &Session,
    parts: &axum::http::request::Parts,
    form: &Bytes,
) -> Option<Response> {
    use crate::web::ctx::{self, Resume};
    if !ctx::was_signed_in(&parts.headers) {
        return None;
    }
    let staff = parts.uri.path().starts_with("/admin");
    let signed_in = if staff {
        session.get::<serde_json::Value>(
            <crate::db::staff::Staff as ctx::SignedInAccount>::SESSION_KEY,
        )
    } else {
        session.get::<serde_json::Value>(crate::auth::session::AUTH_KEY)
    };
    if !matches!(signed_in.await, Ok(None)) {
        return None;
    }
    let page = ctx::referring_page(&parts.headers)?;
    let path = page.split('?').next().unwrap_or(&page).to_owned();
    if ctx::RESUMABLE.contains(&path.as_str()) {
        let fields: Vec<(String, String)> = serde_urlencoded::from_bytes(form).ok()?;
        let fields = fields
            .into_iter()
            .filter(|(name, _)| name != "csrf_token")
            .collect();
        session
            .insert(ctx::RESUME_KEY, Resume { path, fields })
            .await
            .ok()?;
    }
    let sign_in = if staff { "/admin/signin" } else { "/signin" };
    let to = format!(
        "{sign_in}?next={}",
        crate::domain::link::encode_query_value(&page)
    );
    Some(axum::response::Redirect::to(&to).into_response())
}

/// `path` fit for a log line: every segment that looks like a secret token (32 or more
/// hexadecimal characters: links carry 64) becomes `{token}`, so live invitation, reset and
/// confirmation links never reach the logs.
pub fn loggable_path(path: &str) -> std::borrow::Cow<'_, str> {
    let secret =
        |segment: &str| segment.len() >= 32 && segment.bytes().all(|b| b.is_ascii_hexdigit());
    if !path.split('/').any(secret) {
        return path.into();
    }
    path.split('/')
        .map(|segment| if secret(segment) { "{token}" } else { segment })
        .collect::<Vec<_>>()
        .join("/")
        .into()
}

/// After a request that may have written (anything but GET and HEAD), waits until every
/// process has been told of what it committed (`db::cache::Caches::barrier`), so the next
/// request, on whichever process, reads no cached user, staff member or session from
/// before. (A request that saves its session has already waited in the session store.)
pub async fn tell_other_processes(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let writes = !matches!(*request.method(), Method::GET | Method::HEAD);
    let response = next.run(request).await;
    if writes && let Err(e) = state.tell_other_processes().await {
        tracing::warn!(error = %e, "could not tell the other processes of this request's changes");
    }
    response
}

/// Runs the rest of the request in a task of its own, so that a client that disconnects
/// (or the request timeout firing) cannot cut a flow's transaction, its outbox rows or the
/// session save short: the work finishes and only its answer goes unheard. The database's
/// statement timeout bounds how long such work can go on, and the request body fails once
/// `timeout` has passed, so a client that stops sending cannot keep the task alive.
///
/// It is also the database breaker's gate (`db::health`): while the database is known to be
/// unreachable it answers 503 at once, a request still waiting on the database when that
/// becomes known is answered 503 at once (its task goes on and ends by itself), and a 503
/// from inside makes the breaker check the database.
pub async fn run_to_completion(
    timeout: Duration,
    health: std::sync::Arc<crate::db::health::DbHealth>,
    request: Request,
    next: Next,
) -> Response {
    let unavailable = || {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            [(header::RETRY_AFTER, "5")],
        )
            .into_response()
    };
    if health.is_down() {
        return unavailable();
    }
    let deadline = tokio::time::Instant::now() + timeout;
    let (parts, body) = request.into_parts();
    let body =
        futures_util::stream::unfold(Some(body.into_data_stream()), move |stream| async move {
            let mut stream = stream?;
            match tokio::time::timeout_at(deadline, stream.next()).await {
                Ok(Some(chunk)) => Some((chunk, Some(stream))),
                Ok(None) => None,
                Err(_) => Some((Err(axum::Error::new(messages::REQUEST_BODY_DID_NOT)), None)),
            }
        });
    // Fused: the upload check reads the head of the stream and polls it again later.
    let request = Request::from_parts(parts, Body::from_stream(body.fuse()));
    // The spawned task has its own task-locals: it gets the request's language, and the
    // language it ended in (a signed-in account's) comes back for the error pages outside.
    let lang = crate::i18n::current();
    let work = crate::i18n::scope(lang, async move {
        let response = crate::domain::form::with_form_checks(next.run(request)).await;
        (response, crate::i18n::current())
    });
    let finished = tokio::select! {
        finished = tokio::spawn(work) => finished,
        () = health.opened() => return unavailable(),
    };
    match finished {
        Ok((response, lang)) => {
            crate::i18n::set_current(lang);
            if response.status() == StatusCode::SERVICE_UNAVAILABLE {
                health.suspect();
            }
            response
        }
        Err(e) => {
            tracing::error!(error = %e, "request task failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// Message on the page for a refused cross-site or token-less form.
pub const CSRF_REFUSED: messages::Msg = messages::FORM_WAS_SENT_FROM;

/// The 403 answer for a request that failed a CSRF check.
pub fn forbidden_csrf() -> Response {
    let mut response = StatusCode::FORBIDDEN.into_response();
    response.extensions_mut().insert(ErrorMessage(CSRF_REFUSED));
    response
}

/// What the layout needs on an error page (the same fields as a page context).
pub struct ErrorChrome<A = SessionUser> {
    /// The session's form token (for the sign-out and language forms), if it has one.
    pub csrf_token: String,
    /// The signed-in account, when the error happened inside a signed-in session.
    pub account: Option<A>,
    /// Not shown on error pages.
    pub flash: Option<Flash>,
    /// Where the language switch returns to.
    pub here: String,
    /// How long a session lasts without activity.
    pub idle_timeout: Duration,
}

/// The page shown for every error status.
#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    /// Layout context.
    pub ctx: ErrorChrome,
    /// What went wrong.
    pub error: ErrorText,
}

/// The page shown for every error status in the back office.
#[derive(Template)]
#[template(path = "admin/error.html")]
pub struct StaffErrorPage {
    /// Layout context.
    pub ctx: ErrorChrome<crate::db::staff::Staff>,
    /// What went wrong.
    pub error: ErrorText,
}

/// The words of an error page.
pub struct ErrorText {
    /// HTTP status code.
    pub status: u16,
    /// Page heading.
    pub title: messages::Msg,
    /// What to tell the user.
    pub message: messages::Msg,
    /// The request id, for support.
    pub request_id: String,
}

impl ErrorText {
    /// The words for `response` (an error status without a page of its own).
    fn of(response: &Response, request_id: String) -> ErrorText {
        let status = response.status();
        let (title, default_message) = describe(status);
        let message = response
            .extensions()
            .get::<ErrorMessage>()
            .map(|m| m.0)
            .unwrap_or(default_message);
        ErrorText {
            status: status.as_u16(),
            title,
            message,
            request_id,
        }
    }
}

fn describe(status: StatusCode) -> (messages::Msg, messages::Msg) {
    match status {
        StatusCode::NOT_FOUND => (messages::PAGE_NOT_FOUND, messages::IF_TYPED_WEB_ADDRESS),
        StatusCode::FORBIDDEN => (messages::CANNOT_DO, messages::ACCOUNT_DOES_NOT_ALLOW),
        StatusCode::METHOD_NOT_ALLOWED => {
            (messages::PAGE_NOT_FOUND, messages::ADDRESS_DOES_NOT_ACCEPT)
        }
        StatusCode::PAYLOAD_TOO_LARGE => {
            (messages::WHAT_SENT_TOO_LARGE, messages::GO_BACK_SEND_LESS)
        }
        StatusCode::REQUEST_TIMEOUT => (messages::TOOK_TOO_LONG, messages::REQUEST_TOOK_TOO_LONG),
        StatusCode::TOO_MANY_REQUESTS => {
            (messages::TOO_MANY_REQUESTS, messages::WAIT_FEW_MINUTES_TRY)
        }
        StatusCode::SERVICE_UNAVAILABLE => (
            messages::SERVICE_UNAVAILABLE,
            messages::PORTAL_CANNOT_SERVE_REQUEST,
        ),
        s if s.is_server_error() => (
            messages::SORRY_SOMETHING_WENT_WRONG,
            messages::PROBLEM_OUR_SIDE_LOGGED,
        ),
        _ => (
            messages::REQUEST_COULD_NOT_HANDLED,
            messages::GO_BACK_CHECK_WHAT,
        ),
    }
}

fn request_id(request: &Request) -> String {
    request
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-")
        .to_owned()
}

/// True when `response` needs an error page: an error status without a page of its own.
fn needs_error_page(response: &Response) -> bool {
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    response.status().as_u16() >= 400 && !is_html
}

/// `response` with `body` as its HTML page (status and headers kept).
fn with_page(response: Response, body: String) -> Response {
    let (mut parts, _) = response.into_parts();
    parts.headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(body))
}

/// Gives every error status without an HTML body a proper page with the request id
/// (outside the session: nobody is shown as signed in; see [`signed_in_error_pages`]).
pub async fn render_error_pages(request: Request, next: Next) -> Response {
    let request_id = request_id(&request);
    let response = next.run(request).await;
    if !needs_error_page(&response) {
        return response;
    }
    let error = ErrorText::of(&response, request_id);
    let page = ErrorPage {
        ctx: ErrorChrome {
            csrf_token: String::new(),
            account: None,
            flash: None,
            here: "/".to_owned(),
            idle_timeout: Duration::ZERO,
        },
        error,
    };
    let body = page
        .render()
        .unwrap_or_else(|_| format!("{} {}", page.error.status, page.error.title));
    with_page(response, body)
}

/// The layout of an error page for whoever of realm `A` the session has signed in.
async fn error_chrome<A: crate::web::ctx::SignedInAccount>(
    state: &AppState,
    session: &Session,
    csrf_token: String,
    here: String,
    idle_timeout: Duration,
) -> ErrorChrome<A> {
    let account = crate::web::ctx::signed_in_account::<A>(state, session)
        .await
        .ok()
        .flatten();
    ErrorChrome {
        csrf_token,
        account,
        flash: None,
        here,
        idle_timeout,
    }
}

/// Inside the session: an error page (a 404, a refused 403, ...) keeps the signed-in
/// header and navigation of the realm the address belongs to, so the user is still
/// somewhere they know, with their way back.
pub async fn signed_in_error_pages(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let session = request.extensions().get::<Session>().cloned();
    let staff_realm = request.uri().path().starts_with("/admin");
    let here = crate::web::ctx::here_of(request.uri());
    let request_id = request_id(&request);
    let response = next.run(request).await;
    if !needs_error_page(&response) {
        return response;
    }
    let Some(session) = session else {
        return response;
    };
    let error = ErrorText::of(&response, request_id);
    let csrf_token = session
        .get::<String>(CSRF_KEY)
        .await
        .ok()
        .flatten()
        .unwrap_or_default();
    let idle_timeout = state.config.session_idle_timeout;
    let rendered = if staff_realm {
        let ctx = error_chrome::<crate::db::staff::Staff>(
            &state,
            &session,
            csrf_token,
            here,
            idle_timeout,
        )
        .await;
        StaffErrorPage { ctx, error }.render()
    } else {
        let ctx =
            error_chrome::<SessionUser>(&state, &session, csrf_token, here, idle_timeout).await;
        ErrorPage { ctx, error }.render()
    };
    match rendered {
        Ok(body) => with_page(response, body),
        // The outer layer still gives it a page.
        Err(_) => response,
    }
}

/// The language a request asks for: the visitor's chosen language (cookie), else the
/// browser's (`Accept-Language`), else English.
pub fn requested_language(headers: &axum::http::HeaderMap) -> i18n::Lang {
    let chosen = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == i18n::COOKIE)
        .and_then(|(_, value)| i18n::Lang::parse(value));
    chosen
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(i18n::Lang::negotiate)
        })
        .unwrap_or_default()
}

/// Middleware: handles the request in the language it asks for, and says which one the
/// answer is in (`Content-Language`) and that it depends on the asking (`Vary`).
pub async fn language(
    axum::extract::State(state): axum::extract::State<crate::state::AppState>,
    request: Request,
    next: Next,
) -> Response {
    // A link may ask for a language (`?lang=de`: the one-line pointers at the top of pages
    // opened from e-mails, for readers of another language): it wins for this page and is
    // kept like a choice made with the switch.
    let asked = (request.method() == axum::http::Method::GET)
        .then(|| request.uri().query())
        .flatten()
        .and_then(|q| {
            url::form_urlencoded::parse(q.as_bytes())
                .find(|(k, _)| k == "lang")
                .and_then(|(_, v)| i18n::Lang::parse(&v))
        });
    if let Some(lang) = asked {
        return i18n::scope_pinned(lang, async move {
            let mut response = answer_in_language(next.run(request).await);
            response.headers_mut().append(
                header::SET_COOKIE,
                crate::web::language::cookie(lang, state.config.cookie_secure),
            );
            response
        })
        .await;
    }
    let lang = requested_language(request.headers());
    i18n::scope(
        lang,
        async move { answer_in_language(next.run(request).await) },
    )
    .await
}

/// Marks a page with the language it is in (`Content-Language`) and that it depends on the
/// asking (`Vary`).
fn answer_in_language(mut response: Response) -> Response {
    let answered = i18n::current();
    let headers = response.headers_mut();
    let is_page = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_page {
        headers.insert(
            header::CONTENT_LANGUAGE,
            header::HeaderValue::from_static(answered.code()),
        );
        headers.append(
            header::VARY,
            header::HeaderValue::from_static("accept-language, cookie"),
        );
    }
    response
}

#[cfg(test)]
mod tests {
    use super::loggable_path;

    #[test]
    fn secret_tokens_are_left_out_of_logged_paths() {
        let token = "a".repeat(64);
        assert_eq!(
            loggable_path(&format!("/password/reset/{token}")),
            "/password/reset/{token}"
        );
        assert_eq!(
            loggable_path(&format!("/invitations/{}", "0123456789abcdef".repeat(4))),
            "/invitations/{token}"
        );
        assert_eq!(
            loggable_path("/applications/4b0c1f2e-8d3a-4c55-9a57-0e6d2b1f9c3d"),
            "/applications/4b0c1f2e-8d3a-4c55-9a57-0e6d2b1f9c3d"
        );
        assert_eq!(loggable_path("/enroll/check"), "/enroll/check");
    }
}
