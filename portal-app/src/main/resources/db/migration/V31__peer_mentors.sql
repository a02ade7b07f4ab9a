-- Runs unchanged on MySQL 8, MariaDB 10.11 and H2 in MySQL mode.

-- Members a community manager appointed peer mentors of a group: people with lived
-- experience who greet newcomers and may pin a welcome of their own. No moderation powers.
ALTER TABLE group_member ADD COLUMN peer_mentor BOOLEAN NOT NULL DEFAULT FALSE;
