//! The partner agreement: read by anyone in the tenant, accepted by a global admin.

use crate::db::{self, agreements::Agreement};
use crate::domain::FormErrors;
use crate::domain::application::Program;
use crate::error::AppError;
use crate::flows::agreement::{self, AgreementOutcome};
use crate::i18n::filters;
use crate::messages;
use crate::messages::when;
use crate::state::AppState;
use crate::web::ctx::Signed;
use crate::web::ctx::{Can, ClientIp, Ctx, SignedIn, can};
use crate::web::form::Form;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;

/// Routes of this area.
pub fn router() -> Router<AppState> {
    Router::new().route("/agreement", get(show).post(accept))
}

/// The agreement page.
#[derive(Template, WebTemplate)]
#[template(path = "agreement/show.html")]
pub struct AgreementPage {
    ctx: Ctx,
    agreement: Agreement,
    paragraphs: Vec<String>,
    accepted: Option<String>,
    approved: bool,
    is_admin: bool,
    accept_label: String,
    errors: FormErrors,
}

async fn page(
    state: &AppState,
    ctx: Ctx,
    user: &db::users::SessionUser,
    errors: FormErrors,
) -> Result<AgreementPage, AppError> {
    let agreement = db::agreements::current(&state.db).await?;
    let accepted = db::agreements::acceptance_of_current(&state.db, user.tenant_id)
        .await?
        .map(|a| {
            messages::version_was_accepted(a.version, a.accepted_by_name, when(a.accepted_at))
        });
    let approved =
        db::applications::is_approved(&state.db, user.tenant_id, Program::IndirectReseller).await?;
    let paragraphs = agreement.body.split("\n\n").map(str::to_owned).collect();
    Ok(AgreementPage {
        ctx,
        paragraphs,
        accepted,
        approved,
        is_admin: user.is_global_admin(),
        accept_label: messages::i_read_partner_agreement(agreement.version),
        agreement,
        errors,
    })
}

async fn show(
    State(state): State<AppState>,
    Signed(ctx, user): SignedIn,
) -> Result<AgreementPage, AppError> {
    page(&state, ctx, &user, FormErrors::default()).await
}

/// What the acceptance form sends.
#[derive(Debug, Default, Deserialize)]
pub struct AcceptForm {
    #[serde(default)]
    version: i32,
    #[serde(default)]
    accept: Option<String>,
}

async fn accept(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, user), _): Can<can::ManageApplications>,
    Form(form): Form<AcceptForm>,
) -> Result<Response, AppError> {
    let current = db::agreements::current(&state.db).await?;
    if form.accept.is_none() || form.version != current.version {
        let mut errors = FormErrors::default();
        let message = if form.version != current.version {
            messages::AGREEMENT_CHANGED_SINCE_OPENED
        } else {
            messages::CONFIRMATION_REQUIRED
        };
        errors.add("accept", message);
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            page(&state, ctx, &user, errors).await?,
        )
            .into_response());
    }
    match agreement::accept_agreement(&state, &user, current.version, &ip).await? {
        AgreementOutcome::Accepted => {
            ctx.success(
                "/dashboard",
                messages::ACCEPTED_PARTNER_AGREEMENT_ORGANISATION,
            )
            .await
        }
        AgreementOutcome::AlreadyAccepted => {
            ctx.info("/dashboard", messages::VERSION_AGREEMENT_WAS_ALREADY)
                .await
        }
        AgreementOutcome::NotApproved => {
            ctx.warning("/agreement", messages::AGREEMENT_CAN_ACCEPTED_ONCE)
                .await
        }
    }
}
