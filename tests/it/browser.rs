//! Headless Chromium through chromedriver: what a person does, in a real browser.

use crate::helpers::*;
use fantoccini::{Client, ClientBuilder, Locator};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub(crate) struct Driver {
    process: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

pub(crate) fn start_chromedriver() -> Driver {
    let binary = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
    assert!(
        std::path::Path::new(&binary).exists(),
        "{binary} not found: install Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver) or set CHROMEDRIVER"
    );
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let process = Command::new(&binary)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {binary}: {e}"));
    let deadline = Instant::now() + Duration::from_secs(15);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "chromedriver did not start listening on {port}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    Driver { process, port }
}

/// A headless Chromium whose user reads `languages` (its `Accept-Language`, like a
/// browser set up in that language).
pub(crate) async fn browser(driver: &Driver, profile: &std::path::Path, languages: &str) -> Client {
    browser_as(driver, profile, languages, None).await
}

/// [`browser`] on a phone `width` CSS pixels wide (Chromium's mobile emulation: the
/// viewport, touch and the phone's user agent), or a 1024-pixel desktop window.
pub(crate) async fn browser_as(
    driver: &Driver,
    profile: &std::path::Path,
    languages: &str,
    phone_width: Option<u32>,
) -> Client {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let primary = languages.split(',').next().unwrap_or("en");
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": chromium,
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--window-size=1024,900",
                format!("--lang={primary}"),
                format!("--accept-lang={languages}"),
                format!("--user-data-dir={}", profile.display()),
            ],
            "prefs": { "intl.accept_languages": languages }
        }),
    );
    if let Some(width) = phone_width {
        caps["goog:chromeOptions"]["mobileEmulation"] = serde_json::json!({ "deviceMetrics": { "width": width, "height": 844, "pixelRatio": 3.0 } });
    }
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("connect to chromedriver")
}

pub(crate) async fn fill(
    c: &Client,
    css: &str,
    value: &str,
) -> Result<(), fantoccini::error::CmdError> {
    c.find(Locator::Css(css)).await?.send_keys(value).await
}

pub(crate) async fn text(c: &Client, css: &str) -> Result<String, fantoccini::error::CmdError> {
    c.find(Locator::Css(css)).await?.text().await
}

/// After signing up: follows the confirmation link from the dev mailbox, as a person would,
/// and signs in as `email` on the page it leads to.
async fn confirm_from_mailbox_and_sign_in(
    c: &Client,
    app: &TestApp,
    email: &str,
) -> Result<(), fantoccini::error::CmdError> {
    c.wait().for_element(Locator::Css("#check-email")).await?;
    c.goto(&app.url("/dev/mailbox")).await?;
    click(c, "#mailbox a.subject").await?;
    c.find(Locator::Css("#body a")).await?.click().await?;
    c.wait()
        .for_element(Locator::Css("form[action='/signin']"))
        .await?;
    assert!(text(c, ".flash").await?.contains("confirmed"));
    fill(c, "#email", email).await?;
    fill(c, "#password", STRONG_PASSWORD).await?;
    click(c, "form[action='/signin'] button[type=submit]").await
}

async fn sign_up_confirm_sign_out_and_in(
    c: &Client,
    app: &TestApp,
) -> Result<(), fantoccini::error::CmdError> {
    c.goto(&app.url("/")).await?;
    c.find(Locator::LinkText("Create a work account"))
        .await?
        .click()
        .await?;
    fill(c, "#organisation", "Northwind Traders").await?;
    fill(c, "#domain_prefix", "northwind").await?;
    c.find(Locator::Css("#country"))
        .await?
        .select_by_value("FR")
        .await?;
    fill(c, "#full_name", "Nancy Davolio").await?;
    fill(c, "#email", "nancy@northwind.example.com").await?;
    fill(c, "#password", STRONG_PASSWORD).await?;
    c.find(Locator::Css("form[action='/signup'] button[type=submit]"))
        .await?
        .click()
        .await?;

    // Signing up signs nobody in: the page says to check the mailbox.
    confirm_from_mailbox_and_sign_in(c, app, "nancy@northwind.example.com").await?;

    c.wait().for_element(Locator::Css("#tenant-domain")).await?;
    assert_eq!(
        text(c, "#tenant-domain").await?,
        "northwind.partnerportal.example"
    );
    assert_eq!(
        text(c, "#tenant-currency").await?.split_whitespace().next(),
        Some("EUR")
    );
    assert_eq!(text(c, "#email-state").await?, "Yes");

    c.find(Locator::Css(".site-nav button"))
        .await?
        .click()
        .await?;
    c.wait()
        .for_element(Locator::Css("form[action='/signin']"))
        .await?;
    assert!(text(c, ".flash").await?.contains("signed out"));

    fill(c, "#email", "nancy@northwind.example.com").await?;
    fill(c, "#password", STRONG_PASSWORD).await?;
    c.find(Locator::Css("form[action='/signin'] button[type=submit]"))
        .await?
        .click()
        .await?;
    c.wait().for_element(Locator::Css("#tenant-domain")).await?;
    assert_eq!(text(c, ".site-nav .person").await?, "Nancy Davolio");
    Ok(())
}

/// Runs `flow` in a fresh headless Chromium against a fresh app; on failure saves a
/// screenshot to target/screenshots/NAME.png and fails with the error.
async fn in_browser<F>(name: &str, flow: F)
where
    F: for<'a> AsyncFnOnce(&'a Client, &'a TestApp) -> Result<(), fantoccini::error::CmdError>,
{
    in_browser_speaking(name, "en-GB,en", flow).await;
}

/// [`in_browser`] with a browser set up in `languages` (an `Accept-Language` value).
async fn in_browser_speaking<F>(name: &str, languages: &str, flow: F)
where
    F: for<'a> AsyncFnOnce(&'a Client, &'a TestApp) -> Result<(), fantoccini::error::CmdError>,
{
    let app = TestApp::spawn().await;
    in_browser_on(name, languages, &app, flow).await;
}

/// [`in_browser_speaking`] against `app`, which the caller set up.
pub(crate) async fn in_browser_on<F>(name: &str, languages: &str, app: &TestApp, flow: F)
where
    F: for<'a> AsyncFnOnce(&'a Client, &'a TestApp) -> Result<(), fantoccini::error::CmdError>,
{
    let driver = start_chromedriver();
    let profile =
        std::env::temp_dir().join(format!("pp-chromium-{}", uuid::Uuid::new_v4().simple()));
    let c = browser(&driver, &profile, languages).await;
    let outcome = flow(&c, app).await;
    if outcome.is_err() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
        let _ = std::fs::create_dir_all(&dir);
        if let Ok(png) = c.screenshot().await {
            let path = dir.join(format!("{name}.png"));
            let _ = std::fs::write(&path, png);
            eprintln!("screenshot saved to {}", path.display());
        }
    }
    let _ = c.close().await;
    let _ = std::fs::remove_dir_all(&profile);
    outcome.expect("browser flow");
}

#[tokio::test]
async fn a_person_signs_up_confirms_from_the_mailbox_signs_out_and_signs_in() {
    in_browser("signup_flow", sign_up_confirm_sign_out_and_in).await;
}

pub(crate) async fn click(c: &Client, css: &str) -> Result<(), fantoccini::error::CmdError> {
    c.find(Locator::Css(css)).await?.click().await
}

pub(crate) async fn enroll_and_have_the_contact_confirm(
    c: &Client,
    app: &TestApp,
) -> Result<(), fantoccini::error::CmdError> {
    c.goto(&app.url("/signup")).await?;
    fill(c, "#organisation", "Fabrikam").await?;
    fill(c, "#domain_prefix", "fabrikam").await?;
    c.find(Locator::Css("#country"))
        .await?
        .select_by_value("DE")
        .await?;
    fill(c, "#full_name", "Jan Kowalski").await?;
    fill(c, "#email", "jan@fabrikam.example.com").await?;
    fill(c, "#password", STRONG_PASSWORD).await?;
    click(c, "form[action='/signup'] button[type=submit]").await?;

    // Confirm the address from the dev mailbox, then sign in.
    confirm_from_mailbox_and_sign_in(c, app, "jan@fabrikam.example.com").await?;
    c.wait().for_element(Locator::Css("#enroll-link")).await?;
    assert_eq!(text(c, "#email-state").await?, "Yes");
    click(c, "#enroll-link").await?;
    c.wait().for_element(Locator::Css("#start")).await?;
    click(c, "#start").await?;
    c.wait().for_element(Locator::Css("#progress")).await?;
    assert_eq!(text(c, "#progress").await?, "Step 1 of 5");
    click(c, "#join").await?;
    c.wait().for_element(Locator::Css(".flash")).await?;
    assert!(text(c, ".flash").await?.contains("Your new partner ID is"));
    click(c, "form[action='/enroll/partner-id'] button[type=submit]").await?;

    // A mistake first: the page says what is wrong and keeps the answers.
    answer_the_wizard(c, partner_portal::i18n::Lang::En).await?;
    assert_eq!(text(c, "#answer-currency").await?, "EUR");
    click(c, "#consent").await?;
    click(c, "#enroll-now").await?;
    c.wait().for_element(Locator::Css("#state-words")).await?;
    let status_url = c.current_url().await?;
    assert_eq!(
        text(c, "#state-words").await?,
        "Waiting for your primary contact to confirm their e-mail address"
    );

    // The primary contact opens the link from the mailbox and confirms.
    c.goto(&app.url("/dev/mailbox")).await?;
    c.find(Locator::LinkText(
        "Confirm your e-mail address for the partner application of Fabrikam GmbH",
    ))
    .await?
    .click()
    .await?;
    c.wait().for_element(Locator::Css("#body a")).await?;
    click(c, "#body a").await?;
    c.wait().for_element(Locator::Css("#confirm")).await?;
    click(c, "#signed_up").await?;
    click(c, "#company_address").await?;
    click(c, "#confirm").await?;
    c.wait().for_element(Locator::Css("#outcome")).await?;

    c.goto(status_url.as_str()).await?;
    assert_eq!(
        text(c, "#state-words").await?,
        "Your application is being reviewed"
    );
    assert_eq!(app.application_state().await, "in_review");
    Ok(())
}

#[tokio::test]
async fn a_person_enrolls_and_the_contact_confirms_from_the_mailbox() {
    in_browser("enrollment_flow", enroll_and_have_the_contact_confirm).await;
}

/// The operator admin signs in to the back office, approves the application of
/// `legal_name` from the queue (with its confirmation page), and signs out.
pub(crate) async fn operator_admin_approves(
    c: &Client,
    app: &TestApp,
    legal_name: &str,
) -> Result<(), fantoccini::error::CmdError> {
    c.goto(&app.url("/admin/signin")).await?;
    fill(c, "#email", "admin@localhost").await?;
    fill(c, "#password", STAFF_PASSWORD).await?;
    click(c, "form[action='/admin/signin'] button[type=submit]").await?;
    c.wait().for_element(Locator::Css("#queue")).await?;
    c.find(Locator::LinkText(legal_name)).await?.click().await?;
    c.wait().for_element(Locator::Css("#approve")).await?;
    click(c, "#approve").await?;
    c.wait()
        .for_element(Locator::Css("#confirm-decision"))
        .await?;
    click(c, "#confirm-decision").await?;
    c.wait().for_element(Locator::Css(".flash")).await?;
    assert_eq!(text(c, "#state").await?, "Approved");
    click(c, ".site-nav button").await?;
    c.wait()
        .for_element(Locator::Css("form[action='/admin/signin']"))
        .await?;
    Ok(())
}

/// The applicant `email` signs in and is offered the partner agreement.
pub(crate) async fn applicant_sees_approval(
    c: &Client,
    app: &TestApp,
    email: &str,
) -> Result<(), fantoccini::error::CmdError> {
    c.goto(&app.url("/signin")).await?;
    fill(c, "#email", email).await?;
    fill(c, "#password", STRONG_PASSWORD).await?;
    click(c, "form[action='/signin'] button[type=submit]").await?;
    c.wait()
        .for_element(Locator::Css("#agreement-link"))
        .await?;
    Ok(())
}

async fn reviewer_approves_from_the_queue(
    c: &Client,
    app: &TestApp,
) -> Result<(), fantoccini::error::CmdError> {
    let id = app.application_in_review("queued", "3131313").await;
    operator_admin_approves(c, app, "Contoso Trading GmbH").await?;
    applicant_sees_approval(c, app, "admin@queued.example.com").await?;
    c.goto(&app.url(&format!("/applications/{id}"))).await?;
    assert_eq!(text(c, "#state-words").await?, "Approved");
    Ok(())
}

#[tokio::test]
async fn a_reviewer_approves_from_the_queue_and_the_applicant_sees_it() {
    in_browser("review_flow", reviewer_approves_from_the_queue).await;
}

pub(crate) async fn provider_and_reseller_link_up(
    c: &Client,
    app: &TestApp,
) -> Result<(), fantoccini::error::CmdError> {
    // Two organisations, made an approved provider and an approved reseller in the database.
    let provider_email = app.browser().sign_up("browserprov").await;
    let reseller_email = app.browser().sign_up("browserres").await;
    for (prefix, provider) in [("browserprov", true), ("browserres", false)] {
        sqlx::query("insert into applications (application_id, tenant_id, program, state, submitted_at) select gen_random_uuid(), tenant_id, 'indirect_reseller', 'approved', now() from tenants where domain_prefix = $1")
            .bind(prefix).execute(&app.db).await.unwrap();
        sqlx::query("insert into agreement_acceptances (tenant_id, version, accepted_by_name) select tenant_id, 1, 'Jane Doe' from tenants where domain_prefix = $1")
            .bind(prefix).execute(&app.db).await.unwrap();
        if provider {
            sqlx::query("insert into provider_regions (tenant_id, csp_region) select tenant_id, 'europe' from tenants where domain_prefix = $1")
                .bind(prefix).execute(&app.db).await.unwrap();
        }
    }

    // The provider requests a partnership and has the portal send it.
    c.goto(&app.url("/signin")).await?;
    fill(c, "#email", &provider_email).await?;
    fill(c, "#password", STRONG_PASSWORD).await?;
    click(c, "form[action='/signin'] button[type=submit]").await?;
    c.wait().for_element(Locator::Css("#my-resellers")).await?;
    click(c, "#my-resellers").await?;
    c.wait()
        .for_element(Locator::Css("#request-partnership"))
        .await?;
    fill(c, "#email", &reseller_email).await?;
    click(c, "#request-partnership").await?;
    c.wait().for_element(Locator::Css("#sent")).await?;
    assert!(text(c, "#sent").await?.contains(&reseller_email));
    click(c, ".site-nav button").await?;
    c.wait()
        .for_element(Locator::Css("form[action='/signin']"))
        .await?;

    // The reseller opens the link from the mailbox, signs in and authorises.
    c.goto(&app.url("/dev/mailbox")).await?;
    c.find(Locator::LinkText(
        "Contoso Trading invites you to work with them as your indirect provider",
    ))
    .await?
    .click()
    .await?;
    c.wait().for_element(Locator::Css("#body a")).await?;
    click(c, "#body a").await?;
    c.wait()
        .for_element(Locator::Css("#sign-in-to-accept"))
        .await?;
    click(c, "#sign-in-to-accept").await?;
    c.wait()
        .for_element(Locator::Css("form[action='/signin']"))
        .await?;
    fill(c, "#email", &reseller_email).await?;
    fill(c, "#password", STRONG_PASSWORD).await?;
    click(c, "form[action='/signin'] button[type=submit]").await?;
    c.wait().for_element(Locator::Css("#authorize")).await?;
    click(c, "#consent").await?;
    click(c, "#authorize").await?;
    c.wait().for_element(Locator::Css("#providers")).await?;
    assert_eq!(text(c, "#providers .name").await?, "Contoso Trading");
    click(c, ".site-nav button").await?;
    c.wait()
        .for_element(Locator::Css("form[action='/signin']"))
        .await?;

    // The provider sees the reseller on its list.
    fill(c, "#email", &provider_email).await?;
    fill(c, "#password", STRONG_PASSWORD).await?;
    click(c, "form[action='/signin'] button[type=submit]").await?;
    c.wait().for_element(Locator::Css("#my-resellers")).await?;
    click(c, "#my-resellers").await?;
    c.wait().for_element(Locator::Css("#active")).await?;
    assert_eq!(text(c, "#active .name").await?, "Contoso Trading");
    Ok(())
}

#[tokio::test]
async fn a_provider_invites_and_the_reseller_authorises_from_the_mailbox() {
    in_browser("partnership_flow", provider_and_reseller_link_up).await;
}

async fn reseller_applies_for_direct_bill_and_is_approved(
    c: &Client,
    app: &TestApp,
) -> Result<(), fantoccini::error::CmdError> {
    use crate::direct::{PDF, approved_reseller, open_intake};
    open_intake(app).await;
    let admin = approved_reseller(app, "directco", "5151515", "14 months").await;
    let evidence =
        std::env::temp_dir().join(format!("revenue-{}.pdf", uuid::Uuid::new_v4().simple()));
    std::fs::write(&evidence, PDF).unwrap();

    c.goto(&app.url("/signin")).await?;
    fill(c, "#email", &admin).await?;
    fill(c, "#password", STRONG_PASSWORD).await?;
    click(c, "form[action='/signin'] button[type=submit]").await?;
    c.wait().for_element(Locator::Css("#direct-link")).await?;
    click(c, "#direct-link").await?;
    c.wait().for_element(Locator::Css("#start")).await?;
    click(c, "#start").await?;

    // Revenue with evidence: upload first, then continue (the amount is kept).
    c.wait().for_element(Locator::Css("#evidence")).await?;
    fill(c, "#revenue", "420,000").await?;
    fill(c, "#evidence", evidence.to_str().unwrap()).await?;
    click(c, "#upload").await?;
    c.wait().for_element(Locator::Css("#documents")).await?;
    assert!(text(c, "#documents").await?.contains("revenue-"));
    click(c, "#continue").await?;

    c.wait().for_element(Locator::Css("#plan-warning")).await?;
    click(c, "#first_line-yes").await?;
    click(c, "#plan-advanced").await?;
    click(c, "#continue").await?;

    c.wait().for_element(Locator::Css("#receivables")).await?;
    click(c, "#receivables").await?;
    fill(c, "#billing", "Monthly invoicing from our ERP.").await?;
    fill(c, "#provisioning", "Scripted through the partner APIs.").await?;
    fill(c, "#customer_support", "Service desk, 7 to 19 on weekdays.").await?;
    fill(c, "#security", "MFA for every admin; yearly audit.").await?;
    click(c, "#continue").await?;

    // Managed services: add a row, remove it, continue with one.
    c.wait().for_element(Locator::Css("#kind_0")).await?;
    c.find(Locator::Css("#kind_0"))
        .await?
        .select_by_value("managed_service")
        .await?;
    fill(c, "#name_0", "Managed workplace").await?;
    fill(
        c,
        "#description_0",
        "Devices, identities and updates run for the customer.",
    )
    .await?;
    click(c, "#add-row").await?;
    c.wait().for_element(Locator::Css("#name_1")).await?;
    click(c, "#remove-1").await?;
    // The page reloads without the second row.
    let deadline = Instant::now() + Duration::from_secs(10);
    while c.find(Locator::Css("#name_1")).await.is_ok() {
        assert!(Instant::now() < deadline, "the removed row is still shown");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    c.wait().for_element(Locator::Css("#name_0")).await?;
    assert_eq!(
        c.find(Locator::Css("#name_0"))
            .await?
            .prop("value")
            .await?
            .as_deref(),
        Some("Managed workplace")
    );
    click(c, "#continue").await?;

    c.wait()
        .for_element(Locator::Css("#answer-revenue"))
        .await?;
    assert_eq!(text(c, "#answer-revenue").await?, "US$420,000.00");
    click(c, "#authority").await?;
    click(c, "#submit").await?;
    c.wait().for_element(Locator::Css("#requirements")).await?;
    assert_eq!(
        text(c, "#state-words").await?,
        "Your application is being reviewed"
    );
    click(c, ".site-nav button").await?;
    c.wait()
        .for_element(Locator::Css("form[action='/signin']"))
        .await?;
    let _ = std::fs::remove_file(&evidence);

    // A reviewer takes it through every check to approval.
    let id: uuid::Uuid =
        sqlx::query_scalar("select application_id from applications where program = 'direct_bill'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    c.goto(&app.url("/admin/signin")).await?;
    fill(c, "#email", "admin@localhost").await?;
    fill(c, "#password", STAFF_PASSWORD).await?;
    click(c, "form[action='/admin/signin'] button[type=submit]").await?;
    c.wait().for_element(Locator::Css("#queue")).await?;
    c.goto(&app.url(&format!("/admin/applications/{id}")))
        .await?;
    for step in ["revenue_tenure", "credit_check"] {
        c.wait()
            .for_element(Locator::Css(&format!("#{step}-passed")))
            .await?;
        click(c, &format!("#{step}-passed")).await?;
        click(c, &format!("#record-{step}")).await?;
        c.wait().for_element(Locator::Css(".flash")).await?;
    }
    c.wait().for_element(Locator::Css("#assessor")).await?;
    c.execute(
        "document.getElementById('assessment_on').value = '2099-03-01';",
        vec![],
    )
    .await?;
    fill(c, "#assessor", "Northwind Assurance").await?;
    click(c, "#record-assessment_scheduled").await?;
    c.wait()
        .for_element(Locator::Css("#assessment_result-passed"))
        .await?;
    assert!(
        text(c, "#check-assessment_scheduled")
            .await?
            .contains("Northwind Assurance")
    );
    click(c, "#assessment_result-passed").await?;
    click(c, "#record-assessment_result").await?;
    c.wait().for_element(Locator::Css("#approve")).await?;
    click(c, "#approve").await?;
    c.wait()
        .for_element(Locator::Css("#confirm-decision"))
        .await?;
    click(c, "#confirm-decision").await?;
    c.wait().for_element(Locator::Css(".flash")).await?;
    assert_eq!(text(c, "#state").await?, "Approved");
    click(c, ".site-nav button").await?;
    c.wait()
        .for_element(Locator::Css("form[action='/admin/signin']"))
        .await?;

    // The partner sees its reassessment date on the dashboard.
    c.goto(&app.url("/signin")).await?;
    fill(c, "#email", &admin).await?;
    fill(c, "#password", STRONG_PASSWORD).await?;
    click(c, "form[action='/signin'] button[type=submit]").await?;
    c.wait()
        .for_element(Locator::Css("#reassessment-due"))
        .await?;
    assert_eq!(text(c, "#direct-state").await?, "Direct-bill partner");
    Ok(())
}

#[tokio::test]
async fn a_reseller_applies_for_direct_bill_and_a_reviewer_approves_it() {
    in_browser(
        "direct_bill_flow",
        reseller_applies_for_direct_bill_and_is_approved,
    )
    .await;
}

/// The reseller wizard from the legal details to "Enrol now", with a mistake on the way
/// (the message is in `lang` and the other answers stay); every page must read in `lang`.
async fn answer_the_wizard(
    c: &Client,
    lang: partner_portal::i18n::Lang,
) -> Result<(), fantoccini::error::CmdError> {
    let submit = |form: &'static str| format!("form[action='{form}'] button[type=submit]");
    c.wait()
        .for_element(Locator::Css("form[action='/enroll/legal-profile']"))
        .await?;
    reads_in(c, lang, "legal details step").await?;
    fill(c, "#legal_name", "GmbH").await?;
    fill(c, "#address_line1", "Industriestrasse 5").await?;
    fill(c, "#city", "Hamburg").await?;
    fill(c, "#phone", "+49 40 1234567").await?;
    click(c, &submit("/enroll/legal-profile")).await?;
    c.wait().for_element(Locator::Css(".error-summary")).await?;
    reads_in(c, lang, "legal details refused").await?;
    assert_eq!(
        text(c, ".error-summary-title").await?,
        partner_portal::i18n::lookup(lang, "error-summary-title", &[])
    );
    assert_eq!(
        c.find(Locator::Css("#city"))
            .await?
            .prop("value")
            .await?
            .as_deref(),
        Some("Hamburg")
    );
    c.find(Locator::Css("#legal_name")).await?.clear().await?;
    fill(c, "#legal_name", "Fabrikam GmbH").await?;
    click(c, &submit("/enroll/legal-profile")).await?;

    c.wait()
        .for_element(Locator::Css("form[action='/enroll/primary-contact']"))
        .await?;
    reads_in(c, lang, "primary contact step").await?;
    fill(c, "#first_name", "Eva").await?;
    fill(c, "#last_name", "Schmidt").await?;
    fill(c, "#email", "eva.schmidt@fabrikam.de").await?;
    fill(c, "#phone", "+49 40 7654321").await?;
    click(c, &submit("/enroll/primary-contact")).await?;

    c.wait()
        .for_element(Locator::Css("form[action='/enroll/support']"))
        .await?;
    reads_in(c, lang, "support step").await?;
    fill(c, "#email", "support@fabrikam.de").await?;
    fill(c, "#phone", "+49 40 5555555").await?;
    fill(c, "#website", "https://support.fabrikam.de").await?;
    click(c, &submit("/enroll/support")).await?;

    c.wait().for_element(Locator::Css("#enroll-now")).await?;
    reads_in(c, lang, "check your answers").await?;
    assert_eq!(text(c, "#answer-legal-name").await?, "Fabrikam GmbH");
    Ok(())
}

/// The page in the browser says it is in `lang` and, in German or Chinese, has no English
/// sentence of the catalogue (see the languages tests).
async fn reads_in(
    c: &Client,
    lang: partner_portal::i18n::Lang,
    what: &str,
) -> Result<(), fantoccini::error::CmdError> {
    let html = c.source().await?;
    assert_eq!(
        attr(&html, "html", "lang").as_deref(),
        Some(lang.code()),
        "{what}"
    );
    if lang != partner_portal::i18n::Lang::En {
        crate::languages::assert_no_english(lang, what, &html);
    }
    Ok(())
}

/// A German-speaking person creates a work account, enrolls as an indirect reseller (with
/// a mistake on the way) and their primary contact confirms: no English anywhere.
async fn enroll_in_german(c: &Client, app: &TestApp) -> Result<(), fantoccini::error::CmdError> {
    use partner_portal::i18n::Lang::De;
    c.goto(&app.url("/")).await?;
    reads_in(c, De, "home").await?;
    c.find(Locator::LinkText("Geschäftskonto erstellen"))
        .await?
        .click()
        .await?;
    c.wait().for_element(Locator::Css("#organisation")).await?;
    reads_in(c, De, "sign-up").await?;
    fill(c, "#organisation", "Fabrikam").await?;
    fill(c, "#domain_prefix", "fabrikamde").await?;
    c.find(Locator::Css("#country"))
        .await?
        .select_by_value("DE")
        .await?;
    fill(c, "#full_name", "Jan Kowalski").await?;
    fill(c, "#email", "jan@fabrikam.example.com").await?;
    fill(c, "#password", STRONG_PASSWORD).await?;
    click(c, "form[action='/signup'] button[type=submit]").await?;
    c.wait().for_element(Locator::Css("#check-email")).await?;
    reads_in(c, De, "check your e-mail").await?;

    // The confirmation e-mail is German; its link confirms, then sign in.
    c.goto(&app.url("/dev/mailbox")).await?;
    reads_in(c, De, "mailbox").await?;
    c.find(Locator::LinkText(
        "Bestätigen Sie Ihre E-Mail-Adresse für das Partner Portal",
    ))
    .await?
    .click()
    .await?;
    c.wait().for_element(Locator::Css("#body a")).await?;
    click(c, "#body a").await?;
    c.wait()
        .for_element(Locator::Css("form[action='/signin']"))
        .await?;
    reads_in(c, De, "sign-in after confirming").await?;
    fill(c, "#email", "jan@fabrikam.example.com").await?;
    fill(c, "#password", STRONG_PASSWORD).await?;
    click(c, "form[action='/signin'] button[type=submit]").await?;
    c.wait().for_element(Locator::Css("#enroll-link")).await?;
    reads_in(c, De, "dashboard").await?;
    click(c, "#enroll-link").await?;
    c.wait().for_element(Locator::Css("#start")).await?;
    reads_in(c, De, "enroll").await?;
    click(c, "#start").await?;
    c.wait().for_element(Locator::Css("#progress")).await?;
    assert_eq!(text(c, "#progress").await?, "Schritt 1 von 5");
    reads_in(c, De, "partner ID step").await?;
    click(c, "#join").await?;
    c.wait().for_element(Locator::Css(".flash")).await?;
    assert!(
        text(c, ".flash")
            .await?
            .contains("Ihre neue Partner-ID lautet")
    );
    click(c, "form[action='/enroll/partner-id'] button[type=submit]").await?;

    answer_the_wizard(c, De).await?;
    click(c, "#consent").await?;
    click(c, "#enroll-now").await?;
    c.wait().for_element(Locator::Css("#state-words")).await?;
    reads_in(c, De, "application status").await?;
    let status_url = c.current_url().await?;

    // The primary contact's e-mail is German too; they confirm in their (German) browser.
    c.goto(&app.url("/dev/mailbox")).await?;
    c.find(Locator::LinkText(
        "Bestätigen Sie Ihre E-Mail-Adresse für den Partnerantrag von Fabrikam GmbH",
    ))
    .await?
    .click()
    .await?;
    c.wait().for_element(Locator::Css("#body a")).await?;
    click(c, "#body a").await?;
    c.wait().for_element(Locator::Css("#confirm")).await?;
    reads_in(c, De, "contact confirmation").await?;
    click(c, "#signed_up").await?;
    click(c, "#company_address").await?;
    click(c, "#confirm").await?;
    c.wait().for_element(Locator::Css("#outcome")).await?;
    reads_in(c, De, "contact confirmed").await?;

    c.goto(status_url.as_str()).await?;
    assert_eq!(
        text(c, "#state-words").await?,
        partner_portal::i18n::lookup(De, "plain-in-review", &[])
    );
    reads_in(c, De, "application in review").await?;
    assert_eq!(app.application_state().await, "in_review");
    Ok(())
}

#[tokio::test]
async fn a_german_speaker_enrolls_without_meeting_english() {
    in_browser_speaking("enrollment_de", "de-DE,de", enroll_in_german).await;
}

/// A Chinese-speaking reseller opens a provider's invitation from the mailbox, signs in
/// and authorises the provider, all in Chinese.
async fn accept_partnership_in_chinese(
    c: &Client,
    app: &TestApp,
) -> Result<(), fantoccini::error::CmdError> {
    use partner_portal::i18n::Lang::ZhCn;
    let provider = app.browser();
    provider.sign_up("zhprov").await;
    let reseller_email = app.browser_speaking("zh-CN").sign_up("zhres").await;
    crate::partners::make_provider(app, "zhprov", "europe").await;
    crate::partners::make_active(app, "zhres").await;
    let draft = provider
        .submit(
            "/partners/resellers",
            "/partners/resellers/invite",
            &[("email", &reseller_email)],
        )
        .await;
    assert_eq!(draft.status(), reqwest::StatusCode::SEE_OTHER);

    // The mailbox lists e-mails in whatever language they were written in: its own words
    // are Chinese.
    c.goto(&app.url("/dev/mailbox")).await?;
    assert_eq!(text(c, "h1").await?, "开发邮箱");
    c.find(Locator::LinkText(
        "Contoso Trading invites you to work with them as your indirect provider",
    ))
    .await?
    .click()
    .await?;
    c.wait().for_element(Locator::Css("#body a")).await?;
    click(c, "#body a").await?;
    c.wait()
        .for_element(Locator::Css("#sign-in-to-accept"))
        .await?;
    reads_in(c, ZhCn, "invitation, signed out").await?;
    click(c, "#sign-in-to-accept").await?;
    c.wait()
        .for_element(Locator::Css("form[action='/signin']"))
        .await?;
    reads_in(c, ZhCn, "sign-in").await?;
    fill(c, "#email", &reseller_email).await?;
    fill(c, "#password", STRONG_PASSWORD).await?;
    click(c, "form[action='/signin'] button[type=submit]").await?;
    c.wait().for_element(Locator::Css("#authorize")).await?;
    reads_in(c, ZhCn, "invitation, signed in").await?;
    // Without the consent: the message is Chinese.
    click(c, "#authorize").await?;
    c.wait().for_element(Locator::Css(".error-summary")).await?;
    reads_in(c, ZhCn, "invitation without consent").await?;
    click(c, "#consent").await?;
    click(c, "#authorize").await?;
    c.wait().for_element(Locator::Css("#providers")).await?;
    reads_in(c, ZhCn, "providers").await?;
    assert_eq!(text(c, "#providers .name").await?, "Contoso Trading");
    assert!(text(c, ".flash").await?.contains("现在是你的间接提供商"));
    Ok(())
}

#[tokio::test]
async fn a_chinese_speaking_reseller_accepts_a_partnership() {
    in_browser_speaking("partnership_zh", "zh-CN,zh", accept_partnership_in_chinese).await;
}

/// Adds a colleague on the users page; returns the temporary password shown once.
async fn add_colleague(
    c: &Client,
    app: &TestApp,
    name: &str,
    email: &str,
    role: &str,
) -> Result<String, fantoccini::error::CmdError> {
    c.goto(&app.url("/account/users")).await?;
    fill(c, "#full_name", name).await?;
    fill(c, "#email", email).await?;
    click(c, &format!("#role-{role}")).await?;
    click(c, "#add-user").await?;
    c.wait()
        .for_element(Locator::Css("#temporary-password"))
        .await?;
    let password = text(c, "#temporary-password").await?;
    // Reloading asks to send the form again; sent again, the password is not shown.
    c.refresh().await?;
    c.wait().for_element(Locator::Css("h1")).await?;
    assert!(c.find(Locator::Css("#temporary-password")).await.is_err());
    Ok(password)
}

/// Signs in with a temporary password, is sent to change it, and changes it.
async fn first_sign_in(
    c: &Client,
    app: &TestApp,
    email: &str,
    temporary: &str,
) -> Result<(), fantoccini::error::CmdError> {
    c.goto(&app.url("/signin")).await?;
    fill(c, "#email", email).await?;
    fill(c, "#password", temporary).await?;
    click(c, "form[action='/signin'] button[type=submit]").await?;
    c.wait().for_element(Locator::Css("#must-change")).await?;
    c.goto(&app.url("/dashboard")).await?;
    c.wait().for_element(Locator::Css("#must-change")).await?;
    fill(c, "#current_password", temporary).await?;
    fill(c, "#new_password", STRONG_PASSWORD).await?;
    click(c, "form[action='/account/password'] button[type=submit]").await?;
    c.wait().for_element(Locator::Css("#tenant-domain")).await?;
    // The e-mail that said they were added also confirms their address.
    c.goto(&app.url("/dev/mailbox")).await?;
    let row = format!(
        "//tr[td[@class='recipient' and normalize-space(text())='{email}']]//a[@class='subject' and contains(text(), 'added')]"
    );
    c.find(Locator::XPath(&row)).await?.click().await?;
    c.wait().for_element(Locator::Css("#recipient")).await?;
    assert_eq!(text(c, "#recipient").await?, email);
    let confirm = c
        .find(Locator::Css("#body a[href*='/signup/confirm/']"))
        .await?
        .attr("href")
        .await?
        .expect("a confirmation link");
    c.goto(&confirm).await?;
    c.goto(&app.url("/dashboard")).await?;
    c.wait().for_element(Locator::Css("#email-state")).await?;
    assert_eq!(text(c, "#email-state").await?, "Yes");
    Ok(())
}

async fn add_colleagues_who_see_what_their_role_allows(
    c: &Client,
    app: &TestApp,
) -> Result<(), fantoccini::error::CmdError> {
    // A listed provider's global admin, signed in in the browser.
    let admin_email = app.browser().sign_up("team").await;
    crate::partners::make_provider(app, "team", "europe").await;
    c.goto(&app.url("/signin")).await?;
    fill(c, "#email", &admin_email).await?;
    fill(c, "#password", STRONG_PASSWORD).await?;
    click(c, "form[action='/signin'] button[type=submit]").await?;
    c.wait().for_element(Locator::Css("#nav-users")).await?;
    let agent = add_colleague(c, app, "Ada Agent", "ada@team.example.org", "admin_agent").await?;
    let sales = add_colleague(c, app, "Sol Sales", "sol@team.example.org", "sales_agent").await?;
    c.goto(&app.url("/account/users")).await?;
    let emails: Vec<String> = {
        let mut v = Vec::new();
        for e in c.find_all(Locator::Css("#users .email")).await? {
            v.push(e.text().await?);
        }
        v
    };
    assert_eq!(emails.len(), 3, "{emails:?}");
    click(c, ".site-nav button").await?;
    c.wait()
        .for_element(Locator::Css("form[action='/signin']"))
        .await?;

    for (email, temporary) in [
        ("ada@team.example.org", &agent),
        ("sol@team.example.org", &sales),
    ] {
        first_sign_in(c, app, email, temporary).await?;
        // Provider tasks: allowed for both roles.
        c.goto(&app.url("/partners/resellers")).await?;
        c.wait()
            .for_element(Locator::Css("#request-partnership"))
            .await?;
        // Users and enrollment: not theirs; the page says who can.
        assert!(c.find(Locator::Css("#nav-users")).await.is_err());
        c.goto(&app.url("/account/users")).await?;
        c.wait()
            .for_element(Locator::Css("#forbidden-roles"))
            .await?;
        assert!(text(c, "#forbidden-holders").await?.contains(&admin_email));
        c.goto(&app.url("/enroll/direct/revenue")).await?;
        c.wait()
            .for_element(Locator::Css("#forbidden-roles"))
            .await?;
        // The organisation profile: read, not changed; the page says who changes it.
        click(c, "#nav-profile").await?;
        c.wait()
            .for_element(Locator::Css("#profile-who-edits"))
            .await?;
        assert!(c.find(Locator::Css(".change a")).await.is_err());
        click(c, ".site-nav button").await?;
        c.wait()
            .for_element(Locator::Css("form[action='/signin']"))
            .await?;
    }
    Ok(())
}

#[tokio::test]
async fn a_global_admin_adds_an_admin_agent_and_a_sales_agent() {
    in_browser("colleagues", add_colleagues_who_see_what_their_role_allows).await;
}

/// Signs in at the sign-in page (whoever was signed in is signed out first).
async fn sign_in_as(
    c: &Client,
    app: &TestApp,
    email: &str,
    password: &str,
) -> Result<(), fantoccini::error::CmdError> {
    c.delete_all_cookies().await?;
    c.goto(&app.url("/signin")).await?;
    fill(c, "#email", email).await?;
    fill(c, "#password", password).await?;
    click(c, "form[action='/signin'] button[type=submit]").await
}

async fn customers_on_both_sides(
    c: &Client,
    app: &TestApp,
) -> Result<(), fantoccini::error::CmdError> {
    let (_provider, reseller, partnership) = crate::customers::partners(app, "bprov", "bres").await;
    // The provider adds a customer for its reseller and reads the password once.
    sign_in_as(c, app, "admin@bprov.example.com", STRONG_PASSWORD).await?;
    c.wait().for_element(Locator::Css("#my-customers")).await?;
    c.goto(&app.url("/partners/resellers")).await?;
    click(c, "#active a.add-customer").await?;
    c.wait().for_element(Locator::Css("#company")).await?;
    fill(c, "#company", "Browser Customer AG").await?;
    fill(c, "#domain_prefix", "browsercust").await?;
    c.find(Locator::Css("#country"))
        .await?
        .select_by_value("DE")
        .await?;
    fill(c, "#address_line1", "Allee 3").await?;
    fill(c, "#city", "Köln").await?;
    fill(c, "#first_name", "Bea").await?;
    fill(c, "#last_name", "Braun").await?;
    fill(c, "#email", "bea@browsercust.example").await?;
    fill(c, "#phone", "+49 221 123456").await?;
    click(c, "#next-review").await?;
    c.wait()
        .for_element(Locator::Css("#review-reseller"))
        .await?;
    assert_eq!(text(c, "#review-reseller").await?, "bres Org");
    click(c, "#submit-customer").await?;
    c.wait()
        .for_element(Locator::Css("#temporary-password"))
        .await?;
    let password = text(c, "#temporary-password").await?;
    assert_eq!(text(c, "#sign-in-name").await?, "bea@browsercust.example");
    // The page offers to print it or copy it (a small script shows the buttons).
    for button in ["#print-password", "#copy-password"] {
        assert!(
            c.find(Locator::Css(button)).await?.is_displayed().await?,
            "{button} is offered"
        );
    }
    c.refresh().await?;
    c.wait().for_element(Locator::Css("h1")).await?;
    assert!(c.find(Locator::Css("#temporary-password")).await.is_err());

    // The customer admin signs in, changes the password and sees both partners.
    sign_in_as(c, app, "bea@browsercust.example", &password).await?;
    c.wait().for_element(Locator::Css("#must-change")).await?;
    fill(c, "#current_password", &password).await?;
    fill(c, "#new_password", STRONG_PASSWORD).await?;
    click(c, "form[action='/account/password'] button[type=submit]").await?;
    c.wait().for_element(Locator::Css("#relationships")).await?;
    assert_eq!(text(c, "#relationships .provider").await?, "bprov Org");
    assert_eq!(text(c, "#relationships .reseller").await?, "bres Org");

    // The reseller sees the customer under View customers.
    sign_in_as(c, app, "admin@bres.example.com", STRONG_PASSWORD).await?;
    c.wait().for_element(Locator::Css("#my-providers")).await?;
    click(c, "#my-providers").await?;
    click(c, "#providers a.view-customers").await?;
    c.wait().for_element(Locator::Css("#customers")).await?;
    assert_eq!(text(c, "#customers .name").await?, "Browser Customer AG");

    // A second customer accepts the reseller's invitation: it creates its work account from
    // the link, confirms from the mailbox, and authorises.
    let link = crate::customers::invite_customer(app, &reseller, partnership, "").await;
    c.delete_all_cookies().await?;
    c.goto(&app.url(&link)).await?;
    click(c, "#create-customer-account").await?;
    c.wait().for_element(Locator::Css("#company")).await?;
    fill(c, "#company", "Second Customer SE").await?;
    fill(c, "#domain_prefix", "secondcust").await?;
    c.find(Locator::Css("#country"))
        .await?
        .select_by_value("DE")
        .await?;
    fill(c, "#address_line1", "Weg 2").await?;
    fill(c, "#city", "Bonn").await?;
    fill(c, "#first_name", "Sam").await?;
    fill(c, "#last_name", "Second").await?;
    fill(c, "#email", "sam@secondcust.example").await?;
    fill(c, "#phone", "+49 228 654321").await?;
    fill(c, "#password", STRONG_PASSWORD).await?;
    click(c, "#create-account").await?;
    c.wait().for_element(Locator::Css("h1")).await?;
    confirm_from_mailbox_and_sign_in(c, app, "sam@secondcust.example").await?;
    c.goto(&app.url(&link)).await?;
    c.wait().for_element(Locator::Css("#authorise")).await?;
    click(c, "#consent").await?;
    click(c, "#authorise").await?;
    c.wait().for_element(Locator::Css("#relationships")).await?;
    assert_eq!(text(c, "#relationships .reseller").await?, "bres Org");
    sign_in_as(c, app, "admin@bprov.example.com", STRONG_PASSWORD).await?;
    c.wait().for_element(Locator::Css("#my-customers")).await?;
    c.goto(&app.url("/customers")).await?;
    c.wait().for_element(Locator::Css("#customers")).await?;
    let mut names = Vec::new();
    for e in c.find_all(Locator::Css("#customers .name")).await? {
        names.push(e.text().await?);
    }
    assert_eq!(names, vec!["Browser Customer AG", "Second Customer SE"]);

    // A third partner's users see neither customer.
    let third = app.browser();
    third.sign_up("bthird").await;
    sign_in_as(c, app, "admin@bthird.example.com", STRONG_PASSWORD).await?;
    c.wait().for_element(Locator::Css("#tenant-domain")).await?;
    for prefix in ["browsercust", "secondcust"] {
        let id: uuid::Uuid =
            sqlx::query_scalar("select tenant_id from tenants where domain_prefix = $1")
                .bind(prefix)
                .fetch_one(&app.db)
                .await
                .expect("customer");
        c.goto(&app.url(&format!("/customers/{id}"))).await?;
        c.wait().for_element(Locator::Css("h1")).await?;
        assert!(
            c.find(Locator::Css("#relationships")).await.is_err(),
            "{prefix}"
        );
    }
    Ok(())
}

#[tokio::test]
async fn customers_are_added_and_authorised_and_seen_by_their_partners_only() {
    in_browser("customers", customers_on_both_sides).await;
}

/// Issue 17's "Done when": three offers in a reseller's customer's cart, the reseller's
/// partner ID verified, the agreement recorded, one order however the button is pressed,
/// a subscription's licences raised and the reseller made its support contact; the
/// customer admin and the reseller see the subscriptions; totals in EUR, JPY and USD.
async fn order_and_manage_subscriptions(
    c: &Client,
    app: &TestApp,
) -> Result<(), fantoccini::error::CmdError> {
    let (provider, _reseller, partnership) = crate::customers::partners(app, "oprov", "ores").await;
    crate::orders::give_partner_id(app, "ores", "4400001").await;
    for region in ["jp", "us"] {
        sqlx::query("insert into provider_regions (tenant_id, csp_region) select tenant_id, $1 from tenants where domain_prefix = 'oprov'")
            .bind(region)
            .execute(&app.db)
            .await
            .expect("region");
    }
    let (customer, password) =
        crate::orders::add_customer(app, &provider, "ocust", "DE", &partnership.to_string()).await;
    sign_in_as(c, app, "admin@oprov.example.com", STRONG_PASSWORD).await?;
    c.wait().for_element(Locator::Css("#my-customers")).await?;
    c.goto(&app.url(&format!("/customers/{customer}"))).await?;
    click(c, "#add-subscriptions").await?;
    for (offer, licences) in [
        ("CIR-MAIL-ESS", "10"),
        ("CIR-OFF-STD", "5"),
        ("CIR-BAK-MAIL", "10"),
    ] {
        c.wait()
            .for_element(Locator::Css(&format!("#licences-{offer}")))
            .await?;
        let field = c.find(Locator::Css(&format!("#licences-{offer}"))).await?;
        field.clear().await?;
        field.send_keys(licences).await?;
        click(c, &format!("#add-{offer}")).await?;
        c.wait().for_element(Locator::Css("#cart-lines")).await?;
    }
    // 10 × €3.68 + 5 × €11.50 + 10 × €2.30
    assert_eq!(text(c, "#cart-total").await?, "€117.30");
    // The reseller by partner ID: Verify.
    click(c, "#acting").await?;
    click(c, "#reseller-other").await?;
    fill(c, "#partner_id", "4400001").await?;
    click(c, "#save-reseller").await?;
    c.wait().for_element(Locator::Css("#next-review")).await?;
    click(c, "#next-review").await?;
    c.wait()
        .for_element(Locator::Css("#review-partner-id"))
        .await?;
    assert_eq!(text(c, "#review-partner-id").await?, "4400001");
    // Buy is disabled until the customer agreement is recorded; the review links to it.
    let buy = c.find(Locator::Css("#buy")).await?;
    assert!(!buy.is_enabled().await?);
    click(c, "#review-record-agreement").await?;
    c.wait().for_element(Locator::Css("#accepted")).await?;
    click(c, "#accepted").await?;
    let today = time::OffsetDateTime::now_utc().date();
    let date = c.find(Locator::Css("#accepted_on")).await?;
    // A date input takes the day as the browser's locale types it; set it directly.
    c.execute(
        "arguments[0].value = arguments[1];",
        vec![
            serde_json::to_value(&date)?,
            serde_json::Value::String(today.to_string()),
        ],
    )
    .await?;
    fill(c, "#first_name", "Ola").await?;
    fill(c, "#last_name", "Berg").await?;
    fill(c, "#email", "ola@ocust.example").await?;
    click(c, "#save-agreement").await?;
    c.wait()
        .for_element(Locator::Css("#customer-agreement"))
        .await?;
    c.goto(&app.url(&format!("/customers/{customer}/cart/review")))
        .await?;
    c.wait().for_element(Locator::Css("#buy")).await?;
    assert!(c.find(Locator::Css("#buy")).await?.is_enabled().await?);
    // A double click: two submissions, one order.
    c.execute(
        "const b = document.getElementById('buy'); b.click(); b.click();",
        vec![],
    )
    .await?;
    c.wait().for_element(Locator::Css("#order-total")).await?;
    assert_eq!(text(c, "#order-total").await?, "€117.30");
    let orders: i64 = sqlx::query_scalar("select count(*) from orders")
        .fetch_one(&app.db)
        .await
        .expect("orders");
    assert_eq!(orders, 1, "a double click makes one order");

    // Raise the licences of one subscription; make the reseller its support contact.
    click(c, "#order-lines tbody tr:nth-child(2) a").await?;
    c.wait().for_element(Locator::Css("#licences")).await?;
    c.find(Locator::Css("#licences")).await?.clear().await?;
    fill(c, "#licences", "12").await?;
    click(c, "#save-licences").await?;
    c.wait().for_element(Locator::Css("#sub-licences")).await?;
    assert_eq!(text(c, "#sub-licences").await?, "12");
    click(c, "#support").await?;
    c.wait().for_element(Locator::Css("#sub-support")).await?;
    assert_eq!(text(c, "#sub-support").await?, "ores Org");

    // The reseller sees the subscriptions (read-only), the customer admin its own.
    sign_in_as(c, app, "admin@ores.example.com", STRONG_PASSWORD).await?;
    c.wait()
        .for_element(Locator::Css("#my-subscriptions"))
        .await?;
    click(c, "#my-subscriptions").await?;
    c.wait().for_element(Locator::Css("#subscriptions")).await?;
    assert_eq!(
        c.find_all(Locator::Css("#subscriptions tbody tr"))
            .await?
            .len(),
        3
    );
    sign_in_as(c, app, "it@ocust.example", &password).await?;
    c.wait().for_element(Locator::Css("#must-change")).await?;
    fill(c, "#current_password", &password).await?;
    fill(c, "#new_password", STRONG_PASSWORD).await?;
    click(c, "form[action='/account/password'] button[type=submit]").await?;
    c.wait().for_element(Locator::Css("#subscriptions")).await?;
    assert_eq!(
        c.find_all(Locator::Css("#subscriptions tbody tr"))
            .await?
            .len(),
        3
    );
    let licences: Vec<String> = {
        let mut v = Vec::new();
        for e in c.find_all(Locator::Css("#subscriptions .licences")).await? {
            v.push(e.text().await?);
        }
        v
    };
    assert!(licences.contains(&"12".to_owned()), "{licences:?}");

    // Totals in a JPY and a USD customer's currency.
    sign_in_as(c, app, "admin@oprov.example.com", STRONG_PASSWORD).await?;
    c.wait().for_element(Locator::Css("#my-customers")).await?;
    for (prefix, country, total) in [("ojpy", "JP", "JP¥5,625"), ("ousd", "US", "US$37.50")] {
        let (id, _) = crate::orders::add_customer(app, &provider, prefix, country, "").await;
        c.goto(&app.url(&format!("/customers/{id}/cart"))).await?;
        c.wait()
            .for_element(Locator::Css("#licences-CIR-OFF-STD"))
            .await?;
        let field = c.find(Locator::Css("#licences-CIR-OFF-STD")).await?;
        field.clear().await?;
        field.send_keys("3").await?;
        click(c, "#add-CIR-OFF-STD").await?;
        c.wait().for_element(Locator::Css("#cart-total")).await?;
        assert_eq!(text(c, "#cart-total").await?, total, "{country}");
    }
    Ok(())
}

#[tokio::test]
async fn a_provider_orders_for_a_resellers_customer_and_manages_its_subscriptions() {
    in_browser("orders", order_and_manage_subscriptions).await;
}
