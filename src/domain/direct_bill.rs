//! Rules of the direct-bill program: eligibility, revenue, evidence files, managed services,
//! the reviewers' requirement checks and the yearly reassessment.

use crate::messages;
use time::{Date, Month, OffsetDateTime};

/// Months as an indirect reseller before a tenant may apply.
pub const TENURE_MONTHS: u32 = 12;
/// The least trailing-12-month program revenue, in US cents (USD 300,000).
pub const MIN_REVENUE_CENTS: i64 = 300_000 * 100;
/// Largest evidence file.
pub const MAX_DOCUMENT_BYTES: usize = 10 * 1024 * 1024;
/// Most evidence files per application.
pub const MAX_DOCUMENTS: i64 = 5;
/// Months from approval (or the last reassessment) to the next reassessment.
pub const REASSESSMENT_MONTHS: u32 = 12;
/// Days before the reassessment that the reminder is sent.
pub const REMINDER_DAYS_BEFORE: i64 = 30;

/// The same day `months` later; a day the target month lacks becomes its last day
/// (29 Feb 2024 + 12 months = 28 Feb 2025).
pub fn add_months(date: Date, months: u32) -> Date {
    let total = date.month() as i32 - 1 + months as i32;
    let year = date.year() + total.div_euclid(12);
    let month = Month::try_from((total.rem_euclid(12) + 1) as u8).unwrap_or(Month::January);
    let last = time::util::days_in_month(month, year);
    Date::from_calendar_date(year, month, date.day().min(last)).unwrap_or(date)
}

/// Formats a date for people in the current language: "22 November 2026",
/// "22. November 2026", "2026年11月22日".
pub use crate::i18n::format::date as day;

/// Reads an amount of US dollars as people write it in the current language ("300,000",
/// "$ 312 500.50", "USD 300000"; in German "300.000,50") into cents.
pub fn parse_usd(input: &str) -> Result<i64, String> {
    parse_usd_in(crate::i18n::current(), input)
}

fn parse_usd_in(lang: crate::i18n::Lang, input: &str) -> Result<i64, String> {
    let decimal = crate::i18n::format::decimal_separator(lang);
    let cleaned: String = input
        .trim()
        .trim_start_matches("USD")
        .trim_start_matches("US$")
        .trim_start_matches('$')
        .trim_end_matches("USD")
        .trim_end_matches("US$")
        .trim_end_matches('$')
        .chars()
        .filter(|&c| c == decimal || !matches!(c, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .collect();
    if cleaned.is_empty() {
        return Err(messages::ENTER_PROGRAM_CLOUD_REVENUE.into());
    }
    let invalid = || messages::ENTER_REVENUE_AMOUNT_US.to_string();
    let (whole, cents) = match cleaned.split_once(decimal) {
        Some((w, c)) => (w, c),
        None => (cleaned.as_str(), ""),
    };
    if whole.is_empty()
        || !whole.chars().all(|c| c.is_ascii_digit())
        || cents.len() > 2
        || !cents.chars().all(|c| c.is_ascii_digit())
    {
        return Err(invalid());
    }
    if whole.len() > 13 {
        return Err(messages::AMOUNT_TOO_LARGE_CHECK.into());
    }
    let whole: i64 = whole.parse().map_err(|_| invalid())?;
    let cents: i64 = if cents.is_empty() {
        0
    } else {
        format!("{cents:0<2}").parse().map_err(|_| invalid())?
    };
    Ok(whole * 100 + cents)
}

/// Formats cents of US dollars in the current language: "US$300,000.00", "300.000,00 US$".
pub fn format_usd(cents: i64) -> String {
    crate::i18n::format::money(cents, "USD", 2)
}

/// Cents of US dollars as the number to put back in a form field, in the current language
/// ("300,000.50", "300.000,50"): [`parse_usd`] reads it back.
pub fn usd_for_input(cents: i64) -> String {
    crate::i18n::format::amount(cents, 2)
}

/// The revenue rule, stated for the applicant.
pub const REVENUE_RULE: messages::Msg = messages::DIRECT_BILL_NEEDS_LEAST;

/// Checks the declared revenue against the minimum.
pub fn check_revenue(cents: i64) -> Result<i64, String> {
    if cents < MIN_REVENUE_CENTS {
        Err(crate::messages::entered_apply_again_once(
            REVENUE_RULE,
            format_usd(cents),
        ))
    } else {
        Ok(cents)
    }
}

/// An evidence file's type, read from its first bytes (never from its name).
pub fn sniff_document(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(b"\xFF\xD8\xFF") {
        Some("image/jpeg")
    } else {
        None
    }
}

/// A file name safe to show and to send back in a download: no path, no control characters,
/// no bidirectional-text controls (a right-to-left override makes `invoice<RLO>fdp.exe`
/// read as `invoiceexe.pdf`), at most 255 characters.
pub fn clean_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base
        .chars()
        .filter(|&c| !c.is_control() && !crate::domain::form::is_bidi_control(c))
        .filter(|c| !matches!(c, '"' | ';'))
        .take(255)
        .collect();
    let cleaned = cleaned.trim().to_owned();
    if cleaned.is_empty() {
        "evidence".into()
    } else {
        cleaned
    }
}

/// A file size for people: "812 bytes", "34 KB", "9.8 MB".
pub fn file_size(bytes: i64) -> String {
    const KB: i64 = 1024;
    const MB: i64 = 1024 * 1024;
    // Under a kilobyte the count has at most four digits: no grouping to format.
    let (key, amount) = if bytes < KB {
        ("file-size-bytes", bytes.to_string())
    } else if bytes < MB {
        (
            "file-size-kb",
            crate::i18n::format::number((bytes + KB / 2) / KB),
        )
    } else {
        // Tenths of a megabyte, with the language's decimal separator.
        let tenths = (bytes * 10 + MB / 2) / MB;
        ("file-size-mb", crate::i18n::format::amount(tenths, 1))
    };
    crate::i18n::t_args(key, &[("size", amount.into()), ("bytes", bytes.into())])
}

/// Kinds of managed services an applicant can list.
pub const SERVICE_KINDS: [(&str, messages::Msg); 3] = [
    (
        "managed_service",
        messages::Msg("service-kind-managed-service"),
    ),
    ("ip_service", messages::Msg("service-kind-ip-service")),
    (
        "customer_solution",
        messages::Msg("service-kind-customer-solution"),
    ),
];

/// A kind's label, or `None` for an unknown code.
pub fn service_kind_label(code: &str) -> Option<messages::Msg> {
    SERVICE_KINDS
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, l)| *l)
}

/// Support plans the partner may hold.
pub const SUPPORT_PLANS: [(&str, messages::Msg); 2] = [
    ("advanced", messages::Msg("support-plan-advanced")),
    ("premier", messages::Msg("support-plan-premier")),
];

/// A plan's label.
pub fn support_plan_label(code: &str) -> messages::Msg {
    SUPPORT_PLANS
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, l)| *l)
        .unwrap_or(messages::Msg("support-plan-unknown"))
}

/// One computed eligibility requirement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Requirement {
    /// What is required.
    pub label: messages::Msg,
    /// Met today.
    pub met: bool,
    /// Where the tenant stands, in words (and when it will meet it).
    pub detail: String,
}

/// What eligibility is computed from.
#[derive(Clone, Debug, Default)]
pub struct EligibilityFacts {
    /// Day the indirect-reseller application was approved, if it was.
    pub approved_on: Option<Date>,
    /// The current partner agreement is accepted.
    pub agreement_accepted: bool,
    /// The tenant's partner ID, if it has one.
    pub partner_id: Option<String>,
    /// That membership is active.
    pub membership_active: bool,
    /// That membership is in the tenant's country.
    pub membership_in_country: bool,
    /// The tenant's country, in words.
    pub country_name: String,
}

/// The computed requirements as of `today`.
pub fn eligibility(f: &EligibilityFacts, today: Date) -> Vec<Requirement> {
    let reseller = match (f.approved_on, f.agreement_accepted) {
        (Some(on), true) => Requirement {
            label: messages::APPROVED_INDIRECT_RESELLER_WITH,
            met: true,
            detail: crate::messages::approved_partner_agreement_accepted(day(on)),
        },
        (Some(on), false) => Requirement {
            label: messages::APPROVED_INDIRECT_RESELLER_WITH,
            met: false,
            detail: crate::messages::approved_but_partner_agreement(day(on)),
        },
        (None, _) => Requirement {
            label: messages::APPROVED_INDIRECT_RESELLER_WITH,
            met: false,
            detail: messages::ORGANISATION_NOT_APPROVED_INDIRECT.into(),
        },
    };
    let tenure = match f.approved_on {
        Some(on) => {
            let from = add_months(on, TENURE_MONTHS);
            if today >= from {
                Requirement {
                    label: messages::LEAST_12_MONTHS_INDIRECT,
                    met: true,
                    detail: crate::messages::indirect_reseller_since(day(on)),
                }
            } else {
                Requirement {
                    label: messages::LEAST_12_MONTHS_INDIRECT,
                    met: false,
                    detail: crate::messages::indirect_reseller_since_meet(day(on), day(from)),
                }
            }
        }
        None => Requirement {
            label: messages::LEAST_12_MONTHS_INDIRECT,
            met: false,
            detail: messages::COUNTS_FROM_DAY_INDIRECT.into(),
        },
    };
    let partner = match &f.partner_id {
        Some(id) if f.membership_active && f.membership_in_country => Requirement {
            label: messages::ACTIVE_PARTNER_ID_COUNTRY,
            met: true,
            detail: crate::messages::partner_id_active(&f.country_name, id),
        },
        Some(id) if !f.membership_active => Requirement {
            label: messages::ACTIVE_PARTNER_ID_COUNTRY,
            met: false,
            detail: crate::messages::partner_id_not_active(id),
        },
        Some(id) => Requirement {
            label: messages::ACTIVE_PARTNER_ID_COUNTRY,
            met: false,
            detail: crate::messages::partner_id_does_not(&f.country_name, id),
        },
        None => Requirement {
            label: messages::ACTIVE_PARTNER_ID_COUNTRY,
            met: false,
            detail: messages::ORGANISATION_NO_PARTNER_ID.into(),
        },
    };
    vec![reseller, tenure, partner]
}

/// The reviewers' requirement checks, in their enforced order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum CheckStep {
    /// Revenue and tenure confirmed from the evidence.
    RevenueTenure,
    /// Credit check.
    CreditCheck,
    /// Third-party capability assessment scheduled.
    AssessmentScheduled,
    /// The assessment's result.
    AssessmentResult,
}

impl CheckStep {
    /// Every step in order.
    pub const ALL: [CheckStep; 4] = [
        CheckStep::RevenueTenure,
        CheckStep::CreditCheck,
        CheckStep::AssessmentScheduled,
        CheckStep::AssessmentResult,
    ];

    /// Database and URL code.
    pub fn code(self) -> &'static str {
        match self {
            CheckStep::RevenueTenure => "revenue_tenure",
            CheckStep::CreditCheck => "credit_check",
            CheckStep::AssessmentScheduled => "assessment_scheduled",
            CheckStep::AssessmentResult => "assessment_result",
        }
    }

    /// Reads a code.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// In words.
    pub fn label(self) -> messages::Msg {
        match self {
            CheckStep::RevenueTenure => messages::REVENUE_TENURE_CONFIRMED,
            CheckStep::CreditCheck => messages::CHECK_CREDIT,
            CheckStep::AssessmentScheduled => messages::CHECK_ASSESSMENT_SCHEDULED,
            CheckStep::AssessmentResult => messages::CHECK_ASSESSMENT_RESULT,
        }
    }

    /// Scheduling the assessment: a date and an assessor instead of passed / not passed.
    pub fn is_scheduling(self) -> bool {
        self == CheckStep::AssessmentScheduled
    }

    /// Revenue and tenure: "confirmed" rather than "passed".
    pub fn is_revenue_tenure(self) -> bool {
        self == CheckStep::RevenueTenure
    }

    /// The step that must have passed first.
    pub fn needs(self) -> Option<CheckStep> {
        match self {
            CheckStep::RevenueTenure => None,
            CheckStep::CreditCheck => Some(CheckStep::RevenueTenure),
            CheckStep::AssessmentScheduled => Some(CheckStep::CreditCheck),
            CheckStep::AssessmentResult => Some(CheckStep::AssessmentScheduled),
        }
    }
}

/// A recorded check's outcome, as far as the order cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckOutcome {
    /// Passed (or, for scheduling, scheduled).
    Passed,
    /// Failed.
    Failed,
}

/// A recorded check's outcome as stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum RecordedOutcome {
    /// Passed.
    Passed,
    /// Not passed.
    Failed,
    /// The assessment is scheduled.
    Scheduled,
}

impl RecordedOutcome {
    /// The database spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            RecordedOutcome::Passed => "passed",
            RecordedOutcome::Failed => "failed",
            RecordedOutcome::Scheduled => "scheduled",
        }
    }

    /// A reviewer's choice on the form: passed or failed (scheduling has its own fields).
    pub fn parse_choice(code: &str) -> Option<Self> {
        [RecordedOutcome::Passed, RecordedOutcome::Failed]
            .into_iter()
            .find(|o| o.as_str() == code)
    }

    /// Passed.
    pub fn is_passed(self) -> bool {
        self == RecordedOutcome::Passed
    }

    /// Not passed.
    pub fn is_failed(self) -> bool {
        self == RecordedOutcome::Failed
    }

    /// As far as the order of the checks cares: scheduling counts as passing.
    pub fn for_order(self) -> CheckOutcome {
        if self.is_failed() {
            CheckOutcome::Failed
        } else {
            CheckOutcome::Passed
        }
    }

    /// In words, for reviewers.
    pub fn label(self) -> messages::Msg {
        match self {
            RecordedOutcome::Passed => messages::Msg("outcome-passed"),
            RecordedOutcome::Failed => messages::Msg("outcome-not-passed"),
            RecordedOutcome::Scheduled => messages::Msg("outcome-scheduled"),
        }
    }
}

/// A direct-bill partner's standing as stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum PartnerStatus {
    /// A direct-bill partner.
    Active,
    /// Moved back to indirect reseller.
    Transitioned,
}

impl PartnerStatus {
    /// Still a direct-bill partner.
    pub fn is_active(self) -> bool {
        self == PartnerStatus::Active
    }
}

/// Why a check cannot be recorded now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OrderRefusal {
    /// An earlier step has not passed.
    NeedsFirst(CheckStep),
    /// This step passed already, or a later step is recorded.
    AlreadyDone,
}

impl OrderRefusal {
    /// The refusal in words for the reviewer.
    pub fn message(&self, step: CheckStep) -> String {
        match self {
            OrderRefusal::NeedsFirst(first) => {
                crate::messages::can_only_recorded_after(step.label(), first.label())
            }
            OrderRefusal::AlreadyDone => {
                crate::messages::already_recorded_passed_check(step.label())
            }
        }
    }
}

/// May `step` be recorded, given the outcomes recorded so far (in any order)?
/// A failed step may be recorded again while no later step exists.
pub fn may_record(
    step: CheckStep,
    recorded: &[(CheckStep, CheckOutcome)],
) -> Result<(), OrderRefusal> {
    let outcome = |s: CheckStep| recorded.iter().find(|(r, _)| *r == s).map(|(_, o)| *o);
    if let Some(first) = step.needs()
        && outcome(first) != Some(CheckOutcome::Passed)
    {
        return Err(OrderRefusal::NeedsFirst(first));
    }
    let later_recorded = CheckStep::ALL
        .iter()
        .skip_while(|s| **s != step)
        .skip(1)
        .any(|s| outcome(*s).is_some());
    match outcome(step) {
        Some(CheckOutcome::Passed) => Err(OrderRefusal::AlreadyDone),
        _ if later_recorded => Err(OrderRefusal::AlreadyDone),
        _ => Ok(()),
    }
}

/// True when every check has passed, so the application may be approved.
pub fn all_passed(recorded: &[(CheckStep, CheckOutcome)]) -> bool {
    CheckStep::ALL.iter().all(|s| {
        recorded
            .iter()
            .any(|(r, o)| r == s && *o == CheckOutcome::Passed)
    })
}

/// Today in UTC.
pub fn today() -> Date {
    OffsetDateTime::now_utc().date()
}

/// The reassessment date for an approval on `approved_on`.
pub fn reassessment_due(approved_on: Date) -> Date {
    add_months(approved_on, REASSESSMENT_MONTHS)
}

/// When the reminder for a reassessment due on `due` is sent: 30 days before, 08:00 UTC.
pub fn reminder_time(due: Date) -> OffsetDateTime {
    (due - time::Duration::days(REMINDER_DAYS_BEFORE))
        .with_hms(8, 0, 0)
        .map(|t| t.assume_utc())
        .unwrap_or_else(|_| OffsetDateTime::now_utc())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_reminder_goes_out_thirty_days_before() {
        let due = reassessment_due(time::macros::date!(2026 - 11 - 22));
        assert_eq!(due, time::macros::date!(2027 - 11 - 22));
        assert_eq!(
            reminder_time(due),
            time::macros::datetime!(2027-10-23 08:00 UTC)
        );
    }

    use super::*;
    use time::macros::date;

    #[test]
    fn months_are_added_by_the_calendar() {
        assert_eq!(add_months(date!(2025 - 11 - 22), 12), date!(2026 - 11 - 22));
        assert_eq!(add_months(date!(2024 - 02 - 29), 12), date!(2025 - 02 - 28));
        assert_eq!(add_months(date!(2025 - 01 - 31), 1), date!(2025 - 02 - 28));
        assert_eq!(add_months(date!(2025 - 12 - 15), 1), date!(2026 - 01 - 15));
    }

    #[test]
    fn tenure_is_met_on_the_day_twelve_months_after_approval() {
        let facts = |approved| EligibilityFacts {
            approved_on: Some(approved),
            agreement_accepted: true,
            partner_id: Some("1234567".into()),
            membership_active: true,
            membership_in_country: true,
            country_name: "Germany".into(),
        };
        let today = date!(2026 - 11 - 22);
        let exactly = eligibility(&facts(date!(2025 - 11 - 22)), today);
        assert!(exactly.iter().all(|r| r.met));
        let a_day_short = eligibility(&facts(date!(2025 - 11 - 23)), today);
        assert!(!a_day_short[1].met);
        assert!(a_day_short[1].detail.contains("23 November 2026"));
    }

    #[test]
    fn every_failed_requirement_says_why() {
        let none = eligibility(&EligibilityFacts::default(), date!(2026 - 11 - 22));
        assert!(none.iter().all(|r| !r.met && !r.detail.is_empty()));
        let inactive = eligibility(
            &EligibilityFacts {
                partner_id: Some("7654321".into()),
                ..Default::default()
            },
            date!(2026 - 11 - 22),
        );
        assert!(inactive[2].detail.contains("not active"));
    }

    #[test]
    fn revenue_is_read_as_people_write_it() {
        use crate::i18n::Lang::{De, En, ZhCn};
        assert_eq!(parse_usd_in(En, "300,000"), Ok(30_000_000));
        assert_eq!(parse_usd_in(En, "$ 312 500.5"), Ok(31_250_050));
        assert_eq!(parse_usd_in(En, "USD 299999.99"), Ok(29_999_999));
        assert_eq!(parse_usd_in(En, "US$300,000.00"), Ok(30_000_000));
        assert_eq!(parse_usd_in(De, "300.000,50 $"), Ok(30_000_050));
        assert_eq!(parse_usd_in(De, "1.234"), Ok(123_400));
        assert_eq!(parse_usd_in(ZhCn, "300,000.00"), Ok(30_000_000));
        assert!(parse_usd_in(En, "").is_err());
        assert!(parse_usd_in(En, "three hundred").is_err());
        assert!(parse_usd_in(En, "1.234").is_err());
        assert!(parse_usd_in(De, "1,234").is_err());
        assert!(parse_usd_in(En, "-5").is_err());
        assert!(parse_usd_in(En, "99999999999999999999").is_err());
        for lang in [En, De, ZhCn] {
            let shown = crate::i18n::sync_scope(lang, || usd_for_input(31_250_050));
            assert_eq!(parse_usd_in(lang, &shown), Ok(31_250_050), "{shown}");
        }
    }

    #[test]
    fn the_revenue_minimum_is_inclusive() {
        assert!(check_revenue(29_999_900).is_err());
        assert!(check_revenue(30_000_000).is_ok());
        assert_eq!(format_usd(29_999_900), "US$299,999.00");
        assert_eq!(format_usd(100_050), "US$1,000.50");
    }

    #[test]
    fn file_sizes_read_naturally() {
        assert_eq!(file_size(812), "812 bytes");
        assert_eq!(file_size(34 * 1024 + 100), "34 KB");
        assert_eq!(file_size(10 * 1024 * 1024), "10.0 MB");
    }

    #[test]
    fn files_are_typed_by_content() {
        assert_eq!(sniff_document(b"%PDF-1.7 ..."), Some("application/pdf"));
        assert_eq!(sniff_document(b"\x89PNG\r\n\x1a\n...."), Some("image/png"));
        assert_eq!(sniff_document(b"\xFF\xD8\xFF\xE0"), Some("image/jpeg"));
        assert_eq!(sniff_document(b"MZ\x90\x00"), None);
        assert_eq!(clean_file_name("C:\\docs\\rev\"enue;.pdf"), "revenue.pdf");
        assert_eq!(clean_file_name("../"), "evidence");
        assert_eq!(
            clean_file_name("invoice\u{202E}fdp.exe"),
            "invoicefdp.exe",
            "a right-to-left override is dropped"
        );
        assert_eq!(clean_file_name("a\u{2066}b\u{2069}\u{200F}.pdf"), "ab.pdf");
    }

    #[test]
    fn checks_follow_their_order() {
        use CheckOutcome::*;
        use CheckStep::*;
        assert_eq!(
            may_record(AssessmentScheduled, &[(RevenueTenure, Passed)]),
            Err(OrderRefusal::NeedsFirst(CreditCheck))
        );
        assert_eq!(
            may_record(CreditCheck, &[(RevenueTenure, Failed)]),
            Err(OrderRefusal::NeedsFirst(RevenueTenure))
        );
        assert!(may_record(RevenueTenure, &[]).is_ok());
        assert!(may_record(RevenueTenure, &[(RevenueTenure, Failed)]).is_ok());
        assert_eq!(
            may_record(RevenueTenure, &[(RevenueTenure, Passed)]),
            Err(OrderRefusal::AlreadyDone)
        );
        let all = [
            (RevenueTenure, Passed),
            (CreditCheck, Passed),
            (AssessmentScheduled, Passed),
            (AssessmentResult, Passed),
        ];
        assert!(all_passed(&all));
        assert!(!all_passed(&all[..3]));
    }
}
