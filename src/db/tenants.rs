//! Work accounts (tenants).

use sqlx::PgExecutor;
use uuid::Uuid;

/// What a new tenant is made of.
pub struct NewTenant<'a> {
    /// New id.
    pub tenant_id: Uuid,
    /// Organisation name.
    pub name: &'a str,
    /// Domain prefix, lowercase.
    pub domain_prefix: &'a str,
    /// Country code from the markets table.
    pub country_code: &'a str,
    /// Billing currency implied by the country, fixed from now on.
    pub billing_currency: &'a str,
}

/// Name of the unique constraint on the domain prefix.
pub const DOMAIN_PREFIX_UNIQUE: &str = "tenants_domain_prefix_key";

/// Inserts a tenant; fails with a unique violation on [`DOMAIN_PREFIX_UNIQUE`] when taken.
pub async fn insert(db: impl PgExecutor<'_>, t: &NewTenant<'_>) -> sqlx::Result<()> {
    sqlx::query!(
        "insert into tenants (tenant_id, name, domain_prefix, country_code, billing_currency)
         values ($1, $2, $3, $4, $5)",
        t.tenant_id,
        t.name,
        t.domain_prefix,
        t.country_code,
        t.billing_currency
    )
    .execute(db)
    .await?;
    Ok(())
}

/// True when a tenant already uses this prefix (any case).
pub async fn domain_prefix_taken(db: impl PgExecutor<'_>, prefix: &str) -> sqlx::Result<bool> {
    let taken = sqlx::query_scalar!(
        r#"select exists(select 1 from tenants where domain_prefix = $1::text::citext) as "taken!""#,
        prefix
    )
    .fetch_one(db)
    .await?;
    Ok(taken)
}

/// A tenant as the dashboard shows it.
#[derive(Clone, Debug)]
pub struct TenantOverview {
    /// Organisation name.
    pub name: String,
    /// Domain prefix.
    pub domain_prefix: String,
    /// Country code.
    pub country_code: String,
    /// Country name in English.
    pub country_name: String,
    /// Program region in plain words.
    pub region_name: String,
    /// Billing currency.
    pub billing_currency: String,
}

/// The tenant with this id, with its market's names.
pub async fn overview(
    db: impl PgExecutor<'_>,
    tenant_id: Uuid,
) -> sqlx::Result<Option<TenantOverview>> {
    sqlx::query_as!(
        TenantOverview,
        r#"select t.name, t.domain_prefix::text as "domain_prefix!", t.country_code as "country_code!",
                  m.country_name_en as country_name, r.name as region_name,
                  t.billing_currency as "billing_currency!"
           from tenants t
           join markets m using (country_code)
           join csp_regions r on r.csp_region = m.csp_region
           where t.tenant_id = $1"#,
        tenant_id
    )
    .fetch_optional(db)
    .await
}
