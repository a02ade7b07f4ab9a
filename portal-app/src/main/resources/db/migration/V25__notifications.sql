-- Runs unchanged on MySQL 8, MariaDB 10.11 and H2 in MySQL mode.

-- Where and when a member is told: the address the record gave at the last launch, the one
-- the member confirmed (nothing is sent before), whether the mail server refused it, the
-- member's language, time zone and quiet hours (minutes of the local day), and when the
-- last digest was composed. unsubscribe_id is the random part of the one-click link.
CREATE TABLE notify_contact (
    issuer           VARCHAR(255) NOT NULL,
    fhir_user        VARCHAR(255) NOT NULL,
    issuer_key       VARCHAR(64)  NOT NULL,
    record_email     VARCHAR(254),
    email            VARCHAR(254),
    email_refused_at TIMESTAMP(3),
    email_refusal    VARCHAR(200),
    unsubscribed     BOOLEAN      NOT NULL,
    locale           VARCHAR(16)  NOT NULL,
    time_zone        VARCHAR(64)  NOT NULL,
    quiet_from       SMALLINT,
    quiet_until      SMALLINT,
    last_digest_at   TIMESTAMP(3),
    unsubscribe_id   VARCHAR(32)  NOT NULL,
    PRIMARY KEY (issuer, fhir_user),
    CONSTRAINT uq_notify_unsubscribe UNIQUE (unsubscribe_id)
);

-- A member's choice per group; without a row: replies and mentions, and a daily digest.
CREATE TABLE notify_preference (
    group_id   BIGINT       NOT NULL,
    fhir_user  VARCHAR(255) NOT NULL,
    immediate  VARCHAR(16)  NOT NULL,
    digest     BOOLEAN      NOT NULL,
    name_group BOOLEAN      NOT NULL,
    PRIMARY KEY (group_id, fhir_user),
    CONSTRAINT fk_notify_preference FOREIGN KEY (group_id) REFERENCES community_group (id) ON DELETE CASCADE
);
CREATE INDEX ix_notify_preference_mode ON notify_preference (group_id, immediate);

-- What happened, written in the transaction of the event itself (the outbox): a crash after
-- that commit loses nothing. Who is told is decided after commit, when planned is set.
CREATE TABLE notify_activity (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    issuer     VARCHAR(255)  NOT NULL,
    group_id   BIGINT,
    kind       VARCHAR(24)   NOT NULL,
    message_id BIGINT,
    actor_name VARCHAR(40),
    recipient  VARCHAR(255),
    reply_to   BIGINT,
    mentions   VARCHAR(1000),
    urgent     BOOLEAN       NOT NULL,
    created_at TIMESTAMP(3)  NOT NULL,
    planned    BOOLEAN       NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_notify_activity_planned ON notify_activity (planned, id);
CREATE INDEX ix_notify_activity_group ON notify_activity (kind, created_at, group_id);

-- One notice for one person, waiting to be batched into an e-mail (state NEW), put in one
-- (SENT, with email_id), or dropped (the person left the group, has no confirmed address).
CREATE TABLE notify_item (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    issuer     VARCHAR(255)  NOT NULL,
    fhir_user  VARCHAR(255)  NOT NULL,
    group_id   BIGINT,
    kind       VARCHAR(24)   NOT NULL,
    urgent     BOOLEAN       NOT NULL,
    created_at TIMESTAMP(3)  NOT NULL,
    state      VARCHAR(16)   NOT NULL,
    email_id   BIGINT,
    PRIMARY KEY (id)
);
CREATE INDEX ix_notify_item_state ON notify_item (state, fhir_user);
CREATE INDEX ix_notify_item_email ON notify_item (email_id);

-- Each e-mail, stored before it is handed to the mail server and marked once it has been:
-- PENDING (with its next try), SENT, FAILED (tries used up) or BOUNCED (address refused).
-- summary: the counts a digest reports, as group:messages pairs; never any text.
CREATE TABLE notify_email (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    issuer          VARCHAR(255)  NOT NULL,
    fhir_user       VARCHAR(255)  NOT NULL,
    kind            VARCHAR(16)   NOT NULL,
    summary         VARCHAR(2000),
    status          VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL,
    next_attempt_at TIMESTAMP(3)  NOT NULL,
    created_at      TIMESTAMP(3)  NOT NULL,
    sent_at         TIMESTAMP(3),
    last_error      VARCHAR(200),
    PRIMARY KEY (id)
);
CREATE INDEX ix_notify_email_due ON notify_email (status, next_attempt_at);
CREATE INDEX ix_notify_email_issuer ON notify_email (issuer, status);

-- One node at a time composes and sends: the node holding the lease.
CREATE TABLE notify_lease (
    job        VARCHAR(32)  NOT NULL,
    holder     VARCHAR(64)  NOT NULL,
    held_until TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (job)
);
INSERT INTO notify_lease (job, holder, held_until) VALUES ('dispatch', '', TIMESTAMP '2000-01-01 00:00:00');
