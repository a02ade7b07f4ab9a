-- Runs unchanged on MySQL 8, MariaDB 10.11 and H2 in MySQL mode.

-- Cohort broadcasts of one health system (issuer). submission_id is the compose form's
-- own id, so that the same form sent twice stores one broadcast. The audience is kept as
-- chosen (groups, or condition and medicine codes) and resolved when it is sent.
CREATE TABLE broadcast (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    issuer          VARCHAR(255)  NOT NULL,
    issuer_key      VARCHAR(64)   NOT NULL,
    submission_id   VARCHAR(64)   NOT NULL,
    title           VARCHAR(255)  NOT NULL,
    body            TEXT          NOT NULL,
    body_html       TEXT          NOT NULL,
    priority        VARCHAR(16)   NOT NULL,
    audience_kind   VARCHAR(16)   NOT NULL,
    group_ids       VARCHAR(1000) NOT NULL,
    snomed_codes    VARCHAR(2000) NOT NULL,
    icd10_codes     VARCHAR(2000) NOT NULL,
    rxnorm_codes    VARCHAR(2000) NOT NULL,
    status          VARCHAR(24)   NOT NULL,
    scheduled_at    TIMESTAMP(3)  NULL,
    expires_at      TIMESTAMP(3)  NULL,
    created_by      VARCHAR(255)  NOT NULL,
    created_at      TIMESTAMP(3)  NOT NULL,
    approved_by     VARCHAR(255),
    sent_at         TIMESTAMP(3)  NULL,
    recipient_count INT           NOT NULL,
    last_error      VARCHAR(64),
    last_error_arg  VARCHAR(255),
    PRIMARY KEY (id),
    CONSTRAINT uq_broadcast_submission UNIQUE (issuer, created_by, submission_id)
);
CREATE INDEX ix_broadcast_issuer ON broadcast (issuer, id);
CREATE INDEX ix_broadcast_due ON broadcast (status, scheduled_at);

-- One row per recipient, stored with the broadcast in one transaction. delivered: the
-- member's screen had it (live, or at a later page); seen: they opened it; acknowledged:
-- they pressed "I have read this". patient_id is the record it counts for, for write-back.
CREATE TABLE broadcast_recipient (
    broadcast_id    BIGINT        NOT NULL,
    fhir_user       VARCHAR(255)  NOT NULL,
    patient_id      VARCHAR(64),
    delivered_at    TIMESTAMP(3)  NULL,
    seen_at         TIMESTAMP(3)  NULL,
    acknowledged_at TIMESTAMP(3)  NULL,
    PRIMARY KEY (broadcast_id, fhir_user),
    CONSTRAINT fk_broadcast_recipient FOREIGN KEY (broadcast_id) REFERENCES broadcast (id) ON DELETE CASCADE
);
CREATE INDEX ix_broadcast_recipient_user ON broadcast_recipient (fhir_user, broadcast_id);

-- Write-back of urgent broadcasts to the EHR, one FHIR Communication per recipient
-- patient, where the health system asked for it. status: PENDING, DONE or FAILED after
-- the configured attempts; last_error is an HTTP status or an exception's name, never
-- health data.
CREATE TABLE broadcast_writeback (
    broadcast_id     BIGINT       NOT NULL,
    patient_id       VARCHAR(64)  NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    attempts         INT          NOT NULL,
    communication_id VARCHAR(64),
    last_error       VARCHAR(64),
    updated_at       TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (broadcast_id, patient_id),
    CONSTRAINT fk_broadcast_writeback FOREIGN KEY (broadcast_id) REFERENCES broadcast (id) ON DELETE CASCADE
);
