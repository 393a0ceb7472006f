//! Direct bill in the back office: the requirement panel on an application's detail page,
//! recording the checks in their order, evidence downloads, and the list of direct-bill
//! partners with their reassessment dates and the move back to indirect reseller.

use super::{SignedInStaff, StaffCtx};
use crate::db::{applications::Application, direct_bill as store};
use crate::domain::FormErrors;
use crate::domain::application::Program;
use crate::domain::direct_bill::{self as rules, CheckStep, RecordedOutcome, Requirement};
use crate::error::AppError;
use crate::flows::direct_bill as flows;
use crate::i18n::filters;
use crate::messages;
use crate::state::AppState;
use crate::web::ctx::ClientIp;
use crate::web::ctx::Signed;
use crate::web::form::{Form, Path, Query};
use crate::web::invalid;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use serde::Deserialize;
use uuid::Uuid;

/// Routes of this area.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/admin/applications/{id}/documents/{document}",
            get(download),
        )
        .route("/admin/direct-bill", get(partners))
        .route(
            "/admin/direct-bill/{tenant}/reassessment",
            get(show_reassessment).post(save_reassessment),
        )
        .route(
            "/admin/direct-bill/{tenant}/transition",
            get(confirm_transition).post(transition),
        )
}

/// One recorded or open requirement check on the detail page.
pub struct CheckRow {
    /// Which check.
    pub step: CheckStep,
    /// Step code (form URL).
    pub code: &'static str,
    /// In words.
    pub label: messages::Msg,
    /// What was recorded, if anything.
    pub outcome: Option<RecordedOutcome>,
    /// Recorded details in words.
    pub detail: String,
    /// The form for this step is offered now.
    pub open: bool,
    /// Why it cannot be recorded yet, when it cannot.
    pub waiting_for: Option<messages::Msg>,
}

/// What the detail page shows for a direct-bill application.
pub struct DirectPanel {
    /// Computed eligibility as of today.
    pub eligibility: Vec<Requirement>,
    /// Declared revenue.
    pub revenue: String,
    /// The answers.
    pub answers: store::Answers,
    /// Support plan in words.
    pub plan: messages::Msg,
    /// Evidence.
    pub documents: Vec<store::Document>,
    /// The checks in order.
    pub checks: Vec<CheckRow>,
    /// Every check passed: approval is possible.
    pub approvable: bool,
    /// Services with their kind in words.
    pub services: Vec<(messages::Msg, store::ServiceRow)>,
}

/// The panel for `app`, or `None` for an indirect-reseller application.
pub async fn panel(state: &AppState, app: &Application) -> Result<Option<DirectPanel>, AppError> {
    if app.program != Program::DirectBill {
        return Ok(None);
    }
    let standing =
        flows::standing(state, app.tenant_id, crate::domain::direct_bill::today()).await?;
    let answers = store::answers(&state.db, app.application_id).await?;
    let documents = store::documents(&state.db, app.application_id).await?;
    let recorded = store::checks(&state.db, app.application_id).await?;
    let outcomes = crate::db::direct_bill::outcomes(&recorded);
    let in_review = app.state.is_in_review();
    let checks = CheckStep::ALL
        .iter()
        .map(|step| {
            let found = recorded.iter().find(|c| c.step == *step);
            let allowed = rules::may_record(*step, &outcomes);
            CheckRow {
                step: *step,
                code: step.code(),
                label: step.label(),
                outcome: found.map(|c| c.outcome),
                detail: found
                    .map(|c| {
                        let mut words = format!(
                            "{} by {}, {}",
                            c.outcome.label(),
                            c.recorded_by_name,
                            crate::messages::when(c.recorded_at)
                        );
                        if let (Some(on), Some(who)) = (c.assessment_on, &c.assessor) {
                            words.push_str(&format!(
                                ". Assessment on {} with {}",
                                rules::day(on),
                                who
                            ));
                        }
                        if let Some(n) = &c.note {
                            words.push_str(&format!(". Note: {n}"));
                        }
                        words
                    })
                    .unwrap_or_default(),
                open: in_review && allowed.is_ok(),
                waiting_for: match allowed {
                    Err(rules::OrderRefusal::NeedsFirst(first)) => Some(first.label()),
                    _ => None,
                },
            }
        })
        .collect();
    Ok(Some(DirectPanel {
        eligibility: standing.requirements,
        revenue: answers
            .revenue_usd_cents
            .map(rules::format_usd)
            .unwrap_or_else(|| crate::i18n::t("not-answered")),
        plan: answers
            .support_plan
            .as_deref()
            .map(rules::support_plan_label)
            .unwrap_or(messages::Msg("not-answered")),
        services: answers
            .managed_services
            .iter()
            .map(|r| {
                (
                    rules::service_kind_label(&r.kind)
                        .unwrap_or(messages::Msg("service-kind-unknown")),
                    r.clone(),
                )
            })
            .collect(),
        approvable: rules::all_passed(&outcomes),
        answers,
        documents,
        checks,
    }))
}

async fn download(
    State(state): State<AppState>,
    Signed(..): SignedInStaff,
    Path((app_id, doc_id)): Path<(Uuid, Uuid)>,
) -> Result<Response, AppError> {
    let app = super::load(&state, app_id).await?;
    let doc = store::document_content(&state.db, app.application_id, doc_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(crate::web::direct::document_response(doc))
}

/// One direct-bill partner in the list.
pub struct PartnerRow {
    /// Tenant.
    pub tenant_id: Uuid,
    /// Organisation.
    pub organisation: String,
    /// Approved on.
    pub approved: String,
    /// Reassessment due on.
    pub due: String,
    /// Overdue.
    pub overdue: bool,
    /// Due within the reminder period (not overdue).
    pub due_soon: bool,
    /// The approved application.
    pub application_id: Uuid,
}

impl PartnerRow {
    /// The row's `data-standing`: overdue, due or later.
    pub fn standing(&self) -> &'static str {
        match (self.overdue, self.due_soon) {
            (true, _) => "overdue",
            (false, true) => "due",
            (false, false) => "later",
        }
    }
}

/// The list of direct-bill partners.
#[derive(Template, WebTemplate)]
#[template(path = "admin/direct_bill.html")]
pub struct PartnersPage {
    ctx: StaffCtx,
    rows: Vec<PartnerRow>,
    show_all: bool,
}

/// `?show=all` lists every partner, not only those due.
#[derive(Debug, Default, Deserialize)]
pub struct PartnersQuery {
    #[serde(default)]
    show: String,
}

async fn partners(
    State(state): State<AppState>,
    Signed(ctx, _): SignedInStaff,
    Query(q): Query<PartnersQuery>,
) -> Result<PartnersPage, AppError> {
    let today = crate::domain::direct_bill::today();
    let soon = today + time::Duration::days(rules::REMINDER_DAYS_BEFORE);
    let show_all = q.show == "all";
    let list = if show_all {
        store::active_partners(&state.db).await?
    } else {
        store::due_for_reassessment(&state.db, soon).await?
    };
    let rows = list
        .into_iter()
        .map(|p| PartnerRow {
            tenant_id: p.tenant_id,
            organisation: p.organisation,
            approved: crate::messages::when(p.approved_at),
            due: rules::day(p.reassessment_due_on),
            overdue: p.reassessment_due_on < today,
            due_soon: (today..=soon).contains(&p.reassessment_due_on),
            application_id: p.application_id,
        })
        .collect();
    Ok(PartnersPage {
        ctx,
        rows,
        show_all,
    })
}

/// The staff transition page.
#[derive(Template, WebTemplate)]
#[template(path = "admin/direct_bill_transition.html")]
pub struct TransitionPage {
    ctx: StaffCtx,
    partner: store::Partner,
    reason: String,
    errors: FormErrors,
}

async fn active_partner(state: &AppState, tenant: Uuid) -> Result<store::Partner, AppError> {
    store::partner(&state.db, tenant)
        .await?
        .filter(|p| p.status.is_active())
        .ok_or(AppError::NotFound)
}

async fn confirm_transition(
    State(state): State<AppState>,
    Signed(ctx, _): SignedInStaff,
    Path(tenant): Path<Uuid>,
) -> Result<TransitionPage, AppError> {
    let partner = active_partner(&state, tenant).await?;
    Ok(TransitionPage {
        ctx,
        partner,
        reason: String::new(),
        errors: FormErrors::default(),
    })
}

async fn transition(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Signed(ctx, staff): SignedInStaff,
    Path(tenant): Path<Uuid>,
    Form(form): Form<crate::web::direct::TransitionForm>,
) -> Result<Response, AppError> {
    let partner = active_partner(&state, tenant).await?;
    let mut errors = FormErrors::default();
    let reason = errors.check(
        "reason",
        crate::domain::enrollment::required_text(
            &form.reason,
            messages::ENTER_WHICH_REQUIREMENT_PARTNER,
            1000,
            messages::REASON_MUST_1_000,
        ),
    );
    let Some(reason) = reason else {
        return invalid(TransitionPage {
            ctx,
            partner,
            reason: form.reason,
            errors,
        });
    };
    let moved = flows::transition(
        &state,
        partner.tenant_id,
        flows::TransitionBy::Staff(&staff),
        &reason,
        &ip,
    )
    .await?;
    let message = if moved {
        crate::messages::indirect_reseller_again_global(&partner.organisation)
    } else {
        messages::PARTNER_WAS_ALREADY_MOVED.to_string()
    };
    ctx.success("/admin/direct-bill?show=all", &message).await
}

/// The reassessment form.
#[derive(Template, WebTemplate)]
#[template(path = "admin/direct_bill_reassessment.html")]
pub struct ReassessmentPage {
    ctx: StaffCtx,
    partner: store::Partner,
    due: String,
    form: flows::ReassessmentInput,
    errors: FormErrors,
}

async fn show_reassessment(
    State(state): State<AppState>,
    Signed(ctx, _): SignedInStaff,
    Path(tenant): Path<Uuid>,
) -> Result<ReassessmentPage, AppError> {
    let partner = active_partner(&state, tenant).await?;
    Ok(ReassessmentPage {
        ctx,
        due: rules::day(partner.reassessment_due_on),
        partner,
        form: Default::default(),
        errors: FormErrors::default(),
    })
}

async fn save_reassessment(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Signed(ctx, staff): SignedInStaff,
    Path(tenant): Path<Uuid>,
    Form(form): Form<flows::ReassessmentInput>,
) -> Result<Response, AppError> {
    let partner = active_partner(&state, tenant).await?;
    match flows::record_reassessment(&state, &staff, partner.tenant_id, &form, &ip).await? {
        None => Err(AppError::NotFound),
        Some(Ok(next)) => {
            let message =
                messages::reassessment_recorded_next_one(partner.organisation, rules::day(next));
            ctx.success("/admin/direct-bill", &message).await
        }
        Some(Err(errors)) => invalid(ReassessmentPage {
            ctx,
            due: rules::day(partner.reassessment_due_on),
            partner,
            form,
            errors,
        }),
    }
}
