-- Runs unchanged on MySQL 8, MariaDB 10.11 and H2 in MySQL mode.

-- Some of what happened is told later, not at once: a live session when it starts, a
-- broadcast still not acknowledged some hours after it was sent. due_at holds such an
-- activity back until then (NULL: at once); subject_id names the session, the broadcast or
-- the review item it is about.
ALTER TABLE notify_activity ADD COLUMN due_at TIMESTAMP(3);
ALTER TABLE notify_activity ADD COLUMN subject_id BIGINT;

-- A notice for the portal's message centre, where the health system is configured for it:
-- written to the EHR as a FHIR Communication to the patient. counts: what the notice says,
-- as KIND:count pairs (never text, never a group's name); locale: the member's language.
-- PENDING (with its next try), SENT (with the EHR's id) or FAILED (tries used up).
CREATE TABLE notify_portal (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    issuer          VARCHAR(255)  NOT NULL,
    issuer_key      VARCHAR(64)   NOT NULL,
    patient_id      VARCHAR(255)  NOT NULL,
    locale          VARCHAR(16)   NOT NULL,
    counts          VARCHAR(200)  NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL,
    next_attempt_at TIMESTAMP(3)  NOT NULL,
    created_at      TIMESTAMP(3)  NOT NULL,
    resource_id     VARCHAR(64),
    last_error      VARCHAR(200),
    PRIMARY KEY (id)
);
CREATE INDEX ix_notify_portal_due ON notify_portal (status, next_attempt_at);
