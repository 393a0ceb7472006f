//! Reviewing applications: decisions, internal notes, assignment.

use crate::db::applications::Application;
use crate::db::{self, audit::AuditEvent};
use crate::domain::FormErrors;
use crate::domain::application::{ApplicationState, Move};
use crate::domain::enrollment::required_text;
use crate::flows::lifecycle::{self, Actor};
use crate::messages;
use crate::state::AppState;
use uuid::Uuid;

/// A reviewer's decision (its URL segment: approve, reject, request-info).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Decision {
    /// Approve.
    Approve,
    /// Reject, with a reason shown to the applicant.
    Reject,
    /// Ask the applicant for more information.
    RequestInfo,
}

impl Decision {
    /// Reads the form's `action`.
    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "approve" => Some(Decision::Approve),
            "reject" => Some(Decision::Reject),
            "request-info" => Some(Decision::RequestInfo),
            _ => None,
        }
    }

    /// Rejecting.
    pub fn is_reject(self) -> bool {
        self == Decision::Reject
    }

    /// The URL segment and form value.
    pub fn code(self) -> &'static str {
        match self {
            Decision::Approve => "approve",
            Decision::Reject => "reject",
            Decision::RequestInfo => "request-info",
        }
    }

    fn as_move(self) -> Move {
        match self {
            Decision::Approve => Move::Approve,
            Decision::Reject => Move::Reject,
            Decision::RequestInfo => Move::RequestInfo,
        }
    }
}

/// What became of a decision.
pub enum DecisionOutcome {
    /// Made; the application is now in this state.
    Made(ApplicationState),
    /// Someone changed the application first; nothing was done. Its state now.
    Conflict(ApplicationState),
    /// The reason or message is missing or too long.
    Invalid(FormErrors),
}

/// A submitted application by id. Drafts (and drafts withdrawn before submission) are the
/// applicant's own business: to staff they do not exist.
pub async fn load(state: &AppState, id: Uuid) -> sqlx::Result<Option<Application>> {
    Ok(db::applications::find(&state.db, id)
        .await?
        .filter(|app| app.submitted_at.is_some()))
}

/// Records a reviewer's decision on `app` as the reviewer saw it (`seen_version`): state
/// change, timeline, audit row, e-mail and the consequences of approval in one transaction;
/// exactly one of two reviewers deciding at once wins.
pub async fn decide(
    state: &AppState,
    staff: &db::staff::Staff,
    app: &Application,
    decision: Decision,
    seen_version: i32,
    text: &str,
    ip: &str,
) -> anyhow::Result<DecisionOutcome> {
    let mut errors = FormErrors::default();
    let detail = match decision {
        Decision::Approve => None,
        Decision::Reject => errors.check(
            "text",
            required_text(
                text,
                messages::REJECT_REASON_REQUIRED,
                2000,
                messages::REJECT_REASON_TOO_LONG,
            ),
        ),
        Decision::RequestInfo => errors.check(
            "text",
            required_text(
                text,
                messages::INFO_REQUEST_REQUIRED,
                2000,
                messages::INFO_REQUEST_TOO_LONG,
            ),
        ),
    };
    if decision == Decision::Approve
        && let Some(blocker) = lifecycle::approval_blocker(state, app).await?
    {
        errors.add("text", blocker);
    }
    if !errors.is_empty() {
        return Ok(DecisionOutcome::Invalid(errors));
    }
    let seen = Application {
        version: seen_version,
        ..app.clone()
    };
    let mut tx = state.db.begin().await?;
    let actor = Actor::reviewer(staff, ip);
    let moved = lifecycle::make_move(
        state,
        &mut tx,
        &seen,
        decision.as_move(),
        &actor,
        detail.as_deref(),
    )
    .await?;
    match moved {
        Some(to) => {
            tx.commit().await?;
            state.outbox_wake.notify_one();
            Ok(DecisionOutcome::Made(to))
        }
        None => {
            drop(tx);
            // Tell the reviewer where the application stands now, not when they looked.
            let now = db::applications::find(&state.db, app.application_id)
                .await?
                .map(|a| a.state)
                .unwrap_or(app.state);
            Ok(DecisionOutcome::Conflict(now))
        }
    }
}

/// Adds an internal note (never shown to the applicant).
pub async fn add_note(
    state: &AppState,
    staff: &db::staff::Staff,
    app: &Application,
    text: &str,
    ip: &str,
) -> anyhow::Result<Result<(), FormErrors>> {
    let mut errors = FormErrors::default();
    let Some(note) = errors.check(
        "note",
        required_text(text, messages::NOTE_REQUIRED, 5000, messages::NOTE_TOO_LONG),
    ) else {
        return Ok(Err(errors));
    };
    let mut tx = state.db.begin().await?;
    let audit = AuditEvent::by_staff(
        staff,
        "application.note_added",
        "application",
        app.application_id.to_string(),
        ip,
    );
    staff_entry(&mut tx, staff, app, "note", &note, audit).await?;
    tx.commit().await?;
    Ok(Ok(()))
}

/// Writes a staff-only timeline entry on `app` and its audit row.
async fn staff_entry(
    conn: &mut sqlx::PgConnection,
    staff: &db::staff::Staff,
    app: &Application,
    kind: &str,
    detail: &str,
    audit: AuditEvent<'_>,
) -> sqlx::Result<()> {
    let ip = audit.ip_address.clone().unwrap_or_default();
    let actor = Actor::reviewer(staff, &ip);
    let event = db::applications::NewEvent {
        detail: Some(detail),
        internal: true,
        ..actor.event(app, kind)
    };
    db::applications::record_event(&mut *conn, &event).await?;
    db::audit::record(
        &mut *conn,
        AuditEvent {
            tenant_id: Some(app.tenant_id),
            ..audit
        },
    )
    .await
}

/// Assigns an application. Reviewers may assign only themselves; operator admins anyone.
/// Returns false when not allowed.
pub async fn assign(
    state: &AppState,
    staff: &db::staff::Staff,
    app: &Application,
    to: Uuid,
    ip: &str,
) -> anyhow::Result<bool> {
    if to != staff.staff_id && !staff.is_operator_admin() {
        return Ok(false);
    }
    let Some(assignee) = db::staff::by_id(&state.db, to).await? else {
        return Ok(false);
    };
    let before = db::applications::assignee(&state.db, app.application_id).await?;
    let mut tx = state.db.begin().await?;
    db::applications::assign(&mut *tx, app.application_id, Some(to)).await?;
    let audit = AuditEvent {
        before: Some(serde_json::json!({ "assigned_to": before })),
        after: Some(serde_json::json!({ "assigned_to": to })),
        ..AuditEvent::by_staff(
            staff,
            "application.assigned",
            "application",
            app.application_id.to_string(),
            ip,
        )
    };
    staff_entry(&mut tx, staff, app, "assigned", &assignee.full_name, audit).await?;
    tx.commit().await?;
    Ok(true)
}
