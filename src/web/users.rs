//! The organisation's users (issue 15): the list, and adding a colleague with a temporary
//! password shown once.

use crate::db::users::OrgUser;
use crate::domain::FormErrors;
use crate::domain::tenant::Role;
use crate::error::AppError;
use crate::flows::accounts::{self, Added, NewUserInput};
use crate::i18n::filters;
use crate::state::AppState;
use crate::web::ctx::Signed;
use crate::web::ctx::{Can, ClientIp, Ctx, can};
use crate::web::form::Form;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

/// Routes of this area.
pub fn router() -> Router<AppState> {
    Router::new().route("/account/users", get(show).post(add))
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
        .map(|u| Listed {
            temporary_until: u
                .temporary_password_expires_at
                .map(crate::messages::when)
                .unwrap_or_default(),
            last_sign_in: u
                .last_sign_in_at
                .map(crate::messages::when)
                .unwrap_or_default(),
            user: u,
        })
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
    Form(form): Form<NewUserInput>,
) -> Result<Response, AppError> {
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
                },
                Added::Already { full_name, email } => AddedPage {
                    ctx,
                    full_name,
                    email,
                    password: None,
                },
            };
            // Never kept by a browser or a proxy: the password is shown this once.
            let mut response = page.into_response();
            response
                .headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            Ok(response)
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
