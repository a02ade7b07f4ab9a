-- Runs unchanged on MySQL 8, MariaDB 10.11 and H2 in MySQL mode.

-- A co-host's facilitator may come from the partner organisation and never join the group
-- as a member, so the group's page cannot take their name from the member list: the
-- community manager who names them for the co-host gives the name members see.
ALTER TABLE group_cohost_facilitator ADD COLUMN display_name VARCHAR(120) NULL;
