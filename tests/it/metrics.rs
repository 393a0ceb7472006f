//! Issue 19, point 7: Prometheus metrics on a listener of their own (`METRICS_BIND`).

use crate::helpers::*;
use reqwest::StatusCode;

/// The value of the series `name{labels}` (labels in the order they are recorded), or 0.
fn value(text: &str, series: &str) -> f64 {
    text.lines()
        .find(|l| l.starts_with(series) && l[series.len()..].starts_with(' '))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0)
}

async fn scrape(app: &TestApp) -> String {
    let base = app.metrics_address.as_ref().expect("a metrics listener");
    let response = reqwest::get(format!("{base}/metrics")).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain; version=0.0.4")
    );
    response.text().await.unwrap()
}

#[tokio::test]
async fn metrics_are_served_on_their_own_listener_only_when_asked_for() {
    let app = TestApp::spawn_with(|c| {
        c.metrics_bind = Some("127.0.0.1:0".parse().unwrap());
        // One sign-up from this address, then the limit refuses.
        c.rate_limits.sign_up.max = 1;
    })
    .await;
    let before = scrape(&app).await;
    let series = r#"portal_http_requests_total{route="/signin",method="GET",status="2xx"}"#;
    let signin_before = value(&before, series);
    for _ in 0..3 {
        assert_eq!(app.get("/signin").await.status(), StatusCode::OK);
    }
    // A route template, not the address: ids do not make new series.
    app.get(&format!("/applications/{}", uuid::Uuid::new_v4()))
        .await;
    app.get("/no/such/page").await;
    // Sign-in failures, and a rate-limit refusal.
    let email = app.sign_up("metrics").await;
    let other = app.browser();
    let fail_to_sign_in = async |times: usize| {
        for _ in 0..times {
            other
                .submit(
                    "/signin",
                    "/signin",
                    &[("email", &email), ("password", "wrong password entirely")],
                )
                .await;
        }
    };
    fail_to_sign_in(2).await;
    let text = scrape(&app).await;
    assert!(value(&text, series) >= signin_before + 3.0, "{text}");
    assert!(
        text.contains(r#"route="/applications/{id}""#),
        "route templates: {text}"
    );
    assert!(text.contains(r#"route="unmatched""#));
    assert!(!text.contains("/no/such/page"));
    assert!(
        text.contains(r#"portal_http_request_duration_seconds_bucket{route="/signin",le="0.005"}"#),
        "a latency histogram: {text}"
    );
    assert!(value(&text, r#"portal_sign_in_failures_total{realm="partner"}"#) >= 2.0);
    assert!(text.contains(r#"portal_db_pool_connections{state="idle"}"#));
    assert!(text.contains(r#"portal_db_pool_connections{state="in_use"}"#));
    assert!(text.contains("portal_outbox_pending "));
    assert_eq!(value(&text, "portal_db_reachable"), 1.0);
    assert!(text.contains("portal_outbox_oldest_pending_seconds "));
    // Lockouts and rate-limit refusals are counted (ten failures lock the source out).
    fail_to_sign_in(10).await;
    let text = scrape(&app).await;
    assert!(
        value(&text, r#"portal_sign_in_lockouts_total{realm="partner"}"#) >= 1.0,
        "{text}"
    );
    let refusals = r#"portal_rate_limit_refusals_total{limit="sign_up"}"#;
    let refused_before = value(&text, refusals);
    let refused = app
        .browser()
        .submit(
            "/signup",
            "/signup",
            &sign_up_fields("metricstwo", "admin@metricstwo.example.com", "DE"),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let text = scrape(&app).await;
    assert!(value(&text, refusals) >= refused_before + 1.0, "{text}");
    // Not on the public port.
    assert_eq!(app.get("/metrics").await.status(), StatusCode::NOT_FOUND);

    // Off by default: no listener.
    let quiet = TestApp::spawn().await;
    assert!(quiet.metrics_address.is_none());
    assert_eq!(quiet.get("/metrics").await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_time_requests_wait_for_a_pooled_connection_is_measured() {
    let app = TestApp::spawn_with(|c| {
        c.metrics_bind = Some("127.0.0.1:0".parse().unwrap());
        c.db.max_connections = 3;
        // The worker takes a connection now and then; here it sleeps after its first round.
        c.outbox.poll_interval = std::time::Duration::from_secs(3600);
    })
    .await;
    let sum = "portal_db_pool_acquire_seconds_sum";
    let count = "portal_db_pool_acquire_seconds_count";
    assert_eq!(app.get("/readyz").await.status(), StatusCode::OK);
    let before = scrape(&app).await;
    assert!(
        value(&before, count) >= 1.0,
        "acquisitions are counted: {before}"
    );
    assert!(
        before.contains(r#"portal_db_pool_acquire_seconds_bucket{le="0.001"}"#),
        "a histogram: {before}"
    );
    // The test holds every connection the portal's pool can give (the pool is the portal's
    // own; its cache listener keeps one) while a page waits for one, then lets them go.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let mut held = Vec::new();
    while let Ok(Ok(conn)) =
        tokio::time::timeout(std::time::Duration::from_millis(300), app.db.acquire()).await
    {
        held.push(conn);
    }
    assert!(!held.is_empty());
    let page = tokio::spawn({
        let url = app.url("/readyz");
        async move { reqwest::get(url).await.map(|r| r.status()) }
    });
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    drop(held);
    assert_eq!(page.await.unwrap().unwrap(), StatusCode::OK);
    let after = scrape(&app).await;
    let waited = value(&after, sum) - value(&before, sum);
    assert!(
        waited >= 0.35,
        "the page's wait for a connection ({waited} s) is in the sum"
    );
}
