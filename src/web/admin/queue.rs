//! The review queue (`/admin/applications`).

use super::{SignedInStaff, StaffCtx};
use crate::db::{
    self,
    markets::Market,
    queue::{Assigned, QueueFilter, QueueRow},
};
use crate::domain::application::{ApplicationState, Program};
use crate::domain::calendar::{REVIEW_FLAG_AFTER_BUSINESS_DAYS, business_days_between};
use crate::error::AppError;
use crate::i18n::filters;
use crate::messages;
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
use time::OffsetDateTime;
use uuid::Uuid;

/// Rows per page.
pub const PAGE_SIZE: i64 = 50;

/// Routes of this area.
pub fn router() -> Router<AppState> {
    Router::new().route("/admin/applications", get(queue))
}

/// The queue's query string (all optional; bad values are ignored, never a 500).
#[derive(Clone, Debug, Default, Deserialize)]
pub struct QueueQuery {
    state: Option<String>,
    #[serde(default)]
    program: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    region: String,
    #[serde(default)]
    assigned: String,
    #[serde(default)]
    q: String,
    #[serde(default)]
    after: String,
}

/// One row as shown.
pub struct Row {
    /// Id.
    pub id: Uuid,
    /// Legal name (or work-account name).
    pub organisation: String,
    /// Tenant domain.
    pub domain: String,
    /// Program in words.
    pub program: crate::messages::Msg,
    /// Country name.
    pub country: String,
    /// State in reviewers' words.
    pub state: crate::messages::Msg,
    /// Submission date.
    pub submitted: String,
    /// Business days since submission.
    pub age: i64,
    /// In review for too long.
    pub flagged: bool,
    /// Reviewer, if any.
    pub assigned: String,
}

/// A state filter option with its count.
pub struct StateCount {
    /// State code.
    pub code: &'static str,
    /// Label.
    pub label: crate::messages::Msg,
    /// Applications in that state.
    pub count: i64,
}

/// The queue page.
#[derive(Template, WebTemplate)]
#[template(path = "admin/queue.html")]
pub struct QueuePage {
    ctx: StaffCtx,
    rows: Vec<Row>,
    /// Applications per page (the link to the next page says how many).
    page_size: i64,
    counts: Vec<StateCount>,
    /// In the current language's alphabetical order.
    markets: Vec<Market>,
    regions: Vec<(String, String)>,
    selected_state: String,
    showing_all: bool,
    programs: [Program; 2],
    query: QueueQuery,
    next_page: Option<String>,
    /// Why the search term was not used (too short).
    search_error: Option<messages::Msg>,
}

/// The state filter's value for every state.
const ALL_STATES: &str = "all";

fn parse_cursor(raw: &str) -> Option<(OffsetDateTime, Uuid)> {
    let (nanos, id) = raw.split_once('_')?;
    let at = OffsetDateTime::from_unix_timestamp_nanos(nanos.parse().ok()?).ok()?;
    Some((at, Uuid::parse_str(id).ok()?))
}

/// A free-text term shorter than the queue searches (partner IDs and addresses are longer).
fn too_short(term: &str) -> bool {
    (1..db::queue::MIN_SEARCH_CHARS).contains(&term.trim().chars().count())
}

fn filter_of(q: &QueueQuery, staff_id: Uuid, markets: &[Market]) -> (QueueFilter, String) {
    let selected_state = match q.state.as_deref() {
        None => "in_review".to_owned(),
        Some(s) if s == ALL_STATES || ApplicationState::parse(s).is_some() => s.to_owned(),
        Some(_) => ALL_STATES.to_owned(),
    };
    let some = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_owned());
    let filter = QueueFilter {
        state: ApplicationState::parse(&selected_state),
        program: Program::parse(q.program.trim()),
        country: some(&q.country).map(|c| c.to_ascii_uppercase()),
        region: some(&q.region).map(|region| {
            markets
                .iter()
                .filter(|m| m.csp_region == region)
                .map(|m| m.country_code.clone())
                .collect()
        }),
        assigned: match q.assigned.as_str() {
            "me" => Assigned::To(staff_id),
            "unassigned" => Assigned::Nobody,
            _ => Assigned::Anyone,
        },
        search: some(&q.q).filter(|s| !too_short(s)),
        after: parse_cursor(&q.after),
    };
    (filter, selected_state)
}

async fn queue(
    State(state): State<AppState>,
    Signed(ctx, staff): SignedInStaff,
    Query(query): Query<QueueQuery>,
) -> Result<QueuePage, AppError> {
    let markets = state.markets().await?;
    let (filter, selected_state) = filter_of(&query, staff.staff_id, &markets);
    let db::queue::QueuePage {
        rows: mut found,
        counts,
    } = db::queue::page(&state.db, &filter, PAGE_SIZE + 1).await?;
    let next_page = (found.len() as i64 > PAGE_SIZE).then(|| {
        found.truncate(PAGE_SIZE as usize);
        next_page_link(&query, &selected_state, found.last())
    });
    let rows = found
        .into_iter()
        .map(|r| row(&state, &markets, r))
        .collect();
    Ok(QueuePage {
        ctx,
        rows,
        page_size: PAGE_SIZE,
        counts: state_counts(&counts),
        regions: crate::db::markets::regions(&markets, crate::i18n::current()),
        markets: crate::db::markets::in_order(&markets, crate::i18n::current()),
        showing_all: selected_state == ALL_STATES,
        programs: Program::ALL,
        selected_state,
        search_error: too_short(&query.q).then_some(messages::SEARCH_TOO_SHORT),
        query,
        next_page: next_page.flatten(),
    })
}

/// The link to the page after the one whose last row is `last`, with the same filters.
fn next_page_link(query: &QueueQuery, state: &str, last: Option<&QueueRow>) -> Option<String> {
    let last = last?;
    let cursor = format!(
        "{}_{}",
        last.submitted_at.unix_timestamp_nanos(),
        last.application_id
    );
    let params = [
        ("state", state),
        ("program", query.program.as_str()),
        ("country", query.country.as_str()),
        ("region", query.region.as_str()),
        ("assigned", query.assigned.as_str()),
        ("q", query.q.as_str()),
        ("after", cursor.as_str()),
    ];
    let pairs: Vec<String> = params
        .iter()
        .map(|(k, v)| format!("{k}={}", encode_query_value(v)))
        .collect();
    Some(format!("/admin/applications?{}", pairs.join("&")))
}

/// One queue row as the page shows it; an application in review too long is flagged.
fn row(state: &AppState, markets: &[Market], r: QueueRow) -> Row {
    let age = business_days_between(r.submitted_at.date(), OffsetDateTime::now_utc().date());
    Row {
        id: r.application_id,
        organisation: r.legal_name.unwrap_or(r.organisation),
        domain: state.config.tenant_domain(&r.domain_prefix),
        program: r.program.label(),
        country: crate::db::markets::country_name(markets, &r.country_code)
            .map_or(r.country_name, str::to_owned),
        state: r.state.staff_label(),
        submitted: crate::i18n::format::date(r.submitted_at.date()),
        age,
        flagged: r.state.is_in_review() && age > REVIEW_FLAG_AFTER_BUSINESS_DAYS,
        assigned: r.assigned_name.unwrap_or_default(),
    }
}

/// How many applications are in each state (drafts are not the reviewers' business).
fn state_counts(by_state: &[(String, i64)]) -> Vec<StateCount> {
    ApplicationState::ALL
        .into_iter()
        .filter(|s| !s.is_draft())
        .map(|s| StateCount {
            code: s.as_str(),
            label: s.staff_label(),
            count: by_state
                .iter()
                .find(|(code, _)| code == s.as_str())
                .map(|(_, n)| *n)
                .unwrap_or(0),
        })
        .collect()
}
