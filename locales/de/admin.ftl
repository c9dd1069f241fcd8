admin-nav-label = Verwaltung
admin-nav-dashboard = Übersicht
admin-nav-posts = Beiträge
admin-nav-comments = Kommentare
admin-nav-categories = Kategorien
admin-nav-site = Zur Website
admin-pending = Warten auf Freigabe
admin-logout = Abmelden ({ $name })
admin-lang-changed = Die Verwaltung ist jetzt auf Deutsch.
admin-state = Status
admin-date = Datum
admin-view = Ansehen
admin-actions = Aktionen
admin-confirm-back = Nein, zurück
login-title = Anmelden
login-email = E-Mail-Adresse
login-password = Passwort
login-submit = Anmelden
login-failed = E-Mail-Adresse oder Passwort stimmen nicht.
login-throttled = Zu viele Fehlversuche. Bitte warte 15 Minuten.
admin-nav-events = Termine
admin-nav-outbox = E-Mails
outbox-state-pending = Warten auf Versand
outbox-state-sending = Werden gesendet
outbox-state-sent = Gesendet
outbox-state-failed = Fehlgeschlagen
outbox-failed-title = Fehlgeschlagene E-Mails
outbox-none-failed = Alle E-Mails sind angekommen oder noch unterwegs.
outbox-error = Fehler
outbox-retry = Erneut senden
outbox-retried = Die E-Mail wird erneut gesendet.
outbox-attempts = { $count ->
    [one] 1 Versuch
   *[other] { $count } Versuche
}
