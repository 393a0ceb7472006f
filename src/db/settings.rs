//! Program settings (one row).

use sqlx::PgExecutor;
use time::Date;
use uuid::Uuid;

/// The program's settings.
#[derive(Clone, Debug, serde::Serialize)]
pub struct ProgramSettings {
    /// Whether direct-bill applications are accepted.
    pub direct_bill_intake_open: bool,
    /// When intake reopens (while closed).
    pub direct_bill_reopens_on: Option<Date>,
    /// What applicants are told while intake is closed.
    pub direct_bill_closed_message: Option<String>,
}

/// Reads the settings.
pub async fn get(db: impl PgExecutor<'_>) -> sqlx::Result<ProgramSettings> {
    sqlx::query_as!(
        ProgramSettings,
        "select direct_bill_intake_open, direct_bill_reopens_on, direct_bill_closed_message from program_settings"
    )
    .fetch_one(db)
    .await
}

/// Saves the settings.
pub async fn save(
    db: impl PgExecutor<'_>,
    s: &ProgramSettings,
    staff_id: Uuid,
) -> sqlx::Result<()> {
    sqlx::query!(
        "update program_settings set direct_bill_intake_open = $1, direct_bill_reopens_on = $2,
                direct_bill_closed_message = $3, updated_by = $4, updated_at = now()",
        s.direct_bill_intake_open,
        s.direct_bill_reopens_on,
        s.direct_bill_closed_message,
        staff_id
    )
    .execute(db)
    .await?;
    Ok(())
}
