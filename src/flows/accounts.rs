//! The account flows. Each validates, changes the database in one transaction,
//! writes its audit rows and queues its e-mails in that same transaction.

use crate::db::audit::AuditEvent;
use crate::db::guards::Realm;
use crate::db::tokens::Purpose;
use crate::db::{self, users::SessionUser};
use crate::domain::tenant::{DomainPrefix, Role};
use crate::domain::{EmailAddress, FormErrors, password, tenant, token};
use crate::email::messages::{
    AccountExists, AccountLocked, ConfirmEmail, EmailContent, PasswordChanged, ResetPassword,
};
use crate::messages;
use crate::state::AppState;
use serde_json::json;
use sqlx::PgConnection;
use time::format_description::well_known::Rfc2822;
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
            let market = db::markets::find(&state.db, &code).await?;
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
        role: Role::GlobalAdmin,
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
    .to_email(&owner.email)?;
    let mut tx = state.db.begin().await?;
    db::outbox::enqueue(&mut *tx, &message, &state.message_domain()).await?;
    db::audit::record(
        &mut *tx,
        AuditEvent::about_user(
            "user.sign_up_with_existing_address",
            owner.user_id,
            Some(owner.tenant_id),
            false,
            ip,
        ),
    )
    .await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(())
}

async fn send_confirmation(
    state: &AppState,
    conn: &mut PgConnection,
    user_id: Uuid,
    name: &str,
    organisation: &str,
    email: &str,
    next: Option<&str>,
) -> anyhow::Result<()> {
    let token = token::new_token();
    db::tokens::issue(conn, user_id, Purpose::EmailConfirmation, &token.hash).await?;
    // Where to go after confirming and signing in (an invitation, say), when not home.
    let next = next
        .map(|n| crate::domain::link::safe_next(Some(n), &state.config.public_base_url))
        .filter(|n| n != "/dashboard")
        .map(|n| format!("?next={}", crate::domain::link::encode_query_value(&n)))
        .unwrap_or_default();
    let message = ConfirmEmail {
        name: name.to_owned(),
        organisation: organisation.to_owned(),
        link: state
            .config
            .link(&format!("/signup/confirm/{}{next}", token.plain)),
    }
    .to_email(email)?;
    db::outbox::enqueue(&mut *conn, &message, &state.message_domain()).await?;
    Ok(())
}

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

/// The result of a sign-in attempt.
pub enum SignInOutcome {
    /// Correct password on an unlocked account.
    SignedIn {
        /// The user or staff member.
        user_id: Uuid,
        /// Their session epoch.
        epoch: i32,
        /// A new device id to keep in the browser's device cookie (when it had none the
        /// account trusts).
        new_device: Option<String>,
    },
    /// Anything else; deliberately says nothing more.
    Refused,
}

/// An account that can sign in: a partner user or a staff member.
struct Account {
    realm: Realm,
    id: Uuid,
    tenant_id: Option<Uuid>,
    email: String,
    full_name: String,
    password_hash: String,
    session_epoch: i32,
}

impl Account {
    async fn find(state: &AppState, realm: Realm, email: &str) -> sqlx::Result<Option<Account>> {
        Ok(match realm {
            Realm::Partner => db::users::credentials_by_email(&state.db, email)
                .await?
                .map(|u| Account {
                    realm,
                    id: u.user_id,
                    tenant_id: Some(u.tenant_id),
                    email: u.email,
                    full_name: u.full_name,
                    password_hash: u.password_hash,
                    session_epoch: u.session_epoch,
                }),
            Realm::Staff => db::staff::by_email(&state.db, email)
                .await?
                .map(|s| Account {
                    realm,
                    id: s.staff_id,
                    tenant_id: None,
                    email: s.email,
                    full_name: s.full_name,
                    password_hash: s.password_hash,
                    session_epoch: s.session_epoch,
                }),
        })
    }

    fn event<'a>(&self, action: &'a str, ip: &str) -> AuditEvent<'a> {
        match self.realm {
            Realm::Partner => AuditEvent::about_user(action, self.id, self.tenant_id, true, ip),
            Realm::Staff => AuditEvent {
                actor_staff_id: Some(self.id),
                action,
                target_type: "staff",
                target_id: self.id.to_string(),
                ip_address: Some(ip.to_owned()),
                ..Default::default()
            },
        }
    }

    async fn record_sign_in(&self, state: &AppState) -> sqlx::Result<()> {
        match self.realm {
            Realm::Partner => db::users::record_sign_in(&state.db, self.id).await,
            Realm::Staff => db::staff::record_sign_in(&state.db, self.id).await,
        }
    }
}

/// The answer to a sign-in form.
pub enum SignInAttempt {
    /// Signed in.
    SignedIn {
        /// The user or staff member.
        user_id: Uuid,
        /// Their session epoch.
        epoch: i32,
        /// A new device id for the browser's device cookie.
        new_device: Option<String>,
    },
    /// Too many attempts from this address lately.
    RateLimited(FormErrors),
    /// A field is missing or wrong, or the password did not match (said without detail).
    Invalid(FormErrors),
}

/// Checks a sign-in form and signs in: the per-address rate limit, the fields (a partner's
/// address must be valid; staff addresses may be internal, such as admin@localhost, so only
/// their presence is checked), then the password.
pub async fn attempt_sign_in(
    state: &AppState,
    realm: Realm,
    email: &str,
    password: &str,
    ip: &str,
    device: Option<&str>,
) -> anyhow::Result<SignInAttempt> {
    let mut errors = FormErrors::default();
    if state
        .over_limit("sign_in", ip, state.config.rate_limits.sign_in)
        .await?
    {
        errors.add("email", messages::RATE_LIMITED);
        return Ok(SignInAttempt::RateLimited(errors));
    }
    let address = match realm {
        Realm::Partner => errors.check("email", EmailAddress::parse(email)),
        Realm::Staff if email.trim().is_empty() => {
            errors.add("email", messages::EMAIL_REQUIRED);
            None
        }
        Realm::Staff => Some(EmailAddress::unchecked(email.trim())),
    };
    if password.is_empty() {
        errors.add("password", messages::PASSWORD_REQUIRED);
    }
    let (Some(address), true) = (address, errors.is_empty()) else {
        return Ok(SignInAttempt::Invalid(errors));
    };
    match sign_in(state, realm, &address, password, ip, device).await? {
        SignInOutcome::SignedIn {
            user_id,
            epoch,
            new_device,
        } => Ok(SignInAttempt::SignedIn {
            user_id,
            epoch,
            new_device,
        }),
        SignInOutcome::Refused => {
            errors.add("email", messages::SIGN_IN_FAILED);
            Ok(SignInAttempt::Invalid(errors))
        }
    }
}

/// Checks a password, for partner users or staff alike. Attempts are counted before the
/// hash is verified; the tenth failure locks the account (and e-mails a partner user).
/// Unknown accounts cost the same time.
pub async fn sign_in(
    state: &AppState,
    realm: Realm,
    email: &EmailAddress,
    password: &str,
    ip: &str,
    device: Option<&str>,
) -> anyhow::Result<SignInOutcome> {
    let Some(account) = Account::find(state, realm, email.as_str()).await? else {
        state.hasher.verify(password, None).await?;
        return Ok(SignInOutcome::Refused);
    };
    // Where the attempt comes from: a device this account signed in from before, else the
    // client address. Failures lock out only that source.
    let device = device.filter(|d| d.len() == 64 && d.bytes().all(|b| b.is_ascii_hexdigit()));
    let device_hash = device.map(token::hash_token);
    let trusted = match &device_hash {
        Some(hash) => db::guards::trusted_device(&state.db, realm, account.id, hash).await?,
        None => false,
    };
    let source = match (&device_hash, trusted) {
        (Some(hash), true) => format!("device:{}", &token::hex(hash)[..16]),
        _ => format!("ip:{ip}"),
    };
    let crowded = !trusted
        && db::guards::locked_sources(&state.db, realm, account.id).await?
            >= db::guards::LOCKED_SOURCES_CEILING;
    let attempt = if crowded {
        None
    } else {
        db::guards::count_attempt(&state.db, realm, account.id, &source).await?
    };
    let Some(attempt) = attempt else {
        state.hasher.verify(password, None).await?;
        db::audit::record(&state.db, account.event("user.sign_in_refused_locked", ip)).await?;
        return Ok(SignInOutcome::Refused);
    };
    if state
        .hasher
        .verify(password, Some(&account.password_hash))
        .await?
    {
        db::guards::clear_source(&state.db, realm, account.id, &source).await?;
        // From now on this browser is a known device of the account: its own source,
        // and never refused by the account-wide limit.
        let new_device = match (&device_hash, trusted) {
            (_, true) => None,
            (Some(hash), false) => {
                db::guards::trust_device(&state.db, realm, account.id, hash).await?;
                None
            }
            (None, false) => {
                let fresh = token::new_token();
                db::guards::trust_device(&state.db, realm, account.id, &fresh.hash).await?;
                Some(fresh.plain)
            }
        };
        account.record_sign_in(state).await?;
        db::audit::record(&state.db, account.event("user.signed_in", ip)).await?;
        return Ok(SignInOutcome::SignedIn {
            user_id: account.id,
            epoch: account.session_epoch,
            new_device,
        });
    }
    let mut tx = state.db.begin().await?;
    let failed = AuditEvent {
        after: Some(json!({ "failed_attempts": attempt, "source": source })),
        ..account.event("user.sign_in_failed", ip)
    };
    db::audit::record(&mut *tx, failed).await?;
    if attempt >= db::guards::MAX_FAILED_SIGN_INS {
        let until = db::guards::lock(&mut *tx, realm, account.id, &source).await?;
        let locked = AuditEvent {
            after: Some(json!({ "locked_until": until.unix_timestamp(), "source": source })),
            ..account.event("user.locked", ip)
        };
        db::audit::record(&mut *tx, locked).await?;
        if realm == Realm::Partner {
            let message = AccountLocked {
                name: account.full_name.clone(),
                until: until.format(&Rfc2822).unwrap_or_else(|_| until.to_string()),
                reset_link: state.config.link("/password/forgot"),
            }
            .to_email(&account.email)?;
            db::outbox::enqueue(&mut *tx, &message, &state.message_domain()).await?;
        }
        tracing::warn!(account_id = %account.id, realm = realm.as_str(), "a source was locked out of an account after repeated failed sign-ins");
    }
    tx.commit().await?;
    state.outbox_wake.notify_one();
    // Slow down whoever keeps guessing from this source (the owner elsewhere is not).
    let steps = (attempt - 2).clamp(0, 5) as u32;
    tokio::time::sleep(state.config.rate_limits.sign_in_delay_step * steps).await;
    Ok(SignInOutcome::Refused)
}

/// Audits a sign-out.
pub async fn signed_out(state: &AppState, user: &SessionUser, ip: &str) -> sqlx::Result<()> {
    db::audit::record(
        &state.db,
        AuditEvent::about_user(
            "user.signed_out",
            user.user_id,
            Some(user.tenant_id),
            true,
            ip,
        ),
    )
    .await
}

/// Sends a reset link when the address has an account; does nothing visible otherwise.
pub async fn request_password_reset(
    state: &AppState,
    email: &EmailAddress,
    ip: &str,
) -> anyhow::Result<()> {
    let Some(account) = db::users::credentials_by_email(&state.db, email.as_str()).await? else {
        tracing::info!("password reset asked for an address without an account");
        return Ok(());
    };
    let token = token::new_token();
    let mut tx = state.db.begin().await?;
    db::tokens::issue(
        &mut tx,
        account.user_id,
        Purpose::PasswordReset,
        &token.hash,
    )
    .await?;
    let message = ResetPassword {
        name: account.full_name.clone(),
        link: state
            .config
            .link(&format!("/password/reset/{}", token.plain)),
    }
    .to_email(&account.email)?;
    db::outbox::enqueue(&mut *tx, &message, &state.message_domain()).await?;
    db::audit::record(
        &mut *tx,
        AuditEvent::about_user(
            "user.password_reset_requested",
            account.user_id,
            Some(account.tenant_id),
            false,
            ip,
        ),
    )
    .await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(())
}

/// The account behind a reset link that still works.
pub async fn reset_link_user(
    state: &AppState,
    plain_token: &str,
) -> anyhow::Result<Option<db::users::Credentials>> {
    let Some(user_id) = db::tokens::peek(
        &state.db,
        Purpose::PasswordReset,
        &token::hash_token(plain_token),
    )
    .await?
    else {
        return Ok(None);
    };
    Ok(db::users::credentials_by_id(&state.db, user_id).await?)
}

/// Outcome of a password reset.
pub enum ResetOutcome {
    /// The password is replaced and every session ended.
    Done,
    /// The link no longer works.
    LinkInvalid,
    /// The new password breaks the policy.
    Invalid(FormErrors),
}

/// Sets a new password through a reset link (single use), ending every session and any lock.
pub async fn reset_password(
    state: &AppState,
    plain_token: &str,
    new_password: &str,
    ip: &str,
) -> anyhow::Result<ResetOutcome> {
    let Some(account) = reset_link_user(state, plain_token).await? else {
        return Ok(ResetOutcome::LinkInvalid);
    };
    let mut errors = FormErrors::default();
    errors.check(
        "password",
        password::check_new_password(new_password, &[&account.email, &account.full_name]),
    );
    if !errors.is_empty() {
        return Ok(ResetOutcome::Invalid(errors));
    }
    let hash = state.hasher.hash(new_password).await?;
    let mut tx = state.db.begin().await?;
    // Consuming inside the transaction makes a second use of the link fail.
    if db::tokens::consume(
        &mut *tx,
        Purpose::PasswordReset,
        &token::hash_token(plain_token),
    )
    .await?
        != Some(account.user_id)
    {
        return Ok(ResetOutcome::LinkInvalid);
    }
    db::users::set_password(&mut *tx, account.user_id, &hash).await?;
    db::guards::clear(&mut *tx, Realm::Partner, account.user_id).await?;
    finish_password_change(state, &mut tx, &account, "user.password_reset", ip).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(ResetOutcome::Done)
}

async fn finish_password_change(
    state: &AppState,
    conn: &mut PgConnection,
    account: &db::users::Credentials,
    action: &str,
    ip: &str,
) -> anyhow::Result<()> {
    db::audit::record(
        &mut *conn,
        AuditEvent::about_user(action, account.user_id, Some(account.tenant_id), true, ip),
    )
    .await?;
    let message = PasswordChanged {
        name: account.full_name.clone(),
        reset_link: state.config.link("/password/forgot"),
    }
    .to_email(&account.email)?;
    db::outbox::enqueue(&mut *conn, &message, &state.message_domain()).await?;
    Ok(())
}

/// Changes a signed-in user's password. Returns the new session epoch: every other
/// session of the user ends; the caller keeps its own by storing the new epoch.
pub async fn change_password(
    state: &AppState,
    user: &SessionUser,
    input: &crate::auth::password::ChangePasswordInput,
    ip: &str,
) -> anyhow::Result<Result<i32, FormErrors>> {
    let account = db::users::credentials_by_id(&state.db, user.user_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("signed-in user vanished"))?;
    let related = [
        user.email.as_str(),
        user.full_name.as_str(),
        user.organisation.as_str(),
    ];
    let errors =
        crate::auth::password::check_change(&state.hasher, &account.password_hash, input, &related)
            .await?;
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let hash = state.hasher.hash(&input.new_password).await?;
    let mut tx = state.db.begin().await?;
    let epoch = db::users::set_password(&mut *tx, user.user_id, &hash).await?;
    finish_password_change(state, &mut tx, &account, "user.password_changed", ip).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(Ok(epoch))
}
