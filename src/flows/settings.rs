//! The program's settings, kept by operator admins.

use crate::db::{self, audit::AuditEvent};
use crate::domain::FormErrors;
use crate::messages;
use crate::state::AppState;

/// What the settings form sends.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct SettingsInput {
    /// `open` or `closed`.
    #[serde(default)]
    pub intake: String,
    /// Reopening date, `YYYY-MM-DD`.
    #[serde(default)]
    pub reopens_on: String,
    /// Message to applicants while closed.
    #[serde(default)]
    pub message: String,
}

impl SettingsInput {
    /// The form filled with the current settings.
    pub fn from_settings(s: &db::settings::ProgramSettings) -> Self {
        Self {
            intake: if s.direct_bill_intake_open {
                "open"
            } else {
                "closed"
            }
            .into(),
            reopens_on: s
                .direct_bill_reopens_on
                .map(|d| d.to_string())
                .unwrap_or_default(),
            message: s.direct_bill_closed_message.clone().unwrap_or_default(),
        }
    }

    /// Checks the answers: a closed intake needs a reopening date that is not in the past.
    pub fn validate(&self, today: time::Date) -> Result<db::settings::ProgramSettings, FormErrors> {
        let mut errors = FormErrors::default();
        let open = match self.intake.as_str() {
            "open" => Some(true),
            "closed" => Some(false),
            _ => {
                errors.add("intake", messages::SELECT_WHETHER_DIRECT_BILL);
                None
            }
        };
        let reopens_on = match (open, self.reopens_on.trim()) {
            (Some(false), "") => {
                errors.add("reopens_on", messages::ENTER_DATE_INTAKE_REOPENS);
                None
            }
            (_, "") => None,
            (_, raw) => match crate::domain::form::parse_day(raw) {
                Ok(d) if d < today => {
                    errors.add("reopens_on", messages::REOPENING_DATE_MUST_TODAY);
                    None
                }
                Ok(d) => Some(d),
                Err(_) => {
                    errors.add("reopens_on", messages::ENTER_REAL_DATE_LIKE);
                    None
                }
            },
        };
        let message = errors.check(
            "message",
            crate::domain::enrollment::optional_text(
                &self.message,
                1000,
                messages::MESSAGE_MUST_1_000,
            ),
        );
        match (open, message, errors.is_empty()) {
            (Some(open), Some(message), true) => Ok(db::settings::ProgramSettings {
                direct_bill_intake_open: open,
                direct_bill_reopens_on: if open { None } else { reopens_on },
                direct_bill_closed_message: if open { None } else { message },
            }),
            _ => Err(errors),
        }
    }
}

/// Saves program settings, with an audit row of before and after.
pub async fn save_settings(
    state: &AppState,
    staff: &db::staff::Staff,
    new: &db::settings::ProgramSettings,
    ip: &str,
) -> anyhow::Result<()> {
    let mut tx = state.db.begin().await?;
    let before = db::settings::get(&mut *tx).await?;
    db::settings::save(&mut *tx, new, staff.staff_id).await?;
    db::audit::record(
        &mut *tx,
        AuditEvent {
            actor_staff_id: Some(staff.staff_id),
            action: "settings.changed",
            target_type: "program_settings",
            target_id: "program".into(),
            ip_address: Some(ip.to_owned()),
            before: Some(serde_json::to_value(&before)?),
            after: Some(serde_json::to_value(new)?),
            ..Default::default()
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod settings_tests {
    use super::*;
    use time::macros::date;

    fn input(intake: &str, reopens_on: &str) -> SettingsInput {
        SettingsInput {
            intake: intake.into(),
            reopens_on: reopens_on.into(),
            message: String::new(),
        }
    }

    #[test]
    fn closed_intake_needs_a_reopening_date_that_is_not_past() {
        let today = date!(2026 - 11 - 22);
        assert!(
            input("closed", "")
                .validate(today)
                .unwrap_err()
                .get("reopens_on")
                .is_some()
        );
        assert!(
            input("closed", "2026-11-21")
                .validate(today)
                .unwrap_err()
                .get("reopens_on")
                .unwrap()
                .contains("today or later")
        );
        assert!(
            input("closed", "2026-02-30")
                .validate(today)
                .unwrap_err()
                .get("reopens_on")
                .unwrap()
                .contains("real date")
        );
        assert_eq!(
            input("closed", "2027-03-01")
                .validate(today)
                .unwrap()
                .direct_bill_reopens_on,
            Some(date!(2027 - 03 - 01))
        );
        let open = input("open", "").validate(today).unwrap();
        assert!(open.direct_bill_intake_open && open.direct_bill_reopens_on.is_none());
        assert!(
            input("maybe", "")
                .validate(today)
                .unwrap_err()
                .get("intake")
                .is_some()
        );
    }
}
