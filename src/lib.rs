//! The partner portal of a cloud-reseller partner program: enrollment, partnerships
//! and the operator's back office, served as HTML pages.

pub mod auth;
pub mod config;
pub mod db;

pub mod domain;
pub mod email;
pub mod error;
pub mod flows;
pub mod messages;
pub mod server;
pub mod startup;
pub mod state;
pub mod telemetry;
pub mod web;

/// Installs rustls' ring provider once, before any TLS is used (several crates
/// pull in rustls; without this choice it cannot pick a provider by itself).
pub fn install_crypto_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}
