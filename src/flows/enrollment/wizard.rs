//! The reseller wizard: its steps, the answers of each, saving a step.

use crate::db::applications::{self as apps, Application};
use crate::db::users::SessionUser;
use crate::db::{self, memberships::Membership};
use crate::domain::FormErrors;
use crate::domain::application::ApplicationState;
use crate::domain::application::Program;
use crate::domain::enrollment as rules;
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

/// Step 2's form.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct LegalInput {
    /// Legal name.
    #[serde(default)]
    pub legal_name: String,
    /// Address line 1.
    #[serde(default)]
    pub address_line1: String,
    /// Address line 2.
    #[serde(default)]
    pub address_line2: String,
    /// City.
    #[serde(default)]
    pub city: String,
    /// State or province.
    #[serde(default)]
    pub state_province: String,
    /// Postal code.
    #[serde(default)]
    pub postal_code: String,
    /// Phone.
    #[serde(default)]
    pub phone: String,
    /// Registration ID.
    #[serde(default)]
    pub registration_id: String,
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

    /// Checks every answer; the country is the tenant's.
    pub fn validate(&self, country_code: &str) -> Result<apps::LegalProfile, FormErrors> {
        let mut e = FormErrors::default();
        let legal_name = e.check("legal_name", rules::parse_legal_name(&self.legal_name));
        let line1 = e.check(
            "address_line1",
            rules::required_text(
                &self.address_line1,
                messages::ENTER_FIRST_LINE_ADDRESS,
                200,
                messages::ADDRESS_LINE_1_MUST,
            ),
        );
        let line2 = e.check(
            "address_line2",
            rules::optional_text(&self.address_line2, 200, messages::ADDRESS_LINE_2_MUST),
        );
        let city = e.check(
            "city",
            rules::required_text(
                &self.city,
                messages::ENTER_TOWN_CITY,
                100,
                messages::TOWN_CITY_MUST_100,
            ),
        );
        let region = e.check(
            "state_province",
            rules::optional_text(&self.state_province, 100, messages::STATE_PROVINCE_MUST_100),
        );
        let postal = e.check(
            "postal_code",
            rules::optional_text(&self.postal_code, 20, messages::POSTAL_CODE_MUST_20),
        );
        let phone = e.check(
            "phone",
            rules::parse_phone(&self.phone, messages::ENTER_COMPANY_S_TELEPHONE),
        );
        let registration = e.check(
            "registration_id",
            rules::parse_registration_id(&self.registration_id, country_code),
        );
        match (
            legal_name,
            line1,
            line2,
            city,
            region,
            postal,
            phone,
            registration,
        ) {
            (
                Some(legal_name),
                Some(address_line1),
                Some(address_line2),
                Some(city),
                Some(state_province),
                Some(postal_code),
                Some(phone),
                Some(registration_id),
            ) => Ok(apps::LegalProfile {
                legal_name,
                address_line1,
                address_line2,
                city,
                state_province,
                postal_code,
                phone,
                registration_id,
            }),
            _ => Err(e),
        }
    }
}

/// Step 3's form.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct ContactInput {
    /// First name.
    #[serde(default)]
    pub first_name: String,
    /// Last name.
    #[serde(default)]
    pub last_name: String,
    /// E-mail.
    #[serde(default)]
    pub email: String,
    /// Phone.
    #[serde(default)]
    pub phone: String,
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

    /// Checks every answer (the e-mail must be on the company's own domain).
    pub fn validate(&self, tenant_domain_suffix: &str) -> Result<apps::PrimaryContact, FormErrors> {
        let mut e = FormErrors::default();
        let first = e.check(
            "first_name",
            rules::required_text(
                &self.first_name,
                messages::ENTER_PRIMARY_CONTACT_S,
                100,
                messages::FIRST_NAME_MUST_100,
            ),
        );
        let last = e.check(
            "last_name",
            rules::required_text(
                &self.last_name,
                messages::ENTER_PRIMARY_CONTACT_S_2,
                100,
                messages::LAST_NAME_MUST_100,
            ),
        );
        let email = e.check(
            "email",
            rules::parse_contact_email(&self.email, tenant_domain_suffix),
        );
        let phone = e.check(
            "phone",
            rules::parse_phone(&self.phone, messages::ENTER_PRIMARY_CONTACT_S_3),
        );
        match (first, last, email, phone) {
            (Some(first_name), Some(last_name), Some(email), Some(phone)) => {
                Ok(apps::PrimaryContact {
                    first_name,
                    last_name,
                    email: email.to_string(),
                    phone,
                })
            }
            _ => Err(e),
        }
    }
}

/// Step 4's form.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct SupportInput {
    /// Support e-mail.
    #[serde(default)]
    pub email: String,
    /// Support phone.
    #[serde(default)]
    pub phone: String,
    /// Support web site.
    #[serde(default)]
    pub website: String,
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

    /// Checks every answer.
    pub fn validate(&self) -> Result<apps::SupportDetails, FormErrors> {
        let mut e = FormErrors::default();
        let email = e.check(
            "email",
            crate::domain::EmailAddress::parse(&self.email).map_err(|m| {
                if m == messages::EMAIL_REQUIRED {
                    messages::SUPPORT_EMAIL_REQUIRED.to_string()
                } else {
                    m
                }
            }),
        );
        let phone = e.check(
            "phone",
            rules::parse_phone(&self.phone, messages::ENTER_SUPPORT_TELEPHONE_NUMBER),
        );
        let website = e.check("website", rules::parse_website(&self.website));
        match (email, phone, website) {
            (Some(email), Some(phone), Some(website)) => Ok(apps::SupportDetails {
                email: email.to_string(),
                phone,
                website,
            }),
            _ => Err(e),
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
