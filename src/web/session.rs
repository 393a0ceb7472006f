//! Signing in and out.

use crate::auth::session;
use crate::db::guards::Realm;
use crate::domain::FormErrors;
use crate::error::AppError;
use crate::flows::accounts::{self, SignInAttempt};
use crate::i18n::filters;
use crate::messages;
use crate::state::AppState;
use crate::web::ctx::{
    ClientIp, Ctx, DeviceCookie, safe_next, with_device_cookie, with_signed_in_marker,
};
use crate::web::form::{Form, Query};
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;

/// Routes of this area.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/signin", get(show).post(submit))
        .route("/signout", post(sign_out))
        .route("/session/keep-alive", post(stay_signed_in))
}

/// Where to go after signing in.
#[derive(Debug, Default, Deserialize)]
pub struct NextQuery {
    /// The local path to return to.
    pub next: Option<String>,
}

/// What the sign-in form sends.
#[derive(Debug, Default, Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

/// The sign-in form.
#[derive(Template, WebTemplate)]
#[template(path = "session/signin.html")]
pub struct SignInPage {
    ctx: Ctx,
    email: String,
    next: String,
    errors: FormErrors,
    /// Why the page appeared, when it was not opened on purpose.
    why: Option<String>,
}

/// Why a sign-in page appeared: the session expired (this browser was signed in and did
/// not sign out; `kept` when a form's answers wait), or the page asked for needs a
/// signed-in user (`next` given).
pub async fn why_sign_in(
    state: &AppState,
    session: &tower_sessions::Session,
    headers: &axum::http::HeaderMap,
    next_given: bool,
) -> Option<String> {
    if crate::web::ctx::was_signed_in(headers) {
        let kept = matches!(
            session
                .get::<crate::web::ctx::Resume>(crate::web::ctx::RESUME_KEY)
                .await,
            Ok(Some(_))
        );
        return Some(messages::signed_out_idle(
            state.config.session_idle_timeout,
            kept,
        ));
    }
    next_given.then(|| messages::SIGN_IN_TO_OPEN.to_string())
}

async fn show(
    State(state): State<AppState>,
    headers: axum::http::HeaderMap,
    ctx: Ctx,
    Query(q): Query<NextQuery>,
) -> Response {
    let next = safe_next(q.next.as_deref(), &state.config.public_base_url);
    if ctx.account.is_some() {
        return Redirect::to(&next).into_response();
    }
    // A flash (signed out, the session ended) already says why.
    let why = match ctx.flash {
        Some(_) => None,
        None => why_sign_in(&state, &ctx.session, &headers, q.next.is_some()).await,
    };
    SignInPage {
        ctx,
        email: String::new(),
        next,
        errors: FormErrors::default(),
        why,
    }
    .into_response()
}

/// The flash after signing in: a welcome back to a form whose answers were kept (going
/// `next`, to that form's page), or the plain one. Answers kept for another page than the
/// one signed in for are dropped, so they never fill a form later by surprise.
pub async fn signed_in_flash(
    state: &AppState,
    session: &tower_sessions::Session,
    next: &str,
) -> Result<String, AppError> {
    let path = next.split('?').next().unwrap_or(next);
    let kept = session
        .get::<crate::web::ctx::Resume>(crate::web::ctx::RESUME_KEY)
        .await?;
    Ok(match kept {
        Some(resume) if resume.path == path => {
            messages::resumed_after_idle(state.config.session_idle_timeout)
        }
        Some(_) => {
            session.remove_value(crate::web::ctx::RESUME_KEY).await?;
            messages::FLASH_SIGNED_IN.to_string()
        }
        None => messages::FLASH_SIGNED_IN.to_string(),
    })
}

async fn submit(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    DeviceCookie(device): DeviceCookie,
    ctx: Ctx,
    Form(form): Form<SignInForm>,
) -> Result<Response, AppError> {
    let next = safe_next(Some(&form.next), &state.config.public_base_url);
    let (email, password, device) = (&form.email, &form.password, device.as_deref());
    let attempt = accounts::attempt_sign_in(&state, Realm::Partner, email, password, &ip, device);
    let (status, errors) = match attempt.await? {
        SignInAttempt::SignedIn {
            user_id,
            epoch,
            new_device,
        } => {
            session::sign_in(&ctx.session, user_id, epoch).await?;
            let flash = signed_in_flash(&state, &ctx.session, &next).await?;
            let response = ctx.success(&next, flash).await?;
            let secure = state.config.cookie_secure;
            let response = with_signed_in_marker(response, true, secure);
            return Ok(with_device_cookie(response, new_device, secure));
        }
        SignInAttempt::RateLimited(errors) => (StatusCode::TOO_MANY_REQUESTS, errors),
        SignInAttempt::Invalid(errors) => (StatusCode::UNPROCESSABLE_ENTITY, errors),
    };
    let page = SignInPage {
        ctx,
        email: form.email,
        next,
        errors,
        why: None,
    };
    Ok((status, page).into_response())
}

async fn sign_out(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    ctx: Ctx,
) -> Result<Response, AppError> {
    if let Some(user) = &ctx.account {
        accounts::signed_out(&state, user, &ip).await?;
    }
    session::sign_out(&ctx.session).await?;
    let response = ctx.info("/signin", messages::FLASH_SIGNED_OUT).await?;
    Ok(with_signed_in_marker(
        response,
        false,
        state.config.cookie_secure,
    ))
}

/// "Stay signed in" in the timeout warning: the session's idle expiry starts again (a
/// form post with the page's token, sent by the warning's script; either realm).
async fn stay_signed_in(ctx: Ctx) -> Result<Response, AppError> {
    crate::web::ctx::touch(&ctx.session).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
