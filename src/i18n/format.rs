//! Dates, numbers and money in the current language, from CLDR through ICU4X (the Unicode
//! Consortium's own Rust implementation, with its data compiled in): "3 December 2026",
//! "3. Dezember 2026", "2026年12月3日"; "300,000" / "300.000"; "US$300,000.00",
//! "300.000,00 US$", "US$300,000.00". English is British English (en-GB), the portal's
//! English so far: day before month, 24-hour clock.

use super::{Lang, current};
use icu::calendar::Date as IcuDate;
use icu::calendar::cal::Gregorian;
use icu::datetime::FixedCalendarDateTimeFormatter;
use icu::datetime::fieldsets::{YMD, YMDT};
use icu::datetime::input::{DateTime, Time};
use icu::datetime::options::TimePrecision;
use icu::decimal::DecimalFormatter;
use icu::decimal::input::Decimal;
use icu::experimental::dimension::currency::CurrencyCode;
use icu::experimental::dimension::currency::formatter::CurrencyFormatter;
use icu::locale::{Locale, locale};
use std::sync::OnceLock;
use writeable::Writeable;

fn icu_locale(lang: Lang) -> Locale {
    match lang {
        Lang::En => locale!("en-GB"),
        Lang::De => locale!("de"),
        Lang::ZhCn => locale!("zh-CN"),
    }
}

/// One formatter of each kind per language, made on first use.
struct Formatters {
    date: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
    date_time: FixedCalendarDateTimeFormatter<Gregorian, YMDT>,
    decimal: DecimalFormatter,
    currency: CurrencyFormatter,
}

fn formatters(lang: Lang) -> &'static Formatters {
    static ALL: [OnceLock<Formatters>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    ALL[lang.index()].get_or_init(|| {
        let locale = icu_locale(lang);
        // The compiled-in data covers the three locales; failing here is a build defect.
        // Gregorian dates in every language: the fixed-calendar formatter.
        Formatters {
            date: FixedCalendarDateTimeFormatter::try_new(locale.clone().into(), YMD::long())
                .expect("CLDR date data for the portal's languages"),
            date_time: FixedCalendarDateTimeFormatter::try_new(
                locale.clone().into(),
                YMDT::medium().with_time_precision(TimePrecision::Minute),
            )
            .expect("CLDR date-time data for the portal's languages"),
            decimal: DecimalFormatter::try_new(locale.clone().into(), Default::default())
                .expect("CLDR number data for the portal's languages"),
            currency: CurrencyFormatter::try_new(locale.into(), Default::default())
                .expect("CLDR currency data for the portal's languages"),
        }
    })
}

fn gregorian(d: time::Date) -> Option<IcuDate<Gregorian>> {
    IcuDate::try_new_gregorian(d.year(), u8::from(d.month()), d.day()).ok()
}

/// A calendar date: "3 December 2026", "3. Dezember 2026", "2026年12月3日".
pub fn date(d: time::Date) -> String {
    date_in(current(), d)
}

/// A calendar date in `lang`.
pub fn date_in(lang: Lang, d: time::Date) -> String {
    match gregorian(d) {
        Some(icu) => formatters(lang).date.format(&icu).to_string(),
        None => d.to_string(),
    }
}

/// A moment, in UTC and saying so: "3 Dec 2026, 05:33 UTC", "03.12.2026, 05:33 UTC",
/// "2026年12月3日 05:33 UTC".
pub fn date_time(t: time::OffsetDateTime) -> String {
    date_time_in(current(), t)
}

/// A moment in `lang`.
pub fn date_time_in(lang: Lang, t: time::OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    let Some(date) = gregorian(t.date()) else {
        return t.to_string();
    };
    let Ok(time) = Time::try_new(t.hour(), t.minute(), t.second(), 0) else {
        return t.to_string();
    };
    let formatted = formatters(lang).date_time.format(&DateTime { date, time });
    format!("{formatted} UTC")
}

/// A whole number with the language's grouping: "300,000", "300.000".
pub fn number(n: i64) -> String {
    formatters(current())
        .decimal
        .format(&Decimal::from(n))
        .to_string()
}

/// An amount held in minor units with `exponent` minor digits, as a plain number in the
/// current language, for a form field: "300,000.50", "300.000,50".
pub fn amount(minor: i64, exponent: u8) -> String {
    let mut value = Decimal::from(minor);
    value.multiply_pow10(-i16::from(exponent));
    formatters(current()).decimal.format(&value).to_string()
}

/// An amount of money held in minor units of `currency` (ISO 4217), which has `exponent`
/// minor digits (2 for USD, 0 for JPY): "US$300,000.00", "300.000,00 US$", "JP¥4,500".
pub fn money(minor: i64, currency: &str, exponent: u8) -> String {
    money_in(current(), minor, currency, exponent)
}

/// An amount of money in `lang`.
pub fn money_in(lang: Lang, minor: i64, currency: &str, exponent: u8) -> String {
    let mut value = Decimal::from(minor);
    value.multiply_pow10(-i16::from(exponent));
    let Ok(code) = tinystr::TinyAsciiStr::<3>::try_from_str(currency) else {
        return format!("{currency} {}", formatters(lang).decimal.format(&value));
    };
    let mut out = String::new();
    let _ = formatters(lang)
        .currency
        .format_fixed_decimal(&value, CurrencyCode(code))
        .write_to(&mut out);
    disambiguate(lang, currency, out)
}

/// CLDR's German data writes US dollars and yen as a bare "$" and "¥". The portal shows
/// amounts in every market's currency side by side (AU$, CA$, NZ$, CN¥...), where a bare
/// sign could be any of them, so German gets the international signs the English and
/// Chinese data already use: "300.000,00 US$" (as the program's German documents write
/// it). Chinese keeps "¥" for its own yuan, as CLDR has it.
fn disambiguate(lang: Lang, currency: &str, formatted: String) -> String {
    let (bare, clear) = match currency {
        "USD" => ('$', "US$"),
        "JPY" => ('¥', "JP¥"),
        _ => return formatted,
    };
    if lang == Lang::De && !formatted.contains(clear) {
        formatted.replacen(bare, clear, 1)
    } else {
        formatted
    }
}

/// Compares two names in the language's alphabetical order (CLDR collation: German
/// "Ä" beside "A", Chinese by pinyin).
pub fn compare(lang: Lang, a: &str, b: &str) -> std::cmp::Ordering {
    static ALL: [OnceLock<icu::collator::CollatorBorrowed<'static>>; 3] =
        [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    ALL[lang.index()]
        .get_or_init(|| {
            icu::collator::CollatorBorrowed::try_new(icu_locale(lang).into(), Default::default())
                .expect("CLDR collation data for the portal's languages")
        })
        .compare(a, b)
}

/// The language's decimal separator as people type it ("." or ",").
pub fn decimal_separator(lang: Lang) -> char {
    match lang {
        Lang::De => ',',
        Lang::En | Lang::ZhCn => '.',
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn dates_follow_each_language() {
        let d = date!(2026 - 12 - 03);
        assert_eq!(date_in(Lang::En, d), "3 December 2026");
        assert_eq!(date_in(Lang::De, d), "3. Dezember 2026");
        assert_eq!(date_in(Lang::ZhCn, d), "2026年12月3日");
    }

    #[test]
    fn moments_are_shown_in_utc_to_the_minute() {
        let t = datetime!(2026-12-03 06:33:20 +01:00);
        assert_eq!(date_time_in(Lang::En, t), "3 Dec 2026, 05:33 UTC");
        assert_eq!(date_time_in(Lang::De, t), "03.12.2026, 05:33 UTC");
        assert_eq!(date_time_in(Lang::ZhCn, t), "2026年12月3日 05:33 UTC");
    }

    #[test]
    fn money_uses_the_currency_exponent_and_the_language_pattern() {
        assert_eq!(money_in(Lang::En, 30_000_000, "USD", 2), "US$300,000.00");
        assert_eq!(
            money_in(Lang::De, 30_000_000, "USD", 2),
            "300.000,00\u{a0}US$"
        );
        assert_eq!(money_in(Lang::ZhCn, 30_000_000, "USD", 2), "US$300,000.00");
        assert_eq!(money_in(Lang::En, 4_500, "JPY", 0), "JP¥4,500");
        assert_eq!(money_in(Lang::De, 123_456, "EUR", 2), "1.234,56\u{a0}€");
        assert_eq!(money_in(Lang::De, 4_500, "JPY", 0), "4.500\u{a0}JP¥");
        assert_eq!(money_in(Lang::ZhCn, 4_500, "CNY", 2), "¥45.00");
    }

    #[test]
    fn numbers_are_grouped_per_language() {
        let n = 1_234_567;
        assert_eq!(sync(Lang::En, || number(n)), "1,234,567");
        assert_eq!(sync(Lang::De, || number(n)), "1.234.567");
        assert_eq!(sync(Lang::ZhCn, || number(n)), "1,234,567");
    }

    #[test]
    fn names_sort_by_each_language() {
        let mut de = vec!["Österreich", "Oman", "Ägypten", "Zypern"];
        de.sort_by(|a, b| compare(Lang::De, a, b));
        assert_eq!(de, ["Ägypten", "Oman", "Österreich", "Zypern"]);
        let mut zh = vec!["中国", "爱尔兰", "德国"];
        zh.sort_by(|a, b| compare(Lang::ZhCn, a, b));
        assert_eq!(zh, ["爱尔兰", "德国", "中国"]);
    }

    fn sync<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
        crate::i18n::sync_scope(lang, f)
    }
}
