-- A category has a slug per language, so English readers see English addresses; the
-- old single slug becomes the German one and the English one starts out the same.
-- A post may be signed by the team instead of its author. Keep in step with the other tree.
ALTER TABLE categories RENAME COLUMN slug TO slug_de;
ALTER TABLE categories ADD COLUMN slug_en TEXT NOT NULL DEFAULT '';
UPDATE categories SET slug_en = slug_de;
CREATE UNIQUE INDEX categories_slug_en ON categories (slug_en);
ALTER TABLE posts ADD COLUMN by_team BOOLEAN NOT NULL DEFAULT FALSE;
