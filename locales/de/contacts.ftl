# Kontakte, Newsletter, Kampagnen, Abmelden
admin-nav-contacts = Kontakte
admin-nav-campaigns = Kampagnen
footer-newsletter = Newsletter
newsletter-title = Newsletter und Einladungen
newsletter-intro = Wir schreiben selten: eine Einladung, wenn das nächste Grillen ansteht, und auf Wunsch einen Hinweis auf neue Beiträge. Abmelden geht jederzeit mit einem Klick.
newsletter-name = Name (optional)
newsletter-what = Was möchtest du bekommen?
newsletter-invitations = Einladungen zu unseren Terminen
newsletter-announcements = Hinweise auf neue Beiträge im Blog
newsletter-consent = Ich möchte diese E-Mails bekommen und bin einverstanden, dass ihr dafür meine Adresse und meine Auswahl speichert. Abmelden kann ich mich jederzeit.
newsletter-submit = Abonnieren
newsletter-link-sent = Wir haben dir eine E-Mail geschickt. Bitte bestätige die Anmeldung über den Link darin – erst dann bist du eingetragen.
newsletter-error-nothing = Bitte wähle mindestens eine Sorte E-Mails aus.
newsletter-error-consent = Ohne dein Einverständnis dürfen wir dir nichts schicken.
newsletter-confirm-title = Anmeldung bestätigen
newsletter-confirm-ask = Ein Klick noch, dann bist du dabei.
newsletter-confirm-button = Ja, ich möchte die E-Mails bekommen
newsletter-confirmed = Danke, deine Anmeldung ist bestätigt!
newsletter-expired = Dieser Link ist abgelaufen. Melde dich einfach noch einmal an, dann schicken wir dir einen neuen.
newsletter-unknown = Diesen Link kennen wir nicht – vielleicht wurde er schon benutzt.
unsubscribe-title = E-Mails abbestellen
unsubscribe-for = Einstellungen für { $email }
unsubscribe-button = Alle E-Mails abbestellen
unsubscribe-is-off = Du bekommst von uns keine Einladungen und Hinweise mehr.
unsubscribe-done = Erledigt: Du bekommst keine Einladungen und Hinweise mehr von uns.
unsubscribe-preferences = Lieber nur weniger?
unsubscribe-preferences-hint = Wähle aus, was du weiter bekommen möchtest, und in welcher Sprache.
unsubscribe-save = Einstellungen speichern
unsubscribe-preferences-saved = Deine Einstellungen sind gespeichert.
mail-greeting-plain = Hallo,
mail-newsletter-confirm-subject = Bitte bestätige deine Anmeldung bei { $site }
mail-newsletter-confirm-text = Du hast dich für E-Mails von { $site } angemeldet. Bitte bestätige das mit dem Knopf unten – erst dann schicken wir dir etwas.
mail-newsletter-confirm-expiry = Der Link gilt 48 Stunden.
mail-newsletter-confirm-action = Anmeldung bestätigen
mail-newsletter-confirm-ignore = Du warst das nicht? Dann ignoriere diese E-Mail einfach; ohne Bestätigung passiert nichts.
mail-campaign-rsvp = Jetzt anmelden
mail-campaign-read = Beitrag lesen
mail-campaign-why = Du bekommst diese E-Mail, weil du auf der Verteilerliste von { $site } stehst.
mail-campaign-unsubscribe = Abbestellen oder Einstellungen ändern:
campaign-default-subject = Einladung: { $event }
campaign-default-body = wir laden dich herzlich zu unserem Open Space mit anschließendem Grillen ein. Wir treffen uns am {"{date}"}.

    Ort: {"{place}"}

    Bitte melde dich rechtzeitig an, damit wir genug einkaufen können: {"{rsvp_link}"}

    Wir freuen uns auf dich!
contact-new = Neuer Kontakt
contact-edit = Kontakt bearbeiten
contact-import = CSV importieren
contact-export = Als CSV exportieren
contact-privacy = Auskunft und Löschung
contact-search = Suche (Adresse, Name, Firma)
contact-tag = Schlagwort
contact-any = Alle
contact-filter = Filtern
contact-count = { $count ->
    [0] Keine Kontakte
    [one] 1 Kontakt
   *[other] { $count } Kontakte
}
contact-none = Keine Kontakte gefunden.
contact-organization = Firma oder Organisation
contact-tags = Schlagwörter
contact-tags-hint = Durch Kommas getrennt, z. B. kunde, community, halle
contact-prev = Vorherige Seite
contact-next = Nächste Seite
contact-state-pending = Unbestätigt
contact-state-active = Aktiv
contact-state-unsubscribed = Abgemeldet
contact-state-bouncing = Unzustellbar
contact-source = Herkunft
contact-source-admin = von Hand angelegt
contact-source-import = aus CSV importiert
contact-source-newsletter = Newsletter-Anmeldung
contact-consent = Einwilligung
contact-consent-none = keine gespeichert
contact-unsubscribed-at = Abgemeldet am
contact-bounced-at = Unzustellbar seit
contact-reactivate = Wieder aktivieren (Adresse ist doch erreichbar)
contact-reactivated = Der Kontakt ist wieder aktiv.
contact-saved = Der Kontakt ist gespeichert.
contact-deleted = Der Kontakt ist gelöscht.
contact-error-duplicate = Einen Kontakt mit dieser Adresse gibt es schon.
editor-announce = Per E-Mail an die Abonnent:innen dieser Sprache schicken, sobald der Beitrag erscheint
editor-announce-hint = Geht einmal raus, zum Veröffentlichungszeitpunkt, an alle, die Hinweise auf neue Beiträge bestellt haben.
campaign-title = Kampagne
campaign-new = Einladung schreiben
campaign-new-for = Einladung zu
campaign-none = Noch keine Kampagnen.
campaign-about = Worum es geht
campaign-progress = Versand
campaign-kind-invitation = Einladung
campaign-kind-announcement = Beitragshinweis
campaign-state-draft = Entwurf
campaign-state-scheduled = Geplant
campaign-state-queued = Versendet
campaign-state-cancelled = Abgebrochen
campaign-placeholders = Platzhalter:
campaign-text-de = Deutscher Text
campaign-text-en = Englischer Text
campaign-subject = Betreff
campaign-body = Nachricht (Markdown)
campaign-langs = An wen, nach Sprache
campaign-lang-de = Kontakte, die Deutsch lesen
campaign-lang-en = Kontakte, die Englisch lesen
campaign-tags = Nur Kontakte mit diesen Schlagwörtern
campaign-tags-hint = Nichts angekreuzt heißt: alle.
campaign-save = Entwurf speichern
campaign-saved = Der Entwurf ist gespeichert.
campaign-recipients = { $count ->
    [0] Niemand bekommt diese E-Mail
    [one] 1 Empfänger:in
   *[other] { $count } Empfänger:innen
}
campaign-preview-de = Vorschau auf Deutsch
campaign-preview-en = Vorschau auf Englisch
campaign-test = Test an mich schicken
campaign-test-tag = Test
campaign-test-sent = Die Test-E-Mails sind unterwegs zu dir.
campaign-send = { $count ->
    [one] Jetzt an 1 Person senden
   *[other] Jetzt an { $count } Personen senden
}
campaign-queued = Die Kampagne ist unterwegs. Der Fortschritt steht unten.
campaign-queued-at = Losgeschickt am { $when }
campaign-pending = In der Warteschlange
campaign-sent = Gesendet
campaign-failed = Fehlgeschlagen
campaign-registered = Davon angemeldet
campaign-error-no-language = Bitte wähle mindestens eine Sprache aus.
campaign-error-sent = Diese Kampagne ist schon verschickt und lässt sich nicht mehr ändern.
campaign-error-gone = Den Termin oder Beitrag dazu gibt es nicht mehr.
campaign-date = { $day } um { $time }
campaign-preview-for = So sieht { $name } die E-Mail. Alle anderen bekommen ihre eigene Anrede und ihre eigenen Links.
campaign-preview-frame = Vorschau der E-Mail
campaign-save-first = Speichere zuerst den Entwurf – dann kannst du dir eine Test-E-Mail schicken.
unsubscribe-test = Das war eine Test-E-Mail: Hier würden sich Empfänger:innen abmelden oder ihre Einstellungen ändern. Für dich ändert sich nichts, auch wenn du die Knöpfe ausprobierst.
unsubscribe-test-done = Test: Empfänger:innen wären jetzt abgemeldet. Geändert hat sich nichts.
unsubscribe-test-saved = Test: Hier würden die Einstellungen gespeichert. Geändert hat sich nichts.
contact-delete-question = { $name } löschen?
contact-delete-consequence = Der Kontakt wird mit allen Angaben und Schlagwörtern gelöscht und bekommt keine Einladungen mehr. Das lässt sich nicht rückgängig machen.
