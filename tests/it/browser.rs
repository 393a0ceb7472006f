//! Headless Chromium through chromedriver: what a person does, in a real browser.

use crate::helpers::*;
use fantoccini::{Client, ClientBuilder, Locator};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Driver {
    process: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

fn start_chromedriver() -> Driver {
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

async fn browser(driver: &Driver, profile: &std::path::Path) -> Client {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": chromium,
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--window-size=1024,900",
                format!("--user-data-dir={}", profile.display()),
            ]
        }),
    );
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("connect to chromedriver")
}

async fn fill(c: &Client, css: &str, value: &str) -> Result<(), fantoccini::error::CmdError> {
    c.find(Locator::Css(css)).await?.send_keys(value).await
}

async fn text(c: &Client, css: &str) -> Result<String, fantoccini::error::CmdError> {
    c.find(Locator::Css(css)).await?.text().await
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

    c.wait().for_element(Locator::Css("#tenant-domain")).await?;
    assert_eq!(
        text(c, "#tenant-domain").await?,
        "northwind.partnerportal.example"
    );
    assert_eq!(
        text(c, "#tenant-currency").await?.split_whitespace().next(),
        Some("EUR")
    );
    assert_eq!(text(c, "#email-state").await?, "Not yet");

    // Follow the link from the dev mailbox, as a person would.
    c.goto(&app.url("/dev/mailbox")).await?;
    c.find(Locator::Css("#mailbox a.subject"))
        .await?
        .click()
        .await?;
    c.find(Locator::Css("#body a")).await?.click().await?;
    c.wait().for_element(Locator::Css("#email-state")).await?;
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

#[tokio::test]
async fn a_person_signs_up_confirms_from_the_mailbox_signs_out_and_signs_in() {
    let app = TestApp::spawn().await;
    let driver = start_chromedriver();
    let profile =
        std::env::temp_dir().join(format!("pp-chromium-{}", uuid::Uuid::new_v4().simple()));
    let c = browser(&driver, &profile).await;
    let outcome = sign_up_confirm_sign_out_and_in(&c, &app).await;
    if outcome.is_err() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
        let _ = std::fs::create_dir_all(&dir);
        if let Ok(png) = c.screenshot().await {
            let path = dir.join("signup_flow.png");
            let _ = std::fs::write(&path, png);
            eprintln!("screenshot saved to {}", path.display());
        }
    }
    let _ = c.close().await;
    let _ = std::fs::remove_dir_all(&profile);
    outcome.expect("browser flow");
}
