//! Customers in the back office (issue 16): operator staff look up any customer and read its
//! relationships, admin access and agreement.

use super::{SignedInStaff, StaffCtx};
use crate::db::customers::Listed;
use crate::error::AppError;
use crate::flows::customers::{self as flows, CustomerView};
use crate::i18n::filters;
use crate::state::AppState;
use crate::web::ctx::Signed;
use crate::web::form::{Path, Query};
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::routing::get;
use uuid::Uuid;

/// Routes of this area.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/customers", get(list))
        .route("/admin/customers/{id}", get(show))
        .route("/admin/orders/{id}", get(order))
        .route("/admin/subscriptions/{id}", get(subscription))
}

/// How many customers a lookup shows.
const SHOWN: i64 = 100;

/// The lookup's query.
#[derive(Debug, Default, serde::Deserialize)]
pub struct LookupQuery {
    #[serde(default)]
    q: String,
}

/// The lookup page.
#[derive(Template, WebTemplate)]
#[template(path = "admin/customers.html")]
pub struct LookupPage {
    ctx: StaffCtx,
    q: String,
    rows: Vec<(Listed, String)>,
}

async fn list(
    State(state): State<AppState>,
    Signed(ctx, _): SignedInStaff,
    Query(query): Query<LookupQuery>,
) -> Result<LookupPage, AppError> {
    let q = query.q.trim().to_owned();
    let found = flows::lookup(&state, Some(q.as_str()).filter(|q| !q.is_empty()), SHOWN).await?;
    let mut rows = Vec::with_capacity(found.len());
    for c in found {
        let country = state.country_name(&c.country_code).await?;
        rows.push((c, country));
    }
    Ok(LookupPage { ctx, q, rows })
}

/// One customer, read-only.
#[derive(Template, WebTemplate)]
#[template(path = "admin/customer.html")]
pub struct CustomerPage {
    ctx: StaffCtx,
    view: CustomerView,
    country: String,
    domain: String,
    accepted_on: String,
    no_reseller: crate::messages::Msg,
    subs: Vec<crate::web::subscriptions::SubRow>,
    orders: Vec<crate::web::subscriptions::OrderRow>,
    /// Subscription links lead here ("" none).
    base: &'static str,
    /// Order links lead here.
    order_base: &'static str,
    show_customer: bool,
}

async fn show(
    State(state): State<AppState>,
    Signed(ctx, _): SignedInStaff,
    Path(id): Path<Uuid>,
) -> Result<CustomerPage, AppError> {
    let view = flows::customer_for(&state, None, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut view = view;
    let (subs, orders) = crate::web::subscriptions::customer_sections(&mut view);
    Ok(CustomerPage {
        subs,
        orders,
        base: "/admin/subscriptions",
        order_base: "/admin/orders",
        show_customer: false,
        country: state.country_name(&view.customer.country_code).await?,
        domain: state.config.tenant_domain(&view.customer.domain_prefix),
        accepted_on: view
            .acceptance
            .as_ref()
            .map(|a| crate::i18n::format::date(a.accepted_on))
            .unwrap_or_default(),
        no_reseller: crate::messages::Msg("customers-one-tier"),
        view,
        ctx,
    })
}

/// An order, read-only.
#[derive(Template, WebTemplate)]
#[template(path = "admin/order.html")]
pub struct OrderPage {
    ctx: StaffCtx,
    o: crate::web::orders::OrderData,
    back: (String, String),
    subscription_base: Option<&'static str>,
}

async fn order(
    State(state): State<AppState>,
    Signed(ctx, _): SignedInStaff,
    Path(id): Path<Uuid>,
) -> Result<OrderPage, AppError> {
    let o = crate::web::orders::order_data(&state, crate::domain::order::Reader::Staff, id).await?;
    let back = o.back_to("/admin/customers");
    Ok(OrderPage {
        ctx,
        o,
        back,
        subscription_base: Some("/admin/subscriptions"),
    })
}

/// A subscription, read-only.
#[derive(Template, WebTemplate)]
#[template(path = "admin/subscription.html")]
pub struct SubscriptionPage {
    ctx: StaffCtx,
    row: crate::web::subscriptions::SubRow,
    history: crate::web::subscriptions::History,
}

async fn subscription(
    State(state): State<AppState>,
    Signed(ctx, _): SignedInStaff,
    Path(id): Path<Uuid>,
) -> Result<SubscriptionPage, AppError> {
    let (_, row, history) =
        crate::web::subscriptions::sub_data(&state, crate::domain::order::Reader::Staff, id)
            .await?;
    Ok(SubscriptionPage { ctx, row, history })
}
