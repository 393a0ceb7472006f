//! Dates, numbers and money in the current language, from CLDR through ICU4X (the Unicode
//! Consortium's own Rust implementation, with its data compiled in): "3 December 2026",
//! "3. Dezember 2026", "2026年12月3日"; "300,000" / "300.000"; "US$300,000.00",
//! "300.000,00 US$", "US$300,000.00". English is British English (en-GB), the portal's
//! English so far: day before month, 24-hour clock.

use super::{Lang, current};
use icu::calendar::Date as IcuDate;
use icu::calendar::cal::Gregorian;
use icu::datetime::FixedCalendarDateTimeFormatter;
use icu::datetime::fieldsets::YMD;
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

tokio::task_local! {
    /// The reader's time zone, for the request being handled.
    static ZONE: std::cell::RefCell<Option<jiff::tz::TimeZone>>;
}

/// Runs `work` with a time zone of its own (UTC until [`set_zone`]).
pub async fn zone_scope<F: std::future::Future>(work: F) -> F::Output {
    ZONE.scope(std::cell::RefCell::new(None), work).await
}

/// Shows the rest of the request's times in the IANA time zone `name` (the signed-in
/// organisation's); an unknown name leaves UTC.
pub fn set_zone(name: &str) {
    let zone = time_zone(name);
    let _ = ZONE.try_with(|z| *z.borrow_mut() = zone);
}

/// The IANA time zone `name`, from the database compiled into the portal.
pub fn time_zone(name: &str) -> Option<jiff::tz::TimeZone> {
    jiff::tz::db().get(name).ok()
}

/// The time zones to choose from, sorted: the IANA names of the continents and oceans
/// (not the country aliases such as `US/Eastern`), and UTC.
pub fn time_zone_names() -> Vec<String> {
    const AREAS: &[&str] = &[
        "Africa/",
        "America/",
        "Antarctica/",
        "Arctic/",
        "Asia/",
        "Atlantic/",
        "Australia/",
        "Europe/",
        "Indian/",
        "Pacific/",
    ];
    let mut names: Vec<String> = jiff::tz::db()
        .available()
        .map(|n| n.as_str().to_owned())
        .filter(|n| AREAS.iter().any(|area| n.starts_with(area)))
        .collect();
    names.push("UTC".to_owned());
    names.sort();
    names.dedup();
    names
}

/// A moment in the reader's time zone (UTC outside a signed-in request), with the same
/// date as [`date`] and the zone's abbreviation: "3 December 2026, 06:33 CET",
/// "3. Dezember 2026, 06:33 CET", "2026年12月3日 14:33 CST".
pub fn date_time(t: time::OffsetDateTime) -> String {
    let zone = ZONE.try_with(|z| z.borrow().clone()).ok().flatten();
    date_time_in_zone(current(), t, zone.as_ref())
}

/// A moment in `lang`, in UTC and saying so (e-mails, which may reach other time zones).
pub fn date_time_in(lang: Lang, t: time::OffsetDateTime) -> String {
    date_time_in_zone(lang, t, None)
}

/// A moment in UTC in the current language.
pub fn date_time_utc(t: time::OffsetDateTime) -> String {
    date_time_in(current(), t)
}

/// A moment in `lang` and `zone` (none: UTC).
pub fn date_time_in_zone(
    lang: Lang,
    t: time::OffsetDateTime,
    zone: Option<&jiff::tz::TimeZone>,
) -> String {
    let utc = t.to_offset(time::UtcOffset::UTC);
    let (local, abbreviation) = match zone.and_then(|z| {
        let at = jiff::Timestamp::from_second(utc.unix_timestamp()).ok()?;
        let info = z.to_offset_info(at);
        let local =
            utc.to_offset(time::UtcOffset::from_whole_seconds(info.offset().seconds()).ok()?);
        Some((local, info.abbreviation().to_owned()))
    }) {
        Some(found) => found,
        None => (utc, "UTC".to_owned()),
    };
    let day = date_in(lang, local.date());
    let separator = match lang {
        Lang::ZhCn => " ",
        _ => ", ",
    };
    format!(
        "{day}{separator}{:02}:{:02} {abbreviation}",
        local.hour(),
        local.minute()
    )
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
    fn moments_have_the_same_date_as_days_and_say_their_zone() {
        let t = datetime!(2026-12-03 06:33:20 +01:00);
        assert_eq!(date_time_in(Lang::En, t), "3 December 2026, 05:33 UTC");
        assert_eq!(date_time_in(Lang::De, t), "3. Dezember 2026, 05:33 UTC");
        assert_eq!(date_time_in(Lang::ZhCn, t), "2026年12月3日 05:33 UTC");
        let berlin = time_zone("Europe/Berlin");
        let shanghai = time_zone("Asia/Shanghai");
        let new_york = time_zone("America/New_York");
        let at = |lang, t, z: &Option<jiff::tz::TimeZone>| date_time_in_zone(lang, t, z.as_ref());
        assert_eq!(at(Lang::De, t, &berlin), "3. Dezember 2026, 06:33 CET");
        assert_eq!(at(Lang::ZhCn, t, &shanghai), "2026年12月3日 13:33 CST");
        // The next day in Shanghai, the day before in New York; summer time in Berlin.
        let late = datetime!(2026-07-01 23:10 UTC);
        assert_eq!(at(Lang::En, late, &shanghai), "2 July 2026, 07:10 CST");
        assert_eq!(at(Lang::En, late, &berlin), "2 July 2026, 01:10 CEST");
        assert_eq!(at(Lang::En, late, &new_york), "1 July 2026, 19:10 EDT");
        assert!(time_zone("Mars/Olympus").is_none());
        assert!(time_zone_names().iter().any(|n| n == "Europe/Berlin"));
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
