-- The open-space topic board. Keep columns in step with migrations/postgres.

-- One row per event that has a board: its limits and a change counter that live
-- boards poll (the database is the source of truth, so every instance sees a change).
CREATE TABLE topic_boards (
    event_id INTEGER PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
    dots_per_attendee INTEGER NOT NULL DEFAULT 5 CHECK (dots_per_attendee >= 0),
    proposals_per_person INTEGER NOT NULL DEFAULT 3 CHECK (proposals_per_person >= 0),
    max_topics INTEGER NOT NULL DEFAULT 60 CHECK (max_topics >= 0),
    version INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE rooms (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    capacity INTEGER NOT NULL CHECK (capacity >= 0),
    UNIQUE (event_id, name)
);

CREATE TABLE time_slots (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX time_slots_event ON time_slots (event_id, starts_at);

CREATE TABLE topics (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    rsvp_id INTEGER REFERENCES rsvps (id) ON DELETE SET NULL,
    organizer_id INTEGER REFERENCES organizers (id) ON DELETE SET NULL,
    proposer_name TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    lang TEXT NOT NULL CHECK (lang IN ('de', 'en')),
    status TEXT NOT NULL CHECK (status IN ('open', 'hidden', 'merged')),
    merged_into_id INTEGER REFERENCES topics (id) ON DELETE SET NULL,
    slot_id INTEGER REFERENCES time_slots (id) ON DELETE SET NULL,
    room_id INTEGER REFERENCES rooms (id) ON DELETE SET NULL,
    placement_version INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (slot_id, room_id)
);
CREATE INDEX topics_event ON topics (event_id, status);
CREATE INDEX topics_rsvp ON topics (rsvp_id);

-- A dot: one per attendee and topic.
CREATE TABLE topic_votes (
    topic_id INTEGER NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
    rsvp_id INTEGER NOT NULL REFERENCES rsvps (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (topic_id, rsvp_id)
);
CREATE INDEX topic_votes_rsvp ON topic_votes (rsvp_id);

-- Session notes, append-only: the newest revision of a topic is its note.
CREATE TABLE topic_notes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    topic_id INTEGER NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    author_name TEXT NOT NULL,
    rsvp_id INTEGER REFERENCES rsvps (id) ON DELETE SET NULL,
    organizer_id INTEGER REFERENCES organizers (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX topic_notes_topic ON topic_notes (topic_id, id);
