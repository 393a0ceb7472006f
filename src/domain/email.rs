//! E-mail addresses as the portal accepts them.

use crate::messages;
use std::fmt;
use validator::ValidateEmail;

/// A syntactically valid e-mail address, trimmed, with its domain in lowercase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmailAddress(String);

impl EmailAddress {
    /// Checks and normalises what a user typed; the error is a message for the user.
    pub fn parse(input: &str) -> Result<Self, String> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(messages::EMAIL_REQUIRED.into());
        }
        if trimmed.len() > 254 || !trimmed.validate_email() {
            return Err(messages::EMAIL_INVALID.into());
        }
        let (local, domain) = trimmed
            .rsplit_once('@')
            .ok_or_else(|| messages::EMAIL_INVALID.to_string())?;
        if !domain.contains('.') || domain.starts_with('.') || domain.ends_with('.') {
            return Err(messages::EMAIL_INVALID.into());
        }
        Ok(Self(format!("{local}@{}", domain.to_ascii_lowercase())))
    }

    /// Wraps an address without checking it (staff sign-in, where internal domains such
    /// as `localhost` are allowed and the lookup itself decides).
    pub fn unchecked(address: &str) -> Self {
        Self(address.trim().to_owned())
    }

    /// The address as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The part after the `@`, in lowercase.
    pub fn domain(&self) -> &str {
        self.0.rsplit_once('@').map(|(_, d)| d).unwrap_or_default()
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_and_normalises_a_normal_address() {
        let e = EmailAddress::parse("  Jane.Doe@Contoso.COM ").unwrap();
        assert_eq!(e.as_str(), "Jane.Doe@contoso.com");
        assert_eq!(e.domain(), "contoso.com");
    }

    #[test]
    fn refuses_empty_and_malformed_addresses() {
        assert_eq!(
            EmailAddress::parse("  ").unwrap_err(),
            messages::EMAIL_REQUIRED
        );
        for bad in [
            "jane",
            "jane@",
            "@contoso.com",
            "jane@localhost",
            "jane doe@contoso.com",
            "a@b.",
        ] {
            assert_eq!(
                EmailAddress::parse(bad).unwrap_err(),
                messages::EMAIL_INVALID,
                "{bad}"
            );
        }
    }
}
