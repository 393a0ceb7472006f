//! The signed-in user's organisation at a glance.

use crate::db::{self, tenants::TenantOverview};
use crate::domain::authz::Capability;
use crate::domain::onboarding::{self, Progress, Task};
use crate::error::AppError;
use crate::flows::accounts::{self, ResendOutcome};
use crate::i18n::filters;
use crate::messages;
use crate::state::AppState;
use crate::web::ctx::Signed;
use crate::web::ctx::{ClientIp, Ctx, SignedIn};
use crate::web::flash::{FlashKind, redirect_with_flash};
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
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
    roles: String,
    email: String,
    email_confirmed: bool,
    /// An active indirect reseller (approved, the agreement accepted).
    active: bool,
    /// The onboarding task list.
    tasks: Vec<Task>,
    /// How many of `tasks` are done.
    tasks_done: usize,
    /// Sees customers, subscriptions and the catalogue.
    can_see_customers: bool,
    is_admin: bool,
    /// A direct-bill partner's next reassessment date.
    direct_due: Option<String>,
    /// An open direct-bill application: id and state in words.
    direct_open: Option<(String, crate::messages::Msg)>,
}

async fn show(
    State(state): State<AppState>,
    Signed(ctx, user): SignedIn,
) -> Result<Response, AppError> {
    if user.tenant_kind.is_customer() {
        return crate::web::customers::dashboard(&state, ctx, &user).await;
    }
    partner_dashboard(&state, ctx, &user)
        .await
        .map(IntoResponse::into_response)
}

async fn partner_dashboard(
    state: &AppState,
    ctx: crate::web::ctx::Ctx,
    user: &crate::db::users::SessionUser,
) -> Result<DashboardPage, AppError> {
    let (mut tenant, standing) = db::tenants::with_standing(&state.db, user.tenant_id)
        .await?
        .ok_or(AppError::NotFound)?;
    // The country and region in the reader's language (the query has the English names).
    if let Some(market) = state.market(&tenant.country_code).await? {
        tenant.country_name = market.country_name().to_owned();
        tenant.region_name = market.region_name().to_owned();
    }
    let active = matches!(
        standing.reseller_application,
        Some((_, crate::domain::application::ApplicationState::Approved))
    ) && standing.agreement_accepted;
    let tasks = onboarding::tasks(&Progress {
        application: standing.reseller_application,
        agreement_accepted: standing.agreement_accepted,
        listed_provider: standing.listed_provider,
        has_provider: standing.has_provider,
        has_reseller: standing.has_reseller,
        has_colleagues: standing.has_colleagues,
        roles: user.roles,
    });
    Ok(DashboardPage {
        is_admin: user.is_global_admin(),
        direct_due: standing
            .direct_partner
            .filter(|(status, _)| status.is_active())
            .map(|(_, due)| crate::domain::direct_bill::day(due)),
        direct_open: standing
            .direct_open
            .map(|(id, state)| (id.to_string(), state.plain())),
        can_see_customers: user.roles.can(Capability::SeeCustomers),
        tasks_done: tasks.iter().filter(|t| t.status.is_done()).count(),
        tasks,
        active,
        domain: state.config.tenant_domain(&tenant.domain_prefix),
        roles: user.roles.labels(),
        email: user.email.clone(),
        email_confirmed: user.email_confirmed_at.is_some(),
        tenant,
        ctx,
    })
}

async fn resend_confirmation(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Signed(ctx, user): SignedIn,
) -> Result<Response, AppError> {
    let (kind, message) = match accounts::resend_confirmation(&state, &user, &ip).await? {
        ResendOutcome::Sent => (FlashKind::Success, messages::FLASH_CONFIRMATION_SENT),
        ResendOutcome::AlreadyConfirmed => (FlashKind::Info, messages::FLASH_ALREADY_CONFIRMED),
        ResendOutcome::RateLimited => (
            FlashKind::Warning,
            messages::FLASH_CONFIRMATION_RATE_LIMITED,
        ),
    };
    redirect_with_flash(&ctx.session, "/dashboard", kind, message).await
}
