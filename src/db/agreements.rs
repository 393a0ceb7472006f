//! The partner agreement and who accepted which version.

use crate::domain::application::Program;
use sqlx::PgExecutor;
use time::OffsetDateTime;
use uuid::Uuid;

/// One version of the agreement.
#[derive(Clone, Debug)]
pub struct Agreement {
    /// Version number.
    pub version: i32,
    /// Title.
    pub title: String,
    /// Text.
    pub body: String,
}

/// The newest version.
pub async fn current(db: impl PgExecutor<'_>) -> sqlx::Result<Agreement> {
    sqlx::query_as!(
        Agreement,
        "select version, title, body from partner_agreements order by version desc limit 1"
    )
    .fetch_one(db)
    .await
}

/// A recorded acceptance.
#[derive(Clone, Debug)]
pub struct Acceptance {
    /// Version accepted.
    pub version: i32,
    /// Who accepted, by name.
    pub accepted_by_name: String,
    /// When.
    pub accepted_at: OffsetDateTime,
}

/// The tenant's acceptance of the newest version, if any.
pub async fn acceptance_of_current(
    db: impl PgExecutor<'_>,
    tenant_id: Uuid,
) -> sqlx::Result<Option<Acceptance>> {
    sqlx::query_as!(
        Acceptance,
        "select a.version, a.accepted_by_name, a.accepted_at from agreement_acceptances a
         where a.tenant_id = $1 and a.version = (select max(version) from partner_agreements)",
        tenant_id
    )
    .fetch_optional(db)
    .await
}

/// Records an acceptance (accepting the same version again changes nothing).
pub async fn accept(
    db: impl PgExecutor<'_>,
    tenant_id: Uuid,
    version: i32,
    user_id: Uuid,
    user_name: &str,
) -> sqlx::Result<bool> {
    let done = sqlx::query!(
        "insert into agreement_acceptances (tenant_id, version, accepted_by, accepted_by_name)
         values ($1, $2, $3, $4) on conflict do nothing",
        tenant_id,
        version,
        user_id,
        user_name
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// True when the tenant may transact as an indirect reseller: approved, with the current
/// partner agreement accepted.
pub async fn is_active_indirect_reseller(db: &sqlx::PgPool, tenant_id: Uuid) -> sqlx::Result<bool> {
    Ok(
        crate::db::applications::is_approved(db, tenant_id, Program::IndirectReseller).await?
            && acceptance_of_current(db, tenant_id).await?.is_some(),
    )
}
