//! Work accounts: sign-up and e-mail confirmation, sign-in, password change and reset.

pub mod password;
pub mod sign_in;
pub mod sign_up;

pub use password::*;
pub use sign_in::*;
pub use sign_up::*;
