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

email-hello-all = Guten Tag,

pinv-subject = { $provider } lädt Sie ein, als Ihr indirekter Anbieter mit Ihnen zusammenzuarbeiten
pinv-heading = Eine Einladung von { $provider }
pinv-would-like = { $provider } möchte im Cloud-Partnerprogramm Ihr indirekter Anbieter werden ({ $regions }).
pinv-could = Als Ihr indirekter Anbieter könnte { $provider } Bestellungen aufgeben und Abonnements für Ihre Kunden hinzufügen und erhielte Administratorzugriff auf Ihr Geschäftskonto.
pinv-button = Einladung ansehen
pinv-open-link = Um die Einladung anzusehen und zu autorisieren, öffnen Sie diesen persönlichen Link und melden Sie sich mit Ihrem Geschäftskonto an:
pinv-personal = Der Link ist persönlich für { $provider }: Lassen Sie ihn in dieser Nachricht. Er gilt bis { $until }.

pend-subject = Die Partnerschaft zwischen { $provider } und { $reseller } ist beendet
pend-heading = Eine Partnerschaft ist beendet
pend-ended = { $provider } hat die Partnerschaft mit { $reseller } als indirekter Anbieter beendet.
pend-stays = Mit { $reseller } verknüpfte Kunden bleiben verknüpft, und erteilte Administratorberechtigungen bleiben unverändert. { $provider } führt { $reseller } nicht mehr unter seinen indirekten Wiederverkäufern.

cmail-subject = { $reseller } bittet Sie, seine Partner für Clouddienste zu autorisieren
cmail-resells = { $reseller } verkauft Ihnen Clouddienste über den indirekten Anbieter { $provider } weiter. Damit { $provider } Dienste für Sie bestellen kann, muss Ihre Organisation die Beziehung zu beiden autorisieren.
cmail-button = Ansehen, was Sie autorisieren würden
cmail-open-link = Öffnen Sie diesen Link, um zu sehen, was Sie autorisieren würden:
cmail-until = Der Link gilt bis { $until }.
