//! The reviewers' requirement checks, recorded in order under a row lock.

use crate::db::applications::{self as apps, Application};
use crate::db::audit::AuditEvent;
use crate::db::direct_bill::{self as store};
use crate::db::{self};
use crate::domain::FormErrors;
use crate::domain::direct_bill::{self as rules, CheckStep, RecordedOutcome, today};
use crate::domain::enrollment::required_text;
use crate::flows::lifecycle::Actor;
use crate::messages;
use crate::state::AppState;
use serde::Deserialize;
use serde_json::json;
use time::Date;

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

impl CheckInput {
    /// The form chose this outcome (to show the choice again).
    pub fn chose(&self, outcome: RecordedOutcome) -> bool {
        self.outcome == outcome.as_str()
    }
}

/// A validated check.
pub struct ValidCheck {
    outcome: RecordedOutcome,
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
                    messages::NOTE_MUST_2_000,
                ),
            )
            .flatten();
        if step == CheckStep::AssessmentScheduled {
            let date = match crate::domain::form::parse_day(&self.assessment_on) {
                Ok(d) if d < today => {
                    errors.add("assessment_on", messages::ASSESSMENT_DATE_CANNOT_PAST);
                    None
                }
                Ok(d) => Some(d),
                Err(_) => {
                    errors.add("assessment_on", messages::ENTER_ASSESSMENT_DATE_DATE);
                    None
                }
            };
            let assessor = errors.check(
                "assessor",
                required_text(
                    &self.assessor,
                    messages::ENTER_ASSESSOR_THIRD_PARTY,
                    200,
                    messages::ASSESSOR_S_NAME_MUST,
                ),
            );
            return match (date, assessor) {
                (Some(d), Some(a)) if errors.is_empty() => Ok(ValidCheck {
                    outcome: RecordedOutcome::Scheduled,
                    note,
                    assessment_on: Some(d),
                    assessor: Some(a),
                }),
                _ => Err(errors),
            };
        }
        let outcome = RecordedOutcome::parse_choice(&self.outcome);
        if outcome.is_none() {
            errors.add("outcome", messages::CHOOSE_OUTCOME_PASSED_NOT);
        }
        if outcome == Some(RecordedOutcome::Failed) && note.is_none() {
            errors.add("check_note", messages::SAY_WHY_DID_NOT);
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
        Some((s, v)) if s.is_in_review() && v == input.version => {}
        _ => return Ok(CheckRecorded::Conflict),
    }
    let recorded = store::outcomes(&store::checks(&mut *tx, app.application_id).await?);
    if let Err(refusal) = rules::may_record(step, &recorded) {
        return Ok(CheckRecorded::Refused(refusal.message(step)));
    }
    if !store::record_check(
        &mut tx,
        &store::NewCheck {
            application_id: app.application_id,
            step,
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
    // Said in the applicant's (the primary contact's) language: the timeline keeps it as
    // the applicant reads it, and the contact's e-mail says the same.
    let (headline, detail) = crate::i18n::sync_scope(app.contact_lang(), || {
        let (headline, body) = check_words(step, &valid);
        let detail = match &valid.note {
            Some(n) => crate::i18n::t_args(
                "check-with-note",
                &[("text", body.into()), ("note", n.into())],
            ),
            None => body,
        };
        (headline, detail)
    });
    let actor = Actor::reviewer(staff, ip);
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
                "step": step.code(), "outcome": valid.outcome.as_str(), "note": valid.note,
                "assessment_on": valid.assessment_on.map(|d| d.to_string()), "assessor": valid.assessor,
            })),
            ..Default::default()
        },
    )
    .await?;
    super::notify_contact(state, &mut tx, app, || (headline, detail)).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(CheckRecorded::Recorded)
}

/// A check's headline and explanation for the applicant.
fn check_words(step: CheckStep, c: &ValidCheck) -> (String, String) {
    let passed = !c.outcome.is_failed();
    match (step, passed) {
        (CheckStep::RevenueTenure, true) => (
            messages::REVENUE_TENURE_CONFIRMED.into(),
            messages::PROGRAM_S_TEAM_CONFIRMED.into(),
        ),
        (CheckStep::RevenueTenure, false) => (
            messages::REVENUE_TENURE_NOT_CONFIRMED.into(),
            messages::PROGRAM_S_TEAM_COULD.into(),
        ),
        (CheckStep::CreditCheck, true) => (
            messages::Msg("credit-check-passed").into(),
            messages::CREDIT_CHECK_PASSED_MAY.into(),
        ),
        (CheckStep::CreditCheck, false) => (
            messages::CREDIT_CHECK_NOT_PASSED.into(),
            messages::CREDIT_CHECK_DID_NOT.into(),
        ),
        (CheckStep::AssessmentScheduled, _) => (
            messages::Msg("capability-assessment-scheduled").into(),
            messages::third_party_assessment_billing(
                c.assessment_on.map(rules::day).unwrap_or_default(),
                c.assessor.clone().unwrap_or_default(),
            ),
        ),
        (CheckStep::AssessmentResult, true) => (
            messages::Msg("capability-assessment-passed").into(),
            messages::THIRD_PARTY_ASSESSMENT_CONFIRMED.into(),
        ),
        (CheckStep::AssessmentResult, false) => (
            messages::CAPABILITY_ASSESSMENT_NOT_PASSED.into(),
            messages::THIRD_PARTY_ASSESSMENT_DID.into(),
        ),
    }
}
