//! The markets reference table: country -> program region -> billing currency.

use sqlx::PgExecutor;

/// One country the program sells in.
#[derive(Clone, Debug)]
pub struct Market {
    /// ISO 3166-1 alpha-2.
    pub country_code: String,
    /// English name.
    pub country_name: String,
    /// Program region code.
    pub csp_region: String,
    /// Program region in plain words.
    pub region_name: String,
    /// ISO 4217 currency the partner is billed in.
    pub billing_currency: String,
}

/// Every market, by English country name.
pub async fn all(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<Market>> {
    sqlx::query_as!(
        Market,
        r#"select m.country_code as "country_code!", m.country_name_en as country_name, m.csp_region,
                  r.name as region_name, m.billing_currency as "billing_currency!"
           from markets m join csp_regions r using (csp_region)
           order by m.country_name_en"#
    )
    .fetch_all(db)
    .await
}
