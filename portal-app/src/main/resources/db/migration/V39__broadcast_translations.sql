-- Runs unchanged on MySQL 8, MariaDB 10.11 and H2 in MySQL mode.

-- A broadcast's title and body in Spanish, shown to recipients who read Spanish; an empty
-- title_es leaves the broadcast's own words in their place.
ALTER TABLE broadcast ADD COLUMN title_es VARCHAR(255) NOT NULL DEFAULT '';
ALTER TABLE broadcast ADD COLUMN body_es TEXT NULL;
ALTER TABLE broadcast ADD COLUMN body_html_es TEXT NULL;
