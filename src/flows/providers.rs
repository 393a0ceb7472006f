//! The provider directory: listing a partner as an indirect provider, and withdrawing it.

use crate::db::{self, audit::AuditEvent};
use crate::domain::FormErrors;
use crate::flows::lifecycle;
use crate::messages;
use crate::state::AppState;
use uuid::Uuid;

/// What the provider form sends.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct ProviderInput {
    /// The partner's work-account domain prefix.
    #[serde(default)]
    pub domain_prefix: String,
    /// Region codes (repeated field).
    #[serde(default)]
    pub regions: Vec<String>,
}

/// Lists (or re-lists) a partner as an indirect provider for the chosen regions.
pub async fn list_provider(
    state: &AppState,
    admin: &db::staff::Staff,
    input: &ProviderInput,
    ip: &str,
) -> anyhow::Result<Result<String, FormErrors>> {
    let mut errors = FormErrors::default();
    let prefix = input.domain_prefix.trim().to_ascii_lowercase();
    let prefix = prefix.split('.').next().unwrap_or_default().to_owned();
    let tenant = if prefix.is_empty() {
        errors.add("domain_prefix", messages::ENTER_PARTNER_S_WORK);
        None
    } else {
        match db::providers::tenant_by_prefix(&state.db, &prefix).await? {
            None => {
                errors.add("domain_prefix", messages::NO_WORK_ACCOUNT_DOMAIN);
                None
            }
            Some((id, name))
                if !crate::db::agreements::is_active_indirect_reseller(&state.db, id).await? =>
            {
                errors.add(
                    "domain_prefix",
                    crate::messages::cannot_listed_only_approved(&name),
                );
                None
            }
            // Indirect providers buy from the vendor directly: only a partner in good
            // direct-bill standing can be listed, and staff are told why not.
            Some((id, name)) => match db::direct_bill::partner(&state.db, id).await? {
                Some(p) if p.status.is_active() => Some((id, name)),
                Some(p) => {
                    let ended = p
                        .transitioned_at
                        .map(crate::i18n::format::date_time)
                        .unwrap_or_default();
                    errors.add(
                        "domain_prefix",
                        crate::messages::cannot_listed_direct_ended(&name, ended),
                    );
                    None
                }
                None => {
                    errors.add(
                        "domain_prefix",
                        crate::messages::cannot_listed_not_direct(&name),
                    );
                    None
                }
            },
        }
    };
    let known: Vec<String> = state
        .regions()
        .await?
        .iter()
        .map(|(code, _)| code.clone())
        .collect();
    let mut regions: Vec<String> = input
        .regions
        .iter()
        .filter(|r| known.contains(r))
        .cloned()
        .collect();
    regions.sort();
    regions.dedup();
    if regions.is_empty() {
        errors.add("regions", messages::SELECT_LEAST_ONE_PROGRAM);
    }
    let (Some((tenant_id, name)), true) = (tenant, errors.is_empty()) else {
        return Ok(Err(errors));
    };
    let mut tx = state.db.begin().await?;
    let before = db::providers::regions_of(&mut *tx, tenant_id).await?;
    db::providers::set_regions(&mut tx, tenant_id, &regions, admin.staff_id).await?;
    let event = AuditEvent {
        tenant_id: Some(tenant_id),
        before: Some(serde_json::json!({ "regions": before })),
        after: Some(serde_json::json!({ "regions": regions })),
        ..AuditEvent::by_staff(
            admin,
            "provider.listed",
            "tenant",
            tenant_id.to_string(),
            ip,
        )
    };
    db::audit::record(&mut *tx, event).await?;
    tx.commit().await?;
    Ok(Ok(name))
}

/// Withdraws a provider's listing (its partnerships stay); the provider and its resellers
/// are told. False when it was not listed.
pub async fn withdraw_provider(
    state: &AppState,
    admin: &db::staff::Staff,
    tenant_id: Uuid,
    ip: &str,
) -> anyhow::Result<bool> {
    let mut tx = state.db.begin().await?;
    let before =
        lifecycle::withdraw_listing(state, &mut tx, tenant_id, lifecycle::Withdrawal::ByStaff)
            .await?;
    if before.is_empty() {
        return Ok(false);
    }
    let event = AuditEvent {
        tenant_id: Some(tenant_id),
        before: Some(serde_json::json!({ "regions": before })),
        after: Some(serde_json::json!({ "regions": [] })),
        ..AuditEvent::by_staff(
            admin,
            "provider.withdrawn",
            "tenant",
            tenant_id.to_string(),
            ip,
        )
    };
    db::audit::record(&mut *tx, event).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(true)
}

/// What came of a reseller's request for an invitation.
#[derive(Debug, PartialEq, Eq)]
pub enum Requested {
    /// Sent to the provider's global admins.
    Sent,
    /// The organisation asked too often today.
    TooMany,
    /// They work together already.
    AlreadyPartners,
    /// Not a listed provider (any more), or the user's own organisation.
    NotAProvider,
}

/// The signed-in reseller `user` asks a listed provider for a partnership invitation: the
/// provider's global admins are e-mailed the reseller's details (name, partner ID, country,
/// who asks and how to reach them). Rate-limited per organisation and audited.
pub async fn request_invitation(
    state: &AppState,
    user: &crate::db::users::SessionUser,
    provider: Uuid,
    ip: &str,
) -> anyhow::Result<Requested> {
    let listed = db::providers::regions_of(&state.db, provider).await?;
    if listed.is_empty() || provider == user.tenant_id {
        return Ok(Requested::NotAProvider);
    }
    if db::partnerships::active_exists(&state.db, provider, user.tenant_id).await? {
        return Ok(Requested::AlreadyPartners);
    }
    let limit = state.config.rate_limits.invitation_request;
    if state
        .over_limit("invitation_request", &user.tenant_id.to_string(), limit)
        .await?
    {
        return Ok(Requested::TooMany);
    }
    let (Some(me), Some(them)) = (
        db::tenants::overview(&state.db, user.tenant_id).await?,
        db::tenants::overview(&state.db, provider).await?,
    ) else {
        return Ok(Requested::NotAProvider);
    };
    let partner_id = db::partnerships::provider_facts(&state.db, user.tenant_id)
        .await?
        .and_then(|f| f.partner_id);
    let country_names = state
        .market(&me.country_code)
        .await?
        .map(|m| m.country_names)
        .unwrap_or_default();
    let message = crate::email::messages::InvitationRequested {
        provider: them.name,
        reseller: me.name,
        partner_id,
        country_names,
        person: user.full_name.clone(),
        email: user.email.clone(),
        link: state.config.link("/partners/resellers"),
    };
    let mut tx = state.db.begin().await?;
    lifecycle::tell_global_admins(state, &mut tx, provider, &message).await?;
    let event = AuditEvent {
        actor_user_id: Some(user.user_id),
        tenant_id: Some(user.tenant_id),
        action: "partnership.invitation_requested",
        target_type: "tenant",
        target_id: provider.to_string(),
        ip_address: Some(ip.to_owned()),
        ..Default::default()
    };
    db::audit::record(&mut *tx, event).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(Requested::Sent)
}
