ALTER TABLE posts DROP COLUMN by_team;
DROP INDEX categories_slug_en;
ALTER TABLE categories DROP COLUMN slug_en;
ALTER TABLE categories RENAME COLUMN slug_de TO slug;
