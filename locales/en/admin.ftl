admin-nav-label = Administration
admin-nav-dashboard = Overview
admin-nav-posts = Posts
admin-nav-comments = Comments
admin-nav-categories = Categories
admin-nav-site = View site
admin-pending = Awaiting approval
admin-logout = Log out
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
admin-user-menu = account menu
admin-switch-lang = Language
dashboard-next-event = Next event
dashboard-no-event = No event planned. Create the next one and you will see here who is coming.
dashboard-unconfirmed = Not confirmed yet
dashboard-registrations = Registrations in the last 14 days
dashboard-registrations-total = { $count ->
    [0] Nobody registered in the last 14 days.
    [one] One registration in the last 14 days.
   *[other] { $count } registrations in the last 14 days.
}
dashboard-todo = To do
dashboard-comments = { $count ->
    [0] No comments await approval.
    [one] One comment awaits approval.
   *[other] { $count } comments await approval.
}
dashboard-failed-mails = { $count ->
    [0] Every email has arrived or is on its way.
    [one] One email could not be delivered.
   *[other] { $count } emails could not be delivered.
}
dashboard-campaign = Being sent
dashboard-no-campaign = No campaign is being sent right now.
dashboard-all-posts = All posts
