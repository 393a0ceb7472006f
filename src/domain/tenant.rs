//! Work accounts (tenants): their domain prefix, organisation name and people's names.

use crate::messages;

/// The part of a tenant's domain before the portal's suffix: `contoso` in
/// `contoso.partnerportal.example`. Lowercase letters, digits and inner hyphens, 3-40 long.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DomainPrefix(String);

impl DomainPrefix {
    /// Checks what the user typed (case is folded); the error is a message for the user.
    pub fn parse(input: &str) -> Result<Self, String> {
        let value = input.trim().to_ascii_lowercase();
        if value.is_empty() {
            return Err(messages::DOMAIN_PREFIX_REQUIRED.into());
        }
        if !value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            || value.starts_with('-')
            || value.ends_with('-')
        {
            return Err(messages::DOMAIN_PREFIX_CHARS.into());
        }
        if !(3..=40).contains(&value.len()) {
            return Err(messages::DOMAIN_PREFIX_LENGTH.into());
        }
        Ok(Self(value))
    }

    /// The prefix as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Trims a free-text name and checks it is present and not too long.
pub fn parse_name(
    input: &str,
    required: impl Into<String>,
    too_long: impl Into<String>,
) -> Result<String, String> {
    let value = input.split_whitespace().collect::<Vec<_>>().join(" ");
    if value.is_empty() {
        return Err(required.into());
    }
    if value.chars().count() > 200 {
        return Err(too_long.into());
    }
    Ok(value)
}

/// An organisation's display name.
pub fn parse_organisation_name(input: &str) -> Result<String, String> {
    parse_name(
        input,
        messages::ORG_NAME_REQUIRED,
        messages::ORG_NAME_TOO_LONG,
    )
}

/// A person's full name.
pub fn parse_full_name(input: &str) -> Result<String, String> {
    parse_name(
        input,
        messages::FULL_NAME_REQUIRED,
        messages::FULL_NAME_TOO_LONG,
    )
}

/// A two-letter country code as submitted (existence is checked against the markets table).
pub fn parse_country_code(input: &str) -> Result<String, String> {
    let value = input.trim().to_ascii_uppercase();
    if value.is_empty() {
        return Err(messages::COUNTRY_REQUIRED.into());
    }
    if value.len() != 2 || !value.chars().all(|c| c.is_ascii_uppercase()) {
        return Err(messages::COUNTRY_UNKNOWN.into());
    }
    Ok(value)
}

/// What a tenant is: a partner organisation, or a customer of partners (never both).
#[derive(Clone, Copy, Debug, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum TenantKind {
    /// A partner organisation (reseller, provider, direct-bill partner).
    Partner,
    /// An end customer, served by partners.
    Customer,
}

impl TenantKind {
    /// True for a customer tenant.
    pub fn is_customer(self) -> bool {
        self == TenantKind::Customer
    }
}

/// Roles a user can hold inside a partner organisation (DOMAIN.md, "Roles inside a partner
/// organisation").
#[derive(Clone, Copy, Debug, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum Role {
    /// Everything, including users, roles, the partner agreement and direct-bill applications.
    GlobalAdmin,
    /// Everything but users and roles.
    AccountAdmin,
    /// Adds users and gives them roles (not global admin).
    UserManagementAdmin,
    /// Manages customers and their subscriptions.
    AdminAgent,
    /// Sells: customers, orders.
    SalesAgent,
    /// Supports customers.
    HelpdeskAgent,
    /// Billing and invoices.
    BillingAdmin,
    /// The organisation's business profile.
    BusinessProfileAdmin,
    /// Referrals.
    ReferralsAdmin,
}

impl Role {
    /// Every role.
    pub const ALL: [Role; 9] = [
        Role::GlobalAdmin,
        Role::AccountAdmin,
        Role::UserManagementAdmin,
        Role::AdminAgent,
        Role::SalesAgent,
        Role::HelpdeskAgent,
        Role::BillingAdmin,
        Role::BusinessProfileAdmin,
        Role::ReferralsAdmin,
    ];

    /// The database spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::GlobalAdmin => "global_admin",
            Role::AccountAdmin => "account_admin",
            Role::UserManagementAdmin => "user_management_admin",
            Role::AdminAgent => "admin_agent",
            Role::SalesAgent => "sales_agent",
            Role::HelpdeskAgent => "helpdesk_agent",
            Role::BillingAdmin => "billing_admin",
            Role::BusinessProfileAdmin => "business_profile_admin",
            Role::ReferralsAdmin => "referrals_admin",
        }
    }

    /// Reads the database spelling.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == code)
    }

    /// True for a global admin.
    pub fn is_global_admin(self) -> bool {
        self == Role::GlobalAdmin
    }

    /// The role in plain words.
    pub fn label(self) -> crate::messages::Msg {
        use crate::messages as m;
        match self {
            Role::GlobalAdmin => m::ROLE_GLOBAL_ADMIN,
            Role::AccountAdmin => m::ROLE_ACCOUNT_ADMIN,
            Role::UserManagementAdmin => m::ROLE_USER_MANAGEMENT_ADMIN,
            Role::AdminAgent => m::ROLE_ADMIN_AGENT,
            Role::SalesAgent => m::ROLE_SALES_AGENT,
            Role::HelpdeskAgent => m::ROLE_HELPDESK_AGENT,
            Role::BillingAdmin => m::ROLE_BILLING_ADMIN,
            Role::BusinessProfileAdmin => m::ROLE_BUSINESS_PROFILE_ADMIN,
            Role::ReferralsAdmin => m::ROLE_REFERRALS_ADMIN,
        }
    }
}

/// The roles one user holds (one or more), as a small set in the table's order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Roles(u16);

impl Roles {
    /// No role (never stored: a user holds at least one).
    pub const NONE: Roles = Roles(0);

    fn bit(role: Role) -> u16 {
        1 << Role::ALL.iter().position(|r| *r == role).unwrap_or(0)
    }

    /// Just `role`.
    pub fn one(role: Role) -> Self {
        Roles(Self::bit(role))
    }

    /// The set with `role` added.
    pub fn with(self, role: Role) -> Self {
        Roles(self.0 | Self::bit(role))
    }

    /// True when the set holds `role`.
    pub fn contains(self, role: Role) -> bool {
        self.0 & Self::bit(role) != 0
    }

    /// True when the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// True when one of the roles is global admin.
    pub fn is_global_admin(self) -> bool {
        self.contains(Role::GlobalAdmin)
    }

    /// The roles, in the table's order.
    pub fn iter(self) -> impl Iterator<Item = Role> {
        Role::ALL.into_iter().filter(move |r| self.contains(*r))
    }

    /// The roles other than those in `other`.
    pub fn without(self, other: Roles) -> Self {
        Roles(self.0 & !other.0)
    }

    /// Reads database spellings; `None` if one is unknown.
    pub fn parse_all<S: AsRef<str>>(codes: &[S]) -> Option<Self> {
        codes.iter().try_fold(Roles::NONE, |set, code| {
            Role::parse(code.as_ref()).map(|r| set.with(r))
        })
    }

    /// The database spellings, in the table's order.
    pub fn codes(self) -> Vec<String> {
        self.iter().map(|r| r.as_str().to_owned()).collect()
    }

    /// The roles in plain words, in the reader's language, joined by commas.
    pub fn labels(self) -> String {
        self.iter()
            .map(|r| r.label().to_string())
            .collect::<Vec<_>>()
            .join(crate::i18n::t("list-separator").as_str())
    }
}

impl sqlx::Type<sqlx::Postgres> for Roles {
    fn type_info() -> sqlx::postgres::PgTypeInfo {
        <Vec<String> as sqlx::Type<sqlx::Postgres>>::type_info()
    }

    fn compatible(ty: &sqlx::postgres::PgTypeInfo) -> bool {
        <Vec<String> as sqlx::Type<sqlx::Postgres>>::compatible(ty)
    }
}

impl<'r> sqlx::Decode<'r, sqlx::Postgres> for Roles {
    fn decode(value: sqlx::postgres::PgValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
        let codes = <Vec<String> as sqlx::Decode<sqlx::Postgres>>::decode(value)?;
        Roles::parse_all(&codes).ok_or_else(|| format!("unknown role in {codes:?}").into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_of_roles_reads_and_writes_database_spellings() {
        let roles = Roles::parse_all(&["sales_agent", "admin_agent", "sales_agent"]).unwrap();
        assert_eq!(roles.codes(), vec!["admin_agent", "sales_agent"]);
        assert!(roles.contains(Role::SalesAgent) && !roles.is_global_admin());
        assert!(Roles::parse_all(&["sales_agent", "king"]).is_none());
        assert!(Roles::parse_all::<&str>(&[]).unwrap().is_empty());
        assert_eq!(
            roles.without(Roles::one(Role::AdminAgent)),
            Roles::one(Role::SalesAgent)
        );
    }

    #[test]
    fn a_domain_prefix_is_folded_to_lowercase() {
        assert_eq!(
            DomainPrefix::parse(" Contoso-EU ").unwrap().as_str(),
            "contoso-eu"
        );
    }

    #[test]
    fn a_domain_prefix_has_rules_with_their_own_messages() {
        assert_eq!(
            DomainPrefix::parse("").unwrap_err(),
            messages::DOMAIN_PREFIX_REQUIRED
        );
        assert_eq!(
            DomainPrefix::parse("ab").unwrap_err(),
            messages::DOMAIN_PREFIX_LENGTH
        );
        assert_eq!(
            DomainPrefix::parse(&"a".repeat(41)).unwrap_err(),
            messages::DOMAIN_PREFIX_LENGTH
        );
        for bad in ["-abc", "abc-", "ab_c", "ab.c", "äbc", "a b c"] {
            assert_eq!(
                DomainPrefix::parse(bad).unwrap_err(),
                messages::DOMAIN_PREFIX_CHARS,
                "{bad}"
            );
        }
        assert!(DomainPrefix::parse("abc").is_ok());
        assert!(DomainPrefix::parse(&"a".repeat(40)).is_ok());
    }

    #[test]
    fn names_are_trimmed_and_collapsed() {
        assert_eq!(
            parse_organisation_name("  Contoso   Ltd ").unwrap(),
            "Contoso Ltd"
        );
        assert_eq!(
            parse_full_name("   ").unwrap_err(),
            messages::FULL_NAME_REQUIRED
        );
        assert_eq!(
            parse_full_name(&"x".repeat(201)).unwrap_err(),
            messages::FULL_NAME_TOO_LONG
        );
    }

    #[test]
    fn country_codes_are_two_letters() {
        assert_eq!(parse_country_code("de").unwrap(), "DE");
        assert_eq!(
            parse_country_code("").unwrap_err(),
            messages::COUNTRY_REQUIRED
        );
        assert_eq!(
            parse_country_code("DEU").unwrap_err(),
            messages::COUNTRY_UNKNOWN
        );
    }

    #[test]
    fn roles_round_trip_through_their_database_spelling() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("root"), None);
    }
}
