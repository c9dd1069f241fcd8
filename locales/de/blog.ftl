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

# Verwaltung: Beiträge, Kategorien, Kommentare
admin-new-post = Neuer Beitrag
admin-no-posts = Noch keine Beiträge.
admin-comment-author = Verfasst von
admin-comment-tabs = Kommentare nach Status
admin-no-comments = Hier ist gerade nichts zu tun.
state-draft = Entwurf
state-scheduled = Geplant
state-published = Veröffentlicht
editor-edit-title = Beitrag bearbeiten
editor-title = Titel
editor-lang = Sprache
editor-slug = Adresse (Slug)
editor-slug-hint = Leer lassen, um sie aus dem Titel zu bilden.
editor-body = Text (Markdown)
editor-excerpt = Anreißer
editor-excerpt-hint = Erscheint in Übersichten und im Feed. Leer lassen für den ersten Absatz.
editor-categories = Kategorien
editor-tags = Schlagwörter
editor-tags-hint = Durch Kommas getrennt, z. B. Open Space, Grillen
editor-translation = Übersetzung dieses Beitrags
editor-no-translation = Keine Übersetzung
editor-publish-at = Veröffentlichen am
editor-publish-at-hint = Leer lassen, um sofort zu veröffentlichen. Ein Zeitpunkt in der Zukunft plant den Beitrag ein.
editor-preview = Vorschau
editor-preview-empty = Mit „Vorschau“ siehst du hier den Text so, wie er erscheinen wird.
editor-save-draft = Als Entwurf speichern
editor-publish = Veröffentlichen
editor-unpublish = Zurückziehen
editor-delete = Löschen
post-saved = Entwurf gespeichert.
post-published = Beitrag veröffentlicht.
post-scheduled = Beitrag eingeplant.
post-unpublished = Beitrag zurückgezogen; er ist jetzt ein Entwurf.
post-deleted = Beitrag gelöscht.
comment-moderated = Kommentar aktualisiert.
comment-state-pending = Wartet auf Freigabe
comment-state-approved = Freigegeben
comment-state-rejected = Abgelehnt
comment-state-spam = Spam
comment-action-approved = Freigeben
comment-action-rejected = Ablehnen
comment-action-spam = Spam
comment-action-delete = Löschen
category-add = Kategorie anlegen
category-added = Kategorie angelegt.
category-name-de = Name auf Deutsch
category-name-en = Name auf Englisch
editor-event = Gehört zum Termin
editor-no-event = Zu keinem Termin
blog-team-author = { $site }-Team
editor-by-team = Im Namen des Teams veröffentlichen
editor-by-team-hint = Dann steht „{ $site }-Team“ am Beitrag statt deines Namens (auf Englisch „{ $site } team“).
category-slug-de = Adresse auf Deutsch (Slug)
category-slug-en = Adresse auf Englisch (Slug)
category-slug-hint = Leer lassen, um sie aus dem Namen zu bilden.
category-col-de = Deutsch
category-col-en = Englisch
category-edit-title = Kategorie bearbeiten
category-back = Alle Kategorien
category-moved-hint = Wer eine Kategorie unter der Adresse der anderen Sprache aufruft, kommt zur Adresse in der eigenen Sprache.
category-save = Kategorie speichern
category-saved = Kategorie gespeichert.
category-list-hint = Über den Namen bearbeitest du eine Kategorie; darunter steht ihre öffentliche Adresse in der jeweiligen Sprache.
post-delete-question = „{ $title }“ löschen?
post-delete-consequence = { $count ->
    [0] Der Beitrag verschwindet von der Website, auch aus Feeds und Archiv; Links darauf führen ins Leere. Das lässt sich nicht rückgängig machen.
    [one] Der Beitrag verschwindet mit seinem einen Kommentar von der Website, auch aus Feeds und Archiv; Links darauf führen ins Leere. Das lässt sich nicht rückgängig machen.
   *[other] Der Beitrag verschwindet mit seinen { $count } Kommentaren von der Website, auch aus Feeds und Archiv; Links darauf führen ins Leere. Das lässt sich nicht rückgängig machen.
}
comment-delete-question = Kommentar von { $name } löschen?
comment-delete-consequence = Der Kommentar verschwindet ganz, auch aus der Moderation. Soll er nur nicht erscheinen, lehne ihn ab oder markiere ihn als Spam. Das lässt sich nicht rückgängig machen.
