use crate::helpers::*;
use reqwest::StatusCode;

fn session_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("pp_session="))
        .map(|v| v.split(';').next().unwrap_or_default().to_owned())
}

/// Posts the sign-in form of `page` (already fetched) with a `next` target.
async fn post_sign_in(app: &TestApp, page: &str, email: &str, next: &str) -> reqwest::Response {
    let token = csrf_token(page);
    app.client
        .post(app.url("/signin"))
        .form(&[
            ("email", email),
            ("password", STRONG_PASSWORD),
            ("csrf_token", &token),
            ("next", next),
        ])
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn signing_in_reaches_the_dashboard_with_a_new_session_id() {
    let app = TestApp::spawn().await;
    let email = app.browser().sign_up("signin").await;
    let page = app.get("/signin").await;
    assert_eq!(
        session_cookie(&page),
        None,
        "viewing the sign-in page stores no session (its form token is a signed cookie)"
    );
    let response = post_sign_in(&app, &page.text().await.unwrap(), &email, "").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/dashboard");
    session_cookie(&response).expect("a session starts at sign-in");
    let raw = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("pp_session="))
        .unwrap_or_default();
    assert!(
        raw.contains("HttpOnly") && raw.contains("SameSite=Lax"),
        "{raw}"
    );
    let html = app.get("/dashboard").await.text().await.unwrap();
    assert_eq!(texts(&html, ".site-nav .person"), vec!["Jane Doe"]);
    app.assert_audited("user.signed_in").await;
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_account_get_the_same_answer() {
    let app = TestApp::spawn().await;
    let email = app.browser().sign_up("samesame").await;
    let wrong = app.sign_in(&email, "not the right password at all").await;
    let unknown = app
        .sign_in(
            "nobody@nowhere.example.com",
            "not the right password at all",
        )
        .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let wrong_html = wrong.text().await.unwrap();
    let unknown_html = unknown.text().await.unwrap();
    assert_eq!(
        texts(&wrong_html, ".error-summary"),
        texts(&unknown_html, ".error-summary")
    );
    assert_eq!(
        attr(&wrong_html, "#email", "value").as_deref(),
        Some(email.as_str()),
        "the address is kept"
    );
}

#[tokio::test]
async fn signing_in_with_empty_fields_names_both() {
    let app = TestApp::spawn().await;
    let response = app.sign_in("", "").await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    let targets: Vec<String> = error_summary(&html).into_iter().map(|(h, _)| h).collect();
    assert_eq!(targets, vec!["#email", "#password"]);
}

#[tokio::test]
async fn ten_failures_lock_the_account_and_tell_its_owner() {
    let app = TestApp::spawn().await;
    let email = app.browser().sign_up("lockme").await;
    for _ in 0..10 {
        assert_eq!(
            app.sign_in(&email, "wrong password number x")
                .await
                .status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
    let locked: bool = sqlx::query_scalar("select locked_until > now() from sign_in_guards")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert!(locked);
    // Even the right password is refused while locked.
    assert_eq!(
        app.sign_in(&email, STRONG_PASSWORD).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let mail = app.email_to(&email, "locked").await;
    assert!(mail.body_text.contains("10 failed attempts"));
    let actions = app.audit_actions().await;
    assert_eq!(
        actions
            .iter()
            .filter(|a| *a == "user.sign_in_failed")
            .count(),
        10
    );
    assert!(actions.contains(&"user.locked".to_string()));
    assert!(actions.contains(&"user.sign_in_refused_locked".to_string()));

    // When the lock ends, the right password works again.
    sqlx::query("update sign_in_guards set locked_until = now() - interval '1 second'")
        .execute(&app.db)
        .await
        .unwrap();
    assert_eq!(
        app.sign_in(&email, STRONG_PASSWORD).await.status(),
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn wrong_passwords_elsewhere_never_lock_out_the_owners_known_device() {
    let app = TestApp::spawn().await;
    let owner = app.browser();
    // The owner signs up and in: this browser becomes a known device of the account.
    let email = owner.sign_up("ownerdevice").await;
    let devices: i64 = sqlx::query_scalar("select count(*) from trusted_devices")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(devices, 1);
    owner.submit("/dashboard", "/signout", &[]).await;
    // An attacker (another browser) guesses until locked out, then even the right password
    // is refused there.
    let attacker = app.browser();
    for _ in 0..10 {
        attacker
            .submit(
                "/signin",
                "/signin",
                &[("email", &email), ("password", "guess guess guess 1")],
            )
            .await;
    }
    let refused = attacker
        .submit(
            "/signin",
            "/signin",
            &[("email", &email), ("password", STRONG_PASSWORD)],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // The lock lasts 15 minutes at most.
    let longest: f64 = sqlx::query_scalar(
        "select extract(epoch from max(locked_until) - now())::float8 from sign_in_guards",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert!(longest <= 15.0 * 60.0 + 1.0, "{longest} s");
    // Even with many sources locked out at once, the owner's device signs in.
    sqlx::query(
        "insert into sign_in_guards (realm, account_id, source, locked_until)
         select 'partner', user_id, 'ip:192.0.2.' || n, now() + interval '15 minutes'
         from users, generate_series(1, 6) n",
    )
    .execute(&app.db)
    .await
    .unwrap();
    let welcome = owner
        .submit(
            "/signin",
            "/signin",
            &[("email", &email), ("password", STRONG_PASSWORD)],
        )
        .await;
    assert_eq!(
        welcome.status(),
        StatusCode::SEE_OTHER,
        "the owner's device"
    );
    // A browser the account does not know is refused while so many sources are locked
    // (even from an address that is not itself locked out).
    sqlx::query("delete from sign_in_guards where source = 'ip:127.0.0.1'")
        .execute(&app.db)
        .await
        .unwrap();
    let stranger = app.browser();
    let refused = stranger
        .submit(
            "/signin",
            "/signin",
            &[("email", &email), ("password", STRONG_PASSWORD)],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn repeated_failures_from_one_source_are_answered_ever_later() {
    let step = std::time::Duration::from_millis(300);
    let app = TestApp::spawn_with(|c| c.rate_limits.sign_in_delay_step = step).await;
    let email = app.browser().sign_up("slowed").await;
    let mut waits = Vec::new();
    for _ in 0..4 {
        let started = std::time::Instant::now();
        let r = app.sign_in(&email, "not it at all, sorry").await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        waits.push(started.elapsed());
    }
    // The first two answer without a delay; then one step, then two (lower bounds only:
    // a sleep is never shorter than asked).
    assert!(waits[2] >= step, "{waits:?}");
    assert!(waits[3] >= step * 2, "{waits:?}");
}

#[tokio::test]
async fn parallel_guesses_cannot_exceed_the_failure_limit() {
    let app = TestApp::spawn().await;
    let email = app.browser().sign_up("parallel").await;
    let user_id: uuid::Uuid = sqlx::query_scalar("select user_id from users")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let mut counted = Vec::new();
    let tasks: Vec<_> = (0..25)
        .map(|_| {
            let db = app.db.clone();
            tokio::spawn(async move {
                partner_portal::db::guards::count_attempt(
                    &db,
                    partner_portal::db::guards::Realm::Partner,
                    user_id,
                    "ip:127.0.0.1",
                )
                .await
                .unwrap()
            })
        })
        .collect();
    for t in tasks {
        counted.push(t.await.unwrap());
    }
    assert_eq!(
        counted.iter().filter(|c| c.is_some()).count(),
        10,
        "only 10 attempts may be verified"
    );
    let _ = email;
}

#[tokio::test]
async fn sign_in_is_rate_limited_per_address() {
    let app = TestApp::spawn_with(|c| c.rate_limits.sign_in.max = 3).await;
    for _ in 0..3 {
        assert_eq!(
            app.sign_in("a@b.example.com", "whatever password")
                .await
                .status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
    let response = app.sign_in("a@b.example.com", "whatever password").await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(
        texts(&response.text().await.unwrap(), "#email-error")[0].contains("Too many attempts")
    );
}

#[tokio::test]
async fn the_session_table_keeps_only_a_hash_of_each_session_id() {
    let app = TestApp::spawn().await;
    let email = app.browser().sign_up("hashed").await;
    let page = app.me().html("/signin").await;
    let response = post_sign_in(&app, &page, &email, "").await;
    let cookie = session_cookie(&response).expect("a session starts at sign-in");
    let id = cookie.trim_start_matches("pp_session=");
    let keys: Vec<String> = sqlx::query_scalar("select id from tower_sessions.session")
        .fetch_all(&app.db)
        .await
        .unwrap();
    assert!(!keys.iter().any(|k| k == id), "a live session id is stored");
    use partner_portal::domain::token::{hash_token, hex};
    assert!(keys.contains(&hex(&hash_token(id))), "{keys:?}");
    // The session still works from its cookie.
    let html = app.get("/dashboard").await.text().await.unwrap();
    assert_eq!(texts(&html, ".site-nav .person"), vec!["Jane Doe"]);
}

#[tokio::test]
async fn a_signed_in_page_view_writes_the_session_at_most_once_a_minute() {
    let app = TestApp::spawn().await;
    app.sign_up("quietsession").await;
    app.get("/dashboard").await;
    let expiry = || async {
        sqlx::query_scalar::<_, time::OffsetDateTime>(
            "select max(expiry_date) from tower_sessions.session",
        )
        .fetch_one(&app.db)
        .await
        .unwrap()
    };
    let before = expiry().await;
    for _ in 0..5 {
        assert_eq!(app.get("/dashboard").await.status(), StatusCode::OK);
    }
    assert_eq!(expiry().await, before, "no write within the minute");
    // A minute later (pretended), the next view pushes the idle expiry back.
    sqlx::query(
        "update tower_sessions.session
         set data = convert_to(jsonb_set(convert_from(data, 'UTF8')::jsonb, '{touched}', '0')::text, 'UTF8')",
    )
    .execute(&app.db)
    .await
    .unwrap();
    // Changed behind the portal's back: its cache hears of it by notification.
    app.wait_for_session_cache_to_forget().await;
    assert_eq!(app.get("/dashboard").await.status(), StatusCode::OK);
    assert!(expiry().await > before, "the idle expiry slid");
}

#[tokio::test]
async fn signing_out_ends_the_session_for_good() {
    let app = TestApp::spawn().await;
    app.sign_up("signout").await;
    let cookie = app.client.get(app.url("/dashboard")).send().await.unwrap();
    assert_eq!(cookie.status(), StatusCode::OK);
    // Copy the signed-in cookie into a second client to replay it after sign-out.
    let jar_cookie: Vec<String> = sqlx::query_scalar("select id from tower_sessions.session")
        .fetch_all(&app.db)
        .await
        .unwrap();
    assert!(!jar_cookie.is_empty());

    let response = app.submit("/dashboard", "/signout", &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/signin");
    let after = app.get("/dashboard").await;
    assert_eq!(after.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&after), "/signin?next=/dashboard");
    let remaining: i64 =
        sqlx::query_scalar("select count(*) from tower_sessions.session where id = any($1)")
            .bind(&jar_cookie)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(remaining, 0, "the signed-in session row is deleted");
    app.assert_audited("user.signed_out").await;
}

#[tokio::test]
async fn a_private_page_sends_you_to_sign_in_and_back() {
    let app = TestApp::spawn().await;
    let email = app.browser().sign_up("comeback").await;
    let response = app.get("/account/password").await;
    assert_eq!(location(&response), "/signin?next=/account/password");
    let page = app.me().html("/signin?next=/account/password").await;
    assert_eq!(
        attr(&page, "input[name=next]", "value").as_deref(),
        Some("/account/password")
    );
    let response = post_sign_in(&app, &page, &email, "/account/password").await;
    assert_eq!(location(&response), "/account/password");
}

#[tokio::test]
async fn sign_in_never_redirects_off_site() {
    let app = TestApp::spawn().await;
    let email = app.browser().sign_up("offsite").await;
    let page = app.me().html("/signin").await;
    let response = post_sign_in(&app, &page, &email, "//evil.example/x").await;
    assert_eq!(location(&response), "/dashboard");
    // A TAB (or newline) that browsers drop would turn "/\t/evil" into "//evil".
    let other = app.browser();
    for query in [
        "/%09/evil.example/x",
        "/%0a",
        "/%0d%0aSet-Cookie:%20x=1",
        "/%00",
    ] {
        for page in ["/signin", "/signup"] {
            let response = other.open(&format!("{page}?next={query}")).await;
            assert_eq!(response.status(), StatusCode::OK, "{page}?next={query}");
            let html = response.text().await.unwrap();
            assert_eq!(
                attr(&html, "input[name=next]", "value").as_deref(),
                Some("/dashboard"),
                "{page}?next={query}"
            );
        }
    }
    let page = other.html("/signin").await;
    let token = csrf_token(&page);
    let response = other
        .post(app.url("/signin"))
        .form(&[
            ("email", email.as_str()),
            ("password", STRONG_PASSWORD),
            ("next", "/\t/evil.example/x"),
            ("csrf_token", token.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(location(&response), "/dashboard");
    // Signed in, the same hostile links redirect home instead of failing.
    for query in ["/%09/evil.example/x", "/%0a"] {
        let response = other.open(&format!("/signin?next={query}")).await;
        assert_eq!(location(&response), "/dashboard", "{query}");
    }
}

#[tokio::test]
async fn a_session_past_its_absolute_lifetime_ends() {
    let app =
        TestApp::spawn_with(|c| c.session_absolute_timeout = std::time::Duration::from_secs(1))
            .await;
    app.sign_up("shortlived").await;
    assert_eq!(app.get("/dashboard").await.status(), StatusCode::OK);
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    let response = app.get("/dashboard").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let html = app.me().html("/signin").await;
    assert!(texts(&html, ".flash")[0].contains("session has ended"));
}

/// Ends every stored session as if it had expired, and waits until no process serves one
/// from its cache.
async fn expire_sessions(app: &TestApp) {
    sqlx::query("delete from tower_sessions.session")
        .execute(&app.db)
        .await
        .unwrap();
    app.wait_for_session_cache_to_forget().await;
}

#[tokio::test]
async fn a_form_sent_after_the_session_expired_comes_back_filled_in_after_signing_in() {
    let app = TestApp::spawn().await;
    let email = app.sign_up("resume").await;
    let me = app.me();
    let page = me.html("/enroll/legal-profile").await;
    let token = csrf_token(&page);
    expire_sessions(&app).await;
    // The user typed their answers and pressed Continue after the session had expired.
    let mut typed: Vec<(&str, &str)> = LEGAL.to_vec();
    typed.push(("csrf_token", &token));
    let sent = me
        .post(app.url("/enroll/legal-profile"))
        .header("referer", app.url("/enroll/legal-profile"))
        .form(&typed)
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status(), StatusCode::SEE_OTHER, "not a refusal");
    assert_eq!(location(&sent), "/signin?next=/enroll/legal-profile");
    // The sign-in page says why it appeared.
    let signin = me.html("/signin?next=/enroll/legal-profile").await;
    assert_eq!(
        texts(&signin, "#signin-why"),
        [
            "You were signed out after 30 minutes without activity. Sign in again to go back to your form: what you typed is kept."
        ]
    );
    let signed = me
        .submit(
            "/signin?next=/enroll/legal-profile",
            "/signin",
            &[
                ("email", &email),
                ("password", STRONG_PASSWORD),
                ("next", "/enroll/legal-profile"),
            ],
        )
        .await;
    assert_eq!(location(&signed), "/enroll/legal-profile");
    // Back on the form with what was typed, and a line saying what happened; nothing was
    // saved on the user's behalf.
    let back = me.html("/enroll/legal-profile").await;
    assert!(
        texts(&back, ".flash")[0].contains("signed out after 30 minutes without activity"),
        "{:?}",
        texts(&back, ".flash")
    );
    for (name, value) in LEGAL {
        assert_eq!(
            attr(&back, &format!("#{name}"), "value").as_deref(),
            Some(*value),
            "{name}"
        );
    }
    let saved: Option<String> = sqlx::query_scalar("select legal_name from applications")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert!(saved.is_none(), "nothing saved until the user continues");
    // Once: the next visit shows the saved draft again.
    let again = me.html("/enroll/legal-profile").await;
    assert_eq!(attr(&again, "#legal_name", "value").as_deref(), Some(""));
    // Continuing saves them.
    let fields: Vec<(&str, &str)> = LEGAL.to_vec();
    let saved = me
        .submit("/enroll/legal-profile", "/enroll/legal-profile", &fields)
        .await;
    assert_eq!(location(&saved), "/enroll/primary-contact");
}

#[tokio::test]
async fn the_sign_in_page_says_why_it_appeared() {
    let app = TestApp::spawn().await;
    // A visitor who asked for a private page.
    let open = app.get("/customers").await;
    assert_eq!(location(&open), "/signin?next=/customers");
    let signin = app.me().html("/signin?next=/customers").await;
    assert_eq!(
        texts(&signin, "#signin-why"),
        ["Sign in to open that page."]
    );
    // Opened on purpose: nothing to explain.
    let plain = app.me().html("/signin").await;
    assert!(texts(&plain, "#signin-why").is_empty());
    // A signed-in user whose session expired, opening a page.
    let email = app.sign_up("why").await;
    expire_sessions(&app).await;
    let open = app.get("/account/profile").await;
    assert_eq!(location(&open), "/signin?next=/account/profile");
    let signin = app.me().html("/signin?next=/account/profile").await;
    assert_eq!(
        texts(&signin, "#signin-why"),
        ["You were signed out after 30 minutes without activity. Sign in again to carry on."]
    );
    // A form of a page that cannot take answers back: to sign in, and back to its page.
    app.sign_in(&email, STRONG_PASSWORD).await;
    let page = app.me().html("/account/users").await;
    let token = csrf_token(&page);
    expire_sessions(&app).await;
    let sent = app
        .me()
        .post(app.url("/account/users"))
        .header("referer", app.url("/account/users"))
        .form(&[
            ("csrf_token", token.as_str()),
            ("email", "a@why.example.com"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(location(&sent), "/signin?next=/account/users");
    let signin = app.me().html("/signin?next=/account/users").await;
    assert!(texts(&signin, "#signin-why")[0].ends_with("Sign in again to carry on."));
    // A wrong token while signed in, or without the page it came from, is still refused.
    app.sign_in(&email, STRONG_PASSWORD).await;
    let forged = app
        .me()
        .post(app.url("/account/users"))
        .header("referer", app.url("/account/users"))
        .form(&[("csrf_token", "0000"), ("email", "b@why.example.com")])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    // Signing out on purpose: the next sign-in page does not speak of a timeout.
    let dashboard = app.me().html("/dashboard").await;
    app.me()
        .post(app.url("/signout"))
        .form(&[("csrf_token", csrf_token(&dashboard).as_str())])
        .send()
        .await
        .unwrap();
    let flashed = app.me().html("/signin").await;
    assert!(texts(&flashed, "#signin-why").is_empty());
    assert!(!texts(&flashed, ".flash").is_empty());
    let after = app.me().html("/signin?next=/dashboard").await;
    assert_eq!(texts(&after, "#signin-why"), ["Sign in to open that page."]);
    // In German.
    let reader = app.browser_speaking("de");
    let page = reader.html("/signin?next=/customers").await;
    crate::languages::assert_no_english(partner_portal::i18n::Lang::De, "sign-in why", &page);
}
