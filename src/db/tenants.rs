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

/// Where a tenant stands in both programs, for its dashboard: one round trip.
#[derive(Debug)]
pub struct Standing {
    /// The newest indirect-reseller application and its state.
    pub reseller_application: Option<(Uuid, crate::domain::application::ApplicationState)>,
    /// The current partner agreement is accepted.
    pub agreement_accepted: bool,
    /// Some indirect-reseller application of the tenant was approved.
    pub approved_reseller: bool,
    /// Listed in the provider directory in at least one region.
    pub listed_provider: bool,
    /// The direct-bill partner record's status and next reassessment.
    pub direct_partner: Option<(crate::domain::direct_bill::PartnerStatus, time::Date)>,
    /// An open (not final) direct-bill application and its state.
    pub direct_open: Option<(Uuid, crate::domain::application::ApplicationState)>,
    /// An active partnership with a provider.
    pub has_provider: bool,
    /// An active partnership with a reseller.
    pub has_reseller: bool,
    /// More than one user.
    pub has_colleagues: bool,
}

/// The tenant (as [`overview`] gives it) and its [`Standing`], in one round trip.
pub async fn with_standing(
    db: impl PgExecutor<'_>,
    tenant_id: Uuid,
) -> sqlx::Result<Option<(TenantOverview, Standing)>> {
    use crate::domain::application::ApplicationState;
    use crate::domain::direct_bill::PartnerStatus;
    let row = sqlx::query!(
        r#"select
             t.name, t.domain_prefix::text as "domain_prefix!", t.country_code as "country_code!",
             m.country_name_en as country_name, cr.name as region_name,
             t.billing_currency as "billing_currency!",
             r.application_id as "reseller_id?", r.state as "reseller_state?: ApplicationState",
             exists(select 1 from agreement_acceptances a where a.tenant_id = $1
                    and a.version = (select max(version) from partner_agreements)) as "accepted!",
             exists(select 1 from provider_regions p where p.tenant_id = $1) as "listed!",
             exists(select 1 from applications a where a.tenant_id = $1
                    and a.program = 'indirect_reseller' and a.state = 'approved') as "approved!",
             d.status as "direct_status?: PartnerStatus", d.reassessment_due_on as "direct_due?",
             o.application_id as "open_id?", o.state as "open_state?: ApplicationState",
             exists(select 1 from partnerships p where p.reseller_tenant_id = $1 and p.state = 'active')
               as "has_provider!",
             exists(select 1 from partnerships p where p.provider_tenant_id = $1 and p.state = 'active')
               as "has_reseller!",
             (select count(*) from users u where u.tenant_id = $1) > 1 as "has_colleagues!"
           from tenants t
           join markets m using (country_code)
           join csp_regions cr on cr.csp_region = m.csp_region
           left join lateral (select application_id, state from applications
                              where tenant_id = $1 and program = 'indirect_reseller'
                              order by created_at desc limit 1) r on true
           left join direct_bill_partners d on d.tenant_id = $1
           left join lateral (select application_id, state from applications
                              where tenant_id = $1 and program = 'direct_bill'
                                and state not in ('approved', 'rejected', 'withdrawn')
                              limit 1) o on true
           where t.tenant_id = $1"#,
        tenant_id
    )
    .fetch_optional(db)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let tenant = TenantOverview {
        name: row.name,
        domain_prefix: row.domain_prefix,
        country_code: row.country_code,
        country_name: row.country_name,
        region_name: row.region_name,
        billing_currency: row.billing_currency,
    };
    Ok(Some((
        tenant,
        Standing {
            reseller_application: row.reseller_id.zip(row.reseller_state),
            agreement_accepted: row.accepted,
            approved_reseller: row.approved,
            listed_provider: row.listed,
            direct_partner: row.direct_status.zip(row.direct_due),
            direct_open: row.open_id.zip(row.open_state),
            has_provider: row.has_provider,
            has_reseller: row.has_reseller,
            has_colleagues: row.has_colleagues,
        },
    )))
}

/// The tenant's chosen time zone (none: its country's) and its country's default.
pub async fn time_zone(
    db: impl PgExecutor<'_>,
    tenant_id: Uuid,
) -> sqlx::Result<Option<(Option<String>, String)>> {
    let row = sqlx::query!(
        r#"select t.time_zone, m.default_time_zone
           from tenants t join markets m using (country_code)
           where t.tenant_id = $1"#,
        tenant_id
    )
    .fetch_optional(db)
    .await?;
    Ok(row.map(|r| (r.time_zone, r.default_time_zone)))
}

/// Sets the tenant's time zone (none: its country's default).
pub async fn set_time_zone(
    db: impl PgExecutor<'_>,
    tenant_id: Uuid,
    zone: Option<&str>,
) -> sqlx::Result<()> {
    sqlx::query!(
        "update tenants set time_zone = $2 where tenant_id = $1",
        tenant_id,
        zone
    )
    .execute(db)
    .await?;
    Ok(())
}
