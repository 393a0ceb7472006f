//! Issue 15: the role -> capability table, enforced on every partner route. Each role
//! signs in and opens every route; the answer must match the table in
//! `partner_portal::domain::authz` (allowed: the page; not allowed: the 403 page that names
//! the roles that may and who holds them).

use crate::direct::{approved_reseller, fill_direct, open_intake};
use crate::helpers::*;
use partner_portal::domain::authz::Capability;
use partner_portal::domain::tenant::{Role, Roles};
use reqwest::StatusCode;

/// What a route needs; `None`: any signed-in user of the organisation.
pub(crate) struct Route {
    pub path: String,
    pub needs: Option<Capability>,
}

fn route(path: impl Into<String>, needs: Option<Capability>) -> Route {
    Route {
        path: path.into(),
        needs,
    }
}

/// One organisation that is everything at once, and every partner route it can open.
pub(crate) struct Matrix {
    /// The global admin's e-mail.
    pub admin: String,
    pub routes: Vec<Route>,
    pub grant: uuid::Uuid,
    pub customer: uuid::Uuid,
    pub subscription: uuid::Uuid,
    pub order: uuid::Uuid,
    pub reseller_app: uuid::Uuid,
    pub direct_app: uuid::Uuid,
}

/// Every back-office page, with the matrix's records, and an address that does not exist.
pub(crate) fn staff_routes(m: &Matrix) -> Vec<String> {
    vec![
        "/admin/applications".to_owned(),
        format!("/admin/applications/{}", m.reseller_app),
        format!("/admin/applications/{}", m.direct_app),
        "/admin/audit".to_owned(),
        "/admin/customers".to_owned(),
        format!("/admin/customers/{}", m.customer),
        format!("/admin/orders/{}", m.order),
        format!("/admin/subscriptions/{}", m.subscription),
        "/admin/direct-bill".to_owned(),
        "/admin/legal-names".to_owned(),
        "/admin/providers".to_owned(),
        "/admin/settings".to_owned(),
        "/admin/email".to_owned(),
        "/admin/staff".to_owned(),
        "/admin/password".to_owned(),
        "/admin/no-such-page".to_owned(),
    ]
}

/// The e-mail of a user of the matrix's customer organisation (added once).
pub(crate) const CUSTOMER_USER: &str = "mia@matrixcust.example";

/// Adds [`CUSTOMER_USER`], a global admin of the matrix's customer, with the test password.
pub(crate) async fn add_customer_user(app: &TestApp, m: &Matrix) {
    let hash = partner_portal::auth::PasswordHasher::new()
        .hash(STRONG_PASSWORD)
        .await
        .unwrap();
    sqlx::query(
        "insert into users (user_id, tenant_id, full_name, email, password_hash, roles, email_confirmed_at)
         values (gen_random_uuid(), $1, 'Mia Muster', $2, $3, '{global_admin}', now())",
    )
    .bind(m.customer)
    .bind(CUSTOMER_USER)
    .bind(hash)
    .execute(&app.db)
    .await
    .unwrap();
}

/// The pages a customer's user opens: its dashboard, its order, and a partner page it may
/// not open.
pub(crate) fn customer_routes(m: &Matrix) -> Vec<String> {
    vec![
        "/dashboard".to_owned(),
        format!("/customer/orders/{}", m.order),
        "/customers".to_owned(),
    ]
}

/// Builds [`Matrix`] in `app`: an approved reseller (agreement accepted), a listed
/// direct-bill provider with a reseller and a customer with an order, a reseller of another
/// provider, and a direct-bill applicant with evidence filed.
pub(crate) async fn matrix(app: &TestApp) -> Matrix {
    // One organisation that is everything at once: an approved reseller (agreement
    // accepted), a listed provider with a reseller, a reseller of another provider, and a
    // direct-bill applicant with evidence filed.
    let admin = approved_reseller(app, "matrix", "7600001", "13 months").await;
    open_intake(app).await;
    fill_direct(app).await;
    let other_provider = app
        .insert_application("matrixprov", "FR", "approved", 30, "Matrix Provider SAS")
        .await;
    let other_reseller = app
        .insert_application("matrixres", "FR", "approved", 30, "Matrix Reseller SAS")
        .await;
    let _ = (other_provider, other_reseller);
    sqlx::query("insert into provider_regions (tenant_id, csp_region) select tenant_id, 'europe' from tenants where domain_prefix = 'matrix'")
        .execute(&app.db).await.unwrap();
    let as_provider: uuid::Uuid = sqlx::query_scalar(
        "insert into partnerships (partnership_id, provider_tenant_id, reseller_tenant_id)
         select gen_random_uuid(), p.tenant_id, r.tenant_id from tenants p, tenants r
         where p.domain_prefix = 'matrix' and r.domain_prefix = 'matrixres' returning partnership_id",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let as_reseller: uuid::Uuid = sqlx::query_scalar(
        "insert into partnerships (partnership_id, provider_tenant_id, reseller_tenant_id)
         select gen_random_uuid(), p.tenant_id, r.tenant_id from tenants p, tenants r
         where p.domain_prefix = 'matrixprov' and r.domain_prefix = 'matrix' returning partnership_id",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    // A customer the matrix organisation serves as provider, for matrixres.
    let customer: uuid::Uuid = sqlx::query_scalar(
        "insert into tenants (tenant_id, name, domain_prefix, country_code, billing_currency, kind)
         values (gen_random_uuid(), 'Matrix Customer', 'matrixcust', 'DE', 'EUR', 'customer') returning tenant_id",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    sqlx::query(
        "insert into customer_profiles (tenant_id, address_line1, city, contact_first_name, contact_last_name, contact_email, contact_phone)
         values ($1, 'Ring 1', 'Hamburg', 'Mia', 'Muster', 'mia@matrixcust.example', '+49 40 1234567')",
    )
    .bind(customer)
    .execute(&app.db)
    .await
    .unwrap();
    sqlx::query(
        "insert into customer_relationships (relationship_id, customer_tenant_id, provider_tenant_id, reseller_tenant_id, via)
         select gen_random_uuid(), $1, p.tenant_id, r.tenant_id, 'added' from tenants p, tenants r
         where p.domain_prefix = 'matrix' and r.domain_prefix = 'matrixres'",
    )
    .bind(customer)
    .execute(&app.db)
    .await
    .unwrap();
    // The admin access the matrix organisation gave its provider.
    let grant: uuid::Uuid = sqlx::query_scalar(
        "insert into admin_access_grants (grant_id, grantor_tenant_id, grantee_tenant_id, partnership_id, granted_by_name)
         select gen_random_uuid(), r.tenant_id, p.tenant_id, $1, 'Jane Doe' from tenants p, tenants r
         where p.domain_prefix = 'matrixprov' and r.domain_prefix = 'matrix' returning grant_id",
    )
    .bind(as_reseller)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let (direct_app, document): (uuid::Uuid, uuid::Uuid) = sqlx::query_as(
        "select d.application_id, d.document_id from application_documents d
         join applications a using (application_id) join tenants t using (tenant_id)
         where t.domain_prefix = 'matrix'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let reseller_app: uuid::Uuid = sqlx::query_scalar(
        "select application_id from applications a join tenants t using (tenant_id)
         where t.domain_prefix = 'matrix' and a.program = 'indirect_reseller'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();

    // The matrix organisation is a direct-bill partner (it may order), and its customer
    // has an order with one subscription.
    sqlx::query(
        "insert into direct_bill_partners (tenant_id, application_id, approved_at, reassessment_due_on)
         select tenant_id, $1, now(), current_date + 365 from applications where application_id = $1",
    )
    .bind(reseller_app)
    .execute(&app.db)
    .await
    .unwrap();
    let order: uuid::Uuid = sqlx::query_scalar(
        "insert into orders (order_id, cart_id, provider_tenant_id, customer_tenant_id, acting_as_provider,
                             currency, total_minor, placed_by_name)
         select gen_random_uuid(), gen_random_uuid(), tenant_id, $1, false, 'EUR', 1150, 'Jane Doe'
         from tenants where domain_prefix = 'matrix' returning order_id",
    )
    .bind(customer)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let subscription: uuid::Uuid = sqlx::query_scalar(
        "insert into subscriptions (subscription_id, customer_tenant_id, provider_tenant_id, offer_id, order_id,
                                    licences, billing_cycle, currency, unit_price_minor, started_on, next_renewal_on)
         select gen_random_uuid(), $1, provider_tenant_id, 'CIR-OFF-STD', order_id, 1, 'monthly', 'EUR', 1150,
                current_date, current_date + 30
         from orders where order_id = $2 returning subscription_id",
    )
    .bind(customer)
    .bind(order)
    .fetch_one(&app.db)
    .await
    .unwrap();
    sqlx::query(
        "insert into order_lines (order_id, line_no, offer_id, offer_name, billing_cycle, licences,
                                  unit_price_minor, line_total_minor, subscription_id)
         values ($1, 1, 'CIR-OFF-STD', 'Cirrus Office Standard', 'monthly', 1, 1150, 1150, $2)",
    )
    .bind(order)
    .bind(subscription)
    .execute(&app.db)
    .await
    .unwrap();

    let admin_id: uuid::Uuid =
        sqlx::query_scalar("select user_id from users where email = $1::text::citext")
            .bind(&admin)
            .fetch_one(&app.db)
            .await
            .unwrap();
    use Capability::*;
    let routes = vec![
        route("/dashboard", None),
        route("/account/password", None),
        route("/account/users", Some(ManageUsers)),
        route(format!("/account/users/{admin_id}"), Some(ManageUsers)),
        route("/account/profile", None),
        route("/account/profile/legal", Some(EditProfile)),
        route("/account/profile/contact", Some(EditProfile)),
        route("/account/profile/support", Some(EditProfile)),
        route("/account/profile/bank", Some(EditProfile)),
        route("/account/time-zone", Some(EditProfile)),
        route("/agreement", None),
        route(format!("/applications/{reseller_app}"), None),
        route("/enroll/direct", None),
        route("/enroll/direct/revenue", Some(ManageApplications)),
        route("/enroll/direct/check", Some(ManageApplications)),
        route(
            format!("/applications/{direct_app}/withdraw"),
            Some(ManageApplications),
        ),
        route(
            format!("/applications/{direct_app}/documents/{document}"),
            Some(DownloadEvidence),
        ),
        route("/partners/resellers", Some(ProviderTasks)),
        route(
            format!("/partners/resellers/{as_provider}/remove"),
            Some(ProviderTasks),
        ),
        route("/partners/providers", Some(ResellerTasks)),
        route(
            format!("/partners/providers/{as_reseller}/customers"),
            Some(ResellerTasks),
        ),
        route(
            format!("/partners/providers/{as_reseller}/invite-customers"),
            Some(ResellerTasks),
        ),
        route(
            format!("/partners/admin-access/{grant}/remove"),
            Some(RevokeAdminAccess),
        ),
        route(
            format!("/partners/providers/{as_reseller}/end"),
            Some(ResellerTasks),
        ),
        route("/customers", Some(SeeCustomers)),
        route(
            format!("/customers/new?reseller={as_provider}"),
            Some(ProviderTasks),
        ),
        route(format!("/customers/{customer}"), Some(SeeCustomers)),
        route(
            format!("/customers/{customer}/agreement"),
            Some(ProviderTasks),
        ),
        route("/catalogue", Some(SeeCustomers)),
        route("/subscriptions", Some(SeeCustomers)),
        route(format!("/subscriptions/{subscription}"), Some(SeeCustomers)),
        route(
            format!("/subscriptions/{subscription}/cancel"),
            Some(ManageSubscriptions),
        ),
        route(format!("/orders/{order}"), Some(SeeCustomers)),
        route(format!("/customers/{customer}/cart"), Some(PlaceOrders)),
        route(
            format!("/customers/{customer}/cart/review"),
            Some(PlaceOrders),
        ),
        route(
            format!("/customers/{customer}/cart/cancel"),
            Some(PlaceOrders),
        ),
    ];
    Matrix {
        admin,
        routes,
        grant,
        customer,
        subscription,
        order,
        reseller_app,
        direct_app,
    }
}

#[tokio::test]
async fn every_role_meets_every_partner_route_as_the_table_says() {
    let app = TestApp::spawn().await;
    let Matrix {
        admin,
        routes,
        grant,
        customer,
        subscription,
        ..
    } = matrix(&app).await;
    use Capability::*;
    // A state-changing route refused before anything happens.
    let remove_grant = format!("/partners/admin-access/{grant}/remove");
    let record_agreement = format!("/customers/{customer}/agreement");
    let add_to_cart = format!("/customers/{customer}/cart/add");
    let buy = format!("/customers/{customer}/cart/buy");
    let licences = format!("/subscriptions/{subscription}/licences");
    let posts = [
        (
            "/partners/resellers",
            "/partners/resellers/invite",
            ProviderTasks,
        ),
        ("/agreement", "/agreement", ManageApplications),
        ("/account/profile", "/account/profile/bank", EditProfile),
        ("/account/profile", remove_grant.as_str(), RevokeAdminAccess),
        ("/account/profile", "/customers/new/submit", ProviderTasks),
        ("/account/profile", record_agreement.as_str(), ProviderTasks),
        ("/account/profile", add_to_cart.as_str(), PlaceOrders),
        ("/account/profile", buy.as_str(), PlaceOrders),
        ("/account/profile", licences.as_str(), ManageSubscriptions),
    ];

    let mut checked = 0;
    // Every role alone, and users holding several roles (who may do what any of them may).
    let mut sets: Vec<Roles> = Role::ALL.into_iter().map(Roles::one).collect();
    sets.push(Roles::one(Role::SalesAgent).with(Role::UserManagementAdmin));
    sets.push(Roles::one(Role::AccountAdmin).with(Role::HelpdeskAgent));
    for role in sets {
        let email = if role.is_global_admin() {
            admin.clone()
        } else {
            app.add_user(&admin, &role.codes().join(",")).await
        };
        let client = app.browser();
        let signed = client
            .submit(
                "/signin",
                "/signin",
                &[("email", &email), ("password", STRONG_PASSWORD)],
            )
            .await;
        assert_eq!(signed.status(), StatusCode::SEE_OTHER, "{role:?} signs in");
        // The dashboard offers only what the role may open.
        let dashboard = client.html("/dashboard").await;
        for (link, capability) in [
            ("#my-providers", ResellerTasks),
            ("#my-resellers", ProviderTasks),
            ("#nav-users", ManageUsers),
            ("#my-subscriptions", SeeCustomers),
            ("#catalogue-link", SeeCustomers),
        ] {
            assert_eq!(
                !texts(&dashboard, link).is_empty(),
                role.can(capability),
                "{role:?}: {link}"
            );
        }
        // No page the role may open offers a link to a page it may not open: every link on
        // every allowed page opens.
        let mut offered = std::collections::BTreeSet::new();
        for r in routes
            .iter()
            .filter(|r| r.needs.is_none_or(|c| role.can(c)))
        {
            let html = client.html(&r.path).await;
            for href in attrs(&html, "main a[href^='/'], .site-nav a[href^='/']", "href") {
                offered.insert((href, r.path.clone()));
            }
        }
        assert!(offered.len() >= 5, "{role:?} was offered {offered:?}");
        for (href, on) in &offered {
            let status = client.open(href).await.status();
            assert_ne!(
                status,
                StatusCode::FORBIDDEN,
                "{role:?}: {on} links to {href}, which the role may not open"
            );
            checked += 1;
        }
        for r in &routes {
            let allowed = r.needs.is_none_or(|c| role.can(c));
            let response = client.open(&r.path).await;
            let status = response.status();
            if allowed {
                assert_eq!(status, StatusCode::OK, "{role:?} may open {}", r.path);
            } else {
                assert_eq!(
                    status,
                    StatusCode::FORBIDDEN,
                    "{role:?} may not open {}",
                    r.path
                );
                let html = response.text().await.unwrap();
                // The page names the roles that may, and who holds them (the global admin
                // holds every capability).
                let roles = texts(&html, "#forbidden-roles li");
                assert!(roles.contains(&"Global admin".to_owned()), "{roles:?}");
                let holders = texts(&html, "#forbidden-holders li").join(" ");
                assert!(holders.contains(&admin), "{holders}");
            }
            checked += 1;
        }
        for (page, action, capability) in posts {
            if role.can(capability) {
                continue;
            }
            let html = if role.can(ProviderTasks) || page == "/agreement" {
                client.html(page).await
            } else {
                client.html("/dashboard").await
            };
            let token = csrf_token(&html);
            let response = client
                .post(app.url(action))
                .form(&[
                    ("csrf_token", token.as_str()),
                    ("email", ""),
                    ("accept", "yes"),
                    ("version", "1"),
                ])
                .send()
                .await
                .unwrap();
            assert_eq!(
                response.status(),
                StatusCode::FORBIDDEN,
                "{role:?} posts {action}"
            );
            checked += 1;
        }
    }
    assert!(checked >= Role::ALL.len() * routes.len());
    // The forbidden page speaks the reader's language like every other.
    for lang in [
        partner_portal::i18n::Lang::De,
        partner_portal::i18n::Lang::ZhCn,
    ] {
        let reader = app.browser_speaking(lang.code());
        let email = format!("helpdesk_agent.{admin}");
        reader
            .submit(
                "/signin",
                "/signin",
                &[("email", &email), ("password", STRONG_PASSWORD)],
            )
            .await;
        let page = reader
            .page("/partners/resellers", StatusCode::FORBIDDEN)
            .await;
        crate::languages::assert_no_english(lang, "forbidden page", &page);
    }
    // Nothing was changed by a refused post: no invitation, the agreement accepted once.
    let invitations: i64 = sqlx::query_scalar("select count(*) from partnership_invitations")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(invitations, 0);
    let removed: Option<time::OffsetDateTime> =
        sqlx::query_scalar("select removed_at from admin_access_grants where grant_id = $1")
            .bind(grant)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert!(removed.is_none(), "the admin access stays");
    let customers: i64 = sqlx::query_scalar("select count(*) from tenants where kind = 'customer'")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(customers, 1, "no customer added by a refused post");
    let carts: i64 = sqlx::query_scalar("select count(*) from carts")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(carts, 0, "no cart opened by a refused post");
    let licences: i32 = sqlx::query_scalar("select licences from subscriptions")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(licences, 1, "no licence changed by a refused post");
    let recorded: i64 = sqlx::query_scalar("select count(*) from customer_agreement_acceptances")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(recorded, 0);
}
