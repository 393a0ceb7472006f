//! Creating a work account and confirming its e-mail address.

use crate::db::markets::Market;
use crate::domain::FormErrors;
use crate::error::AppError;
use crate::flows::accounts;
use crate::i18n::filters;
use crate::messages;
use crate::state::AppState;
use crate::web::ctx::{ClientIp, Ctx, encode_query_value, safe_next};
use crate::web::form::{Form, Path, Query};
use crate::web::invalid;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;

/// Routes of this area.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/signup", get(show).post(submit))
        .route("/signup/confirm/{token}", get(confirm))
        .route(CHECK_EMAIL, get(check_email))
}

/// The sign-up form.
#[derive(Template, WebTemplate)]
#[template(path = "signup/form.html")]
pub struct SignupPage {
    ctx: Ctx,
    form: accounts::SignUpInput,
    errors: FormErrors,
    /// In the current language's alphabetical order.
    markets: Vec<Market>,
    domain_suffix: String,
}

async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<crate::web::session::NextQuery>,
) -> Result<Response, AppError> {
    let next = safe_next(q.next.as_deref(), &state.config.public_base_url);
    if ctx.account.is_some() {
        return Ok(axum::response::Redirect::to(&next).into_response());
    }
    let markets = crate::db::markets::in_order(&state.markets().await?, crate::i18n::current());
    let domain_suffix = state.config.tenant_domain_suffix.clone();
    Ok(SignupPage {
        ctx,
        form: accounts::SignUpInput {
            next,
            ..Default::default()
        },
        errors: Default::default(),
        markets,
        domain_suffix,
    }
    .into_response())
}

async fn submit(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    ctx: Ctx,
    Form(mut form): Form<accounts::SignUpInput>,
) -> Result<Response, AppError> {
    let errors = if state
        .over_limit("sign_up", &ip, state.config.rate_limits.sign_up)
        .await?
    {
        let mut errors = FormErrors::default();
        errors.add("organisation", messages::RATE_LIMITED);
        errors
    } else {
        match accounts::sign_up(&state, &form, &ip).await? {
            // The same answer whether or not the address already had an account.
            Ok(_) => return Ok(Redirect::to(CHECK_EMAIL).into_response()),
            Err(errors) => errors,
        }
    };
    form.password.clear();
    let markets = crate::db::markets::in_order(&state.markets().await?, crate::i18n::current());
    let domain_suffix = state.config.tenant_domain_suffix.clone();
    invalid(SignupPage {
        ctx,
        form,
        errors,
        markets,
        domain_suffix,
    })
}

/// The answer to a confirmation link that no longer works.
#[derive(Template, WebTemplate)]
#[template(path = "signup/confirm_failed.html")]
pub struct ConfirmFailedPage {
    ctx: Ctx,
}

/// Where a sign-up goes: "check your e-mail".
const CHECK_EMAIL: &str = "/signup/check-email";

/// The page after signing up.
#[derive(Template, WebTemplate)]
#[template(path = "signup/check_email.html")]
pub struct CheckEmailPage {
    ctx: Ctx,
}

async fn check_email(ctx: Ctx) -> CheckEmailPage {
    CheckEmailPage { ctx }
}

async fn confirm(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    ctx: Ctx,
    Path(token): Path<String>,
    Query(q): Query<crate::web::session::NextQuery>,
) -> Result<Response, AppError> {
    match accounts::confirm_email(&state, &token, &ip).await? {
        Some(_) => {
            let next = safe_next(q.next.as_deref(), &state.config.public_base_url);
            let (to, message) = if ctx.account.is_some() {
                (next, messages::FLASH_EMAIL_CONFIRMED)
            } else {
                (
                    format!("/signin?next={}", encode_query_value(&next)),
                    messages::FLASH_EMAIL_CONFIRMED_SIGN_IN,
                )
            };
            ctx.success(&to, message).await
        }
        None => Ok((StatusCode::NOT_FOUND, ConfirmFailedPage { ctx }).into_response()),
    }
}
