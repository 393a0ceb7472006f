//! The partner agreement: who may transact, and a global admin's acceptance.

use crate::db;
use crate::db::applications::{self as apps};
use crate::db::audit::AuditEvent;
use crate::db::users::SessionUser;
use crate::domain::application::Program;
use crate::state::AppState;
use serde_json::json;

/// Outcome of accepting the partner agreement.
pub enum AgreementOutcome {
    /// Recorded now.
    Accepted,
    /// This version was accepted before.
    AlreadyAccepted,
    /// The tenant is not an approved indirect reseller yet.
    NotApproved,
}

/// Records a global admin's acceptance of the current agreement.
pub async fn accept_agreement(
    state: &AppState,
    user: &SessionUser,
    version: i32,
    ip: &str,
) -> anyhow::Result<AgreementOutcome> {
    if !apps::is_approved(&state.db, user.tenant_id, Program::IndirectReseller).await? {
        return Ok(AgreementOutcome::NotApproved);
    }
    let mut tx = state.db.begin().await?;
    if !db::agreements::accept(
        &mut *tx,
        user.tenant_id,
        version,
        user.user_id,
        &user.full_name,
    )
    .await?
    {
        return Ok(AgreementOutcome::AlreadyAccepted);
    }
    db::audit::record(
        &mut *tx,
        AuditEvent {
            actor_user_id: Some(user.user_id),
            tenant_id: Some(user.tenant_id),
            action: "agreement.accepted",
            target_type: "tenant",
            target_id: user.tenant_id.to_string(),
            ip_address: Some(ip.to_owned()),
            after: Some(json!({ "version": version })),
            ..Default::default()
        },
    )
    .await?;
    tx.commit().await?;
    Ok(AgreementOutcome::Accepted)
}
