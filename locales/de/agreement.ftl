# Die Partnervereinbarung und das Zurückziehen eines Antrags.
agreement-title = Partnervereinbarung
agreement-back = Zurück zu Ihrem Dashboard
agreement-version-accepted = Version { $version } wurde am { $date } von { $name } akzeptiert.
agreement-accept-label = Ich habe die Partnervereinbarung (Version { $version }) gelesen und akzeptiere sie im Namen meiner Organisation.
agreement-not-yet = Ihre Organisation kann die Vereinbarung akzeptieren, sobald ihre Registrierung als indirekter Wiederverkäufer genehmigt ist.
agreement-admin-only = Nur ein globaler Administrator Ihrer Organisation kann die Partnervereinbarung akzeptieren.
agreement-accept = Vereinbarung akzeptieren
agreement-language-note = Die Vereinbarung wird auf Englisch veröffentlicht; Sie akzeptieren den englischen Wortlaut.
withdraw-title = Antrag zurückziehen
withdraw-heading = Möchten Sie Ihren Antrag wirklich zurückziehen?
withdraw-text = Die Überprüfung wird beendet, und der Bestätigungslink Ihres Hauptansprechpartners funktioniert nicht mehr. Sie können sich später erneut registrieren, beginnen dann aber von vorn.
withdraw-button = Antrag zurückziehen
withdraw-keep = Nein, Antrag behalten
agreement-heading = Partnervereinbarung, Version { $version }
