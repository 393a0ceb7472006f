//! Authentication: password hashing and the signed-in session. The account flows (sign-up,
//! sign-in, e-mail confirmation, password change and reset) are in `flows::accounts`.

pub mod password;
pub mod session;

pub use password::PasswordHasher;
