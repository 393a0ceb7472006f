//! Where a tenant stands with direct bill: the intake window and computed eligibility, and
//! starting an application.

use crate::db::applications::{self as apps, Application};
use crate::db::direct_bill::{self as store, Partner};
use crate::db::settings::ProgramSettings;
use crate::db::users::SessionUser;
use crate::db::{self};
use crate::domain::application::ApplicationState;
use crate::domain::application::Program;
use crate::domain::direct_bill::{self as rules, EligibilityFacts, Requirement, today};
use crate::state::AppState;
use time::Date;
use uuid::Uuid;

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
        self.partner.as_ref().is_some_and(|p| p.status.is_active())
    }

    /// The open (not final) direct-bill application.
    pub fn open(&self) -> Option<&Application> {
        self.latest.as_ref().filter(|a| !a.state.is_final())
    }
}

/// Computes the tenant's standing as of `today`.
pub async fn standing(state: &AppState, tenant_id: Uuid, today: Date) -> anyhow::Result<Standing> {
    let intake = state.program_settings().await?;
    let reseller = apps::latest(&state.db, tenant_id, Program::IndirectReseller)
        .await?
        .filter(|a| a.state == ApplicationState::Approved);
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
        country_name: state.country_name(&tenant.country_code).await?,
    };
    Ok(Standing {
        intake,
        requirements: rules::eligibility(&facts, today),
        reseller,
        latest: apps::latest(&state.db, tenant_id, Program::DirectBill).await?,
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
    let app = apps::open(&mut *tx, user.tenant_id, Program::DirectBill)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no open direct-bill application after creating one"))?;
    tx.commit().await?;
    Ok(Ok(app.application_id))
}
