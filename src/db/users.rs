//! Users of partner organisations: sign-in state, passwords, e-mail confirmation.

use crate::domain::tenant::{Roles, TenantKind};
use sqlx::PgExecutor;
use time::OffsetDateTime;
use uuid::Uuid;

/// Name of the unique constraint on users' e-mail addresses.
pub const EMAIL_UNIQUE: &str = "users_email_key";

/// What a new user is made of.
pub struct NewUser<'a> {
    /// New id.
    pub user_id: Uuid,
    /// The user's tenant.
    pub tenant_id: Uuid,
    /// Full name.
    pub full_name: &'a str,
    /// Sign-in e-mail address.
    pub email: &'a str,
    /// Argon2id PHC string.
    pub password_hash: &'a str,
    /// Roles (at least one).
    pub roles: Roles,
    /// The language the account was created in (its e-mails' language until the user
    /// chooses another).
    pub language: crate::i18n::Lang,
    /// A colleague added by an admin: the temporary password must be changed first, and
    /// works until then.
    pub temporary_until: Option<OffsetDateTime>,
    /// Who added the user.
    pub added_by: Option<Uuid>,
    /// The form that added the user (sending it again must not add twice).
    pub added_with_form: Option<Uuid>,
}

/// Name and address of the tenant's users holding one of `roles` (role codes), by name.
pub async fn holders(
    db: impl PgExecutor<'_>,
    tenant_id: Uuid,
    roles: &[String],
) -> sqlx::Result<Vec<(String, String)>> {
    let rows = sqlx::query!(
        r#"select full_name, email::text as "email!" from users
           where tenant_id = $1 and roles && $2 and disabled_at is null order by full_name, email"#,
        tenant_id,
        roles
    )
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(|r| (r.full_name, r.email)).collect())
}

/// A user of the organisation as the users page lists it.
#[derive(Clone, Debug)]
pub struct OrgUser {
    /// The user.
    pub user_id: Uuid,
    /// Name.
    pub full_name: String,
    /// Sign-in address.
    pub email: String,
    /// Roles.
    pub roles: Roles,
    /// Still on a temporary password.
    pub must_change_password: bool,
    /// Until when that temporary password works.
    pub temporary_password_expires_at: Option<OffsetDateTime>,
    /// Last sign-in.
    pub last_sign_in_at: Option<OffsetDateTime>,
    /// Disabled by an admin.
    pub disabled_at: Option<OffsetDateTime>,
    /// The reset form that made the current temporary password.
    pub password_reset_form: Option<Uuid>,
}

/// The tenant's users, by name.
pub async fn of_tenant(db: impl PgExecutor<'_>, tenant_id: Uuid) -> sqlx::Result<Vec<OrgUser>> {
    sqlx::query_as!(
        OrgUser,
        r#"select user_id, full_name, email::text as "email!", roles as "roles: Roles",
                  must_change_password, temporary_password_expires_at, last_sign_in_at, disabled_at,
                  password_reset_form
           from users where tenant_id = $1 order by full_name, email"#,
        tenant_id
    )
    .fetch_all(db)
    .await
}

/// One user of the tenant (inside a transaction that locked the tenant's users with
/// [`lock_tenant_users`], changes are decided one at a time per organisation).
pub async fn of_tenant_by_id(
    conn: &mut sqlx::PgConnection,
    tenant_id: Uuid,
    user_id: Uuid,
) -> sqlx::Result<Option<OrgUser>> {
    sqlx::query_as!(
        OrgUser,
        r#"select user_id, full_name, email::text as "email!", roles as "roles: Roles",
                  must_change_password, temporary_password_expires_at, last_sign_in_at, disabled_at,
                  password_reset_form
           from users where tenant_id = $1 and user_id = $2"#,
        tenant_id,
        user_id
    )
    .fetch_optional(conn)
    .await
}

/// Locks the tenant's users for the transaction, so that two admins cannot each remove
/// one of the last two global admins at once; returns how many active global admins it has.
pub async fn lock_tenant_users(
    conn: &mut sqlx::PgConnection,
    tenant_id: Uuid,
) -> sqlx::Result<i64> {
    let rows = sqlx::query!(
        r#"select roles as "roles: Roles", disabled_at from users where tenant_id = $1 for update"#,
        tenant_id
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .iter()
        .filter(|r| r.roles.is_global_admin() && r.disabled_at.is_none())
        .count() as i64)
}

/// Changes a user's roles.
pub async fn set_roles(
    conn: &mut sqlx::PgConnection,
    user_id: Uuid,
    roles: Roles,
) -> sqlx::Result<()> {
    sqlx::query!(
        "update users set roles = $2, updated_at = now() where user_id = $1",
        user_id,
        &roles.codes()
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Disables (every session ends: the epoch moves) or enables a user.
pub async fn set_disabled(
    conn: &mut sqlx::PgConnection,
    user_id: Uuid,
    disabled: bool,
) -> sqlx::Result<()> {
    sqlx::query!(
        "update users
         set disabled_at = case when $2 then now() else null end,
             session_epoch = session_epoch + case when $2 then 1 else 0 end,
             updated_at = now()
         where user_id = $1",
        user_id,
        disabled
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Gives a user a new temporary password (hashed) until `until`; every session ends.
pub async fn set_temporary_password(
    conn: &mut sqlx::PgConnection,
    user_id: Uuid,
    password_hash: &str,
    until: OffsetDateTime,
    form: Option<Uuid>,
) -> sqlx::Result<()> {
    sqlx::query!(
        "update users
         set password_hash = $2, must_change_password = true,
             temporary_password_expires_at = $3, session_epoch = session_epoch + 1,
             password_reset_form = $4, updated_at = now()
         where user_id = $1",
        user_id,
        password_hash,
        until,
        form
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Removes a user (what they did stays, without their name attached).
pub async fn remove(conn: &mut sqlx::PgConnection, user_id: Uuid) -> sqlx::Result<()> {
    sqlx::query!("delete from users where user_id = $1", user_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// The user a form added in this tenant, if that form was sent already: (name, address).
pub async fn added_with_form(
    db: impl PgExecutor<'_>,
    tenant_id: Uuid,
    form_id: Uuid,
) -> sqlx::Result<Option<(String, String)>> {
    let row = sqlx::query!(
        r#"select full_name, email::text as "email!" from users
           where tenant_id = $1 and added_with_form = $2"#,
        tenant_id,
        form_id
    )
    .fetch_optional(db)
    .await?;
    Ok(row.map(|r| (r.full_name, r.email)))
}

/// The tenant a user signing in with `email` belongs to, if any.
pub async fn tenant_of_email(db: impl PgExecutor<'_>, email: &str) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar!(
        "select tenant_id from users where email = $1::text::citext",
        email
    )
    .fetch_optional(db)
    .await
}

/// Inserts a user; fails with a unique violation on [`EMAIL_UNIQUE`] when the address is taken.
pub async fn insert(db: impl PgExecutor<'_>, u: &NewUser<'_>) -> sqlx::Result<()> {
    sqlx::query!(
        "insert into users (user_id, tenant_id, full_name, email, password_hash, roles, language,
                            must_change_password, temporary_password_expires_at, added_by,
                            added_with_form)
         values ($1, $2, $3, $4::text::citext, $5, $6, $7, $8::timestamptz is not null, $8, $9, $10)",
        u.user_id,
        u.tenant_id,
        u.full_name,
        u.email,
        u.password_hash,
        &u.roles.codes(),
        u.language.code(),
        u.temporary_until,
        u.added_by,
        u.added_with_form
    )
    .execute(db)
    .await?;
    Ok(())
}

/// True when some user already signs in with this address (any case).
pub async fn email_taken(db: impl PgExecutor<'_>, email: &str) -> sqlx::Result<bool> {
    let taken = sqlx::query_scalar!(
        r#"select exists(select 1 from users where email = $1::text::citext) as "taken!""#,
        email
    )
    .fetch_one(db)
    .await?;
    Ok(taken)
}

/// What sign-in needs to know about an account.
pub struct Credentials {
    /// The user.
    pub user_id: Uuid,
    /// The user's tenant.
    pub tenant_id: Uuid,
    /// Argon2id PHC string.
    pub password_hash: String,
    /// The address, as stored.
    pub email: String,
    /// Name, for e-mails.
    pub full_name: String,
    /// Current session epoch.
    pub session_epoch: i32,
    /// The language the user reads (`en`, `de`, `zh-CN`), if saved.
    pub language: Option<String>,
    /// Until when a temporary password works (set while it must be changed).
    pub temporary_password_expires_at: Option<OffsetDateTime>,
    /// Disabled by an admin of the organisation: may not sign in.
    pub disabled_at: Option<OffsetDateTime>,
}

impl Credentials {
    /// The language to write to the user in: their own, else the current one.
    pub fn lang(&self) -> crate::i18n::Lang {
        self.language
            .as_deref()
            .and_then(crate::i18n::Lang::parse)
            .unwrap_or_else(crate::i18n::current)
    }
}

/// The account that signs in with `email`, if any.
pub async fn credentials_by_email(
    db: impl PgExecutor<'_>,
    email: &str,
) -> sqlx::Result<Option<Credentials>> {
    sqlx::query_as!(
        Credentials,
        r#"select user_id, tenant_id, password_hash, email::text as "email!", full_name, session_epoch, language,
                  temporary_password_expires_at, disabled_at
           from users where email = $1::text::citext"#,
        email
    )
    .fetch_optional(db)
    .await
}

/// The account with this id.
pub async fn credentials_by_id(
    db: impl PgExecutor<'_>,
    user_id: Uuid,
) -> sqlx::Result<Option<Credentials>> {
    sqlx::query_as!(
        Credentials,
        r#"select user_id, tenant_id, password_hash, email::text as "email!", full_name, session_epoch, language,
                  temporary_password_expires_at, disabled_at
           from users where user_id = $1"#,
        user_id
    )
    .fetch_optional(db)
    .await
}

/// Records when the user last signed in.
pub async fn record_sign_in(db: impl PgExecutor<'_>, user_id: Uuid) -> sqlx::Result<()> {
    sqlx::query!(
        "update users set last_sign_in_at = now() where user_id = $1",
        user_id
    )
    .execute(db)
    .await?;
    Ok(())
}

/// The signed-in user and their organisation, loaded on every authenticated request.
#[derive(Clone, Debug)]
pub struct SessionUser {
    /// The user.
    pub user_id: Uuid,
    /// The user's tenant.
    pub tenant_id: Uuid,
    /// Full name.
    pub full_name: String,
    /// Sign-in address.
    pub email: String,
    /// Roles.
    pub roles: Roles,
    /// Must match the session's copy, or the session has been ended.
    pub session_epoch: i32,
    /// When the address was confirmed.
    pub email_confirmed_at: Option<OffsetDateTime>,
    /// Organisation name.
    pub organisation: String,
    /// A partner's user or a customer's.
    pub tenant_kind: TenantKind,
    /// The language the user chose (`en`, `de`, `zh-CN`), if any.
    pub language: Option<String>,
    /// Signed in with a temporary password: nothing but changing it until it is changed.
    pub must_change_password: bool,
    /// The organisation is an active indirect reseller: approved, and the current partner
    /// agreement accepted (what its partner pages need).
    pub active_reseller: bool,
    /// The organisation is listed in the provider directory.
    pub listed_provider: bool,
    /// The organisation is an active direct-bill partner.
    pub direct_partner: bool,
    /// The organisation's time zone (IANA name): its choice, or its country's default.
    pub time_zone: String,
}

impl SessionUser {
    /// True for the organisation's global admin.
    pub fn is_global_admin(&self) -> bool {
        self.roles.is_global_admin()
    }
}

/// Loads the user behind a session.
pub async fn session_user(
    db: impl PgExecutor<'_>,
    user_id: Uuid,
) -> sqlx::Result<Option<SessionUser>> {
    sqlx::query_as!(
        SessionUser,
        r#"select u.user_id, u.tenant_id, u.full_name, u.email::text as "email!", u.roles as "roles: Roles",
                  u.session_epoch, u.email_confirmed_at, t.name as organisation,
                  t.kind as "tenant_kind: TenantKind", u.language,
                  u.must_change_password,
                  (exists(select 1 from applications a where a.tenant_id = u.tenant_id
                          and a.program = 'indirect_reseller' and a.state = 'approved')
                   and exists(select 1 from agreement_acceptances a where a.tenant_id = u.tenant_id
                          and a.version = (select max(version) from partner_agreements)))
                    as "active_reseller!",
                  exists(select 1 from provider_regions p where p.tenant_id = u.tenant_id)
                    as "listed_provider!",
                  exists(select 1 from direct_bill_partners d where d.tenant_id = u.tenant_id
                          and d.status = 'active') as "direct_partner!",
                  coalesce(t.time_zone, m.default_time_zone, 'UTC') as "time_zone!"
           from users u join tenants t using (tenant_id)
           left join markets m on m.country_code = t.country_code
           where u.user_id = $1"#,
        user_id
    )
    .fetch_optional(db)
    .await
}

/// Replaces the password and ends every session (new epoch).
/// Returns the new session epoch.
pub async fn set_password(
    db: impl PgExecutor<'_>,
    user_id: Uuid,
    password_hash: &str,
) -> sqlx::Result<i32> {
    sqlx::query_scalar!(
        "update users
         set password_hash = $2, session_epoch = session_epoch + 1,
             must_change_password = false, temporary_password_expires_at = null
         where user_id = $1
         returning session_epoch",
        user_id,
        password_hash
    )
    .fetch_one(db)
    .await
}

/// Marks the address confirmed (keeps the first confirmation time).
pub async fn confirm_email(db: impl PgExecutor<'_>, user_id: Uuid) -> sqlx::Result<()> {
    sqlx::query!(
        "update users set email_confirmed_at = coalesce(email_confirmed_at, now()) where user_id = $1",
        user_id
    )
    .execute(db)
    .await?;
    Ok(())
}

/// Saves the language a user chose.
pub async fn set_language(
    db: impl PgExecutor<'_>,
    user_id: Uuid,
    language: &str,
) -> sqlx::Result<()> {
    sqlx::query!(
        "update users set language = $2 where user_id = $1",
        user_id,
        language
    )
    .execute(db)
    .await?;
    Ok(())
}
