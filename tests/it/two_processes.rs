//! Two portal processes on one database (issue 13): each has its own pool, session cache
//! and cache listener, as two OS processes would. Whatever ends a session on one must hold
//! on the other at its very next request, although the other serves that session from
//! its cache.

use crate::helpers::*;
use reqwest::StatusCode;

impl TestApp {
    /// A second portal process on this one's database.
    pub async fn second_process(&self) -> TestApp {
        TestApp::spawn_config(self.config.clone()).await
    }
}

/// The same person (the same cookie jar) talking to `app`.
fn same_person_on<'a>(browser: &Browser<'_>, app: &'a TestApp) -> Browser<'a> {
    Browser {
        app,
        client: browser.client.clone(),
    }
}

/// Loads `path` twice on `on` (the second answer comes from its cache) and checks 200.
async fn cached_ok(on: &Browser<'_>, path: &str) {
    for _ in 0..2 {
        assert_eq!(on.open(path).await.status(), StatusCode::OK, "{path}");
    }
}

async fn assert_sent_to_sign_in(on: &Browser<'_>, path: &str, sign_in: &str) {
    let r = on.open(path).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "{path} still served");
    assert!(location(&r).starts_with(sign_in), "{}", location(&r));
}

#[tokio::test]
async fn signing_out_on_one_process_ends_the_session_on_the_other_at_once() {
    use reqwest::cookie::CookieStore;
    let a = TestApp::spawn().await;
    let b = a.second_process().await;
    let (on_a, jar) = a.browser_with_jar();
    on_a.sign_up("twoproc").await;
    let on_b = same_person_on(&on_a, &b);
    cached_ok(&on_b, "/dashboard").await;
    assert!(
        b.session_cache_len() >= 1,
        "process B serves the session from its cache"
    );
    let signed_in_cookie = jar
        .cookies(&a.address.parse().unwrap())
        .expect("the session cookie");

    let out = on_a.submit("/dashboard", "/signout", &[]).await;
    assert_eq!(out.status(), StatusCode::SEE_OTHER);
    // The old cookie, replayed on B at once, is dead there too.
    let replayed = new_client()
        .get(b.url("/dashboard"))
        .header(reqwest::header::COOKIE, signed_in_cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(
        replayed.status(),
        StatusCode::SEE_OTHER,
        "the old cookie still works on B"
    );
    assert!(location(&replayed).starts_with("/signin"));
    b.stop().await.unwrap();
}

#[tokio::test]
async fn a_password_change_on_one_process_ends_other_sessions_on_the_other() {
    let a = TestApp::spawn().await;
    let b = a.second_process().await;
    let me = a.browser();
    let email = me.sign_up("twopass").await;
    // The same account signed in on another device, served by process B.
    let device = b.browser();
    let r = device
        .submit(
            "/signin",
            "/signin",
            &[("email", &email), ("password", STRONG_PASSWORD)],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    cached_ok(&device, "/dashboard").await;

    let changed = me
        .submit(
            "/account/password",
            "/account/password",
            &[
                ("current_password", STRONG_PASSWORD),
                ("new_password", "copper lantern meadow quartz 7"),
            ],
        )
        .await;
    assert_eq!(changed.status(), StatusCode::SEE_OTHER);
    assert_sent_to_sign_in(&device, "/dashboard", "/signin").await;
    // The browser that changed it stays signed in, on either process.
    cached_ok(&same_person_on(&me, &b), "/dashboard").await;
    b.stop().await.unwrap();
}

#[tokio::test]
async fn disabling_a_staff_member_on_one_process_ends_their_session_on_the_other() {
    let a = TestApp::spawn().await;
    let b = a.second_process().await;
    let admin = a.operator_admin().await;
    let rita = b
        .staff_client("rita@operator.example.com", "reviewer")
        .await;
    cached_ok(&rita, "/admin/applications").await;
    let rita_id = a.staff_id("rita@operator.example.com").await;
    let off = admin
        .client
        .submit(
            "/admin/staff",
            &format!("/admin/staff/{rita_id}/disable"),
            &[],
        )
        .await;
    assert_eq!(off.status(), StatusCode::SEE_OTHER);
    assert_sent_to_sign_in(&rita, "/admin/applications", "/admin/signin").await;
    b.stop().await.unwrap();
}

#[tokio::test]
async fn a_session_written_on_one_process_is_not_served_stale_by_the_other() {
    // B has the session cached; A writes a flash into that same session (same id).
    let a = TestApp::spawn().await;
    let b = a.second_process().await;
    let on_a = a.browser();
    on_a.sign_up("twoflash").await;
    let on_b = same_person_on(&on_a, &b);
    cached_ok(&on_b, "/dashboard").await;
    let sent = on_a
        .submit("/dashboard", "/dashboard/resend-confirmation", &[])
        .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let page = on_b.html("/dashboard").await;
    assert_eq!(
        texts(&page, ".flash").len(),
        1,
        "B shows the flash A stored in the session"
    );
    b.stop().await.unwrap();
}

#[tokio::test]
async fn program_settings_saved_on_one_process_hold_on_the_other_at_once() {
    let a = TestApp::spawn().await;
    let b = a.second_process().await;
    crate::direct::approved_reseller(&a, "twosettings", "4100077", "13 months").await;
    let partner_on_b = same_person_on(&a.me(), &b);
    // B reads the settings (intake closed, the default) and keeps them.
    for _ in 0..2 {
        let html = partner_on_b.html("/enroll/direct").await;
        assert_eq!(texts(&html, "#intake-closed").len(), 1);
        assert!(texts(&html, "#start").is_empty());
    }

    let admin = a.browser();
    admin.staff_sign_in().await;
    let saved = admin
        .submit("/admin/settings", "/admin/settings", &[("intake", "open")])
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    // B's very next page has the new settings.
    let html = partner_on_b.html("/enroll/direct").await;
    assert!(
        texts(&html, "#intake-closed").is_empty(),
        "B still serves the old settings"
    );
    assert_eq!(texts(&html, "#start").len(), 1);
    b.stop().await.unwrap();
}

/// A round-robin HTTP proxy for the rest of the test: each request, whatever connection it
/// came on, goes to the next of `backends` in turn, with its headers (`Host` among them)
/// untouched. Returns how many requests each backend was sent.
async fn round_robin(
    listener: tokio::net::TcpListener,
    backends: Vec<String>,
) -> std::sync::Arc<Vec<std::sync::atomic::AtomicUsize>> {
    use hyper_util::rt::{TokioExecutor, TokioIo};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let client: hyper_util::client::legacy::Client<_, hyper::body::Incoming> =
        hyper_util::client::legacy::Client::builder(TokioExecutor::new()).build_http();
    let served: Arc<Vec<AtomicUsize>> =
        Arc::new(backends.iter().map(|_| AtomicUsize::new(0)).collect());
    let next = Arc::new(AtomicUsize::new(0));
    let backends = Arc::new(backends);
    let counts = served.clone();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let (client, backends, served, next) = (
                client.clone(),
                backends.clone(),
                counts.clone(),
                next.clone(),
            );
            tokio::spawn(async move {
                let service = hyper::service::service_fn(
                    move |mut request: hyper::Request<hyper::body::Incoming>| {
                        let i = next.fetch_add(1, Ordering::SeqCst) % backends.len();
                        served[i].fetch_add(1, Ordering::SeqCst);
                        let path = request
                            .uri()
                            .path_and_query()
                            .map_or("/", |p| p.as_str())
                            .to_owned();
                        *request.uri_mut() = format!("{}{path}", backends[i])
                            .parse()
                            .expect("a backend URI");
                        let client = client.clone();
                        async move { client.request(request).await }
                    },
                );
                let _ = hyper_util::server::conn::auto::Builder::new(TokioExecutor::new())
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
            });
        }
    });
    served
}

/// Two portal processes on one database behind a round-robin proxy. The first app's
/// `address` is the proxy's, so whatever a test does through it alternates between them;
/// links in e-mails point at the proxy too.
async fn two_processes_behind_a_proxy() -> (
    TestApp,
    TestApp,
    std::sync::Arc<Vec<std::sync::atomic::AtomicUsize>>,
) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let proxy = format!("http://{}", listener.local_addr().unwrap());
    let mut a = TestApp::spawn_with(|c| c.public_base_url = proxy.clone()).await;
    let mut config = a.config.clone();
    config.public_base_url = proxy.clone();
    let b = TestApp::spawn_config(config).await;
    let served = round_robin(listener, vec![a.address.clone(), b.address.clone()]).await;
    a.address = proxy;
    (a, b, served)
}

/// Sign-up, enrolment and the contact's confirmation, a reviewer's approval, then a
/// provider and a reseller linking up: all in Chromium, every request to either process.
async fn whole_journey(
    c: &fantoccini::Client,
    app: &TestApp,
) -> Result<(), fantoccini::error::CmdError> {
    use crate::browser::click;
    use fantoccini::Locator;
    crate::browser::enroll_and_have_the_contact_confirm(c, app).await?;
    click(c, ".site-nav button").await?;
    c.wait()
        .for_element(Locator::Css("form[action='/signin']"))
        .await?;

    crate::browser::operator_admin_approves(c, app, "Fabrikam GmbH").await?;
    crate::browser::applicant_sees_approval(c, app, "jan@fabrikam.example.com").await?;
    click(c, ".site-nav button").await?;
    c.wait()
        .for_element(Locator::Css("form[action='/signin']"))
        .await?;

    // A provider and a reseller link up.
    crate::browser::provider_and_reseller_link_up(c, app).await
}

#[tokio::test]
async fn a_browser_journey_whose_requests_alternate_between_two_processes_goes_through() {
    let (a, b, served) = two_processes_behind_a_proxy().await;
    crate::browser::in_browser_on("two_process_journey", "en-GB,en", &a, whole_journey).await;
    let served: Vec<usize> = served
        .iter()
        .map(|n| n.load(std::sync::atomic::Ordering::SeqCst))
        .collect();
    eprintln!("two-process journey: requests served by A and B: {served:?}");
    assert!(
        served.iter().all(|n| *n >= 20),
        "both processes served the journey: {served:?}"
    );
    assert_eq!(a.application_state().await, "approved");
    b.stop().await.unwrap();
}

#[tokio::test]
async fn lockouts_and_rate_limits_count_the_attempts_made_on_both_processes() {
    let a = TestApp::spawn_with(|c| c.rate_limits.sign_up.max = 4).await;
    let b = a.second_process().await;
    let email = a.browser().sign_up("twolock").await;
    // Ten failed sign-ins, alternating: five on each process.
    let on_a = a.browser();
    let on_b = same_person_on(&on_a, &b);
    let wrong = [
        ("email", email.as_str()),
        ("password", "not the password at all"),
    ];
    for i in 0..10 {
        let on = if i % 2 == 0 { &on_a } else { &on_b };
        let r = on.submit("/signin", "/signin", &wrong).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "attempt {i}");
    }
    // Locked on both: even the right password is refused.
    let right = [("email", email.as_str()), ("password", STRONG_PASSWORD)];
    for on in [&on_a, &on_b] {
        let r = on.submit("/signin", "/signin", &right).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(on.open("/dashboard").await.status(), StatusCode::SEE_OTHER);
    }
    assert!(
        a.email_to(&email, "locked")
            .await
            .body_text
            .contains("10 failed attempts")
    );
    a.assert_audited("user.locked").await;

    // Four sign-ups per address: one above, three more alternating, then refused on both.
    for (i, prefix) in ["twolimita", "twolimitb", "twolimitc"].iter().enumerate() {
        let on = if i % 2 == 0 { a.browser() } else { b.browser() };
        let fields = sign_up_fields(prefix, "owner@twolimit.example.com", "DE");
        let r = on.submit("/signup", "/signup", &fields).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "sign-up {i}");
    }
    for on in [a.browser(), b.browser()] {
        let fields = sign_up_fields("twolimitd", "owner@twolimitd.example.com", "DE");
        let r = on.submit("/signup", "/signup", &fields).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = r.text().await.unwrap();
        assert!(!error_summary(&html).is_empty(), "the refusal is explained");
    }
    b.stop().await.unwrap();
}
