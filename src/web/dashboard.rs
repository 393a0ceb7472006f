//! The signed-in user's organisation at a glance.

use crate::db::{
    self,
    tenants::{Standing, TenantOverview},
};
use crate::domain::authz::Capability;
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
    enrollment: Enrollment,
    /// May work with the organisation's providers (their page would refuse otherwise).
    can_reseller_tasks: bool,
    /// May add colleagues.
    can_manage_users: bool,
    is_provider: bool,
    /// Sees subscriptions and the catalogue.
    can_see_customers: bool,
    is_admin: bool,
    /// A direct-bill partner's next reassessment date.
    direct_due: Option<String>,
    /// An open direct-bill application: id and state in words.
    direct_open: Option<(String, crate::messages::Msg)>,
}

/// Where the tenant stands in the indirect-reseller program, for the dashboard.
pub enum Enrollment {
    /// No application yet (or the last one was withdrawn or rejected).
    NotStarted,
    /// A draft to continue.
    Draft,
    /// Submitted and open.
    Open {
        /// Application id.
        id: String,
        /// State in words.
        words: crate::messages::Msg,
    },
    /// Approved; the agreement is not accepted yet.
    AwaitingAgreement {
        /// Application id.
        id: String,
    },
    /// Approved and agreement accepted: an active indirect reseller.
    Active {
        /// Application id.
        id: String,
    },
}

fn enrollment(standing: &Standing) -> Enrollment {
    use crate::domain::application::ApplicationState as S;
    let Some((id, state)) = standing.reseller_application else {
        return Enrollment::NotStarted;
    };
    let id = id.to_string();
    match state {
        S::Draft => Enrollment::Draft,
        S::Withdrawn | S::Rejected => Enrollment::NotStarted,
        S::Approved if standing.agreement_accepted => Enrollment::Active { id },
        S::Approved => Enrollment::AwaitingAgreement { id },
        s => Enrollment::Open {
            id,
            words: s.plain(),
        },
    }
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
    let enrollment = enrollment(&standing);
    Ok(DashboardPage {
        is_admin: user.is_global_admin(),
        direct_due: standing
            .direct_partner
            .filter(|(status, _)| status.is_active())
            .map(|(_, due)| crate::domain::direct_bill::day(due)),
        direct_open: standing
            .direct_open
            .map(|(id, state)| (id.to_string(), state.plain())),
        // Listed in the directory, and an active indirect reseller (as
        // `flows::partnerships::provider_regions` asks).
        is_provider: standing.listed_provider
            && standing.approved_reseller
            && standing.agreement_accepted
            && user.roles.can(Capability::ProviderTasks),
        can_reseller_tasks: user.roles.can(Capability::ResellerTasks),
        can_see_customers: user.roles.can(Capability::SeeCustomers),
        can_manage_users: user.roles.can(Capability::ManageUsers),
        enrollment,
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
