//! Customers in the back office (issue 16): operator staff look up any customer and read its
//! relationships, admin access and agreement.

use super::{SignedInStaff, StaffCtx};
use crate::db::customers::Listed;
use crate::error::AppError;
use crate::flows::customers::{self as flows, CustomerView};
use crate::i18n::filters;
use crate::state::AppState;
use crate::web::ctx::Signed;
use crate::web::form::{Path, Query};
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::routing::get;
use uuid::Uuid;

/// Routes of this area.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/customers", get(list))
        .route("/admin/customers/{id}", get(show))
}

/// How many customers a lookup shows.
const SHOWN: i64 = 100;

/// The lookup's query.
#[derive(Debug, Default, serde::Deserialize)]
pub struct LookupQuery {
    #[serde(default)]
    q: String,
}

/// The lookup page.
#[derive(Template, WebTemplate)]
#[template(path = "admin/customers.html")]
pub struct LookupPage {
    ctx: StaffCtx,
    q: String,
    rows: Vec<(Listed, String)>,
}

async fn list(
    State(state): State<AppState>,
    Signed(ctx, _): SignedInStaff,
    Query(query): Query<LookupQuery>,
) -> Result<LookupPage, AppError> {
    let q = query.q.trim().to_owned();
    let found = flows::lookup(&state, Some(q.as_str()).filter(|q| !q.is_empty()), SHOWN).await?;
    let mut rows = Vec::with_capacity(found.len());
    for c in found {
        let country = state.country_name(&c.country_code).await?;
        rows.push((c, country));
    }
    Ok(LookupPage { ctx, q, rows })
}

/// One customer, read-only.
#[derive(Template, WebTemplate)]
#[template(path = "admin/customer.html")]
pub struct CustomerPage {
    ctx: StaffCtx,
    view: CustomerView,
    country: String,
    domain: String,
    accepted_on: String,
    no_reseller: crate::messages::Msg,
}

async fn show(
    State(state): State<AppState>,
    Signed(ctx, _): SignedInStaff,
    Path(id): Path<Uuid>,
) -> Result<CustomerPage, AppError> {
    let view = flows::customer_for(&state, None, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(CustomerPage {
        country: state.country_name(&view.customer.country_code).await?,
        domain: state.config.tenant_domain(&view.customer.domain_prefix),
        accepted_on: view
            .acceptance
            .as_ref()
            .map(|a| crate::i18n::format::date(a.accepted_on))
            .unwrap_or_default(),
        no_reseller: crate::messages::Msg("customers-one-tier"),
        view,
        ctx,
    })
}
