//! Fuzzed forms (issue 19, point 5): every form on every page of the route list, found by
//! reading the pages as each realm sees them (signed out, a new partner, an established
//! partner's global admin, a customer's user, an operator admin), is posted with values
//! drawn by proptest from hostile material: control characters, invalid UTF-8, 100,000
//! characters, markup, SQL-looking text, right-to-left and zero-width characters, and
//! mixtures. Every answer must be below 500 and must not hold markup unescaped; afterwards
//! every page of every realm, the dev mailbox and every queued e-mail must still be whole.
//!
//! The run is random: it prints `FUZZ_SEED=...`; set that variable to replay a run, and
//! `FUZZ_CASES` (default 8) for more cases per form.

use crate::helpers::*;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config as RunnerConfig, RngAlgorithm, TestRng, TestRunner};
use reqwest::StatusCode;
use scraper::{Html, Selector};

/// Markup a value may carry.
const MARKUP: &[&str] = &[
    "<script>alert('pp-fuzz')</script>",
    "\"><img src=x onerror=alert('pp-fuzz')>",
    "'><svg onload=alert('pp-fuzz')>",
    "</textarea><b data-pp-fuzz>x</b>",
    "javascript:alert('pp-fuzz')",
    "{{ 7*7 }}{% raw %}",
];

/// Text an answer can hold only if a value went out unescaped.
const RAW: &[&str] = &[
    "<script>alert('pp-fuzz')",
    "<img src=x onerror",
    "<svg onload",
    "<b data-pp-fuzz>",
    "href=\"javascript:",
    "src=\"javascript:",
];

const SQL: &[&str] = &[
    "' OR '1'='1",
    "'; drop table users; --",
    "1; select pg_sleep(5)--",
    "\\' union select null, null--",
    "%' and 1=1 --",
    "$1 $$ E'\\x00'",
];

const UNICODE: &[&str] = &[
    "\u{202e}fdp.exe",
    "a\u{200b}b\u{200d}c\u{2060}",
    "\u{feff}bom",
    "e\u{0301}\u{0301}\u{0301}",
    "𝕳𝖊𝖑𝖑𝖔 👩‍👩‍👧",
    "line\u{2028}para\u{2029}",
    "\u{fffd}\u{fffe}",
    "مرحبا بالعالم",
    "\u{061c}\u{200f}rtl\u{200e}",
];

const INVALID_UTF8: &[&[u8]] = &[
    &[0xff],
    &[0xc3, 0x28],
    &[0xed, 0xa0, 0x80],
    &[0xf0, 0x28, 0x8c, 0x28],
    &[0xc0, 0xaf],
    &[0x80, 0x80],
];

/// One hostile value, as bytes (it may not be UTF-8).
fn hostile() -> impl Strategy<Value = Vec<u8>> {
    let bytes = |s: &&str| s.as_bytes().to_vec();
    let piece = prop_oneof![
        3 => proptest::sample::select(MARKUP).prop_map(move |s| bytes(&s)),
        2 => proptest::sample::select(SQL).prop_map(move |s| bytes(&s)),
        2 => proptest::sample::select(UNICODE).prop_map(move |s| bytes(&s)),
        2 => proptest::collection::vec(0u8..0x20, 1..6),
        2 => proptest::sample::select(INVALID_UTF8).prop_map(<[u8]>::to_vec),
        2 => any::<String>().prop_map(String::into_bytes),
        1 => "[a-z]{1,12}".prop_map(String::into_bytes),
    ];
    // Long values on their own: 100,000 characters are over the 64 KiB body limit (the
    // answer is the 413 page); 10,000 reach the fields' own length checks.
    prop_oneof![
        16 => proptest::collection::vec(piece, 1..4).prop_map(|pieces| pieces.concat()),
        1 => Just("x".repeat(100_000).into_bytes()),
        1 => Just("<é".repeat(50_000).into_bytes()),
        1 => Just("y".repeat(10_000).into_bytes()),
        1 => Just("ü<".repeat(2_000).into_bytes()),
    ]
}

/// For each field: keep the page's own value (`None`) or send a hostile one.
fn case(fields: usize) -> impl Strategy<Value = Vec<Option<Vec<u8>>>> {
    proptest::collection::vec(proptest::option::weighted(0.6, hostile()), fields)
}

/// A form as a page offers it.
#[derive(Debug, Clone)]
struct FormSpec {
    page: String,
    action: String,
    multipart: bool,
    /// (name, the page's value), the CSRF token left out.
    fields: Vec<(String, String)>,
}

/// The POST forms of `html` (on `page`).
fn forms(page: &str, html: &str) -> Vec<FormSpec> {
    let document = Html::parse_document(html);
    let form_selector = Selector::parse("form").unwrap();
    let field_selector =
        Selector::parse("input[name], textarea[name], select[name], button[name]").unwrap();
    let option_selector = Selector::parse("option").unwrap();
    let mut found = Vec::new();
    for form in document.select(&form_selector) {
        let element = form.value();
        if !element
            .attr("method")
            .is_some_and(|m| m.eq_ignore_ascii_case("post"))
        {
            continue;
        }
        let action = element.attr("action").unwrap_or(page).to_owned();
        let mut fields: Vec<(String, String)> = Vec::new();
        for field in form.select(&field_selector) {
            let f = field.value();
            let name = f.attr("name").unwrap_or_default().to_owned();
            if name == "csrf_token" {
                continue;
            }
            let kind = f.attr("type").unwrap_or("text");
            let value = match f.name() {
                "textarea" => field.text().collect(),
                "select" => field
                    .select(&option_selector)
                    .find(|o| o.value().attr("selected").is_some())
                    .or_else(|| field.select(&option_selector).nth(1))
                    .or_else(|| field.select(&option_selector).next())
                    .and_then(|o| o.value().attr("value").map(str::to_owned))
                    .unwrap_or_default(),
                _ if kind == "checkbox" || kind == "radio" => {
                    f.attr("value").unwrap_or("on").to_owned()
                }
                _ => f.attr("value").unwrap_or_default().to_owned(),
            };
            // One of each radio group or button name; every checkbox.
            if (kind == "radio" || f.name() == "button") && fields.iter().any(|(n, _)| *n == name) {
                continue;
            }
            fields.push((name, value));
        }
        found.push(FormSpec {
            page: page.to_owned(),
            action,
            multipart: element
                .attr("enctype")
                .is_some_and(|e| e.contains("multipart")),
            fields,
        });
    }
    found
}

/// `application/x-www-form-urlencoded` of raw bytes.
fn urlencode(pairs: &[(String, Vec<u8>)]) -> Vec<u8> {
    let encode = |bytes: &[u8], out: &mut Vec<u8>| {
        for b in bytes {
            match *b {
                b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(*b),
                other => out.extend(format!("%{other:02X}").into_bytes()),
            }
        }
    };
    let mut out = Vec::new();
    for (i, (name, value)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push(b'&');
        }
        encode(name.as_bytes(), &mut out);
        out.push(b'=');
        encode(value, &mut out);
    }
    out
}

/// What went wrong, page by page.
#[derive(Default)]
struct Findings {
    posts: usize,
    statuses: std::collections::BTreeMap<u16, usize>,
    problems: Vec<String>,
}

impl Findings {
    fn check_answer(&mut self, what: &str, status: StatusCode, location: Option<&str>, body: &str) {
        if status.is_server_error() {
            self.problems.push(format!("{what}: {status}"));
        }
        for raw in RAW {
            if let Some(at) = body.find(raw) {
                let from = body.floor_char_boundary(at.saturating_sub(80));
                let to = body.ceil_char_boundary((at + 80).min(body.len()));
                self.problems.push(format!(
                    "{what}: unescaped {raw:?} in …{}…",
                    &body[from..to]
                ));
            }
        }
        if let Some(to) = location
            && (!to.starts_with('/') || to.starts_with("//") || to.starts_with("/\\"))
        {
            self.problems
                .push(format!("{what}: redirect off the site to {to:?}"));
        }
    }
}

/// Actions that end the realm's session: not fuzzed (the walk would sign in again and again).
fn ends_the_session(action: &str) -> bool {
    matches!(action, "/signout" | "/admin/signout")
}

/// An answer's status, `Location` and body.
async fn answer(response: reqwest::Response) -> (StatusCode, Option<String>, String) {
    let status = response.status();
    let location = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    (status, location, response.text().await.unwrap_or_default())
}

/// A realm: who, how they sign in, and the pages they open.
struct Realm {
    name: &'static str,
    sign_in: Option<(&'static str, String, &'static str)>,
    pages: Vec<String>,
}

async fn sign_in(browser: &Browser<'_>, realm: &Realm) -> bool {
    let Some((page, email, password)) = &realm.sign_in else {
        return true;
    };
    let r = browser
        .submit(page, page, &[("email", email), ("password", password)])
        .await;
    r.status() == StatusCode::SEE_OTHER
}

async fn post(
    browser: &Browser<'_>,
    form: &FormSpec,
    values: &[(String, Vec<u8>)],
) -> reqwest::Response {
    let html = browser
        .open(&form.page)
        .await
        .text()
        .await
        .unwrap_or_default();
    let token = attr(&html, "input[name=csrf_token]", "value").unwrap_or_default();
    let url = browser.app.url(&form.action);
    let sent = if form.multipart {
        let mut multipart = reqwest::multipart::Form::new().text("csrf_token", token);
        for (name, value) in values {
            let part = reqwest::multipart::Part::bytes(value.clone())
                .file_name(String::from_utf8_lossy(&value[..value.len().min(40)]).into_owned());
            multipart = multipart.part(name.clone(), part);
        }
        browser.client.post(url).multipart(multipart).send().await
    } else {
        let mut all = values.to_vec();
        all.push(("csrf_token".into(), token.into_bytes()));
        browser
            .client
            .post(url)
            .header(
                reqwest::header::CONTENT_TYPE,
                "application/x-www-form-urlencoded",
            )
            .body(urlencode(&all))
            .send()
            .await
    };
    sent.expect("POST answered")
}

#[tokio::test]
async fn hostile_values_in_every_form_as_every_realm_give_no_5xx_no_unescaped_markup_and_break_no_later_page()
 {
    let app = TestApp::spawn_with(|c| {
        c.rate_limits.sign_up.max = 1_000_000;
        c.rate_limits.sign_in.max = 1_000_000;
        c.rate_limits.password_reset.max = 1_000_000;
        c.rate_limits.resend_confirmation.max = 1_000_000;
        c.rate_limits.partner_id.max = 1_000_000;
        c.rate_limits.invitation_request.max = 1_000_000;
    })
    .await;
    let m = crate::roles::matrix(&app).await;
    let newcomer = app.browser().sign_up("fuzznew").await;
    crate::roles::add_customer_user(&app, &m).await;

    let mut public: Vec<String> = crate::languages::PUBLIC_ROUTES
        .iter()
        .map(|p| p.to_string())
        .collect();
    public.extend(["/providers", "/admin/signin"].map(str::to_owned));
    let mut new_partner: Vec<String> = crate::languages::SIGNED_IN_ROUTES
        .iter()
        .map(|p| p.to_string())
        .collect();
    new_partner.push("/enroll/check".into());
    let realms = [
        Realm {
            name: "signed out",
            sign_in: None,
            pages: public,
        },
        Realm {
            name: "new partner",
            sign_in: Some(("/signin", newcomer, STRONG_PASSWORD)),
            pages: new_partner,
        },
        Realm {
            name: "global admin",
            sign_in: Some(("/signin", m.admin.clone(), STRONG_PASSWORD)),
            pages: m.routes.iter().map(|r| r.path.clone()).collect(),
        },
        Realm {
            name: "customer",
            sign_in: Some((
                "/signin",
                crate::roles::CUSTOMER_USER.into(),
                STRONG_PASSWORD,
            )),
            pages: crate::roles::customer_routes(&m),
        },
        Realm {
            name: "operator admin",
            sign_in: Some(("/admin/signin", "admin@localhost".into(), STAFF_PASSWORD)),
            pages: crate::roles::staff_routes(&m),
        },
    ];

    let seed = seed_from_env("FUZZ_SEED");
    let cases: usize = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(8);
    let mut key = [0u8; 32];
    key[..8].copy_from_slice(&seed.to_le_bytes());
    let mut runner = TestRunner::new_with_rng(
        RunnerConfig::default(),
        TestRng::from_seed(RngAlgorithm::ChaCha, &key),
    );
    let mut findings = Findings::default();
    let mut forms_fuzzed = 0;

    for realm in &realms {
        let browser = app.browser();
        assert!(sign_in(&browser, realm).await, "{} signs in", realm.name);
        // The realm's forms, each once (the same form on several pages is one form).
        let mut seen = std::collections::BTreeSet::new();
        let mut to_fuzz = Vec::new();
        for page in &realm.pages {
            let html = browser.open(page).await.text().await.unwrap_or_default();
            for form in forms(page, &html) {
                if !ends_the_session(&form.action) && seen.insert(form.action.clone()) {
                    to_fuzz.push(form);
                }
            }
        }
        for form in &to_fuzz {
            forms_fuzzed += 1;
            for _ in 0..cases {
                let values = case(form.fields.len())
                    .new_tree(&mut runner)
                    .expect("a case")
                    .current();
                let sent: Vec<(String, Vec<u8>)> = form
                    .fields
                    .iter()
                    .zip(values)
                    .map(|((name, own), value)| {
                        (
                            name.clone(),
                            value.unwrap_or_else(|| own.clone().into_bytes()),
                        )
                    })
                    .collect();
                let (status, location, body) = answer(post(&browser, form, &sent).await).await;
                findings.posts += 1;
                *findings.statuses.entry(status.as_u16()).or_default() += 1;
                let what = format!("{} POST {} (from {})", realm.name, form.action, form.page);
                findings.check_answer(&what, status, location.as_deref(), &body);
                // A form that signed the realm out (a password change, say) signs in again.
                if realm.sign_in.is_some()
                    && location.as_deref().is_some_and(|l| l.contains("signin"))
                {
                    sign_in(&browser, realm).await;
                }
            }
        }
    }

    // Whatever was stored, every realm's pages still open whole.
    for realm in &realms {
        let browser = app.browser();
        assert!(
            sign_in(&browser, realm).await,
            "{} can still sign in after the fuzzing",
            realm.name
        );
        for page in &realm.pages {
            let (status, location, body) = answer(browser.open(page).await).await;
            findings.check_answer(
                &format!("{} GET {page} afterwards", realm.name),
                status,
                location.as_deref(),
                &body,
            );
        }
    }
    let mailbox = app.browser().open("/dev/mailbox").await;
    let status = mailbox.status();
    findings.check_answer(
        "the dev mailbox",
        status,
        None,
        &mailbox.text().await.unwrap_or_default(),
    );

    // Every queued e-mail still makes a message, with no markup unescaped in its HTML.
    let rows: Vec<(uuid::Uuid, String, String, String, String, String)> = sqlx::query_as(
        "select email_id, message_id, recipient::text, subject, body_text, body_html from email_outbox",
    )
    .fetch_all(&app.db)
    .await
    .unwrap();
    let from: lettre::message::Mailbox = app.config.mail_from.parse().unwrap();
    for (email_id, message_id, recipient, subject, body_text, body_html) in &rows {
        let what = format!("e-mail {subject:?} to {recipient}");
        findings.check_answer(&what, StatusCode::OK, None, body_html);
        if subject.contains(['\r', '\n']) {
            findings
                .problems
                .push(format!("{what}: a line break in the subject"));
        }
        let queued = partner_portal::db::outbox::QueuedEmail {
            email_id: *email_id,
            message_id: message_id.clone(),
            recipient: recipient.clone(),
            subject: subject.clone(),
            body_text: body_text.clone(),
            body_html: body_html.clone(),
            status: "pending".into(),
            attempts: 0,
            last_error: None,
            created_at: time::OffsetDateTime::now_utc(),
            sent_at: None,
        };
        if let Err(e) = partner_portal::email::build_message(&from, &queued) {
            findings
                .problems
                .push(format!("{what}: cannot be built: {e}"));
        }
    }

    eprintln!(
        "fuzzing: {forms_fuzzed} forms in {} realms, {} posts, answers {:?}, {} e-mails checked, \
         {} problems",
        realms.len(),
        findings.posts,
        findings.statuses,
        rows.len(),
        findings.problems.len()
    );
    assert!(forms_fuzzed >= 40, "only {forms_fuzzed} forms found");
    assert!(
        findings.problems.is_empty(),
        "FUZZ_SEED={seed}: {} problems:\n{}",
        findings.problems.len(),
        findings.problems.join("\n")
    );
}
