//! The markets reference table: country -> program region -> billing currency.

use crate::i18n::Lang;
use sqlx::PgExecutor;

/// One country the program sells in, with its names in every language (CLDR, migration
/// 0020) and each language's sort order.
#[derive(Clone, Debug)]
pub struct Market {
    /// ISO 3166-1 alpha-2.
    pub country_code: String,
    /// Country name in English, German and Chinese ([`Lang::ALL`] order).
    pub country_names: [String; 3],
    /// Program region code.
    pub csp_region: String,
    /// Program region in plain words, in every language.
    pub region_names: [String; 3],
    /// ISO 4217 currency the partner is billed in.
    pub billing_currency: String,
    /// Position in each language's alphabetical order (ICU collation).
    pub sort: [i32; 3],
}

impl Market {
    /// The country's name in the current language.
    pub fn country_name(&self) -> &str {
        &self.country_names[crate::i18n::current().index()]
    }

    /// The program region's name in the current language.
    pub fn region_name(&self) -> &str {
        &self.region_names[crate::i18n::current().index()]
    }
}

/// The markets in `lang`'s alphabetical order of country names.
pub fn in_order(markets: &[Market], lang: Lang) -> Vec<Market> {
    let mut sorted = markets.to_vec();
    sorted.sort_by_key(|m| m.sort[lang.index()]);
    sorted
}

/// A country's name in the current language, if the portal knows the country.
pub fn country_name<'m>(markets: &'m [Market], country_code: &str) -> Option<&'m str> {
    markets
        .iter()
        .find(|m| m.country_code.eq_ignore_ascii_case(country_code))
        .map(Market::country_name)
}

/// A program region's name in the current language, if some market is in it.
pub fn region_name<'m>(markets: &'m [Market], csp_region: &str) -> Option<&'m str> {
    markets
        .iter()
        .find(|m| m.csp_region == csp_region)
        .map(Market::region_name)
}

/// The program regions (code, name in `lang`), in `lang`'s alphabetical order.
pub fn regions(markets: &[Market], lang: Lang) -> Vec<(String, String)> {
    let mut regions: Vec<(String, String)> = markets
        .iter()
        .map(|m| (m.csp_region.clone(), m.region_names[lang.index()].clone()))
        .collect();
    regions.sort_by(|a, b| crate::i18n::format::compare(lang, &a.1, &b.1));
    regions.dedup();
    regions
}

/// Every market, by English country name.
pub async fn all(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<Market>> {
    let rows = sqlx::query!(
        r#"select m.country_code as "country_code!", m.country_name_en, m.country_name_de, m.country_name_zh,
                  m.csp_region, r.name as region_en, r.name_de as region_de, r.name_zh as region_zh,
                  m.billing_currency as "billing_currency!", m.sort_en, m.sort_de, m.sort_zh
           from markets m join csp_regions r using (csp_region)
           order by m.sort_en"#
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Market {
            country_code: r.country_code,
            country_names: [r.country_name_en, r.country_name_de, r.country_name_zh],
            csp_region: r.csp_region,
            region_names: [r.region_en, r.region_de, r.region_zh],
            billing_currency: r.billing_currency,
            sort: [r.sort_en, r.sort_de, r.sort_zh],
        })
        .collect())
}
