//! Business days, for how long applications have waited.

use time::{Date, Weekday};

/// Whole business days (Monday to Friday) from `from` to `to`, not counting `from`'s day.
/// Zero when `to` is not after `from`.
pub fn business_days_between(from: Date, to: Date) -> i64 {
    if to <= from {
        return 0;
    }
    let days = (to - from).whole_days();
    let full_weeks = days / 7;
    let mut count = full_weeks * 5;
    let mut day = from + time::Duration::days(full_weeks * 7);
    while day < to {
        day = day.next_day().unwrap_or(day);
        if !matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday) {
            count += 1;
        }
    }
    count
}

/// Applications waiting longer than this many business days are flagged.
pub const REVIEW_FLAG_AFTER_BUSINESS_DAYS: i64 = 5;

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn weekends_do_not_count() {
        // 2026-11-20 is a Friday.
        assert_eq!(
            business_days_between(date!(2026 - 11 - 20), date!(2026 - 11 - 23)),
            1
        );
        assert_eq!(
            business_days_between(date!(2026 - 11 - 20), date!(2026 - 11 - 21)),
            0
        );
        assert_eq!(
            business_days_between(date!(2026 - 11 - 16), date!(2026 - 11 - 23)),
            5
        );
        assert_eq!(
            business_days_between(date!(2026 - 11 - 16), date!(2026 - 11 - 30)),
            10
        );
        assert_eq!(
            business_days_between(date!(2026 - 11 - 16), date!(2026 - 11 - 16)),
            0
        );
        assert_eq!(
            business_days_between(date!(2026 - 11 - 23), date!(2026 - 11 - 16)),
            0
        );
    }

    #[test]
    fn a_long_span_counts_five_days_a_week() {
        assert_eq!(
            business_days_between(date!(2026 - 1 - 5), date!(2026 - 12 - 28)),
            51 * 5
        );
    }
}
