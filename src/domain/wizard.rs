//! Step progression of the enrollment wizards.

/// Position of `step` among `names` (unknown steps count as the first).
pub fn index(names: &[&'static str], step: &str) -> usize {
    names.iter().position(|s| *s == step).unwrap_or(0)
}

/// The furthest step reached once `current` is saved, given the furthest so far.
pub fn reached(names: &[&'static str], so_far: &str, current: &str) -> &'static str {
    let furthest = index(names, so_far).max(index(names, current) + 1);
    names[furthest.min(names.len() - 1)]
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: [&str; 3] = ["a", "b", "check"];

    #[test]
    fn saving_a_step_reaches_the_next_and_never_goes_back() {
        assert_eq!(reached(&NAMES, "a", "a"), "b");
        assert_eq!(reached(&NAMES, "check", "a"), "check");
        assert_eq!(reached(&NAMES, "a", "b"), "check");
        assert_eq!(reached(&NAMES, "nonsense", "check"), "check");
    }
}
