//! Operator staff: the first operator admin, invitations, disabling, password changes and
//! self-service resets, clearing sign-in locks.

use crate::auth::password::ChangePasswordInput;
use crate::config::Config;
use crate::db::{self, audit::AuditEvent};
use crate::domain::staff::StaffRole;
use crate::domain::{FormErrors, password};
use crate::messages;
use crate::state::AppState;
use sqlx::PgPool;
use uuid::Uuid;

/// Creates the first operator admin when none exists. Returns the generated password
/// when one had to be made (it must be shown once and changed at first sign-in).
/// Safe when several processes start at once: an advisory lock serialises them.
pub async fn bootstrap_operator_admin(
    db: &PgPool,
    hasher: &crate::auth::PasswordHasher,
    config: &Config,
) -> anyhow::Result<Option<String>> {
    let mut tx = db.begin().await?;
    db::staff::lock_bootstrap(&mut tx).await?;
    if db::staff::operator_admin_exists(&mut *tx).await? {
        return Ok(None);
    }
    let (password, generated) = match &config.operator_admin_password {
        Some(p) => (p.clone(), false),
        None => (password::generate(), true),
    };
    let hash = hasher.hash(&password).await?;
    let staff_id = Uuid::new_v4();
    db::staff::insert(
        &mut *tx,
        staff_id,
        &config.operator_admin_email,
        "Operator admin",
        StaffRole::OperatorAdmin,
        &hash,
        generated,
    )
    .await?;
    db::audit::record(
        &mut *tx,
        AuditEvent {
            action: "staff.bootstrapped",
            target_type: "staff",
            target_id: staff_id.to_string(),
            after: Some(serde_json::json!({ "email": config.operator_admin_email, "role": StaffRole::OperatorAdmin.as_str(), "generated_password": generated })),
            ..Default::default()
        },
    )
    .await?;
    tx.commit().await?;
    Ok(generated.then_some(password))
}

/// Changes a staff member's password (also clears "must change"). Returns the new session epoch.
pub async fn change_password(
    state: &AppState,
    staff: &db::staff::Staff,
    input: &ChangePasswordInput,
    ip: &str,
) -> anyhow::Result<Result<i32, FormErrors>> {
    let errors = crate::auth::password::check_change(
        &state.hasher,
        &staff.password_hash,
        input,
        &[&staff.email, &staff.full_name],
    )
    .await?;
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let hash = state.hasher.hash(&input.new_password).await?;
    let mut tx = state.db.begin().await?;
    let epoch = db::staff::set_password(&mut *tx, staff.staff_id, &hash).await?;
    db::guards::clear(&mut *tx, db::guards::Realm::Staff, staff.staff_id).await?;
    db::audit::record(
        &mut *tx,
        AuditEvent::by_staff(
            staff,
            "staff.password_changed",
            "staff",
            staff.staff_id.to_string(),
            ip,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(Ok(epoch))
}

/// What the invitation form sends.
#[derive(Clone, Debug, serde::Deserialize)]
pub struct InviteInput {
    /// Invitee's address.
    #[serde(default)]
    pub email: String,
    /// Invitee's name.
    #[serde(default)]
    pub full_name: String,
    /// `reviewer` or `operator_admin`.
    #[serde(default)]
    pub role: String,
}

impl Default for InviteInput {
    /// The blank form: most invitations are for reviewers.
    fn default() -> Self {
        InviteInput {
            email: String::new(),
            full_name: String::new(),
            role: StaffRole::Reviewer.as_str().to_owned(),
        }
    }
}

async fn send_invitation(
    state: &AppState,
    conn: &mut sqlx::PgConnection,
    inviter: &db::staff::Staff,
    email: &str,
    name: &str,
    role: StaffRole,
) -> anyhow::Result<Uuid> {
    let token = crate::domain::token::new_token();
    let id = db::staff::create_invitation(conn, email, name, role, &token.hash, inviter.staff_id)
        .await?;
    let message = crate::email::messages::StaffInvitation {
        name: name.to_owned(),
        inviter: inviter.full_name.clone(),
        role: role.label().to_string(),
        link: state
            .config
            .link(&format!("/admin/invitations/{}", token.plain)),
    };
    let message = crate::email::messages::EmailContent::to_email(&message, email)?;
    db::outbox::enqueue(&mut *conn, &message, &state.message_domain()).await?;
    Ok(id)
}

/// Invites a new staff member by e-mail.
pub async fn invite(
    state: &AppState,
    admin: &db::staff::Staff,
    input: &InviteInput,
    ip: &str,
) -> anyhow::Result<Result<(), FormErrors>> {
    let mut errors = FormErrors::default();
    let email = errors.check("email", crate::domain::EmailAddress::parse(&input.email));
    if let Some(e) = &email
        && db::staff::email_taken(&state.db, e.as_str()).await?
    {
        errors.add("email", messages::STAFF_EMAIL_TAKEN);
    }
    let name = errors.check(
        "full_name",
        crate::domain::tenant::parse_full_name(&input.full_name),
    );
    let role = StaffRole::parse(&input.role);
    if role.is_none() {
        errors.add("role", messages::STAFF_ROLE_REQUIRED);
    }
    let (Some(email), Some(name), Some(role), true) = (email, name, role, errors.is_empty()) else {
        return Ok(Err(errors));
    };
    let mut tx = state.db.begin().await?;
    let id = send_invitation(state, &mut tx, admin, email.as_str(), &name, role).await?;
    let event = AuditEvent {
        after: Some(serde_json::json!({ "email": email.as_str(), "role": role.as_str() })),
        ..AuditEvent::by_staff(
            admin,
            "staff.invited",
            "staff_invitation",
            id.to_string(),
            ip,
        )
    };
    db::audit::record(&mut *tx, event).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(Ok(()))
}

/// Sends a pending invitation again with a new link (the old one stops working).
pub async fn resend_invitation(
    state: &AppState,
    admin: &db::staff::Staff,
    invitation_id: Uuid,
    ip: &str,
) -> anyhow::Result<bool> {
    let Some(old) = db::staff::pending_invitation(&state.db, invitation_id).await? else {
        return Ok(false);
    };
    let mut tx = state.db.begin().await?;
    let id = send_invitation(state, &mut tx, admin, &old.email, &old.full_name, old.role).await?;
    db::audit::record(
        &mut *tx,
        AuditEvent::by_staff(
            admin,
            "staff.invitation_resent",
            "staff_invitation",
            id.to_string(),
            ip,
        ),
    )
    .await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(true)
}

/// Revokes a pending invitation.
pub async fn revoke_invitation(
    state: &AppState,
    admin: &db::staff::Staff,
    invitation_id: Uuid,
    ip: &str,
) -> anyhow::Result<bool> {
    let mut tx = state.db.begin().await?;
    if !db::staff::revoke_invitation(&mut *tx, invitation_id).await? {
        return Ok(false);
    }
    db::audit::record(
        &mut *tx,
        AuditEvent::by_staff(
            admin,
            "staff.invitation_revoked",
            "staff_invitation",
            invitation_id.to_string(),
            ip,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// Outcome of accepting an invitation.
pub enum AcceptOutcome {
    /// The account exists; sign this staff member in.
    Joined {
        /// The new member.
        staff_id: Uuid,
        /// Their session epoch.
        epoch: i32,
    },
    /// The link no longer works.
    LinkInvalid,
    /// The password breaks the policy.
    Invalid(FormErrors),
}

/// Accepts an invitation: the invitee chooses a password and becomes staff (single use).
pub async fn accept_invitation(
    state: &AppState,
    plain_token: &str,
    password: &str,
    ip: &str,
) -> anyhow::Result<AcceptOutcome> {
    let hash_of_token = crate::domain::token::hash_token(plain_token);
    let Some(invitation) = db::staff::invitation_by_token(&state.db, &hash_of_token).await? else {
        return Ok(AcceptOutcome::LinkInvalid);
    };
    let mut errors = FormErrors::default();
    errors.check(
        "password",
        password::check_new_password(password, &[&invitation.email, &invitation.full_name]),
    );
    if !errors.is_empty() {
        return Ok(AcceptOutcome::Invalid(errors));
    }
    let hash = state.hasher.hash(password).await?;
    let mut tx = state.db.begin().await?;
    let Some(invitation) = db::staff::accept_invitation(&mut *tx, &hash_of_token).await? else {
        return Ok(AcceptOutcome::LinkInvalid);
    };
    let staff_id = Uuid::new_v4();
    if let Err(e) = db::staff::insert(
        &mut *tx,
        staff_id,
        &invitation.email,
        &invitation.full_name,
        invitation.role,
        &hash,
        false,
    )
    .await
    {
        if db::is_unique_violation(&e, db::staff::EMAIL_UNIQUE) {
            return Ok(AcceptOutcome::LinkInvalid);
        }
        return Err(e.into());
    }
    db::audit::record(
        &mut *tx,
        AuditEvent {
            actor_staff_id: Some(staff_id),
            action: "staff.joined",
            target_type: "staff",
            target_id: staff_id.to_string(),
            ip_address: Some(ip.to_owned()),
            after: Some(
                serde_json::json!({ "email": invitation.email, "role": invitation.role.as_str() }),
            ),
            ..Default::default()
        },
    )
    .await?;
    tx.commit().await?;
    Ok(AcceptOutcome::Joined { staff_id, epoch: 0 })
}

/// Gives another staff member a new role (never oneself), audited. False when not allowed.
pub async fn change_role(
    state: &AppState,
    admin: &db::staff::Staff,
    staff_id: Uuid,
    role: StaffRole,
    ip: &str,
) -> anyhow::Result<bool> {
    // Not one's own: an operator admin is always left to change roles back.
    if staff_id == admin.staff_id {
        return Ok(false);
    }
    let mut tx = state.db.begin().await?;
    let Some(before) = db::staff::set_role(&mut *tx, staff_id, role).await? else {
        return Ok(false);
    };
    db::audit::record(
        &mut *tx,
        AuditEvent {
            before: Some(serde_json::json!({ "role": before.as_str() })),
            after: Some(serde_json::json!({ "role": role.as_str() })),
            ..AuditEvent::by_staff(
                admin,
                "staff.role_changed",
                "staff",
                staff_id.to_string(),
                ip,
            )
        },
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// Disables or enables another staff member; false when it is oneself or nobody.
pub async fn set_disabled(
    state: &AppState,
    admin: &db::staff::Staff,
    staff_id: Uuid,
    disabled: bool,
    ip: &str,
) -> anyhow::Result<bool> {
    if staff_id == admin.staff_id {
        return Ok(false);
    }
    let mut tx = state.db.begin().await?;
    if !db::staff::set_disabled(&mut *tx, staff_id, disabled).await? {
        return Ok(false);
    }
    let action = if disabled {
        "staff.disabled"
    } else {
        "staff.enabled"
    };
    db::audit::record(
        &mut *tx,
        AuditEvent::by_staff(admin, action, "staff", staff_id.to_string(), ip),
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// Clears every sign-in lock on a staff member's account (an operator admin's action,
/// audited with how many sources were locked). False when there is no such staff member.
pub async fn clear_staff_locks(
    state: &AppState,
    admin: &db::staff::Staff,
    staff_id: Uuid,
    ip: &str,
) -> anyhow::Result<bool> {
    if db::staff::by_id(&state.db, staff_id).await?.is_none() {
        return Ok(false);
    }
    let mut tx = state.db.begin().await?;
    let cleared = db::guards::clear(&mut *tx, db::guards::Realm::Staff, staff_id).await?;
    db::audit::record(
        &mut *tx,
        AuditEvent {
            after: Some(serde_json::json!({ "cleared_sources": cleared })),
            ..AuditEvent::by_staff(
                admin,
                "staff.sign_in_locks_cleared",
                "staff",
                staff_id.to_string(),
                ip,
            )
        },
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}
