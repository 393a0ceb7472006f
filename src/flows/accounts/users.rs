//! The organisation's users as other users see them (issue 15).

use crate::db;
use crate::domain::tenant::{Role, Roles};
use crate::state::AppState;
use uuid::Uuid;

/// Name and address of each user of the tenant who holds one of `roles` (whom to ask when
/// a page is not for one's own role).
pub async fn holders_of(
    state: &AppState,
    tenant_id: Uuid,
    roles: &[Role],
) -> sqlx::Result<Vec<(String, String)>> {
    let codes: Vec<String> = roles.iter().map(|r| r.as_str().to_owned()).collect();
    db::users::holders(&state.db, tenant_id, &codes).await
}

/// What the add-user form sends.
#[derive(Clone, Debug, Default)]
pub struct NewUserInput {
    /// Full name.
    pub full_name: String,
    /// Sign-in address (any domain).
    pub email: String,
    /// Role codes (one or more).
    pub roles: Vec<String>,
    /// The form's own id (sending it twice must not add twice).
    pub form_id: String,
}

impl NewUserInput {
    /// True when the form ticked `role`.
    pub fn has_role(&self, role: &Role) -> bool {
        self.roles.iter().any(|r| r.trim() == role.as_str())
    }
}

/// Reads the roles an admin chose for a user: at least one, each known, none that the admin
/// may not give. The error is the message for the roles field.
pub fn chosen_roles(
    admin: &crate::db::users::SessionUser,
    codes: &[String],
) -> Result<Roles, crate::messages::Msg> {
    use crate::messages::Msg;
    let roles = Roles::parse_all(&codes.iter().map(|c| c.trim()).collect::<Vec<_>>())
        .ok_or(Msg("user-role-required"))?;
    if roles.is_empty() {
        return Err(Msg("user-role-required"));
    }
    if !crate::domain::authz::may_manage(admin.roles, roles) {
        return Err(Msg("user-role-global-admin-only"));
    }
    Ok(roles)
}

/// The outcome of adding a colleague.
pub enum Added {
    /// Added now: the temporary password, to show once and never again.
    Now {
        /// Name.
        full_name: String,
        /// Sign-in address.
        email: String,
        /// The temporary password (stored only hashed).
        temporary_password: String,
    },
    /// This form added the user already (a reload): the password is not shown again.
    Already {
        /// Name.
        full_name: String,
        /// Sign-in address.
        email: String,
    },
}

pub use crate::domain::password::TEMPORARY_PASSWORD_DAYS;

/// The roles `admin` may give: a global admin every role, a user-management admin every
/// role but global admin.
pub fn assignable_roles(admin: &crate::db::users::SessionUser) -> Vec<Role> {
    Role::ALL
        .into_iter()
        .filter(|r| crate::domain::authz::may_manage(admin.roles, Roles::one(*r)))
        .collect()
}

/// Adds a colleague to `admin`'s organisation with a generated temporary password; the new
/// user is e-mailed (without the password) in the language of the admin who added them.
pub async fn add_user(
    state: &AppState,
    admin: &crate::db::users::SessionUser,
    input: &NewUserInput,
    ip: &str,
) -> anyhow::Result<Result<Added, crate::domain::FormErrors>> {
    use crate::domain::{EmailAddress, FormErrors};
    use crate::messages;
    let form_id = Uuid::parse_str(input.form_id.trim()).ok();
    if let Some(form_id) = form_id
        && let Some((full_name, email)) =
            db::users::added_with_form(&state.db, admin.tenant_id, form_id).await?
    {
        return Ok(Ok(Added::Already { full_name, email }));
    }
    let mut errors = FormErrors::default();
    let full_name = errors.check(
        "full_name",
        crate::domain::tenant::parse_full_name(&input.full_name),
    );
    let email = errors.check("email", EmailAddress::parse(&input.email));
    let roles = match chosen_roles(admin, &input.roles) {
        Ok(roles) => Some(roles),
        Err(message) => {
            errors.add("roles", message);
            None
        }
    };
    if let Some(email) = &email {
        match db::users::tenant_of_email(&state.db, email.as_str()).await? {
            Some(t) if t == admin.tenant_id => {
                errors.add("email", messages::Msg("user-email-in-organisation"));
            }
            Some(_) => errors.add("email", messages::Msg("user-email-other-organisation")),
            None => {}
        }
    }
    let (Some(full_name), Some(email), Some(roles), true) =
        (full_name, email, roles, errors.is_empty())
    else {
        return Ok(Err(errors));
    };
    let temporary_password = crate::domain::password::generate();
    let hash = state.hasher.hash(&temporary_password).await?;
    let user_id = Uuid::new_v4();
    let until = time::OffsetDateTime::now_utc() + time::Duration::days(TEMPORARY_PASSWORD_DAYS);
    let mut tx = state.db.begin().await?;
    let inserted = db::users::insert(
        &mut *tx,
        &db::users::NewUser {
            user_id,
            tenant_id: admin.tenant_id,
            full_name: &full_name,
            email: email.as_str(),
            password_hash: &hash,
            roles,
            language: crate::i18n::current(),
            temporary_until: Some(until),
            added_by: Some(admin.user_id),
            added_with_form: form_id,
        },
    )
    .await;
    if let Err(e) = inserted {
        if db::is_unique_violation(&e, db::users::EMAIL_UNIQUE) {
            errors.add("email", messages::Msg("user-email-other-organisation"));
            return Ok(Err(errors));
        }
        return Err(e.into());
    }
    let event = crate::db::audit::AuditEvent {
        actor_user_id: Some(admin.user_id),
        tenant_id: Some(admin.tenant_id),
        action: "user.added",
        target_type: "user",
        target_id: user_id.to_string(),
        ip_address: Some(ip.to_owned()),
        after: Some(serde_json::json!({ "email": email.as_str(), "roles": roles.codes() })),
        ..Default::default()
    };
    crate::db::audit::record(&mut *tx, event).await?;
    // The address is the admin's word: the e-mail also asks its owner to confirm it.
    let confirm = crate::domain::token::new_token();
    db::tokens::issue(
        &mut tx,
        user_id,
        db::tokens::Purpose::EmailConfirmation,
        &confirm.hash,
    )
    .await?;
    let message = crate::email::messages::UserAdded {
        confirm_link: state
            .config
            .link(&format!("/signup/confirm/{}", confirm.plain)),
        name: full_name.clone(),
        by: admin.full_name.clone(),
        organisation: admin.organisation.clone(),
        role: roles.labels(),
        sign_in_link: state.config.link("/signin"),
        until: crate::i18n::format::date_time(until),
    };
    let message = crate::email::messages::EmailContent::to_email(&message, email.as_str())?;
    crate::db::outbox::enqueue(&mut *tx, &message, &state.message_domain()).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(Ok(Added::Now {
        full_name,
        email: email.as_str().to_owned(),
        temporary_password,
    }))
}

/// The organisation's users, for the users page.
pub async fn users_of(state: &AppState, tenant_id: Uuid) -> sqlx::Result<Vec<db::users::OrgUser>> {
    db::users::of_tenant(&state.db, tenant_id).await
}

/// What an admin does to a colleague.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UserAction {
    /// Give another set of roles.
    ChangeRoles(Roles),
    /// Disable: every session ends, signing in is refused.
    Disable,
    /// Enable again.
    Enable,
    /// A new temporary password (shown once), to be changed at the next sign-in; the form's
    /// id makes sending it again (a reload) show "not shown again" instead of another one.
    ResetPassword(Option<Uuid>),
    /// Remove from the organisation.
    Remove,
}

/// What came of an action.
pub enum ActionOutcome {
    /// Done.
    Done,
    /// Done: a new temporary password, to show once.
    TemporaryPassword(String),
    /// This form reset the password already: it is not shown again.
    AlreadyReset,
    /// Refused, and why (the page says it).
    Refused(crate::messages::Msg),
}

/// Does `action` to `target_id` on behalf of `admin`, with the organisation's rules: only a
/// global admin handles a global admin; the last active global admin cannot be disabled,
/// removed or given another role; nobody disables or removes themselves. `None` when the
/// user is not in the admin's organisation.
pub async fn manage_user(
    state: &AppState,
    admin: &crate::db::users::SessionUser,
    target_id: Uuid,
    action: UserAction,
    ip: &str,
) -> anyhow::Result<Option<ActionOutcome>> {
    use crate::domain::authz::may_manage;
    use crate::messages::Msg;
    let mut tx = state.db.begin().await?;
    let active_global_admins = db::users::lock_tenant_users(&mut tx, admin.tenant_id).await?;
    let Some(target) = db::users::of_tenant_by_id(&mut tx, admin.tenant_id, target_id).await?
    else {
        return Ok(None);
    };
    let refuse = |m: &'static str| Ok(Some(ActionOutcome::Refused(Msg(m))));
    if !may_manage(admin.roles, target.roles) {
        return refuse("user-global-admin-only");
    }
    let myself = target.user_id == admin.user_id;
    let last_global_admin =
        target.roles.is_global_admin() && target.disabled_at.is_none() && active_global_admins <= 1;
    let (audit_action, before, after, outcome) = match action {
        UserAction::ChangeRoles(roles) => {
            if roles.is_empty() {
                return refuse("user-role-required");
            }
            if !may_manage(admin.roles, roles) {
                return refuse("user-role-global-admin-only");
            }
            if last_global_admin && !roles.is_global_admin() {
                return refuse("user-last-global-admin");
            }
            db::users::set_roles(&mut tx, target.user_id, roles).await?;
            (
                "user.roles_changed",
                serde_json::json!({ "roles": target.roles.codes() }),
                serde_json::json!({ "roles": roles.codes() }),
                ActionOutcome::Done,
            )
        }
        UserAction::Disable => {
            if myself {
                return refuse("user-not-yourself");
            }
            if last_global_admin {
                return refuse("user-last-global-admin");
            }
            db::users::set_disabled(&mut tx, target.user_id, true).await?;
            (
                "user.disabled",
                serde_json::json!({ "disabled": false }),
                serde_json::json!({ "disabled": true }),
                ActionOutcome::Done,
            )
        }
        UserAction::Enable => {
            db::users::set_disabled(&mut tx, target.user_id, false).await?;
            (
                "user.enabled",
                serde_json::json!({ "disabled": true }),
                serde_json::json!({ "disabled": false }),
                ActionOutcome::Done,
            )
        }
        UserAction::ResetPassword(form) => {
            if myself {
                return refuse("user-not-yourself");
            }
            if form.is_some() && target.password_reset_form == form {
                return Ok(Some(ActionOutcome::AlreadyReset));
            }
            let password = crate::domain::password::generate();
            let hash = state.hasher.hash(&password).await?;
            let until =
                time::OffsetDateTime::now_utc() + time::Duration::days(TEMPORARY_PASSWORD_DAYS);
            db::users::set_temporary_password(&mut tx, target.user_id, &hash, until, form).await?;
            (
                "user.password_reset_by_admin",
                serde_json::json!({}),
                serde_json::json!({ "temporary_until": until.unix_timestamp() }),
                ActionOutcome::TemporaryPassword(password),
            )
        }
        UserAction::Remove => {
            if myself {
                return refuse("user-not-yourself");
            }
            if last_global_admin {
                return refuse("user-last-global-admin");
            }
            db::users::remove(&mut tx, target.user_id).await?;
            (
                "user.removed",
                serde_json::json!({ "email": target.email, "roles": target.roles.codes() }),
                serde_json::json!({}),
                ActionOutcome::Done,
            )
        }
    };
    let event = crate::db::audit::AuditEvent {
        actor_user_id: Some(admin.user_id),
        tenant_id: Some(admin.tenant_id),
        action: audit_action,
        target_type: "user",
        target_id: target.user_id.to_string(),
        ip_address: Some(ip.to_owned()),
        before: Some(before),
        after: Some(after),
        ..Default::default()
    };
    crate::db::audit::record(&mut *tx, event).await?;
    tx.commit().await?;
    Ok(Some(outcome))
}

/// One user of the admin's organisation, for its page.
pub async fn user_of(
    state: &AppState,
    tenant_id: Uuid,
    user_id: Uuid,
) -> sqlx::Result<Option<db::users::OrgUser>> {
    let mut conn = state.db.acquire().await?;
    db::users::of_tenant_by_id(&mut conn, tenant_id, user_id).await
}
