//! The template side of the catalogues: `{{ "key"|t }}` in the current language, with up
//! to three arguments (`{{ "key"|t1("name", value) }}`). Every module that defines
//! templates imports this module as `filters`.
//!
//! `t*` output is escaped by askama like any text. `t*_html` is for the catalogue's own
//! markup (a link inside a sentence): the message is trusted, its arguments are not, so
//! they are escaped before they are put in.

use super::{Arg, current, lookup};
use askama::filters::Safe;
use askama::{Result, Values};
use std::fmt::Display;

fn arg(value: impl Display) -> Arg {
    Arg::Text(value.to_string())
}

fn escaped(value: impl Display) -> Arg {
    let mut out = String::new();
    for c in value.to_string().chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            c => out.push(c),
        }
    }
    Arg::Text(out)
}

/// The message `key`.
#[askama::filter_fn]
pub fn t(key: impl Display, _: &dyn Values) -> Result<String> {
    Ok(lookup(current(), &key.to_string(), &[]))
}

/// The message `key` with one argument.
#[askama::filter_fn]
pub fn t1<V: Display>(key: impl Display, _: &dyn Values, name: &str, value: V) -> Result<String> {
    Ok(lookup(current(), &key.to_string(), &[(name, arg(value))]))
}

/// The message `key` with two arguments.
#[askama::filter_fn]
pub fn t2<V: Display, W: Display>(
    key: impl Display,
    _: &dyn Values,
    name: &str,
    value: V,
    name2: &str,
    value2: W,
) -> Result<String> {
    Ok(lookup(
        current(),
        &key.to_string(),
        &[(name, arg(value)), (name2, arg(value2))],
    ))
}

/// The message `key` with three arguments.
#[askama::filter_fn]
#[allow(clippy::too_many_arguments)]
pub fn t3<V: Display, W: Display, X: Display>(
    key: impl Display,
    _: &dyn Values,
    name: &str,
    value: V,
    name2: &str,
    value2: W,
    name3: &str,
    value3: X,
) -> Result<String> {
    Ok(lookup(
        current(),
        &key.to_string(),
        &[
            (name, arg(value)),
            (name2, arg(value2)),
            (name3, arg(value3)),
        ],
    ))
}

/// The message `key` with a count, which also chooses its plural form.
#[askama::filter_fn]
pub fn tn(key: impl Display, _: &dyn Values, name: &str, count: &i64) -> Result<String> {
    Ok(lookup(
        current(),
        &key.to_string(),
        &[(name, Arg::Number(*count))],
    ))
}

/// The message `key`, whose markup is the catalogue's own.
#[askama::filter_fn]
pub fn t_html(key: impl Display, _: &dyn Values) -> Result<Safe<String>> {
    Ok(Safe(lookup(current(), &key.to_string(), &[])))
}

/// The message `key` with markup of its own and one (escaped) argument.
#[askama::filter_fn]
pub fn t1_html<V: Display>(
    key: impl Display,
    _: &dyn Values,
    name: &str,
    value: V,
) -> Result<Safe<String>> {
    Ok(Safe(lookup(
        current(),
        &key.to_string(),
        &[(name, escaped(value))],
    )))
}

/// The message `key` with markup of its own and two (escaped) arguments.
#[askama::filter_fn]
pub fn t2_html<V: Display, W: Display>(
    key: impl Display,
    _: &dyn Values,
    name: &str,
    value: V,
    name2: &str,
    value2: W,
) -> Result<Safe<String>> {
    Ok(Safe(lookup(
        current(),
        &key.to_string(),
        &[(name, escaped(value)), (name2, escaped(value2))],
    )))
}

/// The message `key` in `lang` rather than the current language (the pointers to a page
/// in the other languages are written in those languages).
#[askama::filter_fn]
pub fn t_in(key: impl Display, _: &dyn Values, lang: &crate::i18n::Lang) -> Result<String> {
    Ok(lookup(*lang, &key.to_string(), &[]))
}

/// A moment in the current language and the reader's time zone ("3 December 2026, 06:33 CET").
#[askama::filter_fn]
pub fn when(t: &time::OffsetDateTime, _: &dyn Values) -> Result<String> {
    Ok(crate::i18n::format::date_time(*t))
}

/// The current language's tag, for `<html lang>`.
#[askama::filter_fn]
pub fn lang_code(_unused: impl Display, _: &dyn Values) -> Result<&'static str> {
    Ok(current().code())
}
