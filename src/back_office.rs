//! Operator staff: the first operator admin, staff password changes.

use crate::auth::password::ChangePasswordInput;
use crate::config::Config;
use crate::db::{self, audit::AuditEvent};
use crate::domain::{FormErrors, password};
use crate::messages;
use crate::state::AppState;
use sqlx::PgPool;
use uuid::Uuid;

/// Readable characters for generated passwords (no 0/O, 1/l/I).
const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";

/// A random password of five groups of four characters (about 99 bits).
pub fn generate_password() -> String {
    let mut bytes = [0u8; 20];
    getrandom::fill(&mut bytes).expect("the operating system's random number generator failed");
    let chars: Vec<char> = bytes
        .iter()
        .map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char)
        .collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// Creates the first operator admin when none exists. Returns the generated password
/// when one had to be made (it must be shown once and changed at first sign-in).
/// Safe when several processes start at once: an advisory lock serialises them.
pub async fn bootstrap_operator_admin(
    db: &PgPool,
    hasher: &crate::auth::PasswordHasher,
    config: &Config,
) -> anyhow::Result<Option<String>> {
    let mut tx = db.begin().await?;
    sqlx::query("select pg_advisory_xact_lock(727274)")
        .execute(&mut *tx)
        .await?;
    if db::staff::operator_admin_exists(&mut *tx).await? {
        return Ok(None);
    }
    let (password, generated) = match &config.operator_admin_password {
        Some(p) => (p.clone(), false),
        None => (generate_password(), true),
    };
    let hash = hasher.hash(&password).await?;
    let staff_id = Uuid::new_v4();
    db::staff::insert(
        &mut *tx,
        staff_id,
        &config.operator_admin_email,
        "Operator admin",
        "operator_admin",
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
            after: Some(serde_json::json!({ "email": config.operator_admin_email, "role": "operator_admin", "generated_password": generated })),
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
        staff_audit(
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_passwords_are_long_readable_and_strong() {
        let p = generate_password();
        assert_eq!(p.len(), 24);
        assert_eq!(p.split('-').count(), 5);
        assert!(password::check_new_password(&p, &[]).is_ok());
        assert_ne!(p, generate_password());
    }
}

/// A reviewer's decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Approve.
    Approve,
    /// Reject, with a reason shown to the applicant.
    Reject,
    /// Ask the applicant for more information.
    RequestInfo,
}

impl Decision {
    /// Reads the form's `action`.
    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "approve" => Some(Decision::Approve),
            "reject" => Some(Decision::Reject),
            "request-info" => Some(Decision::RequestInfo),
            _ => None,
        }
    }

    /// The URL segment and form value.
    pub fn code(self) -> &'static str {
        match self {
            Decision::Approve => "approve",
            Decision::Reject => "reject",
            Decision::RequestInfo => "request-info",
        }
    }

    fn as_move(self) -> crate::domain::application::Move {
        use crate::domain::application::Move;
        match self {
            Decision::Approve => Move::Approve,
            Decision::Reject => Move::Reject,
            Decision::RequestInfo => Move::RequestInfo,
        }
    }
}

/// What became of a decision.
pub enum DecisionOutcome {
    /// Made; the application is now in this state.
    Made(crate::domain::application::ApplicationState),
    /// Someone changed the application first; nothing was done. Its state now.
    Conflict(crate::domain::application::ApplicationState),
    /// The reason or message is missing or too long.
    Invalid(FormErrors),
}

/// Records a reviewer's decision on the application as the reviewer saw it (`seen_version`):
/// state change, timeline, audit row and e-mail in one transaction; exactly one of two
/// reviewers deciding at once wins.
pub async fn decide(
    state: &AppState,
    staff: &db::staff::Staff,
    application_id: Uuid,
    decision: Decision,
    seen_version: i32,
    text: &str,
    ip: &str,
) -> anyhow::Result<Option<DecisionOutcome>> {
    let Some(mut app) = db::applications::find(&state.db, application_id).await? else {
        return Ok(None);
    };
    let mut errors = FormErrors::default();
    let detail = match decision {
        Decision::Approve => None,
        Decision::Reject => errors.check(
            "text",
            crate::domain::enrollment::required_text(
                text,
                "Enter the reason for rejecting: the applicant will see it",
                2000,
                "The reason must be 2,000 characters or fewer",
            ),
        ),
        Decision::RequestInfo => errors.check(
            "text",
            crate::domain::enrollment::required_text(
                text,
                "Enter what the applicant must tell you",
                2000,
                "The message must be 2,000 characters or fewer",
            ),
        ),
    };
    if decision == Decision::Approve
        && let Some(blocker) = crate::direct_bill::approval_blocker(state, &app).await?
    {
        errors.add("text", blocker);
    }
    if decision == Decision::Approve
        && let Some(partner_id) = &app.partner_id
        && db::memberships::find(&state.db, partner_id)
            .await?
            .is_some_and(|m| m.held_by_other_than(app.tenant_id))
    {
        errors.add("text", messages::PARTNER_ID_HELD_ELSEWHERE);
    }
    if !errors.is_empty() {
        return Ok(Some(DecisionOutcome::Invalid(errors)));
    }
    let current = app.state();
    app.version = seen_version;
    let mut tx = state.db.begin().await?;
    let label = reviewer_label(staff);
    let actor = crate::enrollment::Actor {
        user_id: None,
        staff_id: Some(staff.staff_id),
        label: &label,
        ip,
    };
    match crate::enrollment::make_move(
        state,
        &mut tx,
        &app,
        decision.as_move(),
        &actor,
        detail.as_deref(),
    )
    .await?
    {
        Some(to) => {
            let approved = to == crate::domain::application::ApplicationState::Approved;
            if approved && let Some(partner_id) = &app.partner_id {
                // The approved organisation now holds the ID; nobody else can use it.
                db::memberships::hold(&mut *tx, partner_id, app.tenant_id).await?;
            }
            if approved && app.program == db::direct_bill::DIRECT_BILL {
                crate::direct_bill::on_approved(state, &mut tx, &app).await?;
            }
            tx.commit().await?;
            state.outbox_wake.notify_one();
            Ok(Some(DecisionOutcome::Made(to)))
        }
        None => {
            drop(tx);
            // Tell the reviewer where the application stands now, not when they looked.
            let now = db::applications::find(&state.db, application_id)
                .await?
                .map(|a| a.state())
                .unwrap_or(current);
            Ok(Some(DecisionOutcome::Conflict(now)))
        }
    }
}

/// Adds an internal note (never shown to the applicant).
pub async fn add_note(
    state: &AppState,
    staff: &db::staff::Staff,
    app: &db::applications::Application,
    text: &str,
    ip: &str,
) -> anyhow::Result<Result<(), FormErrors>> {
    let mut errors = FormErrors::default();
    let Some(note) = errors.check(
        "note",
        crate::domain::enrollment::required_text(
            text,
            "Enter the note",
            5000,
            "The note must be 5,000 characters or fewer",
        ),
    ) else {
        return Ok(Err(errors));
    };
    let mut tx = state.db.begin().await?;
    let audit = staff_audit(
        staff,
        "application.note_added",
        "application",
        app.application_id.to_string(),
        ip,
    );
    staff_entry(&mut tx, staff, app, "note", &note, audit).await?;
    tx.commit().await?;
    Ok(Ok(()))
}

/// How a staff member appears on an application's timeline.
fn reviewer_label(staff: &db::staff::Staff) -> String {
    format!("Reviewer {}", staff.full_name)
}

/// Writes a staff-only timeline entry on `app` and its audit row.
async fn staff_entry(
    conn: &mut sqlx::PgConnection,
    staff: &db::staff::Staff,
    app: &db::applications::Application,
    kind: &str,
    detail: &str,
    audit: AuditEvent<'_>,
) -> sqlx::Result<()> {
    let label = reviewer_label(staff);
    let ip = audit.ip_address.clone().unwrap_or_default();
    let actor = crate::enrollment::Actor {
        user_id: None,
        staff_id: Some(staff.staff_id),
        label: &label,
        ip: &ip,
    };
    let event = db::applications::NewEvent {
        detail: Some(detail),
        internal: true,
        ..actor.event(app, kind)
    };
    db::applications::record_event(&mut *conn, &event).await?;
    db::audit::record(
        &mut *conn,
        AuditEvent {
            tenant_id: Some(app.tenant_id),
            ..audit
        },
    )
    .await
}

/// Assigns an application. Reviewers may assign only themselves; operator admins anyone.
/// Returns false when not allowed.
pub async fn assign(
    state: &AppState,
    staff: &db::staff::Staff,
    app: &db::applications::Application,
    to: Uuid,
    ip: &str,
) -> anyhow::Result<bool> {
    if to != staff.staff_id && !staff.is_operator_admin() {
        return Ok(false);
    }
    let Some(assignee) = db::staff::by_id(&state.db, to).await? else {
        return Ok(false);
    };
    let before = db::applications::assignee(&state.db, app.application_id).await?;
    let mut tx = state.db.begin().await?;
    db::applications::assign(&mut *tx, app.application_id, Some(to)).await?;
    let audit = AuditEvent {
        before: Some(serde_json::json!({ "assigned_to": before })),
        after: Some(serde_json::json!({ "assigned_to": to })),
        ..staff_audit(
            staff,
            "application.assigned",
            "application",
            app.application_id.to_string(),
            ip,
        )
    };
    staff_entry(
        &mut tx,
        staff,
        app,
        "assigned",
        &format!("Assigned to {}", assignee.full_name),
        audit,
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// What the settings form sends.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct SettingsInput {
    /// `open` or `closed`.
    #[serde(default)]
    pub intake: String,
    /// Reopening date, `YYYY-MM-DD`.
    #[serde(default)]
    pub reopens_on: String,
    /// Message to applicants while closed.
    #[serde(default)]
    pub message: String,
}

impl SettingsInput {
    /// The form filled with the current settings.
    pub fn from_settings(s: &db::settings::ProgramSettings) -> Self {
        Self {
            intake: if s.direct_bill_intake_open {
                "open"
            } else {
                "closed"
            }
            .into(),
            reopens_on: s
                .direct_bill_reopens_on
                .map(|d| d.to_string())
                .unwrap_or_default(),
            message: s.direct_bill_closed_message.clone().unwrap_or_default(),
        }
    }

    /// Checks the answers: a closed intake needs a reopening date that is not in the past.
    pub fn validate(&self, today: time::Date) -> Result<db::settings::ProgramSettings, FormErrors> {
        let mut errors = FormErrors::default();
        let open = match self.intake.as_str() {
            "open" => Some(true),
            "closed" => Some(false),
            _ => {
                errors.add(
                    "intake",
                    "Select whether direct-bill intake is open or closed",
                );
                None
            }
        };
        let format = time::macros::format_description!("[year]-[month]-[day]");
        let reopens_on = match (open, self.reopens_on.trim()) {
            (Some(false), "") => {
                errors.add(
                    "reopens_on",
                    "Enter the date intake reopens, so applicants know when to come back",
                );
                None
            }
            (_, "") => None,
            (_, raw) => match time::Date::parse(raw, &format) {
                Ok(d) if d < today => {
                    errors.add("reopens_on", "The reopening date must be today or later");
                    None
                }
                Ok(d) => Some(d),
                Err(_) => {
                    errors.add("reopens_on", "Enter a real date, like 2027-03-01");
                    None
                }
            },
        };
        let message = errors.check(
            "message",
            crate::domain::enrollment::optional_text(
                &self.message,
                1000,
                "The message must be 1,000 characters or fewer",
            ),
        );
        match (open, message, errors.is_empty()) {
            (Some(open), Some(message), true) => Ok(db::settings::ProgramSettings {
                direct_bill_intake_open: open,
                direct_bill_reopens_on: if open { None } else { reopens_on },
                direct_bill_closed_message: if open { None } else { message },
            }),
            _ => Err(errors),
        }
    }
}

/// Saves program settings, with an audit row of before and after.
pub async fn save_settings(
    state: &AppState,
    staff: &db::staff::Staff,
    new: &db::settings::ProgramSettings,
    ip: &str,
) -> anyhow::Result<()> {
    let mut tx = state.db.begin().await?;
    let before = db::settings::get(&mut *tx).await?;
    db::settings::save(&mut *tx, new, staff.staff_id).await?;
    db::audit::record(
        &mut *tx,
        AuditEvent {
            actor_staff_id: Some(staff.staff_id),
            action: "settings.changed",
            target_type: "program_settings",
            target_id: "program".into(),
            ip_address: Some(ip.to_owned()),
            before: Some(serde_json::to_value(&before)?),
            after: Some(serde_json::to_value(new)?),
            ..Default::default()
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod settings_tests {
    use super::*;
    use time::macros::date;

    fn input(intake: &str, reopens_on: &str) -> SettingsInput {
        SettingsInput {
            intake: intake.into(),
            reopens_on: reopens_on.into(),
            message: String::new(),
        }
    }

    #[test]
    fn closed_intake_needs_a_reopening_date_that_is_not_past() {
        let today = date!(2026 - 11 - 22);
        assert!(
            input("closed", "")
                .validate(today)
                .unwrap_err()
                .get("reopens_on")
                .is_some()
        );
        assert!(
            input("closed", "2026-11-21")
                .validate(today)
                .unwrap_err()
                .get("reopens_on")
                .unwrap()
                .contains("today or later")
        );
        assert!(
            input("closed", "2026-02-30")
                .validate(today)
                .unwrap_err()
                .get("reopens_on")
                .unwrap()
                .contains("real date")
        );
        assert_eq!(
            input("closed", "2027-03-01")
                .validate(today)
                .unwrap()
                .direct_bill_reopens_on,
            Some(date!(2027 - 03 - 01))
        );
        let open = input("open", "").validate(today).unwrap();
        assert!(open.direct_bill_intake_open && open.direct_bill_reopens_on.is_none());
        assert!(
            input("maybe", "")
                .validate(today)
                .unwrap_err()
                .get("intake")
                .is_some()
        );
    }
}

/// A staff role in words.
pub fn role_label(code: &str) -> &'static str {
    match code {
        "operator_admin" => "Operator admin",
        "reviewer" => "Reviewer",
        _ => "Staff",
    }
}

/// What the invitation form sends.
#[derive(Clone, Debug, Default, serde::Deserialize)]
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

fn staff_audit<'a>(
    actor: &db::staff::Staff,
    action: &'a str,
    target_type: &'a str,
    target_id: String,
    ip: &str,
) -> AuditEvent<'a> {
    AuditEvent {
        actor_staff_id: Some(actor.staff_id),
        action,
        target_type,
        target_id,
        ip_address: Some(ip.to_owned()),
        ..Default::default()
    }
}

async fn send_invitation(
    state: &AppState,
    conn: &mut sqlx::PgConnection,
    inviter: &db::staff::Staff,
    email: &str,
    name: &str,
    role: &str,
) -> anyhow::Result<Uuid> {
    let token = crate::domain::token::new_token();
    let id = db::staff::create_invitation(conn, email, name, role, &token.hash, inviter.staff_id)
        .await?;
    let message = crate::email::messages::StaffInvitation {
        name: name.to_owned(),
        inviter: inviter.full_name.clone(),
        role: role_label(role).to_owned(),
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
        errors.add("email", "This address already belongs to a staff member");
    }
    let name = errors.check(
        "full_name",
        crate::domain::tenant::parse_full_name(&input.full_name),
    );
    if !matches!(input.role.as_str(), "reviewer" | "operator_admin") {
        errors.add("role", "Select a role");
    }
    let (Some(email), Some(name), true) = (email, name, errors.is_empty()) else {
        return Ok(Err(errors));
    };
    let mut tx = state.db.begin().await?;
    let id = send_invitation(state, &mut tx, admin, email.as_str(), &name, &input.role).await?;
    let event = AuditEvent {
        after: Some(serde_json::json!({ "email": email.as_str(), "role": input.role })),
        ..staff_audit(
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
    let id = send_invitation(state, &mut tx, admin, &old.email, &old.full_name, &old.role).await?;
    db::audit::record(
        &mut *tx,
        staff_audit(
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
        staff_audit(
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
        &invitation.role,
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
            after: Some(serde_json::json!({ "email": invitation.email, "role": invitation.role })),
            ..Default::default()
        },
    )
    .await?;
    tx.commit().await?;
    Ok(AcceptOutcome::Joined { staff_id, epoch: 0 })
}

/// Disables or re-enables a staff member (never oneself). False when not allowed.
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
        staff_audit(admin, action, "staff", staff_id.to_string(), ip),
    )
    .await?;
    tx.commit().await?;
    Ok(true)
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
    let message = crate::email::messages::EmailContent::to_email(&message, &staff.email)?;
    let mut tx = state.db.begin().await?;
    db::staff::issue_reset_token(&mut tx, staff.staff_id, &token.hash).await?;
    db::outbox::enqueue(&mut *tx, &message, &state.message_domain()).await?;
    db::audit::record(
        &mut *tx,
        staff_audit(
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
        staff_audit(
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
            ..staff_audit(
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
        errors.add("domain_prefix", "Enter the partner's work-account domain");
        None
    } else {
        match db::providers::tenant_by_prefix(&state.db, &prefix).await? {
            None => {
                errors.add("domain_prefix", "No work account has this domain");
                None
            }
            Some((id, name))
                if !crate::enrollment::is_active_indirect_reseller(state, id).await? =>
            {
                errors.add("domain_prefix", format!("{name} cannot be listed: only approved partners that have accepted the partner agreement can be providers"));
                None
            }
            Some(t) => Some(t),
        }
    };
    let known: Vec<String> = db::providers::all_regions(&state.db)
        .await?
        .into_iter()
        .map(|(code, _)| code)
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
        errors.add("regions", "Select at least one program region");
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
        ..staff_audit(
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

/// Withdraws a provider's listing; false when it was not listed.
pub async fn withdraw_provider(
    state: &AppState,
    admin: &db::staff::Staff,
    tenant_id: Uuid,
    ip: &str,
) -> anyhow::Result<bool> {
    let mut tx = state.db.begin().await?;
    let before = db::providers::regions_of(&mut *tx, tenant_id).await?;
    if before.is_empty() {
        return Ok(false);
    }
    db::providers::set_regions(&mut tx, tenant_id, &[], admin.staff_id).await?;
    let event = AuditEvent {
        tenant_id: Some(tenant_id),
        before: Some(serde_json::json!({ "regions": before })),
        after: Some(serde_json::json!({ "regions": [] })),
        ..staff_audit(
            admin,
            "provider.withdrawn",
            "tenant",
            tenant_id.to_string(),
            ip,
        )
    };
    db::audit::record(&mut *tx, event).await?;
    tx.commit().await?;
    Ok(true)
}
