-- Runs unchanged on MySQL 8, MariaDB 10.11 and H2 in MySQL mode.

-- A group's chat rules set by its staff. slow_mode_seconds: one message per this many
-- seconds per member, 0 for off. A group without a row has every control off.
CREATE TABLE chat_group_rules (
    group_id          BIGINT NOT NULL,
    slow_mode_seconds INT    NOT NULL,
    PRIMARY KEY (group_id),
    CONSTRAINT fk_chat_group_rules FOREIGN KEY (group_id) REFERENCES community_group (id) ON DELETE CASCADE
);

-- When each member last stored a message while slow mode was on, read with a row lock so
-- that sends judged one after the other see each other's commits (a plain read of
-- chat_message would see the transaction's snapshot).
CREATE TABLE chat_member_pace (
    group_id     BIGINT       NOT NULL,
    member       VARCHAR(255) NOT NULL,
    last_post_at TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (group_id, member),
    CONSTRAINT fk_chat_member_pace FOREIGN KEY (group_id) REFERENCES community_group (id) ON DELETE CASCADE
);

-- Messages the staff pinned to the top of a group's discussion.
CREATE TABLE pinned_message (
    message_id BIGINT       NOT NULL,
    group_id   BIGINT       NOT NULL,
    pinned_by  VARCHAR(255) NOT NULL,
    pinned_at  TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (message_id),
    CONSTRAINT fk_pinned_message FOREIGN KEY (message_id) REFERENCES chat_message (id) ON DELETE CASCADE,
    CONSTRAINT fk_pinned_group FOREIGN KEY (group_id) REFERENCES community_group (id) ON DELETE CASCADE
);
CREATE INDEX ix_pinned_message_group ON pinned_message (group_id, pinned_at);

-- Facilitated live sessions. posting: FACILITATORS (only staff post while live) or OPEN.
-- ended_at is set when staff end a session early; otherwise it ends at ends_at. first_seq
-- and last_seq: the messages posted while it was live, kept with the summary.
CREATE TABLE live_session (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    group_id   BIGINT        NOT NULL,
    title      VARCHAR(120)  NOT NULL,
    posting    VARCHAR(16)   NOT NULL,
    starts_at  TIMESTAMP(3)  NOT NULL,
    ends_at    TIMESTAMP(3)  NOT NULL,
    ended_at   TIMESTAMP(3),
    created_by VARCHAR(255)  NOT NULL,
    summary    TEXT,
    first_seq  BIGINT,
    last_seq   BIGINT,
    PRIMARY KEY (id),
    CONSTRAINT fk_live_session FOREIGN KEY (group_id) REFERENCES community_group (id) ON DELETE CASCADE
);
CREATE INDEX ix_live_session_group ON live_session (group_id, starts_at);

-- Who attended a session: members who had the group's page open or posted while it was
-- live; one row per member, however often they came back.
CREATE TABLE session_attendance (
    session_id  BIGINT       NOT NULL,
    member      VARCHAR(255) NOT NULL,
    member_name VARCHAR(40)  NOT NULL,
    first_seen  TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (session_id, member),
    CONSTRAINT fk_session_attendance FOREIGN KEY (session_id) REFERENCES live_session (id) ON DELETE CASCADE
);
