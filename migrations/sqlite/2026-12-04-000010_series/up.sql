-- Recurring events: a series, and each event's place in it. The edition is unique per
-- series; how it is numbered in titles ("4. …" or "… IV") is the series' choice.
-- Keep in step with migrations/postgres.
CREATE TABLE series (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL UNIQUE,
    name_de TEXT NOT NULL,
    name_en TEXT NOT NULL,
    numbering TEXT NOT NULL CHECK (numbering IN ('ordinal', 'roman')),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

ALTER TABLE events ADD COLUMN series_id INTEGER REFERENCES series (id);
ALTER TABLE events ADD COLUMN edition INTEGER CHECK (edition > 0);
CREATE UNIQUE INDEX events_series_edition ON events (series_id, edition);
