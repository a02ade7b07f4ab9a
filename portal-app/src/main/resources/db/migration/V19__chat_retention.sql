-- Runs unchanged on MySQL 8, MariaDB 10.11 and H2 in MySQL mode.
-- Expand only: nodes of the previous version keep working against it (they do not set
-- deleted_at; the retention job then counts from the message's own time).

-- When a message was deleted, so that its text is purged kinship.retention.deleted-message-text later.
ALTER TABLE chat_message ADD COLUMN deleted_at TIMESTAMP(3) NULL;

-- The retention jobs find the oldest messages and the deleted ones through these, not a scan.
CREATE INDEX ix_chat_message_created ON chat_message (created_at);
CREATE INDEX ix_chat_message_deleted ON chat_message (status, deleted_at);
