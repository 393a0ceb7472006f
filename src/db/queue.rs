//! The review queue: submitted applications with filters, search and keyset pagination.
//! Built with a query builder because the filters are optional: each combination gets a
//! plan that can use its own index, which a generic `($1 is null or ...)` query cannot.

use crate::domain::application::{ApplicationState, Program};
use sqlx::{PgPool, Postgres, QueryBuilder};
use time::OffsetDateTime;
use uuid::Uuid;

/// Whose applications to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Assigned {
    /// Everyone's.
    Anyone,
    /// Assigned to this staff member.
    To(Uuid),
    /// Not assigned yet.
    Nobody,
}

/// The queue's filters; `None` means "any".
#[derive(Clone, Debug)]
pub struct QueueFilter {
    /// Only this state.
    pub state: Option<ApplicationState>,
    /// Only this program.
    pub program: Option<Program>,
    /// Country code of the tenant.
    pub country: Option<String>,
    /// Program region of the tenant's country.
    pub region: Option<String>,
    /// Assignment.
    pub assigned: Assigned,
    /// Legal name, tenant domain, partner ID or contact e-mail.
    pub search: Option<String>,
    /// Keyset cursor: the last row of the previous page.
    pub after: Option<(OffsetDateTime, Uuid)>,
}

/// One row of the queue.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct QueueRow {
    /// Id.
    pub application_id: Uuid,
    /// Legal name given in the application.
    pub legal_name: Option<String>,
    /// Work-account name.
    pub organisation: String,
    /// Domain prefix.
    pub domain_prefix: String,
    /// Program.
    pub program: Program,
    /// Country code.
    pub country_code: String,
    /// Country name.
    pub country_name: String,
    /// Where it stands.
    pub state: ApplicationState,
    /// When submitted.
    pub submitted_at: OffsetDateTime,
    /// Reviewer's name, if assigned.
    pub assigned_name: Option<String>,
}

fn like_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// How a free-text search is matched (a partner ID or an address is an exact lookup).
enum Text<'a> {
    /// No search, or an exact one.
    None,
    /// Legal name contains it, or the work-account domain starts with it.
    Words(&'a str),
}

/// Rows scanned in queue order when looking for a common term's first page (20,000 cost
/// 150 ms a search at a million applications; 1,000 cost 8-17 ms for common terms).
const DENSE_SCAN: i64 = 1_000;
/// More candidates than this and a term counts as common.
const SPARSE_CANDIDATES: i64 = 2_000;

/// The shortest free-text search the queue accepts: shorter terms have no trigram to look
/// up and would read every application.
pub const MIN_SEARCH_CHARS: usize = 3;

/// One page of the queue, oldest submission first; returns at most `limit` rows.
///
/// A free-text search is exact and, in its first two phases, costs a bounded amount of
/// work at any table size (issue 13: at a million applications it used to follow the
/// number of matches, 1.3 s and more):
/// 1. *dense*: the first [`DENSE_SCAN`] rows in queue order are filtered by the term; a
///    common term fills the page there (or that was the whole filtered queue): exact;
/// 2. *sparse*: otherwise the term is rare there, and the trigram and prefix indexes give
///    its candidates; at most [`SPARSE_CANDIDATES`] of them are sorted: exact;
/// 3. a term that is neither (thousands of matches, few among the oldest rows) falls back
///    to the plain filtered query: not bounded (measured at a million applications: 180 ms
///    for a domain prefix with 11,111 matches).
pub async fn page(db: &PgPool, f: &QueueFilter, limit: i64) -> sqlx::Result<Vec<QueueRow>> {
    let limit = limit.clamp(1, 1000);
    let (exact, text) = match f.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) if s.len() == 7 && s.chars().all(|c| c.is_ascii_digit()) => (Some(s), Text::None),
        Some(s) if s.contains('@') => (Some(s), Text::None),
        Some(s) => (None, Text::Words(s)),
        None => (None, Text::None),
    };
    let Text::Words(words) = text else {
        let mut q = QueryBuilder::new("");
        base(&mut q, f, exact);
        finish(&mut q, f, limit);
        return q.build_query_as::<QueueRow>().fetch_all(db).await;
    };
    let contains = format!("%{}%", like_escape(words));
    let starts = format!("{}%", like_escape(&words.to_lowercase()));

    // 1. Dense: the oldest rows of the filtered queue, filtered by the term.
    let mut q: QueryBuilder<Postgres> = QueryBuilder::new("with scan as (");
    base(&mut q, f, None);
    finish(&mut q, f, DENSE_SCAN);
    q.push(
        ") select scan.*, (select count(*) from scan) as scanned from scan where legal_name ilike ",
    )
    .push_bind(contains.clone())
    .push(" or lower(domain_prefix) like ")
    .push_bind(starts.clone());
    q.push(format_args!(
        " order by submitted_at, application_id limit {limit}"
    ));
    let dense: Vec<Scanned> = q.build_query_as().fetch_all(db).await?;
    let scanned_all = dense.first().is_some_and(|r| r.scanned < DENSE_SCAN);
    if dense.len() as i64 == limit || scanned_all {
        return Ok(dense.into_iter().map(|r| r.row).collect());
    }

    // 2. Sparse: the term's candidates from the indexes.
    let candidates: Vec<Uuid> = sqlx::query_scalar(
        "(select application_id from applications where legal_name ilike $1 limit $3)
         union
         (select a.application_id from applications a join tenants t using (tenant_id)
          where lower(t.domain_prefix::text) like $2 limit $3)
         limit $3",
    )
    .bind(&contains)
    .bind(&starts)
    .bind(SPARSE_CANDIDATES + 1)
    .fetch_all(db)
    .await?;
    let mut q = QueryBuilder::new("");
    base(&mut q, f, None);
    if candidates.len() as i64 <= SPARSE_CANDIDATES {
        q.push(" and a.application_id = any(")
            .push_bind(candidates)
            .push(")");
    } else {
        // 3. Common, but not among the oldest rows.
        q.push(" and (a.legal_name ilike ")
            .push_bind(contains)
            .push(" or lower(t.domain_prefix::text) like ")
            .push_bind(starts)
            .push(")");
    }
    finish(&mut q, f, limit);
    q.build_query_as::<QueueRow>().fetch_all(db).await
}

/// A dense-phase row and how many rows the phase scanned.
#[derive(sqlx::FromRow)]
struct Scanned {
    #[sqlx(flatten)]
    row: QueueRow,
    scanned: i64,
}

/// The queue's select with every filter but the cursor and order; `exact` is a partner ID
/// or a contact address to look up.
fn base(q: &mut QueryBuilder<Postgres>, f: &QueueFilter, exact: Option<&str>) {
    q.push(
        "select a.application_id, a.legal_name, t.name as organisation, t.domain_prefix::text as domain_prefix,
                a.program, t.country_code::text as country_code, m.country_name_en as country_name, a.state,
                a.submitted_at, s.full_name as assigned_name
         from applications a
         join tenants t on t.tenant_id = a.tenant_id
         join markets m on m.country_code = t.country_code
         left join operator_staff s on s.staff_id = a.assigned_to
         where a.state <> 'draft' and a.submitted_at is not null",
    );
    if let Some(state) = &f.state {
        q.push(" and a.state = ").push_bind(*state);
    }
    if let Some(program) = &f.program {
        q.push(" and a.program = ").push_bind(*program);
    }
    if let Some(country) = &f.country {
        q.push(" and t.country_code = ").push_bind(country.clone());
    }
    if let Some(region) = &f.region {
        q.push(" and m.csp_region = ").push_bind(region.clone());
    }
    match f.assigned {
        Assigned::Anyone => {}
        Assigned::To(id) => {
            q.push(" and a.assigned_to = ").push_bind(id);
        }
        Assigned::Nobody => {
            q.push(" and a.assigned_to is null");
        }
    }
    match exact {
        Some(id) if !id.contains('@') => {
            q.push(" and a.partner_id = ").push_bind(id.to_owned());
        }
        Some(address) => {
            q.push(" and a.contact_email = ")
                .push_bind(address.to_owned())
                .push("::text::citext");
        }
        None => {}
    }
}

/// The cursor, the queue's order and the limit.
fn finish(q: &mut QueryBuilder<Postgres>, f: &QueueFilter, limit: i64) {
    if let Some((at, id)) = f.after {
        q.push(" and (a.submitted_at, a.application_id) > (")
            .push_bind(at)
            .push(", ")
            .push_bind(id)
            .push(")");
    }
    // The limit is written into the SQL, not bound: with a bound limit Postgres' generic
    // plan assumes a large result and sorts the whole table (measured: 273 ms at 1M rows).
    q.push(format_args!(
        " order by a.submitted_at, a.application_id limit {limit}"
    ));
}

/// How many submitted applications are in each state.
pub async fn counts_by_state(db: &PgPool) -> sqlx::Result<Vec<(String, i64)>> {
    // Kept by a trigger (migration 0005), so this costs the same at any size.
    let rows = sqlx::query!(
        "select state, count from application_state_counts where state <> 'draft' order by state"
    )
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(|r| (r.state, r.count)).collect())
}
