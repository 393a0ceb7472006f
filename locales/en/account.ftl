# Home page, creating a work account, signing in.
home-title = Join the partner program
home-heading = Resell cloud services as a program partner
home-lead = The Partner Portal is where organisations join the cloud-reseller partner program, follow their application, and run their partner account.
home-signed-in-as = You are signed in as { $name } for { $organisation }.
home-go-to-dashboard = Go to your dashboard
home-before-you-start = Before you start
home-you-need = You need a work account for your organisation. Creating one takes a few minutes: you will need
home-need-organisation = your organisation's name and the country it is based in,
home-need-domain = a name for your work account's domain,
home-need-you = your own name and a company e-mail address you can open now.
home-country-decides = The country decides your program region and the currency you are billed in. The currency cannot be changed later.
home-already-have-one = Already have one? <a href="/signin">Sign in</a>.

signin-title = Sign in
signin-email = E-mail address
signin-password = Password
signin-button = Sign in
signin-forgotten = Forgotten your password?
signin-no-account = No work account yet? <a href="/signup">Create one</a>.

signup-title = Create a work account
signup-intro = A work account (tenant) is your organisation's home in the program. You become its global admin.
signup-your-organisation = Your organisation
signup-organisation = Organisation name
signup-domain = Domain name for your work account
signup-domain-hint = 3 to 40 lowercase letters, numbers or hyphens. Your users will sign in to <strong>name.{ $suffix }</strong>.
signup-country = Country your organisation is based in
signup-country-hint = The country sets your program region and the currency you are billed in. <strong>The billing currency cannot be changed later</strong>: another currency needs another work account.
signup-select-country = Select a country
signup-country-option = { $country } – { $region } region, billed in { $currency }
signup-you = You, the global admin
signup-full-name = Full name
signup-email = Work e-mail address
signup-email-hint = We will send a link to confirm it. You will sign in with this address.
signup-password = Password
signup-password-hint = At least 12 characters. A phrase of several unrelated words is easy to remember and hard to guess.
signup-button = Create work account

check-email-title = Check your e-mail
check-email-sent = We have sent a message to the address you gave. Open the link in it to confirm your address, then sign in with the password you chose.
check-email-spam = The link works once and for 24 hours. If nothing arrives within a few minutes, look in your spam folder, or <a href="/signup">check the address and try again</a>.
check-email-have-account = Already have an account? <a href="/signin">Sign in</a> or <a href="/password/forgot">reset your password</a>.

confirm-failed-title = This confirmation link does not work
confirm-failed-why = The link has already been used, has been replaced by a newer one, or is more than 24 hours old.
confirm-failed-signed-in = You can ask for a new link on <a href="/dashboard">your dashboard</a>.
confirm-failed-signed-out = <a href="/signin">Sign in</a> and ask for a new link on your dashboard. If your address is already confirmed, there is nothing more to do.

# A page the user's role does not allow (issue 15).
forbidden-title = Your role does not allow this
forbidden-needs = To { $what }, you need one of these roles:
forbidden-ask = Ask someone in your organisation who holds one of them:
forbidden-nobody = Nobody in your organisation holds one of these roles yet.
cap-manage-applications = enrol your organisation, follow its applications, accept the partner agreement and apply for direct bill
cap-download-evidence = open the evidence filed with a direct-bill application
cap-provider-tasks = work with your organisation's indirect resellers
cap-reseller-tasks = work with your organisation's indirect providers and their customers
cap-authorise-provider = authorise an indirect provider
cap-edit-profile = change the organisation profile
cap-revoke-admin-access = remove an indirect provider's admin access to your organisation
cap-see-customers = see the customers your organisation serves
cap-place-orders = order for the customers your organisation provides for
cap-manage-subscriptions = change the subscriptions your organisation provides

# Why the sign-in page appeared, and the welcome back after a session expired.
signin-why-expired = You were signed out after { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    } without activity. Sign in again to carry on.
signin-why-expired-kept = You were signed out after { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    } without activity. Sign in again to go back to your form: what you typed is kept.
signin-why-needed = Sign in to open that page.
flash-resumed = You were signed out after { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    } without activity. What you typed is filled in below: check it and continue.
timeout-warning-heading = You will be signed out soon
timeout-warning-text = For your security, you are signed out after { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    } without activity.
timeout-warning-stay = Stay signed in
