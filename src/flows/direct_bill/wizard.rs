//! The direct-bill wizard: the answers of each step, evidence uploads and submission.

use crate::db::applications::Application;
use crate::db::direct_bill::{self as store, Answers, ServiceRow};
use crate::db::users::SessionUser;
use crate::domain::FormErrors;
use crate::domain::application::{ApplicationState, Move};
use crate::domain::direct_bill::{self as rules, today};
use crate::domain::enrollment::required_text;
use crate::flows::lifecycle::{self, Actor, make_move};
use crate::messages;
use crate::state::AppState;
use serde::Deserialize;
use uuid::Uuid;

use super::standing::{Refusal, standing};

/// The wizard's steps, in order; the string is the URL segment under `/enroll/direct/`.
pub const STEPS: [&str; 5] = ["revenue", "support", "operations", "services", "check"];

/// One step's validated answers.
pub enum StepAnswers {
    /// Step 1: the revenue, in US cents.
    Revenue(i64),
    /// Step 2: first-line support (always yes once valid) and the support plan's code.
    Support(String),
    /// Step 3: operations.
    Operations(store::Operations),
    /// Step 4: managed services (unfinished rows too, when not finished).
    Services(Vec<ServiceRow>),
}

impl StepAnswers {
    /// The step these answers belong to.
    pub fn step(&self) -> &'static str {
        match self {
            StepAnswers::Revenue(_) => "revenue",
            StepAnswers::Support(_) => "support",
            StepAnswers::Operations(_) => "operations",
            StepAnswers::Services(_) => "services",
        }
    }
}

/// Saves one step of the draft in one transaction. `finished`: the applicant continued, so
/// the furthest step moves on and, while the reviewers wait for information, the timeline
/// notes the change; otherwise (an upload, a row added or removed) what was typed is kept
/// with the draft and nothing else changes. False when the draft was submitted meanwhile.
pub async fn save_step(
    state: &AppState,
    user: &SessionUser,
    app: &Application,
    answers: &StepAnswers,
    finished: bool,
) -> anyhow::Result<bool> {
    let step = answers.step();
    let reached = if finished {
        crate::domain::wizard::reached(&STEPS, &app.current_step, step)
    } else {
        STEPS[crate::domain::wizard::index(&STEPS, &app.current_step)]
    };
    let id = app.application_id;
    let mut tx = state.db.begin().await?;
    let saved = match answers {
        StepAnswers::Revenue(cents) => store::save_revenue(&mut tx, id, *cents, reached).await?,
        StepAnswers::Support(plan) => store::save_support(&mut tx, id, true, plan, reached).await?,
        StepAnswers::Operations(o) => store::save_operations(&mut tx, id, o, reached).await?,
        StepAnswers::Services(rows) => store::save_services(&mut tx, id, rows, reached).await?,
    };
    if !saved {
        return Ok(false);
    }
    if finished {
        let step = format!("direct-bill/{step}");
        lifecycle::note_answers_changed(&mut tx, user, app, &step).await?;
    }
    tx.commit().await?;
    Ok(true)
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
            errors.add("evidence", messages::UPLOAD_LEAST_ONE_DOCUMENT);
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
            "no" => errors.add("first_line", messages::DIRECT_BILL_PARTNERS_MUST),
            _ => errors.add("first_line", messages::SAY_WHETHER_CAN_GIVE),
        }
        if rules::SUPPORT_PLANS
            .iter()
            .all(|(code, _)| *code != self.plan)
        {
            errors.add("plan", messages::CHOOSE_VENDOR_SUPPORT_PLAN);
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
                messages::CONFIRM_INFRASTRUCTURE_BILL_PROVISION,
            );
        }
        let mut describe = |field: &'static str, value: &str, what: &str| {
            errors.check(
                field,
                required_text(
                    value,
                    messages::describe_how_handle(what),
                    1000,
                    messages::KEEP_DESCRIPTION_1_000,
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
            messages::ADD_LEAST_ONE_MANAGED.to_string(),
        ));
    }
    for (i, r) in filled {
        let n = i + 1;
        if rules::service_kind_label(&r.kind).is_none() {
            errors.push((format!("kind_{i}"), messages::choose_type_offer(n)));
        }
        if r.name.is_empty() {
            errors.push((format!("name_{i}"), messages::enter_name_offer(n)));
        } else if r.name.chars().count() > 200 {
            errors.push((format!("name_{i}"), messages::name_offer_must_200(n)));
        }
        if r.description.is_empty() {
            errors.push((
                format!("description_{i}"),
                messages::describe_offer_sentence_two(n),
            ));
        } else if r.description.chars().count() > 1000 {
            errors.push((
                format!("description_{i}"),
                messages::description_offer_must_1(n),
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
    if app.state != ApplicationState::Draft {
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
    let actor = Actor::partner(user, ip);
    if make_move(state, &mut tx, &app, Move::SubmitForReview, &actor, None)
        .await?
        .is_none()
    {
        return Ok(SubmitOutcome::AlreadySubmitted(app.application_id));
    }
    // Who confirmed the authority: a fact of its own on the timeline (the words around the
    // name are the reader's).
    crate::db::applications::record_event(
        &mut *tx,
        &crate::db::applications::NewEvent {
            detail: Some(&user.full_name),
            ..actor.event(&app, "authority_confirmed")
        },
    )
    .await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(SubmitOutcome::Submitted(app.application_id))
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
}
