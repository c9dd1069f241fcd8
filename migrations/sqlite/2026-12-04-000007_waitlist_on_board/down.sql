ALTER TABLE events DROP COLUMN waitlist_on_board;
