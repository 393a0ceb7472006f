# Direct bill: the overview, the application wizard and going back to indirect reseller.
db-progress = Direct bill · step { $number } of { $total }
db-step-revenue = Revenue
db-step-support = Support
db-step-operations = Operations
db-step-services = Managed services
db-billing = Billing
db-provisioning = Provisioning
db-customer-support = Customer support
db-security = Security

db-overview-heading = Become a direct-bill partner
db-overview-lead = Direct-bill partners buy the program's cloud services from the vendor directly and bill their own customers. You need at least 12 months as an indirect reseller and USD 300,000 of program cloud revenue in the last 12 months.
db-is-partner = <strong>Your organisation is a direct-bill partner.</strong> Its yearly reassessment is due on { $date }.
db-transition-link = Go back to indirect reseller
db-intake-closed = Direct-bill intake is closed
db-reopens-on = It reopens on
db-until-then-link = as an indirect reseller.
db-qualify = Do you qualify?
db-qualify-intro = We check these from your records; you do not need to do anything for them.
db-met = Met
db-not-met = Not met
db-asked = What you will be asked
db-asked-revenue = <strong>Revenue</strong>: your program cloud revenue of the last 12 months as an indirect reseller, in US dollars, with evidence (PDF, PNG or JPEG; up to 5 files of 10 MB).
db-asked-support = <strong>Support</strong>: whether you give first-line support, and which vendor support plan (advanced or premier) you will hold.
db-asked-operations = <strong>Operations</strong>: how you bill, provision, support and secure your customers. A third party will assess these.
db-asked-services = <strong>Managed services</strong>: at least one managed service, IP service or customer solution you offer.
db-asked-authority = <strong>Authority</strong>: that you may accept legal agreements for your organisation.
db-previous-rejected = Your previous direct-bill application was not approved.
db-previous-withdrawn = Your previous direct-bill application was withdrawn.
db-previous-see = See it.
db-previous-again = You can apply again when you meet every requirement.
db-not-admin = Only your organisation's <strong>global admin</strong> can apply for direct bill.
db-see-application = See your direct-bill application
db-start = Start your application

db-revenue-heading = Your program cloud revenue
db-revenue-confirms = The program's team confirms it from the evidence you upload here.
db-evidence-uploaded = Evidence uploaded
db-revenue-label = Revenue of the last 12 months, in US dollars
db-revenue-hint = Program cloud revenue as an indirect reseller, like 350,000
db-evidence-label = Evidence of this revenue
db-evidence-hint = PDF, PNG or JPEG, at most 10 MB, up to 5 files ({ $count } uploaded). Only your organisation's admins and the program's team can open them.
db-upload = Upload file

db-support-heading = Supporting your customers
db-first-line-question = Can your organisation give its customers first-line support?
db-plan-question = Which vendor support plan will you hold?
db-plan-warning = <strong>Do not buy the plan yet.</strong> Buy it only after we e-mail you that your credit check has passed.

db-operations-heading = Billing, provisioning, support and security
db-operations-intro = A third-party assessment will verify each of these capabilities after your revenue, tenure and credit check are confirmed. Describe each in a few sentences.
db-receivables = We have the infrastructure to bill and provision our customers and to collect what they owe us (receivables)

db-services-heading = Your managed services
db-services-intro = List at least one managed service, IP service or customer solution you offer your customers.
db-offer-n = Offer { $n }
db-offer-type = Type
db-choose-type = Choose a type
db-offer-name = Name
db-offer-description = Description
db-remove-offer = Remove offer { $n }
db-add-offer = Add another offer

db-check-title = Check your answers
db-check-heading = Check your answers before applying
db-check-heading-info = Check and change your answers
db-check-revenue = Revenue, last 12 months
db-check-evidence = Evidence
db-none-uploaded = None uploaded
db-check-first-line = First-line support
db-check-plan = Support plan
db-check-plan-hint = Do not buy the support plan until we e-mail you that your credit check has passed.
db-check-billing = Billing and receivables
db-confirmed = Confirmed
db-offers = Offers
db-none-listed = None listed
db-hidden-revenue = revenue
db-hidden-evidence = evidence
db-hidden-first-line = first-line support
db-hidden-plan = support plan
db-hidden-billing = billing
db-hidden-provisioning = provisioning
db-hidden-customer-support = customer support
db-hidden-security = security
db-hidden-services = managed services
db-your-organisation = Your organisation
db-primary-contact = Primary contact
db-from-enrollment = These come from your indirect-reseller enrolment. We e-mail the primary contact at every step of the review.
db-back-to-application = Back to your application
db-changes-saved = Your changes are saved. To send them to the program's team, go back to your application, answer their question and resubmit.
db-changes-saved-link = Go to your application
db-missing = Some answers are missing.
db-missing-link = Complete them before you apply.
db-apply = Apply
db-authority = I confirm that I may accept legal agreements on behalf of my organisation
db-apply-button = Apply for direct bill

db-transition-heading = Go back to indirect reseller?
db-transition-intro = { $organisation } is a direct-bill partner. If you go back to indirect reseller:
db-transition-buy = you no longer buy the program's services from the vendor directly, and you stop billing under direct bill; you buy through an indirect provider again;
db-transition-reassessment = your yearly reassessment and its reminder are cancelled;
db-transition-stays = your customers, your partner ID, your partner agreement and your partnerships with providers stay as they are;
db-transition-again = to become a direct-bill partner again you must apply again while intake is open.
db-transition-told = We e-mail your organisation's global admins, and the change is recorded.
db-transition-why = Why (optional)

# Evidence files.
file-kind-pdf = PDF
file-kind-png = PNG image
file-kind-jpeg = JPEG image
file-kind-other = File
file-size-bytes = { $bytes ->
        [one] { $bytes } byte
       *[other] { $bytes } bytes
    }
file-size-kb = { $size } KB
file-size-mb = { $size } MB
db-until-date = Until { $date } no direct-bill application can be started or submitted.
db-until-reopens = Until intake reopens no direct-bill application can be started or submitted.
db-meanwhile = Meanwhile you can sell through an indirect provider:
