//! Customers (issue 16): customer tenants, their profiles, their relationships with partners
//! and their customer-agreement acceptances.

use crate::domain::customer::{Acceptance, NewCustomer};
use sqlx::{PgConnection, PgExecutor};
use time::OffsetDateTime;
use uuid::Uuid;

/// Inserts a customer tenant and its profile (inside the adding transaction); fails with a
/// unique violation on the tenant's domain prefix when it is taken.
pub async fn insert(
    conn: &mut PgConnection,
    customer_id: Uuid,
    c: &NewCustomer,
    billing_currency: &str,
    added_by: Option<(Uuid, Uuid)>,
    form: Option<Uuid>,
) -> sqlx::Result<()> {
    sqlx::query!(
        "insert into tenants (tenant_id, name, domain_prefix, country_code, billing_currency, kind)
         values ($1, $2, $3, $4, $5, 'customer')",
        customer_id,
        c.company,
        c.domain_prefix.as_str(),
        c.country,
        billing_currency
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!(
        "insert into customer_profiles (tenant_id, address_line1, address_line2, city,
                                        state_province, postal_code, contact_first_name,
                                        contact_last_name, contact_email, contact_phone,
                                        added_by_tenant, added_by, added_with_form)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9::text::citext, $10, $11, $12, $13)",
        customer_id,
        c.address_line1,
        c.address_line2,
        c.city,
        c.state_province,
        c.postal_code,
        c.first_name,
        c.last_name,
        c.email,
        c.phone,
        added_by.map(|(tenant, _)| tenant),
        added_by.map(|(_, user)| user),
        form
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// The customer a partner's form added already: (customer id, company, contact e-mail).
pub async fn added_with_form(
    db: impl PgExecutor<'_>,
    partner: Uuid,
    form: Uuid,
) -> sqlx::Result<Option<(Uuid, String, String)>> {
    let row = sqlx::query!(
        r#"select t.tenant_id, t.name, p.contact_email::text as "email!"
           from customer_profiles p join tenants t using (tenant_id)
           where p.added_with_form = $1 and p.added_by_tenant = $2"#,
        form,
        partner
    )
    .fetch_optional(db)
    .await?;
    Ok(row.map(|r| (r.tenant_id, r.name, r.email)))
}

/// Relates a customer to its provider (and reseller); an existing relationship of the same
/// three is kept. Returns false when it existed already.
pub async fn relate(
    conn: &mut PgConnection,
    customer: Uuid,
    provider: Uuid,
    reseller: Option<Uuid>,
    via: &str,
    by: Uuid,
) -> sqlx::Result<bool> {
    let done = sqlx::query!(
        "insert into customer_relationships (relationship_id, customer_tenant_id,
                                             provider_tenant_id, reseller_tenant_id, via,
                                             created_by)
         values ($1, $2, $3, $4, $5, $6)
         on conflict do nothing",
        Uuid::new_v4(),
        customer,
        provider,
        reseller,
        via,
        by
    )
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The partners' own domains: their work accounts' domains (prefix + `suffix`) and the
/// domains of their users' e-mail addresses (a customer's contact may not be on them).
pub async fn partner_domains(
    db: impl PgExecutor<'_>,
    partners: &[Uuid],
    suffix: &str,
) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar!(
        r#"select domain_prefix::text || '.' || $2 as "domain!" from tenants where tenant_id = any($1)
           union
           select split_part(email::text, '@', 2) from users where tenant_id = any($1)"#,
        partners,
        suffix
    )
    .fetch_all(db)
    .await
}

/// A customer as a partner's list shows it.
#[derive(Clone, Debug)]
pub struct Listed {
    /// The customer tenant.
    pub customer_id: Uuid,
    /// Company name.
    pub name: String,
    /// Domain prefix.
    pub domain_prefix: String,
    /// Country code.
    pub country_code: String,
    /// The reseller it was related through, if any: name.
    pub reseller: Option<String>,
    /// Since when.
    pub since: OffsetDateTime,
}

/// What a provider's customer list is filtered by.
#[derive(Clone, Debug, Default)]
pub struct ListFilter {
    /// Only customers related through this reseller tenant.
    pub reseller: Option<Uuid>,
    /// Name or domain prefix containing this text (any case).
    pub search: Option<String>,
    /// Keyset cursor: after this (name, customer id).
    pub after: Option<(String, Uuid)>,
}

/// The customers `partner` serves as provider, by name, at most `limit` (one row per
/// customer and reseller).
pub async fn of_provider(
    db: impl PgExecutor<'_>,
    partner: Uuid,
    f: &ListFilter,
    limit: i64,
) -> sqlx::Result<Vec<Listed>> {
    let (after_name, after_id) = f
        .after
        .clone()
        .map_or((None, None), |(n, i)| (Some(n), Some(i)));
    sqlx::query_as!(
        Listed,
        r#"select c.tenant_id as customer_id, c.name, c.domain_prefix::text as "domain_prefix!",
                  c.country_code::text as "country_code!", s.name as "reseller?",
                  r.created_at as since
           from customer_relationships r
           join tenants c on c.tenant_id = r.customer_tenant_id
           left join tenants s on s.tenant_id = r.reseller_tenant_id
           where r.provider_tenant_id = $1
             and ($2::uuid is null or r.reseller_tenant_id = $2)
             and ($3::text is null or c.name ilike '%' || $3 || '%'
                  or c.domain_prefix::text ilike '%' || $3 || '%')
             and ($4::text is null or (c.name, c.tenant_id) > ($4, $5::uuid))
           order by c.name, c.tenant_id
           limit $6"#,
        partner,
        f.reseller,
        f.search,
        after_name,
        after_id,
        limit
    )
    .fetch_all(db)
    .await
}

/// A customer's details.
#[derive(Clone, Debug)]
pub struct Customer {
    /// The customer tenant.
    pub customer_id: Uuid,
    /// Company name.
    pub name: String,
    /// Domain prefix.
    pub domain_prefix: String,
    /// Country code.
    pub country_code: String,
    /// Billing currency.
    pub billing_currency: String,
    /// Address line 1.
    pub address_line1: String,
    /// Address line 2.
    pub address_line2: Option<String>,
    /// City.
    pub city: String,
    /// State or province.
    pub state_province: Option<String>,
    /// Postal code.
    pub postal_code: Option<String>,
    /// Contact's first name.
    pub contact_first_name: String,
    /// Contact's last name.
    pub contact_last_name: String,
    /// Contact's e-mail.
    pub contact_email: String,
    /// Contact's phone.
    pub contact_phone: String,
    /// When the customer came to be.
    pub created_at: OffsetDateTime,
}

/// One customer.
pub async fn find(db: impl PgExecutor<'_>, customer_id: Uuid) -> sqlx::Result<Option<Customer>> {
    sqlx::query_as!(
        Customer,
        r#"select t.tenant_id as customer_id, t.name, t.domain_prefix::text as "domain_prefix!",
                  t.country_code::text as "country_code!", t.billing_currency::text as "billing_currency!",
                  p.address_line1, p.address_line2, p.city, p.state_province, p.postal_code,
                  p.contact_first_name, p.contact_last_name, p.contact_email::text as "contact_email!",
                  p.contact_phone, t.created_at
           from tenants t join customer_profiles p using (tenant_id)
           where t.tenant_id = $1 and t.kind = 'customer'"#,
        customer_id
    )
    .fetch_optional(db)
    .await
}

/// A customer's relationship with its partners.
#[derive(Clone, Debug)]
pub struct Relationship {
    /// The provider (or direct-bill partner).
    pub provider_id: Uuid,
    /// Its name.
    pub provider: String,
    /// The reseller, if two tiers.
    pub reseller_id: Option<Uuid>,
    /// Its name.
    pub reseller: Option<String>,
    /// Added by the provider, or authorised through an invitation.
    pub via: String,
    /// Since when.
    pub since: OffsetDateTime,
}

/// The customer's relationships, oldest first.
pub async fn relationships_of(
    db: impl PgExecutor<'_>,
    customer_id: Uuid,
) -> sqlx::Result<Vec<Relationship>> {
    sqlx::query_as!(
        Relationship,
        r#"select r.provider_tenant_id as provider_id, p.name as provider,
                  r.reseller_tenant_id as "reseller_id?", s.name as "reseller?", r.via,
                  r.created_at as since
           from customer_relationships r
           join tenants p on p.tenant_id = r.provider_tenant_id
           left join tenants s on s.tenant_id = r.reseller_tenant_id
           where r.customer_tenant_id = $1
           order by r.created_at"#,
        customer_id
    )
    .fetch_all(db)
    .await
}

/// The newest customer-agreement version.
pub async fn current_agreement(db: impl PgExecutor<'_>) -> sqlx::Result<i32> {
    sqlx::query_scalar!(r#"select max(version) as "v!" from customer_agreements"#)
        .fetch_one(db)
        .await
}

/// A recorded acceptance of the customer agreement.
#[derive(Clone, Debug)]
pub struct RecordedAcceptance {
    /// Version.
    pub version: i32,
    /// When the customer accepted.
    pub accepted_on: time::Date,
    /// Signer.
    pub signer_first_name: String,
    /// Signer.
    pub signer_last_name: String,
    /// Signer's e-mail.
    pub signer_email: String,
    /// Signer's phone.
    pub signer_phone: Option<String>,
    /// Which partner recorded it.
    pub recorded_by_partner: Option<String>,
    /// When.
    pub recorded_at: OffsetDateTime,
}

/// The newest acceptance the customer gave.
pub async fn acceptance(
    db: impl PgExecutor<'_>,
    customer_id: Uuid,
) -> sqlx::Result<Option<RecordedAcceptance>> {
    sqlx::query_as!(
        RecordedAcceptance,
        r#"select a.version, a.accepted_on, a.signer_first_name, a.signer_last_name,
                  a.signer_email::text as "signer_email!", a.signer_phone,
                  t.name as "recorded_by_partner?", a.recorded_at
           from customer_agreement_acceptances a
           left join tenants t on t.tenant_id = a.recorded_by_tenant
           where a.customer_tenant_id = $1
           order by a.version desc limit 1"#,
        customer_id
    )
    .fetch_optional(db)
    .await
}

/// Records the customer's acceptance of `version`; false when that version was recorded
/// already.
pub async fn record_acceptance(
    conn: &mut PgConnection,
    customer_id: Uuid,
    version: i32,
    a: &Acceptance,
    by: Uuid,
    by_tenant: Uuid,
) -> sqlx::Result<bool> {
    let done = sqlx::query!(
        "insert into customer_agreement_acceptances (customer_tenant_id, version, accepted_on,
                    signer_first_name, signer_last_name, signer_email, signer_phone,
                    recorded_by, recorded_by_tenant)
         values ($1, $2, $3, $4, $5, $6::text::citext, $7, $8, $9)
         on conflict do nothing",
        customer_id,
        version,
        a.accepted_on,
        a.first_name,
        a.last_name,
        a.email,
        a.phone,
        by,
        by_tenant
    )
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The customers related to a provider through one reseller.
pub async fn of_pair(
    db: impl PgExecutor<'_>,
    provider: Uuid,
    reseller: Uuid,
) -> sqlx::Result<Vec<(Uuid, String)>> {
    let rows = sqlx::query!(
        "select c.tenant_id, c.name from customer_relationships r
         join tenants c on c.tenant_id = r.customer_tenant_id
         where r.provider_tenant_id = $1 and r.reseller_tenant_id = $2
         order by c.name",
        provider,
        reseller
    )
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(|r| (r.tenant_id, r.name)).collect())
}

/// A customer invitation behind a link.
#[derive(Clone, Debug)]
pub struct Invitation {
    /// Id.
    pub invitation_id: Uuid,
    /// The reseller (none: a direct-bill partner's one-tier invitation).
    pub reseller_id: Option<Uuid>,
    /// Its name.
    pub reseller: Option<String>,
    /// The provider (or direct-bill partner).
    pub provider_id: Uuid,
    /// Its name.
    pub provider: String,
    /// The region the customer must be in: the reseller's, else the partner's own.
    pub region: String,
    /// Until when it works.
    pub expires_at: OffsetDateTime,
    /// Authorised already.
    pub accepted: bool,
    /// Withdrawn by the partner.
    pub revoked: bool,
}

/// The invitation whose token hashes to `token_hash`.
pub async fn invitation(
    db: impl PgExecutor<'_>,
    token_hash: &[u8],
) -> sqlx::Result<Option<Invitation>> {
    sqlx::query_as!(
        Invitation,
        r#"select i.invitation_id, i.reseller_tenant_id as "reseller_id?", r.name as "reseller?",
                  i.provider_tenant_id as provider_id, p.name as provider,
                  m.csp_region as region, i.expires_at,
                  i.accepted_at is not null as "accepted!", i.revoked_at is not null as "revoked!"
           from customer_invitations i
           join tenants p on p.tenant_id = i.provider_tenant_id
           left join tenants r on r.tenant_id = i.reseller_tenant_id
           join markets m on m.country_code = coalesce(r.country_code, p.country_code)
           where i.token_hash = $1"#,
        token_hash
    )
    .fetch_optional(db)
    .await
}

/// Marks the invitation authorised by `customer` (once: false when it was used, withdrawn
/// or expired meanwhile).
pub async fn accept_invitation(
    conn: &mut PgConnection,
    invitation_id: Uuid,
    customer: Uuid,
    by: Uuid,
) -> sqlx::Result<bool> {
    let done = sqlx::query!(
        "update customer_invitations
         set accepted_at = now(), accepted_by = $3, customer_tenant_id = $2
         where invitation_id = $1 and accepted_at is null and revoked_at is null
           and expires_at > now()",
        invitation_id,
        customer,
        by
    )
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// True when the customer already has this relationship.
pub async fn related(
    db: impl PgExecutor<'_>,
    customer: Uuid,
    provider: Uuid,
    reseller: Option<Uuid>,
) -> sqlx::Result<bool> {
    sqlx::query_scalar!(
        r#"select exists(select 1 from customer_relationships
                         where customer_tenant_id = $1 and provider_tenant_id = $2
                           and reseller_tenant_id is not distinct from $3) as "x!""#,
        customer,
        provider,
        reseller
    )
    .fetch_one(db)
    .await
}

/// Every customer whose name or domain prefix contains `search` (all when `None`), by name,
/// at most `limit` (the back office's lookup).
pub async fn search(
    db: impl PgExecutor<'_>,
    search: Option<&str>,
    limit: i64,
) -> sqlx::Result<Vec<Listed>> {
    sqlx::query_as!(
        Listed,
        r#"select c.tenant_id as customer_id, c.name, c.domain_prefix::text as "domain_prefix!",
                  c.country_code::text as "country_code!", null::text as "reseller?",
                  c.created_at as since
           from tenants c
           where c.kind = 'customer'
             and ($1::text is null or c.name ilike '%' || $1 || '%'
                  or c.domain_prefix::text ilike '%' || $1 || '%')
           order by c.name, c.tenant_id
           limit $2"#,
        search,
        limit
    )
    .fetch_all(db)
    .await
}
