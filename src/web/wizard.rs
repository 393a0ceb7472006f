//! What the enrollment wizards share: progress, the Back link, Change links that return to
//! the check page, and where a saved step leads.

use axum::response::Redirect;
use serde::Deserialize;

/// A wizard: its URL base and its steps in order (the last one is the check page).
pub struct Steps {
    /// URL of the wizard's start page; steps live under it.
    pub base: &'static str,
    /// Step names (URL segments), in order.
    pub names: &'static [&'static str],
}

/// Progress and navigation of one step.
pub struct Step {
    /// 1-based position.
    pub number: usize,
    /// Number of steps.
    pub total: usize,
    /// Where "Back" goes.
    pub back: String,
    /// "check" when the user came from the check-your-answers page.
    pub from: String,
}

impl Steps {
    /// Position of a step (unknown steps count as the first).
    pub fn index(&self, step: &str) -> usize {
        crate::domain::wizard::index(self.names, step)
    }

    /// The step `name`, opened from the check page when `from` is "check".
    pub fn step(&self, name: &str, from: &str) -> Step {
        let index = self.index(name);
        let from_check = from == "check";
        let back = if from_check {
            format!("{}/check", self.base)
        } else if index == 0 {
            self.base.to_owned()
        } else {
            format!("{}/{}", self.base, self.names[index - 1])
        };
        Step {
            number: index + 1,
            total: self.names.len(),
            back,
            from: if from_check {
                "check".into()
            } else {
                String::new()
            },
        }
    }

    /// After saving `current`: the next step, or back to the check page.
    pub fn after_save(&self, current: &str, from: &str) -> Redirect {
        if from == "check" {
            return Redirect::to(&format!("{}/check", self.base));
        }
        let next = self
            .names
            .get(self.index(current) + 1)
            .copied()
            .unwrap_or("check");
        Redirect::to(&format!("{}/{next}", self.base))
    }

    /// The furthest step reached once `current` is saved, given the furthest so far.
    pub fn reached(&self, so_far: &str, current: &str) -> &'static str {
        crate::domain::wizard::reached(self.names, so_far, current)
    }
}

/// `?from=check` on a step opened through a Change link.
#[derive(Debug, Default, Deserialize)]
pub struct FromQuery {
    /// "check" or empty.
    #[serde(default)]
    pub from: String,
    /// Present: the primary contact step fills in the signed-in user's name and address.
    #[serde(default)]
    pub me: Option<String>,
}

/// A step's form with its navigation field.
#[derive(Debug, Default, Deserialize)]
pub struct StepForm<T> {
    /// The step's answers.
    #[serde(flatten)]
    pub input: T,
    /// "check" or empty.
    #[serde(default)]
    pub from: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    const STEPS: Steps = Steps {
        base: "/w",
        names: &["a", "b", "check"],
    };

    #[test]
    fn steps_link_back_and_forward() {
        assert_eq!(STEPS.step("a", "").back, "/w");
        assert_eq!(STEPS.step("b", "").back, "/w/a");
        assert_eq!(STEPS.step("b", "check").back, "/w/check");
        assert_eq!(STEPS.step("b", "").number, 2);
        assert_eq!(STEPS.reached("a", "a"), "b");
        assert_eq!(STEPS.reached("check", "a"), "check");
        assert_eq!(STEPS.reached("a", "check"), "check");
    }
}
