//! Password reset by e-mail and password change.

use crate::db::audit::AuditEvent;
use crate::db::guards::Realm;
use crate::db::tokens::Purpose;
use crate::db::{self, users::SessionUser};
use crate::domain::{EmailAddress, FormErrors, password, token};
use crate::email::messages::{EmailContent, PasswordChanged, ResetPassword};
use crate::messages;
use crate::state::AppState;
use sqlx::PgConnection;

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
    .to_email_in(account.lang(), &account.email)?;
    let event = AuditEvent::about_user(
        "user.password_reset_requested",
        account.user_id,
        Some(account.tenant_id),
        false,
        ip,
    );
    super::send_and_audit(state, tx, &message, event).await
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
    .to_email_in(account.lang(), &account.email)?;
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

/// The answer to a forgotten-password form.
pub enum ForgotAnswer {
    /// The form was fine: a link goes out if the address has an account. The address as
    /// understood, to say where to look.
    Accepted(String),
    /// Too many requests from this address lately.
    RateLimited(FormErrors),
    /// The address is missing or malformed.
    Invalid(FormErrors),
}

/// Checks a forgotten-password form, for partner users or staff, and when it is fine asks
/// for the reset in the background: the answer is the same, and as quick, whether or not
/// the address has an account. Staff addresses may be internal, so for staff only the
/// presence of an address is checked.
pub async fn forgot_password(
    state: &AppState,
    realm: Realm,
    email: &str,
    ip: &str,
) -> anyhow::Result<ForgotAnswer> {
    let mut errors = FormErrors::default();
    if state
        .over_limit(
            "password_reset",
            ip,
            state.config.rate_limits.password_reset,
        )
        .await?
    {
        errors.add("email", messages::RATE_LIMITED);
        return Ok(ForgotAnswer::RateLimited(errors));
    }
    let address = super::realm_address(realm, email, &mut errors);
    let Some(address) = address else {
        return Ok(ForgotAnswer::Invalid(errors));
    };
    let (background, ip, to) = (state.clone(), ip.to_owned(), address.clone());
    tokio::spawn(async move {
        let requested = match realm {
            Realm::Partner => request_password_reset(&background, &to, &ip).await,
            Realm::Staff => request_staff_reset(&background, to.as_str(), &ip).await,
        };
        if let Err(e) = requested {
            tracing::error!(error = ?e, ?realm, "a password reset request failed");
        }
    });
    Ok(ForgotAnswer::Accepted(address.to_string()))
}

/// True when this address has asked for too many resets lately (the reset form's limit).
pub async fn reset_rate_limited(state: &AppState, ip: &str) -> sqlx::Result<bool> {
    state
        .over_limit(
            "password_reset",
            ip,
            state.config.rate_limits.password_reset,
        )
        .await
}

/// Sends a staff member a password-reset link (single use, 1 hour). Nothing happens, and
/// nothing different is said, for an address without an enabled staff account.
pub async fn request_staff_reset(state: &AppState, email: &str, ip: &str) -> anyhow::Result<()> {
    let Some(staff) = db::staff::by_email(&state.db, email).await? else {
        return Ok(());
    };
    let token = crate::domain::token::new_token();
    let message = crate::email::messages::ResetPassword {
        name: staff.full_name.clone(),
        link: state
            .config
            .link(&format!("/admin/password/reset/{}", token.plain)),
    };
    let message =
        crate::email::messages::EmailContent::to_email_in(&message, staff.lang(), &staff.email)?;
    let mut tx = state.db.begin().await?;
    db::staff::issue_reset_token(&mut tx, staff.staff_id, &token.hash).await?;
    db::outbox::enqueue(&mut *tx, &message, &state.message_domain()).await?;
    db::audit::record(
        &mut *tx,
        AuditEvent::by_staff(
            &staff,
            "staff.password_reset_requested",
            "staff",
            staff.staff_id.to_string(),
            ip,
        ),
    )
    .await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(())
}

/// Sets a staff member's new password through a reset link: once, ending every session and
/// every sign-in lock. `Ok(None)` when the link no longer works.
pub async fn reset_staff_password(
    state: &AppState,
    plain_token: &str,
    new_password: &str,
    ip: &str,
) -> anyhow::Result<Option<Result<(), FormErrors>>> {
    let hash_of_token = crate::domain::token::hash_token(plain_token);
    let Some(staff) = db::staff::reset_token_staff(&state.db, &hash_of_token).await? else {
        return Ok(None);
    };
    let mut errors = FormErrors::default();
    errors.check(
        "password",
        crate::domain::password::check_new_password(
            new_password,
            &[&staff.email, &staff.full_name],
        ),
    );
    if !errors.is_empty() {
        return Ok(Some(Err(errors)));
    }
    let hash = state.hasher.hash(new_password).await?;
    let mut tx = state.db.begin().await?;
    if db::staff::consume_reset_token(&mut *tx, &hash_of_token).await? != Some(staff.staff_id) {
        return Ok(None);
    }
    db::staff::set_password(&mut *tx, staff.staff_id, &hash).await?;
    db::guards::clear(&mut *tx, db::guards::Realm::Staff, staff.staff_id).await?;
    db::audit::record(
        &mut *tx,
        AuditEvent::by_staff(
            &staff,
            "staff.password_reset",
            "staff",
            staff.staff_id.to_string(),
            ip,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(Some(Ok(())))
}

/// True when a staff reset link still works.
pub async fn staff_reset_link_works(state: &AppState, plain_token: &str) -> sqlx::Result<bool> {
    let hash = crate::domain::token::hash_token(plain_token);
    Ok(db::staff::reset_token_staff(&state.db, &hash)
        .await?
        .is_some())
}
