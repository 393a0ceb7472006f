//! Operator staff: the first operator admin, staff password changes.

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

/// What the staff change-password form sends.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct ChangePasswordInput {
    /// Current password.
    #[serde(default)]
    pub current_password: String,
    /// New password.
    #[serde(default)]
    pub new_password: String,
}

/// Changes a staff member's password (also clears "must change"). Returns the new session epoch.
pub async fn change_password(
    state: &AppState,
    staff: &db::staff::Staff,
    input: &ChangePasswordInput,
    ip: &str,
) -> anyhow::Result<Result<i32, FormErrors>> {
    let mut errors = FormErrors::default();
    if input.current_password.is_empty() {
        errors.add("current_password", messages::CURRENT_PASSWORD_REQUIRED);
    } else if !state
        .hasher
        .verify(&input.current_password, Some(&staff.password_hash))
        .await?
    {
        errors.add("current_password", messages::CURRENT_PASSWORD_WRONG);
    }
    errors.check(
        "new_password",
        password::check_new_password(&input.new_password, &[&staff.email, &staff.full_name]),
    );
    if errors.get("current_password").is_none() && input.new_password == input.current_password {
        errors.add("new_password", messages::PASSWORD_UNCHANGED);
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let hash = state.hasher.hash(&input.new_password).await?;
    let mut tx = state.db.begin().await?;
    let epoch = db::staff::set_password(&mut *tx, staff.staff_id, &hash).await?;
    db::guards::clear(&mut *tx, db::guards::Realm::Staff, staff.staff_id).await?;
    db::audit::record(
        &mut *tx,
        AuditEvent {
            actor_staff_id: Some(staff.staff_id),
            action: "staff.password_changed",
            target_type: "staff",
            target_id: staff.staff_id.to_string(),
            ip_address: Some(ip.to_owned()),
            ..Default::default()
        },
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
