//! Subscriptions (issue 17): who sees which, and the provider's changes (licences, suspend,
//! reactivate, cancel, the reseller attached and the support contact), each audited with
//! before and after and refused when the form is stale.

use crate::db::subscriptions::{self as store, Attachment, Subscription};
use crate::db::users::SessionUser;
use crate::db::{self, audit::AuditEvent};
use crate::domain::FormErrors;
use crate::domain::order::{Reader, StateChange, parse_licences, sees_subscription};
use crate::flows::lifecycle::{self, VerifiedReseller};
use crate::messages::Msg;
use crate::state::AppState;
use serde::Deserialize;
use serde_json::json;
use uuid::Uuid;

/// True when `reader` sees `sub` (the rule: [`sees_subscription`]).
fn sees(reader: Reader, sub: &Subscription, relationships: &[db::customers::Relationship]) -> bool {
    let serving: Vec<_> = relationships
        .iter()
        .map(|r| (r.provider_id, r.reseller_id))
        .collect();
    let support = sub.reseller_tenant_id.filter(|_| sub.support_reseller);
    sees_subscription(
        reader,
        sub.provider_tenant_id,
        sub.customer_tenant_id,
        support,
        &serving,
    )
}

/// Every subscription a partner sees (the subscriptions page).
pub async fn visible_to_partner(state: &AppState, tenant: Uuid) -> sqlx::Result<Vec<Subscription>> {
    store::visible_to_partner(&state.db, tenant).await
}

/// A subscription with who was attached when.
pub struct SubscriptionView {
    /// The subscription.
    pub sub: Subscription,
    /// Resellers attached, newest first.
    pub history: Vec<Attachment>,
    /// The reader's organisation is its provider (may change it, role allowing).
    pub provider: bool,
    /// The provider's resellers to choose from (for the provider only).
    pub resellers: Vec<VerifiedReseller>,
}

/// One subscription, if `reader` sees it.
pub async fn view(
    state: &AppState,
    reader: Reader,
    id: Uuid,
) -> sqlx::Result<Option<SubscriptionView>> {
    let Some(sub) = store::find(&state.db, id).await? else {
        return Ok(None);
    };
    let relationships = db::customers::relationships_of(&state.db, sub.customer_tenant_id).await?;
    if !sees(reader, &sub, &relationships) {
        return Ok(None);
    }
    let provider = reader == Reader::Tenant(sub.provider_tenant_id);
    let resellers = if provider {
        lifecycle::active_resellers(state, sub.provider_tenant_id).await?
    } else {
        Vec::new()
    };
    Ok(Some(SubscriptionView {
        history: store::history(&state.db, id).await?,
        provider,
        resellers,
        sub,
    }))
}

/// What came of a change.
#[derive(Debug)]
pub enum Changed {
    /// Done.
    Done,
    /// The form was for an older version of the subscription: nothing changed.
    Stale,
    /// Not possible in the subscription's state (e.g. licences of a cancelled one).
    NotNow,
    /// The form's answers are wrong.
    Invalid(FormErrors),
}

/// Locks the subscription for its provider `user`; `None` (a 404) for anyone else's.
async fn lock_own(
    tx: &mut sqlx::PgConnection,
    user: &SessionUser,
    id: Uuid,
) -> sqlx::Result<Option<Subscription>> {
    Ok(store::lock(tx, id)
        .await?
        .filter(|s| s.provider_tenant_id == user.tenant_id))
}

fn fresh(sub: &Subscription, version: &str) -> bool {
    version.trim() == sub.version.to_string()
}

/// What the licence form sends.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct LicencesInput {
    /// New count.
    #[serde(default)]
    pub licences: String,
    /// The version the form showed.
    #[serde(default)]
    pub version: String,
}

/// Sets the licence count within the offer's limits.
pub async fn change_licences(
    state: &AppState,
    user: &SessionUser,
    id: Uuid,
    input: &LicencesInput,
    ip: &str,
) -> anyhow::Result<Option<Changed>> {
    let mut tx = state.db.begin().await?;
    let Some(sub) = lock_own(&mut tx, user, id).await? else {
        return Ok(None);
    };
    if !fresh(&sub, &input.version) {
        return Ok(Some(Changed::Stale));
    }
    if !sub.state.licences_can_change() {
        return Ok(Some(Changed::NotNow));
    }
    let licences = match parse_licences(&input.licences, sub.min_licences, sub.max_licences) {
        Ok(n) => n,
        Err(e) => return Ok(Some(Changed::Invalid(FormErrors::single("licences", e)))),
    };
    if licences == sub.licences {
        return Ok(Some(Changed::Invalid(FormErrors::single(
            "licences",
            Msg("subs-licences-same"),
        ))));
    }
    store::set_licences(&mut tx, id, licences).await?;
    audit(
        &mut tx,
        user,
        ip,
        "subscription.licences_changed",
        &sub,
        json!({ "licences": sub.licences }),
        json!({ "licences": licences }),
    )
    .await?;
    tx.commit().await?;
    Ok(Some(Changed::Done))
}

/// Suspends, reactivates or cancels.
pub async fn change_state(
    state: &AppState,
    user: &SessionUser,
    id: Uuid,
    change: StateChange,
    version: &str,
    ip: &str,
) -> anyhow::Result<Option<Changed>> {
    let mut tx = state.db.begin().await?;
    let Some(sub) = lock_own(&mut tx, user, id).await? else {
        return Ok(None);
    };
    if !fresh(&sub, version) {
        return Ok(Some(Changed::Stale));
    }
    let Some(after) = sub.state.after(change) else {
        return Ok(Some(Changed::NotNow));
    };
    store::set_state(&mut tx, id, after).await?;
    let action = match change {
        StateChange::Suspend => "subscription.suspended",
        StateChange::Reactivate => "subscription.reactivated",
        StateChange::Cancel => "subscription.cancelled",
    };
    audit(
        &mut tx,
        user,
        ip,
        action,
        &sub,
        json!({ "state": sub.state.code() }),
        json!({ "state": after.code() }),
    )
    .await?;
    tx.commit().await?;
    Ok(Some(Changed::Done))
}

/// What the reseller form sends.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct ResellerInput {
    /// "" (none), a reseller's tenant id, or "other" (entered by partner ID).
    #[serde(default)]
    pub reseller: String,
    /// The partner ID entered for "other".
    #[serde(default)]
    pub partner_id: String,
    /// The version the form showed.
    #[serde(default)]
    pub version: String,
}

/// Attaches, changes or removes the subscription's reseller (chosen from the active
/// partnerships or entered by partner ID and verified); the history keeps who was
/// attached when (it decides incentive credit).
pub async fn set_reseller(
    state: &AppState,
    user: &SessionUser,
    id: Uuid,
    input: &ResellerInput,
    ip: &str,
) -> anyhow::Result<Option<Changed>> {
    let reseller = match input.reseller.trim() {
        "" => None,
        "other" => {
            match lifecycle::verify_reseller(state, user.tenant_id, &input.partner_id).await? {
                Ok(r) => Some(r),
                Err(e) => {
                    return Ok(Some(Changed::Invalid(FormErrors::single("partner_id", e))));
                }
            }
        }
        chosen => match lifecycle::active_resellers(state, user.tenant_id)
            .await?
            .into_iter()
            .find(|r| r.tenant_id.to_string() == chosen)
        {
            Some(r) => Some(r),
            None => {
                return Ok(Some(Changed::Invalid(FormErrors::single(
                    "reseller",
                    Msg("orders-reseller-choose"),
                ))));
            }
        },
    };
    let mut tx = state.db.begin().await?;
    let Some(sub) = lock_own(&mut tx, user, id).await? else {
        return Ok(None);
    };
    if !fresh(&sub, &input.version) {
        return Ok(Some(Changed::Stale));
    }
    if sub.state.is_cancelled() {
        return Ok(Some(Changed::NotNow));
    }
    if reseller.as_ref().map(|r| r.tenant_id) == sub.reseller_tenant_id {
        return Ok(Some(Changed::Invalid(FormErrors::single(
            "reseller",
            Msg("subs-reseller-same"),
        ))));
    }
    store::attach_reseller(
        &mut tx,
        id,
        reseller
            .as_ref()
            .map(|r| (r.tenant_id, r.partner_id.as_str())),
        user.user_id,
    )
    .await?;
    audit(
        &mut tx,
        user,
        ip,
        "subscription.reseller_changed",
        &sub,
        json!({ "reseller": sub.reseller_partner_id, "support_reseller": sub.support_reseller }),
        json!({ "reseller": reseller.as_ref().map(|r| r.partner_id.clone()),
                "support_reseller": sub.support_reseller && reseller.as_ref().map(|r| r.tenant_id) == sub.reseller_tenant_id }),
    )
    .await?;
    tx.commit().await?;
    Ok(Some(Changed::Done))
}

/// What the support-contact form sends.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct SupportInput {
    /// "reseller" or "provider".
    #[serde(default)]
    pub support: String,
    /// The version the form showed.
    #[serde(default)]
    pub version: String,
}

/// Makes the attached reseller the customer's support contact for the subscription (or
/// the provider again).
pub async fn set_support(
    state: &AppState,
    user: &SessionUser,
    id: Uuid,
    input: &SupportInput,
    ip: &str,
) -> anyhow::Result<Option<Changed>> {
    let reseller = match input.support.as_str() {
        "reseller" => true,
        "provider" => false,
        _ => {
            return Ok(Some(Changed::Invalid(FormErrors::single(
                "support",
                Msg("subs-support-choose"),
            ))));
        }
    };
    let mut tx = state.db.begin().await?;
    let Some(sub) = lock_own(&mut tx, user, id).await? else {
        return Ok(None);
    };
    if !fresh(&sub, &input.version) {
        return Ok(Some(Changed::Stale));
    }
    if sub.state.is_cancelled() {
        return Ok(Some(Changed::NotNow));
    }
    if reseller && sub.reseller_tenant_id.is_none() {
        return Ok(Some(Changed::Invalid(FormErrors::single(
            "support",
            Msg("subs-support-needs-reseller"),
        ))));
    }
    store::set_support(&mut tx, id, reseller).await?;
    audit(
        &mut tx,
        user,
        ip,
        "subscription.support_contact_changed",
        &sub,
        json!({ "support_reseller": sub.support_reseller }),
        json!({ "support_reseller": reseller }),
    )
    .await?;
    tx.commit().await?;
    Ok(Some(Changed::Done))
}

async fn audit(
    tx: &mut sqlx::PgConnection,
    user: &SessionUser,
    ip: &str,
    action: &'static str,
    sub: &Subscription,
    before: serde_json::Value,
    after: serde_json::Value,
) -> sqlx::Result<()> {
    db::audit::record(
        &mut *tx,
        AuditEvent {
            actor_user_id: Some(user.user_id),
            tenant_id: Some(user.tenant_id),
            action,
            target_type: "subscription",
            target_id: sub.subscription_id.to_string(),
            ip_address: Some(ip.to_owned()),
            before: Some(before),
            after: Some(after),
            ..Default::default()
        },
    )
    .await?;
    Ok(())
}
