-- Markdown is rendered once, when it is saved, not on every view. Rows from before are
-- filled in at start-up (see the backfill after migrations). Keep in step with the other tree.
ALTER TABLE topic_notes ADD COLUMN body_html TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN description_html_de TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN description_html_en TEXT NOT NULL DEFAULT '';
