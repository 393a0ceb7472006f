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
/// scrolling). A phone lays out a page that overflows wider than its screen and zooms out,
/// so the widest of the layout viewport and the document counts.
async fn overflow(c: &Client) -> Result<i64, fantoccini::error::CmdError> {
    let wider = c
        .execute(
            "return Math.max(window.innerWidth, document.documentElement.scrollWidth) - screen.width;",
            vec![],
        )
        .await?;
    Ok(wider.as_i64().unwrap_or(i64::MAX))
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
        let url = app.url(path);
        let outcome: Result<(), fantoccini::error::CmdError> = async {
            self.desktop.goto(&url).await?;
            for v in axe_violations(&self.desktop).await? {
                self.problems.push(format!("{realm} {path}: {v}"));
            }
            self.phone.goto(&url).await?;
            let width = self.phone.execute("return screen.width;", vec![]).await?;
            assert_eq!(width.as_i64(), Some(390), "the phone's screen");
            let wider = overflow(&self.phone).await?;
            if wider > 0 {
                self.problems.push(format!(
                    "{realm} {path}: scrolls sideways by {wider} px at 390 px"
                ));
            }
            Ok(())
        }
        .await;
        if let Err(e) = outcome {
            self.problems.push(format!("{realm} {path}: {e}"));
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
    // A new partner, before enrolling: the wizard and the account pages.
    pair.sign_in(&app, "/signin", &newcomer, STRONG_PASSWORD)
        .await
        .expect("the newcomer signs in");
    for path in crate::languages::SIGNED_IN_ROUTES {
        pair.check(&app, "new partner", path).await;
    }
    pair.check(&app, "new partner", "/enroll/check").await;
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
    // Staff: the back office.
    pair.sign_in(&app, "/admin/signin", "admin@localhost", STAFF_PASSWORD)
        .await
        .expect("the operator admin signs in");
    let staff_routes = [
        "/admin/applications".to_owned(),
        format!("/admin/applications/{}", m.reseller_app),
        format!("/admin/applications/{}", m.direct_app),
        "/admin/audit".to_owned(),
        "/admin/customers".to_owned(),
        format!("/admin/customers/{}", m.customer),
        format!("/admin/orders/{}", m.order),
        format!("/admin/subscriptions/{}", m.subscription),
        "/admin/direct-bill".to_owned(),
        "/admin/legal-names".to_owned(),
        "/admin/providers".to_owned(),
        "/admin/settings".to_owned(),
        "/admin/staff".to_owned(),
        "/admin/password".to_owned(),
        "/admin/no-such-page".to_owned(),
    ];
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
