//! Saving the language a signed-in user or staff member chose (issue 14).

use crate::db;
use crate::i18n::Lang;
use crate::state::AppState;

/// Who is choosing: the signed-in partner user and/or staff member of this session.
pub struct Chooser<'a> {
    /// The partner user, if signed in.
    pub user: Option<&'a db::users::SessionUser>,
    /// The staff member, if signed in.
    pub staff: Option<&'a db::staff::Staff>,
}

/// Saves `lang` on each signed-in account of the session; this process forgets the cached
/// accounts at once (the others when PostgreSQL tells them), so the next page is in it.
pub async fn choose_language(state: &AppState, who: Chooser<'_>, lang: Lang) -> sqlx::Result<()> {
    if let Some(user) = who.user {
        db::users::set_language(&state.db, user.user_id, lang.code()).await?;
        state.caches.apply(&format!("u:{}", user.user_id));
    }
    if let Some(staff) = who.staff {
        db::staff::set_language(&state.db, staff.staff_id, lang.code()).await?;
        state.caches.apply(&format!("st:{}", staff.staff_id));
    }
    Ok(())
}
