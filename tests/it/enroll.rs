use crate::helpers::*;
use reqwest::StatusCode;

async fn errors_of(response: reqwest::Response) -> Vec<(String, String)> {
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    error_summary(&response.text().await.unwrap())
}

#[tokio::test]
async fn the_start_page_says_what_is_needed_and_who_may_enroll() {
    let app = TestApp::spawn().await;
    let admin = app.sign_up("startpage").await;
    let html = app.get("/enroll").await.text().await.unwrap();
    assert_eq!(texts(&html, "h1"), vec!["Enrol as an indirect reseller"]);
    assert_eq!(
        attr(&html, "#start", "href").as_deref(),
        Some("/enroll/partner-id")
    );
    assert!(
        texts(&html, "main li")
            .iter()
            .any(|t| t.starts_with("A partner ID"))
    );

    let agent = app.add_user(&admin, "admin_agent").await;
    let other = app.browser();
    other
        .submit(
            "/signin",
            "/signin",
            &[("email", &agent), ("password", STRONG_PASSWORD)],
        )
        .await;
    let html = other.html("/enroll").await;
    assert!(texts(&html, "#not-admin")[0].contains("global admin"));
    assert_eq!(
        other.open("/enroll/partner-id").await.status(),
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn the_partner_id_step_says_why_an_id_is_refused() {
    let app = TestApp::spawn().await;
    app.sign_up("partnerid").await;
    add_membership(&app.db, "1111111", "DE", false).await;
    add_membership(&app.db, "2222222", "FR", true).await;
    add_membership(&app.db, "3333333", "DE", true).await;
    let refused = "We cannot use this partner ID for your organisation. Enter your organisation's own active partner ID for Germany, or join the partner network below";
    let cases = [
        ("", "Enter your partner ID"),
        ("12345", "A partner ID is 7 digits, like 1234567"),
        // Unknown, inactive and another country's IDs get one answer naming no one else.
        ("9999999", refused),
        ("1111111", refused),
        ("2222222", refused),
    ];
    for (input, message) in cases {
        let response = app
            .submit(
                "/enroll/partner-id",
                "/enroll/partner-id",
                &[("partner_id", input)],
            )
            .await;
        let html = response.text().await.unwrap();
        assert_eq!(
            error_summary(&html),
            vec![("#partner_id".to_string(), message.to_string())],
            "{input}"
        );
        assert_eq!(
            attr(&html, "#partner_id", "value").as_deref(),
            Some(input),
            "what was typed is kept"
        );
    }
    let ok = app
        .submit(
            "/enroll/partner-id",
            "/enroll/partner-id",
            &[("partner_id", "333 3333")],
        )
        .await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&ok), "/enroll/legal-profile");
    let saved: String = sqlx::query_scalar("select partner_id::text from applications")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(saved, "3333333");
}

#[tokio::test]
async fn a_partner_id_held_by_another_organisation_cannot_be_used_or_approved() {
    let app = TestApp::spawn().await;
    // (First, as its helper moves every application on.) An application with an imported ID.
    let first = app.application_in_review("firstholder", "4545454").await;
    // Fabrikam joins the partner network through the portal: it holds its new ID.
    let holder = app.browser();
    holder.sign_up("fabrikamholder").await;
    let joined = holder
        .submit("/enroll/partner-id", "/enroll/partner-id/join", &[])
        .await;
    assert_eq!(joined.status(), StatusCode::SEE_OTHER);
    // Pressing "Join" again (twice at once, even) mints no second partner ID.
    let page = holder.html("/enroll/partner-id").await;
    let token = csrf_token(&page);
    let press = || {
        holder
            .post(app.url("/enroll/partner-id/join"))
            .form(&[("csrf_token", token.as_str())])
            .send()
    };
    let (a, b) = tokio::join!(press(), press());
    assert_eq!(a.unwrap().status(), StatusCode::SEE_OTHER);
    assert_eq!(b.unwrap().status(), StatusCode::SEE_OTHER);
    let held: String = sqlx::query_scalar(
        "select partner_id::text from partner_memberships where joined_by_tenant is not null",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    // Another organisation types it: refused, without a word about whose it is.
    let squatter = app.browser();
    squatter.sign_up("squatter").await;
    let response = squatter
        .submit(
            "/enroll/partner-id",
            "/enroll/partner-id",
            &[("partner_id", &held)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(
        error_summary(&html)[0]
            .1
            .starts_with("We cannot use this partner ID")
    );
    assert!(!html.contains("Contoso Trading GmbH") && !html.contains("fabrikamholder"));

    // The imported ID becomes held at the first approval; a second applicant with it is
    // flagged loudly in the back office and cannot be approved.
    let second_client = app.browser();
    second_client.sign_up("secondclaim").await;
    for (path, fields) in [
        ("/enroll/partner-id", vec![("partner_id", "4545454")]),
        ("/enroll/legal-profile", LEGAL.to_vec()),
        ("/enroll/primary-contact", CONTACT.to_vec()),
        ("/enroll/support", SUPPORT.to_vec()),
    ] {
        let r = second_client.submit(path, path, &fields).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{path}");
    }
    let r = second_client
        .submit("/enroll/check", "/enroll/submit", &[("consent", "yes")])
        .await;
    let second = uuid::Uuid::parse_str(location(&r).trim_start_matches("/applications/")).unwrap();
    sqlx::query("update applications set state = 'in_review', contact_verified_at = now() where application_id = $1")
        .bind(second)
        .execute(&app.db)
        .await
        .unwrap();
    let staff = app.staff_client("reviewer@localhost", "reviewer").await;
    let html = app.staff_detail(&staff, second).await;
    assert!(
        texts(&html, "#membership-warning li")
            .iter()
            .any(|w| w.contains("Another organisation has applied")),
        "{:?}",
        texts(&html, "#membership-warning li")
    );
    let approve = |id: uuid::Uuid| {
        let staff = staff.clone();
        async move {
            let page = format!("/admin/applications/{id}/decide/approve");
            let html = staff.html(&page).await;
            let version = attr(&html, "input[name=version]", "value").unwrap_or_default();
            staff
                .submit(&page, &page, &[("version", &version), ("text", "")])
                .await
        }
    };
    assert_eq!(approve(first).await.status(), StatusCode::SEE_OTHER);
    let holder_now: Option<uuid::Uuid> = sqlx::query_scalar(
        "select held_by_tenant from partner_memberships where partner_id = '4545454'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert!(holder_now.is_some(), "held from the approval on");
    let refused = approve(second).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("belongs to another organisation")
    );
    let html = app.staff_detail(&staff, second).await;
    assert!(texts(&html, "#membership-warning li")[0].contains("belongs to another organisation"));
    // And no other organisation can save it any more.
    let latecomer = app.browser();
    latecomer.sign_up("latecomer").await;
    let r = latecomer
        .submit(
            "/enroll/partner-id",
            "/enroll/partner-id",
            &[("partner_id", "4545454")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn the_partner_id_step_is_rate_limited() {
    let app = TestApp::spawn_with(|c| c.rate_limits.partner_id.max = 3).await;
    app.sign_up("guesser").await;
    for _ in 0..3 {
        app.submit(
            "/enroll/partner-id",
            "/enroll/partner-id",
            &[("partner_id", "1234567")],
        )
        .await;
    }
    let html = app
        .submit(
            "/enroll/partner-id",
            "/enroll/partner-id",
            &[("partner_id", "1234568")],
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(error_summary(&html)[0].1.contains("Too many attempts"));
}

#[tokio::test]
async fn joining_the_partner_network_gives_a_new_id_in_the_tenants_country() {
    let app = TestApp::spawn().await;
    app.sign_up("joiner").await;
    let response = app
        .submit("/enroll/partner-id", "/enroll/partner-id/join", &[])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (id, country, active): (String, String, bool) = sqlx::query_as(
        "select partner_id::text, country_code::text, active from partner_memberships",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!((country.as_str(), active), ("DE", true));
    assert_eq!(id.len(), 7);
    let html = app.get("/enroll/partner-id").await.text().await.unwrap();
    assert!(
        texts(&html, ".flash")[0].contains(&id),
        "the new ID is shown"
    );
    assert_eq!(attr(&html, "#partner_id", "value"), Some(id));
}

#[tokio::test]
async fn the_legal_profile_refuses_non_names_and_keeps_the_answers() {
    let app = TestApp::spawn().await;
    app.sign_up("legal").await;
    for (name, message) in [
        ("X", "Enter the full legal name, not a single character"),
        (
            "4711",
            "Legal name must contain letters, not only digits or symbols",
        ),
        (
            "&&&",
            "Legal name must contain letters, not only digits or symbols",
        ),
        (
            "GmbH",
            "Enter the company's name as well as its legal form, for example \"Contoso GmbH\"",
        ),
        (
            "L.L.C.",
            "Enter the company's name as well as its legal form, for example \"Contoso GmbH\"",
        ),
    ] {
        let response = app
            .submit(
                "/enroll/legal-profile",
                "/enroll/legal-profile",
                &[("legal_name", name), ("city", "Berlin")],
            )
            .await;
        let html = response.text().await.unwrap();
        assert_eq!(
            texts(&html, "#legal_name-error"),
            vec![format!("Error: {message}")],
            "{name}"
        );
        assert_eq!(attr(&html, "#city", "value").as_deref(), Some("Berlin"));
    }
    let errors = errors_of(
        app.submit("/enroll/legal-profile", "/enroll/legal-profile", &[])
            .await,
    )
    .await;
    let fields: Vec<String> = errors.into_iter().map(|(f, _)| f).collect();
    assert_eq!(
        fields,
        vec!["#legal_name", "#address_line1", "#city", "#phone"],
        "registration ID is optional in Germany"
    );
    let errors = errors_of(
        app.submit(
            "/enroll/legal-profile",
            "/enroll/legal-profile",
            &[("phone", "call us")],
        )
        .await,
    )
    .await;
    assert!(
        errors
            .iter()
            .any(|(f, m)| f == "#phone" && m.contains("6 to 15 digits"))
    );
}

#[tokio::test]
async fn a_registration_id_is_required_where_the_country_requires_it() {
    let app = TestApp::spawn().await;
    app.me()
        .sign_up_as(&[
            ("organisation", "Contoso Brasil"),
            ("domain_prefix", "contosobr"),
            ("country", "BR"),
            ("full_name", "Ana Souza"),
            ("email", "ana@contoso.com.br"),
            ("password", STRONG_PASSWORD),
        ])
        .await;
    let page = app.get("/enroll/legal-profile").await.text().await.unwrap();
    assert_eq!(
        texts(&page, "label[for=registration_id]"),
        vec!["Company registration ID"]
    );
    let mut fields = LEGAL.to_vec();
    let response = app
        .submit("/enroll/legal-profile", "/enroll/legal-profile", &fields)
        .await;
    let html = response.text().await.unwrap();
    assert_eq!(
        texts(&html, "#registration_id-error"),
        vec!["Error: Enter your company registration ID: it is required in your country"]
    );
    fields.push(("registration_id", "12.345.678/0001-90"));
    assert_eq!(
        app.submit("/enroll/legal-profile", "/enroll/legal-profile", &fields)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn the_primary_contact_must_use_a_company_address() {
    let app = TestApp::spawn().await;
    app.sign_up("contact").await;
    for email in [
        "pat@gmail.com",
        "pat@yahoo.co.uk",
        "pat@outlook.de",
        "pat@hotmail.com",
        "pat@icloud.com",
        "pat@aol.com",
    ] {
        let response = app
            .submit(
                "/enroll/primary-contact",
                "/enroll/primary-contact",
                &[
                    ("first_name", "Pat"),
                    ("last_name", "Lee"),
                    ("email", email),
                    ("phone", "+49 30 1234567"),
                ],
            )
            .await;
        let html = response.text().await.unwrap();
        assert!(
            texts(&html, "#email-error")[0].contains("webmail"),
            "{email}"
        );
        assert_eq!(attr(&html, "#first_name", "value").as_deref(), Some("Pat"));
        assert_eq!(attr(&html, "#email", "value").as_deref(), Some(email));
    }
    let response = app
        .submit(
            "/enroll/primary-contact",
            "/enroll/primary-contact",
            &[("email", "pat@contact.partnerportal.example")],
        )
        .await;
    assert!(texts(&response.text().await.unwrap(), "#email-error")[0].contains("no mailboxes"));
    let ok = app
        .submit(
            "/enroll/primary-contact",
            "/enroll/primary-contact",
            CONTACT,
        )
        .await;
    assert_eq!(location(&ok), "/enroll/support");
}

#[tokio::test]
async fn support_details_need_an_https_site() {
    let app = TestApp::spawn().await;
    app.sign_up("support").await;
    let errors = errors_of(
        app.submit(
            "/enroll/support",
            "/enroll/support",
            &[
                ("email", "help@"),
                ("phone", "+49 30 1234567"),
                ("website", "http://support.contoso.de"),
            ],
        )
        .await,
    )
    .await;
    let fields: Vec<&str> = errors.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(fields, vec!["#email", "#website"]);
    assert!(errors[1].1.contains("https://"));
}

#[tokio::test]
async fn a_draft_resumes_in_another_browser() {
    let app = TestApp::spawn().await;
    let email = app.sign_up("resume").await;
    add_membership(&app.db, "4444444", "DE", true).await;
    app.submit(
        "/enroll/partner-id",
        "/enroll/partner-id",
        &[("partner_id", "4444444")],
    )
    .await;
    app.submit("/enroll/legal-profile", "/enroll/legal-profile", LEGAL)
        .await;

    let other = app.browser();
    other
        .submit(
            "/signin",
            "/signin",
            &[("email", &email), ("password", STRONG_PASSWORD)],
        )
        .await;
    let start = other.html("/enroll").await;
    assert_eq!(
        attr(&start, "#continue", "href").as_deref(),
        Some("/enroll/primary-contact")
    );
    let legal = other.html("/enroll/legal-profile").await;
    assert_eq!(
        attr(&legal, "#legal_name", "value").as_deref(),
        Some("Contoso Trading GmbH")
    );
    assert_eq!(
        attr(&legal, "#postal_code", "value").as_deref(),
        Some("10115")
    );
    let dashboard = other.html("/dashboard").await;
    assert_eq!(texts(&dashboard, "#task-enrol-status"), ["In progress"]);
    assert_eq!(
        attr(&dashboard, "#enroll-link", "href").as_deref(),
        Some("/enroll")
    );
}

#[tokio::test]
async fn check_your_answers_shows_everything_with_change_links_and_needs_consent() {
    let app = TestApp::spawn().await;
    app.sign_up("checkpage").await;
    add_membership(&app.db, "5555555", "DE", true).await;
    app.fill_wizard("5555555").await;
    let html = app.get("/enroll/check").await.text().await.unwrap();
    assert_eq!(
        texts(&html, "#answer-legal-name"),
        vec!["Contoso Trading GmbH"]
    );
    assert_eq!(texts(&html, "#answer-contact-email"), vec![CONTACT_EMAIL]);
    assert_eq!(texts(&html, "#answer-region"), vec!["Europe"]);
    assert_eq!(texts(&html, "#answer-currency"), vec!["EUR"]);
    assert_eq!(texts(&html, "dd.change a").len(), 11);

    // A change link comes back to this page after saving.
    let changed = app
        .submit(
            "/enroll/support?from=check",
            "/enroll/support",
            &[
                ("email", "help@contoso-trading.de"),
                ("phone", "+49 30 1"),
                ("website", "https://x.contoso-trading.de"),
                ("from", "check"),
            ],
        )
        .await;
    assert_eq!(
        changed.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "phone too short"
    );
    let changed = app
        .submit(
            "/enroll/support?from=check",
            "/enroll/support",
            &[
                ("email", "help@contoso-trading.de"),
                ("phone", "+49 30 1234567"),
                ("website", "https://x.contoso-trading.de"),
                ("from", "check"),
            ],
        )
        .await;
    assert_eq!(location(&changed), "/enroll/check");

    let refused = app.submit("/enroll/check", "/enroll/submit", &[]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        error_summary(&refused.text().await.unwrap())[0].0,
        "#consent"
    );
    assert_eq!(app.application_state().await, "draft");
}

#[tokio::test]
async fn enrolling_needs_a_confirmed_email_address_first() {
    let app = TestApp::spawn().await;
    let email = app.me().sign_up_unconfirmed("unconfirmed").await;
    add_membership(&app.db, "5656565", "DE", true).await;
    app.fill_wizard("5656565").await;
    let html = app.get("/enroll/check").await.text().await.unwrap();
    assert_eq!(texts(&html, "#enroll-now").len(), 0, "no Enroll now button");
    assert_eq!(texts(&html, "#email-unconfirmed #resend").len(), 1);
    let refused = app
        .submit("/enroll/check", "/enroll/submit", &[("consent", "yes")])
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.unwrap();
    assert_eq!(error_summary(&html)[0].0, "#resend");
    assert!(
        error_summary(&html)[0]
            .1
            .contains("Confirm your e-mail address")
    );
    assert_eq!(app.application_state().await, "draft");
    // The link on the page sends a new confirmation; once confirmed, enrolling works.
    let resent = app
        .submit("/enroll/check", "/dashboard/resend-confirmation", &[])
        .await;
    assert_eq!(resent.status(), StatusCode::SEE_OTHER);
    app.confirm_email(&email).await;
    let submitted = app
        .submit("/enroll/check", "/enroll/submit", &[("consent", "yes")])
        .await;
    assert!(location(&submitted).starts_with("/applications/"));
}

#[tokio::test]
async fn enrolling_twice_or_reposting_an_old_form_makes_one_application() {
    let app = TestApp::spawn().await;
    let status = app.enroll("twice", "6666666").await;
    assert_eq!(
        app.application_state().await,
        "awaiting_contact_verification"
    );
    let again = app
        .submit("/dashboard", "/enroll/submit", &[("consent", "yes")])
        .await;
    assert_eq!(location(&again), status);
    let old_form = app
        .submit(
            "/dashboard",
            "/enroll/legal-profile",
            &[("legal_name", "Changed Name AG")],
        )
        .await;
    assert_eq!(location(&old_form), status);
    let count: i64 = sqlx::query_scalar("select count(*) from applications")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(count, 1);
    let name: String = sqlx::query_scalar("select legal_name from applications")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(name, "Contoso Trading GmbH");
    assert_eq!(
        app.emails_to(CONTACT_EMAIL).await,
        1,
        "one verification e-mail"
    );
}

#[tokio::test]
async fn the_contact_confirms_and_review_starts() {
    let app = TestApp::spawn().await;
    let status = app.enroll("verify", "7777777").await;
    let html = app.get(&status).await.text().await.unwrap();
    assert_eq!(
        texts(&html, "#state-words"),
        vec!["Waiting for your primary contact to confirm their e-mail address"]
    );
    assert!(texts(&html, ".flash")[0].contains("submitted"));
    // Once enrolled, /enroll shows the application, not the start page.
    assert_eq!(location(&app.get("/enroll").await), status);

    let mail = app
        .email_to(CONTACT_EMAIL, "Confirm your e-mail address")
        .await;
    assert!(mail.body_text.contains("Contoso Trading GmbH"));
    let link = mail.link_path(&app.address);
    let contact = app.browser();
    let page = contact.open(&link).await;
    assert_eq!(page.status(), StatusCode::OK);
    let missing = contact
        .submit(&link, &link, &[("answer", "confirm"), ("signed_up", "yes")])
        .await;
    let html = missing.text().await.unwrap();
    assert_eq!(
        error_summary(&html),
        vec![(
            "#company_address".to_string(),
            "Tick the box to confirm".to_string()
        )]
    );
    assert_eq!(
        attr(&html, "#signed_up", "checked").as_deref(),
        Some(""),
        "the ticked box stays ticked"
    );
    // Only the explicit answers count: anything else, or statements not ticked with "yes",
    // confirms nothing.
    for fields in [
        vec![
            ("answer", "yes please"),
            ("signed_up", "yes"),
            ("company_address", "yes"),
        ],
        vec![("signed_up", "yes"), ("company_address", "yes")],
        vec![
            ("answer", "confirm"),
            ("signed_up", "on"),
            ("company_address", "1"),
        ],
    ] {
        let refused = contact.submit(&link, &link, &fields).await;
        assert_eq!(
            refused.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{fields:?}"
        );
        assert_eq!(
            app.application_state().await,
            "awaiting_contact_verification"
        );
    }

    let done = contact.submit(&link, &link, CONTACT_CONFIRMS).await;
    assert_eq!(done.status(), StatusCode::OK);
    assert!(texts(&done.text().await.unwrap(), "#outcome")[0].contains("confirmed"));
    assert_eq!(app.application_state().await, "in_review");
    assert_eq!(
        contact.open(&link).await.status(),
        StatusCode::NOT_FOUND,
        "single use"
    );

    let html = app.get(&status).await.text().await.unwrap();
    assert_eq!(
        texts(&html, "#state-words"),
        vec!["Your application is being reviewed"]
    );
    assert!(texts(&html, "#checks dd")[0].starts_with("Confirmed on"));
    let timeline = texts(&html, "#timeline li");
    assert_eq!(timeline.len(), 2);
    assert!(timeline[0].contains("Application submitted"));
    assert!(timeline[1].contains("review started"));
    // The contact gets a status link of its own (it may have no account); the applicant,
    // a global admin, the application's page.
    let update = app.email_to(CONTACT_EMAIL, "being reviewed").await;
    assert!(
        update.body_text.contains("/status/"),
        "{}",
        update.body_text
    );
    let view = app.browser().html(&update.link_path(&app.address)).await;
    assert_eq!(
        texts(&view, "#status-state"),
        vec!["Your application is being reviewed"]
    );
    let admin = app
        .email_to("admin@verify.example.com", "being reviewed")
        .await;
    assert!(admin.body_text.contains(&status));
}

#[tokio::test]
async fn verification_links_that_are_wrong_expired_or_replaced_do_not_work() {
    let app = TestApp::spawn().await;
    let status = app.enroll("badlinks", "8888888").await;
    let first = app
        .email_to(CONTACT_EMAIL, "Confirm your e-mail address")
        .await
        .link_path(&app.address);
    assert_eq!(
        app.get("/verify-contact/not-a-real-token").await.status(),
        StatusCode::NOT_FOUND
    );

    let resent = app
        .submit(&status, &format!("{status}/resend-verification"), &[])
        .await;
    assert_eq!(resent.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.emails_to(CONTACT_EMAIL).await, 2);
    let second = app
        .email_to(CONTACT_EMAIL, "Confirm your e-mail address")
        .await
        .link_path(&app.address);
    assert_ne!(first, second);
    let old = app.get(&first).await;
    assert_eq!(old.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        texts(&old.text().await.unwrap(), "h1"),
        vec!["This link does not work"]
    );
    assert_eq!(app.get(&second).await.status(), StatusCode::OK);

    sqlx::query("update contact_verification_tokens set expires_at = now() - interval '1 second'")
        .execute(&app.db)
        .await
        .unwrap();
    assert_eq!(app.get(&second).await.status(), StatusCode::NOT_FOUND);
    let posted = app
        .client
        .post(app.url(&second))
        .form(&[("answer", "confirm")])
        .send()
        .await
        .unwrap();
    assert!(posted.status() == StatusCode::NOT_FOUND || posted.status() == StatusCode::FORBIDDEN);
    assert_eq!(
        app.application_state().await,
        "awaiting_contact_verification"
    );
}

#[tokio::test]
async fn resending_is_rate_limited() {
    let app = TestApp::spawn_with(|c| c.rate_limits.resend_confirmation.max = 1).await;
    let status = app.enroll("resendlimit", "1212121").await;
    app.submit(&status, &format!("{status}/resend-verification"), &[])
        .await;
    app.submit(&status, &format!("{status}/resend-verification"), &[])
        .await;
    let html = app.get(&status).await.text().await.unwrap();
    assert!(texts(&html, ".flash")[0].contains("Wait an hour"));
    assert_eq!(app.emails_to(CONTACT_EMAIL).await, 2);
}

#[tokio::test]
async fn a_declining_contact_is_recorded_and_the_applicant_told() {
    let app = TestApp::spawn().await;
    let status = app.enroll("decline", "1313131").await;
    let link = app
        .email_to(CONTACT_EMAIL, "Confirm your e-mail address")
        .await
        .link_path(&app.address);
    let done = app
        .browser()
        .submit(&link, &link, &[("answer", "decline")])
        .await;
    assert!(texts(&done.text().await.unwrap(), "#outcome")[0].contains("do not confirm"));
    assert_eq!(
        app.application_state().await,
        "awaiting_contact_verification"
    );
    let mail = app
        .email_to("admin@decline.example.com", "did not confirm")
        .await;
    assert!(mail.body_text.contains(CONTACT_EMAIL));
    let html = app.get(&status).await.text().await.unwrap();
    assert!(!texts(&html, "#declined").is_empty());
    assert!(
        texts(&html, "#timeline li")
            .iter()
            .any(|t| t.contains("did not confirm"))
    );
    app.assert_audited("application.contact_declined").await;
}

#[tokio::test]
async fn withdrawing_ends_the_application_and_allows_a_new_one() {
    let app = TestApp::spawn().await;
    let status = app.enroll("withdraw", "1414141").await;
    let link = app
        .email_to(CONTACT_EMAIL, "Confirm your e-mail address")
        .await
        .link_path(&app.address);
    let page = app
        .get(&format!("{status}/withdraw"))
        .await
        .text()
        .await
        .unwrap();
    assert!(texts(&page, "h1")[0].contains("Are you sure"));
    let done = app
        .submit(
            &format!("{status}/withdraw"),
            &format!("{status}/withdraw"),
            &[],
        )
        .await;
    assert_eq!(location(&done), status);
    assert_eq!(app.application_state().await, "withdrawn");
    assert_eq!(
        app.get(&link).await.status(),
        StatusCode::NOT_FOUND,
        "the contact's link stops working"
    );
    app.email_to(CONTACT_EMAIL, "Withdrawn").await;
    let again = app
        .submit(
            &format!("{status}/withdraw"),
            &format!("{status}/withdraw"),
            &[],
        )
        .await;
    assert_eq!(location(&again), status);
    assert!(
        texts(&app.get(&status).await.text().await.unwrap(), ".flash")[0]
            .contains("can no longer be withdrawn")
    );

    let start = app.get("/enroll/partner-id").await;
    assert_eq!(start.status(), StatusCode::OK, "a new draft can be started");
    let count: i64 = sqlx::query_scalar("select count(*) from applications")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(count, 2);
}

#[tokio::test]
async fn another_tenant_cannot_see_or_touch_an_application() {
    let app = TestApp::spawn().await;
    let status = app.enroll("owner", "1515151").await;
    let intruder = app.browser();
    intruder.sign_up("intruder").await;
    assert_eq!(intruder.open(&status).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        intruder.open(&format!("{status}/withdraw")).await.status(),
        StatusCode::NOT_FOUND
    );
    let posted = intruder
        .submit("/dashboard", &format!("{status}/withdraw"), &[])
        .await;
    assert_eq!(posted.status(), StatusCode::NOT_FOUND);
    let posted = intruder
        .submit("/dashboard", &format!("{status}/resend-verification"), &[])
        .await;
    assert_eq!(posted.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        intruder.open("/applications/not-a-uuid").await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.application_state().await,
        "awaiting_contact_verification"
    );
}

#[tokio::test]
async fn the_database_refuses_illegal_moves() {
    let app = TestApp::spawn().await;
    app.enroll("illegal", "1616161").await;
    let id = app.newest_application().await;
    let skipped =
        sqlx::query("update applications set state = 'approved' where application_id = $1")
            .bind(id)
            .execute(&app.db)
            .await;
    assert!(
        skipped
            .unwrap_err()
            .to_string()
            .contains("illegal application move")
    );
    sqlx::query("update applications set state = 'withdrawn' where application_id = $1")
        .bind(id)
        .execute(&app.db)
        .await
        .unwrap();
    let revived =
        sqlx::query("update applications set state = 'in_review' where application_id = $1")
            .bind(id)
            .execute(&app.db)
            .await;
    assert!(revived.is_err());
}

/// The primary contact confirms and the operator admin approves the newest application.
async fn approve(app: &TestApp) {
    app.contact_confirms().await;
    let id = app.newest_application().await;
    app.operator_admin().await.approve(id).await;
}

#[tokio::test]
async fn after_approval_a_global_admin_accepts_the_agreement() {
    let app = TestApp::spawn().await;
    let status = app.enroll("agree", "1717171").await;
    let early = app.get("/agreement").await.text().await.unwrap();
    assert!(!texts(&early, "#not-yet").is_empty());
    let refused = app
        .submit(
            "/agreement",
            "/agreement",
            &[("version", "1"), ("accept", "yes")],
        )
        .await;
    assert_eq!(location(&refused), "/agreement");

    let tenant_id: uuid::Uuid = sqlx::query_scalar("select tenant_id from applications")
        .fetch_one(&app.db)
        .await
        .unwrap();
    approve(&app).await;
    assert!(
        !partner_portal::db::agreements::is_active_indirect_reseller(&app.db, tenant_id)
            .await
            .unwrap(),
        "not before the agreement"
    );
    let dashboard = app.get("/dashboard").await.text().await.unwrap();
    // The task list: approved, the agreement the one task to do, linked once.
    assert_eq!(texts(&dashboard, "#task-approved-status"), ["Completed"]);
    assert_eq!(texts(&dashboard, "#task-agreement-status"), ["Not started"]);
    assert_eq!(
        attrs(&dashboard, "main a[href='/agreement']", "id"),
        ["agreement-link"]
    );
    assert_eq!(
        texts(&dashboard, "#task-find-provider-status"),
        ["Cannot start yet"]
    );
    assert_eq!(
        texts(
            &app.get(&status).await.text().await.unwrap(),
            "#state-words"
        ),
        vec!["Approved"]
    );

    let admin = "admin@agree.example.com";
    let agent = app.add_user(admin, "admin_agent").await;
    let other = app.browser();
    other
        .submit(
            "/signin",
            "/signin",
            &[("email", &agent), ("password", STRONG_PASSWORD)],
        )
        .await;
    let page = other.html("/agreement").await;
    assert!(!texts(&page, "#admin-only").is_empty());
    let posted = other
        .submit(
            "/agreement",
            "/agreement",
            &[("version", "1"), ("accept", "yes")],
        )
        .await;
    assert_eq!(posted.status(), StatusCode::FORBIDDEN);

    let unticked = app
        .submit("/agreement", "/agreement", &[("version", "1")])
        .await;
    assert_eq!(unticked.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let accepted = app
        .submit(
            "/agreement",
            "/agreement",
            &[("version", "1"), ("accept", "yes")],
        )
        .await;
    assert_eq!(location(&accepted), "/dashboard");
    let dashboard = app.get("/dashboard").await.text().await.unwrap();
    assert!(texts(&dashboard, "#agreement-link").is_empty());
    assert_eq!(texts(&dashboard, "#task-agreement-status"), ["Completed"]);
    assert_eq!(
        texts(&dashboard, "#task-find-provider-status"),
        ["Not started"]
    );
    assert!(
        partner_portal::db::agreements::is_active_indirect_reseller(&app.db, tenant_id)
            .await
            .unwrap()
    );
    assert!(texts(&dashboard, "#active-banner")[0].contains("active indirect reseller"));
    let (version, name): (i32, String) =
        sqlx::query_as("select version, accepted_by_name from agreement_acceptances")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!((version, name.as_str()), (1, "Jane Doe"));
    app.assert_audited("agreement.accepted").await;
    let page = app.get("/agreement").await.text().await.unwrap();
    assert!(texts(&page, "#accepted")[0].contains("Version 1 was accepted by Jane Doe"));
}

#[tokio::test]
async fn an_information_request_is_answered_and_the_application_goes_back_to_review() {
    let app = TestApp::spawn().await;
    let status = app.enroll("inforeq", "1818181").await;
    app.contact_confirms().await;
    let id = app.newest_application().await;
    let reviewer = app.operator_admin().await;
    reviewer.request_info(id, "Send us your VAT number.").await;
    let html = app.get(&status).await.text().await.unwrap();
    assert_eq!(
        texts(&html, "#state-words"),
        vec!["We need more information from you"]
    );
    assert!(texts(&html, "#info-request")[0].contains("Send us your VAT number."));

    let empty = app
        .submit(&status, &format!("{status}/answer"), &[("answer", "  ")])
        .await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_summary(&empty.text().await.unwrap())[0].0, "#answer");

    let sent = app
        .submit(
            &status,
            &format!("{status}/answer"),
            &[("answer", "DE123456789")],
        )
        .await;
    assert_eq!(location(&sent), status);
    assert_eq!(app.application_state().await, "in_review");
    let html = app.get(&status).await.text().await.unwrap();
    let timeline = texts(&html, "#timeline li");
    assert!(
        timeline
            .iter()
            .any(|t| t.contains("answered") && t.contains("DE123456789"))
    );
    assert!(timeline.iter().any(|t| t.contains("resubmitted")));
    app.email_to(CONTACT_EMAIL, "being reviewed").await;

    let again = app
        .submit(&status, &format!("{status}/answer"), &[("answer", "twice")])
        .await;
    assert_eq!(location(&again), status);
    assert_eq!(app.application_state().await, "in_review");
}

/// The application's state object, for calling flows directly.
fn app_state(app: &TestApp) -> partner_portal::state::AppState {
    partner_portal::state::AppState {
        db: app.db.clone(),
        config: std::sync::Arc::new(app.config.clone()),
        hasher: partner_portal::auth::PasswordHasher::new(),
        outbox_wake: std::sync::Arc::default(),
        csrf_key: std::sync::Arc::default(),
        markets: std::sync::Arc::default(),
        caches: std::sync::Arc::default(),
        db_health: std::sync::Arc::default(),
    }
}

/// Makes a reviewer's move through the same code path the back office uses.
async fn reviewer_move(
    app: &TestApp,
    attempted: partner_portal::domain::application::Move,
    detail: Option<&str>,
) -> Option<String> {
    let state = app_state(app);
    let id: uuid::Uuid = sqlx::query_scalar(
        "select application_id from applications order by created_at desc limit 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let application = partner_portal::db::applications::find(&app.db, id)
        .await
        .unwrap()
        .unwrap();
    let actor =
        partner_portal::flows::lifecycle::Actor::contact("contact@example.com".into(), "127.0.0.1");
    let mut tx = app.db.begin().await.unwrap();
    let moved = partner_portal::flows::lifecycle::make_move(
        &state,
        &mut tx,
        &application,
        attempted,
        &actor,
        detail,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    moved.map(|s| s.as_str().to_owned())
}

#[tokio::test]
async fn every_reviewer_decision_is_shown_recorded_and_e_mailed() {
    use partner_portal::domain::application::Move;
    let app = TestApp::spawn().await;
    let status = app.enroll("decisions", "1919191").await;
    assert_eq!(
        reviewer_move(&app, Move::Approve, None).await,
        None,
        "cannot approve before the contact confirms"
    );
    app.contact_confirms().await;

    assert_eq!(
        reviewer_move(&app, Move::RequestInfo, Some("Send us your VAT number."))
            .await
            .as_deref(),
        Some("info_requested")
    );
    let mail = app
        .email_to(CONTACT_EMAIL, "We need more information")
        .await;
    assert!(
        mail.body_text.contains("Send us your VAT number.") && mail.body_text.contains("/status/")
    );
    let view = app.browser().html(&mail.link_path(&app.address)).await;
    assert_eq!(
        texts(&view, "#status-question"),
        vec!["Send us your VAT number."]
    );
    assert!(
        texts(
            &app.get(&status).await.text().await.unwrap(),
            "#info-request"
        )[0]
        .contains("VAT number")
    );
    app.submit(
        &status,
        &format!("{status}/answer"),
        &[("answer", "DE123456789")],
    )
    .await;

    assert_eq!(
        reviewer_move(&app, Move::Reject, Some("Your partner ID is under review."))
            .await
            .as_deref(),
        Some("rejected")
    );
    let mail = app.email_to(CONTACT_EMAIL, "Not approved").await;
    assert!(mail.body_text.contains("Your partner ID is under review."));
    let html = app.get(&status).await.text().await.unwrap();
    assert_eq!(texts(&html, "#state-words"), vec!["Not approved"]);
    assert!(texts(&html, "#rejection-reason")[0].contains("Your partner ID is under review."));
    assert_eq!(
        reviewer_move(&app, Move::Approve, None).await,
        None,
        "a decision is final"
    );
    let audited: i64 = sqlx::query_scalar(
        "select count(*) from audit_events where action = 'application.state_changed'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(
        audited, 5,
        "submit, the contact's confirmation, request info, resubmit, reject"
    );

    // A fresh application, approved this time.
    let again = app
        .submit(
            "/enroll/partner-id",
            "/enroll/partner-id",
            &[("partner_id", "1919191")],
        )
        .await;
    assert_eq!(again.status(), StatusCode::SEE_OTHER);
    app.fill_wizard("1919191").await;
    app.submit("/enroll/check", "/enroll/submit", &[("consent", "yes")])
        .await;
    sqlx::query(
        "update applications set state = 'in_review' where state = 'awaiting_contact_verification'",
    )
    .execute(&app.db)
    .await
    .unwrap();
    assert_eq!(
        reviewer_move(&app, Move::Approve, None).await.as_deref(),
        Some("approved")
    );
    let mail = app.email_to(CONTACT_EMAIL, "Approved").await;
    assert!(mail.body_text.contains("partner agreement"));
}

#[tokio::test]
async fn the_primary_contact_step_fills_in_the_signed_in_user_on_request() {
    let app = TestApp::spawn().await;
    app.sign_up("mecontact").await;
    let page = app
        .get("/enroll/primary-contact")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(
        attr(&page, "#i-am-contact", "href").as_deref(),
        Some("/enroll/primary-contact?me=yes")
    );
    let filled = app
        .get("/enroll/primary-contact?me=yes")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(
        attr(&filled, "#first_name", "value").as_deref(),
        Some("Jane")
    );
    assert_eq!(attr(&filled, "#last_name", "value").as_deref(), Some("Doe"));
    assert_eq!(
        attr(&filled, "#email", "value").as_deref(),
        Some("admin@mecontact.example.com")
    );
}

#[tokio::test]
async fn a_web_address_without_https_is_completed_and_one_message_is_said_once() {
    let app = TestApp::spawn().await;
    app.sign_up("webaddr").await;
    add_membership(&app.db, "4700001", "DE", true).await;
    app.fill_wizard("4700001").await;
    let saved = app
        .submit(
            "/enroll/support",
            "/enroll/support",
            &[
                ("email", "support@contoso-trading.de"),
                ("phone", "+49 30 5555555"),
                ("website", "support.contoso-trading.de"),
            ],
        )
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let check = app.get("/enroll/check").await.text().await.unwrap();
    assert!(check.contains("https://support.contoso-trading.de"));
    // Two empty names: the summary says "enter a name" once, each field keeps its message.
    let refused = app
        .submit(
            "/enroll/primary-contact",
            "/enroll/primary-contact",
            &[
                ("first_name", ""),
                ("last_name", ""),
                ("email", ""),
                ("phone", ""),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.unwrap();
    let summary: Vec<String> = error_summary(&html).into_iter().map(|(_, m)| m).collect();
    let unique: std::collections::BTreeSet<&String> = summary.iter().collect();
    assert_eq!(summary.len(), unique.len(), "{summary:?}");
    assert!(summary.len() >= 3, "{summary:?}");
}
