//! Enrollment applications, their timeline and their contact-verification links.

use crate::domain::application::{ApplicationState, Program};
pub use crate::domain::organisation::{LegalProfile, PrimaryContact, SupportDetails};
use sqlx::{PgConnection, PgExecutor};
use time::OffsetDateTime;
use uuid::Uuid;

/// An application with every answer.
#[derive(Clone, Debug)]
pub struct Application {
    /// Id.
    pub application_id: Uuid,
    /// The applying tenant.
    pub tenant_id: Uuid,
    /// Program.
    pub program: Program,
    /// Where it stands.
    pub state: ApplicationState,
    /// Optimistic-concurrency version.
    pub version: i32,
    /// Furthest wizard step reached.
    pub current_step: String,
    /// Chosen partner ID.
    pub partner_id: Option<String>,
    /// Legal name.
    pub legal_name: Option<String>,
    /// Address line 1.
    pub address_line1: Option<String>,
    /// Address line 2.
    pub address_line2: Option<String>,
    /// City.
    pub city: Option<String>,
    /// State or province.
    pub state_province: Option<String>,
    /// Postal code.
    pub postal_code: Option<String>,
    /// Company phone.
    pub phone: Option<String>,
    /// Company registration ID.
    pub registration_id: Option<String>,
    /// Primary contact's first name.
    pub contact_first_name: Option<String>,
    /// Primary contact's last name.
    pub contact_last_name: Option<String>,
    /// Primary contact's e-mail.
    pub contact_email: Option<String>,
    /// Primary contact's phone.
    pub contact_phone: Option<String>,
    /// Support e-mail.
    pub support_email: Option<String>,
    /// Support phone.
    pub support_phone: Option<String>,
    /// Support web site.
    pub support_website: Option<String>,
    /// When submitted.
    pub submitted_at: Option<OffsetDateTime>,
    /// When the contact confirmed.
    pub contact_verified_at: Option<OffsetDateTime>,
    /// When decided.
    pub decided_at: Option<OffsetDateTime>,
    /// Why it was rejected.
    pub rejection_reason: Option<String>,
    /// What the reviewers asked.
    pub info_request: Option<String>,
    /// Created.
    pub created_at: OffsetDateTime,
    /// The language the primary contact reads (`en`, `de`, `zh-CN`), once known.
    pub contact_language: Option<String>,
}

impl Application {
    /// The language to write to the primary contact in: the one recorded when the
    /// application was submitted or the contact answered, else the current one.
    pub fn contact_lang(&self) -> crate::i18n::Lang {
        self.contact_language
            .as_deref()
            .and_then(crate::i18n::Lang::parse)
            .unwrap_or_else(crate::i18n::current)
    }
}

/// Records the language the primary contact reads (see [`Application::contact_lang`]).
pub async fn set_contact_language(
    db: impl PgExecutor<'_>,
    application_id: Uuid,
    lang: crate::i18n::Lang,
) -> sqlx::Result<()> {
    sqlx::query!(
        "update applications set contact_language = $2 where application_id = $1",
        application_id,
        lang.code()
    )
    .execute(db)
    .await?;
    Ok(())
}

macro_rules! select_application {
    ($where:literal, $($arg:tt)*) => {
        sqlx::query_as!(
            Application,
            r#"select application_id, tenant_id, program as "program: Program", state as "state: ApplicationState", version, current_step,
                      partner_id as "partner_id?", legal_name, address_line1, address_line2, city,
                      state_province, postal_code, phone, registration_id,
                      contact_first_name, contact_last_name, contact_email::text as "contact_email?",
                      contact_phone, support_email::text as "support_email?", support_phone, support_website,
                      submitted_at, contact_verified_at, decided_at, rejection_reason, info_request, created_at,
                      contact_language
               from applications "# + $where,
            $($arg)*
        )
    };
}

/// The tenant's application with this id (another tenant's is `None`).
pub async fn find_for_tenant(
    db: impl PgExecutor<'_>,
    tenant_id: Uuid,
    application_id: Uuid,
) -> sqlx::Result<Option<Application>> {
    select_application!(
        "where tenant_id = $1 and application_id = $2",
        tenant_id,
        application_id
    )
    .fetch_optional(db)
    .await
}

/// The tenant's newest application in a program, whatever its state.
pub async fn latest(
    db: impl PgExecutor<'_>,
    tenant_id: Uuid,
    program: Program,
) -> sqlx::Result<Option<Application>> {
    select_application!(
        "where tenant_id = $1 and program = $2 order by created_at desc limit 1",
        tenant_id,
        program as _
    )
    .fetch_optional(db)
    .await
}

/// The tenant's open (not final) application in a program, if any.
pub async fn open(
    db: impl PgExecutor<'_>,
    tenant_id: Uuid,
    program: Program,
) -> sqlx::Result<Option<Application>> {
    select_application!(
        "where tenant_id = $1 and program = $2 and state not in ('approved', 'rejected', 'withdrawn')",
        tenant_id,
        program as _
    )
    .fetch_optional(db)
    .await
}

/// True when the tenant has an approved application in the program.
pub async fn is_approved(
    db: impl PgExecutor<'_>,
    tenant_id: Uuid,
    program: Program,
) -> sqlx::Result<bool> {
    let approved = sqlx::query_scalar!(
        r#"select exists(select 1 from applications where tenant_id = $1 and program = $2 and state = 'approved') as "approved!""#,
        tenant_id,
        program as _
    )
    .fetch_one(db)
    .await?;
    Ok(approved)
}

/// Starts a draft unless the tenant already has an open application (then nothing happens).
/// Returns true when a draft was created.
pub async fn create_draft(
    db: impl PgExecutor<'_>,
    tenant_id: Uuid,
    program: Program,
    user_id: Uuid,
) -> sqlx::Result<bool> {
    let done = sqlx::query!(
        "insert into applications (application_id, tenant_id, program, created_by)
         values ($1, $2, $3, $4)
         on conflict (tenant_id, program) where state not in ('approved', 'rejected', 'withdrawn') do nothing",
        Uuid::new_v4(),
        tenant_id,
        program as _,
        user_id
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Step 1's answer.
pub async fn save_partner_id(
    db: impl PgExecutor<'_>,
    application_id: Uuid,
    partner_id: &str,
    step: &str,
) -> sqlx::Result<bool> {
    let done = sqlx::query!(
        "update applications set partner_id = $2, current_step = $3, version = version + 1
         where application_id = $1 and state in ('draft', 'info_requested')",
        application_id,
        partner_id,
        step
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Saves step 2.
pub async fn save_legal_profile(
    db: impl PgExecutor<'_>,
    application_id: Uuid,
    p: &LegalProfile,
    step: &str,
) -> sqlx::Result<bool> {
    let done = sqlx::query!(
        "update applications set legal_name = $2, address_line1 = $3, address_line2 = $4, city = $5,
                state_province = $6, postal_code = $7, phone = $8, registration_id = $9,
                current_step = $10, version = version + 1
         where application_id = $1 and state in ('draft', 'info_requested')",
        application_id,
        p.legal_name,
        p.address_line1,
        p.address_line2,
        p.city,
        p.state_province,
        p.postal_code,
        p.phone,
        p.registration_id,
        step
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Saves step 3.
pub async fn save_primary_contact(
    db: impl PgExecutor<'_>,
    application_id: Uuid,
    c: &PrimaryContact,
    step: &str,
) -> sqlx::Result<bool> {
    let done = sqlx::query!(
        "update applications set contact_first_name = $2, contact_last_name = $3, contact_email = $4::text::citext,
                contact_phone = $5, current_step = $6, version = version + 1
         where application_id = $1 and state in ('draft', 'info_requested')",
        application_id,
        c.first_name,
        c.last_name,
        c.email,
        c.phone,
        step
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Saves step 4.
pub async fn save_support_details(
    db: impl PgExecutor<'_>,
    application_id: Uuid,
    s: &SupportDetails,
    step: &str,
) -> sqlx::Result<bool> {
    let done = sqlx::query!(
        "update applications set support_email = $2::text::citext, support_phone = $3, support_website = $4,
                current_step = $5, version = version + 1
         where application_id = $1 and state in ('draft', 'info_requested')",
        application_id,
        s.email,
        s.phone,
        s.website,
        step
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Moves an application from `from` to `to` if it is still in `from` at `version`;
/// returns false when someone else changed it first. Stamps the time columns that
/// belong to the new state.
pub async fn move_state(
    conn: &mut PgConnection,
    application_id: Uuid,
    version: i32,
    from: ApplicationState,
    to: ApplicationState,
) -> sqlx::Result<bool> {
    let done = sqlx::query!(
        "update applications
         set state = $3, version = version + 1,
             submitted_at = case when $2 = 'draft' then now() else submitted_at end,
             consent_at = case when $2 = 'draft' then now() else consent_at end,
             contact_verified_at = case when $2 = 'awaiting_contact_verification' and $3 = 'in_review' then now() else contact_verified_at end,
             decided_at = case when $3 in ('approved', 'rejected') then now() else decided_at end
         where application_id = $1 and state = $2 and version = $4",
        application_id,
        from.as_str(),
        to.as_str(),
        version
    )
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Records why an application was rejected.
pub async fn set_rejection_reason(
    db: impl PgExecutor<'_>,
    application_id: Uuid,
    reason: Option<&str>,
) -> sqlx::Result<()> {
    sqlx::query!(
        "update applications set rejection_reason = $2 where application_id = $1",
        application_id,
        reason
    )
    .execute(db)
    .await?;
    Ok(())
}

/// Records what the reviewers asked the applicant.
pub async fn set_info_request(
    db: impl PgExecutor<'_>,
    application_id: Uuid,
    question: Option<&str>,
) -> sqlx::Result<()> {
    sqlx::query!(
        "update applications set info_request = $2 where application_id = $1",
        application_id,
        question
    )
    .execute(db)
    .await?;
    Ok(())
}

/// Who made a timeline entry: pages put the words around the name in the reader's language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum ActorKind {
    /// A partner user (the label is their name).
    #[default]
    Partner,
    /// Operator staff (the label is their name).
    Staff,
    /// A primary contact following their link (the label is their address).
    Contact,
}

/// One entry of an application's timeline.
#[derive(Clone, Debug)]
pub struct Event {
    /// When.
    pub occurred_at: OffsetDateTime,
    /// Who acted: a name, or a primary contact's address.
    pub actor_label: String,
    /// What kind of actor.
    pub actor_kind: ActorKind,
    /// What kind of event.
    pub kind: String,
    /// State before, for state changes.
    pub from_state: Option<ApplicationState>,
    /// State after, for state changes.
    pub to_state: Option<ApplicationState>,
    /// Reason, message or note.
    pub detail: Option<String>,
    /// Only for staff eyes.
    pub internal: bool,
}

/// A timeline entry to add.
#[derive(Debug, Default)]
pub struct NewEvent<'a> {
    /// The application.
    pub application_id: Uuid,
    /// The partner user who acted, if one did.
    pub actor_user_id: Option<Uuid>,
    /// The staff member who acted, if one did.
    pub actor_staff_id: Option<Uuid>,
    /// Who acted: a name, or a primary contact's address.
    pub actor_label: &'a str,
    /// What kind of actor.
    pub actor_kind: ActorKind,
    /// What happened.
    pub kind: &'a str,
    /// State before, for state changes.
    pub from_state: Option<ApplicationState>,
    /// State after, for state changes.
    pub to_state: Option<ApplicationState>,
    /// Reason, message or note.
    pub detail: Option<&'a str>,
    /// Only for staff eyes.
    pub internal: bool,
}

/// Adds an entry to the timeline.
pub async fn record_event(db: impl PgExecutor<'_>, e: &NewEvent<'_>) -> sqlx::Result<()> {
    sqlx::query!(
        "insert into application_events
           (application_id, actor_user_id, actor_staff_id, actor_label, kind, from_state, to_state, detail, internal, actor_kind)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        e.application_id,
        e.actor_user_id,
        e.actor_staff_id,
        e.actor_label,
        e.kind,
        e.from_state as _,
        e.to_state as _,
        e.detail,
        e.internal,
        e.actor_kind as _
    )
    .execute(db)
    .await?;
    Ok(())
}

/// The timeline, oldest first; internal notes only when `include_internal`.
pub async fn timeline(
    db: impl PgExecutor<'_>,
    application_id: Uuid,
    include_internal: bool,
) -> sqlx::Result<Vec<Event>> {
    sqlx::query_as!(
        Event,
        r#"select occurred_at, actor_label, actor_kind as "actor_kind: ActorKind", kind, from_state as "from_state: ApplicationState",
                  to_state as "to_state: ApplicationState", detail, internal
           from application_events where application_id = $1 and ($2 or not internal)
           order by occurred_at, application_event_id"#,
        application_id,
        include_internal
    )
    .fetch_all(db)
    .await
}

/// How long a contact-verification link works.
pub const CONTACT_LINK_HOURS: f64 = 72.0;

/// Stores a new verification link and revokes the application's older ones.
pub async fn issue_contact_token(
    conn: &mut PgConnection,
    application_id: Uuid,
    token_hash: &[u8],
) -> sqlx::Result<()> {
    sqlx::query!(
        "update contact_verification_tokens set revoked_at = now()
         where application_id = $1 and used_at is null and revoked_at is null",
        application_id
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!(
        "insert into contact_verification_tokens (token_id, application_id, token_hash, expires_at)
         values ($1, $2, $3, now() + make_interval(hours => $4::float8::int))",
        Uuid::new_v4(),
        application_id,
        token_hash,
        CONTACT_LINK_HOURS
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The application behind a verification link that still works (without using it).
pub async fn peek_contact_token(
    db: impl PgExecutor<'_>,
    token_hash: &[u8],
) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar!(
        "select application_id from contact_verification_tokens
         where token_hash = $1 and used_at is null and revoked_at is null and expires_at > now()",
        token_hash
    )
    .fetch_optional(db)
    .await
}

/// Uses a verification link up; `None` when it no longer works.
pub async fn consume_contact_token(
    db: impl PgExecutor<'_>,
    token_hash: &[u8],
) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar!(
        "update contact_verification_tokens set used_at = now()
         where token_hash = $1 and used_at is null and revoked_at is null and expires_at > now()
         returning application_id",
        token_hash
    )
    .fetch_optional(db)
    .await
}

/// Any application by id (for flows that start from a link, not a tenant).
pub async fn find(
    db: impl PgExecutor<'_>,
    application_id: Uuid,
) -> sqlx::Result<Option<Application>> {
    select_application!("where application_id = $1", application_id)
        .fetch_optional(db)
        .await
}

/// Assigns an application to a reviewer (or nobody). The version stays: who works on an
/// application does not change what a reviewer decides on.
pub async fn assign(
    db: impl PgExecutor<'_>,
    application_id: Uuid,
    staff_id: Option<Uuid>,
) -> sqlx::Result<()> {
    sqlx::query!(
        "update applications set assigned_to = $2 where application_id = $1",
        application_id,
        staff_id
    )
    .execute(db)
    .await?;
    Ok(())
}

/// The reviewer an application is assigned to.
pub async fn assignee(db: impl PgExecutor<'_>, application_id: Uuid) -> sqlx::Result<Option<Uuid>> {
    let row = sqlx::query_scalar!(
        "select assigned_to from applications where application_id = $1",
        application_id
    )
    .fetch_optional(db)
    .await?;
    Ok(row.flatten())
}

/// Who created the application (the user who started the draft), if they still exist.
pub async fn creator(conn: &mut PgConnection, application_id: Uuid) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar!(
        "select created_by from applications where application_id = $1",
        application_id
    )
    .fetch_one(&mut *conn)
    .await
}

/// Withdraws every contact-verification link of the application that still works.
pub async fn revoke_contact_tokens(
    conn: &mut PgConnection,
    application_id: Uuid,
) -> sqlx::Result<()> {
    sqlx::query!("update contact_verification_tokens set revoked_at = now() where application_id = $1 and used_at is null and revoked_at is null", application_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Stores a contact's status link (its token's hash) for `days`.
pub async fn issue_status_link(
    conn: &mut sqlx::PgConnection,
    application_id: Uuid,
    token_hash: &[u8],
    days: i32,
) -> sqlx::Result<()> {
    sqlx::query!(
        "insert into contact_status_links (token_hash, application_id, expires_at)
         values ($1, $2, now() + make_interval(days => $3))",
        token_hash,
        application_id,
        days
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The application behind a contact's status link that has not expired.
pub async fn by_status_link(
    db: impl PgExecutor<'_> + Copy,
    token_hash: &[u8],
) -> sqlx::Result<Option<Application>> {
    let id = sqlx::query_scalar!(
        "select application_id from contact_status_links where token_hash = $1 and expires_at > now()",
        token_hash
    )
    .fetch_optional(db)
    .await?;
    match id {
        Some(id) => find(db, id).await,
        None => Ok(None),
    }
}
