//! Staff management (`/admin/staff`, operator admins) and accepting an invitation.

use super::session::start_staff_session;
use super::{OperatorAdmin, StaffCtx};
use crate::db::{
    self,
    staff::{Invitation, StaffListing},
};
use crate::domain::FormErrors;
use crate::domain::staff::StaffRole;
use crate::error::AppError;
use crate::flows::staff::{self, AcceptOutcome, InviteInput};
use crate::i18n::filters;
use crate::messages::{self, when};
use crate::state::AppState;
use crate::web::ctx::ClientIp;
use crate::web::ctx::Signed;
use crate::web::form::{Form, FormState, Path};
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use uuid::Uuid;

/// Routes of this area.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/staff", get(show))
        .route("/admin/staff/invite", post(invite))
        .route("/admin/staff/invitations/{id}/resend", post(resend))
        .route("/admin/staff/invitations/{id}/revoke", post(revoke))
        .route("/admin/staff/{id}/role", post(change_role))
        .route("/admin/staff/{id}/disable", post(disable))
        .route("/admin/staff/{id}/enable", post(enable))
        .route("/admin/staff/{id}/clear-locks", post(clear_locks))
        .route("/admin/invitations/{token}", get(show_accept).post(accept))
}

/// A pending invitation as shown.
pub struct PendingRow {
    /// The invitation.
    pub invitation: Invitation,
    /// Role in words.
    pub role: messages::Msg,
    /// Expiry in words.
    pub expires: String,
    /// Already expired.
    pub expired: bool,
}

/// The staff page.
#[derive(Template, WebTemplate)]
#[template(path = "admin/staff.html")]
pub struct StaffPage {
    ctx: StaffCtx,
    me: Uuid,
    staff: Vec<StaffListing>,
    pending: Vec<PendingRow>,
    form: InviteInput,
    errors: FormErrors,
    roles: [StaffRole; 2],
}

async fn page(
    state: &AppState,
    ctx: StaffCtx,
    me: Uuid,
    FormState {
        input: form,
        errors,
    }: FormState<InviteInput>,
) -> Result<StaffPage, AppError> {
    let now = time::OffsetDateTime::now_utc();
    let pending = db::staff::pending_invitations(&state.db)
        .await?
        .into_iter()
        .map(|i| PendingRow {
            role: i.role.label(),
            expires: when(i.expires_at),
            expired: i.expires_at <= now,
            invitation: i,
        })
        .collect();
    Ok(StaffPage {
        ctx,
        me,
        staff: db::staff::list_all(&state.db).await?,
        pending,
        form,
        errors,
        roles: StaffRole::ALL,
    })
}

async fn show(
    State(state): State<AppState>,
    OperatorAdmin(Signed(ctx, staff)): OperatorAdmin,
) -> Result<StaffPage, AppError> {
    page(&state, ctx, staff.staff_id, FormState::blank()).await
}

async fn invite(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    OperatorAdmin(Signed(ctx, staff)): OperatorAdmin,
    Form(form): Form<InviteInput>,
) -> Result<Response, AppError> {
    match staff::invite(&state, &staff, &form, &ip).await? {
        Ok(()) => {
            let message = messages::invitation_sent(form.email.trim());
            ctx.success("/admin/staff", &message).await
        }
        Err(errors) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            page(
                &state,
                ctx,
                staff.staff_id,
                FormState::refused(form, errors),
            )
            .await?,
        )
            .into_response()),
    }
}

async fn resend(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    OperatorAdmin(Signed(ctx, staff)): OperatorAdmin,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    if !staff::resend_invitation(&state, &staff, id, &ip).await? {
        return Err(AppError::NotFound);
    }
    ctx.success("/admin/staff", messages::INVITATION_SENT_AGAIN_WITH)
        .await
}

async fn revoke(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    OperatorAdmin(Signed(ctx, staff)): OperatorAdmin,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    if !staff::revoke_invitation(&state, &staff, id, &ip).await? {
        return Err(AppError::NotFound);
    }
    ctx.success("/admin/staff", messages::INVITATION_REVOKED)
        .await
}

async fn set_disabled(
    state: &AppState,
    ip: &str,
    ctx: StaffCtx,
    staff: &db::staff::Staff,
    id: Uuid,
    disabled: bool,
) -> Result<Response, AppError> {
    if !staff::set_disabled(state, staff, id, disabled, ip).await? {
        return Err(AppError::Forbidden);
    }
    let message = if disabled {
        messages::STAFF_MEMBER_DISABLED_THEIR
    } else {
        messages::STAFF_MEMBER_ENABLED_AGAIN
    };
    ctx.success("/admin/staff", message).await
}

async fn disable(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    OperatorAdmin(Signed(ctx, staff)): OperatorAdmin,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    set_disabled(&state, &ip, ctx, &staff, id, true).await
}

async fn enable(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    OperatorAdmin(Signed(ctx, staff)): OperatorAdmin,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    set_disabled(&state, &ip, ctx, &staff, id, false).await
}

/// The role form on the staff list.
#[derive(Debug, Default, Deserialize)]
pub struct RoleForm {
    #[serde(default)]
    role: String,
}

async fn change_role(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    OperatorAdmin(Signed(ctx, staff)): OperatorAdmin,
    Path(id): Path<Uuid>,
    Form(form): Form<RoleForm>,
) -> Result<Response, AppError> {
    let Some(role) = StaffRole::parse(form.role.trim()) else {
        return ctx
            .warning("/admin/staff", messages::STAFF_ROLE_REQUIRED)
            .await;
    };
    if !staff::change_role(&state, &staff, id, role, &ip).await? {
        return Err(AppError::Forbidden);
    }
    ctx.success("/admin/staff", messages::Msg("admin-staff-role-changed"))
        .await
}

async fn clear_locks(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    OperatorAdmin(Signed(ctx, staff)): OperatorAdmin,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    if !staff::clear_staff_locks(&state, &staff, id, &ip).await? {
        return Err(AppError::NotFound);
    }
    ctx.success("/admin/staff", messages::SIGN_LOCKS_CLEARED_STAFF)
        .await
}

/// The page behind an invitation link.
#[derive(Template, WebTemplate)]
#[template(path = "admin/accept.html")]
pub struct AcceptPage {
    ctx: StaffCtx,
    token: String,
    invitation: Option<Invitation>,
    role: Option<messages::Msg>,
    errors: FormErrors,
}

async fn show_accept(
    State(state): State<AppState>,
    ctx: StaffCtx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let invitation =
        db::staff::invitation_by_token(&state.db, &crate::domain::token::hash_token(&token))
            .await?;
    let status = if invitation.is_some() {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    };
    let role = invitation.as_ref().map(|i| i.role.label());
    Ok((
        status,
        AcceptPage {
            ctx,
            token,
            invitation,
            role,
            errors: FormErrors::default(),
        },
    )
        .into_response())
}

/// What the accept form sends.
#[derive(Debug, Default, Deserialize)]
pub struct AcceptForm {
    #[serde(default)]
    password: String,
}

async fn accept(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    ctx: StaffCtx,
    Path(token): Path<String>,
    Form(form): Form<AcceptForm>,
) -> Result<Response, AppError> {
    match staff::accept_invitation(&state, &token, &form.password, &ip).await? {
        AcceptOutcome::Joined { staff_id, epoch } => {
            start_staff_session(&ctx.session, staff_id, epoch).await?;
            ctx.success("/admin/applications", messages::WELCOME_BACK_OFFICE)
                .await
        }
        AcceptOutcome::LinkInvalid => Ok((
            StatusCode::NOT_FOUND,
            AcceptPage {
                ctx,
                token,
                invitation: None,
                role: None,
                errors: FormErrors::default(),
            },
        )
            .into_response()),
        AcceptOutcome::Invalid(errors) => {
            let invitation = db::staff::invitation_by_token(
                &state.db,
                &crate::domain::token::hash_token(&token),
            )
            .await?;
            let role = invitation.as_ref().map(|i| i.role.label());
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                AcceptPage {
                    ctx,
                    token,
                    invitation,
                    role,
                    errors,
                },
            )
                .into_response())
        }
    }
}
