//! Orders and subscriptions (issue 17): money in minor units, licence counts within an
//! offer's limits, billing periods and renewals, and what may happen to a subscription.

use crate::messages::Msg;
use time::{Date, Month};

/// The number of minor digits of an ISO 4217 currency (2 for EUR, 0 for JPY), from the
/// maintained `iso_currency` data; `None` for a code it does not know.
pub fn exponent(currency: &str) -> Option<u8> {
    iso_currency::Currency::from_code(currency)
        .and_then(|c| c.exponent())
        .and_then(|e| u8::try_from(e).ok())
}

/// An amount of money: integer minor units of one currency (never a float).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Money {
    /// Minor units (cents; yen).
    pub minor: i64,
    /// ISO 4217 code.
    pub currency: [u8; 3],
}

impl Money {
    /// `minor` units of `currency`; `None` for a code that is not three ASCII letters.
    pub fn new(minor: i64, currency: &str) -> Option<Money> {
        let bytes: [u8; 3] = currency.as_bytes().try_into().ok()?;
        bytes.iter().all(u8::is_ascii_uppercase).then_some(Money {
            minor,
            currency: bytes,
        })
    }

    /// The currency code.
    pub fn code(&self) -> &str {
        std::str::from_utf8(&self.currency).unwrap_or("XXX")
    }

    /// `count` times this amount; `None` on overflow.
    pub fn times(self, count: i64) -> Option<Money> {
        Some(Money {
            minor: self.minor.checked_mul(count)?,
            ..self
        })
    }

    /// The sum of two amounts of the same currency; `None` on overflow or mixed currencies.
    pub fn plus(self, other: Money) -> Option<Money> {
        (self.currency == other.currency).then_some(())?;
        Some(Money {
            minor: self.minor.checked_add(other.minor)?,
            ..self
        })
    }

    /// In words for the reader: "€1,234.50", "1.234,50 €", "JP¥4,500".
    pub fn display(&self) -> String {
        crate::i18n::format::money(self.minor, self.code(), exponent(self.code()).unwrap_or(2))
    }

    /// In words in `lang` (e-mails).
    pub fn display_in(&self, lang: crate::i18n::Lang) -> String {
        crate::i18n::format::money_in(
            lang,
            self.minor,
            self.code(),
            exponent(self.code()).unwrap_or(2),
        )
    }
}

impl std::fmt::Display for Money {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.display())
    }
}

/// Who is looking at orders and subscriptions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reader {
    /// A partner or customer organisation.
    Tenant(uuid::Uuid),
    /// Operator staff (read-only, everything).
    Staff,
}

/// Who serves a customer in one relationship: (provider, reseller).
pub type Serving = (uuid::Uuid, Option<uuid::Uuid>);

/// True when `reader` sees a subscription of `customer` from `provider`: staff, the provider,
/// the customer, a reseller of the customer with that provider (`serving`), and the reseller
/// named its support contact (`support`).
pub fn sees_subscription(
    reader: Reader,
    provider: uuid::Uuid,
    customer: uuid::Uuid,
    support: Option<uuid::Uuid>,
    serving: &[Serving],
) -> bool {
    let Reader::Tenant(t) = reader else {
        return true;
    };
    t == provider
        || t == customer
        || support == Some(t)
        || serving.iter().any(|(p, r)| *r == Some(t) && *p == provider)
}

/// True when `reader` sees an order of `customer` from `provider` placed for `reseller`: as
/// for subscriptions, with the order's own reseller in place of the support contact.
pub fn sees_order(
    reader: Reader,
    provider: uuid::Uuid,
    customer: uuid::Uuid,
    reseller: Option<uuid::Uuid>,
    serving: &[Serving],
) -> bool {
    sees_subscription(reader, provider, customer, reseller, serving)
}

/// A licence count as typed, checked against the offer's limits.
pub fn parse_licences(input: &str, min: i32, max: i32) -> Result<i32, String> {
    let text = input.trim();
    if text.is_empty() {
        return Err(Msg("orders-licences-required").into());
    }
    // Digits, optionally grouped in threes by the reader's separator ("1,000", "1.000",
    // "1 000"); "2.5" is no whole number in any language.
    let groups: Vec<&str> = text.split([',', '.', ' ', '\u{a0}']).collect();
    let grouped =
        groups.len() == 1 || (groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3));
    let digits: String = groups.concat();
    if !grouped
        || digits.is_empty()
        || !digits.chars().all(|c| c.is_ascii_digit())
        || digits.len() > 9
    {
        return Err(Msg("orders-licences-whole").into());
    }
    let n: i64 = digits.parse().map_err(|_| Msg("orders-licences-whole"))?;
    if n < i64::from(min) {
        return Err(crate::i18n::t_args(
            "orders-licences-min",
            &[("min", i64::from(min).into())],
        ));
    }
    if n > i64::from(max) {
        return Err(crate::i18n::t_args(
            "orders-licences-max",
            &[("max", i64::from(max).into())],
        ));
    }
    i32::try_from(n).map_err(|_| Msg("orders-licences-whole").into())
}

/// What kind of cloud service an offer is (the catalogue's filter).
#[derive(Clone, Copy, Debug, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum Category {
    /// Mail.
    Mail,
    /// Office suite.
    Office,
    /// Storage.
    Storage,
    /// Backup.
    Backup,
    /// Virtual desktop.
    Desktop,
    /// Security add-ons.
    Security,
    /// Identity.
    Identity,
    /// Collaboration.
    Collaboration,
}

impl Category {
    /// Every category, in the filter's order.
    pub const ALL: [Category; 8] = [
        Category::Mail,
        Category::Office,
        Category::Storage,
        Category::Backup,
        Category::Desktop,
        Category::Security,
        Category::Identity,
        Category::Collaboration,
    ];

    /// The filter's word (and the database's).
    pub fn code(self) -> &'static str {
        match self {
            Category::Mail => "mail",
            Category::Office => "office",
            Category::Storage => "storage",
            Category::Backup => "backup",
            Category::Desktop => "desktop",
            Category::Security => "security",
            Category::Identity => "identity",
            Category::Collaboration => "collaboration",
        }
    }

    /// Its catalogue key.
    pub fn label(self) -> Msg {
        match self {
            Category::Mail => Msg("cat-mail"),
            Category::Office => Msg("cat-office"),
            Category::Storage => Msg("cat-storage"),
            Category::Backup => Msg("cat-backup"),
            Category::Desktop => Msg("cat-desktop"),
            Category::Security => Msg("cat-security"),
            Category::Identity => Msg("cat-identity"),
            Category::Collaboration => Msg("cat-collaboration"),
        }
    }

    /// The category with this word.
    pub fn from_code(code: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// How often a subscription is billed and renewed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum BillingCycle {
    /// Every month.
    Monthly,
    /// Every year.
    Annual,
}

impl BillingCycle {
    /// The catalogue filter's word (and the database's).
    pub fn code(self) -> &'static str {
        match self {
            BillingCycle::Monthly => "monthly",
            BillingCycle::Annual => "annual",
        }
    }

    /// The day a subscription that started (or last renewed) on `from` renews.
    pub fn next_renewal(self, from: Date) -> Date {
        let (year, month) = match self {
            BillingCycle::Annual => (from.year() + 1, from.month()),
            BillingCycle::Monthly if from.month() == Month::December => {
                (from.year() + 1, Month::January)
            }
            BillingCycle::Monthly => (from.year(), from.month().next()),
        };
        let day = from.day().min(month.length(year));
        Date::from_calendar_date(year, month, day).unwrap_or(from)
    }

    /// Its catalogue key ("per month").
    pub fn label(self) -> Msg {
        match self {
            BillingCycle::Monthly => Msg("orders-cycle-monthly"),
            BillingCycle::Annual => Msg("orders-cycle-annual"),
        }
    }
}

/// Where a subscription stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum SubscriptionState {
    /// In use and billed.
    Active,
    /// Stopped for now (can be reactivated).
    Suspended,
    /// Ended for good.
    Cancelled,
}

/// What someone does to a subscription's state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StateChange {
    /// Stop it for now.
    Suspend,
    /// Start a suspended one again.
    Reactivate,
    /// End it for good.
    Cancel,
}

impl StateChange {
    /// From a form's word.
    pub fn parse(s: &str) -> Option<StateChange> {
        match s {
            "suspend" => Some(StateChange::Suspend),
            "reactivate" => Some(StateChange::Reactivate),
            "cancel" => Some(StateChange::Cancel),
            _ => None,
        }
    }

    /// The form's word (and audit action suffix).
    pub fn code(self) -> &'static str {
        match self {
            StateChange::Suspend => "suspend",
            StateChange::Reactivate => "reactivate",
            StateChange::Cancel => "cancel",
        }
    }
}

impl SubscriptionState {
    /// The database's word.
    pub fn code(self) -> &'static str {
        match self {
            SubscriptionState::Active => "active",
            SubscriptionState::Suspended => "suspended",
            SubscriptionState::Cancelled => "cancelled",
        }
    }

    /// Its catalogue key.
    pub fn label(self) -> Msg {
        match self {
            SubscriptionState::Active => Msg("orders-state-active"),
            SubscriptionState::Suspended => Msg("orders-state-suspended"),
            SubscriptionState::Cancelled => Msg("orders-state-cancelled"),
        }
    }

    /// The state after `change`, or `None` when it does not apply (suspending a suspended
    /// subscription, anything on a cancelled one).
    pub fn after(self, change: StateChange) -> Option<SubscriptionState> {
        use StateChange::*;
        use SubscriptionState::*;
        match (self, change) {
            (Active, Suspend) => Some(Suspended),
            (Suspended, Reactivate) => Some(Active),
            (Active | Suspended, Cancel) => Some(Cancelled),
            _ => None,
        }
    }

    /// Ended for good.
    pub fn is_cancelled(self) -> bool {
        self == SubscriptionState::Cancelled
    }

    /// In use.
    pub fn is_active(self) -> bool {
        self == SubscriptionState::Active
    }

    /// Its licence count may change (not while suspended or after cancelling).
    pub fn licences_can_change(self) -> bool {
        self == SubscriptionState::Active
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn exponents_come_from_iso_4217() {
        assert_eq!(exponent("EUR"), Some(2));
        assert_eq!(exponent("JPY"), Some(0));
        assert_eq!(exponent("KRW"), Some(0));
        assert_eq!(exponent("BHD"), Some(3));
        assert_eq!(exponent("XYZ"), None);
    }

    #[test]
    fn money_adds_and_multiplies_without_overflowing_silently() {
        let eur = Money::new(1150, "EUR").unwrap();
        assert_eq!(eur.times(3).unwrap().minor, 3450);
        assert_eq!(eur.plus(eur).unwrap().minor, 2300);
        assert!(eur.plus(Money::new(1, "USD").unwrap()).is_none());
        assert!(Money::new(i64::MAX, "EUR").unwrap().times(2).is_none());
        assert!(Money::new(1, "eur").is_none());
        assert!(Money::new(1, "EURO").is_none());
    }

    #[test]
    fn licences_must_be_a_whole_number_within_the_offers_limits() {
        assert_eq!(parse_licences(" 25 ", 1, 300), Ok(25));
        assert_eq!(parse_licences("1,000", 1, 5000), Ok(1000));
        for bad in [
            "",
            "0",
            "301",
            "-1",
            "2.5",
            "2.5x",
            "1,0000",
            "ten",
            "99999999999999",
        ] {
            assert!(parse_licences(bad, 1, 300).is_err(), "{bad}");
        }
        assert!(parse_licences("4", 5, 10).is_err());
    }

    #[test]
    fn renewals_fall_a_month_or_a_year_later_on_the_last_day_when_shorter() {
        let m = BillingCycle::Monthly;
        assert_eq!(m.next_renewal(date!(2026 - 01 - 31)), date!(2026 - 02 - 28));
        assert_eq!(m.next_renewal(date!(2026 - 12 - 15)), date!(2027 - 01 - 15));
        let a = BillingCycle::Annual;
        assert_eq!(a.next_renewal(date!(2028 - 02 - 29)), date!(2029 - 02 - 28));
    }

    #[test]
    fn each_party_sees_only_its_own_subscriptions() {
        let [provider, other_provider, customer, reseller, other] =
            [1u128, 2, 3, 4, 5].map(uuid::Uuid::from_u128);
        let serving = [(provider, Some(reseller)), (other_provider, None)];
        let sees = |who, support, from| {
            sees_subscription(Reader::Tenant(who), from, customer, support, &serving)
        };
        assert!(sees(provider, None, provider));
        assert!(sees(customer, None, other_provider));
        assert!(
            sees(reseller, None, provider),
            "its customer's, with its provider"
        );
        assert!(
            !sees(reseller, None, other_provider),
            "not another provider's"
        );
        assert!(
            sees(reseller, Some(reseller), other_provider),
            "its support contact"
        );
        assert!(!sees(other, None, provider));
        assert!(!sees(other_provider, None, provider));
        assert!(sees_subscription(
            Reader::Staff,
            provider,
            customer,
            None,
            &[]
        ));
    }

    #[test]
    fn only_sensible_state_changes_apply() {
        use StateChange::*;
        use SubscriptionState::*;
        assert_eq!(Active.after(Suspend), Some(Suspended));
        assert_eq!(Suspended.after(Reactivate), Some(Active));
        assert_eq!(Suspended.after(Cancel), Some(Cancelled));
        assert_eq!(Active.after(Reactivate), None);
        assert_eq!(Suspended.after(Suspend), None);
        assert_eq!(Cancelled.after(Reactivate), None);
        assert_eq!(Cancelled.after(Cancel), None);
    }
}
