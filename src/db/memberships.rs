//! Partner-network memberships ("partner IDs").

use sqlx::PgExecutor;
use uuid::Uuid;

/// A membership.
#[derive(Clone, Debug)]
pub struct Membership {
    /// 7-digit partner ID.
    pub partner_id: String,
    /// Organisation the membership belongs to.
    pub organisation_name: String,
    /// Country of the company profile.
    pub country_code: String,
    /// Whether it is active.
    pub active: bool,
    /// The organisation that holds it (joined through the portal, or approved with it).
    pub held_by_tenant: Option<Uuid>,
}

impl Membership {
    /// True when `tenant` may use this partner ID: active, in the tenant's country, and held
    /// by no other organisation.
    pub fn usable_by(&self, tenant: Uuid, tenant_country: &str) -> bool {
        self.active
            && self.country_code == tenant_country
            && self.held_by_tenant.is_none_or(|holder| holder == tenant)
    }

    /// True when another organisation holds it.
    pub fn held_by_other_than(&self, tenant: Uuid) -> bool {
        self.held_by_tenant.is_some_and(|holder| holder != tenant)
    }
}

/// Records `tenant` as the holder of an unheld partner ID (at approval).
pub async fn hold(db: impl PgExecutor<'_>, partner_id: &str, tenant: Uuid) -> sqlx::Result<()> {
    sqlx::query!(
        "update partner_memberships set held_by_tenant = $2 where partner_id = $1 and held_by_tenant is null",
        partner_id,
        tenant
    )
    .execute(db)
    .await?;
    Ok(())
}

/// How many open or approved applications of other tenants name `partner_id`.
pub async fn other_applicants(
    db: impl PgExecutor<'_>,
    partner_id: &str,
    tenant: Uuid,
) -> sqlx::Result<i64> {
    sqlx::query_scalar!(
        r#"select count(*) as "n!" from applications
           where partner_id = $1 and tenant_id <> $2
             and state not in ('draft', 'withdrawn', 'rejected')"#,
        partner_id,
        tenant
    )
    .fetch_one(db)
    .await
}

/// The membership with this ID.
pub async fn find(db: impl PgExecutor<'_>, partner_id: &str) -> sqlx::Result<Option<Membership>> {
    sqlx::query_as!(
        Membership,
        r#"select partner_id as "partner_id!", organisation_name, country_code as "country_code!", active,
                  held_by_tenant
           from partner_memberships where partner_id = $1"#,
        partner_id
    )
    .fetch_optional(db)
    .await
}

/// The organisation's membership from joining through the portal, or a fresh one with a
/// random 7-digit ID (retrying on the rare collision).
pub async fn join(
    conn: &mut sqlx::PgConnection,
    organisation_name: &str,
    country_code: &str,
    tenant_id: Uuid,
) -> anyhow::Result<Membership> {
    // One partner ID per organisation, however often "Join" is pressed: the tenant's row is
    // locked so two presses take turns, and the second finds the first one's ID.
    sqlx::query!(
        "select tenant_id from tenants where tenant_id = $1 for update",
        tenant_id
    )
    .fetch_optional(&mut *conn)
    .await?;
    let joined = sqlx::query_as!(
        Membership,
        r#"select partner_id as "partner_id!", organisation_name, country_code as "country_code!", active,
                  held_by_tenant
           from partner_memberships where joined_by_tenant = $1 and active
           order by created_at limit 1"#,
        tenant_id
    )
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(m) = joined {
        return Ok(m);
    }
    for _ in 0..20 {
        let mut bytes = [0u8; 4];
        getrandom::fill(&mut bytes)
            .map_err(|e| anyhow::anyhow!("random number generator failed: {e}"))?;
        let number = 1_000_000 + u32::from_le_bytes(bytes) % 9_000_000;
        let partner_id = number.to_string();
        let inserted = sqlx::query!(
            "insert into partner_memberships (partner_id, organisation_name, country_code, joined_by_tenant, held_by_tenant)
             values ($1, $2, $3, $4, $4) on conflict (partner_id) do nothing",
            partner_id,
            organisation_name,
            country_code,
            tenant_id
        )
        .execute(&mut *conn)
        .await?;
        if inserted.rows_affected() == 1 {
            return Ok(Membership {
                partner_id,
                organisation_name: organisation_name.to_owned(),
                country_code: country_code.to_owned(),
                active: true,
                held_by_tenant: Some(tenant_id),
            });
        }
    }
    anyhow::bail!("could not find a free partner ID")
}

/// Adds a membership with a given ID (operator tooling and tests).
pub async fn insert(db: impl PgExecutor<'_>, m: &Membership) -> sqlx::Result<()> {
    sqlx::query!(
        "insert into partner_memberships (partner_id, organisation_name, country_code, active) values ($1, $2, $3, $4)",
        m.partner_id,
        m.organisation_name,
        m.country_code,
        m.active
    )
    .execute(db)
    .await?;
    Ok(())
}
