-- Whether people on the waiting list may propose topics and give dots (an Open Space
-- event's setting, on by default). Keep in step with the other tree.
ALTER TABLE events ADD COLUMN waitlist_on_board BOOLEAN NOT NULL DEFAULT TRUE;
