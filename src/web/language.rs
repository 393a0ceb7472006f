//! The language switch on every page: a small form (no script) that keeps the choice in a
//! cookie and, for a signed-in user or staff member, on their account.

use crate::db::staff::Staff;
use crate::error::AppError;
use crate::flows::accounts::{self, Chooser};
use crate::i18n::{self, Lang};
use crate::state::AppState;
use crate::web::ctx::{Ctx, safe_next, signed_in_account};
use crate::web::form::Form;
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use serde::Deserialize;

/// Routes of this area.
pub fn router() -> Router<AppState> {
    Router::new().route("/language", post(choose))
}

/// What the switch sends.
#[derive(Debug, Default, Deserialize)]
pub struct LanguageForm {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    next: String,
}

/// How long the choice is kept on a browser: a year.
const KEEP_SECONDS: u32 = 365 * 24 * 60 * 60;

/// The `Set-Cookie` value that keeps `lang` on this browser.
pub fn cookie(lang: Lang, secure: bool) -> HeaderValue {
    let value = format!(
        "{}={}; Path=/; Max-Age={KEEP_SECONDS}; SameSite=Lax; HttpOnly{}",
        i18n::COOKIE,
        lang.code(),
        if secure { "; Secure" } else { "" }
    );
    HeaderValue::from_str(&value).unwrap_or_else(|_| HeaderValue::from_static(""))
}

async fn choose(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<LanguageForm>,
) -> Result<Response, AppError> {
    let next = if form.next.is_empty() {
        "/".to_owned()
    } else {
        safe_next(Some(&form.next), &state.config.public_base_url)
    };
    // An unknown language changes nothing: back to the page as it was.
    let Some(lang) = Lang::parse(&form.lang) else {
        return Ok(Redirect::to(&next).into_response());
    };
    let staff = signed_in_account::<Staff>(&state, &ctx.session).await?;
    let who = Chooser {
        user: ctx.account.as_ref(),
        staff: staff.as_ref(),
    };
    accounts::choose_language(&state, who, lang).await?;
    i18n::set_current(lang);
    let mut response = Redirect::to(&next).into_response();
    response
        .headers_mut()
        .append(header::SET_COOKIE, cookie(lang, state.config.cookie_secure));
    Ok(response)
}
