# E-Mail-Protokoll der Verwaltung
outbox-state-pending = In der Warteschlange
outbox-state-sending = Wird gesendet
outbox-state-sent = Gesendet
outbox-state-failed = Fehlgeschlagen
outbox-search = E-Mail-Adresse (oder ein Teil davon)
outbox-any = Alle
outbox-filter = Suchen
outbox-count = { $count ->
    [0] Keine E-Mails
    [one] 1 E-Mail
   *[other] { $count } E-Mails
}
outbox-none = Keine E-Mails gefunden.
outbox-queued-at = Eingereiht am { $day } um { $time }
outbox-sent-at = gesendet am { $day } um { $time }
outbox-error = Fehler
outbox-retry = Erneut senden
outbox-retried = Die E-Mail wird erneut gesendet.
outbox-attempts = { $count ->
    [one] 1 Versuch
   *[other] { $count } Versuche
}
outbox-prev = Neuere E-Mails
outbox-next = Ältere E-Mails
