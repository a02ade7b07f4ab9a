-- Runs unchanged on MySQL 8, MariaDB 10.11 and H2 in MySQL mode.

-- Guidelines are written in Markdown: its source is kept beside the rendered, sanitized HTML
-- so that the group form shows it back. NULL means the guidelines were typed as HTML (every
-- group saved before this), which the form shows as it is and saves through the HTML path.
ALTER TABLE community_group ADD COLUMN guidelines_source TEXT NULL;

ALTER TABLE group_translation ADD COLUMN guidelines_source TEXT NULL;
