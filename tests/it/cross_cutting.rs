use crate::helpers::*;
use reqwest::StatusCode;
use std::time::Instant;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn header<'a>(response: &'a reqwest::Response, name: &str) -> &'a str {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_else(|| panic!("no {name} header"))
}

#[tokio::test]
async fn every_response_carries_the_security_headers_and_a_request_id() {
    let app = TestApp::spawn().await;
    for path in [
        "/",
        "/signin",
        "/no-such-page",
        "/static/css/site.css",
        "/healthz",
    ] {
        let response = app.get(path).await;
        assert!(
            header(&response, "content-security-policy").contains("default-src 'self'"),
            "{path}"
        );
        assert!(
            header(&response, "content-security-policy").contains("frame-ancestors 'none'"),
            "{path}"
        );
        assert_eq!(
            header(&response, "x-content-type-options"),
            "nosniff",
            "{path}"
        );
        assert_eq!(
            header(&response, "referrer-policy"),
            "same-origin",
            "{path}"
        );
        assert_eq!(header(&response, "x-request-id").len(), 36, "{path}");
        assert!(
            response
                .headers()
                .get("strict-transport-security")
                .is_none(),
            "no HSTS without secure cookies"
        );
    }
    let page = new_client()
        .get(format!("{}/signin", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(header(&page, "cache-control"), "no-store");
    let cookie = header(&page, "set-cookie").to_owned();
    assert!(cookie.starts_with("pp_csrf="), "{cookie}");
    assert!(
        cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Lax")
            && !cookie.contains("Secure"),
        "{cookie}"
    );
    let css = app.get("/static/css/site.css").await;
    assert!(header(&css, "cache-control").contains("max-age"));
}

#[tokio::test]
async fn secure_cookies_bring_hsts() {
    let app = TestApp::spawn_with(|c| c.cookie_secure = true).await;
    let response = app.get("/signin").await;
    assert!(header(&response, "strict-transport-security").contains("max-age="));
    let cookie = header(&response, "set-cookie");
    assert!(
        cookie.starts_with("__Host-pp_csrf=") && cookie.contains("Secure"),
        "the form-token cookie can only be set by this host, over HTTPS: {cookie}"
    );
}

#[tokio::test]
async fn an_unknown_page_gets_a_404_page_with_the_request_id() {
    let app = TestApp::spawn().await;
    let response = app.get("/no-such-page").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let id = header(&response, "x-request-id").to_owned();
    let html = response.text().await.unwrap();
    assert_eq!(texts(&html, "h1"), vec!["Page not found"]);
    assert_eq!(texts(&html, ".request-id"), vec![id]);
}

#[tokio::test]
async fn a_broken_database_gives_a_500_page_that_shows_nothing_internal() {
    let app = TestApp::spawn().await;
    sqlx::query("alter table markets rename to markets_gone")
        .execute(&app.db)
        .await
        .unwrap();
    let response = app.get("/signup").await;
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let id = header(&response, "x-request-id").to_owned();
    let html = response.text().await.unwrap();
    assert_eq!(texts(&html, "h1"), vec!["Sorry, something went wrong"]);
    assert_eq!(texts(&html, ".request-id"), vec![id]);
    assert!(
        !html.contains("markets") && !html.contains("relation"),
        "no internals on the page"
    );
}

#[tokio::test]
async fn a_form_without_the_session_token_is_refused() {
    let app = TestApp::spawn().await;
    app.get("/signin").await;
    let response = app
        .client
        .post(app.url("/signin"))
        .form(&[("email", "a@b.example.com"), ("password", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let html = response.text().await.unwrap();
    assert!(texts(&html, "main p")[0].contains("sent from another site or has expired"));

    // A token from another browser's session does not count either.
    let other = app.browser();
    let foreign = csrf_token(&other.html("/signin").await);
    let response = app
        .client
        .post(app.url("/signin"))
        .form(&[
            ("email", "a@b.example.com"),
            ("password", "x"),
            ("csrf_token", &foreign),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_cross_site_post_is_refused_even_with_a_valid_token() {
    let app = TestApp::spawn().await;
    let token = csrf_token(&app.get("/signin").await.text().await.unwrap());
    let form = [
        ("email", "a@b.example.com"),
        ("password", "whatever it is"),
        ("csrf_token", token.as_str()),
    ];
    let cross_site = app
        .client
        .post(app.url("/signin"))
        .header("sec-fetch-site", "cross-site")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(cross_site.status(), StatusCode::FORBIDDEN);
    assert!(texts(&cross_site.text().await.unwrap(), "h1")[0].contains("You cannot do that"));
    let foreign_origin = app
        .client
        .post(app.url("/signin"))
        .header("origin", "https://evil.example")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(foreign_origin.status(), StatusCode::FORBIDDEN);
    let same_origin = app
        .client
        .post(app.url("/signin"))
        .header("sec-fetch-site", "same-origin")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(
        same_origin.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a same-origin form goes through"
    );
}

#[tokio::test]
async fn health_and_readiness() {
    let app = TestApp::spawn().await;
    assert_eq!(app.get("/healthz").await.text().await.unwrap(), "ok");
    let ready = app.get("/readyz").await;
    assert_eq!(ready.status(), StatusCode::OK);
}

#[tokio::test]
async fn readiness_fails_when_the_database_is_unreachable() {
    partner_portal::install_crypto_provider();
    let config = test_config();
    // A pool that points at a port where no database listens.
    let db = sqlx::postgres::PgPoolOptions::new()
        .acquire_timeout(std::time::Duration::from_millis(500))
        .connect_lazy("postgres://postgres@127.0.0.1:1/nothing")
        .unwrap();
    let mailer = partner_portal::email::Mailer::from_config(&config).unwrap();
    let app = partner_portal::startup::Application::build_with(config, db, mailer, Instant::now())
        .await
        .unwrap();
    let address = format!("http://127.0.0.1:{}", app.port());
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(app.run_until_stopped(async move {
        let _ = rx.await;
    }));
    let client = new_client();
    assert_eq!(
        client
            .get(format!("{address}/healthz"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        client
            .get(format!("{address}/readyz"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::SERVICE_UNAVAILABLE
    );
    tx.send(()).unwrap();
    server.await.unwrap().unwrap();
}

#[tokio::test]
async fn an_oversized_body_is_refused_with_a_page() {
    let app = TestApp::spawn().await;
    let big = "x".repeat(app.config.max_body_bytes + 1);
    let response = app
        .client
        .post(app.url("/signin"))
        .form(&[("email", big.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(
        header(&response, "connection"),
        "close",
        "the client is told the connection ends"
    );
    assert_eq!(
        texts(&response.text().await.unwrap(), "h1"),
        vec!["What you sent is too large"]
    );
}

#[tokio::test]
async fn the_dev_mailbox_lists_messages_with_clickable_links() {
    let app = TestApp::spawn().await;
    let email = app.me().sign_up_unconfirmed("mailbox").await;
    app.email_to(&email, "Confirm").await;
    let html = app.get("/dev/mailbox").await.text().await.unwrap();
    assert_eq!(texts(&html, "#mailbox .recipient"), vec![email.clone()]);
    let href = attr(&html, "#mailbox a.subject", "href").unwrap();
    let message = app.get(&href).await.text().await.unwrap();
    let link = attr(&message, "#body a", "href").unwrap();
    assert!(
        link.starts_with(&format!("{}/signup/confirm/", app.address)),
        "{link}"
    );
    let confirm = app.client.get(&link).send().await.unwrap();
    assert_eq!(confirm.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn the_dev_mailbox_does_not_exist_outside_mailbox_mode() {
    let app = TestApp::spawn_with(|c| smtp(c, 1)).await;
    assert_eq!(
        app.get("/dev/mailbox").await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn shutdown_lets_an_in_flight_request_finish() {
    let app = TestApp::spawn().await;
    let port: u16 = app.address.rsplit(':').next().unwrap().parse().unwrap();
    let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .unwrap();
    let body = "email=a%40b.example.com&password=x";
    let head = format!(
        "POST /signin HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(&body.as_bytes()[..5]).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;

    let stopping = tokio::spawn(app.stop());
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    assert!(
        !stopping.is_finished(),
        "the server waits for the request in flight"
    );
    stream.write_all(&body.as_bytes()[5..]).await.unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await.unwrap();
    assert!(
        answer.starts_with("HTTP/1.1 403"),
        "the request was answered (no CSRF token): {answer}"
    );
    stopping.await.unwrap().unwrap();
}

#[tokio::test]
async fn a_request_that_takes_too_long_gets_a_408_page() {
    let app =
        TestApp::spawn_with(|c| c.request_timeout = std::time::Duration::from_millis(300)).await;
    let port: u16 = app.address.rsplit(':').next().unwrap().parse().unwrap();
    let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .unwrap();
    // Announce a body and never finish sending it.
    stream
        .write_all(b"POST /signin HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\nConnection: close\r\n\r\nemail=")
        .await
        .unwrap();
    let mut answer = String::new();
    tokio::time::timeout(
        std::time::Duration::from_secs(5),
        stream.read_to_string(&mut answer),
    )
    .await
    .expect("the server answers on its own")
    .unwrap();
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    let body = &answer[answer.find("\r\n\r\n").unwrap() + 4..];
    assert_eq!(texts(body, "h1"), vec!["That took too long"]);
}

#[tokio::test]
async fn secret_tokens_never_reach_the_logs() {
    let app = TestApp::spawn().await;
    let email = app.browser().sign_up("quietlogs").await;
    let confirm = app.email_to(&email, "").await.link_path(&app.address);
    app.submit("/password/forgot", "/password/forgot", &[("email", &email)])
        .await;
    let reset = app
        .email_to(&email, "Reset your")
        .await
        .link_path(&app.address);
    // Opening the links, and a refused form (a WARN line inside the request's span) on each.
    for link in [&reset, &confirm] {
        app.browser().open(link).await;
        let refused = new_client()
            .post(app.url(link))
            .form(&[("password", STRONG_PASSWORD)])
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    }
    let logs = captured_logs();
    assert!(
        logs.contains("refused a form without a valid CSRF token"),
        "the refusals were logged"
    );
    for link in [&reset, &confirm] {
        let token = link.rsplit('/').next().unwrap();
        assert!(!logs.contains(token), "a live token is in the log: {link}");
    }
    // Nor any other secret-looking value, from any test that ran before this line (every
    // test app also checks each line as it is written: see `helpers::SECRET_LINES`).
    assert!(!has_secret_shape(&logs));
}

/// Posts a wrong password for `email` from `browser` with an `X-Forwarded-For` header;
/// returns the sources the sign-in guard counted failures for.
async fn failure_sources(app: &TestApp, email: &str, forwarded_for: &str) -> Vec<String> {
    let browser = app.browser();
    let token = csrf_token(&browser.html("/signin").await);
    let r = browser
        .post(app.url("/signin"))
        .header("X-Forwarded-For", forwarded_for)
        .form(&[
            ("csrf_token", token.as_str()),
            ("email", email),
            ("password", "not the password at all"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a refused sign-in"
    );
    sqlx::query_scalar("select source from sign_in_guards order by source")
        .fetch_all(&app.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn x_forwarded_for_counts_only_from_a_trusted_proxy() {
    let app = TestApp::spawn().await;
    let email = app.sign_up("xff").await;
    let sources = failure_sources(&app, &email, "203.0.113.9").await;
    assert_eq!(
        sources,
        ["ip:127.0.0.1"],
        "nothing trusted: the peer is the client"
    );

    let app = TestApp::spawn_with(|c| {
        c.server.trusted_proxies =
            partner_portal::config::TrustedProxies::parse("127.0.0.1/32").unwrap()
    })
    .await;
    let email = app.sign_up("xfftrusted").await;
    let sources = failure_sources(&app, &email, "198.51.100.1, 203.0.113.9").await;
    assert_eq!(
        sources,
        ["ip:203.0.113.9"],
        "behind a trusted proxy: the right-most address it forwarded"
    );
}

#[tokio::test]
async fn the_dev_mailbox_shows_html_mail_styled_in_a_sandboxed_frame_without_weakening_the_csp() {
    let app = TestApp::spawn().await;
    app.sign_up("mailframe").await;
    let id: uuid::Uuid = sqlx::query_scalar("select email_id from email_outbox limit 1")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let page = app.get(&format!("/dev/mailbox/{id}")).await;
    let page_csp = page.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(!page_csp.contains("unsafe-inline"), "{page_csp}");
    let html = page.text().await.unwrap();
    let src = attr(&html, "iframe#html-frame[sandbox]", "src").expect("a sandboxed frame");
    let framed = app.get(&src).await;
    assert_eq!(framed.status(), StatusCode::OK);
    let csp = framed.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    for part in [
        "sandbox",
        "style-src 'unsafe-inline'",
        "default-src 'none'",
        "frame-ancestors 'self'",
    ] {
        assert!(csp.contains(part), "{part} in {csp}");
    }
    assert!(!csp.contains("script-src"), "{csp}");
    assert_eq!(framed.headers()["x-frame-options"], "SAMEORIGIN");
    assert!(framed.text().await.unwrap().contains("style=\""));
}
