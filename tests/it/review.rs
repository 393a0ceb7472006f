use crate::helpers::*;
use reqwest::StatusCode;

#[tokio::test]
async fn the_detail_page_shows_every_answer_and_the_timeline() {
    let app = TestApp::spawn().await;
    let id = app.application_in_review("detail", "2121212").await;
    let reviewer = app.operator_admin().await;
    let staff = &reviewer.client;
    let html = app.staff_detail(staff, id).await;
    assert_eq!(texts(&html, "h1"), vec!["Contoso Trading GmbH"]);
    assert_eq!(texts(&html, "#state"), vec!["In review"]);
    assert_eq!(
        texts(&html, "#tenant-domain"),
        vec!["detail.partnerportal.example"]
    );
    assert_eq!(texts(&html, "#contact-email"), vec![CONTACT_EMAIL]);
    assert!(texts(&html, "#contact-verified")[0].starts_with("Yes"));
    assert!(texts(&html, "#membership dd")[0].contains("2121212"));
    // The organisation's users and roles, read-only (no form posts to them).
    assert_eq!(
        texts(&html, "#org-users .email"),
        vec!["admin@detail.example.com"]
    );
    assert_eq!(texts(&html, "#org-users .role"), vec!["Global admin"]);
    assert!(
        scraper::Html::parse_document(&html)
            .select(&scraper::Selector::parse("#org-users form").unwrap())
            .next()
            .is_none()
    );
    assert!(texts(&html, "#timeline li")[0].contains("Application submitted"));
    assert_eq!(texts(&html, "#actions a").len(), 3);
    assert_eq!(
        staff.open("/admin/applications/not-an-id").await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        staff
            .open(&format!("/admin/applications/{}", uuid::Uuid::new_v4()))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        staff
            .open(&format!("/admin/applications/{id}/decide/explode"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn approving_tells_the_applicant_and_is_audited() {
    let app = TestApp::spawn().await;
    let id = app.application_in_review("approveme", "2222221").await;
    let reviewer = app.operator_admin().await;
    let staff = &reviewer.client;
    let done = reviewer.decide(id, "approve", "").await;
    assert_eq!(location(&done), format!("/admin/applications/{id}"));
    assert_eq!(app.application_state().await, "approved");
    // The primary contact (no account) gets a status link of its own and is told who must
    // accept the agreement; the global admin gets the application's page.
    let mail = app.email_to(CONTACT_EMAIL, "Approved").await;
    assert!(!mail.body_text.contains(&format!("/applications/{id}")));
    assert!(
        mail.body_text
            .contains("must sign in and accept the partner agreement: Jane Doe"),
        "{}",
        mail.body_text
    );
    let link = mail.link_path(&app.address);
    assert!(link.starts_with("/status/"), "{link}");
    let view = app.browser().html(&link).await;
    assert_eq!(texts(&view, "#status-state"), vec!["Approved"]);
    for lang in [
        partner_portal::i18n::Lang::De,
        partner_portal::i18n::Lang::ZhCn,
    ] {
        let page = app.browser_speaking(lang.code()).html(&link).await;
        crate::languages::assert_no_english(lang, "/status/{token}", &page);
    }
    let admin: String = sqlx::query_scalar(
        "select u.email::text from users u join applications a using (tenant_id) where a.application_id = $1",
    )
    .bind(id)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let to_admin = app.email_to(&admin, "Approved").await;
    assert!(to_admin.body_text.contains(&format!("/applications/{id}")));
    assert!(!to_admin.body_text.contains("/status/"));
    // An expired link says so.
    sqlx::query("update contact_status_links set expires_at = now() - interval '1 minute'")
        .execute(&app.db)
        .await
        .unwrap();
    let gone = app.browser().page(&link, StatusCode::NOT_FOUND).await;
    assert!(!texts(&gone, "#status-gone").is_empty());
    let actor: Option<uuid::Uuid> = sqlx::query_scalar(
        "select actor_staff_id from audit_events where action = 'application.state_changed' and after_state->>'state' = 'approved'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert!(actor.is_some(), "the reviewer is the actor");
    let status = app
        .get(&format!("/applications/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(texts(&status, "#state-words"), vec!["Approved"]);
    let detail = app.staff_detail(staff, id).await;
    assert!(texts(&detail, "#actions").is_empty(), "no second decision");
}

#[tokio::test]
async fn rejecting_needs_a_reason_that_the_applicant_sees() {
    let app = TestApp::spawn().await;
    let id = app.application_in_review("rejectme", "2323232").await;
    let reviewer = app.operator_admin().await;
    let empty = reviewer.decide(id, "reject", "   ").await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_summary(&empty.text().await.unwrap())[0].0, "#text");
    assert_eq!(app.application_state().await, "in_review");
    let done = reviewer
        .decide(id, "reject", "The partner ID belongs to another company.")
        .await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let mail = app.email_to(CONTACT_EMAIL, "Not approved").await;
    assert!(
        mail.body_text
            .contains("The partner ID belongs to another company.")
    );
    let status = app
        .get(&format!("/applications/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(texts(&status, "#rejection-reason")[0].contains("belongs to another company"));
}

#[tokio::test]
async fn an_information_request_is_answered_and_comes_back_to_review() {
    let app = TestApp::spawn().await;
    let id = app.application_in_review("askme", "2424242").await;
    let reviewer = app.operator_admin().await;
    let staff = &reviewer.client;
    reviewer
        .decide(id, "request-info", "Please send your VAT number.")
        .await;
    assert_eq!(app.application_state().await, "info_requested");
    app.email_to(CONTACT_EMAIL, "We need more information")
        .await;
    app.answer_info_request(id, "DE999999999").await;
    assert_eq!(app.application_state().await, "in_review");
    let html = app.staff_detail(staff, id).await;
    assert!(
        texts(&html, "#timeline li")
            .iter()
            .any(|t| t.contains("DE999999999"))
    );
    assert_eq!(
        texts(&html, "#actions a").len(),
        3,
        "decisions are possible again"
    );
}

#[tokio::test]
async fn notes_are_for_staff_only() {
    let app = TestApp::spawn().await;
    let id = app.application_in_review("noted", "2525252").await;
    let reviewer = app.operator_admin().await;
    let staff = &reviewer.client;
    let page = format!("/admin/applications/{id}");
    let empty = staff
        .submit(&page, &format!("{page}/notes"), &[("note", "")])
        .await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let added = staff
        .submit(
            &page,
            &format!("{page}/notes"),
            &[("note", "Called the contact; all fine.")],
        )
        .await;
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    let html = staff.html(&page).await;
    assert!(
        texts(&html, "#timeline li.internal")
            .iter()
            .any(|t| t.contains("Called the contact"))
    );
    let applicant = app
        .get(&format!("/applications/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(!applicant.contains("Called the contact"));
    app.assert_audited("application.note_added").await;
}

#[tokio::test]
async fn two_reviewers_deciding_at_once_leave_exactly_one_decision() {
    let app = TestApp::spawn().await;
    let id = app.application_in_review("race", "2626262").await;
    let first = app.browser();
    first.staff_sign_in().await;
    let second = app
        .staff_client("reviewer@operator.example.com", "reviewer")
        .await;
    let approve_page = format!("/admin/applications/{id}/decide/approve");
    let reject_page = format!("/admin/applications/{id}/decide/reject");
    let v1 = attr(
        &first.html(&approve_page).await,
        "input[name=version]",
        "value",
    )
    .unwrap();
    let v2 = attr(
        &second.html(&reject_page).await,
        "input[name=version]",
        "value",
    )
    .unwrap();
    assert_eq!(v1, v2);
    let approve_fields = [("version", v1.as_str())];
    let reject_fields = [("version", v2.as_str()), ("text", "Not eligible.")];
    let (a, b) = tokio::join!(
        first.submit(&approve_page, &approve_page, &approve_fields),
        second.submit(&reject_page, &reject_page, &reject_fields),
    );
    let statuses = [a.status(), b.status()];
    assert!(
        statuses.contains(&StatusCode::SEE_OTHER) && statuses.contains(&StatusCode::CONFLICT),
        "{statuses:?}"
    );
    let loser = if a.status() == StatusCode::CONFLICT {
        a
    } else {
        b
    };
    assert!(texts(&loser.text().await.unwrap(), "#conflict")[0].contains("already acted"));
    let decisions: i64 = sqlx::query_scalar(
        "select count(*) from application_events where kind = 'state_changed' and to_state in ('approved', 'rejected')",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(decisions, 1);
    let state = app.application_state().await;
    assert!(state == "approved" || state == "rejected");
}

#[tokio::test]
async fn reviewers_assign_themselves_and_admins_assign_anyone() {
    let app = TestApp::spawn().await;
    let id = app.application_in_review("assigned", "2727272").await;
    let reviewer = app
        .staff_client("rita@operator.example.com", "reviewer")
        .await;
    let page = format!("/admin/applications/{id}");
    let admin_id: uuid::Uuid =
        sqlx::query_scalar("select staff_id from operator_staff where role = 'operator_admin'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    let refused = reviewer
        .submit(
            &page,
            &format!("{page}/assign"),
            &[("staff_id", &admin_id.to_string())],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let mine = reviewer.submit(&page, &format!("{page}/assign"), &[]).await;
    assert_eq!(mine.status(), StatusCode::SEE_OTHER);
    let html = reviewer.html("/admin/applications?assigned=me").await;
    assert_eq!(
        texts(&html, "#queue a.organisation"),
        vec!["Contoso Trading GmbH"]
    );
    assert_eq!(texts(&html, "#queue .reviewer"), vec!["Staff reviewer"]);

    let admin = app.browser();
    admin.staff_sign_in().await;
    let moved = admin
        .submit(
            &page,
            &format!("{page}/assign"),
            &[("staff_id", &admin_id.to_string())],
        )
        .await;
    assert_eq!(moved.status(), StatusCode::SEE_OTHER);
    let html = reviewer.html("/admin/applications?assigned=me").await;
    assert!(!texts(&html, "#queue-empty").is_empty());
    let unassigned = admin.html("/admin/applications?assigned=unassigned").await;
    assert!(!texts(&unassigned, "#queue-empty").is_empty());
    app.assert_audited("application.assigned").await;
}

#[tokio::test]
async fn the_audit_log_filters_by_actor_application_and_action() {
    let app = TestApp::spawn().await;
    let id = app.application_in_review("audited", "2828282").await;
    let reviewer = app.operator_admin().await;
    let staff = &reviewer.client;
    reviewer.decide(id, "approve", "").await;

    let all = staff.html("/admin/audit").await;
    let actions = texts(&all, "#audit .action");
    assert!(
        actions.contains(&"tenant.created".to_string())
            && actions.contains(&"application.state_changed".to_string())
    );

    let by_actor = staff.html("/admin/audit?actor=admin%40localhost").await;
    assert!(
        texts(&by_actor, "#audit .actor")
            .iter()
            .all(|a| a == "admin@localhost")
    );
    assert!(texts(&by_actor, "#audit .action").contains(&"application.state_changed".to_string()));

    let by_application = staff.html(&format!("/admin/audit?application={id}")).await;
    assert_eq!(
        texts(&by_application, "#audit .action"),
        vec![
            "application.state_changed",
            "application.state_changed",
            "application.state_changed"
        ],
        "submitted, confirmed by the primary contact, then approved"
    );

    let by_action = staff.html("/admin/audit?action=tenant.created").await;
    assert_eq!(texts(&by_action, "#audit .action"), vec!["tenant.created"]);
    assert_eq!(
        staff
            .open("/admin/audit?application=nonsense&before=x")
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        location(&app.get("/admin/audit").await),
        "/admin/signin",
        "partners cannot read it"
    );
}

#[tokio::test]
async fn operator_admins_open_and_close_direct_bill_intake() {
    let app = TestApp::spawn().await;
    let admin = app.browser();
    admin.staff_sign_in().await;
    let page = admin.html("/admin/settings").await;
    assert_eq!(
        attr(&page, "#intake-closed", "checked").as_deref(),
        Some(""),
        "closed by default"
    );

    let missing = admin
        .submit(
            "/admin/settings",
            "/admin/settings",
            &[("intake", "closed"), ("message", "Come back soon")],
        )
        .await;
    assert_eq!(missing.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = missing.text().await.unwrap();
    assert_eq!(error_summary(&html)[0].0, "#reopens_on");
    assert_eq!(
        texts(&html, "#message"),
        vec!["Come back soon"],
        "the message is kept"
    );

    let saved = admin
        .submit(
            "/admin/settings",
            "/admin/settings",
            &[
                ("intake", "closed"),
                ("reopens_on", "2099-03-01"),
                ("message", "Enroll as an indirect reseller meanwhile."),
            ],
        )
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let (open, date): (bool, Option<time::Date>) = sqlx::query_as(
        "select direct_bill_intake_open, direct_bill_reopens_on from program_settings",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert!(!open);
    assert_eq!(date.map(|d| d.to_string()).as_deref(), Some("2099-03-01"));
    admin
        .submit("/admin/settings", "/admin/settings", &[("intake", "open")])
        .await;
    let open: bool = sqlx::query_scalar("select direct_bill_intake_open from program_settings")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert!(open);
    app.assert_audited("settings.changed").await;

    let reviewer = app
        .staff_client("rev@operator.example.com", "reviewer")
        .await;
    assert_eq!(
        reviewer.open("/admin/settings").await.status(),
        StatusCode::FORBIDDEN
    );
}

/// A tenant that is an approved indirect reseller with the agreement accepted.
async fn active_partner(app: &TestApp, prefix: &str, country: &str) {
    app.insert_application(prefix, country, "approved", 40, &format!("{prefix} Ltd"))
        .await;
    sqlx::query(
        "insert into agreement_acceptances (tenant_id, version, accepted_by_name)
         select tenant_id, 1, 'Someone' from tenants where domain_prefix = $1",
    )
    .bind(prefix)
    .execute(&app.db)
    .await
    .unwrap();
}

#[tokio::test]
async fn operator_admins_keep_the_provider_directory() {
    let app = TestApp::spawn().await;
    active_partner(&app, "provider-eu", "DE").await;
    active_partner(&app, "provider-us", "US").await;
    active_partner(&app, "indirect-only", "DE").await;
    active_partner(&app, "lapsed", "DE").await;
    for prefix in ["provider-eu", "provider-us", "lapsed"] {
        crate::partners::make_direct(&app, prefix).await;
    }
    sqlx::query(
        "update direct_bill_partners set status = 'transitioned', transitioned_at = now()
         where tenant_id = (select tenant_id from tenants where domain_prefix = 'lapsed')",
    )
    .execute(&app.db)
    .await
    .unwrap();
    app.insert_application("pending-one", "DE", "in_review", 2, "Pending Ltd")
        .await;
    let admin = app.browser();
    admin.staff_sign_in().await;

    for (fields, field, message) in [
        (
            vec![("domain_prefix", "nobody"), ("regions", "europe")],
            "#domain_prefix",
            "No work account has this domain",
        ),
        (
            vec![("domain_prefix", "pending-one"), ("regions", "europe")],
            "#domain_prefix",
            "only approved partners",
        ),
        (
            vec![("domain_prefix", "indirect-only"), ("regions", "europe")],
            "#domain_prefix",
            "only a direct-bill partner can be a provider, and indirect-only Ltd (tenant) is not one",
        ),
        (
            vec![("domain_prefix", "lapsed"), ("regions", "europe")],
            "#domain_prefix",
            "its direct-bill standing ended on",
        ),
        (
            vec![("domain_prefix", "provider-eu")],
            "#regions",
            "Select at least one program region",
        ),
    ] {
        let r = admin
            .submit("/admin/providers", "/admin/providers", &fields)
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let summary = error_summary(&r.text().await.unwrap());
        assert_eq!(summary[0].0, field);
        assert!(summary[0].1.contains(message), "{summary:?}");
    }
    let listed = admin
        .submit(
            "/admin/providers",
            "/admin/providers",
            &[
                ("domain_prefix", "provider-eu"),
                ("regions", "europe"),
                ("regions", "mea"),
            ],
        )
        .await;
    assert_eq!(listed.status(), StatusCode::SEE_OTHER);
    admin
        .submit(
            "/admin/providers",
            "/admin/providers",
            &[
                ("domain_prefix", "provider-us.partnerportal.example"),
                ("regions", "us"),
            ],
        )
        .await;
    let html = admin.html("/admin/providers").await;
    assert_eq!(texts(&html, "#providers .regions").len(), 2);

    // The public directory, filtered by region.
    let public = app
        .browser()
        .open("/providers?region=us")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(texts(&public, "#providers .regions"), vec!["United States"]);
    let all = app.browser().open("/providers").await.text().await.unwrap();
    assert_eq!(texts(&all, "#providers li").len(), 2);

    // A signed-in partner in Europe sees the European provider first.
    let viewer = app.browser();
    viewer.sign_up("viewer").await;
    let mine = viewer.html("/providers").await;
    assert!(texts(&mine, "#providers li")[0].contains("provider-eu"));
    assert!(!texts(&mine, "#own-region-note").is_empty());

    // Editing replaces the regions; withdrawing removes the listing.
    admin
        .submit(
            "/admin/providers?edit=provider-eu",
            "/admin/providers",
            &[("domain_prefix", "provider-eu"), ("regions", "europe")],
        )
        .await;
    let public = app
        .browser()
        .open("/providers?region=mea")
        .await
        .text()
        .await
        .unwrap();
    assert!(!texts(&public, "#no-providers").is_empty());
    let tenant: uuid::Uuid =
        sqlx::query_scalar("select tenant_id from tenants where domain_prefix = 'provider-us'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    let gone = admin
        .submit(
            "/admin/providers",
            &format!("/admin/providers/{tenant}/withdraw"),
            &[],
        )
        .await;
    assert_eq!(gone.status(), StatusCode::SEE_OTHER);
    let public = app
        .browser()
        .open("/providers?region=us")
        .await
        .text()
        .await
        .unwrap();
    assert!(!texts(&public, "#no-providers").is_empty());
    app.assert_audited("provider.listed").await;
    app.assert_audited("provider.withdrawn").await;

    let reviewer = app
        .staff_client("rev2@operator.example.com", "reviewer")
        .await;
    assert_eq!(
        reviewer.open("/admin/providers").await.status(),
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn while_information_is_requested_the_applicant_corrects_answers_and_resubmits() {
    let app = TestApp::spawn().await;
    let id = app.application_in_review("correctme", "2929292").await;
    let reviewer = app.operator_admin().await;
    let staff = &reviewer.client;
    reviewer
        .decide(id, "request-info", "Your legal name misses the legal form.")
        .await;

    let status = format!("/applications/{id}");
    let html = app.get(&status).await.text().await.unwrap();
    assert_eq!(
        attr(&html, "#change-answers", "href").as_deref(),
        Some("/enroll/check")
    );
    let check = app.get("/enroll/check").await.text().await.unwrap();
    assert!(!texts(&check, "#changes-saved").is_empty());
    assert!(
        texts(&check, "#enroll-now").is_empty(),
        "no second submission from here"
    );

    let mut legal = LEGAL.to_vec();
    legal[0] = ("legal_name", "Contoso Trading GmbH & Co. KG");
    legal.push(("from", "check"));
    let saved = app
        .submit(
            "/enroll/legal-profile?from=check",
            "/enroll/legal-profile",
            &legal,
        )
        .await;
    assert_eq!(location(&saved), "/enroll/check");
    app.answer_info_request(id, "Corrected the legal name.")
        .await;
    assert_eq!(app.application_state().await, "in_review");

    let detail = app.staff_detail(staff, id).await;
    assert_eq!(texts(&detail, "h1"), vec!["Contoso Trading GmbH & Co. KG"]);
    let timeline = texts(&detail, "#timeline li");
    assert!(
        timeline
            .iter()
            .any(|t| t.contains("Applicant changed answers") && t.contains("Legal details"))
    );
    // Once back in review, the answers are frozen again.
    let frozen = app
        .submit("/dashboard", "/enroll/legal-profile", LEGAL)
        .await;
    assert_eq!(location(&frozen), status);
}
