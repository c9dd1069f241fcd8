# Open Space topic board, schedule, live board
topics-title = Topic board
topics-intro = What would you like to discuss, try out or learn? Propose a topic and spread your dots over the topics you care about. The schedule is built from them.
topics-schedule-link = Schedule
topics-live-link = Live view for the projector
topics-count = { $count ->
    [0] No topics yet
    [one] 1 topic
   *[other] { $count } topics
}
topics-sort-label = Sort order
topics-sort-interest = Most wanted first
topics-sort-new = Newest first
topics-empty = Nobody has proposed a topic yet. Why not be the first?
topic-interest = { $count ->
    [0] no dots yet
    [one] 1 dot
   *[other] { $count } dots
}
topic-held-in = Language of the session
topic-by-organizers = Suggested by the organizers
topic-by = proposed by { $name }
topics-you-title = Take part
topics-you-are = You are registered as { $name }.
topics-not-you = Not you? Forget me
topics-you-organizer = You are signed in as an organizer: your topics appear as suggestions of the organizers.
topics-you-visitor = Everyone registered for this event can propose topics and hand out dots. No account needed – just register by email.
topics-register = Register now
topics-propose-title = Propose a topic
topics-proposals-left = { $count ->
    [0] You have used all your proposals.
    [one] You can propose 1 more topic.
   *[other] You can propose { $count } more topics.
}
topic-field-title = Topic
topic-field-description = What is it about?
topic-field-description-hint = Optional; a sentence or two is plenty.
topic-field-lang = Which language will you hold the session in?
topic-propose-submit = Propose topic
topic-dot-add = Give a dot
topic-dot-remove = Take the dot back
topic-dots-left = You have { $left } of { $total } dots left.
topic-register-first = Please register first. We keep your topic until you have confirmed your registration.
topic-proposed = Thank you! Your topic is on the board now.
topic-dot-spent = Dot given.
topic-dot-returned = Dot taken back.
topic-note-saved = The notes are saved.
topic-error-person-limit = You have proposed as many topics as one person may.
topic-error-board-full = The board is full. Talk to the organizers if your topic should still be on it.
topic-error-no-dots = You have spent all your dots. Take one back to give it elsewhere.
topic-error-already-voted = You have already given this topic a dot.
topic-error-not-voted = You had not given this topic a dot.
topic-error-unknown = This topic does not exist (any more).
topic-error-unknown-cell = This time slot or room does not exist.
topic-error-cell-taken = This room already has a session at that time.
topic-error-duplicate-room = There is already a room with this name.
topic-error-note-conflict = Someone changed the notes just now. Your text is below, the new version above – please combine them and save again.
topic-error-stale = The board changed in the meantime. Please review the suggestion again.
topic-error-closed = The event is over: proposals and dots are closed.
topic-error-register-to-vote = Everyone registered and confirmed for this event can hand out dots.
topic-error-register-to-write = Registered attendees and the organizers can write notes.
notes-title = Session notes
notes-last-edit = last edited by { $name }
notes-empty = No notes yet. Whoever is in the session can take notes here.
notes-history = { $count ->
    [one] 1 earlier version
   *[other] { $count } earlier versions
}
notes-history-title = Earlier versions of the notes
notes-history-empty = There are no earlier versions.
notes-history-newer = Newer versions
notes-history-older = Older versions
notes-history-back = Back to the current notes
notes-field = Notes (Markdown)
notes-hint = Every earlier version is kept.
notes-save = Save notes
schedule-title = Schedule
schedule-caption = Sessions by time and room
schedule-time = Time
schedule-free = free
schedule-empty = The schedule is made on the day from the topics with the most dots. Check back later.
live-title = Live
live-wanted = Most wanted topics
live-updated = As of { $time }
live-connecting = Connecting …
live-connected = Live
live-offline = Offline – reloading every 30 seconds
live-full = Too many live views are open; the page reloads in 30 seconds.
event-board-title = Open Space: topics and schedule
event-board-text = Propose topics, hand out dots and see which session takes place when and where.
confirm-topics = Go to the topic board
confirm-topic-draft = Continue with your topic
manage-topics = Propose topics and hand out dots
mail-topic-scheduled-subject = Your topic is on the schedule: { $event }
mail-topic-scheduled-text = Your topic “{ $topic }” is scheduled: { $slot } in room { $room }.
mail-topic-moved-subject = New time or room for your topic: { $event }
mail-topic-moved-text = Your topic “{ $topic }” has moved – now: { $slot } in room { $room }.
mail-topic-schedule-action = See the schedule
mail-digest-subject = { $count ->
    [one] 1 new topic proposal
   *[other] { $count } new topic proposals
}
mail-digest-text = On { $day }, { $count ->
    [one] 1 new topic was
   *[other] { $count } new topics were
} proposed:
mail-digest-action = Manage the topic board
mail-digest-footer = You get this summary once a day when there are new proposals.
recap-title = Recap: { $event }
recap-excerpt = { $event }: the sessions and their notes.
recap-intro = How it went: { $event } – { $count ->
    [one] 1 topic
   *[other] { $count } topics
} on the board. Here are the sessions and what came out of them.
recap-topic-meta = Proposed by { $name } · { $count ->
    [one] 1 dot
   *[other] { $count } dots
}
recap-unscheduled = More topics
recap-created = The recap draft is ready. Edit it and publish it when you like.
admin-topics = Topic board
admin-topics-public = Public view
admin-topics-grid = Schedule
admin-topics-grid-empty = Add rooms and time slots first.
admin-topics-suggest = Suggest a schedule
admin-topics-suggestion = Suggestion
admin-topics-suggestion-empty = There are no free cells or no unscheduled topics left.
admin-topics-suggestion-hint = The most wanted topics go into the largest rooms; nobody holds two sessions at once. Topics already placed stay where they are.
admin-topics-accept = Accept the suggestion
admin-topics-interest = Dots
admin-topics-place = Time and room
topic-state-open = Open
topic-state-hidden = Hidden
topic-state-merged = Merged
admin-topics-merged-into = merged into “{ $title }”
admin-topics-unscheduled = not scheduled
admin-topics-place-button = Schedule
admin-topics-hide = Hide
admin-topics-show = Show again
admin-topics-merge-into = Merge into
admin-topics-merge = Merge
admin-topics-add = Suggest a topic yourself
admin-topics-limits = Rules
admin-limit-dots = Dots per person
admin-limit-proposals = Proposals per person
admin-limit-topics = Topics in total at most
admin-rooms = Rooms
admin-rooms-empty = No rooms yet.
admin-room-capacity-value = { $count ->
    [one] 1 seat
   *[other] { $count } seats
}
admin-room-name = Room name
admin-room-capacity = Seats
admin-room-add = Add room
admin-slots = Time slots
admin-slots-empty = No time slots yet.
admin-slot-start = Start
admin-slot-end = End
admin-slot-add = Add time slot
admin-recap-title = Recap
admin-recap-hint = Creates a draft with every session and its notes, which you then edit like any post.
admin-recap-de = Create a German draft
admin-recap-en = Create an English draft
admin-save = Save
admin-delete = Delete
admin-saved = Saved.
admin-deleted = Deleted.
error-end-before-start = The end must come after the start.
topics-waiting-welcome = You are on the waiting list – you may still propose topics and give dots.
topics-waiting-shut-out = You are on the waiting list. For this event, only attendees with a place can propose topics and give dots. As soon as a place opens up for you, you are in.
topic-error-waiting = You are on the waiting list: for this event, only attendees with a place can propose topics, give dots and take notes.
topic-error-not-yours = Only the person who proposed a topic can change or withdraw it.
topic-error-scheduled = This topic is already on the schedule, so it can no longer be changed or withdrawn. Please talk to the organizers if something should change.
topic-edit = Edit
topic-withdraw = Withdraw
topic-edit-title = Edit topic
topic-edit-submit = Save changes
topic-updated = Your topic is updated.
topic-back = Back to the topic
topic-withdraw-hint = Changed your mind about offering this topic?
topic-withdraw-title = Withdraw topic
topic-withdraw-question = Do you really want to withdraw “{ $title }”? It disappears from the topic board, notes and all.
topic-withdraw-consequence = { $count ->
    [0] It has no dots yet.
    [one] Its 1 dot is gone then; whoever gave it gets it back.
   *[other] Its { $count } dots are gone then; whoever gave one gets it back.
}
topic-withdraw-confirm = Yes, withdraw
topic-withdraw-keep = No, keep it
topic-withdrawn = Your topic is withdrawn.
schedule-running = Happening now
live-join = Join in:
admin-merge-title = Merge topics
admin-merge-question = “{ $topic }” will be merged into “{ $title }”.
admin-merge-gone = “{ $title }” disappears from the topic board.
admin-merge-dots = { $count ->
    [0] No dots move over.
    [one] 1 dot moves over.
   *[other] { $count } dots move over.
}
admin-merge-shared = { $count ->
    [one] 1 person dotted both topics: they keep one dot and get the other back.
   *[other] { $count } people dotted both topics: they each keep one dot and get the other back.
}
admin-merge-place = Its place on the schedule ({ $slot }) becomes free.
admin-merge-result = { $count ->
    [one] Afterwards the topic has 1 dot.
   *[other] Afterwards the topic has { $count } dots.
}
admin-merge-final = This cannot be undone.
admin-merge-confirm = Yes, merge
admin-merge-cancel = Cancel
