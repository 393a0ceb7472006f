//! Subscriptions (issue 17): the partner's list, a subscription's page with the provider's
//! changes (licences, suspend, reactivate, cancel after a confirmation, reseller, support
//! contact), and the rows the customer, reseller and staff pages show.

use crate::db::subscriptions::Subscription;
use crate::domain::FormErrors;
use crate::domain::authz::Capability;
use crate::domain::order::{Money, Reader, StateChange};
use crate::error::AppError;
use crate::flows::lifecycle::VerifiedReseller;
use crate::flows::subscriptions::{
    self as flows, Changed, LicencesInput, ResellerInput, SubscriptionView, SupportInput,
};
use crate::i18n::filters;
use crate::messages::Msg;
use crate::state::AppState;
use crate::web::ctx::{Can, ClientIp, Ctx, Signed, can};
use crate::web::form::{Form, Path};
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use uuid::Uuid;

/// Routes of this area.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/subscriptions", get(list))
        .route("/subscriptions/{id}", get(show))
        .route("/subscriptions/{id}/licences", post(licences))
        .route("/subscriptions/{id}/state", post(state_change))
        .route("/subscriptions/{id}/cancel", get(confirm_cancel))
        .route("/subscriptions/{id}/reseller", post(reseller))
        .route("/subscriptions/{id}/support", post(support))
}

/// A subscription as a row or page shows it.
pub struct SubRow {
    /// The subscription.
    pub s: Subscription,
    /// Price per licence and period.
    pub unit: Money,
    /// Started, in words.
    pub started: String,
    /// Renews, in words (empty once cancelled).
    pub renews: String,
}

/// Rows for `subs`.
pub fn rows(subs: Vec<Subscription>) -> Vec<SubRow> {
    subs.into_iter()
        .filter_map(|s| {
            Some(SubRow {
                unit: Money::new(s.unit_price_minor, &s.currency)?,
                started: crate::i18n::format::date(s.started_on),
                renews: s
                    .next_renewal_on
                    .map(crate::i18n::format::date)
                    .unwrap_or_default(),
                s,
            })
        })
        .collect()
}

/// Every subscription the partner sees.
#[derive(Template, WebTemplate)]
#[template(path = "subscriptions/index.html")]
pub struct ListPage {
    ctx: Ctx,
    subs: Vec<SubRow>,
    base: &'static str,
    show_customer: bool,
}

async fn list(
    State(state): State<AppState>,
    Can(Signed(ctx, user), _): Can<can::SeeCustomers>,
) -> Result<ListPage, AppError> {
    Ok(ListPage {
        subs: rows(flows::visible_to_partner(&state, user.tenant_id).await?),
        base: "/subscriptions",
        show_customer: true,
        ctx,
    })
}

/// One subscription, with the provider's forms.
#[derive(Template, WebTemplate)]
#[template(path = "subscriptions/detail.html")]
pub struct DetailPage {
    ctx: Ctx,
    row: SubRow,
    /// The reader may change it (its provider, role allowing).
    editable: bool,
    resellers: Vec<VerifiedReseller>,
    errors: FormErrors,
    /// What was typed (kept on an error).
    licences: String,
    reseller_form: ResellerInput,
    history: History,
    back: (String, String),
}

impl DetailPage {
    fn choice(&self) -> String {
        if !self.errors.is_empty() {
            return self.reseller_form.reseller.clone();
        }
        self.row
            .s
            .reseller_tenant_id
            .map(|r| r.to_string())
            .unwrap_or_default()
    }
}

/// Who was attached when, in words: (reseller, partner ID, from, until or "").
pub type History = Vec<(String, String, String, String)>;

/// The subscription `id` as `reader` sees it: the view, its row and its history in words.
pub async fn sub_data(
    state: &AppState,
    reader: Reader,
    id: Uuid,
) -> Result<(SubscriptionView, SubRow, History), AppError> {
    let view = flows::view(state, reader, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let row = rows(vec![view.sub.clone()])
        .pop()
        .ok_or(AppError::NotFound)?;
    let history = view
        .history
        .iter()
        .map(|h| {
            (
                h.reseller_name.clone(),
                h.partner_id.clone(),
                crate::i18n::format::date_time(h.attached_at),
                h.detached_at
                    .map(crate::i18n::format::date_time)
                    .unwrap_or_default(),
            )
        })
        .collect();
    Ok((view, row, history))
}

/// The subscription page for `reader` (`editable` when it may change it).
#[allow(clippy::too_many_arguments)]
pub async fn detail_page(
    state: &AppState,
    ctx: Ctx,
    reader: Reader,
    may_change: bool,
    id: Uuid,
    errors: FormErrors,
    licences: Option<String>,
    reseller_form: ResellerInput,
    back: Option<(String, String)>,
) -> Result<Response, AppError> {
    let (view, row, history) = sub_data(state, reader, id).await?;
    let editable = view.provider && may_change;
    let resellers = if editable { view.resellers } else { Vec::new() };
    let back = back.unwrap_or_else(|| {
        (
            format!("/customers/{}", view.sub.customer_tenant_id),
            crate::i18n::t_args(
                "customers-back-to",
                &[("company", view.sub.customer_name.clone().into())],
            ),
        )
    });
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = DetailPage {
        ctx,
        licences: licences.unwrap_or_else(|| row.s.licences.to_string()),
        row,
        editable,
        resellers,
        errors,
        reseller_form,
        history,
        back,
    };
    Ok((status, page).into_response())
}

async fn show(
    State(state): State<AppState>,
    Can(Signed(ctx, user), _): Can<can::SeeCustomers>,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    detail_page(
        &state,
        ctx,
        Reader::Tenant(user.tenant_id),
        user.roles.can(Capability::ManageSubscriptions),
        id,
        FormErrors::default(),
        None,
        ResellerInput::default(),
        None,
    )
    .await
}

/// The outcome of a change as a response: back to the page with a message, or the page
/// again with the form's errors.
async fn answer(
    state: &AppState,
    ctx: Ctx,
    user: &crate::db::users::SessionUser,
    id: Uuid,
    outcome: Option<Changed>,
    done: Msg,
    typed: (Option<String>, ResellerInput),
) -> Result<Response, AppError> {
    let to = format!("/subscriptions/{id}");
    match outcome {
        None => Err(AppError::NotFound),
        Some(Changed::Done) => ctx.success(&to, done).await,
        Some(Changed::Stale) => ctx.warning(&to, Msg("subs-stale")).await,
        Some(Changed::NotNow) => ctx.warning(&to, Msg("subs-not-now")).await,
        Some(Changed::Invalid(errors)) => {
            detail_page(
                state,
                ctx,
                Reader::Tenant(user.tenant_id),
                true,
                id,
                errors,
                typed.0,
                typed.1,
                None,
            )
            .await
        }
    }
}

async fn licences(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, user), _): Can<can::ManageSubscriptions>,
    Path(id): Path<Uuid>,
    Form(form): Form<LicencesInput>,
) -> Result<Response, AppError> {
    let outcome = flows::change_licences(&state, &user, id, &form, &ip).await?;
    let typed = (Some(form.licences.clone()), ResellerInput::default());
    answer(
        &state,
        ctx,
        &user,
        id,
        outcome,
        Msg("subs-licences-changed"),
        typed,
    )
    .await
}

/// What the state buttons send.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct StateInput {
    /// "suspend", "reactivate" or "cancel".
    #[serde(default)]
    pub change: String,
    /// The version the page showed.
    #[serde(default)]
    pub version: String,
}

async fn state_change(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, user), _): Can<can::ManageSubscriptions>,
    Path(id): Path<Uuid>,
    Form(form): Form<StateInput>,
) -> Result<Response, AppError> {
    let Some(change) = StateChange::parse(form.change.trim()) else {
        return ctx
            .warning(&format!("/subscriptions/{id}"), Msg("subs-not-now"))
            .await;
    };
    let outcome = flows::change_state(&state, &user, id, change, &form.version, &ip).await?;
    let done = match change {
        StateChange::Suspend => Msg("subs-suspended"),
        StateChange::Reactivate => Msg("subs-reactivated"),
        StateChange::Cancel => Msg("subs-cancelled"),
    };
    answer(
        &state,
        ctx,
        &user,
        id,
        outcome,
        done,
        (None, ResellerInput::default()),
    )
    .await
}

/// "Cancel this subscription?"
#[derive(Template, WebTemplate)]
#[template(path = "subscriptions/cancel.html")]
pub struct CancelPage {
    ctx: Ctx,
    row: SubRow,
}

async fn confirm_cancel(
    State(state): State<AppState>,
    Can(Signed(ctx, user), _): Can<can::ManageSubscriptions>,
    Path(id): Path<Uuid>,
) -> Result<CancelPage, AppError> {
    let view = flows::view(&state, Reader::Tenant(user.tenant_id), id)
        .await?
        .filter(|v| v.provider)
        .ok_or(AppError::NotFound)?;
    let row = rows(vec![view.sub]).pop().ok_or(AppError::NotFound)?;
    Ok(CancelPage { ctx, row })
}

async fn reseller(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, user), _): Can<can::ManageSubscriptions>,
    Path(id): Path<Uuid>,
    Form(form): Form<ResellerInput>,
) -> Result<Response, AppError> {
    let outcome = flows::set_reseller(&state, &user, id, &form, &ip).await?;
    answer(
        &state,
        ctx,
        &user,
        id,
        outcome,
        Msg("subs-reseller-changed"),
        (None, form),
    )
    .await
}

async fn support(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, user), _): Can<can::ManageSubscriptions>,
    Path(id): Path<Uuid>,
    Form(form): Form<SupportInput>,
) -> Result<Response, AppError> {
    let outcome = flows::set_support(&state, &user, id, &form, &ip).await?;
    answer(
        &state,
        ctx,
        &user,
        id,
        outcome,
        Msg("subs-support-changed"),
        (None, ResellerInput::default()),
    )
    .await
}

/// An order as a row of a customer's order history.
pub struct OrderRow {
    /// The order.
    pub o: crate::db::orders::Order,
    /// Its total.
    pub total: Money,
    /// When, in words.
    pub placed: String,
}

/// What a customer page shows of its subscriptions and orders (those in `view`, which the
/// reader sees).
pub fn customer_sections(
    view: &mut crate::flows::customers::CustomerView,
) -> (Vec<SubRow>, Vec<OrderRow>) {
    let subs = rows(std::mem::take(&mut view.subscriptions));
    let orders = std::mem::take(&mut view.orders)
        .into_iter()
        .filter_map(|o| {
            Some(OrderRow {
                total: Money::new(o.total_minor, &o.currency)?,
                placed: crate::i18n::format::date_time(o.placed_at),
                o,
            })
        })
        .collect();
    (subs, orders)
}
