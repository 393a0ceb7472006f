//! Provider-reseller partnerships: personal invitations, the reseller's authorisation,
//! both sides' lists, and ending a partnership.

use crate::db::audit::AuditEvent;
use crate::db::partnerships::{self as links, Invitation};
use crate::db::{self, users::SessionUser};
use crate::domain::application::Program;
use crate::domain::partnership::InvitationState;
use crate::domain::{EmailAddress, FormErrors, token};
use crate::email::messages::{EmailContent, PartnershipEnded, PartnershipInvitation};
use crate::messages::{self, when};
use crate::state::AppState;
use serde_json::json;
use uuid::Uuid;

use super::lifecycle;
pub use super::lifecycle::provider_regions;

/// The invitation text a provider sends or copies.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Draft {
    /// The personal link.
    pub link: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body: String,
    /// A `mailto:` link with subject and body.
    pub mailto: String,
    /// Where the portal sent it, if it did.
    pub sent_to: Option<String>,
}

/// Percent-encodes everything but unreserved characters (for `mailto:` parameters).
fn encode_component(value: &str) -> String {
    let mut out = String::with_capacity(value.len() * 3);
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The send-or-copy draft of an invitation message.
fn make_draft(
    link: String,
    content: &impl EmailContent,
    email: Option<&str>,
) -> anyhow::Result<Draft> {
    let (subject, body, _) = content.render_parts()?;
    let subject = subject.trim().to_owned();
    let mailto = format!(
        "mailto:{}?subject={}&body={}",
        email.map(encode_component).unwrap_or_default(),
        encode_component(&subject),
        encode_component(&body)
    );
    Ok(Draft {
        link,
        subject,
        body,
        mailto,
        sent_to: email.map(str::to_owned),
    })
}

/// The provider's invitation draft, and the e-mail when the portal is to send it.
async fn draft_for(
    state: &AppState,
    provider: &SessionUser,
    regions: &[(String, String)],
    plain_token: &str,
    until: time::OffsetDateTime,
    email: Option<&str>,
) -> anyhow::Result<(Draft, Option<db::outbox::NewEmail>)> {
    let link = state.config.link(&format!("/invitations/{plain_token}"));
    let content = PartnershipInvitation {
        provider: provider.organisation.clone(),
        regions: regions
            .iter()
            .map(|(_, n)| n.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        link: link.clone(),
        until: when(until),
    };
    let outgoing = match email {
        Some(address) => Some(content.to_email(address)?),
        None => None,
    };
    Ok((make_draft(link, &content, email)?, outgoing))
}

fn audit<'a>(
    user: &SessionUser,
    action: &'a str,
    target_type: &'a str,
    target_id: Uuid,
    ip: &str,
) -> AuditEvent<'a> {
    AuditEvent {
        actor_user_id: Some(user.user_id),
        tenant_id: Some(user.tenant_id),
        action,
        target_type,
        target_id: target_id.to_string(),
        ip_address: Some(ip.to_owned()),
        ..Default::default()
    }
}

/// Creates a personal invitation; sends it when the provider gave an address.
pub async fn request(
    state: &AppState,
    user: &SessionUser,
    regions: &[(String, String)],
    email: &str,
    ip: &str,
) -> anyhow::Result<Result<Draft, FormErrors>> {
    let mut errors = FormErrors::default();
    let email = match email.trim() {
        "" => None,
        typed => errors.check("email", EmailAddress::parse(typed)),
    };
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let token = token::new_token();
    let days = state.config.partnership_invitation_days;
    let mut tx = state.db.begin().await?;
    let id = links::create_invitation(
        &mut *tx,
        user.tenant_id,
        email.as_ref().map(|e| e.as_str()),
        &token.hash,
        user.user_id,
        days,
    )
    .await?;
    let until = time::OffsetDateTime::now_utc() + time::Duration::days(days.into());
    let (draft, outgoing) = draft_for(
        state,
        user,
        regions,
        &token.plain,
        until,
        email.as_ref().map(|e| e.as_str()),
    )
    .await?;
    if let Some(message) = &outgoing {
        db::outbox::enqueue(&mut *tx, message, &state.message_domain()).await?;
    }
    let event = AuditEvent {
        after: Some(json!({ "email": draft.sent_to })),
        ..audit(
            user,
            "partnership.invited",
            "partnership_invitation",
            id,
            ip,
        )
    };
    db::audit::record(&mut *tx, event).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(Ok(draft))
}

/// Gives an open invitation a new link (the old one stops working) and sends it again
/// when it has an address. `None` when the invitation is not this provider's or not open.
pub async fn resend(
    state: &AppState,
    user: &SessionUser,
    regions: &[(String, String)],
    invitation_id: Uuid,
    ip: &str,
) -> anyhow::Result<Option<Draft>> {
    let token = token::new_token();
    let days = state.config.partnership_invitation_days;
    let mut tx = state.db.begin().await?;
    let Some(invitation) =
        links::reissue(&mut *tx, user.tenant_id, invitation_id, &token.hash, days).await?
    else {
        return Ok(None);
    };
    let (draft, outgoing) = draft_for(
        state,
        user,
        regions,
        &token.plain,
        invitation.expires_at,
        invitation.email.as_deref(),
    )
    .await?;
    if let Some(message) = &outgoing {
        db::outbox::enqueue(&mut *tx, message, &state.message_domain()).await?;
    }
    db::audit::record(
        &mut *tx,
        audit(
            user,
            "partnership.invitation_resent",
            "partnership_invitation",
            invitation_id,
            ip,
        ),
    )
    .await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(Some(draft))
}

/// Revokes an open invitation of this provider.
pub async fn revoke(
    state: &AppState,
    user: &SessionUser,
    invitation_id: Uuid,
    ip: &str,
) -> anyhow::Result<bool> {
    let mut tx = state.db.begin().await?;
    if !links::revoke(&mut *tx, user.tenant_id, invitation_id).await? {
        return Ok(false);
    }
    db::audit::record(
        &mut *tx,
        audit(
            user,
            "partnership.invitation_revoked",
            "partnership_invitation",
            invitation_id,
            ip,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// Why an invitation cannot be accepted, in the reseller's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Past its date.
    Expired,
    /// The provider withdrew it.
    Revoked,
    /// Used already.
    Used,
    /// The reseller is not an approved indirect reseller yet.
    NotApproved,
    /// Approved, but the partner agreement is not accepted.
    AgreementNotAccepted,
    /// The provider does not serve the reseller's region.
    OtherRegion,
    /// They already work together.
    AlreadyPartners,
    /// A provider cannot invite itself.
    OwnInvitation,
    /// The user's role may not authorise a provider (see `domain::authz`).
    MayNotAuthorise,
    /// The reseller declined it.
    Declined,
}

impl Refusal {
    /// The message shown.
    pub fn message(self) -> messages::Msg {
        match self {
            Refusal::Expired => messages::INVITATION_EXPIRED_ASK_PROVIDER,
            Refusal::Revoked => messages::PROVIDER_WITHDRAWN_INVITATION,
            Refusal::Used => messages::INVITATION_ALREADY_USED,
            Refusal::NotApproved => messages::ORGANISATION_MUST_APPROVED_INDIRECT,
            Refusal::AgreementNotAccepted => messages::ORGANISATION_S_GLOBAL_ADMIN,
            Refusal::OtherRegion => messages::PROVIDER_DOES_NOT_SERVE,
            Refusal::AlreadyPartners => messages::PROVIDER_ALREADY_INDIRECT_PROVIDER,
            Refusal::OwnInvitation => messages::INVITATION_COMES_FROM_OWN,
            Refusal::MayNotAuthorise => messages::ONLY_ORGANISATION_S_GLOBAL,
            Refusal::Declined => messages::Msg("inv-declined-already"),
        }
    }
}

/// What stands between a signed-in user and accepting `invitation`, if anything.
pub async fn refusal(
    state: &AppState,
    invitation: &Invitation,
    user: Option<&SessionUser>,
) -> anyhow::Result<Option<Refusal>> {
    match invitation.effective_state() {
        InvitationState::Expired => return Ok(Some(Refusal::Expired)),
        InvitationState::Revoked => return Ok(Some(Refusal::Revoked)),
        InvitationState::Accepted => return Ok(Some(Refusal::Used)),
        InvitationState::Declined => return Ok(Some(Refusal::Declined)),
        InvitationState::Pending => {}
    }
    let Some(user) = user else { return Ok(None) };
    if user.tenant_id == invitation.provider_tenant_id {
        return Ok(Some(Refusal::OwnInvitation));
    }
    if !db::applications::is_approved(&state.db, user.tenant_id, Program::IndirectReseller).await? {
        return Ok(Some(Refusal::NotApproved));
    }
    if db::agreements::acceptance_of_current(&state.db, user.tenant_id)
        .await?
        .is_none()
    {
        return Ok(Some(Refusal::AgreementNotAccepted));
    }
    let reseller_region = match db::tenants::overview(&state.db, user.tenant_id).await? {
        Some(t) => state.market(&t.country_code).await?.map(|m| m.csp_region),
        None => None,
    };
    let provider_regions =
        db::providers::regions_of(&state.db, invitation.provider_tenant_id).await?;
    if !reseller_region.is_some_and(|r| provider_regions.contains(&r)) {
        return Ok(Some(Refusal::OtherRegion));
    }
    if links::active_exists(&state.db, invitation.provider_tenant_id, user.tenant_id).await? {
        return Ok(Some(Refusal::AlreadyPartners));
    }
    if !user
        .roles
        .can(crate::domain::authz::Capability::AuthoriseProvider)
    {
        return Ok(Some(Refusal::MayNotAuthorise));
    }
    Ok(None)
}

/// Outcome of authorising a provider.
pub enum AcceptOutcome {
    /// The partnership exists now.
    Accepted,
    /// The consent box was not ticked.
    NoConsent,
    /// Refused, with the reason.
    Refused(Refusal),
}

/// Authorises the provider behind `invitation` for the user's tenant: exactly one partnership,
/// however often it is pressed.
pub async fn accept(
    state: &AppState,
    user: &SessionUser,
    invitation: &Invitation,
    consent: bool,
    ip: &str,
) -> anyhow::Result<AcceptOutcome> {
    if let Some(r) = refusal(state, invitation, Some(user)).await? {
        return Ok(AcceptOutcome::Refused(r));
    }
    if !consent {
        return Ok(AcceptOutcome::NoConsent);
    }
    let mut tx = state.db.begin().await?;
    if !links::mark_accepted(
        &mut tx,
        invitation.invitation_id,
        user.tenant_id,
        user.user_id,
    )
    .await?
    {
        return Ok(AcceptOutcome::Refused(Refusal::Used));
    }
    let id = match links::insert(
        &mut tx,
        invitation.provider_tenant_id,
        user.tenant_id,
        invitation.invitation_id,
    )
    .await
    {
        Ok(id) => id,
        Err(e) if db::is_unique_violation(&e, links::ONE_ACTIVE) => {
            return Ok(AcceptOutcome::Refused(Refusal::AlreadyPartners));
        }
        Err(e) => return Err(e.into()),
    };
    let event = AuditEvent {
        after: Some(
            json!({ "provider": invitation.provider_tenant_id, "reseller": user.tenant_id }),
        ),
        ..audit(user, "partnership.started", "partnership", id, ip)
    };
    db::audit::record(&mut *tx, event).await?;
    // Authorising the provider gives it delegated admin access to the organisation.
    if let Some(grant) = links::grant_admin_access(
        &mut tx,
        user.tenant_id,
        invitation.provider_tenant_id,
        Some(id),
        user.user_id,
        &user.full_name,
    )
    .await?
    {
        let event = AuditEvent {
            after: Some(json!({ "grantee": invitation.provider_tenant_id, "partnership": id })),
            ..audit(user, "admin_access.granted", "admin_access", grant, ip)
        };
        db::audit::record(&mut *tx, event).await?;
    }
    // The provider learns that the reseller authorised it.
    let message = crate::email::messages::PartnershipStarted {
        provider: invitation.provider_name.clone(),
        reseller: user.organisation.clone(),
        link: state.config.link("/partners/resellers"),
    };
    lifecycle::tell_global_admins(state, &mut tx, invitation.provider_tenant_id, &message).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(AcceptOutcome::Accepted)
}

/// True when `user` may decline `invitation`: it is still open, meant for another
/// organisation, and the user's role may authorise (or refuse) a provider.
pub fn may_decline(invitation: &Invitation, user: &SessionUser) -> bool {
    invitation.effective_state() == InvitationState::Pending
        && user.tenant_id != invitation.provider_tenant_id
        && user
            .roles
            .can(crate::domain::authz::Capability::AuthoriseProvider)
}

/// What came of declining.
#[derive(Debug)]
pub enum Declined {
    /// Declined now; the provider is told.
    Now,
    /// It cannot be declined (any more): used, withdrawn, expired, declined, or not the
    /// user's to decline.
    NotOpen,
    /// The reason is too long.
    Invalid(FormErrors),
}

/// The reseller's `user` declines `invitation`, with an optional reason the provider reads.
pub async fn decline(
    state: &AppState,
    user: &SessionUser,
    invitation: &Invitation,
    reason: &str,
    ip: &str,
) -> anyhow::Result<Declined> {
    if !may_decline(invitation, user) {
        return Ok(Declined::NotOpen);
    }
    let reason = match crate::domain::enrollment::optional_text(
        reason,
        1000,
        messages::Msg("inv-decline-reason-long"),
    ) {
        Ok(r) => r,
        Err(e) => return Ok(Declined::Invalid(FormErrors::single("reason", e))),
    };
    let mut tx = state.db.begin().await?;
    if !links::decline(
        &mut tx,
        invitation.invitation_id,
        user.user_id,
        reason.as_deref(),
    )
    .await?
    {
        return Ok(Declined::NotOpen);
    }
    let event = AuditEvent {
        before: Some(json!({ "state": "pending" })),
        after: Some(json!({ "state": "declined", "reason": reason, "reseller": user.tenant_id })),
        ..audit(
            user,
            "partnership_invitation.declined",
            "partnership_invitation",
            invitation.invitation_id,
            ip,
        )
    };
    db::audit::record(&mut *tx, event).await?;
    let message = crate::email::messages::InvitationDeclined {
        provider: invitation.provider_name.clone(),
        reseller: user.organisation.clone(),
        reason,
    };
    lifecycle::tell_global_admins(state, &mut tx, invitation.provider_tenant_id, &message).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(Declined::Now)
}

/// The delegated admin access the user's organisation has given, in force.
pub async fn admin_access_given(
    state: &AppState,
    tenant_id: Uuid,
) -> sqlx::Result<Vec<links::AdminAccess>> {
    links::admin_access_given(&state.db, tenant_id).await
}

/// The organisations that gave `tenant_id` admin access which it still holds.
pub async fn admin_access_held(state: &AppState, tenant_id: Uuid) -> sqlx::Result<Vec<Uuid>> {
    links::admin_access_held(&state.db, tenant_id).await
}

/// Withdraws delegated admin access the user's organisation gave (the partnership, if any,
/// stays); both organisations' global admins are e-mailed, each in their own language.
/// Returns the name of the organisation that lost access, or `None` when no such grant is
/// in force.
pub async fn remove_admin_access(
    state: &AppState,
    user: &SessionUser,
    grant_id: Uuid,
    ip: &str,
) -> anyhow::Result<Option<String>> {
    use crate::email::messages::AdminAccessRemoved;
    let mut tx = state.db.begin().await?;
    let Some(grantee) = links::remove_admin_access(
        &mut tx,
        user.tenant_id,
        grant_id,
        user.user_id,
        &user.full_name,
    )
    .await?
    else {
        return Ok(None);
    };
    let grantee_name = db::tenants::overview(&mut *tx, grantee)
        .await?
        .map(|t| t.name)
        .unwrap_or_default();
    let message = AdminAccessRemoved {
        organisation: user.organisation.clone(),
        grantee: grantee_name.clone(),
        by: user.full_name.clone(),
    };
    for tenant in [user.tenant_id, grantee] {
        lifecycle::tell_global_admins(state, &mut tx, tenant, &message).await?;
    }
    let event = AuditEvent {
        before: Some(json!({ "grantee": grantee, "in_force": true })),
        after: Some(json!({ "grantee": grantee, "in_force": false })),
        ..audit(user, "admin_access.removed", "admin_access", grant_id, ip)
    };
    db::audit::record(&mut *tx, event).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(Some(grantee_name))
}

/// The attestation a provider gives when ending a partnership.
pub const ATTESTATION: messages::Msg = messages::I_CONFIRM_ENDING_PARTNERSHIP;

/// The attestation a reseller gives when ending a partnership.
pub const RESELLER_ATTESTATION: messages::Msg = messages::Msg("i-confirm-ending-as-reseller");

/// Which side ends a partnership.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The provider.
    Provider,
    /// The reseller.
    Reseller,
}

/// Ends a partnership from `side` (the user's organisation is that side of it), with that
/// side's attestation; both sides and the customers linked to the reseller are e-mailed.
/// False when there was no such active partnership.
pub async fn end(
    state: &AppState,
    user: &SessionUser,
    side: Side,
    partnership_id: Uuid,
    ip: &str,
) -> anyhow::Result<bool> {
    let mut tx = state.db.begin().await?;
    let by_reseller = side == Side::Reseller;
    let attestation = if by_reseller {
        RESELLER_ATTESTATION
    } else {
        ATTESTATION
    }
    .to_string();
    let other = links::end(
        &mut tx,
        user.tenant_id,
        by_reseller,
        partnership_id,
        user.user_id,
        &attestation,
    )
    .await?;
    let Some(other) = other else {
        return Ok(false);
    };
    let other_name = db::tenants::overview(&mut *tx, other)
        .await?
        .map(|t| t.name)
        .unwrap_or_default();
    let (provider_id, reseller_id, provider, reseller) = match side {
        Side::Provider => (user.tenant_id, other, user.organisation.clone(), other_name),
        Side::Reseller => (other, user.tenant_id, other_name, user.organisation.clone()),
    };
    let message = PartnershipEnded {
        provider: provider.clone(),
        reseller: reseller.clone(),
        by_reseller,
    };
    for tenant in [provider_id, reseller_id] {
        lifecycle::tell_global_admins(state, &mut tx, tenant, &message).await?;
    }
    // The customers linked to the reseller stay customers; their admins are told.
    for (customer_id, customer) in
        db::customers::of_pair(&mut *tx, provider_id, reseller_id).await?
    {
        let message = crate::email::messages::CustomerPartnershipEnded {
            customer,
            provider: provider.clone(),
            reseller: reseller.clone(),
            by_reseller,
        };
        lifecycle::tell_global_admins(state, &mut tx, customer_id, &message).await?;
    }
    let event = AuditEvent {
        after: Some(json!({ "state": "ended", "attestation": attestation,
                            "by": if by_reseller { "reseller" } else { "provider" } })),
        before: Some(json!({ "state": "active" })),
        ..audit(user, "partnership.ended", "partnership", partnership_id, ip)
    };
    db::audit::record(&mut *tx, event).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(true)
}

/// What a reseller is shown about the provider behind an invitation: partner ID, country
/// and support contact.
pub async fn provider_facts(
    state: &AppState,
    invitation: &Invitation,
) -> sqlx::Result<Option<links::ProviderFacts>> {
    links::provider_facts(&state.db, invitation.provider_tenant_id).await
}

/// Creates a customer invitation for one of the reseller's providers; sends it when an
/// address is given. `None` when the partnership is not the reseller's or not active.
pub async fn invite_customer(
    state: &AppState,
    user: &SessionUser,
    partnership_id: Uuid,
    email: &str,
    ip: &str,
) -> anyhow::Result<Option<Result<Draft, FormErrors>>> {
    let Some((provider_id, provider_name)) =
        links::reseller_partnership(&state.db, user.tenant_id, partnership_id).await?
    else {
        return Ok(None);
    };
    issue_customer_invitation(
        state,
        user,
        Some(user.organisation.clone()),
        (provider_id, provider_name),
        email,
        ip,
    )
    .await
    .map(Some)
}

/// A direct-bill partner invites an existing customer to authorise it, one tier (no
/// reseller); sent when an address is given.
pub async fn invite_direct_customer(
    state: &AppState,
    user: &SessionUser,
    email: &str,
    ip: &str,
) -> anyhow::Result<Result<Draft, FormErrors>> {
    issue_customer_invitation(
        state,
        user,
        None,
        (user.tenant_id, user.organisation.clone()),
        email,
        ip,
    )
    .await
}

/// Stores a customer invitation from the user's organisation (as reseller, or as the
/// one-tier partner when `reseller` is `None`) for `provider`, with its draft text.
async fn issue_customer_invitation(
    state: &AppState,
    user: &SessionUser,
    reseller: Option<String>,
    (provider_id, provider_name): (Uuid, String),
    email: &str,
    ip: &str,
) -> anyhow::Result<Result<Draft, FormErrors>> {
    let mut errors = FormErrors::default();
    let email = match email.trim() {
        "" => None,
        typed => errors.check("email", EmailAddress::parse(typed)),
    };
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let token = token::new_token();
    let days = state.config.partnership_invitation_days;
    let mut tx = state.db.begin().await?;
    let id = links::create_customer_invitation(
        &mut *tx,
        reseller.as_ref().map(|_| user.tenant_id),
        provider_id,
        email.as_ref().map(|e| e.as_str()),
        &token.hash,
        user.user_id,
        days,
    )
    .await?;
    let link = state
        .config
        .link(&format!("/customer-invitations/{}", token.plain));
    let content = crate::email::messages::CustomerInvitation {
        reseller: reseller.unwrap_or_default(),
        provider: provider_name,
        link: link.clone(),
        until: when(time::OffsetDateTime::now_utc() + time::Duration::days(days.into())),
    };
    let draft = make_draft(link, &content, email.as_ref().map(|e| e.as_str()))?;
    if let Some(address) = &email {
        db::outbox::enqueue(
            &mut *tx,
            &content.to_email(address.as_str())?,
            &state.message_domain(),
        )
        .await?;
    }
    db::audit::record(
        &mut *tx,
        audit(user, "customer.invited", "customer_invitation", id, ip),
    )
    .await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(Ok(draft))
}
