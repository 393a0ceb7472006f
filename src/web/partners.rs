//! Provider-reseller partnerships: the provider's resellers, the reseller's providers, and
//! the personal invitation link.

use crate::db::{
    self,
    partnerships::{Invitation, Partnership},
};
use crate::domain::FormErrors;
use crate::domain::token::hash_token;
use crate::error::AppError;
use crate::flows::partnerships::{self as flows, AcceptOutcome, Draft, Refusal};
use crate::i18n::filters;
use crate::messages::{self, when};
use crate::state::AppState;
use crate::web::ctx::Signed;
use crate::web::ctx::{Can, ClientIp, Ctx, SignedIn, can, encode_query_value};
use crate::web::form::{Form, Path};
use crate::web::invalid;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::routing::post;
use serde::Deserialize;
use uuid::Uuid;

/// Routes of this area.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/partners/resellers", get(resellers))
        .route("/partners/resellers/invite", post(invite))
        .route("/partners/resellers/draft", get(show_draft))
        .route("/partners/resellers/invitations/{id}/resend", post(resend))
        .route("/partners/resellers/invitations/{id}/revoke", post(revoke))
        .route(
            "/partners/resellers/{id}/remove",
            get(confirm_remove).post(remove),
        )
        .route("/partners/providers", get(providers))
        .route(
            "/partners/providers/{id}/end",
            get(confirm_end).post(end_as_reseller),
        )
        .route("/invitations/{token}/decline", post(decline_invitation))
        .route(
            "/partners/admin-access/{id}/remove",
            get(confirm_remove_access).post(remove_access),
        )
        .route("/partners/providers/{id}/customers", get(customers))
        .route(
            "/partners/providers/{id}/invite-customers",
            get(show_invite_customers).post(invite_customers),
        )
        .route(
            "/invitations/{token}",
            get(show_invitation).post(accept_invitation),
        )
}

/// The provider's regions, or 403 when the tenant is not a listed, active provider.
async fn provider_regions(
    state: &AppState,
    tenant_id: Uuid,
) -> Result<Vec<(String, String)>, AppError> {
    flows::provider_regions(state, tenant_id)
        .await?
        .ok_or(AppError::Forbidden)
}

/// An open invitation as listed.
pub struct OpenInvitation {
    /// The invitation.
    pub invitation: Invitation,
    /// Sent, in words.
    pub sent: String,
    /// Expiry, in words.
    pub expires: String,
    /// Past its date.
    pub expired: bool,
}

/// A partnership as listed.
pub struct Row {
    /// The partnership.
    pub p: Partnership,
    /// The other side's program region, in the reader's language.
    pub region: String,
    /// Since, in words.
    pub since: String,
    /// Ended, in words.
    pub ended: String,
    /// The provider holds delegated admin access to this reseller (the provider's list).
    pub admin_access: bool,
}

fn rows(markets: &[db::markets::Market], list: Vec<Partnership>) -> Vec<Row> {
    list.into_iter()
        .map(|p| Row {
            region: db::markets::region_name(markets, &p.other_region)
                .unwrap_or(&p.other_region)
                .to_owned(),
            since: when(p.created_at),
            ended: p.ended_at.map(when).unwrap_or_default(),
            admin_access: false,
            p,
        })
        .collect()
}

/// The provider's indirect resellers.
#[derive(Template, WebTemplate)]
#[template(path = "partners/resellers.html")]
pub struct ResellersPage {
    ctx: Ctx,
    active: Vec<Row>,
    ended: Vec<Row>,
    pending: Vec<OpenInvitation>,
    email: String,
    errors: FormErrors,
}

async fn resellers_page(
    state: &AppState,
    ctx: Ctx,
    tenant_id: Uuid,
    email: String,
    errors: FormErrors,
) -> Result<ResellersPage, AppError> {
    let markets = state.markets().await?;
    let all = db::partnerships::resellers_of(&state.db, tenant_id).await?;
    let held = flows::admin_access_held(state, tenant_id).await?;
    let mut all = rows(&markets, all);
    for row in &mut all {
        row.admin_access = held.contains(&row.p.other_tenant_id);
    }
    let (active, ended): (Vec<_>, Vec<_>) = all.into_iter().partition(|r| r.p.state.is_active());
    let pending = db::partnerships::open_invitations(&state.db, tenant_id)
        .await?
        .into_iter()
        .map(|i| OpenInvitation {
            sent: when(i.created_at),
            expires: when(i.expires_at),
            expired: i.effective_state().is_expired(),
            invitation: i,
        })
        .collect();
    Ok(ResellersPage {
        ctx,
        active,
        ended,
        pending,
        email,
        errors,
    })
}

async fn resellers(
    State(state): State<AppState>,
    Can(Signed(ctx, user), _): Can<can::ProviderTasks>,
) -> Result<ResellersPage, AppError> {
    provider_regions(&state, user.tenant_id).await?;
    resellers_page(
        &state,
        ctx,
        user.tenant_id,
        String::new(),
        FormErrors::default(),
    )
    .await
}

/// The invitation to send or copy.
#[derive(Template, WebTemplate)]
#[template(path = "partners/draft.html")]
pub struct DraftPage {
    pub(crate) ctx: Ctx,
    pub(crate) draft: Draft,
    pub(crate) back: &'static str,
}

/// What the request form sends.
#[derive(Debug, Default, Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    pub(crate) email: String,
}

async fn invite(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, user), _): Can<can::ProviderTasks>,
    Form(form): Form<InviteForm>,
) -> Result<Response, AppError> {
    let regions = provider_regions(&state, user.tenant_id).await?;
    match flows::request(&state, &user, &regions, &form.email, &ip).await? {
        Ok(draft) => hold_draft(&ctx, &draft).await,
        Err(errors) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            resellers_page(&state, ctx, user.tenant_id, form.email, errors).await?,
        )
            .into_response()),
    }
}

async fn resend(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, user), _): Can<can::ProviderTasks>,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let regions = provider_regions(&state, user.tenant_id).await?;
    let draft = flows::resend(&state, &user, &regions, id, &ip)
        .await?
        .ok_or(AppError::NotFound)?;
    hold_draft(&ctx, &draft).await
}

/// The session key of the newest invitation draft.
const DRAFT_KEY: &str = "invitation_draft";

/// Post/redirect/get: the new invitation's draft is held in the session (its link is a
/// secret stored elsewhere only as a hash), and the draft page shows it however often it
/// is reloaded, without making another invitation. The next invitation replaces it.
async fn hold_draft(ctx: &Ctx, draft: &flows::Draft) -> Result<Response, AppError> {
    ctx.session.insert(DRAFT_KEY, draft).await?;
    Ok(axum::response::Redirect::to("/partners/resellers/draft").into_response())
}

async fn show_draft(Can(Signed(ctx, _), _): Can<can::ProviderTasks>) -> Result<Response, AppError> {
    let Some(draft) = ctx.session.get::<flows::Draft>(DRAFT_KEY).await? else {
        return ctx
            .warning("/partners/resellers", messages::Msg("draft-gone"))
            .await;
    };
    let page = DraftPage {
        ctx,
        draft,
        back: "/partners/resellers",
    };
    // The link is a secret: no cache keeps it.
    Ok(([(axum::http::header::CACHE_CONTROL, "no-store")], page).into_response())
}

async fn revoke(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, user), _): Can<can::ProviderTasks>,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    if !flows::revoke(&state, &user, id, &ip).await? {
        return Err(AppError::NotFound);
    }
    ctx.success("/partners/resellers", messages::INVITATION_REVOKED_LINK_NO)
        .await
}

/// The confirmation before ending a partnership.
#[derive(Template, WebTemplate)]
#[template(path = "partners/remove.html")]
pub struct RemovePage {
    ctx: Ctx,
    partnership: Partnership,
    attestation: messages::Msg,
    errors: FormErrors,
    /// The reseller ends it (else the provider): where the form goes and "back" leads.
    by_reseller: bool,
}

async fn own_active(state: &AppState, tenant_id: Uuid, id: Uuid) -> Result<Partnership, AppError> {
    db::partnerships::resellers_of(&state.db, tenant_id)
        .await?
        .into_iter()
        .find(|p| p.partnership_id == id && p.state.is_active())
        .ok_or(AppError::NotFound)
}

async fn confirm_remove(
    State(state): State<AppState>,
    Can(Signed(ctx, user), _): Can<can::ProviderTasks>,
    Path(id): Path<Uuid>,
) -> Result<RemovePage, AppError> {
    let partnership = own_active(&state, user.tenant_id, id).await?;
    Ok(RemovePage {
        ctx,
        partnership,
        attestation: flows::ATTESTATION,
        errors: FormErrors::default(),
        by_reseller: false,
    })
}

/// What the removal form sends.
#[derive(Debug, Default, Deserialize)]
pub struct RemoveForm {
    #[serde(default)]
    attest: Option<String>,
}

async fn remove(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, user), _): Can<can::ProviderTasks>,
    Path(id): Path<Uuid>,
    Form(form): Form<RemoveForm>,
) -> Result<Response, AppError> {
    let partnership = own_active(&state, user.tenant_id, id).await?;
    if form.attest.is_none() {
        let mut errors = FormErrors::default();
        errors.add("attest", messages::TICK_BOX_CONFIRM_WHY);
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            RemovePage {
                ctx,
                partnership,
                attestation: flows::ATTESTATION,
                errors,
                by_reseller: false,
            },
        )
            .into_response());
    }
    if !flows::end(&state, &user, flows::Side::Provider, id, &ip).await? {
        return Err(AppError::NotFound);
    }
    let message = messages::partnership_with_ended_both(partnership.other_name);
    ctx.success("/partners/resellers", &message).await
}

/// The reseller's active partnership `id`, or 404.
async fn own_provider(
    state: &AppState,
    tenant_id: Uuid,
    id: Uuid,
) -> Result<Partnership, AppError> {
    db::partnerships::providers_of(&state.db, tenant_id)
        .await?
        .into_iter()
        .find(|p| p.partnership_id == id && p.state.is_active())
        .ok_or(AppError::NotFound)
}

async fn confirm_end(
    State(state): State<AppState>,
    Can(Signed(ctx, user), _): Can<can::ResellerTasks>,
    Path(id): Path<Uuid>,
) -> Result<RemovePage, AppError> {
    let partnership = own_provider(&state, user.tenant_id, id).await?;
    Ok(RemovePage {
        ctx,
        partnership,
        attestation: flows::RESELLER_ATTESTATION,
        errors: FormErrors::default(),
        by_reseller: true,
    })
}

async fn end_as_reseller(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, user), _): Can<can::ResellerTasks>,
    Path(id): Path<Uuid>,
    Form(form): Form<RemoveForm>,
) -> Result<Response, AppError> {
    let partnership = own_provider(&state, user.tenant_id, id).await?;
    if form.attest.is_none() {
        let errors = FormErrors::single("attest", messages::TICK_BOX_CONFIRM_WHY);
        let page = RemovePage {
            ctx,
            partnership,
            attestation: flows::RESELLER_ATTESTATION,
            errors,
            by_reseller: true,
        };
        return crate::web::invalid(page);
    }
    if !flows::end(&state, &user, flows::Side::Reseller, id, &ip).await? {
        return Err(AppError::NotFound);
    }
    let message = messages::partnership_with_ended_both(partnership.other_name);
    ctx.success("/partners/providers", &message).await
}

/// The reseller's indirect providers and the admin access it has given.
#[derive(Template, WebTemplate)]
#[template(path = "partners/providers.html")]
pub struct ProvidersPage {
    ctx: Ctx,
    providers: Vec<Row>,
    access: Vec<(db::partnerships::AdminAccess, String)>,
    /// May withdraw admin access (a global admin).
    can_revoke: bool,
}

async fn providers(
    State(state): State<AppState>,
    Can(Signed(ctx, user), _): Can<can::ResellerTasks>,
) -> Result<ProvidersPage, AppError> {
    let markets = state.markets().await?;
    let providers = rows(
        &markets,
        db::partnerships::providers_of(&state.db, user.tenant_id).await?,
    );
    let access = flows::admin_access_given(&state, user.tenant_id)
        .await?
        .into_iter()
        .map(|a| {
            let since = when(a.granted_at);
            (a, since)
        })
        .collect();
    Ok(ProvidersPage {
        ctx,
        providers,
        access,
        can_revoke: user
            .roles
            .can(crate::domain::authz::Capability::RevokeAdminAccess),
    })
}

/// The confirmation before withdrawing a provider's admin access.
#[derive(Template, WebTemplate)]
#[template(path = "partners/remove_access.html")]
pub struct RemoveAccessPage {
    pub(crate) ctx: Ctx,
    pub(crate) access: db::partnerships::AdminAccess,
    /// Where the page came from (the reseller's providers, or the customer's dashboard).
    pub(crate) back: &'static str,
}

pub(crate) async fn given_access(
    state: &AppState,
    tenant_id: Uuid,
    id: Uuid,
) -> Result<db::partnerships::AdminAccess, AppError> {
    flows::admin_access_given(state, tenant_id)
        .await?
        .into_iter()
        .find(|a| a.grant_id == id)
        .ok_or(AppError::NotFound)
}

async fn confirm_remove_access(
    State(state): State<AppState>,
    Can(Signed(ctx, user), _): Can<can::RevokeAdminAccess>,
    Path(id): Path<Uuid>,
) -> Result<RemoveAccessPage, AppError> {
    let access = given_access(&state, user.tenant_id, id).await?;
    Ok(RemoveAccessPage {
        ctx,
        access,
        back: "/partners/providers",
    })
}

async fn remove_access(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, user), _): Can<can::RevokeAdminAccess>,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    match flows::remove_admin_access(&state, &user, id, &ip).await? {
        Some(name) => {
            let message = crate::i18n::t_args("access-removed", &[("name", name.into())]);
            ctx.success("/partners/providers", &message).await
        }
        None => Err(AppError::NotFound),
    }
}

/// The page behind a personal invitation link.
#[derive(Template, WebTemplate)]
#[template(path = "partners/invitation.html")]
pub struct InvitationPage {
    ctx: Ctx,
    token: String,
    invitation: Option<Invitation>,
    /// The provider's partner ID, country and support contact.
    facts: Option<db::partnerships::ProviderFacts>,
    /// Its country, named.
    country: String,
    /// The signed-in user may decline it.
    may_decline: bool,
    regions: String,
    refusal: Option<messages::Msg>,
    signin_link: String,
    signup_link: String,
    errors: FormErrors,
}

async fn invitation_page(
    state: &AppState,
    ctx: Ctx,
    token: String,
    errors: FormErrors,
) -> Result<(StatusCode, InvitationPage), AppError> {
    let invitation = db::partnerships::by_token(&state.db, &hash_token(&token)).await?;
    let back = encode_query_value(&format!("/invitations/{token}"));
    let signin_link = format!("/signin?next={back}");
    let signup_link = format!("/signup?next={back}");
    let Some(invitation) = invitation else {
        let page = InvitationPage {
            ctx,
            token,
            invitation: None,
            facts: None,
            country: String::new(),
            may_decline: false,
            regions: String::new(),
            refusal: None,
            signin_link,
            signup_link,
            errors,
        };
        return Ok((StatusCode::NOT_FOUND, page));
    };
    let regions = flows::provider_regions(state, invitation.provider_tenant_id)
        .await?
        .map(|r| {
            r.into_iter()
                .map(|(_, n)| n)
                .collect::<Vec<_>>()
                .join(&crate::i18n::t("list-separator"))
        })
        .unwrap_or_default();
    let refusal = flows::refusal(state, &invitation, ctx.account.as_ref())
        .await?
        .map(Refusal::message);
    let facts = flows::provider_facts(state, &invitation).await?;
    let country = match &facts {
        Some(f) => state.country_name(&f.country_code).await?,
        None => String::new(),
    };
    let may_decline = ctx
        .account
        .as_ref()
        .is_some_and(|u| flows::may_decline(&invitation, u));
    let status = if refusal.is_some() {
        StatusCode::CONFLICT
    } else if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((
        status,
        InvitationPage {
            ctx,
            token,
            invitation: Some(invitation),
            facts,
            country,
            may_decline,
            regions,
            refusal,
            signin_link,
            signup_link,
            errors,
        },
    ))
}

async fn show_invitation(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    Ok(invitation_page(&state, ctx, token, FormErrors::default())
        .await?
        .into_response())
}

/// What the authorisation form sends.
#[derive(Debug, Default, Deserialize)]
pub struct AcceptForm {
    #[serde(default)]
    consent: Option<String>,
}

async fn accept_invitation(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Signed(ctx, user): SignedIn,
    Path(token): Path<String>,
    Form(form): Form<AcceptForm>,
) -> Result<Response, AppError> {
    let invitation = db::partnerships::by_token(&state.db, &hash_token(&token))
        .await?
        .ok_or(AppError::NotFound)?;
    match flows::accept(&state, &user, &invitation, form.consent.is_some(), &ip).await? {
        AcceptOutcome::Accepted => {
            let message = crate::messages::now_indirect_provider(&invitation.provider_name);
            ctx.success("/partners/providers", &message).await
        }
        AcceptOutcome::NoConsent => {
            let mut errors = FormErrors::default();
            errors.add("consent", messages::TICK_BOX_CONFIRM_WHAT);
            Ok(invitation_page(&state, ctx, token, errors)
                .await?
                .into_response())
        }
        AcceptOutcome::Refused(_) => Ok(invitation_page(&state, ctx, token, FormErrors::default())
            .await?
            .into_response()),
    }
}

/// What the decline form sends.
#[derive(Debug, Default, Deserialize)]
pub struct DeclineForm {
    #[serde(default)]
    reason: String,
}

async fn decline_invitation(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Signed(ctx, user): SignedIn,
    Path(token): Path<String>,
    Form(form): Form<DeclineForm>,
) -> Result<Response, AppError> {
    let invitation = db::partnerships::by_token(&state.db, &hash_token(&token))
        .await?
        .ok_or(AppError::NotFound)?;
    match flows::decline(&state, &user, &invitation, &form.reason, &ip).await? {
        flows::Declined::Now => {
            let message = crate::i18n::t_args(
                "inv-declined-done",
                &[("provider", invitation.provider_name.clone().into())],
            );
            ctx.success("/dashboard", &message).await
        }
        flows::Declined::NotOpen => Ok(invitation_page(&state, ctx, token, FormErrors::default())
            .await?
            .into_response()),
        flows::Declined::Invalid(errors) => Ok(invitation_page(&state, ctx, token, errors)
            .await?
            .into_response()),
    }
}

/// The customers a reseller shares with one provider.
#[derive(Template, WebTemplate)]
#[template(path = "partners/customers.html")]
pub struct CustomersPage {
    ctx: Ctx,
    partnership_id: Uuid,
    provider: String,
    /// Each customer with its country and the date it authorised, in the reader's language.
    customers: Vec<(db::partnerships::SharedCustomer, String, String)>,
}

async fn customers(
    State(state): State<AppState>,
    Can(Signed(ctx, user), _): Can<can::ResellerTasks>,
    Path(id): Path<Uuid>,
) -> Result<CustomersPage, AppError> {
    let (provider_id, provider) =
        db::partnerships::reseller_partnership(&state.db, user.tenant_id, id)
            .await?
            .ok_or(AppError::NotFound)?;
    let markets = state.markets().await?;
    let customers = db::partnerships::shared_customers(&state.db, user.tenant_id, provider_id)
        .await?
        .into_iter()
        .map(|c| {
            let since = when(c.authorised_at);
            let country = c
                .country_code
                .as_deref()
                .and_then(|code| db::markets::country_name(&markets, code))
                .unwrap_or_default()
                .to_owned();
            (c, country, since)
        })
        .collect();
    Ok(CustomersPage {
        ctx,
        partnership_id: id,
        provider,
        customers,
    })
}

/// The form that prepares a customer invitation.
#[derive(Template, WebTemplate)]
#[template(path = "partners/invite_customers.html")]
pub struct InviteCustomersPage {
    ctx: Ctx,
    partnership_id: Uuid,
    provider: String,
    email: String,
    errors: FormErrors,
}

async fn show_invite_customers(
    State(state): State<AppState>,
    Can(Signed(ctx, user), _): Can<can::ResellerTasks>,
    Path(id): Path<Uuid>,
) -> Result<InviteCustomersPage, AppError> {
    let (_, provider) = db::partnerships::reseller_partnership(&state.db, user.tenant_id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(InviteCustomersPage {
        ctx,
        partnership_id: id,
        provider,
        email: String::new(),
        errors: FormErrors::default(),
    })
}

async fn invite_customers(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, user), _): Can<can::ResellerTasks>,
    Path(id): Path<Uuid>,
    Form(form): Form<InviteForm>,
) -> Result<Response, AppError> {
    match flows::invite_customer(&state, &user, id, &form.email, &ip)
        .await?
        .ok_or(AppError::NotFound)?
    {
        Ok(draft) => Ok(DraftPage {
            ctx,
            draft,
            back: "/partners/providers",
        }
        .into_response()),
        Err(errors) => {
            let (_, provider) =
                db::partnerships::reseller_partnership(&state.db, user.tenant_id, id)
                    .await?
                    .ok_or(AppError::NotFound)?;
            invalid(InviteCustomersPage {
                ctx,
                partnership_id: id,
                provider,
                email: form.email,
                errors,
            })
        }
    }
}
