//! Rules for the answers of the indirect-reseller enrollment wizard.

use crate::domain::EmailAddress;
use crate::messages;

/// Countries whose companies must give a company registration ID.
pub const REGISTRATION_ID_REQUIRED: [&str; 24] = [
    "AM", "AZ", "BY", "BR", "HU", "IN", "IQ", "KZ", "KG", "MD", "MM", "PL", "RU", "SA", "ZA", "SS",
    "TJ", "TH", "TR", "UA", "AE", "UZ", "VE", "VN",
];

/// True when companies in `country_code` must give a registration ID.
pub fn registration_id_required(country_code: &str) -> bool {
    REGISTRATION_ID_REQUIRED.contains(&country_code)
}

/// Legal forms that are not a name on their own.
const LEGAL_SUFFIXES: [&str; 40] = [
    "llc",
    "inc",
    "incorporated",
    "ltd",
    "limited",
    "gmbh",
    "ag",
    "kg",
    "ohg",
    "ug",
    "gbr",
    "co",
    "corp",
    "corporation",
    "company",
    "plc",
    "llp",
    "lp",
    "sa",
    "sas",
    "sarl",
    "srl",
    "spa",
    "bv",
    "nv",
    "oy",
    "ab",
    "as",
    "aps",
    "pty",
    "pvt",
    "kk",
    "kft",
    "sp zoo",
    "spzoo",
    "ooo",
    "zao",
    "pte",
    "sdn bhd",
    "gmbh co kg",
];

/// The words of a name without punctuation, lowercased: "G.m.b.H." -> "gmbh".
fn bare_words(name: &str) -> String {
    name.split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Collapses runs of whitespace and trims.
pub fn tidy(input: &str) -> String {
    input.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A company's legal name.
pub fn parse_legal_name(input: &str) -> Result<String, String> {
    let name = tidy(input);
    if name.is_empty() {
        return Err(messages::ENTER_COMPANY_S_LEGAL.into());
    }
    if name.chars().count() > 200 {
        return Err(messages::LEGAL_NAME_MUST_200.into());
    }
    if name.chars().count() < 2 {
        return Err(messages::ENTER_FULL_LEGAL_NAME.into());
    }
    if !name.chars().any(char::is_alphabetic) {
        return Err(messages::LEGAL_NAME_MUST_CONTAIN.into());
    }
    let bare = bare_words(&name);
    if LEGAL_SUFFIXES.contains(&bare.as_str())
        || LEGAL_SUFFIXES.contains(&bare.replace(' ', "").as_str())
    {
        return Err(messages::LEGAL_NAME_WITHOUT_COMPANY_NAME.into());
    }
    Ok(name)
}

/// A required free-text line (address line, city, name).
pub fn required_text(
    input: &str,
    missing: impl Into<String>,
    max: usize,
    too_long: impl Into<String>,
) -> Result<String, String> {
    let value = tidy(input);
    if value.is_empty() {
        return Err(missing.into());
    }
    if value.chars().count() > max {
        return Err(too_long.into());
    }
    Ok(value)
}

/// An optional free-text line; empty becomes `None`.
pub fn optional_text(
    input: &str,
    max: usize,
    too_long: impl Into<String>,
) -> Result<Option<String>, String> {
    let value = tidy(input);
    if value.is_empty() {
        return Ok(None);
    }
    if value.chars().count() > max {
        return Err(too_long.into());
    }
    Ok(Some(value))
}

/// A telephone number: digits with optional +, spaces, dots, hyphens and brackets; 6 to 15 digits.
pub fn parse_phone(input: &str, missing: impl Into<String>) -> Result<String, String> {
    let value = tidy(input);
    if value.is_empty() {
        return Err(missing.into());
    }
    let allowed = value
        .chars()
        .enumerate()
        .all(|(i, c)| c.is_ascii_digit() || " .-()".contains(c) || (c == '+' && i == 0));
    let digits = value.chars().filter(char::is_ascii_digit).count();
    if !allowed || !(6..=15).contains(&digits) {
        return Err(messages::ENTER_TELEPHONE_NUMBER_LIKE.into());
    }
    Ok(value)
}

/// A company registration ID, required in some countries.
pub fn parse_registration_id(input: &str, country_code: &str) -> Result<Option<String>, String> {
    let value = tidy(input);
    if value.is_empty() {
        return if registration_id_required(country_code) {
            Err(messages::ENTER_COMPANY_REGISTRATION_ID.into())
        } else {
            Ok(None)
        };
    }
    if value.chars().count() > 50
        || !value
            .chars()
            .all(|c| c.is_alphanumeric() || " -/.".contains(c))
    {
        return Err(messages::REGISTRATION_ID_CAN_ONLY.into());
    }
    Ok(Some(value))
}

/// A 7-digit partner ID.
pub fn parse_partner_id(input: &str) -> Result<String, String> {
    let value: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    if value.is_empty() {
        return Err(messages::ENTER_PARTNER_ID.into());
    }
    if value.len() != 7 || !value.chars().all(|c| c.is_ascii_digit()) {
        return Err(messages::PARTNER_ID_7_DIGITS.into());
    }
    Ok(value)
}

/// Domains of large free webmail services (exact matches).
const WEBMAIL_DOMAINS: [&str; 36] = [
    "gmail.com",
    "googlemail.com",
    "ymail.com",
    "rocketmail.com",
    "icloud.com",
    "me.com",
    "mac.com",
    "aol.com",
    "aim.com",
    "msn.com",
    "passport.com",
    "mail.com",
    "email.com",
    "gmx.com",
    "gmx.net",
    "gmx.de",
    "web.de",
    "t-online.de",
    "freenet.de",
    "mail.ru",
    "inbox.ru",
    "bk.ru",
    "list.ru",
    "qq.com",
    "163.com",
    "126.com",
    "yeah.net",
    "sina.com",
    "sohu.com",
    "naver.com",
    "hanmail.net",
    "daum.net",
    "rediffmail.com",
    "proton.me",
    "protonmail.com",
    "tutanota.com",
];

/// Webmail brands found under many country domains (yahoo.co.uk, outlook.de, live.com.au ...).
const WEBMAIL_FAMILIES: [&str; 7] = [
    "yahoo", "outlook", "hotmail", "live", "yandex", "zohomail", "gmx",
];

/// True when `domain` belongs to a public webmail service rather than a company.
pub fn is_webmail_domain(domain: &str) -> bool {
    let domain = domain.to_ascii_lowercase();
    if WEBMAIL_DOMAINS.contains(&domain.as_str()) {
        return true;
    }
    let mut labels = domain.split('.');
    let Some(first) = labels.next() else {
        return false;
    };
    let rest: Vec<&str> = labels.collect();
    // A brand followed only by a country or generic ending, such as "com", "de" or "co.uk".
    WEBMAIL_FAMILIES.contains(&first)
        && (1..=2).contains(&rest.len())
        && rest.iter().all(|l| (2..=3).contains(&l.len()))
}

/// The primary contact's e-mail: valid, on the company's own domain, not on the portal's.
pub fn parse_contact_email(
    input: &str,
    tenant_domain_suffix: &str,
) -> Result<EmailAddress, String> {
    let email = EmailAddress::parse(input)?;
    if is_webmail_domain(email.domain()) {
        return Err(messages::USE_ADDRESS_COMPANY_S.into());
    }
    let domain = email.domain();
    let suffix = tenant_domain_suffix.to_ascii_lowercase();
    if domain == suffix || domain.ends_with(&format!(".{suffix}")) {
        return Err(messages::USE_COMPANY_S_OWN.into());
    }
    Ok(email)
}

/// A web site: an https URL with a host that has a dot. An address typed without a scheme
/// ("support.contoso.com") is completed with `https://` rather than refused.
pub fn parse_website(input: &str) -> Result<String, String> {
    let typed = input.trim();
    if typed.is_empty() {
        return Err(messages::ENTER_SUPPORT_WEB_SITE.into());
    }
    let completed;
    let value = if typed.contains("://") {
        typed
    } else {
        completed = format!("https://{typed}");
        completed.as_str()
    };
    let Some(rest) = value.strip_prefix("https://") else {
        return Err(messages::ENTER_WEB_SITE_ADDRESS.into());
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_ok = host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ".-:".contains(c));
    if !host_ok || value.len() > 300 || value.chars().any(char::is_whitespace) {
        return Err(messages::ENTER_WEB_SITE_ADDRESS.into());
    }
    Ok(value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legal_names_must_be_real_names() {
        assert_eq!(
            parse_legal_name("  Contoso   GmbH ").unwrap(),
            "Contoso GmbH"
        );
        assert!(
            parse_legal_name("")
                .unwrap_err()
                .contains("Enter your company's legal name")
        );
        assert!(
            parse_legal_name("X")
                .unwrap_err()
                .contains("single character")
        );
        assert!(
            parse_legal_name("12345")
                .unwrap_err()
                .contains("only digits or symbols")
        );
        assert!(
            parse_legal_name("#&!")
                .unwrap_err()
                .contains("only digits or symbols")
        );
        for bare in [
            "LLC",
            "GmbH",
            "Inc.",
            "g.m.b.h.",
            "Ltd",
            "S.A.",
            "Sp. z o.o.",
        ] {
            assert!(
                parse_legal_name(bare).unwrap_err().contains("legal form"),
                "{bare}"
            );
        }
        assert!(parse_legal_name("3M").is_ok());
    }

    #[test]
    fn the_registration_id_is_required_only_where_the_law_asks() {
        assert!(parse_registration_id("", "BR").is_err());
        assert_eq!(parse_registration_id("", "DE").unwrap(), None);
        assert_eq!(
            parse_registration_id(" HRB 12345 ", "DE")
                .unwrap()
                .as_deref(),
            Some("HRB 12345")
        );
        assert!(parse_registration_id("<script>", "DE").is_err());
        assert_eq!(REGISTRATION_ID_REQUIRED.len(), 24);
    }

    #[test]
    fn phone_numbers_have_six_to_fifteen_digits() {
        assert_eq!(
            parse_phone("+49 (30) 123-4567", "missing").unwrap(),
            "+49 (30) 123-4567"
        );
        assert_eq!(parse_phone("", "missing").unwrap_err(), "missing");
        assert!(parse_phone("12345", "m").is_err());
        assert!(parse_phone("call me", "m").is_err());
        assert!(parse_phone("12+3456789", "m").is_err());
    }

    #[test]
    fn partner_ids_are_seven_digits() {
        assert_eq!(parse_partner_id(" 123 4567 ").unwrap(), "1234567");
        assert!(parse_partner_id("123456").is_err());
        assert!(parse_partner_id("12345678").is_err());
        assert!(parse_partner_id("12a4567").is_err());
    }

    #[test]
    fn webmail_is_recognised_in_its_many_forms() {
        for d in [
            "gmail.com",
            "GoogleMail.com",
            "yahoo.com",
            "yahoo.co.uk",
            "ymail.com",
            "icloud.com",
            "me.com",
            "mac.com",
            "aol.com",
            "outlook.com",
            "outlook.de",
            "hotmail.co.uk",
            "live.com.au",
            "msn.com",
            "gmx.de",
            "web.de",
            "qq.com",
        ] {
            assert!(is_webmail_domain(d), "{d}");
        }
        for d in [
            "contoso.com",
            "outlook.contoso.com",
            "mail.contoso.de",
            "livewire.com",
            "yahoo-partners.example.com",
        ] {
            assert!(!is_webmail_domain(d), "{d}");
        }
    }

    #[test]
    fn the_contact_email_must_be_on_the_companys_domain() {
        assert!(parse_contact_email("jane@contoso.com", "partnerportal.example").is_ok());
        assert!(
            parse_contact_email("jane@gmail.com", "partnerportal.example")
                .unwrap_err()
                .contains("webmail")
        );
        assert!(
            parse_contact_email(
                "jane@contoso.partnerportal.example",
                "partnerportal.example"
            )
            .unwrap_err()
            .contains("no mailboxes")
        );
        assert!(parse_contact_email("jane@", "partnerportal.example").is_err());
    }

    #[test]
    fn support_sites_are_https_urls() {
        assert!(parse_website("https://support.contoso.com/help").is_ok());
        assert!(parse_website("http://support.contoso.com").is_err());
        assert_eq!(
            parse_website(" support.contoso.com/help ").as_deref(),
            Ok("https://support.contoso.com/help")
        );
        assert!(parse_website("contoso").is_err());
        assert!(parse_website("https://localhost").is_err());
        assert!(parse_website("https://a b.com").is_err());
        assert!(parse_website("").is_err());
    }
}
