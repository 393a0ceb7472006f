//! Issue 15: the organisation profile, kept by global and account admins after approval;
//! every change audited; a new legal name waits for operator staff.

use crate::direct::approved_reseller;
use crate::helpers::*;
use reqwest::StatusCode;

/// An approved reseller (through the real approval, which sets up the profile) whose global
/// admin is this app's own browser; returns the admin's address.
async fn approved(app: &TestApp, prefix: &str) -> String {
    approved_reseller(app, prefix, "4100001", "0 days").await
}

/// The profile's current version, from a section's form.
async fn version(client: &Browser<'_>, section: &str) -> String {
    let html = client.html(&format!("/account/profile/{section}")).await;
    attr(&html, "input[name=version]", "value").expect("version on the form")
}

/// Sends a section's form with `fields` (the version read from the form first).
async fn save(client: &Browser<'_>, section: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    let path = format!("/account/profile/{section}");
    let version = version(client, section).await;
    let mut all = vec![("version", version.as_str())];
    all.extend_from_slice(fields);
    client.submit(&path, &path, &all).await
}

fn legal_with<'a>(changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut fields: Vec<(&str, &str)> = LEGAL.to_vec();
    for (name, value) in changes {
        fields.retain(|(n, _)| n != name);
        fields.push((name, value));
    }
    fields
}

#[tokio::test]
async fn the_profile_starts_from_the_approved_application_and_shows_program_information() {
    let app = TestApp::spawn().await;
    let admin = approved(&app, "contoso").await;
    let page = app.me().html("/account/profile").await;
    assert_eq!(
        texts(&page, "#profile-legal-name"),
        vec!["Contoso Trading GmbH"]
    );
    assert_eq!(texts(&page, "#profile-contact-email"), vec![CONTACT_EMAIL]);
    assert_eq!(texts(&page, "#program-partner-id"), vec!["4100001"]);
    assert_eq!(texts(&page, "#program-currency"), vec!["EUR"]);
    assert_eq!(texts(&page, "#program-region"), vec!["Europe"]);
    let agreement = texts(&page, "#program-agreement").join(" ");
    assert!(
        agreement.contains("Version 1") && agreement.contains("Jane Doe"),
        "{agreement}"
    );
    assert!(
        texts(&page, "#program-membership")[0].starts_with("Indirect reseller since"),
        "{:?}",
        texts(&page, "#program-membership")
    );
    assert_eq!(
        texts(&page, "#program-direct-bill"),
        vec!["Not a direct-bill partner."]
    );
    assert!(!texts(&page, "#profile-no-bank").is_empty());
    assert!(!texts(&page, "#nav-profile").is_empty(), "in the menu");
    // Before approval there is nothing to change yet: another organisation says so.
    let other = app.browser();
    other.sign_up("fabrikam").await;
    let early = other.html("/account/profile").await;
    assert!(!texts(&early, "#profile-not-yet").is_empty());
    let refused = other.open("/account/profile/legal").await;
    assert_eq!(refused.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&refused), "/account/profile");
    assert!(admin.starts_with("admin@"));
}

#[tokio::test]
async fn a_new_legal_name_waits_for_staff_while_other_changes_are_saved_and_audited() {
    let app = TestApp::spawn().await;
    let admin = approved(&app, "contoso").await;
    let me = app.me();
    let saved = save(
        &me,
        "legal",
        &legal_with(&[("legal_name", "Contoso Handel GmbH"), ("city", "Potsdam")]),
    )
    .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let page = me.html("/account/profile").await;
    assert!(texts(&page, ".flash")[0].contains("sent to the program's team"));
    assert_eq!(
        texts(&page, "#profile-legal-name"),
        vec!["Contoso Trading GmbH"],
        "the legal name stays until approved"
    );
    assert!(texts(&page, "#legal-name-pending")[0].contains("Contoso Handel GmbH"));
    assert!(texts(&page, "#profile-address")[0].contains("Potsdam"));
    let updated = texts(&page, "#profile-updated").join(" ");
    assert!(updated.contains("Jane Doe"), "{updated}");
    // The form shows the requested name; sending it again changes nothing.
    let again = save(
        &me,
        "legal",
        &legal_with(&[("legal_name", "Contoso Handel GmbH"), ("city", "Potsdam")]),
    )
    .await;
    assert_eq!(again.status(), StatusCode::SEE_OTHER);
    assert!(texts(&me.html("/account/profile").await, ".flash")[0].contains("Nothing was changed"));

    // Audited before and after.
    let (before, after): (serde_json::Value, serde_json::Value) = sqlx::query_as(
        "select before_state, after_state from audit_events where action = 'profile.legal_changed'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(before["city"], "Berlin");
    assert_eq!(after["city"], "Potsdam");
    app.assert_audited("profile.legal_name_requested").await;

    // Staff see the profile, its changes and the waiting name; a decline needs a reason.
    let staff = app.operator_admin().await;
    let id = app.newest_application().await;
    let detail = staff.detail(id).await;
    assert!(!texts(&detail, "#admin-legal-name-pending").is_empty());
    let changes = texts(&detail, "#admin-profile-changes .fields").join(" ");
    assert!(changes.contains("Berlin → Potsdam"), "{changes}");
    let list = staff.client.html("/admin/legal-names").await;
    let tenant: uuid::Uuid =
        sqlx::query_scalar("select tenant_id from tenants where domain_prefix = 'contoso'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(texts(&list, ".requested"), vec!["Contoso Handel GmbH"]);
    let no_reason = staff
        .client
        .submit(
            "/admin/legal-names",
            &format!("/admin/legal-names/{tenant}/decline"),
            &[("reason", " ")],
        )
        .await;
    assert_eq!(no_reason.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = no_reason.text().await.unwrap();
    assert!(!texts(&html, "#reason-error").is_empty());
    let approved = staff
        .client
        .submit(
            "/admin/legal-names",
            &format!("/admin/legal-names/{tenant}/approve"),
            &[],
        )
        .await;
    assert_eq!(approved.status(), StatusCode::SEE_OTHER);
    let page = me.html("/account/profile").await;
    assert_eq!(
        texts(&page, "#profile-legal-name"),
        vec!["Contoso Handel GmbH"]
    );
    assert!(texts(&page, "#legal-name-pending").is_empty());
    let email = app.email_to(&admin, "has been approved").await;
    assert!(email.body_text.contains("Contoso Handel GmbH"));
    app.assert_audited("profile.legal_name_approved").await;
    // Deciding again finds nothing waiting.
    let late = staff
        .client
        .submit(
            "/admin/legal-names",
            &format!("/admin/legal-names/{tenant}/approve"),
            &[],
        )
        .await;
    assert_eq!(late.status(), StatusCode::SEE_OTHER);
    let list = staff.client.html("/admin/legal-names").await;
    assert!(texts(&list, ".flash")[0].contains("no longer waiting"));
    assert!(!texts(&list, "#no-legal-names").is_empty());
}

#[tokio::test]
async fn bank_details_are_checked_beside_each_field_and_every_global_admin_is_told() {
    let app = TestApp::spawn().await;
    let admin = approved(&app, "contoso").await;
    let me = app.me();
    let bank = |iban: &'static str, bic: &'static str| {
        vec![
            ("account_holder", "Contoso Trading GmbH"),
            ("format", "iban"),
            ("iban", iban),
            ("bic", bic),
        ]
    };
    for (iban, bic, field) in [
        ("DE88 3704 0044 0532 0130 00", "COBADEFFXXX", "#iban-error"),
        ("DE89 3704 0044 0532 0130 00", "BNPAFRPPXXX", "#bic-error"),
        ("DE89 3704 0044 0532 0130 00", "COBA", "#bic-error"),
        ("", "COBADEFFXXX", "#iban-error"),
    ] {
        let refused = save(&me, "bank", &bank(iban, bic)).await;
        assert_eq!(
            refused.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{iban} {bic}"
        );
        let html = refused.text().await.unwrap();
        assert!(!texts(&html, field).is_empty(), "{field} for {iban} {bic}");
        assert_eq!(
            attr(&html, "#account_holder", "value").as_deref(),
            Some("Contoso Trading GmbH"),
            "the other answers are kept"
        );
    }
    let no_format = save(&me, "bank", &[("account_holder", "Contoso")]).await;
    assert_eq!(no_format.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let bank_rows: Option<String> =
        sqlx::query_scalar("select bank_iban from organisation_profiles")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(bank_rows, None, "nothing half-saved");

    let saved = save(
        &me,
        "bank",
        &bank("de89 3704 0044 0532 0130 00", "cobadeffxxx"),
    )
    .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let page = me.html("/account/profile").await;
    assert_eq!(
        texts(&page, "#profile-iban"),
        vec!["DE89 3704 0044 0532 0130 00"]
    );
    assert_eq!(texts(&page, "#profile-bic"), vec!["COBADEFFXXX"]);
    let notice = app.email_to(&admin, "bank details").await;
    assert!(
        notice.body_text.contains("Jane Doe"),
        "{}",
        notice.body_text
    );
    // The audit keeps only the last four characters of the account.
    let after: serde_json::Value = sqlx::query_scalar(
        "select after_state from audit_events where action = 'profile.bank_changed'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let audited_iban = after["iban"].as_str().unwrap();
    assert!(audited_iban.ends_with("3000") && !audited_iban.contains("37040044"));

    // A colleague who may not change the profile reads it with the account masked.
    let agent_email = app.add_user(&admin, "sales_agent").await;
    let agent = app.browser();
    agent
        .submit(
            "/signin",
            "/signin",
            &[("email", &agent_email), ("password", STRONG_PASSWORD)],
        )
        .await;
    let masked = agent.html("/account/profile").await;
    let iban = texts(&masked, "#profile-iban")[0].clone();
    assert!(iban.ends_with("3000") && !iban.contains("3704"), "{iban}");
    assert!(texts(&masked, "#change-bank").is_empty());
    assert!(!texts(&masked, "#profile-who-edits").is_empty());
    assert_eq!(
        agent.open("/account/profile/bank").await.status(),
        StatusCode::FORBIDDEN
    );
    // An account admin may change it.
    let account_admin = app.add_user(&admin, "account_admin").await;
    let keeper = app.browser();
    keeper
        .submit(
            "/signin",
            "/signin",
            &[("email", &account_admin), ("password", STRONG_PASSWORD)],
        )
        .await;
    let local = save(
        &keeper,
        "bank",
        &[
            ("account_holder", "Contoso Trading GmbH"),
            ("format", "local"),
            ("bank_code", "021000021"),
            ("account_number", "1234 5678 901"),
        ],
    )
    .await;
    assert_eq!(local.status(), StatusCode::SEE_OTHER);
    let stored: (Option<String>, Option<String>) =
        sqlx::query_as("select bank_iban, bank_account_number from organisation_profiles")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(stored, (None, Some("1234 5678 901".to_owned())));
}

#[tokio::test]
async fn a_form_opened_before_someone_elses_change_is_refused_not_merged() {
    let app = TestApp::spawn().await;
    approved(&app, "contoso").await;
    let me = app.me();
    let old_version = version(&me, "support").await;
    let first = save(
        &me,
        "support",
        &[
            ("email", "help@contoso-trading.de"),
            ("phone", "+49 30 5555555"),
            ("website", "https://support.contoso-trading.de"),
        ],
    )
    .await;
    assert_eq!(first.status(), StatusCode::SEE_OTHER);
    let stale = me
        .submit(
            "/account/profile/support",
            "/account/profile/support",
            &[
                ("version", old_version.as_str()),
                ("email", "other@contoso-trading.de"),
                ("phone", "+49 30 5555555"),
                ("website", "https://support.contoso-trading.de"),
            ],
        )
        .await;
    assert_eq!(location(&stale), "/account/profile/support");
    let form = me.html("/account/profile/support").await;
    assert!(texts(&form, ".flash")[0].contains("Someone else changed"));
    assert_eq!(
        attr(&form, "#email", "value").as_deref(),
        Some("help@contoso-trading.de")
    );
    // The contact's address must be on the company's own domain, as at enrollment.
    let webmail = save(
        &me,
        "contact",
        &[
            ("first_name", "Pat"),
            ("last_name", "Lee"),
            ("email", "pat@gmail.com"),
            ("phone", "+49 30 7654321"),
        ],
    )
    .await;
    assert_eq!(webmail.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!texts(&webmail.text().await.unwrap(), "#email-error").is_empty());
}

#[tokio::test]
async fn the_profile_and_its_review_read_in_german_and_chinese() {
    use partner_portal::i18n::Lang;
    let app = TestApp::spawn().await;
    // The first operator admin's name reads like the role's English label: give it a
    // person's name (as the back-office walk does).
    sqlx::query(
        "update operator_staff set full_name = 'Olga Berg' where email = 'admin@localhost'",
    )
    .execute(&app.db)
    .await
    .unwrap();
    approved(&app, "contoso").await;
    let me = app.me();
    save(
        &me,
        "legal",
        &legal_with(&[("legal_name", "Contoso Handel GmbH"), ("city", "Potsdam")]),
    )
    .await;
    save(
        &me,
        "bank",
        &[
            ("account_holder", "Contoso Trading GmbH"),
            ("format", "iban"),
            ("iban", "DE89370400440532013000"),
            ("bic", "COBADEFFXXX"),
        ],
    )
    .await;
    let staff = app.operator_admin().await;
    let id = app.newest_application().await;
    for lang in [Lang::De, Lang::ZhCn] {
        for client in [&me, &staff.client] {
            let switched = client
                .submit("/", "/language", &[("lang", lang.code()), ("next", "/")])
                .await;
            assert_eq!(switched.status(), StatusCode::SEE_OTHER);
        }
        for path in [
            "/account/profile",
            "/account/profile/legal",
            "/account/profile/contact",
            "/account/profile/support",
            "/account/profile/bank",
        ] {
            crate::languages::assert_no_english(lang, path, &me.html(path).await);
        }
        let refused = save(
            &me,
            "bank",
            &[("account_holder", ""), ("format", "iban"), ("iban", "DE88")],
        )
        .await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        crate::languages::assert_no_english(
            lang,
            "/account/profile/bank (refused)",
            &refused.text().await.unwrap(),
        );
        crate::languages::assert_no_english(
            lang,
            "/admin/legal-names",
            &staff.client.html("/admin/legal-names").await,
        );
        crate::languages::assert_no_english(
            lang,
            "/admin/applications/{id}",
            &staff.detail(id).await,
        );
    }
}

#[tokio::test]
async fn times_are_shown_in_the_organisations_time_zone_which_it_may_change() {
    let app = TestApp::spawn().await;
    let status = app.enroll("zones", "7600401").await;
    let text = |html: &str| texts(html, "main").join(" ");
    // A German organisation: Berlin time, its country's default.
    let profile = app.me().html("/account/profile").await;
    assert_eq!(
        texts(&profile, "#time-zone"),
        ["Europe/Berlin (your country's)"]
    );
    let page = text(&app.me().html(&status).await);
    assert!(page.contains(" CET") || page.contains(" CEST"), "{page}");
    assert!(!page.contains(" UTC"), "{page}");
    // Changed to Tokyo: every page at once, no sign-in again.
    let form = app.me().html("/account/time-zone").await;
    assert_eq!(
        attr(&form, "#time_zone option[selected]", "value").as_deref(),
        Some("")
    );
    let saved = app
        .submit(
            "/account/time-zone",
            "/account/time-zone",
            &[("time_zone", "Asia/Tokyo")],
        )
        .await;
    assert_eq!(location(&saved), "/account/profile");
    app.assert_audited("organisation.time_zone_changed").await;
    assert_eq!(
        texts(&app.me().html("/account/profile").await, "#time-zone"),
        ["Asia/Tokyo"]
    );
    let page = text(&app.me().html(&status).await);
    assert!(page.contains(" JST"), "{page}");
    // Something not in the list: said beside the field, the setting kept.
    let refused = app
        .submit(
            "/account/time-zone",
            "/account/time-zone",
            &[("time_zone", "Mars/Olympus")],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.unwrap();
    assert_eq!(
        error_summary(&html),
        [(
            "#time_zone".to_owned(),
            "Select a time zone from the list".to_owned()
        )]
    );
    // Back to the country's.
    app.submit(
        "/account/time-zone",
        "/account/time-zone",
        &[("time_zone", "")],
    )
    .await;
    let profile = app.me().html("/account/profile").await;
    assert_eq!(texts(&profile, ".flash"), ["The time zone is saved."]);
    let chosen: Option<String> =
        sqlx::query_scalar("select time_zone from tenants where domain_prefix = 'zones'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(chosen, None);
    // Staff read UTC.
    let staff = app.operator_admin().await;
    let id = status.trim_start_matches("/applications/");
    let detail = text(&staff.detail(uuid::Uuid::parse_str(id).unwrap()).await);
    assert!(detail.contains(" UTC"), "{detail}");
    // Only a role that may change the profile may change it.
    let agent = app.add_user("admin@zones.example.com", "sales_agent").await;
    let other = app.signed_in_as(&agent).await;
    assert_eq!(
        other.open("/account/time-zone").await.status(),
        StatusCode::FORBIDDEN
    );
    // Every market's default zone is one the portal knows.
    let zones: Vec<(String, String)> =
        sqlx::query_as("select country_code::text, default_time_zone from markets")
            .fetch_all(&app.db)
            .await
            .unwrap();
    assert!(zones.len() > 200);
    for (country, zone) in zones {
        assert!(
            partner_portal::i18n::format::time_zone(&zone).is_some(),
            "{country}: {zone}"
        );
    }
    // In German and Chinese.
    for lang in [
        partner_portal::i18n::Lang::De,
        partner_portal::i18n::Lang::ZhCn,
    ] {
        sqlx::query("update users set language = $1 where email = 'admin@zones.example.com'")
            .bind(lang.code())
            .execute(&app.db)
            .await
            .unwrap();
        app.settle_caches().await;
        let page = app.me().html("/account/time-zone").await;
        crate::languages::assert_no_english(lang, "/account/time-zone", &page);
    }
}
