//! The audit log (`/admin/audit`).

use super::{SignedInStaff, StaffCtx};
use crate::db::{
    self,
    audit::{AuditFilter, AuditRow},
};
use crate::error::AppError;
use crate::i18n::filters;
use crate::messages::when;
use crate::state::AppState;
use crate::web::ctx::Signed;
use crate::web::ctx::encode_query_value;
use crate::web::form::Query;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::routing::get;
use serde::Deserialize;
use uuid::Uuid;

/// Rows per page.
const PAGE_SIZE: i64 = 100;

/// Routes of this area.
pub fn router() -> Router<AppState> {
    Router::new().route("/admin/audit", get(audit))
}

/// The query string; bad values are ignored.
#[derive(Debug, Default, Deserialize)]
pub struct AuditQuery {
    #[serde(default)]
    actor: String,
    #[serde(default)]
    application: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    before: String,
}

/// One row as shown.
pub struct Line {
    /// When.
    pub when: String,
    /// Who.
    pub actor: String,
    /// What.
    pub action: String,
    /// On what.
    pub target: String,
    /// Link to the application, if the target is one.
    pub application: Option<String>,
    /// Before → after, as JSON text.
    pub change: String,
    /// From where.
    pub ip: String,
}

/// The audit page.
#[derive(Template, WebTemplate)]
#[template(path = "admin/audit.html")]
pub struct AuditPage {
    ctx: StaffCtx,
    lines: Vec<Line>,
    actions: Vec<String>,
    query: AuditQuery,
    next_page: Option<String>,
}

async fn audit(
    State(state): State<AppState>,
    Signed(ctx, _): SignedInStaff,
    Query(query): Query<AuditQuery>,
) -> Result<AuditPage, AppError> {
    let mut rows = db::audit::list(&state.db, &filter_of(&query), PAGE_SIZE + 1).await?;
    let next_page = (rows.len() as i64 > PAGE_SIZE).then(|| {
        rows.truncate(PAGE_SIZE as usize);
        rows.last()
            .map(|r| next_page_link(&query, r.audit_event_id))
    });
    Ok(AuditPage {
        ctx,
        lines: rows.into_iter().map(line).collect(),
        actions: db::audit::actions(&state.db).await?,
        query,
        next_page: next_page.flatten(),
    })
}

/// The search form as a filter; blank fields do not filter.
fn filter_of(query: &AuditQuery) -> AuditFilter {
    let some = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_owned());
    AuditFilter {
        actor_email: some(&query.actor),
        application_id: Uuid::parse_str(query.application.trim()).ok(),
        action: some(&query.action),
        target: None,
        before_id: query.before.parse().ok(),
    }
}

/// The next page: the same search, before the last event shown.
fn next_page_link(query: &AuditQuery, last_id: i64) -> String {
    format!(
        "/admin/audit?actor={}&application={}&action={}&before={}",
        encode_query_value(&query.actor),
        encode_query_value(&query.application),
        encode_query_value(&query.action),
        last_id
    )
}

/// One audit event as the page shows it.
fn line(r: AuditRow) -> Line {
    let change = match (&r.before_state, &r.after_state) {
        (Some(b), Some(a)) => format!("{b} → {a}"),
        (None, Some(a)) => a.to_string(),
        (Some(b), None) => b.to_string(),
        (None, None) => String::new(),
    };
    Line {
        when: when(r.occurred_at),
        actor: r.actor.unwrap_or_else(|| "—".into()),
        application: (r.target_type == "application").then(|| r.target_id.clone()),
        target: format!("{} {}", r.target_type, r.target_id),
        action: r.action,
        change,
        ip: r.ip_address.unwrap_or_default(),
    }
}
