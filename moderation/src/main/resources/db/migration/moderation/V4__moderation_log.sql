-- Runs unchanged on MySQL 8, MariaDB 10.11 and H2 in MySQL mode.

-- The moderation log: every decision of screening, facilitators and community managers.
-- Only ever inserted into. subject is the member a decision is about, so that members can
-- see the decisions about their own posts.
CREATE TABLE moderation_log (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    issuer     VARCHAR(255)  NOT NULL,
    group_id   BIGINT,
    actor      VARCHAR(255)  NOT NULL,
    action     VARCHAR(32)   NOT NULL,
    subject    VARCHAR(255),
    message_id BIGINT,
    reason     VARCHAR(1000) NOT NULL,
    at         TIMESTAMP(3)  NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_moderation_log_issuer ON moderation_log (issuer, id);
CREATE INDEX ix_moderation_log_subject ON moderation_log (issuer, subject, id);
