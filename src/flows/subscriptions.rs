//! Subscriptions (issue 17): who sees which, and the provider's changes (licences, suspend,
//! reactivate, cancel, the reseller attached and the support contact), each audited with
//! before and after and refused when the form is stale.

use crate::db::subscriptions::{self as store, Attachment, Subscription};
use crate::db::users::SessionUser;
use crate::db::{self, audit::AuditEvent};
use crate::domain::FormErrors;
use crate::domain::order::{
    Reader, StateChange, SubscriptionState, parse_licences, sees_subscription,
};
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

/// One change to a subscription, decided from its current row.
enum Write {
    /// A new licence count.
    Licences(i32),
    /// A new state.
    State(SubscriptionState),
    /// Another reseller (or none), with its partner ID.
    Reseller(Option<(Uuid, String)>),
    /// The reseller is the support contact (or the provider again).
    Support(bool),
}

/// What `decide` makes of the current subscription: the write with the audit's action and
/// its before and after, or the outcome that stops it.
type Decision = Result<(Write, &'static str, serde_json::Value, serde_json::Value), Changed>;

/// The one way a subscription changes: locked for its provider `user` (`None`, a 404, for
/// anyone else's), refused when the form showed an older version or `decide` says so,
/// else written and audited in one transaction.
async fn apply(
    state: &AppState,
    user: &SessionUser,
    id: Uuid,
    version: &str,
    ip: &str,
    decide: impl FnOnce(&Subscription) -> Decision,
) -> anyhow::Result<Option<Changed>> {
    let mut tx = state.db.begin().await?;
    let Some(sub) = store::lock(&mut tx, id)
        .await?
        .filter(|s| s.provider_tenant_id == user.tenant_id)
    else {
        return Ok(None);
    };
    if version.trim() != sub.version.to_string() {
        return Ok(Some(Changed::Stale));
    }
    let (write, action, before, after) = match decide(&sub) {
        Ok(d) => d,
        Err(outcome) => return Ok(Some(outcome)),
    };
    match write {
        Write::Licences(n) => store::set_licences(&mut tx, id, n).await?,
        Write::State(s) => store::set_state(&mut tx, id, s).await?,
        Write::Support(r) => store::set_support(&mut tx, id, r).await?,
        Write::Reseller(r) => {
            let r = r.as_ref().map(|(t, p)| (*t, p.as_str()));
            store::attach_reseller(&mut tx, id, r, user.user_id).await?
        }
    }
    let event = AuditEvent {
        before: Some(before),
        after: Some(after),
        ..AuditEvent::by_user(user, action, "subscription", id.to_string(), ip)
    };
    db::audit::record(&mut *tx, event).await?;
    tx.commit().await?;
    Ok(Some(Changed::Done))
}

fn invalid(field: &'static str, message: impl Into<String>) -> Changed {
    Changed::Invalid(FormErrors::single(field, message))
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

/// Sets the licence count within the offer's limits (only while active).
pub async fn change_licences(
    state: &AppState,
    user: &SessionUser,
    id: Uuid,
    input: &LicencesInput,
    ip: &str,
) -> anyhow::Result<Option<Changed>> {
    apply(state, user, id, &input.version, ip, |sub| {
        if !sub.state.licences_can_change() {
            return Err(Changed::NotNow);
        }
        let licences = parse_licences(&input.licences, sub.min_licences, sub.max_licences)
            .map_err(|e| invalid("licences", e))?;
        if licences == sub.licences {
            return Err(invalid("licences", Msg("subs-licences-same")));
        }
        Ok((
            Write::Licences(licences),
            "subscription.licences_changed",
            json!({ "licences": sub.licences }),
            json!({ "licences": licences }),
        ))
    })
    .await
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
    apply(state, user, id, version, ip, |sub| {
        let after = sub.state.after(change).ok_or(Changed::NotNow)?;
        let action = match change {
            StateChange::Suspend => "subscription.suspended",
            StateChange::Reactivate => "subscription.reactivated",
            StateChange::Cancel => "subscription.cancelled",
        };
        Ok((
            Write::State(after),
            action,
            json!({ "state": sub.state.code() }),
            json!({ "state": after.code() }),
        ))
    })
    .await
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
                Err(e) => return Ok(Some(invalid("partner_id", e))),
            }
        }
        chosen => match lifecycle::active_resellers(state, user.tenant_id)
            .await?
            .into_iter()
            .find(|r| r.tenant_id.to_string() == chosen)
        {
            Some(r) => Some(r),
            None => return Ok(Some(invalid("reseller", Msg("orders-reseller-choose")))),
        },
    };
    apply(state, user, id, &input.version, ip, |sub| {
        if sub.state.is_cancelled() {
            return Err(Changed::NotNow);
        }
        let tenant = reseller.as_ref().map(|r| r.tenant_id);
        if tenant == sub.reseller_tenant_id {
            return Err(invalid("reseller", Msg("subs-reseller-same")));
        }
        let partner_id = reseller.as_ref().map(|r| r.partner_id.clone());
        Ok((
            Write::Reseller(reseller.map(|r| (r.tenant_id, r.partner_id))),
            "subscription.reseller_changed",
            json!({ "reseller": sub.reseller_partner_id, "support_reseller": sub.support_reseller }),
            json!({ "reseller": partner_id, "support_reseller": false }),
        ))
    })
    .await
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
        _ => return Ok(Some(invalid("support", Msg("subs-support-choose")))),
    };
    apply(state, user, id, &input.version, ip, |sub| {
        if sub.state.is_cancelled() {
            return Err(Changed::NotNow);
        }
        if reseller && sub.reseller_tenant_id.is_none() {
            return Err(invalid("support", Msg("subs-support-needs-reseller")));
        }
        Ok((
            Write::Support(reseller),
            "subscription.support_contact_changed",
            json!({ "support_reseller": sub.support_reseller }),
            json!({ "support_reseller": reseller }),
        ))
    })
    .await
}
