//! Buy: the order, its lines and subscriptions, once per cart.

use super::{Buying, ForCustomer, audit, buying, view};
use crate::db::orders as store;
use crate::db::users::SessionUser;
use crate::db::{self};
use crate::email::messages::OrderPlaced;
use crate::flows::lifecycle;
use crate::messages::Msg;
use crate::state::AppState;
use serde::Deserialize;
use serde_json::json;
use uuid::Uuid;

/// What Buy sends: the cart and the total the review showed.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct BuyInput {
    /// The cart reviewed.
    #[serde(default)]
    pub cart_id: String,
    /// Its version then.
    #[serde(default)]
    pub version: String,
    /// The total shown, in minor units.
    #[serde(default)]
    pub total: String,
}

/// What came of Buy.
#[derive(Clone, Debug)]
pub enum Bought {
    /// The order made now.
    Now(Uuid),
    /// The cart was bought already (another click or browser): its order.
    Already(Uuid),
    /// Nothing to buy: the cart was thrown away.
    NoCart,
    /// Not bought: the cart changed since the review, or prices did, or something blocks
    /// it (the review shows it again with this message).
    Refused(String),
}

/// Buys the cart reviewed: the order, its lines and one subscription per line, in one
/// transaction with the audit and the confirmation e-mails to the customer's admins and
/// the reseller's global admins; the cart is gone after. Sent again (a double click,
/// another browser), it finds the order instead of making another.
pub async fn buy(
    state: &AppState,
    user: &SessionUser,
    customer_id: Uuid,
    input: &BuyInput,
    ip: &str,
) -> anyhow::Result<ForCustomer<Bought>> {
    let buying = buying_or_return!(state, user.tenant_id, customer_id);
    Ok(ForCustomer::Then(
        buy_for(state, user, &buying, input, ip).await?,
    ))
}

async fn buy_for(
    state: &AppState,
    user: &SessionUser,
    buying: &Buying,
    input: &BuyInput,
    ip: &str,
) -> anyhow::Result<Bought> {
    let reviewed: Option<Uuid> = input.cart_id.trim().parse().ok();
    let mut tx = state.db.begin().await?;
    // The lock makes a second Buy of the same cart wait for the first, then find its order.
    let cart = store::lock_cart(&mut tx, user.tenant_id, buying.customer_id).await?;
    let cart = match (cart, reviewed) {
        (Some(cart), Some(id)) if cart.cart_id == id => cart,
        (_, Some(id)) => {
            return Ok(match store::order_of_cart(&mut *tx, id).await? {
                Some(order) => Bought::Already(order),
                None => Bought::NoCart,
            });
        }
        (_, None) => return Ok(Bought::NoCart),
    };
    if input.version.trim() != cart.version.to_string() {
        return Ok(Bought::Refused(Msg("orders-cart-changed").into()));
    }
    let lines = store::lines(&mut *tx, cart.cart_id).await?;
    let view = view(
        state,
        user.tenant_id,
        buying.clone(),
        Some(cart.clone()),
        lines,
    )
    .await?;
    if let Some(first) = view.blockers().into_iter().next() {
        return Ok(Bought::Refused(first));
    }
    if view.stale || input.total.trim() != view.total.minor.to_string() {
        // Take today's prices so the review shows (and the next Buy pays) them.
        store::reprice(&mut tx, cart.cart_id).await?;
        tx.commit().await?;
        return Ok(Bought::Refused(Msg("orders-prices-changed").into()));
    }
    let reseller = match cart.reseller_tenant_id {
        None => None,
        Some(tenant) => {
            let chosen = lifecycle::active_resellers(state, user.tenant_id)
                .await?
                .into_iter()
                .find(|r| r.tenant_id == tenant);
            match chosen {
                Some(r) => Some(r),
                None => return Ok(Bought::Refused(Msg("orders-reseller-gone").into())),
            }
        }
    };
    let order_id = Uuid::new_v4();
    let number = store::insert_order(
        &mut tx,
        &store::NewOrder {
            order_id,
            cart_id: cart.cart_id,
            provider: user.tenant_id,
            customer: buying.customer_id,
            reseller: reseller
                .as_ref()
                .map(|r| (r.tenant_id, r.partner_id.as_str())),
            acting_as_provider: cart.acting_as_provider,
            currency: &buying.currency,
            total_minor: view.total.minor,
            placed_by: user.user_id,
            placed_by_name: &user.full_name,
        },
    )
    .await?;
    let today = time::OffsetDateTime::now_utc().date();
    let mut summary = Vec::new();
    for (n, line) in view.lines.iter().enumerate() {
        let cycle = line.line.billing_cycle;
        let subscription_id = Uuid::new_v4();
        db::subscriptions::insert(
            &mut tx,
            &db::subscriptions::NewSubscription {
                subscription_id,
                customer: buying.customer_id,
                provider: user.tenant_id,
                offer_id: &line.line.offer_id,
                order_id,
                licences: line.line.licences,
                billing_cycle: cycle,
                currency: &buying.currency,
                unit_price_minor: line.unit.minor,
                started_on: today,
                next_renewal_on: cycle.next_renewal(today),
            },
        )
        .await?;
        if let Some(r) = &reseller {
            db::subscriptions::attach_reseller(
                &mut tx,
                subscription_id,
                Some((r.tenant_id, r.partner_id.as_str())),
                user.user_id,
            )
            .await?;
        }
        store::insert_line(
            &mut tx,
            order_id,
            &store::OrderLine {
                line_no: i32::try_from(n + 1)?,
                offer_id: line.line.offer_id.clone(),
                offer_name: line.line.name.clone(),
                billing_cycle: cycle,
                licences: line.line.licences,
                unit_price_minor: line.unit.minor,
                line_total_minor: line.total.minor,
                subscription_id,
            },
        )
        .await?;
        summary.push(json!({ "offer": line.line.offer_id, "licences": line.line.licences,
                             "unit_price_minor": line.unit.minor, "subscription": subscription_id }));
    }
    store::delete_cart(&mut tx, cart.cart_id).await?;
    audit(
        &mut tx,
        user,
        ip,
        "order.placed",
        order_id,
        None,
        json!({ "number": number, "customer": buying.customer_id, "currency": buying.currency,
                "total_minor": view.total.minor, "reseller": reseller.as_ref().map(|r| r.partner_id.clone()),
                "lines": summary }),
    )
    .await?;
    let message = OrderPlaced {
        number,
        customer: buying.customer_name.clone(),
        provider: user.organisation.clone(),
        reseller: reseller.as_ref().map(|r| r.name.clone()),
        lines: view
            .lines
            .iter()
            .map(|l| (l.line.name.clone(), l.line.licences, l.unit, l.total))
            .collect(),
        total: view.total,
        link: state.config.link(&format!("/orders/{order_id}")),
    };
    lifecycle::tell_global_admins(state, &mut tx, buying.customer_id, &message).await?;
    if let Some(r) = &reseller {
        lifecycle::tell_global_admins(state, &mut tx, r.tenant_id, &message).await?;
    }
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(Bought::Now(order_id))
}
