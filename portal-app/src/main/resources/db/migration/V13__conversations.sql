-- Runs unchanged on MySQL 8, MariaDB 10.11 and H2 in MySQL mode.

-- Private conversations between a group's staff and one of its members, one per member
-- and group; the staff of the group (facilitators, community managers) share it.
-- member_seen_id is the last message the member has seen, for the notice of new ones.
CREATE TABLE conversation (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    issuer         VARCHAR(255) NOT NULL,
    group_id       BIGINT       NOT NULL,
    member         VARCHAR(255) NOT NULL,
    member_name    VARCHAR(40)  NOT NULL,
    opened_by      VARCHAR(255) NOT NULL,
    created_at     TIMESTAMP(3) NOT NULL,
    member_seen_id BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uq_conversation UNIQUE (issuer, group_id, member),
    CONSTRAINT fk_conversation_group FOREIGN KEY (group_id) REFERENCES community_group (id) ON DELETE CASCADE
);
CREATE INDEX ix_conversation_member ON conversation (issuer, member);

-- The messages of a private conversation, plain text, oldest first by id.
CREATE TABLE conversation_message (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    conversation_id BIGINT       NOT NULL,
    author          VARCHAR(255) NOT NULL,
    author_name     VARCHAR(255) NOT NULL,
    from_staff      BOOLEAN      NOT NULL,
    body            TEXT         NOT NULL,
    created_at      TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_conversation_message FOREIGN KEY (conversation_id) REFERENCES conversation (id)
        ON DELETE CASCADE
);
CREATE INDEX ix_conversation_message ON conversation_message (conversation_id, id);
