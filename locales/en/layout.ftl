# The frame of every page: header, navigation, language switch, footer.
site-name = Partner Portal
skip-to-content = Skip to main content
nav-account-label = Account
nav-dashboard = Dashboard
nav-change-password = Change password
nav-sign-out = Sign out
nav-sign-in = Sign in
nav-create-account = Create a work account
footer-tagline = Partner Portal · a cloud-reseller partner program
language-switch-label = Language
language-current = { $language } (current language)
error-title-prefix = Error:{" "}
error-summary-title = There is a problem
error-prefix = Error:
back-link = Back

# The back office's frame.
admin-brand-suffix = Back office
admin-operator = Operator
admin-nav-applications = Applications
admin-nav-direct-bill = Direct bill
admin-nav-audit = Audit log
admin-nav-providers = Providers
admin-nav-staff = Staff
admin-nav-settings = Settings
admin-nav-staff-sign-in = Staff sign in

# Error pages.
error-reference-label = Reference:
error-status = (status { $status })
error-go-to-start = Go to the start page

# Shared words.
list-separator = {", "}
back-to-dashboard = Back to your dashboard
col-actions = Actions
edit = Edit
read-page-in = Read this page in English
shown-once-print = Print this page
shown-once-copy = Copy the password
shown-once-copied = Copied

# The partner navigation (items appear as the role and the organisation's standing allow).
nav-partner-label = Partner pages
nav-home = Home
nav-application = Application
nav-providers = Providers
nav-resellers = Resellers
nav-direct-bill = Direct bill
nav-organisation = Organisation
