//! Customers (issue 16): what a partner types to add one, what a customer agreement
//! acceptance needs, and the rule that keeps a customer's contact off the partner's domain.

use super::enrollment::{parse_contact_email, parse_phone};
use super::form::FormErrors;
use super::tenant::{DomainPrefix, parse_country_code, parse_full_name, parse_organisation_name};
use crate::messages::Msg;

/// What the add-customer form sends.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct CustomerInput {
    /// Company name.
    #[serde(default)]
    pub company: String,
    /// Tenant domain prefix.
    #[serde(default)]
    pub domain_prefix: String,
    /// Country code.
    #[serde(default)]
    pub country: String,
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
    /// Contact's first name.
    #[serde(default)]
    pub first_name: String,
    /// Contact's last name.
    #[serde(default)]
    pub last_name: String,
    /// Contact's e-mail: also the customer admin's sign-in name.
    #[serde(default)]
    pub email: String,
    /// Contact's phone.
    #[serde(default)]
    pub phone: String,
    /// The reseller the customer is added for (a partnership id), or empty for none.
    #[serde(default)]
    pub reseller: String,
    /// The form's own id (sent twice, it adds once).
    #[serde(default)]
    pub form_id: String,
    /// `yes` from the review page's Change button: back to the form with the answers.
    #[serde(default)]
    pub change: String,
}

/// A customer's details, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewCustomer {
    /// Company name.
    pub company: String,
    /// Tenant domain prefix.
    pub domain_prefix: DomainPrefix,
    /// Country code (its existence is checked against the markets).
    pub country: String,
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
    /// Contact's first name.
    pub first_name: String,
    /// Contact's last name.
    pub last_name: String,
    /// Contact's e-mail, lower case.
    pub email: String,
    /// Contact's phone.
    pub phone: String,
}

/// True when `domain` is `own` or one of its subdomains.
fn within(domain: &str, own: &str) -> bool {
    let own = own.to_ascii_lowercase();
    domain == own || domain.ends_with(&format!(".{own}"))
}

impl CustomerInput {
    /// Checks every answer. `partner_domains` are the partners' own domains (their work
    /// accounts' domains and their users' e-mail domains): the customer's contact may not
    /// be on one of them, nor on a webmail service, nor on the portal's own domain.
    pub fn validate(
        &self,
        tenant_domain_suffix: &str,
        partner_domains: &[String],
    ) -> Result<NewCustomer, FormErrors> {
        let mut e = FormErrors::default();
        let company = e.check("company", parse_organisation_name(&self.company));
        let prefix = e.check("domain_prefix", DomainPrefix::parse(&self.domain_prefix));
        let country = e.check("country", parse_country_code(&self.country));
        let address = super::organisation::check_address(
            &mut e,
            [
                &self.address_line1,
                &self.address_line2,
                &self.city,
                &self.state_province,
                &self.postal_code,
            ],
        );
        let first = e.check(
            "first_name",
            parse_full_name(&self.first_name).map_err(|_| Msg("customer-first-name").into()),
        );
        let last = e.check(
            "last_name",
            parse_full_name(&self.last_name).map_err(|_| Msg("customer-last-name").into()),
        );
        let email = e.check(
            "email",
            parse_contact_email(&self.email, tenant_domain_suffix).and_then(|email| {
                if partner_domains.iter().any(|d| within(email.domain(), d)) {
                    Err(Msg("customer-email-partner-domain").into())
                } else {
                    Ok(email)
                }
            }),
        );
        let phone = e.check(
            "phone",
            parse_phone(&self.phone, Msg("customer-phone-required")),
        );
        match (company, prefix, country, address, first, last, email, phone) {
            (
                Some(company),
                Some(domain_prefix),
                Some(country),
                Some(a),
                Some(first_name),
                Some(last_name),
                Some(email),
                Some(phone),
            ) if e.is_empty() => Ok(NewCustomer {
                company,
                domain_prefix,
                country,
                address_line1: a.line1,
                address_line2: a.line2,
                city: a.city,
                state_province: a.state_province,
                postal_code: a.postal_code,
                first_name,
                last_name,
                email: email.as_str().to_owned(),
                phone,
            }),
            _ => Err(e),
        }
    }
}

/// What the customer-agreement form sends.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct AgreementInput {
    /// The box: the customer accepted the customer agreement.
    #[serde(default)]
    pub accepted: String,
    /// The date the customer accepted it, `YYYY-MM-DD`.
    #[serde(default)]
    pub accepted_on: String,
    /// Signer's first name.
    #[serde(default)]
    pub first_name: String,
    /// Signer's last name.
    #[serde(default)]
    pub last_name: String,
    /// Signer's e-mail.
    #[serde(default)]
    pub email: String,
    /// Signer's phone (optional).
    #[serde(default)]
    pub phone: String,
}

/// A recorded acceptance, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Acceptance {
    /// When the customer accepted.
    pub accepted_on: time::Date,
    /// Signer's first name.
    pub first_name: String,
    /// Signer's last name.
    pub last_name: String,
    /// Signer's e-mail.
    pub email: String,
    /// Signer's phone.
    pub phone: Option<String>,
}

impl AgreementInput {
    /// Checks every answer: the date is neither after `today` nor before the customer
    /// existed (`since`).
    pub fn validate(&self, today: time::Date, since: time::Date) -> Result<Acceptance, FormErrors> {
        let mut e = FormErrors::default();
        if self.accepted != "yes" {
            e.add("accepted", Msg("customer-agreement-tick"));
        }
        let date = match crate::domain::form::parse_day(&self.accepted_on) {
            Err(_) if self.accepted_on.trim().is_empty() => {
                e.add("accepted_on", Msg("customer-agreement-date-required"));
                None
            }
            Err(_) => {
                e.add("accepted_on", Msg("customer-agreement-date-invalid"));
                None
            }
            Ok(d) if d > today => {
                e.add("accepted_on", Msg("customer-agreement-date-future"));
                None
            }
            Ok(d) if d < since => {
                e.add("accepted_on", Msg("customer-agreement-date-before"));
                None
            }
            Ok(d) => Some(d),
        };
        let first = e.check(
            "first_name",
            parse_full_name(&self.first_name).map_err(|_| Msg("customer-first-name").into()),
        );
        let last = e.check(
            "last_name",
            parse_full_name(&self.last_name).map_err(|_| Msg("customer-last-name").into()),
        );
        let email = e.check("email", crate::domain::EmailAddress::parse(&self.email));
        let phone = if self.phone.trim().is_empty() {
            Some(None)
        } else {
            e.check("phone", parse_phone(&self.phone, "").map(Some))
        };
        match (date, first, last, email, phone) {
            (Some(accepted_on), Some(first_name), Some(last_name), Some(email), Some(phone))
                if e.is_empty() =>
            {
                Ok(Acceptance {
                    accepted_on,
                    first_name,
                    last_name,
                    email: email.as_str().to_owned(),
                    phone,
                })
            }
            _ => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn good() -> CustomerInput {
        CustomerInput {
            company: "Adatum Corporation".into(),
            domain_prefix: "adatum".into(),
            country: "de".into(),
            address_line1: "Ringstrasse 5".into(),
            city: "Hamburg".into(),
            first_name: "Nina".into(),
            last_name: "Nowak".into(),
            email: "Nina.Nowak@adatum.example".into(),
            phone: "+49 40 123456".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_customer_is_checked_field_by_field() {
        let c = good()
            .validate("partnerportal.example", &["contoso.example".into()])
            .unwrap();
        assert_eq!(c.country, "DE");
        assert_eq!(c.domain_prefix.as_str(), "adatum");
        let empty = CustomerInput::default()
            .validate("partnerportal.example", &[])
            .unwrap_err();
        for field in [
            "company",
            "domain_prefix",
            "country",
            "address_line1",
            "city",
            "first_name",
            "last_name",
            "email",
            "phone",
        ] {
            assert!(empty.get(field).is_some(), "{field}");
        }
    }

    #[test]
    fn the_contact_is_not_on_a_partners_domain_or_webmail() {
        for (email, domains) in [
            ("nina@contoso.example", vec!["contoso.example".to_owned()]),
            (
                "nina@eu.contoso.example",
                vec!["contoso.example".to_owned()],
            ),
            ("nina@gmail.com", vec![]),
            ("nina@adatum.partnerportal.example", vec![]),
        ] {
            let input = CustomerInput {
                email: email.into(),
                ..good()
            };
            assert!(
                input
                    .validate("partnerportal.example", &domains)
                    .unwrap_err()
                    .get("email")
                    .is_some(),
                "{email}"
            );
        }
    }

    #[test]
    fn an_acceptance_date_is_not_in_the_future_nor_before_the_customer() {
        let input = |day: &str| AgreementInput {
            accepted: "yes".into(),
            accepted_on: day.into(),
            first_name: "Nina".into(),
            last_name: "Nowak".into(),
            email: "nina@adatum.example".into(),
            ..Default::default()
        };
        let today = date!(2026 - 12 - 03);
        let since = date!(2026 - 11 - 01);
        assert!(input("2026-12-03").validate(today, since).is_ok());
        for (day, message) in [
            ("2026-12-04", "customer-agreement-date-future"),
            ("2026-10-31", "customer-agreement-date-before"),
            ("03.12.2026", "customer-agreement-date-invalid"),
            ("", "customer-agreement-date-required"),
        ] {
            assert_eq!(
                input(day)
                    .validate(today, since)
                    .unwrap_err()
                    .get("accepted_on"),
                Some(Msg(message).to_string().as_str()),
                "{day}"
            );
        }
        let unticked = AgreementInput {
            accepted: String::new(),
            ..input("2026-12-01")
        };
        assert!(
            unticked
                .validate(today, since)
                .unwrap_err()
                .get("accepted")
                .is_some()
        );
    }
}
