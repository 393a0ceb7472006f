//! Direct-bill enrollment: the intake window, computed eligibility, the wizard's answers
//! and evidence, submission, the reviewers' requirement checks, approval with its yearly
//! reassessment, and the transition back to indirect reseller.

use crate::db::applications::{self as apps, Application, INDIRECT_RESELLER};
use crate::db::audit::AuditEvent;
use crate::db::direct_bill::{self as store, Answers, Check, DIRECT_BILL, Partner, ServiceRow};
use crate::db::settings::ProgramSettings;
use crate::db::users::SessionUser;
use crate::db::{self};
use crate::domain::FormErrors;
use crate::domain::application::{ApplicationState, Move};
use crate::domain::direct_bill::{
    self as rules, CheckOutcome, CheckStep, EligibilityFacts, Requirement,
};
use crate::domain::enrollment::required_text;
use crate::email::messages::{DirectBillNotice, EmailContent};
use crate::enrollment::{Actor, make_move};
use crate::state::AppState;
use serde::Deserialize;
use serde_json::json;
use sha2::{Digest, Sha256};
use sqlx::PgConnection;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

/// The wizard's steps, in order; the string is the URL segment under `/enroll/direct/`.
pub const STEPS: [&str; 5] = ["revenue", "support", "operations", "services", "check"];

/// Today in UTC.
pub fn today() -> Date {
    OffsetDateTime::now_utc().date()
}

/// Where a tenant stands with direct bill.
pub struct Standing {
    /// The intake window.
    pub intake: ProgramSettings,
    /// The computed requirements.
    pub requirements: Vec<Requirement>,
    /// The tenant's approved indirect-reseller application.
    pub reseller: Option<Application>,
    /// The newest direct-bill application.
    pub latest: Option<Application>,
    /// The direct-bill partnership, if it was ever approved.
    pub partner: Option<Partner>,
    /// The reseller's partner ID is active and in the tenant's country.
    pub partner_id_active: bool,
}

impl Standing {
    /// Every computed requirement is met.
    pub fn eligible(&self) -> bool {
        self.requirements.iter().all(|r| r.met)
    }

    /// Currently a direct-bill partner.
    pub fn is_partner(&self) -> bool {
        self.partner.as_ref().is_some_and(|p| p.status == "active")
    }

    /// The open (not final) direct-bill application.
    pub fn open(&self) -> Option<&Application> {
        self.latest.as_ref().filter(|a| !a.state().is_final())
    }
}

/// Computes the tenant's standing as of `today`.
pub async fn standing(state: &AppState, tenant_id: Uuid, today: Date) -> anyhow::Result<Standing> {
    let intake = db::settings::get(&state.db).await?;
    let reseller = apps::latest(&state.db, tenant_id, INDIRECT_RESELLER)
        .await?
        .filter(|a| a.state() == ApplicationState::Approved);
    let tenant = db::tenants::overview(&state.db, tenant_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("tenant {tenant_id} not found"))?;
    let accepted = db::agreements::acceptance_of_current(&state.db, tenant_id)
        .await?
        .is_some();
    let partner_id = reseller.as_ref().and_then(|a| a.partner_id.clone());
    let membership = match &partner_id {
        Some(id) => db::memberships::find(&state.db, id).await?,
        None => None,
    };
    let partner_id_active = membership
        .as_ref()
        .is_some_and(|m| m.active && m.country_code == tenant.country_code);
    let facts = EligibilityFacts {
        approved_on: reseller
            .as_ref()
            .and_then(|a| a.decided_at)
            .map(|t| t.to_offset(time::UtcOffset::UTC).date()),
        agreement_accepted: accepted,
        partner_id,
        membership_active: membership.as_ref().is_some_and(|m| m.active),
        membership_in_country: membership
            .as_ref()
            .is_some_and(|m| m.country_code == tenant.country_code),
        country_name: tenant.country_name,
    };
    Ok(Standing {
        intake,
        requirements: rules::eligibility(&facts, today),
        reseller,
        latest: apps::latest(&state.db, tenant_id, DIRECT_BILL).await?,
        partner: store::partner(&state.db, tenant_id).await?,
        partner_id_active,
    })
}

/// Why a direct-bill application cannot be started or submitted now.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Intake is closed.
    IntakeClosed,
    /// A computed requirement is not met.
    NotEligible,
    /// Already a direct-bill partner.
    AlreadyPartner,
}

/// Starts the tenant's direct-bill draft (or finds the open one). Refused while intake is
/// closed, for an ineligible tenant, and for a current direct-bill partner.
pub async fn start(state: &AppState, user: &SessionUser) -> anyhow::Result<Result<Uuid, Refusal>> {
    let s = standing(state, user.tenant_id, today()).await?;
    if let Some(open) = s.open() {
        return Ok(Ok(open.application_id));
    }
    if s.is_partner() {
        return Ok(Err(Refusal::AlreadyPartner));
    }
    if !s.intake.direct_bill_intake_open {
        return Ok(Err(Refusal::IntakeClosed));
    }
    let (true, Some(reseller)) = (s.eligible(), &s.reseller) else {
        return Ok(Err(Refusal::NotEligible));
    };
    let mut tx = state.db.begin().await?;
    store::create_draft(&mut tx, reseller.application_id, user.user_id).await?;
    let app = apps::open(&mut *tx, user.tenant_id, DIRECT_BILL)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no open direct-bill application after creating one"))?;
    tx.commit().await?;
    Ok(Ok(app.application_id))
}

/// The first step whose answers are missing, if any.
pub fn first_incomplete_step(a: &Answers, documents: usize) -> Option<&'static str> {
    // Unchecked answers can be saved on the way (an amount typed before an upload, rows
    // kept while adding more), so complete means valid, not merely present.
    if a.revenue_usd_cents
        .is_none_or(|c| rules::check_revenue(c).is_err())
        || documents == 0
    {
        Some("revenue")
    } else if a.support_plan.is_none() {
        Some("support")
    } else if a.receivables_confirmed != Some(true) {
        Some("operations")
    } else if validate_services(&a.managed_services).is_err() {
        Some("services")
    } else {
        None
    }
}

/// Step 1's form.
#[derive(Debug, Default, Deserialize)]
pub struct RevenueInput {
    /// Revenue as typed.
    #[serde(default)]
    pub revenue: String,
}

impl RevenueInput {
    /// Checks the amount and the minimum; `documents` is how many files are uploaded.
    pub fn validate(&self, documents: usize) -> Result<i64, FormErrors> {
        let mut errors = FormErrors::default();
        let cents = errors.check(
            "revenue",
            rules::parse_usd(&self.revenue).and_then(rules::check_revenue),
        );
        if documents == 0 {
            errors.add(
                "evidence",
                "Upload at least one document that shows this revenue, such as an invoice summary or a statement from your provider",
            );
        }
        match cents {
            Some(c) if errors.is_empty() => Ok(c),
            _ => Err(errors),
        }
    }
}

/// Step 2's form.
#[derive(Debug, Default, Deserialize)]
pub struct SupportInput {
    /// "yes" or "no".
    #[serde(default)]
    pub first_line: String,
    /// advanced or premier.
    #[serde(default)]
    pub plan: String,
}

impl SupportInput {
    /// The saved answers, for the form.
    pub fn from_answers(a: &Answers) -> Self {
        SupportInput {
            first_line: match a.first_line_support {
                Some(true) => "yes".into(),
                Some(false) => "no".into(),
                None => String::new(),
            },
            plan: a.support_plan.clone().unwrap_or_default(),
        }
    }

    /// Checks both answers.
    pub fn validate(&self) -> Result<&str, FormErrors> {
        let mut errors = FormErrors::default();
        match self.first_line.as_str() {
            "yes" => {}
            "no" => errors.add(
                "first_line",
                "Direct-bill partners must give their customers first-line support themselves. Apply once you can.",
            ),
            _ => errors.add(
                "first_line",
                "Say whether you can give your customers first-line support",
            ),
        }
        if rules::SUPPORT_PLANS
            .iter()
            .all(|(code, _)| *code != self.plan)
        {
            errors.add(
                "plan",
                "Choose the vendor support plan you will hold: advanced or premier",
            );
        }
        if errors.is_empty() {
            Ok(&self.plan)
        } else {
            Err(errors)
        }
    }
}

/// Step 3's form.
#[derive(Debug, Default, Deserialize)]
pub struct OperationsInput {
    /// "yes" when ticked.
    #[serde(default)]
    pub receivables: String,
    /// Billing.
    #[serde(default)]
    pub billing: String,
    /// Provisioning.
    #[serde(default)]
    pub provisioning: String,
    /// Customer support.
    #[serde(default)]
    pub customer_support: String,
    /// Security.
    #[serde(default)]
    pub security: String,
}

impl OperationsInput {
    /// The saved answers, for the form.
    pub fn from_answers(a: &Answers) -> Self {
        OperationsInput {
            receivables: if a.receivables_confirmed == Some(true) {
                "yes".into()
            } else {
                String::new()
            },
            billing: a.billing_description.clone().unwrap_or_default(),
            provisioning: a.provisioning_description.clone().unwrap_or_default(),
            customer_support: a.support_description.clone().unwrap_or_default(),
            security: a.security_description.clone().unwrap_or_default(),
        }
    }

    /// Checks the confirmation and the four descriptions.
    pub fn validate(&self) -> Result<store::Operations, FormErrors> {
        let mut errors = FormErrors::default();
        if self.receivables != "yes" {
            errors.add(
                "receivables",
                "Confirm that you have the infrastructure to bill and provision customers and to collect what they owe",
            );
        }
        let mut describe = |field: &'static str, value: &str, what: &str| {
            errors.check(
                field,
                required_text(
                    value,
                    &format!("Describe how you handle {what}"),
                    1000,
                    "Keep the description to 1,000 characters or fewer",
                ),
            )
        };
        let billing = describe("billing", &self.billing, "billing");
        let provisioning = describe("provisioning", &self.provisioning, "provisioning");
        let support = describe(
            "customer_support",
            &self.customer_support,
            "customer support",
        );
        let security = describe("security", &self.security, "security");
        match (billing, provisioning, support, security) {
            (Some(billing), Some(provisioning), Some(support), Some(security))
                if errors.is_empty() =>
            {
                Ok(store::Operations {
                    billing,
                    provisioning,
                    support,
                    security,
                })
            }
            _ => Err(errors),
        }
    }
}

/// What the managed-services form asked for.
#[derive(Debug, PartialEq, Eq)]
pub enum ServicesAction {
    /// Add an empty row.
    Add,
    /// Remove the row at this position.
    Remove(usize),
    /// Save and continue.
    Continue,
}

/// Most rows on the managed-services step.
pub const MAX_SERVICE_ROWS: usize = 20;

/// Reads the managed-services form: rows `kind_N`, `name_N`, `description_N` and the button
/// pressed (`action` = add, remove-N or continue).
pub fn read_services_form(pairs: &[(String, String)]) -> (Vec<ServiceRow>, ServicesAction) {
    let mut rows: Vec<ServiceRow> = Vec::new();
    let mut action = ServicesAction::Continue;
    for (key, value) in pairs {
        if key == "action" {
            action = match value.as_str() {
                "add" => ServicesAction::Add,
                v => v
                    .strip_prefix("remove-")
                    .and_then(|n| n.parse().ok())
                    .map(ServicesAction::Remove)
                    .unwrap_or(ServicesAction::Continue),
            };
            continue;
        }
        let Some((field, index)) = key.rsplit_once('_') else {
            continue;
        };
        let Ok(index) = index.parse::<usize>() else {
            continue;
        };
        if index >= MAX_SERVICE_ROWS {
            continue;
        }
        if rows.len() <= index {
            rows.resize(index + 1, ServiceRow::default());
        }
        let value: String = value.trim().chars().take(2000).collect();
        match field {
            "kind" => rows[index].kind = value,
            "name" => rows[index].name = value,
            "description" => rows[index].description = value,
            _ => {}
        }
    }
    (rows, action)
}

/// Checks every row: at least one, each complete. Errors are keyed `name_N` etc.
pub fn validate_services(rows: &[ServiceRow]) -> Result<(), Vec<(String, String)>> {
    let mut errors = Vec::new();
    let filled: Vec<_> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !(r.kind.is_empty() && r.name.is_empty() && r.description.is_empty()))
        .collect();
    if filled.is_empty() {
        errors.push((
            "kind_0".to_owned(),
            "Add at least one managed service, IP service or customer solution".to_owned(),
        ));
    }
    for (i, r) in filled {
        let n = i + 1;
        if rules::service_kind_label(&r.kind).is_none() {
            errors.push((format!("kind_{i}"), format!("Choose the type of offer {n}")));
        }
        if r.name.is_empty() {
            errors.push((format!("name_{i}"), format!("Enter the name of offer {n}")));
        } else if r.name.chars().count() > 200 {
            errors.push((
                format!("name_{i}"),
                format!("The name of offer {n} must be 200 characters or fewer"),
            ));
        }
        if r.description.is_empty() {
            errors.push((
                format!("description_{i}"),
                format!("Describe offer {n} in a sentence or two"),
            ));
        } else if r.description.chars().count() > 1000 {
            errors.push((
                format!("description_{i}"),
                format!("The description of offer {n} must be 1,000 characters or fewer"),
            ));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Rows worth keeping: completely empty rows are dropped.
pub fn non_empty_rows(rows: Vec<ServiceRow>) -> Vec<ServiceRow> {
    rows.into_iter()
        .filter(|r| !(r.kind.is_empty() && r.name.is_empty() && r.description.is_empty()))
        .collect()
}

/// Why an upload was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum UploadRefusal {
    /// No file chosen.
    Empty,
    /// Over 10 MB.
    TooLarge,
    /// Not a PDF, PNG or JPEG.
    WrongType,
    /// Five files already.
    TooMany,
}

impl UploadRefusal {
    /// The refusal in words.
    pub fn message(&self) -> &'static str {
        match self {
            UploadRefusal::Empty => "Choose a file to upload",
            UploadRefusal::TooLarge => "The file must be 10 MB or smaller",
            UploadRefusal::WrongType => {
                "The file must be a PDF, PNG or JPEG (we check the file itself, not its name)"
            }
            UploadRefusal::TooMany => {
                "You can upload up to 5 files. Remove one before adding another"
            }
        }
    }
}

/// Stores an evidence file on the application after checking its size and its content type.
pub async fn upload(
    state: &AppState,
    user: &SessionUser,
    app: &Application,
    file_name: &str,
    bytes: &[u8],
    ip: &str,
) -> anyhow::Result<Result<Uuid, UploadRefusal>> {
    if bytes.is_empty() {
        return Ok(Err(UploadRefusal::Empty));
    }
    if bytes.len() > rules::MAX_DOCUMENT_BYTES {
        return Ok(Err(UploadRefusal::TooLarge));
    }
    let Some(content_type) = rules::sniff_document(bytes) else {
        return Ok(Err(UploadRefusal::WrongType));
    };
    let name = rules::clean_file_name(file_name);
    let digest = Sha256::digest(bytes);
    let mut tx = state.db.begin().await?;
    let Some(id) = store::add_document(
        &mut tx,
        &store::NewDocument {
            application_id: app.application_id,
            file_name: &name,
            content_type,
            content: bytes,
            sha256: digest.as_slice(),
            uploaded_by: user.user_id,
        },
        rules::MAX_DOCUMENTS,
    )
    .await?
    else {
        return Ok(Err(UploadRefusal::TooMany));
    };
    db::audit::record(
        &mut *tx,
        AuditEvent {
            actor_user_id: Some(user.user_id),
            tenant_id: Some(user.tenant_id),
            action: "direct_bill.document_uploaded",
            target_type: "application",
            target_id: app.application_id.to_string(),
            ip_address: Some(ip.to_owned()),
            after: Some(json!({
                "document_id": id, "file_name": name, "content_type": content_type,
                "size_bytes": bytes.len(), "sha256": hex(digest.as_slice()),
            })),
            ..Default::default()
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Ok(id))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Removes an evidence file while the application may change; false when nothing was removed.
pub async fn remove_document(
    state: &AppState,
    user: &SessionUser,
    app: &Application,
    document_id: Uuid,
    ip: &str,
) -> anyhow::Result<bool> {
    let mut tx = state.db.begin().await?;
    let Some(name) = store::remove_document(&mut *tx, app.application_id, document_id).await?
    else {
        return Ok(false);
    };
    db::audit::record(
        &mut *tx,
        AuditEvent {
            actor_user_id: Some(user.user_id),
            tenant_id: Some(user.tenant_id),
            action: "direct_bill.document_removed",
            target_type: "application",
            target_id: app.application_id.to_string(),
            ip_address: Some(ip.to_owned()),
            before: Some(json!({ "document_id": document_id, "file_name": name })),
            ..Default::default()
        },
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// Outcome of submitting a direct-bill application.
#[derive(Debug)]
pub enum SubmitOutcome {
    /// In review now.
    Submitted(Uuid),
    /// Submitted before.
    AlreadySubmitted(Uuid),
    /// Refused: intake closed or no longer eligible.
    Refused(Refusal),
    /// Answers missing: go back to this step.
    Incomplete(&'static str),
    /// The authority box was not ticked.
    NoConsent,
}

/// Submits the tenant's direct-bill draft, once, after checking intake and eligibility again.
pub async fn submit(
    state: &AppState,
    user: &SessionUser,
    consent: bool,
    ip: &str,
) -> anyhow::Result<SubmitOutcome> {
    let s = standing(state, user.tenant_id, today()).await?;
    let Some(app) = s.open().cloned() else {
        return Ok(SubmitOutcome::Incomplete("revenue"));
    };
    if app.state() != ApplicationState::Draft {
        return Ok(SubmitOutcome::AlreadySubmitted(app.application_id));
    }
    if !s.intake.direct_bill_intake_open {
        return Ok(SubmitOutcome::Refused(Refusal::IntakeClosed));
    }
    if !s.eligible() {
        return Ok(SubmitOutcome::Refused(Refusal::NotEligible));
    }
    let answers = store::answers(&state.db, app.application_id).await?;
    let documents = store::documents(&state.db, app.application_id).await?;
    if let Some(step) = first_incomplete_step(&answers, documents.len()) {
        return Ok(SubmitOutcome::Incomplete(step));
    }
    if !consent {
        return Ok(SubmitOutcome::NoConsent);
    }
    let mut tx = state.db.begin().await?;
    let actor = Actor {
        user_id: Some(user.user_id),
        staff_id: None,
        label: &user.full_name,
        ip,
    };
    let detail = format!(
        "Authority to accept legal agreements for the organisation confirmed by {}",
        user.full_name
    );
    if make_move(
        state,
        &mut tx,
        &app,
        Move::SubmitForReview,
        &actor,
        Some(&detail),
    )
    .await?
    .is_none()
    {
        return Ok(SubmitOutcome::AlreadySubmitted(app.application_id));
    }
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(SubmitOutcome::Submitted(app.application_id))
}

/// Recorded checks as (step, outcome) pairs for the order rules.
pub fn outcomes(checks: &[Check]) -> Vec<(CheckStep, CheckOutcome)> {
    checks
        .iter()
        .filter_map(|c| {
            let step = CheckStep::parse(&c.step)?;
            let outcome = if c.outcome == "failed" {
                CheckOutcome::Failed
            } else {
                CheckOutcome::Passed
            };
            Some((step, outcome))
        })
        .collect()
}

/// A reviewer's check form.
#[derive(Debug, Default, Deserialize)]
pub struct CheckInput {
    /// passed or failed (not for scheduling).
    #[serde(default)]
    pub outcome: String,
    /// Note (required when failed).
    #[serde(default, rename = "check_note")]
    pub note: String,
    /// Assessment date, YYYY-MM-DD (scheduling only).
    #[serde(default)]
    pub assessment_on: String,
    /// Assessor (scheduling only).
    #[serde(default)]
    pub assessor: String,
    /// The version the reviewer saw.
    #[serde(default)]
    pub version: i32,
}

/// A validated check.
pub struct ValidCheck {
    outcome: &'static str,
    note: Option<String>,
    assessment_on: Option<Date>,
    assessor: Option<String>,
}

impl CheckInput {
    /// Checks the form for `step` as of `today`.
    pub fn validate(&self, step: CheckStep, today: Date) -> Result<ValidCheck, FormErrors> {
        let mut errors = FormErrors::default();
        let note = errors
            .check(
                "check_note",
                crate::domain::enrollment::optional_text(
                    &self.note,
                    2000,
                    "The note must be 2,000 characters or fewer",
                ),
            )
            .flatten();
        if step == CheckStep::AssessmentScheduled {
            let format = time::macros::format_description!("[year]-[month]-[day]");
            let date = match Date::parse(self.assessment_on.trim(), &format) {
                Ok(d) if d < today => {
                    errors.add("assessment_on", "The assessment date cannot be in the past");
                    None
                }
                Ok(d) => Some(d),
                Err(_) => {
                    errors.add(
                        "assessment_on",
                        "Enter the assessment date as a date, like 2027-01-15",
                    );
                    None
                }
            };
            let assessor = errors.check(
                "assessor",
                required_text(
                    &self.assessor,
                    "Enter the assessor (the third party doing the assessment)",
                    200,
                    "The assessor's name must be 200 characters or fewer",
                ),
            );
            return match (date, assessor) {
                (Some(d), Some(a)) if errors.is_empty() => Ok(ValidCheck {
                    outcome: "scheduled",
                    note,
                    assessment_on: Some(d),
                    assessor: Some(a),
                }),
                _ => Err(errors),
            };
        }
        let outcome = match self.outcome.as_str() {
            "passed" => Some("passed"),
            "failed" => Some("failed"),
            _ => {
                errors.add("outcome", "Choose the outcome: passed or not passed");
                None
            }
        };
        if outcome == Some("failed") && note.is_none() {
            errors.add(
                "check_note",
                "Say why it did not pass: the applicant will see this note",
            );
        }
        match outcome {
            Some(o) if errors.is_empty() => Ok(ValidCheck {
                outcome: o,
                note,
                assessment_on: None,
                assessor: None,
            }),
            _ => Err(errors),
        }
    }
}

/// Outcome of recording a check.
pub enum CheckRecorded {
    /// Recorded (and e-mailed).
    Recorded,
    /// The form has mistakes.
    Invalid(FormErrors),
    /// Out of order, or already recorded.
    Refused(String),
    /// The application is not in review, or changed since the reviewer looked.
    Conflict,
}

/// Records a reviewer's check on a direct-bill application, in order: timeline, audit row
/// and e-mail to the primary contact in the same transaction.
pub async fn record_check(
    state: &AppState,
    staff: &db::staff::Staff,
    app: &Application,
    step: CheckStep,
    input: &CheckInput,
    ip: &str,
) -> anyhow::Result<CheckRecorded> {
    let valid = match input.validate(step, today()) {
        Ok(v) => v,
        Err(errors) => return Ok(CheckRecorded::Invalid(errors)),
    };
    let mut tx = state.db.begin().await?;
    match store::lock_application(&mut tx, app.application_id).await? {
        Some((s, v)) if s == "in_review" && v == input.version => {}
        _ => return Ok(CheckRecorded::Conflict),
    }
    let recorded = outcomes(&store::checks(&mut *tx, app.application_id).await?);
    if let Err(refusal) = rules::may_record(step, &recorded) {
        return Ok(CheckRecorded::Refused(refusal.message(step)));
    }
    let label = format!("Reviewer {}", staff.full_name);
    if !store::record_check(
        &mut tx,
        &store::NewCheck {
            application_id: app.application_id,
            step: step.code(),
            outcome: valid.outcome,
            note: valid.note.as_deref(),
            assessment_on: valid.assessment_on,
            assessor: valid.assessor.as_deref(),
            recorded_by: staff.staff_id,
            recorded_by_name: &staff.full_name,
        },
    )
    .await?
    {
        return Ok(CheckRecorded::Refused(
            rules::OrderRefusal::AlreadyDone.message(step),
        ));
    }
    store::bump_version(&mut tx, app.application_id).await?;
    let (headline, body) = check_words(step, &valid);
    let detail = match &valid.note {
        Some(n) => format!("{body} Note: {n}"),
        None => body.clone(),
    };
    let actor = Actor {
        user_id: None,
        staff_id: Some(staff.staff_id),
        label: &label,
        ip,
    };
    apps::record_event(
        &mut *tx,
        &apps::NewEvent {
            detail: Some(&detail),
            ..actor.event(app, &format!("check_{}", step.code()))
        },
    )
    .await?;
    db::audit::record(
        &mut *tx,
        AuditEvent {
            actor_staff_id: Some(staff.staff_id),
            tenant_id: Some(app.tenant_id),
            action: "direct_bill.check_recorded",
            target_type: "application",
            target_id: app.application_id.to_string(),
            ip_address: Some(ip.to_owned()),
            after: Some(json!({
                "step": step.code(), "outcome": valid.outcome, "note": valid.note,
                "assessment_on": valid.assessment_on.map(|d| d.to_string()), "assessor": valid.assessor,
            })),
            ..Default::default()
        },
    )
    .await?;
    notify_contact(state, &mut tx, app, &headline, &detail).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(CheckRecorded::Recorded)
}

/// A check's headline and explanation for the applicant.
fn check_words(step: CheckStep, c: &ValidCheck) -> (String, String) {
    let passed = c.outcome != "failed";
    match (step, passed) {
        (CheckStep::RevenueTenure, true) => (
            "Revenue and tenure confirmed".into(),
            "The program's team has confirmed your revenue and your 12 months as an indirect reseller. The credit check comes next.".into(),
        ),
        (CheckStep::RevenueTenure, false) => (
            "Revenue and tenure not confirmed".into(),
            "The program's team could not confirm your revenue or tenure from the evidence.".into(),
        ),
        (CheckStep::CreditCheck, true) => (
            "Credit check passed".into(),
            "Your credit check has passed. You may now buy the vendor support plan (advanced or premier) that you named in your application. The capability assessment will be scheduled next.".into(),
        ),
        (CheckStep::CreditCheck, false) => (
            "Credit check not passed".into(),
            "Your credit check did not pass. Do not buy the vendor support plan.".into(),
        ),
        (CheckStep::AssessmentScheduled, _) => (
            "Capability assessment scheduled".into(),
            format!(
                "A third-party assessment of your billing, provisioning, customer support and security capabilities is scheduled for {} with {}.",
                c.assessment_on.map(rules::day).unwrap_or_default(),
                c.assessor.clone().unwrap_or_default()
            ),
        ),
        (CheckStep::AssessmentResult, true) => (
            "Capability assessment passed".into(),
            "The third-party assessment has confirmed your capabilities. The program's team will now decide on your application.".into(),
        ),
        (CheckStep::AssessmentResult, false) => (
            "Capability assessment not passed".into(),
            "The third-party assessment did not confirm your capabilities.".into(),
        ),
    }
}

/// E-mails a direct-bill notice to the application's primary contact.
async fn notify_contact(
    state: &AppState,
    conn: &mut PgConnection,
    app: &Application,
    headline: &str,
    body: &str,
) -> anyhow::Result<()> {
    let Some(contact) = &app.contact_email else {
        return Ok(());
    };
    let message = DirectBillNotice {
        name: app.contact_first_name.clone().unwrap_or_default(),
        organisation: app.legal_name.clone().unwrap_or_default(),
        headline: headline.to_owned(),
        body: body.to_owned(),
        link: state
            .config
            .link(&format!("/applications/{}", app.application_id)),
        link_text: "See your direct-bill application".into(),
    }
    .to_email(contact)?;
    db::outbox::enqueue(&mut *conn, &message, &state.message_domain()).await?;
    Ok(())
}

/// Refuses approving a direct-bill application before every check has passed.
pub async fn approval_blocker(
    state: &AppState,
    app: &Application,
) -> anyhow::Result<Option<String>> {
    if app.program != DIRECT_BILL {
        return Ok(None);
    }
    let recorded = outcomes(&store::checks(&state.db, app.application_id).await?);
    if rules::all_passed(&recorded) {
        return Ok(None);
    }
    let missing: Vec<&str> = CheckStep::ALL
        .iter()
        .filter(|s| {
            !recorded
                .iter()
                .any(|(r, o)| r == *s && *o == CheckOutcome::Passed)
        })
        .map(|s| s.label())
        .collect();
    Ok(Some(format!(
        "A direct-bill application can be approved only after every requirement check has passed. Still open: {}.",
        missing.join(", ")
    )))
}

/// The reassessment date for an approval on `approved_on`.
pub fn reassessment_due(approved_on: Date) -> Date {
    rules::add_months(approved_on, rules::REASSESSMENT_MONTHS)
}

/// When the reminder for a reassessment due on `due` is sent: 30 days before, 08:00 UTC.
pub fn reminder_time(due: Date) -> OffsetDateTime {
    (due - time::Duration::days(rules::REMINDER_DAYS_BEFORE))
        .with_hms(8, 0, 0)
        .map(|t| t.assume_utc())
        .unwrap_or_else(|_| OffsetDateTime::now_utc())
}

/// Queues the reminder for a reassessment due on `due`, to the application's primary contact.
async fn queue_reminder(
    state: &AppState,
    conn: &mut PgConnection,
    app: &Application,
    due: Date,
) -> anyhow::Result<Uuid> {
    let recipient = app
        .contact_email
        .clone()
        .ok_or_else(|| anyhow::anyhow!("direct-bill application without a primary contact"))?;
    let reminder = DirectBillNotice {
        name: app.contact_first_name.clone().unwrap_or_default(),
        organisation: app.legal_name.clone().unwrap_or_default(),
        headline: format!("Your yearly direct-bill reassessment is due on {}", rules::day(due)),
        body: "Direct-bill partners are reassessed every year: billing, provisioning, customer support and security, by a third party. The program's team will contact you to schedule it. Keep your evidence of revenue and your support plan at hand.".into(),
        link: state.config.link("/dashboard"),
        link_text: "Open your dashboard".into(),
    }
    .to_email(&recipient)?;
    Ok(db::outbox::enqueue_at(
        &mut *conn,
        &reminder,
        &state.message_domain(),
        reminder_time(due),
    )
    .await?)
}

/// After approval (inside the approving transaction): the tenant becomes a direct-bill
/// partner, its reassessment falls due in a year and the reminder is queued.
pub async fn on_approved(
    state: &AppState,
    conn: &mut PgConnection,
    app: &Application,
) -> anyhow::Result<()> {
    let due = reassessment_due(today());
    let reminder_id = queue_reminder(state, conn, app, due).await?;
    store::make_partner(conn, app.tenant_id, app.application_id, due, reminder_id).await?;
    Ok(())
}

/// A reviewer's record of a passed yearly reassessment.
#[derive(Debug, Default, Deserialize)]
pub struct ReassessmentInput {
    /// Day of the assessment, YYYY-MM-DD.
    #[serde(default)]
    pub assessed_on: String,
    /// Who assessed.
    #[serde(default)]
    pub assessor: String,
    /// Note.
    #[serde(default)]
    pub note: String,
}

/// Records a passed reassessment: the next one falls due a year after it took place, the
/// old reminder is withdrawn and a new one queued; audited and e-mailed. Returns the next
/// due date, or the form's errors; `None` when the tenant is not an active partner.
pub async fn record_reassessment(
    state: &AppState,
    staff: &db::staff::Staff,
    tenant_id: Uuid,
    input: &ReassessmentInput,
    ip: &str,
) -> anyhow::Result<Option<Result<Date, FormErrors>>> {
    let mut errors = FormErrors::default();
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let assessed_on = match Date::parse(input.assessed_on.trim(), &format) {
        Ok(d) if d > today() => {
            errors.add("assessed_on", "The assessment date cannot be in the future");
            None
        }
        Ok(d) => Some(d),
        Err(_) => {
            errors.add(
                "assessed_on",
                "Enter the day of the assessment, like 2027-11-02",
            );
            None
        }
    };
    let assessor = errors.check(
        "assessor",
        required_text(
            &input.assessor,
            "Enter the assessor (the third party that did the reassessment)",
            200,
            "The assessor's name must be 200 characters or fewer",
        ),
    );
    let note = errors
        .check(
            "note",
            crate::domain::enrollment::optional_text(
                &input.note,
                2000,
                "The note must be 2,000 characters or fewer",
            ),
        )
        .flatten();
    let (Some(assessed_on), Some(assessor)) = (assessed_on, assessor) else {
        return Ok(Some(Err(errors)));
    };
    if !errors.is_empty() {
        return Ok(Some(Err(errors)));
    }
    let Some(partner) = store::partner(&state.db, tenant_id).await? else {
        return Ok(None);
    };
    let Some(app) = apps::find(&state.db, partner.application_id).await? else {
        return Ok(None);
    };
    let next_due = reassessment_due(assessed_on);
    let mut tx = state.db.begin().await?;
    let reminder_id = queue_reminder(state, &mut tx, &app, next_due).await?;
    if !store::record_reassessment(
        &mut tx,
        &store::NewReassessment {
            tenant_id,
            assessed_on,
            assessor: &assessor,
            note: note.as_deref(),
            next_due_on: next_due,
            reminder_email_id: reminder_id,
            recorded_by: staff.staff_id,
            recorded_by_name: &staff.full_name,
        },
    )
    .await?
    {
        return Ok(None);
    }
    db::audit::record(
        &mut *tx,
        AuditEvent {
            actor_staff_id: Some(staff.staff_id),
            tenant_id: Some(tenant_id),
            action: "direct_bill.reassessed",
            target_type: "tenant",
            target_id: tenant_id.to_string(),
            ip_address: Some(ip.to_owned()),
            before: Some(json!({ "reassessment_due_on": partner.reassessment_due_on.to_string() })),
            after: Some(json!({
                "assessed_on": assessed_on.to_string(), "assessor": assessor, "note": note,
                "reassessment_due_on": next_due.to_string(),
            })),
            ..Default::default()
        },
    )
    .await?;
    notify_contact(
        state,
        &mut tx,
        &app,
        "Your yearly reassessment has passed",
        &format!(
            "The reassessment by {assessor} on {} has confirmed your direct-bill capabilities. The next one is due on {}.",
            rules::day(assessed_on),
            rules::day(next_due)
        ),
    )
    .await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(Some(Ok(next_due)))
}

/// Who asks for a transition back to indirect reseller.
pub enum TransitionBy<'a> {
    /// The partner's global admin.
    Partner(&'a SessionUser),
    /// Operator staff, with the reason.
    Staff(&'a db::staff::Staff),
}

/// Moves a direct-bill partner back to indirect reseller: recorded, audited, e-mailed to the
/// tenant's global admins. False when it was not a direct-bill partner (any more).
pub async fn transition(
    state: &AppState,
    tenant_id: Uuid,
    by: TransitionBy<'_>,
    reason: &str,
    ip: &str,
) -> anyhow::Result<bool> {
    let (label, user_id, staff_id) = match &by {
        TransitionBy::Partner(u) => (u.full_name.clone(), Some(u.user_id), None),
        TransitionBy::Staff(s) => (
            format!("Operator staff {}", s.full_name),
            None,
            Some(s.staff_id),
        ),
    };
    let mut tx = state.db.begin().await?;
    let Some(partner) = store::partner(&mut *tx, tenant_id).await? else {
        return Ok(false);
    };
    if !store::transition(&mut tx, tenant_id, &label, reason).await? {
        return Ok(false);
    }
    db::audit::record(
        &mut *tx,
        AuditEvent {
            actor_user_id: user_id,
            actor_staff_id: staff_id,
            tenant_id: Some(tenant_id),
            action: "direct_bill.transitioned_to_indirect",
            target_type: "tenant",
            target_id: tenant_id.to_string(),
            ip_address: Some(ip.to_owned()),
            before: Some(json!({ "program": "direct_bill" })),
            after: Some(json!({ "program": "indirect_reseller", "reason": reason, "by": label })),
        },
    )
    .await?;
    let headline = "Your organisation is now an indirect reseller again".to_owned();
    let body = format!(
        "{} moved {} from direct bill back to indirect reseller. Reason: {} You no longer buy from the vendor directly; buy through an indirect provider. Your customers, your partner ID and your partner agreement stay as they are. You can apply for direct bill again when you meet its requirements and intake is open.",
        label, partner.organisation, reason
    );
    for email in db::partnerships::global_admin_emails(&mut *tx, tenant_id).await? {
        let message = DirectBillNotice {
            name: String::new(),
            organisation: partner.organisation.clone(),
            headline: headline.clone(),
            body: body.clone(),
            link: state.config.link("/dashboard"),
            link_text: "Open your dashboard".into(),
        }
        .to_email(&email)?;
        db::outbox::enqueue(&mut *tx, &message, &state.message_domain()).await?;
    }
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(true)
}

/// One requirement line on the applicant's status page.
pub struct RequirementLine {
    /// The requirement.
    pub label: &'static str,
    /// verified, pending or failed.
    pub status: &'static str,
    /// How it was checked, in words.
    pub detail: String,
}

/// The status page's requirement lines for a direct-bill application.
pub fn requirement_lines(
    app: &Application,
    answers: &Answers,
    documents: usize,
    checks: &[Check],
    partner_id_active: bool,
) -> Vec<RequirementLine> {
    let submitted = app.submitted_at.is_some();
    let check = |step: CheckStep| checks.iter().find(|c| c.step == step.code());
    let from_check = |step: CheckStep, pending: &str| -> (&'static str, String) {
        match check(step) {
            Some(c) if c.outcome == "failed" => (
                "failed",
                format!(
                    "{} on {}{}",
                    "Not confirmed",
                    crate::enrollment::when(c.recorded_at),
                    c.note
                        .as_deref()
                        .map(|n| format!(": {n}"))
                        .unwrap_or_default()
                ),
            ),
            Some(c) if c.outcome == "passed" => (
                "verified",
                format!("Confirmed on {}", crate::enrollment::when(c.recorded_at)),
            ),
            _ => ("pending", pending.to_owned()),
        }
    };
    let revenue = from_check(
        CheckStep::RevenueTenure,
        &format!(
            "Declared {} with {} evidence file(s); waiting for the team to confirm",
            answers
                .revenue_usd_cents
                .map(rules::format_usd)
                .unwrap_or_else(|| "nothing yet".into()),
            documents
        ),
    );
    let tenure = from_check(
        CheckStep::RevenueTenure,
        "Computed from your approval date; waiting for the team to confirm",
    );
    let credit = from_check(
        CheckStep::CreditCheck,
        "After revenue and tenure are confirmed",
    );
    let assessment = match (
        check(CheckStep::AssessmentResult),
        check(CheckStep::AssessmentScheduled),
    ) {
        (Some(_), _) => from_check(CheckStep::AssessmentResult, ""),
        (None, Some(s)) => (
            "pending",
            format!(
                "Third-party assessment scheduled for {} with {}",
                s.assessment_on.map(rules::day).unwrap_or_default(),
                s.assessor.clone().unwrap_or_default()
            ),
        ),
        (None, None) => (
            "pending",
            "A third-party assessment is scheduled after the credit check".into(),
        ),
    };
    let line = |label, (status, detail): (&'static str, String)| RequirementLine {
        label,
        status,
        detail,
    };
    let plan = answers
        .support_plan
        .as_deref()
        .map(rules::support_plan_label)
        .unwrap_or("No plan chosen");
    vec![
        line(
            "Partner ID",
            if partner_id_active {
                (
                    "verified",
                    "Active, in your country (checked by the portal)".into(),
                )
            } else {
                ("failed", "Not active or not in your country".into())
            },
        ),
        line("Tenure of 12 months", tenure),
        line("Revenue of USD 300,000", revenue),
        line(
            "Authority to accept agreements",
            if submitted {
                (
                    "verified",
                    "Confirmed by the applicant at submission".into(),
                )
            } else {
                ("pending", "Confirm on the last step".into())
            },
        ),
        line("Credit check", credit),
        line(
            "First-line support and support plan",
            match assessment.0 {
                "verified" => ("verified", format!("{plan}; confirmed by the assessment")),
                "failed" => ("failed", "Not confirmed by the assessment".into()),
                _ => (
                    "pending",
                    format!("{plan}; buy it only after the credit check has passed"),
                ),
            },
        ),
        line(
            "Receivables and capabilities",
            (assessment.0, assessment.1.clone()),
        ),
        line(
            "Managed services",
            match assessment.0 {
                "verified" => (
                    "verified",
                    format!(
                        "{} offer(s); confirmed by the assessment",
                        answers.managed_services.len()
                    ),
                ),
                "failed" => ("failed", "Not confirmed by the assessment".into()),
                _ => (
                    "pending",
                    format!(
                        "{} offer(s) listed; verified by the assessment",
                        answers.managed_services.len()
                    ),
                ),
            },
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn service_rows_are_read_from_the_form() {
        let (rows, action) = read_services_form(&pairs(&[
            ("csrf_token", "x"),
            ("kind_0", "managed_service"),
            ("name_0", " Backup "),
            ("description_0", "Nightly"),
            ("kind_1", ""),
            ("name_1", ""),
            ("description_1", ""),
            ("action", "remove-0"),
        ]));
        assert_eq!(action, ServicesAction::Remove(0));
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].name, "Backup");
        assert_eq!(non_empty_rows(rows).len(), 1);
        let (_, add) = read_services_form(&pairs(&[("action", "add")]));
        assert_eq!(add, ServicesAction::Add);
        let (rows, _) = read_services_form(&pairs(&[("name_999", "x")]));
        assert!(rows.is_empty());
    }

    #[test]
    fn service_rows_must_be_complete() {
        assert!(validate_services(&[]).is_err());
        let half = ServiceRow {
            kind: "ip_service".into(),
            name: "Tool".into(),
            description: String::new(),
        };
        let errors = validate_services(&[half]).unwrap_err();
        assert_eq!(errors[0].0, "description_0");
        let full = ServiceRow {
            kind: "ip_service".into(),
            name: "Tool".into(),
            description: "Does things".into(),
        };
        assert!(validate_services(&[full]).is_ok());
    }

    #[test]
    fn answers_saved_on_the_way_do_not_count_as_complete() {
        let complete = Answers {
            revenue_usd_cents: Some(rules::MIN_REVENUE_CENTS),
            first_line_support: Some(true),
            support_plan: Some("advanced".into()),
            receivables_confirmed: Some(true),
            managed_services: vec![ServiceRow {
                kind: "ip_service".into(),
                name: "Tool".into(),
                description: "Does things".into(),
            }],
            ..Default::default()
        };
        assert_eq!(first_incomplete_step(&complete, 1), None);
        assert_eq!(first_incomplete_step(&complete, 0), Some("revenue"));
        let low = Answers {
            revenue_usd_cents: Some(rules::MIN_REVENUE_CENTS - 100),
            ..complete.clone()
        };
        assert_eq!(first_incomplete_step(&low, 1), Some("revenue"));
        let mut half = complete.clone();
        half.managed_services[0].description.clear();
        assert_eq!(first_incomplete_step(&half, 1), Some("services"));
    }

    #[test]
    fn the_reminder_goes_out_thirty_days_before() {
        let due = reassessment_due(time::macros::date!(2026 - 11 - 22));
        assert_eq!(due, time::macros::date!(2027 - 11 - 22));
        assert_eq!(
            reminder_time(due),
            time::macros::datetime!(2027-10-23 08:00 UTC)
        );
    }
}
