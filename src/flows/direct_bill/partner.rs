//! A direct-bill partner's life: the yearly reassessment and the transition back to
//! indirect reseller.

use crate::db::applications::{self as apps};
use crate::db::audit::AuditEvent;
use crate::db::direct_bill::{self as store};
use crate::db::users::SessionUser;
use crate::db::{self};
use crate::domain::FormErrors;
use crate::domain::direct_bill::{self as rules, today};
use crate::domain::enrollment::required_text;
use crate::email::messages::{DirectBillTransitioned, EmailContent};
use crate::flows::lifecycle::{self};
use crate::messages;
use crate::state::AppState;
use serde::Deserialize;
use serde_json::json;
use time::Date;
use uuid::Uuid;

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
    let assessed_on = match crate::domain::form::parse_day(&input.assessed_on) {
        Ok(d) if d > today() => {
            errors.add("assessed_on", messages::ASSESSMENT_DATE_CANNOT_FUTURE);
            None
        }
        Ok(d) => Some(d),
        Err(_) => {
            errors.add("assessed_on", messages::ENTER_DAY_ASSESSMENT_LIKE);
            None
        }
    };
    let assessor = errors.check(
        "assessor",
        required_text(
            &input.assessor,
            messages::ENTER_ASSESSOR_THIRD_PARTY_2,
            200,
            messages::ASSESSOR_S_NAME_MUST,
        ),
    );
    let note = errors
        .check(
            "note",
            crate::domain::enrollment::optional_text(&input.note, 2000, messages::NOTE_MUST_2_000),
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
    let next_due = rules::reassessment_due(assessed_on);
    let mut tx = state.db.begin().await?;
    let reminder_id =
        lifecycle::queue_reassessment_reminder(state, &mut tx, &app, next_due).await?;
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
    super::notify_contact(state, &mut tx, &app, || {
        (
            messages::YEARLY_REASSESSMENT_PASSED.to_string(),
            messages::reassessment_confirmed_direct_bill(
                rules::day(assessed_on),
                rules::day(next_due),
                assessor,
            ),
        )
    })
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
    // Only direct-bill partners are indirect providers: the listing goes with the standing.
    let withdrawn = lifecycle::withdraw_listing(
        state,
        &mut tx,
        tenant_id,
        lifecycle::Withdrawal::DirectBillEnded,
    )
    .await?;
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
            after: Some(
                json!({ "program": "indirect_reseller", "reason": reason, "by": label,
                                "provider_regions_withdrawn": withdrawn }),
            ),
        },
    )
    .await?;
    for to in db::partnerships::global_admin_emails(&mut *tx, tenant_id).await? {
        let message = crate::i18n::sync_scope(to.lang(), || {
            DirectBillTransitioned {
                organisation: partner.organisation.clone(),
                by: match &by {
                    TransitionBy::Partner(u) => u.full_name.clone(),
                    TransitionBy::Staff(s) => crate::i18n::t_args(
                        "transitioned-by-staff",
                        &[("name", s.full_name.as_str().into())],
                    ),
                },
                reason: reason.to_owned(),
                link: state.config.link("/dashboard"),
            }
            .to_email(&to.email)
        })?;
        db::outbox::enqueue(&mut *tx, &message, &state.message_domain()).await?;
    }
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(true)
}
