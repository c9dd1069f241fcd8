nav-events = Termine
events-title = Termine
events-intro = Open Space am Nachmittag, Grillen am Abend – hier steht, wann es das nächste Mal so weit ist.
events-calendar = Alle Termine als Kalender abonnieren
events-upcoming = Demnächst
events-past = Vergangene Termine
events-none-upcoming = Gerade ist kein Termin geplant. Schau bald wieder vorbei!
event-format-open-space = Open Space
event-format-code-retreat = Code Retreat
event-format-talk-evening = Vortragsabend
event-format-other = Treffen
event-cancelled = Dieser Termin fällt leider aus.
event-recap = Zum Rückblick
event-details = Details und Anmeldung
event-venue = Ort
event-map = Auf der Karte zeigen
event-places = Plätze
event-places-left = { $left ->
    [0] Alle { $capacity } Plätze sind vergeben – du kommst auf die Warteliste.
    [one] Noch 1 von { $capacity } Plätzen frei
   *[other] Noch { $left } von { $capacity } Plätzen frei
}
event-registration = Anmeldung
event-registration-from = ab { $from }
event-registration-until = bis { $until }
event-registration-window = vom { $from } bis { $until }
event-calendar = Kalender
event-ics = Termin in den Kalender übernehmen (.ics)
event-agenda = Ablauf
event-posts = Beiträge zu diesem Termin
rsvp-title = Anmeldung
rsvp-name = Name
rsvp-email = E-Mail-Adresse
rsvp-email-hint = Dorthin schicken wir den Bestätigungslink. Ein Konto brauchst du nicht.
rsvp-lang = Sprache unserer E-Mails
rsvp-guests = Begleitpersonen, die du mitbringst
rsvp-diet = Essen vom Grill
rsvp-diet-omnivore = Alles
rsvp-diet-vegetarian = Vegetarisch
rsvp-diet-vegan = Vegan
rsvp-notes = Allergien oder Hinweise
rsvp-notes-hint = Zum Beispiel Nussallergie oder „komme erst gegen 17 Uhr“.
rsvp-consent = Ich bin einverstanden, dass ihr meine Angaben für die Organisation dieses Termins speichert.
rsvp-submit = Platz sichern
rsvp-submit-waitlist = Auf die Warteliste
rsvp-full-hint = Gerade sind alle Plätze vergeben. Trag dich auf die Warteliste ein – wird etwas frei, rückst du automatisch nach.
rsvp-not-yet = Die Anmeldung ist noch nicht geöffnet.
rsvp-closed = Für diesen Termin ist keine Anmeldung mehr möglich.
rsvp-link-sent = Bitte bestätige noch deine Anmeldung: Wir haben dir gerade eine E-Mail mit dem Link geschickt.
rsvp-check-inbox = Schau in dein Postfach: Erst mit dem Link aus der E-Mail ist deine Anmeldung gültig. Keine Mail da? Sieh auch im Spam-Ordner nach.
rsvp-again = Andere Adresse? Noch einmal anmelden
rsvp-updated = Deine Angaben sind gespeichert.
rsvp-cancelled = Deine Anmeldung ist storniert. Schade, vielleicht beim nächsten Mal!
rsvp-status-pending = Noch nicht bestätigt – bitte klicke auf den Link in unserer E-Mail.
rsvp-status-confirmed = Du bist angemeldet.
rsvp-status-waitlisted = Du stehst auf der Warteliste.
rsvp-status-cancelled = Diese Anmeldung ist storniert.
error-guests = Bitte wähle eine Zahl aus der Liste.
error-consent = Ohne deine Einwilligung können wir dich nicht anmelden.
error-registration-closed = Die Anmeldung für diesen Termin ist geschlossen.
error-not-enough-places = Dafür sind nicht mehr genug Plätze frei.
confirm-title = Anmeldung bestätigen
confirm-title-done = Anmeldung bestätigt
confirm-title-waitlisted = Du stehst auf der Warteliste
confirm-title-failed = Dieser Link funktioniert nicht
confirm-ask = Bitte bestätige mit einem Klick, dass du dich anmelden möchtest.
confirm-button = Anmeldung bestätigen
confirm-confirmed = Danke, du bist dabei! Eine Bestätigung mit allen Details ist unterwegs.
confirm-waitlisted = { $count ->
    [one] Alle Plätze sind vergeben. Du stehst auf Platz 1 der Warteliste – wird etwas frei, rückst du automatisch nach.
   *[other] Alle Plätze sind vergeben. Du stehst auf Platz { $count } der Warteliste – wird etwas frei, rückst du automatisch nach.
}
confirm-already = Deine Anmeldung ist schon bestätigt – über den Link aus einer anderen Mail. Du musst nichts mehr tun.
confirm-expired = Dieser Link ist abgelaufen. Melde dich einfach noch einmal an, dann schicken wir dir einen neuen.
confirm-unknown = Diesen Link kennen wir nicht, oder er wurde schon benutzt.
confirm-manage = Anmeldung ansehen oder ändern
manage-title = Deine Anmeldung
manage-position = { $count ->
    [one] Du bist als Nächstes dran.
   *[other] Du stehst auf Platz { $count } der Warteliste.
}
manage-save = Änderungen speichern
manage-cancel-title = Absagen
manage-cancel-text = Du kannst doch nicht? Sag bitte ab, damit jemand von der Warteliste nachrücken kann.
manage-cancel-button = Anmeldung stornieren
manage-leave-title = Von der Warteliste gehen
manage-leave-text = Du brauchst doch keinen Platz? Dann nimm dich von der Warteliste, damit die anderen nach vorn rücken.
manage-leave-button = Von der Warteliste nehmen
mail-greeting = Hallo { $name },
mail-manage-hint = Deine Anmeldung ansehen, ändern oder absagen:
mail-event-action = Zum Termin
mail-manage-action = Anmeldung verwalten
mail-confirm-subject = Bitte bestätige deine Anmeldung: { $event }
mail-confirm-text = du möchtest zu „{ $event }“ kommen ({ $when }, { $venue }). Bitte bestätige deine Anmeldung mit dem Link unten.
mail-confirm-full = Gerade sind alle Plätze vergeben. Wenn du bestätigst, kommst du auf die Warteliste und rückst automatisch nach, sobald etwas frei wird.
mail-confirm-expiry = Der Link gilt 48 Stunden.
mail-confirm-action = Anmeldung bestätigen
mail-confirm-ignore = Du hast dich nicht angemeldet? Dann ignoriere diese E-Mail einfach; ohne Bestätigung speichern wir nichts dauerhaft.
mail-confirmed-subject = Du bist dabei: { $event }
mail-confirmed-text = deine Anmeldung für „{ $event }“ ist bestätigt. Wir sehen uns am { $when } hier: { $venue }. Den Termin für deinen Kalender findest du im Anhang.
mail-booking = Deine Angaben: { $count ->
    [0] ohne Begleitung
    [one] mit einer Begleitperson
   *[other] mit { $count } Begleitpersonen
}, vom Grill: { $diet }.
mail-booking-notes = Deine Notiz an uns: „{ $notes }“
mail-waitlisted-subject = Warteliste: { $event }
mail-waitlisted-text = für „{ $event }“ ({ $when }) sind gerade alle Plätze vergeben. Du stehst auf Platz { $position } der Warteliste. Sobald etwas frei wird, rückst du automatisch nach und bekommst eine E-Mail.
mail-promoted-subject = Ein Platz ist frei geworden: { $event }
mail-promoted-text = gute Nachrichten: Für „{ $event }“ ist ein Platz frei geworden, und er gehört jetzt dir. Wir sehen uns am { $when } hier: { $venue }.
mail-cancelled-subject = Abgesagt: { $event }
mail-cancelled-text = wir haben deine Anmeldung für „{ $event }“ ({ $when }) storniert. Danke, dass du Bescheid gegeben hast!
mail-again-subject = Du bist schon angemeldet: { $event }
mail-again-text = für „{ $event }“ ({ $when }) bist du bereits angemeldet. Über den Link unten kannst du deine Angaben ändern oder absagen.
mail-event-cancelled-subject = Fällt aus: { $event }
mail-event-cancelled-text = leider müssen wir „{ $event }“ am { $when } absagen. Das tut uns sehr leid. Den Kalendereintrag im Anhang kannst du übernehmen, dann verschwindet der Termin aus deinem Kalender.
mail-reminder-subject = Bald ist es so weit: { $event }
mail-reminder-text = wir freuen uns auf dich! „{ $event }“ beginnt am { $when } hier: { $venue }. Den Ablauf und den Kalendereintrag findest du im Anhang. Falls du doch nicht kannst, sag bitte ab, damit jemand von der Warteliste nachrücken kann.
mail-message-subject = Nachricht zu { $event }

# Verwaltung: Termine, Anmeldungen, Einlass, Nachrichten
admin-new-event = Neuer Termin
admin-edit-event = Termin bearbeiten
admin-no-events = Noch keine Termine.
admin-attendees = Anmeldungen
admin-export-csv = Als CSV exportieren
admin-total-people = Zusagen
admin-total-guests = Begleitpersonen
admin-total-waiting = Auf der Warteliste
admin-no-attendees = Noch hat sich niemand angemeldet.
admin-cancel-event = Termin absagen und alle Angemeldeten benachrichtigen
event-saved = Termin gespeichert.
event-cancelled-flash = Termin abgesagt; alle Angemeldeten bekommen eine E-Mail.
event-title-label = Titel
event-title-de = Titel auf Deutsch
event-title-en = Titel auf Englisch
event-date = Datum
event-start = Beginn
event-end = Ende
event-venue-name = Ort
event-venue-address = Adresse
event-capacity = Plätze insgesamt
event-max-guests = Begleitpersonen pro Anmeldung (höchstens)
event-registration-opens = Anmeldung öffnet am
event-registration-closes = Anmeldung schließt am
event-format = Format
event-description-de = Beschreibung auf Deutsch (Markdown)
event-description-en = Beschreibung auf Englisch (Markdown)
event-agenda-hint = Eine Zeile pro Programmpunkt: Uhrzeit, deutscher Titel | englischer Titel, z. B. 19:00 Grillen | Barbecue
event-state-draft = Entwurf
event-state-published = Veröffentlicht
event-state-cancelled = Abgesagt
rsvp-state-pending = Unbestätigt
rsvp-state-confirmed = Zugesagt
rsvp-state-waitlisted = Warteliste
rsvp-state-cancelled = Storniert
checkin-title = Einlass
checkin-search = Name suchen
checkin-button = Ist da
checkin-undo = Doch nicht da
checkin-arrived = { $count ->
    [one] 1 Person ist schon da.
   *[other] { $count } Personen sind schon da.
}
message-title = Nachricht an alle
message-recipients = { $count ->
    [one] Geht an 1 Person (angemeldet oder auf der Warteliste).
   *[other] Geht an { $count } Personen (angemeldet oder auf der Warteliste).
}
message-subject = Betreff
message-body = Nachricht
message-send = Nachricht senden
event-message-sent = Die Nachricht ist unterwegs.
event-recap-post = Rückblick-Beitrag
event-no-recap = Noch keiner
event-waitlist-on-board = Auch wer auf der Warteliste steht, darf Themen vorschlagen und Punkte vergeben
event-waitlist-on-board-hint = Nur beim Open Space. Ohne Haken können das nur Teilnehmende mit festem Platz; die Warteliste sieht die Themenwand trotzdem.
