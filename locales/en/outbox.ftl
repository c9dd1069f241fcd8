# The organizers' mail log
outbox-state-pending = Queued
outbox-state-sending = Sending
outbox-state-sent = Sent
outbox-state-failed = Failed
outbox-search = Email address (or part of it)
outbox-any = Any
outbox-filter = Search
outbox-count = { $count ->
    [0] No emails
    [one] 1 email
   *[other] { $count } emails
}
outbox-none = No emails found.
outbox-queued-at = Queued on { $day } at { $time }
outbox-sent-at = sent on { $day } at { $time }
outbox-error = Error
outbox-retry = Send again
outbox-retried = The email will be sent again.
outbox-attempts = { $count ->
    [one] 1 attempt
   *[other] { $count } attempts
}
outbox-prev = Newer emails
outbox-next = Older emails
