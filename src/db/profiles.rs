//! Organisation profiles (issue 15): legal details, primary contact, support details and
//! bank details, kept by the partner after approval; legal-name changes wait for staff.

use crate::db::applications::{LegalProfile, PrimaryContact, SupportDetails};
use crate::domain::profile::{BankAccount, BankDetails};
use sqlx::{PgConnection, PgExecutor};
use time::OffsetDateTime;
use uuid::Uuid;

/// A profile as stored.
#[derive(Clone, Debug)]
pub struct Profile {
    /// Legal details (the legal name in force).
    pub legal: LegalProfile,
    /// Primary contact.
    pub contact: PrimaryContact,
    /// Customer support.
    pub support: SupportDetails,
    /// Bank details, once given.
    pub bank: Option<BankDetails>,
    /// A requested legal name waiting for staff, who asked and when.
    pub pending_legal_name: Option<(String, Option<String>, OffsetDateTime)>,
    /// Bumped by every change.
    pub version: i32,
    /// Last change and who made it.
    pub updated_at: OffsetDateTime,
    /// Name of who made the last change.
    pub updated_by: Option<String>,
}

struct Row {
    legal_name: String,
    address_line1: String,
    address_line2: Option<String>,
    city: String,
    state_province: Option<String>,
    postal_code: Option<String>,
    phone: String,
    registration_id: Option<String>,
    contact_first_name: String,
    contact_last_name: String,
    contact_email: String,
    contact_phone: String,
    support_email: String,
    support_phone: String,
    support_website: String,
    bank_account_holder: Option<String>,
    bank_iban: Option<String>,
    bank_bic: Option<String>,
    bank_code: Option<String>,
    bank_account_number: Option<String>,
    legal_name_pending: Option<String>,
    requested_by: Option<String>,
    legal_name_requested_at: Option<OffsetDateTime>,
    version: i32,
    updated_at: OffsetDateTime,
    updated_by: Option<String>,
}

impl From<Row> for Profile {
    fn from(r: Row) -> Self {
        let bank = r.bank_account_holder.map(|account_holder| BankDetails {
            account_holder,
            account: match (r.bank_iban, r.bank_code, r.bank_account_number) {
                (Some(iban), _, _) => BankAccount::Iban {
                    iban,
                    bic: r.bank_bic.clone().unwrap_or_default(),
                },
                (None, bank_code, account_number) => BankAccount::Local {
                    bank_code: bank_code.unwrap_or_default(),
                    account_number: account_number.unwrap_or_default(),
                    bic: r.bank_bic.clone(),
                },
            },
        });
        Profile {
            legal: LegalProfile {
                legal_name: r.legal_name,
                address_line1: r.address_line1,
                address_line2: r.address_line2,
                city: r.city,
                state_province: r.state_province,
                postal_code: r.postal_code,
                phone: r.phone,
                registration_id: r.registration_id,
            },
            contact: PrimaryContact {
                first_name: r.contact_first_name,
                last_name: r.contact_last_name,
                email: r.contact_email,
                phone: r.contact_phone,
            },
            support: SupportDetails {
                email: r.support_email,
                phone: r.support_phone,
                website: r.support_website,
            },
            bank,
            pending_legal_name: r
                .legal_name_pending
                .zip(r.legal_name_requested_at)
                .map(|(name, at)| (name, r.requested_by, at)),
            version: r.version,
            updated_at: r.updated_at,
            updated_by: r.updated_by,
        }
    }
}

/// The tenant's profile.
pub async fn get(db: impl PgExecutor<'_>, tenant_id: Uuid) -> sqlx::Result<Option<Profile>> {
    sqlx::query_as!(
        Row,
        r#"select p.legal_name, p.address_line1, p.address_line2, p.city, p.state_province,
                  p.postal_code, p.phone, p.registration_id, p.contact_first_name,
                  p.contact_last_name, p.contact_email::text as "contact_email!", p.contact_phone,
                  p.support_email::text as "support_email!", p.support_phone, p.support_website,
                  p.bank_account_holder, p.bank_iban, p.bank_bic, p.bank_code,
                  p.bank_account_number, p.legal_name_pending, r.full_name as "requested_by?",
                  p.legal_name_requested_at, p.version, p.updated_at,
                  u.full_name as "updated_by?"
           from organisation_profiles p
           left join users r on r.user_id = p.legal_name_requested_by
           left join users u on u.user_id = p.updated_by
           where p.tenant_id = $1"#,
        tenant_id
    )
    .fetch_optional(db)
    .await
    .map(|r| r.map(Profile::from))
}

/// Holds the tenant's profile for the transaction (changes are decided one at a time) and
/// returns it.
pub async fn lock(conn: &mut PgConnection, tenant_id: Uuid) -> sqlx::Result<Option<Profile>> {
    let held = sqlx::query_scalar!(
        "select version from organisation_profiles where tenant_id = $1 for update",
        tenant_id
    )
    .fetch_optional(&mut *conn)
    .await?;
    match held {
        Some(_) => get(conn, tenant_id).await,
        None => Ok(None),
    }
}

/// Starts the tenant's profile from an approved application's answers (inside the
/// approving transaction); an existing profile is kept.
pub async fn create_from_application(
    conn: &mut PgConnection,
    application_id: Uuid,
) -> sqlx::Result<()> {
    sqlx::query!(
        "insert into organisation_profiles (
           tenant_id, legal_name, address_line1, address_line2, city, state_province, postal_code,
           phone, registration_id, contact_first_name, contact_last_name, contact_email,
           contact_phone, support_email, support_phone, support_website)
         select tenant_id, legal_name, address_line1, address_line2, city, state_province,
                postal_code, phone, registration_id, contact_first_name, contact_last_name,
                contact_email, contact_phone, support_email, support_phone, support_website
         from applications
         where application_id = $1 and legal_name is not null and address_line1 is not null
           and city is not null and phone is not null and contact_first_name is not null
           and contact_last_name is not null and contact_email is not null
           and contact_phone is not null and support_email is not null
           and support_phone is not null and support_website is not null
         on conflict (tenant_id) do nothing",
        application_id
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Saves the legal details but the legal name (which staff decide).
pub async fn set_legal(
    conn: &mut PgConnection,
    tenant_id: Uuid,
    l: &LegalProfile,
    by: Uuid,
) -> sqlx::Result<()> {
    sqlx::query!(
        "update organisation_profiles
         set address_line1 = $2, address_line2 = $3, city = $4, state_province = $5,
             postal_code = $6, phone = $7, registration_id = $8, updated_by = $9,
             version = version + 1
         where tenant_id = $1",
        tenant_id,
        l.address_line1,
        l.address_line2,
        l.city,
        l.state_province,
        l.postal_code,
        l.phone,
        l.registration_id,
        by
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Asks for a new legal name (`None` withdraws a request).
pub async fn request_legal_name(
    conn: &mut PgConnection,
    tenant_id: Uuid,
    name: Option<&str>,
    by: Uuid,
) -> sqlx::Result<()> {
    sqlx::query!(
        "update organisation_profiles
         set legal_name_pending = $2,
             legal_name_requested_by = case when $2::text is null then null else $3::uuid end,
             legal_name_requested_at = case when $2::text is null then null else now() end,
             updated_by = $3, version = version + 1
         where tenant_id = $1",
        tenant_id,
        name,
        by
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Saves the primary contact.
pub async fn set_contact(
    conn: &mut PgConnection,
    tenant_id: Uuid,
    c: &PrimaryContact,
    by: Uuid,
) -> sqlx::Result<()> {
    sqlx::query!(
        "update organisation_profiles
         set contact_first_name = $2, contact_last_name = $3, contact_email = $4::text::citext,
             contact_phone = $5, updated_by = $6, version = version + 1
         where tenant_id = $1",
        tenant_id,
        c.first_name,
        c.last_name,
        c.email,
        c.phone,
        by
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Saves the support details.
pub async fn set_support(
    conn: &mut PgConnection,
    tenant_id: Uuid,
    s: &SupportDetails,
    by: Uuid,
) -> sqlx::Result<()> {
    sqlx::query!(
        "update organisation_profiles
         set support_email = $2::text::citext, support_phone = $3, support_website = $4,
             updated_by = $5, version = version + 1
         where tenant_id = $1",
        tenant_id,
        s.email,
        s.phone,
        s.website,
        by
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Saves the bank details.
pub async fn set_bank(
    conn: &mut PgConnection,
    tenant_id: Uuid,
    b: &BankDetails,
    by: Uuid,
) -> sqlx::Result<()> {
    let (iban, bic, code, number) = match &b.account {
        BankAccount::Iban { iban, bic } => (Some(iban), Some(bic), None, None),
        BankAccount::Local {
            bank_code,
            account_number,
            bic,
        } => (None, bic.as_ref(), Some(bank_code), Some(account_number)),
    };
    sqlx::query!(
        "update organisation_profiles
         set bank_account_holder = $2, bank_iban = $3, bank_bic = $4, bank_code = $5,
             bank_account_number = $6, updated_by = $7, version = version + 1
         where tenant_id = $1",
        tenant_id,
        b.account_holder,
        iban,
        bic,
        code,
        number,
        by
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// A legal-name change waiting for staff.
#[derive(Clone, Debug)]
pub struct PendingLegalName {
    /// The organisation.
    pub tenant_id: Uuid,
    /// Its work account's name.
    pub organisation: String,
    /// The legal name in force.
    pub legal_name: String,
    /// The name asked for.
    pub requested: String,
    /// Who asked.
    pub requested_by: Option<String>,
    /// When.
    pub requested_at: OffsetDateTime,
}

/// Every legal-name change waiting for staff, oldest first.
pub async fn pending_legal_names(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<PendingLegalName>> {
    sqlx::query_as!(
        PendingLegalName,
        r#"select p.tenant_id, t.name as organisation, p.legal_name,
                  p.legal_name_pending as "requested!", u.full_name as "requested_by?",
                  p.legal_name_requested_at as "requested_at!"
           from organisation_profiles p
           join tenants t using (tenant_id)
           left join users u on u.user_id = p.legal_name_requested_by
           where p.legal_name_pending is not null
           order by p.legal_name_requested_at"#
    )
    .fetch_all(db)
    .await
}

/// Ends a legal-name request: approved, the requested name is in force. Returns the name
/// before and the name requested, or `None` when no request was waiting.
pub async fn decide_legal_name(
    conn: &mut PgConnection,
    tenant_id: Uuid,
    approve: bool,
) -> sqlx::Result<Option<(String, String)>> {
    let row = sqlx::query!(
        r#"update organisation_profiles p
           set legal_name = case when $2 then p.legal_name_pending else p.legal_name end,
               legal_name_pending = null, legal_name_requested_by = null,
               legal_name_requested_at = null, version = p.version + 1
           from organisation_profiles old
           where p.tenant_id = $1 and old.tenant_id = p.tenant_id
             and p.legal_name_pending is not null
           returning old.legal_name, old.legal_name_pending as "requested!""#,
        tenant_id,
        approve
    )
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| (r.legal_name, r.requested)))
}

/// Where the organisation stands in the program, for the profile's "Program information".
#[derive(Clone, Debug)]
pub struct ProgramInfo {
    /// The partner ID of the newest approved indirect-reseller application.
    pub partner_id: Option<String>,
    /// When that application was approved.
    pub member_since: Option<OffsetDateTime>,
    /// The newest agreement version accepted, by whom, when.
    pub agreement: Option<(i32, String, OffsetDateTime)>,
    /// The current agreement version.
    pub current_agreement: Option<i32>,
    /// Direct bill: status code, approved when, reassessment due.
    pub direct_bill: Option<(
        crate::domain::direct_bill::PartnerStatus,
        OffsetDateTime,
        time::Date,
    )>,
}

/// The program information of a tenant.
pub async fn program_info(db: impl PgExecutor<'_>, tenant_id: Uuid) -> sqlx::Result<ProgramInfo> {
    let r = sqlx::query!(
        r#"select
             (select a.partner_id::text from applications a
              where a.tenant_id = $1 and a.program = 'indirect_reseller' and a.state = 'approved'
              order by a.decided_at desc limit 1) as partner_id,
             (select a.decided_at from applications a
              where a.tenant_id = $1 and a.program = 'indirect_reseller' and a.state = 'approved'
              order by a.decided_at desc limit 1) as member_since,
             g.version as "agreement_version?", g.accepted_by_name as "accepted_by?",
             g.accepted_at as "accepted_at?",
             (select max(version) from partner_agreements) as current_agreement,
             d.status as "direct_status?: crate::domain::direct_bill::PartnerStatus", d.approved_at as "direct_approved_at?",
             d.reassessment_due_on as "direct_due?"
           from (select $1::uuid as tenant_id) t
           left join lateral (select version, accepted_by_name, accepted_at
                              from agreement_acceptances where tenant_id = t.tenant_id
                              order by version desc limit 1) g on true
           left join direct_bill_partners d on d.tenant_id = t.tenant_id"#,
        tenant_id
    )
    .fetch_one(db)
    .await?;
    Ok(ProgramInfo {
        partner_id: r.partner_id,
        member_since: r.member_since,
        agreement: match (r.agreement_version, r.accepted_by, r.accepted_at) {
            (Some(v), Some(by), Some(at)) => Some((v, by, at)),
            _ => None,
        },
        current_agreement: r.current_agreement,
        direct_bill: match (r.direct_status, r.direct_approved_at, r.direct_due) {
            (Some(s), Some(at), Some(due)) => Some((s, at, due)),
            _ => None,
        },
    })
}
