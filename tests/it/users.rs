//! Issue 15: an organisation's admins add colleagues with a temporary password shown once;
//! the colleague must change it before anything else.

use crate::helpers::*;
use reqwest::StatusCode;

/// The add-user form's fields with a fresh form id from the page.
async fn add(
    admin: &Browser<'_>,
    name: &str,
    email: &str,
    role: &str,
) -> (reqwest::Response, String) {
    let page = admin.html("/account/users").await;
    let form_id = attr(&page, "input[name=form_id]", "value").unwrap();
    let mut fields = vec![("full_name", name), ("email", email), ("form_id", &form_id)];
    // Several roles are several ticked boxes of one name.
    fields.extend(role.split(',').map(|r| ("roles", r)));
    let response = admin
        .submit("/account/users", "/account/users", &fields)
        .await;
    (response, form_id)
}

#[tokio::test]
async fn a_global_admin_adds_a_colleague_who_must_change_the_temporary_password() {
    let app = TestApp::spawn().await;
    let admin = app.browser();
    let admin_email = admin.sign_up("colleagues").await;
    let list = admin.html("/account/users").await;
    assert_eq!(texts(&list, "#users .email"), vec![admin_email.clone()]);
    assert!(
        !texts(&list, "#nav-users").is_empty(),
        "the menu offers the page"
    );

    let (added, form_id) = add(
        &admin,
        "Sam Sales",
        "sam@elsewhere.example.org",
        "sales_agent",
    )
    .await;
    assert_eq!(added.status(), StatusCode::OK);
    assert_eq!(added.headers()["cache-control"], "no-store");
    let html = added.text().await.unwrap();
    let password = texts(&html, "#temporary-password")[0].clone();
    assert!(password.len() >= 20, "{password}");
    app.assert_audited("user.added").await;
    // Stored only hashed.
    let stored: String = sqlx::query_scalar(
        "select password_hash from users where email = 'sam@elsewhere.example.org'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert!(stored.starts_with("$argon2id$") && !stored.contains(&password));
    // The e-mail says who added them and where to sign in, not the password.
    let mail = app.email_to("sam@elsewhere.example.org", "").await;
    assert!(mail.body_text.contains("Jane Doe") && mail.body_text.contains("/signin"));
    assert!(!mail.body_text.contains(&password) && !mail.body_html.contains(&password));

    // Sending the same form again (a reload) adds nobody and shows no password.
    let again = admin
        .submit(
            "/account/users",
            "/account/users",
            &[
                ("full_name", "Sam Sales"),
                ("email", "sam@elsewhere.example.org"),
                ("roles", "sales_agent"),
                ("form_id", &form_id),
            ],
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(!texts(&again, "#not-shown-again").is_empty());
    assert!(!again.contains(&password));
    let count: i64 = sqlx::query_scalar("select count(*) from users")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(count, 2);

    // The colleague signs in with it and can do nothing before choosing a password.
    let sam = app.browser();
    let signed = sam
        .submit(
            "/signin",
            "/signin",
            &[
                ("email", "sam@elsewhere.example.org"),
                ("password", &password),
            ],
        )
        .await;
    assert_eq!(signed.status(), StatusCode::SEE_OTHER);
    for path in ["/dashboard", "/partners/providers", "/agreement"] {
        let r = sam.open(path).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{path}");
        assert_eq!(location(&r), "/account/password", "{path}");
    }
    let change = sam.html("/account/password").await;
    assert!(!texts(&change, "#must-change").is_empty());
    let changed = sam
        .submit(
            "/account/password",
            "/account/password",
            &[
                ("current_password", &password),
                ("new_password", STRONG_PASSWORD),
            ],
        )
        .await;
    assert_eq!(changed.status(), StatusCode::SEE_OTHER);
    // Signed in with the new password, the dashboard opens, and the role decides the
    // rest: a sales agent may not manage users.
    let sam = signed_in(&app, "sam@elsewhere.example.org", STRONG_PASSWORD).await;
    assert_eq!(sam.open("/dashboard").await.status(), StatusCode::OK);
    let refused = sam.page("/account/users", StatusCode::FORBIDDEN).await;
    assert!(texts(&refused, "#forbidden-holders li")[0].contains(&admin_email));
    assert!(texts(&sam.html("/dashboard").await, "#nav-users").is_empty());
}

#[tokio::test]
async fn bad_additions_are_refused_beside_the_field_and_nothing_is_saved() {
    let app = TestApp::spawn().await;
    let admin = app.browser();
    let admin_email = admin.sign_up("rules").await;
    let other = app.browser();
    let other_email = other.sign_up("othertenant").await;
    let cases: [(&str, &str, &str, &str); 4] = [
        ("Pat", "pat@example.org", "", "#roles"),
        ("Pat", &admin_email, "admin_agent", "#email-error"),
        ("Pat", &other_email, "admin_agent", "#email-error"),
        ("", "not-an-address", "nonsense", "#full_name-error"),
    ];
    for (name, email, role, error) in cases {
        let (response, _) = add(&admin, name, email, role).await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{email}"
        );
        let html = response.text().await.unwrap();
        assert!(
            !texts(&html, error).is_empty(),
            "{error} for {email}: {html}"
        );
        assert_eq!(
            attr(&html, "#email", "value").as_deref(),
            Some(email),
            "kept"
        );
    }
    // A user-management admin may add anyone but a global admin.
    let manager = app.add_user(&admin_email, "user_management_admin").await;
    let client = signed_in(&app, &manager, STRONG_PASSWORD).await;
    let page = client.html("/account/users").await;
    assert!(
        attr(&page, "#role-global_admin", "value").is_none(),
        "not offered"
    );
    let (refused, _) = add(&client, "Gina", "gina@example.org", "global_admin").await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let (added, _) = add(&client, "Hank", "hank@example.org", "helpdesk_agent").await;
    assert_eq!(added.status(), StatusCode::OK);
    let users: i64 = sqlx::query_scalar("select count(*) from users")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(users, 4, "two admins, the manager and Hank");
    // A helpdesk agent may not add anyone: 403, nothing saved.
    let helpdesk = app.add_user(&admin_email, "helpdesk_agent").await;
    let agent = signed_in(&app, &helpdesk, STRONG_PASSWORD).await;
    let token = csrf_token(&agent.html("/dashboard").await);
    let posted = agent
        .post(app.url("/account/users"))
        .form(&[
            ("csrf_token", token.as_str()),
            ("full_name", "X"),
            ("email", "x@example.org"),
            ("roles", "sales_agent"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(posted.status(), StatusCode::FORBIDDEN);
    let users: i64 = sqlx::query_scalar("select count(*) from users")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(users, 5);
}

#[tokio::test]
async fn a_temporary_password_stops_working_after_seven_days() {
    let app = TestApp::spawn().await;
    let admin = app.browser();
    admin.sign_up("expiry").await;
    let (added, _) = add(&admin, "Late Lou", "lou@example.org", "admin_agent").await;
    let password = texts(&added.text().await.unwrap(), "#temporary-password")[0].clone();
    sqlx::query("update users set temporary_password_expires_at = now() - interval '1 minute' where email = 'lou@example.org'")
        .execute(&app.db)
        .await
        .unwrap();
    let lou = app.browser();
    let refused = lou
        .submit(
            "/signin",
            "/signin",
            &[("email", "lou@example.org"), ("password", &password)],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.unwrap();
    assert!(
        texts(&html, "#password-error")[0].contains("expired"),
        "{html}"
    );
    app.assert_audited("user.sign_in_refused_temporary_expired")
        .await;
}

async fn user_id(app: &TestApp, email: &str) -> uuid::Uuid {
    sqlx::query_scalar("select user_id from users where email = $1::text::citext")
        .bind(email)
        .fetch_one(&app.db)
        .await
        .unwrap()
}

async fn signed_in<'a>(app: &'a TestApp, email: &str, password: &str) -> Browser<'a> {
    let client = app.browser();
    let r = client
        .submit(
            "/signin",
            "/signin",
            &[("email", email), ("password", password)],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "{email} signs in");
    client
}

/// Posts an action form from the user's page; returns the response.
async fn act(
    admin: &Browser<'_>,
    id: uuid::Uuid,
    action: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let page = format!("/account/users/{id}");
    admin
        .submit(&page, &format!("{page}/{action}"), fields)
        .await
}

#[tokio::test]
async fn admins_change_disable_reset_and_remove_colleagues_within_the_rules() {
    let app = TestApp::spawn().await;
    let admin = app.browser();
    let admin_email = admin.sign_up("manage").await;
    let me = user_id(&app, &admin_email).await;
    let sales_email = app.add_user(&admin_email, "sales_agent").await;
    let sales = user_id(&app, &sales_email).await;
    let manager_email = app.add_user(&admin_email, "user_management_admin").await;

    // The last global admin cannot give up the role, nor disable or remove themselves.
    let refused = act(&admin, me, "role", &[("roles", "sales_agent")]).await;
    assert_eq!(location(&refused), format!("/account/users/{me}"));
    let page = admin.html(&format!("/account/users/{me}")).await;
    assert!(texts(&page, ".flash")[0].contains("last active global admin"));
    assert!(
        texts(&page, "#disable").is_empty(),
        "no disabling oneself offered"
    );
    for action in ["disable", "remove"] {
        act(&admin, me, action, &[("confirm", "yes")]).await;
    }
    let role: String =
        sqlx::query_scalar("select array_to_string(roles, ',') from users where user_id = $1")
            .bind(me)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(role, "global_admin");

    // Disabling ends the colleague's session at once and refuses their sign-in.
    let colleague = signed_in(&app, &sales_email, STRONG_PASSWORD).await;
    assert_eq!(colleague.open("/dashboard").await.status(), StatusCode::OK);
    let disabled = act(&admin, sales, "disable", &[]).await;
    assert_eq!(disabled.status(), StatusCode::SEE_OTHER);
    app.wait_for_session_cache_to_forget().await;
    let after = colleague.open("/dashboard").await;
    assert_eq!(after.status(), StatusCode::SEE_OTHER);
    assert!(location(&after).starts_with("/signin"));
    let again = app.browser();
    let r = again
        .submit(
            "/signin",
            "/signin",
            &[("email", &sales_email), ("password", STRONG_PASSWORD)],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("disabled"));
    act(&admin, sales, "enable", &[]).await;
    signed_in(&app, &sales_email, STRONG_PASSWORD).await;

    // A reset shows a new temporary password once; the colleague must change it. The same
    // form sent again (a reload) neither makes nor shows another one.
    let user_page = admin.html(&format!("/account/users/{sales}")).await;
    let form_id = attr(
        &user_page,
        "form[action$='/reset'] input[name=form_id]",
        "value",
    )
    .unwrap();
    let reset = act(&admin, sales, "reset", &[("form_id", &form_id)]).await;
    assert_eq!(reset.status(), StatusCode::OK);
    assert_eq!(reset.headers()["cache-control"], "no-store");
    let password = texts(&reset.text().await.unwrap(), "#temporary-password")[0].clone();
    let hash_of = |id| {
        sqlx::query_scalar::<_, String>("select password_hash from users where user_id = $1")
            .bind(id)
            .fetch_one(&app.db)
    };
    let hash = hash_of(sales).await.unwrap();
    let again = act(&admin, sales, "reset", &[("form_id", &form_id)]).await;
    assert_eq!(again.status(), StatusCode::OK);
    let again = again.text().await.unwrap();
    assert!(texts(&again, "#temporary-password").is_empty());
    assert!(!texts(&again, "#not-shown-again").is_empty());
    assert_eq!(hash_of(sales).await.unwrap(), hash, "not reset twice");
    let colleague = signed_in(&app, &sales_email, &password).await;
    assert_eq!(
        location(&colleague.open("/dashboard").await),
        "/account/password"
    );

    // A user-management admin handles everyone but a global admin.
    let manager = signed_in(&app, &manager_email, STRONG_PASSWORD).await;
    let ga_page = manager.html(&format!("/account/users/{me}")).await;
    assert!(!texts(&ga_page, "#global-admin-only").is_empty());
    act(&manager, me, "disable", &[]).await;
    let disabled_at: Option<time::OffsetDateTime> =
        sqlx::query_scalar("select disabled_at from users where user_id = $1")
            .bind(me)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert!(disabled_at.is_none(), "the global admin stays enabled");
    let promoted = act(&manager, sales, "role", &[("roles", "admin_agent")]).await;
    assert_eq!(promoted.status(), StatusCode::SEE_OTHER);

    // With a second global admin, the first may step down; removal needs the box ticked.
    act(&admin, sales, "role", &[("roles", "global_admin")]).await;
    let stepped_down = act(&admin, me, "role", &[("roles", "account_admin")]).await;
    assert_eq!(stepped_down.status(), StatusCode::SEE_OTHER);
    let admin = signed_in(&app, &sales_email, &password).await;
    // (the new global admin still has to change their temporary password first)
    let change = admin
        .submit(
            "/account/password",
            "/account/password",
            &[
                ("current_password", &password),
                ("new_password", STRONG_PASSWORD),
            ],
        )
        .await;
    assert_eq!(change.status(), StatusCode::SEE_OTHER);
    let admin = signed_in(&app, &sales_email, STRONG_PASSWORD).await;
    let manager_id = user_id(&app, &manager_email).await;
    act(&admin, manager_id, "remove", &[]).await;
    assert_eq!(
        sqlx::query_scalar::<_, i64>("select count(*) from users")
            .fetch_one(&app.db)
            .await
            .unwrap(),
        3,
        "not removed without the box"
    );
    act(&admin, manager_id, "remove", &[("confirm", "yes")]).await;
    assert_eq!(
        sqlx::query_scalar::<_, i64>("select count(*) from users")
            .fetch_one(&app.db)
            .await
            .unwrap(),
        2
    );
    for action in [
        "user.roles_changed",
        "user.disabled",
        "user.enabled",
        "user.password_reset_by_admin",
        "user.removed",
    ] {
        app.assert_audited(action).await;
    }
}

#[tokio::test]
async fn a_user_holds_several_roles_and_may_do_what_any_of_them_allows() {
    let app = TestApp::spawn().await;
    let admin = app.browser();
    let admin_email = admin.sign_up("several").await;
    let (added, _) = add(
        &admin,
        "Sam Several",
        "sam@example.org",
        "sales_agent,user_management_admin",
    )
    .await;
    assert_eq!(added.status(), StatusCode::OK);
    let list = admin.html("/account/users").await;
    assert!(
        texts(&list, "#users .roles").contains(&"User management admin, Sales agent".to_owned()),
        "{:?}",
        texts(&list, "#users .roles")
    );
    let sam = user_id(&app, "sam@example.org").await;
    // A user holding user management among other roles may open the users page.
    let email = app
        .add_user(&admin_email, "sales_agent,user_management_admin")
        .await;
    let client = signed_in(&app, &email, STRONG_PASSWORD).await;
    assert_eq!(client.open("/account/users").await.status(), StatusCode::OK);
    // Roles are changed as a set; an empty set is refused and changes nothing.
    let emptied = act(&admin, sam, "role", &[]).await;
    assert_eq!(location(&emptied), format!("/account/users/{sam}"));
    let page = admin.html(&format!("/account/users/{sam}")).await;
    assert!(texts(&page, ".flash")[0].contains("at least one role"));
    assert_eq!(
        texts(&page, "#user-roles"),
        vec!["User management admin, Sales agent"]
    );
    let changed = act(
        &admin,
        sam,
        "role",
        &[("roles", "admin_agent"), ("roles", "billing_admin")],
    )
    .await;
    assert_eq!(changed.status(), StatusCode::SEE_OTHER);
    let roles: Vec<String> = sqlx::query_scalar("select roles from users where user_id = $1")
        .bind(sam)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(roles, vec!["admin_agent", "billing_admin"]);
    let page = admin.html(&format!("/account/users/{sam}")).await;
    for (role, ticked) in [
        ("admin_agent", true),
        ("billing_admin", true),
        ("sales_agent", false),
    ] {
        assert_eq!(
            attr(&page, &format!("#role-{role}[checked]"), "value").is_some(),
            ticked,
            "{role}"
        );
    }
    // Without user management, the other user's page is forbidden to them.
    let keep = user_id(&app, &email).await;
    act(&admin, keep, "role", &[("roles", "sales_agent")]).await;
    assert_eq!(
        client.open("/account/users").await.status(),
        StatusCode::FORBIDDEN
    );
}
