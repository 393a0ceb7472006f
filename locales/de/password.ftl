# Kennwort ändern und zurücksetzen.
pw-change-title = Kennwort ändern
pw-change-intro = Wenn Sie Ihr Kennwort ändern, werden Sie auf allen anderen Geräten abgemeldet.
pw-current = Aktuelles Kennwort
pw-new = Neues Kennwort
pw-change-button = Kennwort ändern
pw-forgot-title = Kennwort zurücksetzen
pw-forgot-intro = Geben Sie die E-Mail-Adresse ein, mit der Sie sich anmelden. Gehört sie zu einem Konto, senden wir an sie einen Link, mit dem Sie ein neues Kennwort wählen können.
pw-email = E-Mail-Adresse
pw-send-link = Link zum Zurücksetzen senden
pw-sent-title = Prüfen Sie Ihre E-Mails
pw-sent-text = Wenn <strong>{ $email }</strong> zu einem Konto im Partner Portal gehört, haben wir an diese Adresse einen Link gesendet, mit dem Sie ein neues Kennwort wählen können. Der Link funktioniert einmal und eine Stunde lang.
pw-sent-retry = Nach einigen Minuten keine E-Mail erhalten? Sehen Sie in Ihrem Spam-Ordner nach oder <a href="/password/forgot">versuchen Sie es erneut</a> mit der Adresse, mit der Sie sich anmelden.
pw-reset-title = Neues Kennwort wählen
pw-reset-intro = Mit einem neuen Kennwort werden Sie überall abgemeldet, und eine Sperre Ihres Kontos wird aufgehoben.
pw-reset-button = Neues Kennwort festlegen
pw-invalid-title = Dieser Link zum Zurücksetzen funktioniert nicht
pw-invalid-why = Der Link wurde bereits verwendet, durch einen neueren ersetzt oder ist älter als eine Stunde.
pw-invalid-new = <a href="/password/forgot">Fordern Sie einen neuen Link an</a>.
