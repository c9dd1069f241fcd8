admin-nav-label = Verwaltung
admin-nav-dashboard = Übersicht
admin-nav-posts = Beiträge
admin-nav-comments = Kommentare
admin-nav-categories = Kategorien
admin-nav-site = Zur Website
admin-pending = Warten auf Freigabe
admin-logout = Abmelden
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
admin-user-menu = Kontomenü
admin-switch-lang = Sprache
dashboard-next-event = Nächster Termin
dashboard-no-event = Kein Termin geplant. Leg den nächsten an, dann siehst du hier, wer kommt.
dashboard-unconfirmed = Noch unbestätigt
dashboard-registrations = Anmeldungen der letzten 14 Tage
dashboard-registrations-total = { $count ->
    [0] In den letzten 14 Tagen hat sich niemand angemeldet.
    [one] Eine Anmeldung in den letzten 14 Tagen.
   *[other] { $count } Anmeldungen in den letzten 14 Tagen.
}
dashboard-todo = Zu erledigen
dashboard-comments = { $count ->
    [0] Keine Kommentare warten auf Freigabe.
    [one] Ein Kommentar wartet auf Freigabe.
   *[other] { $count } Kommentare warten auf Freigabe.
}
dashboard-failed-mails = { $count ->
    [0] Alle E-Mails sind angekommen oder unterwegs.
    [one] Eine E-Mail ließ sich nicht zustellen.
   *[other] { $count } E-Mails ließen sich nicht zustellen.
}
dashboard-campaign = Wird gerade versendet
dashboard-no-campaign = Gerade wird keine Kampagne versendet.
dashboard-all-posts = Alle Beiträge
