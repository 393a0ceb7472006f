//! Ordering (issue 17): the catalogue, a customer's cart (add, change, remove, reseller),
//! the review, Buy, throwing the cart away, and the order pages.

use crate::db::orders::{Cart, CatalogueFilter, Offer};
use crate::domain::FormErrors;
use crate::domain::order::{Money, Reader};
use crate::error::AppError;
use crate::flows::lifecycle::VerifiedReseller;
use crate::flows::orders::{
    self as flows, AddInput, Bought, BuyInput, Buying, CannotOrder, CartView, ChangeInput,
    OrderView, ResellerInput,
};
use crate::i18n::filters;
use crate::messages::Msg;
use crate::state::AppState;
use crate::web::ctx::{Can, ClientIp, Ctx, Signed, can};
use crate::web::form::{Form, Path, Query};
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
        .route("/catalogue", get(catalogue))
        .route("/customers/{id}/cart", get(cart))
        .route("/customers/{id}/cart/add", post(add))
        .route("/customers/{id}/cart/lines/{offer}", post(change))
        .route("/customers/{id}/cart/lines/{offer}/remove", post(remove))
        .route("/customers/{id}/cart/reseller", post(reseller))
        .route("/customers/{id}/cart/review", get(review))
        .route("/customers/{id}/cart/buy", post(buy))
        .route(
            "/customers/{id}/cart/cancel",
            get(confirm_cancel).post(cancel),
        )
        .route("/orders/{id}", get(order))
        .route("/customer/orders/{id}", get(customer_order))
}

/// The catalogue's filters as the query string sends them.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct CatalogueQuery {
    /// Words in the name or code.
    #[serde(default)]
    pub q: String,
    /// Category code.
    #[serde(default)]
    pub category: String,
    /// "monthly" or "annual".
    #[serde(default)]
    pub cycle: String,
    /// Region code.
    #[serde(default)]
    pub region: String,
}

impl CatalogueQuery {
    fn filter(&self, region: Option<&str>) -> CatalogueFilter {
        let some = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        CatalogueFilter {
            search: some(&self.q).map(|s| s.chars().take(100).collect()),
            category: some(&self.category).filter(|c| CATEGORIES.contains(&c.as_str())),
            cycle: some(&self.cycle).filter(|c| c == "monthly" || c == "annual"),
            region: region.map(str::to_owned).or_else(|| some(&self.region)),
        }
    }
}

/// The catalogue's categories, in the filter's order.
pub const CATEGORIES: [&str; 8] = [
    "mail",
    "office",
    "storage",
    "backup",
    "desktop",
    "security",
    "identity",
    "collaboration",
];

/// An offer as a row of the catalogue.
pub struct OfferRow {
    /// The offer.
    pub o: Offer,
    /// Price per licence.
    pub price: Money,
    /// Where it is sold, in words.
    pub regions: String,
}

async fn offer_rows(state: &AppState, offers: Vec<Offer>) -> Result<Vec<OfferRow>, AppError> {
    let names = state.regions().await?;
    Ok(offers
        .into_iter()
        .filter_map(|o| {
            let price = Money::new(o.unit_price_minor, &o.currency)?;
            let regions = match &o.regions {
                None => crate::i18n::t("orders-regions-all"),
                Some(codes) => names
                    .iter()
                    .filter(|(c, _)| codes.contains(c))
                    .map(|(_, n)| n.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            };
            Some(OfferRow { o, price, regions })
        })
        .collect())
}

/// The catalogue: every offer with its list price in the organisation's billing currency.
#[derive(Template, WebTemplate)]
#[template(path = "orders/catalogue.html")]
pub struct CataloguePage {
    ctx: Ctx,
    rows: Vec<OfferRow>,
    query: CatalogueQuery,
    currency: String,
    regions: Vec<(String, String)>,
    categories: &'static [&'static str],
}

async fn catalogue(
    State(state): State<AppState>,
    Can(Signed(ctx, user), _): Can<can::SeeCustomers>,
    Query(query): Query<CatalogueQuery>,
) -> Result<CataloguePage, AppError> {
    let currency = crate::db::tenants::overview(&state.db, user.tenant_id)
        .await?
        .map(|t| t.billing_currency)
        .ok_or(AppError::NotFound)?;
    let offers = flows::catalogue(&state, &currency, &query.filter(None)).await?;
    Ok(CataloguePage {
        rows: offer_rows(&state, offers).await?,
        regions: state.regions().await?,
        currency,
        query,
        categories: &CATEGORIES,
        ctx,
    })
}

/// The provider cannot order now (its direct-bill standing ended).
#[derive(Template, WebTemplate)]
#[template(path = "orders/cannot.html")]
pub struct CannotOrderPage {
    ctx: Ctx,
    customer_id: Uuid,
}

/// The customer `id` as the user's organisation orders for it, or the page that says why
/// it cannot (404 for a customer it does not provide for).
async fn buying(
    state: &AppState,
    ctx: &Ctx,
    tenant: Uuid,
    id: Uuid,
) -> Result<Result<Buying, Response>, AppError> {
    match flows::buying(state, tenant, id).await? {
        None => Err(AppError::NotFound),
        Some(Ok(b)) => Ok(Ok(b)),
        Some(Err(CannotOrder::NotDirectBill)) => Ok(Err((
            StatusCode::CONFLICT,
            CannotOrderPage {
                ctx: ctx.clone(),
                customer_id: id,
            },
        )
            .into_response())),
    }
}

/// The cart: its lines, the reseller, and offers to add.
#[derive(Template, WebTemplate)]
#[template(path = "orders/cart.html")]
pub struct CartPage {
    ctx: Ctx,
    view: CartView,
    offers: Vec<OfferRow>,
    query: CatalogueQuery,
    categories: &'static [&'static str],
    errors: FormErrors,
    /// What the user typed, by field (kept on an error).
    typed: Vec<(String, String)>,
    /// The reseller section as sent (kept on an error).
    reseller_form: ResellerInput,
}

impl CartPage {
    /// What was typed into `field`, or `default`.
    fn typed_or(&self, field: &str, default: impl std::fmt::Display) -> String {
        self.typed
            .iter()
            .find(|(f, _)| f == field)
            .map_or_else(|| default.to_string(), |(_, v)| v.clone())
    }

    /// The reseller radio that is selected: as sent, else the cart's, else the customer's
    /// own reseller.
    fn reseller_choice(&self) -> String {
        if !self.reseller_form.reseller.is_empty() || !self.errors.is_empty() {
            return self.reseller_form.reseller.clone();
        }
        match &self.view.cart {
            Some(Cart {
                reseller_tenant_id: Some(r),
                ..
            }) => r.to_string(),
            Some(_) => String::new(),
            None => self
                .view
                .buying
                .related_reseller
                .map(|r| r.to_string())
                .unwrap_or_default(),
        }
    }

    fn acting(&self) -> bool {
        if !self.errors.is_empty() {
            return self.reseller_form.acting.is_some();
        }
        self.view
            .cart
            .as_ref()
            .is_some_and(|c| c.acting_as_provider)
    }
}

#[allow(clippy::too_many_arguments)]
async fn cart_page(
    state: &AppState,
    ctx: Ctx,
    tenant: Uuid,
    id: Uuid,
    query: CatalogueQuery,
    errors: FormErrors,
    typed: Vec<(String, String)>,
    reseller_form: ResellerInput,
) -> Result<Response, AppError> {
    let view = match flows::cart_view(state, tenant, id).await? {
        None => return Err(AppError::NotFound),
        Some(Err(CannotOrder::NotDirectBill)) => {
            return Ok((
                StatusCode::CONFLICT,
                CannotOrderPage {
                    ctx,
                    customer_id: id,
                },
            )
                .into_response());
        }
        Some(Ok(v)) => v,
    };
    let offers = flows::catalogue(
        state,
        &view.buying.currency,
        &query.filter(Some(&view.buying.region)),
    )
    .await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = CartPage {
        ctx,
        offers: offer_rows(state, offers).await?,
        view,
        query,
        categories: &CATEGORIES,
        errors,
        typed,
        reseller_form,
    };
    Ok((status, page).into_response())
}

async fn cart(
    State(state): State<AppState>,
    Can(Signed(ctx, user), _): Can<can::PlaceOrders>,
    Path(id): Path<Uuid>,
    Query(query): Query<CatalogueQuery>,
) -> Result<Response, AppError> {
    cart_page(
        &state,
        ctx,
        user.tenant_id,
        id,
        query,
        FormErrors::default(),
        Vec::new(),
        ResellerInput::default(),
    )
    .await
}

async fn add(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, user), _): Can<can::PlaceOrders>,
    Path(id): Path<Uuid>,
    Form(form): Form<AddInput>,
) -> Result<Response, AppError> {
    let b = match buying(&state, &ctx, user.tenant_id, id).await? {
        Ok(b) => b,
        Err(page) => return Ok(page),
    };
    match flows::add(&state, &user, &b, &form, &ip).await? {
        Ok(()) => {
            ctx.success(&format!("/customers/{id}/cart"), Msg("orders-added"))
                .await
        }
        Err(errors) => {
            let typed = vec![(
                flows::licences_field(form.offer_id.trim()),
                form.licences.clone(),
            )];
            cart_page(
                &state,
                ctx,
                user.tenant_id,
                id,
                CatalogueQuery::default(),
                errors,
                typed,
                ResellerInput::default(),
            )
            .await
        }
    }
}

async fn change(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, user), _): Can<can::PlaceOrders>,
    Path((id, offer)): Path<(Uuid, String)>,
    Form(form): Form<ChangeInput>,
) -> Result<Response, AppError> {
    let b = match buying(&state, &ctx, user.tenant_id, id).await? {
        Ok(b) => b,
        Err(page) => return Ok(page),
    };
    match flows::change(&state, &user, &b, &offer, &form, &ip).await? {
        None => Err(AppError::NotFound),
        Some(Ok(())) => {
            ctx.success(&format!("/customers/{id}/cart"), Msg("orders-changed"))
                .await
        }
        Some(Err(errors)) => {
            let typed = vec![(flows::line_field(&offer), form.licences.clone())];
            cart_page(
                &state,
                ctx,
                user.tenant_id,
                id,
                CatalogueQuery::default(),
                errors,
                typed,
                ResellerInput::default(),
            )
            .await
        }
    }
}

async fn remove(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, user), _): Can<can::PlaceOrders>,
    Path((id, offer)): Path<(Uuid, String)>,
) -> Result<Response, AppError> {
    let b = match buying(&state, &ctx, user.tenant_id, id).await? {
        Ok(b) => b,
        Err(page) => return Ok(page),
    };
    let to = format!("/customers/{id}/cart");
    if flows::remove(&state, &user, &b, &offer, &ip).await? {
        ctx.success(&to, Msg("orders-removed")).await
    } else {
        ctx.warning(&to, Msg("orders-not-in-cart")).await
    }
}

async fn reseller(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, user), _): Can<can::PlaceOrders>,
    Path(id): Path<Uuid>,
    Form(form): Form<ResellerInput>,
) -> Result<Response, AppError> {
    let b = match buying(&state, &ctx, user.tenant_id, id).await? {
        Ok(b) => b,
        Err(page) => return Ok(page),
    };
    match flows::set_reseller(&state, &user, &b, &form, &ip).await? {
        Ok(flows::ResellerSaved::Saved(Some(r))) => {
            let message = crate::i18n::t_args(
                "orders-reseller-saved",
                &[("name", r.name.into()), ("id", r.partner_id.into())],
            );
            ctx.success(&format!("/customers/{id}/cart"), message).await
        }
        Ok(flows::ResellerSaved::Saved(None)) => {
            ctx.success(
                &format!("/customers/{id}/cart"),
                Msg("orders-reseller-none-saved"),
            )
            .await
        }
        Err(errors) => {
            let typed = vec![("partner_id".to_owned(), form.partner_id.clone())];
            cart_page(
                &state,
                ctx,
                user.tenant_id,
                id,
                CatalogueQuery::default(),
                errors,
                typed,
                form,
            )
            .await
        }
    }
}

/// The review before Buy.
#[derive(Template, WebTemplate)]
#[template(path = "orders/review.html")]
pub struct ReviewPage {
    ctx: Ctx,
    view: CartView,
    blockers: Vec<String>,
    /// Why the last Buy did not go through, if it did not.
    refused: Option<String>,
    reseller: Option<VerifiedReseller>,
    acting: bool,
    /// None: the lines are not edited here (the shared lines template asks).
    errors: FormErrors,
}

impl ReviewPage {
    /// The lines template's field value: on the review, the line's own.
    fn typed_or(&self, _field: &str, default: impl std::fmt::Display) -> String {
        default.to_string()
    }
}

async fn review_page(
    state: &AppState,
    ctx: Ctx,
    tenant: Uuid,
    id: Uuid,
    refused: Option<String>,
) -> Result<Response, AppError> {
    let view = match flows::cart_view(state, tenant, id).await? {
        None => return Err(AppError::NotFound),
        Some(Err(CannotOrder::NotDirectBill)) => {
            return Ok((
                StatusCode::CONFLICT,
                CannotOrderPage {
                    ctx,
                    customer_id: id,
                },
            )
                .into_response());
        }
        Some(Ok(v)) => v,
    };
    let reseller = view
        .cart
        .as_ref()
        .and_then(|c| c.reseller_tenant_id)
        .and_then(|r| view.resellers.iter().find(|x| x.tenant_id == r).cloned());
    let status = if refused.is_some() {
        StatusCode::CONFLICT
    } else {
        StatusCode::OK
    };
    let page = ReviewPage {
        ctx,
        acting: view.cart.as_ref().is_some_and(|c| c.acting_as_provider),
        errors: FormErrors::default(),
        blockers: view.blockers(),
        view,
        refused,
        reseller,
    };
    Ok((status, page).into_response())
}

async fn review(
    State(state): State<AppState>,
    Can(Signed(ctx, user), _): Can<can::PlaceOrders>,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    review_page(&state, ctx, user.tenant_id, id, None).await
}

async fn buy(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, user), _): Can<can::PlaceOrders>,
    Path(id): Path<Uuid>,
    Form(form): Form<BuyInput>,
) -> Result<Response, AppError> {
    let b = match buying(&state, &ctx, user.tenant_id, id).await? {
        Ok(b) => b,
        Err(page) => return Ok(page),
    };
    match flows::buy(&state, &user, &b, &form, &ip).await? {
        Bought::Now(order) => {
            ctx.success(&format!("/orders/{order}"), Msg("orders-bought"))
                .await
        }
        Bought::Already(order) => {
            ctx.info(&format!("/orders/{order}"), Msg("orders-already-bought"))
                .await
        }
        Bought::NoCart => {
            ctx.warning(&format!("/customers/{id}/cart"), Msg("orders-no-cart"))
                .await
        }
        Bought::Refused(why) => review_page(&state, ctx, user.tenant_id, id, Some(why)).await,
    }
}

/// "Throw the whole cart away?"
#[derive(Template, WebTemplate)]
#[template(path = "orders/cancel.html")]
pub struct CancelPage {
    ctx: Ctx,
    view: CartView,
}

async fn confirm_cancel(
    State(state): State<AppState>,
    Can(Signed(ctx, user), _): Can<can::PlaceOrders>,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    match flows::cart_view(&state, user.tenant_id, id).await? {
        None => Err(AppError::NotFound),
        Some(Err(_)) => Ok((
            StatusCode::CONFLICT,
            CannotOrderPage {
                ctx,
                customer_id: id,
            },
        )
            .into_response()),
        Some(Ok(view)) => Ok(CancelPage { ctx, view }.into_response()),
    }
}

async fn cancel(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, user), _): Can<can::PlaceOrders>,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let b = match buying(&state, &ctx, user.tenant_id, id).await? {
        Ok(b) => b,
        Err(page) => return Ok(page),
    };
    let to = format!("/customers/{id}");
    if flows::cancel(&state, &user, &b, &ip).await? {
        ctx.success(&to, Msg("orders-cancelled")).await
    } else {
        ctx.warning(&to, Msg("orders-no-cart")).await
    }
}

/// An order with its lines, as its pages show it.
pub struct OrderData {
    /// The order and its lines.
    pub view: OrderView,
    /// Its total.
    pub total: Money,
    /// Each line with its price per licence and its total.
    pub lines: Vec<(crate::db::orders::OrderLine, Money, Money)>,
    /// When, in words.
    pub placed_at: String,
}

impl OrderData {
    /// The customer's tenant.
    pub fn customer_id(&self) -> Uuid {
        self.view.order.customer_tenant_id
    }

    /// The customer's name.
    pub fn customer_name(&self) -> String {
        self.view.order.customer_name.clone()
    }
}

/// An order with its lines.
#[derive(Template, WebTemplate)]
#[template(path = "orders/order.html")]
pub struct OrderPage {
    ctx: Ctx,
    o: OrderData,
    /// Where "back" goes, and its words.
    back: (String, String),
    /// Subscription links lead here (`None`: no links).
    subscription_base: Option<&'static str>,
}

/// The order `id` for `reader`, or 404.
pub async fn order_data(state: &AppState, reader: Reader, id: Uuid) -> Result<OrderData, AppError> {
    let view = flows::order(state, reader, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let money = |minor| Money::new(minor, &view.order.currency).ok_or(AppError::NotFound);
    let total = money(view.order.total_minor)?;
    let lines = view
        .lines
        .iter()
        .map(|l| {
            Ok((
                l.clone(),
                money(l.unit_price_minor)?,
                money(l.line_total_minor)?,
            ))
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    Ok(OrderData {
        placed_at: crate::i18n::format::date_time(view.order.placed_at),
        total,
        lines,
        view,
    })
}

async fn order(
    State(state): State<AppState>,
    Can(Signed(ctx, user), _): Can<can::SeeCustomers>,
    Path(id): Path<Uuid>,
) -> Result<OrderPage, AppError> {
    let customer = flows::order(&state, Reader::Tenant(user.tenant_id), id)
        .await?
        .map(|v| (v.order.customer_tenant_id, v.order.customer_name))
        .ok_or(AppError::NotFound)?;
    let back = (
        format!("/customers/{}", customer.0),
        crate::i18n::t_args("customers-back-to", &[("company", customer.1.into())]),
    );
    Ok(OrderPage {
        o: order_data(&state, Reader::Tenant(user.tenant_id), id).await?,
        ctx,
        back,
        subscription_base: Some("/subscriptions"),
    })
}

async fn customer_order(
    State(state): State<AppState>,
    Signed(ctx, user): Signed<crate::db::users::SessionUser>,
    Path(id): Path<Uuid>,
) -> Result<OrderPage, AppError> {
    if !user.tenant_kind.is_customer() {
        return Err(AppError::NotFound);
    }
    let back = ("/dashboard".to_owned(), crate::i18n::t("back-to-dashboard"));
    Ok(OrderPage {
        o: order_data(&state, Reader::Tenant(user.tenant_id), id).await?,
        ctx,
        back,
        subscription_base: None,
    })
}
