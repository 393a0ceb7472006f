//! Operator staff: the people who work the back office.

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
    pub role: String,
    /// Argon2id PHC string.
    pub password_hash: String,
    /// The password must be replaced before anything else.
    pub must_change_password: bool,
    /// Must match the session's copy.
    pub session_epoch: i32,
}

impl Staff {
    /// True for an operator admin.
    pub fn is_operator_admin(&self) -> bool {
        self.role == "operator_admin"
    }
}

/// The enabled staff member who signs in with `email`.
pub async fn by_email(db: impl PgExecutor<'_>, email: &str) -> sqlx::Result<Option<Staff>> {
    sqlx::query_as!(
        Staff,
        r#"select staff_id, email::text as "email!", full_name, role, password_hash, must_change_password, session_epoch
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
        r#"select staff_id, email::text as "email!", full_name, role, password_hash, must_change_password, session_epoch
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
    role: &str,
    password_hash: &str,
    must_change_password: bool,
) -> sqlx::Result<()> {
    sqlx::query!(
        "insert into operator_staff (staff_id, email, full_name, role, password_hash, must_change_password)
         values ($1, $2::text::citext, $3, $4, $5, $6)",
        staff_id,
        email,
        full_name,
        role,
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
        r#"select staff_id, email::text as "email!", full_name, role, password_hash, must_change_password, session_epoch
           from operator_staff where disabled_at is null order by full_name, email"#
    )
    .fetch_all(db)
    .await
}
