-- Runs unchanged on MySQL 8, MariaDB 10.11 and H2 in MySQL mode.

-- A member's Web Push subscriptions, one per browser that allowed it: the push service's
-- endpoint and the browser's keys (p256dh, auth; base64url). endpoint_hash (SHA-256 of
-- the endpoint, hex) makes a browser that subscribes again update its one row; the
-- endpoint itself is too long for a unique index on every database.
CREATE TABLE notify_push_subscription (
    id              BIGINT         NOT NULL AUTO_INCREMENT,
    issuer          VARCHAR(255)   NOT NULL,
    fhir_user       VARCHAR(255)   NOT NULL,
    endpoint        VARCHAR(1000)  NOT NULL,
    endpoint_hash   CHAR(64)       NOT NULL,
    p256dh          VARCHAR(200)   NOT NULL,
    auth            VARCHAR(100)   NOT NULL,
    created_at      TIMESTAMP(3)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_notify_push_endpoint UNIQUE (endpoint_hash)
);
CREATE INDEX ix_notify_push_subscription_member ON notify_push_subscription (issuer, fhir_user);

-- A push to one subscription, stored with the e-mail (immediate notices or digest) it
-- goes with, in the same transaction, and marked once the push service has taken it.
-- What it says is composed from that e-mail when it is sent: counts only. PENDING (with
-- its next try), SENT, GONE (the push service said the subscription expired: 404/410),
-- or FAILED (tries used up, or refused).
CREATE TABLE notify_push (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    subscription_id BIGINT        NOT NULL,
    email_id        BIGINT        NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL,
    next_attempt_at TIMESTAMP(3)  NOT NULL,
    created_at      TIMESTAMP(3)  NOT NULL,
    last_error      VARCHAR(200),
    PRIMARY KEY (id),
    CONSTRAINT uq_notify_push_once UNIQUE (subscription_id, email_id)
);
CREATE INDEX ix_notify_push_due ON notify_push (status, next_attempt_at);
