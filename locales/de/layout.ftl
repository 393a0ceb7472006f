# Rahmen jeder Seite: Kopfzeile, Navigation, Sprachauswahl, Fußzeile.
site-name = Partner Portal
skip-to-content = Zum Hauptinhalt springen
nav-account-label = Konto
nav-dashboard = Dashboard
nav-change-password = Kennwort ändern
nav-sign-out = Abmelden
nav-sign-in = Anmelden
nav-create-account = Geschäftskonto erstellen
footer-tagline = Partner Portal · ein Partnerprogramm für Wiederverkäufer von Clouddiensten
language-switch-label = Sprache
language-current = { $language } (aktuelle Sprache)
error-title-prefix = Fehler:{" "}
error-summary-title = Es ist ein Problem aufgetreten
error-prefix = Fehler:
back-link = Zurück

# Rahmen des Backoffice.
admin-brand-suffix = Backoffice
admin-operator = Betreiber
admin-nav-applications = Anträge
admin-nav-direct-bill = Direkte Abrechnung
admin-nav-audit = Überwachungsprotokoll
admin-nav-providers = Anbieter
admin-nav-staff = Mitarbeitende
admin-nav-settings = Einstellungen
admin-nav-staff-sign-in = Anmeldung für Mitarbeitende

# Fehlerseiten.
error-reference-label = Referenz:
error-status = (Status { $status })
error-go-to-start = Zur Startseite

# Gemeinsame Wörter.
list-separator = {", "}
back-to-dashboard = Zurück zu Ihrem Dashboard
col-actions = Aktionen
edit = Bearbeiten
read-page-in = Diese Seite auf Deutsch lesen
shown-once-print = Diese Seite drucken
shown-once-copy = Kennwort kopieren
shown-once-copied = Kopiert

# Die Partnernavigation (Einträge erscheinen, wie Rolle und Stand der Organisation es erlauben).
nav-partner-label = Partnerseiten
nav-home = Startseite
nav-application = Antrag
nav-providers = Anbieter
nav-resellers = Wiederverkäufer
nav-direct-bill = Direkte Abrechnung
nav-organisation = Organisation
