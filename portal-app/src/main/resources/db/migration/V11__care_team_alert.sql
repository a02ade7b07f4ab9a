-- Runs unchanged on MySQL 8, MariaDB 10.11 and H2 in MySQL mode.

-- The care-team alert of each urgent escalation (item_id, a review_item of moderation):
-- what was written to the patient's EHR (resource, such as Communication/123) or why not,
-- for the facilitators. topic is CRISIS or CARE (trouble managing care); mode is
-- COMMUNICATION or TASK, as the health system was configured when it was raised. The work
-- itself is queued in the Event Publication Registry.
CREATE TABLE care_team_alert (
    item_id     BIGINT        NOT NULL,
    issuer      VARCHAR(255)  NOT NULL,
    issuer_key  VARCHAR(64)   NOT NULL,
    group_id    BIGINT        NOT NULL,
    patient_id  VARCHAR(64),
    topic       VARCHAR(16)   NOT NULL,
    mode        VARCHAR(16)   NOT NULL,
    status      VARCHAR(16)   NOT NULL,
    attempts    INT           NOT NULL,
    resource    VARCHAR(255),
    last_error  VARCHAR(255),
    raised_at   TIMESTAMP(3)  NOT NULL,
    updated_at  TIMESTAMP(3)  NOT NULL,
    PRIMARY KEY (item_id)
);
