//! The catalogue, carts and orders (issue 17).

use crate::domain::order::{BillingCycle, Category};
use sqlx::{PgConnection, PgExecutor};
use time::OffsetDateTime;
use uuid::Uuid;

/// An offer with its list price in one currency.
#[derive(Clone, Debug)]
pub struct Offer {
    /// Code ("CIR-MAIL-ESS").
    pub offer_id: String,
    /// Product name (a proper name: not translated).
    pub name: String,
    /// Category.
    pub category: Category,
    /// Monthly or annual.
    pub billing_cycle: BillingCycle,
    /// Fewest licences.
    pub min_licences: i32,
    /// Most licences.
    pub max_licences: i32,
    /// Regions where it is sold; `None`: everywhere.
    pub regions: Option<Vec<String>>,
    /// The currency of the price.
    pub currency: String,
    /// List price of one licence for one billing period, in minor units.
    pub unit_price_minor: i64,
}

impl Offer {
    /// True when it is sold in `region`.
    pub fn sold_in(&self, region: &str) -> bool {
        self.regions
            .as_ref()
            .is_none_or(|r| r.iter().any(|x| x == region))
    }
}

/// The catalogue page's filters (all optional).
#[derive(Clone, Debug, Default)]
pub struct CatalogueFilter {
    /// Words in the name or code.
    pub search: Option<String>,
    /// Category.
    pub category: Option<Category>,
    /// "monthly" or "annual".
    pub cycle: Option<BillingCycle>,
    /// Only offers sold in this region.
    pub region: Option<String>,
}

/// The offers matching `filter`, priced in `currency`, by category and name.
pub async fn offers(
    db: impl PgExecutor<'_>,
    currency: &str,
    filter: &CatalogueFilter,
) -> sqlx::Result<Vec<Offer>> {
    let search = filter
        .search
        .as_deref()
        .map(|s| format!("%{}%", s.replace('\\', "\\\\").replace(['%', '_'], "\\$0")));
    sqlx::query_as!(
        Offer,
        r#"select o.offer_id, o.name, o.category as "category: Category", o.billing_cycle as "billing_cycle: BillingCycle", o.min_licences, o.max_licences,
                  o.regions, p.currency::text as "currency!", p.unit_price_minor
           from offers o join offer_prices p on p.offer_id = o.offer_id and p.currency = $1
           where ($2::text is null or o.name ilike $2 or o.offer_id ilike $2)
             and ($3::text is null or o.category = $3)
             and ($4::text is null or o.billing_cycle = $4)
             and ($5::text is null or o.regions is null or $5 = any(o.regions))
           order by o.category, o.name"#,
        currency,
        search,
        filter.category.map(Category::code),
        filter.cycle.map(BillingCycle::code),
        filter.region
    )
    .fetch_all(db)
    .await
}

/// One offer priced in `currency`.
pub async fn offer(
    db: impl PgExecutor<'_>,
    offer_id: &str,
    currency: &str,
) -> sqlx::Result<Option<Offer>> {
    sqlx::query_as!(
        Offer,
        r#"select o.offer_id, o.name, o.category as "category: Category", o.billing_cycle as "billing_cycle: BillingCycle", o.min_licences, o.max_licences,
                  o.regions, p.currency::text as "currency!", p.unit_price_minor
           from offers o join offer_prices p on p.offer_id = o.offer_id and p.currency = $2
           where o.offer_id = $1"#,
        offer_id,
        currency
    )
    .fetch_optional(db)
    .await
}

/// A provider's open cart for one customer.
#[derive(Clone, Debug)]
pub struct Cart {
    /// Id (also the order's idempotency key).
    pub cart_id: Uuid,
    /// The provider.
    pub provider_tenant_id: Uuid,
    /// The customer.
    pub customer_tenant_id: Uuid,
    /// "Acting as indirect provider" confirmed.
    pub acting_as_provider: bool,
    /// The reseller the order is for.
    pub reseller_tenant_id: Option<Uuid>,
    /// Its name.
    pub reseller_name: Option<String>,
    /// Its partner ID.
    pub reseller_partner_id: Option<String>,
    /// Counts every change.
    pub version: i32,
}

macro_rules! select_cart {
    ($tail:literal, $provider:expr, $customer:expr) => {
        sqlx::query_as!(
            Cart,
            r#"select c.cart_id, c.provider_tenant_id, c.customer_tenant_id, c.acting_as_provider,
                      c.reseller_tenant_id, t.name as "reseller_name?",
                      (select a.partner_id::text from applications a where a.tenant_id = c.reseller_tenant_id
                         and a.program = 'indirect_reseller' and a.state = 'approved'
                       order by a.decided_at desc limit 1) as "reseller_partner_id?",
                      c.version
               from carts c left join tenants t on t.tenant_id = c.reseller_tenant_id
               where c.provider_tenant_id = $1 and c.customer_tenant_id = $2 "# + $tail,
            $provider,
            $customer
        )
    };
}

/// The provider's cart for the customer, if one is open (`lock`: for update of the cart
/// row only).
async fn cart_where(
    db: impl PgExecutor<'_>,
    provider: Uuid,
    customer: Uuid,
    lock: bool,
) -> sqlx::Result<Option<Cart>> {
    if lock {
        select_cart!("for update of c", provider, customer)
            .fetch_optional(db)
            .await
    } else {
        select_cart!("", provider, customer)
            .fetch_optional(db)
            .await
    }
}

/// The provider's open cart for the customer.
pub async fn cart(
    db: impl PgExecutor<'_>,
    provider: Uuid,
    customer: Uuid,
) -> sqlx::Result<Option<Cart>> {
    cart_where(db, provider, customer, false).await
}

/// The provider's open cart for the customer, locked until the transaction ends (two
/// browsers buying the same cart take turns).
pub async fn lock_cart(
    conn: &mut PgConnection,
    provider: Uuid,
    customer: Uuid,
) -> sqlx::Result<Option<Cart>> {
    cart_where(conn, provider, customer, true).await
}

/// Opens the provider's cart for the customer (or finds the open one), locked.
pub async fn open_cart(
    conn: &mut PgConnection,
    provider: Uuid,
    customer: Uuid,
    user: Uuid,
) -> sqlx::Result<Cart> {
    sqlx::query!(
        "insert into carts (cart_id, provider_tenant_id, customer_tenant_id, created_by)
         values ($1, $2, $3, $4) on conflict (provider_tenant_id, customer_tenant_id) do nothing",
        Uuid::new_v4(),
        provider,
        customer,
        user
    )
    .execute(&mut *conn)
    .await?;
    cart_where(&mut *conn, provider, customer, true)
        .await?
        .ok_or(sqlx::Error::RowNotFound)
}

/// A line of a cart, with the offer's limits and its price now.
#[derive(Clone, Debug)]
pub struct CartLine {
    /// Offer.
    pub offer_id: String,
    /// Its name.
    pub name: String,
    /// Monthly or annual.
    pub billing_cycle: BillingCycle,
    /// Fewest licences.
    pub min_licences: i32,
    /// Most licences.
    pub max_licences: i32,
    /// Regions where it is sold (`None`: all).
    pub regions: Option<Vec<String>>,
    /// Licences.
    pub licences: i32,
    /// Currency.
    pub currency: String,
    /// The price when it was added.
    pub added_price_minor: i64,
    /// The list price now (`None`: no longer priced in this currency).
    pub current_price_minor: Option<i64>,
}

/// The cart's lines, in the order they were added.
pub async fn lines(db: impl PgExecutor<'_>, cart_id: Uuid) -> sqlx::Result<Vec<CartLine>> {
    sqlx::query_as!(
        CartLine,
        r#"select l.offer_id, o.name, o.billing_cycle as "billing_cycle: BillingCycle", o.min_licences, o.max_licences, o.regions,
                  l.licences, l.currency::text as "currency!", l.unit_price_minor as added_price_minor,
                  p.unit_price_minor as "current_price_minor?"
           from cart_lines l join offers o using (offer_id)
           left join offer_prices p on p.offer_id = l.offer_id and p.currency = l.currency
           where l.cart_id = $1
           order by l.added_at, l.offer_id"#,
        cart_id
    )
    .fetch_all(db)
    .await
}

/// Puts `licences` of an offer in the cart at `price` (replacing the line's count and
/// price), and counts the change.
pub async fn put_line(
    conn: &mut PgConnection,
    cart_id: Uuid,
    offer: &Offer,
    licences: i32,
) -> sqlx::Result<()> {
    sqlx::query!(
        "insert into cart_lines (cart_id, offer_id, licences, currency, unit_price_minor)
         values ($1, $2, $3, $4, $5)
         on conflict (cart_id, offer_id) do update
           set licences = excluded.licences, currency = excluded.currency,
               unit_price_minor = excluded.unit_price_minor",
        cart_id,
        offer.offer_id,
        licences,
        offer.currency,
        offer.unit_price_minor
    )
    .execute(&mut *conn)
    .await?;
    bump(conn, cart_id).await
}

/// Removes an offer from the cart; false when it was not in it.
pub async fn remove_line(
    conn: &mut PgConnection,
    cart_id: Uuid,
    offer_id: &str,
) -> sqlx::Result<bool> {
    let gone = sqlx::query!(
        "delete from cart_lines where cart_id = $1 and offer_id = $2",
        cart_id,
        offer_id
    )
    .execute(&mut *conn)
    .await?
    .rows_affected()
        > 0;
    if gone {
        bump(conn, cart_id).await?;
    }
    Ok(gone)
}

/// Takes the list prices of now for every line (after the review showed the changes).
pub async fn reprice(conn: &mut PgConnection, cart_id: Uuid) -> sqlx::Result<()> {
    sqlx::query!(
        "update cart_lines l set unit_price_minor = p.unit_price_minor
         from offer_prices p
         where l.cart_id = $1 and p.offer_id = l.offer_id and p.currency = l.currency
           and p.unit_price_minor <> l.unit_price_minor",
        cart_id
    )
    .execute(&mut *conn)
    .await?;
    bump(conn, cart_id).await
}

/// Records the "acting as indirect provider" confirmation and the reseller.
pub async fn set_reseller(
    conn: &mut PgConnection,
    cart_id: Uuid,
    acting: bool,
    reseller: Option<Uuid>,
) -> sqlx::Result<()> {
    sqlx::query!(
        "update carts set acting_as_provider = $2, reseller_tenant_id = $3 where cart_id = $1",
        cart_id,
        acting,
        reseller
    )
    .execute(&mut *conn)
    .await?;
    bump(conn, cart_id).await
}

async fn bump(conn: &mut PgConnection, cart_id: Uuid) -> sqlx::Result<()> {
    sqlx::query!(
        "update carts set version = version + 1 where cart_id = $1",
        cart_id
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Throws a cart away; false when there was none.
pub async fn delete_cart(conn: &mut PgConnection, cart_id: Uuid) -> sqlx::Result<bool> {
    Ok(
        sqlx::query!("delete from carts where cart_id = $1", cart_id)
            .execute(&mut *conn)
            .await?
            .rows_affected()
            > 0,
    )
}

/// The order bought from `cart_id`, if it was bought.
pub async fn order_of_cart(db: impl PgExecutor<'_>, cart_id: Uuid) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar!("select order_id from orders where cart_id = $1", cart_id)
        .fetch_optional(db)
        .await
}

/// A new order's header.
pub struct NewOrder<'a> {
    /// Id.
    pub order_id: Uuid,
    /// The cart bought.
    pub cart_id: Uuid,
    /// Provider.
    pub provider: Uuid,
    /// Customer.
    pub customer: Uuid,
    /// Reseller, if any.
    pub reseller: Option<(Uuid, &'a str)>,
    /// Confirmed acting as indirect provider.
    pub acting_as_provider: bool,
    /// Currency.
    pub currency: &'a str,
    /// Total.
    pub total_minor: i64,
    /// Who bought.
    pub placed_by: Uuid,
    /// Their name.
    pub placed_by_name: &'a str,
}

/// Inserts an order's header; returns its number.
pub async fn insert_order(conn: &mut PgConnection, o: &NewOrder<'_>) -> sqlx::Result<i64> {
    sqlx::query_scalar!(
        "insert into orders (order_id, cart_id, provider_tenant_id, customer_tenant_id, reseller_tenant_id,
                             reseller_partner_id, acting_as_provider, currency, total_minor, placed_by, placed_by_name)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         returning order_number",
        o.order_id,
        o.cart_id,
        o.provider,
        o.customer,
        o.reseller.map(|r| r.0),
        o.reseller.map(|r| r.1),
        o.acting_as_provider,
        o.currency,
        o.total_minor,
        o.placed_by,
        o.placed_by_name
    )
    .fetch_one(&mut *conn)
    .await
}

/// One line of an order (and the subscription it made).
#[derive(Clone, Debug)]
pub struct OrderLine {
    /// Position.
    pub line_no: i32,
    /// Offer.
    pub offer_id: String,
    /// Its name then.
    pub offer_name: String,
    /// Monthly or annual.
    pub billing_cycle: BillingCycle,
    /// Licences.
    pub licences: i32,
    /// Price per licence.
    pub unit_price_minor: i64,
    /// Licences times price.
    pub line_total_minor: i64,
    /// The subscription it made.
    pub subscription_id: Uuid,
}

/// Inserts an order line.
pub async fn insert_line(
    conn: &mut PgConnection,
    order_id: Uuid,
    line: &OrderLine,
) -> sqlx::Result<()> {
    sqlx::query!(
        "insert into order_lines (order_id, line_no, offer_id, offer_name, billing_cycle, licences,
                                  unit_price_minor, line_total_minor, subscription_id)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        order_id,
        line.line_no,
        line.offer_id,
        line.offer_name,
        line.billing_cycle as BillingCycle,
        line.licences,
        line.unit_price_minor,
        line.line_total_minor,
        line.subscription_id
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// An order's header.
#[derive(Clone, Debug)]
pub struct Order {
    /// Id.
    pub order_id: Uuid,
    /// Number shown to people.
    pub order_number: i64,
    /// Provider.
    pub provider_tenant_id: Uuid,
    /// Its name.
    pub provider_name: String,
    /// Customer.
    pub customer_tenant_id: Uuid,
    /// Its name.
    pub customer_name: String,
    /// Reseller.
    pub reseller_tenant_id: Option<Uuid>,
    /// Its name.
    pub reseller_name: Option<String>,
    /// Its partner ID then.
    pub reseller_partner_id: Option<String>,
    /// Currency.
    pub currency: String,
    /// Total.
    pub total_minor: i64,
    /// Who bought.
    pub placed_by_name: String,
    /// When.
    pub placed_at: OffsetDateTime,
}

/// One order.
pub async fn order(db: impl PgExecutor<'_>, order_id: Uuid) -> sqlx::Result<Option<Order>> {
    sqlx::query_as!(
        Order,
        r#"select o.order_id, o.order_number, o.provider_tenant_id, p.name as provider_name,
                  o.customer_tenant_id, c.name as customer_name, o.reseller_tenant_id,
                  r.name as "reseller_name?", o.reseller_partner_id, o.currency::text as "currency!",
                  o.total_minor, o.placed_by_name, o.placed_at
           from orders o join tenants p on p.tenant_id = o.provider_tenant_id
           join tenants c on c.tenant_id = o.customer_tenant_id
           left join tenants r on r.tenant_id = o.reseller_tenant_id
           where o.order_id = $1"#,
        order_id
    )
    .fetch_optional(db)
    .await
}

/// A customer's orders, newest first.
pub async fn orders_of(db: impl PgExecutor<'_>, customer: Uuid) -> sqlx::Result<Vec<Order>> {
    sqlx::query_as!(
        Order,
        r#"select o.order_id, o.order_number, o.provider_tenant_id, p.name as provider_name,
                  o.customer_tenant_id, c.name as customer_name, o.reseller_tenant_id,
                  r.name as "reseller_name?", o.reseller_partner_id, o.currency::text as "currency!",
                  o.total_minor, o.placed_by_name, o.placed_at
           from orders o join tenants p on p.tenant_id = o.provider_tenant_id
           join tenants c on c.tenant_id = o.customer_tenant_id
           left join tenants r on r.tenant_id = o.reseller_tenant_id
           where o.customer_tenant_id = $1
           order by o.placed_at desc
           limit 500"#,
        customer
    )
    .fetch_all(db)
    .await
}

/// An order's lines.
pub async fn order_lines(db: impl PgExecutor<'_>, order_id: Uuid) -> sqlx::Result<Vec<OrderLine>> {
    sqlx::query_as!(
        OrderLine,
        r#"select line_no, offer_id, offer_name, billing_cycle as "billing_cycle: BillingCycle", licences,
                  unit_price_minor, line_total_minor, subscription_id
           from order_lines where order_id = $1 order by line_no"#,
        order_id
    )
    .fetch_all(db)
    .await
}

/// What a partner ID entered for an order or subscription turns out to be.
#[derive(Clone, Debug)]
pub struct ResellerCheck {
    /// The reseller's tenant.
    pub tenant_id: Uuid,
    /// Its name.
    pub name: String,
    /// The membership is active.
    pub membership_active: bool,
    /// The current partner agreement is accepted.
    pub agreement_accepted: bool,
    /// An active partnership with the provider.
    pub partnership_active: bool,
}

/// The approved indirect reseller with `partner_id`, as seen by `provider`; `None` when no
/// approved reseller of the portal has that ID.
pub async fn reseller_by_partner_id(
    db: impl PgExecutor<'_>,
    provider: Uuid,
    partner_id: &str,
) -> sqlx::Result<Option<ResellerCheck>> {
    sqlx::query_as!(
        ResellerCheck,
        r#"select t.tenant_id, t.name, coalesce(m.active, false) as "membership_active!",
                  exists(select 1 from agreement_acceptances x where x.tenant_id = t.tenant_id
                         and x.version = (select max(version) from partner_agreements)) as "agreement_accepted!",
                  exists(select 1 from partnerships s where s.provider_tenant_id = $1
                         and s.reseller_tenant_id = t.tenant_id and s.state = 'active') as "partnership_active!"
           from applications a join tenants t using (tenant_id)
           left join partner_memberships m on m.partner_id = a.partner_id
           where a.partner_id = $2 and a.program = 'indirect_reseller' and a.state = 'approved'
           order by a.decided_at desc
           limit 1"#,
        provider,
        partner_id
    )
    .fetch_optional(db)
    .await
}
