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

open-dashboard = Dashboard öffnen

exists-subject = Jemand wollte mit Ihrer Adresse ein Konto erstellen
exists-tried = Jemand wollte im Partner Portal mit dieser E-Mail-Adresse ein neues Geschäftskonto erstellen. Die Adresse gehört bereits zu Ihrem Konto, daher wurde nichts erstellt.
exists-if-you = Wenn Sie es waren, melden Sie sich stattdessen an:
exists-sign-in = Anmelden
exists-forgotten = Wenn Sie Ihr Kennwort vergessen haben, legen Sie ein neues fest:
exists-reset = Neues Kennwort festlegen
exists-not-you = Wenn Sie es nicht waren, müssen Sie nichts tun: Ihr Konto ist unverändert.

reset-subject = Kennwort für das Partner Portal zurücksetzen
reset-heading = Kennwort zurücksetzen
reset-asked = Jemand hat angefordert, das Kennwort Ihres Kontos im Partner Portal zurückzusetzen. Um ein neues Kennwort festzulegen, öffnen Sie diesen Link:
reset-asked-html = Jemand hat angefordert, das Kennwort Ihres Kontos im Partner Portal zurückzusetzen.
reset-button = Neues Kennwort festlegen
reset-expiry = Der Link funktioniert einmal und 1 Stunde lang. Wenn Sie das nicht angefordert haben, ignorieren Sie diese Nachricht: Ihr Kennwort bleibt unverändert.

changed-subject = Ihr Kennwort für das Partner Portal wurde geändert
changed-heading = Ihr Kennwort wurde geändert
changed-text = Das Kennwort Ihres Kontos im Partner Portal wurde soeben geändert, und alle anderen angemeldeten Sitzungen wurden beendet.
changed-not-you = Wenn Sie das nicht waren, setzen Sie Ihr Kennwort jetzt zurück und informieren Sie den Administrator Ihrer Organisation:
changed-reset = Kennwort zurücksetzen

locked-subject = Ihr Konto im Partner Portal wurde gesperrt
locked-heading = Ihr Konto wurde gesperrt
locked-text = Es gab 10 fehlgeschlagene Anmeldeversuche für Ihr Konto im Partner Portal. Daher haben wir es bis { $until } gesperrt.
locked-yours = Wenn diese Versuche von Ihnen stammen, warten Sie bis dahin oder setzen Sie Ihr Kennwort jetzt zurück:
locked-reset = Kennwort zurücksetzen
locked-not-yours = Wenn sie nicht von Ihnen stammen, versucht möglicherweise jemand, Ihr Kennwort zu erraten. Das Zurücksetzen des Kennworts hebt die Sperre ebenfalls auf.

status-subject = Partnerantrag von { $organisation }: { $state }
status-text = Der Partnerantrag von { $organisation } hat einen neuen Status: { $state }.
status-see = Antrag und gesamten Verlauf ansehen:

declined-subject = Ihr Hauptansprechpartner hat den Partnerantrag nicht bestätigt
declined-heading = Ihr Hauptansprechpartner hat nicht bestätigt
declined-text = Der von Ihnen angegebene Hauptansprechpartner ({ $email }) hat erklärt, den Partnerantrag nicht zu bestätigen. Daher kann er nicht überprüft werden.
declined-check = Klären Sie das mit der Kontaktperson. Wenn die Kontaktperson oder die Adresse falsch war, ziehen Sie den Antrag zurück und registrieren Sie sich erneut mit den richtigen Angaben:
declined-link = Antrag öffnen

staffinv-subject = Sie sind zum Backoffice des Partner Portal eingeladen
staffinv-heading = Sie sind eingeladen
staffinv-text = { $inviter } hat Sie als { $role } zum Backoffice des Partner Portal eingeladen.
staffinv-choose = Um die Einladung anzunehmen, legen Sie hier Ihr Kennwort fest:
staffinv-button = Einladung annehmen
staffinv-expiry = Der Link funktioniert einmal und 72 Stunden lang. Wenn Sie das nicht erwartet haben, ignorieren Sie diese Nachricht.

reminder-subject = { $organisation }: Ihre jährliche Neubewertung für die direkte Abrechnung ist am { $due } fällig
reminder-heading = Ihre jährliche Neubewertung für die direkte Abrechnung ist am { $due } fällig
reminder-text = Die jährliche Neubewertung von { $organisation } für die direkte Abrechnung ist am { $due } fällig.
reminder-how = Partner mit direkter Abrechnung werden jedes Jahr von einem Drittanbieter neu bewertet: Abrechnung, Bereitstellung, Kundensupport und Sicherheit. Das Programmteam meldet sich bei Ihnen, um einen Termin zu vereinbaren. Halten Sie Ihre Umsatznachweise und Ihren Supportplan bereit.

notice-subject = { $organisation }: { $headline }
notice-headline = { $headline }.

transitioned-subject = { $organisation }: Ihre Organisation ist wieder indirekter Wiederverkäufer
transitioned-heading = Ihre Organisation ist wieder indirekter Wiederverkäufer.
transitioned-by = { $by } hat { $organisation } von der direkten Abrechnung zurück zum indirekten Wiederverkäufer gewechselt. Grund: { $reason }
transitioned-by-staff = { $name } vom Programmteam
transitioned-what = Sie beziehen nicht mehr direkt vom Hersteller, sondern über einen indirekten Anbieter. Ihre Kunden, Ihre Partner-ID und Ihre Partnervereinbarung bleiben unverändert. Sie können die direkte Abrechnung erneut beantragen, sobald Sie die Voraussetzungen erfüllen und Anträge angenommen werden.
cmail-direct = { $provider } verkauft Ihnen Clouddienste direkt. Um Dienste für Sie zu bestellen und Ihre Abonnements zu verwalten, benötigt { $provider } die Autorisierung durch Ihre Organisation.
cmail-subject-direct = { $provider } bittet Sie, das Unternehmen als Ihren Partner für Clouddienste zu autorisieren

## Partnerships both ways (issue 18)
pend-ended-by-reseller = { $reseller } hat die Partnerschaft mit seinem indirekten Anbieter { $provider } beendet.
custended-text-by-reseller = { $reseller }, Ihr Wiederverkäufer, hat die Partnerschaft mit { $provider }, Ihrem indirekten Anbieter, beendet.
pstart-subject = { $reseller } hat { $provider } als indirekten Anbieter autorisiert
pstart-text = { $reseller } hat die Einladung von { $provider } angenommen: Sie sind jetzt sein indirekter Anbieter und haben delegierten Administratorzugriff auf sein Geschäftskonto. Der Wiederverkäufer steht in Ihrer Liste der indirekten Wiederverkäufer.
pstart-see = Ihre Wiederverkäufer anzeigen
idecl-subject = { $reseller } hat Ihre Partnerschaftsanfrage abgelehnt
idecl-text = { $reseller } hat die Einladung von { $provider }, sein indirekter Wiederverkäufer zu werden, abgelehnt. Der Einladungslink funktioniert nicht mehr.
idecl-reason = Begründung:
idecl-next = Falls der Wiederverkäufer es sich anders überlegt, können Sie über Ihre Wiederverkäuferliste eine neue Einladung senden.
ireq-subject = { $reseller } bittet Sie um eine Partnerschaftseinladung
ireq-text = { $reseller } hat { $provider } im Anbieterverzeichnis gefunden und möchte mit Ihnen als indirektem Anbieter zusammenarbeiten. Wenn Sie einverstanden sind, senden Sie über Ihre Wiederverkäuferliste eine Einladung.
ireq-organisation = Organisation
ireq-person = Anfragende Person
ireq-next = Über Ihre Wiederverkäuferliste einladen
status-who-accepts = Bevor { $organisation } im Partnerprogramm tätig werden kann, muss sich ein globaler Administrator der Organisation anmelden und die Partnervereinbarung akzeptieren: { $names }.
