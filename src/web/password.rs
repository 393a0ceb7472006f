//! Changing a password, and resetting a forgotten one by e-mail.

use crate::auth::session;
use crate::db::guards::Realm;
use crate::domain::FormErrors;
use crate::error::AppError;
use crate::flows::accounts::{self, ForgotAnswer};
use crate::i18n::filters;
use crate::messages;
use crate::state::AppState;
use crate::web::ctx::Signed;
use crate::web::ctx::{ClientIp, Ctx, SignedIn};
use crate::web::form::{Form, Path};
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
        .route("/account/password", get(show_change).post(submit_change))
        .route("/password/forgot", get(show_forgot).post(submit_forgot))
        .route(
            "/password/reset/{token}",
            get(show_reset).post(submit_reset),
        )
}

/// The change-password form.
#[derive(Template, WebTemplate)]
#[template(path = "password/change.html")]
pub struct ChangePage {
    ctx: Ctx,
    errors: FormErrors,
}

async fn show_change(Signed(ctx, _): SignedIn) -> ChangePage {
    ChangePage {
        ctx,
        errors: FormErrors::default(),
    }
}

async fn submit_change(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Signed(ctx, user): SignedIn,
    Form(form): Form<crate::auth::password::ChangePasswordInput>,
) -> Result<Response, AppError> {
    match accounts::change_password(&state, &user, &form, &ip).await? {
        Ok(epoch) => {
            session::sign_in(&ctx.session, user.user_id, epoch).await?;
            ctx.success("/dashboard", messages::FLASH_PASSWORD_CHANGED)
                .await
        }
        Err(errors) => {
            Ok((StatusCode::UNPROCESSABLE_ENTITY, ChangePage { ctx, errors }).into_response())
        }
    }
}

/// What the forgotten-password form sends.
#[derive(Debug, Default, Deserialize)]
pub struct ForgotForm {
    #[serde(default)]
    email: String,
}

/// The forgotten-password form.
#[derive(Template, WebTemplate)]
#[template(path = "password/forgot.html")]
pub struct ForgotPage {
    ctx: Ctx,
    email: String,
    errors: FormErrors,
}

/// The same answer whether or not the address has an account.
#[derive(Template, WebTemplate)]
#[template(path = "password/forgot_sent.html")]
pub struct ForgotSentPage {
    ctx: Ctx,
    email: String,
}

async fn show_forgot(ctx: Ctx) -> ForgotPage {
    ForgotPage {
        ctx,
        email: String::new(),
        errors: FormErrors::default(),
    }
}

async fn submit_forgot(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    ctx: Ctx,
    Form(form): Form<ForgotForm>,
) -> Result<Response, AppError> {
    let (status, errors) = match accounts::forgot_password(&state, Realm::Partner, &form.email, &ip)
        .await?
    {
        ForgotAnswer::Accepted(email) => return Ok(ForgotSentPage { ctx, email }.into_response()),
        ForgotAnswer::RateLimited(errors) => (StatusCode::TOO_MANY_REQUESTS, errors),
        ForgotAnswer::Invalid(errors) => (StatusCode::UNPROCESSABLE_ENTITY, errors),
    };
    Ok((
        status,
        ForgotPage {
            ctx,
            email: form.email,
            errors,
        },
    )
        .into_response())
}

/// The new-password form behind a reset link.
#[derive(Template, WebTemplate)]
#[template(path = "password/reset.html")]
pub struct ResetPage {
    ctx: Ctx,
    token: String,
    errors: FormErrors,
}

/// The answer to a reset link that no longer works.
#[derive(Template, WebTemplate)]
#[template(path = "password/reset_invalid.html")]
pub struct ResetInvalidPage {
    ctx: Ctx,
}

/// What the reset form sends.
#[derive(Debug, Default, Deserialize)]
pub struct ResetForm {
    #[serde(default)]
    password: String,
}

async fn show_reset(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    if accounts::reset_link_user(&state, &token).await?.is_none() {
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
    ctx: Ctx,
    Path(token): Path<String>,
    Form(form): Form<ResetForm>,
) -> Result<Response, AppError> {
    if accounts::reset_rate_limited(&state, &ip).await? {
        let errors = FormErrors::single("password", messages::RATE_LIMITED);
        let page = ResetPage { ctx, token, errors };
        return Ok((StatusCode::TOO_MANY_REQUESTS, page).into_response());
    }
    match accounts::reset_password(&state, &token, &form.password, &ip).await? {
        accounts::ResetOutcome::Done => {
            // A reset ends every session, including one in this browser.
            session::sign_out(&ctx.session).await?;
            ctx.success("/signin", messages::FLASH_PASSWORD_RESET).await
        }
        accounts::ResetOutcome::LinkInvalid => {
            Ok((StatusCode::NOT_FOUND, ResetInvalidPage { ctx }).into_response())
        }
        accounts::ResetOutcome::Invalid(errors) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            ResetPage { ctx, token, errors },
        )
            .into_response()),
    }
}
