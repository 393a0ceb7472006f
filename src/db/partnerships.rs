//! Provider-reseller partnerships and their invitations.

use crate::domain::partnership::{InvitationState, PartnershipState};
use sqlx::{PgConnection, PgExecutor};
use time::OffsetDateTime;
use uuid::Uuid;

/// Name of the unique index that allows one active partnership per pair.
pub const ONE_ACTIVE: &str = "partnerships_one_active_idx";

/// An invitation as the reseller's page and the provider's list see it.
#[derive(Clone, Debug)]
pub struct Invitation {
    /// Id.
    pub invitation_id: Uuid,
    /// The inviting provider.
    pub provider_tenant_id: Uuid,
    /// Provider's organisation name.
    pub provider_name: String,
    /// Where it was sent, if the portal sent it.
    pub email: Option<String>,
    /// As stored (a pending one past its date counts as expired: see `effective_state`).
    pub state: InvitationState,
    /// When made (or last re-sent).
    pub created_at: OffsetDateTime,
    /// When it stops working.
    pub expires_at: OffsetDateTime,
}

impl Invitation {
    /// The state, with pending-but-past-its-date reported as expired.
    pub fn effective_state(&self) -> InvitationState {
        if self.state == InvitationState::Pending && self.expires_at <= OffsetDateTime::now_utc() {
            InvitationState::Expired
        } else {
            self.state
        }
    }
}

/// Stores a new invitation valid for `days`.
pub async fn create_invitation(
    db: impl PgExecutor<'_>,
    provider_tenant_id: Uuid,
    email: Option<&str>,
    token_hash: &[u8],
    created_by: Uuid,
    days: i32,
) -> sqlx::Result<Uuid> {
    let id = Uuid::new_v4();
    sqlx::query!(
        "insert into partnership_invitations (invitation_id, provider_tenant_id, email, token_hash, created_by, expires_at)
         values ($1, $2, $3::text::citext, $4, $5, now() + make_interval(days => $6))",
        id,
        provider_tenant_id,
        email,
        token_hash,
        created_by,
        days
    )
    .execute(db)
    .await?;
    Ok(id)
}

/// Gives a pending invitation of this provider a new link and a new expiry (the old link stops working).
pub async fn reissue(
    db: impl PgExecutor<'_>,
    provider_tenant_id: Uuid,
    invitation_id: Uuid,
    token_hash: &[u8],
    days: i32,
) -> sqlx::Result<Option<Invitation>> {
    sqlx::query_as!(
        Invitation,
        r#"update partnership_invitations i
           set token_hash = $3, created_at = now(), expires_at = now() + make_interval(days => $4), state = 'pending'
           from tenants t
           where i.invitation_id = $2 and i.provider_tenant_id = $1 and t.tenant_id = i.provider_tenant_id
             and i.state in ('pending', 'expired')
           returning i.invitation_id, i.provider_tenant_id, t.name as provider_name, i.email::text as "email?",
                     i.state as "state: InvitationState", i.created_at, i.expires_at"#,
        provider_tenant_id,
        invitation_id,
        token_hash,
        days
    )
    .fetch_optional(db)
    .await
}

/// Revokes a pending invitation of this provider; false when there was none.
pub async fn revoke(
    db: impl PgExecutor<'_>,
    provider_tenant_id: Uuid,
    invitation_id: Uuid,
) -> sqlx::Result<bool> {
    let done = sqlx::query!(
        "update partnership_invitations set state = 'revoked'
         where invitation_id = $2 and provider_tenant_id = $1 and state = 'pending'",
        provider_tenant_id,
        invitation_id
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The invitation behind a link, whatever its state (so the page can say why it does not work).
pub async fn by_token(
    db: impl PgExecutor<'_>,
    token_hash: &[u8],
) -> sqlx::Result<Option<Invitation>> {
    sqlx::query_as!(
        Invitation,
        r#"select i.invitation_id, i.provider_tenant_id, t.name as provider_name, i.email::text as "email?",
                  i.state as "state: InvitationState", i.created_at, i.expires_at
           from partnership_invitations i join tenants t on t.tenant_id = i.provider_tenant_id
           where i.token_hash = $1"#,
        token_hash
    )
    .fetch_optional(db)
    .await
}

/// This provider's invitations that are still open (pending or expired), newest first.
pub async fn open_invitations(
    db: impl PgExecutor<'_>,
    provider_tenant_id: Uuid,
) -> sqlx::Result<Vec<Invitation>> {
    sqlx::query_as!(
        Invitation,
        r#"select i.invitation_id, i.provider_tenant_id, t.name as provider_name, i.email::text as "email?",
                  i.state as "state: InvitationState", i.created_at, i.expires_at
           from partnership_invitations i join tenants t on t.tenant_id = i.provider_tenant_id
           where i.provider_tenant_id = $1 and i.state = 'pending'
           order by i.created_at desc"#,
        provider_tenant_id
    )
    .fetch_all(db)
    .await
}

/// Uses up a pending, unexpired invitation for `reseller`; false when it no longer works.
pub async fn mark_accepted(
    conn: &mut PgConnection,
    invitation_id: Uuid,
    reseller_tenant_id: Uuid,
    user_id: Uuid,
) -> sqlx::Result<bool> {
    let done = sqlx::query!(
        "update partnership_invitations
         set state = 'accepted', accepted_at = now(), accepted_by = $3, reseller_tenant_id = $2
         where invitation_id = $1 and state = 'pending' and expires_at > now()",
        invitation_id,
        reseller_tenant_id,
        user_id
    )
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Starts a partnership; fails with a unique violation on [`ONE_ACTIVE`] when one exists.
pub async fn insert(
    conn: &mut PgConnection,
    provider_tenant_id: Uuid,
    reseller_tenant_id: Uuid,
    invitation_id: Uuid,
) -> sqlx::Result<Uuid> {
    let id = Uuid::new_v4();
    sqlx::query!(
        "insert into partnerships (partnership_id, provider_tenant_id, reseller_tenant_id, invitation_id) values ($1, $2, $3, $4)",
        id,
        provider_tenant_id,
        reseller_tenant_id,
        invitation_id
    )
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

/// True when the pair already works together.
pub async fn active_exists(
    db: impl PgExecutor<'_>,
    provider_tenant_id: Uuid,
    reseller_tenant_id: Uuid,
) -> sqlx::Result<bool> {
    let exists = sqlx::query_scalar!(
        r#"select exists(select 1 from partnerships where provider_tenant_id = $1 and reseller_tenant_id = $2 and state = 'active') as "exists!""#,
        provider_tenant_id,
        reseller_tenant_id
    )
    .fetch_one(db)
    .await?;
    Ok(exists)
}

/// A partnership seen from one side: the other organisation's details.
#[derive(Clone, Debug)]
pub struct Partnership {
    /// Id.
    pub partnership_id: Uuid,
    /// The other side's tenant.
    pub other_tenant_id: Uuid,
    /// The other side's name.
    pub other_name: String,
    /// The other side's program region (code); pages name it in the reader's language.
    pub other_region: String,
    /// The reseller's partner ID (on the provider's list).
    pub partner_id: Option<String>,
    /// In force or ended.
    pub state: PartnershipState,
    /// Since when.
    pub created_at: OffsetDateTime,
    /// When it ended.
    pub ended_at: Option<OffsetDateTime>,
}

/// The provider's resellers, active first, then ended.
pub async fn resellers_of(
    db: impl PgExecutor<'_>,
    provider_tenant_id: Uuid,
) -> sqlx::Result<Vec<Partnership>> {
    sqlx::query_as!(
        Partnership,
        r#"select p.partnership_id, t.tenant_id as other_tenant_id, t.name as other_name, m.csp_region as other_region,
                  (select a.partner_id::text from applications a where a.tenant_id = t.tenant_id and a.state = 'approved'
                   order by a.decided_at desc limit 1) as "partner_id?",
                  p.state as "state: PartnershipState", p.created_at, p.ended_at
           from partnerships p
           join tenants t on t.tenant_id = p.reseller_tenant_id
           join markets m on m.country_code = t.country_code
           where p.provider_tenant_id = $1
           order by p.state, p.created_at desc"#,
        provider_tenant_id
    )
    .fetch_all(db)
    .await
}

/// The reseller's active providers.
pub async fn providers_of(
    db: impl PgExecutor<'_>,
    reseller_tenant_id: Uuid,
) -> sqlx::Result<Vec<Partnership>> {
    sqlx::query_as!(
        Partnership,
        r#"select p.partnership_id, t.tenant_id as other_tenant_id, t.name as other_name, m.csp_region as other_region,
                  null::text as "partner_id?", p.state as "state: PartnershipState", p.created_at, p.ended_at
           from partnerships p
           join tenants t on t.tenant_id = p.provider_tenant_id
           join markets m on m.country_code = t.country_code
           where p.reseller_tenant_id = $1 and p.state = 'active'
           order by t.name"#,
        reseller_tenant_id
    )
    .fetch_all(db)
    .await
}

/// Ends an active partnership of `tenant_id` from its side (`by_reseller`: the tenant is the
/// reseller, else the provider); returns the other side's tenant, or `None` when the tenant
/// had no such active partnership.
pub async fn end(
    conn: &mut PgConnection,
    tenant_id: Uuid,
    by_reseller: bool,
    partnership_id: Uuid,
    user_id: Uuid,
    attestation: &str,
) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar!(
        r#"update partnerships set state = 'ended', ended_at = now(), ended_by = $4, attestation = $5,
                  ended_by_side = case when $3 then 'reseller' else 'provider' end
           where partnership_id = $2 and state = 'active'
             and $1 = case when $3 then reseller_tenant_id else provider_tenant_id end
           returning case when $3 then provider_tenant_id else reseller_tenant_id end as "other!""#,
        tenant_id,
        partnership_id,
        by_reseller,
        user_id,
        attestation
    )
    .fetch_optional(&mut *conn)
    .await
}

/// Marks a pending invitation declined by `reseller_tenant_id`'s user; false when it was
/// no longer pending.
pub async fn decline(
    conn: &mut PgConnection,
    invitation_id: Uuid,
    user_id: Uuid,
    reason: Option<&str>,
) -> sqlx::Result<bool> {
    let done = sqlx::query!(
        "update partnership_invitations
         set state = 'declined', declined_at = now(), declined_by = $2, declined_reason = $3
         where invitation_id = $1 and state = 'pending' and expires_at > now()",
        invitation_id,
        user_id,
        reason
    )
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// What a reseller is shown about the provider behind an invitation.
#[derive(Clone, Debug)]
pub struct ProviderFacts {
    /// Its partner ID.
    pub partner_id: Option<String>,
    /// Its country (code).
    pub country_code: String,
    /// Support e-mail.
    pub support_email: Option<String>,
    /// Support phone.
    pub support_phone: Option<String>,
    /// Support website.
    pub support_website: Option<String>,
}

/// The provider's partner ID, country and support contact.
pub async fn provider_facts(
    db: impl PgExecutor<'_>,
    provider_tenant_id: Uuid,
) -> sqlx::Result<Option<ProviderFacts>> {
    sqlx::query_as!(
        ProviderFacts,
        r#"select (select a.partner_id::text from applications a where a.tenant_id = t.tenant_id
                   and a.program = 'indirect_reseller' and a.state = 'approved'
                   order by a.decided_at desc limit 1) as "partner_id?",
                  t.country_code as "country_code!",
                  p.support_email::text as "support_email?", p.support_phone as "support_phone?",
                  p.support_website as "support_website?"
           from tenants t left join organisation_profiles p using (tenant_id)
           where t.tenant_id = $1"#,
        provider_tenant_id
    )
    .fetch_optional(db)
    .await
}

/// The names of a tenant's active global admins, by name.
pub async fn global_admin_names(
    db: impl PgExecutor<'_>,
    tenant_id: Uuid,
) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar!(
        "select full_name from users
         where tenant_id = $1 and 'global_admin' = any(roles) and disabled_at is null
         order by full_name",
        tenant_id
    )
    .fetch_all(db)
    .await
}

/// The global admins' addresses of a tenant (for notifications).
pub async fn global_admin_emails(
    db: impl PgExecutor<'_>,
    tenant_id: Uuid,
) -> sqlx::Result<Vec<Recipient>> {
    let rows = sqlx::query!(
        r#"select email::text as "email!", language from users
           where tenant_id = $1 and 'global_admin' = any(roles) and disabled_at is null
           order by email"#,
        tenant_id
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Recipient {
            email: r.email,
            language: r.language.as_deref().and_then(crate::i18n::Lang::parse),
        })
        .collect())
}

/// A user an e-mail goes to, with the language they read (saved on their account).
#[derive(Clone, Debug)]
pub struct Recipient {
    /// Address.
    pub email: String,
    /// Saved language; `None` for accounts made before languages existed.
    pub language: Option<crate::i18n::Lang>,
}

impl Recipient {
    /// The language to write to them in: their own, else the language of whoever caused
    /// the e-mail (the current one).
    pub fn lang(&self) -> crate::i18n::Lang {
        self.language.unwrap_or_else(crate::i18n::current)
    }
}

/// An active partnership of this reseller, by id: (provider tenant, provider name).
pub async fn reseller_partnership(
    db: impl PgExecutor<'_>,
    reseller_tenant_id: Uuid,
    partnership_id: Uuid,
) -> sqlx::Result<Option<(Uuid, String)>> {
    let row = sqlx::query!(
        "select p.provider_tenant_id, t.name from partnerships p join tenants t on t.tenant_id = p.provider_tenant_id
         where p.partnership_id = $2 and p.reseller_tenant_id = $1 and p.state = 'active'",
        reseller_tenant_id,
        partnership_id
    )
    .fetch_optional(db)
    .await?;
    Ok(row.map(|r| (r.provider_tenant_id, r.name)))
}

/// A customer shared by a reseller with a provider.
#[derive(Clone, Debug)]
pub struct SharedCustomer {
    /// The customer tenant.
    pub customer_id: Uuid,
    /// Customer's name.
    pub name: String,
    /// Country (ISO 3166-1 alpha-2), when known; pages name it in the reader's language.
    pub country_code: Option<String>,
    /// When the customer authorised the pair.
    pub authorised_at: OffsetDateTime,
}

/// The customers a reseller shares with a provider.
pub async fn shared_customers(
    db: impl PgExecutor<'_>,
    reseller_tenant_id: Uuid,
    provider_tenant_id: Uuid,
) -> sqlx::Result<Vec<SharedCustomer>> {
    sqlx::query_as!(
        SharedCustomer,
        r#"select c.tenant_id as customer_id, c.name, c.country_code::text as "country_code?",
                  r.created_at as authorised_at
           from customer_relationships r
           join tenants c on c.tenant_id = r.customer_tenant_id
           where r.reseller_tenant_id = $1 and r.provider_tenant_id = $2
           order by c.name"#,
        reseller_tenant_id,
        provider_tenant_id
    )
    .fetch_all(db)
    .await
}

/// Stores a customer invitation valid for `days` (without a reseller: one tier).
pub async fn create_customer_invitation(
    db: impl PgExecutor<'_>,
    reseller_tenant_id: Option<Uuid>,
    provider_tenant_id: Uuid,
    email: Option<&str>,
    token_hash: &[u8],
    created_by: Uuid,
    days: i32,
) -> sqlx::Result<Uuid> {
    let id = Uuid::new_v4();
    sqlx::query!(
        "insert into customer_invitations (invitation_id, reseller_tenant_id, provider_tenant_id, email, token_hash, created_by, expires_at)
         values ($1, $2, $3, $4::text::citext, $5, $6, now() + make_interval(days => $7))",
        id,
        reseller_tenant_id,
        provider_tenant_id,
        email,
        token_hash,
        created_by,
        days
    )
    .execute(db)
    .await?;
    Ok(id)
}

/// A customer invitation behind a link: (reseller name, provider name, expires, accepted).
pub async fn customer_invitation(
    db: impl PgExecutor<'_>,
    token_hash: &[u8],
) -> sqlx::Result<Option<(String, String, OffsetDateTime, bool)>> {
    let row = sqlx::query!(
        "select r.name as reseller, p.name as provider, i.expires_at, i.accepted_at is not null as \"accepted!\"
         from customer_invitations i
         join tenants r on r.tenant_id = i.reseller_tenant_id
         join tenants p on p.tenant_id = i.provider_tenant_id
         where i.token_hash = $1",
        token_hash
    )
    .fetch_optional(db)
    .await?;
    Ok(row.map(|r| (r.reseller, r.provider, r.expires_at, r.accepted)))
}

/// Records that `grantor` gave `grantee` delegated admin access (when it authorised it);
/// a grant already in force is kept as it is. Returns the new grant's id, if one was made.
pub async fn grant_admin_access(
    conn: &mut PgConnection,
    grantor: Uuid,
    grantee: Uuid,
    partnership_id: Option<Uuid>,
    by: Uuid,
    by_name: &str,
) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar!(
        "insert into admin_access_grants (grant_id, grantor_tenant_id, grantee_tenant_id,
                                          partnership_id, granted_by, granted_by_name)
         values ($1, $2, $3, $4, $5, $6)
         on conflict (grantor_tenant_id, grantee_tenant_id) where removed_at is null do nothing
         returning grant_id",
        Uuid::new_v4(),
        grantor,
        grantee,
        partnership_id,
        by,
        by_name
    )
    .fetch_optional(conn)
    .await
}

/// A delegated admin access grant in force, as the granting organisation sees it.
#[derive(Clone, Debug)]
pub struct AdminAccess {
    /// Id.
    pub grant_id: Uuid,
    /// The organisation with access.
    pub grantee_tenant_id: Uuid,
    /// Its name.
    pub grantee_name: String,
    /// Who granted it.
    pub granted_by_name: String,
    /// When.
    pub granted_at: OffsetDateTime,
    /// The partnership it came with is still active.
    pub partnership_active: bool,
}

/// The grants in force that `grantor` gave, by grantee name.
pub async fn admin_access_given(
    db: impl PgExecutor<'_>,
    grantor: Uuid,
) -> sqlx::Result<Vec<AdminAccess>> {
    sqlx::query_as!(
        AdminAccess,
        r#"select g.grant_id, g.grantee_tenant_id, t.name as grantee_name, g.granted_by_name,
                  g.granted_at,
                  exists(select 1 from partnerships p
                         where p.reseller_tenant_id = g.grantor_tenant_id
                           and p.provider_tenant_id = g.grantee_tenant_id
                           and p.state = 'active') as "partnership_active!"
           from admin_access_grants g
           join tenants t on t.tenant_id = g.grantee_tenant_id
           where g.grantor_tenant_id = $1 and g.removed_at is null
           order by t.name, g.granted_at"#,
        grantor
    )
    .fetch_all(db)
    .await
}

/// The organisations that gave `grantee` admin access which it still holds.
pub async fn admin_access_held(db: impl PgExecutor<'_>, grantee: Uuid) -> sqlx::Result<Vec<Uuid>> {
    sqlx::query_scalar!(
        "select grantor_tenant_id from admin_access_grants
         where grantee_tenant_id = $1 and removed_at is null",
        grantee
    )
    .fetch_all(db)
    .await
}

/// Withdraws a grant `grantor` gave; returns the grantee, or `None` when no such grant is in
/// force (already withdrawn, or not this organisation's).
pub async fn remove_admin_access(
    conn: &mut PgConnection,
    grantor: Uuid,
    grant_id: Uuid,
    by: Uuid,
    by_name: &str,
) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar!(
        "update admin_access_grants
         set removed_at = now(), removed_by = $3, removed_by_name = $4
         where grant_id = $1 and grantor_tenant_id = $2 and removed_at is null
         returning grantee_tenant_id",
        grant_id,
        grantor,
        by,
        by_name
    )
    .fetch_optional(conn)
    .await
}
