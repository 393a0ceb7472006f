//! The organisation's users as other users see them (issue 15).

use crate::db;
use crate::domain::tenant::Role;
use crate::state::AppState;
use uuid::Uuid;

/// Name and address of each user of the tenant who holds one of `roles` (whom to ask when
/// a page is not for one's own role).
pub async fn holders_of(
    state: &AppState,
    tenant_id: Uuid,
    roles: &[Role],
) -> sqlx::Result<Vec<(String, String)>> {
    let codes: Vec<String> = roles.iter().map(|r| r.as_str().to_owned()).collect();
    db::users::holders(&state.db, tenant_id, &codes).await
}
