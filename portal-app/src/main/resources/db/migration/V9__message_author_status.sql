-- Runs unchanged on MySQL 8, MariaDB 10.11 and H2 in MySQL mode.

-- Every send counts the sender's published messages in the group (new members' first
-- posts are held for review); with the status in the index the count reads the index
-- alone instead of each message's row.
CREATE INDEX ix_message_author_status ON chat_message (group_id, author, status);
