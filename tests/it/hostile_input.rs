//! Hostile bytes in forms and query strings: never a 5xx; in a form, a message beside the
//! field with the other answers kept; in a filter, simply no match.

use crate::helpers::*;
use reqwest::StatusCode;

/// Control characters no answer may hold (NUL is the one PostgreSQL cannot store).
const HOSTILE: [&str; 4] = ["a\u{0}b", "\u{0}", "x\u{7}y", "z\u{1b}[31m"];

/// Every field of `fields` replaced in turn by each hostile value, posted from `page`.
async fn each_field_hostile(
    client: &Browser<'_>,
    page: &str,
    action: &str,
    fields: &[(&str, &str)],
) {
    for i in 0..fields.len() {
        for hostile in HOSTILE {
            let mut sent = fields.to_vec();
            sent[i].1 = hostile;
            let response = client.submit(page, action, &sent).await;
            assert!(
                response.status().as_u16() < 500,
                "{action} with {:?} = {hostile:?}: {}",
                fields[i].0,
                response.status()
            );
        }
    }
}

#[tokio::test]
async fn a_control_character_is_refused_beside_its_field_and_the_rest_is_kept() {
    let app = TestApp::spawn().await;
    let response = app
        .submit(
            "/signup",
            "/signup",
            &[
                ("organisation", "Contoso\u{0} Trading"),
                ("domain_prefix", "hostile"),
                ("country", "DE"),
                ("full_name", "Jane Doe"),
                ("email", "admin@hostile.example.com"),
                ("password", STRONG_PASSWORD),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    let summary = error_summary(&html);
    assert_eq!(summary[0].0, "#organisation");
    assert!(summary[0].1.contains("control characters"), "{summary:?}");
    assert_eq!(texts(&html, "#organisation-error").len(), 1);
    assert_eq!(
        attr(&html, "#full_name", "value").as_deref(),
        Some("Jane Doe")
    );
    assert_eq!(
        attr(&html, "#domain_prefix", "value").as_deref(),
        Some("hostile")
    );
    let tenants: i64 = sqlx::query_scalar("select count(*) from tenants")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(tenants, 0);
}

#[tokio::test]
async fn hostile_bytes_in_any_form_or_filter_never_give_a_5xx() {
    let app = TestApp::spawn_with(|c| {
        c.rate_limits.sign_up.max = 1000;
        c.rate_limits.sign_in.max = 1000;
        c.rate_limits.password_reset.max = 1000;
    })
    .await;
    let anonymous = app.browser();
    each_field_hostile(
        &anonymous,
        "/signup",
        "/signup",
        &sign_up_fields("hostile", "admin@hostile.example.com", "DE"),
    )
    .await;
    let sign_in = [("email", "a@b.example.com"), ("password", "whatever it is")];
    each_field_hostile(&anonymous, "/signin", "/signin", &sign_in).await;
    each_field_hostile(&anonymous, "/admin/signin", "/admin/signin", &sign_in).await;
    each_field_hostile(
        &anonymous,
        "/password/forgot",
        "/password/forgot",
        &[("email", "a@b.example.com")],
    )
    .await;

    // A signed-in global admin's wizard steps, while the application is a draft.
    app.sign_up("hostileco").await;
    add_membership(&app.db, "7373737", "DE", true).await;
    app.fill_wizard("7373737").await;
    for (path, fields) in [
        ("/enroll/partner-id", vec![("partner_id", "7373737")]),
        ("/enroll/legal-profile", LEGAL.to_vec()),
        ("/enroll/primary-contact", CONTACT.to_vec()),
        ("/enroll/support", SUPPORT.to_vec()),
    ] {
        each_field_hostile(&app.me(), path, path, &fields).await;
    }
    app.fill_wizard("7373737").await;
    let submitted = app
        .submit("/enroll/check", "/enroll/submit", &[("consent", "yes")])
        .await;
    let id = location(&submitted)
        .trim_start_matches("/applications/")
        .to_owned();
    app.contact_confirms().await;

    // Staff: a note, and every filter of the queue and the audit log.
    let staff = app.staff_client("reviewer@localhost", "reviewer").await;
    let detail = format!("/admin/applications/{id}");
    each_field_hostile(
        &staff,
        &detail,
        &format!("{detail}/notes"),
        &[("note", "Checked the register.")],
    )
    .await;
    for query in [
        "q=a%00b",
        "state=a%00b",
        "program=%00",
        "country=D%00",
        "region=%07",
        "assigned=%00",
        "after=%00",
    ] {
        let r = staff.open(&format!("/admin/applications?{query}")).await;
        assert!(r.status().as_u16() < 500, "queue ?{query}: {}", r.status());
    }
    for query in [
        "actor=a%00b",
        "application=%00",
        "action=%00x",
        "before=%00",
    ] {
        let r = staff.open(&format!("/admin/audit?{query}")).await;
        assert!(r.status().as_u16() < 500, "audit ?{query}: {}", r.status());
    }
    // A search with a NUL matches nothing rather than failing (the same search without it
    // finds the application).
    let html = staff.html("/admin/applications?q=Contoso").await;
    assert!(html.contains(&id), "the plain search finds it");
    let html = staff.html("/admin/applications?q=Contoso%00").await;
    assert!(!html.contains(&id), "no match for a NUL search");
}
