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
    [one] Du stehst auf der Warteliste und bist als Nächstes dran.
   *[other] Du stehst auf Platz { $count } der Warteliste.
}
manage-save = Änderungen speichern
manage-cancel-title = Absagen
manage-cancel-text = Du kannst doch nicht? Sag bitte ab, damit jemand anderes deinen Platz bekommt.
manage-cancel-button = Anmeldung stornieren
cancel-title = Wirklich absagen?
cancel-title-waitlist = Von der Warteliste gehen?
cancel-consequence-moves-up = Dein Platz geht sofort an die nächste Person auf der Warteliste. Überlegst du es dir anders, meldest du dich neu an – und wartest dann womöglich selbst.
cancel-consequence-freed = Dein Platz wird wieder frei. Überlegst du es dir anders, kannst du dich neu anmelden, solange noch Plätze frei sind.
cancel-consequence-waitlist = Du verlässt die Warteliste, und alle hinter dir rücken einen Platz vor. Willst du später doch kommen, stellst du dich wieder hinten an.
cancel-consequence-pending = Deine noch unbestätigte Anmeldung wird verworfen.
cancel-consequence-guests = { $count ->
    [one] Das gilt auch für deine Begleitperson.
   *[other] Das gilt auch für deine { $count } Begleitpersonen.
}
cancel-button = Ja, absagen
cancel-keep = Zurück zu meiner Anmeldung
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
attendee-col-person = Person
attendee-col-registered = angemeldet am
attendee-guests = Begleitpersonen
attendee-col-food = Essen und Hinweise
attendee-food = Essen
attendee-notes = Allergien und Hinweise
attendee-lang = Sprache der E-Mails
attendee-diet-omnivore = Ohne Einschränkung
attendee-diet-vegetarian = Vegetarisch
attendee-diet-vegan = Vegan
attendee-places-taken = Plätze belegt
attendee-arrived = Da
attendee-add = Person hinzufügen
attendee-added = Die Person steht jetzt auf der Liste.
attendee-arrived-now = Ist schon da (gleich einchecken)
attendee-notify = Bestätigung mit persönlichem Link per E-Mail schicken
attendee-edit = Bearbeiten
attendee-updated = Die Anmeldung ist geändert.
attendee-promote = Platz geben
attendee-promoted = Die Person hat jetzt einen Platz und bekommt eine E-Mail.
attendee-resend-confirm = Bestätigungslink senden
attendee-resend-manage = Link erneut senden
attendee-link-sent = Der Link ist unterwegs.
attendee-cancel = Stornieren
attendee-cancel-question = Anmeldung von { $name } stornieren?
attendee-cancel-consequence-place = Die Person bekommt eine E-Mail mit der Stornierung, und ihr Platz geht sofort an die nächste Person auf der Warteliste, die hineinpasst.
attendee-cancel-consequence = Die Person bekommt eine E-Mail mit der Stornierung.
attendee-cancelled = Die Anmeldung ist storniert.
error-already-registered = Diese Adresse ist für diesen Termin schon angemeldet oder steht auf der Warteliste.
error-registration-cancelled = Diese Anmeldung ist storniert und lässt sich nicht mehr ändern.
admin-cancel-event = Termin absagen und alle Angemeldeten benachrichtigen
event-saved = Termin gespeichert.
event-cancel-question = „{ $event }“ absagen?
event-cancel-consequence = { $count ->
    [0] Noch hat sich niemand angemeldet. Der Termin bleibt sichtbar, als abgesagt markiert. Das lässt sich nicht rückgängig machen.
    [one] Die eine angemeldete Person bekommt sofort eine E-Mail mit der Absage. Der Termin bleibt sichtbar, als abgesagt markiert. Das lässt sich nicht rückgängig machen.
   *[other] Alle { $count } Angemeldeten – bestätigt, unbestätigt oder auf der Warteliste – bekommen sofort eine E-Mail mit der Absage. Der Termin bleibt sichtbar, als abgesagt markiert. Das lässt sich nicht rückgängig machen.
}
event-cancel-too-late = Dieser Termin hat schon begonnen oder ist abgesagt; absagen geht nicht mehr.
event-unpublish-title = Termin wirklich offline nehmen?
event-unpublish-text = { $count ->
    [one] Eine Person hat sich schon angemeldet und hat Links auf diesen Termin per E-Mail bekommen.
   *[other] { $count } Personen haben sich schon angemeldet und Links auf diesen Termin per E-Mail bekommen.
} Als Entwurf verschwindet er von der Website; wer einen Link öffnet, liest dann nur noch, dass der Termin nicht mehr öffentlich ist. Wer nicht kommen kann, erfährt es so nicht – dafür gibt es „Termin absagen“.
event-unpublish-anyway = Trotzdem als Entwurf speichern
event-unpublish-keep = Veröffentlicht lassen und speichern
event-section-what = Worum es geht
event-section-when = Wann und wo
event-section-registration = Anmeldung
event-section-programme = Programm und Rückblick
event-timezone = Zeitzone
event-withdrawn-text = Dieser Termin ist im Moment nicht öffentlich. Hast du dich angemeldet, bleibt deine Anmeldung bestehen; über den Link in deiner Bestätigungs-Mail kannst du sie weiterhin ansehen. Sobald es Neuigkeiten gibt, melden wir uns.
event-withdrawn-others = Alle Termine ansehen
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
    [0] Noch ist niemand da.
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
