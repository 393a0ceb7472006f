//! Integration tests: the real router over HTTP, real PostgreSQL, real SMTP, real Chromium.

mod accessibility;
mod admin;
mod browser;
mod cancel_safety;
mod cross_cutting;
mod customers;
mod direct;
mod enroll;
mod helpers;
mod hostile_input;
mod languages;
mod metrics;
mod navigation;
mod orders;
mod outbox;
mod partners;
mod password;
mod profile;
mod retention;
mod review;
mod roles;
mod session;
mod signup;
mod slow_clients;
mod two_processes;
mod users;
