//! The organisation profile (issue 15): what the partner keeps after approval (legal details,
//! primary contact, support and bank details) and how staff decide a legal-name change.
//! Every change is audited before and after; bank account numbers are masked in the audit.

use crate::db::{self, profiles::Profile, users::SessionUser};
use crate::domain::FormErrors;
use crate::domain::organisation::{ContactInput, LegalInput, SupportInput};
use crate::domain::profile::{BankAccount, BankDetails, BankInput, masked};
use crate::state::AppState;
use serde_json::{Value, json};
use uuid::Uuid;

/// A part of the profile, changed on its own page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// Legal name, address, phone, registration ID.
    Legal,
    /// The primary contact.
    Contact,
    /// Customer support details.
    Support,
    /// Bank details.
    Bank,
}

impl Section {
    /// Every section, in the page's order.
    pub const ALL: [Section; 4] = [
        Section::Legal,
        Section::Contact,
        Section::Support,
        Section::Bank,
    ];

    /// The section's path segment and audit word.
    pub fn code(self) -> &'static str {
        match self {
            Section::Legal => "legal",
            Section::Contact => "contact",
            Section::Support => "support",
            Section::Bank => "bank",
        }
    }

    /// Reads a path segment.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// A section's answers as sent.
#[derive(Clone, Debug)]
pub enum Answers {
    /// Legal details.
    Legal(LegalInput),
    /// Primary contact.
    Contact(ContactInput),
    /// Support details.
    Support(SupportInput),
    /// Bank details.
    Bank(BankInput),
}

impl Answers {
    /// The section's stored answers, to fill its form.
    pub fn stored(section: Section, p: &Profile) -> Self {
        match section {
            Section::Legal => {
                let l = &p.legal;
                let s = |v: &Option<String>| v.clone().unwrap_or_default();
                Answers::Legal(LegalInput {
                    // A name waiting for staff is what the user last asked for.
                    legal_name: p
                        .pending_legal_name
                        .as_ref()
                        .map(|(name, _, _)| name.clone())
                        .unwrap_or_else(|| l.legal_name.clone()),
                    address_line1: l.address_line1.clone(),
                    address_line2: s(&l.address_line2),
                    city: l.city.clone(),
                    state_province: s(&l.state_province),
                    postal_code: s(&l.postal_code),
                    phone: l.phone.clone(),
                    registration_id: s(&l.registration_id),
                })
            }
            Section::Contact => Answers::Contact(ContactInput {
                first_name: p.contact.first_name.clone(),
                last_name: p.contact.last_name.clone(),
                email: p.contact.email.clone(),
                phone: p.contact.phone.clone(),
            }),
            Section::Support => Answers::Support(SupportInput {
                email: p.support.email.clone(),
                phone: p.support.phone.clone(),
                website: p.support.website.clone(),
            }),
            Section::Bank => Answers::Bank(
                p.bank
                    .as_ref()
                    .map(BankInput::from_details)
                    .unwrap_or_default(),
            ),
        }
    }

    /// The section these answers belong to.
    pub fn section(&self) -> Section {
        match self {
            Answers::Legal(_) => Section::Legal,
            Answers::Contact(_) => Section::Contact,
            Answers::Support(_) => Section::Support,
            Answers::Bank(_) => Section::Bank,
        }
    }
}

/// What came of saving a section.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saved {
    /// Saved.
    Saved,
    /// Saved; the new legal name waits for operator staff.
    LegalNameRequested,
    /// Saved; a waiting legal-name request was withdrawn (the name is as it was).
    LegalNameRequestWithdrawn,
    /// Nothing differed from what is stored.
    Unchanged,
    /// Someone changed the profile after the form was opened; nothing was saved.
    Stale,
    /// The organisation has no profile yet (not approved).
    NoProfile,
}

/// The organisation's profile, if it has one, and where it stands in the program.
pub async fn profile_of(
    state: &AppState,
    tenant_id: Uuid,
) -> sqlx::Result<(Option<Profile>, db::profiles::ProgramInfo)> {
    let profile = db::profiles::get(&state.db, tenant_id).await?;
    let program = db::profiles::program_info(&state.db, tenant_id).await?;
    Ok((profile, program))
}

/// A section as the audit trail keeps it (bank account numbers masked).
fn audited(section: Section, p: &Profile) -> Value {
    match section {
        Section::Legal => json!({
            "legal_name": p.legal.legal_name,
            "address_line1": p.legal.address_line1,
            "address_line2": p.legal.address_line2,
            "city": p.legal.city,
            "state_province": p.legal.state_province,
            "postal_code": p.legal.postal_code,
            "phone": p.legal.phone,
            "registration_id": p.legal.registration_id,
        }),
        Section::Contact => json!({
            "first_name": p.contact.first_name,
            "last_name": p.contact.last_name,
            "email": p.contact.email,
            "phone": p.contact.phone,
        }),
        Section::Support => json!({
            "email": p.support.email,
            "phone": p.support.phone,
            "website": p.support.website,
        }),
        Section::Bank => audited_bank(p.bank.as_ref()),
    }
}

fn audited_bank(bank: Option<&BankDetails>) -> Value {
    match bank {
        None => json!({}),
        Some(b) => match &b.account {
            BankAccount::Iban { iban, bic } => json!({
                "account_holder": b.account_holder,
                "iban": masked(iban),
                "bic": bic,
            }),
            BankAccount::Local {
                bank_code,
                account_number,
                bic,
            } => json!({
                "account_holder": b.account_holder,
                "bank_code": bank_code,
                "account_number": masked(account_number),
                "bic": bic,
            }),
        },
    }
}

/// Saves one section of the organisation's profile for `user` (who may edit it), if the
/// profile is still as it was when the form was opened (`seen_version`). A new legal name
/// is not put in force: it waits for operator staff.
pub async fn save(
    state: &AppState,
    user: &db::users::SessionUser,
    answers: &Answers,
    seen_version: i32,
    ip: &str,
) -> anyhow::Result<Result<Saved, FormErrors>> {
    let country = db::tenants::overview(&state.db, user.tenant_id)
        .await?
        .map(|t| t.country_code)
        .unwrap_or_default();
    // Validate before anything is locked.
    enum Valid {
        Legal(db::applications::LegalProfile),
        Contact(db::applications::PrimaryContact),
        Support(db::applications::SupportDetails),
        Bank(BankDetails),
    }
    let valid = match answers {
        Answers::Legal(i) => i.validate(&country).map(Valid::Legal),
        Answers::Contact(i) => i
            .validate(&state.config.tenant_domain_suffix)
            .map(Valid::Contact),
        Answers::Support(i) => i.validate().map(Valid::Support),
        Answers::Bank(i) => i.validate().map(Valid::Bank),
    };
    let valid = match valid {
        Ok(v) => v,
        Err(errors) => return Ok(Err(errors)),
    };
    let section = answers.section();
    let mut tx = state.db.begin().await?;
    let Some(before) = db::profiles::lock(&mut tx, user.tenant_id).await? else {
        return Ok(Ok(Saved::NoProfile));
    };
    if before.version != seen_version {
        return Ok(Ok(Saved::Stale));
    }
    let mut outcome = Saved::Saved;
    let changed = match &valid {
        Valid::Legal(l) => {
            let rest_changed = LegalWithout::from(l) != LegalWithout::from(&before.legal);
            if rest_changed {
                db::profiles::set_legal(&mut tx, user.tenant_id, l, user.user_id).await?;
            }
            let pending = before.pending_legal_name.as_ref().map(|(n, _, _)| n);
            let name_request = if l.legal_name == before.legal.legal_name {
                pending.map(|_| None)
            } else if pending != Some(&l.legal_name) {
                Some(Some(l.legal_name.as_str()))
            } else {
                None
            };
            if let Some(request) = name_request {
                db::profiles::request_legal_name(&mut tx, user.tenant_id, request, user.user_id)
                    .await?;
                let (action, after) = match request {
                    Some(name) => {
                        outcome = Saved::LegalNameRequested;
                        (
                            "profile.legal_name_requested",
                            json!({ "legal_name_pending": name }),
                        )
                    }
                    None => {
                        outcome = Saved::LegalNameRequestWithdrawn;
                        (
                            "profile.legal_name_request_withdrawn",
                            json!({ "legal_name_pending": null }),
                        )
                    }
                };
                record(
                    &mut tx,
                    user,
                    action,
                    json!({ "legal_name": before.legal.legal_name, "legal_name_pending": pending }),
                    after,
                    ip,
                )
                .await?;
            }
            rest_changed || name_request.is_some()
        }
        Valid::Contact(c) if *c != before.contact => {
            db::profiles::set_contact(&mut tx, user.tenant_id, c, user.user_id).await?;
            true
        }
        Valid::Support(s) if *s != before.support => {
            db::profiles::set_support(&mut tx, user.tenant_id, s, user.user_id).await?;
            true
        }
        Valid::Bank(b) if Some(b) != before.bank.as_ref() => {
            db::profiles::set_bank(&mut tx, user.tenant_id, b, user.user_id).await?;
            bank_changed_notice(state, &mut tx, user).await?;
            true
        }
        _ => false,
    };
    if !changed {
        return Ok(Ok(Saved::Unchanged));
    }
    let after = db::profiles::get(&mut *tx, user.tenant_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the profile locked in this transaction is gone"))?;
    if audited(section, &before) != audited(section, &after) {
        let action = match section {
            Section::Legal => "profile.legal_changed",
            Section::Contact => "profile.contact_changed",
            Section::Support => "profile.support_changed",
            Section::Bank => "profile.bank_changed",
        };
        record(
            &mut tx,
            user,
            action,
            audited(section, &before),
            audited(section, &after),
            ip,
        )
        .await?;
    }
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(Ok(outcome))
}

/// The legal details but the legal name (which staff decide), for comparing.
#[derive(PartialEq, Eq)]
struct LegalWithout<'a> {
    address: [&'a Option<String>; 3],
    line1: &'a str,
    city: &'a str,
    phone: &'a str,
    registration_id: &'a Option<String>,
}

impl<'a> From<&'a db::applications::LegalProfile> for LegalWithout<'a> {
    fn from(l: &'a db::applications::LegalProfile) -> Self {
        LegalWithout {
            address: [&l.address_line2, &l.state_province, &l.postal_code],
            line1: &l.address_line1,
            city: &l.city,
            phone: &l.phone,
            registration_id: &l.registration_id,
        }
    }
}

async fn record(
    conn: &mut sqlx::PgConnection,
    user: &db::users::SessionUser,
    action: &'static str,
    before: Value,
    after: Value,
    ip: &str,
) -> sqlx::Result<()> {
    db::audit::record(
        conn,
        db::audit::AuditEvent {
            actor_user_id: Some(user.user_id),
            tenant_id: Some(user.tenant_id),
            action,
            target_type: "organisation_profile",
            target_id: user.tenant_id.to_string(),
            ip_address: Some(ip.to_owned()),
            before: Some(before),
            after: Some(after),
            ..Default::default()
        },
    )
    .await
}

/// Bank details decide where money goes: every global admin of the organisation is told
/// when they change, each in their own language.
async fn bank_changed_notice(
    state: &AppState,
    conn: &mut sqlx::PgConnection,
    user: &db::users::SessionUser,
) -> anyhow::Result<()> {
    use crate::email::messages::BankDetailsChanged;
    let message = BankDetailsChanged {
        organisation: user.organisation.clone(),
        by: user.full_name.clone(),
        when: time::OffsetDateTime::now_utc(),
        link: state.config.link("/account/profile"),
    };
    crate::flows::lifecycle::tell_global_admins(state, conn, user.tenant_id, &message).await
}

/// Legal-name changes waiting for staff, oldest first.
pub async fn pending_legal_names(
    state: &AppState,
) -> sqlx::Result<Vec<db::profiles::PendingLegalName>> {
    db::profiles::pending_legal_names(&state.db).await
}

/// Staff approve or decline an organisation's legal-name change; declining needs a reason,
/// which the organisation's global admins are told (each in their own language). `Ok(None)`
/// when no change was waiting (another reviewer decided it first).
pub async fn decide_legal_name(
    state: &AppState,
    staff: &db::staff::Staff,
    tenant_id: Uuid,
    approve: bool,
    reason: &str,
    ip: &str,
) -> anyhow::Result<Result<Option<String>, FormErrors>> {
    use crate::email::messages::LegalNameDecided;
    let reason = if approve {
        None
    } else {
        let mut errors = FormErrors::default();
        match errors.check(
            "reason",
            crate::domain::enrollment::required_text(
                reason,
                crate::messages::Msg("legalname-reason-required"),
                2000,
                crate::messages::Msg("legalname-reason-too-long"),
            ),
        ) {
            Some(reason) => Some(reason),
            None => return Ok(Err(errors)),
        }
    };
    let mut tx = state.db.begin().await?;
    let Some((before, requested)) =
        db::profiles::decide_legal_name(&mut tx, tenant_id, approve).await?
    else {
        return Ok(Ok(None));
    };
    let mut event = db::audit::AuditEvent::by_staff(
        staff,
        if approve {
            "profile.legal_name_approved"
        } else {
            "profile.legal_name_declined"
        },
        "organisation_profile",
        tenant_id.to_string(),
        ip,
    );
    event.tenant_id = Some(tenant_id);
    event.before = Some(json!({ "legal_name": before, "legal_name_pending": requested }));
    event.after = Some(json!({
        "legal_name": if approve { &requested } else { &before },
        "reason": reason,
    }));
    db::audit::record(&mut *tx, event).await?;
    let organisation = db::tenants::overview(&mut *tx, tenant_id)
        .await?
        .map(|t| t.name)
        .unwrap_or_default();
    let message = LegalNameDecided {
        organisation,
        requested: requested.clone(),
        approved: approve,
        reason: reason.unwrap_or_default(),
        link: state.config.link("/account/profile"),
    };
    crate::flows::lifecycle::tell_global_admins(state, &mut tx, tenant_id, &message).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(Ok(Some(requested)))
}

/// The profile's changes, newest first, for staff.
pub async fn changes_of(
    state: &AppState,
    tenant_id: Uuid,
) -> sqlx::Result<Vec<db::audit::AuditRow>> {
    let filter = db::audit::AuditFilter {
        target: Some(("organisation_profile".into(), tenant_id.to_string())),
        ..Default::default()
    };
    db::audit::list(&state.db, &filter, 100).await
}

/// The organisation's time zone setting.
pub struct TimeZoneSetting {
    /// The zone chosen, if any.
    pub chosen: Option<String>,
    /// The country's default.
    pub default: String,
}

impl TimeZoneSetting {
    /// The zone in use.
    pub fn effective(&self) -> &str {
        self.chosen.as_deref().unwrap_or(&self.default)
    }
}

/// The time zone setting of `user`'s organisation.
pub async fn time_zone(state: &AppState, user: &SessionUser) -> anyhow::Result<TimeZoneSetting> {
    let (chosen, default) = db::tenants::time_zone(&state.db, user.tenant_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the user's tenant has no market"))?;
    Ok(TimeZoneSetting { chosen, default })
}

/// Sets the organisation's time zone to `typed` (an IANA name the portal knows; empty: the
/// country's default), audited with before and after.
pub async fn set_time_zone(
    state: &AppState,
    user: &SessionUser,
    typed: &str,
    ip: &str,
) -> anyhow::Result<Result<(), FormErrors>> {
    let typed = typed.trim();
    let chosen = if typed.is_empty() {
        None
    } else if crate::i18n::format::time_zone(typed).is_some() {
        Some(typed)
    } else {
        let mut errors = FormErrors::default();
        errors.add("time_zone", crate::messages::Msg("time-zone-unknown"));
        return Ok(Err(errors));
    };
    let mut tx = state.db.begin().await?;
    let (before, _) = db::tenants::time_zone(&mut *tx, user.tenant_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the user's tenant has no market"))?;
    if before.as_deref() != chosen {
        db::tenants::set_time_zone(&mut *tx, user.tenant_id, chosen).await?;
        let mut event = db::audit::AuditEvent::by_user(
            user,
            "organisation.time_zone_changed",
            "tenant",
            user.tenant_id.to_string(),
            ip,
        );
        event.before = Some(serde_json::json!({ "time_zone": before }));
        event.after = Some(serde_json::json!({ "time_zone": chosen }));
        db::audit::record(&mut *tx, event).await?;
    }
    tx.commit().await?;
    Ok(Ok(()))
}
