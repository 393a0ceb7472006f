//! An application's status page, with resend and withdraw.

use crate::db::{self, applications::Application};
use crate::domain::application::ApplicationState;
use crate::domain::application::Program;
use crate::error::AppError;
use crate::flows::enrollment::{self, ResendOutcome};
use crate::flows::lifecycle::{self, AnswerOutcome};
use crate::i18n::filters;
use crate::messages::{self, when};
use crate::state::AppState;
use crate::web::ctx::Signed;
use crate::web::ctx::{Can, ClientIp, Ctx, SignedIn, can};
use crate::web::flash::{FlashKind, redirect_with_flash};
use crate::web::form::{FormState, Path};
use crate::web::view::describe_event;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use uuid::Uuid;

/// Routes of this area.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/applications/{id}", get(show))
        .route("/status/{token}", get(contact_status))
        .route("/applications/{id}/resend-verification", post(resend))
        .route(
            "/applications/{id}/withdraw",
            get(confirm_withdraw).post(withdraw),
        )
        .route("/applications/{id}/answer", post(answer))
}

/// The signed-in tenant's application; another tenant's id is a 404.
async fn own_application(
    state: &AppState,
    tenant_id: Uuid,
    id: Uuid,
) -> Result<Application, AppError> {
    db::applications::find_for_tenant(&state.db, tenant_id, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// One line of the timeline.
pub struct TimelineEntry {
    /// When, in words.
    pub when: String,
    /// Who.
    pub who: String,
    /// What happened.
    pub what: String,
    /// Reason or message, if any.
    pub detail: Option<String>,
}

/// A check and its state.
pub struct Check {
    /// What is checked.
    pub name: messages::Msg,
    /// Its state in words.
    pub status: String,
    /// Colour class: green, red, grey or blue.
    pub tone: &'static str,
}

/// The status page.
#[derive(Template, WebTemplate)]
#[template(path = "applications/show.html")]
pub struct StatusPage {
    ctx: Ctx,
    app: Application,
    state_words: messages::Msg,
    next_steps: messages::Msg,
    checks: Vec<Check>,
    timeline: Vec<TimelineEntry>,
    can_resend: bool,
    can_withdraw: bool,
    contact_declined: bool,
    can_answer: bool,
    answer: String,
    errors: crate::domain::FormErrors,
    direct: Option<DirectStatus>,
}

/// What the status page adds for a direct-bill application.
pub struct DirectStatus {
    /// One line per requirement.
    pub lines: Vec<crate::web::view::RequirementLine>,
    /// Evidence files.
    pub documents: Vec<db::direct_bill::Document>,
    /// Declared revenue.
    pub revenue: String,
}

async fn direct_status(
    state: &AppState,
    app: &Application,
) -> Result<Option<DirectStatus>, AppError> {
    if app.program != Program::DirectBill {
        return Ok(None);
    }
    let answers = db::direct_bill::answers(&state.db, app.application_id).await?;
    let documents = db::direct_bill::documents(&state.db, app.application_id).await?;
    let checks = db::direct_bill::checks(&state.db, app.application_id).await?;
    let partner_id_active = crate::flows::direct_bill::standing(
        state,
        app.tenant_id,
        crate::domain::direct_bill::today(),
    )
    .await?
    .partner_id_active;
    Ok(Some(DirectStatus {
        lines: crate::web::view::requirement_lines(
            app,
            &answers,
            documents.len(),
            &checks,
            partner_id_active,
        ),
        revenue: answers
            .revenue_usd_cents
            .map(crate::domain::direct_bill::format_usd)
            .unwrap_or_default(),
        documents,
    }))
}

fn checks(app: &Application, declined: bool) -> Vec<Check> {
    let s = app.state;
    let contact = match (app.contact_verified_at, s, declined) {
        (Some(t), _, _) => Check {
            name: messages::CHECK_CONTACT_EMAIL,
            status: crate::i18n::t_args("check-confirmed-on", &[("date", when(t).into())]),
            tone: "green",
        },
        (None, ApplicationState::AwaitingContactVerification, true) => Check {
            name: messages::CHECK_CONTACT_EMAIL,
            status: messages::NOT_CONFIRMED_CONTACT_DECLINED.into(),
            tone: "red",
        },
        (None, ApplicationState::AwaitingContactVerification, false) => Check {
            name: messages::CHECK_CONTACT_EMAIL,
            status: messages::WAITING_CONTACT_CONFIRM.into(),
            tone: "blue",
        },
        _ => Check {
            name: messages::CHECK_CONTACT_EMAIL,
            status: messages::CHECK_NOT_STARTED.into(),
            tone: "grey",
        },
    };
    let review = match s {
        ApplicationState::InReview => Check {
            name: messages::CHECK_REVIEW,
            status: messages::CHECK_IN_PROGRESS.into(),
            tone: "blue",
        },
        ApplicationState::InfoRequested => Check {
            name: messages::CHECK_REVIEW,
            status: messages::WAITING_ANSWER.into(),
            tone: "blue",
        },
        ApplicationState::Approved => Check {
            name: messages::CHECK_REVIEW,
            status: messages::PLAIN_APPROVED.into(),
            tone: "green",
        },
        ApplicationState::Rejected => Check {
            name: messages::CHECK_REVIEW,
            status: messages::PLAIN_REJECTED.into(),
            tone: "red",
        },
        _ => Check {
            name: messages::CHECK_REVIEW,
            status: messages::CHECK_NOT_STARTED.into(),
            tone: "grey",
        },
    };
    vec![contact, review]
}

async fn show(
    State(state): State<AppState>,
    Signed(ctx, user): SignedIn,
    Path(id): Path<Uuid>,
) -> Result<StatusPage, AppError> {
    let app = own_application(&state, user.tenant_id, id).await?;
    status_page(&state, ctx, &user, app, FormState::blank()).await
}

async fn status_page(
    state: &AppState,
    ctx: Ctx,
    user: &db::users::SessionUser,
    app: Application,
    answer: FormState<String>,
) -> Result<StatusPage, AppError> {
    let FormState {
        input: answer,
        errors,
    } = answer;
    let events = db::applications::timeline(&state.db, app.application_id, false).await?;
    let waiting = app.state == ApplicationState::AwaitingContactVerification;
    // A decline counts only if no newer link was sent after it.
    let contact_declined = waiting
        && events
            .iter()
            .rev()
            .find(|e| e.kind == "contact_declined" || e.kind == "verification_resent")
            .is_some_and(|e| e.kind == "contact_declined");
    let timeline = events
        .iter()
        .map(|e| TimelineEntry {
            when: when(e.occurred_at),
            who: crate::web::view::describe_actor(e.actor_kind, &e.actor_label, false),
            what: describe_event(&e.kind, e.from_state, e.to_state),
            detail: crate::web::view::describe_detail(&e.kind, e.detail.as_deref()),
        })
        .collect();
    let is_admin = user.is_global_admin();
    let direct = direct_status(state, &app).await?;
    Ok(StatusPage {
        direct,
        state_words: app.state.plain(),
        next_steps: app.state.next_steps(),
        checks: checks(&app, contact_declined),
        timeline,
        can_resend: waiting && is_admin,
        can_withdraw: !app.state.is_final() && app.state != ApplicationState::Draft && is_admin,
        contact_declined,
        can_answer: app.state == ApplicationState::InfoRequested && is_admin,
        answer,
        errors,
        app,
        ctx,
    })
}

async fn resend(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, user), _): Can<can::ManageApplications>,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let app = own_application(&state, user.tenant_id, id).await?;
    let (kind, message) = match enrollment::resend_verification(&state, &user, &app, &ip).await? {
        ResendOutcome::Sent => (FlashKind::Success, messages::SENT_PRIMARY_CONTACT_NEW),
        ResendOutcome::RateLimited => (FlashKind::Warning, messages::SEVERAL_LINKS_SENT_ALREADY),
        ResendOutcome::NotWaiting => (FlashKind::Info, messages::PRIMARY_CONTACT_ALREADY_ANSWERED),
    };
    redirect_with_flash(
        &ctx.session,
        &format!("/applications/{}", app.application_id),
        kind,
        message,
    )
    .await
}

/// The withdraw confirmation page.
#[derive(Template, WebTemplate)]
#[template(path = "applications/withdraw.html")]
pub struct WithdrawPage {
    ctx: Ctx,
    app: Application,
}

async fn confirm_withdraw(
    State(state): State<AppState>,
    Can(Signed(ctx, user), _): Can<can::ManageApplications>,
    Path(id): Path<Uuid>,
) -> Result<WithdrawPage, AppError> {
    let app = own_application(&state, user.tenant_id, id).await?;
    Ok(WithdrawPage { ctx, app })
}

async fn withdraw(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, user), _): Can<can::ManageApplications>,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let app = own_application(&state, user.tenant_id, id).await?;
    let to = format!("/applications/{}", app.application_id);
    if lifecycle::withdraw(&state, &user, &app, &ip).await? {
        ctx.success(&to, messages::APPLICATION_WITHDRAWN_CAN_ENROLL)
            .await
    } else {
        ctx.warning(&to, messages::APPLICATION_CAN_NO_LONGER).await
    }
}

/// The answer to an information request.
#[derive(Debug, Default, serde::Deserialize)]
pub struct AnswerForm {
    #[serde(default)]
    answer: String,
}

async fn answer(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, user), _): Can<can::ManageApplications>,
    Path(id): Path<Uuid>,
    crate::web::form::Form(form): crate::web::form::Form<AnswerForm>,
) -> Result<Response, AppError> {
    use axum::response::IntoResponse;
    let app = own_application(&state, user.tenant_id, id).await?;
    let to = format!("/applications/{}", app.application_id);
    match lifecycle::answer_info_request(&state, &user, &app, &form.answer, &ip).await? {
        AnswerOutcome::Resubmitted => {
            ctx.success(&to, messages::THANK_ANSWER_SENT_APPLICATION)
                .await
        }
        AnswerOutcome::NotWaiting => {
            ctx.info(&to, messages::APPLICATION_NOT_WAITING_ANSWER)
                .await
        }
        AnswerOutcome::Invalid(errors) => {
            let answer = FormState::refused(form.answer, errors);
            let page = status_page(&state, ctx, &user, app, answer).await?;
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// What a primary contact sees behind the link in a status e-mail (no account needed):
/// the organisation, where its application stands and what happens next. Read-only; the
/// link expires.
#[derive(Template, WebTemplate)]
#[template(path = "applications/contact_status.html")]
pub struct ContactStatusPage {
    ctx: Ctx,
    app: Option<crate::db::applications::Application>,
    submitted: String,
}

async fn contact_status(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let app = enrollment::status_link_application(&state, &token).await?;
    let status = if app.is_some() {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    };
    let submitted = app
        .as_ref()
        .and_then(|a| a.submitted_at)
        .map(crate::i18n::format::date_time)
        .unwrap_or_default();
    let page = ContactStatusPage {
        ctx,
        app,
        submitted,
    };
    // The link is a credential of sorts: no cache keeps the page, no referrer leaks it.
    Ok((
        status,
        [
            (axum::http::header::CACHE_CONTROL, "no-store"),
            (axum::http::header::REFERRER_POLICY, "no-referrer"),
        ],
        page,
    )
        .into_response())
}
