# Registrierung als indirekter Wiederverkäufer.
enroll-title = Als indirekter Wiederverkäufer registrieren
enroll-lead = Indirekte Wiederverkäufer verkaufen die Clouddienste des Programms über einen indirekten Anbieter an ihre Kunden. Jeder neue Partner beginnt hier.
enroll-not-admin = Nur der <strong>globale Administrator</strong> Ihrer Organisation kann sie registrieren. Bitten Sie diese Person, sich anzumelden und die Registrierung vorzunehmen oder Sie zum globalen Administrator zu machen.
enroll-you-need = Was Sie benötigen
enroll-need-work-account = <strong>Ihr Geschäftskonto</strong>: Sie sind jetzt als dessen globaler Administrator angemeldet.
enroll-need-partner-id = <strong>Eine Partner-ID</strong> für ein Unternehmensprofil im Land Ihres Geschäftskontos. Wenn Sie keine haben, können Sie während der Registrierung dem Partnernetzwerk beitreten.
enroll-need-legal = <strong>Die rechtlichen Angaben Ihres Unternehmens</strong>: Firmenname, vollständige Adresse und Telefonnummer sowie in manchen Ländern die Handelsregisternummer.
enroll-need-contact = <strong>Einen Hauptansprechpartner</strong>: Name, Telefonnummer und eine E-Mail-Adresse auf der eigenen Domäne Ihres Unternehmens (keine Webmail-Adresse). Wir bitten die Kontaktperson, sie zu bestätigen.
enroll-need-support = <strong>Kundensupportinformationen</strong>: die E-Mail-Adresse, Telefonnummer und Website, über die Ihre Kunden Support erhalten.
enroll-how-long = Wie lange es dauert
enroll-how-long-text = Etwa 10 Minuten. Ihre Antworten werden bei jedem Schritt gespeichert, sodass Sie unterbrechen und später weitermachen können – in diesem oder einem anderen Browser.
enroll-after = Nach Ihrer Registrierung bestätigt Ihr Hauptansprechpartner die eigene E-Mail-Adresse; danach überprüft das Programmteam Ihren Antrag. Die Überprüfung kann einige Tage dauern, und wir benachrichtigen Ihren Hauptansprechpartner bei jeder Änderung per E-Mail.
enroll-see-application = Ihren Antrag ansehen
enroll-continue = Antrag fortsetzen
enroll-start = Jetzt beginnen
