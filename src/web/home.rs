//! The start page and health checks.

use crate::i18n::filters;
use crate::state::AppState;
use crate::web::ctx::Ctx;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;

/// Routes of this area.
pub fn router() -> Router<AppState> {
    Router::new().route("/", get(index))
}

/// Health routes, served outside the session layer.
pub fn health_router() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
}

/// The start page.
#[derive(Template, WebTemplate)]
#[template(path = "home/index.html")]
pub struct IndexPage {
    ctx: Ctx,
}

async fn index(ctx: Ctx) -> IndexPage {
    IndexPage { ctx }
}

/// The process is up.
async fn healthz() -> &'static str {
    "ok"
}

/// The database answers; 503 when it does not.
async fn readyz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    if state.db_health.is_down() {
        return (StatusCode::SERVICE_UNAVAILABLE, "database unreachable");
    }
    let probe = tokio::time::timeout(
        std::time::Duration::from_secs(2),
        crate::db::ping(&state.db),
    )
    .await;
    match probe {
        Ok(Ok(_)) => (StatusCode::OK, "ready"),
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "readiness check: database unreachable");
            state.db_health.suspect();
            (StatusCode::SERVICE_UNAVAILABLE, "database unreachable")
        }
        Err(_) => {
            tracing::warn!("readiness check: database timed out");
            state.db_health.suspect();
            (StatusCode::SERVICE_UNAVAILABLE, "database unreachable")
        }
    }
}
