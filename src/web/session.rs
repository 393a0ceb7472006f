//! Signing in and out.

use crate::auth::session;
use crate::db::guards::Realm;
use crate::domain::FormErrors;
use crate::error::AppError;
use crate::flows::accounts::{self, SignInAttempt};
use crate::i18n::filters;
use crate::messages;
use crate::state::AppState;
use crate::web::ctx::{ClientIp, Ctx, DeviceCookie, safe_next, with_device_cookie};
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
}

async fn show(State(state): State<AppState>, ctx: Ctx, Query(q): Query<NextQuery>) -> Response {
    let next = safe_next(q.next.as_deref(), &state.config.public_base_url);
    if ctx.account.is_some() {
        return Redirect::to(&next).into_response();
    }
    SignInPage {
        ctx,
        email: String::new(),
        next,
        errors: FormErrors::default(),
    }
    .into_response()
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
            let response = ctx.success(&next, messages::FLASH_SIGNED_IN).await?;
            return Ok(with_device_cookie(
                response,
                new_device,
                state.config.cookie_secure,
            ));
        }
        SignInAttempt::RateLimited(errors) => (StatusCode::TOO_MANY_REQUESTS, errors),
        SignInAttempt::Invalid(errors) => (StatusCode::UNPROCESSABLE_ENTITY, errors),
    };
    let page = SignInPage {
        ctx,
        email: form.email,
        next,
        errors,
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
    ctx.info("/signin", messages::FLASH_SIGNED_OUT).await
}
