blog-title = Blog
blog-intro = Einladungen, Ankündigungen und Rückblicke rund um unser Open Space und das Grillen.
blog-empty = Hier gibt es noch keine Beiträge.
read-more = Weiterlesen
comment-count = { $count ->
    [0] Schreibe einen Kommentar
    [one] 1 Kommentar
   *[other] { $count } Kommentare
}
post-count = { $count ->
    [one] 1 Beitrag
   *[other] { $count } Beiträge
}
page-number = Seite { $count }
category-heading = Kategorie: { $name }
tag-heading = Schlagwort: { $name }
archive-title = Archiv
archive-month-heading = Beiträge aus { $month }
pagination-label = Seitennavigation
pagination-newer = Neuere Beiträge
pagination-older = Ältere Beiträge
pagination-page = Seite
sidebar-label = Seitenleiste
sidebar-categories = Kategorien
sidebar-tags = Schlagwörter
sidebar-archive = Archiv
sidebar-feed = Abonnieren
sidebar-feed-link = Beiträge als Atom-Feed
post-categories = Abgelegt unter
post-tags = Schlagwörter
translation-available = Diesen Beitrag gibt es auch auf Englisch:
translation-missing = Diesen Beitrag gibt es nur auf Deutsch.
untranslated-title = Nicht auf Deutsch verfügbar
untranslated-text = Diesen Beitrag gibt es nur auf Englisch. Du kannst ihn im Original lesen:
untranslated-back = Zu den deutschen Beiträgen
comment-form-title = Kommentar schreiben
comment-name = Name
comment-email = E-Mail-Adresse
comment-email-hint = Wird nicht veröffentlicht.
comment-body = Kommentar
comment-honeypot = Bitte leer lassen
comment-submit = Kommentar abschicken
comment-moderation-note = Neue Kommentare schalten wir nach einer kurzen Prüfung frei.
comment-held = Danke für deinen Kommentar! Er erscheint, sobald wir ihn freigeschaltet haben.
comment-published = Danke, dein Kommentar ist veröffentlicht.
