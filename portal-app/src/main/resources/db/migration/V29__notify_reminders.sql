-- Runs unchanged on MySQL 8, MariaDB 10.11 and H2 in MySQL mode.

-- Some of what happened is told later, not at once: a live session when it starts, a
-- broadcast still not acknowledged some hours after it was sent. due_at holds such an
-- activity back until then (NULL: at once); subject_id names the session, the broadcast or
-- the review item it is about.
ALTER TABLE notify_activity ADD COLUMN due_at TIMESTAMP(3);
ALTER TABLE notify_activity ADD COLUMN subject_id BIGINT;
