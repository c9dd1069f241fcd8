-- Events, RSVPs and the mail outbox. Keep columns in step with migrations/postgres.
CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uid TEXT NOT NULL UNIQUE,
    slug TEXT NOT NULL UNIQUE,
    format TEXT NOT NULL CHECK (format IN ('open_space', 'code_retreat', 'talk_evening', 'other')),
    title_de TEXT NOT NULL,
    title_en TEXT NOT NULL,
    description_de TEXT NOT NULL,
    description_en TEXT NOT NULL,
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP NOT NULL,
    timezone TEXT NOT NULL,
    venue_name TEXT NOT NULL,
    venue_address TEXT NOT NULL,
    capacity INTEGER NOT NULL CHECK (capacity >= 0),
    max_guests INTEGER NOT NULL DEFAULT 0 CHECK (max_guests >= 0),
    registration_opens_at TIMESTAMP,
    registration_closes_at TIMESTAMP,
    status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'cancelled')),
    sequence INTEGER NOT NULL DEFAULT 0,
    recap_post_id INTEGER REFERENCES posts (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX events_start ON events (status, starts_at);

CREATE TABLE agenda_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    starts_at TIMESTAMP NOT NULL,
    title_de TEXT NOT NULL,
    title_en TEXT NOT NULL
);
CREATE INDEX agenda_items_event ON agenda_items (event_id, starts_at);

CREATE TABLE event_posts (
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, post_id)
);

CREATE TABLE rsvps (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    lang TEXT NOT NULL CHECK (lang IN ('de', 'en')),
    guests INTEGER NOT NULL DEFAULT 0 CHECK (guests >= 0),
    diet TEXT NOT NULL CHECK (diet IN ('omnivore', 'vegetarian', 'vegan')),
    notes TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'waitlisted', 'cancelled')),
    confirm_token_hash TEXT,
    confirm_expires_at TIMESTAMP,
    manage_token_hash TEXT NOT NULL UNIQUE,
    consent_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL,
    confirmed_at TIMESTAMP,
    waitlisted_at TIMESTAMP,
    cancelled_at TIMESTAMP,
    checked_in_at TIMESTAMP,
    UNIQUE (event_id, email)
);
CREATE INDEX rsvps_email ON rsvps (email);
CREATE INDEX rsvps_confirm ON rsvps (confirm_token_hash);
CREATE INDEX rsvps_event_status ON rsvps (event_id, status);

-- One row per email to send, written in the transaction that caused it.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    dedupe_key TEXT NOT NULL UNIQUE,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    body_html TEXT NOT NULL,
    ics TEXT,
    status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    next_attempt_at TIMESTAMP NOT NULL,
    claim_token TEXT,
    locked_until TIMESTAMP,
    sent_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
