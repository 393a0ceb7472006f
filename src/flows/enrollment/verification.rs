//! Submission and the primary contact's verification of the application.

use super::wizard::first_incomplete_step;
use crate::db::applications::{self as apps, Application};
use crate::db::audit::AuditEvent;
use crate::db::users::SessionUser;
use crate::db::{self};
use crate::domain::application::Program;
use crate::domain::application::{ApplicationState, Move};
use crate::domain::token;
use crate::email::messages::{ContactDeclined, EmailContent, VerifyContact};
use crate::flows::lifecycle::{Actor, make_move};
use crate::messages;
use crate::state::AppState;
use sqlx::PgConnection;
use uuid::Uuid;

async fn send_verification(
    state: &AppState,
    conn: &mut PgConnection,
    app: &Application,
    applicant: &str,
) -> anyhow::Result<()> {
    let contact = app
        .contact_email
        .clone()
        .ok_or_else(|| anyhow::anyhow!("application without a primary contact"))?;
    let token = token::new_token();
    apps::issue_contact_token(conn, app.application_id, &token.hash).await?;
    let message = VerifyContact {
        name: app.contact_first_name.clone().unwrap_or_default(),
        organisation: app.legal_name.clone().unwrap_or_default(),
        applicant: applicant.to_owned(),
        link: state
            .config
            .link(&format!("/verify-contact/{}", token.plain)),
    }
    .to_email(&contact)?;
    db::outbox::enqueue(&mut *conn, &message, &state.message_domain()).await?;
    Ok(())
}

/// Outcome of pressing "Enroll now".
pub enum SubmitOutcome {
    /// Submitted now.
    Submitted(Uuid),
    /// Already submitted earlier (a second press, or an old form).
    AlreadySubmitted(Uuid),
    /// Answers missing: go back to this step.
    Incomplete(&'static str),
    /// The consent box was not ticked.
    NoConsent,
    /// The submitting user's own e-mail address is not confirmed yet.
    EmailUnconfirmed,
}

/// Submits the tenant's draft: exactly once, however often it is pressed.
pub async fn submit(
    state: &AppState,
    user: &SessionUser,
    consent: bool,
    ip: &str,
) -> anyhow::Result<SubmitOutcome> {
    let Some(app) = apps::open(&state.db, user.tenant_id, Program::IndirectReseller).await? else {
        return Ok(SubmitOutcome::Incomplete("partner-id"));
    };
    if app.state != ApplicationState::Draft {
        return Ok(SubmitOutcome::AlreadySubmitted(app.application_id));
    }
    if let Some(step) = first_incomplete_step(&app) {
        return Ok(SubmitOutcome::Incomplete(step));
    }
    if user.email_confirmed_at.is_none() {
        return Ok(SubmitOutcome::EmailUnconfirmed);
    }
    if !consent {
        return Ok(SubmitOutcome::NoConsent);
    }
    let mut tx = state.db.begin().await?;
    let actor = Actor::partner(user, ip);
    if make_move(state, &mut tx, &app, Move::Submit, &actor, None)
        .await?
        .is_none()
    {
        return Ok(SubmitOutcome::AlreadySubmitted(app.application_id));
    }
    apps::set_contact_language(&mut *tx, app.application_id, crate::i18n::current()).await?;
    send_verification(state, &mut tx, &app, &user.full_name).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(SubmitOutcome::Submitted(app.application_id))
}

/// The application behind a verification link that still works.
pub async fn verification_link_application(
    state: &AppState,
    plain_token: &str,
) -> anyhow::Result<Option<Application>> {
    let Some(id) = apps::peek_contact_token(&state.db, &token::hash_token(plain_token)).await?
    else {
        return Ok(None);
    };
    Ok(apps::find(&state.db, id)
        .await?
        .filter(|a| a.state == ApplicationState::AwaitingContactVerification))
}

/// The primary contact's answer.
pub enum ContactAnswer {
    /// Both statements confirmed.
    Confirm,
    /// They do not confirm.
    Decline,
}

/// Uses a verification link: confirming starts the review, declining tells the applicant.
/// Returns false when the link no longer works.
pub async fn answer_verification(
    state: &AppState,
    plain_token: &str,
    answer: ContactAnswer,
    ip: &str,
) -> anyhow::Result<bool> {
    let mut tx = state.db.begin().await?;
    let Some(id) = apps::consume_contact_token(&mut *tx, &token::hash_token(plain_token)).await?
    else {
        return Ok(false);
    };
    let Some(app) = apps::find(&mut *tx, id)
        .await?
        .filter(|a| a.state == ApplicationState::AwaitingContactVerification)
    else {
        return Ok(false);
    };
    let actor = Actor::contact(app.contact_email.clone().unwrap_or_default(), ip);
    // From now on the contact is written to in the language they answered in.
    apps::set_contact_language(&mut *tx, app.application_id, crate::i18n::current()).await?;
    let app = Application {
        contact_language: Some(crate::i18n::current().code().to_owned()),
        ..app
    };
    match answer {
        ContactAnswer::Confirm => {
            if make_move(state, &mut tx, &app, Move::VerifyContact, &actor, None)
                .await?
                .is_none()
            {
                return Ok(false);
            }
        }
        ContactAnswer::Decline => {
            // Kept in the timeline as the contact read it.
            let declined = messages::PRIMARY_CONTACT_DID_NOT_2.to_string();
            let event = apps::NewEvent {
                detail: Some(&declined),
                ..actor.event(&app, "contact_declined")
            };
            apps::record_event(&mut *tx, &event).await?;
            db::audit::record(
                &mut *tx,
                AuditEvent {
                    tenant_id: Some(app.tenant_id),
                    action: "application.contact_declined",
                    target_type: "application",
                    target_id: app.application_id.to_string(),
                    ip_address: Some(ip.to_owned()),
                    ..Default::default()
                },
            )
            .await?;
            if let Some(applicant) = applicant_of(&mut tx, &app).await? {
                let message = ContactDeclined {
                    name: applicant.full_name.clone(),
                    contact_email: app.contact_email.clone().unwrap_or_default(),
                    link: state
                        .config
                        .link(&format!("/applications/{}", app.application_id)),
                }
                .to_email_in(applicant.lang(), &applicant.email)?;
                db::outbox::enqueue(&mut *tx, &message, &state.message_domain()).await?;
            }
        }
    }
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(true)
}

async fn applicant_of(
    conn: &mut PgConnection,
    app: &Application,
) -> sqlx::Result<Option<db::users::Credentials>> {
    match apps::creator(&mut *conn, app.application_id).await? {
        Some(id) => db::users::credentials_by_id(&mut *conn, id).await,
        None => Ok(None),
    }
}

/// Outcome of a resend.
pub enum ResendOutcome {
    /// A new link is on its way; older ones no longer work.
    Sent,
    /// Too many resends lately.
    RateLimited,
    /// Only possible while waiting for the contact.
    NotWaiting,
}

/// Sends the primary contact a new verification link.
pub async fn resend_verification(
    state: &AppState,
    user: &SessionUser,
    app: &Application,
    ip: &str,
) -> anyhow::Result<ResendOutcome> {
    if app.state != ApplicationState::AwaitingContactVerification {
        return Ok(ResendOutcome::NotWaiting);
    }
    let limit = state.config.rate_limits.resend_confirmation;
    if state
        .over_limit(
            "resend_contact_verification",
            &app.application_id.to_string(),
            limit,
        )
        .await?
    {
        return Ok(ResendOutcome::RateLimited);
    }
    let mut tx = state.db.begin().await?;
    send_verification(state, &mut tx, app, &user.full_name).await?;
    let actor = Actor::partner(user, ip);
    apps::record_event(&mut *tx, &actor.event(app, "verification_resent")).await?;
    db::audit::record(
        &mut *tx,
        AuditEvent {
            actor_user_id: Some(user.user_id),
            tenant_id: Some(user.tenant_id),
            action: "application.verification_resent",
            target_type: "application",
            target_id: app.application_id.to_string(),
            ip_address: Some(ip.to_owned()),
            ..Default::default()
        },
    )
    .await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(ResendOutcome::Sent)
}

/// The application behind a primary contact's status link (from a status e-mail), while the
/// link has not expired: what the read-only status view shows.
pub async fn status_link_application(
    state: &AppState,
    token: &str,
) -> sqlx::Result<Option<Application>> {
    db::applications::by_status_link(&state.db, &crate::domain::token::hash_token(token)).await
}
