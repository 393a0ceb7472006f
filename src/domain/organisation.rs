//! An organisation's legal details, primary contact and customer-support details: what the
//! enrollment wizard asks and what the organisation profile keeps (issue 15), with their
//! forms and the rules that check them.

use super::FormErrors;
use super::enrollment as rules;
use crate::messages;
use serde::Deserialize;

/// Step 2's answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LegalProfile {
    /// Legal name.
    pub legal_name: String,
    /// Address line 1.
    pub address_line1: String,
    /// Address line 2.
    pub address_line2: Option<String>,
    /// City.
    pub city: String,
    /// State or province.
    pub state_province: Option<String>,
    /// Postal code.
    pub postal_code: Option<String>,
    /// Phone.
    pub phone: String,
    /// Registration ID.
    pub registration_id: Option<String>,
}

/// Step 3's answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrimaryContact {
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// E-mail.
    pub email: String,
    /// Phone.
    pub phone: String,
}

/// Step 4's answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SupportDetails {
    /// Support e-mail.
    pub email: String,
    /// Support phone.
    pub phone: String,
    /// Support web site.
    pub website: String,
}

/// A postal address, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Address {
    /// Line 1.
    pub line1: String,
    /// Line 2.
    pub line2: Option<String>,
    /// City.
    pub city: String,
    /// State or province.
    pub state_province: Option<String>,
    /// Postal code.
    pub postal_code: Option<String>,
}

/// Checks an address as typed (line 1, line 2, city, state or province, postal code), each
/// error beside its field (`address_line1`, `address_line2`, `city`, `state_province`,
/// `postal_code`): the one rule for an organisation's and a customer's address.
pub fn check_address(
    e: &mut FormErrors,
    [line1, line2, city, region, postal]: [&str; 5],
) -> Option<Address> {
    let line1_ok = e.check(
        "address_line1",
        rules::required_text(
            line1,
            messages::ENTER_FIRST_LINE_ADDRESS,
            200,
            messages::ADDRESS_LINE_1_MUST,
        ),
    );
    let line2_ok = e.check(
        "address_line2",
        rules::optional_text(line2, 200, messages::ADDRESS_LINE_2_MUST),
    );
    let city_ok = e.check(
        "city",
        rules::required_text(
            city,
            messages::ENTER_TOWN_CITY,
            100,
            messages::TOWN_CITY_MUST_100,
        ),
    );
    let region_ok = e.check(
        "state_province",
        rules::optional_text(region, 100, messages::STATE_PROVINCE_MUST_100),
    );
    let postal_ok = e.check(
        "postal_code",
        rules::optional_text(postal, 20, messages::POSTAL_CODE_MUST_20),
    );
    Some(Address {
        line1: line1_ok?,
        line2: line2_ok?,
        city: city_ok?,
        state_province: region_ok?,
        postal_code: postal_ok?,
    })
}

/// Step 2's form.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct LegalInput {
    /// Legal name.
    #[serde(default)]
    pub legal_name: String,
    /// Address line 1.
    #[serde(default)]
    pub address_line1: String,
    /// Address line 2.
    #[serde(default)]
    pub address_line2: String,
    /// City.
    #[serde(default)]
    pub city: String,
    /// State or province.
    #[serde(default)]
    pub state_province: String,
    /// Postal code.
    #[serde(default)]
    pub postal_code: String,
    /// Phone.
    #[serde(default)]
    pub phone: String,
    /// Registration ID.
    #[serde(default)]
    pub registration_id: String,
}

impl LegalInput {
    /// Checks every answer; the country is the tenant's.
    pub fn validate(&self, country_code: &str) -> Result<LegalProfile, FormErrors> {
        let mut e = FormErrors::default();
        let legal_name = e.check("legal_name", rules::parse_legal_name(&self.legal_name));
        let address = check_address(
            &mut e,
            [
                &self.address_line1,
                &self.address_line2,
                &self.city,
                &self.state_province,
                &self.postal_code,
            ],
        );
        let phone = e.check(
            "phone",
            rules::parse_phone(&self.phone, messages::ENTER_COMPANY_S_TELEPHONE),
        );
        let registration = e.check(
            "registration_id",
            rules::parse_registration_id(&self.registration_id, country_code),
        );
        match (legal_name, address, phone, registration) {
            (Some(legal_name), Some(a), Some(phone), Some(registration_id)) => Ok(LegalProfile {
                legal_name,
                address_line1: a.line1,
                address_line2: a.line2,
                city: a.city,
                state_province: a.state_province,
                postal_code: a.postal_code,
                phone,
                registration_id,
            }),
            _ => Err(e),
        }
    }
}

/// Step 3's form.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct ContactInput {
    /// First name.
    #[serde(default)]
    pub first_name: String,
    /// Last name.
    #[serde(default)]
    pub last_name: String,
    /// E-mail.
    #[serde(default)]
    pub email: String,
    /// Phone.
    #[serde(default)]
    pub phone: String,
}

impl ContactInput {
    /// Checks every answer (the e-mail must be on the company's own domain).
    pub fn validate(&self, tenant_domain_suffix: &str) -> Result<PrimaryContact, FormErrors> {
        let mut e = FormErrors::default();
        let first = e.check(
            "first_name",
            rules::required_text(
                &self.first_name,
                messages::ENTER_PRIMARY_CONTACT_S,
                100,
                messages::FIRST_NAME_MUST_100,
            ),
        );
        let last = e.check(
            "last_name",
            rules::required_text(
                &self.last_name,
                messages::ENTER_PRIMARY_CONTACT_S_2,
                100,
                messages::LAST_NAME_MUST_100,
            ),
        );
        let email = e.check(
            "email",
            rules::parse_contact_email(&self.email, tenant_domain_suffix),
        );
        let phone = e.check(
            "phone",
            rules::parse_phone(&self.phone, messages::ENTER_PRIMARY_CONTACT_S_3),
        );
        match (first, last, email, phone) {
            (Some(first_name), Some(last_name), Some(email), Some(phone)) => Ok(PrimaryContact {
                first_name,
                last_name,
                email: email.to_string(),
                phone,
            }),
            _ => Err(e),
        }
    }
}

/// Step 4's form.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct SupportInput {
    /// Support e-mail.
    #[serde(default)]
    pub email: String,
    /// Support phone.
    #[serde(default)]
    pub phone: String,
    /// Support web site.
    #[serde(default)]
    pub website: String,
}

impl SupportInput {
    /// Checks every answer.
    pub fn validate(&self) -> Result<SupportDetails, FormErrors> {
        let mut e = FormErrors::default();
        let email = e.check(
            "email",
            crate::domain::EmailAddress::parse(&self.email).map_err(|m| {
                if m == messages::EMAIL_REQUIRED {
                    messages::SUPPORT_EMAIL_REQUIRED.to_string()
                } else {
                    m
                }
            }),
        );
        let phone = e.check(
            "phone",
            rules::parse_phone(&self.phone, messages::ENTER_SUPPORT_TELEPHONE_NUMBER),
        );
        let website = e.check("website", rules::parse_website(&self.website));
        match (email, phone, website) {
            (Some(email), Some(phone), Some(website)) => Ok(SupportDetails {
                email: email.to_string(),
                phone,
                website,
            }),
            _ => Err(e),
        }
    }
}
