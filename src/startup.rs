//! Building the application: database, router with its layers, outbox worker.

use crate::auth::PasswordHasher;
use crate::config::Config;
use crate::db::sessions::PgSessionStore;
use crate::email::Mailer;
use crate::email::worker::OutboxWorker;
use crate::state::AppState;
use crate::web;
use crate::web::middleware::{
    forbidden_csrf, render_error_pages, require_csrf_token, run_to_completion,
    signed_in_error_pages, tell_other_processes,
};
use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use sqlx::PgPool;
use std::future::Future;
use std::sync::Arc;
use std::time::Instant;
use tokio::net::TcpListener;
use tokio::sync::{Notify, watch};
use tower::ServiceBuilder;
use tower_http::csrf::CsrfLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

/// A built portal: listening, with its worker ready to start.
pub struct Application {
    listener: TcpListener,
    /// The metrics listener, when `METRICS_BIND` is set.
    metrics: Option<TcpListener>,
    router: Router,
    worker: OutboxWorker,
    state: AppState,
}

impl Application {
    /// Connects (creating and migrating the database), binds the port and builds the router.
    pub async fn build(config: Config) -> anyhow::Result<Self> {
        let started = Instant::now();
        config.check()?;
        let db = crate::db::connect_and_migrate(&config.database_url, &config.db).await?;
        let mailer = Mailer::from_config(&config)?;
        Self::build_with(config, db, mailer, started).await
    }

    /// As [`Application::build`], with a pool and transport made by the caller (tests).
    pub async fn build_with(
        mut config: Config,
        db: PgPool,
        mailer: Mailer,
        started: Instant,
    ) -> anyhow::Result<Self> {
        let listener = TcpListener::bind((config.bind, config.port))
            .await
            .map_err(|e| {
                anyhow::anyhow!(
                    "cannot listen on {}:{} ({e}); set BIND/PORT",
                    config.bind,
                    config.port
                )
            })?;
        let metrics = match config.metrics_bind {
            Some(addr) => {
                crate::metrics::handle();
                Some(TcpListener::bind(addr).await.map_err(|e| {
                    anyhow::anyhow!("cannot listen on {addr} for metrics ({e}); set METRICS_BIND")
                })?)
            }
            None => None,
        };
        // With PORT=0 and no PUBLIC_BASE_URL, links must carry the port actually bound.
        if config.port == 0 && config.public_base_url == format!("http://{}:0", config.bind) {
            config.public_base_url = format!("http://{}", listener.local_addr()?);
        }
        let from = config
            .mail_from
            .parse()
            .map_err(|e| anyhow::anyhow!("MAIL_FROM: {e}"))?;
        let state = AppState {
            db: db.clone(),
            config: Arc::new(config),
            hasher: PasswordHasher::new(),
            outbox_wake: Arc::new(Notify::new()),
            csrf_key: Arc::default(),
            markets: Arc::default(),
            caches: Arc::default(),
            db_health: Arc::default(),
        };
        let worker = OutboxWorker {
            db,
            mailer,
            from,
            settings: state.config.outbox,
            wake: state.outbox_wake.clone(),
            retention: state.config.retention,
        };
        match crate::flows::staff::bootstrap_operator_admin(&state.db, &state.hasher, &state.config)
            .await
        {
            Ok(Some(password)) => tracing::warn!(
                email = %state.config.operator_admin_email,
                %password,
                "created the first operator admin with this generated password; it is shown only now and must be changed at first sign-in at /admin/signin"
            ),
            Ok(None) => tracing::debug!("an operator admin exists"),
            // The portal still serves (readiness reports the database); staff sign-in waits for it.
            Err(e) => tracing::error!("could not check for an operator admin: {e:#}"),
        }
        let router = build_router(state.clone());
        tracing::info!(
            elapsed_ms = started.elapsed().as_millis() as u64,
            "application built"
        );
        Ok(Self {
            listener,
            metrics,
            router,
            worker,
            state,
        })
    }

    /// The port actually bound (useful with port 0).
    pub fn port(&self) -> u16 {
        self.listener
            .local_addr()
            .map(|a| a.port())
            .unwrap_or_default()
    }

    /// The metrics listener's port, when there is one.
    pub fn metrics_port(&self) -> Option<u16> {
        self.metrics
            .as_ref()
            .and_then(|l| l.local_addr().ok())
            .map(|a| a.port())
    }

    /// The shared state (tests use its pool).
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until `shutdown` completes; then lets in-flight requests finish and
    /// stops the outbox worker after the message in hand.
    pub async fn run_until_stopped(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        let (stop_tx, stop_rx) = watch::channel(false);
        let worker = tokio::spawn(self.worker.run(stop_rx.clone()));
        let health = {
            let (health, db, stop) = (
                self.state.db_health.clone(),
                self.state.db.clone(),
                stop_rx.clone(),
            );
            tokio::spawn(async move { health.watch(db, stop).await })
        };
        let listener = tokio::spawn(crate::db::cache::listen(
            self.state.db.clone(),
            self.state.caches.clone(),
            stop_rx.clone(),
        ));
        let metrics = self.metrics.map(|listener| {
            let mut stop = stop_rx.clone();
            let router = crate::metrics::router(crate::metrics::Sources {
                db: self.state.db.clone(),
                max_connections: self.state.config.db.max_connections,
                db_health: self.state.db_health.clone(),
            });
            tokio::spawn(async move {
                let stopped = async move {
                    let _ = stop.wait_for(|s| *s).await;
                };
                if let Err(e) = axum::serve(listener, router)
                    .with_graceful_shutdown(stopped)
                    .await
                {
                    tracing::error!(error = %e, "the metrics listener stopped");
                }
            })
        });
        let addr = self.listener.local_addr()?;
        let limits = self.state.config.server.clone();
        match crate::server::raise_open_file_limit() {
            Some(files) if (files as usize) < limits.max_connections + 256 => tracing::warn!(
                files,
                max_connections = limits.max_connections,
                "the open-file limit is close to MAX_CONNECTIONS; raise it (ulimit -n) or lower MAX_CONNECTIONS"
            ),
            _ => {}
        }
        tracing::info!("listening on http://{addr}");
        crate::server::serve(self.listener, self.router, limits, shutdown).await?;
        tracing::info!("server stopped; stopping the outbox worker");
        let _ = stop_tx.send(true);
        worker.await?;
        listener.await?;
        health.await?;
        if let Some(metrics) = metrics {
            metrics.await?;
        }
        Ok(())
    }
}

/// Resolves on SIGINT (Ctrl-C) or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutdown signal received");
}

const CSP: &str = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/// The whole router with every layer.
pub fn build_router(state: AppState) -> Router {
    let config = state.config.clone();
    let session_layer =
        SessionManagerLayer::new(PgSessionStore::new(state.db.clone(), state.caches.clone()))
            .with_name("pp_session")
            .with_http_only(true)
            .with_same_site(SameSite::Lax)
            .with_secure(config.cookie_secure)
            // Written only when changed; `web::ctx::keep_alive` changes it at most once a
            // minute, which is what slides the idle timeout with activity.
            .with_expiry(Expiry::OnInactivity(
                tower_sessions::cookie::time::Duration::try_from(config.session_idle_timeout)
                    .unwrap_or(tower_sessions::cookie::time::Duration::minutes(30)),
            ));

    let request_timeout = config.request_timeout;
    let health = state.db_health.clone();
    let pages = web::pages(config.mail_transport)
        .fallback(|| async { StatusCode::NOT_FOUND })
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            require_csrf_token,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            signed_in_error_pages,
        ))
        .layer(session_layer)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            tell_other_processes,
        ))
        // Outside the session layer, so the session save is part of the protected work.
        // Also the database breaker's gate (see `db::health`).
        .layer(axum::middleware::from_fn(move |req: Request, next| {
            run_to_completion(request_timeout, health.clone(), req, next)
        }))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ));

    let static_files = Router::new()
        .nest_service("/static", ServeDir::new(static_dir()))
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=3600"),
        ));

    let hsts = config.cookie_secure.then(|| {
        SetResponseHeaderLayer::if_not_present(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        )
    });

    let request_id = HeaderName::from_static("x-request-id");
    let max_body_bytes = config.max_body_bytes;
    let csrf = CsrfLayer::new().with_rejection_response(|_| {
        let (parts, _) = forbidden_csrf().into_parts();
        axum::response::Response::from_parts(parts, axum::body::Body::empty())
    });

    Router::new()
        .merge(pages)
        .merge(web::home::health_router())
        .merge(static_files)
        .with_state(state.clone())
        .layer(
            ServiceBuilder::new()
                .layer(SetRequestIdLayer::new(request_id.clone(), MakeRequestUuid))
                .layer(TraceLayer::new_for_http().make_span_with(|req: &Request| {
                    let id = req.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("-");
                    tracing::info_span!("request", request_id = %id, method = %req.method(), path = %crate::web::middleware::loggable_path(req.uri().path()))
                }))
                .layer(PropagateRequestIdLayer::new(request_id))
                .layer(SetResponseHeaderLayer::if_not_present(
                    header::CONTENT_SECURITY_POLICY,
                    HeaderValue::from_static(CSP),
                ))
                .layer(SetResponseHeaderLayer::if_not_present(
                    header::X_CONTENT_TYPE_OPTIONS,
                    HeaderValue::from_static("nosniff"),
                ))
                .layer(SetResponseHeaderLayer::if_not_present(
                    header::REFERRER_POLICY,
                    HeaderValue::from_static("same-origin"),
                ))
                .layer(SetResponseHeaderLayer::if_not_present(
                    header::X_FRAME_OPTIONS,
                    HeaderValue::from_static("DENY"),
                ))
                .option_layer(hsts)
                .layer(axum::middleware::from_fn_with_state(
                    state.clone(),
                    crate::web::middleware::language,
                ))
                .layer(axum::middleware::from_fn(render_error_pages))
                .option_layer(config.metrics_bind.map(|_| axum::middleware::from_fn(crate::metrics::track)))
                .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, config.request_timeout))
                .layer(axum::middleware::from_fn(move |req: Request, next| {
                    crate::web::middleware::limit_body(max_body_bytes, req, next)
                }))
                .layer(csrf),
        )
}

/// `static/` next to the crate in development, or next to the binary when deployed.
fn static_dir() -> std::path::PathBuf {
    let beside_crate = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("static");
    if beside_crate.exists() {
        return beside_crate;
    }
    std::env::current_exe()
        .ok()
        .and_then(|p| p.parent().map(|d| d.join("static")))
        .unwrap_or_else(|| "static".into())
}
