//! Issue 16: providers add customers for their resellers; customers' admins sign in to a
//! dashboard of their own; partners see only the customers they serve.

use crate::helpers::*;
use crate::partners::{account, invite, make_active, make_provider};
use reqwest::StatusCode;

/// A listed provider `prov` (DE, Europe) and an active reseller `res` (DE) in a partnership;
/// returns their browsers and the partnership id.
pub(crate) async fn partners<'a>(
    app: &'a TestApp,
    prov: &str,
    res: &str,
) -> (Browser<'a>, Browser<'a>, uuid::Uuid) {
    let provider = account(app, prov, "DE").await;
    make_provider(app, prov, "europe").await;
    let reseller = account(app, res, "DE").await;
    make_active(app, res).await;
    let (_, link) = invite(app, &provider, "").await;
    let done = reseller.submit(&link, &link, &[("consent", "yes")]).await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let id = sqlx::query_scalar(
        "select p.partnership_id from partnerships p join tenants t on t.tenant_id = p.provider_tenant_id
         where t.domain_prefix = $1",
    )
    .bind(prov)
    .fetch_one(&app.db)
    .await
    .unwrap();
    (provider, reseller, id)
}

/// Good answers for a customer in Germany.
pub(crate) fn customer<'a>(
    prefix: &'a str,
    email: &'a str,
    reseller: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("company", "Adatum Corporation"),
        ("domain_prefix", prefix),
        ("country", "DE"),
        ("address_line1", "Ringstrasse 5"),
        ("city", "Hamburg"),
        ("postal_code", "20095"),
        ("first_name", "Nina"),
        ("last_name", "Nowak"),
        ("email", email),
        ("phone", "+49 40 123456"),
        ("reseller", reseller),
    ]
}

/// A customer admin's first sign-in with the temporary password: changed to
/// [`STRONG_PASSWORD`], then signed in afresh.
pub(crate) async fn customer_admin<'a>(
    app: &'a TestApp,
    email: &str,
    temporary: &str,
) -> Browser<'a> {
    let first = app.browser();
    first
        .submit(
            "/signin",
            "/signin",
            &[("email", email), ("password", temporary)],
        )
        .await;
    let changed = first
        .submit(
            "/account/password",
            "/account/password",
            &[
                ("current_password", temporary),
                ("new_password", STRONG_PASSWORD),
            ],
        )
        .await;
    assert_eq!(
        changed.status(),
        StatusCode::SEE_OTHER,
        "{email} changes the password"
    );
    let admin = app.browser();
    admin
        .submit(
            "/signin",
            "/signin",
            &[("email", email), ("password", STRONG_PASSWORD)],
        )
        .await;
    admin
}

/// The add form's id, from the form page.
pub(crate) async fn form_id(provider: &Browser<'_>, reseller: &str) -> String {
    let form = provider
        .html(&format!("/customers/new?reseller={reseller}"))
        .await;
    attr(&form, "input[name=form_id]", "value").expect("form id")
}

#[tokio::test]
async fn a_provider_adds_a_customer_for_its_reseller_and_the_customer_admin_signs_in() {
    let app = TestApp::spawn().await;
    let (provider, reseller, partnership) = partners(&app, "provcu", "rescu").await;
    let pid = partnership.to_string();
    // Customers -> the reseller's row -> "Add new customer": the reseller preselected.
    let list = provider.html("/partners/resellers").await;
    assert_eq!(
        attr(&list, "#active a.add-customer", "href"),
        Some(format!("/customers/new?reseller={pid}"))
    );
    let form = provider
        .html(&format!("/customers/new?reseller={pid}"))
        .await;
    assert_eq!(
        attr(&form, "#reseller option[selected]", "value").as_deref(),
        Some(pid.as_str())
    );
    let id = form_id(&provider, &pid).await;

    // Bad answers come back beside their fields, the others kept; nothing is saved.
    for (field, value, error) in [
        ("email", "nina@gmail.com", "#email-error"),
        ("email", "nina@rescu.example.com", "#email-error"),
        ("email", "admin@provcu.example.com", "#email-error"),
        ("domain_prefix", "provcu", "#domain_prefix-error"),
        ("country", "US", "#country-error"),
        (
            "reseller",
            "00000000-0000-0000-0000-000000000000",
            "#reseller-error",
        ),
    ] {
        let mut fields = customer("adatum", "nina.nowak@adatum.example", &pid);
        fields.retain(|(n, _)| *n != field);
        fields.push((field, value));
        fields.push(("form_id", &id));
        let refused = provider
            .submit("/customers/new", "/customers/new", &fields)
            .await;
        assert_eq!(
            refused.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{field}={value}"
        );
        let html = refused.text().await.unwrap();
        assert!(!texts(&html, error).is_empty(), "{error} for {value}");
        assert_eq!(
            attr(&html, "#company", "value").as_deref(),
            Some("Adatum Corporation")
        );
    }

    // Next: Review, then Submit: the admin's sign-in name and password, once.
    let mut fields = customer("adatum", "nina.nowak@adatum.example", &pid);
    fields.push(("form_id", &id));
    let review = provider
        .submit("/customers/new", "/customers/new", &fields)
        .await;
    assert_eq!(review.status(), StatusCode::OK);
    let review = review.text().await.unwrap();
    assert_eq!(texts(&review, "#review-reseller"), vec!["rescu Org"]);
    assert_eq!(
        texts(&review, "#review-domain"),
        vec!["adatum.partnerportal.example"]
    );
    let added = provider
        .submit("/customers/new", "/customers/new/submit", &fields)
        .await;
    assert_eq!(added.status(), StatusCode::OK);
    assert_eq!(added.headers()["cache-control"], "no-store");
    let added = added.text().await.unwrap();
    assert_eq!(
        texts(&added, "#sign-in-name"),
        vec!["nina.nowak@adatum.example"]
    );
    let password = texts(&added, "#temporary-password")[0].clone();
    let again = provider
        .submit("/customers/new", "/customers/new/submit", &fields)
        .await
        .text()
        .await
        .unwrap();
    assert!(texts(&again, "#temporary-password").is_empty());
    assert!(!texts(&again, "#not-shown-again").is_empty());
    let customers: i64 = sqlx::query_scalar("select count(*) from tenants where kind = 'customer'")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(customers, 1, "one customer, however often it is sent");
    app.assert_audited("customer.added").await;
    app.email_to("nina.nowak@adatum.example", "Adatum Corporation")
        .await;

    // The provider's list and the reseller's "View customers" show it.
    let list = provider.html("/customers").await;
    assert_eq!(texts(&list, "#customers .name"), vec!["Adatum Corporation"]);
    assert_eq!(texts(&list, "#customers .reseller"), vec!["rescu Org"]);
    let searched = provider.html("/customers?q=zzz").await;
    assert!(!texts(&searched, "#no-customers").is_empty());
    let shared = reseller
        .html(&format!("/partners/providers/{partnership}/customers"))
        .await;
    assert_eq!(
        texts(&shared, "#customers .name"),
        vec!["Adatum Corporation"]
    );
    let customer_page = attr(&shared, "#customers .name a", "href").unwrap();
    let detail = reseller.html(&customer_page).await;
    assert!(
        texts(&detail, "#record-agreement").is_empty(),
        "not a reseller's to record"
    );

    // The customer admin signs in, changes the password and sees both partners.
    let nina = app.browser();
    let signed = nina
        .submit(
            "/signin",
            "/signin",
            &[
                ("email", "nina.nowak@adatum.example"),
                ("password", &password),
            ],
        )
        .await;
    assert_eq!(signed.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&nina.open("/dashboard").await),
        "/account/password"
    );
    let changed = nina
        .submit(
            "/account/password",
            "/account/password",
            &[
                ("current_password", &password),
                ("new_password", STRONG_PASSWORD),
            ],
        )
        .await;
    assert_eq!(changed.status(), StatusCode::SEE_OTHER);
    let nina = app.browser();
    nina.submit(
        "/signin",
        "/signin",
        &[
            ("email", "nina.nowak@adatum.example"),
            ("password", STRONG_PASSWORD),
        ],
    )
    .await;
    let dash = nina.html("/dashboard").await;
    assert_eq!(texts(&dash, "#relationships .provider"), vec!["provcu Org"]);
    assert_eq!(texts(&dash, "#relationships .reseller"), vec!["rescu Org"]);
    assert_eq!(
        texts(&dash, "#admin-access .name"),
        vec!["provcu Org", "rescu Org"]
    );
    assert!(texts(&dash, "#nav-users, #nav-profile").is_empty());
    // Partner pages are not for a customer: the page says to use another work account.
    for path in [
        "/enroll",
        "/agreement",
        "/account/users",
        "/account/profile",
        "/partners/providers",
        "/customers",
    ] {
        let page = nina.page(path, StatusCode::FORBIDDEN).await;
        assert!(!texts(&page, "#partner-only").is_empty(), "{path}");
    }

    // The customer removes the reseller's admin access: audited, both told.
    let grant: uuid::Uuid = sqlx::query_scalar(
        "select g.grant_id from admin_access_grants g join tenants t on t.tenant_id = g.grantee_tenant_id
         where t.domain_prefix = 'rescu' and g.grantor_tenant_id = (select tenant_id from tenants where domain_prefix = 'adatum')",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let remove = format!("/customer/admin-access/{grant}/remove");
    assert!(texts(&nina.html(&remove).await, "h1")[0].contains("rescu Org"));
    let removed = nina.submit(&remove, &remove, &[]).await;
    assert_eq!(location(&removed), "/dashboard");
    app.email_to("admin@rescu.example.com", "no longer has admin access")
        .await;
    assert_eq!(
        texts(&nina.html("/dashboard").await, "#admin-access .name"),
        vec!["provcu Org"]
    );
}

#[tokio::test]
async fn the_provider_records_the_customer_agreement_and_nobody_else_sees_the_customer() {
    let app = TestApp::spawn().await;
    let (provider, reseller, _) = partners(&app, "provag", "resag").await;
    let id = form_id(&provider, "").await;
    // A customer served directly (no reseller).
    let mut fields = customer("fabrikam", "ops@fabrikam.example", "");
    fields.push(("form_id", &id));
    let added = provider
        .submit("/customers/new", "/customers/new/submit", &fields)
        .await;
    assert_eq!(added.status(), StatusCode::OK);
    let customer: uuid::Uuid =
        sqlx::query_scalar("select tenant_id from tenants where domain_prefix = 'fabrikam'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    let page = format!("/customers/{customer}");
    let detail = provider.html(&page).await;
    assert!(texts(&detail, "#customer-agreement")[0].contains("Not accepted yet"));
    // The reseller does not serve this one; a third partner sees no customer at all.
    assert_eq!(reseller.open(&page).await.status(), StatusCode::NOT_FOUND);
    let other = account(&app, "othercu", "DE").await;
    make_active(&app, "othercu").await;
    assert_eq!(other.open(&page).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        other.open(&format!("{page}/agreement")).await.status(),
        StatusCode::NOT_FOUND
    );

    // The agreement: a date tomorrow is refused; a good one recorded, audited, shown.
    let agreement = format!("{page}/agreement");
    let tomorrow = (time::OffsetDateTime::now_utc().date() + time::Duration::days(1)).to_string();
    let today = time::OffsetDateTime::now_utc().date().to_string();
    let answers = |day: &str| {
        vec![
            ("accepted", "yes".to_owned()),
            ("accepted_on", day.to_owned()),
            ("first_name", "Olu".to_owned()),
            ("last_name", "Okafor".to_owned()),
            ("email", "olu@fabrikam.example".to_owned()),
        ]
    };
    let future = answers(&tomorrow);
    let future: Vec<(&str, &str)> = future.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let refused = provider.submit(&agreement, &agreement, &future).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.unwrap();
    assert!(!texts(&html, "#accepted_on-error").is_empty());
    assert_eq!(
        attr(&html, "#last_name", "value").as_deref(),
        Some("Okafor")
    );
    let good = answers(&today);
    let good: Vec<(&str, &str)> = good.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let recorded = provider.submit(&agreement, &agreement, &good).await;
    assert_eq!(location(&recorded), page);
    let detail = provider.html(&page).await;
    assert!(texts(&detail, "#customer-agreement")[0].contains("Olu Okafor"));
    assert!(texts(&detail, "#record-agreement").is_empty());
    app.assert_audited("customer.agreement_recorded").await;
}

#[tokio::test]
async fn a_partner_tenant_can_never_be_a_customer_nor_a_customer_enroll() {
    let app = TestApp::spawn().await;
    let (_provider, _reseller, _) = partners(&app, "provdb", "resdb").await;
    // The database itself refuses a partner tenant as a customer.
    let refused = sqlx::query(
        "insert into customer_relationships (relationship_id, customer_tenant_id, provider_tenant_id, via)
         select gen_random_uuid(), r.tenant_id, p.tenant_id, 'added' from tenants r, tenants p
         where r.domain_prefix = 'resdb' and p.domain_prefix = 'provdb'",
    )
    .execute(&app.db)
    .await;
    assert!(refused.is_err(), "a partner tenant cannot be a customer");
    sqlx::query("insert into tenants (tenant_id, name, domain_prefix, country_code, billing_currency, kind) values (gen_random_uuid(), 'Cust', 'custdb', 'DE', 'EUR', 'customer')")
        .execute(&app.db)
        .await
        .unwrap();
    let enroll = sqlx::query(
        "insert into applications (application_id, tenant_id, program) select gen_random_uuid(), tenant_id, 'indirect_reseller' from tenants where domain_prefix = 'custdb'",
    )
    .execute(&app.db)
    .await;
    assert!(enroll.is_err(), "a customer tenant cannot enroll");
}

#[tokio::test]
async fn customer_pages_read_in_german_and_chinese() {
    use crate::languages::assert_no_english;
    use partner_portal::i18n::Lang;
    let app = TestApp::spawn().await;
    let (provider, _reseller, partnership) = partners(&app, "provlang", "reslang").await;
    let pid = partnership.to_string();
    for (lang, prefix, email) in [
        (Lang::De, "kundede", "nina@kunde-de.example"),
        (Lang::ZhCn, "kundezh", "nina@kunde-zh.example"),
    ] {
        let switched = provider
            .submit(
                "/dashboard",
                "/language",
                &[("lang", lang.code()), ("next", "/dashboard")],
            )
            .await;
        assert_eq!(switched.status(), StatusCode::SEE_OTHER);
        let id = form_id(&provider, &pid).await;
        let new = format!("/customers/new?reseller={pid}");
        assert_no_english(lang, &new, &provider.html(&new).await);
        let mut bad = customer(prefix, "nina@gmail.com", &pid);
        bad.push(("form_id", &id));
        let refused = provider
            .submit("/customers/new", "/customers/new", &bad)
            .await;
        assert_no_english(
            lang,
            "/customers/new (refused)",
            &refused.text().await.unwrap(),
        );
        let mut fields = customer(prefix, email, &pid);
        fields.push(("form_id", &id));
        let review = provider
            .submit("/customers/new", "/customers/new", &fields)
            .await;
        assert_no_english(lang, "customer review", &review.text().await.unwrap());
        let added = provider
            .submit("/customers/new", "/customers/new/submit", &fields)
            .await
            .text()
            .await
            .unwrap();
        assert_no_english(lang, "customer added", &added);
        let password = texts(&added, "#temporary-password")[0].clone();
        let mail = app.email_to(email, "").await;
        assert_no_english(lang, "customer added e-mail", &mail.body_html);
        let customer: uuid::Uuid =
            sqlx::query_scalar("select tenant_id from tenants where domain_prefix = $1")
                .bind(prefix)
                .fetch_one(&app.db)
                .await
                .unwrap();
        for path in [
            "/customers".to_owned(),
            format!("/customers/{customer}"),
            format!("/customers/{customer}/agreement"),
        ] {
            assert_no_english(lang, &path, &provider.html(&path).await);
        }
        // The customer admin, in the language the account was created in.
        let admin = customer_admin(&app, email, &password).await;
        assert_no_english(lang, "customer dashboard", &admin.html("/dashboard").await);
        assert_no_english(
            lang,
            "partner-only page",
            &admin.page("/enroll", StatusCode::FORBIDDEN).await,
        );
    }
}

#[tokio::test]
async fn ending_a_partnership_tells_the_resellers_customers_who_stay_customers() {
    let app = TestApp::spawn().await;
    let (provider, _reseller, partnership) = partners(&app, "provend", "resend").await;
    let pid = partnership.to_string();
    let id = form_id(&provider, &pid).await;
    let mut fields = customer("endcust", "it@endcust.example", &pid);
    fields.push(("form_id", &id));
    provider
        .submit("/customers/new", "/customers/new/submit", &fields)
        .await;
    let end = format!("/partners/resellers/{partnership}/remove");
    let ended = provider.submit(&end, &end, &[("attest", "yes")]).await;
    assert_eq!(ended.status(), StatusCode::SEE_OTHER);
    let mail = app
        .email_to("it@endcust.example", "no longer work together")
        .await;
    assert!(
        mail.body_text.contains("stays a customer"),
        "{}",
        mail.body_text
    );
    let relationships: i64 = sqlx::query_scalar(
        "select count(*) from customer_relationships r join tenants c on c.tenant_id = r.customer_tenant_id
         where c.domain_prefix = 'endcust' and r.reseller_tenant_id is not null",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(
        relationships, 1,
        "the customer stays linked to the reseller"
    );
}

/// The reseller invites a customer (sent to `email`); returns the link's path.
pub(crate) async fn invite_customer(
    app: &TestApp,
    reseller: &Browser<'_>,
    partnership: uuid::Uuid,
    email: &str,
) -> String {
    let page = format!("/partners/providers/{partnership}/invite-customers");
    let draft = reseller.submit(&page, &page, &[("email", email)]).await;
    assert_eq!(draft.status(), StatusCode::OK);
    let html = draft.text().await.unwrap();
    texts(&html, "#invitation-link")[0]
        .trim_start_matches(&app.address)
        .to_owned()
}

#[tokio::test]
async fn a_customer_creates_its_work_account_from_a_resellers_invitation_and_authorises() {
    let app = TestApp::spawn().await;
    let (provider, reseller, partnership) = partners(&app, "provinv", "resinv").await;
    let link = invite_customer(&app, &reseller, partnership, "it@contosocust.example").await;

    // A visitor reads what authorising means and how to go on.
    let visitor = app.browser();
    let landing = visitor.html(&link).await;
    assert_eq!(texts(&landing, "#cinv-means li").len(), 3);
    let signup = attr(&landing, "#create-customer-account", "href").unwrap();
    assert_eq!(signup, format!("{link}/signup"));

    // Creating the customer work account: bad answers beside their fields.
    let answers = |country: &'static str, email: &'static str| {
        vec![
            ("company", "Contoso Customer Ltd"),
            ("domain_prefix", "contosocust"),
            ("country", country),
            ("address_line1", "Hauptstrasse 9"),
            ("city", "Berlin"),
            ("first_name", "Ira"),
            ("last_name", "Ilic"),
            ("email", email),
            ("phone", "+49 30 555666"),
            ("password", STRONG_PASSWORD),
        ]
    };
    for (fields, error) in [
        (answers("US", "it@contosocust.example"), "#country-error"),
        (answers("DE", "ira@gmail.com"), "#email-error"),
        (answers("DE", "ira@resinv.example.com"), "#email-error"),
    ] {
        let refused = visitor.submit(&signup, &signup, &fields).await;
        assert_eq!(
            refused.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{error}"
        );
        let html = refused.text().await.unwrap();
        assert!(!texts(&html, error).is_empty(), "{error}");
        assert_eq!(
            attr(&html, "#company", "value").as_deref(),
            Some("Contoso Customer Ltd")
        );
    }
    let created = visitor
        .submit(&signup, &signup, &answers("DE", "it@contosocust.example"))
        .await;
    assert_eq!(location(&created), "/signup/check-email");
    // The confirmation link leads to signing in and back to the invitation.
    let confirm = app
        .email_to("it@contosocust.example", "Confirm")
        .await
        .link_path(&app.address);
    let confirmed = visitor.open(&confirm).await;
    let to_sign_in = location(&confirmed);
    assert!(to_sign_in.starts_with("/signin?next="), "{to_sign_in}");
    let signed = visitor
        .submit(
            &to_sign_in,
            "/signin",
            &[
                ("email", "it@contosocust.example"),
                ("password", STRONG_PASSWORD),
                ("next", &link),
            ],
        )
        .await;
    assert_eq!(location(&signed), link);
    let page = visitor.html(&link).await;
    assert!(!texts(&page, "#authorise").is_empty());
    let no_consent = visitor.submit(&link, &link, &[]).await;
    assert_eq!(no_consent.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let done = visitor.submit(&link, &link, &[("consent", "yes")]).await;
    assert_eq!(location(&done), "/dashboard");
    app.assert_audited("customer.authorised").await;
    for partner in ["admin@provinv.example.com", "admin@resinv.example.com"] {
        app.email_to(partner, "has authorised you").await;
    }

    // Both partners see the customer; the customer sees both partners.
    let list = provider.html("/customers").await;
    assert_eq!(
        texts(&list, "#customers .name"),
        vec!["Contoso Customer Ltd"]
    );
    let shared = reseller
        .html(&format!("/partners/providers/{partnership}/customers"))
        .await;
    assert_eq!(
        texts(&shared, "#customers .name"),
        vec!["Contoso Customer Ltd"]
    );
    let dash = visitor.html("/dashboard").await;
    assert_eq!(
        texts(&dash, "#relationships .provider"),
        vec!["provinv Org"]
    );
    assert_eq!(texts(&dash, "#relationships .reseller"), vec!["resinv Org"]);

    // Every refusal has its own words: used; already related; a partner signed in; expired.
    let used = visitor.page(&link, StatusCode::CONFLICT).await;
    assert!(texts(&used, "#problem")[0].contains("used already"));
    let second = invite_customer(&app, &reseller, partnership, "").await;
    let related = visitor.page(&second, StatusCode::CONFLICT).await;
    assert!(texts(&related, "#problem")[0].contains("already has this relationship"));
    let as_partner = provider.page(&second, StatusCode::CONFLICT).await;
    assert!(texts(&as_partner, "#problem")[0].contains("partner's work account"));
    sqlx::query("update customer_invitations set expires_at = now() - interval '1 minute'")
        .execute(&app.db)
        .await
        .unwrap();
    let third_party = app.browser();
    let expired = third_party.page(&second, StatusCode::CONFLICT).await;
    assert!(texts(&expired, "#problem")[0].contains("expired"));
    assert!(texts(&expired, "#create-customer-account").is_empty());
}

#[tokio::test]
async fn a_customer_in_another_region_cannot_authorise() {
    let app = TestApp::spawn().await;
    let (provider, reseller, partnership) = partners(&app, "provreg", "resreg").await;
    // A customer (added by the provider) in Europe, moved by hand to the United States.
    let id = form_id(&provider, "").await;
    let mut fields = customer("faraway", "it@faraway.example", "");
    fields.push(("form_id", &id));
    let added = provider
        .submit("/customers/new", "/customers/new/submit", &fields)
        .await
        .text()
        .await
        .unwrap();
    let password = texts(&added, "#temporary-password")[0].clone();
    sqlx::query("update tenants set country_code = 'US', billing_currency = 'USD' where domain_prefix = 'faraway'")
        .execute(&app.db)
        .await
        .unwrap();
    let admin = customer_admin(&app, "it@faraway.example", &password).await;
    let link = invite_customer(&app, &reseller, partnership, "").await;
    let page = admin.page(&link, StatusCode::CONFLICT).await;
    assert!(texts(&page, "#problem")[0].contains("region"));
    let refused = admin
        .submit("/dashboard", &link, &[("consent", "yes")])
        .await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    let related: i64 =
        sqlx::query_scalar("select count(*) from customer_relationships where via = 'invitation'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(related, 0);
}

#[tokio::test]
async fn a_direct_bill_partner_invites_an_existing_customer_one_tier() {
    let app = TestApp::spawn().await;
    let partner = account(&app, "dirpart", "DE").await;
    make_active(&app, "dirpart").await;
    // Neither a provider nor a direct-bill partner yet: no customers page.
    assert_eq!(
        partner.open("/customers").await.status(),
        StatusCode::FORBIDDEN
    );
    sqlx::query(
        "insert into direct_bill_partners (tenant_id, application_id, approved_at, reassessment_due_on)
         select a.tenant_id, a.application_id, now(), current_date + 365 from applications a
         join tenants t using (tenant_id) where t.domain_prefix = 'dirpart'",
    )
    .execute(&app.db)
    .await
    .unwrap();
    let page = partner.html("/customers").await;
    assert!(
        texts(&page, "#add-customer").is_empty(),
        "only providers add customers"
    );
    let bad = partner
        .submit("/customers", "/customers/invite", &[("email", "nope")])
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let draft = partner
        .submit(
            "/customers",
            "/customers/invite",
            &[("email", "it@onetier.example")],
        )
        .await;
    assert_eq!(draft.status(), StatusCode::OK);
    let html = draft.text().await.unwrap();
    let link = texts(&html, "#invitation-link")[0]
        .trim_start_matches(&app.address)
        .to_owned();
    let mail = app.email_to("it@onetier.example", "dirpart Org").await;
    assert!(mail.body_text.contains("directly"), "{}", mail.body_text);

    // The customer creates its work account from the link and authorises: one tier.
    let customer = app.browser();
    let landing = customer.html(&link).await;
    assert!(texts(&landing, "h1")[0].contains("dirpart Org"));
    let signup = format!("{link}/signup");
    let created = customer
        .submit(
            &signup,
            &signup,
            &[
                ("company", "One Tier GmbH"),
                ("domain_prefix", "onetier"),
                ("country", "AT"),
                ("address_line1", "Ring 1"),
                ("city", "Wien"),
                ("first_name", "Uli"),
                ("last_name", "Unger"),
                ("email", "it@onetier.example"),
                ("phone", "+43 1 5555555"),
                ("password", STRONG_PASSWORD),
            ],
        )
        .await;
    assert_eq!(location(&created), "/signup/check-email");
    let confirm = app
        .email_to("it@onetier.example", "Confirm")
        .await
        .link_path(&app.address);
    customer.open(&confirm).await;
    customer
        .submit(
            "/signin",
            "/signin",
            &[
                ("email", "it@onetier.example"),
                ("password", STRONG_PASSWORD),
                ("next", &link),
            ],
        )
        .await;
    let done = customer.submit(&link, &link, &[("consent", "yes")]).await;
    assert_eq!(location(&done), "/dashboard");
    let list = partner.html("/customers").await;
    assert_eq!(texts(&list, "#customers .name"), vec!["One Tier GmbH"]);
    assert_eq!(
        texts(&list, "#customers .reseller"),
        vec!["None (you serve it directly)"]
    );
    let dash = customer.html("/dashboard").await;
    assert_eq!(
        texts(&dash, "#relationships .provider"),
        vec!["dirpart Org"]
    );

    // The direct-bill partner orders for its own customer (no reseller; not a listed
    // provider, so it cannot act for a reseller).
    let customer_id: uuid::Uuid =
        sqlx::query_scalar("select tenant_id from tenants where domain_prefix = 'onetier'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    crate::orders::record_agreement(&partner, customer_id).await;
    let added = crate::orders::add_to_cart(&partner, customer_id, "CIR-MAIL-PRO", "7").await;
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    let cart = format!("/customers/{customer_id}/cart");
    let review = partner.html(&format!("{cart}/review")).await;
    assert!(attr(&review, "#buy", "disabled").is_none());
    let token = csrf_token(&review);
    let fields: Vec<(&str, String)> = ["cart_id", "version", "total"]
        .iter()
        .map(|n| {
            (
                *n,
                attr(&review, &format!("input[name={n}]"), "value").unwrap(),
            )
        })
        .chain([("csrf_token", token)])
        .collect();
    let bought = partner
        .client
        .post(app.url(&format!("{cart}/buy")))
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_eq!(bought.status(), StatusCode::SEE_OTHER);
    let dash = customer.html("/dashboard").await;
    assert_eq!(
        texts(&dash, "#subscriptions .name"),
        vec!["Cirrus Mail Professional"]
    );
    app.email_to("it@onetier.example", "is confirmed").await;
}

#[tokio::test]
async fn operator_staff_look_up_any_customer_read_only() {
    use partner_portal::i18n::Lang;
    let app = TestApp::spawn().await;
    sqlx::query(
        "update operator_staff set full_name = 'Olga Berg' where email = 'admin@localhost'",
    )
    .execute(&app.db)
    .await
    .unwrap();
    let (provider, _reseller, partnership) = partners(&app, "provstaff", "resstaff").await;
    let pid = partnership.to_string();
    let id = form_id(&provider, &pid).await;
    let mut fields = customer("lookmeup", "it@lookmeup.example", &pid);
    fields.push(("form_id", &id));
    provider
        .submit("/customers/new", "/customers/new/submit", &fields)
        .await;
    // A partner's session does not open the back office.
    assert_eq!(
        location(&provider.open("/admin/customers").await),
        "/admin/signin"
    );
    let staff = app.operator_admin().await;
    let found = staff.client.html("/admin/customers?q=LOOK").await;
    assert_eq!(
        texts(&found, "#customers .name"),
        vec!["Adatum Corporation"]
    );
    let none = staff.client.html("/admin/customers?q=zzz").await;
    assert!(!texts(&none, "#no-customers").is_empty());
    let page = attr(&found, "#customers .name a", "href").unwrap();
    let detail = staff.client.html(&page).await;
    assert_eq!(
        texts(&detail, "#relationships .provider"),
        vec!["provstaff Org"]
    );
    assert_eq!(
        texts(&detail, "#relationships .reseller"),
        vec!["resstaff Org"]
    );
    assert!(
        texts(&detail, "form").iter().all(|f| !f.contains("Record")),
        "read-only"
    );
    for lang in [Lang::De, Lang::ZhCn] {
        staff
            .client
            .submit(
                "/admin/customers",
                "/language",
                &[("lang", lang.code()), ("next", "/admin/customers")],
            )
            .await;
        for path in ["/admin/customers", page.as_str()] {
            crate::languages::assert_no_english(lang, path, &staff.client.html(path).await);
        }
    }
}

#[tokio::test]
async fn the_customer_list_pages_by_name_and_filters_by_reseller() {
    let app = TestApp::spawn().await;
    let (provider, reseller, partnership) = partners(&app, "provpage", "respage").await;
    // 55 customers through the reseller, 5 served directly (inserted as data).
    sqlx::query(
        "with c as (
           insert into tenants (tenant_id, name, domain_prefix, country_code, billing_currency, kind)
           select gen_random_uuid(), 'Customer ' || lpad(n::text, 3, '0'), 'pagecust' || n, 'DE', 'EUR', 'customer'
           from generate_series(1, 60) n
           returning tenant_id, name)
         insert into customer_relationships (relationship_id, customer_tenant_id, provider_tenant_id, reseller_tenant_id, via)
         select gen_random_uuid(), c.tenant_id, p.tenant_id,
                case when c.name <= 'Customer 055' then r.tenant_id end, 'added'
         from c, tenants p, tenants r where p.domain_prefix = 'provpage' and r.domain_prefix = 'respage'",
    )
    .execute(&app.db)
    .await
    .unwrap();
    let first = provider.html("/customers").await;
    let names = texts(&first, "#customers .name");
    assert_eq!(names.len(), 50);
    assert_eq!(names[0], "Customer 001");
    let next = attr(&first, "#next-page", "href").unwrap();
    let second = provider.html(&next).await;
    let rest = texts(&second, "#customers .name");
    assert_eq!(rest.len(), 10);
    assert_eq!(rest[0], "Customer 051");
    assert!(texts(&second, "#next-page").is_empty());
    let filtered = provider
        .html(&format!("/customers?reseller={partnership}&q=Customer+05"))
        .await;
    assert_eq!(
        texts(&filtered, "#customers .name"),
        (50..=55)
            .map(|n| format!("Customer {n:03}"))
            .collect::<Vec<_>>()
    );
    // The reseller may see a shared customer but never record its agreement.
    let shared: uuid::Uuid =
        sqlx::query_scalar("select tenant_id from tenants where domain_prefix = 'pagecust1'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    sqlx::query(
        "insert into customer_profiles (tenant_id, address_line1, city, contact_first_name, contact_last_name, contact_email, contact_phone)
         values ($1, 'Ring 1', 'Hamburg', 'Mia', 'Muster', 'mia@pagecust1.example', '+49 40 1234567')",
    )
    .bind(shared)
    .execute(&app.db)
    .await
    .unwrap();
    assert_eq!(
        reseller
            .open(&format!("/customers/{shared}"))
            .await
            .status(),
        StatusCode::OK
    );
    let agreement = format!("/customers/{shared}/agreement");
    let refused = reseller
        .submit(
            &format!("/customers/{shared}"),
            &agreement,
            &[
                ("accepted", "yes"),
                ("accepted_on", "2026-01-01"),
                ("first_name", "X"),
                ("last_name", "Y"),
                ("email", "x@y.example"),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::NOT_FOUND);
}
