//! Customers (issue 16): a provider adds a customer (for one of its resellers, or none);
//! partners list and open the customers they serve; a provider records the customer's
//! acceptance of the customer agreement.

use crate::db::{self, customers::Customer, users::SessionUser};
use crate::domain::FormErrors;
use crate::domain::customer::{AgreementInput, CustomerInput, NewCustomer};
use crate::domain::order::{Reader, sees_order, sees_subscription};
use crate::messages::Msg;
use crate::state::AppState;
use serde_json::json;
use uuid::Uuid;

/// The reseller a customer is added for: an active partnership of the provider.
#[derive(Clone, Debug)]
pub struct ResellerChoice {
    /// The partnership.
    pub partnership_id: Uuid,
    /// The reseller tenant.
    pub reseller_id: Uuid,
    /// Its name.
    pub name: String,
    /// Its program region (code).
    pub region: String,
}

/// The provider's active resellers, by name (the choices of the add-customer form).
pub async fn reseller_choices(
    state: &AppState,
    provider: Uuid,
) -> sqlx::Result<Vec<ResellerChoice>> {
    Ok(db::partnerships::resellers_of(&state.db, provider)
        .await?
        .into_iter()
        .filter(|p| p.state.is_active())
        .map(|p| ResellerChoice {
            partnership_id: p.partnership_id,
            reseller_id: p.other_tenant_id,
            name: p.other_name,
            region: p.other_region,
        })
        .collect())
}

/// The outcome of adding a customer.
pub enum Added {
    /// Added now: the customer admin's sign-in name and temporary password, shown once.
    Now {
        /// The customer.
        customer_id: Uuid,
        /// Company name.
        company: String,
        /// The customer admin's sign-in name.
        sign_in: String,
        /// The temporary password (stored only hashed).
        temporary_password: String,
    },
    /// This form added the customer already (a reload): the password is not shown again.
    Already {
        /// The customer.
        customer_id: Uuid,
        /// Company name.
        company: String,
        /// The customer admin's sign-in name.
        sign_in: String,
    },
}

/// Checks a customer's details as the provider `user` typed them, for the review page and
/// for adding: the reseller (if any) in an active partnership with the provider, the country
/// in a region they sell in, the prefix free, the contact neither on a partner's domain nor
/// already a user. Returns the details and the reseller chosen.
pub async fn check(
    state: &AppState,
    user: &SessionUser,
    regions: &[String],
    input: &CustomerInput,
) -> anyhow::Result<Result<(NewCustomer, Option<ResellerChoice>), FormErrors>> {
    let choices = reseller_choices(state, user.tenant_id).await?;
    let reseller = match input.reseller.trim() {
        "" => Ok(None),
        id => Uuid::parse_str(id)
            .ok()
            .and_then(|id| choices.into_iter().find(|c| c.partnership_id == id))
            .map(Some)
            .ok_or(()),
    };
    let mut partners = vec![user.tenant_id];
    if let Ok(Some(r)) = &reseller {
        partners.push(r.reseller_id);
    }
    let domains =
        db::customers::partner_domains(&state.db, &partners, &state.config.tenant_domain_suffix)
            .await?;
    let checked = input.validate(&state.config.tenant_domain_suffix, &domains);
    let mut errors = match &checked {
        Ok(_) => FormErrors::default(),
        Err(e) => e.clone(),
    };
    if reseller.is_err() {
        errors.add("reseller", Msg("customer-reseller-not-partner"));
    }
    if let Ok(c) = &checked {
        match state.market(&c.country).await? {
            None => errors.add("country", crate::messages::COUNTRY_UNKNOWN),
            Some(market) => {
                // Sold where both may sell: the reseller's own region, which its provider
                // serves; without a reseller, the provider's regions.
                let allowed = match &reseller {
                    Ok(Some(r)) => r.region == market.csp_region,
                    _ => regions.contains(&market.csp_region),
                };
                if !allowed {
                    errors.add("country", Msg("customer-region-not-sold"));
                }
            }
        }
        not_taken(state, c, &mut errors).await?;
    }
    match (checked, reseller) {
        (Ok(c), Ok(r)) if errors.is_empty() => Ok(Ok((c, r))),
        _ => Ok(Err(errors)),
    }
}

/// Adds a customer for the provider `user` (and the reseller chosen): the customer tenant,
/// its admin with a temporary password (7 days, changed at the first sign-in), the
/// relationship, and delegated admin access for the provider and the reseller, in one
/// transaction; the customer admin is e-mailed (without the password). Sent again with the
/// same form id, nothing more is added and the password is not shown again.
pub async fn add(
    state: &AppState,
    user: &SessionUser,
    regions: &[String],
    input: &CustomerInput,
    ip: &str,
) -> anyhow::Result<Result<Added, FormErrors>> {
    let form = Uuid::parse_str(input.form_id.trim()).ok();
    if let Some(form) = form
        && let Some((customer_id, company, sign_in)) =
            db::customers::added_with_form(&state.db, user.tenant_id, form).await?
    {
        return Ok(Ok(Added::Already {
            customer_id,
            company,
            sign_in,
        }));
    }
    let (customer, reseller) = match check(state, user, regions, input).await? {
        Ok(checked) => checked,
        Err(errors) => return Ok(Err(errors)),
    };
    let market = state
        .market(&customer.country)
        .await?
        .ok_or_else(|| anyhow::anyhow!("checked market {} is gone", customer.country))?;
    let temporary_password = crate::domain::password::generate();
    let hash = state.hasher.hash(&temporary_password).await?;
    let until = time::OffsetDateTime::now_utc()
        + time::Duration::days(crate::domain::password::TEMPORARY_PASSWORD_DAYS);
    let customer_id = Uuid::new_v4();
    let admin_id = Uuid::new_v4();
    let mut tx = state.db.begin().await?;
    let account = NewAccount {
        customer_id,
        admin_id,
        customer: &customer,
        billing_currency: &market.billing_currency,
        password_hash: &hash,
        temporary_until: Some(until),
        added_by: Some((user.tenant_id, user.user_id)),
        form,
    };
    if let Err(errors) = insert_account(&mut tx, &account).await? {
        return Ok(Err(errors));
    }
    let full_name = format!("{} {}", customer.first_name, customer.last_name);
    let reseller_id = reseller.as_ref().map(|r| r.reseller_id);
    db::customers::relate(
        &mut tx,
        customer_id,
        user.tenant_id,
        reseller_id,
        "added",
        user.user_id,
    )
    .await?;
    grant_partners(&mut tx, customer_id, user.tenant_id, reseller_id, user).await?;
    db::audit::record(
        &mut *tx,
        db::audit::AuditEvent {
            actor_user_id: Some(user.user_id),
            tenant_id: Some(user.tenant_id),
            action: "customer.added",
            target_type: "customer",
            target_id: customer_id.to_string(),
            ip_address: Some(ip.to_owned()),
            after: Some(json!({
                "name": customer.company,
                "domain_prefix": customer.domain_prefix.as_str(),
                "country": customer.country,
                "contact": customer.email,
                "reseller": reseller_id,
            })),
            ..Default::default()
        },
    )
    .await?;
    let confirm = crate::domain::token::new_token();
    db::tokens::issue(
        &mut tx,
        admin_id,
        db::tokens::Purpose::EmailConfirmation,
        &confirm.hash,
    )
    .await?;
    let message = crate::email::messages::CustomerAdded {
        name: full_name,
        company: customer.company.clone(),
        partner: user.organisation.clone(),
        sign_in_link: state.config.link("/signin"),
        confirm_link: state
            .config
            .link(&format!("/signup/confirm/{}", confirm.plain)),
        // The customer may be in another time zone than the partner adding it.
        until: crate::i18n::format::date_time_utc(until),
    };
    let email = crate::email::messages::EmailContent::to_email(&message, customer.email.as_str())?;
    db::outbox::enqueue(&mut *tx, &email, &state.message_domain()).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(Ok(Added::Now {
        customer_id,
        company: customer.company,
        sign_in: customer.email,
        temporary_password,
    }))
}

/// Notes a domain prefix already used by a work account, and a contact address that
/// already signs in somewhere (it is to be the customer admin's sign-in name).
async fn not_taken(state: &AppState, c: &NewCustomer, errors: &mut FormErrors) -> sqlx::Result<()> {
    if db::tenants::domain_prefix_taken(&state.db, c.domain_prefix.as_str()).await? {
        errors.add("domain_prefix", crate::messages::DOMAIN_PREFIX_TAKEN);
    }
    if db::users::tenant_of_email(&state.db, &c.email)
        .await?
        .is_some()
    {
        errors.add("email", Msg("customer-email-taken"));
    }
    Ok(())
}

/// A customer work account to create: the tenant, its profile and its first admin (the
/// contact).
struct NewAccount<'a> {
    customer_id: Uuid,
    admin_id: Uuid,
    customer: &'a NewCustomer,
    billing_currency: &'a str,
    password_hash: &'a str,
    /// A temporary password's end (a partner chose it), or `None` (the admin chose it).
    temporary_until: Option<time::OffsetDateTime>,
    /// The partner (tenant, user) that added it.
    added_by: Option<(Uuid, Uuid)>,
    form: Option<Uuid>,
}

/// Creates the customer tenant, its profile and its admin inside `tx`; a taken prefix or
/// address (someone was quicker) comes back as the field's error.
async fn insert_account(
    tx: &mut sqlx::PgConnection,
    a: &NewAccount<'_>,
) -> anyhow::Result<Result<(), FormErrors>> {
    let c = a.customer;
    if let Err(e) =
        db::customers::insert(tx, a.customer_id, c, a.billing_currency, a.added_by, a.form).await
    {
        if db::is_unique_violation(&e, db::tenants::DOMAIN_PREFIX_UNIQUE) {
            let errors = FormErrors::single("domain_prefix", crate::messages::DOMAIN_PREFIX_TAKEN);
            return Ok(Err(errors));
        }
        return Err(e.into());
    }
    let full_name = format!("{} {}", c.first_name, c.last_name);
    let admin = db::users::insert(
        &mut *tx,
        &db::users::NewUser {
            user_id: a.admin_id,
            tenant_id: a.customer_id,
            full_name: &full_name,
            email: &c.email,
            password_hash: a.password_hash,
            roles: crate::domain::tenant::Roles::one(crate::domain::tenant::Role::GlobalAdmin),
            language: crate::i18n::current(),
            temporary_until: a.temporary_until,
            added_by: a.added_by.map(|(_, user)| user),
            added_with_form: None,
        },
    )
    .await;
    if let Err(e) = admin {
        if db::is_unique_violation(&e, db::users::EMAIL_UNIQUE) {
            return Ok(Err(FormErrors::single(
                "email",
                Msg("customer-email-taken"),
            )));
        }
        return Err(e.into());
    }
    Ok(Ok(()))
}

/// The partners serving a customer administer it on its behalf: delegated admin access for
/// the provider and the reseller (if any), given by `user`.
async fn grant_partners(
    tx: &mut sqlx::PgConnection,
    customer: Uuid,
    provider: Uuid,
    reseller: Option<Uuid>,
    user: &SessionUser,
) -> sqlx::Result<()> {
    for partner in std::iter::once(provider).chain(reseller) {
        db::partnerships::grant_admin_access(
            &mut *tx,
            customer,
            partner,
            None,
            user.user_id,
            &user.full_name,
        )
        .await?;
    }
    Ok(())
}

/// The customers the provider serves, filtered, one page.
pub async fn provider_customers(
    state: &AppState,
    provider: Uuid,
    filter: &db::customers::ListFilter,
    limit: i64,
) -> sqlx::Result<Vec<db::customers::Listed>> {
    db::customers::of_provider(&state.db, provider, filter, limit).await
}

/// A customer as a partner sees it: its details, relationships, the delegated admin access
/// it has given and its agreement. `None` unless `partner` serves it (provider or reseller).
pub struct CustomerView {
    /// Details.
    pub customer: Customer,
    /// Its relationships.
    pub relationships: Vec<db::customers::Relationship>,
    /// Delegated admin access it has given, in force.
    pub access: Vec<db::partnerships::AdminAccess>,
    /// Its newest acceptance of the customer agreement.
    pub acceptance: Option<db::customers::RecordedAcceptance>,
    /// The current agreement version.
    pub current_agreement: i32,
    /// Its subscriptions that the reader sees.
    pub subscriptions: Vec<db::subscriptions::Subscription>,
    /// Its orders that the reader sees, newest first.
    pub orders: Vec<db::orders::Order>,
}

/// A customer, if `partner` serves it (or for staff, `partner` = `None`).
pub async fn customer_for(
    state: &AppState,
    partner: Option<Uuid>,
    customer_id: Uuid,
) -> sqlx::Result<Option<CustomerView>> {
    let Some(customer) = db::customers::find(&state.db, customer_id).await? else {
        return Ok(None);
    };
    let relationships = db::customers::relationships_of(&state.db, customer_id).await?;
    if let Some(partner) = partner
        && !relationships
            .iter()
            .any(|r| r.provider_id == partner || r.reseller_id == Some(partner))
    {
        return Ok(None);
    }
    // Staff (no partner) and the customer itself see every subscription and order.
    let reader = partner.map_or(Reader::Staff, Reader::Tenant);
    let serving: Vec<_> = relationships
        .iter()
        .map(|r| (r.provider_id, r.reseller_id))
        .collect();
    let subscriptions = db::subscriptions::of_customer(&state.db, customer_id)
        .await?
        .into_iter()
        .filter(|s| {
            let support = s.reseller_tenant_id.filter(|_| s.support_reseller);
            sees_subscription(reader, s.provider_tenant_id, customer_id, support, &serving)
        })
        .collect();
    let orders = db::orders::orders_of(&state.db, customer_id)
        .await?
        .into_iter()
        .filter(|o| {
            sees_order(
                reader,
                o.provider_tenant_id,
                customer_id,
                o.reseller_tenant_id,
                &serving,
            )
        })
        .collect();
    Ok(Some(CustomerView {
        subscriptions,
        orders,
        access: db::partnerships::admin_access_given(&state.db, customer_id).await?,
        acceptance: db::customers::acceptance(&state.db, customer_id).await?,
        current_agreement: db::customers::current_agreement(&state.db).await?,
        customer,
        relationships,
    }))
}

/// True when `partner` is the provider (never only the reseller) of the customer: who may
/// record the customer agreement and, later, order.
pub fn is_provider_of(view: &CustomerView, partner: Uuid) -> bool {
    view.relationships.iter().any(|r| r.provider_id == partner)
}

/// What came of recording an acceptance.
pub enum Recorded {
    /// Recorded now.
    Now,
    /// This version was recorded already.
    Already,
}

/// The provider `user` records the customer's acceptance of the current customer agreement.
/// `None` when the customer is not one the user's organisation provides for.
pub async fn record_agreement(
    state: &AppState,
    user: &SessionUser,
    customer_id: Uuid,
    input: &AgreementInput,
    ip: &str,
) -> anyhow::Result<Option<Result<Recorded, FormErrors>>> {
    let Some(view) = customer_for(state, Some(user.tenant_id), customer_id).await? else {
        return Ok(None);
    };
    if !is_provider_of(&view, user.tenant_id) {
        return Ok(None);
    }
    let today = time::OffsetDateTime::now_utc().date();
    let acceptance = match input.validate(today, view.customer.created_at.date()) {
        Ok(a) => a,
        Err(errors) => return Ok(Some(Err(errors))),
    };
    let mut tx = state.db.begin().await?;
    let fresh = db::customers::record_acceptance(
        &mut tx,
        customer_id,
        view.current_agreement,
        &acceptance,
        user.user_id,
        user.tenant_id,
    )
    .await?;
    if !fresh {
        return Ok(Some(Ok(Recorded::Already)));
    }
    db::audit::record(
        &mut *tx,
        db::audit::AuditEvent {
            actor_user_id: Some(user.user_id),
            tenant_id: Some(user.tenant_id),
            action: "customer.agreement_recorded",
            target_type: "customer",
            target_id: customer_id.to_string(),
            ip_address: Some(ip.to_owned()),
            after: Some(json!({
                "version": view.current_agreement,
                "accepted_on": acceptance.accepted_on.to_string(),
                "signer": format!("{} {}", acceptance.first_name, acceptance.last_name),
                "email": acceptance.email,
            })),
            ..Default::default()
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Some(Ok(Recorded::Now)))
}

/// Why a customer cannot authorise through an invitation (each said in its own words).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InviteRefusal {
    /// Authorised already.
    Used,
    /// Past its date.
    Expired,
    /// Withdrawn by the partner.
    Revoked,
    /// The signed-in organisation is a partner (a partner is never another's customer).
    PartnerTenant,
    /// The customer is in a region the partners do not serve.
    OtherRegion,
    /// The customer already has this relationship.
    AlreadyRelated,
}

impl InviteRefusal {
    /// In words.
    pub fn words(self) -> Msg {
        Msg(match self {
            InviteRefusal::Used => "cinv-used",
            InviteRefusal::Expired => "cinv-expired",
            InviteRefusal::Revoked => "cinv-revoked",
            InviteRefusal::PartnerTenant => "cinv-partner-tenant",
            InviteRefusal::OtherRegion => "cinv-other-region",
            InviteRefusal::AlreadyRelated => "cinv-already-related",
        })
    }
}

/// The invitation behind a link's token, if any.
pub async fn invitation(
    state: &AppState,
    token: &str,
) -> sqlx::Result<Option<db::customers::Invitation>> {
    db::customers::invitation(&state.db, &crate::domain::token::hash_token(token)).await
}

/// Why `user` (or a visitor, `None`) cannot authorise through `inv` now.
pub async fn invite_refusal(
    state: &AppState,
    inv: &db::customers::Invitation,
    user: Option<&SessionUser>,
) -> anyhow::Result<Option<InviteRefusal>> {
    if inv.accepted {
        return Ok(Some(InviteRefusal::Used));
    }
    if inv.revoked {
        return Ok(Some(InviteRefusal::Revoked));
    }
    if inv.expires_at <= time::OffsetDateTime::now_utc() {
        return Ok(Some(InviteRefusal::Expired));
    }
    let Some(user) = user else {
        return Ok(None);
    };
    if !user.tenant_kind.is_customer() {
        return Ok(Some(InviteRefusal::PartnerTenant));
    }
    let region = match db::tenants::overview(&state.db, user.tenant_id).await? {
        Some(t) => state.market(&t.country_code).await?.map(|m| m.csp_region),
        None => None,
    };
    if region.as_deref() != Some(inv.region.as_str()) {
        return Ok(Some(InviteRefusal::OtherRegion));
    }
    if db::customers::related(&state.db, user.tenant_id, inv.provider_id, inv.reseller_id).await? {
        return Ok(Some(InviteRefusal::AlreadyRelated));
    }
    Ok(None)
}

/// What came of authorising.
pub enum Authorised {
    /// The relationship exists now.
    Now,
    /// The consent box was not ticked.
    NoConsent,
    /// Refused, and why.
    Refused(InviteRefusal),
}

/// The customer's admin `user` authorises the relationship behind `inv`: the relationship
/// and the partners' delegated admin access, once however often it is pressed; the partners'
/// global admins are told.
pub async fn authorise(
    state: &AppState,
    user: &SessionUser,
    inv: &db::customers::Invitation,
    consent: bool,
    ip: &str,
) -> anyhow::Result<Authorised> {
    if let Some(r) = invite_refusal(state, inv, Some(user)).await? {
        return Ok(Authorised::Refused(r));
    }
    if !consent {
        return Ok(Authorised::NoConsent);
    }
    let mut tx = state.db.begin().await?;
    if !db::customers::accept_invitation(&mut tx, inv.invitation_id, user.tenant_id, user.user_id)
        .await?
    {
        return Ok(Authorised::Refused(InviteRefusal::Used));
    }
    db::customers::relate(
        &mut tx,
        user.tenant_id,
        inv.provider_id,
        inv.reseller_id,
        "invitation",
        user.user_id,
    )
    .await?;
    grant_partners(
        &mut tx,
        user.tenant_id,
        inv.provider_id,
        inv.reseller_id,
        user,
    )
    .await?;
    db::audit::record(
        &mut *tx,
        db::audit::AuditEvent {
            actor_user_id: Some(user.user_id),
            tenant_id: Some(user.tenant_id),
            action: "customer.authorised",
            target_type: "customer_invitation",
            target_id: inv.invitation_id.to_string(),
            ip_address: Some(ip.to_owned()),
            after: Some(json!({
                "customer": user.tenant_id,
                "provider": inv.provider_id,
                "reseller": inv.reseller_id,
            })),
            ..Default::default()
        },
    )
    .await?;
    let message = crate::email::messages::CustomerAuthorised {
        customer: user.organisation.clone(),
        provider: inv.provider.clone(),
        reseller: inv.reseller.clone().unwrap_or_default(),
    };
    for partner in std::iter::once(inv.provider_id).chain(inv.reseller_id) {
        crate::flows::lifecycle::tell_global_admins(state, &mut tx, partner, &message).await?;
    }
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(Authorised::Now)
}

/// What the customer sign-up form (from an invitation) sends: the customer's details and
/// the admin's password.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct CustomerSignUp {
    /// The customer's details (the contact becomes the admin).
    #[serde(flatten)]
    pub customer: CustomerInput,
    /// The admin's password.
    #[serde(default)]
    pub password: String,
}

/// Creates a customer work account from an invitation's link: the customer tenant (in the
/// invitation's region), its profile, and its admin (the contact) with the password chosen;
/// a confirmation e-mail leads back to the invitation. `Ok(None)` when the invitation can no
/// longer be used.
pub async fn sign_up_from_invitation(
    state: &AppState,
    inv: &db::customers::Invitation,
    token: &str,
    input: &CustomerSignUp,
    ip: &str,
) -> anyhow::Result<Option<Result<(), FormErrors>>> {
    if invite_refusal(state, inv, None).await?.is_some() {
        return Ok(None);
    }
    let partners: Vec<Uuid> = std::iter::once(inv.provider_id)
        .chain(inv.reseller_id)
        .collect();
    let domains =
        db::customers::partner_domains(&state.db, &partners, &state.config.tenant_domain_suffix)
            .await?;
    let c = &input.customer;
    let checked = c.validate(&state.config.tenant_domain_suffix, &domains);
    let mut errors = match &checked {
        Ok(_) => FormErrors::default(),
        Err(e) => e.clone(),
    };
    let related = [
        c.company.as_str(),
        c.first_name.as_str(),
        c.last_name.as_str(),
        c.email.as_str(),
        c.domain_prefix.as_str(),
    ];
    errors.check(
        "password",
        crate::domain::password::check_new_password(&input.password, &related),
    );
    let mut market = None;
    if let Ok(customer) = &checked {
        market = state.market(&customer.country).await?;
        match &market {
            None => errors.add("country", crate::messages::COUNTRY_UNKNOWN),
            Some(m) if m.csp_region != inv.region => {
                errors.add("country", Msg("cinv-other-region"))
            }
            Some(_) => {}
        }
        not_taken(state, customer, &mut errors).await?;
    }
    let (Ok(customer), Some(market), true) = (checked, market, errors.is_empty()) else {
        return Ok(Some(Err(errors)));
    };
    let hash = state.hasher.hash(&input.password).await?;
    let customer_id = Uuid::new_v4();
    let admin_id = Uuid::new_v4();
    let full_name = format!("{} {}", customer.first_name, customer.last_name);
    let mut tx = state.db.begin().await?;
    let account = NewAccount {
        customer_id,
        admin_id,
        customer: &customer,
        billing_currency: &market.billing_currency,
        password_hash: &hash,
        temporary_until: None,
        added_by: None,
        form: None,
    };
    if let Err(errors) = insert_account(&mut tx, &account).await? {
        return Ok(Some(Err(errors)));
    }
    db::audit::record(
        &mut *tx,
        db::audit::AuditEvent {
            actor_user_id: Some(admin_id),
            tenant_id: Some(customer_id),
            action: "customer.signed_up",
            target_type: "customer",
            target_id: customer_id.to_string(),
            ip_address: Some(ip.to_owned()),
            after: Some(json!({
                "name": customer.company,
                "domain_prefix": customer.domain_prefix.as_str(),
                "invitation": inv.invitation_id,
            })),
            ..Default::default()
        },
    )
    .await?;
    crate::flows::lifecycle::send_confirmation(
        state,
        &mut tx,
        admin_id,
        &full_name,
        &customer.company,
        &customer.email,
        Some(&format!("/customer-invitations/{token}")),
    )
    .await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(Some(Ok(())))
}

/// How the organisation serves customers: as a listed indirect provider (its regions), as
/// a direct-bill partner (one tier), both, or not at all.
pub struct Serving {
    /// The regions it is listed for as a provider (empty: not a provider).
    pub provider_regions: Vec<String>,
    /// An active direct-bill partner (invites its own customers).
    pub direct: bool,
}

/// How `tenant` serves customers; `None` when it does not.
pub async fn serving(state: &AppState, tenant: Uuid) -> anyhow::Result<Option<Serving>> {
    let provider_regions: Vec<String> = crate::flows::lifecycle::provider_regions(state, tenant)
        .await?
        .unwrap_or_default()
        .into_iter()
        .map(|(code, _)| code)
        .collect();
    let direct = db::tenants::with_standing(&state.db, tenant)
        .await?
        .and_then(|(_, standing)| standing.direct_partner)
        .is_some_and(|(status, _)| status.is_active());
    Ok((direct || !provider_regions.is_empty()).then_some(Serving {
        provider_regions,
        direct,
    }))
}

/// The back office's customer lookup: by name or domain, at most `limit`.
pub async fn lookup(
    state: &AppState,
    search: Option<&str>,
    limit: i64,
) -> sqlx::Result<Vec<db::customers::Listed>> {
    db::customers::search(&state.db, search, limit).await
}
