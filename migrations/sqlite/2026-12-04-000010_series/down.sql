DROP INDEX events_series_edition;
ALTER TABLE events DROP COLUMN edition;
ALTER TABLE events DROP COLUMN series_id;
DROP TABLE series;
