//! Signing in (per-account and per-source guards, trusted devices) and out.

use crate::db::audit::AuditEvent;
use crate::db::guards::Realm;
use crate::db::{self, users::SessionUser};
use crate::domain::{EmailAddress, FormErrors, token};
use crate::email::messages::{AccountLocked, EmailContent};
use crate::messages;
use crate::state::AppState;
use serde_json::json;
use uuid::Uuid;

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
    /// The right temporary password, past its 7 days (said only after the password was
    /// right, so it tells an attacker nothing).
    TemporaryExpired,
    /// The right password of a disabled user (likewise said only then).
    Disabled,
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
    lang: crate::i18n::Lang,
    /// Until when a temporary password works (a colleague added by an admin).
    temporary_until: Option<time::OffsetDateTime>,
    /// Disabled by an admin of the organisation.
    disabled: bool,
}

impl Account {
    async fn find(state: &AppState, realm: Realm, email: &str) -> sqlx::Result<Option<Account>> {
        Ok(match realm {
            Realm::Partner => db::users::credentials_by_email(&state.db, email)
                .await?
                .map(|u| Account {
                    lang: u.lang(),
                    temporary_until: u.temporary_password_expires_at,
                    disabled: u.disabled_at.is_some(),
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
                    lang: s.lang(),
                    temporary_until: None,
                    disabled: false,
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
    let address = super::realm_address(realm, email, &mut errors);
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
        SignInOutcome::Disabled => {
            errors.add("email", messages::Msg("user-disabled-sign-in"));
            Ok(SignInAttempt::Invalid(errors))
        }
        SignInOutcome::TemporaryExpired => {
            errors.add("password", messages::Msg("temporary-password-expired"));
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
        metrics::counter!(crate::metrics::SIGN_IN_FAILURES, "realm" => realm.as_str()).increment(1);
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
        if account.disabled {
            db::audit::record(
                &state.db,
                account.event("user.sign_in_refused_disabled", ip),
            )
            .await?;
            return Ok(SignInOutcome::Disabled);
        }
        if account
            .temporary_until
            .is_some_and(|until| until < time::OffsetDateTime::now_utc())
        {
            db::audit::record(
                &state.db,
                account.event("user.sign_in_refused_temporary_expired", ip),
            )
            .await?;
            return Ok(SignInOutcome::TemporaryExpired);
        }
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
        // From here on the request speaks the account's language (the "signed in" notice
        // is written now and read on the account's next page).
        crate::i18n::set_current(account.lang);
        return Ok(SignInOutcome::SignedIn {
            user_id: account.id,
            epoch: account.session_epoch,
            new_device,
        });
    }
    metrics::counter!(crate::metrics::SIGN_IN_FAILURES, "realm" => realm.as_str()).increment(1);
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
                until: crate::i18n::format::date_time_in(account.lang, until),
                reset_link: state.config.link("/password/forgot"),
            }
            .to_email_in(account.lang, &account.email)?;
            db::outbox::enqueue(&mut *tx, &message, &state.message_domain()).await?;
        }
        metrics::counter!(crate::metrics::LOCKOUTS, "realm" => realm.as_str()).increment(1);
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
