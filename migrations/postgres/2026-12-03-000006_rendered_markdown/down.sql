ALTER TABLE events DROP COLUMN description_html_en;
ALTER TABLE events DROP COLUMN description_html_de;
ALTER TABLE topic_notes DROP COLUMN body_html;
