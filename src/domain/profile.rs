//! The organisation profile's bank details (issue 15): an IBAN with its BIC, or the local
//! account format where IBAN does not apply. The IBAN is checked by `iban_validate` (checksum,
//! length and the country's BBAN format); a BIC's form is checked here and its country must
//! be the IBAN's.

use super::enrollment::{required_text, tidy};
use super::form::FormErrors;
use crate::messages::Msg;

/// Bank details as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BankDetails {
    /// Who holds the account.
    pub account_holder: String,
    /// The account itself.
    pub account: BankAccount,
}

/// An account in one of the two forms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BankAccount {
    /// IBAN (electronic form, no spaces) and BIC.
    Iban {
        /// E.g. `DE89370400440532013000`.
        iban: String,
        /// 8 or 11 characters.
        bic: String,
    },
    /// Where IBAN does not apply: the bank's code (routing number, sort code, BSB...), the
    /// account number, and a BIC if the bank has one.
    Local {
        /// Bank code.
        bank_code: String,
        /// Account number.
        account_number: String,
        /// The bank's BIC, if given.
        bic: Option<String>,
    },
}

/// What the bank-details form sends.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct BankInput {
    /// Account holder.
    #[serde(default)]
    pub account_holder: String,
    /// `iban` or `local`.
    #[serde(default)]
    pub format: String,
    /// IBAN.
    #[serde(default)]
    pub iban: String,
    /// BIC.
    #[serde(default)]
    pub bic: String,
    /// Local bank code.
    #[serde(default)]
    pub bank_code: String,
    /// Local account number.
    #[serde(default)]
    pub account_number: String,
}

/// Letters and digits only, upper case: what a bank identifier is once spaces are removed.
fn compact(input: &str) -> String {
    input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect::<String>()
        .to_ascii_uppercase()
}

/// Checks an IBAN with `iban_validate`; returns it in electronic form.
pub fn parse_iban(input: &str) -> Result<iban::Iban, Msg> {
    let value = compact(input);
    if value.is_empty() {
        return Err(Msg("bank-iban-required"));
    }
    value.parse::<iban::Iban>().map_err(|e| match e {
        iban::ParseIbanError::UnknownCountry(_) => Msg("bank-iban-country"),
        _ => Msg("bank-iban-invalid"),
    })
}

/// Checks a BIC's form (ISO 9362: 4 letters for the bank, 2 for the country, 2 letters or
/// digits for the location, optionally 3 for the branch); returns it upper case.
pub fn parse_bic(input: &str) -> Result<String, Msg> {
    let value = compact(input);
    if value.is_empty() {
        return Err(Msg("bank-bic-required"));
    }
    let bytes = value.as_bytes();
    let ok = matches!(value.len(), 8 | 11)
        && bytes[..6].iter().all(u8::is_ascii_uppercase)
        && bytes[6..].iter().all(u8::is_ascii_alphanumeric);
    if !ok {
        return Err(Msg("bank-bic-invalid"));
    }
    Ok(value)
}

/// The country a BIC names (letters 5 and 6).
pub fn bic_country(bic: &str) -> &str {
    bic.get(4..6).unwrap_or_default()
}

/// A local bank code or account number: letters, digits, spaces and hyphens, within `max`.
fn local_code(input: &str, missing: &'static str, max: usize) -> Result<String, Msg> {
    let value = tidy(input);
    if value.is_empty() {
        return Err(Msg(missing));
    }
    let digits_or_letters = value.chars().filter(char::is_ascii_alphanumeric).count();
    if digits_or_letters == 0
        || digits_or_letters > max
        || !value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-')
    {
        return Err(Msg("bank-local-invalid"));
    }
    Ok(value)
}

impl BankInput {
    /// The stored details, to show in the form again.
    pub fn from_details(details: &BankDetails) -> Self {
        match &details.account {
            BankAccount::Iban { iban, bic } => BankInput {
                account_holder: details.account_holder.clone(),
                format: "iban".into(),
                iban: iban.clone(),
                bic: bic.clone(),
                ..Default::default()
            },
            BankAccount::Local {
                bank_code,
                account_number,
                bic,
            } => BankInput {
                account_holder: details.account_holder.clone(),
                format: "local".into(),
                bank_code: bank_code.clone(),
                account_number: account_number.clone(),
                bic: bic.clone().unwrap_or_default(),
                ..Default::default()
            },
        }
    }

    /// Checks every answer; errors are beside their fields.
    pub fn validate(&self) -> Result<BankDetails, FormErrors> {
        let mut e = FormErrors::default();
        let holder = e.check(
            "account_holder",
            required_text(
                &self.account_holder,
                Msg("bank-holder-required"),
                200,
                Msg("bank-holder-too-long"),
            ),
        );
        let account = match self.format.as_str() {
            "iban" => {
                let iban = e.check("iban", parse_iban(&self.iban).map_err(String::from));
                let bic = e.check("bic", parse_bic(&self.bic).map_err(String::from));
                match (iban, bic) {
                    (Some(iban), Some(bic)) => {
                        if bic_country(&bic) != iban::IbanLike::country_code(&iban) {
                            e.add("bic", Msg("bank-bic-other-country"));
                            None
                        } else {
                            Some(BankAccount::Iban {
                                iban: iban::IbanLike::electronic_str(&iban).to_owned(),
                                bic,
                            })
                        }
                    }
                    _ => None,
                }
            }
            "local" => {
                let bank_code = e.check(
                    "bank_code",
                    local_code(&self.bank_code, "bank-code-required", 20).map_err(String::from),
                );
                let account_number = e.check(
                    "account_number",
                    local_code(&self.account_number, "bank-account-required", 34)
                        .map_err(String::from),
                );
                let bic = if self.bic.trim().is_empty() {
                    Some(None)
                } else {
                    e.check("bic", parse_bic(&self.bic).map(Some).map_err(String::from))
                };
                match (bank_code, account_number, bic) {
                    (Some(bank_code), Some(account_number), Some(bic)) => {
                        Some(BankAccount::Local {
                            bank_code,
                            account_number,
                            bic,
                        })
                    }
                    _ => None,
                }
            }
            _ => {
                e.add("format", Msg("bank-format-required"));
                None
            }
        };
        match (holder, account, e.is_empty()) {
            (Some(account_holder), Some(account), true) => Ok(BankDetails {
                account_holder,
                account,
            }),
            _ => Err(e),
        }
    }
}

/// An account number with all but its last four characters hidden (for the audit trail and
/// for users who may see, not change, the profile).
pub fn masked(number: &str) -> String {
    let chars: Vec<char> = number.chars().filter(|c| !c.is_whitespace()).collect();
    let keep = chars.len().saturating_sub(4);
    chars
        .iter()
        .enumerate()
        .map(|(i, c)| if i < keep { '•' } else { *c })
        .collect()
}

/// An IBAN in groups of four, as printed on paper.
pub fn printed_iban(electronic: &str) -> String {
    electronic
        .parse::<iban::Iban>()
        .map(|i| i.to_string())
        .unwrap_or_else(|_| electronic.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iban_form(iban: &str, bic: &str) -> BankInput {
        BankInput {
            account_holder: "Contoso GmbH".into(),
            format: "iban".into(),
            iban: iban.into(),
            bic: bic.into(),
            ..Default::default()
        }
    }

    fn field_of(result: Result<BankDetails, FormErrors>, field: &str) -> String {
        result
            .unwrap_err()
            .get(field)
            .map(|m| m.to_string())
            .unwrap_or_default()
    }

    #[test]
    fn a_valid_iban_with_its_countrys_bic_is_kept_in_electronic_form() {
        let details = iban_form("de89 3704 0044 0532 0130 00", "cobadeffxxx")
            .validate()
            .unwrap();
        assert_eq!(
            details.account,
            BankAccount::Iban {
                iban: "DE89370400440532013000".into(),
                bic: "COBADEFFXXX".into()
            }
        );
        assert_eq!(
            printed_iban("DE89370400440532013000"),
            "DE89 3704 0044 0532 0130 00"
        );
    }

    #[test]
    fn a_wrong_checksum_or_another_countrys_bic_is_refused_beside_the_field() {
        let wrong = field_of(
            iban_form("DE88370400440532013000", "COBADEFF").validate(),
            "iban",
        );
        assert_eq!(wrong, Msg("bank-iban-invalid").to_string());
        let other = field_of(
            iban_form("DE89370400440532013000", "BNPAFRPP").validate(),
            "bic",
        );
        assert_eq!(other, Msg("bank-bic-other-country").to_string());
        let form = field_of(
            iban_form("DE89370400440532013000", "COBA").validate(),
            "bic",
        );
        assert_eq!(form, Msg("bank-bic-invalid").to_string());
    }

    #[test]
    fn the_local_format_needs_a_bank_code_and_an_account_number() {
        let local = BankInput {
            account_holder: "Fabrikam Inc.".into(),
            format: "local".into(),
            bank_code: "021000021".into(),
            account_number: "12345678901".into(),
            ..Default::default()
        };
        assert!(matches!(
            local.validate().unwrap().account,
            BankAccount::Local { bic: None, .. }
        ));
        let empty = BankInput {
            format: "local".into(),
            ..Default::default()
        };
        let errors = empty.validate().unwrap_err();
        for field in ["account_holder", "bank_code", "account_number"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
        assert!(
            BankInput::default()
                .validate()
                .unwrap_err()
                .get("format")
                .is_some()
        );
    }

    #[test]
    fn account_numbers_are_masked_but_for_the_last_four() {
        assert_eq!(
            masked("DE89 3704 0044 0532 0130 00"),
            "••••••••••••••••••3000"
        );
        assert_eq!(masked("123"), "123");
    }
}
