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
