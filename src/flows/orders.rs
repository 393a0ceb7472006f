//! Ordering (issue 17): the catalogue, a provider's cart for one customer (held on the
//! server), the review, Buy (one order per cart, however often it is pressed) and the
//! order history.

use crate::db::orders::{self as store, Cart, CartLine, CatalogueFilter, Offer};
use crate::db::users::SessionUser;
use crate::db::{self, audit::AuditEvent};
use crate::domain::FormErrors;
use crate::domain::order::{Money, Reader, parse_licences, sees_order};
use crate::email::messages::OrderPlaced;
use crate::flows::lifecycle::{self, VerifiedReseller};
use crate::messages::Msg;
use crate::state::AppState;
use serde::Deserialize;
use serde_json::json;
use uuid::Uuid;

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

/// What "Add to cart" sends.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct AddInput {
    /// The offer.
    #[serde(default)]
    pub offer_id: String,
    /// Licences.
    #[serde(default)]
    pub licences: String,
}

/// The field an offer's licence count is typed in (one per offer on the cart page).
pub fn licences_field(offer_id: &str) -> String {
    format!("licences-{offer_id}")
}

/// Adds `licences` of an offer to the provider's cart for the customer (adding to a line
/// already there), opening the cart if needed. Errors name the offer's field.
pub async fn add(
    state: &AppState,
    user: &SessionUser,
    customer_id: Uuid,
    input: &AddInput,
    ip: &str,
) -> anyhow::Result<ForCustomer<Result<(), FormErrors>>> {
    let buying = buying_or_return!(state, user.tenant_id, customer_id);
    Ok(ForCustomer::Then(
        add_for(state, user, &buying, input, ip).await?,
    ))
}

async fn add_for(
    state: &AppState,
    user: &SessionUser,
    buying: &Buying,
    input: &AddInput,
    ip: &str,
) -> anyhow::Result<Result<(), FormErrors>> {
    let field = licences_field(input.offer_id.trim());
    let Some(offer) = store::offer(&state.db, input.offer_id.trim(), &buying.currency).await?
    else {
        return Ok(Err(FormErrors::single(field, Msg("orders-offer-unknown"))));
    };
    if !offer.sold_in(&buying.region) {
        return Ok(Err(FormErrors::single(
            field,
            crate::i18n::t_args(
                "orders-offer-not-in-region",
                &[("offer", offer.name.into())],
            ),
        )));
    }
    let added = match parse_licences(&input.licences, 1, offer.max_licences) {
        Ok(n) => n,
        Err(e) => return Ok(Err(FormErrors::single(field, e))),
    };
    let mut tx = state.db.begin().await?;
    let cart = store::open_cart(&mut tx, user.tenant_id, buying.customer_id, user.user_id).await?;
    let already = store::lines(&mut *tx, cart.cart_id)
        .await?
        .into_iter()
        .find(|l| l.offer_id == offer.offer_id)
        .map_or(0, |l| l.licences);
    let total = i64::from(already) + i64::from(added);
    let licences = match parse_licences(&total.to_string(), offer.min_licences, offer.max_licences)
    {
        Ok(n) => n,
        Err(e) => return Ok(Err(FormErrors::single(field, e))),
    };
    store::put_line(&mut tx, cart.cart_id, &offer, licences).await?;
    audit(
        &mut tx,
        user,
        ip,
        "cart.line_added",
        cart.cart_id,
        Some(json!({ "licences": already })),
        json!({ "customer": buying.customer_id, "offer": offer.offer_id, "licences": licences,
                "unit_price_minor": offer.unit_price_minor, "currency": offer.currency }),
    )
    .await?;
    tx.commit().await?;
    Ok(Ok(()))
}

/// What a line's "Change" sends.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct ChangeInput {
    /// Licences.
    #[serde(default)]
    pub licences: String,
}

/// The field a cart line's licence count is changed in.
pub fn line_field(offer_id: &str) -> String {
    format!("line-{offer_id}")
}

/// Sets a cart line's licence count (the price stays the one it was added at; the review
/// shows a change). `None` when the offer is not in the cart.
pub async fn change(
    state: &AppState,
    user: &SessionUser,
    customer_id: Uuid,
    offer_id: &str,
    input: &ChangeInput,
    ip: &str,
) -> anyhow::Result<ForCustomer<Option<Result<(), FormErrors>>>> {
    let buying = buying_or_return!(state, user.tenant_id, customer_id);
    Ok(ForCustomer::Then(
        change_for(state, user, &buying, offer_id, input, ip).await?,
    ))
}

async fn change_for(
    state: &AppState,
    user: &SessionUser,
    buying: &Buying,
    offer_id: &str,
    input: &ChangeInput,
    ip: &str,
) -> anyhow::Result<Option<Result<(), FormErrors>>> {
    let mut tx = state.db.begin().await?;
    let Some(cart) = store::lock_cart(&mut tx, user.tenant_id, buying.customer_id).await? else {
        return Ok(None);
    };
    let Some(line) = store::lines(&mut *tx, cart.cart_id)
        .await?
        .into_iter()
        .find(|l| l.offer_id == offer_id)
    else {
        return Ok(None);
    };
    let licences = match parse_licences(&input.licences, line.min_licences, line.max_licences) {
        Ok(n) => n,
        Err(e) => return Ok(Some(Err(FormErrors::single(line_field(offer_id), e)))),
    };
    let Some(offer) = store::offer(&mut *tx, offer_id, &line.currency).await? else {
        return Ok(Some(Err(FormErrors::single(
            line_field(offer_id),
            Msg("orders-line-not-sold"),
        ))));
    };
    // Keep the price it was added at: a changed list price is for the review to show.
    let offer = Offer {
        unit_price_minor: line.added_price_minor,
        ..offer
    };
    store::put_line(&mut tx, cart.cart_id, &offer, licences).await?;
    audit(
        &mut tx,
        user,
        ip,
        "cart.line_changed",
        cart.cart_id,
        Some(json!({ "offer": offer_id, "licences": line.licences })),
        json!({ "offer": offer_id, "licences": licences }),
    )
    .await?;
    tx.commit().await?;
    Ok(Some(Ok(())))
}

/// Takes an offer out of the cart; false when it was not in it.
pub async fn remove(
    state: &AppState,
    user: &SessionUser,
    customer_id: Uuid,
    offer_id: &str,
    ip: &str,
) -> anyhow::Result<ForCustomer<bool>> {
    let buying = buying_or_return!(state, user.tenant_id, customer_id);
    Ok(ForCustomer::Then(
        remove_for(state, user, &buying, offer_id, ip).await?,
    ))
}

async fn remove_for(
    state: &AppState,
    user: &SessionUser,
    buying: &Buying,
    offer_id: &str,
    ip: &str,
) -> anyhow::Result<bool> {
    let mut tx = state.db.begin().await?;
    let Some(cart) = store::lock_cart(&mut tx, user.tenant_id, buying.customer_id).await? else {
        return Ok(false);
    };
    if !store::remove_line(&mut tx, cart.cart_id, offer_id).await? {
        return Ok(false);
    }
    audit(
        &mut tx,
        user,
        ip,
        "cart.line_removed",
        cart.cart_id,
        Some(json!({ "offer": offer_id })),
        json!({ "offer": offer_id, "removed": true }),
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// What the cart's reseller section sends.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct ResellerInput {
    /// "I am acting as indirect provider" ticked.
    #[serde(default)]
    pub acting: Option<String>,
    /// "" (none), a reseller's tenant id, or "other" (entered by partner ID).
    #[serde(default)]
    pub reseller: String,
    /// The partner ID entered for "other".
    #[serde(default)]
    pub partner_id: String,
}

/// What came of the reseller section.
#[derive(Clone, Debug)]
pub enum ResellerSaved {
    /// Saved; the reseller chosen (if any).
    Saved(Option<VerifiedReseller>),
}

/// Records the acting-as-provider confirmation and the reseller (chosen from the active
/// partnerships, or entered by partner ID and verified).
pub async fn set_reseller(
    state: &AppState,
    user: &SessionUser,
    customer_id: Uuid,
    input: &ResellerInput,
    ip: &str,
) -> anyhow::Result<ForCustomer<Result<ResellerSaved, FormErrors>>> {
    let buying = buying_or_return!(state, user.tenant_id, customer_id);
    Ok(ForCustomer::Then(
        set_reseller_for(state, user, &buying, input, ip).await?,
    ))
}

async fn set_reseller_for(
    state: &AppState,
    user: &SessionUser,
    buying: &Buying,
    input: &ResellerInput,
    ip: &str,
) -> anyhow::Result<Result<ResellerSaved, FormErrors>> {
    let acting = input.acting.is_some();
    let reseller = match input.reseller.trim() {
        "" => None,
        "other" => {
            match lifecycle::verify_reseller(state, user.tenant_id, &input.partner_id).await? {
                Ok(r) => Some(r),
                Err(e) => return Ok(Err(FormErrors::single("partner_id", e))),
            }
        }
        chosen => {
            let choices = lifecycle::active_resellers(state, user.tenant_id).await?;
            match choices
                .into_iter()
                .find(|r| r.tenant_id.to_string() == chosen)
            {
                Some(r) => Some(r),
                None => {
                    return Ok(Err(FormErrors::single(
                        "reseller",
                        Msg("orders-reseller-choose"),
                    )));
                }
            }
        }
    };
    let mut errors = FormErrors::default();
    if reseller.is_some() && !acting {
        errors.add("acting", Msg("orders-acting-required"));
    }
    if reseller.is_some() && !buying.listed {
        errors.add("reseller", Msg("orders-block-not-listed"));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let mut tx = state.db.begin().await?;
    let cart = store::open_cart(&mut tx, user.tenant_id, buying.customer_id, user.user_id).await?;
    store::set_reseller(
        &mut tx,
        cart.cart_id,
        acting,
        reseller.as_ref().map(|r| r.tenant_id),
    )
    .await?;
    audit(
        &mut tx,
        user,
        ip,
        "cart.reseller_set",
        cart.cart_id,
        Some(json!({ "reseller": cart.reseller_tenant_id, "acting": cart.acting_as_provider })),
        json!({ "reseller": reseller.as_ref().map(|r| r.tenant_id),
                "partner_id": reseller.as_ref().map(|r| r.partner_id.clone()), "acting": acting }),
    )
    .await?;
    tx.commit().await?;
    Ok(Ok(ResellerSaved::Saved(reseller)))
}

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

/// Throws the provider's cart for the customer away; false when there was none.
pub async fn cancel(
    state: &AppState,
    user: &SessionUser,
    customer_id: Uuid,
    ip: &str,
) -> anyhow::Result<ForCustomer<bool>> {
    let buying = buying_or_return!(state, user.tenant_id, customer_id);
    Ok(ForCustomer::Then(
        cancel_for(state, user, &buying, ip).await?,
    ))
}

async fn cancel_for(
    state: &AppState,
    user: &SessionUser,
    buying: &Buying,
    ip: &str,
) -> anyhow::Result<bool> {
    let mut tx = state.db.begin().await?;
    let Some(cart) = store::lock_cart(&mut tx, user.tenant_id, buying.customer_id).await? else {
        return Ok(false);
    };
    let lines = store::lines(&mut *tx, cart.cart_id).await?;
    store::delete_cart(&mut tx, cart.cart_id).await?;
    audit(
        &mut tx,
        user,
        ip,
        "cart.cancelled",
        cart.cart_id,
        Some(json!({ "lines": lines.iter().map(|l| json!({ "offer": l.offer_id, "licences": l.licences })).collect::<Vec<_>>() })),
        json!({ "customer": buying.customer_id, "cancelled": true }),
    )
    .await?;
    tx.commit().await?;
    Ok(true)
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
