//! Staff sign-in, sign-out and password change.

use super::{STAFF_KEY, SignedInStaff, StaffCtx};
use crate::auth::password::ChangePasswordInput;
use crate::auth::session::{self, SignedInRecord};
use crate::db::guards::Realm;
use crate::domain::FormErrors;
use crate::error::AppError;
use crate::flows::accounts::{self, SignInAttempt};
use crate::flows::staff;
use crate::i18n::filters;
use crate::messages;
use crate::state::AppState;
use crate::web::ctx::ClientIp;
use crate::web::ctx::Signed;
use crate::web::form::Form;
use crate::web::invalid;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use time::OffsetDateTime;
use uuid::Uuid;

/// Routes of this area.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/signin", get(show).post(submit))
        .route("/admin/signout", post(sign_out))
        .route("/admin/password", get(show_password).post(change_password))
}

/// The staff sign-in form.
#[derive(Template, WebTemplate)]
#[template(path = "admin/signin.html")]
pub struct SignInPage {
    ctx: StaffCtx,
    email: String,
    errors: FormErrors,
    /// Why the page appeared (a session that expired), if it says.
    why: Option<String>,
}

async fn show(
    State(state): State<AppState>,
    headers: axum::http::HeaderMap,
    ctx: StaffCtx,
) -> Response {
    if ctx.account.is_some() {
        return Redirect::to("/admin/applications").into_response();
    }
    let why = match ctx.flash {
        Some(_) => None,
        None => crate::web::session::why_sign_in(&state, &ctx.session, &headers, false).await,
    };
    SignInPage {
        ctx,
        email: String::new(),
        errors: FormErrors::default(),
        why,
    }
    .into_response()
}

/// What the staff sign-in form sends.
#[derive(Debug, Default, Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
}

/// Starts a staff session: new session id, new CSRF token, any partner sign-in dropped.
pub async fn start_staff_session(
    session: &tower_sessions::Session,
    staff_id: Uuid,
    epoch: i32,
) -> Result<(), AppError> {
    session.cycle_id().await?;
    session.remove_value(crate::auth::session::CSRF_KEY).await?;
    session.remove_value(crate::auth::session::AUTH_KEY).await?;
    let record = SignedInRecord {
        user_id: staff_id,
        epoch,
        signed_in_at: OffsetDateTime::now_utc().unix_timestamp(),
    };
    session.insert(STAFF_KEY, record).await?;
    Ok(())
}

async fn submit(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    crate::web::ctx::DeviceCookie(device): crate::web::ctx::DeviceCookie,
    ctx: StaffCtx,
    Form(form): Form<SignInForm>,
) -> Result<Response, AppError> {
    let (email, password, device) = (&form.email, &form.password, device.as_deref());
    let attempt = accounts::attempt_sign_in(&state, Realm::Staff, email, password, &ip, device);
    let (status, errors) = match attempt.await? {
        SignInAttempt::SignedIn {
            user_id,
            epoch,
            new_device,
        } => {
            start_staff_session(&ctx.session, user_id, epoch).await?;
            let to = "/admin/applications";
            let response = ctx.success(to, messages::FLASH_SIGNED_IN).await?;
            let secure = state.config.cookie_secure;
            let response = crate::web::ctx::with_signed_in_marker(response, true, secure);
            return Ok(crate::web::ctx::with_device_cookie(
                response, new_device, secure,
            ));
        }
        SignInAttempt::RateLimited(errors) => (StatusCode::TOO_MANY_REQUESTS, errors),
        SignInAttempt::Invalid(errors) => (StatusCode::UNPROCESSABLE_ENTITY, errors),
    };
    let page = SignInPage {
        ctx,
        email: form.email,
        errors,
        why: None,
    };
    Ok((status, page).into_response())
}

async fn sign_out(State(state): State<AppState>, ctx: StaffCtx) -> Result<Response, AppError> {
    session::sign_out(&ctx.session).await?;
    let response = ctx
        .info("/admin/signin", messages::FLASH_SIGNED_OUT)
        .await?;
    let secure = state.config.cookie_secure;
    Ok(crate::web::ctx::with_signed_in_marker(
        response, false, secure,
    ))
}

/// The staff change-password form.
#[derive(Template, WebTemplate)]
#[template(path = "admin/password.html")]
pub struct PasswordPage {
    ctx: StaffCtx,
    must_change: bool,
    errors: FormErrors,
}

async fn show_password(Signed(ctx, staff): SignedInStaff) -> PasswordPage {
    PasswordPage {
        ctx,
        must_change: staff.must_change_password,
        errors: FormErrors::default(),
    }
}

async fn change_password(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Signed(ctx, staff): SignedInStaff,
    Form(form): Form<ChangePasswordInput>,
) -> Result<Response, AppError> {
    match staff::change_password(&state, &staff, &form, &ip).await? {
        Ok(epoch) => {
            start_staff_session(&ctx.session, staff.staff_id, epoch).await?;
            ctx.success("/admin/applications", messages::FLASH_PASSWORD_CHANGED)
                .await
        }
        Err(errors) => invalid(PasswordPage {
            ctx,
            must_change: staff.must_change_password,
            errors,
        }),
    }
}
