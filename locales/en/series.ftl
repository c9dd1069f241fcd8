# Series: recurring events and their editions.
series-label = Series
series-none = No series
series-edition = Edition (number)
series-editions-nav = Editions of this series
series-all-editions = All editions
series-numbering = Numbering
series-numbering-ordinal = Ordinal in front
series-numbering-roman = Roman numeral after
series-example-name = BBQ
series-admin-title = Series
series-admin-empty = No series yet. Create one to make your events its editions.
series-new = New series
series-edit = Edit series
series-name-de = Name (German)
series-name-en = Name (English)
series-editions = Editions
series-save = Save series
series-saved = The series is saved.
series-intro = { $count ->
    [0] No edition yet.
    [one] One edition so far.
   *[other] { $count } editions so far, newest first.
}
series-no-editions = No edition of this series has been published yet.
series-ics = All editions in your calendar
series-feed = Subscribe to the feed
series-attendance = { $count ->
    [one] 1 attendee
   *[other] { $count } attendees
}
series-plan-next = Plan the next edition
series-plan-next-intro = “{ $event }” becomes a draft of “{ $title }”: texts in both languages, venue, format, places, programme, registration window, rooms and time slots come along, at the same times of day. Nothing is sent until you publish it.
series-next-date = On which day does the next edition take place?
series-plan-next-button = Create the draft
series-next-planned = The draft of the next edition is ready. Check it and publish it when everything fits.
series-next-date-past = Please pick a day after today.
series-next-taken = This series has its next edition already. Plan from the newest edition.
error-edition = Please give the edition as a whole number from 1 to 999.
error-edition-missing = Please say which edition of the series this is.
error-series-missing = Please choose the series this edition belongs to.
error-edition-taken = The series has this edition already.
