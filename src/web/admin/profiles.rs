//! Organisation profiles in the back office (issue 15): legal-name changes waiting for
//! review, and each organisation's profile with its audited changes on the application page.

use super::{SignedInStaff, StaffCtx};
use crate::db::audit::AuditRow;
use crate::db::profiles::PendingLegalName;
use crate::domain::FormErrors;
use crate::error::AppError;
use crate::flows::profile as flows;
use crate::i18n::filters;
use crate::messages::Msg;
use crate::state::AppState;
use crate::web::ctx::{ClientIp, Signed};
use crate::web::form::{Form, Path};
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, post};
use uuid::Uuid;

/// Routes of this area.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/legal-names", get(show))
        .route("/admin/legal-names/{tenant}/approve", post(approve))
        .route("/admin/legal-names/{tenant}/decline", post(decline))
}

/// The legal-name changes waiting for review.
#[derive(Template, WebTemplate)]
#[template(path = "admin/legal_names.html")]
pub struct LegalNamesPage {
    ctx: StaffCtx,
    pending: Vec<PendingLegalName>,
    /// The request whose decline came back with errors, and the reason typed.
    failed: Option<Uuid>,
    reason: String,
    errors: FormErrors,
}

async fn page(
    state: &AppState,
    ctx: StaffCtx,
    failed: Option<Uuid>,
    reason: String,
    errors: FormErrors,
) -> Result<LegalNamesPage, AppError> {
    Ok(LegalNamesPage {
        ctx,
        pending: flows::pending_legal_names(state).await?,
        failed,
        reason,
        errors,
    })
}

async fn show(
    State(state): State<AppState>,
    Signed(ctx, _): SignedInStaff,
) -> Result<LegalNamesPage, AppError> {
    page(&state, ctx, None, String::new(), FormErrors::default()).await
}

/// The decline form.
#[derive(Debug, Default, serde::Deserialize)]
pub struct DeclineForm {
    #[serde(default)]
    reason: String,
}

async fn decide(
    state: &AppState,
    ctx: StaffCtx,
    staff: &crate::db::staff::Staff,
    tenant: Uuid,
    approve: bool,
    reason: String,
    ip: &str,
) -> Result<Response, AppError> {
    match flows::decide_legal_name(state, staff, tenant, approve, &reason, ip).await? {
        Ok(Some(name)) => {
            let message = if approve {
                crate::i18n::t_args("legalname-staff-approved", &[("name", name.clone().into())])
            } else {
                crate::i18n::t_args("legalname-staff-declined", &[("name", name.into())])
            };
            ctx.success("/admin/legal-names", message).await
        }
        Ok(None) => {
            ctx.warning("/admin/legal-names", Msg("legalname-staff-gone"))
                .await
        }
        Err(errors) => crate::web::invalid(page(state, ctx, Some(tenant), reason, errors).await?),
    }
}

async fn approve(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Signed(ctx, staff): SignedInStaff,
    Path(tenant): Path<Uuid>,
) -> Result<Response, AppError> {
    decide(&state, ctx, &staff, tenant, true, String::new(), &ip).await
}

async fn decline(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Signed(ctx, staff): SignedInStaff,
    Path(tenant): Path<Uuid>,
    Form(form): Form<DeclineForm>,
) -> Result<Response, AppError> {
    decide(&state, ctx, &staff, tenant, false, form.reason, &ip).await
}

/// One audited change of a profile as staff read it.
pub struct ChangeRow {
    /// When.
    pub when: String,
    /// Who (e-mail).
    pub actor: String,
    /// What, in words.
    pub what: Msg,
    /// Each field that differs: its name in words, before, after.
    pub fields: Vec<(Msg, String, String)>,
}

/// A profile field's name in words (the audit keeps the field's code).
fn field_label(code: &str) -> Msg {
    Msg(match code {
        "legal_name" => "check-legal-name",
        "legal_name_pending" => "profile-requested-legal-name",
        "address_line1" => "legal-line1",
        "address_line2" => "legal-line2",
        "city" => "legal-city",
        "state_province" => "legal-state",
        "postal_code" => "legal-postal",
        "phone" => "check-telephone",
        "registration_id" => "check-registration",
        "first_name" => "contact-first-name",
        "last_name" => "contact-last-name",
        "email" => "check-email",
        "website" => "check-website",
        "account_holder" => "bank-holder",
        "iban" => "bank-iban",
        "bic" => "bank-bic",
        "bank_code" => "bank-code",
        "account_number" => "bank-account-number",
        "reason" => "legalname-reason",
        _ => "profile-other-field",
    })
}

/// An audit action on a profile in words.
fn action_label(action: &str) -> Msg {
    Msg(match action {
        "profile.legal_changed" => "check-legal",
        "profile.contact_changed" => "check-contact",
        "profile.support_changed" => "check-support",
        "profile.bank_changed" => "profile-bank",
        "profile.legal_name_requested" => "profile-change-legal-name-requested",
        "profile.legal_name_request_withdrawn" => "profile-change-legal-name-withdrawn",
        "profile.legal_name_approved" => "profile-change-legal-name-approved",
        "profile.legal_name_declined" => "profile-change-legal-name-declined",
        _ => "profile-other-field",
    })
}

fn text_of(value: Option<&serde_json::Value>) -> String {
    match value {
        None | Some(serde_json::Value::Null) => String::new(),
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// The audit rows of a profile as the application page lists them.
pub fn change_rows(rows: Vec<AuditRow>) -> Vec<ChangeRow> {
    rows.into_iter()
        .map(|row| {
            let empty = serde_json::Map::new();
            let before = row
                .before_state
                .as_ref()
                .and_then(|v| v.as_object())
                .unwrap_or(&empty);
            let after = row
                .after_state
                .as_ref()
                .and_then(|v| v.as_object())
                .unwrap_or(&empty);
            let mut codes: Vec<&String> = before.keys().chain(after.keys()).collect();
            codes.sort();
            codes.dedup();
            let fields = codes
                .into_iter()
                .filter_map(|code| {
                    let (b, a) = (text_of(before.get(code)), text_of(after.get(code)));
                    (b != a).then(|| (field_label(code), b, a))
                })
                .collect();
            ChangeRow {
                when: crate::messages::when(row.occurred_at),
                actor: row.actor.unwrap_or_default(),
                what: action_label(&row.action),
                fields,
            }
        })
        .collect()
}
