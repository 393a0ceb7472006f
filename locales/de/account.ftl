# Startseite, Geschäftskonto erstellen, Anmelden.
home-title = Am Partnerprogramm teilnehmen
home-heading = Clouddienste als Partner des Programms weiterverkaufen
home-lead = Im Partner Portal registrieren sich Organisationen für das Partnerprogramm für Wiederverkäufer von Clouddiensten, verfolgen ihren Antrag und verwalten ihr Partnerkonto.
home-signed-in-as = Sie sind als { $name } für { $organisation } angemeldet.
home-go-to-dashboard = Zum Dashboard
home-before-you-start = Bevor Sie beginnen
home-you-need = Sie benötigen ein Geschäftskonto für Ihre Organisation. Das Erstellen dauert nur wenige Minuten. Halten Sie Folgendes bereit:
home-need-organisation = den Namen Ihrer Organisation und das Land, in dem sie ansässig ist,
home-need-domain = einen Namen für die Domäne Ihres Geschäftskontos,
home-need-you = Ihren eigenen Namen und eine geschäftliche E-Mail-Adresse, auf die Sie jetzt zugreifen können.
home-country-decides = Das Land bestimmt Ihre Programmregion und die Währung, in der Ihnen Rechnungen gestellt werden. Die Währung kann später nicht geändert werden.
home-already-have-one = Sie haben bereits ein Geschäftskonto? <a href="/signin">Melden Sie sich an</a>.

signin-title = Anmelden
signin-email = E-Mail-Adresse
signin-password = Kennwort
signin-button = Anmelden
signin-forgotten = Kennwort vergessen?
signin-no-account = Noch kein Geschäftskonto? <a href="/signup">Erstellen Sie eines</a>.

signup-title = Geschäftskonto erstellen
signup-intro = Ein Geschäftskonto (Mandant) ist der Ort Ihrer Organisation im Programm. Sie werden sein globaler Administrator.
signup-your-organisation = Ihre Organisation
signup-organisation = Name der Organisation
signup-domain = Domänenname für Ihr Geschäftskonto
signup-domain-hint = 3 bis 40 Kleinbuchstaben, Ziffern oder Bindestriche. Ihre Benutzer melden sich bei <strong>name.{ $suffix }</strong> an.
signup-country = Land, in dem Ihre Organisation ansässig ist
signup-country-hint = Das Land legt Ihre Programmregion und Ihre Abrechnungswährung fest. <strong>Die Abrechnungswährung kann später nicht geändert werden</strong>: Für eine andere Währung ist ein weiteres Geschäftskonto nötig.
signup-select-country = Land auswählen
signup-country-option = { $country } – Region { $region }, Abrechnung in { $currency }
signup-you = Sie als globaler Administrator
signup-full-name = Vollständiger Name
signup-email = Geschäftliche E-Mail-Adresse
signup-email-hint = Wir senden Ihnen einen Link, um sie zu bestätigen. Mit dieser Adresse melden Sie sich an.
signup-password = Kennwort
signup-password-hint = Mindestens 12 Zeichen. Ein Satz aus mehreren unzusammenhängenden Wörtern ist leicht zu merken und schwer zu erraten.
signup-button = Geschäftskonto erstellen

check-email-title = Prüfen Sie Ihre E-Mails
check-email-sent = Wir haben eine Nachricht an die angegebene Adresse gesendet. Öffnen Sie den Link darin, um Ihre Adresse zu bestätigen, und melden Sie sich dann mit Ihrem gewählten Kennwort an.
check-email-spam = Der Link funktioniert einmal und 24 Stunden lang. Wenn innerhalb weniger Minuten nichts ankommt, sehen Sie in Ihrem Spam-Ordner nach oder <a href="/signup">prüfen Sie die Adresse und versuchen Sie es erneut</a>.
check-email-have-account = Sie haben bereits ein Konto? <a href="/signin">Melden Sie sich an</a> oder <a href="/password/forgot">setzen Sie Ihr Kennwort zurück</a>.

confirm-failed-title = Dieser Bestätigungslink funktioniert nicht
confirm-failed-why = Der Link wurde bereits verwendet, durch einen neueren ersetzt oder ist älter als 24 Stunden.
confirm-failed-signed-in = Einen neuen Link können Sie auf <a href="/dashboard">Ihrem Dashboard</a> anfordern.
confirm-failed-signed-out = <a href="/signin">Melden Sie sich an</a> und fordern Sie auf Ihrem Dashboard einen neuen Link an. Ist Ihre Adresse bereits bestätigt, müssen Sie nichts weiter tun.

# Eine Seite, die die Rolle des Benutzers nicht erlaubt (Issue 15).
forbidden-title = Ihre Rolle erlaubt das nicht
forbidden-needs = Um { $what }, benötigen Sie eine dieser Rollen:
forbidden-ask = Wenden Sie sich an eine Person in Ihrer Organisation, die eine davon hat:
forbidden-nobody = Noch hat niemand in Ihrer Organisation eine dieser Rollen.
cap-manage-applications = Ihre Organisation zu registrieren, ihre Anträge zu verfolgen, die Partnervereinbarung zu akzeptieren und die direkte Abrechnung zu beantragen
cap-download-evidence = die Nachweise eines Antrags auf direkte Abrechnung zu öffnen
cap-provider-tasks = mit den indirekten Wiederverkäufern Ihrer Organisation zu arbeiten
cap-reseller-tasks = mit den indirekten Anbietern Ihrer Organisation und deren Kunden zu arbeiten
cap-authorise-provider = einen indirekten Anbieter zu autorisieren
cap-edit-profile = das Organisationsprofil zu ändern
cap-revoke-admin-access = den Administratorzugriff eines indirekten Anbieters auf Ihre Organisation zu entfernen
cap-see-customers = die Kunden Ihrer Organisation zu sehen
cap-place-orders = für die Kunden Ihrer Organisation zu bestellen
cap-manage-subscriptions = die Abonnements Ihrer Organisation zu ändern

# Warum die Anmeldeseite erscheint, und die Rückkehr nach einer abgelaufenen Sitzung.
signin-why-expired = Sie wurden nach { $minutes ->
        [one] { $minutes } Minute
       *[other] { $minutes } Minuten
    } ohne Aktivität abgemeldet. Melden Sie sich erneut an, um fortzufahren.
signin-why-expired-kept = Sie wurden nach { $minutes ->
        [one] { $minutes } Minute
       *[other] { $minutes } Minuten
    } ohne Aktivität abgemeldet. Melden Sie sich erneut an, um zu Ihrem Formular zurückzukehren: Ihre Eingaben bleiben erhalten.
signin-why-needed = Melden Sie sich an, um diese Seite zu öffnen.
flash-resumed = Sie wurden nach { $minutes ->
        [one] { $minutes } Minute
       *[other] { $minutes } Minuten
    } ohne Aktivität abgemeldet. Ihre Eingaben sind unten wieder eingetragen: Prüfen Sie sie und fahren Sie fort.
timeout-warning-heading = Sie werden bald abgemeldet
timeout-warning-text = Zu Ihrer Sicherheit werden Sie nach { $minutes ->
        [one] { $minutes } Minute
       *[other] { $minutes } Minuten
    } ohne Aktivität abgemeldet.
timeout-warning-stay = Angemeldet bleiben
