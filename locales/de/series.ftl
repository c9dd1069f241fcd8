# Reihen: wiederkehrende Events und ihre Ausgaben.
series-label = Reihe
series-none = Keine Reihe
series-edition = Ausgabe (Nummer)
series-editions-nav = Ausgaben dieser Reihe
series-all-editions = Alle Ausgaben
series-numbering = Nummerierung
series-numbering-ordinal = Vorangestellt
series-numbering-roman = Römisch angehängt
series-example-name = Grillen
series-admin-title = Reihen
series-admin-empty = Noch keine Reihe. Lege eine an, damit deine Events zu Ausgaben werden.
series-new = Neue Reihe
series-edit = Reihe bearbeiten
series-name-de = Name (Deutsch)
series-name-en = Name (Englisch)
series-editions = Ausgaben
series-save = Reihe speichern
series-saved = Die Reihe ist gespeichert.
series-intro = { $count ->
    [0] Noch keine Ausgabe.
    [one] Eine Ausgabe bisher.
   *[other] { $count } Ausgaben bisher, die neueste zuerst.
}
series-no-editions = Von dieser Reihe ist noch keine Ausgabe veröffentlicht.
series-ics = Alle Ausgaben im Kalender
series-feed = Als Feed abonnieren
series-attendance = { $count ->
    [one] 1 teilnehmende Person
   *[other] { $count } Teilnehmende
}
series-plan-next = Nächste Ausgabe planen
series-plan-next-intro = Aus „{ $event }“ wird ein Entwurf für „{ $title }“: Texte in beiden Sprachen, Ort, Format, Plätze, Programm, Anmeldezeitraum, Räume und Zeitfenster kommen mit, die Uhrzeiten bleiben dieselben. Es wird nichts verschickt, bis du veröffentlichst.
series-next-date = An welchem Tag findet die nächste Ausgabe statt?
series-plan-next-button = Entwurf anlegen
series-next-planned = Der Entwurf der nächsten Ausgabe ist angelegt. Prüfe ihn und veröffentliche ihn, wenn alles passt.
series-next-date-past = Bitte wähle einen Tag nach heute.
series-next-taken = Diese Reihe hat die nächste Ausgabe schon. Plane von der neuesten Ausgabe aus.
error-edition = Bitte gib eine Ausgabe als ganze Zahl von 1 bis 999 an.
error-edition-missing = Bitte gib an, die wievielte Ausgabe der Reihe das ist.
error-series-missing = Bitte wähle die Reihe, zu der diese Ausgabe gehört.
error-edition-taken = Diese Ausgabe gibt es in der Reihe schon.
