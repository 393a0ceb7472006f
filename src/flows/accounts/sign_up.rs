//! Sign-up, the confirmation e-mail and confirming the address.

use crate::db::audit::AuditEvent;
use crate::db::tokens::Purpose;
use crate::db::{self, users::SessionUser};
use crate::domain::tenant::{DomainPrefix, Role, Roles};
use crate::domain::{EmailAddress, FormErrors, password, tenant, token};
use crate::email::messages::{AccountExists, EmailContent};
use crate::messages;
use crate::state::AppState;
use serde_json::json;
use uuid::Uuid;

/// What the sign-up form sends.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct SignUpInput {
    /// Organisation name.
    #[serde(default)]
    pub organisation: String,
    /// Wanted domain prefix.
    #[serde(default)]
    pub domain_prefix: String,
    /// Country code.
    #[serde(default)]
    pub country: String,
    /// Global admin's name.
    #[serde(default)]
    pub full_name: String,
    /// Global admin's e-mail.
    #[serde(default)]
    pub email: String,
    /// Global admin's password.
    #[serde(default)]
    pub password: String,
    /// Where to go once the account exists (a local path).
    #[serde(default)]
    pub next: String,
}

/// What a valid sign-up did. The person signing up is told the same in both cases ("check
/// your e-mail"), so the form never reveals whether an address has an account.
#[derive(Debug, PartialEq, Eq)]
pub enum SignedUp {
    /// A new work account; its confirmation link is on its way.
    Created,
    /// The address already had an account: its owner is e-mailed instead.
    AddressTaken,
}

/// Creates a tenant and its global admin and sends the confirmation e-mail; for an address
/// that already has an account, e-mails its owner instead (after the same password hashing,
/// so the answer takes as long).
pub async fn sign_up(
    state: &AppState,
    input: &SignUpInput,
    ip: &str,
) -> anyhow::Result<Result<SignedUp, FormErrors>> {
    let mut errors = FormErrors::default();
    // Checked in the order the fields appear, so the error summary follows the page.
    let organisation = errors.check(
        "organisation",
        tenant::parse_organisation_name(&input.organisation),
    );
    let mut prefix = errors.check("domain_prefix", DomainPrefix::parse(&input.domain_prefix));
    if let Some(p) = &prefix
        && db::tenants::domain_prefix_taken(&state.db, p.as_str()).await?
    {
        errors.add("domain_prefix", messages::DOMAIN_PREFIX_TAKEN);
        prefix = None;
    }
    let market = match errors.check("country", tenant::parse_country_code(&input.country)) {
        Some(code) => {
            let market = state.market(&code).await?;
            if market.is_none() {
                errors.add("country", messages::COUNTRY_UNKNOWN);
            }
            market
        }
        None => None,
    };
    let full_name = errors.check("full_name", tenant::parse_full_name(&input.full_name));
    let email = errors.check("email", EmailAddress::parse(&input.email));
    let related = [
        input.organisation.as_str(),
        input.full_name.as_str(),
        input.email.as_str(),
        input.domain_prefix.as_str(),
    ];
    errors.check(
        "password",
        password::check_new_password(&input.password, &related),
    );
    let (Some(organisation), Some(prefix), Some(market), Some(full_name), Some(email), true) = (
        organisation,
        prefix,
        market,
        full_name,
        email,
        errors.is_empty(),
    ) else {
        return Ok(Err(errors));
    };

    let password_hash = state.hasher.hash(&input.password).await?;
    if db::users::email_taken(&state.db, email.as_str()).await? {
        tell_owner_of_sign_up_attempt(state, &email, ip).await?;
        return Ok(Ok(SignedUp::AddressTaken));
    }
    let tenant_id = Uuid::new_v4();
    let user_id = Uuid::new_v4();
    let mut tx = state.db.begin().await?;
    let inserted = db::tenants::insert(
        &mut *tx,
        &db::tenants::NewTenant {
            tenant_id,
            name: &organisation,
            domain_prefix: prefix.as_str(),
            country_code: &market.country_code,
            billing_currency: &market.billing_currency,
        },
    )
    .await;
    // The checks above can race with another sign-up; the constraints decide.
    if let Err(e) = inserted {
        if db::is_unique_violation(&e, db::tenants::DOMAIN_PREFIX_UNIQUE) {
            errors.add("domain_prefix", messages::DOMAIN_PREFIX_TAKEN);
            return Ok(Err(errors));
        }
        return Err(e.into());
    }
    let user = db::users::NewUser {
        user_id,
        tenant_id,
        full_name: &full_name,
        email: email.as_str(),
        password_hash: &password_hash,
        roles: Roles::one(Role::GlobalAdmin),
        language: crate::i18n::current(),
        temporary_until: None,
        added_by: None,
        added_with_form: None,
    };
    if let Err(e) = db::users::insert(&mut *tx, &user).await {
        // Another sign-up took the address a moment ago: the same answer as above.
        if db::is_unique_violation(&e, db::users::EMAIL_UNIQUE) {
            tx.rollback().await?;
            tell_owner_of_sign_up_attempt(state, &email, ip).await?;
            return Ok(Ok(SignedUp::AddressTaken));
        }
        return Err(e.into());
    }
    db::audit::record(
        &mut *tx,
        AuditEvent {
            actor_user_id: Some(user_id),
            tenant_id: Some(tenant_id),
            action: "tenant.created",
            target_type: "tenant",
            target_id: tenant_id.to_string(),
            ip_address: Some(ip.to_owned()),
            after: Some(json!({
                "name": organisation,
                "domain": state.config.tenant_domain(prefix.as_str()),
                "country": market.country_code,
                "billing_currency": market.billing_currency,
                "global_admin": email.as_str(),
            })),
            ..Default::default()
        },
    )
    .await?;
    send_confirmation(
        state,
        &mut tx,
        user_id,
        &full_name,
        &organisation,
        email.as_str(),
        Some(&input.next),
    )
    .await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(Ok(SignedUp::Created))
}

/// E-mails the owner of `email` that someone tried to sign up with it, and audits it.
async fn tell_owner_of_sign_up_attempt(
    state: &AppState,
    email: &EmailAddress,
    ip: &str,
) -> anyhow::Result<()> {
    let Some(owner) = db::users::credentials_by_email(&state.db, email.as_str()).await? else {
        return Ok(());
    };
    let message = AccountExists {
        name: owner.full_name.clone(),
        sign_in_link: state.config.link("/signin"),
        reset_link: state.config.link("/password/forgot"),
    }
    .to_email_in(owner.lang(), &owner.email)?;
    let event = AuditEvent::about_user(
        "user.sign_up_with_existing_address",
        owner.user_id,
        Some(owner.tenant_id),
        false,
        ip,
    );
    super::send_and_audit(state, state.db.begin().await?, &message, event).await
}

pub(crate) use crate::flows::lifecycle::send_confirmation;

/// What happened to a resend request.
#[derive(Debug, PartialEq, Eq)]
pub enum ResendOutcome {
    /// A new link is queued; older ones no longer work.
    Sent,
    /// Nothing to do.
    AlreadyConfirmed,
    /// Too many in the last hour.
    RateLimited,
}

/// Sends a new confirmation link to a signed-in user, revoking the old ones.
pub async fn resend_confirmation(
    state: &AppState,
    user: &SessionUser,
    ip: &str,
) -> anyhow::Result<ResendOutcome> {
    if user.email_confirmed_at.is_some() {
        return Ok(ResendOutcome::AlreadyConfirmed);
    }
    let limit = state.config.rate_limits.resend_confirmation;
    if state
        .over_limit("resend_confirmation", &user.user_id.to_string(), limit)
        .await?
    {
        return Ok(ResendOutcome::RateLimited);
    }
    let mut tx = state.db.begin().await?;
    send_confirmation(
        state,
        &mut tx,
        user.user_id,
        &user.full_name,
        &user.organisation,
        &user.email,
        None,
    )
    .await?;
    db::audit::record(
        &mut *tx,
        AuditEvent::about_user(
            "user.confirmation_resent",
            user.user_id,
            Some(user.tenant_id),
            true,
            ip,
        ),
    )
    .await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(ResendOutcome::Sent)
}

/// Uses a confirmation link. Returns the user whose address is now confirmed, or
/// `None` when the link is unknown, used, replaced or expired.
pub async fn confirm_email(
    state: &AppState,
    plain_token: &str,
    ip: &str,
) -> anyhow::Result<Option<Uuid>> {
    let mut tx = state.db.begin().await?;
    let Some(user_id) = db::tokens::consume(
        &mut *tx,
        Purpose::EmailConfirmation,
        &token::hash_token(plain_token),
    )
    .await?
    else {
        return Ok(None);
    };
    db::users::confirm_email(&mut *tx, user_id).await?;
    db::audit::record(
        &mut *tx,
        AuditEvent::about_user("user.email_confirmed", user_id, None, true, ip),
    )
    .await?;
    tx.commit().await?;
    Ok(Some(user_id))
}
