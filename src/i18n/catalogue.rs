//! The Fluent catalogues, compiled in: `locales/<lang>/<area>.ftl`.

use super::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::borrow::Cow;
use std::sync::LazyLock;

/// The catalogue files of one area in every language, in [`Lang::ALL`] order.
macro_rules! areas {
    ($($area:literal),* $(,)?) => {
        &[$(
            ($area, [
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/en/", $area, ".ftl")),
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/de/", $area, ".ftl")),
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/zh-CN/", $area, ".ftl")),
            ]),
        )*]
    };
}

/// Every area's files. A test checks that this list and the folders agree.
pub(crate) const AREAS: &[(&str, [&str; 3])] = areas![
    "layout",
    "account",
    "messages",
    "dashboard",
    "enroll",
    "verify",
    "application",
    "email",
    "agreement",
    "password",
    "partners",
    "direct",
    "admin",
    "users",
    "profile",
    "customers",
    "orders"
];

struct Catalogue {
    bundle: FluentBundle<FluentResource>,
    keys: Vec<String>,
}

static CATALOGUES: LazyLock<[Catalogue; 3]> =
    LazyLock::new(|| Lang::ALL.map(|lang| build(lang).unwrap_or_else(|e| panic!("{e}"))));

fn build(lang: Lang) -> Result<Catalogue, String> {
    let id: unic_langid::LanguageIdentifier = lang
        .code()
        .parse()
        .map_err(|e| format!("language tag {lang}: {e:?}"))?;
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(false);
    let mut keys = Vec::new();
    for (area, files) in AREAS {
        let resource = FluentResource::try_new(files[lang.index()].to_owned())
            .map_err(|(_, errors)| format!("locales/{lang}/{area}.ftl: {errors:?}"))?;
        keys.extend(resource.entries().filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        }));
        bundle
            .add_resource(resource)
            .map_err(|errors| format!("locales/{lang}/{area}.ftl: {errors:?}"))?;
    }
    Ok(Catalogue { bundle, keys })
}

/// An argument of a message: text (a name, a formatted date or amount) or a number
/// (which also chooses the plural form).
#[derive(Clone, Debug)]
pub enum Arg {
    /// Text, inserted as it is.
    Text(String),
    /// A whole number.
    Number(i64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Number(n.into())
    }
}

/// The message `key` in `lang` with `args`. A key the language lacks falls back to
/// English (the completeness test keeps that from happening), and an unknown key shows
/// itself, so a mistake is visible, never a blank.
pub fn lookup(lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
    let catalogues = &*CATALOGUES;
    for catalogue in [&catalogues[lang.index()], &catalogues[Lang::En.index()]] {
        let bundle = &catalogue.bundle;
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            continue;
        };
        let fluent_args = (!args.is_empty()).then(|| {
            let mut a = FluentArgs::new();
            for (name, value) in args {
                let v: FluentValue = match value {
                    Arg::Text(s) => FluentValue::String(Cow::Owned(s.clone())),
                    Arg::Number(n) => FluentValue::from(*n),
                };
                a.set(*name, v);
            }
            a
        });
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, fluent_args.as_ref(), &mut errors);
        if !errors.is_empty() {
            tracing::warn!(key, lang = %lang, ?errors, "message formatted with errors");
        }
        return text.into_owned();
    }
    tracing::warn!(key, lang = %lang, "no such message");
    key.to_owned()
}

/// True when `lang`'s catalogue has `key` itself (no fallback).
pub fn has_key(lang: Lang, key: &str) -> bool {
    CATALOGUES[lang.index()].bundle.has_message(key)
}

/// Every key of `lang`'s catalogue, in file order.
pub fn all_keys(lang: Lang) -> &'static [String] {
    &CATALOGUES[lang.index()].keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_syntax::ast;
    use std::collections::{BTreeMap, BTreeSet};

    /// Every message of one language's files: key -> the variables it uses.
    fn messages(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
        let mut out = BTreeMap::new();
        for (area, files) in AREAS {
            let resource = fluent_syntax::parser::parse(files[lang.index()])
                .unwrap_or_else(|(_, e)| panic!("locales/{lang}/{area}.ftl: {e:?}"));
            for entry in resource.body {
                if let ast::Entry::Message(m) = entry {
                    let mut vars = BTreeSet::new();
                    if let Some(p) = &m.value {
                        pattern_vars(p, &mut vars);
                    }
                    let key = m.id.name.to_owned();
                    assert!(
                        out.insert(key.clone(), vars).is_none(),
                        "{key} twice in {lang}"
                    );
                }
            }
        }
        out
    }

    fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
        for element in &p.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_vars(expression, vars);
            }
        }
    }

    fn expression_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
        match e {
            ast::Expression::Select { selector, variants } => {
                inline_vars(selector, vars);
                for v in variants {
                    pattern_vars(&v.value, vars);
                }
            }
            ast::Expression::Inline(i) => inline_vars(i, vars),
        }
    }

    fn inline_vars(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
        match i {
            ast::InlineExpression::VariableReference { id } => {
                vars.insert(id.name.to_owned());
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline_vars(a, vars);
                }
            }
            ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
            _ => {}
        }
    }

    #[test]
    fn every_language_has_every_key_with_the_same_variables() {
        let english = messages(Lang::En);
        assert!(english.len() > 50, "the English catalogue is loaded");
        for lang in [Lang::De, Lang::ZhCn] {
            let other = messages(lang);
            let missing: Vec<_> = english.keys().filter(|k| !other.contains_key(*k)).collect();
            let extra: Vec<_> = other.keys().filter(|k| !english.contains_key(*k)).collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
            assert!(extra.is_empty(), "{lang} has keys English lacks: {extra:?}");
            for (key, vars) in &english {
                assert_eq!(&other[key], vars, "variables of {key} in {lang}");
            }
        }
    }

    #[test]
    fn the_compiled_areas_are_exactly_the_files_in_each_folder() {
        let listed: BTreeSet<String> = AREAS.iter().map(|(a, _)| format!("{a}.ftl")).collect();
        for lang in Lang::ALL {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("locales")
                .join(lang.code());
            let files: BTreeSet<String> = std::fs::read_dir(&dir)
                .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".ftl"))
                .collect();
            assert_eq!(files, listed, "locales/{lang}");
        }
    }

    #[test]
    fn every_catalogue_parses_and_formats_without_errors() {
        for lang in Lang::ALL {
            let catalogue = &CATALOGUES[lang.index()];
            assert_eq!(catalogue.keys.len(), all_keys(Lang::En).len());
            for key in &catalogue.keys {
                assert!(has_key(lang, key));
            }
        }
        assert_eq!(
            lookup(Lang::De, "error-status", &[("status", Arg::Number(404))]),
            "(Status 404)"
        );
        assert_eq!(lookup(Lang::ZhCn, "no-such-key", &[]), "no-such-key");
    }
}
