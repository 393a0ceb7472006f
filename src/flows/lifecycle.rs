//! The application state machine's moves, for every program: each move changes the state
//! (refused when the application changed since it was read), writes its timeline row and its
//! audit row and queues the e-mail to the primary contact, all in the caller's transaction.
//! The applicant's own moves that every program shares (withdraw, answer the reviewers'
//! question, note changed answers) live here too.

use crate::db;
use crate::db::applications::{self as apps, Application};
use crate::db::audit::AuditEvent;
use crate::db::users::SessionUser;
use crate::domain::FormErrors;
use crate::domain::application::Program;
use crate::domain::application::{ApplicationState, Move};
use crate::domain::direct_bill::{self as rules, CheckOutcome, CheckStep};
use crate::domain::enrollment::required_text;
use crate::email::messages::{ApplicationStatusChanged, DirectBillReminder, EmailContent};
use crate::messages;
use crate::state::AppState;
use serde_json::json;
use sqlx::PgConnection;
use std::borrow::Cow;
use time::Date;
use uuid::Uuid;

/// Who acted, for timelines and audit rows.
pub struct Actor<'a> {
    /// The signed-in partner user, when there is one.
    pub user_id: Option<Uuid>,
    /// The signed-in staff member, when there is one.
    pub staff_id: Option<Uuid>,
    /// Name (a primary contact: their address).
    pub label: Cow<'a, str>,
    /// What kind of actor: pages put the words around the name in the reader's language.
    pub kind: apps::ActorKind,
    /// Request address.
    pub ip: &'a str,
}

impl<'a> Actor<'a> {
    /// A signed-in partner user.
    pub fn partner(user: &'a SessionUser, ip: &'a str) -> Self {
        Actor {
            user_id: Some(user.user_id),
            staff_id: None,
            label: Cow::Borrowed(&user.full_name),
            kind: apps::ActorKind::Partner,
            ip,
        }
    }

    /// A primary contact following their link (no account): known by their address.
    pub fn contact(email: String, ip: &'a str) -> Self {
        Actor {
            user_id: None,
            staff_id: None,
            label: Cow::Owned(email),
            kind: apps::ActorKind::Contact,
            ip,
        }
    }

    /// A staff member reviewing applications.
    pub fn reviewer(staff: &crate::db::staff::Staff, ip: &'a str) -> Self {
        Actor {
            user_id: None,
            staff_id: Some(staff.staff_id),
            label: Cow::Owned(staff.full_name.clone()),
            kind: apps::ActorKind::Staff,
            ip,
        }
    }

    /// A timeline entry of `kind` by this actor on `app`.
    pub fn event<'e>(&'e self, app: &Application, kind: &'e str) -> apps::NewEvent<'e> {
        apps::NewEvent {
            application_id: app.application_id,
            actor_user_id: self.user_id,
            actor_staff_id: self.staff_id,
            actor_label: &self.label,
            actor_kind: self.kind,
            kind,
            ..Default::default()
        }
    }
}

/// Makes a move on an application inside `conn`'s transaction: the state change (refused if
/// anyone changed the application since `app` was read: its `version` must still match), the timeline entry, the audit row and the e-mail to the primary
/// contact. Returns the new state, or `None` when the application was no longer in `from`.
pub async fn make_move(
    state: &AppState,
    conn: &mut PgConnection,
    app: &Application,
    attempted: Move,
    actor: &Actor<'_>,
    detail: Option<&str>,
) -> anyhow::Result<Option<ApplicationState>> {
    let from = app.state;
    let Ok(to) = from.apply(attempted) else {
        return Ok(None);
    };
    if !apps::move_state(conn, app.application_id, app.version, from, to).await? {
        return Ok(None);
    }
    // The reviewers' words are shown on the status page for as long as they apply.
    match attempted {
        Move::Reject => apps::set_rejection_reason(&mut *conn, app.application_id, detail).await?,
        Move::RequestInfo => apps::set_info_request(&mut *conn, app.application_id, detail).await?,
        _ => {}
    }
    let event = apps::NewEvent {
        from_state: Some(from),
        to_state: Some(to),
        detail,
        ..actor.event(app, "state_changed")
    };
    apps::record_event(&mut *conn, &event).await?;
    db::audit::record(
        &mut *conn,
        AuditEvent {
            actor_user_id: actor.user_id,
            actor_staff_id: actor.staff_id,
            tenant_id: Some(app.tenant_id),
            action: "application.state_changed",
            target_type: "application",
            target_id: app.application_id.to_string(),
            ip_address: Some(actor.ip.to_owned()),
            before: Some(json!({ "state": from.as_str() })),
            after: Some(json!({ "state": to.as_str(), "detail": detail })),
        },
    )
    .await?;
    if to == ApplicationState::Approved {
        on_approved(state, conn, app).await?;
    }
    // Submission sends the verification e-mail instead; every other change is announced.
    if to != ApplicationState::AwaitingContactVerification {
        announce(state, conn, app, to, detail).await?;
    }
    Ok(Some(to))
}

/// How long a contact's status link works.
pub const STATUS_LINK_DAYS: i32 = 30;

/// Tells the primary contact and the organisation's global admins that `app` moved to `to`,
/// each in their own language. The contact (who may have no account) gets a single-purpose
/// status link that expires; the global admins the application's page. On approval, a
/// contact who is not a global admin is told who must accept the partner agreement.
async fn announce(
    state: &AppState,
    conn: &mut PgConnection,
    app: &Application,
    to: ApplicationState,
    detail: Option<&str>,
) -> anyhow::Result<()> {
    let admins = db::partnerships::global_admin_emails(&mut *conn, app.tenant_id).await?;
    let names = db::partnerships::global_admin_names(&mut *conn, app.tenant_id).await?;
    let organisation = app.legal_name.clone().unwrap_or_default();
    let message = |name: String, link: String, note: Option<String>| ApplicationStatusChanged {
        name,
        organisation: organisation.clone(),
        state_words: to.plain().to_string(),
        detail: detail
            .map(|d| d.to_owned())
            .unwrap_or_else(|| to.next_steps().to_string()),
        link,
        note,
    };
    if let Some(contact) = &app.contact_email {
        let token = crate::domain::token::new_token();
        apps::issue_status_link(conn, app.application_id, &token.hash, STATUS_LINK_DAYS).await?;
        let link = state.config.link(&format!("/status/{}", token.plain));
        let admin = admins.iter().any(|a| a.email.eq_ignore_ascii_case(contact));
        let email = crate::i18n::sync_scope(app.contact_lang(), || {
            let note = (to == ApplicationState::Approved && !admin).then(|| {
                crate::i18n::t_args(
                    "status-who-accepts",
                    &[
                        ("organisation", organisation.clone().into()),
                        (
                            "names",
                            names.join(&crate::i18n::t("list-separator")).into(),
                        ),
                    ],
                )
            });
            let name = app.contact_first_name.clone().unwrap_or_default();
            message(name, link, note).to_email(contact)
        })?;
        db::outbox::enqueue(&mut *conn, &email, &state.message_domain()).await?;
    }
    let page = state
        .config
        .link(&format!("/applications/{}", app.application_id));
    for admin in admins {
        if app
            .contact_email
            .as_deref()
            .is_some_and(|c| c.eq_ignore_ascii_case(&admin.email))
        {
            continue;
        }
        let email = crate::i18n::sync_scope(admin.lang(), || {
            message(String::new(), page.clone(), None).to_email(&admin.email)
        })?;
        db::outbox::enqueue(&mut *conn, &email, &state.message_domain()).await?;
    }
    Ok(())
}

/// Withdraws an application; false when it can no longer be withdrawn.
pub async fn withdraw(
    state: &AppState,
    user: &SessionUser,
    app: &Application,
    ip: &str,
) -> anyhow::Result<bool> {
    let mut tx = state.db.begin().await?;
    let actor = Actor::partner(user, ip);
    let moved = make_move(state, &mut tx, app, Move::Withdraw, &actor, None)
        .await?
        .is_some();
    if moved {
        apps::revoke_contact_tokens(&mut tx, app.application_id).await?;
        tx.commit().await?;
        state.outbox_wake.notify_one();
    }
    Ok(moved)
}

/// Outcome of answering an information request.
pub enum AnswerOutcome {
    /// Answer recorded; the application is back in review.
    Resubmitted,
    /// The answer was empty or too long.
    Invalid(FormErrors),
    /// The application is not waiting for information (any more).
    NotWaiting,
}

/// Records the applicant's answer to the reviewers' question and puts the application
/// back in review.
pub async fn answer_info_request(
    state: &AppState,
    user: &SessionUser,
    app: &Application,
    answer: &str,
    ip: &str,
) -> anyhow::Result<AnswerOutcome> {
    if app.state != ApplicationState::InfoRequested {
        return Ok(AnswerOutcome::NotWaiting);
    }
    let mut errors = FormErrors::default();
    let Some(answer) = errors.check(
        "answer",
        required_text(
            answer,
            messages::ENTER_ANSWER_TEAM_S,
            5000,
            messages::ANSWER_MUST_5_000,
        ),
    ) else {
        return Ok(AnswerOutcome::Invalid(errors));
    };
    let mut tx = state.db.begin().await?;
    let actor = Actor::partner(user, ip);
    apps::record_event(
        &mut *tx,
        &apps::NewEvent {
            detail: Some(&answer),
            ..actor.event(app, "info_provided")
        },
    )
    .await?;
    let actor = Actor::partner(user, ip);
    if make_move(state, &mut tx, app, Move::Resubmit, &actor, None)
        .await?
        .is_none()
    {
        return Ok(AnswerOutcome::NotWaiting);
    }
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(AnswerOutcome::Resubmitted)
}

/// Records on the timeline that the applicant changed answers while the reviewers wait for
/// information (drafts have no timeline yet).
pub async fn note_answers_changed(
    conn: &mut PgConnection,
    user: &SessionUser,
    app: &Application,
    step: &str,
) -> sqlx::Result<()> {
    if app.state != ApplicationState::InfoRequested {
        return Ok(());
    }
    let actor = Actor::partner(user, "");
    apps::record_event(
        conn,
        &apps::NewEvent {
            detail: Some(step),
            ..actor.event(app, "answers_changed")
        },
    )
    .await
}

/// Why `app` cannot be approved yet, in words for the reviewer; `None` when it can. A
/// direct-bill application needs every requirement check passed; an application whose
/// partner ID another organisation holds cannot be approved at all.
pub async fn approval_blocker(
    state: &AppState,
    app: &Application,
) -> anyhow::Result<Option<String>> {
    if app.program == Program::DirectBill {
        let recorded = db::direct_bill::outcomes(
            &db::direct_bill::checks(&state.db, app.application_id).await?,
        );
        if !rules::all_passed(&recorded) {
            let missing: Vec<String> = CheckStep::ALL
                .iter()
                .filter(|s| {
                    !recorded
                        .iter()
                        .any(|(r, o)| r == *s && *o == CheckOutcome::Passed)
                })
                .map(|s| s.label().to_string())
                .collect();
            return Ok(Some(messages::direct_bill_checks_open(&missing)));
        }
    }
    if let Some(partner_id) = &app.partner_id
        && db::memberships::find(&state.db, partner_id)
            .await?
            .is_some_and(|m| m.held_by_other_than(app.tenant_id))
    {
        return Ok(Some(messages::PARTNER_ID_HELD_ELSEWHERE.to_string()));
    }
    Ok(None)
}

/// Queues the reminder for a reassessment due on `due`, to the application's primary contact.
pub async fn queue_reassessment_reminder(
    state: &AppState,
    conn: &mut PgConnection,
    app: &Application,
    due: Date,
) -> anyhow::Result<Uuid> {
    let recipient = app
        .contact_email
        .clone()
        .ok_or_else(|| anyhow::anyhow!("direct-bill application without a primary contact"))?;
    let reminder = crate::i18n::sync_scope(app.contact_lang(), || {
        DirectBillReminder {
            name: app.contact_first_name.clone().unwrap_or_default(),
            organisation: app.legal_name.clone().unwrap_or_default(),
            due: rules::day(due),
            link: state.config.link("/dashboard"),
        }
        .to_email(&recipient)
    })?;
    Ok(db::outbox::enqueue_at(
        &mut *conn,
        &reminder,
        &state.message_domain(),
        rules::reminder_time(due),
    )
    .await?)
}

/// After approval (inside the approving transaction): the organisation now holds its
/// partner ID (nobody else can use it) and, as an indirect reseller, its organisation
/// profile; a direct-bill applicant becomes a direct-bill
/// partner, its reassessment falls due in a year and the reminder is queued.
async fn on_approved(
    state: &AppState,
    conn: &mut PgConnection,
    app: &Application,
) -> anyhow::Result<()> {
    if let Some(partner_id) = &app.partner_id {
        db::memberships::hold(&mut *conn, partner_id, app.tenant_id).await?;
    }
    if app.program != Program::DirectBill {
        // The organisation profile starts as the approved answers.
        db::profiles::create_from_application(conn, app.application_id).await?;
        return Ok(());
    }
    let due = rules::reassessment_due(rules::today());
    let reminder_id = queue_reassessment_reminder(state, conn, app, due).await?;
    db::direct_bill::make_partner(conn, app.tenant_id, app.application_id, due, reminder_id)
        .await?;
    Ok(())
}

/// The regions (codes and names) a tenant is listed for as a provider, when it may act as
/// one (shared by partnerships and customers): listed in the directory and an active indirect reseller (agreement accepted).
pub async fn provider_regions(
    state: &AppState,
    tenant_id: Uuid,
) -> anyhow::Result<Option<Vec<(String, String)>>> {
    let (codes, active) = db::providers::listing(&state.db, tenant_id).await?;
    if codes.is_empty() || !active {
        return Ok(None);
    }
    Ok(Some(
        state
            .regions()
            .await?
            .iter()
            .filter(|(code, _)| codes.contains(code))
            .cloned()
            .collect(),
    ))
}

/// Queues the e-mail that confirms a new account's address (24 hours; shared by partner and
/// customer sign-ups), leading on to `next` after signing in.
pub async fn send_confirmation(
    state: &AppState,
    conn: &mut PgConnection,
    user_id: Uuid,
    name: &str,
    organisation: &str,
    email: &str,
    next: Option<&str>,
) -> anyhow::Result<()> {
    let token = crate::domain::token::new_token();
    db::tokens::issue(
        conn,
        user_id,
        db::tokens::Purpose::EmailConfirmation,
        &token.hash,
    )
    .await?;
    // Where to go after confirming and signing in (an invitation, say), when not home.
    let next = next
        .map(|n| crate::domain::link::safe_next(Some(n), &state.config.public_base_url))
        .filter(|n| n != "/dashboard")
        .map(|n| format!("?next={}", crate::domain::link::encode_query_value(&n)))
        .unwrap_or_default();
    let message = crate::email::messages::ConfirmEmail {
        name: name.to_owned(),
        organisation: organisation.to_owned(),
        link: state
            .config
            .link(&format!("/signup/confirm/{}{next}", token.plain)),
    }
    .to_email(email)?;
    db::outbox::enqueue(&mut *conn, &message, &state.message_domain()).await?;
    Ok(())
}

/// Queues `message` to each active global admin of `tenant`, each in their own language.
pub async fn tell_global_admins(
    state: &AppState,
    conn: &mut PgConnection,
    tenant: Uuid,
    message: &impl EmailContent,
) -> anyhow::Result<()> {
    for to in db::partnerships::global_admin_emails(&mut *conn, tenant).await? {
        let email = message.to_email_in(to.lang(), &to.email)?;
        db::outbox::enqueue(&mut *conn, &email, &state.message_domain()).await?;
    }
    Ok(())
}

/// Why a provider left the directory (the e-mail says which).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Withdrawal {
    /// Operator staff withdrew the listing.
    ByStaff,
    /// Its direct-bill standing ended (only direct-bill partners are providers).
    DirectBillEnded,
}

/// Withdraws `tenant`'s provider listing inside `conn`'s transaction and tells its global
/// admins and its active resellers' global admins (partnerships stay; new orders as an
/// indirect provider stop until it is listed again). Returns the regions it was listed for
/// (empty: it was not listed, and nobody is told).
pub async fn withdraw_listing(
    state: &AppState,
    conn: &mut PgConnection,
    tenant: Uuid,
    why: Withdrawal,
) -> anyhow::Result<Vec<String>> {
    let regions = db::providers::withdraw(conn, tenant).await?;
    if regions.is_empty() {
        return Ok(regions);
    }
    let provider = db::tenants::overview(&mut *conn, tenant)
        .await?
        .map(|t| t.name)
        .unwrap_or_default();
    let reason = match why {
        Withdrawal::ByStaff => "withdrawn-by-staff",
        Withdrawal::DirectBillEnded => "withdrawn-direct-bill-ended",
    };
    let to_provider = crate::email::messages::ProviderWithdrawn {
        provider: provider.clone(),
        reason,
        to_provider: true,
    };
    tell_global_admins(state, conn, tenant, &to_provider).await?;
    let to_resellers = crate::email::messages::ProviderWithdrawn {
        to_provider: false,
        ..to_provider
    };
    for reseller in db::partnerships::resellers_of(&mut *conn, tenant).await? {
        if reseller.state.is_active() {
            tell_global_admins(state, conn, reseller.other_tenant_id, &to_resellers).await?;
        }
    }
    Ok(regions)
}

/// A reseller an order or subscription is attached to, checked for the provider.
#[derive(Clone, Debug)]
pub struct VerifiedReseller {
    /// Its tenant.
    pub tenant_id: Uuid,
    /// Its name.
    pub name: String,
    /// Its partner ID.
    pub partner_id: String,
}

/// Checks a partner ID entered by `provider` (shared by the cart and subscriptions): it
/// must belong to an approved indirect reseller whose membership is active, that has
/// accepted the partner agreement and has an active partnership with the provider. The
/// error says which of these failed.
pub async fn verify_reseller(
    state: &AppState,
    provider: Uuid,
    partner_id: &str,
) -> anyhow::Result<Result<VerifiedReseller, String>> {
    let id: String = partner_id.chars().filter(|c| !c.is_whitespace()).collect();
    if id.is_empty() {
        return Ok(Err(messages::Msg("orders-partner-id-required").into()));
    }
    if id.len() != 7 || !id.chars().all(|c| c.is_ascii_digit()) {
        return Ok(Err(messages::Msg("orders-partner-id-format").into()));
    }
    let Some(found) = db::orders::reseller_by_partner_id(&state.db, provider, &id).await? else {
        return Ok(Err(messages::Msg("orders-partner-id-unknown").into()));
    };
    let refusal = if found.tenant_id == provider {
        Some("orders-partner-id-own")
    } else if !found.membership_active {
        Some("orders-partner-id-inactive")
    } else if !found.agreement_accepted {
        Some("orders-partner-id-no-agreement")
    } else if !found.partnership_active {
        Some("orders-partner-id-no-partnership")
    } else {
        None
    };
    if let Some(key) = refusal {
        return Ok(Err(crate::i18n::t_args(
            key,
            &[("name", found.name.into()), ("id", id.into())],
        )));
    }
    Ok(Ok(VerifiedReseller {
        tenant_id: found.tenant_id,
        name: found.name,
        partner_id: id,
    }))
}

/// The provider's resellers in active partnerships that have a partner ID, by name: the
/// choices of the cart and of a subscription's reseller field.
pub async fn active_resellers(
    state: &AppState,
    provider: Uuid,
) -> sqlx::Result<Vec<VerifiedReseller>> {
    let mut list: Vec<VerifiedReseller> = db::partnerships::resellers_of(&state.db, provider)
        .await?
        .into_iter()
        .filter(|p| p.state.is_active())
        .filter_map(|p| {
            Some(VerifiedReseller {
                tenant_id: p.other_tenant_id,
                name: p.other_name,
                partner_id: p.partner_id?.trim().to_owned(),
            })
        })
        .collect();
    list.sort_by(|a, b| crate::i18n::format::compare(crate::i18n::current(), &a.name, &b.name));
    Ok(list)
}

/// Whether `tenant` may place orders now: an active direct-bill partner (for its own
/// customers), and listed in the provider directory (to act as indirect provider for a
/// reseller's customers).
pub async fn ordering_standing(state: &AppState, tenant: Uuid) -> anyhow::Result<(bool, bool)> {
    let direct = db::direct_bill::partner(&state.db, tenant)
        .await?
        .is_some_and(|p| p.status.is_active());
    let listed = db::providers::is_listed(&state.db, tenant).await?;
    Ok((direct, listed))
}
