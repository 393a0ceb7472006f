//! The portal's use cases, one module per concept. A web handler calls one function here
//! per request; each function does its work in one transaction. Flow modules do not reach
//! into each other: steps they share live in `lifecycle` or below, in `domain` and `db`.

pub mod accounts;
pub mod agreement;
pub mod customers;
pub mod delivery;
pub mod direct_bill;
pub mod enrollment;
pub mod lifecycle;
pub mod orders;
pub mod partnerships;
pub mod profile;
pub mod providers;
pub mod review;
pub mod settings;
pub mod staff;
pub mod subscriptions;
