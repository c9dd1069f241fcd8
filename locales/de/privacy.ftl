# Organizers' privacy tools: access and erasure requests for one email address.
# { $name } is the email address asked about (the locale tests know that argument name).
privacy-admin-title = Auskunft und Löschung
privacy-admin-intro = Für Auskunfts- und Löschanfragen nach der DSGVO: Gib eine E-Mail-Adresse ein. Du kannst alles, was wir zu ihr gespeichert haben, als JSON-Datei herunterladen oder es löschen – vorher siehst du noch genau, was dabei passiert.
privacy-admin-email = E-Mail-Adresse
privacy-admin-email-hint = Groß- und Kleinschreibung spielt keine Rolle.
privacy-admin-export = Daten herunterladen (JSON)
privacy-admin-erase = Daten löschen …
privacy-admin-nothing = Zu dieser E-Mail-Adresse ist nichts gespeichert.
privacy-admin-nothing-suppressed = Zu dieser E-Mail-Adresse ist nichts mehr gespeichert. Sie steht nur noch auf der Sperrliste – als Prüfsumme, nicht im Klartext.
privacy-admin-confirm-title = Daten wirklich löschen?
privacy-admin-confirm-intro = Zu { $name } haben wir Folgendes gespeichert. So gehen wir beim Löschen damit um:
privacy-admin-what = Daten
privacy-admin-how = Was passiert
privacy-admin-count-contacts = { $count ->
    [one] 1 Kontakt
   *[other] { $count } Kontakte
}
privacy-admin-how-contacts = Wir löschen den Kontakt samt Schlagwörtern, Einstellungen und Einwilligung.
privacy-admin-count-rsvps = { $count ->
    [one] 1 Anmeldung
   *[other] { $count } Anmeldungen
}
privacy-admin-how-rsvps = Wir entfernen Name, E-Mail-Adresse und Anmerkungen. Status, Begleitpersonen und Essenswunsch bleiben, damit Plätze und Einkaufsliste weiter stimmen.
privacy-admin-count-topics = { $count ->
    [one] 1 vorgeschlagenes Thema
   *[other] { $count } vorgeschlagene Themen
}
privacy-admin-how-topics = Wir entfernen den Namen; Titel und Beschreibung bleiben auf der Themenwand.
privacy-admin-count-notes = { $count ->
    [one] 1 Notizversion
   *[other] { $count } Notizversionen
}
privacy-admin-how-notes = Wir entfernen den Namen; der Text bleibt.
privacy-admin-count-comments = { $count ->
    [one] 1 veröffentlichter Kommentar
   *[other] { $count } veröffentlichte Kommentare
}
privacy-admin-how-comments = Wir entfernen Name und E-Mail-Adresse; der Text bleibt stehen.
privacy-admin-count-comments-deleted = { $count ->
    [one] 1 nicht veröffentlichter Kommentar
   *[other] { $count } nicht veröffentlichte Kommentare
}
privacy-admin-how-comments-deleted = Wir löschen Text, Name und Adresse vollständig – öffentlich war davon nie etwas zu sehen.
privacy-admin-count-emails = { $count ->
    [one] 1 E-Mail im Postausgang
   *[other] { $count } E-Mails im Postausgang
}
privacy-admin-how-emails = Wir löschen alles davon aus dem Postausgang; was noch nicht verschickt ist, geht nicht mehr raus.
privacy-admin-confirm-suppress = Danach kommt die Adresse auf die Sperrliste. Dort steht nur eine Prüfsumme, nicht die Adresse selbst – so schreiben wir sie auch nach einem späteren Import mit keiner Einladung und keiner Ankündigung mehr an.
privacy-admin-confirm-button = Endgültig löschen
privacy-admin-back = Zurück
privacy-admin-done-title = Daten gelöscht
privacy-admin-done-intro = Die Daten zu { $name } sind gelöscht oder anonymisiert.
privacy-admin-done-contacts = { $count ->
    [one] Kontakt gelöscht
   *[other] Kontakte gelöscht
}
privacy-admin-done-rsvps = { $count ->
    [one] Anmeldung anonymisiert
   *[other] Anmeldungen anonymisiert
}
privacy-admin-done-topics = { $count ->
    [one] Thema anonymisiert
   *[other] Themen anonymisiert
}
privacy-admin-done-notes = { $count ->
    [one] Notizversion anonymisiert
   *[other] Notizversionen anonymisiert
}
privacy-admin-done-comments = { $count ->
    [one] Kommentar anonymisiert
   *[other] Kommentare anonymisiert
}
privacy-admin-done-comments-deleted = { $count ->
    [one] unveröffentlichter Kommentar gelöscht
   *[other] unveröffentlichte Kommentare gelöscht
}
privacy-admin-done-emails = { $count ->
    [one] E-Mail gelöscht
   *[other] E-Mails gelöscht
}
privacy-admin-done-suppressed = Die Adresse steht jetzt auf der Sperrliste und bekommt keine Einladungen und Ankündigungen mehr.
