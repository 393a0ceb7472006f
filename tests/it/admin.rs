use crate::helpers::*;
use reqwest::StatusCode;

#[tokio::test]
async fn the_first_operator_admin_signs_in_to_the_back_office() {
    let app = TestApp::spawn().await;
    let staff = app.browser();
    let response = staff.staff_sign_in().await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/admin/applications");
    let html = staff.html("/admin/applications").await;
    assert_eq!(texts(&html, "h1"), vec!["Applications"]);
    assert_eq!(texts(&html, ".site-nav .person"), vec!["Operator admin"]);
    let admins: i64 =
        sqlx::query_scalar("select count(*) from operator_staff where role = 'operator_admin'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(admins, 1);
    app.assert_audited("staff.bootstrapped").await;
    app.assert_audited("user.signed_in").await;

    let out = staff
        .submit("/admin/applications", "/admin/signout", &[])
        .await;
    assert_eq!(location(&out), "/admin/signin");
    assert_eq!(
        location(&staff.open("/admin/applications").await),
        "/admin/signin"
    );
}

#[tokio::test]
async fn a_generated_admin_password_is_shown_once_and_must_be_changed() {
    let db = fresh_database().await;
    let mut config = test_config();
    config.operator_admin_password = None;
    let hasher = partner_portal::auth::PasswordHasher::new();
    let password = partner_portal::flows::staff::bootstrap_operator_admin(&db, &hasher, &config)
        .await
        .unwrap()
        .expect("a generated password");
    assert_eq!(
        partner_portal::flows::staff::bootstrap_operator_admin(&db, &hasher, &config)
            .await
            .unwrap(),
        None,
        "only once"
    );
    let must: bool = sqlx::query_scalar("select must_change_password from operator_staff")
        .fetch_one(&db)
        .await
        .unwrap();
    assert!(must);

    let mut config = config.clone();
    config.database_url = {
        let name: String = sqlx::query_scalar("select current_database()")
            .fetch_one(&db)
            .await
            .unwrap();
        format!("{}/{name}", database_server())
    };
    let app = TestApp::spawn_config(config).await;
    let staff = app.browser();
    let response = staff
        .submit(
            "/admin/signin",
            "/admin/signin",
            &[("email", "admin@localhost"), ("password", &password)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&staff.open("/admin/applications").await),
        "/admin/password",
        "nothing else until it is changed"
    );
    let page = staff.html("/admin/password").await;
    assert!(!texts(&page, "#must-change").is_empty());
    let weak = staff
        .submit(
            "/admin/password",
            "/admin/password",
            &[
                ("current_password", &password),
                ("new_password", "password1234"),
            ],
        )
        .await;
    assert_eq!(weak.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let changed = staff
        .submit(
            "/admin/password",
            "/admin/password",
            &[
                ("current_password", &password),
                ("new_password", STAFF_PASSWORD),
            ],
        )
        .await;
    assert_eq!(location(&changed), "/admin/applications");
    assert_eq!(
        staff.open("/admin/applications").await.status(),
        StatusCode::OK
    );
    app.assert_audited("staff.password_changed").await;
}

#[tokio::test]
async fn staff_lock_out_after_ten_failures_like_partners() {
    let app = TestApp::spawn().await;
    let staff = app.browser();
    for _ in 0..10 {
        let r = staff
            .submit(
                "/admin/signin",
                "/admin/signin",
                &[
                    ("email", "admin@localhost"),
                    ("password", "wrong password here"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    let refused = staff.staff_sign_in().await;
    assert_eq!(
        refused.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "locked even with the right password"
    );
    let realm: String =
        sqlx::query_scalar("select realm from sign_in_guards where locked_until > now()")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(realm, "staff");
    app.assert_audited("user.locked").await;

    // Another operator admin sees the lock and clears it; the owner is back in at once.
    let colleague = app
        .staff_client("second.admin@localhost", "operator_admin")
        .await;
    let html = colleague.html("/admin/staff").await;
    assert!(texts(&html, "#staff .locked")[0].contains("sign-in locked from one place"));
    let action = attr(&html, "form[action$='/clear-locks']", "action").unwrap();
    let cleared = colleague.submit("/admin/staff", &action, &[]).await;
    assert_eq!(cleared.status(), StatusCode::SEE_OTHER);
    app.assert_audited("staff.sign_in_locks_cleared").await;
    assert_eq!(staff.staff_sign_in().await.status(), StatusCode::SEE_OTHER);
    // A reviewer may not clear locks.
    let reviewer = app.staff_client("reviewer@localhost", "reviewer").await;
    let refused = reviewer.submit("/admin/applications", &action, &[]).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn partners_reach_no_admin_page_and_staff_no_partner_page() {
    let app = TestApp::spawn().await;
    app.sign_up("partnerside").await;
    for path in ["/admin/applications", "/admin/password"] {
        assert_eq!(location(&app.get(path).await), "/admin/signin", "{path}");
    }
    let staff = app.browser();
    staff.staff_sign_in().await;
    for path in ["/dashboard", "/enroll", "/account/password", "/agreement"] {
        let r = staff.open(path).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{path}");
        assert!(location(&r).starts_with("/signin"), "{path}");
    }
    // Partner credentials do not open the back office, nor staff credentials the portal.
    let r = app
        .browser()
        .submit(
            "/admin/signin",
            "/admin/signin",
            &[
                ("email", "admin@partnerside.example.com"),
                ("password", STRONG_PASSWORD),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = app
        .browser()
        .submit(
            "/signin",
            "/signin",
            &[("email", "admin@localhost"), ("password", STAFF_PASSWORD)],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn the_queue_shows_in_review_oldest_first_with_counts_and_flags() {
    let app = TestApp::spawn().await;
    app.insert_application("newest", "DE", "in_review", 1, "Newest GmbH")
        .await;
    app.insert_application("oldest", "FR", "in_review", 30, "Oldest SARL")
        .await;
    app.insert_application("middle", "US", "in_review", 3, "Middle Inc")
        .await;
    app.insert_application(
        "waiting",
        "DE",
        "awaiting_contact_verification",
        2,
        "Waiting AG",
    )
    .await;
    app.insert_application("done", "DE", "approved", 40, "Done AG")
        .await;
    let staff = app.browser();
    staff.staff_sign_in().await;
    let html = staff.html("/admin/applications").await;
    assert_eq!(
        texts(&html, "#queue a.organisation"),
        vec!["Oldest SARL", "Middle Inc", "Newest GmbH"]
    );
    assert_eq!(
        texts(&html, "#queue tr.flagged a.organisation"),
        vec!["Oldest SARL"]
    );
    assert_eq!(
        texts(&html, "#state-counts a[data-state=in_review] .count"),
        vec!["3"]
    );
    assert_eq!(
        texts(&html, "#state-counts a[data-state=approved] .count"),
        vec!["1"]
    );

    let all = staff.html("/admin/applications?state=all").await;
    assert_eq!(texts(&all, "#queue a.organisation").len(), 5);
    let by_country = staff.html("/admin/applications?state=all&country=DE").await;
    assert_eq!(
        texts(&by_country, "#queue a.organisation"),
        vec!["Done AG", "Waiting AG", "Newest GmbH"]
    );
    let by_region = staff.html("/admin/applications?state=all&region=us").await;
    assert_eq!(
        texts(&by_region, "#queue a.organisation"),
        vec!["Middle Inc"]
    );
    let bad = staff
        .open("/admin/applications?state=nonsense&after=garbage&country=%27")
        .await;
    assert_eq!(
        bad.status(),
        StatusCode::OK,
        "bad filters are ignored, never a 500"
    );
}

#[tokio::test]
async fn the_queue_searches_by_name_domain_partner_id_and_contact() {
    let app = TestApp::spawn().await;
    app.insert_application("alpha", "DE", "in_review", 3, "Alpha Systems GmbH")
        .await;
    app.insert_application("beta", "DE", "in_review", 2, "Beta 100% Cloud AG")
        .await;
    sqlx::query("insert into partner_memberships (partner_id, organisation_name, country_code) values ('7654321', 'Beta', 'DE')").execute(&app.db).await.unwrap();
    sqlx::query("update applications set partner_id = '7654321' where legal_name like 'Beta%'")
        .execute(&app.db)
        .await
        .unwrap();
    let staff = app.browser();
    staff.staff_sign_in().await;
    for (q, expected) in [
        ("systems", "Alpha Systems GmbH"),
        ("100%", "Beta 100% Cloud AG"),
        ("bet", "Beta 100% Cloud AG"),
        ("7654321", "Beta 100% Cloud AG"),
        ("contact@alpha.example.com", "Alpha Systems GmbH"),
    ] {
        let html = staff
            .open(&format!(
                "/admin/applications?q={}",
                q.replace('%', "%25").replace('@', "%40")
            ))
            .await
            .text()
            .await
            .unwrap();
        assert_eq!(texts(&html, "#queue a.organisation"), vec![expected], "{q}");
    }
    let none = staff.html("/admin/applications?q=zzz").await;
    assert!(!texts(&none, "#queue-empty").is_empty());
}

#[tokio::test]
async fn the_queue_pages_by_fifty_without_gaps_or_repeats() {
    let app = TestApp::spawn().await;
    let mut tx = app.db.begin().await.unwrap();
    sqlx::query(
        "insert into tenants (tenant_id, name, domain_prefix, country_code, billing_currency)
         select gen_random_uuid(), 'Tenant ' || i, 'tenant-' || i, 'DE', 'EUR' from generate_series(1, 120) i",
    )
    .execute(&mut *tx)
    .await
    .unwrap();
    // Many share one submission time, so the id must break ties.
    sqlx::query(
        "insert into applications (application_id, tenant_id, program, state, legal_name, submitted_at)
         select gen_random_uuid(), tenant_id, 'indirect_reseller', 'in_review', name, date_trunc('day', now()) - interval '1 day' * (row_number() over (order by name) % 7)
         from tenants",
    )
    .execute(&mut *tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let staff = app.browser();
    staff.staff_sign_in().await;
    let mut seen = Vec::new();
    let mut path = "/admin/applications".to_owned();
    let mut pages = 0;
    loop {
        let html = staff.html(&path).await;
        let ids: Vec<String> = {
            let doc = scraper::Html::parse_document(&html);
            let sel = scraper::Selector::parse("#queue tbody tr").unwrap();
            doc.select(&sel)
                .map(|tr| tr.value().attr("data-id").unwrap().to_owned())
                .collect()
        };
        pages += 1;
        assert!(ids.len() <= 50);
        seen.extend(ids);
        match attr(&html, "#next-page", "href") {
            Some(next) => path = next,
            None => break,
        }
    }
    assert_eq!(pages, 3);
    let expected: Vec<String> = sqlx::query_scalar(
        "select application_id::text from applications where state = 'in_review' order by submitted_at, application_id",
    )
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert_eq!(seen, expected);
}

#[tokio::test]
async fn an_operator_admin_invites_staff_who_join_by_the_link() {
    let app = TestApp::spawn().await;
    let admin = app.browser();
    admin.staff_sign_in().await;
    let bad = admin
        .submit(
            "/admin/staff",
            "/admin/staff/invite",
            &[("full_name", ""), ("email", "nope"), ("role", "king")],
        )
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let targets: Vec<String> = error_summary(&bad.text().await.unwrap())
        .into_iter()
        .map(|(t, _)| t)
        .collect();
    assert_eq!(targets, vec!["#email", "#full_name", "#role"]);

    let sent = admin
        .submit(
            "/admin/staff",
            "/admin/staff/invite",
            &[
                ("full_name", "Rita Reviewer"),
                ("email", "rita@operator.example.com"),
                ("role", "reviewer"),
            ],
        )
        .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let link = app
        .email_to("rita@operator.example.com", "invited")
        .await
        .link_path(&app.address);
    let html = admin.html("/admin/staff").await;
    assert!(texts(&html, "#pending .email")[0].contains("rita@operator.example.com"));

    let rita = app.browser();
    assert_eq!(rita.open(&link).await.status(), StatusCode::OK);
    let weak = rita
        .submit(&link, &link, &[("password", "password1234")])
        .await;
    assert_eq!(weak.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let joined = rita
        .submit(
            &link,
            &link,
            &[("password", "copper lantern orbit mango 4")],
        )
        .await;
    assert_eq!(location(&joined), "/admin/applications");
    assert_eq!(
        rita.open("/admin/applications").await.status(),
        StatusCode::OK
    );
    assert_eq!(
        rita.open("/admin/staff").await.status(),
        StatusCode::FORBIDDEN,
        "reviewers do not manage staff"
    );
    assert_eq!(
        app.browser().open(&link).await.status(),
        StatusCode::NOT_FOUND,
        "single use"
    );
    app.assert_audited("staff.invited").await;
    app.assert_audited("staff.joined").await;

    // Disabling ends Rita's session and her sign-in.
    let rita_id = app.staff_id("rita@operator.example.com").await;
    let off = admin
        .submit(
            "/admin/staff",
            &format!("/admin/staff/{rita_id}/disable"),
            &[],
        )
        .await;
    assert_eq!(off.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&rita.open("/admin/applications").await),
        "/admin/signin"
    );
    let again = app
        .browser()
        .submit(
            "/admin/signin",
            "/admin/signin",
            &[
                ("email", "rita@operator.example.com"),
                ("password", "copper lantern orbit mango 4"),
            ],
        )
        .await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let admin_id: uuid::Uuid =
        sqlx::query_scalar("select staff_id from operator_staff where role = 'operator_admin'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    let myself = admin
        .submit(
            "/admin/staff",
            &format!("/admin/staff/{admin_id}/disable"),
            &[],
        )
        .await;
    assert_eq!(
        myself.status(),
        StatusCode::FORBIDDEN,
        "an admin cannot lock themself out"
    );
}

#[tokio::test]
async fn invitations_can_be_resent_revoked_and_expire() {
    let app = TestApp::spawn().await;
    let admin = app.browser();
    admin.staff_sign_in().await;
    admin
        .submit(
            "/admin/staff",
            "/admin/staff/invite",
            &[
                ("full_name", "Sam Staff"),
                ("email", "sam@operator.example.com"),
                ("role", "operator_admin"),
            ],
        )
        .await;
    let first = app
        .email_to("sam@operator.example.com", "invited")
        .await
        .link_path(&app.address);
    let id: uuid::Uuid = sqlx::query_scalar("select invitation_id from staff_invitations")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let resent = admin
        .submit(
            "/admin/staff",
            &format!("/admin/staff/invitations/{id}/resend"),
            &[],
        )
        .await;
    assert_eq!(resent.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.emails_to("sam@operator.example.com").await, 2);
    let second = app
        .email_to("sam@operator.example.com", "invited")
        .await
        .link_path(&app.address);
    assert_ne!(first, second);
    assert_eq!(
        app.get(&first).await.status(),
        StatusCode::NOT_FOUND,
        "the old link stops working"
    );
    assert_eq!(app.get(&second).await.status(), StatusCode::OK);

    sqlx::query("update staff_invitations set expires_at = now() - interval '1 second' where revoked_at is null").execute(&app.db).await.unwrap();
    assert_eq!(
        app.get(&second).await.status(),
        StatusCode::NOT_FOUND,
        "expired"
    );
    let pending: uuid::Uuid =
        sqlx::query_scalar("select invitation_id from staff_invitations where revoked_at is null")
            .fetch_one(&app.db)
            .await
            .unwrap();
    let revoked = admin
        .submit(
            "/admin/staff",
            &format!("/admin/staff/invitations/{pending}/revoke"),
            &[],
        )
        .await;
    assert_eq!(revoked.status(), StatusCode::SEE_OTHER);
    let html = admin.html("/admin/staff").await;
    assert!(!texts(&html, "#no-pending").is_empty());
    let twice = admin
        .submit(
            "/admin/staff",
            &format!("/admin/staff/invitations/{pending}/revoke"),
            &[],
        )
        .await;
    assert_eq!(twice.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_state_counts_kept_by_trigger_match_a_full_count() {
    let app = TestApp::spawn().await;
    for i in 0..6 {
        app.insert_application(
            &format!("count-{i}"),
            "DE",
            "awaiting_contact_verification",
            i,
            "Count AG",
        )
        .await;
    }
    sqlx::query("update applications set state = 'in_review' where legal_name = 'Count AG' and submitted_at < now() - interval '2 days'").execute(&app.db).await.unwrap();
    sqlx::query("update applications set state = 'approved' where state = 'in_review' and submitted_at < now() - interval '4 days'").execute(&app.db).await.unwrap();
    sqlx::query("update applications set state = 'withdrawn' where state = 'awaiting_contact_verification' and submitted_at > now() - interval '12 hours'").execute(&app.db).await.unwrap();
    sqlx::query("delete from applications where state = 'approved' and submitted_at < now() - interval '4 days 12 hours'").execute(&app.db).await.unwrap();
    let kept: Vec<(String, i64)> = sqlx::query_as(
        "select state, count from application_state_counts where count > 0 order by state",
    )
    .fetch_all(&app.db)
    .await
    .unwrap();
    let actual: Vec<(String, i64)> =
        sqlx::query_as("select state, count(*) from applications group by state order by state")
            .fetch_all(&app.db)
            .await
            .unwrap();
    assert_eq!(kept, actual);
    assert!(actual.len() >= 4, "{actual:?}");
}

#[tokio::test]
async fn a_locked_out_staff_member_resets_their_own_password_by_email() {
    let app = TestApp::spawn().await;
    let staff = app.browser();
    for _ in 0..10 {
        staff
            .submit(
                "/admin/signin",
                "/admin/signin",
                &[
                    ("email", "admin@localhost"),
                    ("password", "wrong password here"),
                ],
            )
            .await;
    }
    assert_eq!(
        staff.staff_sign_in().await.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "locked out"
    );
    // The way out is on the sign-in page, and needs no colleague.
    let page = staff.html("/admin/signin").await;
    assert_eq!(
        attr(&page, "#forgot", "href").as_deref(),
        Some("/admin/password/forgot")
    );
    for address in ["admin@localhost", "nobody@localhost"] {
        let sent = staff
            .submit(
                "/admin/password/forgot",
                "/admin/password/forgot",
                &[("email", address)],
            )
            .await;
        assert_eq!(sent.status(), StatusCode::OK, "{address}");
        assert_eq!(
            texts(&sent.text().await.unwrap(), "h1"),
            vec!["Check your e-mail"]
        );
    }
    let link = app
        .email_to("admin@localhost", "Reset your")
        .await
        .link_path(&app.address);
    assert!(link.starts_with("/admin/password/reset/"), "{link}");
    assert_eq!(app.emails_to("nobody@localhost").await, 0);
    let weak = staff
        .submit(&link, &link, &[("password", "password1234")])
        .await;
    assert_eq!(weak.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let new_password = "lantern meadow copper violin 77";
    let done = staff
        .submit(&link, &link, &[("password", new_password)])
        .await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&done), "/admin/signin");
    app.assert_audited("staff.password_reset").await;
    // Single use, and the lock is gone: the new password signs in at once.
    assert_eq!(staff.open(&link).await.status(), StatusCode::NOT_FOUND);
    let signed_in = staff
        .submit(
            "/admin/signin",
            "/admin/signin",
            &[("email", "admin@localhost"), ("password", new_password)],
        )
        .await;
    assert_eq!(signed_in.status(), StatusCode::SEE_OTHER);
}

/// Every application whose legal name contains `term` or whose work-account domain starts
/// with it, in queue order: what the queue's search must return, computed the slow way.
async fn search_oracle(
    app: &TestApp,
    term: &str,
    countries: Option<&[String]>,
    limit: i64,
) -> Vec<uuid::Uuid> {
    sqlx::query_scalar(
        "select a.application_id from applications a join tenants t using (tenant_id)
         where a.state <> 'draft' and a.submitted_at is not null
           and (a.legal_name ilike '%' || $1 || '%' or lower(t.domain_prefix::text) like lower($1) || '%')
           and ($3::text[] is null or t.country_code::text = any($3))
         order by a.submitted_at, a.application_id limit $2",
    )
    .bind(term)
    .bind(limit)
    .bind(countries)
    .fetch_all(&app.db)
    .await
    .unwrap()
}

#[tokio::test]
async fn the_queue_search_is_exact_whether_a_term_is_common_rare_or_in_between() {
    use partner_portal::db::queue::{Assigned, QueueFilter, page};
    let app = TestApp::spawn().await;
    // 60,000 submitted applications (more than the search's walk), oldest first:
    // "Bench <i> GmbH" on bench-<i>; the newest 6,000 are also "Late"; three of the newest
    // are "Zyxwv". The seed is one statement over 60,000 rows: longer than the portal's
    // statement timeout when the whole suite runs at once, so it gets its own.
    let mut seed = app.db.begin().await.unwrap();
    sqlx::query("set local statement_timeout = '300s'")
        .execute(&mut *seed)
        .await
        .unwrap();
    sqlx::query(
        "with t as (
           insert into tenants (tenant_id, name, domain_prefix, country_code, billing_currency)
           select gen_random_uuid(), 'Bench ' || i, 'bench-' || i, case when i % 100 = 0 then 'AT' else 'DE' end, 'EUR'
           from generate_series(1, 60000) i
           returning tenant_id, name, domain_prefix)
         insert into applications (application_id, tenant_id, program, state, legal_name, contact_email, contact_first_name, submitted_at)
         select gen_random_uuid(), tenant_id, 'indirect_reseller', 'in_review',
                name || case when substr(domain_prefix, 7)::int > 54000 then ' Late' else '' end
                     || case when substr(domain_prefix, 7)::int > 59997 then ' Zyxwv' else '' end || ' GmbH',
                'c@' || domain_prefix || '.example.com', 'Pat',
                timestamptz '2026-01-01' + substr(domain_prefix, 7)::int * interval '1 minute'
         from t",
    )
    .execute(&mut *seed)
    .await
    .unwrap();
    seed.commit().await.unwrap();
    sqlx::query("analyze").execute(&app.db).await.unwrap();
    // Without and with the filters (on the application's own columns): Germany and a
    // region with it are walked; Austria (600) and regions without Germany are few enough
    // to be read from the country index; France, Asia-Pacific and an unknown region have
    // none.
    let terms = [
        "gmbh",
        "zyxwv",
        "late",
        "bench-2999",
        "bench 2",
        "BENCH-1",
        "bench-3",
    ];
    // A region is given as its countries (the web layer resolves it from the markets).
    let list = |codes: &[&str]| codes.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    let places: [(Option<String>, Option<Vec<String>>); 8] = [
        (None, None),
        (Some("DE".to_owned()), None),
        (Some("AT".to_owned()), None),
        (None, Some(list(&["FR", "DE", "AT"]))),
        (None, Some(list(&["AT", "CH"]))),
        (Some("FR".to_owned()), None),
        (None, Some(list(&["JP", "AU"]))),
        (None, Some(Vec::new())),
    ];
    for (term, (country, region)) in terms
        .iter()
        .flat_map(|t| places.iter().map(move |p| (t, p.clone())))
    {
        let countries = match (&country, &region) {
            (Some(c), _) => Some(vec![c.clone()]),
            (None, r) => r.clone(),
        };
        let expected = search_oracle(&app, term, countries.as_deref(), 51).await;
        // (Every hundredth tenant is Austrian: all terms but one match some of them.)
        let austria = country.as_deref() == Some("AT") && *term != "bench-2999";
        if country.is_none() && region.is_none() || austria {
            assert!(
                !expected.is_empty(),
                "{term} matches something in {countries:?}"
            );
        }
        let filter = QueueFilter {
            state: None,
            program: None,
            country,
            region,
            assigned: Assigned::Anyone,
            search: Some(term.to_string()),
            after: None,
        };
        let found: Vec<uuid::Uuid> = page(&app.db, &filter, 51)
            .await
            .unwrap()
            .rows
            .into_iter()
            .map(|r| r.application_id)
            .collect();
        assert_eq!(found, expected, "search {term:?} in {countries:?}");
    }
}

#[tokio::test]
async fn a_search_term_too_short_to_look_up_is_refused_beside_the_field() {
    let app = TestApp::spawn().await;
    let staff = app.operator_admin().await;
    let html = staff.client.html("/admin/applications?q=ab").await;
    assert_eq!(
        texts(&html, "#q-error"),
        vec!["Error: Enter at least 3 characters to search"]
    );
    assert_eq!(
        attr(&html, "#q", "value").as_deref(),
        Some("ab"),
        "the term is kept"
    );
    let html = staff.client.html("/admin/applications?q=abc").await;
    assert!(texts(&html, "#q-error").is_empty());
}

#[tokio::test]
async fn an_operator_admin_changes_another_staff_members_role_but_not_their_own() {
    let app = TestApp::spawn().await;
    let admin = app.operator_admin().await;
    app.staff_client("reviewer.kim@localhost", "reviewer").await;
    let kim = app.staff_id("reviewer.kim@localhost").await;
    let me = app.staff_id("admin@localhost").await;
    let page = admin.client.html("/admin/staff").await;
    assert!(
        attr(
            &page,
            &format!("form[action='/admin/staff/{me}/role']"),
            "action"
        )
        .is_none()
    );
    let changed = admin
        .client
        .submit(
            "/admin/staff",
            &format!("/admin/staff/{kim}/role"),
            &[("role", "operator_admin")],
        )
        .await;
    assert_eq!(changed.status(), StatusCode::SEE_OTHER);
    let role: String = sqlx::query_scalar("select role from operator_staff where staff_id = $1")
        .bind(kim)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(role, "operator_admin");
    app.assert_audited("staff.role_changed").await;
    // One's own role stays (an operator admin is always left).
    let own = admin
        .client
        .submit(
            "/admin/staff",
            &format!("/admin/staff/{me}/role"),
            &[("role", "reviewer")],
        )
        .await;
    assert_eq!(own.status(), StatusCode::FORBIDDEN);
    let role: String = sqlx::query_scalar("select role from operator_staff where staff_id = $1")
        .bind(me)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(role, "operator_admin");
}
