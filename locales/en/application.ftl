# An applicant's status page.
app-title = Your application
app-back = Back to your dashboard
app-heading-direct = Your direct-bill application
app-heading-reseller = Your indirect reseller application
app-reason = Reason:
app-what-we-need = What we need:
app-declined = Your primary contact said they do not confirm this application. Check with them: if the contact or the address was wrong, withdraw this application and enrol again with the right details. You can also send them a new link.
app-next = What happens next:
app-requirements = Requirements
app-checks = Checks
app-your-answer = Your answer
app-answer-hint = Answer the team's question above. If an answer you gave needs correcting, <a href="{ $link }" id="change-answers">change your answers</a> first. Sending this puts your application back in review.
app-send-answer = Send answer and resubmit
app-lost-email = Has your primary contact lost the e-mail, or has the link expired?
app-resend = Send the verification e-mail again
app-timeline = Timeline
app-your-answers = Your answers
app-revenue = Revenue, last 12 months
app-evidence = Evidence
app-partner-id = Partner ID
app-legal-name = Legal name
app-contact = Primary contact
app-website = Support web site
app-withdraw = Withdraw this application

## The primary contact's status view (issue 18)
cstatus-title = Application status
cstatus-heading = The application of { $organisation }
cstatus-intro = You are the primary contact of this application to the partner program. This page shows where it stands; the link in your e-mail works for 30 days.
cstatus-program = Program
cstatus-state = Status
cstatus-submitted = Submitted
cstatus-next = What happens next
cstatus-sign-in = Have an account with the organisation?
cstatus-gone-heading = This status link no longer works
cstatus-gone = Status links work for 30 days. A newer e-mail about the application has a fresh link; or ask the person who applied for your organisation.
