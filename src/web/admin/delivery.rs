//! E-mail delivery (`/admin/email`), for operator admins: queued, retrying and given-up
//! messages, and queueing a given-up one again.

use super::{OperatorAdmin, StaffCtx};
use crate::error::AppError;
use crate::flows::delivery::{self, Delivery};
use crate::i18n::filters;
use crate::messages::Msg;
use crate::state::AppState;
use crate::web::ctx::{ClientIp, Signed};
use crate::web::form::Path;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, post};

/// Routes of this area.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/email", get(show))
        .route("/admin/email/{id}/requeue", post(requeue))
}

/// The delivery page.
#[derive(Template, WebTemplate)]
#[template(path = "admin/email.html")]
pub struct DeliveryPage {
    ctx: StaffCtx,
    delivery: Delivery,
    listed: i64,
}

async fn show(
    State(state): State<AppState>,
    OperatorAdmin(Signed(ctx, _)): OperatorAdmin,
) -> Result<DeliveryPage, AppError> {
    Ok(DeliveryPage {
        ctx,
        delivery: delivery::overview(&state).await?,
        listed: delivery::LISTED,
    })
}

async fn requeue(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    OperatorAdmin(Signed(ctx, staff)): OperatorAdmin,
    Path(id): Path<uuid::Uuid>,
) -> Result<Response, AppError> {
    if delivery::requeue(&state, &staff, id, &ip).await? {
        ctx.success("/admin/email", Msg("email-requeued")).await
    } else {
        ctx.info("/admin/email", Msg("email-not-given-up")).await
    }
}
