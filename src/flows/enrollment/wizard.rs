//! The reseller wizard: its steps, the answers of each, saving a step.

use crate::db::applications::{self as apps, Application};
use crate::db::users::SessionUser;
use crate::db::{self, memberships::Membership};
use crate::domain::FormErrors;
use crate::domain::application::ApplicationState;
use crate::domain::application::Program;
use crate::domain::enrollment as rules;
pub use crate::domain::organisation::{ContactInput, LegalInput, SupportInput};
use crate::flows::lifecycle::{self};
use crate::messages;
use crate::state::AppState;
use serde::Deserialize;
use uuid::Uuid;

/// The wizard's steps, in order; the string is the URL segment under `/enroll/`.
pub const STEPS: [&str; 5] = [
    "partner-id",
    "legal-profile",
    "primary-contact",
    "support",
    "check",
];

/// Position of a step (unknown steps count as the first).
pub fn step_index(step: &str) -> usize {
    STEPS.iter().position(|s| *s == step).unwrap_or(0)
}

/// The further of two steps.
pub fn furthest<'a>(a: &'a str, b: &'a str) -> &'a str {
    if step_index(a) >= step_index(b) { a } else { b }
}

/// Where the tenant stands with the wizard.
pub enum WizardState {
    /// Answers that may be changed: a draft, or an application waiting for information.
    Draft(Box<Application>),
    /// Already submitted and open: the status page tells the rest.
    Submitted(Uuid),
    /// Already an approved indirect reseller.
    Approved(Uuid),
}

/// The tenant's draft (created on first use), or where its application is instead.
pub async fn draft(state: &AppState, user: &SessionUser) -> anyhow::Result<WizardState> {
    if let Some(app) = apps::latest(&state.db, user.tenant_id, Program::IndirectReseller).await?
        && app.state == ApplicationState::Approved
    {
        return Ok(WizardState::Approved(app.application_id));
    }
    apps::create_draft(
        &state.db,
        user.tenant_id,
        Program::IndirectReseller,
        user.user_id,
    )
    .await?;
    let app = apps::open(&state.db, user.tenant_id, Program::IndirectReseller)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no open application after creating a draft"))?;
    Ok(match app.state {
        // While the reviewers wait for information, the applicant may correct answers too.
        ApplicationState::Draft | ApplicationState::InfoRequested => {
            WizardState::Draft(Box::new(app))
        }
        _ => WizardState::Submitted(app.application_id),
    })
}

/// Step 1's form.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct PartnerIdInput {
    /// The partner ID typed.
    #[serde(default)]
    pub partner_id: String,
}

/// Checks a partner ID against the network: it must exist, be active, be for the tenant's
/// country and be held by no other organisation. Every refusal reads the same and names only
/// the tenant's own country, so the step reveals nothing about other organisations.
pub async fn check_partner_id(
    state: &AppState,
    input: &PartnerIdInput,
    user: &SessionUser,
    market: &db::markets::Market,
) -> anyhow::Result<Result<Membership, FormErrors>> {
    let mut errors = FormErrors::default();
    let limit = state.config.rate_limits.partner_id;
    if state
        .over_limit("partner_id", &user.tenant_id.to_string(), limit)
        .await?
    {
        errors.add("partner_id", messages::RATE_LIMITED);
        return Ok(Err(errors));
    }
    let (tenant_id, tenant_country) = (user.tenant_id, market.country_code.as_str());
    let Some(id) = errors.check("partner_id", rules::parse_partner_id(&input.partner_id)) else {
        return Ok(Err(errors));
    };
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    match db::memberships::find(&state.db, &id).await? {
        Some(m) if m.usable_by(tenant_id, tenant_country) => Ok(Ok(m)),
        _ => {
            errors.add(
                "partner_id",
                messages::partner_id_unusable(market.country_name()),
            );
            Ok(Err(errors))
        }
    }
}

impl LegalInput {
    /// The saved answers, to show again.
    pub fn from_application(a: &Application) -> Self {
        let s = |v: &Option<String>| v.clone().unwrap_or_default();
        Self {
            legal_name: s(&a.legal_name),
            address_line1: s(&a.address_line1),
            address_line2: s(&a.address_line2),
            city: s(&a.city),
            state_province: s(&a.state_province),
            postal_code: s(&a.postal_code),
            phone: s(&a.phone),
            registration_id: s(&a.registration_id),
        }
    }
}

impl ContactInput {
    /// The saved answers, to show again.
    pub fn from_application(a: &Application) -> Self {
        let s = |v: &Option<String>| v.clone().unwrap_or_default();
        Self {
            first_name: s(&a.contact_first_name),
            last_name: s(&a.contact_last_name),
            email: s(&a.contact_email),
            phone: s(&a.contact_phone),
        }
    }
}

impl SupportInput {
    /// The saved answers, to show again.
    pub fn from_application(a: &Application) -> Self {
        let s = |v: &Option<String>| v.clone().unwrap_or_default();
        Self {
            email: s(&a.support_email),
            phone: s(&a.support_phone),
            website: s(&a.support_website),
        }
    }
}

/// One step's answers, validated.
pub enum StepAnswers {
    /// Step 1: the partner ID.
    PartnerId(String),
    /// Step 2: legal details.
    Legal(apps::LegalProfile),
    /// Step 3: the primary contact.
    Contact(apps::PrimaryContact),
    /// Step 4: customer support details.
    Support(apps::SupportDetails),
}

impl StepAnswers {
    /// The step these answers belong to.
    pub fn step(&self) -> &'static str {
        match self {
            StepAnswers::PartnerId(_) => "partner-id",
            StepAnswers::Legal(_) => "legal-profile",
            StepAnswers::Contact(_) => "primary-contact",
            StepAnswers::Support(_) => "support",
        }
    }
}

/// Saves one step of the draft: the answers and, while the reviewers wait for information,
/// the timeline's note that they changed, in one transaction. False when the draft was
/// submitted meanwhile (an old form posted again, say).
pub async fn save_step(
    state: &AppState,
    user: &SessionUser,
    app: &Application,
    answers: &StepAnswers,
) -> anyhow::Result<bool> {
    let step = answers.step();
    let reached = crate::domain::wizard::reached(&STEPS, &app.current_step, step);
    let mut tx = state.db.begin().await?;
    let id = app.application_id;
    let saved = match answers {
        StepAnswers::PartnerId(p) => apps::save_partner_id(&mut *tx, id, p, reached).await?,
        StepAnswers::Legal(p) => apps::save_legal_profile(&mut *tx, id, p, reached).await?,
        StepAnswers::Contact(c) => apps::save_primary_contact(&mut *tx, id, c, reached).await?,
        StepAnswers::Support(s) => apps::save_support_details(&mut *tx, id, s, reached).await?,
    };
    if !saved {
        return Ok(false);
    }
    let step = format!("indirect-reseller/{step}");
    lifecycle::note_answers_changed(&mut tx, user, app, &step).await?;
    tx.commit().await?;
    Ok(true)
}

/// Joins the partner network: the tenant gets a new partner ID, saved on the draft. `None`
/// when the draft was submitted meanwhile.
pub async fn join_network(
    state: &AppState,
    user: &SessionUser,
    app: &Application,
    country_code: &str,
) -> anyhow::Result<Option<Membership>> {
    let mut tx = state.db.begin().await?;
    let membership =
        db::memberships::join(&mut tx, &user.organisation, country_code, user.tenant_id).await?;
    let step = furthest(&app.current_step, "partner-id");
    if !apps::save_partner_id(&mut *tx, app.application_id, &membership.partner_id, step).await? {
        return Ok(None);
    }
    lifecycle::note_answers_changed(&mut tx, user, app, "indirect-reseller/partner-id").await?;
    tx.commit().await?;
    Ok(Some(membership))
}

/// The first step whose answers are missing, if any.
pub fn first_incomplete_step(a: &Application) -> Option<&'static str> {
    if a.partner_id.is_none() {
        Some("partner-id")
    } else if a.legal_name.is_none() {
        Some("legal-profile")
    } else if a.contact_email.is_none() {
        Some("primary-contact")
    } else if a.support_website.is_none() {
        Some("support")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_ordered_and_the_furthest_wins() {
        assert_eq!(furthest("partner-id", "support"), "support");
        assert_eq!(furthest("check", "legal-profile"), "check");
        assert_eq!(step_index("nonsense"), 0);
    }
}
