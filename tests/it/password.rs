use crate::helpers::*;
use reqwest::StatusCode;
use sqlx::ConnectOptions;
use std::str::FromStr;

const NEW_PASSWORD: &str = "purple lantern meadow quartz 7";

#[tokio::test]
async fn changing_the_password_ends_other_sessions_but_keeps_this_one() {
    let app = TestApp::spawn().await;
    let email = app.sign_up("changepw").await;
    let other = app.browser();
    let response = other
        .submit(
            "/signin",
            "/signin",
            &[("email", &email), ("password", STRONG_PASSWORD)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(other.open("/dashboard").await.status(), StatusCode::OK);

    let response = app
        .submit(
            "/account/password",
            "/account/password",
            &[
                ("current_password", STRONG_PASSWORD),
                ("new_password", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/dashboard");
    assert_eq!(
        app.get("/dashboard").await.status(),
        StatusCode::OK,
        "this browser stays signed in"
    );
    assert_eq!(
        other.open("/dashboard").await.status(),
        StatusCode::SEE_OTHER,
        "the other one is out"
    );

    let fresh = app.browser();
    let old = fresh
        .submit(
            "/signin",
            "/signin",
            &[("email", &email), ("password", STRONG_PASSWORD)],
        )
        .await;
    assert_eq!(old.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let new = fresh
        .submit(
            "/signin",
            "/signin",
            &[("email", &email), ("password", NEW_PASSWORD)],
        )
        .await;
    assert_eq!(new.status(), StatusCode::SEE_OTHER);
    app.email_to(&email, "password was changed").await;
    app.assert_audited("user.password_changed").await;
}

#[tokio::test]
async fn changing_the_password_checks_both_fields() {
    let app = TestApp::spawn().await;
    app.sign_up("changebad").await;
    let response = app
        .submit(
            "/account/password",
            "/account/password",
            &[
                ("current_password", "not my password!!"),
                ("new_password", "short"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert_eq!(
        texts(&html, "#current_password-error"),
        vec!["Error: Your current password is not correct"]
    );
    assert_eq!(
        texts(&html, "#new_password-error"),
        vec!["Error: Password must be at least 12 characters"]
    );
    let response = app
        .submit(
            "/account/password",
            "/account/password",
            &[
                ("current_password", STRONG_PASSWORD),
                ("new_password", STRONG_PASSWORD),
            ],
        )
        .await;
    let html = response.text().await.unwrap();
    assert_eq!(
        texts(&html, "#new_password-error"),
        vec!["Error: Your new password must be different from your current one"]
    );
}

#[tokio::test]
async fn forgotten_password_answers_the_same_for_unknown_addresses() {
    let app = TestApp::spawn().await;
    let email = app.browser().sign_up("forgot").await;
    let known = app
        .submit("/password/forgot", "/password/forgot", &[("email", &email)])
        .await;
    let unknown = app
        .submit(
            "/password/forgot",
            "/password/forgot",
            &[("email", "ghost@nowhere.example.com")],
        )
        .await;
    assert_eq!(known.status(), StatusCode::OK);
    assert_eq!(unknown.status(), StatusCode::OK);
    let known_h1 = texts(&known.text().await.unwrap(), "h1");
    let unknown_h1 = texts(&unknown.text().await.unwrap(), "h1");
    assert_eq!(known_h1, unknown_h1);
    app.email_to(&email, "Reset your").await;
    assert_eq!(app.emails_to("ghost@nowhere.example.com").await, 0);

    let invalid = app
        .submit(
            "/password/forgot",
            "/password/forgot",
            &[("email", "not-an-address")],
        )
        .await;
    assert_eq!(invalid.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn the_forgot_password_answer_does_not_wait_for_the_account_lookup() {
    let app = TestApp::spawn().await;
    let email = app.browser().sign_up("nowait").await;
    // While the users table cannot even be read, the answer still comes: it does not
    // depend on whether (or how fast) the address is found.
    let mut blocker = sqlx::postgres::PgConnectOptions::from_str(&app.config.database_url)
        .unwrap()
        .connect()
        .await
        .unwrap();
    sqlx::raw_sql("begin; lock table users in access exclusive mode")
        .execute(&mut blocker)
        .await
        .unwrap();
    for address in [email.as_str(), "ghost@nowhere.example.com"] {
        let answer = tokio::time::timeout(
            std::time::Duration::from_secs(2),
            app.submit(
                "/password/forgot",
                "/password/forgot",
                &[("email", address)],
            ),
        )
        .await
        .expect("answered while the lookup is blocked");
        assert_eq!(answer.status(), StatusCode::OK, "{address}");
    }
    sqlx::raw_sql("rollback")
        .execute(&mut blocker)
        .await
        .unwrap();
    // The work still happens: the owner gets the link, nobody else gets anything.
    app.email_to(&email, "Reset your").await;
    assert_eq!(app.emails_to("ghost@nowhere.example.com").await, 0);
}

#[tokio::test]
async fn a_reset_link_sets_a_new_password_once_and_ends_every_session() {
    let app = TestApp::spawn().await;
    let signed_in = app.browser();
    let email = signed_in.sign_up("resetpw").await;
    app.submit("/password/forgot", "/password/forgot", &[("email", &email)])
        .await;
    let link = app
        .email_to(&email, "Reset your")
        .await
        .link_path(&app.address);

    let page = app.get(&link).await;
    assert_eq!(page.status(), StatusCode::OK);
    let weak = app
        .submit(&link, &link, &[("password", "password1234")])
        .await;
    assert_eq!(weak.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let done = app
        .submit(&link, &link, &[("password", NEW_PASSWORD)])
        .await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&done), "/signin");

    assert_eq!(
        signed_in.open("/dashboard").await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        app.get(&link).await.status(),
        StatusCode::NOT_FOUND,
        "single use"
    );
    assert_eq!(
        app.sign_in(&email, STRONG_PASSWORD).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        app.sign_in(&email, NEW_PASSWORD).await.status(),
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn a_newer_reset_link_revokes_the_older_and_links_expire() {
    let app = TestApp::spawn().await;
    let email = app.browser().sign_up("resettwice").await;
    app.submit("/password/forgot", "/password/forgot", &[("email", &email)])
        .await;
    let first = app
        .email_to(&email, "Reset your")
        .await
        .link_path(&app.address);
    app.submit("/password/forgot", "/password/forgot", &[("email", &email)])
        .await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    let mut second = first.clone();
    while second == first && std::time::Instant::now() < deadline {
        second = app
            .email_to(&email, "Reset your")
            .await
            .link_path(&app.address);
    }
    assert_ne!(first, second);
    assert_eq!(app.get(&first).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.get(&second).await.status(), StatusCode::OK);
    sqlx::query("update user_tokens set expires_at = now() - interval '1 second' where purpose = 'password_reset'")
        .execute(&app.db)
        .await
        .unwrap();
    assert_eq!(app.get(&second).await.status(), StatusCode::NOT_FOUND);
    let page = app.get("/password/reset/0000").await;
    assert_eq!(page.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        texts(&page.text().await.unwrap(), "h1"),
        vec!["This reset link does not work"]
    );
}

#[tokio::test]
async fn a_reset_also_ends_a_lock() {
    let app = TestApp::spawn().await;
    let email = app.browser().sign_up("unlock").await;
    sqlx::query("insert into sign_in_guards (realm, account_id, source, locked_until) select 'partner', user_id, 'ip:127.0.0.1', now() + interval '1 hour' from users")
        .execute(&app.db)
        .await
        .unwrap();
    app.submit("/password/forgot", "/password/forgot", &[("email", &email)])
        .await;
    let link = app
        .email_to(&email, "Reset your")
        .await
        .link_path(&app.address);
    app.submit(&link, &link, &[("password", NEW_PASSWORD)])
        .await;
    assert_eq!(
        app.sign_in(&email, NEW_PASSWORD).await.status(),
        StatusCode::SEE_OTHER
    );
}
