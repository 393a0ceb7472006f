//! The signed-in user's organisation at a glance.

use crate::auth::flows::{self, ResendOutcome};
use crate::db::{self, tenants::TenantOverview};
use crate::domain::tenant::Role;
use crate::error::AppError;
use crate::messages;
use crate::state::AppState;
use crate::web::ctx::{ClientIp, Ctx, SignedIn};
use crate::web::redirect_with_flash;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, post};

/// Routes of this area.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/dashboard", get(show))
        .route("/dashboard/resend-confirmation", post(resend_confirmation))
}

/// The dashboard.
#[derive(Template, WebTemplate)]
#[template(path = "dashboard/index.html")]
pub struct DashboardPage {
    ctx: Ctx,
    tenant: TenantOverview,
    domain: String,
    role: &'static str,
    email: String,
    email_confirmed: bool,
}

async fn show(
    State(state): State<AppState>,
    SignedIn { ctx, user }: SignedIn,
) -> Result<DashboardPage, AppError> {
    let tenant = db::tenants::overview(&state.db, user.tenant_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(DashboardPage {
        domain: state.config.tenant_domain(&tenant.domain_prefix),
        role: Role::label(&user.role),
        email: user.email.clone(),
        email_confirmed: user.email_confirmed_at.is_some(),
        tenant,
        ctx,
    })
}

async fn resend_confirmation(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    SignedIn { ctx, user }: SignedIn,
) -> Result<Response, AppError> {
    let (kind, message) = match flows::resend_confirmation(&state, &user, &ip).await? {
        ResendOutcome::Sent => ("success", messages::FLASH_CONFIRMATION_SENT),
        ResendOutcome::AlreadyConfirmed => ("info", messages::FLASH_ALREADY_CONFIRMED),
        ResendOutcome::RateLimited => ("warning", messages::FLASH_CONFIRMATION_RATE_LIMITED),
    };
    redirect_with_flash(&ctx.session, "/dashboard", kind, message).await
}
