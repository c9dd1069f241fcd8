nav-events = Events
events-title = Events
events-intro = Open Space in the afternoon, barbecue in the evening – here is when it happens next.
events-calendar = Subscribe to all events as a calendar
events-upcoming = Coming up
events-past = Past events
events-none-upcoming = No event is planned right now. Check back soon!
event-format-open-space = Open Space
event-format-code-retreat = Code Retreat
event-format-talk-evening = Talk evening
event-format-other = Meetup
event-cancelled = Unfortunately, this event is cancelled.
event-recap = Read the recap
event-details = Details and registration
event-venue = Venue
event-map = Show on a map
event-places = Places
event-places-left = { $left ->
    [0] All { $capacity } places are taken – you will join the waiting list.
    [one] 1 of { $capacity } places left
   *[other] { $left } of { $capacity } places left
}
event-registration = Registration
event-registration-from = from { $from }
event-registration-until = until { $until }
event-registration-window = from { $from } until { $until }
event-calendar = Calendar
event-ics = Add to your calendar (.ics)
event-agenda = Schedule
event-posts = Posts about this event
rsvp-title = Registration
rsvp-name = Name
rsvp-email = Email address
rsvp-email-hint = We send the confirmation link there. You do not need an account.
rsvp-lang = Language of our emails
rsvp-guests = Guests you bring along
rsvp-diet = Food from the grill
rsvp-diet-omnivore = Everything
rsvp-diet-vegetarian = Vegetarian
rsvp-diet-vegan = Vegan
rsvp-notes = Allergies or notes
rsvp-notes-hint = For example a nut allergy, or “arriving around 5 pm”.
rsvp-consent = I agree that you store my details to organise this event.
rsvp-submit = Save my place
rsvp-submit-waitlist = Join the waiting list
rsvp-full-hint = All places are taken right now. Join the waiting list – when one frees up, you move up automatically.
rsvp-not-yet = Registration is not open yet.
rsvp-closed = Registration for this event is closed.
rsvp-link-sent = Please confirm your registration: we have just sent you an email with the link.
rsvp-check-inbox = Check your inbox: your registration counts once you open the link in that email. No email? Have a look in your spam folder too.
rsvp-again = Wrong address? Register again
rsvp-updated = Your details are saved.
rsvp-cancelled = Your registration is cancelled. Maybe next time!
rsvp-status-pending = Not confirmed yet – please click the link in our email.
rsvp-status-confirmed = You are registered.
rsvp-status-waitlisted = You are on the waiting list.
rsvp-status-cancelled = This registration is cancelled.
error-guests = Please choose a number from the list.
error-consent = We cannot register you without your consent.
error-registration-closed = Registration for this event is closed.
error-not-enough-places = There are not enough places left for that.
confirm-title = Confirm your registration
confirm-title-done = Registration confirmed
confirm-title-waitlisted = You are on the waiting list
confirm-title-failed = This link does not work
confirm-ask = Please confirm with one click that you want to register.
confirm-button = Confirm registration
confirm-confirmed = Thank you, you are in! A confirmation with all the details is on its way.
confirm-waitlisted = { $count ->
    [one] All places are taken. You are number 1 on the waiting list – if a place frees up, you move up automatically.
   *[other] All places are taken. You are number { $count } on the waiting list – if a place frees up, you move up automatically.
}
confirm-already = Your registration is already confirmed, through the link in another email. There is nothing left to do.
confirm-expired = This link has expired. Just register again and we will send you a new one.
confirm-unknown = We do not know this link, or it has been used already.
confirm-manage = View or change your registration
manage-title = Your registration
manage-position = { $count ->
    [one] You are on the waiting list and next in line.
   *[other] You are number { $count } on the waiting list.
}
manage-save = Save changes
manage-cancel-title = Cancel
manage-cancel-text = Cannot make it after all? Please cancel so that someone else can have your place.
manage-cancel-button = Cancel registration
cancel-title = Cancel your registration?
cancel-title-waitlist = Leave the waiting list?
cancel-consequence-moves-up = Your place goes to the next person on the waiting list right away. If you change your mind, you register again – and may have to wait yourself.
cancel-consequence-freed = Your place becomes free again. If you change your mind, you can register again as long as places are left.
cancel-consequence-waitlist = You leave the waiting list, and everyone behind you moves up one place. If you want to come after all, you join at the end again.
cancel-consequence-pending = Your registration, not yet confirmed, is discarded.
cancel-consequence-guests = { $count ->
    [one] This includes your guest.
   *[other] This includes your { $count } guests.
}
cancel-button = Yes, cancel
cancel-keep = Back to my registration
manage-leave-title = Leave the waiting list
manage-leave-text = No longer need a place? Take yourself off the waiting list so the others move up.
manage-leave-button = Leave the waiting list
mail-greeting = Hello { $name },
mail-manage-hint = View, change or cancel your registration:
mail-event-action = View the event
mail-manage-action = Manage your registration
mail-confirm-subject = Please confirm your registration: { $event }
mail-confirm-text = you would like to come to “{ $event }” ({ $when }, { $venue }). Please confirm your registration with the link below.
mail-confirm-full = All places are taken right now. When you confirm, you join the waiting list and move up automatically as soon as a place frees up.
mail-confirm-expiry = The link is valid for 48 hours.
mail-confirm-action = Confirm registration
mail-confirm-ignore = You did not register? Then simply ignore this email; without confirmation we keep nothing.
mail-confirmed-subject = You are in: { $event }
mail-confirmed-text = your registration for “{ $event }” is confirmed. See you on { $when } at { $venue }. The event for your calendar is attached.
mail-booking = Your booking: { $count ->
    [0] just you
    [one] you and one guest
   *[other] you and { $count } guests
}, from the grill: { $diet }.
mail-booking-notes = Your note to us: “{ $notes }”
mail-waitlisted-subject = Waiting list: { $event }
mail-waitlisted-text = all places for “{ $event }” ({ $when }) are taken right now. You are number { $position } on the waiting list. As soon as a place frees up, you move up automatically and we will email you.
mail-promoted-subject = A place has become free: { $event }
mail-promoted-text = good news: a place has become free for “{ $event }”, and it is yours now. See you on { $when } at { $venue }.
mail-cancelled-subject = Cancelled: { $event }
mail-cancelled-text = we have cancelled your registration for “{ $event }” ({ $when }). Thank you for letting us know!
mail-again-subject = You are already registered: { $event }
mail-again-text = you are already registered for “{ $event }” ({ $when }). Use the link below to change your details or cancel.
mail-event-cancelled-subject = Cancelled: { $event }
mail-event-cancelled-text = unfortunately we have to cancel “{ $event }” on { $when }. We are very sorry. Import the attached calendar entry to remove the event from your calendar.
mail-reminder-subject = Coming up soon: { $event }
mail-reminder-text = we are looking forward to seeing you! “{ $event }” starts on { $when } at { $venue }. The schedule and a calendar entry are attached. If you cannot make it after all, please cancel so that someone from the waiting list can take your place.
mail-message-subject = Message about { $event }

# Admin: events, registrations, check-in, messages
admin-new-event = New event
admin-edit-event = Edit event
admin-no-events = No events yet.
admin-attendees = Registrations
admin-export-csv = Export as CSV
admin-total-people = Confirmed
admin-total-guests = Guests
admin-total-waiting = On the waiting list
admin-no-attendees = Nobody has registered yet.
attendee-col-person = Attendee
attendee-col-registered = registered on
attendee-guests = Guests
attendee-col-food = Food and notes
attendee-food = Food
attendee-notes = Allergies and notes
attendee-lang = Language of the emails
attendee-diet-omnivore = No restrictions
attendee-diet-vegetarian = Vegetarian
attendee-diet-vegan = Vegan
attendee-places-taken = Places taken
attendee-arrived = Here
attendee-add = Add a person
attendee-added = The person is on the list now.
attendee-arrived-now = Already here (check in right away)
attendee-notify = Email a confirmation with their personal link
attendee-edit = Edit
attendee-updated = The registration has been changed.
attendee-promote = Give a place
attendee-promoted = The person has a place now and gets an email.
attendee-resend-confirm = Send confirmation link
attendee-resend-manage = Send link again
attendee-link-sent = The link is on its way.
attendee-cancel = Cancel
attendee-cancel-question = Cancel the registration of { $name }?
attendee-cancel-consequence-place = They get an email about the cancellation, and their place goes right away to the next person on the waiting list who fits.
attendee-cancel-consequence = They get an email about the cancellation.
attendee-cancelled = The registration is cancelled.
error-already-registered = This address is already registered for this event or on its waiting list.
error-registration-cancelled = This registration is cancelled and can no longer be changed.
admin-cancel-event = Cancel the event and notify everyone registered
event-saved = Event saved.
event-cancel-question = Cancel “{ $event }”?
event-cancel-consequence = { $count ->
    [0] Nobody has registered yet. The event stays visible, marked as cancelled. This cannot be undone.
    [one] The one person registered gets an email about the cancellation right away. The event stays visible, marked as cancelled. This cannot be undone.
   *[other] All { $count } people registered – confirmed, unconfirmed or waiting – get an email about the cancellation right away. The event stays visible, marked as cancelled. This cannot be undone.
}
event-cancel-too-late = This event has already begun or is cancelled; it can no longer be cancelled.
event-unpublish-title = Really take this event offline?
event-unpublish-text = { $count ->
    [one] One person has registered and was emailed links to this event.
   *[other] { $count } people have registered and were emailed links to this event.
} As a draft it disappears from the site; whoever opens a link only reads that the event is no longer public. Nobody learns this way that it will not take place – that is what “Cancel the event” is for.
event-unpublish-anyway = Save as draft anyway
event-unpublish-keep = Keep it published and save
event-section-what = What it is
event-section-when = When and where
event-section-registration = Registration
event-section-programme = Schedule and recap
event-timezone = Time zone
event-withdrawn-text = This event is not public at the moment. If you registered, your registration stands; the link in your confirmation email still shows it. We will be in touch as soon as there is news.
event-withdrawn-others = See all events
event-cancelled-flash = Event cancelled; everyone registered gets an email.
event-title-label = Title
event-title-de = Title in German
event-title-en = Title in English
event-date = Date
event-start = Starts
event-end = Ends
event-venue-name = Venue
event-venue-address = Address
event-capacity = Places in total
event-max-guests = Guests per registration (at most)
event-registration-opens = Registration opens
event-registration-closes = Registration closes
event-format = Format
event-description-de = Description in German (Markdown)
event-description-en = Description in English (Markdown)
event-agenda-hint = One line per item: time, German title | English title, such as 19:00 Grillen | Barbecue
event-state-draft = Draft
event-state-published = Published
event-state-cancelled = Cancelled
rsvp-state-pending = Unconfirmed
rsvp-state-confirmed = Confirmed
rsvp-state-waitlisted = Waiting list
rsvp-state-cancelled = Cancelled
checkin-title = Check-in
checkin-search = Search by name
checkin-button = Arrived
checkin-undo = Not here after all
checkin-arrived = { $count ->
    [0] Nobody has arrived yet.
    [one] 1 person has arrived.
   *[other] { $count } people have arrived.
}
message-title = Message to everyone
message-recipients = { $count ->
    [one] Goes to 1 person (registered or on the waiting list).
   *[other] Goes to { $count } people (registered or on the waiting list).
}
message-subject = Subject
message-body = Message
message-send = Send message
event-message-sent = The message is on its way.
event-recap-post = Recap post
event-no-recap = None yet
event-waitlist-on-board = People on the waiting list may propose topics and give dots too
event-waitlist-on-board-hint = Open Space only. Unticked, only attendees with a place can; people waiting still see the topic board.
