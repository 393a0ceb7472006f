//! Prometheus metrics (the `metrics` crate with its Prometheus exporter), served on a
//! listener of their own when `METRICS_BIND` is set (off by default), never on the public
//! port: requests and latency per route template and status class, the database pool
//! (connections in use and idle, the time acquisitions waited), whether the database can be
//! reached, the outbox's depth and oldest message, sign-in failures, lockouts and rate-limit
//! refusals.

use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use std::sync::OnceLock;
use std::time::Instant;

/// Requests answered, by route template, method and status class.
pub const REQUESTS: &str = "portal_http_requests_total";
/// Seconds to answer, by route template.
pub const LATENCY: &str = "portal_http_request_duration_seconds";
/// Failed partner or staff sign-ins, by realm.
pub const SIGN_IN_FAILURES: &str = "portal_sign_in_failures_total";
/// Sources locked out of an account, by realm.
pub const LOCKOUTS: &str = "portal_sign_in_lockouts_total";
/// Requests refused by a rate limit, by limit.
pub const RATE_LIMITED: &str = "portal_rate_limit_refusals_total";
/// Seconds each acquisition of a pooled connection waited (a histogram). sqlx does not say
/// how many tasks are waiting at a given moment, but the rate of this sum is exactly the
/// average number that were waiting (Little's law): `rate(..._sum[1m])` = 0.5 means that
/// over the last minute half a task was waiting for a connection on average.
pub const POOL_WAIT: &str = "portal_db_pool_acquire_seconds";

/// True once the recorder is installed: only then are pool waits recorded.
static RECORDING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The process's recorder (one per process: every portal in it shares it).
pub fn handle() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        const BUCKETS: &[f64] = &[
            0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
        ];
        // Latency as a histogram with these buckets (a summary otherwise).
        const WAIT_BUCKETS: &[f64] =
            &[0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0];
        let builder = PrometheusBuilder::new()
            .set_buckets_for_metric(Matcher::Full(LATENCY.to_owned()), BUCKETS)
            .and_then(|b| {
                b.set_buckets_for_metric(Matcher::Full(POOL_WAIT.to_owned()), WAIT_BUCKETS)
            })
            .unwrap_or_else(|_| PrometheusBuilder::new());
        let recorder = builder.build_recorder();
        let handle = recorder.handle();
        // Another recorder installed first (a test harness) keeps its place.
        let _ = metrics::set_global_recorder(recorder);
        RECORDING.store(true, std::sync::atomic::Ordering::Release);
        handle
    })
}

/// A tracing layer that turns sqlx's "acquired connection" events (target
/// `sqlx::pool::acquire`, at INFO, asked for in `db::connect`) into [`POOL_WAIT`], once
/// metrics are on. It sees those events whatever the log filter lets through.
pub fn pool_waits<S>() -> impl tracing_subscriber::Layer<S>
where
    S: tracing::Subscriber + for<'a> tracing_subscriber::registry::LookupSpan<'a>,
{
    use tracing_subscriber::Layer;
    // At INFO, not below: the most verbose level any layer asks for becomes the process's
    // maximum, and at TRACE every `trace!` and `log::trace!` of every crate would be built
    // and filtered (a fifth of `/signin`'s CPU time in the page benchmark).
    PoolWaits.with_filter(
        tracing_subscriber::filter::Targets::new().with_target(POOL_EVENTS, tracing::Level::INFO),
    )
}

/// The target of sqlx's acquisition events.
const POOL_EVENTS: &str = "sqlx::pool::acquire";

struct PoolWaits;

impl<S: tracing::Subscriber> tracing_subscriber::Layer<S> for PoolWaits {
    fn on_event(&self, event: &tracing::Event<'_>, _: tracing_subscriber::layer::Context<'_, S>) {
        if !RECORDING.load(std::sync::atomic::Ordering::Acquire) {
            return;
        }
        struct Waited(Option<f64>);
        impl tracing::field::Visit for Waited {
            fn record_f64(&mut self, field: &tracing::field::Field, value: f64) {
                if field.name() == "acquired_after_secs" {
                    self.0 = Some(value);
                }
            }
            fn record_debug(&mut self, _: &tracing::field::Field, _: &dyn std::fmt::Debug) {}
        }
        let mut waited = Waited(None);
        event.record(&mut waited);
        if let Some(seconds) = waited.0 {
            metrics::histogram!(POOL_WAIT).record(seconds);
        }
    }
}

/// Middleware: counts every request and times it, by its route template (`/customers/{id}`;
/// an address no route matched counts as `unmatched`, so the label set stays bounded).
pub async fn track(request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |p| p.as_str().to_owned());
    let method = request.method().as_str().to_owned();
    let started = Instant::now();
    let response = next.run(request).await;
    let class = match response.status().as_u16() {
        100..=199 => "1xx",
        200..=299 => "2xx",
        300..=399 => "3xx",
        400..=499 => "4xx",
        _ => "5xx",
    };
    metrics::counter!(REQUESTS, "route" => route.clone(), "method" => method, "status" => class)
        .increment(1);
    metrics::histogram!(LATENCY, "route" => route).record(started.elapsed().as_secs_f64());
    response
}

/// `GET /metrics` on the metrics listener: the gauges read now, then everything recorded.
/// What the scrape reads besides the recorded metrics (not the whole application state:
/// this module sits below it).
#[derive(Clone)]
pub struct Sources {
    /// The pool whose connections are counted, and the outbox's database.
    pub db: sqlx::PgPool,
    /// The pool's size limit.
    pub max_connections: u32,
    /// Whether the database can be reached.
    pub db_health: std::sync::Arc<crate::db::health::DbHealth>,
}

async fn scrape(State(state): State<Sources>) -> Response {
    let size = state.db.size();
    let idle = state.db.num_idle() as u32;
    metrics::gauge!("portal_db_pool_connections", "state" => "in_use")
        .set(f64::from(size.saturating_sub(idle)));
    metrics::gauge!("portal_db_pool_connections", "state" => "idle").set(f64::from(idle));
    metrics::gauge!("portal_db_pool_max_connections").set(f64::from(state.max_connections));
    let reachable = !state.db_health.is_down();
    metrics::gauge!("portal_db_reachable").set(if reachable { 1.0 } else { 0.0 });
    // While the database is down the outbox cannot be read; the last values stay.
    if reachable {
        match crate::db::outbox::depth(&state.db).await {
            Ok((depth, oldest)) => {
                metrics::gauge!("portal_outbox_pending").set(depth as f64);
                metrics::gauge!("portal_outbox_oldest_pending_seconds").set(oldest);
            }
            Err(e) => tracing::warn!(error = %e, "metrics: cannot read the outbox depth"),
        }
    }
    (
        [(
            axum::http::header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        handle().render(),
    )
        .into_response()
}

/// The metrics listener's router.
pub fn router(state: Sources) -> axum::Router {
    axum::Router::new()
        .route("/metrics", axum::routing::get(scrape))
        .with_state(state)
}
