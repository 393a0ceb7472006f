# Enrolling as an indirect reseller.
enroll-title = Enroll as an indirect reseller
enroll-lead = Indirect resellers sell the program's cloud services to their customers through an indirect provider. Every new partner starts here.
enroll-not-admin = Only your organisation's <strong>global admin</strong> can enroll it. Ask them to sign in and enroll, or to make you a global admin.
enroll-you-need = What you will need
enroll-need-work-account = <strong>Your work account</strong>: you are signed in to it now, as its global admin.
enroll-need-partner-id = <strong>A partner ID</strong> for a company profile in your work account's country. If you do not have one, you can join the partner network during enrollment.
enroll-need-legal = <strong>Your company's legal details</strong>: legal name, full address and phone number, and in some countries a company registration ID.
enroll-need-contact = <strong>A primary contact</strong>: name, phone and an e-mail address on your company's own domain (not a webmail address). We will ask them to confirm it.
enroll-need-support = <strong>Customer-support details</strong>: the e-mail, phone and web site your customers use for support.
enroll-how-long = How long it takes
enroll-how-long-text = About 10 minutes. Your answers are saved at every step, so you can stop and come back, from this or another browser.
enroll-after = After you enroll, your primary contact confirms their e-mail address; then the program's team reviews your application. Review can take several days, and we e-mail your primary contact at each change.
enroll-see-application = See your application
enroll-continue = Continue your application
enroll-start = Start now
