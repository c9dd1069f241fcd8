admin-nav-label = Administration
admin-nav-dashboard = Overview
admin-nav-posts = Posts
admin-nav-comments = Comments
admin-nav-categories = Categories
admin-nav-site = View site
admin-pending = Awaiting approval
admin-logout = Log out ({ $name })
admin-lang-changed = The admin area is now in English.
admin-state = Status
admin-date = Date
admin-view = View
admin-actions = Actions
admin-confirm-back = No, go back
login-title = Log in
login-email = Email address
login-password = Password
login-submit = Log in
login-failed = Email address or password is wrong.
login-throttled = Too many failed attempts. Please wait 15 minutes.
admin-nav-events = Events
admin-nav-outbox = Emails
outbox-state-pending = Waiting to be sent
outbox-state-sending = Being sent
outbox-state-sent = Sent
outbox-state-failed = Failed
outbox-failed-title = Failed emails
outbox-none-failed = Every email has arrived or is on its way.
outbox-error = Error
outbox-retry = Send again
outbox-retried = The email will be sent again.
outbox-attempts = { $count ->
    [one] 1 attempt
   *[other] { $count } attempts
}
