//! Extractors every page uses: the page context (CSRF token, flash, signed-in
//! user) and the guard for pages that need a signed-in user.

use crate::auth::session::{AUTH_KEY, CSRF_KEY, FLASH_KEY, Flash, SignedInRecord};
use crate::db::users::SessionUser;
use crate::domain::authz::Capability;
pub use crate::domain::link::{encode_query_value, safe_next};
use crate::domain::token;
use crate::error::AppError;
use crate::i18n::filters;
use crate::messages;
use crate::state::AppState;
use crate::web::cookies::AnonymousCsrf;
use axum::extract::{ConnectInfo, FromRequestParts, OptionalFromRequestParts};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use std::net::SocketAddr;
use time::OffsetDateTime;
use tower_sessions::Session;

/// What a page's layout needs, in either realm: the CSRF token for its forms, the
/// signed-in account (a partner user or a staff member) if any, the flash message left
/// for it, and the session.
#[derive(Clone)]
pub struct PageCtx<A> {
    /// The session's CSRF token, for every form.
    pub csrf_token: String,
    /// The signed-in account, if any.
    pub account: Option<A>,
    /// A one-time message from the previous request.
    pub flash: Option<Flash>,
    /// The session itself.
    pub session: Session,
    /// This page's path and query, for the language switch to come back to.
    pub here: String,
    /// How long a session lasts without activity (the timeout warning counts it down).
    pub idle_timeout: std::time::Duration,
}

/// A partner page's context.
pub type Ctx = PageCtx<SessionUser>;

impl<A> PageCtx<A> {
    /// Redirects to `to` saying something was done.
    pub async fn success(
        &self,
        to: &str,
        message: impl std::fmt::Display,
    ) -> Result<Response, AppError> {
        crate::web::flash::success(&self.session, to, message).await
    }

    /// Redirects to `to` with a message for information.
    pub async fn info(
        &self,
        to: &str,
        message: impl std::fmt::Display,
    ) -> Result<Response, AppError> {
        crate::web::flash::info(&self.session, to, message).await
    }

    /// Redirects to `to` saying nothing was done, and why.
    pub async fn warning(
        &self,
        to: &str,
        message: impl std::fmt::Display,
    ) -> Result<Response, AppError> {
        crate::web::flash::warning(&self.session, to, message).await
    }
}

/// The session, the page's CSRF token and the flash left for this page. The flash is
/// taken before any sign-in is checked: an ended session leaves a new flash for the *next*
/// page. A stored session gets a token of its own (made on first use); a visitor without
/// one gets the signed cookie's token, so viewing a page writes nothing to the database.
pub async fn page_session(
    parts: &mut Parts,
    state: &AppState,
) -> Result<(Session, String, Option<Flash>), AppError> {
    let session = Session::from_request_parts(parts, state)
        .await
        .map_err(|(_, msg)| AppError::Internal(anyhow::anyhow!("session layer missing: {msg}")))?;
    let stored = session.get::<String>(CSRF_KEY).await?;
    let csrf_token = match stored {
        Some(t) => t,
        // `get` has loaded the record: an id now means a session is stored.
        None if session.id().is_some() => {
            let t = token::new_token().plain;
            session.insert(CSRF_KEY, &t).await?;
            t
        }
        None => {
            let anonymous = parts
                .extensions
                .get::<AnonymousCsrf>()
                .ok_or_else(|| AppError::Internal(anyhow::anyhow!("CSRF layer missing")))?;
            anonymous.token(state).await?
        }
    };
    // Only a flash that is there is taken: removing marks the session changed, and a
    // changed session is written back.
    let flash = match session.get::<Flash>(FLASH_KEY).await? {
        Some(flash) => {
            session.remove_value(FLASH_KEY).await?;
            Some(flash)
        }
        None => None,
    };
    if session.id().is_some() {
        keep_alive(&session).await?;
    }
    Ok((session, csrf_token, flash))
}

/// Session key of when the session's idle expiry was last pushed back.
const TOUCHED_KEY: &str = "touched";

/// Pushes a stored session's idle expiry back at most once a minute: a session is written
/// only when it changed or a minute has passed, not on every request.
async fn keep_alive(session: &Session) -> Result<(), AppError> {
    let now = OffsetDateTime::now_utc().unix_timestamp();
    let touched = session.get::<i64>(TOUCHED_KEY).await?.unwrap_or(0);
    if now - touched >= 60 {
        session.insert(TOUCHED_KEY, now).await?;
    }
    Ok(())
}

/// Pushes the session's idle expiry back now ("Stay signed in").
pub async fn touch(session: &Session) -> Result<(), AppError> {
    let now = OffsetDateTime::now_utc().unix_timestamp();
    session.insert(TOUCHED_KEY, now).await?;
    Ok(())
}

/// Checks a signed-in record against the account's current epoch and the absolute
/// timeout; ends the session (with a flash saying so) when it no longer holds.
pub async fn still_signed_in(
    session: &Session,
    record: &SignedInRecord,
    current_epoch: Option<i32>,
    state: &AppState,
) -> Result<bool, AppError> {
    let age = OffsetDateTime::now_utc().unix_timestamp() - record.signed_in_at;
    let expired = age < 0 || age as u64 > state.config.session_absolute_timeout.as_secs();
    if current_epoch == Some(record.epoch) && !expired {
        return Ok(true);
    }
    crate::auth::session::sign_out(session).await?;
    crate::auth::session::flash(
        session,
        crate::auth::session::FlashKind::Info,
        &messages::FLASH_SESSION_ENDED.to_string(),
    )
    .await?;
    Ok(false)
}

/// Someone who can be signed in to a page: a partner user or a staff member. Both realms
/// keep a signed-in record under their own session key and end the session when the
/// account's epoch moved on or the absolute lifetime passed.
pub trait SignedInAccount: Sized + Clone + Send + Sync {
    /// The session key of this realm's signed-in record.
    const SESSION_KEY: &'static str;

    /// The account by id, if it may still sign in.
    fn load(
        state: &AppState,
        id: uuid::Uuid,
    ) -> impl std::future::Future<Output = sqlx::Result<Option<Self>>> + Send;

    /// The account's current session epoch.
    fn epoch(&self) -> i32;

    /// Where someone without a session of this realm is sent.
    fn sign_in_redirect(parts: &Parts) -> Response;

    /// A page to see before any other (a password that must be changed), if any.
    fn detour(&self, _parts: &Parts) -> Option<Response> {
        None
    }

    /// The page to show instead when this account's organisation is not the kind the page
    /// is for (a customer's user on a partner page).
    fn outside_realm(_ctx: &PageCtx<Self>, _account: &Self, _parts: &Parts) -> Option<Response>
    where
        Self: Sized,
    {
        None
    }

    /// The language the account chose, if any: its pages are in it on every device.
    fn language(&self) -> Option<crate::i18n::Lang>;

    /// The time zone the account's pages show times in (none: UTC).
    fn time_zone(&self) -> Option<&str> {
        None
    }
}

impl SignedInAccount for SessionUser {
    const SESSION_KEY: &'static str = AUTH_KEY;

    async fn load(state: &AppState, id: uuid::Uuid) -> sqlx::Result<Option<Self>> {
        state.caches.load_user(&state.db, id).await
    }

    fn epoch(&self) -> i32 {
        self.session_epoch
    }

    fn language(&self) -> Option<crate::i18n::Lang> {
        self.language.as_deref().and_then(crate::i18n::Lang::parse)
    }

    fn time_zone(&self) -> Option<&str> {
        Some(&self.time_zone)
    }

    /// A colleague on a temporary password changes it before anything else.
    fn detour(&self, parts: &Parts) -> Option<Response> {
        (self.must_change_password && parts.uri.path() != "/account/password")
            .then(|| Redirect::to("/account/password").into_response())
    }

    /// A customer's user opens only the pages for customers; a partner page says it is for
    /// partner organisations (and how to enroll: with another work account).
    fn outside_realm(ctx: &PageCtx<Self>, account: &Self, parts: &Parts) -> Option<Response> {
        if !account.tenant_kind.is_customer() || customer_may_open(parts.uri.path()) {
            return None;
        }
        let page = PartnerOnlyPage {
            ctx: ctx.clone(),
            organisation: account.organisation.clone(),
        };
        Some(match askama::Template::render(&page) {
            Ok(html) => (
                axum::http::StatusCode::FORBIDDEN,
                axum::response::Html(html),
            )
                .into_response(),
            Err(e) => AppError::from(e).into_response(),
        })
    }

    /// To sign in and back to the page (after a form post, to the dashboard).
    fn sign_in_redirect(parts: &Parts) -> Response {
        let target = match parts.method {
            axum::http::Method::GET => parts.uri.path_and_query().map(|p| p.as_str()),
            _ => None,
        };
        SignInRedirect(target.unwrap_or("/dashboard").to_owned()).into_response()
    }
}

/// The pages a customer's user may open: its dashboard and its own account's pages.
fn customer_may_open(path: &str) -> bool {
    const PAGES: &[&str] = &[
        "/dashboard",
        "/account/password",
        "/customer/",
        "/customer-invitations/",
    ];
    PAGES
        .iter()
        .any(|p| path == *p || (p.ends_with('/') && path.starts_with(p)))
}

/// A partner page opened by a customer's user.
#[derive(askama::Template)]
#[template(path = "partner_only.html")]
struct PartnerOnlyPage {
    ctx: Ctx,
    organisation: String,
}

/// The request's path and query (what the language switch returns to).
pub fn here(parts: &Parts) -> String {
    here_of(&parts.uri)
}

/// The path and query of `uri`.
pub fn here_of(uri: &axum::http::Uri) -> String {
    uri.path_and_query()
        .map_or_else(|| "/".to_owned(), |p| p.as_str().to_owned())
}

/// Loads the session's signed-in account of realm `A`, ending the session when it no
/// longer holds.
pub async fn signed_in_account<A: SignedInAccount>(
    state: &AppState,
    session: &Session,
) -> Result<Option<A>, AppError> {
    let Some(record) = session.get::<SignedInRecord>(A::SESSION_KEY).await? else {
        return Ok(None);
    };
    let account = A::load(state, record.user_id).await?;
    let current_epoch = account.as_ref().map(A::epoch);
    let valid = still_signed_in(session, &record, current_epoch, state).await?;
    let account = account.filter(|_| valid);
    if let Some(lang) = account.as_ref().and_then(A::language) {
        crate::i18n::set_current(lang);
    }
    if let Some(zone) = account.as_ref().and_then(A::time_zone) {
        crate::i18n::format::set_zone(zone);
    }
    Ok(account)
}

impl<A: SignedInAccount + 'static> FromRequestParts<AppState> for PageCtx<A> {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let (session, csrf_token, flash) = page_session(parts, state).await?;
        let account = signed_in_account::<A>(state, &session).await?;
        Ok(PageCtx {
            csrf_token,
            account,
            flash,
            session,
            here: here(parts),
            idle_timeout: state.config.session_idle_timeout,
        })
    }
}

/// A page that needs a signed-in account of realm `A`: anyone else is sent to that realm's
/// sign-in (see [`SignedInAccount::sign_in_redirect`]), and an account that must do
/// something first is sent there ([`SignedInAccount::detour`]).
/// Its fields: the page context (its `account` is set) and the signed-in account, as in
/// `Signed(ctx, user): SignedIn`.
pub struct Signed<A>(pub PageCtx<A>, pub A);

/// A partner page that needs a signed-in user.
pub type SignedIn = Signed<SessionUser>;

/// Sends the browser to the sign-in page, to come back to `path` afterwards.
pub struct SignInRedirect(String);

impl IntoResponse for SignInRedirect {
    fn into_response(self) -> Response {
        Redirect::to(&format!("/signin?next={}", encode_query_value(&self.0))).into_response()
    }
}

impl<A: SignedInAccount + 'static> FromRequestParts<AppState> for Signed<A> {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let ctx = PageCtx::<A>::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let Some(account) = ctx.account.clone() else {
            return Err(A::sign_in_redirect(parts));
        };
        if let Some(detour) = account.detour(parts) {
            return Err(detour);
        }
        if let Some(refusal) = A::outside_realm(&ctx, &account, parts) {
            return Err(refusal);
        }
        Ok(Signed(ctx, account))
    }
}

impl<A: SignedInAccount + 'static> OptionalFromRequestParts<AppState> for Signed<A> {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Option<Self>, Self::Rejection> {
        let ctx =
            <PageCtx<A> as FromRequestParts<AppState>>::from_request_parts(parts, state).await?;
        Ok(ctx.account.clone().map(|account| Signed(ctx, account)))
    }
}

/// A capability a route requires, as a type: one marker per [`Capability`] (see [`can`]).
pub trait Requires: Send + Sync {
    /// The capability.
    const CAPABILITY: Capability;
}

/// The capability markers for [`Can`]: `Can<can::ProviderTasks>`.
pub mod can {
    use super::{Capability, Requires};

    macro_rules! markers {
        ($($name:ident),*) => {$(
            #[doc = concat!("Requires [`Capability::", stringify!($name), "`].")]
            pub struct $name;
            impl Requires for $name {
                const CAPABILITY: Capability = Capability::$name;
            }
        )*};
    }
    markers!(
        ManageApplications,
        DownloadEvidence,
        ProviderTasks,
        ResellerTasks,
        AuthoriseProvider,
        ManageUsers,
        EditProfile,
        RevokeAdminAccess,
        SeeCustomers,
        PlaceOrders,
        ManageSubscriptions
    );
}

/// A signed-in partner user whose role may do `R` (from the table in
/// [`crate::domain::authz`]); anyone else signed in gets a 403 page that says which roles
/// may and who in the organisation holds them.
pub struct Can<R>(pub SignedIn, pub std::marker::PhantomData<R>);

impl<R: Requires> FromRequestParts<AppState> for Can<R> {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let signed_in =
            <SignedIn as FromRequestParts<AppState>>::from_request_parts(parts, state).await?;
        if signed_in.1.roles.can(R::CAPABILITY) {
            return Ok(Can(signed_in, std::marker::PhantomData));
        }
        let Signed(ctx, user) = signed_in;
        Err(forbidden(state, ctx, &user, R::CAPABILITY)
            .await
            .unwrap_or_else(IntoResponse::into_response))
    }
}

/// The page a user sees when their role may not do `capability`.
#[derive(askama::Template)]
#[template(path = "forbidden.html")]
struct ForbiddenPage {
    ctx: Ctx,
    capability: Capability,
    roles: Vec<crate::domain::tenant::Role>,
    /// Name and address of each user of the organisation who holds one of `roles`.
    holders: Vec<(String, String)>,
}

async fn forbidden(
    state: &AppState,
    ctx: Ctx,
    user: &crate::db::users::SessionUser,
    capability: Capability,
) -> Result<Response, AppError> {
    let roles = crate::domain::authz::roles_that_can(capability);
    let holders = crate::flows::accounts::holders_of(state, user.tenant_id, &roles).await?;
    let page = ForbiddenPage {
        ctx,
        capability,
        roles,
        holders,
    };
    Ok((
        axum::http::StatusCode::FORBIDDEN,
        axum::response::Html(askama::Template::render(&page)?),
    )
        .into_response())
}

/// The peer's IP address as text (for rate limits and the audit trail).
pub struct ClientIp(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let ip = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| addr.ip().to_string())
            .unwrap_or_else(|| "unknown".into());
        Ok(ClientIp(ip))
    }
}

/// The browser's device cookie (set at a successful sign-in; see [`with_device_cookie`]).
pub struct DeviceCookie(pub Option<String>);

/// The device cookie's name: `__Host-` prefixed when cookies are secure.
fn device_cookie_name(secure: bool) -> &'static str {
    if secure {
        "__Host-pp_device"
    } else {
        "pp_device"
    }
}

impl FromRequestParts<AppState> for DeviceCookie {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let name = device_cookie_name(state.config.cookie_secure);
        let value = crate::web::cookies::request_cookie(&parts.headers, name);
        Ok(DeviceCookie(value.map(str::to_owned)))
    }
}

/// Adds the device cookie (a year, HttpOnly) to `response` when sign-in made a new device id.
pub fn with_device_cookie(
    mut response: Response,
    device: Option<String>,
    secure: bool,
) -> Response {
    if let Some(device) = device {
        crate::web::cookies::set_cookie(
            &mut response,
            device_cookie_name(secure),
            device,
            secure,
            Some(time::Duration::days(365)),
        );
    }
    response
}

/// A cookie that says this browser signed in and has not signed out since (no value of
/// its own; it lasts as long as the browser session). With it, a missing session means
/// the session expired: the sign-in page says so, and a form sent meanwhile is kept.
pub const SIGNED_IN_COOKIE: &str = "pp_signed_in";

/// Session key of the answers of a form sent after the session had expired.
pub const RESUME_KEY: &str = "resume";

/// Pages whose forms take back answers kept from an expired session (the wizards' steps;
/// their GET handlers take [`Resumed`]).
pub const RESUMABLE: &[&str] = &[
    "/enroll/partner-id",
    "/enroll/legal-profile",
    "/enroll/primary-contact",
    "/enroll/support",
    "/enroll/direct/support",
    "/enroll/direct/operations",
];

/// A form's answers kept across signing in again.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Resume {
    /// The page the form was on (path only).
    pub path: String,
    /// The form's fields as sent (without its token).
    pub fields: Vec<(String, String)>,
}

/// `response` marking (or, `false`, no longer marking) this browser as signed in.
pub fn with_signed_in_marker(mut response: Response, signed_in: bool, secure: bool) -> Response {
    let age = (!signed_in).then_some(time::Duration::ZERO);
    crate::web::cookies::set_cookie(
        &mut response,
        SIGNED_IN_COOKIE,
        if signed_in { "1" } else { "" }.to_owned(),
        secure,
        age,
    );
    response
}

/// True when this browser signed in and has not signed out since.
pub fn was_signed_in(headers: &axum::http::HeaderMap) -> bool {
    crate::web::cookies::request_cookie(headers, SIGNED_IN_COOKIE).is_some_and(|v| !v.is_empty())
}

/// The path and query of the page a form was sent from (its `Referer`, when it is a path
/// of this site).
pub fn referring_page(headers: &axum::http::HeaderMap) -> Option<String> {
    let referer = headers.get(axum::http::header::REFERER)?.to_str().ok()?;
    let host = headers.get(axum::http::header::HOST)?.to_str().ok()?;
    let url = url::Url::parse(referer).ok()?;
    let authority = match url.port() {
        Some(port) => format!("{}:{port}", url.host_str()?),
        None => url.host_str()?.to_owned(),
    };
    if authority != host {
        return None;
    }
    Some(match url.query() {
        Some(query) => format!("{}?{query}", url.path()),
        None => url.path().to_owned(),
    })
}

/// The answers kept for this page from a form sent after the session expired (taken out
/// of the session: they fill the form once), as the form's type `T`.
pub struct Resumed<T>(pub Option<T>);

impl<T: serde::de::DeserializeOwned> FromRequestParts<AppState> for Resumed<T> {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        _state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let Some(session) = parts.extensions.get::<Session>().cloned() else {
            return Ok(Resumed(None));
        };
        let Ok(Some(resume)) = session.get::<Resume>(RESUME_KEY).await else {
            return Ok(Resumed(None));
        };
        if resume.path != parts.uri.path() {
            return Ok(Resumed(None));
        }
        let _ = session.remove_value(RESUME_KEY).await;
        let form = serde_urlencoded::to_string(&resume.fields)
            .ok()
            .and_then(|encoded| serde_urlencoded::from_str::<T>(&encoded).ok());
        Ok(Resumed(form))
    }
}
