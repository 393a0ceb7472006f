//! Operator staff: the people who work the back office.

use crate::domain::staff::StaffRole;
use sqlx::PgExecutor;
use uuid::Uuid;

/// Name of the unique constraint on staff e-mail addresses.
pub const EMAIL_UNIQUE: &str = "operator_staff_email_key";

/// A staff member as sign-in and the back office see them.
#[derive(Clone, Debug)]
pub struct Staff {
    /// Id.
    pub staff_id: Uuid,
    /// Sign-in address.
    pub email: String,
    /// Name.
    pub full_name: String,
    /// `reviewer` or `operator_admin`.
    pub role: StaffRole,
    /// Argon2id PHC string.
    pub password_hash: String,
    /// The password must be replaced before anything else.
    pub must_change_password: bool,
    /// Must match the session's copy.
    pub session_epoch: i32,
    /// The language the staff member chose (`en`, `de`, `zh-CN`), if any.
    pub language: Option<String>,
}

impl Staff {
    /// The language to write to the staff member in: their own, else the current one.
    pub fn lang(&self) -> crate::i18n::Lang {
        self.language
            .as_deref()
            .and_then(crate::i18n::Lang::parse)
            .unwrap_or_else(crate::i18n::current)
    }

    /// True for an operator admin.
    pub fn is_operator_admin(&self) -> bool {
        self.role.is_operator_admin()
    }
}

/// The enabled staff member who signs in with `email`.
pub async fn by_email(db: impl PgExecutor<'_>, email: &str) -> sqlx::Result<Option<Staff>> {
    sqlx::query_as!(
        Staff,
        r#"select staff_id, email::text as "email!", full_name, role as "role: StaffRole", password_hash, must_change_password, session_epoch, language
           from operator_staff where email = $1::text::citext and disabled_at is null"#,
        email
    )
    .fetch_optional(db)
    .await
}

/// The enabled staff member with this id.
pub async fn by_id(db: impl PgExecutor<'_>, staff_id: Uuid) -> sqlx::Result<Option<Staff>> {
    sqlx::query_as!(
        Staff,
        r#"select staff_id, email::text as "email!", full_name, role as "role: StaffRole", password_hash, must_change_password, session_epoch, language
           from operator_staff where staff_id = $1 and disabled_at is null"#,
        staff_id
    )
    .fetch_optional(db)
    .await
}

/// True when at least one enabled operator admin exists.
pub async fn operator_admin_exists(db: impl PgExecutor<'_>) -> sqlx::Result<bool> {
    let exists = sqlx::query_scalar!(
        r#"select exists(select 1 from operator_staff where role = 'operator_admin' and disabled_at is null) as "exists!""#
    )
    .fetch_one(db)
    .await?;
    Ok(exists)
}

/// Adds a staff member.
pub async fn insert(
    db: impl PgExecutor<'_>,
    staff_id: Uuid,
    email: &str,
    full_name: &str,
    role: StaffRole,
    password_hash: &str,
    must_change_password: bool,
) -> sqlx::Result<()> {
    sqlx::query!(
        "insert into operator_staff (staff_id, email, full_name, role, password_hash, must_change_password)
         values ($1, $2::text::citext, $3, $4, $5, $6)",
        staff_id,
        email,
        full_name,
        role as _,
        password_hash,
        must_change_password
    )
    .execute(db)
    .await?;
    Ok(())
}

/// Records when the staff member last signed in.
pub async fn record_sign_in(db: impl PgExecutor<'_>, staff_id: Uuid) -> sqlx::Result<()> {
    sqlx::query!(
        "update operator_staff set last_sign_in_at = now() where staff_id = $1",
        staff_id
    )
    .execute(db)
    .await?;
    Ok(())
}

/// Replaces the password, clears the must-change flag and ends every other session.
/// Returns the new session epoch.
pub async fn set_password(
    db: impl PgExecutor<'_>,
    staff_id: Uuid,
    password_hash: &str,
) -> sqlx::Result<i32> {
    sqlx::query_scalar!(
        "update operator_staff set password_hash = $2, must_change_password = false, session_epoch = session_epoch + 1
         where staff_id = $1 returning session_epoch",
        staff_id,
        password_hash
    )
    .fetch_one(db)
    .await
}

/// Every enabled staff member, by name (for assignment).
pub async fn list_enabled(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<Staff>> {
    sqlx::query_as!(
        Staff,
        r#"select staff_id, email::text as "email!", full_name, role as "role: StaffRole", password_hash, must_change_password, session_epoch, language
           from operator_staff where disabled_at is null order by full_name, email"#
    )
    .fetch_all(db)
    .await
}

/// A staff member as the staff list shows them.
#[derive(Clone, Debug)]
pub struct StaffListing {
    /// Id.
    pub staff_id: Uuid,
    /// Address.
    pub email: String,
    /// Name.
    pub full_name: String,
    /// Role code.
    pub role: StaffRole,
    /// Disabled members cannot sign in.
    pub disabled: bool,
    /// How many sources are locked out of the account right now.
    pub locked_sources: i64,
}

/// Everyone, enabled or not.
pub async fn list_all(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<StaffListing>> {
    sqlx::query_as!(
        StaffListing,
        r#"select staff_id, email::text as "email!", full_name, role as "role: StaffRole", disabled_at is not null as "disabled!",
                  (select count(*) from sign_in_guards g
                    where g.realm = 'staff' and g.account_id = s.staff_id and g.locked_until > now())
                  as "locked_sources!"
           from operator_staff s order by disabled_at nulls first, full_name"#
    )
    .fetch_all(db)
    .await
}

/// Gives a staff member another role; their previous role, or `None` when there is none.
pub async fn set_role(
    db: impl PgExecutor<'_>,
    staff_id: Uuid,
    role: StaffRole,
) -> sqlx::Result<Option<StaffRole>> {
    sqlx::query_scalar!(
        r#"update operator_staff s set role = $2
           from (select staff_id, role from operator_staff where staff_id = $1 for update) before
           where s.staff_id = before.staff_id
           returning before.role as "role: StaffRole""#,
        staff_id,
        role as _
    )
    .fetch_optional(db)
    .await
}

/// Disables or enables a staff member (disabling ends their sessions); false when none.
pub async fn set_disabled(
    db: impl PgExecutor<'_>,
    staff_id: Uuid,
    disabled: bool,
) -> sqlx::Result<bool> {
    let done = sqlx::query!(
        "update operator_staff
         set disabled_at = case when $2 then coalesce(disabled_at, now()) else null end,
             session_epoch = session_epoch + 1
         where staff_id = $1",
        staff_id,
        disabled
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// True when an address belongs to a staff member (enabled or not).
pub async fn email_taken(db: impl PgExecutor<'_>, email: &str) -> sqlx::Result<bool> {
    let taken = sqlx::query_scalar!(
        r#"select exists(select 1 from operator_staff where email = $1::text::citext) as "taken!""#,
        email
    )
    .fetch_one(db)
    .await?;
    Ok(taken)
}

/// A pending invitation.
#[derive(Clone, Debug)]
pub struct Invitation {
    /// Id.
    pub invitation_id: Uuid,
    /// Invitee's address.
    pub email: String,
    /// Invitee's name.
    pub full_name: String,
    /// Role they will get.
    pub role: StaffRole,
    /// When it stops working.
    pub expires_at: time::OffsetDateTime,
}

/// Invitations neither accepted nor revoked (expired ones included, marked by their date).
pub async fn pending_invitations(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<Invitation>> {
    sqlx::query_as!(
        Invitation,
        r#"select invitation_id, email::text as "email!", full_name, role as "role: StaffRole", expires_at
           from staff_invitations where accepted_at is null and revoked_at is null order by created_at desc"#
    )
    .fetch_all(db)
    .await
}

/// One pending invitation.
pub async fn pending_invitation(
    db: impl PgExecutor<'_>,
    invitation_id: Uuid,
) -> sqlx::Result<Option<Invitation>> {
    sqlx::query_as!(
        Invitation,
        r#"select invitation_id, email::text as "email!", full_name, role as "role: StaffRole", expires_at
           from staff_invitations where invitation_id = $1 and accepted_at is null and revoked_at is null"#,
        invitation_id
    )
    .fetch_optional(db)
    .await
}

/// Stores an invitation, revoking earlier pending ones for the same address.
pub async fn create_invitation(
    conn: &mut sqlx::PgConnection,
    email: &str,
    full_name: &str,
    role: StaffRole,
    token_hash: &[u8],
    invited_by: Uuid,
) -> sqlx::Result<Uuid> {
    sqlx::query!(
        "update staff_invitations set revoked_at = now()
         where email = $1::text::citext and accepted_at is null and revoked_at is null",
        email
    )
    .execute(&mut *conn)
    .await?;
    let id = Uuid::new_v4();
    sqlx::query!(
        "insert into staff_invitations (invitation_id, email, full_name, role, token_hash, invited_by, expires_at)
         values ($1, $2::text::citext, $3, $4, $5, $6, now() + interval '72 hours')",
        id,
        email,
        full_name,
        role as _,
        token_hash,
        invited_by
    )
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

/// Revokes a pending invitation; false when it was not pending.
pub async fn revoke_invitation(db: impl PgExecutor<'_>, invitation_id: Uuid) -> sqlx::Result<bool> {
    let done = sqlx::query!(
        "update staff_invitations set revoked_at = now() where invitation_id = $1 and accepted_at is null and revoked_at is null",
        invitation_id
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The invitation behind a link that still works (without using it).
pub async fn invitation_by_token(
    db: impl PgExecutor<'_>,
    token_hash: &[u8],
) -> sqlx::Result<Option<Invitation>> {
    sqlx::query_as!(
        Invitation,
        r#"select invitation_id, email::text as "email!", full_name, role as "role: StaffRole", expires_at
           from staff_invitations
           where token_hash = $1 and accepted_at is null and revoked_at is null and expires_at > now()"#,
        token_hash
    )
    .fetch_optional(db)
    .await
}

/// Uses an invitation up; `None` when it no longer works.
pub async fn accept_invitation(
    db: impl PgExecutor<'_>,
    token_hash: &[u8],
) -> sqlx::Result<Option<Invitation>> {
    sqlx::query_as!(
        Invitation,
        r#"update staff_invitations set accepted_at = now()
           where token_hash = $1 and accepted_at is null and revoked_at is null and expires_at > now()
           returning invitation_id, email::text as "email!", full_name, role as "role: StaffRole", expires_at"#,
        token_hash
    )
    .fetch_optional(db)
    .await
}

/// Stores a new password-reset token for a staff member (1 hour), revoking older ones.
pub async fn issue_reset_token(
    conn: &mut sqlx::PgConnection,
    staff_id: Uuid,
    token_hash: &[u8],
) -> sqlx::Result<()> {
    sqlx::query!(
        "update staff_tokens set revoked_at = now()
         where staff_id = $1 and used_at is null and revoked_at is null",
        staff_id
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!(
        "insert into staff_tokens (token_id, staff_id, token_hash, expires_at)
         values ($1, $2, $3, now() + interval '1 hour')",
        Uuid::new_v4(),
        staff_id,
        token_hash
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The enabled staff member behind a reset token that still works.
pub async fn reset_token_staff(
    db: impl PgExecutor<'_>,
    token_hash: &[u8],
) -> sqlx::Result<Option<Staff>> {
    sqlx::query_as!(
        Staff,
        r#"select s.staff_id, s.email::text as "email!", s.full_name, s.role as "role: StaffRole", s.password_hash,
                  s.must_change_password, s.session_epoch, s.language
           from staff_tokens t join operator_staff s using (staff_id)
           where t.token_hash = $1 and t.used_at is null and t.revoked_at is null
             and t.expires_at > now() and s.disabled_at is null"#,
        token_hash
    )
    .fetch_optional(db)
    .await
}

/// Uses a reset token once; the staff member's id, or `None` if it no longer works.
pub async fn consume_reset_token(
    db: impl PgExecutor<'_>,
    token_hash: &[u8],
) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar!(
        "update staff_tokens set used_at = now()
         where token_hash = $1 and used_at is null and revoked_at is null and expires_at > now()
         returning staff_id",
        token_hash
    )
    .fetch_optional(db)
    .await
}

/// Serialises the creation of the first operator admin across processes (held until the
/// transaction ends).
pub async fn lock_bootstrap(conn: &mut sqlx::PgConnection) -> sqlx::Result<()> {
    sqlx::query("select pg_advisory_xact_lock(727274)")
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Saves the language a staff member chose.
pub async fn set_language(
    db: impl PgExecutor<'_>,
    staff_id: Uuid,
    language: &str,
) -> sqlx::Result<()> {
    sqlx::query!(
        "update operator_staff set language = $2 where staff_id = $1",
        staff_id,
        language
    )
    .execute(db)
    .await?;
    Ok(())
}
