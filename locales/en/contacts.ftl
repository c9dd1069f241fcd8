# Contacts, newsletter, campaigns, unsubscribing
admin-nav-contacts = Contacts
admin-nav-campaigns = Campaigns
footer-newsletter = Mailing list
newsletter-title = Mailing list and invitations
newsletter-intro = We rarely write: an invitation when the next BBQ is coming up, and, if you like, a note about new posts. You can unsubscribe with one click at any time.
newsletter-name = Name (optional)
newsletter-what = What would you like to receive?
newsletter-invitations = Invitations to our events
newsletter-announcements = Notes about new blog posts
newsletter-consent = I want to receive these emails and agree that you store my address and my choice for this. I can unsubscribe at any time.
newsletter-submit = Subscribe
newsletter-link-sent = We have sent you an email. Please confirm your sign-up with the link in it – only then are you on the list.
newsletter-error-nothing = Please choose at least one kind of email.
newsletter-error-consent = Without your consent we may not send you anything.
newsletter-confirm-title = Confirm your sign-up
newsletter-confirm-ask = One more click and you are in.
newsletter-confirm-button = Yes, I want to receive the emails
newsletter-confirmed = Thank you, your sign-up is confirmed!
newsletter-expired = This link has expired. Just sign up again and we will send you a new one.
newsletter-unknown = We do not know this link – maybe it has been used already.
unsubscribe-title = Unsubscribe
unsubscribe-for = Settings for { $email }
unsubscribe-button = Unsubscribe from all emails
unsubscribe-is-off = You no longer receive invitations or notes from us.
unsubscribe-done = Done: you will not receive invitations or notes from us any more.
unsubscribe-preferences = Just fewer emails?
unsubscribe-preferences-hint = Choose what you would still like to receive, and in which language.
unsubscribe-save = Save settings
unsubscribe-preferences-saved = Your settings are saved.
mail-greeting-plain = Hello,
mail-newsletter-confirm-subject = Please confirm your sign-up with { $site }
mail-newsletter-confirm-text = You signed up for emails from { $site }. Please confirm with the button below – we send nothing before you do.
mail-newsletter-confirm-expiry = The link is valid for 48 hours.
mail-newsletter-confirm-action = Confirm sign-up
mail-newsletter-confirm-ignore = Not you? Just ignore this email; without a confirmation nothing happens.
mail-campaign-rsvp = Register now
mail-campaign-read = Read the post
mail-campaign-why = You receive this email because you are on the mailing list of { $site }.
mail-campaign-unsubscribe = Unsubscribe or change your settings:
campaign-default-subject = Invitation: { $event }
campaign-default-body = We would love to see you at our Open Space, followed by a barbecue. We meet on {"{date}"}.

    Venue: {"{place}"}

    Please register early so that we can buy enough food: {"{rsvp_link}"}

    We look forward to seeing you!
contact-new = New contact
contact-edit = Edit contact
contact-import = Import CSV
contact-export = Export as CSV
contact-privacy = Access and erasure
contact-search = Search (address, name, organization)
contact-tag = Tag
contact-any = Any
contact-filter = Filter
contact-count = { $count ->
    [0] No contacts
    [one] 1 contact
   *[other] { $count } contacts
}
contact-none = No contacts found.
contact-organization = Company or organization
contact-tags = Tags
contact-tags-hint = Separated by commas, e.g. customer, community, halle
contact-prev = Previous page
contact-next = Next page
contact-state-pending = Unconfirmed
contact-state-active = Active
contact-state-unsubscribed = Unsubscribed
contact-state-bouncing = Bouncing
contact-source = Source
contact-source-admin = added by hand
contact-source-import = imported from CSV
contact-source-newsletter = mailing list sign-up
contact-consent = Consent
contact-consent-none = none stored
contact-unsubscribed-at = Unsubscribed on
contact-bounced-at = Bouncing since
contact-reactivate = Reactivate (the address works after all)
contact-reactivated = The contact is active again.
contact-saved = The contact is saved.
contact-deleted = The contact is deleted.
contact-error-duplicate = There is already a contact with this address.
editor-announce = Email it to subscribers of this language when it is published
editor-announce-hint = Sent once, at publication time, to everyone who asked for notes about new posts.
campaign-title = Campaign
campaign-new = Write an invitation
campaign-new-for = Invitation to
campaign-none = No campaigns yet.
campaign-about = About
campaign-progress = Sending
campaign-kind-invitation = Invitation
campaign-kind-announcement = Post announcement
campaign-state-draft = Draft
campaign-state-scheduled = Scheduled
campaign-state-queued = Sent
campaign-state-cancelled = Cancelled
campaign-placeholders = Placeholders:
campaign-text-de = German text
campaign-text-en = English text
campaign-subject = Subject
campaign-body = Text (Markdown)
campaign-langs = Recipients by language
campaign-lang-de = Contacts who read German
campaign-lang-en = Contacts who read English
campaign-tags = Only contacts with these tags
campaign-tags-hint = Nothing ticked means everyone.
campaign-save = Save draft
campaign-saved = The draft is saved.
campaign-recipients = { $count ->
    [0] Nobody receives this email
    [one] 1 recipient
   *[other] { $count } recipients
}
campaign-preview-de = Preview in German
campaign-preview-en = Preview in English
campaign-test = Send a test to me
campaign-test-tag = Test
campaign-test-sent = The test emails are on their way to you.
campaign-send = { $count ->
    [one] Send to 1 person now
   *[other] Send to { $count } people now
}
campaign-queued = The campaign is on its way. Progress is shown below.
campaign-queued-at = Sent off on { $when }
campaign-pending = Queued
campaign-sent = Sent
campaign-failed = Failed
campaign-registered = Registered
campaign-error-no-language = Please choose at least one language.
campaign-error-sent = This campaign has been sent and cannot be changed any more.
campaign-error-gone = Its event or post no longer exists.
campaign-date = { $day } at { $time }
campaign-preview-for = This is how { $name } sees the email. Everyone else gets their own greeting and their own links.
campaign-preview-frame = Preview of the email
campaign-save-first = Save the draft first – then you can send yourself a test email.
unsubscribe-test = This was a test email: here recipients would unsubscribe or change their settings. Nothing changes for you, even if you try the buttons.
unsubscribe-test-done = Test: a recipient would be unsubscribed now. Nothing was changed.
unsubscribe-test-saved = Test: the settings would be saved here. Nothing was changed.
contact-delete-question = Delete { $name }?
contact-delete-consequence = The contact is deleted with all details and tags and gets no more invitations. This cannot be undone.
