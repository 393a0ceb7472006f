//! The indirect-reseller enrollment wizard (`/enroll/...`), for a tenant's global admin.

use crate::db::{self, applications::Application, markets::Market};
use crate::domain::FormErrors;
use crate::domain::application::Program;
use crate::domain::enrollment::registration_id_required;
use crate::error::AppError;
use crate::flows::enrollment::{
    self as flows, ContactInput, LegalInput, PartnerIdInput, StepAnswers, SubmitOutcome,
    SupportInput, WizardState,
};
use crate::i18n::filters;
use crate::messages;
use crate::state::AppState;
use crate::web::ctx::Signed;
use crate::web::ctx::{Can, ClientIp, Ctx, Resumed, SignedIn, can};
use crate::web::form::{Form, Query};
use crate::web::invalid;
use crate::web::wizard::{FromQuery, Step, StepForm, Steps};
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{FromRequestParts, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;

/// Routes of this area.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/enroll", get(start))
        .route(
            "/enroll/partner-id",
            get(show_partner_id).post(save_partner_id),
        )
        .route("/enroll/partner-id/join", post(join_network))
        .route("/enroll/legal-profile", get(show_legal).post(save_legal))
        .route(
            "/enroll/primary-contact",
            get(show_contact).post(save_contact),
        )
        .route("/enroll/support", get(show_support).post(save_support))
        .route("/enroll/check", get(show_check))
        .route("/enroll/submit", post(submit))
}

/// A signed-in global admin with the tenant's draft; anyone else is refused, and a tenant
/// whose application is already submitted is sent to its status page.
pub struct Wizard {
    ctx: Ctx,
    user: db::users::SessionUser,
    app: Application,
    market: Market,
}

impl FromRequestParts<AppState> for Wizard {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let Can(Signed(ctx, user), _) =
            Can::<can::ManageApplications>::from_request_parts(parts, state).await?;
        let app = match flows::draft(state, &user)
            .await
            .map_err(|e| AppError::from(e).into_response())?
        {
            WizardState::Draft(app) => *app,
            WizardState::Submitted(id) | WizardState::Approved(id) => {
                return Err(Redirect::to(&format!("/applications/{id}")).into_response());
            }
        };
        let tenant = db::tenants::overview(&state.db, user.tenant_id)
            .await
            .map_err(|e| AppError::from(e).into_response())?
            .ok_or_else(|| AppError::NotFound.into_response())?;
        let market = state
            .market(&tenant.country_code)
            .await
            .map_err(|e| AppError::from(e).into_response())?
            .ok_or_else(|| AppError::NotFound.into_response())?;
        Ok(Wizard {
            ctx,
            user,
            app,
            market,
        })
    }
}

/// The reseller wizard's steps.
const STEPS: Steps = Steps {
    base: "/enroll",
    names: &flows::STEPS,
};

/// The answer to a saved step: on to the next step (or back to the check page), or to
/// the status page when the draft was submitted meanwhile.
async fn step_saved(
    state: &AppState,
    w: &Wizard,
    answers: StepAnswers,
    from: &str,
) -> Result<Response, AppError> {
    if !flows::save_step(state, &w.user, &w.app, &answers).await? {
        return Ok(draft_gone(&w.app));
    }
    Ok(STEPS.after_save(answers.step(), from).into_response())
}

/// A save that found no draft any more (submitted meanwhile, e.g. an old form re-posted).
fn draft_gone(app: &Application) -> Response {
    Redirect::to(&format!("/applications/{}", app.application_id)).into_response()
}

/// The start page.
#[derive(Template, WebTemplate)]
#[template(path = "enroll/start.html")]
pub struct StartPage {
    ctx: Ctx,
    is_admin: bool,
    resume_step: Option<String>,
    application_id: Option<String>,
}

async fn start(
    State(state): State<AppState>,
    Signed(ctx, user): SignedIn,
) -> Result<Response, AppError> {
    let is_admin = user.is_global_admin();
    let latest =
        db::applications::latest(&state.db, user.tenant_id, Program::IndirectReseller).await?;
    let (resume_step, application_id) = match latest {
        Some(app) if app.state == crate::domain::application::ApplicationState::Draft => {
            (Some(app.current_step.clone()), None)
        }
        Some(app)
            if app.state != crate::domain::application::ApplicationState::Withdrawn
                && app.state != crate::domain::application::ApplicationState::Rejected =>
        {
            (None, Some(app.application_id.to_string()))
        }
        _ => (None, None),
    };
    // An organisation that has enrolled is shown its application, not the start page.
    if let Some(id) = &application_id {
        return Ok(axum::response::Redirect::to(&format!("/applications/{id}")).into_response());
    }
    Ok(StartPage {
        ctx,
        is_admin,
        resume_step,
        application_id,
    }
    .into_response())
}

/// Step 1.
#[derive(Template, WebTemplate)]
#[template(path = "enroll/partner_id.html")]
pub struct PartnerIdPage {
    ctx: Ctx,
    step: Step,
    partner_id: String,
    errors: FormErrors,
    country_name: String,
    hint: String,
}

fn partner_id_hint(country_name: &str) -> String {
    messages::n7_digit_membership_id(country_name)
}

async fn show_partner_id(
    w: Wizard,
    Query(q): Query<FromQuery>,
    Resumed(kept): Resumed<StepForm<PartnerIdInput>>,
) -> PartnerIdPage {
    PartnerIdPage {
        step: STEPS.step("partner-id", &q.from),
        partner_id: kept.map_or_else(
            || w.app.partner_id.clone().unwrap_or_default(),
            |k| k.input.partner_id,
        ),
        errors: FormErrors::default(),
        hint: partner_id_hint(w.market.country_name()),
        country_name: w.market.country_name().to_owned(),
        ctx: w.ctx,
    }
}

async fn save_partner_id(
    State(state): State<AppState>,
    w: Wizard,
    Form(form): Form<StepForm<PartnerIdInput>>,
) -> Result<Response, AppError> {
    let checked = flows::check_partner_id(&state, &form.input, &w.user, &w.market).await?;
    match checked {
        Ok(membership) => {
            let answers = StepAnswers::PartnerId(membership.partner_id);
            step_saved(&state, &w, answers, &form.from).await
        }
        Err(errors) => invalid(PartnerIdPage {
            step: STEPS.step("partner-id", &form.from),
            partner_id: form.input.partner_id,
            errors,
            hint: partner_id_hint(w.market.country_name()),
            country_name: w.market.country_name().to_owned(),
            ctx: w.ctx,
        }),
    }
}

async fn join_network(State(state): State<AppState>, w: Wizard) -> Result<Response, AppError> {
    let country = &w.market.country_code;
    let Some(membership) = flows::join_network(&state, &w.user, &w.app, country).await? else {
        return Ok(draft_gone(&w.app));
    };
    let message = messages::joined_network(&membership.partner_id);
    let to = "/enroll/partner-id";
    w.ctx.success(to, &message).await
}

/// Step 2.
#[derive(Template, WebTemplate)]
#[template(path = "enroll/legal_profile.html")]
pub struct LegalPage {
    ctx: Ctx,
    step: Step,
    form: LegalInput,
    errors: FormErrors,
    country_name: String,
    registration_required: bool,
    registration_hint: String,
}

fn registration_hint(country_name: &str) -> String {
    messages::required_companies_number_company(country_name)
}

async fn show_legal(
    w: Wizard,
    Query(q): Query<FromQuery>,
    Resumed(kept): Resumed<StepForm<LegalInput>>,
) -> LegalPage {
    LegalPage {
        step: STEPS.step("legal-profile", &q.from),
        form: kept.map_or_else(|| LegalInput::from_application(&w.app), |k| k.input),
        errors: FormErrors::default(),
        registration_required: registration_id_required(&w.market.country_code),
        registration_hint: registration_hint(w.market.country_name()),
        country_name: w.market.country_name().to_owned(),
        ctx: w.ctx,
    }
}

async fn save_legal(
    State(state): State<AppState>,
    w: Wizard,
    Form(form): Form<StepForm<LegalInput>>,
) -> Result<Response, AppError> {
    match form.input.validate(&w.market.country_code) {
        Ok(profile) => step_saved(&state, &w, StepAnswers::Legal(profile), &form.from).await,
        Err(errors) => invalid(LegalPage {
            step: STEPS.step("legal-profile", &form.from),
            form: form.input,
            errors,
            registration_required: registration_id_required(&w.market.country_code),
            registration_hint: registration_hint(w.market.country_name()),
            country_name: w.market.country_name().to_owned(),
            ctx: w.ctx,
        }),
    }
}

/// Step 3.
#[derive(Template, WebTemplate)]
#[template(path = "enroll/primary_contact.html")]
pub struct ContactPage {
    ctx: Ctx,
    step: Step,
    form: ContactInput,
    errors: FormErrors,
}

async fn show_contact(
    w: Wizard,
    Query(q): Query<FromQuery>,
    Resumed(kept): Resumed<StepForm<ContactInput>>,
) -> ContactPage {
    let mut form = kept.map_or_else(|| ContactInput::from_application(&w.app), |k| k.input);
    if q.me.is_some() {
        // "I am the primary contact": the signed-in user's name and address (the phone is
        // theirs to add).
        let mut names = w.user.full_name.rsplitn(2, ' ');
        let last = names.next().unwrap_or_default().to_owned();
        let first = names.next().unwrap_or_default().to_owned();
        form.first_name = first;
        form.last_name = last;
        form.email = w.user.email.clone();
    }
    ContactPage {
        step: STEPS.step("primary-contact", &q.from),
        form,
        errors: FormErrors::default(),
        ctx: w.ctx,
    }
}

async fn save_contact(
    State(state): State<AppState>,
    w: Wizard,
    Form(form): Form<StepForm<ContactInput>>,
) -> Result<Response, AppError> {
    match form.input.validate(&state.config.tenant_domain_suffix) {
        Ok(contact) => step_saved(&state, &w, StepAnswers::Contact(contact), &form.from).await,
        Err(errors) => invalid(ContactPage {
            step: STEPS.step("primary-contact", &form.from),
            form: form.input,
            errors,
            ctx: w.ctx,
        }),
    }
}

/// Step 4.
#[derive(Template, WebTemplate)]
#[template(path = "enroll/support.html")]
pub struct SupportPage {
    ctx: Ctx,
    step: Step,
    form: SupportInput,
    errors: FormErrors,
}

async fn show_support(
    w: Wizard,
    Query(q): Query<FromQuery>,
    Resumed(kept): Resumed<StepForm<SupportInput>>,
) -> SupportPage {
    SupportPage {
        step: STEPS.step("support", &q.from),
        form: kept.map_or_else(|| SupportInput::from_application(&w.app), |k| k.input),
        errors: FormErrors::default(),
        ctx: w.ctx,
    }
}

async fn save_support(
    State(state): State<AppState>,
    w: Wizard,
    Form(form): Form<StepForm<SupportInput>>,
) -> Result<Response, AppError> {
    match form.input.validate() {
        Ok(support) => step_saved(&state, &w, StepAnswers::Support(support), &form.from).await,
        Err(errors) => invalid(SupportPage {
            step: STEPS.step("support", &form.from),
            form: form.input,
            errors,
            ctx: w.ctx,
        }),
    }
}

/// Step 5: check your answers.
#[derive(Template, WebTemplate)]
#[template(path = "enroll/check.html")]
pub struct CheckPage {
    ctx: Ctx,
    step: Step,
    app: Application,
    market: Market,
    errors: FormErrors,
    /// The user's own address is confirmed (required before enrolling).
    email_confirmed: bool,
    /// The user's own address.
    email: String,
}

async fn check_page(w: Wizard, errors: FormErrors) -> Result<Response, AppError> {
    if let Some(step) = flows::first_incomplete_step(&w.app) {
        return Ok(Redirect::to(&format!("/enroll/{step}")).into_response());
    }
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = CheckPage {
        step: STEPS.step("check", ""),
        app: w.app,
        market: w.market,
        errors,
        email_confirmed: w.user.email_confirmed_at.is_some(),
        email: w.user.email.clone(),
        ctx: w.ctx,
    };
    Ok((status, page).into_response())
}

async fn show_check(w: Wizard) -> Result<Response, AppError> {
    check_page(w, FormErrors::default()).await
}

/// The submit form.
#[derive(Debug, Default, Deserialize)]
pub struct SubmitForm {
    #[serde(default)]
    consent: Option<String>,
}

async fn submit(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    w: Wizard,
    Form(form): Form<SubmitForm>,
) -> Result<Response, AppError> {
    match flows::submit(&state, &w.user, form.consent.is_some(), &ip).await? {
        SubmitOutcome::Submitted(id) => {
            let message = messages::APPLICATION_SUBMITTED_E_MAILED;
            w.ctx.success(&format!("/applications/{id}"), message).await
        }
        SubmitOutcome::AlreadySubmitted(id) => {
            Ok(Redirect::to(&format!("/applications/{id}")).into_response())
        }
        SubmitOutcome::Incomplete(step) => {
            Ok(Redirect::to(&format!("/enroll/{step}")).into_response())
        }
        SubmitOutcome::NoConsent => {
            let mut errors = FormErrors::default();
            errors.add("consent", messages::TICK_BOX_CONFIRM_ANSWERS);
            check_page(w, errors).await
        }
        SubmitOutcome::EmailUnconfirmed => {
            let mut errors = FormErrors::default();
            errors.add("resend", messages::ENROLL_EMAIL_UNCONFIRMED);
            check_page(w, errors).await
        }
    }
}
