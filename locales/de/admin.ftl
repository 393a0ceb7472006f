# Das Backoffice: Anmeldung der Mitarbeitenden, Prüfwarteschlange, Antrag, direkte Abrechnung, Mitarbeitende, Einstellungen, Überwachungsprotokoll.
col-organisation = Organisation
col-name = Name
col-email = E-Mail
col-role = Rolle
col-status = Status
admin-audit-any = Alle
admin-apply-filters = Filter anwenden
admin-note-optional = Anmerkung (optional)

admin-signin-heading = Beim Backoffice anmelden
admin-signin-intro = Für die Mitarbeitenden des Programmbetreibers. Partner melden sich an anderer Stelle an:
admin-signin-partners = auf der Anmeldeseite für Partner.
admin-forgot-link = Kennwort vergessen oder gesperrt?
admin-forgot-title = Kennwort für Mitarbeitende zurücksetzen
admin-forgot-intro = Geben Sie die E-Mail-Adresse ein, mit der Sie sich beim Backoffice anmelden. Wenn sie zu einem aktiven Konto von Mitarbeitenden gehört, senden wir einen Link, mit dem Sie ein neues Kennwort festlegen. Damit wird auch jede Anmeldesperre aufgehoben.
admin-reset-sent = Wenn <strong>{ $email }</strong> zu einem aktiven Konto von Mitarbeitenden gehört, haben wir einen Link gesendet, mit dem Sie ein neues Kennwort festlegen. Der Link funktioniert einmal und 1 Stunde lang.
admin-reset-intro = Mindestens 12 Zeichen, schwer zu erraten: Einige Wörter ohne Zusammenhang eignen sich gut. Alle Sitzungen Ihres Kontos werden beendet, und Sie melden sich mit dem neuen Kennwort erneut an.
admin-ask-new-link = Neuen Link anfordern
admin-must-change = Sie haben sich mit einem generierten oder temporären Kennwort angemeldet. Legen Sie Ihr eigenes Kennwort fest, bevor Sie fortfahren.
admin-join-title = Dem Backoffice beitreten
admin-invited-as = Sie wurden als <strong>{ $role }</strong> eingeladen. Sie melden sich mit <strong>{ $email }</strong> an.
admin-choose-password = Kennwort festlegen
admin-join = Beitreten
admin-invitation-broken = Diese Einladung funktioniert nicht
admin-invitation-broken-why = Sie wurde bereits verwendet, durch eine neuere ersetzt oder widerrufen, oder sie ist älter als 72 Stunden. Bitten Sie einen Betreiber-Administrator um eine neue Einladung.

admin-queue-all = Alle
admin-queue-search = Suche
admin-queue-search-hint = Firmenname, Domäne des Geschäftskontos, Partner-ID oder E-Mail-Adresse der Kontaktperson
admin-queue-program = Programm
admin-queue-assigned = Zugewiesen
admin-queue-anyone = Beliebig
admin-queue-mine = Mir zugewiesen
admin-queue-unassigned = Nicht zugewiesen
admin-queue-empty = Keine passenden Anträge.
admin-queue-submitted = Abgesendet
admin-queue-age = Alter
admin-queue-business-days = { $count ->
        [one] { $count } Werktag
       *[other] { $count } Werktage
    }
admin-queue-over-5 = Über 5 Tage
admin-queue-next = Nächste { $count } Anträge

admin-application = Antrag
admin-back-to-queue = Zurück zur Prüfwarteschlange
admin-submitted-on = Abgesendet am { $date }
admin-request-info = Weitere Informationen anfordern
admin-approve-blocked = Genehmigen ist möglich, sobald alle Anforderungsprüfungen unten bestanden sind.
admin-assigned-to = { $name } zugewiesen.
admin-not-assigned = Nicht zugewiesen.
admin-assign-to = Zuweisen an
admin-assign = Zuweisen
admin-assign-me = Mir zuweisen
admin-work-account = Geschäftskonto
admin-domain = Domäne
admin-billing-currency = Abrechnungswährung
admin-membership = Mitgliedschaft im Partnernetzwerk
admin-check-partner-id = Prüfen Sie die Partner-ID vor der Genehmigung
admin-active = Aktiv
admin-none-given = Keine angegeben.
admin-address = Adresse
admin-telephone = Telefon
admin-registration-id = Registernummer
admin-not-given = Nicht angegeben
admin-email-confirmed = E-Mail-Adresse bestätigt
admin-yes-on = Ja, { $date }
admin-not-yet = Noch nicht
admin-website = Website
admin-timeline = Verlauf
admin-staff-only = nur für Mitarbeitende
admin-add-note-heading = Interne Notiz hinzufügen
admin-note = Notiz
admin-note-hint = Nur Mitarbeitende sehen Notizen, der Antragsteller nie.
admin-add-note = Notiz hinzufügen

admin-back-to-application = Zurück zum Antrag
admin-it-is-now = Aktueller Status:
admin-primary-contact-is = Hauptansprechpartner { $email }
admin-approve-direct = Die Organisation wird Partner mit direkter Abrechnung. Die Neubewertung ist in einem Jahr fällig, und eine Erinnerung per E-Mail wird für 30 Tage vorher eingeplant. Der Hauptansprechpartner wird per E-Mail benachrichtigt.
admin-approve-reseller = Der Hauptansprechpartner des Antragstellers wird per E-Mail benachrichtigt, und der globale Administrator des Partners wird gebeten, die Partnervereinbarung zu akzeptieren.

admin-db-title = Partner mit direkter Abrechnung
admin-db-yearly = Partner mit direkter Abrechnung werden jedes Jahr neu bewertet.
admin-db-all = Alle aktiven Partner mit direkter Abrechnung, die nächste Neubewertung zuerst.
admin-db-show-due = Nur fällige oder überfällige anzeigen
admin-db-due = Diese sind innerhalb von 30 Tagen fällig oder überfällig.
admin-db-show-all = Alle Partner mit direkter Abrechnung anzeigen
admin-db-none = Es gibt keine Partner mit direkter Abrechnung.
admin-db-none-due = In den nächsten 30 Tagen ist keine Neubewertung fällig.
admin-db-due-col = Neubewertung fällig
admin-db-overdue = Überfällig
admin-db-due-soon = Bald fällig
admin-db-record = Neubewertung erfassen
admin-db-move = Zum indirekten Wiederverkäufer wechseln
admin-db-back = Zurück zu den Partnern mit direkter Abrechnung
admin-db-eligibility = Direkte Abrechnung: Voraussetzungen heute
admin-db-declared = Angegebener Umsatz und Nachweise
admin-db-support-ops = Support, Betrieb und Managed Services
admin-db-plan = { $plan } (erst nach bestandener Bonitätsprüfung zu kaufen)
admin-db-checks = Anforderungsprüfungen
admin-db-checks-intro = In dieser Reihenfolge erfasst. Jede wird dem Antragsteller angezeigt und dem Hauptansprechpartner per E-Mail mitgeteilt.
admin-db-assessment-date = Datum der Bewertung
admin-db-assessor = Prüfstelle
admin-db-outcome = Ergebnis
admin-db-not-confirmed = Nicht bestätigt
admin-db-note-required = Anmerkung für den Antragsteller (erforderlich, wenn nicht bestanden)
admin-db-note-optional = Anmerkung für den Antragsteller (optional)
admin-db-record-check = Erfassen: { $check }
admin-db-waiting = Wartet auf „{ $check }“.
admin-reassess-heading = Neubewertung von { $organisation } erfassen
admin-reassess-intro = Die Neubewertung ist am { $due } fällig. Erfassen Sie sie hier, sobald der Drittanbieter Abrechnung, Bereitstellung, Kundensupport und Sicherheit bestätigt hat. Die nächste ist ein Jahr nach der Bewertung fällig, ihre Erinnerung wird für 30 Tage vorher eingeplant. Wenn der Partner die Voraussetzungen nicht mehr erfüllt, wechseln Sie ihn stattdessen zum indirekten Wiederverkäufer:
admin-reassess-instead = Zum indirekten Wiederverkäufer wechseln
admin-reassess-day = Tag der Bewertung
admin-reassess-day-hint = Zum Beispiel 2027-11-02
admin-reassess-assessor-hint = Der Drittanbieter, der die Neubewertung durchgeführt hat
admin-reassess-button = Bestandene Neubewertung erfassen
admin-move-heading = { $organisation } zum indirekten Wiederverkäufer wechseln?
admin-move-intro = Verwenden Sie dies, wenn der Partner die Voraussetzungen der direkten Abrechnung nicht mehr erfüllt. Er bezieht nicht mehr direkt und rechnet nicht mehr über die direkte Abrechnung ab, die Erinnerung an die Neubewertung entfällt, und seine globalen Administratoren erhalten eine E-Mail mit Ihrer Begründung. Kunden, Partner-ID und Vereinbarung bleiben bestehen.
admin-move-reason = Nicht mehr erfüllte Voraussetzung

admin-staff-disabled = Deaktiviert
admin-staff-active = Aktiv
admin-staff-locked = { $count ->
        [one] (Anmeldung von einem Ort gesperrt)
       *[other] (Anmeldung von { $count } Orten gesperrt)
    }
admin-staff-enable = Aktivieren
admin-staff-disable = Deaktivieren
admin-staff-clear-locks = Anmeldesperren aufheben
admin-staff-invitee = Eingeladene Person
admin-staff-invite = Mitarbeitende einladen
admin-staff-email-hint = Die Einladung geht an diese Adresse und gilt 72 Stunden.
admin-staff-send = Einladung senden

admin-settings-title = Programmeinstellungen
admin-intake = Antragsannahme für die direkte Abrechnung
admin-intake-open = Offen: Globale Administratoren berechtigter Partner können Anträge stellen
admin-intake-closed = Geschlossen: Kein Antrag auf direkte Abrechnung kann begonnen oder abgesendet werden
admin-reopens-on = Öffnet wieder am (wenn geschlossen)
admin-reopens-on-hint = Wird Antragstellern angezeigt, zum Beispiel 2027-03-01
admin-closed-message = Nachricht an Antragsteller, solange geschlossen (optional)
admin-closed-message-hint = Zum Beispiel: Registrieren Sie sich in der Zwischenzeit als indirekter Wiederverkäufer.
admin-save-settings = Einstellungen speichern

admin-audit-actor-email = E-Mail-Adresse der handelnden Person
admin-audit-application = Antrags-ID
admin-audit-action = Aktion
admin-audit-empty = Keine passenden Einträge.
admin-audit-when = Zeitpunkt
admin-audit-actor = Handelnde Person
admin-audit-target = Ziel
admin-audit-change = Änderung
admin-audit-from = Von
admin-audit-older = Ältere Einträge

# Das Entwicklungspostfach.
mailbox-title = Entwicklungspostfach
mailbox-intro = Alle E-Mails, die das Portal in die Warteschlange gestellt hat, die neueste zuerst. Diese Seite gibt es nur, solange das Portal läuft mit
mailbox-empty = Noch keine E-Mail.
mailbox-subject = Betreff
mailbox-queued = Eingereiht
mailbox-back = Zurück zum Postfach
mailbox-last-error = letzter Fehler: { $error }
mailbox-html = HTML-Version anzeigen
admin-org-users = Benutzer der Organisation
admin-staff-change-role = Rolle ändern
admin-staff-role-changed = Die Rolle wurde geändert.
mailbox-as-html = So sieht es der Empfänger

# E-Mail-Zustellung (Betreiberadministratoren).
email-nav = E-Mail-Zustellung
email-title = E-Mail-Zustellung
email-intro = Nachrichten, die das Portal noch nicht zugestellt hat. Ein fehlgeschlagener Versuch wird später wiederholt, mit jedes Mal längerer Wartezeit; nach dem Wiederholungszeitraum wird die Nachricht aufgegeben. Stellen Sie eine aufgegebene Nachricht erneut in die Warteschlange, sobald die Ursache behoben ist.
email-queued = In der Warteschlange
email-retrying = Wird wiederholt
email-given-up = Aufgegeben
email-none = Keine.
email-newest = Die neuesten { $count } sind aufgeführt.
email-recipient = Empfänger
email-subject = Betreff
email-attempts = Versuche
email-next-try = Nächster Versuch
email-last-error = Letzter Fehler
email-queued-at = Eingereiht
email-requeue = Erneut einreihen
email-requeued = Die Nachricht ist erneut eingereiht.
email-not-given-up = Nichts zu tun: Die Nachricht ist nicht aufgegeben (sie wurde inzwischen zugestellt oder erneut eingereiht).
