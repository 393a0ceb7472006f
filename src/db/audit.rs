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
    /// An event done by a staff member to `target_type` `target_id`, from `ip`.
    pub fn by_staff(
        staff: &crate::db::staff::Staff,
        action: &'a str,
        target_type: &'a str,
        target_id: String,
        ip: &str,
    ) -> Self {
        Self {
            actor_staff_id: Some(staff.staff_id),
            action,
            target_type,
            target_id,
            ip_address: Some(ip.to_owned()),
            ..Default::default()
        }
    }

    /// An event done by the signed-in partner `user` (in its organisation) to `target_type`
    /// `target_id`, from `ip`.
    pub fn by_user(
        user: &crate::db::users::SessionUser,
        action: &'a str,
        target_type: &'a str,
        target_id: String,
        ip: &str,
    ) -> Self {
        Self {
            actor_user_id: Some(user.user_id),
            tenant_id: Some(user.tenant_id),
            action,
            target_type,
            target_id,
            ip_address: Some(ip.to_owned()),
            ..Default::default()
        }
    }

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

/// Filters of the audit log; `None` means any.
#[derive(Clone, Debug, Default)]
pub struct AuditFilter {
    /// Actor's e-mail address (partner user or staff).
    pub actor_email: Option<String>,
    /// Application id (the target).
    pub application_id: Option<Uuid>,
    /// Action, e.g. `application.state_changed`.
    pub action: Option<String>,
    /// Target kind and id, e.g. an organisation's profile.
    pub target: Option<(String, String)>,
    /// Keyset cursor: show rows older than this id.
    pub before_id: Option<i64>,
}

/// One audit row as the back office shows it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct AuditRow {
    /// Id (also the paging cursor).
    pub audit_event_id: i64,
    /// When.
    pub occurred_at: time::OffsetDateTime,
    /// Who, by e-mail (or empty for the system / anonymous).
    pub actor: Option<String>,
    /// What happened.
    pub action: String,
    /// Target kind.
    pub target_type: String,
    /// Target id.
    pub target_id: String,
    /// Requester's address.
    pub ip_address: Option<String>,
    /// State before.
    pub before_state: Option<Value>,
    /// State after.
    pub after_state: Option<Value>,
}

/// Newest first, at most `limit` rows.
pub async fn list(db: &sqlx::PgPool, f: &AuditFilter, limit: i64) -> sqlx::Result<Vec<AuditRow>> {
    let mut q: sqlx::QueryBuilder<sqlx::Postgres> = sqlx::QueryBuilder::new(
        "select e.audit_event_id, e.occurred_at, coalesce(s.email::text, u.email::text) as actor, e.action,
                e.target_type, e.target_id, e.ip_address, e.before_state, e.after_state
         from audit_events e
         left join users u on u.user_id = e.actor_user_id
         left join operator_staff s on s.staff_id = e.actor_staff_id
         where true",
    );
    if let Some(email) = &f.actor_email {
        q.push(" and (u.email = ")
            .push_bind(email.clone())
            .push("::text::citext or s.email = ")
            .push_bind(email.clone())
            .push("::text::citext)");
    }
    if let Some(id) = f.application_id {
        q.push(" and e.target_type = 'application' and e.target_id = ")
            .push_bind(id.to_string());
    }
    if let Some((kind, id)) = &f.target {
        q.push(" and e.target_type = ")
            .push_bind(kind.clone())
            .push(" and e.target_id = ")
            .push_bind(id.clone());
    }
    if let Some(action) = &f.action {
        q.push(" and e.action = ").push_bind(action.clone());
    }
    if let Some(before) = f.before_id {
        q.push(" and e.audit_event_id < ").push_bind(before);
    }
    // Written into the SQL so the plan knows it is small (see db::queue::page).
    q.push(format_args!(
        " order by e.audit_event_id desc limit {}",
        limit.clamp(1, 1000)
    ));
    q.build_query_as::<AuditRow>().fetch_all(db).await
}

/// Every action recorded so far, for the filter.
pub async fn actions(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar!("select distinct action from audit_events order by action")
        .fetch_all(db)
        .await
}
