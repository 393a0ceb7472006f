//! Indirect-reseller enrollment: the wizard's steps, submission, and the primary contact's
//! verification of the application.

pub mod verification;
pub mod wizard;

pub use verification::*;
pub use wizard::*;
