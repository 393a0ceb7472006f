//! The organisation profile (issue 15): every user of the organisation reads it (bank account
//! numbers masked unless they may change it); global and account admins change it one
//! section at a time.

use crate::db::profiles::{Profile, ProgramInfo};
use crate::domain::FormErrors;
use crate::domain::authz::Capability;
use crate::domain::enrollment::registration_id_required;
use crate::domain::profile::{BankAccount, BankInput, masked, printed_iban};
use crate::error::AppError;
use crate::flows::enrollment::{ContactInput, LegalInput, SupportInput};
use crate::flows::profile::{self, Answers, Saved, Section};
use crate::i18n::filters;
use crate::messages::Msg;
use crate::state::AppState;
use crate::web::ctx::{Can, ClientIp, Ctx, Signed, SignedIn, can};
use crate::web::form::{FormFields, Path};
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

/// Routes of this area.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/account/profile", get(show))
        .route(
            "/account/time-zone",
            get(show_time_zone).post(save_time_zone),
        )
        .route("/account/profile/{section}", get(edit).post(save))
}

/// Bank details as the page shows them.
pub struct BankView {
    holder: String,
    /// "IBAN" row: printed in groups, or masked.
    iban: Option<String>,
    bic: Option<String>,
    bank_code: Option<String>,
    account_number: Option<String>,
}

/// The profile page.
#[derive(Template, WebTemplate)]
#[template(path = "profile/index.html")]
pub struct ProfilePage {
    ctx: Ctx,
    profile: Option<Profile>,
    bank: Option<BankView>,
    program: ProgramInfo,
    country: String,
    region: String,
    currency: String,
    may_edit: bool,
    direct_bill: Option<(Msg, String)>,
    /// A newer agreement than the one accepted is published.
    agreement_outdated: bool,
    /// The organisation's time zone setting.
    time_zone: profile::TimeZoneSetting,
}

async fn show(
    State(state): State<AppState>,
    Signed(ctx, user): SignedIn,
) -> Result<ProfilePage, AppError> {
    let (profile, program) = profile::profile_of(&state, user.tenant_id).await?;
    let tenant = crate::db::tenants::overview(&state.db, user.tenant_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (country, region) = match state.market(&tenant.country_code).await? {
        Some(m) => (m.country_name().to_owned(), m.region_name().to_owned()),
        None => (tenant.country_code.clone(), String::new()),
    };
    let may_edit = user.roles.can(Capability::EditProfile);
    let bank = profile.as_ref().and_then(|p| p.bank.as_ref()).map(|b| {
        let shown = |number: &str| {
            if may_edit {
                number.to_owned()
            } else {
                masked(number)
            }
        };
        match &b.account {
            BankAccount::Iban { iban, bic } => BankView {
                holder: b.account_holder.clone(),
                iban: Some(if may_edit {
                    printed_iban(iban)
                } else {
                    masked(iban)
                }),
                bic: Some(bic.clone()),
                bank_code: None,
                account_number: None,
            },
            BankAccount::Local {
                bank_code,
                account_number,
                bic,
            } => BankView {
                holder: b.account_holder.clone(),
                iban: None,
                bic: bic.clone(),
                bank_code: Some(bank_code.clone()),
                account_number: Some(shown(account_number)),
            },
        }
    });
    let direct_bill = program.direct_bill.as_ref().map(|(status, _, due)| {
        if status.is_active() {
            (
                Msg("profile-direct-active"),
                crate::domain::direct_bill::day(*due),
            )
        } else {
            (Msg("profile-direct-ended"), String::new())
        }
    });
    let agreement_outdated = match (&program.agreement, program.current_agreement) {
        (Some((accepted, _, _)), Some(current)) => current > *accepted,
        _ => false,
    };
    let time_zone = profile::time_zone(&state, &user).await?;
    Ok(ProfilePage {
        time_zone,
        agreement_outdated,
        ctx,
        profile,
        bank,
        program,
        country,
        region,
        currency: tenant.billing_currency,
        may_edit,
        direct_bill,
    })
}

/// The legal-details form.
#[derive(Template, WebTemplate)]
#[template(path = "profile/legal.html")]
pub struct LegalPage {
    ctx: Ctx,
    form: LegalInput,
    errors: FormErrors,
    version: i32,
    /// The legal name in force (a different one is sent to staff).
    legal_name: String,
    registration_required: bool,
    registration_hint: String,
    country_name: String,
}

/// The primary-contact form.
#[derive(Template, WebTemplate)]
#[template(path = "profile/contact.html")]
pub struct ContactPage {
    ctx: Ctx,
    form: ContactInput,
    errors: FormErrors,
    version: i32,
}

/// The support-details form.
#[derive(Template, WebTemplate)]
#[template(path = "profile/support.html")]
pub struct SupportPage {
    ctx: Ctx,
    form: SupportInput,
    errors: FormErrors,
    version: i32,
}

/// The bank-details form.
#[derive(Template, WebTemplate)]
#[template(path = "profile/bank.html")]
pub struct BankPage {
    ctx: Ctx,
    form: BankInput,
    errors: FormErrors,
    version: i32,
}

/// A section's form page with `answers` and `errors`.
async fn form_page(
    state: &AppState,
    ctx: Ctx,
    tenant_id: uuid::Uuid,
    profile: &Profile,
    answers: Answers,
    errors: FormErrors,
    version: i32,
) -> Result<Response, AppError> {
    Ok(match answers {
        Answers::Legal(form) => {
            let tenant = crate::db::tenants::overview(&state.db, tenant_id)
                .await?
                .ok_or(AppError::NotFound)?;
            let country_name = state.country_name(&tenant.country_code).await?;
            LegalPage {
                ctx,
                form,
                errors,
                version,
                legal_name: profile.legal.legal_name.clone(),
                registration_required: registration_id_required(&tenant.country_code),
                registration_hint: crate::messages::required_companies_number_company(
                    &country_name,
                ),
                country_name,
            }
            .into_response()
        }
        Answers::Contact(form) => ContactPage {
            ctx,
            form,
            errors,
            version,
        }
        .into_response(),
        Answers::Support(form) => SupportPage {
            ctx,
            form,
            errors,
            version,
        }
        .into_response(),
        Answers::Bank(form) => BankPage {
            ctx,
            form,
            errors,
            version,
        }
        .into_response(),
    })
}

async fn edit(
    State(state): State<AppState>,
    Can(Signed(ctx, user), _): Can<can::EditProfile>,
    Path(section): Path<String>,
) -> Result<Response, AppError> {
    let section = Section::parse(&section).ok_or(AppError::NotFound)?;
    let (profile, _) = profile::profile_of(&state, user.tenant_id).await?;
    let Some(profile) = profile else {
        return ctx
            .warning("/account/profile", Msg("profile-not-yet"))
            .await;
    };
    let answers = Answers::stored(section, &profile);
    form_page(
        &state,
        ctx,
        user.tenant_id,
        &profile,
        answers,
        FormErrors::default(),
        profile.version,
    )
    .await
}

/// The section's answers from the form.
fn answers_of(section: Section, f: &FormFields) -> Answers {
    match section {
        Section::Legal => Answers::Legal(LegalInput {
            legal_name: f.one("legal_name"),
            address_line1: f.one("address_line1"),
            address_line2: f.one("address_line2"),
            city: f.one("city"),
            state_province: f.one("state_province"),
            postal_code: f.one("postal_code"),
            phone: f.one("phone"),
            registration_id: f.one("registration_id"),
        }),
        Section::Contact => Answers::Contact(ContactInput {
            first_name: f.one("first_name"),
            last_name: f.one("last_name"),
            email: f.one("email"),
            phone: f.one("phone"),
        }),
        Section::Support => Answers::Support(SupportInput {
            email: f.one("email"),
            phone: f.one("phone"),
            website: f.one("website"),
        }),
        Section::Bank => Answers::Bank(BankInput {
            account_holder: f.one("account_holder"),
            format: f.one("format"),
            iban: f.one("iban"),
            bic: f.one("bic"),
            bank_code: f.one("bank_code"),
            account_number: f.one("account_number"),
        }),
    }
}

async fn save(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, user), _): Can<can::EditProfile>,
    Path(section): Path<String>,
    fields: FormFields,
) -> Result<Response, AppError> {
    let section = Section::parse(&section).ok_or(AppError::NotFound)?;
    let answers = answers_of(section, &fields);
    let seen_version = fields.one("version").trim().parse().unwrap_or(-1);
    let back = format!("/account/profile/{}", section.code());
    match profile::save(&state, &user, &answers, seen_version, &ip).await? {
        Ok(saved) => {
            let (to, message) = match saved {
                Saved::Saved => ("/account/profile", Msg("profile-saved")),
                Saved::LegalNameRequested => {
                    ("/account/profile", Msg("profile-legal-name-requested"))
                }
                Saved::LegalNameRequestWithdrawn => {
                    ("/account/profile", Msg("profile-legal-name-withdrawn"))
                }
                Saved::Unchanged => ("/account/profile", Msg("profile-unchanged")),
                Saved::Stale => return ctx.warning(&back, Msg("profile-stale")).await,
                Saved::NoProfile => {
                    return ctx
                        .warning("/account/profile", Msg("profile-not-yet"))
                        .await;
                }
            };
            ctx.success(to, message).await
        }
        Err(errors) => {
            let (profile, _) = profile::profile_of(&state, user.tenant_id).await?;
            let profile = profile.ok_or(AppError::NotFound)?;
            let page = form_page(
                &state,
                ctx,
                user.tenant_id,
                &profile,
                answers,
                errors,
                seen_version,
            )
            .await?;
            crate::web::invalid(page)
        }
    }
}

/// The time zone form.
#[derive(Template, WebTemplate)]
#[template(path = "profile/time_zone.html")]
pub struct TimeZonePage {
    ctx: Ctx,
    /// What the select shows chosen (empty: the country's default).
    chosen: String,
    /// The country's default zone.
    default: String,
    /// Every zone the portal knows.
    zones: Vec<String>,
    errors: FormErrors,
}

async fn show_time_zone(
    State(state): State<AppState>,
    Can(Signed(ctx, user), _): Can<can::EditProfile>,
) -> Result<TimeZonePage, AppError> {
    let setting = profile::time_zone(&state, &user).await?;
    Ok(TimeZonePage {
        ctx,
        chosen: setting.chosen.unwrap_or_default(),
        default: setting.default,
        zones: crate::i18n::format::time_zone_names(),
        errors: FormErrors::default(),
    })
}

async fn save_time_zone(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, user), _): Can<can::EditProfile>,
    fields: FormFields,
) -> Result<Response, AppError> {
    let typed = fields.one("time_zone");
    match profile::set_time_zone(&state, &user, &typed, &ip).await? {
        Ok(()) => {
            ctx.success("/account/profile", Msg("time-zone-saved"))
                .await
        }
        Err(errors) => {
            let setting = profile::time_zone(&state, &user).await?;
            crate::web::invalid(TimeZonePage {
                ctx,
                chosen: typed,
                default: setting.default,
                zones: crate::i18n::format::time_zone_names(),
                errors,
            })
        }
    }
}
