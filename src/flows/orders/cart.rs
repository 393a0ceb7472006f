//! The cart's actions: add, change and remove lines, the reseller, throw it away.

use super::{Buying, ForCustomer, audit, buying};
use crate::db::orders::{self as store, Offer};
use crate::db::users::SessionUser;
use crate::domain::FormErrors;
use crate::domain::order::parse_licences;
use crate::flows::lifecycle::{self, VerifiedReseller};
use crate::messages::Msg;
use crate::state::AppState;
use serde::Deserialize;
use serde_json::json;
use uuid::Uuid;

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
