//! Direct-bill enrollment: intake window, computed eligibility, the wizard with evidence,
//! the back office's ordered checks, approval with reassessment, and the transition.

use crate::helpers::*;
use reqwest::StatusCode;
use uuid::Uuid;

/// A small valid PDF.
pub const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

/// Makes the tenant of this app's signed-in admin an approved indirect reseller (approved
/// `approved_ago` ago, an SQL interval) with the agreement accepted; returns the admin's e-mail.
pub async fn approved_reseller(
    app: &TestApp,
    prefix: &str,
    partner_id: &str,
    approved_ago: &str,
) -> String {
    let id = app.application_in_review(prefix, partner_id).await;
    app.operator_admin().await.approve(id).await;
    // Time travel: the approval happened `approved_ago` ago.
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "update applications set decided_at = (current_date - interval '{approved_ago}')::timestamptz + interval '12 hours' where application_id = $1"
    )))
    .bind(id)
    .execute(&app.db)
    .await
    .unwrap();
    sqlx::query("insert into agreement_acceptances (tenant_id, version, accepted_by_name) select tenant_id, 1, 'Jane Doe' from tenants where domain_prefix = $1")
        .bind(prefix)
        .execute(&app.db)
        .await
        .unwrap();
    format!("admin@{prefix}.example.com")
}

/// Opens direct-bill intake.
pub async fn open_intake(app: &TestApp) {
    sqlx::query(
        "update program_settings set direct_bill_intake_open = true, direct_bill_reopens_on = null",
    )
    .execute(&app.db)
    .await
    .unwrap();
    app.settle_caches().await;
}

/// Posts the revenue step (multipart) with an optional file.
pub async fn post_revenue(
    app: &TestApp,
    client: &Browser<'_>,
    revenue: &str,
    action: &str,
    file: Option<(&str, Vec<u8>)>,
) -> reqwest::Response {
    let html = client.html("/enroll/direct/revenue").await;
    let mut form = reqwest::multipart::Form::new()
        .text("csrf_token", csrf_token(&html))
        .text("revenue", revenue.to_owned())
        .text("action", action.to_owned());
    if let Some((name, bytes)) = file {
        form = form.part(
            "evidence",
            reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()),
        );
    }
    client
        .post(app.url("/enroll/direct/revenue"))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

/// A new client signed in as `email` (password [`STRONG_PASSWORD`]).
async fn signed_in<'a>(app: &'a TestApp, email: &str) -> Browser<'a> {
    let client = app.browser();
    let r = client
        .submit(
            "/signin",
            "/signin",
            &[("email", email), ("password", STRONG_PASSWORD)],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "sign-in of {email}");
    client
}

/// Starts the application and answers every step; leaves it on the check page.
pub async fn fill_direct(app: &TestApp) {
    let r = app
        .submit("/enroll/direct", "/enroll/direct/start", &[])
        .await;
    assert_eq!(location(&r), "/enroll/direct/revenue");
    let r = post_revenue(
        app,
        &app.me(),
        "350,000",
        "upload",
        Some(("revenue-2026.pdf", PDF.to_vec())),
    )
    .await;
    assert_eq!(
        r.status(),
        StatusCode::SEE_OTHER,
        "{}",
        r.text().await.unwrap()
    );
    let r = post_revenue(app, &app.me(), "350,000", "continue", None).await;
    assert_eq!(location(&r), "/enroll/direct/support");
    let steps: [(&str, Vec<(&str, &str)>); 3] = [
        (
            "/enroll/direct/support",
            vec![("first_line", "yes"), ("plan", "premier")],
        ),
        (
            "/enroll/direct/operations",
            vec![
                ("receivables", "yes"),
                ("billing", "Monthly invoices from our ERP; direct debit."),
                ("provisioning", "Automated through the partner APIs."),
                ("customer_support", "24/7 desk in Berlin, first-line."),
                ("security", "ISO 27001 certified, MFA everywhere."),
            ],
        ),
        (
            "/enroll/direct/services",
            vec![
                ("kind_0", "managed_service"),
                ("name_0", "Managed backup"),
                ("description_0", "Nightly backups with restore tests."),
                ("action", "continue"),
            ],
        ),
    ];
    for (path, fields) in steps {
        let r = app.submit(path, path, &fields).await;
        assert_eq!(
            r.status(),
            StatusCode::SEE_OTHER,
            "{path}: {}",
            r.text().await.unwrap()
        );
    }
}

/// Submits the filled application; returns its id.
pub async fn submit_direct(app: &TestApp) -> Uuid {
    let r = app
        .submit(
            "/enroll/direct/check",
            "/enroll/direct/submit",
            &[("authority", "yes")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let to = location(&r);
    assert!(to.starts_with("/applications/"), "{to}");
    Uuid::parse_str(to.trim_start_matches("/applications/")).unwrap()
}

async fn direct_count(app: &TestApp) -> i64 {
    sqlx::query_scalar("select count(*) from applications where program = 'direct_bill'")
        .fetch_one(&app.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn closed_intake_blocks_starting_and_submitting_on_the_server() {
    let app = TestApp::spawn().await;
    approved_reseller(&app, "closedco", "4100001", "13 months").await;
    sqlx::query("update program_settings set direct_bill_intake_open = false, direct_bill_reopens_on = current_date + 40, direct_bill_closed_message = 'We are updating the program terms.'")
        .execute(&app.db)
        .await
        .unwrap();
    app.settle_caches().await;
    let html = app.get("/enroll/direct").await.text().await.unwrap();
    assert!(texts(&html, "#intake-closed")[0].contains("We are updating the program terms."));
    assert_eq!(texts(&html, "#reopens-on").len(), 1);
    // Every sentence about the reopening says the date; an organisation that has enrolled
    // is not offered to enroll.
    let reopens = texts(&html, "#reopens-on")[0].clone();
    assert!(
        texts(&html, "#until-then")[0].contains(&reopens),
        "{reopens}"
    );
    assert!(
        attrs(&html, "main a[href='/enroll']", "href").is_empty(),
        "an enrolled organisation is not offered to enroll"
    );
    assert!(
        texts(&html, "#start").is_empty(),
        "no start button while closed"
    );
    // Posting anyway is refused.
    let r = app
        .submit("/enroll/direct", "/enroll/direct/start", &[])
        .await;
    assert_eq!(location(&r), "/enroll/direct");
    assert_eq!(direct_count(&app).await, 0);

    // Open, fill, close again: submitting is refused and the draft stays a draft.
    open_intake(&app).await;
    fill_direct(&app).await;
    sqlx::query("update program_settings set direct_bill_intake_open = false, direct_bill_reopens_on = current_date + 40")
        .execute(&app.db)
        .await
        .unwrap();
    app.settle_caches().await;
    let token = csrf_token(&app.get("/enroll/direct").await.text().await.unwrap());
    let r = app
        .client
        .post(app.url("/enroll/direct/submit"))
        .form(&[("authority", "yes"), ("csrf_token", &token)])
        .send()
        .await
        .unwrap();
    assert_eq!(location(&r), "/enroll/direct");
    let state: String =
        sqlx::query_scalar("select state from applications where program = 'direct_bill'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(state, "draft");
    // The wizard's steps are closed too.
    let r = app.get("/enroll/direct/support").await;
    assert_eq!(location(&r), "/enroll/direct");
}

#[tokio::test]
async fn tenure_counts_twelve_calendar_months_from_approval() {
    let app = TestApp::spawn().await;
    open_intake(&app).await;
    // 11 months and 29 days or so: one day short of 12 months.
    approved_reseller(&app, "tenureco", "4100002", "12 months - 1 day").await;
    let html = app.get("/enroll/direct").await.text().await.unwrap();
    let tomorrow: String =
        sqlx::query_scalar("select to_char(current_date + 1, 'FMDD FMMonth YYYY')")
            .fetch_one(&app.db)
            .await
            .unwrap();
    let items = texts(&html, "#eligibility li");
    assert!(
        items[1].contains("Not met") && items[1].contains(&format!("you meet this on {tomorrow}")),
        "{items:?}"
    );
    assert!(texts(&html, "#start").is_empty());
    let r = app
        .submit("/enroll/direct", "/enroll/direct/start", &[])
        .await;
    assert_eq!(location(&r), "/enroll/direct");
    assert_eq!(direct_count(&app).await, 0);

    // Exactly 12 months: eligible.
    let id = app.newest_application().await;
    sqlx::query("update applications set decided_at = (current_date - interval '12 months')::timestamptz + interval '12 hours' where application_id = $1")
        .bind(id)
        .execute(&app.db)
        .await
        .unwrap();
    let html = app.get("/enroll/direct").await.text().await.unwrap();
    assert!(
        texts(&html, "#eligibility li")
            .iter()
            .all(|t| t.contains("Met") && !t.contains("Not met"))
    );
    let r = app
        .submit("/enroll/direct", "/enroll/direct/start", &[])
        .await;
    assert_eq!(location(&r), "/enroll/direct/revenue");
    assert_eq!(direct_count(&app).await, 1);
}

#[tokio::test]
async fn agreement_and_partner_id_are_computed_requirements() {
    let app = TestApp::spawn().await;
    open_intake(&app).await;
    approved_reseller(&app, "reqco", "4100003", "2 years").await;
    sqlx::query("delete from agreement_acceptances")
        .execute(&app.db)
        .await
        .unwrap();
    sqlx::query("update partner_memberships set active = false")
        .execute(&app.db)
        .await
        .unwrap();
    let html = app.get("/enroll/direct").await.text().await.unwrap();
    let items = texts(&html, "#eligibility li");
    assert!(
        items[0].contains("Not met") && items[0].contains("partner agreement is not accepted"),
        "{items:?}"
    );
    assert!(items[1].contains("Met") && !items[1].contains("Not met"));
    assert!(items[2].contains("Not met") && items[2].contains("not active"));
    let r = app
        .submit("/enroll/direct", "/enroll/direct/start", &[])
        .await;
    assert_eq!(location(&r), "/enroll/direct");
    assert_eq!(direct_count(&app).await, 0);
    // An active partner ID in another country does not count either.
    sqlx::query("update partner_memberships set active = true, country_code = 'FR'")
        .execute(&app.db)
        .await
        .unwrap();
    let html = app.get("/enroll/direct").await.text().await.unwrap();
    let items = texts(&html, "#eligibility li");
    assert!(
        items[2].contains("Not met")
            && items[2].contains("does not belong to a company profile in Germany"),
        "{items:?}"
    );

    // Not a reseller at all: told to enroll first.
    let other = TestApp::spawn().await;
    open_intake(&other).await;
    other.sign_up("newbie").await;
    let html = other.get("/enroll/direct").await.text().await.unwrap();
    assert!(texts(&html, "#eligibility li")[0].contains("Enrol as an indirect reseller first"));
}

#[tokio::test]
async fn revenue_must_reach_the_minimum_and_be_evidenced() {
    let app = TestApp::spawn().await;
    open_intake(&app).await;
    approved_reseller(&app, "revco", "4100004", "13 months").await;
    app.submit("/enroll/direct", "/enroll/direct/start", &[])
        .await;
    // No evidence yet, and 299,999 is below the minimum.
    let r = post_revenue(&app, &app.me(), "299,999", "continue", None).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    let errors = error_summary(&html);
    assert!(
        errors.iter().any(|(f, m)| f == "#revenue"
            && m.contains("at least USD 300,000")
            && m.contains("US$299,999.00")),
        "{errors:?}"
    );
    assert!(errors.iter().any(|(f, _)| f == "#evidence"));
    assert_eq!(
        attr(&html, "#revenue", "value").as_deref(),
        Some("299,999"),
        "typed value kept"
    );
    // Upload, then exactly 300,000 passes.
    let r = post_revenue(
        &app,
        &app.me(),
        "300,000",
        "upload",
        Some(("proof.pdf", PDF.to_vec())),
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    // Enter in the amount field presses "Upload file" without a file: that continues.
    let r = post_revenue(&app, &app.me(), "300,000", "upload", None).await;
    assert_eq!(location(&r), "/enroll/direct/support");
    let cents: i64 = sqlx::query_scalar("select revenue_usd_cents from direct_bill_answers")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(cents, 30_000_000);
}

/// A fresh app whose signed-in client has started a direct-bill application.
async fn started_direct(prefix: &str, partner_id: &str) -> TestApp {
    let app = TestApp::spawn().await;
    open_intake(&app).await;
    approved_reseller(&app, prefix, partner_id, "13 months").await;
    app.submit("/enroll/direct", "/enroll/direct/start", &[])
        .await;
    app
}

#[tokio::test]
async fn uploads_are_typed_by_content_limited_in_size_and_number() {
    let app = started_direct("upco", "4100005").await;
    // A text file named .pdf is refused.
    let r = post_revenue(
        &app,
        &app.me(),
        "",
        "upload",
        Some(("fake.pdf", b"just text, not a PDF".to_vec())),
    )
    .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(texts(&html, "#evidence-error")[0].contains("PDF, PNG or JPEG"));
    // One byte over 10 MB is refused beside the field.
    let mut big = PDF.to_vec();
    big.resize(10 * 1024 * 1024 + 1, b' ');
    let r = post_revenue(&app, &app.me(), "", "upload", Some(("big.pdf", big))).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(texts(&r.text().await.unwrap(), "#evidence-error")[0].contains("10 MB"));
    // Exactly 10 MB is accepted; PNG and JPEG by their bytes whatever the name.
    let mut max = PDF.to_vec();
    max.resize(10 * 1024 * 1024, b' ');
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("max.pdf", max),
        ("screenshot.dat", b"\x89PNG\r\n\x1a\n0000".to_vec()),
        ("photo.jpg", b"\xFF\xD8\xFF\xE0rest".to_vec()),
        ("a.pdf", PDF.to_vec()),
        ("b.pdf", PDF.to_vec()),
    ];
    for (name, bytes) in files {
        let r = post_revenue(&app, &app.me(), "", "upload", Some((name, bytes))).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{name}");
    }
    let types: Vec<String> =
        sqlx::query_scalar("select content_type from application_documents order by uploaded_at")
            .fetch_all(&app.db)
            .await
            .unwrap();
    assert_eq!(types[1], "image/png");
    assert_eq!(types[2], "image/jpeg");
    // A sixth is refused.
    let r = post_revenue(&app, &app.me(), "", "upload", Some(("c.pdf", PDF.to_vec()))).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(texts(&r.text().await.unwrap(), "#evidence-error")[0].contains("up to 5 files"));
    // Without the CSRF token the upload is refused.
    let form = reqwest::multipart::Form::new()
        .text("action", "upload")
        .part(
            "evidence",
            reqwest::multipart::Part::bytes(PDF.to_vec()).file_name("x.pdf"),
        );
    let r = app
        .client
        .post(app.url("/enroll/direct/revenue"))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    // Removing one frees a place.
    let html = app
        .get("/enroll/direct/revenue")
        .await
        .text()
        .await
        .unwrap();
    let action = attr(&html, "#documents form", "action").unwrap();
    let r = app.submit("/enroll/direct/revenue", &action, &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let count: i64 = sqlx::query_scalar("select count(*) from application_documents")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(count, 4);
    app.assert_audited("direct_bill.document_removed").await;
}

#[tokio::test]
async fn uploaded_file_names_lose_bidirectional_text_controls() {
    let app = started_direct("bidico", "4100016").await;
    // A right-to-left override makes "invoice<RLO>fdp.exe" read as "invoiceexe.pdf".
    let r = post_revenue(
        &app,
        &app.me(),
        "",
        "upload",
        Some(("invoice\u{202E}fdp.exe", PDF.to_vec())),
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let html = app
        .get("/enroll/direct/revenue")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(texts(&html, "#documents li > a"), vec!["invoicefdp.exe"]);
    let stored: String = sqlx::query_scalar("select file_name from application_documents")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(stored, "invoicefdp.exe");
    // The database refuses such a name outright.
    let refused =
        sqlx::query("update application_documents set file_name = 'a' || chr(8238) || 'b'")
            .execute(&app.db)
            .await;
    assert!(refused.is_err());
}

#[tokio::test]
async fn evidence_is_downloadable_only_by_the_tenants_admins_and_staff() {
    let app = TestApp::spawn().await;
    open_intake(&app).await;
    let admin = approved_reseller(&app, "docco", "4100006", "13 months").await;
    app.submit("/enroll/direct", "/enroll/direct/start", &[])
        .await;
    post_revenue(
        &app,
        &app.me(),
        "",
        "upload",
        Some(("ledger.pdf", PDF.to_vec())),
    )
    .await;
    let (app_id, doc_id): (Uuid, Uuid) =
        sqlx::query_as("select application_id, document_id from application_documents")
            .fetch_one(&app.db)
            .await
            .unwrap();
    let path = format!("/applications/{app_id}/documents/{doc_id}");
    let r = app.get(&path).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "application/pdf");
    assert!(
        r.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    assert_eq!(r.bytes().await.unwrap().as_ref(), PDF);

    // A sales agent of the same tenant may not.
    let agent = app.add_user(&admin, "sales_agent").await;
    let agent_client = signed_in(&app, &agent).await;
    assert_eq!(
        agent_client.open(&path).await.status(),
        StatusCode::FORBIDDEN
    );
    // Another tenant's admin sees nothing there.
    let stranger = app.browser();
    stranger.sign_up("strangerco").await;
    assert_eq!(stranger.open(&path).await.status(), StatusCode::NOT_FOUND);
    // Signed out: sent to sign in.
    assert_eq!(
        app.browser().open(&path).await.status(),
        StatusCode::SEE_OTHER
    );
    // Staff see only submitted applications: a draft and its files are not theirs yet.
    let reviewer = app.staff("reviewer@localhost", "reviewer").await;
    let staff = &reviewer.client;
    assert_eq!(
        staff.open(&format!("/admin{path}")).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        staff
            .open(&format!("/admin/applications/{app_id}"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    fill_direct(&app).await;
    assert_eq!(submit_direct(&app).await, app_id);
    // Once submitted, staff use their own route; a partner session cannot.
    let r = staff.open(&format!("/admin{path}")).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.bytes().await.unwrap().as_ref(), PDF);
    assert_ne!(
        app.get(&format!("/admin{path}")).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn managed_service_rows_are_added_and_removed_without_javascript() {
    let app = TestApp::spawn().await;
    open_intake(&app).await;
    approved_reseller(&app, "rowco", "4100007", "13 months").await;
    app.submit("/enroll/direct", "/enroll/direct/start", &[])
        .await;
    let path = "/enroll/direct/services";
    let r = app
        .submit(
            path,
            path,
            &[
                ("kind_0", "ip_service"),
                ("name_0", "Tariff tool"),
                ("description_0", ""),
                ("action", "add"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let html = r.text().await.unwrap();
    assert_eq!(texts(&html, "fieldset.service-row").len(), 2);
    assert_eq!(
        attr(&html, "#name_0", "value").as_deref(),
        Some("Tariff tool")
    );
    // Continue with an unfinished row: errors beside the fields, answers kept.
    let r = app
        .submit(
            path,
            path,
            &[
                ("kind_0", "ip_service"),
                ("name_0", "Tariff tool"),
                ("description_0", ""),
                ("kind_1", "customer_solution"),
                ("name_1", "Shop"),
                ("description_1", "Web shop"),
                ("action", "continue"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert_eq!(error_summary(&html)[0].0, "#description_0");
    assert_eq!(attr(&html, "#name_1", "value").as_deref(), Some("Shop"));
    // Remove the unfinished row, then continue.
    let r = app
        .submit(
            path,
            path,
            &[
                ("kind_0", "ip_service"),
                ("name_0", "Tariff tool"),
                ("description_0", ""),
                ("kind_1", "customer_solution"),
                ("name_1", "Shop"),
                ("description_1", "Web shop"),
                ("action", "remove-0"),
            ],
        )
        .await;
    let html = r.text().await.unwrap();
    assert_eq!(texts(&html, "fieldset.service-row").len(), 1);
    assert_eq!(attr(&html, "#name_0", "value").as_deref(), Some("Shop"));
    let r = app
        .submit(
            path,
            path,
            &[
                ("kind_0", "customer_solution"),
                ("name_0", "Shop"),
                ("description_0", "Web shop"),
                ("action", "continue"),
            ],
        )
        .await;
    assert_eq!(location(&r), "/enroll/direct/check");
    // Nothing at all is refused.
    let r = app
        .submit(
            path,
            path,
            &[
                ("kind_0", ""),
                ("name_0", ""),
                ("description_0", ""),
                ("action", "continue"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

/// Records a check as `staff` on the detail page's form.
async fn record(
    staff: &Browser<'_>,
    id: Uuid,
    step: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let page = format!("/admin/applications/{id}");
    let html = staff.html(&page).await;
    let version =
        attr(&html, "#direct-bill input[name=version]", "value").unwrap_or_else(|| "0".into());
    let mut all = fields.to_vec();
    all.push(("version", &version));
    staff
        .submit(&page, &format!("{page}/checks/{step}"), &all)
        .await
}

async fn checks_recorded(app: &TestApp) -> Vec<(String, String)> {
    sqlx::query_as("select step, outcome from direct_bill_checks order by recorded_at")
        .fetch_all(&app.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn back_office_steps_run_in_order_and_approval_starts_the_reassessment_clock() {
    let app = TestApp::spawn().await;
    open_intake(&app).await;
    approved_reseller(&app, "orderco", "4100008", "13 months").await;
    fill_direct(&app).await;
    let id = submit_direct(&app).await;
    // Submitted straight into review, e-mailed, and the status page lists the requirements.
    let state: String =
        sqlx::query_scalar("select state from applications where application_id = $1")
            .bind(id)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(state, "in_review");
    app.email_to(CONTACT_EMAIL, "being reviewed").await;
    let status = app
        .get(&format!("/applications/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(texts(&status, "#requirements > div").len(), 8);
    assert!(status.contains("data-status=\"pending\""));

    let reviewer = app.staff("reviewer@localhost", "reviewer").await;
    let staff = &reviewer.client;
    // It is in the same queue, under the program filter.
    let queue = staff.html("/admin/applications?program=direct_bill").await;
    assert!(queue.contains(&format!("/admin/applications/{id}")));
    let queue = staff
        .html("/admin/applications?program=indirect_reseller")
        .await;
    assert!(!queue.contains(&format!("/admin/applications/{id}")));
    let detail = app.staff_detail(staff, id).await;
    assert!(texts(&detail, "#declared-revenue")[0].contains("US$350,000.00"));
    assert_eq!(texts(&detail, "#evidence a").len(), 1);
    assert!(
        !texts(&detail, "#approve-blocked").is_empty(),
        "approve offered only after the checks"
    );
    // Out of order: refused, nothing recorded.
    let r = record(staff, id, "credit_check", &[("outcome", "passed")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = record(
        staff,
        id,
        "assessment_scheduled",
        &[("assessment_on", "2099-01-15"), ("assessor", "Audit GmbH")],
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(checks_recorded(&app).await.is_empty());
    // The database refuses it as well.
    let refused = sqlx::query("insert into direct_bill_checks (application_id, step, outcome, recorded_by_name) values ($1, 'credit_check', 'passed', 'x')")
        .bind(id)
        .execute(&app.db)
        .await;
    assert!(refused.is_err());
    let refused =
        sqlx::query("update applications set state = 'approved' where application_id = $1")
            .bind(id)
            .execute(&app.db)
            .await;
    assert!(
        refused.is_err(),
        "the database refuses an early approval too"
    );
    // The approval page says up front why it would be refused...
    let approve_page = staff
        .html(&format!("/admin/applications/{id}/decide/approve"))
        .await;
    assert!(
        error_summary(&approve_page)[0]
            .1
            .contains("Still open: Revenue and tenure confirmed")
    );
    // Approving now is refused with the reason.
    let r = reviewer.decide(id, "approve", "").await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("every requirement check has passed")
    );

    // A failed check needs a note.
    let r = record(staff, id, "revenue_tenure", &[("outcome", "failed")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // In order.
    let r = record(staff, id, "revenue_tenure", &[("outcome", "passed")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    app.email_to(CONTACT_EMAIL, "Revenue and tenure confirmed")
        .await;
    let r = record(
        staff,
        id,
        "credit_check",
        &[("outcome", "passed"), ("check_note", "Rating A")],
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let credit = app.email_to(CONTACT_EMAIL, "Credit check passed").await;
    assert!(
        credit
            .body_text
            .contains("You may now buy the vendor support plan")
    );
    let r = record(
        staff,
        id,
        "assessment_scheduled",
        &[("assessment_on", "2020-01-01"), ("assessor", "Audit GmbH")],
    )
    .await;
    assert_eq!(
        r.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a past date is refused"
    );
    let r = record(
        staff,
        id,
        "assessment_scheduled",
        &[("assessment_on", "2099-01-15"), ("assessor", "Audit GmbH")],
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    app.email_to(CONTACT_EMAIL, "Capability assessment scheduled")
        .await;
    let r = record(staff, id, "assessment_result", &[("outcome", "passed")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(checks_recorded(&app).await.len(), 4);
    let audits: i64 = sqlx::query_scalar(
        "select count(*) from audit_events where action = 'direct_bill.check_recorded'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(audits, 4);
    let status = app
        .get(&format!("/applications/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        !status.contains("data-status=\"pending\""),
        "every requirement verified: {:?}",
        texts(&status, "#requirements > div")
    );

    // Approve: the tenant becomes a direct-bill partner with its reassessment a year out.
    let r = reviewer.decide(id, "approve", "").await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (due, expected_due, reminder_at, expected_reminder): (time::Date, time::Date, time::OffsetDateTime, time::OffsetDateTime) = sqlx::query_as(
        "select p.reassessment_due_on, (current_date + interval '12 months')::date, o.next_attempt_at,
                ((current_date + interval '12 months')::date - 30)::timestamp at time zone 'UTC' + interval '8 hours'
         from direct_bill_partners p join email_outbox o on o.email_id = p.reminder_email_id",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(due, expected_due);
    assert_eq!(reminder_at, expected_reminder);
    let reminder_to: String = sqlx::query_scalar("select recipient::text from email_outbox o join direct_bill_partners p on o.email_id = p.reminder_email_id")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(reminder_to, CONTACT_EMAIL);
    app.email_to(CONTACT_EMAIL, "Approved").await;
    let dashboard = app.get("/dashboard").await.text().await.unwrap();
    let due_words: String = sqlx::query_scalar(
        "select to_char(current_date + interval '12 months', 'FMDD FMMonth YYYY')",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(texts(&dashboard, "#reassessment-due"), vec![due_words]);

    // The back office lists it when due or overdue.
    let list = staff.html("/admin/direct-bill").await;
    assert!(texts(&list, "#partners").is_empty(), "not due yet");
    assert_eq!(
        texts(
            &staff.html("/admin/direct-bill?show=all").await,
            "#partners tbody tr"
        )
        .len(),
        1
    );
    sqlx::query("update direct_bill_partners set reassessment_due_on = current_date - 3")
        .execute(&app.db)
        .await
        .unwrap();
    let list = staff.html("/admin/direct-bill").await;
    assert_eq!(
        attr(&list, "#partners tbody tr", "data-standing").as_deref(),
        Some("overdue")
    );
}

/// Takes an application through every check and approval with the operator admin.
async fn approve_direct<'a>(app: &'a TestApp, id: Uuid) -> Browser<'a> {
    let reviewer = app.staff("approver@localhost", "reviewer").await;
    let staff = reviewer.client.clone();
    for (step, fields) in [
        ("revenue_tenure", vec![("outcome", "passed")]),
        ("credit_check", vec![("outcome", "passed")]),
        (
            "assessment_scheduled",
            vec![("assessment_on", "2099-02-01"), ("assessor", "Audit GmbH")],
        ),
        ("assessment_result", vec![("outcome", "passed")]),
    ] {
        let r = record(&staff, id, step, &fields).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{step}");
    }
    let r = reviewer.decide(id, "approve", "").await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    staff
}

#[tokio::test]
async fn a_partner_or_staff_can_move_a_direct_bill_partner_back_to_indirect() {
    let app = TestApp::spawn().await;
    open_intake(&app).await;
    let admin = approved_reseller(&app, "backco", "4100009", "13 months").await;
    fill_direct(&app).await;
    let id = submit_direct(&app).await;
    let staff = approve_direct(&app, id).await;

    // The partner's global admin: a confirmation page saying what changes, then the move.
    let html = app
        .get("/direct-bill/transition")
        .await
        .text()
        .await
        .unwrap();
    assert!(texts(&html, "#what-changes")[0].contains("indirect provider"));
    let r = app
        .submit(
            "/direct-bill/transition",
            "/direct-bill/transition",
            &[("reason", "Simpler for us.")],
        )
        .await;
    assert_eq!(location(&r), "/dashboard");
    let (status, reminder): (String, Option<Uuid>) =
        sqlx::query_as("select status, reminder_email_id from direct_bill_partners")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(status, "transitioned");
    let pending: i64 = sqlx::query_scalar("select count(*) from email_outbox where email_id = $1")
        .bind(reminder)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(pending, 0, "the reminder is withdrawn");
    let mail = app.email_to(&admin, "indirect reseller again").await;
    assert!(mail.body_text.contains("Simpler for us."));
    app.assert_audited("direct_bill.transitioned_to_indirect")
        .await;
    let dashboard = app.get("/dashboard").await.text().await.unwrap();
    assert!(texts(&dashboard, "#reassessment-due").is_empty());

    // Staff: approve again (a new application), then move it with a required reason.
    sqlx::query("update direct_bill_partners set status = 'active', transitioned_at = null")
        .execute(&app.db)
        .await
        .unwrap();
    let tenant: Uuid = sqlx::query_scalar("select tenant_id from direct_bill_partners")
        .fetch_one(&app.db)
        .await
        .unwrap();
    // Listed as an indirect provider with a reseller: the listing goes with the standing.
    sqlx::query("insert into provider_regions (tenant_id, csp_region) values ($1, 'europe')")
        .bind(tenant)
        .execute(&app.db)
        .await
        .unwrap();
    let _reseller = crate::partners::account(&app, "backres", "DE").await;
    sqlx::query(
        "insert into partnerships (partnership_id, provider_tenant_id, reseller_tenant_id)
         select gen_random_uuid(), $1, tenant_id from tenants where domain_prefix = 'backres'",
    )
    .bind(tenant)
    .execute(&app.db)
    .await
    .unwrap();
    let page = format!("/admin/direct-bill/{tenant}/transition");
    let r = staff.submit(&page, &page, &[("reason", " ")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = staff
        .submit(
            &page,
            &page,
            &[("reason", "Revenue fell below the minimum.")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (status, label): (String, String) =
        sqlx::query_as("select status, transitioned_by_label from direct_bill_partners")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(status, "transitioned");
    assert!(label.contains("Operator staff"));
    let mail = app.email_to(&admin, "indirect reseller again").await;
    assert!(mail.body_text.contains("Revenue fell below the minimum."));
    let listed: i64 = sqlx::query_scalar("select count(*) from provider_regions")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(listed, 0, "withdrawn from the provider directory");
    let told = app
        .email_to(&admin, "no longer listed as an indirect provider")
        .await;
    assert!(told.body_text.contains("direct-bill standing has ended"));
    let told = app
        .email_to(
            "admin@backres.example.com",
            "no longer listed as an indirect provider",
        )
        .await;
    assert!(told.body_text.contains("Your partnership with"));
    let active: i64 =
        sqlx::query_scalar("select count(*) from partnerships where state = 'active'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(active, 1, "the partnership stays");
    // A partner's user who is not a global admin cannot ask for it.
    let agent = app.add_user(&admin, "sales_agent").await;
    let agent_client = signed_in(&app, &agent).await;
    assert_ne!(
        agent_client.open("/direct-bill/transition").await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn information_requests_work_for_direct_bill_as_for_resellers() {
    let app = TestApp::spawn().await;
    open_intake(&app).await;
    approved_reseller(&app, "infoco", "4100010", "13 months").await;
    fill_direct(&app).await;
    let id = submit_direct(&app).await;
    let reviewer = app.staff("asker@localhost", "reviewer").await;
    let r = reviewer
        .decide(id, "request-info", "Please add your Q3 statement.")
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    // While information is requested, evidence can be added even with intake closed.
    sqlx::query("update program_settings set direct_bill_intake_open = false, direct_bill_reopens_on = current_date + 10").execute(&app.db).await.unwrap();
    app.settle_caches().await;
    let r = post_revenue(
        &app,
        &app.me(),
        "350,000",
        "upload",
        Some(("q3.pdf", PDF.to_vec())),
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = app.answer_info_request(id, "Q3 statement uploaded.").await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let state: String =
        sqlx::query_scalar("select state from applications where application_id = $1")
            .bind(id)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(state, "in_review");
    assert_eq!(texts(&reviewer.detail(id).await, "#evidence a").len(), 2);
    // Withdrawn, it is linked from the overview as the previous application.
    let status = format!("/applications/{id}");
    let r = app
        .submit(
            &format!("{status}/withdraw"),
            &format!("{status}/withdraw"),
            &[],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let html = app.get("/enroll/direct").await.text().await.unwrap();
    assert!(texts(&html, "#previous")[0].contains("withdrawn"));
}

#[tokio::test]
async fn a_recorded_reassessment_moves_the_due_date_and_the_reminder() {
    let app = TestApp::spawn().await;
    open_intake(&app).await;
    approved_reseller(&app, "yearco", "4100011", "13 months").await;
    fill_direct(&app).await;
    let id = submit_direct(&app).await;
    let staff = approve_direct(&app, id).await;
    sqlx::query("update direct_bill_partners set reassessment_due_on = current_date - 2")
        .execute(&app.db)
        .await
        .unwrap();
    let (tenant, old_reminder): (Uuid, Uuid) =
        sqlx::query_as("select tenant_id, reminder_email_id from direct_bill_partners")
            .fetch_one(&app.db)
            .await
            .unwrap();
    let list = staff.html("/admin/direct-bill").await;
    assert_eq!(
        attr(&list, "#partners tbody tr", "data-standing").as_deref(),
        Some("overdue")
    );

    let page = format!("/admin/direct-bill/{tenant}/reassessment");
    // A future day and a missing assessor are refused beside the fields, answers kept.
    let r = staff
        .submit(
            &page,
            &page,
            &[
                ("assessed_on", "2999-01-01"),
                ("assessor", ""),
                ("note", "All fine"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    let fields: Vec<String> = error_summary(&html).into_iter().map(|(f, _)| f).collect();
    assert_eq!(fields, vec!["#assessed_on", "#assessor"]);
    assert_eq!(texts(&html, "#note"), vec!["All fine".to_owned()]);

    let yesterday: String = sqlx::query_scalar("select to_char(current_date - 1, 'YYYY-MM-DD')")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let r = staff
        .submit(
            &page,
            &page,
            &[
                ("assessed_on", &yesterday),
                ("assessor", "Audit GmbH"),
                ("note", ""),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (due, expected, reminder): (time::Date, time::Date, Uuid) = sqlx::query_as(
        "select reassessment_due_on, (current_date - 1 + interval '12 months')::date, reminder_email_id from direct_bill_partners",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(due, expected);
    assert_ne!(reminder, old_reminder);
    let old_left: i64 = sqlx::query_scalar("select count(*) from email_outbox where email_id = $1")
        .bind(old_reminder)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(old_left, 0);
    let history: i64 = sqlx::query_scalar("select count(*) from direct_bill_reassessments")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(history, 1);
    app.assert_audited("direct_bill.reassessed").await;
    app.email_to(CONTACT_EMAIL, "reassessment has passed").await;
    let list = staff.html("/admin/direct-bill").await;
    assert!(texts(&list, "#partners").is_empty());
}

#[tokio::test]
async fn an_amount_saved_with_an_upload_is_still_checked_before_submitting() {
    let app = TestApp::spawn().await;
    open_intake(&app).await;
    approved_reseller(&app, "sneakco", "4100012", "13 months").await;
    fill_direct(&app).await;
    // Back on the revenue step, a low amount typed before uploading is kept with the draft...
    let r = post_revenue(
        &app,
        &app.me(),
        "1,000",
        "upload",
        Some(("more.pdf", PDF.to_vec())),
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    // ...but the check page does not offer submitting, and submitting anyway is refused.
    let html = app.get("/enroll/direct/check").await.text().await.unwrap();
    assert!(texts(&html, "#submit").is_empty());
    assert!(attr(&html, "#missing a", "href").is_some_and(|h| h == "/enroll/direct/revenue"));
    let token = csrf_token(&html);
    let r = app
        .client
        .post(app.url("/enroll/direct/submit"))
        .form(&[("authority", "yes"), ("csrf_token", &token)])
        .send()
        .await
        .unwrap();
    assert_eq!(location(&r), "/enroll/direct/revenue");
    assert_eq!(app.application_state().await, "draft");
}
