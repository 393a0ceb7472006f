//! The web layer: one module per area, each with its own router.

pub mod admin;
pub mod agreement;
pub mod applications;
pub mod cookies;
pub mod ctx;
pub mod customers;
pub mod dashboard;
pub mod direct;
pub mod enroll;
pub mod flash;
pub mod form;
pub mod home;
pub mod language;
pub mod mailbox;
pub mod middleware;
pub mod nav;
pub mod orders;
pub mod partners;
pub mod password;
pub mod profile;
pub mod session;
pub mod signup;
pub mod subscriptions;
pub mod users;
pub mod verify;
pub mod view;
pub mod wizard;

use crate::config::MailTransportKind;
use crate::error::AppError;
use crate::state::AppState;
use axum::Router;

/// Every page route (health checks and static files are added by `startup`).
pub fn pages(mail_transport: MailTransportKind) -> Router<AppState> {
    let router = Router::new()
        .merge(home::router())
        .merge(language::router())
        .merge(signup::router())
        .merge(session::router())
        .merge(password::router())
        .merge(dashboard::router())
        .merge(enroll::router())
        .merge(direct::router())
        .merge(applications::router())
        .merge(verify::router())
        .merge(agreement::router())
        .merge(admin::router())
        .merge(partners::router())
        .merge(users::router())
        .merge(profile::router())
        .merge(customers::router())
        .merge(orders::router())
        .merge(subscriptions::router());
    if mail_transport == MailTransportKind::Mailbox {
        router.merge(mailbox::router())
    } else {
        router
    }
}

/// 422 Unprocessable Content with the page again: the form with its messages beside the
/// fields and every answer kept.
pub fn invalid(
    page: impl axum::response::IntoResponse,
) -> Result<axum::response::Response, AppError> {
    use axum::response::IntoResponse;
    Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}
