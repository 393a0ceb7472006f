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
    let response = admin
        .submit(
            "/account/users",
            "/account/users",
            &[
                ("full_name", name),
                ("email", email),
                ("role", role),
                ("form_id", &form_id),
            ],
        )
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
                ("role", "sales_agent"),
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
    // Changing ended the session; signed in again, the dashboard opens, and the role
    // decides the rest: a sales agent may not manage users.
    let sam = app.browser();
    sam.submit(
        "/signin",
        "/signin",
        &[
            ("email", "sam@elsewhere.example.org"),
            ("password", STRONG_PASSWORD),
        ],
    )
    .await;
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
        ("Pat", "pat@example.org", "", "#role"),
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
    let client = app.browser();
    client
        .submit(
            "/signin",
            "/signin",
            &[("email", &manager), ("password", STRONG_PASSWORD)],
        )
        .await;
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
    let agent = app.browser();
    agent
        .submit(
            "/signin",
            "/signin",
            &[("email", &helpdesk), ("password", STRONG_PASSWORD)],
        )
        .await;
    let token = csrf_token(&agent.html("/dashboard").await);
    let posted = agent
        .post(app.url("/account/users"))
        .form(&[
            ("csrf_token", token.as_str()),
            ("full_name", "X"),
            ("email", "x@example.org"),
            ("role", "sales_agent"),
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
