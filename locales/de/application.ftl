# Die Statusseite eines Antrags.
app-title = Ihr Antrag
app-back = Zurück zu Ihrem Dashboard
app-heading-direct = Ihr Antrag auf direkte Abrechnung
app-heading-reseller = Ihr Antrag als indirekter Wiederverkäufer
app-reason = Grund:
app-what-we-need = Was wir benötigen:
app-declined = Ihr Hauptansprechpartner hat angegeben, diesen Antrag nicht zu bestätigen. Klären Sie das mit der Kontaktperson: Wenn die Kontaktperson oder die Adresse falsch war, ziehen Sie diesen Antrag zurück und registrieren Sie sich erneut mit den richtigen Angaben. Sie können der Kontaktperson auch einen neuen Link senden.
app-next = Wie es weitergeht:
app-requirements = Anforderungen
app-checks = Prüfungen
app-your-answer = Ihre Antwort
app-answer-hint = Beantworten Sie die Frage des Teams oben. Wenn eine Ihrer Angaben korrigiert werden muss, <a href="{ $link }" id="change-answers">ändern Sie zuerst Ihre Angaben</a>. Mit dem Absenden kommt Ihr Antrag wieder in die Prüfung.
app-send-answer = Antwort senden und Antrag erneut absenden
app-lost-email = Hat Ihr Hauptansprechpartner die E-Mail verloren oder ist der Link abgelaufen?
app-resend = Bestätigungs-E-Mail erneut senden
app-timeline = Verlauf
app-your-answers = Ihre Angaben
app-revenue = Umsatz der letzten 12 Monate
app-evidence = Nachweise
app-partner-id = Partner-ID
app-legal-name = Firmenname
app-contact = Hauptansprechpartner
app-website = Support-Website
app-withdraw = Diesen Antrag zurückziehen

## The primary contact's status view (issue 18)
cstatus-title = Status des Antrags
cstatus-heading = Der Antrag von { $organisation }
cstatus-intro = Sie sind der primäre Kontakt dieses Antrags auf Teilnahme am Partnerprogramm. Diese Seite zeigt den aktuellen Stand; der Link in Ihrer E-Mail funktioniert 30 Tage lang.
cstatus-program = Programm
cstatus-state = Status
cstatus-submitted = Übermittelt
cstatus-next = Wie es weitergeht
cstatus-sign-in = Haben Sie ein Konto bei der Organisation?
cstatus-gone-heading = Dieser Statuslink funktioniert nicht mehr
cstatus-gone = Statuslinks funktionieren 30 Tage lang. Eine neuere E-Mail zum Antrag enthält einen neuen Link; oder fragen Sie die Person, die den Antrag für Ihre Organisation gestellt hat.
