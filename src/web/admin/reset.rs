//! Staff reset their own password by e-mail: a link (single use, 1 hour) to the address of
//! an enabled staff account; the same answer for any other address.

use super::StaffCtx;
use crate::auth::session;
use crate::db::guards::Realm;
use crate::domain::FormErrors;
use crate::error::AppError;
use crate::flows::accounts::{self, ForgotAnswer};
use crate::i18n::filters;
use crate::messages;
use crate::state::AppState;
use crate::web::ctx::ClientIp;
use crate::web::form::{Form, Path};
use crate::web::invalid;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;

/// Routes of this area.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/admin/password/forgot",
            get(show_forgot).post(submit_forgot),
        )
        .route(
            "/admin/password/reset/{token}",
            get(show_reset).post(submit_reset),
        )
}

/// Asks for the address (and, once sent, says what happens next).
#[derive(Template, WebTemplate)]
#[template(path = "admin/forgot.html")]
pub struct ForgotPage {
    ctx: StaffCtx,
    email: String,
    errors: FormErrors,
    sent: bool,
}

/// What the forgot form sends.
#[derive(Debug, Default, Deserialize)]
pub struct ForgotForm {
    #[serde(default)]
    email: String,
}

async fn show_forgot(ctx: StaffCtx) -> ForgotPage {
    ForgotPage {
        ctx,
        email: String::new(),
        errors: FormErrors::default(),
        sent: false,
    }
}

async fn submit_forgot(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    ctx: StaffCtx,
    Form(form): Form<ForgotForm>,
) -> Result<Response, AppError> {
    let (status, errors) =
        match accounts::forgot_password(&state, Realm::Staff, &form.email, &ip).await? {
            ForgotAnswer::Accepted(email) => {
                let errors = FormErrors::default();
                return Ok(ForgotPage {
                    ctx,
                    email,
                    errors,
                    sent: true,
                }
                .into_response());
            }
            ForgotAnswer::RateLimited(errors) | ForgotAnswer::Invalid(errors) => {
                (StatusCode::UNPROCESSABLE_ENTITY, errors)
            }
        };
    let page = ForgotPage {
        ctx,
        email: form.email,
        errors,
        sent: false,
    };
    Ok((status, page).into_response())
}

/// The new-password form behind a link.
#[derive(Template, WebTemplate)]
#[template(path = "admin/reset.html")]
pub struct ResetPage {
    ctx: StaffCtx,
    token: String,
    errors: FormErrors,
}

/// A link that no longer works.
#[derive(Template, WebTemplate)]
#[template(path = "admin/reset_invalid.html")]
pub struct ResetInvalidPage {
    ctx: StaffCtx,
}

/// What the reset form sends.
#[derive(Debug, Default, Deserialize)]
pub struct ResetForm {
    #[serde(default)]
    password: String,
}

async fn show_reset(
    State(state): State<AppState>,
    ctx: StaffCtx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    if !accounts::staff_reset_link_works(&state, &token).await? {
        return Ok((StatusCode::NOT_FOUND, ResetInvalidPage { ctx }).into_response());
    }
    Ok(ResetPage {
        ctx,
        token,
        errors: FormErrors::default(),
    }
    .into_response())
}

async fn submit_reset(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    ctx: StaffCtx,
    Path(token): Path<String>,
    Form(form): Form<ResetForm>,
) -> Result<Response, AppError> {
    if accounts::reset_rate_limited(&state, &ip).await? {
        let errors = FormErrors::single("password", messages::RATE_LIMITED);
        let page = ResetPage { ctx, token, errors };
        return Ok((StatusCode::TOO_MANY_REQUESTS, page).into_response());
    }
    match accounts::reset_staff_password(&state, &token, &form.password, &ip).await? {
        None => Ok((StatusCode::NOT_FOUND, ResetInvalidPage { ctx }).into_response()),
        Some(Err(errors)) => invalid(ResetPage { ctx, token, errors }),
        Some(Ok(())) => {
            // A reset ends every session, including one in this browser.
            session::sign_out(&ctx.session).await?;
            ctx.success("/admin/signin", messages::FLASH_PASSWORD_RESET)
                .await
        }
    }
}
