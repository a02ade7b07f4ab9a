-- Runs unchanged on MySQL 8, MariaDB 10.11 and H2 in MySQL mode.

-- Watched words of a health system: scope_id 0 for every group, otherwise one group's.
-- term_key is the term as screening normalizes it, for the duplicate check.
CREATE TABLE watched_word (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    issuer     VARCHAR(255)  NOT NULL,
    scope_id   BIGINT        NOT NULL,
    term       VARCHAR(100)  NOT NULL,
    term_key   VARCHAR(255)  NOT NULL,
    action     VARCHAR(24)   NOT NULL,
    created_by VARCHAR(255)  NOT NULL,
    created_at TIMESTAMP(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_watched_word UNIQUE (issuer, scope_id, term_key)
);

-- Moderation settings of a health system (scope_id 0) and of one group (its id). A NULL
-- column of a group falls back to the health system's value, then to the configuration.
CREATE TABLE moderation_setting (
    issuer           VARCHAR(255) NOT NULL,
    scope_id         BIGINT       NOT NULL,
    new_member_posts INT,
    hold_crisis      BOOLEAN,
    flags_to_hide    INT,
    response_minutes INT,
    PRIMARY KEY (issuer, scope_id)
);

-- What needs a person: held messages, flagged messages and urgent escalations. due_at is
-- the response-time target of an escalation.
CREATE TABLE review_item (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    issuer          VARCHAR(255)  NOT NULL,
    group_id        BIGINT        NOT NULL,
    message_id      BIGINT        NOT NULL,
    author          VARCHAR(255)  NOT NULL,
    kind            VARCHAR(16)   NOT NULL,
    urgent          BOOLEAN       NOT NULL,
    reasons         VARCHAR(1000) NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    created_at      TIMESTAMP(3)  NOT NULL,
    due_at          TIMESTAMP(3),
    acknowledged_by VARCHAR(255),
    acknowledged_at TIMESTAMP(3),
    resolved_by     VARCHAR(255),
    resolved_at     TIMESTAMP(3),
    resolution      VARCHAR(32),
    PRIMARY KEY (id),
    CONSTRAINT uq_review_item UNIQUE (message_id, kind)
);
CREATE INDEX ix_review_item_open ON review_item (issuer, status, group_id);

-- Members' flags on messages, one per member and message.
CREATE TABLE message_flag (
    message_id BIGINT       NOT NULL,
    member     VARCHAR(255) NOT NULL,
    reason     VARCHAR(32)  NOT NULL,
    created_at TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (message_id, member)
);

-- Mutes and suspensions in a group (scope_id the group) and bans from the community
-- (scope_id 0), each with a reason and an expiry (NULL: until lifted).
CREATE TABLE sanction (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    issuer     VARCHAR(255)  NOT NULL,
    scope_id   BIGINT        NOT NULL,
    member     VARCHAR(255)  NOT NULL,
    kind       VARCHAR(16)   NOT NULL,
    reason     VARCHAR(1000) NOT NULL,
    ends_at    TIMESTAMP(3),
    created_by VARCHAR(255)  NOT NULL,
    created_at TIMESTAMP(3)  NOT NULL,
    lifted_at  TIMESTAMP(3),
    PRIMARY KEY (id)
);
CREATE INDEX ix_sanction_member ON sanction (issuer, member);

-- Notes on members that only facilitators and community managers see.
CREATE TABLE member_note (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    issuer     VARCHAR(255)  NOT NULL,
    member     VARCHAR(255)  NOT NULL,
    author     VARCHAR(255)  NOT NULL,
    body       VARCHAR(2000) NOT NULL,
    created_at TIMESTAMP(3)  NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_member_note ON member_note (issuer, member);
