//! Starts the portal: `cargo run`.

use partner_portal::config::Config;
use partner_portal::startup::{Application, shutdown_signal};
use partner_portal::{install_crypto_provider, telemetry};

#[tokio::main]
async fn main() {
    let _ = dotenvy::dotenv();
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    telemetry::init(config.log_format);
    install_crypto_provider();
    tracing::info!(?config, "starting");
    let app = match Application::build(config).await {
        Ok(app) => app,
        Err(e) => {
            tracing::error!("start-up failed: {e:#}");
            eprintln!("start-up failed: {e:#}");
            std::process::exit(1);
        }
    };
    if let Err(e) = app.run_until_stopped(shutdown_signal()).await {
        tracing::error!("server error: {e:#}");
        std::process::exit(1);
    }
}
