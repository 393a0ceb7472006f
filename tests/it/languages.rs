//! Issue 14: English, German and Simplified Chinese — choosing the language, keeping the
//! choice, and pages that contain no English once another language is chosen.

use crate::helpers::*;
use partner_portal::i18n::{Lang, all_keys, lookup};
use reqwest::StatusCode;

/// Pages translated so far, walked in every language (signed out). Every new page joins.
pub(crate) const PUBLIC_ROUTES: &[&str] = &[
    "/",
    "/signin",
    "/signup",
    "/signup/check-email",
    "/password/forgot",
];

/// Pages translated so far, walked signed in as a new partner's global admin.
pub(crate) const SIGNED_IN_ROUTES: &[&str] = &[
    "/dashboard",
    "/enroll",
    "/enroll/partner-id",
    "/enroll/legal-profile",
    "/enroll/primary-contact",
    "/enroll/support",
    "/agreement",
    "/account/password",
    "/account/users",
    "/account/profile",
    "/account/time-zone",
];

/// Brand and language names, the same in every language.
const SAME_IN_EVERY_LANGUAGE: &[&str] = &["Partner Portal", "English", "Deutsch", "简体中文"];

/// The visible text of a page (what a reader sees: no tags, no attributes), without
/// machine text in `<code>` and the parts marked as English on purpose (`lang="en"` inside the page: the agreement's text,
/// which is published in English only, and the language switch's own name).
fn visible_text(html: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let body = scraper::Selector::parse("body").unwrap();
    let mut words = Vec::new();
    for b in doc.select(&body) {
        for node in b.descendants() {
            let Some(text) = node.value().as_text() else {
                continue;
            };
            // Text marked English, and machine text in `<code>` (links, passwords, ids).
            let marked_english = node.ancestors().any(|a| {
                a.value().as_element().is_some_and(|e| {
                    (e.name() != "html" && e.attr("lang") == Some("en")) || e.name() == "code"
                })
            });
            if !marked_english {
                words.extend(text.split_whitespace().map(str::to_owned));
            }
        }
    }
    words.join(" ")
}

/// Sentences and phrases of the English catalogue (two words or more, without their
/// variables and markup) that must not appear on a page in `lang`.
fn english_phrases(lang: Lang) -> Vec<String> {
    let mut phrases = Vec::new();
    for key in all_keys(Lang::En) {
        let english = lookup(Lang::En, key, &[]);
        let own = lookup(lang, key, &[]);
        let plain = strip_markup(&english);
        for fragment in plain.split(['{', '}']).map(str::trim) {
            let words = fragment.split_whitespace().count();
            if words >= 2
                && fragment.len() >= 8
                && !own.contains(fragment)
                && !SAME_IN_EVERY_LANGUAGE.contains(&fragment)
            {
                phrases.push(fragment.to_owned());
            }
        }
    }
    phrases
}

fn strip_markup(text: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

pub(crate) fn assert_no_english(lang: Lang, path: &str, html: &str) {
    let text = visible_text(html);
    // A key shown instead of its text (an area missing from the compiled catalogues): a
    // word of lower-case letters and digits joined by hyphens, like `app-title`.
    for word in text.split_whitespace() {
        let parts: Vec<&str> = word.split('-').collect();
        let uuid = parts.iter().map(|p| p.len()).eq([8, 4, 4, 4, 12])
            && parts
                .iter()
                .all(|p| p.chars().all(|c| c.is_ascii_hexdigit()));
        let key_like = parts.len() > 1
            && !uuid
            && word.starts_with(|c: char| c.is_ascii_lowercase())
            && parts.iter().all(|p| {
                !p.is_empty()
                    && p.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            });
        assert!(!key_like, "{path} in {lang} shows the key {word}");
    }
    for phrase in english_phrases(lang) {
        assert!(
            !text.contains(&phrase),
            "{path} in {lang} shows English {phrase:?}: {text}"
        );
    }
}

#[tokio::test]
async fn a_first_visit_follows_the_browsers_languages() {
    let app = TestApp::spawn().await;
    for (accept, lang, heading) in [
        ("de-DE,de;q=0.9,en;q=0.5", "de", "Anmelden"),
        ("zh-CN,zh;q=0.9", "zh-CN", "登录"),
        ("fr-FR, en;q=0.3, zh;q=0.2", "en", "Sign in"),
        ("fr-FR", "en", "Sign in"),
    ] {
        let browser = app.browser_speaking(accept);
        let response = browser.open("/signin").await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(
            response.headers()["content-language"].to_str().unwrap(),
            lang,
            "{accept}"
        );
        let vary = response.headers()["vary"].to_str().unwrap().to_owned();
        assert!(vary.contains("accept-language"), "{vary}");
        let html = response.text().await.unwrap();
        assert_eq!(
            attr(&html, "html", "lang").as_deref(),
            Some(lang),
            "{accept}"
        );
        assert_eq!(texts(&html, "h1"), vec![heading], "{accept}");
        // The switch names every language in itself and marks the current one.
        assert_eq!(
            texts(
                &html,
                ".language-switch button, .language-switch .language-current"
            )
            .len(),
            3
        );
        assert_eq!(
            attr(&html, ".language-current", "lang").as_deref(),
            Some(lang)
        );
    }
}

#[tokio::test]
async fn the_translated_pages_show_no_english_in_german_or_chinese() {
    let app = TestApp::spawn().await;
    for lang in [Lang::De, Lang::ZhCn] {
        let browser = app.browser_speaking(lang.code());
        for path in PUBLIC_ROUTES {
            let html = browser.html(path).await;
            assert_eq!(attr(&html, "html", "lang").as_deref(), Some(lang.code()));
            assert_no_english(lang, path, &html);
        }
        // Asking for a reset link, and a reset link that does not work.
        let sent = browser
            .submit(
                "/password/forgot",
                "/password/forgot",
                &[("email", "nobody@example.com")],
            )
            .await;
        let sent = if sent.status() == StatusCode::SEE_OTHER {
            browser.html(&location(&sent)).await
        } else {
            sent.text().await.unwrap()
        };
        assert!(sent.contains("nobody@example.com"), "{sent}");
        assert_no_english(lang, "/password/forgot (sent)", &sent);
        let invalid = browser.open("/password/reset/not-a-token").await;
        assert_no_english(
            lang,
            "/password/reset/{token}",
            &invalid.text().await.unwrap(),
        );
    }
    // Signed in: the dashboard, unconfirmed and confirmed.
    for lang in [Lang::De, Lang::ZhCn] {
        let browser = app.browser_speaking(lang.code());
        browser
            .sign_up(&format!("dash{}", if lang == Lang::De { 1 } else { 2 }))
            .await;
        for path in SIGNED_IN_ROUTES {
            let html = browser.html(path).await;
            assert_no_english(lang, path, &html);
        }
        // Adding a colleague: the page that shows the temporary password once, and the
        // same form sent again.
        let users = browser.html("/account/users").await;
        let form_id = attr(&users, "input[name=form_id]", "value").unwrap();
        let fields = [
            ("full_name", "Kim Kollege"),
            (
                "email",
                if lang == Lang::De {
                    "kim@de.example.org"
                } else {
                    "kim@zh.example.org"
                },
            ),
            ("roles", "admin_agent"),
            ("form_id", form_id.as_str()),
        ];
        for what in ["added", "sent again"] {
            let page = browser
                .submit("/account/users", "/account/users", &fields)
                .await;
            assert_eq!(page.status(), StatusCode::OK);
            assert_no_english(lang, what, &page.text().await.unwrap());
        }
        let list = browser.html("/account/users").await;
        for link in attrs(&list, "#users .name a", "href") {
            assert_no_english(lang, "/account/users/{id}", &browser.html(&link).await);
        }
        // The wizard filled in: check your answers.
        let partner_id = if lang == Lang::De {
            "7100001"
        } else {
            "7100002"
        };
        add_membership(&app.db, partner_id, "DE", true).await;
        browser.fill_wizard(partner_id).await;
        let html = browser.html("/enroll/check").await;
        assert_no_english(lang, "/enroll/check", &html);
        // Enrolled: the application's status page.
        let enrolled = browser
            .submit("/enroll/check", "/enroll/submit", &[("consent", "yes")])
            .await;
        assert_eq!(enrolled.status(), StatusCode::SEE_OTHER);
        let status_page = location(&enrolled);
        let html = browser.html(&status_page).await;
        assert_eq!(
            texts(&html, "#state-words"),
            vec![lookup(lang, "plain-awaiting-contact", &[])]
        );
        assert_no_english(lang, "/applications/{id}", &html);
        let withdraw = format!("{status_page}/withdraw");
        assert_no_english(lang, &withdraw, &browser.html(&withdraw).await);
    }
    // The check itself finds English: the same pages in English fail it.
    let english = app.browser_speaking("en").html("/signup").await;
    let caught = std::panic::catch_unwind(|| assert_no_english(Lang::De, "/signup", &english));
    assert!(caught.is_err(), "an English page is caught");
}

#[tokio::test]
async fn the_switch_keeps_the_choice_on_the_browser_and_on_the_account() {
    let app = TestApp::spawn().await;
    let me = app.browser_speaking("en-GB");
    let email = me.sign_up("sprache").await;

    // From the dashboard, to German: back to the same page, now in German.
    let response = me
        .submit(
            "/dashboard",
            "/language",
            &[("lang", "de"), ("next", "/dashboard")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/dashboard");
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.starts_with("pp_lang=de;"), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let html = me.html("/dashboard").await;
    assert_eq!(attr(&html, "html", "lang").as_deref(), Some("de"));
    assert_eq!(texts(&html, ".partner-nav a")[0], "Startseite");
    assert!(texts(&html, ".site-nav button").contains(&"Abmelden".to_owned()));
    let saved: Option<String> =
        sqlx::query_scalar("select language from users where email = $1::text::citext")
            .bind(&email)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(saved.as_deref(), Some("de"));

    // Another device whose browser asks for English: signed in, the account's choice wins.
    let laptop = app.browser_speaking("en-US");
    assert_eq!(
        attr(&laptop.html("/signin").await, "html", "lang").as_deref(),
        Some("en")
    );
    let signed_in = laptop
        .submit(
            "/signin",
            "/signin",
            &[("email", &email), ("password", STRONG_PASSWORD)],
        )
        .await;
    assert_eq!(signed_in.status(), StatusCode::SEE_OTHER);
    let html = laptop.html("/dashboard").await;
    assert_eq!(attr(&html, "html", "lang").as_deref(), Some("de"));

    // An unknown language changes nothing; a foreign `next` goes nowhere foreign.
    let response = me
        .submit(
            "/dashboard",
            "/language",
            &[("lang", "xx"), ("next", "/dashboard")],
        )
        .await;
    assert_eq!(location(&response), "/dashboard");
    assert!(response.headers().get("set-cookie").is_none());
    let response = me
        .submit(
            "/dashboard",
            "/language",
            &[("lang", "zh-CN"), ("next", "//evil.example/")],
        )
        .await;
    assert!(location(&response).starts_with('/') && !location(&response).starts_with("//"));
    assert_eq!(
        attr(&me.html("/dashboard").await, "html", "lang").as_deref(),
        Some("zh-CN")
    );
}

#[tokio::test]
async fn a_visitor_without_an_account_keeps_the_choice_in_a_cookie_and_needs_the_form_token() {
    let app = TestApp::spawn().await;
    let visitor = app.browser_speaking("de");
    // Without the form's token the switch is refused like any other form.
    let refused = visitor
        .post(app.url("/language"))
        .form(&[("lang", "zh-CN"), ("next", "/signin")])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let response = visitor
        .submit(
            "/signin",
            "/language",
            &[("lang", "zh-CN"), ("next", "/signin")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let html = visitor.html("/signin").await;
    assert_eq!(attr(&html, "html", "lang").as_deref(), Some("zh-CN"));
    assert_eq!(texts(&html, "h1"), vec!["登录"]);
    let sessions: i64 = sqlx::query_scalar("select count(*) from tower_sessions.session")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(sessions, 0, "choosing a language stores no session");
}

#[tokio::test]
async fn staff_choose_their_language_too() {
    let app = TestApp::spawn().await;
    let staff = app.operator_admin().await;
    let response = staff
        .client
        .submit(
            "/admin/applications",
            "/language",
            &[("lang", "zh-CN"), ("next", "/admin/applications")],
        )
        .await;
    assert_eq!(location(&response), "/admin/applications");
    let html = staff.client.html("/admin/applications").await;
    assert_eq!(attr(&html, "html", "lang").as_deref(), Some("zh-CN"));
    assert!(texts(&html, ".site-nav a").contains(&"申请".to_owned()));
    let saved: Option<String> =
        sqlx::query_scalar("select language from operator_staff where email = 'admin@localhost'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(saved.as_deref(), Some("zh-CN"));
}

#[tokio::test]
async fn validation_messages_and_notices_are_in_the_chosen_language() {
    let app = TestApp::spawn().await;
    for (lang, organisation, sign_in) in [
        (
            Lang::De,
            "Geben Sie den Namen Ihrer Organisation ein",
            "Die E-Mail-Adresse oder das Kennwort ist nicht korrekt.",
        ),
        (Lang::ZhCn, "请输入组织名称", "电子邮件地址或密码不正确。"),
    ] {
        let browser = app.browser_speaking(lang.code());
        let refused = browser
            .submit(
                "/signup",
                "/signup",
                &[("organisation", ""), ("email", "x")],
            )
            .await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = refused.text().await.unwrap();
        let summary = error_summary(&html);
        assert_eq!(
            summary[0],
            ("#organisation".to_owned(), organisation.to_owned())
        );
        assert!(
            texts(&html, "title")[0].starts_with(&lookup(lang, "error-title-prefix", &[])),
            "{lang}"
        );
        assert_no_english(lang, "/signup (refused)", &html);

        let refused = browser
            .submit(
                "/signin",
                "/signin",
                &[
                    ("email", "nobody@example.com"),
                    ("password", "wrong password here"),
                ],
            )
            .await;
        let html = refused.text().await.unwrap();
        assert!(
            error_summary(&html)[0].1.starts_with(sign_in),
            "{lang}: {:?}",
            error_summary(&html)
        );
        assert_no_english(lang, "/signin (refused)", &html);
    }
}

#[tokio::test]
async fn countries_are_named_and_sorted_in_each_language() {
    let app = TestApp::spawn().await;
    let options = |html: &str| -> Vec<(String, String)> {
        let doc = scraper::Html::parse_document(html);
        let sel = scraper::Selector::parse("#country option").unwrap();
        doc.select(&sel)
            .filter_map(|o| {
                let code = o.value().attr("value")?.to_owned();
                (!code.is_empty()).then(|| (code, o.text().collect::<String>()))
            })
            .collect()
    };
    let position = |list: &[(String, String)], code: &str| {
        list.iter().position(|(c, _)| c == code).expect(code)
    };
    for (lang, germany, order) in [
        (
            "en",
            "Germany – Europe region, billed in EUR",
            ["AX", "AT", "DE", "OM", "PK"],
        ),
        (
            "de",
            "Deutschland – Region Europa, Abrechnung in EUR",
            ["AX", "DE", "OM", "AT", "PK"],
        ),
        (
            "zh-CN",
            "德国 – 欧洲区域，以 EUR 计费",
            ["OM", "AT", "AX", "PK", "DE"],
        ),
    ] {
        let html = app.browser_speaking(lang).html("/signup").await;
        let list = options(&html);
        assert_eq!(list.len(), 236, "{lang}");
        assert_eq!(list[position(&list, "DE")].1, germany, "{lang}");
        let positions: Vec<usize> = order.iter().map(|c| position(&list, c)).collect();
        assert!(
            positions.windows(2).all(|w| w[0] < w[1]),
            "{lang}: {order:?} at {positions:?}"
        );
        if lang != "en" {
            let text = visible_text(&html);
            for english in ["Germany", "United States", "Europe region", "billed in"] {
                assert!(!text.contains(english), "{lang} shows {english:?}");
            }
        }
    }
    // Pinyin: 阿曼 ā, 奥地利 ào, 奥兰群岛 ào, 巴基斯坦 bā, 德国 dé.
    // Every market has its names and one place in each language's order.
    let (n, zh, distinct): (i64, i64, i64) = sqlx::query_as(
        "select count(*), count(country_name_zh),
                least(count(distinct sort_en), count(distinct sort_de), count(distinct sort_zh))
         from markets",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!((zh, distinct), (n, n));
}

#[tokio::test]
async fn the_primary_contact_confirms_in_their_own_language() {
    let app = TestApp::spawn().await;
    app.enroll("kontakt", "7100003").await;
    let link = app
        .email_to(CONTACT_EMAIL, "Confirm your e-mail address")
        .await
        .link_path(&app.address);
    for (lang, heading) in [
        (Lang::ZhCn, "确认 Contoso Trading GmbH 的合作伙伴申请"),
        (
            Lang::De,
            "Partnerantrag von Contoso Trading GmbH bestätigen",
        ),
    ] {
        let contact = app.browser_speaking(lang.code());
        let html = contact.html(&link).await;
        assert_eq!(texts(&html, "h1"), vec![heading]);
        assert_no_english(lang, "/verify-contact/{token}", &html);
        // Refused without the two ticks: the message is in the contact's language too.
        let refused = contact.submit(&link, &link, &[("answer", "confirm")]).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_no_english(
            lang,
            "/verify-contact/{token} (refused)",
            &refused.text().await.unwrap(),
        );
    }
    let contact = app.browser_speaking("de-CH");
    let done = contact.submit(&link, &link, CONTACT_CONFIRMS).await;
    assert_eq!(done.status(), StatusCode::OK);
    let html = done.text().await.unwrap();
    assert_eq!(
        texts(&html, "#outcome"),
        vec!["Vielen Dank: Der Antrag ist bestätigt"]
    );
    assert_no_english(Lang::De, "verify done", &html);
    // The used link, again: the page that says why it no longer works.
    let html = contact.page(&link, StatusCode::NOT_FOUND).await;
    assert_eq!(texts(&html, "h1"), vec!["Dieser Link funktioniert nicht"]);
    assert_no_english(Lang::De, "verify invalid", &html);
    // An English-speaking reviewer approves: the contact is told in the language they
    // answered in, and the applicant's timeline names the reviewer in the applicant's.
    let id = app.newest_application().await;
    app.operator_admin().await.approve(id).await;
    let approved = app.email_to(CONTACT_EMAIL, "Partnerantrag").await;
    assert_eq!(
        approved.subject,
        "Partnerantrag von Contoso Trading GmbH: Genehmigt"
    );
    assert_no_english(Lang::De, "status e-mail", &approved.body_html);
    // A password reset asked from an English browser reaches a user in their own language.
    let chinese = app.browser_speaking("zh-CN");
    let email = chinese.sign_up("resetzh").await;
    let english = app.browser_speaking("en");
    let asked = english
        .submit("/password/forgot", "/password/forgot", &[("email", &email)])
        .await;
    assert!(asked.status().is_success() || asked.status().is_redirection());
    let reset = app.email_to(&email, "重置").await;
    assert_eq!(reset.subject, "重置你的合作伙伴门户密码");
    assert_no_english(Lang::ZhCn, "reset e-mail", &reset.body_html);
}

#[tokio::test]
async fn e_mails_are_written_in_the_language_of_the_person_who_caused_them() {
    let app = TestApp::spawn().await;
    let german = app.browser_speaking("de-DE");
    let email = german.sign_up_unconfirmed("mailde").await;
    let confirm = app.email_to(&email, "").await;
    assert_eq!(
        confirm.subject,
        "Bestätigen Sie Ihre E-Mail-Adresse für das Partner Portal"
    );
    assert!(
        confirm.body_text.starts_with("Guten Tag Jane Doe,"),
        "{}",
        confirm.body_text
    );
    assert!(confirm.body_html.contains("<html lang=\"de\">"));
    assert!(
        confirm
            .body_html
            .contains("Meine E-Mail-Adresse bestätigen")
    );
    assert_no_english(Lang::De, "confirmation e-mail", &confirm.body_html);

    // The German applicant names a primary contact, who has no account: their e-mail is in
    // the applicant's language.
    let link = confirm.link_path(&app.address);
    assert_eq!(german.open(&link).await.status(), StatusCode::SEE_OTHER);
    add_membership(&app.db, "7100004", "DE", true).await;
    german.fill_wizard("7100004").await;
    let enrolled = german
        .submit("/enroll/check", "/enroll/submit", &[("consent", "yes")])
        .await;
    assert_eq!(enrolled.status(), StatusCode::SEE_OTHER);
    let verify = app.email_to(CONTACT_EMAIL, "Partnerantrag").await;
    assert_eq!(
        verify.subject,
        "Bestätigen Sie Ihre E-Mail-Adresse für den Partnerantrag von Contoso Trading GmbH"
    );
    assert!(
        verify.body_text.starts_with("Guten Tag Pat,"),
        "{}",
        verify.body_text
    );
    assert_no_english(Lang::De, "verification e-mail", &verify.body_html);

    // In Chinese, likewise.
    let chinese = app.browser_speaking("zh-CN");
    let email = chinese.sign_up_unconfirmed("mailzh").await;
    let confirm = app.email_to(&email, "").await;
    assert_eq!(confirm.subject, "确认你在合作伙伴门户中的电子邮件地址");
    assert_no_english(Lang::ZhCn, "confirmation e-mail", &confirm.body_html);
}

/// A signed-in client speaking `lang`, for a new work account in `country`.
async fn account_in<'a>(app: &'a TestApp, lang: Lang, prefix: &str, country: &str) -> Browser<'a> {
    crate::partners::account_in(app, lang.code(), prefix, country).await
}

#[tokio::test]
async fn a_german_provider_and_a_chinese_reseller_work_together_each_in_their_language() {
    use crate::partners::{make_active, make_provider};
    let app = TestApp::spawn().await;
    let provider = account_in(&app, Lang::De, "provde", "DE").await;
    make_provider(&app, "provde", "europe").await;
    let reseller = account_in(&app, Lang::ZhCn, "reszh", "FR").await;
    make_active(&app, "reszh").await;

    // The provider's pages in German, the directory naming countries and regions in German.
    for path in ["/partners/resellers", "/providers"] {
        assert_no_english(Lang::De, path, &provider.html(path).await);
    }
    let directory = provider.html("/providers").await;
    assert_eq!(texts(&directory, "#providers .regions"), vec!["Europa"]);
    assert!(texts(&directory, "#providers .hint")[0].contains("Deutschland"));
    let directory_zh = reseller.html("/providers").await;
    assert_eq!(texts(&directory_zh, "#providers .regions"), vec!["欧洲"]);
    assert_no_english(Lang::ZhCn, "/providers", &directory_zh);

    // The invitation: the draft and the e-mail in the provider's language (the reseller's
    // address has no account the portal could ask).
    let draft = provider
        .submit(
            "/partners/resellers",
            "/partners/resellers/invite",
            &[("email", "someone@reszh.example.com")],
        )
        .await;
    assert_eq!(draft.status(), StatusCode::SEE_OTHER);
    let draft = provider.html("/partners/resellers/draft").await;
    assert_no_english(Lang::De, "invitation draft", &draft);
    let link = texts(&draft, "#invitation-link")[0]
        .trim_start_matches(&app.address)
        .to_owned();
    let mail = app.email_to("someone@reszh.example.com", "").await;
    assert_eq!(
        mail.subject,
        "provde Org lädt Sie ein, als Ihr indirekter Anbieter mit Ihnen zusammenzuarbeiten"
    );
    assert!(mail.body_text.contains("(Europa)"), "{}", mail.body_text);
    assert_no_english(Lang::De, "invitation e-mail", &mail.body_html);

    // The Chinese reseller opens it in Chinese, with a pointer to each other language at the
    // top, written in that language.
    let page = reseller.html(&link).await;
    assert_no_english(Lang::ZhCn, "/invitations/{token}", &page);
    assert_eq!(
        texts(&page, "#other-languages a"),
        vec!["Read this page in English", "Diese Seite auf Deutsch lesen"]
    );
    assert_eq!(
        attr(&page, "#other-languages a[lang=de]", "href").as_deref(),
        Some("?lang=de")
    );
    // Following a pointer shows the page in that language and keeps the choice, even for a
    // signed-in account with a saved language.
    let anonymous = app.browser_speaking("zh-CN");
    let german = anonymous.open(&format!("{link}?lang=de")).await;
    assert_eq!(german.headers()["content-language"], "de");
    let german = german.text().await.unwrap();
    assert_no_english(Lang::De, "/invitations/{token}?lang=de", &german);
    assert_eq!(
        attr(&anonymous.html("/signin").await, "html", "lang").as_deref(),
        Some("de")
    );
    let pinned = reseller.open(&format!("{link}?lang=en")).await;
    assert_eq!(pinned.headers()["content-language"], "en");

    // Authorising, in Chinese: the consent error and the confirmation.
    let refused = reseller.submit(&link, &link, &[]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_no_english(
        Lang::ZhCn,
        "invitation without consent",
        &refused.text().await.unwrap(),
    );
    let done = reseller.submit(&link, &link, &[("consent", "yes")]).await;
    assert_eq!(location(&done), "/partners/providers");
    let providers = reseller.html("/partners/providers").await;
    assert_no_english(Lang::ZhCn, "/partners/providers", &providers);
    assert!(
        providers.contains("provde Org 现在是你的间接提供商。"),
        "{providers}"
    );
    assert_eq!(texts(&providers, "#providers td")[1], "欧洲");
    let id: uuid::Uuid = sqlx::query_scalar("select partnership_id from partnerships")
        .fetch_one(&app.db)
        .await
        .unwrap();
    for path in [
        format!("/partners/providers/{id}/customers"),
        format!("/partners/providers/{id}/invite-customers"),
    ] {
        assert_no_english(Lang::ZhCn, &path, &reseller.html(&path).await);
    }
    let invite_page = format!("/partners/providers/{id}/invite-customers");
    let customer_draft = reseller
        .submit(
            &invite_page,
            &invite_page,
            &[("email", "it@kunde.example.com")],
        )
        .await
        .text()
        .await
        .unwrap();
    assert_no_english(Lang::ZhCn, "customer invitation draft", &customer_draft);
    let customer_mail = app.email_to("it@kunde.example.com", "").await;
    assert_eq!(customer_mail.subject, "reszh Org 请你授权其云服务合作伙伴");
    let customer_link = texts(&customer_draft, "#invitation-link")[0]
        .trim_start_matches(&app.address)
        .to_owned();
    let landing = app.browser_speaking("zh-CN").html(&customer_link).await;
    assert_no_english(Lang::ZhCn, "/customer-invitations/{token}", &landing);
    assert_eq!(texts(&landing, "#other-languages a").len(), 2);

    // The provider sees the reseller and its region in German, and ends the partnership:
    // each side is told in its own saved language.
    let list = provider.html("/partners/resellers").await;
    assert_no_english(Lang::De, "/partners/resellers (active)", &list);
    assert_eq!(texts(&list, "#active td")[2], "Europa");
    let started = app
        .email_to("admin@provde.example.com", "autorisiert")
        .await;
    assert_no_english(Lang::De, "partnership started e-mail", &started.body_html);
    let end = format!("/partners/providers/{id}/end");
    assert_no_english(Lang::ZhCn, &end, &reseller.html(&end).await);
    let unticked = reseller.submit(&end, &end, &[]).await;
    assert_no_english(
        Lang::ZhCn,
        "end partnership (unticked)",
        &unticked.text().await.unwrap(),
    );
    let remove = format!("/partners/resellers/{id}/remove");
    assert_no_english(Lang::De, &remove, &provider.html(&remove).await);
    let ended = provider
        .submit(&remove, &remove, &[("attest", "yes")])
        .await;
    assert_eq!(ended.status(), StatusCode::SEE_OTHER);
    let to_provider = app.email_to("admin@provde.example.com", "beendet").await;
    assert_no_english(Lang::De, "partnership ended e-mail", &to_provider.body_html);
    let to_reseller = app.email_to("admin@reszh.example.com", "终止").await;
    assert_eq!(
        to_reseller.subject,
        "provde Org 与 reszh Org 之间的合作关系已终止"
    );
    assert_no_english(
        Lang::ZhCn,
        "partnership ended e-mail",
        &to_reseller.body_html,
    );

    // The admin access stays after the partnership; the reseller removes it, in Chinese,
    // and each side is told in its own language.
    let grant: uuid::Uuid = sqlx::query_scalar("select grant_id from admin_access_grants")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let providers = reseller.html("/partners/providers").await;
    assert_no_english(Lang::ZhCn, "/partners/providers (admin access)", &providers);
    assert!(texts(&providers, "#admin-access .name")[0].contains("合作关系已终止"));
    let remove_access = format!("/partners/admin-access/{grant}/remove");
    assert_no_english(
        Lang::ZhCn,
        &remove_access,
        &reseller.html(&remove_access).await,
    );
    let removed = reseller.submit(&remove_access, &remove_access, &[]).await;
    assert_eq!(removed.status(), StatusCode::SEE_OTHER);
    let to_provider = app
        .email_to("admin@provde.example.com", "Administratorzugriff")
        .await;
    assert_no_english(
        Lang::De,
        "admin access removed e-mail",
        &to_provider.body_html,
    );
    let to_reseller = app
        .email_to("admin@reszh.example.com", "管理员访问权限")
        .await;
    assert_no_english(
        Lang::ZhCn,
        "admin access removed e-mail",
        &to_reseller.body_html,
    );
    let list = provider.html("/partners/resellers").await;
    assert_no_english(Lang::De, "/partners/resellers (ended)", &list);
    assert_eq!(
        texts(&list, "#ended .admin-access"),
        vec!["Vom Wiederverkäufer entfernt"]
    );
}

#[tokio::test]
async fn direct_bill_reads_in_german_and_chinese_and_amounts_follow_the_language() {
    use crate::direct::{approved_reseller, fill_direct, open_intake, post_revenue};
    for (lang, prefix, partner_id) in [
        (Lang::De, "dbde", "7300001"),
        (Lang::ZhCn, "dbzh", "7300002"),
    ] {
        let app = TestApp::spawn().await;
        approved_reseller(&app, prefix, partner_id, "13 months").await;
        open_intake(&app).await;
        fill_direct(&app).await;
        let me = app.me();
        let switched = me
            .submit(
                "/dashboard",
                "/language",
                &[("lang", lang.code()), ("next", "/dashboard")],
            )
            .await;
        assert_eq!(switched.status(), StatusCode::SEE_OTHER);
        for path in [
            "/enroll/direct",
            "/enroll/direct/revenue",
            "/enroll/direct/support",
            "/enroll/direct/operations",
            "/enroll/direct/services",
            "/enroll/direct/check",
        ] {
            assert_no_english(lang, path, &me.html(path).await);
        }
        // The amount is shown and read with the language's separators.
        let (typed, shown) = if lang == Lang::De {
            ("412.500,50", "412.500,50 US$")
        } else {
            ("412,500.50", "US$412,500.50")
        };
        let saved = post_revenue(&app, &me, typed, "continue", None).await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER, "{typed}");
        let cents: Option<i64> = sqlx::query_scalar(
            "select revenue_usd_cents from direct_bill_answers order by application_id limit 1",
        )
        .fetch_one(&app.db)
        .await
        .unwrap();
        assert_eq!(cents, Some(41_250_050));
        let check = me.html("/enroll/direct/check").await;
        assert_eq!(texts(&check, "#answer-revenue"), vec![shown]);
        // A bad amount is refused in the language, keeping what was typed.
        let refused = post_revenue(&app, &me, "viel", "continue", None).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let refused = refused.text().await.unwrap();
        assert_no_english(lang, "/enroll/direct/revenue (refused)", &refused);
        assert_eq!(attr(&refused, "#revenue", "value").as_deref(), Some("viel"));
        // Applying, and the status page with its requirement lines.
        let applied = me
            .submit(
                "/enroll/direct/check",
                "/enroll/direct/submit",
                &[("authority", "yes")],
            )
            .await;
        assert_eq!(applied.status(), StatusCode::SEE_OTHER);
        let status = location(&applied);
        assert_no_english(
            lang,
            "/applications/{id} (direct bill)",
            &me.html(&status).await,
        );
    }
}

#[tokio::test]
async fn the_back_office_reads_in_german_and_chinese() {
    use crate::direct::{approved_reseller, fill_direct, open_intake, submit_direct};
    let app = TestApp::spawn().await;
    approved_reseller(&app, "bode", "7400001", "13 months").await;
    open_intake(&app).await;
    fill_direct(&app).await;
    let direct_id = submit_direct(&app).await;
    let reseller_id = app
        .insert_application("boreseller", "FR", "in_review", 2, "Boreseller SAS")
        .await;
    // The first operator admin is named "Operator admin" at start-up: a name (data), which
    // happens to read like the role's English label. Give it a person's name.
    sqlx::query(
        "update operator_staff set full_name = 'Olga Berg' where email = 'admin@localhost'",
    )
    .execute(&app.db)
    .await
    .unwrap();
    for lang in [Lang::De, Lang::ZhCn] {
        // Signed out: sign-in, forgotten password, a reset link and an invitation that do
        // not work.
        let visitor = app.browser_speaking(lang.code());
        for path in ["/admin/signin", "/admin/password/forgot"] {
            assert_no_english(lang, path, &visitor.html(path).await);
        }
        for path in [
            "/admin/password/reset/nothing",
            "/admin/invitations/nothing",
        ] {
            let page = visitor.open(path).await.text().await.unwrap();
            assert_no_english(lang, path, &page);
        }
        // Signed in, with the language chosen on the account.
        let staff = app
            .staff_client(&format!("walk.{}@localhost", lang.code()), "operator_admin")
            .await;
        let switched = staff
            .submit(
                "/admin/applications",
                "/language",
                &[("lang", lang.code()), ("next", "/admin/applications")],
            )
            .await;
        assert_eq!(switched.status(), StatusCode::SEE_OTHER);
        let pages = [
            "/admin/applications".to_owned(),
            "/admin/applications?state=all".to_owned(),
            format!("/admin/applications/{reseller_id}"),
            format!("/admin/applications/{reseller_id}/decide/approve"),
            format!("/admin/applications/{reseller_id}/decide/request-info"),
            format!("/admin/applications/{reseller_id}/decide/reject"),
            format!("/admin/applications/{direct_id}"),
            "/admin/direct-bill?show=all".to_owned(),
            "/admin/staff".to_owned(),
            "/admin/settings".to_owned(),
            "/admin/providers".to_owned(),
            "/admin/audit".to_owned(),
            "/admin/password".to_owned(),
        ];
        for path in &pages {
            assert_no_english(lang, path, &staff.html(path).await);
        }
        // A refused form: the messages beside the fields are in the language too.
        let refused = staff
            .submit(
                "/admin/staff",
                "/admin/staff/invite",
                &[("full_name", ""), ("email", "x")],
            )
            .await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_no_english(
            lang,
            "/admin/staff (refused)",
            &refused.text().await.unwrap(),
        );
    }
    // The applicant's timeline names the reviewer in the applicant's language, whatever
    // the reviewer's.
    let german_staff = app.staff_client("notes@localhost", "operator_admin").await;
    german_staff
        .submit(
            "/admin/applications",
            "/language",
            &[("lang", "de"), ("next", "/")],
        )
        .await;
    let page = format!("/admin/applications/{reseller_id}");
    let assigned = german_staff
        .submit(&page, &format!("{page}/assign"), &[])
        .await;
    assert_eq!(assigned.status(), StatusCode::SEE_OTHER);
    let detail = german_staff.html(&page).await;
    assert!(
        texts(&detail, "#timeline li")
            .iter()
            .any(|l| l.contains("Zuweisung") && l.contains("Prüfer Staff operator_admin")),
        "{:?}",
        texts(&detail, "#timeline li")
    );
}

#[tokio::test]
async fn password_strength_feedback_is_in_the_chosen_language() {
    let app = TestApp::spawn().await;
    for (lang, finding) in [
        (Lang::De, "Dies ist eines der häufigsten Kennwörter."),
        (Lang::ZhCn, "这是最常见的密码之一。"),
    ] {
        let browser = app.browser_speaking(lang.code());
        let refused = browser
            .submit(
                "/signup",
                "/signup",
                &[
                    ("organisation", "Contoso Trading"),
                    ("domain_prefix", "contoso"),
                    ("country", "DE"),
                    ("full_name", "Jane Doe"),
                    ("email", "jane@contoso.com"),
                    ("password", "password1234"),
                ],
            )
            .await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = refused.text().await.unwrap();
        let error = texts(&html, "#password-error").join(" ");
        assert!(error.contains(finding), "{error}");
        assert_no_english(lang, "/signup (weak password)", &html);
    }
}

#[tokio::test]
async fn a_chinese_speaker_goes_from_sign_up_to_an_accepted_agreement_in_chinese() {
    let app = TestApp::spawn().await;
    let chinese = app.browser_speaking("zh-CN,zh;q=0.9");
    chinese.sign_up("zhjourney").await;
    add_membership(&app.db, "7500001", "DE", true).await;
    chinese.fill_wizard("7500001").await;
    let enrolled = chinese
        .submit("/enroll/check", "/enroll/submit", &[("consent", "yes")])
        .await;
    let status = location(&enrolled);
    // The contact reads Chinese as well, and confirms.
    let mail = app.email_to(CONTACT_EMAIL, "").await;
    assert_no_english(Lang::ZhCn, "verification e-mail", &mail.body_html);
    let link = mail.link_path(&app.address);
    let contact = app.browser_speaking("zh-CN");
    let done = contact.submit(&link, &link, CONTACT_CONFIRMS).await;
    assert_eq!(done.status(), StatusCode::OK);
    // An English-reading reviewer approves.
    let id = app.newest_application().await;
    app.operator_admin().await.approve(id).await;
    let approved = app.email_to(CONTACT_EMAIL, "已批准").await;
    assert_no_english(Lang::ZhCn, "approval e-mail", &approved.body_html);
    for path in ["/dashboard", status.as_str(), "/agreement"] {
        assert_no_english(Lang::ZhCn, path, &chinese.html(path).await);
    }
    assert_eq!(
        texts(&chinese.html(&status).await, "#state-words"),
        vec![lookup(Lang::ZhCn, "plain-approved", &[])]
    );
    let accepted = chinese
        .submit(
            "/agreement",
            "/agreement",
            &[("accept", "yes"), ("version", "1")],
        )
        .await;
    assert_eq!(accepted.status(), StatusCode::SEE_OTHER);
    let dashboard = chinese.html(&location(&accepted)).await;
    assert_no_english(Lang::ZhCn, "dashboard after accepting", &dashboard);
}
