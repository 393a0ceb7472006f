# An applicant's status page.
app-title = Your application
app-back = Back to your dashboard
app-heading-direct = Your direct-bill application
app-heading-reseller = Your indirect reseller application
app-reason = Reason:
app-what-we-need = What we need:
app-declined = Your primary contact said they do not confirm this application. Check with them: if the contact or the address was wrong, withdraw this application and enroll again with the right details. You can also send them a new link.
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
