//! Issue 18, point 2: the partner navigation (by role and standing, the current page
//! marked), error pages that keep the signed-in header, and the dashboard's task list.

use crate::direct::approved_reseller;
use crate::helpers::*;
use reqwest::StatusCode;

fn nav(html: &str) -> Vec<String> {
    texts(html, ".partner-nav a")
}

fn current(html: &str) -> Vec<String> {
    texts(html, ".partner-nav a[aria-current=page]")
}

#[tokio::test]
async fn the_partner_navigation_follows_the_role_and_the_organisations_standing() {
    let app = TestApp::spawn().await;
    app.sign_up("navnew").await;
    // A new organisation: what it may open now, Home marked on the dashboard.
    let dashboard = app.me().html("/dashboard").await;
    assert_eq!(
        nav(&dashboard),
        ["Home", "Application", "Users", "Organisation"]
    );
    assert_eq!(current(&dashboard), ["Home"]);
    for (path, section) in [
        ("/enroll/legal-profile", "Application"),
        ("/account/users", "Users"),
        ("/account/profile", "Organisation"),
    ] {
        assert_eq!(current(&app.me().html(path).await), [section], "{path}");
    }
    assert!(current(&app.me().html("/account/password").await).is_empty());
    // Every item opens.
    for href in attrs(&dashboard, ".partner-nav a", "href") {
        assert_eq!(
            app.me().open(&href).await.status(),
            StatusCode::OK,
            "{href}"
        );
    }

    // Approved with the agreement accepted (changed in SQL: the cached user is told by
    // the database): providers, customers and direct bill appear.
    let other = TestApp::spawn().await;
    let admin = approved_reseller(&other, "navactive", "7600101", "13 months").await;
    other.settle_caches().await;
    let dashboard = other.me().html("/dashboard").await;
    assert_eq!(
        nav(&dashboard),
        [
            "Home",
            "Application",
            "Providers",
            "Customers",
            "Direct bill",
            "Users",
            "Organisation"
        ]
    );
    // Listed as a provider: Resellers appears, with no sign-in in between.
    sqlx::query("insert into provider_regions (tenant_id, csp_region) select tenant_id, 'europe' from tenants where domain_prefix = 'navactive'")
        .execute(&other.db)
        .await
        .unwrap();
    other.settle_caches().await;
    let dashboard = other.me().html("/dashboard").await;
    assert!(
        nav(&dashboard).contains(&"Resellers".to_owned()),
        "{:?}",
        nav(&dashboard)
    );
    assert_eq!(
        current(&other.me().html("/partners/resellers").await),
        ["Resellers"]
    );
    assert_eq!(current(&other.me().html("/catalogue").await), ["Customers"]);
    assert_eq!(
        current(&other.me().html("/enroll/direct").await),
        ["Direct bill"]
    );
    // A sales agent sees what the role allows: no Users.
    let sales = other.add_user(&admin, "sales_agent").await;
    let agent = other.signed_in_as(&sales).await;
    let seen = nav(&agent.html("/dashboard").await);
    assert!(!seen.contains(&"Users".to_owned()), "{seen:?}");
    assert!(seen.contains(&"Customers".to_owned()), "{seen:?}");
    // The refusal page keeps the navigation.
    let refused = agent.page("/account/users", StatusCode::FORBIDDEN).await;
    assert_eq!(nav(&refused), seen);
}

#[tokio::test]
async fn error_pages_keep_the_signed_in_header_and_a_way_back() {
    let app = TestApp::spawn().await;
    // Signed out: the sign-in links and the start page.
    let missing = app.me().page("/no-such-page", StatusCode::NOT_FOUND).await;
    assert_eq!(texts(&missing, "h1"), ["Page not found"]);
    assert!(!texts(&missing, ".site-nav a[href='/signin']").is_empty());
    assert_eq!(
        attr(&missing, "#error-way-back", "href").as_deref(),
        Some("/")
    );
    assert!(texts(&missing, ".request-id")[0].len() > 8);

    app.sign_up("errpages").await;
    // Signed in: who, the navigation, sign out, and the way back to the dashboard.
    for path in [
        "/no-such-page".to_owned(),
        format!("/applications/{}", uuid::Uuid::new_v4()),
        format!("/customers/{}", uuid::Uuid::new_v4()),
    ] {
        let page = app.me().page(&path, StatusCode::NOT_FOUND).await;
        assert_eq!(texts(&page, ".who .org"), ["Contoso Trading"], "{path}");
        assert_eq!(nav(&page)[0], "Home", "{path}");
        assert!(!texts(&page, "form[action='/signout'] button").is_empty());
        assert_eq!(
            attr(&page, "#error-way-back", "href").as_deref(),
            Some("/dashboard")
        );
    }
    // A form sent without its token: refused, still signed in and shown so.
    let refused = app
        .me()
        .post(app.url("/account/users"))
        .form(&[("email", "x@errpages.example.com")])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let page = refused.text().await.unwrap();
    assert_eq!(texts(&page, ".who .org"), ["Contoso Trading"]);

    // Staff: the back office's header on its error pages.
    let staff = app
        .staff_client("nav.staff@operator.example", "reviewer")
        .await;
    let page = staff
        .page("/admin/applications/not-an-id", StatusCode::NOT_FOUND)
        .await;
    assert!(
        !texts(&page, ".site-nav a[href='/admin/audit']").is_empty(),
        "{page}"
    );
    assert!(texts(&page, ".partner-nav").is_empty());
    assert_eq!(
        attr(&page, "#error-way-back", "href").as_deref(),
        Some("/admin/applications")
    );
    // In German too.
    let reader = app.browser_speaking("de");
    let page = reader.page("/no-such-page", StatusCode::NOT_FOUND).await;
    crate::languages::assert_no_english(partner_portal::i18n::Lang::De, "404", &page);
}

#[tokio::test]
async fn the_dashboard_is_a_task_list_from_enrolment_to_colleagues() {
    let app = TestApp::spawn().await;
    let admin = app.sign_up("tasks").await;
    let statuses = |html: &str| texts(html, "#tasks .task-status");
    let dashboard = app.me().html("/dashboard").await;
    assert_eq!(
        attrs(&dashboard, "#tasks a", "id"),
        ["enroll-link", "add-users"]
    );
    assert_eq!(
        statuses(&dashboard),
        [
            "Not started",
            "Cannot start yet",
            "Cannot start yet",
            "Cannot start yet",
            "Cannot start yet",
            "Not started"
        ]
    );
    assert_eq!(
        texts(&dashboard, "#tasks-summary"),
        ["You have completed 0 of 6 tasks."]
    );
    // Submitted: the contact is waiting, and the application is linked from that task.
    add_membership(&app.db, "7600201", "DE", true).await;
    app.fill_wizard("7600201").await;
    let submitted = app
        .submit("/enroll/check", "/enroll/submit", &[("consent", "yes")])
        .await;
    assert_eq!(submitted.status(), StatusCode::SEE_OTHER);
    let dashboard = app.me().html("/dashboard").await;
    assert_eq!(
        statuses(&dashboard)[..3],
        ["Completed", "Waiting for the contact", "Cannot start yet"]
    );
    assert!(
        texts(&dashboard, "#enroll-link").is_empty(),
        "done: no link"
    );
    let application = attr(&dashboard, "#contact-link", "href").unwrap();
    assert!(application.starts_with("/applications/"));
    // Confirmed: in review, linked from the approval task instead.
    app.contact_confirms().await;
    let dashboard = app.me().html("/dashboard").await;
    assert_eq!(statuses(&dashboard)[1..3], ["Completed", "In review"]);
    assert!(texts(&dashboard, "#contact-link").is_empty());
    assert_eq!(
        attr(&dashboard, "#application-link", "href"),
        Some(application.clone())
    );
    // No page is linked twice from the dashboard's content, at any step.
    let links = attrs(&dashboard, "main a", "href");
    let unique: std::collections::BTreeSet<_> = links.iter().collect();
    assert_eq!(links.len(), unique.len(), "{links:?}");
    // A colleague: the last task is done.
    app.add_user(&admin, "sales_agent").await;
    let dashboard = app.me().html("/dashboard").await;
    assert_eq!(statuses(&dashboard).last().unwrap(), "Completed");
    // In German and Chinese (the account's chosen language).
    for lang in [
        partner_portal::i18n::Lang::De,
        partner_portal::i18n::Lang::ZhCn,
    ] {
        sqlx::query("update users set language = $1 where email = $2::text::citext")
            .bind(lang.code())
            .bind(&admin)
            .execute(&app.db)
            .await
            .unwrap();
        app.settle_caches().await;
        let page = app.me().html("/dashboard").await;
        crate::languages::assert_no_english(lang, "dashboard", &page);
    }
}
