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
    /// A program region, as the codes of its countries (the caller knows the markets; an
    /// unknown region is an empty list, which matches nothing).
    pub region: Option<Vec<String>>,
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

/// One page of the queue and how many submitted applications are in each state.
#[derive(Clone, Debug)]
pub struct QueuePage {
    /// The page's rows, oldest submission first.
    pub rows: Vec<QueueRow>,
    /// (state, count) of every state but draft, by state code.
    pub counts: Vec<(String, i64)>,
}

/// A queue row with the state counts, which every row of the page's query carries (one
/// round trip for both; Postgres computes them once per query, as an InitPlan).
#[derive(sqlx::FromRow)]
struct CountedRow {
    #[sqlx(flatten)]
    row: QueueRow,
    count_states: Vec<String>,
    count_values: Vec<i64>,
}

/// Runs a query built on [`base`]: its rows, and the counts they carry (or, for an empty
/// page, from a query of their own).
async fn fetch(db: &PgPool, mut q: QueryBuilder<Postgres>) -> sqlx::Result<QueuePage> {
    let found: Vec<CountedRow> = q.build_query_as().fetch_all(db).await?;
    let counts = match found.first() {
        Some(first) => first
            .count_states
            .iter()
            .cloned()
            .zip(first.count_values.iter().copied())
            .collect(),
        None => counts_by_state(db).await?,
    };
    Ok(QueuePage {
        rows: found.into_iter().map(|c| c.row).collect(),
        counts,
    })
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

/// Queue rows tested against a term in the long walk: an index-only scan that stops when
/// the page is full; 0.65 µs a row at a million applications, so 20 ms at most.
const WALK: i64 = 30_000;
/// The first, short walk: finds a common term's page in a couple of milliseconds before
/// the candidates are looked up.
const SHORT_WALK: i64 = 2_000;
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
/// 0. *few places*: a country or region filter that admits at most [`SPARSE_CANDIDATES`]
///    applications is answered from the country index: exact;
/// 1. *walk*: the oldest [`SHORT_WALK`] rows of the filtered queue are tested against the
///    term, in queue order, from the covering index (migrations 0017-0018); a term that
///    fills the page there (or that was the whole filtered queue) is answered: exact;
/// 2. *sparse*: otherwise the trigram and prefix indexes give the term's candidates; at
///    most [`SPARSE_CANDIDATES`] of them are sorted: exact;
///    - *long walk*: more candidates than that: [`WALK`] rows of the covering index,
///      stopping when the page is full: exact when it fills the page;
/// 3. a term that is none of these (thousands of matches, fewer than a page among the
///    oldest rows) falls back to the plain filtered query: not bounded.
pub async fn page(db: &PgPool, f: &QueueFilter, limit: i64) -> sqlx::Result<QueuePage> {
    let limit = limit.clamp(1, 1000);
    if f.region.as_ref().is_some_and(Vec::is_empty) {
        return Ok(QueuePage {
            rows: Vec::new(),
            counts: counts_by_state(db).await?,
        });
    }
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
        return fetch(db, q).await;
    };
    let contains = format!("%{}%", like_escape(words));
    let starts = format!("{}%", like_escape(&words.to_lowercase()));

    // 0. A country or region with few applications: search them all, from the country index
    //    (a walk in queue order would read far before it found the page: 50-110 ms at 1M
    //    for a region with no applications).
    if f.country.is_some() || f.region.is_some() {
        let mut q = QueryBuilder::new(
            "select count(*) from (select 1 from applications a where a.state <> 'draft' and a.submitted_at is not null",
        );
        places(&mut q, f);
        q.push(format_args!(" limit {}) x", SPARSE_CANDIDATES + 1));
        let admitted: i64 = q.build_query_scalar().fetch_one(db).await?;
        if admitted <= SPARSE_CANDIDATES {
            let mut q = QueryBuilder::new("");
            base(&mut q, f, None);
            matches(&mut q, &contains, &starts);
            finish(&mut q, f, limit);
            return fetch(db, q).await;
        }
    }

    // 1. The oldest rows of the filtered queue, tested against the term.
    let term = (contains.as_str(), starts.as_str());
    if let Some(rows) = walk(db, f, term, SHORT_WALK, limit).await? {
        return Ok(rows);
    }

    // 2. Sparse: the term's candidates from the indexes.
    let candidates: Vec<Uuid> = sqlx::query_scalar(
        "(select application_id from applications where legal_name ilike $1 limit $3)
         union
         (select application_id from applications where search_prefix like $2 limit $3)
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
        // 1b. Common: a longer walk.
        if let Some(rows) = walk(db, f, term, WALK, limit).await? {
            return Ok(rows);
        }
        // 3. Common, but not among the oldest rows.
        matches(&mut q, &contains, &starts);
    }
    finish(&mut q, f, limit);
    fetch(db, q).await
}

/// Walks at most `size` rows of the queue in the covering index, stopping as soon as the
/// page is full, and returns the page when the walk answered the search exactly: the page
/// is full, or the walk read the whole filtered queue. The walk's last row comes back as a
/// sentinel, so a short answer tells "the walk ended" from "the queue ended".
async fn walk(
    db: &PgPool,
    f: &QueueFilter,
    (contains, starts): (&str, &str),
    size: i64,
    limit: i64,
) -> sqlx::Result<Option<QueuePage>> {
    let mut q: QueryBuilder<Postgres> = QueryBuilder::new(
        "select application_id, hit, n from (select a.application_id, a.submitted_at, (a.legal_name ilike ",
    );
    q.push_bind(contains.to_owned())
        .push(" or a.search_prefix like ")
        .push_bind(starts.to_owned())
        .push(") as hit, a.country_code, a.program, row_number() over (order by a.submitted_at, a.application_id) as n from applications a where a.state <> 'draft' and a.submitted_at is not null");
    // The state and the assignment have indexes in queue order; the other filters apply to
    // the walked rows, so a country or program with few applications cannot make the walk
    // read the whole queue.
    state_and_assignment(&mut q, f);
    finish(&mut q, f, size);
    q.push(") w where (hit");
    if let Some(program) = &f.program {
        q.push(" and program = ").push_bind(*program);
    }
    if let Some(country) = &f.country {
        q.push(" and country_code = ").push_bind(country.clone());
    }
    if let Some(countries) = &f.region {
        q.push(" and country_code = any(")
            .push_bind(countries.clone())
            .push(")");
    }
    q.push(format_args!(
        ") or n = {size} order by submitted_at, application_id limit {limit}"
    ));
    let walked: Vec<(Uuid, bool, i64)> = q.build_query_as().fetch_all(db).await?;
    let ended_early = walked.iter().any(|(_, _, n)| *n == size);
    let hits: Vec<Uuid> = walked
        .into_iter()
        .filter_map(|(id, hit, _)| hit.then_some(id))
        .collect();
    if hits.len() as i64 != limit && ended_early {
        return Ok(None);
    }
    let mut q = QueryBuilder::new("");
    base(&mut q, f, None);
    q.push(" and a.application_id = any(")
        .push_bind(hits)
        .push(")");
    q.push(" order by a.submitted_at, a.application_id");
    Ok(Some(fetch(db, q).await?))
}

/// The queue's select with every filter but the cursor and order; `exact` is a partner ID
/// or a contact address to look up.
fn base(q: &mut QueryBuilder<Postgres>, f: &QueueFilter, exact: Option<&str>) {
    q.push(
        "select a.application_id, a.legal_name, t.name as organisation, t.domain_prefix::text as domain_prefix,
                a.program, t.country_code::text as country_code, m.country_name_en as country_name, a.state,
                a.submitted_at, s.full_name as assigned_name,
                array(select state from application_state_counts where state <> 'draft' order by state) as count_states,
                array(select count from application_state_counts where state <> 'draft' order by state) as count_values
         from applications a
         join tenants t on t.tenant_id = a.tenant_id
         join markets m on m.country_code = t.country_code
         left join operator_staff s on s.staff_id = a.assigned_to
         where a.state <> 'draft' and a.submitted_at is not null",
    );
    if let Some(program) = &f.program {
        q.push(" and a.program = ").push_bind(*program);
    }
    state_and_assignment(q, f);
    places(q, f);
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

/// The country and region filters, on the application's copy of its tenant's country,
/// which has an index in queue order (migration 0018).
fn places(q: &mut QueryBuilder<Postgres>, f: &QueueFilter) {
    if let Some(country) = &f.country {
        q.push(" and a.country_code = ").push_bind(country.clone());
    }
    if let Some(countries) = &f.region {
        // The region's countries, not the markets' region column: a small region (one
        // country, say) is read from the country index and a large one walked in queue
        // order, instead of joining every walked application to its tenant and market
        // (0.4-6 s at 1M).
        q.push(" and a.country_code = any(")
            .push_bind(countries.clone())
            .push(")");
    }
}

/// The term test: legal name contains it, or the work-account domain starts with it.
fn matches(q: &mut QueryBuilder<Postgres>, contains: &str, starts: &str) {
    q.push(" and (a.legal_name ilike ")
        .push_bind(contains.to_owned())
        .push(" or a.search_prefix like ")
        .push_bind(starts.to_owned())
        .push(")");
}

/// The filters that have an index in queue order.
fn state_and_assignment(q: &mut QueryBuilder<Postgres>, f: &QueueFilter) {
    if let Some(state) = &f.state {
        q.push(" and a.state = ").push_bind(*state);
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
