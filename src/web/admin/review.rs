//! One application in the back office: every answer, the timeline, and the reviewers'
//! actions (assign, note, approve, reject, request more information).

use super::{SignedInStaff, StaffCtx, load};
use crate::db::{
    self, applications::Application, memberships::Membership, staff::Staff, tenants::TenantOverview,
};
use crate::domain::FormErrors;
use crate::domain::application::ApplicationState;
use crate::domain::application::Program;
use crate::domain::direct_bill::{CheckStep, RecordedOutcome};
use crate::error::AppError;
use crate::flows::direct_bill::{CheckInput, CheckRecorded};
use crate::flows::lifecycle;
use crate::flows::review::{self, Decision, DecisionOutcome};
use crate::i18n::filters;
use crate::messages::{self, when};
use crate::state::AppState;
use crate::web::ctx::ClientIp;
use crate::web::ctx::Signed;
use crate::web::form::{Form, FormState, Path};
use crate::web::invalid;
use crate::web::view::describe_event;
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
        .route("/admin/applications/{id}", get(show))
        .route(
            "/admin/applications/{id}/decide/{action}",
            get(confirm).post(decide),
        )
        .route("/admin/applications/{id}/notes", post(add_note))
        .route("/admin/applications/{id}/assign", post(assign))
        .route("/admin/applications/{id}/checks/{step}", post(record_check))
}

/// One timeline line as staff see it.
pub struct StaffEvent {
    /// When.
    pub when: String,
    /// Who.
    pub who: String,
    /// What.
    pub what: String,
    /// Reason, message, answer or note.
    pub detail: Option<String>,
    /// Internal note or assignment.
    pub internal: bool,
}

/// The detail page.
#[derive(Template, WebTemplate)]
#[template(path = "admin/application.html")]
pub struct DetailPage {
    ctx: StaffCtx,
    app: Application,
    state_label: messages::Msg,
    tenant: TenantOverview,
    domain: String,
    membership: Option<Membership>,
    /// Loud warnings about the partner ID.
    membership_warnings: Vec<messages::Msg>,
    /// The membership's country, named in the reader's language.
    membership_country: String,
    /// The organisation's users and their roles (read-only for staff).
    org_users: Vec<crate::db::users::OrgUser>,
    /// The organisation profile (after approval) and its audited changes.
    profile: Option<crate::db::profiles::Profile>,
    profile_changes: Vec<super::profiles::ChangeRow>,
    contact_verified: Option<String>,
    submitted: Option<String>,
    timeline: Vec<StaffEvent>,
    can_decide: bool,
    assignee: Option<String>,
    staff_list: Vec<Staff>,
    me: Staff,
    note: String,
    errors: FormErrors,
    direct: Option<super::direct_bill::DirectPanel>,
    /// The step whose form came back with errors, and what was typed.
    check_step: String,
    check: crate::flows::direct_bill::CheckInput,
}

async fn detail(
    state: &AppState,
    ctx: StaffCtx,
    me: Staff,
    app: Application,
    note: FormState<String>,
) -> Result<DetailPage, AppError> {
    let direct = super::direct_bill::panel(state, &app).await?;
    detail_page(state, ctx, me, app, note.input, note.errors, direct).await
}

/// The detail page with a direct-bill check form's errors and answers.
pub async fn detail_with_check(
    state: &AppState,
    ctx: StaffCtx,
    me: Staff,
    app: Application,
    step: crate::domain::direct_bill::CheckStep,
    check: crate::flows::direct_bill::CheckInput,
    errors: FormErrors,
) -> Result<DetailPage, AppError> {
    let direct = super::direct_bill::panel(state, &app).await?;
    let mut page = detail_page(state, ctx, me, app, String::new(), errors, direct).await?;
    page.check_step = step.code().to_owned();
    page.check = check;
    Ok(page)
}

/// What a reviewer must know about the partner ID before approving, loudly.
async fn membership_warnings(
    state: &AppState,
    app: &Application,
    membership: Option<&db::memberships::Membership>,
) -> Result<Vec<messages::Msg>, AppError> {
    let Some(m) = membership else {
        return Ok(Vec::new());
    };
    let mut warnings = Vec::new();
    if m.held_by_other_than(app.tenant_id) {
        warnings.push(messages::PARTNER_ID_BELONGS_ANOTHER);
    }
    let simple = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    if let Some(legal) = &app.legal_name
        && !simple(legal).contains(&simple(&m.organisation_name))
        && !simple(&m.organisation_name).contains(&simple(legal))
    {
        warnings.push(messages::MEMBERSHIP_S_ORGANISATION_NAME);
    }
    if db::memberships::other_applicants(&state.db, &m.partner_id, app.tenant_id).await? > 0 {
        warnings.push(messages::ANOTHER_ORGANISATION_APPLIED_WITH);
    }
    if !m.active {
        warnings.push(messages::MEMBERSHIP_NOT_ACTIVE);
    }
    Ok(warnings)
}

async fn detail_page(
    state: &AppState,
    ctx: StaffCtx,
    me: Staff,
    app: Application,
    note: String,
    errors: FormErrors,
    direct: Option<super::direct_bill::DirectPanel>,
) -> Result<DetailPage, AppError> {
    let mut tenant = db::tenants::overview(&state.db, app.tenant_id)
        .await?
        .ok_or(AppError::NotFound)?;
    // Country and region in the reader's language.
    if let Some(market) = state.market(&tenant.country_code).await? {
        tenant.country_name = market.country_name().to_owned();
        tenant.region_name = market.region_name().to_owned();
    }
    let membership = match &app.partner_id {
        Some(id) => db::memberships::find(&state.db, id).await?,
        None => None,
    };
    let membership_warnings = membership_warnings(state, &app, membership.as_ref()).await?;
    let timeline = db::applications::timeline(&state.db, app.application_id, true)
        .await?
        .into_iter()
        .map(|e| StaffEvent {
            when: when(e.occurred_at),
            who: crate::web::view::describe_actor(e.actor_kind, &e.actor_label, true),
            what: match e.kind.as_str() {
                "note" => crate::i18n::t("timeline-internal-note"),
                "assigned" => crate::i18n::t("timeline-assignment"),
                kind => describe_event(kind, e.from_state, e.to_state),
            },
            detail: crate::web::view::describe_detail(&e.kind, e.detail.as_deref()),
            internal: e.internal,
        })
        .collect();
    let staff_list = db::staff::list_enabled(&state.db).await?;
    let assignee_id = db::applications::assignee(&state.db, app.application_id).await?;
    let assignee = staff_list
        .iter()
        .find(|s| Some(s.staff_id) == assignee_id)
        .map(|s| s.full_name.clone());
    Ok(DetailPage {
        state_label: app.state.staff_label(),
        domain: state.config.tenant_domain(&tenant.domain_prefix),
        contact_verified: app.contact_verified_at.map(when),
        submitted: app.submitted_at.map(when),
        can_decide: app.state == ApplicationState::InReview,
        tenant,
        org_users: crate::flows::accounts::users_of(state, app.tenant_id).await?,
        profile: crate::flows::profile::profile_of(state, app.tenant_id)
            .await?
            .0,
        profile_changes: super::profiles::change_rows(
            crate::flows::profile::changes_of(state, app.tenant_id).await?,
        ),
        membership_country: match &membership {
            Some(m) => state.country_name(&m.country_code).await?,
            None => String::new(),
        },
        membership,
        membership_warnings,
        timeline,
        assignee,
        staff_list,
        me,
        note,
        errors,
        direct,
        check_step: String::new(),
        check: Default::default(),
        app,
        ctx,
    })
}

async fn show(
    State(state): State<AppState>,
    Signed(ctx, staff): SignedInStaff,
    Path(id): Path<Uuid>,
) -> Result<DetailPage, AppError> {
    let app = load(&state, id).await?;
    detail(&state, ctx, staff, app, FormState::blank()).await
}

/// The confirmation page of a decision.
#[derive(Template, WebTemplate)]
#[template(path = "admin/confirm.html")]
pub struct ConfirmPage {
    ctx: StaffCtx,
    app: Application,
    action: &'static str,
    decision: Decision,
    heading: messages::Msg,
    button: messages::Msg,
    text_label: String,
    text_hint: String,
    text: String,
    version: i32,
    errors: FormErrors,
    conflict: Option<messages::Msg>,
}

fn confirm_page(
    ctx: StaffCtx,
    app: Application,
    decision: Decision,
    version: i32,
    text: String,
    errors: FormErrors,
    conflict: Option<messages::Msg>,
) -> ConfirmPage {
    let (heading, button, text_label, text_hint) = match decision {
        Decision::Approve => (
            messages::APPROVE_HEADING,
            messages::APPROVE_BUTTON,
            String::new(),
            String::new(),
        ),
        Decision::Reject => (
            messages::REJECT_HEADING,
            messages::REJECT_BUTTON,
            messages::REJECT_REASON_LABEL.to_string(),
            messages::APPLICANT_SEES_THEIR_STATUS.to_string(),
        ),
        Decision::RequestInfo => (
            messages::ASK_APPLICANT_MORE_INFORMATION,
            messages::SEND_REQUEST_BUTTON,
            messages::WHAT_APPLICANT_MUST_TELL.to_string(),
            messages::APPLICANT_SEES_THEIR_STATUS_2.to_string(),
        ),
    };
    ConfirmPage {
        ctx,
        app,
        action: decision.code(),
        decision,
        heading,
        button,
        text_label,
        text_hint,
        text,
        version,
        errors,
        conflict,
    }
}

async fn confirm(
    State(state): State<AppState>,
    Signed(ctx, _): SignedInStaff,
    Path((id, decision)): Path<(Uuid, Decision)>,
) -> Result<Response, AppError> {
    let app = load(&state, id).await?;
    let version = app.version;
    let errors = refusal_ahead(&state, &app, decision).await?;
    Ok(confirm_page(ctx, app, decision, version, String::new(), errors, None).into_response())
}

/// Says up front, on the confirmation page, why an approval would be refused.
async fn refusal_ahead(
    state: &AppState,
    app: &Application,
    decision: Decision,
) -> Result<FormErrors, AppError> {
    let mut errors = FormErrors::default();
    if decision == Decision::Approve
        && let Some(blocker) = lifecycle::approval_blocker(state, app).await?
    {
        errors.add("text", blocker);
    }
    Ok(errors)
}

/// What a decision form sends.
#[derive(Debug, Default, Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    version: i32,
    #[serde(default)]
    text: String,
}

async fn decide(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Signed(ctx, staff): SignedInStaff,
    Path((id, decision)): Path<(Uuid, Decision)>,
    Form(form): Form<DecisionForm>,
) -> Result<Response, AppError> {
    let app = load(&state, id).await?;
    let (to, text) = (format!("/admin/applications/{id}"), &form.text);
    match review::decide(&state, &staff, &app, decision, form.version, text, &ip).await? {
        DecisionOutcome::Made(now) => {
            ctx.success(
                &to,
                &messages::decision_made(&now.staff_label().to_string()),
            )
            .await
        }
        DecisionOutcome::Invalid(errors) => invalid(confirm_page(
            ctx,
            app,
            decision,
            form.version,
            form.text,
            errors,
            None,
        )),
        DecisionOutcome::Conflict(now) => {
            let conflict = Some(messages::decision_conflict(now.is_in_review()));
            let app = load(&state, id).await?;
            let (version, no_errors) = (app.version, FormErrors::default());
            let page = confirm_page(ctx, app, decision, version, form.text, no_errors, conflict);
            Ok((StatusCode::CONFLICT, page).into_response())
        }
    }
}

/// What the note form sends.
#[derive(Debug, Default, Deserialize)]
pub struct NoteForm {
    #[serde(default)]
    note: String,
}

async fn add_note(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Signed(ctx, staff): SignedInStaff,
    Path(id): Path<Uuid>,
    Form(form): Form<NoteForm>,
) -> Result<Response, AppError> {
    let app = load(&state, id).await?;
    match review::add_note(&state, &staff, &app, &form.note, &ip).await? {
        Ok(()) => {
            ctx.success(
                &format!("/admin/applications/{}", app.application_id),
                messages::NOTE_ADDED,
            )
            .await
        }
        Err(errors) => {
            let note = FormState::refused(form.note, errors);
            invalid(detail(&state, ctx, staff, app, note).await?)
        }
    }
}

/// What the assign form sends.
#[derive(Debug, Default, Deserialize)]
pub struct AssignForm {
    staff_id: Option<Uuid>,
}

async fn assign(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Signed(ctx, staff): SignedInStaff,
    Path(id): Path<Uuid>,
    Form(form): Form<AssignForm>,
) -> Result<Response, AppError> {
    let app = load(&state, id).await?;
    let target = form.staff_id.unwrap_or(staff.staff_id);
    if !review::assign(&state, &staff, &app, target, &ip).await? {
        return Err(AppError::Forbidden);
    }
    ctx.success(
        &format!("/admin/applications/{}", app.application_id),
        messages::ASSIGNMENT_SAVED,
    )
    .await
}

async fn record_check(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Signed(ctx, staff): SignedInStaff,
    Path((id, step)): Path<(Uuid, String)>,
    Form(form): Form<CheckInput>,
) -> Result<Response, AppError> {
    let step = CheckStep::parse(&step).ok_or(AppError::NotFound)?;
    let app = Some(load(&state, id).await?)
        .filter(|a| a.program == Program::DirectBill)
        .ok_or(AppError::NotFound)?;
    let to = format!("/admin/applications/{}", app.application_id);
    match crate::flows::direct_bill::record_check(&state, &staff, &app, step, &form, &ip).await? {
        CheckRecorded::Recorded => {
            let message = crate::messages::recorded_applicant_s_primary(step.label());
            ctx.success(&to, &message).await
        }
        CheckRecorded::Refused(message) => ctx.warning(&to, &message).await,
        CheckRecorded::Conflict => {
            ctx.warning(&to, messages::SOMEONE_CHANGED_APPLICATION_WHILE)
                .await
        }
        CheckRecorded::Invalid(errors) => {
            invalid(detail_with_check(&state, ctx, staff, app, step, form, errors).await?)
        }
    }
}
