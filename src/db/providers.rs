//! The provider directory.

use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

/// A listed provider with its regions.
#[derive(Clone, Debug)]
pub struct Provider {
    /// Tenant.
    pub tenant_id: Uuid,
    /// Organisation name.
    pub name: String,
    /// Domain prefix.
    pub domain_prefix: String,
    /// Country (ISO 3166-1 alpha-2); the page names it in the reader's language.
    pub country_code: String,
    /// Region codes it is listed for.
    pub regions: Vec<String>,
    /// Its support contact (from the organisation profile), if it has one.
    pub support_email: Option<String>,
    /// Support phone.
    pub support_phone: Option<String>,
    /// Support website.
    pub support_website: Option<String>,
}

/// Every listed provider, optionally only those listed for `region`.
pub async fn list(db: impl PgExecutor<'_>, region: Option<&str>) -> sqlx::Result<Vec<Provider>> {
    sqlx::query_as!(
        Provider,
        r#"select t.tenant_id, t.name, t.domain_prefix::text as "domain_prefix!", t.country_code as "country_code!",
                  array_agg(p.csp_region order by p.csp_region) as "regions!",
                  o.support_email::text as "support_email?", o.support_phone as "support_phone?",
                  o.support_website as "support_website?"
           from provider_regions p
           join tenants t using (tenant_id)
           left join organisation_profiles o on o.tenant_id = t.tenant_id
           where $1::text is null or t.tenant_id in (select tenant_id from provider_regions where csp_region = $1)
           group by t.tenant_id, t.name, t.domain_prefix, t.country_code, o.support_email, o.support_phone, o.support_website
           order by t.name"#,
        region
    )
    .fetch_all(db)
    .await
}

/// The regions a tenant is listed for.
pub async fn regions_of(db: impl PgExecutor<'_>, tenant_id: Uuid) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar!(
        "select csp_region from provider_regions where tenant_id = $1 order by csp_region",
        tenant_id
    )
    .fetch_all(db)
    .await
}

/// A tenant's listed regions and whether it is an active indirect reseller (approved, and
/// the current agreement accepted: what `db::agreements::is_active_indirect_reseller`
/// asks), in one round trip.
pub async fn listing(
    db: impl PgExecutor<'_>,
    tenant_id: Uuid,
) -> sqlx::Result<(Vec<String>, bool)> {
    let row = sqlx::query!(
        r#"select
             array(select csp_region from provider_regions where tenant_id = $1 order by csp_region) as "regions!",
             exists(select 1 from applications where tenant_id = $1
                    and program = 'indirect_reseller' and state = 'approved')
             and exists(select 1 from agreement_acceptances where tenant_id = $1
                        and version = (select max(version) from partner_agreements)) as "active!""#,
        tenant_id
    )
    .fetch_one(db)
    .await?;
    Ok((row.regions, row.active))
}

/// Replaces a tenant's listing with `regions` (empty withdraws it).
pub async fn set_regions(
    conn: &mut PgConnection,
    tenant_id: Uuid,
    regions: &[String],
    staff_id: Uuid,
) -> sqlx::Result<()> {
    sqlx::query!(
        "delete from provider_regions where tenant_id = $1 and not (csp_region = any($2))",
        tenant_id,
        regions
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!(
        "insert into provider_regions (tenant_id, csp_region, listed_by)
         select $1, r, $3 from unnest($2::text[]) r on conflict do nothing",
        tenant_id,
        regions,
        staff_id
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Withdraws a tenant's listing; returns the regions it was listed for (empty: it was not
/// listed).
pub async fn withdraw(conn: &mut PgConnection, tenant_id: Uuid) -> sqlx::Result<Vec<String>> {
    let mut regions = sqlx::query_scalar!(
        "delete from provider_regions where tenant_id = $1 returning csp_region",
        tenant_id
    )
    .fetch_all(&mut *conn)
    .await?;
    regions.sort();
    Ok(regions)
}

/// True when the tenant is listed in the provider directory (for any region).
pub async fn is_listed(db: impl PgExecutor<'_>, tenant_id: Uuid) -> sqlx::Result<bool> {
    let listed = sqlx::query_scalar!(
        r#"select exists(select 1 from provider_regions where tenant_id = $1) as "listed!""#,
        tenant_id
    )
    .fetch_one(db)
    .await?;
    Ok(listed)
}

/// A tenant by its domain prefix: (tenant id, name).
pub async fn tenant_by_prefix(
    db: impl PgExecutor<'_>,
    prefix: &str,
) -> sqlx::Result<Option<(Uuid, String)>> {
    let row = sqlx::query!(
        "select tenant_id, name from tenants where domain_prefix = $1::text::citext",
        prefix
    )
    .fetch_optional(db)
    .await?;
    Ok(row.map(|r| (r.tenant_id, r.name)))
}
