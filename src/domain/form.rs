//! Validation errors keyed by form field, in the order they were found.

use serde::Serialize;

/// One problem with one field.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct FieldError {
    /// The field's `name` (and `id`) in the form.
    pub field: &'static str,
    /// What to tell the user.
    pub message: String,
}

/// Problems found in a submitted form; empty when it is valid.
#[derive(Clone, Debug, Default, Serialize)]
pub struct FormErrors {
    /// The errors in the order the fields appear on the page.
    pub items: Vec<FieldError>,
}

impl FormErrors {
    /// Records a problem with `field` (the first one per field wins).
    pub fn add(&mut self, field: &'static str, message: impl Into<String>) {
        if self.get(field).is_none() {
            self.items.push(FieldError {
                field,
                message: message.into(),
            });
        }
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
