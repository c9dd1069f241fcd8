-- Organizer sessions live here, so logout, a password change or deactivation ends every
-- copy of the cookie. Keep columns in step with migrations/postgres.
CREATE TABLE organizer_sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash TEXT NOT NULL UNIQUE,
    organizer_id INTEGER NOT NULL REFERENCES organizers (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL
);
CREATE INDEX organizer_sessions_organizer ON organizer_sessions (organizer_id);
ALTER TABLE organizers ADD COLUMN deactivated_at TIMESTAMP;

-- One counter per (bucket, subject) and window: counted and checked in one statement.
DROP TABLE rate_events;
CREATE TABLE rate_counters (
    bucket TEXT NOT NULL,
    subject TEXT NOT NULL,
    window_start TIMESTAMP NOT NULL,
    hits INTEGER NOT NULL,
    PRIMARY KEY (bucket, subject)
);

-- Every confirmation link sent for an RSVP, so each unexpired one works (once).
CREATE TABLE rsvp_links (
    token_hash TEXT PRIMARY KEY,
    rsvp_id INTEGER NOT NULL REFERENCES rsvps (id) ON DELETE CASCADE,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX rsvp_links_rsvp ON rsvp_links (rsvp_id);
INSERT INTO rsvp_links (token_hash, rsvp_id, expires_at)
    SELECT confirm_token_hash, id, confirm_expires_at FROM rsvps
    WHERE confirm_token_hash IS NOT NULL AND confirm_expires_at IS NOT NULL;
DROP INDEX rsvps_confirm;
ALTER TABLE rsvps DROP COLUMN confirm_token_hash;
ALTER TABLE rsvps DROP COLUMN confirm_expires_at;
