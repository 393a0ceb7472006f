//! The organisation's users (issue 15): the list, and adding a colleague with a temporary
//! password shown once.

use crate::db::users::OrgUser;
use crate::domain::FormErrors;
use crate::domain::tenant::Role;
use crate::error::AppError;
use crate::flows::accounts::{self, Added, NewUserInput};
use crate::flows::accounts::{ActionOutcome, UserAction};
use crate::i18n::filters;
use crate::state::AppState;
use crate::web::ctx::Signed;
use crate::web::ctx::{Can, ClientIp, Ctx, can};
use crate::web::form::Path;
use crate::web::form::{Form, FormFields};
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use uuid::Uuid;

/// Routes of this area.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/account/users", get(show).post(add))
        .route("/account/users/{id}", get(show_user))
        .route("/account/users/{id}/role", post(change_role))
        .route("/account/users/{id}/disable", post(disable))
        .route("/account/users/{id}/enable", post(enable))
        .route("/account/users/{id}/reset", post(reset))
        .route("/account/users/{id}/remove", post(remove))
}

/// A user as the list shows it.
pub struct Listed {
    user: OrgUser,
    temporary_until: String,
    last_sign_in: String,
}

/// The users page with the add form.
#[derive(Template, WebTemplate)]
#[template(path = "users/index.html")]
pub struct UsersPage {
    ctx: Ctx,
    users: Vec<Listed>,
    roles: Vec<Role>,
    form: NewUserInput,
    /// A fresh id for the add form (sending it twice adds once).
    form_id: uuid::Uuid,
    errors: FormErrors,
}

/// The page after adding: the temporary password, once.
#[derive(Template, WebTemplate)]
#[template(path = "users/added.html")]
pub struct AddedPage {
    ctx: Ctx,
    full_name: String,
    email: String,
    password: Option<String>,
    /// A new temporary password for an existing user (not a new user).
    reset: bool,
}

fn not_stored(page: AddedPage) -> Response {
    // Never kept by a browser or a proxy: the password is shown this once.
    let mut response = page.into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

async fn page(
    state: &AppState,
    ctx: Ctx,
    user: &crate::db::users::SessionUser,
    form: NewUserInput,
    errors: FormErrors,
) -> Result<UsersPage, AppError> {
    let users = accounts::users_of(state, user.tenant_id)
        .await?
        .into_iter()
        .map(listed)
        .collect();
    Ok(UsersPage {
        ctx,
        users,
        roles: accounts::assignable_roles(user),
        form,
        form_id: uuid::Uuid::new_v4(),
        errors,
    })
}

async fn show(
    State(state): State<AppState>,
    Can(Signed(ctx, user), _): Can<can::ManageUsers>,
) -> Result<UsersPage, AppError> {
    page(
        &state,
        ctx,
        &user,
        NewUserInput::default(),
        FormErrors::default(),
    )
    .await
}

async fn add(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, user), _): Can<can::ManageUsers>,
    fields: FormFields,
) -> Result<Response, AppError> {
    let form = NewUserInput {
        full_name: fields.one("full_name"),
        email: fields.one("email"),
        roles: fields.all("roles"),
        form_id: fields.one("form_id"),
    };
    match accounts::add_user(&state, &user, &form, &ip).await? {
        Ok(added) => {
            let page = match added {
                Added::Now {
                    full_name,
                    email,
                    temporary_password,
                } => AddedPage {
                    ctx,
                    full_name,
                    email,
                    password: Some(temporary_password),
                    reset: false,
                },
                Added::Already { full_name, email } => AddedPage {
                    ctx,
                    full_name,
                    email,
                    password: None,
                    reset: false,
                },
            };
            Ok(not_stored(page))
        }
        Err(errors) => {
            let mut page = page(&state, ctx, &user, form.clone(), errors).await?;
            // The same form, sent again after a correction, keeps its id.
            if let Ok(id) = uuid::Uuid::parse_str(form.form_id.trim()) {
                page.form_id = id;
            }
            crate::web::invalid(page)
        }
    }
}

/// One user's page: their details and what an admin may do.
#[derive(Template, WebTemplate)]
#[template(path = "users/user.html")]
pub struct UserPage {
    ctx: Ctx,
    user: Listed,
    roles: Vec<Role>,
    /// The admin may handle this user (a global admin is handled only by a global admin).
    may_manage: bool,
    myself: bool,
    /// A fresh id for the reset form (sent again, it resets once).
    form_id: Uuid,
}

fn listed(u: OrgUser) -> Listed {
    Listed {
        temporary_until: u
            .temporary_password_expires_at
            .map(crate::messages::when)
            .unwrap_or_default(),
        last_sign_in: u
            .last_sign_in_at
            .map(crate::messages::when)
            .unwrap_or_default(),
        user: u,
    }
}

async fn show_user(
    State(state): State<AppState>,
    Can(Signed(ctx, admin), _): Can<can::ManageUsers>,
    Path(id): Path<Uuid>,
) -> Result<UserPage, AppError> {
    let user = accounts::user_of(&state, admin.tenant_id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(UserPage {
        may_manage: crate::domain::authz::may_manage(admin.roles, user.roles),
        myself: user.user_id == admin.user_id,
        roles: accounts::assignable_roles(&admin),
        user: listed(user),
        form_id: Uuid::new_v4(),
        ctx,
    })
}

/// The removal form: its confirmation box.
#[derive(Debug, Default, serde::Deserialize)]
pub struct RemoveForm {
    #[serde(default)]
    confirm: String,
}

async fn act(
    state: &AppState,
    ctx: Ctx,
    admin: &crate::db::users::SessionUser,
    id: Uuid,
    action: UserAction,
    ip: &str,
) -> Result<Response, AppError> {
    let back = format!("/account/users/{id}");
    match accounts::manage_user(state, admin, id, action, ip).await? {
        None => Err(AppError::NotFound),
        Some(ActionOutcome::Refused(why)) => ctx.warning(&back, why).await,
        Some(outcome @ (ActionOutcome::TemporaryPassword(_) | ActionOutcome::AlreadyReset)) => {
            let user = accounts::user_of(state, admin.tenant_id, id)
                .await?
                .ok_or(AppError::NotFound)?;
            let password = match outcome {
                ActionOutcome::TemporaryPassword(password) => Some(password),
                _ => None,
            };
            Ok(not_stored(AddedPage {
                ctx,
                full_name: user.full_name,
                email: user.email,
                password,
                reset: true,
            }))
        }
        Some(ActionOutcome::Done) => {
            let (to, message) = match action {
                UserAction::Remove => ("/account/users".to_owned(), "user-removed"),
                UserAction::ChangeRoles(_) => (back, "user-role-changed"),
                UserAction::Disable => (back, "user-disabled"),
                UserAction::Enable => (back, "user-enabled"),
                UserAction::ResetPassword(_) => (back, "user-password-reset"),
            };
            ctx.success(&to, crate::messages::Msg(message)).await
        }
    }
}

async fn change_role(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, admin), _): Can<can::ManageUsers>,
    Path(id): Path<Uuid>,
    fields: FormFields,
) -> Result<Response, AppError> {
    let roles = match accounts::chosen_roles(&admin, &fields.all("roles")) {
        Ok(roles) => roles,
        Err(why) => {
            let back = format!("/account/users/{id}");
            return ctx.warning(&back, why).await;
        }
    };
    act(&state, ctx, &admin, id, UserAction::ChangeRoles(roles), &ip).await
}

async fn disable(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, admin), _): Can<can::ManageUsers>,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    act(&state, ctx, &admin, id, UserAction::Disable, &ip).await
}

async fn enable(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, admin), _): Can<can::ManageUsers>,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    act(&state, ctx, &admin, id, UserAction::Enable, &ip).await
}

async fn reset(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, admin), _): Can<can::ManageUsers>,
    Path(id): Path<Uuid>,
    fields: FormFields,
) -> Result<Response, AppError> {
    let form = Uuid::parse_str(fields.one("form_id").trim()).ok();
    act(
        &state,
        ctx,
        &admin,
        id,
        UserAction::ResetPassword(form),
        &ip,
    )
    .await
}

async fn remove(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Can(Signed(ctx, admin), _): Can<can::ManageUsers>,
    Path(id): Path<Uuid>,
    Form(form): Form<RemoveForm>,
) -> Result<Response, AppError> {
    if form.confirm != "yes" {
        let back = format!("/account/users/{id}");
        return ctx
            .warning(&back, crate::messages::Msg("user-remove-confirm"))
            .await;
    }
    act(&state, ctx, &admin, id, UserAction::Remove, &ip).await
}
