//! Domain types and rules, free of HTTP and SQL, unit-tested on their own.

pub mod application;
pub mod authz;
pub mod email;
pub mod enrollment;
pub mod form;
pub mod link;
pub mod onboarding;
pub mod order;
pub mod organisation;
pub mod partnership;
pub mod password;
pub mod profile;
pub mod staff;
pub mod tenant;
pub mod token;
pub mod wizard;

pub use email::EmailAddress;
pub use form::FormErrors;
pub mod calendar;
pub mod customer;
pub mod direct_bill;
