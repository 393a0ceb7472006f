//! Direct-bill applications' answers, evidence documents and requirement checks, and the
//! direct-bill partners with their reassessment dates.

use crate::domain::direct_bill::{CheckStep, PartnerStatus, RecordedOutcome};
use serde::{Deserialize, Serialize};
use sqlx::types::Json;
use sqlx::{PgConnection, PgExecutor};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

/// One managed service, IP service or customer solution.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceRow {
    /// managed_service, ip_service or customer_solution (empty while unanswered).
    pub kind: String,
    /// Name.
    pub name: String,
    /// Short description.
    pub description: String,
}

/// The wizard's answers.
#[derive(Clone, Debug, Default)]
pub struct Answers {
    /// Declared revenue in US cents.
    pub revenue_usd_cents: Option<i64>,
    /// Can give first-line support.
    pub first_line_support: Option<bool>,
    /// advanced or premier.
    pub support_plan: Option<String>,
    /// Has billing and receivables infrastructure.
    pub receivables_confirmed: Option<bool>,
    /// Billing capability.
    pub billing_description: Option<String>,
    /// Provisioning capability.
    pub provisioning_description: Option<String>,
    /// Customer-support capability.
    pub support_description: Option<String>,
    /// Security capability.
    pub security_description: Option<String>,
    /// Managed services.
    pub managed_services: Vec<ServiceRow>,
}

/// Creates the direct-bill draft for a tenant, copying the organisation's details from its
/// approved indirect-reseller application; nothing happens when an open one exists.
pub async fn create_draft(
    conn: &mut PgConnection,
    reseller_application_id: Uuid,
    user_id: Uuid,
) -> sqlx::Result<()> {
    let id = Uuid::new_v4();
    let created = sqlx::query!(
        "insert into applications (application_id, tenant_id, program, created_by, current_step,
             partner_id, legal_name, address_line1, address_line2, city, state_province, postal_code,
             phone, registration_id, contact_first_name, contact_last_name, contact_email, contact_phone,
             support_email, support_phone, support_website, contact_verified_at)
         select $1, tenant_id, 'direct_bill', $3, 'revenue',
             partner_id, legal_name, address_line1, address_line2, city, state_province, postal_code,
             phone, registration_id, contact_first_name, contact_last_name, contact_email, contact_phone,
             support_email, support_phone, support_website, contact_verified_at
         from applications where application_id = $2
         on conflict (tenant_id, program) where state not in ('approved', 'rejected', 'withdrawn') do nothing",
        id,
        reseller_application_id,
        user_id
    )
    .execute(&mut *conn)
    .await?;
    if created.rows_affected() == 1 {
        sqlx::query!(
            "insert into direct_bill_answers (application_id) values ($1)",
            id
        )
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// The answers of a direct-bill application.
pub async fn answers(db: impl PgExecutor<'_>, application_id: Uuid) -> sqlx::Result<Answers> {
    let row = sqlx::query!(
        r#"select revenue_usd_cents, first_line_support, support_plan, receivables_confirmed,
                  billing_description, provisioning_description, support_description, security_description,
                  managed_services as "managed_services: Json<Vec<ServiceRow>>"
           from direct_bill_answers where application_id = $1"#,
        application_id
    )
    .fetch_optional(db)
    .await?;
    Ok(row
        .map(|r| Answers {
            revenue_usd_cents: r.revenue_usd_cents,
            first_line_support: r.first_line_support,
            support_plan: r.support_plan,
            receivables_confirmed: r.receivables_confirmed,
            billing_description: r.billing_description,
            provisioning_description: r.provisioning_description,
            support_description: r.support_description,
            security_description: r.security_description,
            managed_services: r.managed_services.0,
        })
        .unwrap_or_default())
}

/// Marks the furthest step reached on an application that may still change; false when
/// it was submitted meanwhile.
async fn touch(conn: &mut PgConnection, application_id: Uuid, step: &str) -> sqlx::Result<bool> {
    let done = sqlx::query!(
        "update applications set current_step = $2, version = version + 1
         where application_id = $1 and program = 'direct_bill' and state in ('draft', 'info_requested')",
        application_id,
        step
    )
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Step 1's answer.
pub async fn save_revenue(
    conn: &mut PgConnection,
    application_id: Uuid,
    cents: i64,
    step: &str,
) -> sqlx::Result<bool> {
    if !touch(conn, application_id, step).await? {
        return Ok(false);
    }
    sqlx::query!(
        "update direct_bill_answers set revenue_usd_cents = $2 where application_id = $1",
        application_id,
        cents
    )
    .execute(&mut *conn)
    .await?;
    Ok(true)
}

/// Step 2's answers.
pub async fn save_support(
    conn: &mut PgConnection,
    application_id: Uuid,
    first_line: bool,
    plan: &str,
    step: &str,
) -> sqlx::Result<bool> {
    if !touch(conn, application_id, step).await? {
        return Ok(false);
    }
    sqlx::query!(
        "update direct_bill_answers set first_line_support = $2, support_plan = $3 where application_id = $1",
        application_id,
        first_line,
        plan
    )
    .execute(&mut *conn)
    .await?;
    Ok(true)
}

/// Step 3's answers.
pub struct Operations {
    /// Billing.
    pub billing: String,
    /// Provisioning.
    pub provisioning: String,
    /// Customer support.
    pub support: String,
    /// Security.
    pub security: String,
}

/// Saves step 3.
pub async fn save_operations(
    conn: &mut PgConnection,
    application_id: Uuid,
    o: &Operations,
    step: &str,
) -> sqlx::Result<bool> {
    if !touch(conn, application_id, step).await? {
        return Ok(false);
    }
    sqlx::query!(
        "update direct_bill_answers set receivables_confirmed = true, billing_description = $2,
             provisioning_description = $3, support_description = $4, security_description = $5
         where application_id = $1",
        application_id,
        o.billing,
        o.provisioning,
        o.support,
        o.security
    )
    .execute(&mut *conn)
    .await?;
    Ok(true)
}

/// Saves step 4's rows (also unfinished rows, while the applicant adds and removes them).
pub async fn save_services(
    conn: &mut PgConnection,
    application_id: Uuid,
    rows: &[ServiceRow],
    step: &str,
) -> sqlx::Result<bool> {
    if !touch(conn, application_id, step).await? {
        return Ok(false);
    }
    sqlx::query!(
        "update direct_bill_answers set managed_services = $2 where application_id = $1",
        application_id,
        Json(rows) as _
    )
    .execute(&mut *conn)
    .await?;
    Ok(true)
}

/// An evidence file without its content.
#[derive(Clone, Debug)]
pub struct Document {
    /// Id.
    pub document_id: Uuid,
    /// The application.
    pub application_id: Uuid,
    /// Name as uploaded (cleaned).
    pub file_name: String,
    /// Detected type.
    pub content_type: String,
    /// Size.
    pub size_bytes: i32,
    /// When.
    pub uploaded_at: OffsetDateTime,
}

impl Document {
    /// The file type in words.
    pub fn kind(&self) -> crate::messages::Msg {
        use crate::messages::Msg;
        match self.content_type.as_str() {
            "application/pdf" => Msg("file-kind-pdf"),
            "image/png" => Msg("file-kind-png"),
            "image/jpeg" => Msg("file-kind-jpeg"),
            _ => Msg("file-kind-other"),
        }
    }

    /// The size in words.
    pub fn size(&self) -> String {
        crate::domain::direct_bill::file_size(i64::from(self.size_bytes))
    }
}

/// The application's evidence files, oldest first.
pub async fn documents(
    db: impl PgExecutor<'_>,
    application_id: Uuid,
) -> sqlx::Result<Vec<Document>> {
    sqlx::query_as!(
        Document,
        "select document_id, application_id, file_name, content_type, size_bytes, uploaded_at
         from application_documents where application_id = $1 order by uploaded_at, document_id",
        application_id
    )
    .fetch_all(db)
    .await
}

/// A new evidence file.
pub struct NewDocument<'a> {
    /// The application.
    pub application_id: Uuid,
    /// Cleaned name.
    pub file_name: &'a str,
    /// Detected type.
    pub content_type: &'a str,
    /// Content.
    pub content: &'a [u8],
    /// SHA-256 of the content.
    pub sha256: &'a [u8],
    /// Uploader.
    pub uploaded_by: Uuid,
}

/// Stores a file unless the application already has `max` of them or may no longer change
/// (checked under a lock on the application row). Returns the new id, or `None`.
pub async fn add_document(
    conn: &mut PgConnection,
    d: &NewDocument<'_>,
    max: i64,
) -> sqlx::Result<Option<Uuid>> {
    let open = sqlx::query_scalar!(
        "select application_id from applications
         where application_id = $1 and state in ('draft', 'info_requested') for update",
        d.application_id
    )
    .fetch_optional(&mut *conn)
    .await?;
    if open.is_none() {
        return Ok(None);
    }
    let count = sqlx::query_scalar!(
        r#"select count(*) as "n!" from application_documents where application_id = $1"#,
        d.application_id
    )
    .fetch_one(&mut *conn)
    .await?;
    if count >= max {
        return Ok(None);
    }
    let id = Uuid::new_v4();
    sqlx::query!(
        "insert into application_documents
           (document_id, application_id, file_name, content_type, size_bytes, sha256, content, uploaded_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8)",
        id,
        d.application_id,
        d.file_name,
        d.content_type,
        d.content.len() as i32,
        d.sha256,
        d.content,
        d.uploaded_by
    )
    .execute(&mut *conn)
    .await?;
    Ok(Some(id))
}

/// A file with its content and the tenant it belongs to.
pub struct DocumentContent {
    /// The application's tenant.
    pub tenant_id: Uuid,
    /// Name.
    pub file_name: String,
    /// Type.
    pub content_type: String,
    /// Bytes.
    pub content: Vec<u8>,
}

/// A file of `application_id` with its content.
pub async fn document_content(
    db: impl PgExecutor<'_>,
    application_id: Uuid,
    document_id: Uuid,
) -> sqlx::Result<Option<DocumentContent>> {
    sqlx::query_as!(
        DocumentContent,
        "select a.tenant_id, d.file_name, d.content_type, d.content
         from application_documents d join applications a using (application_id)
         where d.application_id = $1 and d.document_id = $2",
        application_id,
        document_id
    )
    .fetch_optional(db)
    .await
}

/// Removes a file while the application may still change; true when removed.
pub async fn remove_document(
    db: impl PgExecutor<'_>,
    application_id: Uuid,
    document_id: Uuid,
) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar!(
        "delete from application_documents d
         using applications a
         where d.application_id = a.application_id and a.application_id = $1 and d.document_id = $2
           and a.state in ('draft', 'info_requested')
         returning d.file_name",
        application_id,
        document_id
    )
    .fetch_optional(db)
    .await
}

/// A recorded requirement check.
#[derive(Clone, Debug)]
pub struct Check {
    /// Which check.
    pub step: CheckStep,
    /// What came of it.
    pub outcome: RecordedOutcome,
    /// Reviewer's note.
    pub note: Option<String>,
    /// Assessment date.
    pub assessment_on: Option<Date>,
    /// Assessor.
    pub assessor: Option<String>,
    /// Who recorded it.
    pub recorded_by_name: String,
    /// When.
    pub recorded_at: OffsetDateTime,
}

/// The application's recorded checks.
pub async fn checks(db: impl PgExecutor<'_>, application_id: Uuid) -> sqlx::Result<Vec<Check>> {
    sqlx::query_as!(
        Check,
        r#"select step as "step: CheckStep", outcome as "outcome: RecordedOutcome", note, assessment_on, assessor, recorded_by_name, recorded_at
         from direct_bill_checks where application_id = $1 order by recorded_at"#,
        application_id
    )
    .fetch_all(db)
    .await
}

/// A check to record.
pub struct NewCheck<'a> {
    /// The application.
    pub application_id: Uuid,
    /// Which check.
    pub step: CheckStep,
    /// What came of it.
    pub outcome: RecordedOutcome,
    /// Note.
    pub note: Option<&'a str>,
    /// Assessment date.
    pub assessment_on: Option<Date>,
    /// Assessor.
    pub assessor: Option<&'a str>,
    /// Staff member.
    pub recorded_by: Uuid,
    /// Their name.
    pub recorded_by_name: &'a str,
}

/// Records a check, replacing a failed one of the same step (the database refuses any
/// step whose predecessor has not passed). False when a passed one exists.
pub async fn record_check(conn: &mut PgConnection, c: &NewCheck<'_>) -> sqlx::Result<bool> {
    let done = sqlx::query!(
        "insert into direct_bill_checks
           (application_id, step, outcome, note, assessment_on, assessor, recorded_by, recorded_by_name)
         values ($1, $2, $3, $4, $5, $6, $7, $8)
         on conflict (application_id, step) do update
           set outcome = excluded.outcome, note = excluded.note, assessment_on = excluded.assessment_on,
               assessor = excluded.assessor, recorded_by = excluded.recorded_by,
               recorded_by_name = excluded.recorded_by_name, recorded_at = now()
           where direct_bill_checks.outcome = 'failed'",
        c.application_id,
        c.step as _,
        c.outcome as _,
        c.note,
        c.assessment_on,
        c.assessor,
        c.recorded_by,
        c.recorded_by_name
    )
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Locks the application row for a reviewer's step and returns its state and version.
pub async fn lock_application(
    conn: &mut PgConnection,
    application_id: Uuid,
) -> sqlx::Result<Option<(crate::domain::application::ApplicationState, i32)>> {
    let row = sqlx::query!(
        r#"select state as "state: crate::domain::application::ApplicationState", version from applications where application_id = $1 for update"#,
        application_id
    )
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|r| (r.state, r.version)))
}

/// Bumps an application's version (a reviewer's step changes what others saw).
pub async fn bump_version(conn: &mut PgConnection, application_id: Uuid) -> sqlx::Result<()> {
    sqlx::query!(
        "update applications set version = version + 1 where application_id = $1",
        application_id
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A direct-bill partner.
#[derive(Clone, Debug)]
pub struct Partner {
    /// Tenant.
    pub tenant_id: Uuid,
    /// The approved application.
    pub application_id: Uuid,
    /// Organisation name.
    pub organisation: String,
    /// Approved.
    pub approved_at: OffsetDateTime,
    /// Next reassessment.
    pub reassessment_due_on: Date,
    /// The queued reminder.
    pub reminder_email_id: Option<Uuid>,
    /// Still direct bill, or moved back.
    pub status: PartnerStatus,
    /// When it went back to indirect reseller.
    pub transitioned_at: Option<OffsetDateTime>,
    /// Who moved it.
    pub transitioned_by_label: Option<String>,
    /// Why.
    pub transition_reason: Option<String>,
}

/// The tenant's direct-bill standing, if it ever was approved.
pub async fn partner(db: impl PgExecutor<'_>, tenant_id: Uuid) -> sqlx::Result<Option<Partner>> {
    sqlx::query_as!(
        Partner,
        r#"select p.tenant_id, p.application_id, t.name as organisation, p.approved_at, p.reassessment_due_on,
                p.reminder_email_id, p.status as "status: PartnerStatus", p.transitioned_at, p.transitioned_by_label, p.transition_reason
         from direct_bill_partners p join tenants t using (tenant_id)
         where p.tenant_id = $1"#,
        tenant_id
    )
    .fetch_optional(db)
    .await
}

/// Active direct-bill partners whose reassessment falls due on or before `until`, soonest first.
pub async fn due_for_reassessment(
    db: impl PgExecutor<'_>,
    until: Date,
) -> sqlx::Result<Vec<Partner>> {
    sqlx::query_as!(
        Partner,
        r#"select p.tenant_id, p.application_id, t.name as organisation, p.approved_at, p.reassessment_due_on,
                p.reminder_email_id, p.status as "status: PartnerStatus", p.transitioned_at, p.transitioned_by_label, p.transition_reason
         from direct_bill_partners p join tenants t using (tenant_id)
         where p.status = 'active' and p.reassessment_due_on <= $1
         order by p.reassessment_due_on, t.name
         limit 500"#,
        until
    )
    .fetch_all(db)
    .await
}

/// Every active direct-bill partner, soonest reassessment first.
pub async fn active_partners(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<Partner>> {
    due_for_reassessment(db, Date::MAX).await
}

/// Makes the tenant a direct-bill partner (again).
pub async fn make_partner(
    conn: &mut PgConnection,
    tenant_id: Uuid,
    application_id: Uuid,
    due_on: Date,
    reminder_email_id: Uuid,
) -> sqlx::Result<()> {
    sqlx::query!(
        "insert into direct_bill_partners (tenant_id, application_id, approved_at, reassessment_due_on, reminder_email_id)
         values ($1, $2, now(), $3, $4)
         on conflict (tenant_id) do update
           set application_id = excluded.application_id, approved_at = excluded.approved_at,
               reassessment_due_on = excluded.reassessment_due_on,
               reminder_email_id = excluded.reminder_email_id, status = 'active',
               transitioned_at = null, transitioned_by_label = null, transition_reason = null",
        tenant_id,
        application_id,
        due_on,
        reminder_email_id
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Moves an active direct-bill partner back to indirect reseller and withdraws its
/// unsent reminder. False when it was not active (any more).
pub async fn transition(
    conn: &mut PgConnection,
    tenant_id: Uuid,
    by_label: &str,
    reason: &str,
) -> sqlx::Result<bool> {
    let reminder = sqlx::query_scalar!(
        "update direct_bill_partners
         set status = 'transitioned', transitioned_at = now(), transitioned_by_label = $2, transition_reason = $3
         where tenant_id = $1 and status = 'active'
         returning reminder_email_id",
        tenant_id,
        by_label,
        reason
    )
    .fetch_optional(&mut *conn)
    .await?;
    let Some(reminder) = reminder else {
        return Ok(false);
    };
    if let Some(email_id) = reminder {
        sqlx::query!(
            "delete from email_outbox where email_id = $1 and status = 'pending'",
            email_id
        )
        .execute(&mut *conn)
        .await?;
    }
    Ok(true)
}

/// A recorded reassessment.
pub struct NewReassessment<'a> {
    /// The partner.
    pub tenant_id: Uuid,
    /// When the assessment took place.
    pub assessed_on: Date,
    /// Who assessed.
    pub assessor: &'a str,
    /// Note.
    pub note: Option<&'a str>,
    /// The next due date.
    pub next_due_on: Date,
    /// The new reminder.
    pub reminder_email_id: Uuid,
    /// Staff member.
    pub recorded_by: Uuid,
    /// Their name.
    pub recorded_by_name: &'a str,
}

/// Records a passed reassessment on an active partner: the row, the next due date and the
/// new reminder; the old reminder is withdrawn if unsent. False when not active.
pub async fn record_reassessment(
    conn: &mut PgConnection,
    r: &NewReassessment<'_>,
) -> sqlx::Result<bool> {
    let old = sqlx::query_scalar!(
        "select reminder_email_id from direct_bill_partners where tenant_id = $1 and status = 'active' for update",
        r.tenant_id
    )
    .fetch_optional(&mut *conn)
    .await?;
    let Some(old) = old else {
        return Ok(false);
    };
    if let Some(email_id) = old {
        sqlx::query!(
            "delete from email_outbox where email_id = $1 and status = 'pending'",
            email_id
        )
        .execute(&mut *conn)
        .await?;
    }
    sqlx::query!(
        "insert into direct_bill_reassessments
           (reassessment_id, tenant_id, assessed_on, assessor, note, next_due_on, recorded_by, recorded_by_name)
         values ($1, $2, $3, $4, $5, $6, $7, $8)",
        Uuid::new_v4(),
        r.tenant_id,
        r.assessed_on,
        r.assessor,
        r.note,
        r.next_due_on,
        r.recorded_by,
        r.recorded_by_name
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!(
        "update direct_bill_partners set reassessment_due_on = $2, reminder_email_id = $3 where tenant_id = $1",
        r.tenant_id,
        r.next_due_on,
        r.reminder_email_id
    )
    .execute(&mut *conn)
    .await?;
    Ok(true)
}

/// Recorded checks as (step, outcome) pairs for the order rules.
pub fn outcomes(checks: &[Check]) -> Vec<(CheckStep, crate::domain::direct_bill::CheckOutcome)> {
    checks
        .iter()
        .map(|c| (c.step, c.outcome.for_order()))
        .collect()
}
