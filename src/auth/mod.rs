//! Authentication: password hashing, the signed-in session, and the account flows
//! (sign-up, sign-in, e-mail confirmation, password change and reset).

pub mod flows;
pub mod password;
pub mod session;

pub use password::PasswordHasher;
