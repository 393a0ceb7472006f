# The partner agreement and withdrawing an application.
agreement-title = Partner agreement
agreement-back = Back to your dashboard
agreement-version-accepted = Version { $version } was accepted by { $name } on { $date }.
agreement-accept-label = I have read the partner agreement (version { $version }) and accept it on behalf of my organisation.
agreement-not-yet = Your organisation can accept the agreement once its enrolment as an indirect reseller is approved.
agreement-admin-only = Only a global admin of your organisation can accept the partner agreement.
agreement-accept = Accept the agreement
agreement-language-note = The agreement is published in English; the English text is the one you accept.
withdraw-title = Withdraw your application
withdraw-heading = Are you sure you want to withdraw your application?
withdraw-text = The review stops and the verification link your primary contact received stops working. You can enrol again later, but you will start from the beginning.
withdraw-button = Withdraw application
withdraw-keep = No, keep my application
agreement-heading = Partner agreement, version { $version }
