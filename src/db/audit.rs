//! The audit trail: every decision and security event, with actor, time, target and before/after.

use serde_json::Value;
use sqlx::PgExecutor;
use uuid::Uuid;

/// One audit row to write.
#[derive(Debug, Default)]
pub struct AuditEvent<'a> {
    /// Who did it (a partner user), when known.
    pub actor_user_id: Option<Uuid>,
    /// Who did it (operator staff), when known.
    pub actor_staff_id: Option<Uuid>,
    /// Whose data it concerns.
    pub tenant_id: Option<Uuid>,
    /// What happened, e.g. `user.signed_in`.
    pub action: &'a str,
    /// What kind of thing it happened to, e.g. `user`.
    pub target_type: &'a str,
    /// Which one.
    pub target_id: String,
    /// The requester's address.
    pub ip_address: Option<String>,
    /// State before, where it changed.
    pub before: Option<Value>,
    /// State after, where it changed.
    pub after: Option<Value>,
}

impl<'a> AuditEvent<'a> {
    /// An event about one user of a tenant, done by that user (or by nobody known when
    /// `actor_is_user` is false), from `ip`.
    pub fn about_user(
        action: &'a str,
        user_id: Uuid,
        tenant_id: Option<Uuid>,
        actor_is_user: bool,
        ip: &str,
    ) -> Self {
        Self {
            actor_user_id: actor_is_user.then_some(user_id),
            tenant_id,
            action,
            target_type: "user",
            target_id: user_id.to_string(),
            ip_address: Some(ip.to_owned()),
            ..Default::default()
        }
    }
}

/// Writes an audit row (inside the caller's transaction when given one).
pub async fn record(db: impl PgExecutor<'_>, e: AuditEvent<'_>) -> sqlx::Result<()> {
    sqlx::query!(
        "insert into audit_events (actor_user_id, actor_staff_id, tenant_id, action, target_type, target_id, ip_address, before_state, after_state)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        e.actor_user_id,
        e.actor_staff_id,
        e.tenant_id,
        e.action,
        e.target_type,
        e.target_id,
        e.ip_address,
        e.before,
        e.after
    )
    .execute(db)
    .await?;
    Ok(())
}
