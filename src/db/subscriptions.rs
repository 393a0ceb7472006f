//! Subscriptions and who was attached to them when (issue 17).

use crate::domain::order::{BillingCycle, SubscriptionState};
use sqlx::{PgConnection, PgExecutor};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

/// A subscription with the names a page shows.
#[derive(Clone, Debug)]
pub struct Subscription {
    /// Id.
    pub subscription_id: Uuid,
    /// Customer.
    pub customer_tenant_id: Uuid,
    /// Its name.
    pub customer_name: String,
    /// Provider.
    pub provider_tenant_id: Uuid,
    /// Its name.
    pub provider_name: String,
    /// Offer.
    pub offer_id: String,
    /// Its name.
    pub offer_name: String,
    /// Fewest licences.
    pub min_licences: i32,
    /// Most licences.
    pub max_licences: i32,
    /// The order that made it.
    pub order_id: Uuid,
    /// Licences.
    pub licences: i32,
    /// Monthly or annual.
    pub billing_cycle: BillingCycle,
    /// Currency.
    pub currency: String,
    /// Price per licence and period.
    pub unit_price_minor: i64,
    /// Started.
    pub started_on: Date,
    /// Renews (none once cancelled).
    pub next_renewal_on: Option<Date>,
    /// Active, suspended or cancelled.
    pub state: SubscriptionState,
    /// Attached reseller.
    pub reseller_tenant_id: Option<Uuid>,
    /// Its name.
    pub reseller_name: Option<String>,
    /// Its partner ID.
    pub reseller_partner_id: Option<String>,
    /// The reseller is the customer's support contact for it.
    pub support_reseller: bool,
    /// Counts every change (stale forms are refused).
    pub version: i32,
}

macro_rules! select_subscriptions {
    ($where:literal, $($arg:expr),*) => {
        sqlx::query_as!(
            Subscription,
            r#"select s.subscription_id, s.customer_tenant_id, c.name as customer_name,
                      s.provider_tenant_id, p.name as provider_name, s.offer_id, o.name as offer_name,
                      o.min_licences, o.max_licences, s.order_id, s.licences, s.billing_cycle as "billing_cycle: BillingCycle",
                      s.currency::text as "currency!", s.unit_price_minor, s.started_on, s.next_renewal_on,
                      s.state as "state: SubscriptionState", s.reseller_tenant_id, r.name as "reseller_name?",
                      (select h.partner_id from subscription_resellers h
                       where h.subscription_id = s.subscription_id and h.detached_at is null) as "reseller_partner_id?",
                      s.support_reseller, s.version
               from subscriptions s
               join tenants c on c.tenant_id = s.customer_tenant_id
               join tenants p on p.tenant_id = s.provider_tenant_id
               join offers o on o.offer_id = s.offer_id
               left join tenants r on r.tenant_id = s.reseller_tenant_id
               "# + $where,
            $($arg),*
        )
    };
}

/// One subscription.
pub async fn find(db: impl PgExecutor<'_>, id: Uuid) -> sqlx::Result<Option<Subscription>> {
    select_subscriptions!("where s.subscription_id = $1", id)
        .fetch_optional(db)
        .await
}

/// One subscription, locked until the transaction ends.
pub async fn lock(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Subscription>> {
    select_subscriptions!("where s.subscription_id = $1 for update of s", id)
        .fetch_optional(conn)
        .await
}

/// A customer's subscriptions, oldest first.
pub async fn of_customer(
    db: impl PgExecutor<'_>,
    customer: Uuid,
) -> sqlx::Result<Vec<Subscription>> {
    select_subscriptions!(
        "where s.customer_tenant_id = $1 order by s.created_at, o.name limit 1000",
        customer
    )
    .fetch_all(db)
    .await
}

/// The subscriptions a partner sees: those it provides, its customers' (as their
/// reseller), and those it is the support contact for; by customer and offer.
pub async fn visible_to_partner(
    db: impl PgExecutor<'_>,
    tenant: Uuid,
) -> sqlx::Result<Vec<Subscription>> {
    select_subscriptions!(
        "where s.provider_tenant_id = $1
            or (s.support_reseller and s.reseller_tenant_id = $1)
            or exists(select 1 from customer_relationships cr
                      where cr.customer_tenant_id = s.customer_tenant_id and cr.reseller_tenant_id = $1
                        and cr.provider_tenant_id = s.provider_tenant_id)
         order by c.name, o.name, s.created_at
         limit 1000",
        tenant
    )
    .fetch_all(db)
    .await
}

/// Sets the licence count.
pub async fn set_licences(conn: &mut PgConnection, id: Uuid, licences: i32) -> sqlx::Result<()> {
    sqlx::query!(
        "update subscriptions set licences = $2, version = version + 1 where subscription_id = $1",
        id,
        licences
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Sets the state (a cancelled subscription no longer renews).
pub async fn set_state(
    conn: &mut PgConnection,
    id: Uuid,
    state: SubscriptionState,
) -> sqlx::Result<()> {
    sqlx::query!(
        "update subscriptions
         set state = $2, version = version + 1,
             cancelled_at = case when $2 = 'cancelled' then now() end,
             next_renewal_on = case when $2 = 'cancelled' then null else next_renewal_on end
         where subscription_id = $1",
        id,
        state as SubscriptionState
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Makes the attached reseller the support contact (or the provider again).
pub async fn set_support(conn: &mut PgConnection, id: Uuid, reseller: bool) -> sqlx::Result<()> {
    sqlx::query!(
        "update subscriptions set support_reseller = $2, version = version + 1 where subscription_id = $1",
        id,
        reseller
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Attaches `reseller` (with its partner ID) to the subscription, closing the current
/// attachment in the history; `None` detaches. The reseller's support role goes with it.
pub async fn attach_reseller(
    conn: &mut PgConnection,
    id: Uuid,
    reseller: Option<(Uuid, &str)>,
    by: Uuid,
) -> sqlx::Result<()> {
    sqlx::query!(
        "update subscription_resellers set detached_at = now(), detached_by = $2
         where subscription_id = $1 and detached_at is null",
        id,
        by
    )
    .execute(&mut *conn)
    .await?;
    if let Some((tenant, partner_id)) = reseller {
        sqlx::query!(
            "insert into subscription_resellers (subscription_id, reseller_tenant_id, partner_id, attached_by)
             values ($1, $2, $3, $4)",
            id,
            tenant,
            partner_id,
            by
        )
        .execute(&mut *conn)
        .await?;
    }
    sqlx::query!(
        "update subscriptions
         set reseller_tenant_id = $2,
             support_reseller = support_reseller and $2 is not distinct from reseller_tenant_id,
             version = version + 1
         where subscription_id = $1",
        id,
        reseller.map(|r| r.0)
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A new subscription (from an order line).
pub struct NewSubscription<'a> {
    /// Id.
    pub subscription_id: Uuid,
    /// Customer.
    pub customer: Uuid,
    /// Provider.
    pub provider: Uuid,
    /// Offer.
    pub offer_id: &'a str,
    /// The order.
    pub order_id: Uuid,
    /// Licences.
    pub licences: i32,
    /// Monthly or annual.
    pub billing_cycle: BillingCycle,
    /// Currency.
    pub currency: &'a str,
    /// Price per licence and period.
    pub unit_price_minor: i64,
    /// Start.
    pub started_on: Date,
    /// First renewal.
    pub next_renewal_on: Date,
}

/// Inserts a subscription.
pub async fn insert(conn: &mut PgConnection, s: &NewSubscription<'_>) -> sqlx::Result<()> {
    sqlx::query!(
        "insert into subscriptions (subscription_id, customer_tenant_id, provider_tenant_id, offer_id, order_id,
                                    licences, billing_cycle, currency, unit_price_minor, started_on, next_renewal_on)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        s.subscription_id,
        s.customer,
        s.provider,
        s.offer_id,
        s.order_id,
        s.licences,
        s.billing_cycle as BillingCycle,
        s.currency,
        s.unit_price_minor,
        s.started_on,
        s.next_renewal_on
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// One attachment of a reseller to a subscription.
#[derive(Clone, Debug)]
pub struct Attachment {
    /// Reseller's name.
    pub reseller_name: String,
    /// Its partner ID then.
    pub partner_id: String,
    /// From.
    pub attached_at: OffsetDateTime,
    /// Until (`None`: still attached).
    pub detached_at: Option<OffsetDateTime>,
}

/// Who was attached to the subscription when, newest first.
pub async fn history(db: impl PgExecutor<'_>, id: Uuid) -> sqlx::Result<Vec<Attachment>> {
    sqlx::query_as!(
        Attachment,
        "select t.name as reseller_name, h.partner_id, h.attached_at, h.detached_at
         from subscription_resellers h join tenants t on t.tenant_id = h.reseller_tenant_id
         where h.subscription_id = $1
         order by h.attached_at desc",
        id
    )
    .fetch_all(db)
    .await
}
