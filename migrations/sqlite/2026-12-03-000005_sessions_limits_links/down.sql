ALTER TABLE rsvps ADD COLUMN confirm_token_hash TEXT;
ALTER TABLE rsvps ADD COLUMN confirm_expires_at TIMESTAMP;
CREATE INDEX rsvps_confirm ON rsvps (confirm_token_hash);
DROP TABLE rsvp_links;
DROP TABLE rate_counters;
CREATE TABLE rate_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    bucket TEXT NOT NULL,
    subject TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX rate_events_lookup ON rate_events (bucket, subject, created_at);
ALTER TABLE organizers DROP COLUMN deactivated_at;
DROP TABLE organizer_sessions;
