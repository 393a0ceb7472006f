use crate::helpers::*;
use reqwest::StatusCode;

/// Makes the tenant with `prefix` an approved indirect reseller with the agreement accepted.
pub(crate) async fn make_active(app: &TestApp, prefix: &str) {
    sqlx::query(
        "insert into applications (application_id, tenant_id, program, state, legal_name, submitted_at, decided_at)
         select gen_random_uuid(), tenant_id, 'indirect_reseller', 'approved', name, now(), now() from tenants where domain_prefix = $1",
    )
    .bind(prefix)
    .execute(&app.db)
    .await
    .unwrap();
    sqlx::query("insert into agreement_acceptances (tenant_id, version, accepted_by_name) select tenant_id, 1, 'Admin' from tenants where domain_prefix = $1")
        .bind(prefix)
        .execute(&app.db)
        .await
        .unwrap();
}

/// Makes the approved reseller with `prefix` a direct-bill partner in good standing (only
/// those can be indirect providers).
pub(crate) async fn make_direct(app: &TestApp, prefix: &str) {
    sqlx::query(
        "insert into direct_bill_partners (tenant_id, application_id, approved_at, reassessment_due_on)
         select a.tenant_id, a.application_id, now(), current_date + 365 from applications a
         join tenants t using (tenant_id)
         where t.domain_prefix = $1 and a.program = 'indirect_reseller' and a.state = 'approved'",
    )
    .bind(prefix)
    .execute(&app.db)
    .await
    .unwrap();
}

/// Lists the tenant with `prefix` as a provider for `region` (an active direct-bill partner).
pub(crate) async fn make_provider(app: &TestApp, prefix: &str, region: &str) {
    make_active(app, prefix).await;
    make_direct(app, prefix).await;
    sqlx::query("insert into provider_regions (tenant_id, csp_region) select tenant_id, $2 from tenants where domain_prefix = $1")
        .bind(prefix)
        .bind(region)
        .execute(&app.db)
        .await
        .unwrap();
}

/// A signed-in client for a new work account in `country`.
pub(crate) async fn account<'a>(app: &'a TestApp, prefix: &str, country: &str) -> Browser<'a> {
    account_in(app, "en", prefix, country).await
}

/// A signed-in client reading `languages` (an `Accept-Language` value), for a new work
/// account in `country` (which keeps that language).
pub(crate) async fn account_in<'a>(
    app: &'a TestApp,
    languages: &str,
    prefix: &str,
    country: &str,
) -> Browser<'a> {
    let client = app.browser_speaking(languages);
    client
        .sign_up_as(&[
            ("organisation", &format!("{prefix} Org")),
            ("domain_prefix", prefix),
            ("country", country),
            ("full_name", "Alex Admin"),
            ("email", &format!("admin@{prefix}.example.com")),
            ("password", STRONG_PASSWORD),
        ])
        .await;
    client
}

/// The provider creates an invitation; returns (the draft page, the link's path).
pub(crate) async fn invite(app: &TestApp, provider: &Browser<'_>, email: &str) -> (String, String) {
    let r = provider
        .submit(
            "/partners/resellers",
            "/partners/resellers/invite",
            &[("email", email)],
        )
        .await;
    // Post/redirect/get: the draft page shows the invitation held in the session.
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&r), "/partners/resellers/draft");
    let html = provider.html("/partners/resellers/draft").await;
    let link = texts(&html, "#invitation-link")[0].clone();
    let path = link.trim_start_matches(&app.address).to_owned();
    (html, path)
}

#[tokio::test]
async fn a_provider_invites_and_a_reseller_authorises_it() {
    let app = TestApp::spawn().await;
    let provider = account(&app, "provco", "DE").await;
    make_provider(&app, "provco", "europe").await;
    let reseller = account(&app, "resco", "FR").await;
    make_active(&app, "resco").await;

    let (draft, link) = invite(&app, &provider, "admin@resco.example.com").await;
    assert!(link.starts_with("/invitations/"));
    assert!(!texts(&draft, "#sent").is_empty(), "the portal sent it");
    let mailto = attr(&draft, "#open-in-email", "href").unwrap();
    assert!(
        mailto.starts_with("mailto:admin%40resco.example.com?subject="),
        "{mailto}"
    );
    assert!(texts(&draft, "#draft-text")[0].contains(&link));
    let mail = app
        .email_to("admin@resco.example.com", "indirect provider")
        .await;
    assert!(mail.body_text.contains(&link));
    let list = provider.html("/partners/resellers").await;
    assert_eq!(
        texts(&list, "#pending .to"),
        vec!["admin@resco.example.com"]
    );

    // Signed out, the page names the provider and asks to sign in, coming back here.
    let anonymous = app.browser().open(&link).await.text().await.unwrap();
    assert!(texts(&anonymous, "h1")[0].contains("provco Org"));
    assert_eq!(
        attr(&anonymous, "#sign-in-to-accept", "href").unwrap(),
        format!("/signin?next={link}")
    );

    let no_consent = reseller.submit(&link, &link, &[]).await;
    assert_eq!(no_consent.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let done = reseller.submit(&link, &link, &[("consent", "yes")]).await;
    assert_eq!(location(&done), "/partners/providers");
    let mine = reseller.html("/partners/providers").await;
    assert_eq!(texts(&mine, "#providers .name"), vec!["provco Org"]);
    let theirs = provider.html("/partners/resellers").await;
    assert_eq!(texts(&theirs, "#active .name"), vec!["resco Org"]);
    assert!(!texts(&theirs, "#no-pending").is_empty());
    app.assert_audited("partnership.started").await;
    assert_eq!(
        reseller.open(&link).await.status(),
        StatusCode::CONFLICT,
        "used"
    );
    // The provider is told that the reseller authorised it.
    let told = app
        .email_to("admin@provco.example.com", "has authorised provco Org")
        .await;
    assert!(told.body_text.contains("resco Org"));
    // Reloading the draft page shows the same draft and makes no other invitation.
    let again = provider.html("/partners/resellers/draft").await;
    assert_eq!(texts(&again, "#draft-text"), texts(&draft, "#draft-text"));
    let invitations: i64 = sqlx::query_scalar("select count(*) from partnership_invitations")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(invitations, 1);
    assert_eq!(
        attr(&again, "#copy-link", "data-copy").as_deref(),
        Some("invitation-link")
    );
}

#[tokio::test]
async fn a_reseller_sees_who_invites_it_and_may_decline_or_later_end_the_partnership() {
    let app = TestApp::spawn().await;
    let provider = account(&app, "provdc", "DE").await;
    make_provider(&app, "provdc", "europe").await;
    crate::orders::give_partner_id(&app, "provdc", "4500001").await;
    sqlx::query(
        "insert into organisation_profiles (tenant_id, legal_name, address_line1, city, phone,
             contact_first_name, contact_last_name, contact_email, contact_phone,
             support_email, support_phone, support_website)
         select tenant_id, 'Provdc GmbH', 'Weg 1', 'Berlin', '+49 30 1111111', 'Pia', 'Prov', 'pia@provdc.example.com',
                '+49 30 1234567', 'help@provdc.example.com', '+49 30 7654321', 'https://help.provdc.example.com'
         from tenants where domain_prefix = 'provdc'
         on conflict (tenant_id) do update set support_email = excluded.support_email,
             support_phone = excluded.support_phone, support_website = excluded.support_website",
    )
    .execute(&app.db)
    .await
    .unwrap();
    let reseller = account(&app, "resdc", "FR").await;
    make_active(&app, "resdc").await;

    // The invitation page says who the provider is.
    let (_, link) = invite(&app, &provider, "").await;
    let page = reseller.html(&link).await;
    assert_eq!(texts(&page, "#provider-partner-id"), vec!["4500001"]);
    assert_eq!(texts(&page, "#provider-country"), vec!["Germany"]);
    assert!(texts(&page, "#provider-support")[0].contains("help@provdc.example.com"));

    // Declining: a reason too long is refused; then declined, the provider is told with
    // the reason, and the link says it was declined.
    let long = "x".repeat(1001);
    let refused = reseller
        .submit(&link, &format!("{link}/decline"), &[("reason", &long)])
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let declined = reseller
        .submit(
            &link,
            &format!("{link}/decline"),
            &[("reason", "We already work with another provider.")],
        )
        .await;
    assert_eq!(declined.status(), StatusCode::SEE_OTHER);
    let told = app
        .email_to(
            "admin@provdc.example.com",
            "declined your partnership invitation",
        )
        .await;
    assert!(
        told.body_text
            .contains("We already work with another provider.")
    );
    let after = reseller.page(&link, StatusCode::CONFLICT).await;
    assert!(texts(&after, "#refusal")[0].contains("declined"));
    app.assert_audited("partnership_invitation.declined").await;

    // A second invitation is accepted; later the reseller ends the partnership.
    let (_, link) = invite(&app, &provider, "").await;
    let done = reseller.submit(&link, &link, &[("consent", "yes")]).await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let mine = reseller.html("/partners/providers").await;
    let end = attr(&mine, "#providers a.end-partnership", "href").unwrap();
    let confirm = reseller.html(&end).await;
    assert!(texts(&confirm, "label[for=attest]")[0].contains("hold the vendor harmless"));
    assert!(texts(&confirm, "#courtesy-note")[0].contains("not the formal termination notice"));
    let unticked = reseller.submit(&end, &end, &[]).await;
    assert_eq!(unticked.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let ended = reseller.submit(&end, &end, &[("attest", "yes")]).await;
    assert_eq!(location(&ended), "/partners/providers");
    let state: (String, String) = sqlx::query_as("select state, ended_by_side from partnerships")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(state, ("ended".to_owned(), "reseller".to_owned()));
    for to in ["admin@provdc.example.com", "admin@resdc.example.com"] {
        let mail = app.email_to(to, "has ended").await;
        assert!(
            mail.body_text
                .contains("resdc Org has ended its partnership with provdc Org"),
            "{}",
            mail.body_text
        );
    }
    // The provider-side page states every condition too.
    let theirs = provider.html("/partners/resellers").await;
    assert!(texts(&theirs, "#active .name").is_empty());
}

#[tokio::test]
async fn each_refusal_says_why() {
    let app = TestApp::spawn().await;
    let provider = account(&app, "provx", "DE").await;
    make_provider(&app, "provx", "europe").await;
    let newcomer = account(&app, "newcomer", "DE").await;
    let unsigned = account(&app, "unsigned", "DE").await;
    sqlx::query("insert into applications (application_id, tenant_id, program, state, submitted_at) select gen_random_uuid(), tenant_id, 'indirect_reseller', 'approved', now() from tenants where domain_prefix = 'unsigned'")
        .execute(&app.db)
        .await
        .unwrap();
    let faraway = account(&app, "faraway", "US").await;
    make_active(&app, "faraway").await;
    let partner = account(&app, "partner", "DE").await;
    make_active(&app, "partner").await;
    let agent = app
        .add_user("admin@partner.example.com", "sales_agent")
        .await;
    let agent_client = app.browser();
    agent_client
        .submit(
            "/signin",
            "/signin",
            &[("email", &agent), ("password", STRONG_PASSWORD)],
        )
        .await;

    let (_, link) = invite(&app, &provider, "").await;
    for (client, message) in [
        (&newcomer, "approved indirect reseller before a provider"),
        (&unsigned, "must accept the partner agreement"),
        (&faraway, "does not serve your program region"),
        (&provider, "comes from your own organisation"),
        (
            &agent_client,
            "Only your organisation's global admin or an admin agent",
        ),
    ] {
        let page = client.open(&link).await;
        assert_eq!(page.status(), StatusCode::CONFLICT, "{message}");
        assert!(
            texts(&page.text().await.unwrap(), "#refusal")[0].contains(message),
            "{message}"
        );
        let posted = client.submit(&link, &link, &[("consent", "yes")]).await;
        assert_eq!(
            posted.status(),
            StatusCode::CONFLICT,
            "refused on the server too: {message}"
        );
    }
    // Already partners: a second invitation to the same reseller is refused.
    partner.submit(&link, &link, &[("consent", "yes")]).await;
    let (_, second) = invite(&app, &provider, "").await;
    assert!(
        texts(
            &partner.page(&second, StatusCode::CONFLICT).await,
            "#refusal"
        )[0]
        .contains("already your indirect provider")
    );

    // Revoked and expired links.
    let (_, revoked) = invite(&app, &provider, "").await;
    let id: uuid::Uuid = sqlx::query_scalar("select invitation_id from partnership_invitations where state = 'pending' order by created_at desc limit 1").fetch_one(&app.db).await.unwrap();
    provider
        .submit(
            "/partners/resellers",
            &format!("/partners/resellers/invitations/{id}/revoke"),
            &[],
        )
        .await;
    assert!(
        texts(
            &partner.page(&revoked, StatusCode::CONFLICT).await,
            "#refusal"
        )[0]
        .contains("withdrawn")
    );
    sqlx::query("update partnership_invitations set expires_at = now() - interval '1 second' where state = 'pending'").execute(&app.db).await.unwrap();
    assert!(
        texts(
            &faraway.page(&second, StatusCode::CONFLICT).await,
            "#refusal"
        )[0]
        .contains("expired")
    );
    assert_eq!(
        partner.open("/invitations/nonsense").await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_resent_invitation_has_a_new_link_and_the_old_one_stops() {
    let app = TestApp::spawn().await;
    let provider = account(&app, "provr", "DE").await;
    make_provider(&app, "provr", "europe").await;
    let (_, old) = invite(&app, &provider, "someone@reseller.example.com").await;
    let id: uuid::Uuid = sqlx::query_scalar("select invitation_id from partnership_invitations")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let r = provider
        .submit(
            "/partners/resellers",
            &format!("/partners/resellers/invitations/{id}/resend"),
            &[],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let draft = provider.html("/partners/resellers/draft").await;
    let new = texts(&draft, "#invitation-link")[0]
        .trim_start_matches(&app.address)
        .to_owned();
    assert_ne!(old, new);
    assert_eq!(app.get(&old).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.get(&new).await.status(), StatusCode::OK);
    assert_eq!(app.emails_to("someone@reseller.example.com").await, 2);
}

#[tokio::test]
async fn two_authorisations_at_once_make_one_partnership() {
    let app = TestApp::spawn().await;
    let provider = account(&app, "provd", "DE").await;
    make_provider(&app, "provd", "europe").await;
    let reseller = account(&app, "resd", "DE").await;
    make_active(&app, "resd").await;
    let (_, link) = invite(&app, &provider, "").await;
    let page = reseller.html(&link).await;
    let token = csrf_token(&page);
    let form = [("consent", "yes"), ("csrf_token", token.as_str())];
    let (a, b) = tokio::join!(
        reseller.post(app.url(&link)).form(&form).send(),
        reseller.post(app.url(&link)).form(&form).send()
    );
    let statuses = [a.unwrap().status(), b.unwrap().status()];
    assert!(statuses.contains(&StatusCode::SEE_OTHER), "{statuses:?}");
    let count: i64 = sqlx::query_scalar("select count(*) from partnerships")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(count, 1);
}

#[tokio::test]
async fn ending_a_partnership_needs_the_attestation_and_tells_both_sides() {
    let app = TestApp::spawn().await;
    let provider = account(&app, "prove", "DE").await;
    make_provider(&app, "prove", "europe").await;
    let reseller = account(&app, "rese", "DE").await;
    make_active(&app, "rese").await;
    let (_, link) = invite(&app, &provider, "").await;
    reseller.submit(&link, &link, &[("consent", "yes")]).await;
    let id: uuid::Uuid = sqlx::query_scalar("select partnership_id from partnerships")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let page = format!("/partners/resellers/{id}/remove");
    let confirm = provider.html(&page).await;
    assert!(
        texts(&confirm, "main li")
            .iter()
            .any(|t| t.contains("stay linked"))
    );
    let refused = provider.submit(&page, &page, &[]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let done = provider.submit(&page, &page, &[("attest", "yes")]).await;
    assert_eq!(location(&done), "/partners/resellers");
    for address in ["admin@prove.example.com", "admin@rese.example.com"] {
        app.email_to(address, "has ended").await;
    }
    let theirs = provider.html("/partners/resellers").await;
    assert!(!texts(&theirs, "#no-active").is_empty());
    assert_eq!(texts(&theirs, "#ended .name"), vec!["rese Org"]);
    assert!(!texts(&reseller.html("/partners/providers").await, "#no-providers").is_empty());
    let attestation: Option<String> = sqlx::query_scalar("select attestation from partnerships")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert!(attestation.unwrap().contains("good faith"));
    app.assert_audited("partnership.ended").await;
    assert_eq!(
        provider
            .submit("/partners/resellers", &page, &[("attest", "yes")])
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn no_tenant_sees_or_touches_another_tenants_links() {
    let app = TestApp::spawn().await;
    let provider = account(&app, "provi", "DE").await;
    make_provider(&app, "provi", "europe").await;
    let other = account(&app, "otherprov", "DE").await;
    make_provider(&app, "otherprov", "europe").await;
    let reseller = account(&app, "resi", "DE").await;
    make_active(&app, "resi").await;
    let (_, link) = invite(&app, &provider, "x@resi.example.com").await;
    let invitation: uuid::Uuid =
        sqlx::query_scalar("select invitation_id from partnership_invitations")
            .fetch_one(&app.db)
            .await
            .unwrap();
    for action in ["resend", "revoke"] {
        let r = other
            .submit(
                "/partners/resellers",
                &format!("/partners/resellers/invitations/{invitation}/{action}"),
                &[],
            )
            .await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND, "{action}");
    }
    reseller.submit(&link, &link, &[("consent", "yes")]).await;
    let id: uuid::Uuid = sqlx::query_scalar("select partnership_id from partnerships")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(
        other
            .open(&format!("/partners/resellers/{id}/remove"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let list = other.html("/partners/resellers").await;
    assert!(!texts(&list, "#no-active").is_empty() && !texts(&list, "#no-pending").is_empty());
    assert_eq!(
        reseller.open("/partners/resellers").await.status(),
        StatusCode::FORBIDDEN,
        "not a provider"
    );
}

#[tokio::test]
async fn signing_up_from_an_invitation_comes_back_to_it() {
    let app = TestApp::spawn().await;
    let provider = account(&app, "provs", "DE").await;
    make_provider(&app, "provs", "europe").await;
    let (_, link) = invite(&app, &provider, "").await;
    let visitor = app.browser();
    let page = visitor.html(&link).await;
    let signup = attr(&page, "#sign-up-to-accept", "href").unwrap();
    assert_eq!(signup, format!("/signup?next={link}"));
    let form = visitor.html(&signup).await;
    assert_eq!(attr(&form, "input[name=next]", "value"), Some(link.clone()));
    let r = visitor
        .submit(
            &signup,
            "/signup",
            &[
                ("organisation", "Visitor Org"),
                ("domain_prefix", "visitor"),
                ("country", "DE"),
                ("full_name", "Vic Visitor"),
                ("email", "vic@visitor.example.com"),
                ("password", STRONG_PASSWORD),
                ("next", &link),
            ],
        )
        .await;
    assert_eq!(location(&r), "/signup/check-email");
    // The confirmation link carries the invitation on: confirm, sign in, and back to it.
    let confirm = app
        .email_to("vic@visitor.example.com", "Confirm")
        .await
        .link_path(&app.address);
    let to_sign_in = visitor.open(&confirm).await;
    let sign_in = location(&to_sign_in);
    assert_eq!(sign_in, format!("/signin?next={link}"));
    let signed_in = visitor
        .submit(
            &sign_in,
            "/signin",
            &[
                ("email", "vic@visitor.example.com"),
                ("password", STRONG_PASSWORD),
                ("next", &link),
            ],
        )
        .await;
    assert_eq!(location(&signed_in), link);
    let back = visitor.page(&link, StatusCode::CONFLICT).await;
    assert!(
        texts(&back, "#refusal")[0].contains("approved indirect reseller"),
        "the new account is told what it still needs"
    );
}

#[tokio::test]
async fn a_reseller_views_shared_customers_and_invites_new_ones() {
    let app = TestApp::spawn().await;
    let provider = account(&app, "provc", "DE").await;
    make_provider(&app, "provc", "europe").await;
    let reseller = account(&app, "resc2", "DE").await;
    make_active(&app, "resc2").await;
    let (_, link) = invite(&app, &provider, "").await;
    reseller.submit(&link, &link, &[("consent", "yes")]).await;
    let id: uuid::Uuid = sqlx::query_scalar("select partnership_id from partnerships")
        .fetch_one(&app.db)
        .await
        .unwrap();

    let list = reseller.html("/partners/providers").await;
    assert_eq!(
        attr(&list, "#providers a.view-customers", "href"),
        Some(format!("/partners/providers/{id}/customers"))
    );
    let empty = reseller
        .html(&format!("/partners/providers/{id}/customers"))
        .await;
    assert!(!texts(&empty, "#no-customers").is_empty());
    sqlx::query("insert into tenants (tenant_id, name, domain_prefix, country_code, billing_currency, kind) values ('00000000-0000-0000-0000-000000000001', 'Adatum Corp', 'adatum', 'DE', 'EUR', 'customer')").execute(&app.db).await.unwrap();
    sqlx::query(
        "insert into customer_relationships (relationship_id, customer_tenant_id, reseller_tenant_id, provider_tenant_id, via)
         select gen_random_uuid(), '00000000-0000-0000-0000-000000000001', reseller_tenant_id, provider_tenant_id, 'invitation' from partnerships",
    )
    .execute(&app.db)
    .await
    .unwrap();
    let shared = reseller
        .html(&format!("/partners/providers/{id}/customers"))
        .await;
    assert_eq!(texts(&shared, "#customers td")[0], "Adatum Corp");

    let page = format!("/partners/providers/{id}/invite-customers");
    let bad = reseller
        .submit(&page, &page, &[("email", "not-an-address")])
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let draft = reseller
        .submit(&page, &page, &[("email", "it@adatum.example.com")])
        .await;
    assert_eq!(draft.status(), StatusCode::OK);
    let html = draft.text().await.unwrap();
    let customer_link = texts(&html, "#invitation-link")[0]
        .trim_start_matches(&app.address)
        .to_owned();
    assert!(customer_link.starts_with("/customer-invitations/"));
    let mail = app.email_to("it@adatum.example.com", "authorise").await;
    assert!(mail.body_text.contains(&customer_link) && mail.body_text.contains("provc Org"));
    let landing = app
        .browser()
        .open(&customer_link)
        .await
        .text()
        .await
        .unwrap();
    assert!(texts(&landing, "h1")[0].contains("resc2 Org and provc Org"));
    sqlx::query("update customer_invitations set expires_at = now() - interval '1 second'")
        .execute(&app.db)
        .await
        .unwrap();
    let expired = app
        .browser()
        .open(&customer_link)
        .await
        .text()
        .await
        .unwrap();
    assert!(texts(&expired, "#problem")[0].contains("expired"));
    assert_eq!(
        app.get("/customer-invitations/unknown").await.status(),
        StatusCode::NOT_FOUND
    );
    app.assert_audited("customer.invited").await;

    // Another tenant cannot use this partnership.
    assert_eq!(
        provider
            .open(&format!("/partners/providers/{id}/customers"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(provider.open(&page).await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn authorising_grants_admin_access_which_outlives_the_partnership_until_the_reseller_removes_it()
 {
    let app = TestApp::spawn().await;
    let provider = account(&app, "provga", "DE").await;
    make_provider(&app, "provga", "europe").await;
    let reseller = account(&app, "resga", "DE").await;
    make_active(&app, "resga").await;
    let (_, link) = invite(&app, &provider, "").await;
    reseller.submit(&link, &link, &[("consent", "yes")]).await;
    app.assert_audited("admin_access.granted").await;

    // The reseller sees who gave which provider admin access, and when.
    let mine = reseller.html("/partners/providers").await;
    assert_eq!(texts(&mine, "#admin-access .name"), vec!["provga Org"]);
    assert_eq!(
        texts(&mine, "#admin-access .granted-by"),
        vec!["Alex Admin"]
    );
    let theirs = provider.html("/partners/resellers").await;
    assert_eq!(texts(&theirs, "#active .admin-access"), vec!["Yes"]);

    // Ending the partnership leaves the grant in place.
    let id: uuid::Uuid = sqlx::query_scalar("select partnership_id from partnerships")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let end = format!("/partners/resellers/{id}/remove");
    provider.submit(&end, &end, &[("attest", "yes")]).await;
    let mine = reseller.html("/partners/providers").await;
    assert!(!texts(&mine, "#no-providers").is_empty());
    assert_eq!(
        texts(&mine, "#admin-access .name"),
        vec!["provga Org partnership ended"]
    );
    assert_eq!(
        texts(
            &provider.html("/partners/resellers").await,
            "#ended .admin-access"
        ),
        vec!["Yes"]
    );

    // A sales agent of the reseller sees the grant but may not remove it.
    let agent_email = app.add_user("admin@resga.example.com", "sales_agent").await;
    let agent = app.browser();
    agent
        .submit(
            "/signin",
            "/signin",
            &[("email", &agent_email), ("password", STRONG_PASSWORD)],
        )
        .await;
    let seen = agent.html("/partners/providers").await;
    assert!(texts(&seen, ".remove-access").is_empty());
    assert!(!texts(&seen, "#access-who-removes").is_empty());
    let grant: uuid::Uuid = sqlx::query_scalar("select grant_id from admin_access_grants")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let remove = format!("/partners/admin-access/{grant}/remove");
    assert_eq!(agent.open(&remove).await.status(), StatusCode::FORBIDDEN);
    // The provider cannot remove it either (not its grant to give).
    assert_eq!(provider.open(&remove).await.status(), StatusCode::NOT_FOUND);

    // The reseller's global admin removes it: both sides are told; it is audited.
    let confirm = reseller.html(&remove).await;
    assert!(texts(&confirm, "h1")[0].contains("provga Org"));
    let done = reseller.submit(&remove, &remove, &[]).await;
    assert_eq!(location(&done), "/partners/providers");
    for address in ["admin@provga.example.com", "admin@resga.example.com"] {
        let mail = app.email_to(address, "no longer has admin access").await;
        assert!(mail.body_text.contains("Alex Admin"), "{}", mail.body_text);
    }
    app.assert_audited("admin_access.removed").await;
    let mine = reseller.html("/partners/providers").await;
    assert!(!texts(&mine, "#no-admin-access").is_empty());
    assert_eq!(
        texts(
            &provider.html("/partners/resellers").await,
            "#ended .admin-access"
        ),
        vec!["Removed by the reseller"]
    );
    // Removing again finds nothing.
    assert_eq!(
        reseller
            .submit("/partners/providers", &remove, &[])
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_reseller_asks_a_listed_provider_for_an_invitation() {
    let app = TestApp::spawn().await;
    let _provider = account(&app, "provrq", "DE").await;
    make_provider(&app, "provrq", "europe").await;
    sqlx::query(
        "insert into organisation_profiles (tenant_id, legal_name, address_line1, city, phone,
             contact_first_name, contact_last_name, contact_email, contact_phone,
             support_email, support_phone, support_website)
         select tenant_id, 'Provrq GmbH', 'Weg 1', 'Berlin', '+49 30 1111111', 'Pia', 'Prov',
                'pia@provrq.example.com', '+49 30 1234567', 'help@provrq.example.com',
                '+49 30 7654321', 'https://help.provrq.example.com'
         from tenants where domain_prefix = 'provrq'",
    )
    .execute(&app.db)
    .await
    .unwrap();
    let reseller = account(&app, "resrq", "FR").await;
    make_active(&app, "resrq").await;
    crate::orders::give_partner_id(&app, "resrq", "4600001").await;

    let page = reseller.html("/providers").await;
    assert!(texts(&page, "#provider-provrq .support")[0].contains("help@provrq.example.com"));
    assert_eq!(
        texts(&page, "#provider-provrq button.request-invitation").len(),
        1
    );
    let tenant: uuid::Uuid =
        sqlx::query_scalar("select tenant_id from tenants where domain_prefix = 'provrq'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    let action = format!("/providers/{tenant}/request-invitation");
    let sent = reseller.submit("/providers", &action, &[]).await;
    assert_eq!(location(&sent), "/providers");
    let mail = app
        .email_to(
            "admin@provrq.example.com",
            "asks you for a partnership invitation",
        )
        .await;
    for fact in ["resrq Org", "4600001", "France", "admin@resrq.example.com"] {
        assert!(mail.body_text.contains(fact), "{fact}: {}", mail.body_text);
    }
    app.assert_audited("partnership.invitation_requested").await;
    // Rate-limited per organisation: five a day.
    for _ in 0..4 {
        reseller.submit("/providers", &action, &[]).await;
    }
    let refused = reseller.submit("/providers", &action, &[]).await;
    assert_eq!(location(&refused), "/providers");
    let requests: i64 = sqlx::query_scalar(
        "select count(*) from email_outbox where subject like '%asks you for a partnership invitation'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(requests, 5, "the sixth request is refused");
    // A colleague whose role has no reseller tasks sees no button and may not ask.
    let helpdesk = app
        .add_user("admin@resrq.example.com", "helpdesk_agent")
        .await;
    let colleague = app.browser();
    colleague
        .submit(
            "/signin",
            "/signin",
            &[("email", &helpdesk), ("password", STRONG_PASSWORD)],
        )
        .await;
    let page = colleague.html("/providers").await;
    assert!(texts(&page, "button.request-invitation").is_empty());
    let token = csrf_token(&page);
    let r = colleague
        .post(app.url(&action))
        .form(&[("csrf_token", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    // Signed out, nobody is offered the button; the empty region says what to do.
    let anonymous = app.browser().html("/providers?region=jp").await;
    assert!(texts(&anonymous, "#no-providers")[0].contains("Show all regions"));
}
