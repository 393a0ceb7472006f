//! The page behind the primary contact's verification link. No sign-in: the contact may
//! have no account; the link itself is the secret.

use crate::db::applications::Application;
use crate::domain::FormErrors;
use crate::error::AppError;
use crate::flows::enrollment::{self as flows, ContactAnswer};
use crate::i18n::filters;
use crate::messages;
use crate::state::AppState;
use crate::web::ctx::{ClientIp, Ctx};
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
    Router::new().route("/verify-contact/{token}", get(show).post(answer))
}

/// The question to the primary contact.
#[derive(Template, WebTemplate)]
#[template(path = "verify/show.html")]
pub struct VerifyPage {
    ctx: Ctx,
    token: String,
    app: Application,
    errors: FormErrors,
    signed_up: bool,
    company_address: bool,
}

impl VerifyPage {
    /// The contact's name as the applicant gave it.
    fn contact_name(&self) -> String {
        [&self.app.contact_first_name, &self.app.contact_last_name]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The answer page.
#[derive(Template, WebTemplate)]
#[template(path = "verify/done.html")]
pub struct DonePage {
    ctx: Ctx,
    confirmed: bool,
}

/// The link no longer works.
#[derive(Template, WebTemplate)]
#[template(path = "verify/invalid.html")]
pub struct InvalidPage {
    ctx: Ctx,
}

async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    match flows::verification_link_application(&state, &token).await? {
        Some(app) => Ok(VerifyPage {
            ctx,
            token,
            app,
            errors: FormErrors::default(),
            signed_up: false,
            company_address: false,
        }
        .into_response()),
        None => Ok((StatusCode::NOT_FOUND, InvalidPage { ctx }).into_response()),
    }
}

/// What the contact sends.
#[derive(Debug, Default, Deserialize)]
pub struct AnswerForm {
    #[serde(default)]
    answer: String,
    #[serde(default)]
    signed_up: Option<String>,
    #[serde(default)]
    company_address: Option<String>,
}

async fn answer(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    ctx: Ctx,
    Path(token): Path<String>,
    Form(form): Form<AnswerForm>,
) -> Result<Response, AppError> {
    let Some(app) = flows::verification_link_application(&state, &token).await? else {
        return Ok((StatusCode::NOT_FOUND, InvalidPage { ctx }).into_response());
    };
    let ticked = |v: &Option<String>| v.as_deref() == Some("yes");
    let mut errors = FormErrors::default();
    let answer = match form.answer.as_str() {
        "decline" => ContactAnswer::Decline,
        "confirm" => {
            if !ticked(&form.signed_up) {
                errors.add("signed_up", messages::CONFIRMATION_REQUIRED);
            }
            if !ticked(&form.company_address) {
                errors.add("company_address", messages::CONFIRMATION_REQUIRED);
            }
            ContactAnswer::Confirm
        }
        _ => {
            errors.add("confirm", messages::CONTACT_ANSWER_REQUIRED);
            ContactAnswer::Confirm
        }
    };
    if !errors.is_empty() {
        return invalid(VerifyPage {
            ctx,
            token,
            app,
            errors,
            signed_up: ticked(&form.signed_up),
            company_address: ticked(&form.company_address),
        });
    }
    let confirmed = matches!(answer, ContactAnswer::Confirm);
    if !flows::answer_verification(&state, &token, answer, &ip).await? {
        return Ok((StatusCode::NOT_FOUND, InvalidPage { ctx }).into_response());
    }
    Ok(DonePage { ctx, confirmed }.into_response())
}
