//! The portal's three languages (issue 14): English, German and Simplified Chinese.
//!
//! Every sentence a user reads lives in a Project Fluent catalogue under `locales/<lang>/`,
//! one file per area, compiled into the binary. The crate is `fluent-bundle` (the reference
//! implementation of Fluent, by Project Fluent) behind this small module rather than
//! `fluent-templates`: the portal needs three fixed languages, lookups by key with
//! arguments, and a list of every key for the completeness test; a loader, language
//! negotiation and file watching would be weight without use. Bidi isolation marks are off:
//! the portal has no right-to-left language and the marks would end up in e-mail subjects.
//!
//! The language of the request being handled is a task-local value, set by
//! `web::middleware::language` from
//! the visitor's choice (cookie) or `Accept-Language`, and by the signed-in account's saved
//! language; templates call the `t` filter (`{{ "key"|t }}`), code calls [`t`] or returns
//! a [`Msg`]. Outside a request (the outbox worker) the language is set with [`scope`] or
//! [`sync_scope`] for the recipient; without one it is English.

mod catalogue;
pub mod filters;
pub mod format;

pub use catalogue::{Arg, all_keys, has_key, lookup};
use std::cell::Cell;
use std::fmt;

/// A language the portal speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English (the catalogue every other one is checked against).
    #[default]
    En,
    /// German, formal "Sie".
    De,
    /// Simplified Chinese (mainland forms).
    ZhCn,
}

impl Lang {
    /// Every language, in the order the language switch lists them.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::De, Lang::ZhCn];

    /// BCP 47 tag: the catalogue folder, the `lang` attribute, the stored choice.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// The language's name in itself, for the switch (the same in every catalogue).
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "Deutsch",
            Lang::ZhCn => "简体中文",
        }
    }

    /// Index into per-language tables.
    pub(crate) fn index(self) -> usize {
        match self {
            Lang::En => 0,
            Lang::De => 1,
            Lang::ZhCn => 2,
        }
    }

    /// A language tag as a browser or a form sends it: `de`, `de-AT`, `zh`, `zh-Hans-CN`,
    /// `EN-gb`... Chinese in traditional script (`zh-TW`, `zh-Hant`) is read in simplified
    /// characters rather than in English.
    pub fn parse(tag: &str) -> Option<Lang> {
        let tag = tag.trim();
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "de" => Some(Lang::De),
            "zh" => Some(Lang::ZhCn),
            _ => None,
        }
    }

    /// The best of the portal's languages for an `Accept-Language` header: the highest
    /// quality first, the header's order between equals; `None` when none is acceptable.
    pub fn negotiate(accept_language: &str) -> Option<Lang> {
        let mut best: Option<(f32, Lang)> = None;
        for item in accept_language.split(',').take(32) {
            let mut parts = item.split(';');
            let Some(lang) = parts.next().and_then(Lang::parse) else {
                continue;
            };
            let q = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if !(q > 0.0 && q <= 1.0) {
                continue;
            }
            if best.is_none_or(|(b, _)| q > b) {
                best = Some((q, lang));
            }
        }
        best.map(|(_, lang)| lang)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

tokio::task_local! {
    static CURRENT: Cell<Lang>;
    static PINNED: bool;
}

/// The language of the request (or e-mail) being handled; English outside any.
pub fn current() -> Lang {
    CURRENT.try_with(Cell::get).unwrap_or_default()
}

/// Changes the language for the rest of the request being handled (a signed-in account's
/// saved language overrides the browser's). Without a scope, or when the request itself
/// asked for a language (see [`scope_pinned`]), it does nothing.
pub fn set_current(lang: Lang) {
    if PINNED.try_with(|p| *p).unwrap_or(false) {
        return;
    }
    let _ = CURRENT.try_with(|c| c.set(lang));
}

/// Runs `work` in `lang`, which nothing inside may change: a page opened in the language
/// its link asked for (`?lang=de`) stays in it even for a signed-in account.
pub async fn scope_pinned<F: Future>(lang: Lang, work: F) -> F::Output {
    PINNED
        .scope(true, CURRENT.scope(Cell::new(lang), work))
        .await
}

/// Runs `work` in `lang` (and in UTC until [`format::set_zone`] names the reader's time
/// zone).
pub async fn scope<F: Future>(lang: Lang, work: F) -> F::Output {
    format::zone_scope(CURRENT.scope(Cell::new(lang), work)).await
}

/// Runs `work` in `lang`, synchronously (rendering an e-mail).
pub fn sync_scope<R>(lang: Lang, work: impl FnOnce() -> R) -> R {
    CURRENT.sync_scope(Cell::new(lang), work)
}

/// The message `key` in the current language.
pub fn t(key: &str) -> String {
    lookup(current(), key, &[])
}

/// The message `key` with arguments, in the current language.
pub fn t_args(key: &str, args: &[(&str, Arg)]) -> String {
    lookup(current(), key, args)
}

/// A message produced by code (a validation error, a flash): its catalogue key. Turned
/// into text in the current language where it becomes a `String` or is displayed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Msg(pub &'static str);

impl Msg {
    /// The catalogue key.
    pub fn key(self) -> &'static str {
        self.0
    }
}

impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&t(self.0))
    }
}

impl From<Msg> for String {
    fn from(m: Msg) -> String {
        t(m.0)
    }
}

/// A `String` holding a message equals the message in the current language (so tests can
/// compare a validation result with the constant).
impl PartialEq<Msg> for String {
    fn eq(&self, other: &Msg) -> bool {
        *self == t(other.0)
    }
}

impl PartialEq<Msg> for &str {
    fn eq(&self, other: &Msg) -> bool {
        *self == t(other.0)
    }
}

/// The cookie that keeps a visitor's chosen language (a preference, not a session: it
/// survives signing out and costs no database row for anonymous visitors).
pub const COOKIE: &str = "pp_lang";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_read_by_their_primary_language() {
        assert_eq!(Lang::parse("de-AT"), Some(Lang::De));
        assert_eq!(Lang::parse("zh-Hans-CN"), Some(Lang::ZhCn));
        assert_eq!(Lang::parse("zh_TW"), Some(Lang::ZhCn));
        assert_eq!(Lang::parse("EN-gb"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn accept_language_picks_the_highest_quality_the_portal_speaks() {
        assert_eq!(
            Lang::negotiate("fr-CH, fr;q=0.9, de;q=0.8, en;q=0.7"),
            Some(Lang::De)
        );
        assert_eq!(Lang::negotiate("en;q=0.5, zh-CN;q=0.9"), Some(Lang::ZhCn));
        assert_eq!(
            Lang::negotiate("de, en"),
            Some(Lang::De),
            "order between equals"
        );
        assert_eq!(Lang::negotiate("de;q=0, en;q=0.1"), Some(Lang::En));
        assert_eq!(Lang::negotiate("fr, es"), None);
        assert_eq!(Lang::negotiate("de;q=abc"), Some(Lang::De));
        assert_eq!(Lang::negotiate(""), None);
    }

    #[test]
    fn the_language_is_english_outside_a_request_and_follows_its_scope() {
        assert_eq!(current(), Lang::En);
        let inside = sync_scope(Lang::De, || {
            let before = current();
            set_current(Lang::ZhCn);
            (before, current())
        });
        assert_eq!(inside, (Lang::De, Lang::ZhCn));
        assert_eq!(current(), Lang::En);
    }
}
