# Open-Space-Themenwand, Programm, Live-Ansicht
topics-title = Themenwand
topics-intro = Was möchtest du besprechen, ausprobieren oder lernen? Schlag ein Thema vor und verteile deine Punkte auf die Themen, die dich interessieren. Daraus entsteht das Programm.
topics-schedule-link = Programm
topics-live-link = Live-Ansicht für den Beamer
topics-count = { $count ->
    [0] Noch keine Themen
    [one] 1 Thema
   *[other] { $count } Themen
}
topics-sort-label = Sortierung
topics-sort-interest = Beliebteste zuerst
topics-sort-new = Neueste zuerst
topics-empty = Noch hat niemand ein Thema vorgeschlagen. Fang doch einfach an!
topic-interest = { $count ->
    [0] noch kein Punkt
    [one] 1 Punkt
   *[other] { $count } Punkte
}
topic-held-in = Sprache der Session
topic-by-organizers = Vorschlag des Orga-Teams
topic-by = vorgeschlagen von { $name }
topics-you-title = Mitmachen
topics-you-are = Du bist als { $name } angemeldet.
topics-not-you = Nicht du? Vergessen
topics-you-organizer = Du bist als Teil des Orga-Teams angemeldet: Deine Vorschläge erscheinen als Vorschlag des Orga-Teams.
topics-you-visitor = Vorschlagen und Punkte verteilen kann, wer für diesen Termin angemeldet ist. Ein Konto brauchst du dafür nicht – nur die Anmeldung per E-Mail.
topics-register = Jetzt anmelden
topics-propose-title = Thema vorschlagen
topics-proposals-left = { $count ->
    [0] Du hast alle deine Vorschläge eingereicht.
    [one] Du kannst noch 1 Thema vorschlagen.
   *[other] Du kannst noch { $count } Themen vorschlagen.
}
topic-field-title = Thema
topic-field-description = Worum geht es?
topic-field-description-hint = Optional, ein, zwei Sätze reichen.
topic-field-lang = In welcher Sprache möchtest du die Session halten?
topic-propose-submit = Thema vorschlagen
topic-dot-add = Punkt vergeben
topic-dot-remove = Punkt zurücknehmen
topic-dots-left = Du hast noch { $left } von { $total } Punkten.
topic-register-first = Melde dich bitte zuerst an. Dein Themenvorschlag bleibt gespeichert, bis du deine Anmeldung bestätigt hast.
topic-proposed = Danke! Dein Thema steht jetzt an der Wand.
topic-dot-spent = Punkt vergeben.
topic-dot-returned = Punkt zurückgenommen.
topic-note-saved = Die Notizen sind gespeichert.
topic-error-person-limit = Du hast schon so viele Themen vorgeschlagen, wie pro Person möglich sind.
topic-error-board-full = Die Themenwand ist voll. Sprich das Orga-Team an, wenn dein Thema trotzdem dran soll.
topic-error-no-dots = Du hast alle deine Punkte verteilt. Nimm einen zurück, um ihn neu zu vergeben.
topic-error-already-voted = Für dieses Thema hast du schon einen Punkt vergeben.
topic-error-not-voted = Für dieses Thema hattest du keinen Punkt vergeben.
topic-error-unknown = Dieses Thema gibt es nicht (mehr).
topic-error-unknown-cell = Diesen Zeitslot oder Raum gibt es nicht.
topic-error-cell-taken = In diesem Raum ist zu dieser Zeit schon eine Session.
topic-error-duplicate-room = Einen Raum mit diesem Namen gibt es schon.
topic-error-note-conflict = Jemand hat die Notizen gerade geändert. Unten steht dein Text, oben die neue Fassung – bitte füge beides zusammen und speichere noch einmal.
topic-error-stale = Die Themenwand hat sich inzwischen geändert. Bitte prüfe den Vorschlag noch einmal.
topic-error-closed = Der Termin ist vorbei: Vorschläge und Punkte sind geschlossen.
topic-error-register-to-vote = Punkte vergeben kann, wer für diesen Termin angemeldet und bestätigt ist.
topic-error-register-to-write = Notizen schreiben können angemeldete Teilnehmende und das Orga-Team.
notes-title = Notizen zur Session
notes-last-edit = zuletzt bearbeitet von { $name }
notes-empty = Noch keine Notizen. Wer bei der Session dabei ist, kann hier mitschreiben.
notes-history = { $count ->
    [one] 1 frühere Fassung
   *[other] { $count } frühere Fassungen
}
notes-history-title = Frühere Fassungen der Notizen
notes-history-empty = Es gibt keine früheren Fassungen.
notes-history-newer = Neuere Fassungen
notes-history-older = Ältere Fassungen
notes-history-back = Zurück zu den aktuellen Notizen
notes-field = Notizen (Markdown)
notes-hint = Alle bisherigen Fassungen bleiben erhalten.
notes-save = Notizen speichern
schedule-title = Programm
schedule-caption = Sessions nach Uhrzeit und Raum
schedule-time = Uhrzeit
schedule-free = frei
schedule-empty = Das Programm entsteht vor Ort aus den Themen mit den meisten Punkten. Schau später wieder vorbei.
live-title = Live
live-wanted = Meistgewünschte Themen
live-updated = Stand: { $time }
live-connecting = Verbinde …
live-connected = Live
live-offline = Offline – lädt alle 30 Sekunden neu
live-full = Zu viele Live-Ansichten offen; die Seite lädt in 30 Sekunden neu.
event-board-title = Open Space: Themen und Programm
event-board-text = Schlag Themen vor, verteile Punkte und sieh, welche Session wann in welchem Raum stattfindet.
confirm-topics = Zur Themenwand
confirm-topic-draft = Weiter zu deinem Themenvorschlag
manage-topics = Themen vorschlagen und Punkte verteilen
mail-topic-scheduled-subject = Dein Thema steht im Programm: { $event }
mail-topic-scheduled-text = Dein Thema „{ $topic }“ ist eingeplant: { $slot } im Raum { $room }.
mail-topic-moved-subject = Neue Zeit oder neuer Raum für dein Thema: { $event }
mail-topic-moved-text = Dein Thema „{ $topic }“ ist umgezogen – neu: { $slot } im Raum { $room }.
mail-topic-schedule-action = Zum Programm
mail-digest-subject = { $count ->
    [one] 1 neuer Themenvorschlag
   *[other] { $count } neue Themenvorschläge
}
mail-digest-text = Am { $day } { $count ->
    [one] ist 1 neuer Themenvorschlag
   *[other] sind { $count } neue Themenvorschläge
} eingegangen:
mail-digest-action = Themenwand verwalten
mail-digest-footer = Diese Zusammenfassung bekommst du einmal am Tag, wenn es neue Vorschläge gibt.
recap-title = Rückblick: { $event }
recap-excerpt = { $event }: die Sessions und ihre Notizen.
recap-intro = So war’s: { $event } – { $count ->
    [one] 1 Thema
   *[other] { $count } Themen
} an der Wand. Hier sind die Sessions und was dabei herauskam.
recap-topic-meta = Vorgeschlagen von { $name } · { $count ->
    [one] 1 Punkt
   *[other] { $count } Punkte
}
recap-unscheduled = Weitere Themen
recap-created = Der Entwurf für den Rückblick ist angelegt. Jetzt nur noch überarbeiten und veröffentlichen.
admin-topics = Themenwand
admin-topics-public = Öffentliche Ansicht
admin-topics-grid = Programm
admin-topics-grid-empty = Lege zuerst Räume und Zeitslots an.
admin-topics-suggest = Verteilung vorschlagen
admin-topics-suggestion = Vorschlag
admin-topics-suggestion-empty = Es gibt keine freien Plätze mehr oder keine ungeplanten Themen.
admin-topics-suggestion-hint = Die beliebtesten Themen kommen in die größten Räume; niemand hat zwei Sessions gleichzeitig. Bereits eingeplante Themen bleiben, wo sie sind.
admin-topics-accept = Vorschlag übernehmen
admin-topics-interest = Punkte
admin-topics-place = Zeit und Raum
topic-state-open = Offen
topic-state-hidden = Ausgeblendet
topic-state-merged = Zusammengelegt
admin-topics-merged-into = zusammengelegt mit „{ $title }“
admin-topics-unscheduled = nicht eingeplant
admin-topics-place-button = Einplanen
admin-topics-hide = Ausblenden
admin-topics-show = Wieder einblenden
admin-topics-merge-into = Zusammenlegen mit
admin-topics-merge = Zusammenlegen
admin-topics-add = Eigenes Thema vorschlagen
admin-topics-limits = Regeln
admin-limit-dots = Punkte pro Person
admin-limit-proposals = Vorschläge pro Person
admin-limit-topics = Themen insgesamt höchstens
admin-rooms = Räume
admin-rooms-empty = Noch keine Räume.
admin-room-capacity-value = { $count ->
    [one] 1 Platz
   *[other] { $count } Plätze
}
admin-room-name = Name des Raums
admin-room-capacity = Plätze
admin-room-add = Raum hinzufügen
admin-slots = Zeitslots
admin-slots-empty = Noch keine Zeitslots.
admin-slot-start = Beginn
admin-slot-end = Ende
admin-slot-add = Zeitslot hinzufügen
admin-recap-title = Rückblick
admin-recap-hint = Legt einen Entwurf mit allen Sessions und ihren Notizen an, den du danach wie jeden Beitrag bearbeitest.
admin-recap-de = Entwurf auf Deutsch anlegen
admin-recap-en = Entwurf auf Englisch anlegen
admin-save = Speichern
admin-delete = Löschen
admin-saved = Gespeichert.
admin-deleted = Gelöscht.
error-end-before-start = Das Ende muss nach dem Beginn liegen.
topics-waiting-welcome = Du stehst auf der Warteliste – du darfst trotzdem Themen vorschlagen und Punkte vergeben.
topics-waiting-shut-out = Du stehst auf der Warteliste. Bei diesem Termin können nur Teilnehmende mit festem Platz Themen vorschlagen und Punkte vergeben. Sobald ein Platz für dich frei wird, bist du dabei.
topic-error-waiting = Du stehst auf der Warteliste: Bei diesem Termin können nur Teilnehmende mit festem Platz Themen vorschlagen, Punkte vergeben und mitschreiben.
topic-error-not-yours = Ändern oder zurückziehen kann ein Thema nur, wer es vorgeschlagen hat.
topic-error-scheduled = Dieses Thema ist schon im Programm eingeplant und lässt sich deshalb nicht mehr ändern oder zurückziehen. Sprich bitte das Orga-Team an, wenn sich etwas ändern soll.
topic-edit = Bearbeiten
topic-withdraw = Zurückziehen
topic-edit-title = Thema bearbeiten
topic-edit-submit = Änderungen speichern
topic-updated = Dein Thema ist geändert.
topic-back = Zurück zum Thema
topic-withdraw-hint = Du möchtest das Thema doch nicht anbieten?
topic-withdraw-title = Thema zurückziehen
topic-withdraw-question = Möchtest du „{ $title }“ wirklich zurückziehen? Es verschwindet samt Notizen von der Themenwand.
topic-withdraw-consequence = { $count ->
    [0] Punkte hat es noch keine.
    [one] Sein 1 Punkt ist dann weg; wer ihn vergeben hat, bekommt ihn zurück.
   *[other] Seine { $count } Punkte sind dann weg; wer einen vergeben hat, bekommt ihn zurück.
}
topic-withdraw-confirm = Ja, zurückziehen
topic-withdraw-keep = Nein, behalten
topic-withdrawn = Dein Thema ist zurückgezogen.
schedule-running = Läuft gerade
live-join = Mitmachen:
admin-merge-title = Themen zusammenlegen
admin-merge-question = „{ $topic }“ wird mit „{ $title }“ zusammengelegt.
admin-merge-gone = „{ $title }“ verschwindet von der Themenwand.
admin-merge-dots = { $count ->
    [0] Es wandern keine Punkte mit.
    [one] 1 Punkt wandert mit.
   *[other] { $count } Punkte wandern mit.
}
admin-merge-shared = { $count ->
    [one] 1 Person hat beide Themen gepunktet: Sie behält einen Punkt und bekommt den anderen zurück.
   *[other] { $count } Personen haben beide Themen gepunktet: Sie behalten je einen Punkt und bekommen den anderen zurück.
}
admin-merge-place = Sein Platz im Programm ({ $slot }) wird frei.
admin-merge-result = { $count ->
    [one] Danach hat das Thema 1 Punkt.
   *[other] Danach hat das Thema { $count } Punkte.
}
admin-merge-final = Das lässt sich nicht rückgängig machen.
admin-merge-confirm = Ja, zusammenlegen
admin-merge-cancel = Abbrechen
