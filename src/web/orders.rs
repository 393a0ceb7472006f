//! Ordering (issue 17): the catalogue, a customer's cart (add, change, remove, reseller),
//! the review, Buy, throwing the cart away, and the order pages.

use crate::db::orders::{Cart, CatalogueFilter, Offer};
use crate::domain::FormErrors;
use crate::domain::order::{BillingCycle, Category, Money, Reader};
use crate::error::AppError;
use crate::flows::lifecycle::VerifiedReseller;
use crate::flows::orders::{
    self as flows, AddInput, Bought, BuyInput, CannotOrder, CartView, ChangeInput, ForCustomer,
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
    fn filter(&self) -> CatalogueFilter {
        let some = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        CatalogueFilter {
            search: some(&self.q).map(|s| s.chars().take(100).collect()),
            category: Category::from_code(self.category.trim()),
            cycle: [BillingCycle::Monthly, BillingCycle::Annual]
                .into_iter()
                .find(|c| c.code() == self.cycle.trim()),
            region: some(&self.region),
        }
    }
}

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
    cycles: [BillingCycle; 2],
    rows: Vec<OfferRow>,
    query: CatalogueQuery,
    currency: String,
    regions: Vec<(String, String)>,
    categories: &'static [Category],
}

async fn catalogue(
    State(state): State<AppState>,
    Can(Signed(ctx, user), _): Can<can::SeeCustomers>,
    Query(query): Query<CatalogueQuery>,
) -> Result<CataloguePage, AppError> {
    let (currency, offers) = flows::catalogue(&state, user.tenant_id, &query.filter())
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(CataloguePage {
        rows: offer_rows(&state, offers).await?,
        regions: state.regions().await?,
        currency,
        query,
        categories: &Category::ALL,
        cycles: [BillingCycle::Monthly, BillingCycle::Annual],
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

/// The outcome of a cart action for the customer `id`: `T`, or the response that says why
/// not (404 for a customer the organisation does not provide for, 409 when it may not
/// order now).
fn then<T>(ctx: &Ctx, id: Uuid, outcome: ForCustomer<T>) -> Result<Result<T, Response>, AppError> {
    match outcome {
        ForCustomer::NotServed => Err(AppError::NotFound),
        ForCustomer::Cannot(CannotOrder::NotDirectBill) => Ok(Err((
            StatusCode::CONFLICT,
            CannotOrderPage {
                ctx: ctx.clone(),
                customer_id: id,
            },
        )
            .into_response())),
        ForCustomer::Then(t) => Ok(Ok(t)),
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
    categories: &'static [Category],
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

/// The cart page again after a refused form: its errors, what was typed.
struct Refused {
    errors: FormErrors,
    typed: Vec<(String, String)>,
    reseller_form: ResellerInput,
}

async fn cart_page(
    state: &AppState,
    ctx: Ctx,
    tenant: Uuid,
    id: Uuid,
    query: CatalogueQuery,
    refused: Option<Refused>,
) -> Result<Response, AppError> {
    let outcome = flows::cart_view(state, tenant, id, &query.filter()).await?;
    let (view, offers) = match then(&ctx, id, outcome)? {
        Ok(v) => v,
        Err(page) => return Ok(page),
    };
    let status = if refused.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let refused = refused.unwrap_or(Refused {
        errors: FormErrors::default(),
        typed: Vec::new(),
        reseller_form: ResellerInput::default(),
    });
    let page = CartPage {
        ctx,
        offers: offer_rows(state, offers).await?,
        view,
        query,
        categories: &Category::ALL,
        errors: refused.errors,
        typed: refused.typed,
        reseller_form: refused.reseller_form,
    };
    Ok((status, page).into_response())
}

async fn cart(
    State(state): State<AppState>,
    Can(Signed(ctx, user), _): Can<can::PlaceOrders>,
    Path(id): Path<Uuid>,
    Query(query): Query<CatalogueQuery>,
) -> Result<Response, AppError> {
    cart_page(&state, ctx, user.tenant_id, id, query, None).await
}

/// The cart page with a refused form's `errors` and what was typed into `field`.
async fn refused(
    state: &AppState,
    ctx: Ctx,
    tenant: Uuid,
    id: Uuid,
    errors: FormErrors,
    typed: (String, String),
    reseller_form: ResellerInput,
) -> Result<Response, AppError> {
    let refused = Refused {
        errors,
        typed: vec![typed],
        reseller_form,
    };
    let query = CatalogueQuery::default();
    cart_page(state, ctx, tenant, id, query, Some(refused)).await
}

async fn add(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, user), _): Can<can::PlaceOrders>,
    Path(id): Path<Uuid>,
    Form(form): Form<AddInput>,
) -> Result<Response, AppError> {
    let outcome = flows::add(&state, &user, id, &form, &ip).await?;
    match then(&ctx, id, outcome)? {
        Err(page) => Ok(page),
        Ok(Ok(())) => {
            let to = format!("/customers/{id}/cart");
            ctx.success(&to, Msg("orders-added")).await
        }
        Ok(Err(errors)) => {
            let field = flows::licences_field(form.offer_id.trim());
            let typed = (field, form.licences.clone());
            let blank = ResellerInput::default();
            refused(&state, ctx, user.tenant_id, id, errors, typed, blank).await
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
    let outcome = flows::change(&state, &user, id, &offer, &form, &ip).await?;
    match then(&ctx, id, outcome)? {
        Err(page) => Ok(page),
        Ok(None) => Err(AppError::NotFound),
        Ok(Some(Ok(()))) => {
            let to = format!("/customers/{id}/cart");
            ctx.success(&to, Msg("orders-changed")).await
        }
        Ok(Some(Err(errors))) => {
            let typed = (flows::line_field(&offer), form.licences.clone());
            let blank = ResellerInput::default();
            refused(&state, ctx, user.tenant_id, id, errors, typed, blank).await
        }
    }
}

async fn remove(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, user), _): Can<can::PlaceOrders>,
    Path((id, offer)): Path<(Uuid, String)>,
) -> Result<Response, AppError> {
    let outcome = flows::remove(&state, &user, id, &offer, &ip).await?;
    let to = format!("/customers/{id}/cart");
    match then(&ctx, id, outcome)? {
        Err(page) => Ok(page),
        Ok(true) => ctx.success(&to, Msg("orders-removed")).await,
        Ok(false) => ctx.warning(&to, Msg("orders-not-in-cart")).await,
    }
}

async fn reseller(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, user), _): Can<can::PlaceOrders>,
    Path(id): Path<Uuid>,
    Form(form): Form<ResellerInput>,
) -> Result<Response, AppError> {
    let outcome = flows::set_reseller(&state, &user, id, &form, &ip).await?;
    let to = format!("/customers/{id}/cart");
    match then(&ctx, id, outcome)? {
        Err(page) => Ok(page),
        Ok(Ok(flows::ResellerSaved::Saved(Some(r)))) => {
            let message = crate::i18n::t_args(
                "orders-reseller-saved",
                &[("name", r.name.into()), ("id", r.partner_id.into())],
            );
            ctx.success(&to, message).await
        }
        Ok(Ok(flows::ResellerSaved::Saved(None))) => {
            ctx.success(&to, Msg("orders-reseller-none-saved")).await
        }
        Ok(Err(errors)) => {
            let typed = ("partner_id".to_owned(), form.partner_id.clone());
            refused(&state, ctx, user.tenant_id, id, errors, typed, form).await
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
    let outcome = flows::cart_view(state, tenant, id, &CatalogueFilter::default()).await?;
    let view = match then(&ctx, id, outcome)? {
        Ok((view, _)) => view,
        Err(page) => return Ok(page),
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
    let outcome = flows::buy(&state, &user, id, &form, &ip).await?;
    match then(&ctx, id, outcome)? {
        Err(page) => Ok(page),
        Ok(Bought::Now(order)) => {
            let to = format!("/orders/{order}");
            ctx.success(&to, Msg("orders-bought")).await
        }
        Ok(Bought::Already(order)) => {
            let to = format!("/orders/{order}");
            ctx.info(&to, Msg("orders-already-bought")).await
        }
        Ok(Bought::NoCart) => {
            let to = format!("/customers/{id}/cart");
            ctx.warning(&to, Msg("orders-no-cart")).await
        }
        Ok(Bought::Refused(why)) => review_page(&state, ctx, user.tenant_id, id, Some(why)).await,
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
    let filter = CatalogueFilter::default();
    let outcome = flows::cart_view(&state, user.tenant_id, id, &filter).await?;
    Ok(match then(&ctx, id, outcome)? {
        Ok((view, _)) => CancelPage { ctx, view }.into_response(),
        Err(page) => page,
    })
}

async fn cancel(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, user), _): Can<can::PlaceOrders>,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let outcome = flows::cancel(&state, &user, id, &ip).await?;
    let to = format!("/customers/{id}");
    match then(&ctx, id, outcome)? {
        Err(page) => Ok(page),
        Ok(true) => ctx.success(&to, Msg("orders-cancelled")).await,
        Ok(false) => ctx.warning(&to, Msg("orders-no-cart")).await,
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

    /// "Back to <the customer>", to the customer's page under `base`.
    pub fn back_to(&self, base: &str) -> (String, String) {
        (
            format!("{base}/{}", self.customer_id()),
            crate::i18n::t_args(
                "customers-back-to",
                &[("company", self.customer_name().into())],
            ),
        )
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
    let o = order_data(&state, Reader::Tenant(user.tenant_id), id).await?;
    let back = o.back_to("/customers");
    Ok(OrderPage {
        o,
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
