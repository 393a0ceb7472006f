//! The provider directory in the back office (`/admin/providers`) and for everyone (`/providers`).

use super::{OperatorAdmin, StaffCtx};
use crate::db::{self, providers::Provider};
use crate::domain::FormErrors;
use crate::error::AppError;
use crate::flows::providers::{self, ProviderInput};
use crate::i18n::filters;
use crate::messages;
use crate::state::AppState;
use crate::web::ctx::{Can, Signed, can};
use crate::web::ctx::{ClientIp, Ctx};
use crate::web::form::{Path, Query};
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use uuid::Uuid;

/// Routes of this area.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/providers", get(show).post(save))
        .route("/admin/providers/{tenant_id}/withdraw", post(withdraw))
        .route("/providers", get(directory))
        .route(
            "/providers/{id}/request-invitation",
            post(request_invitation),
        )
}

/// A listed provider as a page shows it: country and regions named in the reader's language.
pub struct Listed {
    p: Provider,
    country_name: String,
    region_names: String,
}

async fn listed(state: &AppState, providers: Vec<Provider>) -> Result<Vec<Listed>, AppError> {
    let markets = state.markets().await?;
    let lang = crate::i18n::current();
    let separator = crate::i18n::t("list-separator");
    Ok(providers
        .into_iter()
        .map(|p| {
            let mut regions: Vec<&str> = p
                .regions
                .iter()
                .map(|r| db::markets::region_name(&markets, r).unwrap_or(r))
                .collect();
            regions.sort_by(|a, b| crate::i18n::format::compare(lang, a, b));
            Listed {
                country_name: db::markets::country_name(&markets, &p.country_code)
                    .unwrap_or(&p.country_code)
                    .to_owned(),
                region_names: regions.join(&separator),
                p,
            }
        })
        .collect())
}

/// The back-office directory page.
#[derive(Template, WebTemplate)]
#[template(path = "admin/providers.html")]
pub struct ProvidersPage {
    ctx: StaffCtx,
    providers: Vec<Listed>,
    regions: Vec<(String, String)>,
    form: ProviderInput,
    errors: FormErrors,
    suffix: String,
    domain_hint: String,
}

/// `?edit=<domain prefix>` fills the form with a listing.
#[derive(Debug, Default, Deserialize)]
pub struct EditQuery {
    #[serde(default)]
    edit: String,
}

async fn page(
    state: &AppState,
    ctx: StaffCtx,
    form: ProviderInput,
    errors: FormErrors,
) -> Result<ProvidersPage, AppError> {
    Ok(ProvidersPage {
        ctx,
        providers: listed(state, db::providers::list(&state.db, None).await?).await?,
        regions: state.regions().await?,
        form,
        errors,
        suffix: state.config.tenant_domain_suffix.clone(),
        domain_hint: messages::part_before(&state.config.tenant_domain_suffix),
    })
}

async fn show(
    State(state): State<AppState>,
    OperatorAdmin(Signed(ctx, _)): OperatorAdmin,
    Query(q): Query<EditQuery>,
) -> Result<ProvidersPage, AppError> {
    let mut form = ProviderInput::default();
    if let Some((tenant_id, _)) = db::providers::tenant_by_prefix(&state.db, q.edit.trim()).await? {
        form.domain_prefix = q.edit.trim().to_owned();
        form.regions = db::providers::regions_of(&state.db, tenant_id).await?;
    }
    page(&state, ctx, form, FormErrors::default()).await
}

async fn save(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    OperatorAdmin(Signed(ctx, staff)): OperatorAdmin,
    fields: crate::web::form::FormFields,
) -> Result<Response, AppError> {
    let form = ProviderInput {
        domain_prefix: fields.one("domain_prefix"),
        regions: fields.all("regions"),
    };
    match providers::list_provider(&state, &staff, &form, &ip).await? {
        Ok(name) => {
            let message = crate::messages::listed_indirect_provider(&name);
            ctx.success("/admin/providers", &message).await
        }
        Err(errors) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            page(&state, ctx, form, errors).await?,
        )
            .into_response()),
    }
}

async fn withdraw(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    OperatorAdmin(Signed(ctx, staff)): OperatorAdmin,
    Path(tenant_id): Path<Uuid>,
) -> Result<Response, AppError> {
    if !providers::withdraw_provider(&state, &staff, tenant_id, &ip).await? {
        return Err(AppError::NotFound);
    }
    ctx.success("/admin/providers", messages::LISTING_WITHDRAWN)
        .await
}

/// The public "find a provider" page.
#[derive(Template, WebTemplate)]
#[template(path = "providers/index.html")]
pub struct DirectoryPage {
    ctx: Ctx,
    providers: Vec<Listed>,
    regions: Vec<(String, String)>,
    region: String,
    own_region: Option<String>,
    suffix: String,
    /// The signed-in user's organisation, when the user may ask providers for invitations.
    requester: Option<Uuid>,
}

/// `?region=`.
#[derive(Debug, Default, Deserialize)]
pub struct RegionQuery {
    #[serde(default)]
    region: String,
}

async fn directory(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<RegionQuery>,
) -> Result<DirectoryPage, AppError> {
    let regions = state.regions().await?;
    let region = if regions.iter().any(|(code, _)| *code == q.region) {
        q.region.clone()
    } else {
        String::new()
    };
    let own_region = match &ctx.account {
        Some(user) => match db::tenants::overview(&state.db, user.tenant_id).await? {
            Some(t) => state.market(&t.country_code).await?.map(|m| m.csp_region),
            None => None,
        },
        None => None,
    };
    let mut providers =
        db::providers::list(&state.db, (!region.is_empty()).then_some(region.as_str())).await?;
    if let Some(own) = &own_region {
        // Providers serving the partner's own region first, the rest after, each by name.
        providers.sort_by_key(|p| !p.regions.contains(own));
    }
    let requester = ctx
        .account
        .as_ref()
        .filter(|u| {
            !u.tenant_kind.is_customer()
                && u.roles.can(crate::domain::authz::Capability::ResellerTasks)
        })
        .map(|u| u.tenant_id);
    Ok(DirectoryPage {
        requester,
        ctx,
        providers: listed(&state, providers).await?,
        regions,
        region,
        own_region,
        suffix: state.config.tenant_domain_suffix.clone(),
    })
}

async fn request_invitation(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, user), _): Can<can::ResellerTasks>,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    use providers::Requested;
    match providers::request_invitation(&state, &user, id, &ip).await? {
        Requested::Sent => {
            ctx.success("/providers", messages::Msg("directory-requested"))
                .await
        }
        Requested::TooMany => ctx.warning("/providers", messages::RATE_LIMITED).await,
        Requested::AlreadyPartners => {
            ctx.info("/providers", messages::Msg("directory-already-partners"))
                .await
        }
        Requested::NotAProvider => Err(AppError::NotFound),
    }
}
