//! Validation errors keyed by form field, in the order they were found, and the one rule
//! every text answer obeys: no control characters other than tab and line breaks.

use crate::messages;
use serde::Serialize;
use std::borrow::Cow;
use std::cell::RefCell;

/// One problem with one field.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct FieldError {
    /// The field's `name` (and `id`) in the form.
    pub field: Cow<'static, str>,
    /// What to tell the user.
    pub message: String,
}

/// Problems found in a submitted form; empty when it is valid.
#[derive(Clone, Debug, Serialize)]
pub struct FormErrors {
    /// The errors in the order the fields appear on the page.
    pub items: Vec<FieldError>,
}

tokio::task_local! {
    /// Fields of the form being handled whose text broke [`is_refused_in_text`], noted by
    /// the form layer as it reads the form (their characters already removed).
    static REFUSED_TEXT: RefCell<Vec<String>>;
}

/// Runs `work` (the handling of one request) with room to note refused text in its form.
pub async fn with_form_checks<F: Future>(work: F) -> F::Output {
    REFUSED_TEXT.scope(RefCell::new(Vec::new()), work).await
}

/// Notes that `field` of the form being handled held refused characters.
pub fn note_refused_text(field: &str) {
    let _ = REFUSED_TEXT.try_with(|fields| fields.borrow_mut().push(field.to_owned()));
}

/// What the user is told beside a field whose answer held refused characters.
pub const REFUSED_TEXT_MESSAGE: messages::Msg = messages::ANSWER_CONTAINS_CHARACTERS_CANNOT;

/// True for characters no text answer may hold: control characters other than tab, line
/// feed and carriage return (PostgreSQL cannot even store NUL).
pub fn is_refused_in_text(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

impl Default for FormErrors {
    /// No errors, except one beside every field of this request's form that held refused
    /// characters: so every handler that validates its form reports them, one rule for all.
    fn default() -> Self {
        let mut errors = FormErrors { items: Vec::new() };
        let _ = REFUSED_TEXT.try_with(|fields| {
            for field in fields.borrow().iter() {
                errors.add(field.clone(), REFUSED_TEXT_MESSAGE);
            }
        });
        errors
    }
}

impl FormErrors {
    /// Errors with one message, beside `field`.
    pub fn single(field: impl Into<Cow<'static, str>>, message: impl Into<String>) -> Self {
        let mut errors = Self::default();
        errors.add(field, message);
        errors
    }

    /// Records a problem with `field` (the first one per field wins).
    pub fn add(&mut self, field: impl Into<Cow<'static, str>>, message: impl Into<String>) {
        let field = field.into();
        if self.get(&field).is_none() {
            self.items.push(FieldError {
                field,
                message: message.into(),
            });
        }
    }

    /// The error summary's lines: each message once (linking to the first field that has
    /// it), in the order the fields appear; the message beside each field stays.
    pub fn summary(&self) -> Vec<&FieldError> {
        let mut seen: Vec<&str> = Vec::new();
        self.items
            .iter()
            .filter(|e| {
                let fresh = !seen.contains(&e.message.as_str());
                seen.push(&e.message);
                fresh
            })
            .collect()
    }

    /// The message for `field`, if it has one.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.items
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }

    /// True when no field has a problem.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Records the error of `result` against `field` and returns its value.
    pub fn check<T>(&mut self, field: &'static str, result: Result<T, String>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(message) => {
                self.add(field, message);
                None
            }
        }
    }
}

/// True for the Unicode characters that reorder text (bidirectional marks, embeddings,
/// overrides and isolates): shown as-is they can disguise a name.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A day as a date field sends it (`2026-12-03`, ISO 8601), surrounding spaces ignored.
pub fn parse_day(typed: &str) -> Result<time::Date, time::error::Parse> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(typed.trim(), &format)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_says_each_message_once() {
        let mut e = FormErrors { items: Vec::new() };
        e.add("first_name", "Enter a name");
        e.add("last_name", "Enter a name");
        e.add("email", "Enter an e-mail address");
        let lines: Vec<_> = e.summary().iter().map(|l| l.field.to_string()).collect();
        assert_eq!(lines, vec!["first_name", "email"]);
        assert_eq!(e.get("last_name"), Some("Enter a name"));
    }

    #[test]
    fn keeps_the_first_message_per_field_in_order() {
        let mut errors = FormErrors::default();
        errors.add("email", "first");
        errors.add("name", "other");
        errors.add("email", "second");
        assert_eq!(errors.get("email"), Some("first"));
        assert_eq!(errors.items.len(), 2);
        assert_eq!(errors.items[1].field, "name");
        assert!(!errors.is_empty());
    }

    #[test]
    fn refused_text_is_reported_beside_its_field_inside_a_form_check() {
        assert!(is_refused_in_text('\u{0}'));
        assert!(is_refused_in_text('\u{7}'));
        assert!(!is_refused_in_text('\n'));
        assert!(!is_refused_in_text('\t'));
        assert!(!is_refused_in_text('é'));
        assert!(FormErrors::default().is_empty(), "outside a request");
        let errors = futures_util::FutureExt::now_or_never(with_form_checks(async {
            note_refused_text("organisation");
            FormErrors::default()
        }))
        .unwrap();
        assert_eq!(
            errors.get("organisation"),
            Some(REFUSED_TEXT_MESSAGE.to_string().as_str())
        );
    }
}
