use crate::helpers::*;
use reqwest::StatusCode;

#[tokio::test]
async fn signup_page_shows_each_countrys_region_and_currency() {
    let app = TestApp::spawn().await;
    let html = app.get("/signup").await.text().await.unwrap();
    let options = texts(&html, "select#country option[value=DE]");
    assert_eq!(options, vec!["Germany – Europe region, billed in EUR"]);
    let count = texts(&html, "select#country option").len();
    assert_eq!(count, 237, "236 markets and the empty choice");
    assert!(texts(&html, "#country-hint")[0].contains("cannot be changed later"));
}

#[tokio::test]
async fn signup_creates_the_tenant_and_its_global_admin_and_queues_a_confirmation() {
    let app = TestApp::spawn().await;
    let email = app.me().sign_up_unconfirmed("contoso").await;

    let (currency, country): (String, String) =
        sqlx::query_as("select billing_currency::text, country_code::text from tenants where domain_prefix = 'contoso'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!((currency.as_str(), country.as_str()), ("EUR", "DE"));
    let role: String = sqlx::query_scalar(
        "select array_to_string(roles, ',') from users where email = $1::text::citext",
    )
    .bind(&email)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(role, "global_admin");

    let mail = app.email_to(&email, "Confirm your e-mail").await;
    assert_eq!(
        mail.subject,
        "Confirm your e-mail address for Partner Portal"
    );
    assert!(mail.body_text.contains("Contoso Trading"));
    let html_link = attr(&mail.body_html, "a", "href").unwrap();
    assert_eq!(
        html_link,
        format!("{}{}", app.address, mail.link_path(&app.address))
    );
    assert!(mail.link_path(&app.address).starts_with("/signup/confirm/"));

    let dashboard = app.get("/dashboard").await;
    assert_eq!(dashboard.status(), StatusCode::OK);
    let html = dashboard.text().await.unwrap();
    assert_eq!(
        texts(&html, "#tenant-domain"),
        vec!["contoso.partnerportal.example"]
    );
    assert_eq!(texts(&html, "#tenant-country"), vec!["Germany"]);
    assert_eq!(texts(&html, "#tenant-region"), vec!["Europe"]);
    assert!(texts(&html, "#tenant-currency")[0].starts_with("EUR"));
    assert_eq!(texts(&html, "#email-state"), vec!["Not yet"]);
    assert_eq!(texts(&html, ".site-nav .org"), vec!["Contoso Trading"]);
    app.assert_audited("tenant.created").await;
}

#[tokio::test]
async fn signup_with_nothing_filled_in_names_every_field() {
    let app = TestApp::spawn().await;
    let response = app.submit("/signup", "/signup", &[]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(texts(&html, "title")[0].starts_with("Error: "));
    let targets: Vec<String> = error_summary(&html)
        .into_iter()
        .map(|(href, _)| href)
        .collect();
    assert_eq!(
        targets,
        vec![
            "#organisation",
            "#domain_prefix",
            "#country",
            "#full_name",
            "#email",
            "#password"
        ]
    );
    for field in [
        "organisation",
        "domain_prefix",
        "country",
        "full_name",
        "email",
        "password",
    ] {
        assert_eq!(
            texts(&html, &format!("#{field}-error")).len(),
            1,
            "inline message for {field}"
        );
        let described = attr(&html, &format!("#{field}"), "aria-describedby").unwrap_or_default();
        assert!(
            described.contains(&format!("{field}-error")),
            "{field} described by its error"
        );
    }
}

#[tokio::test]
async fn signup_with_bad_answers_keeps_the_good_ones_but_never_the_password() {
    let app = TestApp::spawn().await;
    let response = app
        .submit(
            "/signup",
            "/signup",
            &[
                ("organisation", "Contoso Trading"),
                ("domain_prefix", "-bad_prefix"),
                ("country", "XX"),
                ("full_name", "Jane Doe"),
                ("email", "jane@"),
                ("password", "short"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    let messages: Vec<String> = error_summary(&html).into_iter().map(|(_, m)| m).collect();
    assert_eq!(
        messages,
        vec![
            "Domain name can only contain lowercase letters, numbers and hyphens, and cannot start or end with a hyphen",
            "Select a country from the list",
            "Enter an e-mail address in the correct format, like name@example.com",
            "Password must be at least 12 characters",
        ]
    );
    assert_eq!(
        attr(&html, "#organisation", "value").as_deref(),
        Some("Contoso Trading")
    );
    assert_eq!(
        attr(&html, "#full_name", "value").as_deref(),
        Some("Jane Doe")
    );
    assert_eq!(
        attr(&html, "#domain_prefix", "value").as_deref(),
        Some("-bad_prefix")
    );
    assert_eq!(attr(&html, "#email", "value").as_deref(), Some("jane@"));
    assert_eq!(attr(&html, "#password", "value").as_deref(), Some(""));
    let tenants: i64 = sqlx::query_scalar("select count(*) from tenants")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(tenants, 0);
}

#[tokio::test]
async fn signup_refuses_a_guessable_password() {
    let app = TestApp::spawn().await;
    let response = app
        .submit(
            "/signup",
            "/signup",
            &[
                ("organisation", "Contoso Trading"),
                ("domain_prefix", "contoso"),
                ("country", "DE"),
                ("full_name", "Jane Doe"),
                ("email", "jane@contoso.com"),
                ("password", "password1234"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert_eq!(
        texts(&html, "#password-error"),
        vec![
            "Error: Password is too easy to guess. This is one of the most common passwords. Use a longer phrase of unrelated words."
        ]
    );
    let selected = attr(&html, "#country option[selected]", "value");
    assert_eq!(
        selected.as_deref(),
        Some("DE"),
        "the chosen country stays selected"
    );
}

#[tokio::test]
async fn signup_refuses_a_taken_domain_in_any_case() {
    let app = TestApp::spawn().await;
    app.sign_up("contoso").await;
    let response = app
        .browser()
        .submit(
            "/signup",
            "/signup",
            &sign_up_fields("CONTOSO", "john@another.example.com", "US"),
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert_eq!(
        texts(&html, "#domain_prefix-error"),
        vec!["Error: That domain name is already taken: choose another"]
    );
}

#[tokio::test]
async fn signing_up_with_a_taken_address_looks_the_same_and_tells_the_owner() {
    let app = TestApp::spawn().await;
    let email = app.sign_up("owner").await;
    let fresh = app
        .browser()
        .submit(
            "/signup",
            "/signup",
            &sign_up_fields("newcomer", "new@newcomer.example.com", "US"),
        )
        .await;
    let upper = email.to_uppercase();
    let taken = app
        .browser()
        .submit(
            "/signup",
            "/signup",
            &sign_up_fields("intruder", &upper, "US"),
        )
        .await;
    // The same answer, the same page, and no session for either.
    assert_eq!(fresh.status(), StatusCode::SEE_OTHER);
    assert_eq!(taken.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&fresh), location(&taken));
    for response in [&fresh, &taken] {
        assert!(
            !response
                .headers()
                .get_all("set-cookie")
                .iter()
                .any(|v| v.to_str().unwrap_or_default().starts_with("pp_session=")),
            "no one is signed in by signing up"
        );
    }
    let page = app.get(&location(&taken)).await.text().await.unwrap();
    assert_eq!(texts(&page, "h1"), vec!["Check your e-mail"]);
    // Nothing was created for the taken address; its owner is told.
    let tenants: i64 =
        sqlx::query_scalar("select count(*) from tenants where domain_prefix = 'intruder'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(tenants, 0);
    let notice = app.email_to(&email, "Someone tried").await;
    assert!(notice.body_text.contains("/password/forgot"));
    app.assert_audited("user.sign_up_with_existing_address")
        .await;
    // The new address gets its confirmation link as usual.
    app.email_to("new@newcomer.example.com", "Confirm").await;
}

#[tokio::test]
async fn the_confirmation_link_works_once() {
    let app = TestApp::spawn().await;
    let email = app.me().sign_up_unconfirmed("fabrikam").await;
    let link = app
        .email_to(&email, "Confirm")
        .await
        .link_path(&app.address);

    let first = app.get(&link).await;
    assert_eq!(first.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&first), "/dashboard");
    let html = app.get("/dashboard").await.text().await.unwrap();
    assert_eq!(texts(&html, "#email-state"), vec!["Yes"]);
    assert!(texts(&html, ".flash")[0].contains("confirmed"));

    let again = app.get(&link).await;
    assert_eq!(again.status(), StatusCode::NOT_FOUND);
    let html = again.text().await.unwrap();
    assert_eq!(
        texts(&html, "h1"),
        vec!["This confirmation link does not work"]
    );
    app.assert_audited("user.email_confirmed").await;
}

#[tokio::test]
async fn an_expired_confirmation_link_is_refused() {
    let app = TestApp::spawn().await;
    let email = app.me().sign_up_unconfirmed("expired").await;
    let link = app
        .email_to(&email, "Confirm")
        .await
        .link_path(&app.address);
    sqlx::query("update user_tokens set expires_at = now() - interval '1 second'")
        .execute(&app.db)
        .await
        .unwrap();
    assert_eq!(app.get(&link).await.status(), StatusCode::NOT_FOUND);
    let confirmed: Option<time::OffsetDateTime> =
        sqlx::query_scalar("select email_confirmed_at from users")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert!(confirmed.is_none());
}

#[tokio::test]
async fn a_new_confirmation_link_revokes_the_old_one() {
    let app = TestApp::spawn().await;
    let email = app.me().sign_up_unconfirmed("resend").await;
    let old_link = app
        .email_to(&email, "Confirm")
        .await
        .link_path(&app.address);
    let response = app
        .submit("/dashboard", "/dashboard/resend-confirmation", &[])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.emails_to(&email).await, 2);
    let new_link = app
        .email_to(&email, "Confirm")
        .await
        .link_path(&app.address);
    assert_ne!(old_link, new_link);
    assert_eq!(app.get(&old_link).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.get(&new_link).await.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn signup_is_rate_limited_per_address() {
    let app = TestApp::spawn_with(|c| c.rate_limits.sign_up.max = 2).await;
    for _ in 0..2 {
        assert_eq!(
            app.submit("/signup", "/signup", &[]).await.status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
    let response = app
        .submit("/signup", "/signup", &[("organisation", "Kept Org")])
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(texts(&html, "#organisation-error")[0].contains("Too many attempts"));
    assert_eq!(
        attr(&html, "#organisation", "value").as_deref(),
        Some("Kept Org")
    );
}
