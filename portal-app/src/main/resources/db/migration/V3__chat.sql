-- Runs unchanged on MySQL 8, MariaDB 10.11 and H2 in MySQL mode.

-- The last sequence number given out in each group; its row lock orders a group's messages.
CREATE TABLE group_sequence (
    group_id BIGINT NOT NULL,
    last_seq BIGINT NOT NULL,
    PRIMARY KEY (group_id),
    CONSTRAINT fk_group_sequence FOREIGN KEY (group_id) REFERENCES community_group (id) ON DELETE CASCADE
);

-- Messages, stored before anyone receives them. client_id is the sender's own id for the
-- message, so that a retry after a lost acknowledgement finds the stored one.
CREATE TABLE chat_message (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    group_id     BIGINT        NOT NULL,
    seq          BIGINT        NOT NULL,
    author       VARCHAR(255)  NOT NULL,
    author_name  VARCHAR(40)   NOT NULL,
    client_id    VARCHAR(64)   NOT NULL,
    body         TEXT          NOT NULL,
    body_html    TEXT          NOT NULL,
    reply_to     BIGINT,
    mentions     VARCHAR(1000) NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    created_at   TIMESTAMP(3)  NOT NULL,
    edited_at    TIMESTAMP(3),
    PRIMARY KEY (id),
    CONSTRAINT uq_message_seq UNIQUE (group_id, seq),
    CONSTRAINT uq_message_client UNIQUE (group_id, author, client_id),
    CONSTRAINT fk_chat_message FOREIGN KEY (group_id) REFERENCES community_group (id) ON DELETE CASCADE
);

-- Earlier versions of edited messages, for moderators.
CREATE TABLE message_version (
    message_id BIGINT       NOT NULL,
    version    INT          NOT NULL,
    body       TEXT         NOT NULL,
    replaced_at TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (message_id, version),
    CONSTRAINT fk_message_version FOREIGN KEY (message_id) REFERENCES chat_message (id) ON DELETE CASCADE
);

CREATE TABLE message_reaction (
    message_id  BIGINT       NOT NULL,
    member      VARCHAR(255) NOT NULL,
    member_name VARCHAR(40)  NOT NULL,
    emoji       VARCHAR(16)  NOT NULL,
    PRIMARY KEY (message_id, member, emoji),
    CONSTRAINT fk_message_reaction FOREIGN KEY (message_id) REFERENCES chat_message (id) ON DELETE CASCADE
);

-- How far each member has read in each group: unread = last_seq - last_read_seq, one row
-- read per group however often the group is opened.
CREATE TABLE read_marker (
    group_id      BIGINT       NOT NULL,
    member        VARCHAR(255) NOT NULL,
    last_read_seq BIGINT       NOT NULL,
    PRIMARY KEY (group_id, member),
    CONSTRAINT fk_read_marker FOREIGN KEY (group_id) REFERENCES community_group (id) ON DELETE CASCADE
);
