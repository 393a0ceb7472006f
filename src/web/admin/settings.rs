//! Program settings (`/admin/settings`), for operator admins.

use super::{OperatorAdmin, StaffCtx};
use crate::domain::FormErrors;
use crate::error::AppError;
use crate::flows::settings::{self, SettingsInput};
use crate::i18n::filters;
use crate::messages;
use crate::state::AppState;
use crate::web::ctx::ClientIp;
use crate::web::ctx::Signed;
use crate::web::form::Form;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

/// Routes of this area.
pub fn router() -> Router<AppState> {
    Router::new().route("/admin/settings", get(show).post(save))
}

/// The settings form.
#[derive(Template, WebTemplate)]
#[template(path = "admin/settings.html")]
pub struct SettingsPage {
    ctx: StaffCtx,
    form: SettingsInput,
    errors: FormErrors,
}

async fn show(
    State(state): State<AppState>,
    OperatorAdmin(Signed(ctx, _)): OperatorAdmin,
) -> Result<SettingsPage, AppError> {
    let settings = state.program_settings().await?;
    Ok(SettingsPage {
        ctx,
        form: SettingsInput::from_settings(&settings),
        errors: FormErrors::default(),
    })
}

async fn save(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    OperatorAdmin(Signed(ctx, staff)): OperatorAdmin,
    Form(form): Form<SettingsInput>,
) -> Result<Response, AppError> {
    match form.validate(time::OffsetDateTime::now_utc().date()) {
        Ok(settings) => {
            settings::save_settings(&state, &staff, &settings, &ip).await?;
            ctx.success("/admin/settings", messages::SETTINGS_SAVED)
                .await
        }
        Err(errors) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            SettingsPage { ctx, form, errors },
        )
            .into_response()),
    }
}
