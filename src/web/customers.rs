//! Customers (issue 16): the provider's customer list, adding a customer (details, review,
//! the admin's temporary password once), a customer's page, recording its agreement.

use crate::db::customers::{ListFilter, Listed};
use crate::domain::FormErrors;
use crate::domain::customer::{AgreementInput, CustomerInput};
use crate::error::AppError;
use crate::flows::customers::{self as flows, Added, CustomerView, Recorded, ResellerChoice};
use crate::i18n::filters;
use crate::messages::{Msg, when};
use crate::state::AppState;
use crate::web::ctx::{Can, ClientIp, Ctx, Signed, can};
use crate::web::form::{Form, Path, Query};
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use uuid::Uuid;

/// Routes of this area.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/customers", get(list))
        .route("/customers/new", get(new).post(review))
        .route("/customers/new/submit", post(submit))
        .route("/customers/invite", post(invite))
        .route("/customers/{id}", get(show))
        .route(
            "/customers/{id}/agreement",
            get(show_agreement).post(record_agreement),
        )
        .route(
            "/customer/admin-access/{id}/remove",
            get(confirm_remove_access).post(remove_access),
        )
        .route(
            "/customer-invitations/{token}",
            get(show_invitation).post(authorise),
        )
        .route(
            "/customer-invitations/{token}/signup",
            get(show_signup).post(sign_up),
        )
}

/// What a customer sees behind a partner's link: what authorising means, and how to go on
/// (sign in, create a customer work account, or authorise), or why it cannot.
#[derive(Template, WebTemplate)]
#[template(path = "customers/invitation.html")]
pub struct InvitationPage {
    ctx: Ctx,
    invitation: Option<crate::db::customers::Invitation>,
    token: String,
    refusal: Option<Msg>,
    /// The signed-in customer admin may authorise now.
    may_authorise: bool,
    errors: FormErrors,
}

async fn invitation_page(
    state: &AppState,
    ctx: Ctx,
    token: String,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let Some(invitation) = flows::invitation(state, &token).await? else {
        let page = InvitationPage {
            ctx,
            invitation: None,
            token,
            refusal: None,
            may_authorise: false,
            errors,
        };
        return Ok((axum::http::StatusCode::NOT_FOUND, page).into_response());
    };
    let user = ctx.account.clone();
    let refusal = flows::invite_refusal(state, &invitation, user.as_ref()).await?;
    let may_authorise = refusal.is_none()
        && user.as_ref().is_some_and(|u| {
            u.roles
                .can(crate::domain::authz::Capability::RevokeAdminAccess)
        });
    let status = if refusal.is_some() {
        axum::http::StatusCode::CONFLICT
    } else if !errors.is_empty() {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    } else {
        axum::http::StatusCode::OK
    };
    let page = InvitationPage {
        ctx,
        invitation: Some(invitation),
        token,
        refusal: refusal.map(flows::InviteRefusal::words),
        may_authorise,
        errors,
    };
    Ok((status, page).into_response())
}

async fn show_invitation(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    invitation_page(&state, ctx, token, FormErrors::default()).await
}

/// The authorisation form.
#[derive(Debug, Default, serde::Deserialize)]
pub struct AuthoriseForm {
    #[serde(default)]
    consent: String,
}

async fn authorise(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, user), _): Can<can::RevokeAdminAccess>,
    Path(token): Path<String>,
    Form(form): Form<AuthoriseForm>,
) -> Result<Response, AppError> {
    let invitation = flows::invitation(&state, &token)
        .await?
        .ok_or(AppError::NotFound)?;
    match flows::authorise(&state, &user, &invitation, form.consent == "yes", &ip).await? {
        flows::Authorised::Now => {
            let message = crate::i18n::t_args(
                "cinv-authorised",
                &[("provider", invitation.provider.clone().into())],
            );
            ctx.success("/dashboard", &message).await
        }
        flows::Authorised::NoConsent => {
            let errors = FormErrors::single("consent", Msg("cinv-tick-consent"));
            invitation_page(&state, ctx, token, errors).await
        }
        flows::Authorised::Refused(_) => {
            invitation_page(&state, ctx, token, FormErrors::default()).await
        }
    }
}

/// Creating a customer work account from an invitation.
#[derive(Template, WebTemplate)]
#[template(path = "customers/signup.html")]
pub struct SignUpPage {
    ctx: Ctx,
    token: String,
    invitation: crate::db::customers::Invitation,
    form: CustomerInput,
    errors: FormErrors,
    countries: Vec<(String, String)>,
    country_hint: Msg,
}

async fn signup_page(
    state: &AppState,
    ctx: Ctx,
    token: String,
    form: CustomerInput,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let invitation = flows::invitation(state, &token)
        .await?
        .ok_or(AppError::NotFound)?;
    if flows::invite_refusal(state, &invitation, None)
        .await?
        .is_some()
    {
        return Ok(
            axum::response::Redirect::to(&format!("/customer-invitations/{token}")).into_response(),
        );
    }
    let countries = countries_in(state, std::slice::from_ref(&invitation.region)).await?;
    let status = if errors.is_empty() {
        axum::http::StatusCode::OK
    } else {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = SignUpPage {
        ctx,
        token,
        invitation,
        form,
        errors,
        countries,
        country_hint: Msg("cinv-country-hint"),
    };
    Ok((status, page).into_response())
}

async fn show_signup(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    signup_page(
        &state,
        ctx,
        token,
        CustomerInput::default(),
        FormErrors::default(),
    )
    .await
}

async fn sign_up(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    ctx: Ctx,
    Path(token): Path<String>,
    Form(form): Form<flows::CustomerSignUp>,
) -> Result<Response, AppError> {
    let invitation = flows::invitation(&state, &token)
        .await?
        .ok_or(AppError::NotFound)?;
    match flows::sign_up_from_invitation(&state, &invitation, &token, &form, &ip).await? {
        None => Ok(
            axum::response::Redirect::to(&format!("/customer-invitations/{token}")).into_response(),
        ),
        Some(Ok(())) => Ok(axum::response::Redirect::to("/signup/check-email").into_response()),
        Some(Err(errors)) => signup_page(&state, ctx, token, form.customer, errors).await,
    }
}

/// A customer's own dashboard: its partners, the admin access it has given, its agreement.
#[derive(Template, WebTemplate)]
#[template(path = "customers/dashboard.html")]
pub struct CustomerDashboard {
    ctx: Ctx,
    view: CustomerView,
    domain: String,
    accepted_on: String,
    can_revoke: bool,
    subs: Vec<crate::web::subscriptions::SubRow>,
    orders: Vec<crate::web::subscriptions::OrderRow>,
    /// Subscription links lead here ("" none).
    base: &'static str,
    /// Order links lead here.
    order_base: &'static str,
    show_customer: bool,
}

/// The dashboard of a customer's user.
pub async fn dashboard(
    state: &AppState,
    ctx: Ctx,
    user: &crate::db::users::SessionUser,
) -> Result<Response, AppError> {
    let view = flows::customer_for(state, None, user.tenant_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut view = view;
    let (subs, orders) = crate::web::subscriptions::customer_sections(&mut view);
    Ok(CustomerDashboard {
        subs,
        orders,
        base: "",
        order_base: "/customer/orders",
        show_customer: false,
        domain: state.config.tenant_domain(&view.customer.domain_prefix),
        accepted_on: view
            .acceptance
            .as_ref()
            .map(|a| crate::i18n::format::date(a.accepted_on))
            .unwrap_or_default(),
        can_revoke: user
            .roles
            .can(crate::domain::authz::Capability::RevokeAdminAccess),
        view,
        ctx,
    }
    .into_response())
}

async fn confirm_remove_access(
    State(state): State<AppState>,
    Can(Signed(ctx, user), _): Can<can::RevokeAdminAccess>,
    Path(id): Path<Uuid>,
) -> Result<crate::web::partners::RemoveAccessPage, AppError> {
    let access = crate::web::partners::given_access(&state, user.tenant_id, id).await?;
    Ok(crate::web::partners::RemoveAccessPage {
        ctx,
        access,
        back: "/dashboard",
    })
}

async fn remove_access(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, user), _): Can<can::RevokeAdminAccess>,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    match crate::flows::partnerships::remove_admin_access(&state, &user, id, &ip).await? {
        Some(name) => {
            let message = crate::i18n::t_args("access-removed", &[("name", name.into())]);
            ctx.success("/dashboard", &message).await
        }
        None => Err(AppError::NotFound),
    }
}

/// Customers per page.
const PAGE: i64 = 50;

/// The provider's regions (codes), or 403 when the organisation is not a listed, active
/// provider (only providers add customers).
async fn regions(state: &AppState, tenant: Uuid) -> Result<Vec<String>, AppError> {
    crate::flows::partnerships::provider_regions(state, tenant)
        .await?
        .map(|r| r.into_iter().map(|(code, _)| code).collect())
        .ok_or(AppError::Forbidden)
}

/// The list's query string.
#[derive(Debug, Default, serde::Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    reseller: String,
    #[serde(default)]
    q: String,
    #[serde(default)]
    after: String,
}

/// A listed customer with its words.
pub struct Row {
    c: Listed,
    country: String,
    since: String,
}

/// The provider's customers.
#[derive(Template, WebTemplate)]
#[template(path = "customers/index.html")]
pub struct ListPage {
    ctx: Ctx,
    rows: Vec<Row>,
    resellers: Vec<ResellerChoice>,
    query: ListQuery,
    /// The next page's link, when there is one.
    next: Option<String>,
    /// May add customers (a listed provider's task).
    can_add: bool,
    /// May invite existing customers (a direct-bill partner's task).
    can_invite: bool,
    /// The invitation form's answer and errors.
    email: String,
    errors: FormErrors,
}

async fn list(
    State(state): State<AppState>,
    Can(Signed(ctx, user), _): Can<can::SeeCustomers>,
    Query(query): Query<ListQuery>,
) -> Result<ListPage, AppError> {
    list_page(
        &state,
        ctx,
        &user,
        query,
        String::new(),
        FormErrors::default(),
    )
    .await
}

async fn list_page(
    state: &AppState,
    ctx: Ctx,
    user: &crate::db::users::SessionUser,
    query: ListQuery,
    email: String,
    errors: FormErrors,
) -> Result<ListPage, AppError> {
    let serving = flows::serving(state, user.tenant_id)
        .await?
        .ok_or(AppError::Forbidden)?;
    let resellers = flows::reseller_choices(state, user.tenant_id).await?;
    let reseller = resellers
        .iter()
        .find(|r| r.partnership_id.to_string() == query.reseller.trim())
        .map(|r| r.reseller_id);
    let after = query
        .after
        .rsplit_once('|')
        .and_then(|(name, id)| Some((name.to_owned(), Uuid::parse_str(id).ok()?)));
    let search = Some(query.q.trim().to_owned()).filter(|q| !q.is_empty());
    let filter = ListFilter {
        reseller,
        search,
        after,
    };
    let mut found = flows::provider_customers(state, user.tenant_id, &filter, PAGE + 1).await?;
    let more = found.len() as i64 > PAGE;
    found.truncate(PAGE as usize);
    let next = found.last().filter(|_| more).map(|last| {
        format!(
            "/customers?reseller={}&q={}&after={}",
            crate::domain::link::encode_query_value(&query.reseller),
            crate::domain::link::encode_query_value(&query.q),
            crate::domain::link::encode_query_value(&format!("{}|{}", last.name, last.customer_id)),
        )
    });
    let mut rows = Vec::with_capacity(found.len());
    for c in found {
        rows.push(Row {
            country: state.country_name(&c.country_code).await?,
            since: when(c.since),
            c,
        });
    }
    let provider_tasks = user
        .roles
        .can(crate::domain::authz::Capability::ProviderTasks);
    Ok(ListPage {
        can_add: provider_tasks && !serving.provider_regions.is_empty(),
        can_invite: provider_tasks && serving.direct,
        email,
        errors,
        ctx,
        rows,
        resellers,
        query,
        next,
    })
}

/// A direct-bill partner invites an existing customer (one tier).
async fn invite(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, user), _): Can<can::ProviderTasks>,
    Form(form): Form<crate::web::partners::InviteForm>,
) -> Result<Response, AppError> {
    let serving = flows::serving(&state, user.tenant_id)
        .await?
        .ok_or(AppError::Forbidden)?;
    if !serving.direct {
        return Err(AppError::Forbidden);
    }
    match crate::flows::partnerships::invite_direct_customer(&state, &user, &form.email, &ip)
        .await?
    {
        Ok(draft) => Ok(crate::web::partners::DraftPage {
            ctx,
            draft,
            back: "/customers",
        }
        .into_response()),
        Err(errors) => crate::web::invalid(
            list_page(&state, ctx, &user, ListQuery::default(), form.email, errors).await?,
        ),
    }
}

/// The add-customer form.
#[derive(Template, WebTemplate)]
#[template(path = "customers/new.html")]
pub struct NewPage {
    ctx: Ctx,
    form: CustomerInput,
    errors: FormErrors,
    resellers: Vec<ResellerChoice>,
    /// Countries (code, name) in the provider's regions.
    countries: Vec<(String, String)>,
    country_hint: Msg,
}

async fn form_page(
    state: &AppState,
    ctx: Ctx,
    tenant: Uuid,
    regions: &[String],
    form: CustomerInput,
    errors: FormErrors,
) -> Result<NewPage, AppError> {
    let countries = countries_in(state, regions).await?;
    Ok(NewPage {
        ctx,
        form,
        errors,
        resellers: flows::reseller_choices(state, tenant).await?,
        countries,
        country_hint: Msg("customers-country-hint"),
    })
}

/// The countries of `regions` (code, name in the reader's language), in the language's order.
async fn countries_in(
    state: &AppState,
    regions: &[String],
) -> Result<Vec<(String, String)>, AppError> {
    let lang = crate::i18n::current();
    let mut countries: Vec<(String, String)> = state
        .markets()
        .await?
        .iter()
        .filter(|m| regions.contains(&m.csp_region))
        .map(|m| (m.country_code.clone(), m.country_name().to_owned()))
        .collect();
    countries.sort_by(|a, b| crate::i18n::format::compare(lang, &a.1, &b.1));
    Ok(countries)
}

/// `?reseller=` preselects a reseller.
#[derive(Debug, Default, serde::Deserialize)]
pub struct NewQuery {
    #[serde(default)]
    reseller: String,
}

async fn new(
    State(state): State<AppState>,
    Can(Signed(ctx, user), _): Can<can::ProviderTasks>,
    Query(q): Query<NewQuery>,
) -> Result<NewPage, AppError> {
    let regions = regions(&state, user.tenant_id).await?;
    let form = CustomerInput {
        reseller: q.reseller,
        form_id: Uuid::new_v4().to_string(),
        ..Default::default()
    };
    form_page(
        &state,
        ctx,
        user.tenant_id,
        &regions,
        form,
        FormErrors::default(),
    )
    .await
}

/// Check your answers before adding.
#[derive(Template, WebTemplate)]
#[template(path = "customers/review.html")]
pub struct ReviewPage {
    ctx: Ctx,
    form: CustomerInput,
    reseller: Option<ResellerChoice>,
    country: String,
    domain: String,
}

async fn review(
    State(state): State<AppState>,
    Can(Signed(ctx, user), _): Can<can::ProviderTasks>,
    Form(form): Form<CustomerInput>,
) -> Result<Response, AppError> {
    let regions = regions(&state, user.tenant_id).await?;
    if form.change == "yes" {
        let form = CustomerInput {
            change: String::new(),
            ..form
        };
        let page = form_page(
            &state,
            ctx,
            user.tenant_id,
            &regions,
            form,
            FormErrors::default(),
        )
        .await?;
        return Ok(page.into_response());
    }
    match flows::check(&state, &user, &regions, &form).await? {
        Ok((customer, reseller)) => Ok(ReviewPage {
            country: state.country_name(&customer.country).await?,
            domain: state.config.tenant_domain(customer.domain_prefix.as_str()),
            reseller,
            ctx,
            form,
        }
        .into_response()),
        Err(errors) => crate::web::invalid(
            form_page(&state, ctx, user.tenant_id, &regions, form, errors).await?,
        ),
    }
}

/// The customer admin's sign-in name and temporary password, once.
#[derive(Template, WebTemplate)]
#[template(path = "customers/added.html")]
pub struct AddedPage {
    ctx: Ctx,
    customer_id: Uuid,
    company: String,
    sign_in: String,
    password: Option<String>,
}

async fn submit(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, user), _): Can<can::ProviderTasks>,
    Form(form): Form<CustomerInput>,
) -> Result<Response, AppError> {
    let regions = regions(&state, user.tenant_id).await?;
    match flows::add(&state, &user, &regions, &form, &ip).await? {
        Ok(added) => {
            let page = match added {
                Added::Now {
                    customer_id,
                    company,
                    sign_in,
                    temporary_password,
                } => AddedPage {
                    ctx,
                    customer_id,
                    company,
                    sign_in,
                    password: Some(temporary_password),
                },
                Added::Already {
                    customer_id,
                    company,
                    sign_in,
                } => AddedPage {
                    ctx,
                    customer_id,
                    company,
                    sign_in,
                    password: None,
                },
            };
            // Never kept by a browser or a proxy: the password is shown this once.
            let mut response = page.into_response();
            response
                .headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            Ok(response)
        }
        Err(errors) => crate::web::invalid(
            form_page(&state, ctx, user.tenant_id, &regions, form, errors).await?,
        ),
    }
}

/// A customer's page.
#[derive(Template, WebTemplate)]
#[template(path = "customers/detail.html")]
pub struct DetailPage {
    ctx: Ctx,
    view: CustomerView,
    country: String,
    domain: String,
    /// The reader's organisation is the customer's provider and the reader may record the
    /// agreement.
    provider: bool,
    /// Where "back" goes, and its words.
    back: (&'static str, Msg),
    no_reseller: Msg,
    agreement_current: bool,
    /// The date the customer accepted the agreement, in words.
    accepted_on: String,
    /// The reader may order for it (its provider, role allowing).
    can_order: bool,
    subs: Vec<crate::web::subscriptions::SubRow>,
    orders: Vec<crate::web::subscriptions::OrderRow>,
    /// Subscription links lead here ("" none).
    base: &'static str,
    /// Order links lead here.
    order_base: &'static str,
    show_customer: bool,
}

/// The customer `id`, if the user's organisation serves it; else 404.
async fn served(state: &AppState, tenant: Uuid, id: Uuid) -> Result<CustomerView, AppError> {
    flows::customer_for(state, Some(tenant), id)
        .await?
        .ok_or(AppError::NotFound)
}

async fn show(
    State(state): State<AppState>,
    Can(Signed(ctx, user), _): Can<can::SeeCustomers>,
    Path(id): Path<Uuid>,
) -> Result<DetailPage, AppError> {
    let view = served(&state, user.tenant_id, id).await?;
    let can = |c| user.roles.can(c);
    use crate::domain::authz::Capability;
    let mut view = view;
    let (subs, orders) = crate::web::subscriptions::customer_sections(&mut view);
    let back = if flows::is_provider_of(&view, user.tenant_id) {
        ("/customers", Msg("customers-back"))
    } else if can(Capability::ResellerTasks) {
        ("/partners/providers", Msg("back-to-providers"))
    } else {
        ("/dashboard", Msg("back-to-dashboard"))
    };
    Ok(DetailPage {
        can_order: flows::is_provider_of(&view, user.tenant_id) && can(Capability::PlaceOrders),
        subs,
        orders,
        base: "/subscriptions",
        order_base: "/orders",
        show_customer: false,
        back,
        no_reseller: Msg("customers-no-reseller"),
        country: state.country_name(&view.customer.country_code).await?,
        domain: state.config.tenant_domain(&view.customer.domain_prefix),
        provider: flows::is_provider_of(&view, user.tenant_id)
            && user
                .roles
                .can(crate::domain::authz::Capability::ProviderTasks),
        agreement_current: view
            .acceptance
            .as_ref()
            .is_some_and(|a| a.version == view.current_agreement),
        accepted_on: view
            .acceptance
            .as_ref()
            .map(|a| crate::i18n::format::date(a.accepted_on))
            .unwrap_or_default(),
        view,
        ctx,
    })
}

/// Recording the customer's acceptance of the customer agreement.
#[derive(Template, WebTemplate)]
#[template(path = "customers/agreement.html")]
pub struct AgreementPage {
    ctx: Ctx,
    customer_id: Uuid,
    company: String,
    version: i32,
    form: AgreementInput,
    errors: FormErrors,
    today: String,
}

async fn agreement_page(
    state: &AppState,
    ctx: Ctx,
    tenant: Uuid,
    id: Uuid,
    form: AgreementInput,
    errors: FormErrors,
) -> Result<AgreementPage, AppError> {
    let view = served(state, tenant, id).await?;
    if !flows::is_provider_of(&view, tenant) {
        return Err(AppError::NotFound);
    }
    Ok(AgreementPage {
        ctx,
        customer_id: id,
        company: view.customer.name,
        version: view.current_agreement,
        form,
        errors,
        today: time::OffsetDateTime::now_utc().date().to_string(),
    })
}

async fn show_agreement(
    State(state): State<AppState>,
    Can(Signed(ctx, user), _): Can<can::ProviderTasks>,
    Path(id): Path<Uuid>,
) -> Result<AgreementPage, AppError> {
    agreement_page(
        &state,
        ctx,
        user.tenant_id,
        id,
        AgreementInput::default(),
        FormErrors::default(),
    )
    .await
}

async fn record_agreement(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, user), _): Can<can::ProviderTasks>,
    Path(id): Path<Uuid>,
    Form(form): Form<AgreementInput>,
) -> Result<Response, AppError> {
    let back = format!("/customers/{id}");
    match flows::record_agreement(&state, &user, id, &form, &ip).await? {
        None => Err(AppError::NotFound),
        Some(Ok(Recorded::Now)) => ctx.success(&back, Msg("customer-agreement-recorded")).await,
        Some(Ok(Recorded::Already)) => ctx.warning(&back, Msg("customer-agreement-already")).await,
        Some(Err(errors)) => crate::web::invalid(
            agreement_page(&state, ctx, user.tenant_id, id, form, errors).await?,
        ),
    }
}
