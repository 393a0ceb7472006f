//! Orders and subscriptions (issue 17): catalogue, cart, review, Buy, subscriptions and who
//! sees what.

use crate::customers::{customer, customer_admin, form_id, partners};
use crate::helpers::*;
use reqwest::StatusCode;
use uuid::Uuid;

/// Gives the approved reseller `prefix` the partner ID `id` (an active membership).
pub(crate) async fn give_partner_id(app: &TestApp, prefix: &str, id: &str) {
    add_membership(&app.db, id, "DE", true).await;
    sqlx::query(
        "update applications set partner_id = $2
         where tenant_id = (select tenant_id from tenants where domain_prefix = $1)",
    )
    .bind(prefix)
    .bind(id)
    .execute(&app.db)
    .await
    .unwrap();
}

/// The provider adds a customer (`country`, for `reseller` = a partnership id or "");
/// returns the customer's tenant id and its admin's temporary password.
pub(crate) async fn add_customer(
    app: &TestApp,
    provider: &Browser<'_>,
    prefix: &str,
    country: &str,
    reseller: &str,
) -> (Uuid, String) {
    let email = format!("it@{prefix}.example");
    let id = form_id(provider, reseller).await;
    let mut fields = customer(prefix, &email, reseller);
    fields.retain(|(n, _)| !matches!(*n, "country" | "postal_code" | "city"));
    let (city, postal) = match country {
        "JP" => ("Tokyo", "100-0001"),
        "US" => ("Seattle", "98101"),
        _ => ("Hamburg", "20095"),
    };
    fields.push(("country", country));
    fields.push(("city", city));
    fields.push(("postal_code", postal));
    fields.push(("form_id", &id));
    let added = provider
        .submit("/customers/new", "/customers/new/submit", &fields)
        .await;
    assert_eq!(added.status(), StatusCode::OK, "customer {prefix} added");
    let html = added.text().await.unwrap();
    let password = texts(&html, "#temporary-password")[0].clone();
    let tenant = sqlx::query_scalar("select tenant_id from tenants where domain_prefix = $1")
        .bind(prefix)
        .fetch_one(&app.db)
        .await
        .unwrap();
    (tenant, password)
}

/// The provider records the customer's acceptance of the customer agreement.
pub(crate) async fn record_agreement(provider: &Browser<'_>, customer: Uuid) {
    let page = format!("/customers/{customer}/agreement");
    let today = time::OffsetDateTime::now_utc().date().to_string();
    let r = provider
        .submit(
            &page,
            &page,
            &[
                ("accepted", "yes"),
                ("accepted_on", &today),
                ("first_name", "Olu"),
                ("last_name", "Okafor"),
                ("email", "olu@customer.example"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
}

/// Adds `licences` of `offer` to the customer's cart.
pub(crate) async fn add_to_cart(
    provider: &Browser<'_>,
    customer: Uuid,
    offer: &str,
    licences: &str,
) -> reqwest::Response {
    let cart = format!("/customers/{customer}/cart");
    provider
        .submit(
            &cart,
            &format!("{cart}/add"),
            &[("offer_id", offer), ("licences", licences)],
        )
        .await
}

/// The review's Buy form fields (cart id, version, total).
fn buy_fields(review: &str) -> Vec<(String, String)> {
    ["cart_id", "version", "total", "csrf_token"]
        .iter()
        .map(|name| {
            (
                (*name).to_owned(),
                attr(review, &format!("form input[name={name}]"), "value")
                    .unwrap_or_else(|| panic!("{name} in the Buy form")),
            )
        })
        .collect()
}

/// Posts a subscription's form `what` (licences, state, reseller, support) with `fields` and
/// the version the page showed.
async fn change_sub(
    browser: &Browser<'_>,
    sub_path: &str,
    what: &str,
    fields: &[(&str, &str)],
    version: &str,
) -> reqwest::Response {
    let mut form = fields.to_vec();
    form.push(("version", version));
    browser
        .submit(sub_path, &format!("{sub_path}/{what}"), &form)
        .await
}

async fn count(app: &TestApp, sql: &'static str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.db).await.unwrap()
}

#[tokio::test]
async fn the_catalogue_prices_every_offer_in_every_billing_currency_in_its_minor_unit() {
    let app = TestApp::spawn().await;
    let missing: i64 = count(
        &app,
        "select count(*) from offers o cross join (select distinct billing_currency from markets) m
         where not exists (select 1 from offer_prices p where p.offer_id = o.offer_id
                           and p.currency = m.billing_currency)",
    )
    .await;
    assert_eq!(
        missing, 0,
        "every offer has a price in every billing currency"
    );
    let offers = count(&app, "select count(*) from offers").await;
    assert!((15..=25).contains(&offers), "{offers} offers");
    let currencies: Vec<String> =
        sqlx::query_scalar("select distinct billing_currency::text from markets")
            .fetch_all(&app.db)
            .await
            .unwrap();
    for c in &currencies {
        assert!(
            partner_portal::domain::order::exponent(c).is_some(),
            "{c} is an ISO 4217 currency with an exponent"
        );
    }
    // The same list price in cents and in yen: JPY has no minor unit.
    let price = |c: &'static str| {
        sqlx::query_scalar::<_, i64>(
            "select unit_price_minor from offer_prices where offer_id = 'CIR-OFF-STD' and currency = $1",
        )
        .bind(c)
        .fetch_one(&app.db)
    };
    assert_eq!(price("USD").await.unwrap(), 1250);
    assert_eq!(price("JPY").await.unwrap(), 1875);

    // The page: search and filters, prices in the organisation's currency.
    let partner = crate::partners::account(&app, "catalog", "DE").await;
    crate::partners::make_active(&app, "catalog").await;
    let all = partner.html("/catalogue").await;
    assert_eq!(texts(&all, "#catalogue tbody tr").len() as i64, offers);
    let mail = partner.html("/catalogue?q=mail&category=mail").await;
    let names = texts(&mail, "#catalogue .name");
    assert!(!names.is_empty() && names.iter().all(|n| n.contains("Mail")));
    let annual = partner.html("/catalogue?cycle=annual").await;
    assert!(texts(&annual, "#catalogue tbody tr").len() < offers as usize);
    let row = texts(&all, "#offer-CIR-OFF-STD .price");
    assert_eq!(row, vec!["€11.50"]);
    let jp = partner.html("/catalogue?region=jp").await;
    assert!(
        texts(&jp, "#offer-CIR-STO-SOV").is_empty(),
        "not sold in Japan"
    );
    let nothing = partner.html("/catalogue?q=%25%27%3Cscript%3E").await;
    assert!(!texts(&nothing, "#no-offers").is_empty());
}

#[tokio::test]
async fn a_provider_buys_once_for_a_resellers_customer_and_everyone_sees_what_they_may() {
    let app = TestApp::spawn().await;
    let (provider, reseller, partnership) = partners(&app, "provor", "resor").await;
    give_partner_id(&app, "resor", "4300001").await;
    let (customer_id, password) =
        add_customer(&app, &provider, "orderco", "DE", &partnership.to_string()).await;
    let cart = format!("/customers/{customer_id}/cart");

    // The customer page offers the cart; the cart is empty and lists offers sold in Europe.
    let detail = provider.html(&format!("/customers/{customer_id}")).await;
    assert_eq!(
        attr(&detail, "#add-subscriptions", "href"),
        Some(cart.clone())
    );
    let page = provider.html(&cart).await;
    assert!(!texts(&page, "#cart-empty").is_empty());
    assert!(!texts(&page, "#offer-CIR-STO-SOV").is_empty());

    // Bad licence counts come back beside the offer's field; nothing is added.
    for (licences, message) in [
        ("0", "at least 1"),
        ("301", "no more than 300"),
        ("ten", "whole number"),
        ("", "Enter the number of licences"),
    ] {
        let r = add_to_cart(&provider, customer_id, "CIR-MAIL-ESS", licences).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{licences}");
        let html = r.text().await.unwrap();
        let summary = error_summary(&html);
        assert_eq!(summary[0].0, "#licences-CIR-MAIL-ESS");
        assert!(summary[0].1.contains(message), "{summary:?}");
        assert_eq!(
            attr(&html, "#licences-CIR-MAIL-ESS", "value").as_deref(),
            Some(licences)
        );
    }
    let unknown = add_to_cart(&provider, customer_id, "NOPE", "1").await;
    assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(count(&app, "select count(*) from cart_lines").await, 0);

    for (offer, n) in [
        ("CIR-MAIL-ESS", "10"),
        ("CIR-OFF-STD", "5"),
        ("CIR-STO-SOV", "3"),
    ] {
        let r = add_to_cart(&provider, customer_id, offer, n).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{offer}");
    }
    // Adding again adds licences; a change within the limits; a remove and re-add.
    add_to_cart(&provider, customer_id, "CIR-MAIL-ESS", "2").await;
    let change = provider
        .submit(
            &cart,
            &format!("{cart}/lines/CIR-STO-SOV"),
            &[("licences", "4")],
        )
        .await;
    assert_eq!(change.status(), StatusCode::SEE_OTHER);
    let too_many = provider
        .submit(
            &cart,
            &format!("{cart}/lines/CIR-STO-SOV"),
            &[("licences", "5000")],
        )
        .await;
    assert_eq!(too_many.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        error_summary(&too_many.text().await.unwrap())[0].0,
        "#line-CIR-STO-SOV"
    );
    let page = provider.html(&cart).await;
    assert_eq!(
        texts(&page, "#cart-lines .name"),
        vec![
            "Cirrus Mail Essentials",
            "Cirrus Office Standard",
            "Cirrus Sovereign Storage"
        ]
    );
    // 12 × €3.68 + 5 × €11.50 + 4 × €6.44 = €44.16 + €57.50 + €25.76
    assert_eq!(texts(&page, "#cart-total"), vec!["€127.42"]);

    // The reseller: unknown, malformed, own and unverified partner IDs are refused.
    let reseller_action = format!("{cart}/reseller");
    for (fields, field, message) in [
        (
            vec![
                ("acting", "yes"),
                ("reseller", "other"),
                ("partner_id", "9999999"),
            ],
            "#partner_id",
            "No approved indirect reseller has this partner ID",
        ),
        (
            vec![
                ("acting", "yes"),
                ("reseller", "other"),
                ("partner_id", "12"),
            ],
            "#partner_id",
            "7 digits",
        ),
        (
            vec![("reseller", "other"), ("partner_id", "4300001")],
            "#acting",
            "acting as indirect provider",
        ),
        (
            vec![("acting", "yes"), ("reseller", "not-a-reseller")],
            "#reseller",
            "Choose a reseller",
        ),
    ] {
        let r = provider.submit(&cart, &reseller_action, &fields).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{fields:?}");
        let summary = error_summary(&r.text().await.unwrap());
        assert_eq!(summary[0].0, field);
        assert!(summary[0].1.contains(message), "{summary:?}");
    }
    // A reseller without a partnership with this provider.
    let stranger = crate::partners::account(&app, "strangr", "DE").await;
    drop(stranger);
    crate::partners::make_active(&app, "strangr").await;
    give_partner_id(&app, "strangr", "4300002").await;
    let r = provider
        .submit(
            &cart,
            &reseller_action,
            &[
                ("acting", "yes"),
                ("reseller", "other"),
                ("partner_id", "4300002"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        error_summary(&r.text().await.unwrap())[0]
            .1
            .contains("no active partnership")
    );
    // Its partner ID inactive, then the agreement not accepted: each refused, saying why.
    sqlx::query("update partner_memberships set active = false where partner_id = '4300001'")
        .execute(&app.db)
        .await
        .unwrap();
    let by_partner_id = [
        ("acting", "yes"),
        ("reseller", "other"),
        ("partner_id", "4300001"),
    ];
    let verify = || provider.submit(&cart, &reseller_action, &by_partner_id);
    let r = verify().await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        error_summary(&r.text().await.unwrap())[0]
            .1
            .contains("is not active")
    );
    sqlx::query("update partner_memberships set active = true where partner_id = '4300001'")
        .execute(&app.db)
        .await
        .unwrap();
    sqlx::query(
        "delete from agreement_acceptances
         where tenant_id = (select tenant_id from tenants where domain_prefix = 'resor')",
    )
    .execute(&app.db)
    .await
    .unwrap();
    let r = verify().await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        error_summary(&r.text().await.unwrap())[0]
            .1
            .contains("has not accepted the current partner agreement")
    );
    sqlx::query(
        "insert into agreement_acceptances (tenant_id, version, accepted_by_name)
         select tenant_id, 1, 'Admin' from tenants where domain_prefix = 'resor'",
    )
    .execute(&app.db)
    .await
    .unwrap();
    let saved = provider
        .submit(
            &cart,
            &reseller_action,
            &[
                ("acting", "yes"),
                ("reseller", "other"),
                ("partner_id", "430 0001"),
            ],
        )
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);

    // The cart lives on the server: signing out and in again keeps it.
    provider.submit("/dashboard", "/signout", &[]).await;
    provider
        .submit(
            "/signin",
            "/signin",
            &[
                ("email", "admin@provor.example.com"),
                ("password", STRONG_PASSWORD),
            ],
        )
        .await;
    let review_path = format!("{cart}/review");
    let review = provider.html(&review_path).await;
    assert_eq!(texts(&review, "#review-partner-id"), vec!["4300001"]);
    // No customer agreement recorded: Buy is disabled, the review links to record it.
    assert!(attr(&review, "#buy", "disabled").is_some());
    assert_eq!(
        attr(&review, "#review-record-agreement", "href"),
        Some(format!("/customers/{customer_id}/agreement"))
    );
    let refused = provider
        .client
        .post(app.url(&format!("{cart}/buy")))
        .form(&buy_fields(&review))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    assert_eq!(count(&app, "select count(*) from orders").await, 0);
    record_agreement(&provider, customer_id).await;

    // A price changes after the review was opened: Buy refuses and the review shows it.
    let review = provider.html(&review_path).await;
    assert!(attr(&review, "#buy", "disabled").is_none());
    sqlx::query("update offer_prices set unit_price_minor = 400 where offer_id = 'CIR-MAIL-ESS' and currency = 'EUR'")
        .execute(&app.db)
        .await
        .unwrap();
    let stale = provider
        .client
        .post(app.url(&format!("{cart}/buy")))
        .form(&buy_fields(&review))
        .send()
        .await
        .unwrap();
    assert_eq!(stale.status(), StatusCode::CONFLICT);
    let stale = stale.text().await.unwrap();
    assert!(texts(&stale, "#buy-refused")[0].contains("price changed"));
    // 12 × €4.00 now.
    assert_eq!(texts(&stale, "#cart-total"), vec!["€131.26"]);

    // Two clicks at once (another tab): one order.
    let review = provider.html(&review_path).await;
    let fields = buy_fields(&review);
    let post = || {
        provider
            .client
            .post(app.url(&format!("{cart}/buy")))
            .form(&fields)
            .send()
    };
    let (a, b) = tokio::join!(post(), post());
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(a.status(), StatusCode::SEE_OTHER);
    assert_eq!(b.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&a), location(&b), "both clicks lead to one order");
    let again = provider
        .client
        .post(app.url(&format!("{cart}/buy")))
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_eq!(location(&again), location(&a));
    assert_eq!(count(&app, "select count(*) from orders").await, 1);
    assert_eq!(count(&app, "select count(*) from subscriptions").await, 3);
    assert_eq!(count(&app, "select count(*) from carts").await, 0);
    assert_eq!(
        count(
            &app,
            "select count(*) from subscription_resellers where partner_id = '4300001'"
        )
        .await,
        3
    );
    app.assert_audited("order.placed").await;

    // The order page, its lines and total; the confirmation e-mails.
    let order_path = location(&a);
    let order = provider.html(&order_path).await;
    assert_eq!(texts(&order, "#order-total"), vec!["€131.26"]);
    assert_eq!(texts(&order, "#order-lines tbody tr").len(), 3);
    let mail = app.email_to("it@orderco.example", "is confirmed").await;
    assert!(mail.body_text.contains("€131.26"), "{}", mail.body_text);
    app.email_to("admin@resor.example.com", "is confirmed")
        .await;

    // A subscription: raise the licences within the offer's limits, name the reseller the
    // support contact.
    let sub: Uuid = sqlx::query_scalar(
        "select subscription_id from subscriptions where offer_id = 'CIR-OFF-STD'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let sub_path = format!("/subscriptions/{sub}");
    let detail = provider.html(&sub_path).await;
    let version = attr(
        &detail,
        "form[action$=licences] input[name=version]",
        "value",
    )
    .unwrap();
    let over = change_sub(
        &provider,
        &sub_path,
        "licences",
        &[("licences", "301")],
        &version,
    )
    .await;
    assert_eq!(over.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let raised = change_sub(
        &provider,
        &sub_path,
        "licences",
        &[("licences", "8")],
        &version,
    )
    .await;
    assert_eq!(raised.status(), StatusCode::SEE_OTHER);
    let stale = change_sub(
        &provider,
        &sub_path,
        "licences",
        &[("licences", "9")],
        &version,
    )
    .await;
    assert_eq!(stale.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        count(
            &app,
            "select licences::bigint from subscriptions where offer_id = 'CIR-OFF-STD'"
        )
        .await,
        8,
        "a stale form changes nothing"
    );
    let detail = provider.html(&sub_path).await;
    let version = attr(
        &detail,
        "form[action$=support] input[name=version]",
        "value",
    )
    .unwrap();
    let support = change_sub(
        &provider,
        &sub_path,
        "support",
        &[("support", "reseller")],
        &version,
    )
    .await;
    assert_eq!(support.status(), StatusCode::SEE_OTHER);
    let detail = provider.html(&sub_path).await;
    assert_eq!(texts(&detail, "#sub-support"), vec!["resor Org"]);
    assert_eq!(texts(&detail, "#sub-licences"), vec!["8"]);
    app.assert_audited("subscription.licences_changed").await;
    app.assert_audited("subscription.support_contact_changed")
        .await;

    // The reseller sees its customer's subscriptions read-only, no forms.
    let listed = reseller.html("/subscriptions").await;
    assert_eq!(texts(&listed, "#subscriptions tbody tr").len(), 3);
    let read = reseller.html(&sub_path).await;
    assert!(texts(&read, "#save-licences").is_empty());
    let r = change_sub(
        &reseller,
        &sub_path,
        "licences",
        &[("licences", "9")],
        &version,
    )
    .await;
    assert_eq!(
        r.status(),
        StatusCode::NOT_FOUND,
        "only the provider changes it"
    );
    assert_eq!(reseller.open(&order_path).await.status(), StatusCode::OK);

    // The customer admin sees its own on the dashboard.
    let admin = customer_admin(&app, "it@orderco.example", &password).await;
    let dash = admin.html("/dashboard").await;
    assert_eq!(texts(&dash, "#subscriptions tbody tr").len(), 3);
    let customer_order = attr(&dash, "#orders a", "href").unwrap();
    assert!(customer_order.starts_with("/customer/orders/"));
    assert_eq!(admin.open(&customer_order).await.status(), StatusCode::OK);
    assert_eq!(admin.open(&sub_path).await.status(), StatusCode::FORBIDDEN);

    // Another partner sees none of it.
    let other = crate::partners::account(&app, "otheror", "DE").await;
    crate::partners::make_active(&app, "otheror").await;
    assert_eq!(other.open(&sub_path).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        other.open(&order_path).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(other.open(&cart).await.status(), StatusCode::NOT_FOUND);
    assert!(!texts(&other.html("/subscriptions").await, "#no-subscriptions").is_empty());

    // Staff see everything read-only.
    let staff = app.browser();
    staff.staff_sign_in().await;
    let page = staff.html(&format!("/admin/customers/{customer_id}")).await;
    assert_eq!(texts(&page, "#subscriptions tbody tr").len(), 3);
    let staff_sub = staff.html(&format!("/admin/subscriptions/{sub}")).await;
    assert_eq!(texts(&staff_sub, "#sub-licences"), vec!["8"]);
    let order_id = order_path.trim_start_matches("/orders/");
    staff.html(&format!("/admin/orders/{order_id}")).await;
}

#[tokio::test]
async fn subscriptions_are_suspended_reactivated_cancelled_and_change_reseller_with_history() {
    let app = TestApp::spawn().await;
    let (provider, _reseller, partnership) = partners(&app, "provsu", "ressu").await;
    give_partner_id(&app, "ressu", "4300011").await;
    let (customer_id, _) = add_customer(&app, &provider, "subco", "DE", "").await;
    record_agreement(&provider, customer_id).await;
    add_to_cart(&provider, customer_id, "CIR-SEC-DLP", "5").await;
    // Cancel throws the cart away after a confirmation.
    let cart = format!("/customers/{customer_id}/cart");
    let confirm = provider.html(&format!("{cart}/cancel")).await;
    assert!(texts(&confirm, "#cancel-what")[0].contains("1 offer"));
    let thrown = provider
        .submit(&format!("{cart}/cancel"), &format!("{cart}/cancel"), &[])
        .await;
    assert_eq!(thrown.status(), StatusCode::SEE_OTHER);
    assert_eq!(count(&app, "select count(*) from carts").await, 0);
    app.assert_audited("cart.cancelled").await;
    // Bought without a reseller (the provider sells directly).
    let short = add_to_cart(&provider, customer_id, "CIR-SEC-DLP", "4").await;
    assert_eq!(short.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        error_summary(&short.text().await.unwrap())[0]
            .1
            .contains("at least 5")
    );
    let added = add_to_cart(&provider, customer_id, "CIR-SEC-DLP", "8").await;
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    let review = provider.html(&format!("{cart}/review")).await;
    let buy = provider
        .client
        .post(app.url(&format!("{cart}/buy")))
        .form(&buy_fields(&review))
        .send()
        .await
        .unwrap();
    assert_eq!(buy.status(), StatusCode::SEE_OTHER);
    let sub: Uuid = sqlx::query_scalar("select subscription_id from subscriptions")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let path = format!("/subscriptions/{sub}");
    let version = |html: &str| attr(html, "input[name=version]", "value").unwrap();

    // Attach the reseller (chosen), then detach it: the history keeps both.
    let reseller_tenant: Uuid =
        sqlx::query_scalar("select tenant_id from tenants where domain_prefix = 'ressu'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    let html = provider.html(&path).await;
    let r = change_sub(
        &provider,
        &path,
        "reseller",
        &[("reseller", &reseller_tenant.to_string())],
        &version(&html),
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let html = provider.html(&path).await;
    assert!(texts(&html, "#sub-reseller")[0].contains("4300011"));
    let r = change_sub(
        &provider,
        &path,
        "reseller",
        &[("reseller", "")],
        &version(&html),
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let html = provider.html(&path).await;
    assert_eq!(texts(&html, "#reseller-history tbody tr").len(), 1);
    assert!(texts(&html, "#reseller-history tbody tr")[0].contains("4300011"));
    assert_eq!(
        count(
            &app,
            "select count(*) from subscription_resellers where detached_at is not null"
        )
        .await,
        1
    );
    let _ = partnership;

    // Suspend, reactivate, cancel (confirmation page); nothing after cancelling.
    for (change, state) in [("suspend", "suspended"), ("reactivate", "active")] {
        let html = provider.html(&path).await;
        let r = change_sub(
            &provider,
            &path,
            "state",
            &[("change", change)],
            &version(&html),
        )
        .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let now: String = sqlx::query_scalar("select state from subscriptions")
            .fetch_one(&app.db)
            .await
            .unwrap();
        assert_eq!(now, state);
    }
    let confirm = provider.html(&format!("{path}/cancel")).await;
    let r = provider
        .submit(
            &format!("{path}/cancel"),
            &format!("{path}/state"),
            &[("change", "cancel"), ("version", &version(&confirm))],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let html = provider.html(&path).await;
    assert!(texts(&html, "#save-licences").is_empty());
    assert!(texts(&html, "#sub-state")[0].contains("Cancelled"));
    app.assert_audited("subscription.cancelled").await;
    app.assert_audited("subscription.reseller_changed").await;
}

#[tokio::test]
async fn totals_are_formatted_for_eur_jpy_and_usd_customers_and_offers_stay_in_their_regions() {
    let app = TestApp::spawn().await;
    let (provider, _, _) = partners(&app, "provfx", "resfx").await;
    for region in ["jp", "us"] {
        sqlx::query("insert into provider_regions (tenant_id, csp_region) select tenant_id, $1 from tenants where domain_prefix = 'provfx'")
            .bind(region)
            .execute(&app.db)
            .await
            .unwrap();
    }
    for (prefix, country, total) in [
        ("eurco", "DE", "€34.50"),
        ("jpyco", "JP", "JP¥5,625"),
        ("usdco", "US", "US$37.50"),
    ] {
        let (id, _) = add_customer(&app, &provider, prefix, country, "").await;
        let r = add_to_cart(&provider, id, "CIR-OFF-STD", "3").await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let page = provider.html(&format!("/customers/{id}/cart")).await;
        assert_eq!(texts(&page, "#cart-total"), vec![total], "{country}");
        if country == "JP" {
            let refused = add_to_cart(&provider, id, "CIR-STO-SOV", "1").await;
            assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
            let html = refused.text().await.unwrap();
            assert!(
                error_summary(&html)[0]
                    .1
                    .contains("not sold in the customer's region")
            );
        }
    }
    // A provider whose direct-bill standing ended cannot order (its customers stay).
    sqlx::query("update direct_bill_partners set status = 'transitioned', transitioned_at = now()")
        .execute(&app.db)
        .await
        .unwrap();
    let id: Uuid =
        sqlx::query_scalar("select tenant_id from tenants where domain_prefix = 'eurco'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    let page = provider
        .page(&format!("/customers/{id}/cart"), StatusCode::CONFLICT)
        .await;
    assert!(!texts(&page, "#cannot-order").is_empty());
}

#[tokio::test]
async fn order_pages_and_e_mails_read_in_german_and_chinese() {
    use crate::languages::assert_no_english;
    use partner_portal::i18n::Lang;
    let app = TestApp::spawn().await;
    let (provider, _reseller, partnership) = partners(&app, "provol", "resol").await;
    give_partner_id(&app, "resol", "4300021").await;
    for (lang, prefix, total) in [
        (Lang::De, "bestellde", "34,50 €"),
        (Lang::ZhCn, "bestellzh", "€34.50"),
    ] {
        let switched = provider
            .submit(
                "/dashboard",
                "/language",
                &[("lang", lang.code()), ("next", "/dashboard")],
            )
            .await;
        assert_eq!(switched.status(), StatusCode::SEE_OTHER);
        let (customer_id, password) =
            add_customer(&app, &provider, prefix, "DE", &partnership.to_string()).await;
        let cart = format!("/customers/{customer_id}/cart");
        let refused = add_to_cart(&provider, customer_id, "CIR-OFF-STD", "0").await;
        assert_no_english(lang, "cart (refused)", &refused.text().await.unwrap());
        add_to_cart(&provider, customer_id, "CIR-OFF-STD", "3").await;
        let page = provider.html(&cart).await;
        assert_eq!(texts(&page, "#cart-total"), vec![total], "{lang}");
        let bad = provider
            .submit(
                &cart,
                &format!("{cart}/reseller"),
                &[
                    ("acting", "yes"),
                    ("reseller", "other"),
                    ("partner_id", "9999999"),
                ],
            )
            .await;
        assert_no_english(lang, "cart reseller (refused)", &bad.text().await.unwrap());
        provider
            .submit(
                &cart,
                &format!("{cart}/reseller"),
                &[
                    ("acting", "yes"),
                    ("reseller", "other"),
                    ("partner_id", "4300021"),
                ],
            )
            .await;
        for path in [
            cart.clone(),
            format!("{cart}/review"),
            format!("{cart}/cancel"),
            "/catalogue".to_owned(),
        ] {
            assert_no_english(lang, &path, &provider.html(&path).await);
        }
        record_agreement(&provider, customer_id).await;
        let review = provider.html(&format!("{cart}/review")).await;
        let bought = provider
            .client
            .post(app.url(&format!("{cart}/buy")))
            .form(&buy_fields(&review))
            .send()
            .await
            .unwrap();
        let order = location(&bought);
        let sub: Uuid = sqlx::query_scalar(
            "select subscription_id from subscriptions where customer_tenant_id = $1",
        )
        .bind(customer_id)
        .fetch_one(&app.db)
        .await
        .unwrap();
        for path in [
            order.clone(),
            format!("/subscriptions/{sub}"),
            format!("/subscriptions/{sub}/cancel"),
            "/subscriptions".to_owned(),
            format!("/customers/{customer_id}"),
        ] {
            assert_no_english(lang, &path, &provider.html(&path).await);
        }
        let admin = customer_admin(&app, &format!("it@{prefix}.example"), &password).await;
        let dash = admin.html("/dashboard").await;
        assert_no_english(lang, "customer dashboard with subscriptions", &dash);
        let customer_order = attr(&dash, "#orders a", "href").unwrap();
        assert_no_english(lang, "customer's order", &admin.html(&customer_order).await);
    }
    // The order e-mails went out in each customer admin's language.
    for (email, lang) in [
        ("it@bestellde.example", Lang::De),
        ("it@bestellzh.example", Lang::ZhCn),
    ] {
        let html: String = sqlx::query_scalar(
            "select body_html from email_outbox where recipient = $1::text::citext and subject like '%1000%'",
        )
        .bind(email)
        .fetch_one(&app.db)
        .await
        .unwrap();
        assert_no_english(lang, "order e-mail", &html);
    }
}
