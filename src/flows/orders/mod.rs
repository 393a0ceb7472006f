//! Ordering (issue 17): the catalogue, a provider's cart for one customer (held on the
//! server), the review, Buy (one order per cart, however often it is pressed) and the
//! order history.

use crate::db::orders::{self as store, Cart, CartLine, CatalogueFilter, Offer};
use crate::db::users::SessionUser;
use crate::db::{self, audit::AuditEvent};
use crate::domain::order::{Money, Reader, parse_licences, sees_order};
use crate::flows::lifecycle::{self, VerifiedReseller};
use crate::messages::Msg;
use crate::state::AppState;
use uuid::Uuid;

/// The customer as `$provider` orders for it, or the [`ForCustomer`] that says why not.
macro_rules! buying_or_return {
    ($state:expr, $provider:expr, $customer:expr) => {
        match buying($state, $provider, $customer).await? {
            None => return Ok(ForCustomer::NotServed),
            Some(Err(cannot)) => return Ok(ForCustomer::Cannot(cannot)),
            Some(Ok(b)) => b,
        }
    };
}

mod buy;
mod cart;

pub use buy::*;
pub use cart::*;

/// The catalogue priced in `tenant`'s billing currency: (the currency, the offers).
/// `None` for an unknown tenant.
pub async fn catalogue(
    state: &AppState,
    tenant: Uuid,
    filter: &CatalogueFilter,
) -> sqlx::Result<Option<(String, Vec<Offer>)>> {
    let Some(t) = db::tenants::overview(&state.db, tenant).await? else {
        return Ok(None);
    };
    let offers = store::offers(&state.db, &t.billing_currency, filter).await?;
    Ok(Some((t.billing_currency, offers)))
}

/// The customer an order is for, as the provider sees it.
#[derive(Clone, Debug)]
pub struct Buying {
    /// Customer.
    pub customer_id: Uuid,
    /// Its name.
    pub customer_name: String,
    /// Its program region (offers must be sold there).
    pub region: String,
    /// Its billing currency (every price and total).
    pub currency: String,
    /// The customer agreement's current version is recorded.
    pub agreement_current: bool,
    /// The reseller of the customer's relationship with this provider, if any (the
    /// cart's first choice).
    pub related_reseller: Option<Uuid>,
    /// The provider is listed in the directory (may act as indirect provider).
    pub listed: bool,
}

/// Why the provider cannot order for a customer it serves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CannotOrder {
    /// Not (any more) an active direct-bill partner: new orders stop.
    NotDirectBill,
}

/// What came of something a provider does with a customer's cart.
#[derive(Debug)]
pub enum ForCustomer<T> {
    /// Not a customer the organisation provides for (a 404).
    NotServed,
    /// The organisation may not order now.
    Cannot(CannotOrder),
    /// Done, with this outcome.
    Then(T),
}

/// The customer `customer_id` as `provider` orders for it: `None` (a 404) unless the
/// provider serves it as provider; `Err` when the provider may not order now.
async fn buying(
    state: &AppState,
    provider: Uuid,
    customer_id: Uuid,
) -> anyhow::Result<Option<Result<Buying, CannotOrder>>> {
    let Some(customer) = db::customers::find(&state.db, customer_id).await? else {
        return Ok(None);
    };
    let relationships = db::customers::relationships_of(&state.db, customer_id).await?;
    let Some(mine) = relationships.iter().find(|r| r.provider_id == provider) else {
        return Ok(None);
    };
    let (direct, listed) = lifecycle::ordering_standing(state, provider).await?;
    if !direct {
        return Ok(Some(Err(CannotOrder::NotDirectBill)));
    }
    let current = db::customers::current_agreement(&state.db).await?;
    let agreement_current = db::customers::acceptance(&state.db, customer_id)
        .await?
        .is_some_and(|a| a.version == current);
    let region = state
        .market(&customer.country_code)
        .await?
        .map(|m| m.csp_region)
        .unwrap_or_default();
    Ok(Some(Ok(Buying {
        customer_id,
        customer_name: customer.name,
        region,
        currency: customer.billing_currency,
        agreement_current,
        related_reseller: mine.reseller_id,
        listed,
    })))
}

/// A cart line as the pages show it.
#[derive(Clone, Debug)]
pub struct LineView {
    /// The line.
    pub line: CartLine,
    /// Price per licence now.
    pub unit: Money,
    /// The price when it was added, when it differs from now's.
    pub was: Option<Money>,
    /// Licences times price now.
    pub total: Money,
    /// What is wrong with the line (no longer sold in the region or priced, count out of
    /// the offer's limits), if anything.
    pub problem: Option<String>,
}

/// A cart as the cart and review pages show it.
#[derive(Clone, Debug)]
pub struct CartView {
    /// For whom.
    pub buying: Buying,
    /// The open cart, if any.
    pub cart: Option<Cart>,
    /// Its lines.
    pub lines: Vec<LineView>,
    /// The total at today's prices.
    pub total: Money,
    /// Some price changed since its line was added.
    pub stale: bool,
    /// The provider's resellers it may choose.
    pub resellers: Vec<VerifiedReseller>,
}

impl CartView {
    /// What stops Buy, each in words (empty: Buy is possible).
    pub fn blockers(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        if self.lines.is_empty() {
            out.push(Msg("orders-block-empty").into());
        }
        if self.lines.iter().any(|l| l.problem.is_some()) {
            out.push(Msg("orders-block-lines").into());
        }
        if !self.buying.agreement_current {
            out.push(Msg("orders-block-agreement").into());
        }
        if let Some(cart) = &self.cart
            && cart.reseller_tenant_id.is_some()
        {
            if !cart.acting_as_provider {
                out.push(Msg("orders-block-acting").into());
            }
            if !self.buying.listed {
                out.push(Msg("orders-block-not-listed").into());
            }
        }
        out
    }
}

/// The provider's cart for the customer, priced today, with the offers matching `filter`
/// that are sold in the customer's region.
pub async fn cart_view(
    state: &AppState,
    provider: Uuid,
    customer_id: Uuid,
    filter: &CatalogueFilter,
) -> anyhow::Result<ForCustomer<(CartView, Vec<Offer>)>> {
    let buying = buying_or_return!(state, provider, customer_id);
    let filter = CatalogueFilter {
        region: Some(buying.region.clone()),
        ..filter.clone()
    };
    let offers = store::offers(&state.db, &buying.currency, &filter).await?;
    let cart = store::cart(&state.db, provider, customer_id).await?;
    let lines = match &cart {
        Some(c) => store::lines(&state.db, c.cart_id).await?,
        None => Vec::new(),
    };
    let view = view(state, provider, buying, cart, lines).await?;
    Ok(ForCustomer::Then((view, offers)))
}

async fn view(
    state: &AppState,
    provider: Uuid,
    buying: Buying,
    cart: Option<Cart>,
    lines: Vec<CartLine>,
) -> anyhow::Result<CartView> {
    let zero = Money::new(0, &buying.currency)
        .ok_or_else(|| anyhow::anyhow!("bad currency {}", buying.currency))?;
    let mut total = zero;
    let mut stale = false;
    let mut views = Vec::new();
    for line in lines {
        let price = line.current_price_minor.unwrap_or(line.added_price_minor);
        let unit = Money {
            minor: price,
            ..zero
        };
        let line_total = unit
            .times(i64::from(line.licences))
            .ok_or_else(|| anyhow::anyhow!("line total overflows"))?;
        let was = (line.current_price_minor.is_some() && price != line.added_price_minor)
            .then_some(Money {
                minor: line.added_price_minor,
                ..zero
            });
        stale |= was.is_some();
        let sold = line
            .regions
            .as_ref()
            .is_none_or(|r| r.contains(&buying.region));
        let problem =
            if !sold || line.current_price_minor.is_none() || line.currency != buying.currency {
                Some(Msg("orders-line-not-sold").into())
            } else {
                parse_licences(
                    &line.licences.to_string(),
                    line.min_licences,
                    line.max_licences,
                )
                .err()
            };
        total = total
            .plus(line_total)
            .ok_or_else(|| anyhow::anyhow!("cart total overflows"))?;
        views.push(LineView {
            line,
            unit,
            was,
            total: line_total,
            problem,
        });
    }
    Ok(CartView {
        resellers: lifecycle::active_resellers(state, provider).await?,
        buying,
        cart,
        lines: views,
        total,
        stale,
    })
}

/// An order with its lines.
pub struct OrderView {
    /// Header.
    pub order: store::Order,
    /// Lines.
    pub lines: Vec<store::OrderLine>,
}

/// May `reader` see an order of a customer with `relationships`? (The rule: [`sees_order`].)
fn may_see(
    reader: Reader,
    order: &store::Order,
    relationships: &[db::customers::Relationship],
) -> bool {
    let serving: Vec<_> = relationships
        .iter()
        .map(|r| (r.provider_id, r.reseller_id))
        .collect();
    sees_order(
        reader,
        order.provider_tenant_id,
        order.customer_tenant_id,
        order.reseller_tenant_id,
        &serving,
    )
}

/// One order, if `reader` may see it.
pub async fn order(
    state: &AppState,
    reader: Reader,
    order_id: Uuid,
) -> anyhow::Result<Option<OrderView>> {
    let Some(order) = store::order(&state.db, order_id).await? else {
        return Ok(None);
    };
    let relationships =
        db::customers::relationships_of(&state.db, order.customer_tenant_id).await?;
    if !may_see(reader, &order, &relationships) {
        return Ok(None);
    }
    Ok(Some(OrderView {
        lines: store::order_lines(&state.db, order_id).await?,
        order,
    }))
}

async fn audit(
    tx: &mut sqlx::PgConnection,
    user: &SessionUser,
    ip: &str,
    action: &'static str,
    target: Uuid,
    before: Option<serde_json::Value>,
    after: serde_json::Value,
) -> sqlx::Result<()> {
    let kind = if action.starts_with("order") {
        "order"
    } else {
        "cart"
    };
    let event = AuditEvent {
        before,
        after: Some(after),
        ..AuditEvent::by_user(user, action, kind, target.to_string(), ip)
    };
    db::audit::record(&mut *tx, event).await?;
    Ok(())
}
