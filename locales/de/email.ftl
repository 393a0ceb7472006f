# E-Mails: der Rahmen und die einzelnen Nachrichten.
email-footer = Diese Nachricht wurde vom Partner Portal gesendet. Antworten darauf werden nicht gelesen.
email-hello = Guten Tag { $name },
email-or-paste = Oder fügen Sie diesen Link in Ihren Browser ein: { $link }

confirm-subject = Bestätigen Sie Ihre E-Mail-Adresse für das Partner Portal
confirm-heading = Bestätigen Sie Ihre E-Mail-Adresse
confirm-created = Sie haben im Partner Portal ein Geschäftskonto für { $organisation } erstellt. Bestätigen Sie, dass dies Ihre E-Mail-Adresse ist:
confirm-created-text = Sie haben im Partner Portal ein Geschäftskonto für { $organisation } erstellt. Bestätigen Sie, dass dies Ihre E-Mail-Adresse ist, indem Sie diesen Link öffnen:
confirm-button = Meine E-Mail-Adresse bestätigen
confirm-expiry = Der Link funktioniert einmal und 24 Stunden lang. Ist er abgelaufen, melden Sie sich an und fordern Sie auf Ihrem Dashboard einen neuen an.
confirm-not-you = Wenn Sie dieses Konto nicht erstellt haben, ignorieren Sie diese Nachricht.

verify-subject = Bestätigen Sie Ihre E-Mail-Adresse für den Partnerantrag von { $organisation }
verify-mail-heading = Bestätigen Sie Ihre E-Mail-Adresse
verify-mail-applied = { $applicant } hat für { $organisation } beantragt, indirekter Wiederverkäufer im Cloud-Partnerprogramm zu werden, und Sie als Hauptansprechpartner angegeben.
verify-mail-before = Bevor der Antrag überprüft werden kann, bestätigen Sie bitte, dass Ihnen der Antrag bekannt ist und dass diese E-Mail-Adresse zum Unternehmen gehört:
verify-mail-button = Prüfen und bestätigen
verify-mail-expiry = Der Link funktioniert einmal und 72 Stunden lang. Wenn Ihnen dieser Antrag unbekannt ist, öffnen Sie den Link und wählen Sie „Ich bestätige nicht“.
