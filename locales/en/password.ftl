# Changing and resetting a password.
pw-change-title = Change your password
pw-change-intro = Changing your password signs you out on every other device.
pw-current = Current password
pw-new = New password
pw-change-button = Change password
pw-forgot-title = Reset your password
pw-forgot-intro = Enter the e-mail address you sign in with. If it belongs to an account, we will send it a link to choose a new password.
pw-email = E-mail address
pw-send-link = Send reset link
pw-sent-title = Check your e-mail
pw-sent-text = If <strong>{ $email }</strong> belongs to a Partner Portal account, we have sent it a link to choose a new password. The link works once and for 1 hour.
pw-sent-retry = No e-mail after a few minutes? Check your spam folder, or <a href="/password/forgot">try again</a> with the address you sign in with.
pw-reset-title = Choose a new password
pw-reset-intro = Setting a new password signs you out everywhere and ends any lock on your account.
pw-reset-button = Set new password
pw-invalid-title = This reset link does not work
pw-invalid-why = The link has already been used, has been replaced by a newer one, or is more than 1 hour old.
pw-invalid-new = <a href="/password/forgot">Ask for a new link</a>.
