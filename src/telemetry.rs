//! Logging set-up.

use crate::config::LogFormat;
use tracing_subscriber::prelude::*;
use tracing_subscriber::{EnvFilter, Layer};

/// Installs the global subscriber; `RUST_LOG` overrides the default filter. Beside the log
/// output, sqlx's pool events feed the pool-wait metric ([`crate::metrics::pool_waits`]),
/// whatever the log filter says.
pub fn init(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_sessions=warn,tower_http=info"));
    let output = match format {
        LogFormat::Pretty => tracing_subscriber::fmt::layer().with_filter(filter).boxed(),
        LogFormat::Json => tracing_subscriber::fmt::layer()
            .json()
            .with_filter(filter)
            .boxed(),
    };
    let _ = tracing_subscriber::registry()
        .with(output)
        .with(crate::metrics::pool_waits())
        .try_init();
}
