# Partnerschaften zwischen Anbietern und Wiederverkäufern, gemeinsame Kunden und das Anbieterverzeichnis.
back-to-providers = Zurück zu Ihren Anbietern
back-to-resellers = Zurück zu Ihren Wiederverkäufern
col-customer = Kunde
col-country = Land/Region
col-authorised = Autorisiert
col-provider = Anbieter
col-reseller = Wiederverkäufer
col-partner-id = Partner-ID
col-region = Region
col-regions = Regionen
col-since = Seit
col-from = Von
col-ended = Beendet
col-to = An
col-sent = Gesendet
col-expires = Läuft ab
tag-expired = Abgelaufen
resend = Erneut senden
revoke = Widerrufen
create-invitation = Einladung erstellen
invitation-broken-heading = Dieser Einladungslink funktioniert nicht
program-region = Programmregion
program-regions = Programmregionen
all-regions = Alle Regionen

# Die Einladung an einen Kunden, einen Wiederverkäufer und dessen Anbieter zu autorisieren.
cinv-title = Ihre Partner für Clouddienste autorisieren
cinv-heading = { $reseller } und { $provider } bitten um Ihre Autorisierung
cinv-lead = { $reseller } verkauft Ihrer Organisation Clouddienste über den indirekten Anbieter { $provider } weiter. Wenn Sie die Beziehung autorisieren, kann { $provider } im Auftrag von { $reseller } Dienste für Sie bestellen.
cinv-broken-text = Prüfen Sie, ob Sie den ganzen Link kopiert haben, oder bitten Sie Ihren Wiederverkäufer um einen neuen.

# Kunden, die ein Wiederverkäufer mit einem Anbieter teilt.
shared-customers-title = Kunden, die Sie mit { $provider } teilen
shared-customers-none = Noch kein Kunde hat Sie und { $provider } autorisiert.
invite-a-customer = Kunden einladen.

# Der Einladungsentwurf eines Anbieters.
draft-title = Ihre Einladung
draft-heading = Ihre Einladung ist bereit
draft-sent = Wir haben sie per E-Mail an <strong>{ $email }</strong> gesendet.
draft-intro = Senden Sie diese Nachricht. Der Link ist persönlich für Ihre Organisation: Lassen Sie ihn in der Nachricht. Nur auf dieser Seite wird der Link angezeigt.
draft-open-in-email = In E-Mail öffnen
draft-copy = Oder kopieren Sie die Nachricht
draft-link = Link:

# Die Einladung eines Anbieters aus Sicht des Wiederverkäufers.
inv-title = Indirekten Anbieter autorisieren
inv-heading = { $provider } lädt Sie zur Zusammenarbeit ein
inv-would-be = { $provider } wäre Ihr <strong>indirekter Anbieter</strong>. Wenn Sie ihn autorisieren:
inv-would-be-serving = { $provider } wäre Ihr <strong>indirekter Anbieter</strong> (tätig in: { $regions }). Wenn Sie ihn autorisieren:
inv-means-orders = darf er Bestellungen aufgeben und Abonnements für Ihre Kunden hinzufügen;
inv-means-admin = erhält er Administratorzugriff auf Ihr Geschäftskonto.
inv-sign-in = Anmelden und fortfahren
inv-no-account = Noch kein Geschäftskonto?
inv-create-account = Erstellen Sie eines;
inv-no-account-after = danach kommen Sie hierher zurück. Ein Anbieter kann mit Ihnen zusammenarbeiten, sobald Sie als indirekter Wiederverkäufer registriert und genehmigt sind.
inv-consent = Mir ist bewusst, dass dieser Anbieter Bestellungen aufgeben und Abonnements für unsere Kunden hinzufügen darf und Administratorzugriff auf unser Geschäftskonto erhält.
inv-authorize = Indirekten Anbieter autorisieren
inv-broken-text = Prüfen Sie, ob Sie den ganzen Link kopiert haben, oder bitten Sie den Anbieter um einen neuen.

# Ein Wiederverkäufer lädt einen Kunden ein.
invite-customer-title = Kunden einladen
invite-customer-heading = Kunden zur Zusammenarbeit mit Ihnen und { $provider } einladen
invite-customer-intro = Der Kunde erhält einen persönlichen Link, mit dem er die Beziehung zu Ihrer Organisation und zu { $provider } autorisieren kann. { $provider } benötigt diese Beziehung, um Dienste für den Kunden zu bestellen.
invite-customer-email = E-Mail-Adresse des Kunden (optional)
invite-customer-email-hint = Wenn Sie sie angeben, sendet das Portal die Einladung auch selbst.

# Die Anbieter des Wiederverkäufers.
providers-title = Indirekte Anbieter
providers-none = Noch arbeitet kein Anbieter mit Ihnen zusammen.
find-a-provider = Finden Sie einen Anbieter und bitten Sie ihn um eine Einladung.
view-customers = Kunden anzeigen
invite-new-customers = Neue Kunden einladen
shared-with = gemeinsam mit { $name }
for-name = für { $name }

# Eine Partnerschaft beenden.
remove-title = Partnerschaft entfernen
remove-heading = Partnerschaft mit { $name } beenden?
remove-lists = { $name } verschwindet aus Ihrer Liste der indirekten Wiederverkäufer, und Sie verschwinden aus der Anbieterliste von { $name }.
remove-customers = Mit { $name } verknüpfte Kunden bleiben verknüpft.
remove-permissions = Erteilte Administratorberechtigungen bleiben unverändert.
remove-emails = Beide Organisationen erhalten eine E-Mail.
end-partnership = Partnerschaft beenden
remove-partnership = Entfernen

# Die Wiederverkäufer des Anbieters.
resellers-title = Indirekte Wiederverkäufer
resellers-active = Aktive Partnerschaften
resellers-none = Noch arbeitet kein Wiederverkäufer mit Ihnen zusammen.
resellers-pending = Ausstehende Einladungen
resellers-pending-none = Keine.
resellers-link-shared = Von Ihnen geteilter Link
request-partnership = Partnerschaft anfordern
request-partnership-intro = Sie erhalten einen persönlichen Einladungslink und eine fertige E-Mail. Wenn Sie die Adresse des Wiederverkäufers angeben, sendet das Portal die Einladung auch selbst.
reseller-email = E-Mail-Adresse des Wiederverkäufers (optional)
resellers-ended = Beendete Partnerschaften

# Das öffentliche Anbieterverzeichnis.
directory-title = Indirekten Anbieter finden
directory-intro = Indirekte Wiederverkäufer beziehen die Dienste des Programms über einen indirekten Anbieter in ihrer Programmregion. Dies sind die Anbieter, die das Programm führt.
directory-show = Anbieter anzeigen
directory-own-first = Anbieter, die Ihre Region bedienen, stehen oben.
directory-none = Für diese Region ist noch kein Anbieter eingetragen. Zeigen Sie alle Regionen an, um Anbieter anderswo zu sehen, oder fragen Sie das Team des Partnerprogramms, wann ein Anbieter Ihre Region betreut.
directory-serves = Tätig in:

# Das Anbieterverzeichnis im Backoffice.
admin-providers-title = Anbieterverzeichnis
admin-providers-none = Noch ist kein Anbieter eingetragen.
withdraw-listing = Zurückziehen
admin-providers-edit = Anbieter eintragen oder bearbeiten
admin-providers-rule = Nur genehmigte Partner, die die Partnervereinbarung akzeptiert haben, können eingetragen werden. Wenn Sie die Regionen erneut auswählen, ersetzt das den Eintrag.
admin-providers-domain = Domäne des Geschäftskontos des Partners
admin-providers-save = Eintrag speichern
access-heading = Von Ihnen erteilter Administratorzugriff
access-intro = Wenn Sie einen indirekten Anbieter autorisieren, erhält er delegierte Administratorrechte für Ihr Geschäftskonto. Der Zugriff bleibt auch nach dem Ende einer Partnerschaft bestehen, bis Ihr globaler Administrator ihn hier entfernt.
access-none = Kein Anbieter hat Administratorzugriff auf Ihr Geschäftskonto.
col-granted-by = Erteilt von
col-granted = Erteilt am
access-partnership-ended = Partnerschaft beendet
access-remove = Administratorzugriff entfernen
access-who-removes = Nur ein globaler Administrator kann den Administratorzugriff eines Anbieters entfernen.
access-remove-title = Administratorzugriff von { $name } entfernen?
access-remove-means = { $name } kann Ihr Geschäftskonto nicht mehr verwalten.
access-remove-partnership = Ihre Partnerschaft mit { $name } bleibt, sofern vorhanden, unverändert.
access-remove-emails = Die globalen Administratoren beider Organisationen werden per E-Mail benachrichtigt.
access-remove-button = Administratorzugriff entfernen
access-removed = { $name } hat keinen Administratorzugriff mehr auf Ihr Geschäftskonto; beide Organisationen wurden benachrichtigt.
col-admin-access = Administratorzugriff
access-yes = Ja
access-withdrawn = Vom Wiederverkäufer entfernt
accessremoved-subject = { $grantee } hat keinen Administratorzugriff mehr auf { $organisation }
accessremoved-text = { $by } von { $organisation } hat die delegierten Administratorrechte von { $grantee } für das Geschäftskonto von { $organisation } entfernt.
accessremoved-stays = Eine Partnerschaft zwischen { $grantee } und { $organisation } bleibt unverändert. { $organisation } kann den Zugriff erneut erteilen, indem { $grantee } über eine neue Einladung autorisiert wird.

## A provider leaves the directory (issue 17)
provwd-subject = { $provider } ist nicht mehr als indirekter Anbieter eingetragen
provwd-text = { $provider } wurde aus dem Anbieterverzeichnis entfernt.
withdrawn-by-staff = Das Team des Partnerprogramms hat den Anbietereintrag zurückgezogen.
withdrawn-direct-bill-ended = Der Partner ist kein Partner mit direkter Abrechnung mehr, und nur Partner, die direkt beim Hersteller kaufen (direkte Abrechnung), können indirekte Anbieter sein.
provwd-to-provider = Ihre Partnerschaften mit Wiederverkäufern und Ihre Kunden bleiben unverändert. Bestellungen als indirekter Anbieter sind erst wieder möglich, wenn das Team des Partnerprogramms Ihre Organisation erneut einträgt.
provwd-to-reseller = Ihre Partnerschaft mit { $provider } bleibt unverändert, ebenso Ihre Kunden. { $provider } kann erst wieder Bestellungen für Ihre Kunden aufgeben, wenn der Anbieter erneut eingetragen ist.

## Partnerships both ways (issue 18)
end-lists = { $name } verschwindet aus Ihrer Anbieterliste, und Sie verschwinden aus seiner Liste der indirekten Wiederverkäufer.
remove-courtesy = Die E-Mail des Portals ist eine Gefälligkeit. Sie ist nicht die rechtsgültige Kündigung, die Ihre Vereinbarung mit { $name } möglicherweise verlangt: Kündigen Sie so, wie Ihre Vereinbarung es vorsieht.
with-name = mit { $name }
inv-provider = Indirekter Anbieter
inv-regions = Betreut
inv-support = Supportkontakt
inv-decline-heading = Nicht für Sie?
inv-decline-reason = Begründung (optional)
inv-decline-hint = { $provider } liest dies in der E-Mail, die über Ihre Ablehnung informiert.
inv-decline = Einladung ablehnen
draft-copy-button = Nachricht in Zwischenablage kopieren
draft-copy-link = Link in Zwischenablage kopieren
draft-copied = Kopiert
directory-request = Einladung anfordern
directory-requested = Ihre Anfrage wurde dem Anbieter per E-Mail gesendet. Wenn er einverstanden ist, sendet er Ihnen eine Einladung.
directory-already-partners = Sie arbeiten bereits mit diesem Anbieter zusammen: Siehe Ihre Anbieter.
