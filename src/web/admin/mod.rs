//! The operator's back office (`/admin/...`), for operator staff only. Staff sessions are
//! kept apart from partner sessions: a partner session never opens an admin page, and a
//! staff session never opens a partner's private page.

pub mod audit;
pub mod customers;
pub mod delivery;
pub mod direct_bill;
pub mod profiles;
pub mod providers;
pub mod queue;
pub mod reset;
pub mod review;
pub mod session;
pub mod settings;
pub mod staff;

use crate::db::staff::Staff;
use crate::error::AppError;
use crate::state::AppState;
use crate::web::ctx::{PageCtx, Signed, SignedInAccount};
use axum::Router;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};

/// Session key of a signed-in staff member.
pub const STAFF_KEY: &str = "staff_auth";

/// Routes of the back office.
pub fn router() -> Router<AppState> {
    Router::new()
        .merge(session::router())
        .merge(reset::router())
        .merge(queue::router())
        .merge(review::router())
        .merge(direct_bill::router())
        .merge(audit::router())
        .merge(settings::router())
        .merge(delivery::router())
        .merge(staff::router())
        .merge(providers::router())
        .merge(profiles::router())
        .merge(customers::router())
}

/// A back-office page's context.
pub type StaffCtx = PageCtx<Staff>;

impl SignedInAccount for Staff {
    const SESSION_KEY: &'static str = STAFF_KEY;

    async fn load(state: &AppState, id: uuid::Uuid) -> sqlx::Result<Option<Self>> {
        state.caches.load_staff(&state.db, id).await
    }

    fn epoch(&self) -> i32 {
        self.session_epoch
    }

    fn language(&self) -> Option<crate::i18n::Lang> {
        self.language.as_deref().and_then(crate::i18n::Lang::parse)
    }

    fn sign_in_redirect(_parts: &Parts) -> Response {
        Redirect::to("/admin/signin").into_response()
    }

    fn detour(&self, parts: &Parts) -> Option<Response> {
        (self.must_change_password && parts.uri.path() != "/admin/password")
            .then(|| Redirect::to("/admin/password").into_response())
    }
}

/// A page for signed-in staff. Anyone else is sent to the staff sign-in; staff whose
/// password must be changed are sent to change it first.
pub type SignedInStaff = Signed<Staff>;

/// Signed-in staff with the operator-admin role; reviewers get 403.
pub struct OperatorAdmin(pub SignedInStaff);

impl FromRequestParts<AppState> for OperatorAdmin {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let signed_in = SignedInStaff::from_request_parts(parts, state).await?;
        if !signed_in.1.is_operator_admin() {
            return Err(AppError::Forbidden.into_response());
        }
        Ok(OperatorAdmin(signed_in))
    }
}

/// A submitted application by id. Drafts (and drafts withdrawn before submission) are the
/// applicant's own business: to staff they do not exist.
pub(crate) async fn load(
    state: &AppState,
    id: uuid::Uuid,
) -> Result<crate::db::applications::Application, AppError> {
    crate::flows::review::load(state, id)
        .await?
        .ok_or(AppError::NotFound)
}
