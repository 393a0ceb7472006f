//! Issue 18, point 7: every page of the route list, signed out, as a partner (new and
//! established), as a partner refused a page, and as staff, checked in headless Chromium by
//! axe-core (vendored in `tests/vendor/axe-core`, MPL-2.0) at WCAG 2.2 AA, and at a phone's
//! width (390 CSS pixels) for sideways scrolling.

use crate::browser::{Driver, browser_as, click, fill, start_chromedriver};
use crate::helpers::*;
use fantoccini::Client;

/// axe-core's release build, as published on the npm registry (see its LICENSE beside it).
const AXE: &str = include_str!("../vendor/axe-core/axe.min.js");

/// The rule sets of WCAG 2.0, 2.1 and 2.2 at levels A and AA.
const WCAG_22_AA: &str = r#"["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]"#;

/// The axe violations on the page the browser shows, one line each (rule, impact, help,
/// the first elements it names).
async fn axe_violations(c: &Client) -> Result<Vec<String>, fantoccini::error::CmdError> {
    let loaded = c
        .execute("return typeof window.axe === 'object';", vec![])
        .await?;
    if loaded != serde_json::Value::Bool(true) {
        c.execute(&format!("{AXE}\n;return true;"), vec![]).await?;
    }
    let found = c
        .execute_async(
            &format!(
                "const done = arguments[arguments.length - 1];
                 window.axe.run(document, {{ runOnly: {{ type: 'tag', values: {WCAG_22_AA} }} }})
                   .then(r => done(r.passes.length < 5
                       ? ['axe found only ' + r.passes.length + ' rules to check']
                       : r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                           + v.nodes.slice(0, 4).map(n => n.target.join(' ')).join(', '))))
                   .catch(e => done(['axe could not run: ' + e]));"
            ),
            vec![],
        )
        .await?;
    Ok(found
        .as_array()
        .map(|list| {
            list.iter()
                .map(|v| v.as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_else(|| vec![format!("axe answered {found}")]))
}

/// How many CSS pixels the page is wider than the phone's screen (0: no sideways
/// scrolling), and the elements that stick out. A phone lays out a page that overflows
/// wider than its screen and zooms out, so the widest of the layout viewport and the
/// document counts.
async fn overflow(c: &Client) -> Result<(i64, String), fantoccini::error::CmdError> {
    let found = c
        .execute(
            "const wider = Math.max(window.innerWidth, document.documentElement.scrollWidth) - screen.width;
             const out = [...document.querySelectorAll('body *')]
               .filter(e => e.getBoundingClientRect().right > screen.width + 0.5)
               .slice(-3)
               .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).split(' ').join('.') : ''));
             return [wider, out.join(', ')];",
            vec![],
        )
        .await?;
    Ok((
        found[0].as_i64().unwrap_or(i64::MAX),
        found[1].as_str().unwrap_or_default().to_owned(),
    ))
}

/// A desktop browser (checked by axe) and a phone browser (checked for sideways scrolling),
/// always on the same page as the same person.
struct Pair {
    desktop: Client,
    phone: Client,
    problems: Vec<String>,
    pages: usize,
}

impl Pair {
    async fn new(driver: &Driver, profiles: &[std::path::PathBuf; 2]) -> Pair {
        Pair {
            desktop: browser_as(driver, &profiles[0], "en-GB,en", None).await,
            phone: browser_as(driver, &profiles[1], "en-GB,en", Some(390)).await,
            problems: Vec::new(),
            pages: 0,
        }
    }

    /// Opens `path` in both and records what is wrong there.
    async fn check(&mut self, app: &TestApp, realm: &str, path: &str) {
        self.visit(app, realm, path, false).await;
    }

    /// Opens `path` in both, sends its form empty (the first form in the page's main
    /// part), and records what is wrong on the page with the errors.
    async fn check_errors(&mut self, app: &TestApp, realm: &str, path: &str) {
        self.visit(app, realm, path, true).await;
    }

    async fn visit(&mut self, app: &TestApp, realm: &str, path: &str, send_empty: bool) {
        let url = app.url(path);
        let label = if send_empty {
            format!("{path} (sent empty)")
        } else {
            path.to_owned()
        };
        let outcome: Result<(), fantoccini::error::CmdError> = async {
            for c in [&self.desktop, &self.phone] {
                c.goto(&url).await?;
                if send_empty {
                    c.execute(
                        "document.querySelectorAll('main form input:not([type=hidden]), main form textarea')
                           .forEach(e => { if (e.type === 'checkbox' || e.type === 'radio') e.checked = false; else e.value = ''; });",
                        vec![],
                    )
                    .await?;
                    click(c, "main form:not(.inline) button[type=submit]").await?;
                    c.wait().for_element(fantoccini::Locator::Css(".error-summary")).await?;
                }
            }
            for v in axe_violations(&self.desktop).await? {
                self.problems.push(format!("{realm} {label}: {v}"));
            }
            let width = self.phone.execute("return screen.width;", vec![]).await?;
            assert_eq!(width.as_i64(), Some(390), "the phone's screen");
            let (wider, culprits) = overflow(&self.phone).await?;
            if wider > 0 {
                self.problems.push(format!(
                    "{realm} {label}: scrolls sideways by {wider} px at 390 px ({culprits})"
                ));
            }
            Ok(())
        }
        .await;
        if let Err(e) = outcome {
            self.problems.push(format!("{realm} {label}: {e}"));
        }
        self.pages += 1;
    }

    /// Signs both in through `form` (the partner or the staff sign-in page).
    async fn sign_in(
        &self,
        app: &TestApp,
        form: &str,
        email: &str,
        password: &str,
    ) -> Result<(), fantoccini::error::CmdError> {
        for c in [&self.desktop, &self.phone] {
            c.delete_all_cookies().await?;
            c.goto(&app.url(form)).await?;
            fill(c, "#email", email).await?;
            fill(c, "#password", password).await?;
            click(c, &format!("form[action='{form}'] button[type=submit]")).await?;
        }
        Ok(())
    }
}

#[tokio::test]
async fn every_page_passes_axe_at_wcag_22_aa_and_fits_a_phone() {
    let app = TestApp::spawn().await;
    let m = crate::roles::matrix(&app).await;
    let newcomer = app.browser().sign_up("newcomer").await;
    let sales = app.add_user(&m.admin, "sales_agent").await;

    let driver = start_chromedriver();
    let profiles = [0, 1].map(|i| {
        std::env::temp_dir().join(format!("pp-axe-{i}-{}", uuid::Uuid::new_v4().simple()))
    });
    let mut pair = Pair::new(&driver, &profiles).await;

    // Signed out.
    let mut public: Vec<&str> = crate::languages::PUBLIC_ROUTES.to_vec();
    public.extend([
        "/providers",
        "/admin/signin",
        "/no-such-page",
        "/dev/mailbox",
    ]);
    for path in public {
        pair.check(&app, "signed out", path).await;
    }
    // Forms with errors: the error summary and the messages beside the fields.
    for path in ["/signup", "/signin", "/password/forgot"] {
        pair.check_errors(&app, "signed out", path).await;
    }
    // A new partner, before enrolling: the wizard and the account pages.
    pair.sign_in(&app, "/signin", &newcomer, STRONG_PASSWORD)
        .await
        .expect("the newcomer signs in");
    for path in crate::languages::SIGNED_IN_ROUTES {
        pair.check(&app, "new partner", path).await;
    }
    pair.check(&app, "new partner", "/enroll/check").await;
    for path in [
        "/enroll/legal-profile",
        "/enroll/primary-contact",
        "/enroll/support",
        "/account/password",
    ] {
        pair.check_errors(&app, "new partner", path).await;
    }
    // An established partner's global admin: every partner route.
    pair.sign_in(&app, "/signin", &m.admin, STRONG_PASSWORD)
        .await
        .expect("the matrix admin signs in");
    for route in &m.routes {
        pair.check(&app, "global admin", &route.path).await;
    }
    pair.check(&app, "global admin", "/no-such-page").await;
    // A sales agent meets the page that says who may.
    pair.sign_in(&app, "/signin", &sales, STRONG_PASSWORD)
        .await
        .expect("the sales agent signs in");
    for path in ["/dashboard", "/account/users"] {
        pair.check(&app, "sales agent", path).await;
    }
    // A customer's user: its dashboard, its order, and a partner page it may not open.
    crate::roles::add_customer_user(&app, &m).await;
    pair.sign_in(
        &app,
        "/signin",
        crate::roles::CUSTOMER_USER,
        STRONG_PASSWORD,
    )
    .await
    .expect("the customer signs in");
    for path in crate::roles::customer_routes(&m) {
        pair.check(&app, "customer", &path).await;
    }
    // The primary contact's status page (a link from their e-mail; no account).
    let status_link: String = sqlx::query_scalar(
        "select substring(body_text from '/status/[0-9a-f]+') from email_outbox
         where body_text like '%/status/%' order by created_at desc limit 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    for c in [&pair.desktop, &pair.phone] {
        c.delete_all_cookies().await.expect("signed out");
    }
    pair.check(&app, "primary contact", &status_link).await;
    // Staff: the back office.
    pair.sign_in(&app, "/admin/signin", "admin@localhost", STAFF_PASSWORD)
        .await
        .expect("the operator admin signs in");
    let staff_routes = crate::roles::staff_routes(&m);
    for path in &staff_routes {
        pair.check(&app, "operator admin", path).await;
    }

    let pages = pair.pages;
    let problems = std::mem::take(&mut pair.problems);
    let _ = pair.desktop.close().await;
    let _ = pair.phone.close().await;
    for p in &profiles {
        let _ = std::fs::remove_dir_all(p);
    }
    assert!(
        pages >= m.routes.len() + staff_routes.len() + 10,
        "{pages} pages"
    );
    assert!(
        problems.is_empty(),
        "{} problems on {pages} pages:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Keys of the WebDriver keyboard.
const TAB: char = '\u{E004}';
const ENTER: char = '\u{E007}';
const SPACE: char = '\u{E00D}';

/// Presses `keys` one after another on the keyboard (to whatever has the focus).
async fn press(c: &Client, keys: &str) -> Result<(), fantoccini::error::CmdError> {
    use fantoccini::actions::{InputSource, KeyAction, KeyActions};
    let mut actions = KeyActions::new("keyboard".into());
    for key in keys.chars() {
        actions = actions
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
    }
    c.perform_actions(actions).await
}

/// Presses Tab until the element `css` has the focus (at most 40 times), checking that
/// every element reached shows where the focus is (the body has it only while the focus
/// is outside the page, between the last stop and the first); fails if it is never reached.
async fn tab_to(c: &Client, css: &str) -> Result<(), fantoccini::error::CmdError> {
    for _ in 0..40 {
        press(c, &TAB.to_string()).await?;
        let state = c
            .execute(
                "const e = document.activeElement; const s = getComputedStyle(e);
                 return [e.matches(arguments[0]),
                         e === document.body || s.outlineStyle !== 'none' || s.boxShadow !== 'none',
                         e.tagName + (e.id ? '#' + e.id : '')];",
                vec![serde_json::json!(css)],
            )
            .await?;
        assert_eq!(
            state[1],
            serde_json::json!(true),
            "no visible focus on {}",
            state[2]
        );
        if state[0] == serde_json::json!(true) {
            return Ok(());
        }
    }
    panic!("Tab never reached {css}");
}

/// Types `text` into the focused field.
async fn type_text(c: &Client, text: &str) -> Result<(), fantoccini::error::CmdError> {
    press(c, text).await
}

async fn path_is(c: &Client, path: &str) -> Result<(), fantoccini::error::CmdError> {
    for _ in 0..100 {
        if c.current_url().await?.path() == path {
            return Ok(());
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("never reached {path}: at {}", c.current_url().await?);
}

#[tokio::test]
async fn the_enrolment_wizard_can_be_completed_by_keyboard_alone() {
    let app = TestApp::spawn().await;
    let email = app.browser().sign_up("keyboard").await;
    add_membership(&app.db, "7600301", "DE", true).await;
    let driver = start_chromedriver();
    let profile = std::env::temp_dir().join(format!("pp-keys-{}", uuid::Uuid::new_v4().simple()));
    let c = crate::browser::browser(&driver, &profile, "en-GB,en").await;
    let outcome: Result<(), fantoccini::error::CmdError> = async {
        c.goto(&app.url("/signin")).await?;
        // The first stop is the skip link, shown when focused.
        press(&c, &TAB.to_string()).await?;
        let skip = c
            .execute(
                "const e = document.activeElement; const r = e.getBoundingClientRect();
                 return [e.className, r.left >= 0 && r.top >= 0];",
                vec![],
            )
            .await?;
        assert_eq!(skip, serde_json::json!(["skip-link", true]));
        tab_to(&c, "#email").await?;
        type_text(&c, &email).await?;
        tab_to(&c, "#password").await?;
        type_text(&c, STRONG_PASSWORD).await?;
        press(&c, &ENTER.to_string()).await?;
        path_is(&c, "/dashboard").await?;
        tab_to(&c, "#enroll-link").await?;
        press(&c, &ENTER.to_string()).await?;
        path_is(&c, "/enroll").await?;
        tab_to(&c, "#start").await?;
        press(&c, &ENTER.to_string()).await?;
        path_is(&c, "/enroll/partner-id").await?;
        tab_to(&c, "#partner_id").await?;
        type_text(&c, "7600301").await?;
        press(&c, &ENTER.to_string()).await?;
        path_is(&c, "/enroll/legal-profile").await?;
        // A mistake first: the error summary takes the focus, and its link leads to the
        // field.
        tab_to(&c, "main form button[type=submit]").await?;
        press(&c, &ENTER.to_string()).await?;
        c.wait()
            .for_element(fantoccini::Locator::Css(".error-summary"))
            .await?;
        tab_to(&c, ".error-summary a[href='#legal_name']").await?;
        press(&c, &ENTER.to_string()).await?;
        let focused = c
            .execute("return document.activeElement.id;", vec![])
            .await?;
        assert_eq!(focused, serde_json::json!("legal_name"));
        for (name, value) in LEGAL {
            c.execute(
                "document.getElementById(arguments[0]).value = '';",
                vec![serde_json::json!(name)],
            )
            .await?;
            tab_to(&c, &format!("#{name}")).await?;
            type_text(&c, value).await?;
        }
        press(&c, &ENTER.to_string()).await?;
        path_is(&c, "/enroll/primary-contact").await?;
        for (name, value) in CONTACT {
            tab_to(&c, &format!("#{name}")).await?;
            type_text(&c, value).await?;
        }
        press(&c, &ENTER.to_string()).await?;
        path_is(&c, "/enroll/support").await?;
        for (name, value) in SUPPORT {
            tab_to(&c, &format!("#{name}")).await?;
            type_text(&c, value).await?;
        }
        press(&c, &ENTER.to_string()).await?;
        path_is(&c, "/enroll/check").await?;
        tab_to(&c, "#consent").await?;
        press(&c, &SPACE.to_string()).await?;
        tab_to(&c, "#enroll-now").await?;
        press(&c, &ENTER.to_string()).await?;
        for _ in 0..100 {
            if c.current_url().await?.path().starts_with("/applications/") {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        assert!(c.current_url().await?.path().starts_with("/applications/"));
        Ok(())
    }
    .await;
    if outcome.is_err() {
        let _ = std::fs::write(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/keyboard.png"),
            c.screenshot().await.unwrap_or_default(),
        );
    }
    let _ = c.close().await;
    let _ = std::fs::remove_dir_all(&profile);
    outcome.expect("the wizard by keyboard");
    let state: String = sqlx::query_scalar("select state from applications")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(state, "awaiting_contact_verification");
}

async fn displayed(c: &Client, css: &str) -> Result<bool, fantoccini::error::CmdError> {
    c.find(fantoccini::Locator::Css(css))
        .await?
        .is_displayed()
        .await
}

#[tokio::test]
async fn a_warning_before_the_timeout_and_typed_answers_kept_after_it() {
    // A session that ends after 8 s without activity: the warning shows after 4 s.
    let app =
        TestApp::spawn_with(|c| c.session_idle_timeout = std::time::Duration::from_secs(8)).await;
    let email = app.browser().sign_up("timeout").await;
    let driver = start_chromedriver();
    let profile =
        std::env::temp_dir().join(format!("pp-timeout-{}", uuid::Uuid::new_v4().simple()));
    let c = crate::browser::browser(&driver, &profile, "en-GB,en").await;
    let outcome: Result<(), fantoccini::error::CmdError> = async {
        c.goto(&app.url("/signin")).await?;
        fill(&c, "#email", &email).await?;
        fill(&c, "#password", STRONG_PASSWORD).await?;
        click(&c, "form[action='/signin'] button[type=submit]").await?;
        path_is(&c, "/dashboard").await?;
        c.goto(&app.url("/enroll/legal-profile")).await?;
        assert!(!displayed(&c, "#timeout-warning").await?, "hidden at first");
        tokio::time::sleep(std::time::Duration::from_millis(4500)).await;
        assert!(
            displayed(&c, "#timeout-warning").await?,
            "shown before the end"
        );
        let focused = c
            .execute("return document.activeElement.id;", vec![])
            .await?;
        assert_eq!(focused, serde_json::json!("timeout-warning-stay"));
        assert!(
            axe_violations(&c).await?.is_empty(),
            "the warning passes axe"
        );
        // Stay signed in: the session lasts another 8 s from now.
        click(&c, "#timeout-warning-stay").await?;
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        assert!(!displayed(&c, "#timeout-warning").await?);
        tokio::time::sleep(std::time::Duration::from_secs(5)).await;
        // 10 s after the page was opened, 5.5 s after "Stay signed in": still signed in.
        fill(&c, "#legal_name", "Contoso Trading GmbH").await?;
        fill(&c, "#city", "Berlin").await?;
        c.execute(
            "document.querySelector('main form:not(.inline)').requestSubmit();",
            vec![],
        )
        .await?;
        path_is(&c, "/enroll/legal-profile").await?;
        assert!(
            !c.find_all(fantoccini::Locator::Css(".error-summary"))
                .await?
                .is_empty(),
            "the form was taken (with errors for what is missing), not the sign-in"
        );
        // Now let it expire, then send the form: sign in again, and the answers are back.
        fill(&c, "#postal_code", "10115").await?;
        tokio::time::sleep(std::time::Duration::from_secs(9)).await;
        c.execute(
            "document.querySelector('main form:not(.inline)').requestSubmit();",
            vec![],
        )
        .await?;
        path_is(&c, "/signin").await?;
        let why = c
            .find(fantoccini::Locator::Css("#signin-why"))
            .await?
            .text()
            .await?;
        assert!(
            why.contains("signed out after 1 minute without activity"),
            "{why}"
        );
        fill(&c, "#email", &email).await?;
        fill(&c, "#password", STRONG_PASSWORD).await?;
        click(&c, "form[action='/signin'] button[type=submit]").await?;
        path_is(&c, "/enroll/legal-profile").await?;
        for (id, value) in [
            ("legal_name", "Contoso Trading GmbH"),
            ("city", "Berlin"),
            ("postal_code", "10115"),
        ] {
            let field = c.find(fantoccini::Locator::Id(id)).await?;
            assert_eq!(field.prop("value").await?.as_deref(), Some(value), "{id}");
        }
        Ok(())
    }
    .await;
    let _ = c.close().await;
    let _ = std::fs::remove_dir_all(&profile);
    outcome.expect("the timeout warning and the kept answers");
}
