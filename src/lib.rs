//! The partner portal of a cloud-reseller partner program: enrollment, partnerships
//! and the operator's back office, served as HTML pages.

// The allocator (issue 13): jemalloc by default (feature `jemalloc`), chosen by the figures
// in README "Performance"; `mimalloc` to compare; neither: glibc's. Declared in the library
// so the portal, its tests and the bench baseline all run on the same one.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
#[cfg(all(feature = "jemalloc", not(feature = "mimalloc")))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

pub mod auth;
pub mod config;
pub mod db;

pub mod domain;
pub mod email;
pub mod error;
pub mod flows;
pub mod i18n;
pub mod messages;
pub mod metrics;
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
