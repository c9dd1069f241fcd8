# Organizers' privacy tools: access and erasure requests for one email address.
# { $name } is the email address asked about (the locale tests know that argument name).
privacy-admin-title = Access and erasure
privacy-admin-intro = For GDPR access and erasure requests: enter an email address. You can download everything we store about it as a JSON file, or erase it – before anything is erased you see exactly what will happen.
privacy-admin-email = Email address
privacy-admin-email-hint = Upper and lower case make no difference.
privacy-admin-export = Download data (JSON)
privacy-admin-erase = Erase data …
privacy-admin-nothing = Nothing is stored about this email address.
privacy-admin-nothing-suppressed = Nothing is stored about this email address any more. It is only on the suppression list – as a checksum, not in plain text.
privacy-admin-confirm-title = Really erase this data?
privacy-admin-confirm-intro = This is what we store about { $name }, and what erasing does with it:
privacy-admin-what = Data
privacy-admin-how = What happens
privacy-admin-count-contacts = { $count ->
    [one] 1 contact
   *[other] { $count } contacts
}
privacy-admin-how-contacts = Deleted, with its tags, preferences and consent.
privacy-admin-count-rsvps = { $count ->
    [one] 1 registration
   *[other] { $count } registrations
}
privacy-admin-how-rsvps = Name, email address and notes are removed. Status, guests and diet stay, so places and the shopping list remain right.
privacy-admin-count-topics = { $count ->
    [one] 1 proposed topic
   *[other] { $count } proposed topics
}
privacy-admin-how-topics = The name is removed; title and description stay on the topic board.
privacy-admin-count-notes = { $count ->
    [one] 1 note revision
   *[other] { $count } note revisions
}
privacy-admin-how-notes = The name is removed; the text stays.
privacy-admin-count-comments = { $count ->
    [one] 1 published comment
   *[other] { $count } published comments
}
privacy-admin-how-comments = Name and email address are removed; the text stays up.
privacy-admin-count-comments-deleted = { $count ->
    [one] 1 unpublished comment
   *[other] { $count } unpublished comments
}
privacy-admin-how-comments-deleted = Deleted completely, with name and address – none of it was ever public.
privacy-admin-count-emails = { $count ->
    [one] 1 email in the outbox
   *[other] { $count } emails in the outbox
}
privacy-admin-how-emails = Removed from the outbox; anything not sent yet will not go out.
privacy-admin-confirm-suppress = The address then goes on the suppression list. Only a checksum is kept there, not the address itself – so no invitation or announcement reaches it again, even after a later import.
privacy-admin-confirm-button = Erase for good
privacy-admin-back = Back
privacy-admin-done-title = Data erased
privacy-admin-done-intro = The data about { $name } has been erased or anonymized.
privacy-admin-done-contacts = { $count ->
    [one] contact deleted
   *[other] contacts deleted
}
privacy-admin-done-rsvps = { $count ->
    [one] registration anonymized
   *[other] registrations anonymized
}
privacy-admin-done-topics = { $count ->
    [one] topic anonymized
   *[other] topics anonymized
}
privacy-admin-done-notes = { $count ->
    [one] note revision anonymized
   *[other] note revisions anonymized
}
privacy-admin-done-comments = { $count ->
    [one] comment anonymized
   *[other] comments anonymized
}
privacy-admin-done-comments-deleted = { $count ->
    [one] unpublished comment deleted
   *[other] unpublished comments deleted
}
privacy-admin-done-emails = { $count ->
    [one] email deleted
   *[other] emails deleted
}
privacy-admin-done-suppressed = The address is now on the suppression list and gets no more invitations or announcements.
