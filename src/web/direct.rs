//! Direct-bill enrollment for a tenant's global admin (`/enroll/direct/...`): the intake
//! window and eligibility checklist, the wizard with evidence upload, and the transition
//! back to indirect reseller.

use crate::db::{
    self, applications::Application, direct_bill as store, direct_bill::Answers,
    direct_bill::Document, direct_bill::ServiceRow,
};
use crate::domain::FormErrors;
use crate::domain::application::ApplicationState;
use crate::domain::application::Program;
use crate::domain::direct_bill as rules;
use crate::error::AppError;
use crate::flows::direct_bill::{
    self as flows, OperationsInput, Refusal, RevenueInput, ServicesAction, Standing, StepAnswers,
    SubmitOutcome, SupportInput,
};
use crate::i18n::filters;
use crate::messages;
use crate::state::AppState;
use crate::web::ctx::Signed;
use crate::web::ctx::{Can, ClientIp, Ctx, Resumed, SignedIn, can};
use crate::web::flash::{FlashKind, redirect_with_flash};
use crate::web::form::{Form, Path, Query};
use crate::web::invalid;
use crate::web::middleware::UPLOAD_PATH;
use crate::web::wizard::{FromQuery, Step, StepForm, Steps};
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{DefaultBodyLimit, FromRequestParts, Multipart, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use uuid::Uuid;

/// Routes of this area.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/enroll/direct", get(overview))
        .route("/enroll/direct/start", post(start))
        .route(
            UPLOAD_PATH,
            get(show_revenue)
                .post(save_revenue)
                .layer(DefaultBodyLimit::disable()),
        )
        .route(
            "/enroll/direct/documents/{id}/remove",
            post(remove_document),
        )
        .route(
            "/enroll/direct/support",
            get(show_support).post(save_support),
        )
        .route(
            "/enroll/direct/operations",
            get(show_operations).post(save_operations),
        )
        .route(
            "/enroll/direct/services",
            get(show_services).post(save_services),
        )
        .route("/enroll/direct/check", get(show_check))
        .route("/enroll/direct/submit", post(submit))
        .route(
            "/applications/{id}/documents/{document}",
            get(download_own_document),
        )
        .route(
            "/direct-bill/transition",
            get(confirm_transition).post(transition),
        )
}

/// The overview: intake window, computed eligibility, and where to go next.
#[derive(Template, WebTemplate)]
#[template(path = "direct/overview.html")]
pub struct OverviewPage {
    ctx: Ctx,
    is_admin: bool,
    standing: Standing,
    reopens_on: Option<String>,
    open_step: Option<String>,
    open_id: Option<Uuid>,
    partner_due: Option<String>,
}

async fn overview(
    State(state): State<AppState>,
    Signed(ctx, user): SignedIn,
) -> Result<OverviewPage, AppError> {
    let standing =
        flows::standing(&state, user.tenant_id, crate::domain::direct_bill::today()).await?;
    let (open_step, open_id) = match standing.open() {
        Some(a) if matches!(a.state, ApplicationState::Draft) => {
            (Some(a.current_step.clone()), None)
        }
        Some(a) => (None, Some(a.application_id)),
        None => (None, None),
    };
    Ok(OverviewPage {
        ctx,
        is_admin: user.is_global_admin(),
        reopens_on: standing.intake.direct_bill_reopens_on.map(rules::day),
        partner_due: standing
            .partner
            .as_ref()
            .filter(|p| p.status.is_active())
            .map(|p| rules::day(p.reassessment_due_on)),
        open_step,
        open_id,
        standing,
    })
}

async fn start(
    State(state): State<AppState>,
    Can(Signed(ctx, user), _): Can<can::ManageApplications>,
) -> Result<Response, AppError> {
    match flows::start(&state, &user).await? {
        Ok(_) => Ok(Redirect::to("/enroll/direct/revenue").into_response()),
        Err(refusal) => refused(&ctx, refusal).await,
    }
}

/// Back to the overview with the reason.
async fn refused(ctx: &Ctx, refusal: Refusal) -> Result<Response, AppError> {
    let message = match refusal {
        Refusal::IntakeClosed => messages::DIRECT_BILL_INTAKE_CLOSED,
        Refusal::NotEligible => messages::ORGANISATION_DOES_NOT_MEET,
        Refusal::AlreadyPartner => messages::ORGANISATION_ALREADY_DIRECT_BILL,
    };
    ctx.warning("/enroll/direct", message).await
}

/// A global admin with the tenant's direct-bill application that may change: a draft
/// (while intake is open and the tenant eligible) or one waiting for information.
pub struct DirectWizard {
    ctx: Ctx,
    user: db::users::SessionUser,
    app: Application,
    answers: Answers,
}

impl FromRequestParts<AppState> for DirectWizard {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let Can(Signed(ctx, user), _) =
            Can::<can::ManageApplications>::from_request_parts(parts, state).await?;
        let fail = |e: anyhow::Error| AppError::from(e).into_response();
        let standing = flows::standing(state, user.tenant_id, crate::domain::direct_bill::today())
            .await
            .map_err(fail)?;
        let Some(app) = standing.open().cloned() else {
            return Err(Redirect::to("/enroll/direct").into_response());
        };
        match app.state {
            ApplicationState::InfoRequested => {}
            ApplicationState::Draft => {
                let refusal = if !standing.intake.direct_bill_intake_open {
                    Some(Refusal::IntakeClosed)
                } else if !standing.eligible() {
                    Some(Refusal::NotEligible)
                } else {
                    None
                };
                if let Some(r) = refusal {
                    return Err(refused(&ctx, r).await.unwrap_or_else(|e| e.into_response()));
                }
            }
            _ => {
                return Err(
                    Redirect::to(&format!("/applications/{}", app.application_id)).into_response(),
                );
            }
        }
        let answers = store::answers(&state.db, app.application_id)
            .await
            .map_err(|e| AppError::from(e).into_response())?;
        Ok(DirectWizard {
            ctx,
            user,
            app,
            answers,
        })
    }
}

/// The direct-bill wizard's steps.
const STEPS: Steps = Steps {
    base: "/enroll/direct",
    names: &flows::STEPS,
};

/// Saves a finished step and goes on to the next one (or back to the check page), or to the
/// status page when the application was submitted meanwhile.
async fn step_saved(
    state: &AppState,
    w: &DirectWizard,
    answers: StepAnswers,
    from: &str,
) -> Result<Response, AppError> {
    if !flows::save_step(state, &w.user, &w.app, &answers, true).await? {
        return Ok(gone(&w.app));
    }
    Ok(STEPS.after_save(answers.step(), from).into_response())
}

/// A save that found the application submitted meanwhile.
fn gone(app: &Application) -> Response {
    Redirect::to(&format!("/applications/{}", app.application_id)).into_response()
}

/// Step 1: revenue and evidence.
#[derive(Template, WebTemplate)]
#[template(path = "direct/revenue.html")]
pub struct RevenuePage {
    ctx: Ctx,
    step: Step,
    app: Application,
    revenue: String,
    documents: Vec<Document>,
    errors: FormErrors,
    rule: messages::Msg,
}

fn revenue_value(a: &Answers) -> String {
    a.revenue_usd_cents
        .map(rules::usd_for_input)
        .unwrap_or_default()
}

async fn show_revenue(
    State(state): State<AppState>,
    w: DirectWizard,
    Query(q): Query<FromQuery>,
) -> Result<RevenuePage, AppError> {
    let documents = store::documents(&state.db, w.app.application_id).await?;
    Ok(RevenuePage {
        step: STEPS.step("revenue", &q.from),
        revenue: revenue_value(&w.answers),
        documents,
        errors: FormErrors::default(),
        rule: rules::REVENUE_RULE,
        app: w.app,
        ctx: w.ctx,
    })
}

/// What the revenue form sent (multipart, because of the file).
#[derive(Default)]
struct RevenueForm {
    revenue: String,
    from: String,
    action: String,
    file_name: String,
    file: Vec<u8>,
    file_too_large: bool,
}

async fn read_revenue_form(mut multipart: Multipart) -> Result<RevenueForm, Response> {
    let mut form = RevenueForm::default();
    let bad = |e: axum::extract::multipart::MultipartError| e.into_response();
    while let Some(mut field) = multipart.next_field().await.map_err(bad)? {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "evidence" {
            form.file_name = field.file_name().unwrap_or_default().to_owned();
            while let Some(chunk) = field.chunk().await.map_err(bad)? {
                if form.file.len() + chunk.len() > rules::MAX_DOCUMENT_BYTES {
                    form.file_too_large = true;
                    form.file.clear();
                } else if !form.file_too_large {
                    form.file.extend_from_slice(&chunk);
                }
            }
        } else {
            let text: String = field.text().await.map_err(bad)?.chars().take(200).collect();
            match name.as_str() {
                "revenue" => form.revenue = text,
                "from" => form.from = text,
                "action" => form.action = text,
                _ => {}
            }
        }
    }
    Ok(form)
}

async fn save_revenue(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    w: DirectWizard,
    multipart: Multipart,
) -> Result<Response, AppError> {
    let mut form = match read_revenue_form(multipart).await {
        Ok(f) => f,
        Err(response) => return Ok(response),
    };
    // Enter in the amount field presses the form's first button, "Upload file": without a
    // chosen file that means "continue".
    if form.action == "upload" && form.file_name.is_empty() && form.file.is_empty() {
        form.action = "continue".into();
    }
    let mut errors = FormErrors::default();
    let mut uploaded = None;
    if form.file_too_large {
        errors.add("evidence", flows::UploadRefusal::TooLarge.message());
    } else if !form.file.is_empty() || !form.file_name.is_empty() {
        match flows::upload(&state, &w.user, &w.app, &form.file_name, &form.file, &ip).await? {
            Ok(_) => uploaded = Some(rules::clean_file_name(&form.file_name)),
            Err(refusal) => errors.add("evidence", refusal.message()),
        }
    }
    let documents = store::documents(&state.db, w.app.application_id).await?;
    if errors.is_empty() && form.action == "upload" {
        // Keep what was typed: a readable amount is saved with the draft.
        if let Ok(cents) = rules::parse_usd(&form.revenue) {
            flows::save_step(&state, &w.user, &w.app, &StepAnswers::Revenue(cents), false).await?;
        }
        let message = crate::messages::uploaded_can_add_up(
            uploaded.unwrap_or_default(),
            rules::MAX_DOCUMENTS - documents.len() as i64,
        );
        let to = if form.from == "check" {
            "/enroll/direct/revenue?from=check"
        } else {
            UPLOAD_PATH
        };
        return w.ctx.success(to, &message).await;
    }
    if errors.is_empty() {
        match (RevenueInput {
            revenue: form.revenue.clone(),
        })
        .validate(documents.len())
        {
            Ok(cents) => {
                let answers = StepAnswers::Revenue(cents);
                return step_saved(&state, &w, answers, &form.from).await;
            }
            Err(e) => errors = e,
        }
    }
    invalid(RevenuePage {
        step: STEPS.step("revenue", &form.from),
        revenue: form.revenue,
        documents,
        errors,
        rule: rules::REVENUE_RULE,
        app: w.app,
        ctx: w.ctx,
    })
}

/// Form of the remove buttons.
#[derive(Debug, Default, Deserialize)]
pub struct RemoveForm {
    #[serde(default)]
    from: String,
}

async fn remove_document(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    w: DirectWizard,
    Path(id): Path<Uuid>,
    Form(form): Form<RemoveForm>,
) -> Result<Response, AppError> {
    let to = if form.from == "check" {
        "/enroll/direct/revenue?from=check"
    } else {
        UPLOAD_PATH
    };
    if flows::remove_document(&state, &w.user, &w.app, id, &ip).await? {
        w.ctx.success(to, messages::FILE_REMOVED).await
    } else {
        w.ctx.info(to, messages::FILE_WAS_ALREADY_REMOVED).await
    }
}

/// Sends an evidence file back: only to admins of the tenant it belongs to (staff have
/// their own route).
async fn download_own_document(
    State(state): State<AppState>,
    Can(Signed(_, user), _): Can<can::DownloadEvidence>,
    Path((app_id, doc_id)): Path<(Uuid, Uuid)>,
) -> Result<Response, AppError> {
    let doc = store::document_content(&state.db, app_id, doc_id)
        .await?
        .filter(|d| d.tenant_id == user.tenant_id)
        .ok_or(AppError::NotFound)?;
    Ok(document_response(doc))
}

/// The download response: the stored type, as an attachment, never sniffed or cached.
pub fn document_response(doc: store::DocumentContent) -> Response {
    let disposition = format!(
        "attachment; filename=\"{}\"",
        doc.file_name
            .replace(|c: char| !c.is_ascii() || c == '"', "_")
    );
    let mut response = doc.content.into_response();
    let headers = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&doc.content_type) {
        headers.insert(header::CONTENT_TYPE, v);
    }
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    response
}

/// Step 2: support.
#[derive(Template, WebTemplate)]
#[template(path = "direct/support.html")]
pub struct SupportPage {
    ctx: Ctx,
    step: Step,
    form: SupportInput,
    errors: FormErrors,
}

async fn show_support(
    w: DirectWizard,
    Query(q): Query<FromQuery>,
    Resumed(kept): Resumed<StepForm<SupportInput>>,
) -> SupportPage {
    SupportPage {
        step: STEPS.step("support", &q.from),
        form: kept.map_or_else(|| SupportInput::from_answers(&w.answers), |k| k.input),
        errors: FormErrors::default(),
        ctx: w.ctx,
    }
}

async fn save_support(
    State(state): State<AppState>,
    w: DirectWizard,
    Form(form): Form<StepForm<SupportInput>>,
) -> Result<Response, AppError> {
    match form.input.validate() {
        Ok(plan) => {
            let answers = StepAnswers::Support(plan.to_owned());
            step_saved(&state, &w, answers, &form.from).await
        }
        Err(errors) => invalid(SupportPage {
            step: STEPS.step("support", &form.from),
            form: form.input,
            errors,
            ctx: w.ctx,
        }),
    }
}

/// Step 3: operations and capabilities.
#[derive(Template, WebTemplate)]
#[template(path = "direct/operations.html")]
pub struct OperationsPage {
    ctx: Ctx,
    step: Step,
    form: OperationsInput,
    errors: FormErrors,
}

impl OperationsPage {
    /// The four capability fields: name, label, hint, value.
    fn fields(&self) -> [(&'static str, messages::Msg, messages::Msg, &str); 4] {
        [
            (
                "billing",
                messages::Msg("db-billing"),
                messages::HOW_INVOICE_CUSTOMERS_COLLECT,
                &self.form.billing,
            ),
            (
                "provisioning",
                messages::Msg("db-provisioning"),
                messages::HOW_SET_UP_CHANGE,
                &self.form.provisioning,
            ),
            (
                "customer_support",
                messages::Msg("db-customer-support"),
                messages::HOW_CUSTOMERS_REACH_HOW,
                &self.form.customer_support,
            ),
            (
                "security",
                messages::Msg("db-security"),
                messages::HOW_PROTECT_CUSTOMERS_DATA,
                &self.form.security,
            ),
        ]
    }
}

async fn show_operations(
    w: DirectWizard,
    Query(q): Query<FromQuery>,
    Resumed(kept): Resumed<StepForm<OperationsInput>>,
) -> OperationsPage {
    OperationsPage {
        step: STEPS.step("operations", &q.from),
        form: kept.map_or_else(|| OperationsInput::from_answers(&w.answers), |k| k.input),
        errors: FormErrors::default(),
        ctx: w.ctx,
    }
}

async fn save_operations(
    State(state): State<AppState>,
    w: DirectWizard,
    Form(form): Form<StepForm<OperationsInput>>,
) -> Result<Response, AppError> {
    match form.input.validate() {
        Ok(ops) => step_saved(&state, &w, StepAnswers::Operations(ops), &form.from).await,
        Err(errors) => invalid(OperationsPage {
            step: STEPS.step("operations", &form.from),
            form: form.input,
            errors,
            ctx: w.ctx,
        }),
    }
}

/// Step 4: managed services, rows added and removed without JavaScript.
#[derive(Template, WebTemplate)]
#[template(path = "direct/services.html")]
pub struct ServicesPage {
    ctx: Ctx,
    step: Step,
    rows: Vec<ServiceRow>,
    kinds: &'static [(&'static str, messages::Msg)],
    row_errors: Vec<(String, String)>,
    can_add: bool,
}

impl ServicesPage {
    fn row_error(&self, key: &str) -> Option<&str> {
        self.row_errors
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, m)| m.as_str())
    }
}

fn services_page(
    ctx: Ctx,
    from: &str,
    mut rows: Vec<ServiceRow>,
    row_errors: Vec<(String, String)>,
) -> ServicesPage {
    if rows.is_empty() {
        rows.push(ServiceRow::default());
    }
    ServicesPage {
        step: STEPS.step("services", from),
        can_add: rows.len() < flows::MAX_SERVICE_ROWS,
        rows,
        kinds: &rules::SERVICE_KINDS,
        row_errors,
        ctx,
    }
}

async fn show_services(w: DirectWizard, Query(q): Query<FromQuery>) -> ServicesPage {
    services_page(w.ctx, &q.from, w.answers.managed_services, Vec::new())
}

async fn save_services(
    State(state): State<AppState>,
    w: DirectWizard,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let from = pairs
        .iter()
        .find(|(k, _)| k == "from")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let (mut rows, action) = flows::read_services_form(&pairs);
    match action {
        ServicesAction::Add => {
            rows = flows::non_empty_rows(rows);
            if rows.len() < flows::MAX_SERVICE_ROWS {
                rows.push(ServiceRow::default());
            }
        }
        ServicesAction::Remove(i) => {
            if i < rows.len() {
                rows.remove(i);
            }
            rows = flows::non_empty_rows(rows);
        }
        ServicesAction::Continue => {
            rows = flows::non_empty_rows(rows);
            if let Err(row_errors) = flows::validate_services(&rows) {
                return invalid(services_page(w.ctx, &from, rows, row_errors));
            }
        }
    }
    // Unfinished rows are kept with the draft, so nothing typed is lost.
    let stored: Vec<ServiceRow> = rows
        .iter()
        .filter(|r| !(r.kind.is_empty() && r.name.is_empty() && r.description.is_empty()))
        .cloned()
        .collect();
    let answers = StepAnswers::Services(stored);
    if action == ServicesAction::Continue {
        return step_saved(&state, &w, answers, &from).await;
    }
    if !flows::save_step(&state, &w.user, &w.app, &answers, false).await? {
        return Ok(gone(&w.app));
    }
    Ok(services_page(w.ctx, &from, rows, Vec::new()).into_response())
}

/// Step 5: check your answers, consent and submit.
#[derive(Template, WebTemplate)]
#[template(path = "direct/check.html")]
pub struct CheckPage {
    ctx: Ctx,
    step: Step,
    app: Application,
    answers: Answers,
    documents: Vec<Document>,
    revenue: String,
    plan: messages::Msg,
    services: Vec<(messages::Msg, ServiceRow)>,
    missing: Option<&'static str>,
    errors: FormErrors,
}

async fn check_page(
    state: &AppState,
    w: DirectWizard,
    errors: FormErrors,
) -> Result<CheckPage, AppError> {
    let documents = store::documents(&state.db, w.app.application_id).await?;
    Ok(CheckPage {
        step: STEPS.step("check", ""),
        missing: flows::first_incomplete_step(&w.answers, documents.len()),
        revenue: w
            .answers
            .revenue_usd_cents
            .map(rules::format_usd)
            .unwrap_or_else(|| crate::i18n::t("not-answered")),
        plan: w
            .answers
            .support_plan
            .as_deref()
            .map(rules::support_plan_label)
            .unwrap_or(messages::Msg("not-answered")),
        services: w
            .answers
            .managed_services
            .iter()
            .map(|r| {
                (
                    rules::service_kind_label(&r.kind)
                        .unwrap_or(messages::Msg("service-kind-not-chosen")),
                    r.clone(),
                )
            })
            .collect(),
        documents,
        answers: w.answers,
        app: w.app,
        ctx: w.ctx,
        errors,
    })
}

async fn show_check(State(state): State<AppState>, w: DirectWizard) -> Result<CheckPage, AppError> {
    check_page(&state, w, FormErrors::default()).await
}

/// The submit form.
#[derive(Debug, Default, Deserialize)]
pub struct SubmitForm {
    #[serde(default)]
    authority: String,
}

async fn submit(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, user), _): Can<can::ManageApplications>,
    Form(form): Form<SubmitForm>,
) -> Result<Response, AppError> {
    match flows::submit(&state, &user, form.authority == "yes", &ip).await? {
        SubmitOutcome::Submitted(id) => {
            ctx.success(
                &format!("/applications/{id}"),
                messages::DIRECT_BILL_APPLICATION_SUBMITTED,
            )
            .await
        }
        SubmitOutcome::AlreadySubmitted(id) => {
            Ok(Redirect::to(&format!("/applications/{id}")).into_response())
        }
        SubmitOutcome::Refused(r) => refused(&ctx, r).await,
        SubmitOutcome::Incomplete(step) => {
            ctx.warning(
                &format!("/enroll/direct/{step}"),
                messages::SOME_ANSWERS_MISSING_COMPLETE,
            )
            .await
        }
        SubmitOutcome::NoConsent => {
            let w = load_wizard(&state, ctx, user).await?;
            let mut errors = FormErrors::default();
            errors.add("authority", messages::CONFIRM_MAY_ACCEPT_LEGAL);
            invalid(check_page(&state, w, errors).await?)
        }
    }
}

/// The wizard's context outside the extractor (for the submit page's errors).
async fn load_wizard(
    state: &AppState,
    ctx: Ctx,
    user: db::users::SessionUser,
) -> Result<DirectWizard, AppError> {
    let app = db::applications::open(&state.db, user.tenant_id, Program::DirectBill)
        .await?
        .ok_or(AppError::NotFound)?;
    let answers = store::answers(&state.db, app.application_id).await?;
    Ok(DirectWizard {
        ctx,
        user,
        app,
        answers,
    })
}

/// The transition confirmation page.
#[derive(Template, WebTemplate)]
#[template(path = "direct/transition.html")]
pub struct TransitionPage {
    ctx: Ctx,
    organisation: String,
    reason: String,
    errors: FormErrors,
}

async fn confirm_transition(
    State(state): State<AppState>,
    Can(Signed(ctx, user), _): Can<can::ManageApplications>,
) -> Result<Response, AppError> {
    let Some(p) = store::partner(&state.db, user.tenant_id)
        .await?
        .filter(|p| p.status.is_active())
    else {
        return Ok(Redirect::to("/enroll/direct").into_response());
    };
    Ok(TransitionPage {
        ctx,
        organisation: p.organisation,
        reason: String::new(),
        errors: FormErrors::default(),
    }
    .into_response())
}

/// The transition form (partner and staff).
#[derive(Debug, Default, Deserialize)]
pub struct TransitionForm {
    /// Why.
    #[serde(default)]
    pub reason: String,
}

async fn transition(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, user), _): Can<can::ManageApplications>,
    Form(form): Form<TransitionForm>,
) -> Result<Response, AppError> {
    let mut errors = FormErrors::default();
    let reason = errors.check(
        "reason",
        crate::domain::enrollment::optional_text(&form.reason, 1000, messages::REASON_MUST_1_000),
    );
    let Some(reason) = reason else {
        return invalid(TransitionPage {
            ctx,
            organisation: user.organisation.clone(),
            reason: form.reason,
            errors,
        });
    };
    let reason = reason.unwrap_or_else(|| messages::ASKED_PARTNER.into());
    let moved = flows::transition(
        &state,
        user.tenant_id,
        flows::TransitionBy::Partner(&user),
        &reason,
        &ip,
    )
    .await?;
    let (kind, message) = if moved {
        (
            FlashKind::Success,
            messages::ORGANISATION_INDIRECT_RESELLER_AGAIN,
        )
    } else {
        (FlashKind::Info, messages::ORGANISATION_NOT_DIRECT_BILL)
    };
    redirect_with_flash(&ctx.session, "/dashboard", kind, message).await
}
