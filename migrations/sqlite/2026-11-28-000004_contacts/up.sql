-- Contacts, the newsletter, invitation campaigns and the suppression list.
-- Keep columns in step with migrations/postgres.

CREATE TABLE contacts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL DEFAULT '',
    lang TEXT NOT NULL CHECK (lang IN ('de', 'en')),
    organization TEXT NOT NULL DEFAULT '',
    -- What they want by email: invitations to events, new posts.
    invitations BOOLEAN NOT NULL DEFAULT TRUE,
    announcements BOOLEAN NOT NULL DEFAULT FALSE,
    status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'unsubscribed', 'bouncing')),
    source TEXT NOT NULL CHECK (source IN ('admin', 'import', 'newsletter')),
    consent_at TIMESTAMP,
    consent_source TEXT,
    consent_text TEXT,
    -- A newsletter sign-up waiting for its double opt-in, and what it asked for.
    confirm_token_hash TEXT,
    confirm_expires_at TIMESTAMP,
    confirm_prefs TEXT,
    unsubscribed_at TIMESTAMP,
    bounced_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX contacts_confirm ON contacts (confirm_token_hash);

CREATE TABLE contact_tags (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (contact_id, tag)
);
CREATE INDEX contact_tags_tag ON contact_tags (tag);

-- Addresses no bulk mail goes to (and no mail at all once they bounced). Only a hash of
-- the address is kept, so the list outlives an erasure without keeping the address.
CREATE TABLE suppressions (
    email_hash TEXT PRIMARY KEY,
    reason TEXT NOT NULL CHECK (reason IN ('unsubscribed', 'bounced')),
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE campaigns (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('invitation', 'announcement')),
    event_id INTEGER REFERENCES events (id) ON DELETE CASCADE,
    post_id INTEGER REFERENCES posts (id) ON DELETE CASCADE,
    subject_de TEXT NOT NULL,
    subject_en TEXT NOT NULL,
    body_de TEXT NOT NULL,
    body_en TEXT NOT NULL,
    -- Recipients: contacts with any of these tags (none: everyone) in these languages.
    tags TEXT NOT NULL DEFAULT '',
    langs TEXT NOT NULL DEFAULT 'de,en',
    status TEXT NOT NULL CHECK (status IN ('draft', 'scheduled', 'queued', 'cancelled')),
    send_at TIMESTAMP,
    queued_at TIMESTAMP,
    recipients INTEGER NOT NULL DEFAULT 0,
    created_by INTEGER REFERENCES organizers (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX campaigns_due ON campaigns (status, send_at);

-- A CSV upload between its preview and the organizer's "import".
CREATE TABLE contact_imports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organizer_id INTEGER REFERENCES organizers (id) ON DELETE CASCADE,
    filename TEXT NOT NULL,
    content TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

-- Bulk mail: the campaign it belongs to and the recipient's one-click unsubscribe URL.
ALTER TABLE outbox ADD COLUMN campaign_id INTEGER REFERENCES campaigns (id) ON DELETE SET NULL;
ALTER TABLE outbox ADD COLUMN unsubscribe_url TEXT;
CREATE INDEX outbox_campaign ON outbox (campaign_id, status);
