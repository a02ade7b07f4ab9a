-- Runs unchanged on MySQL 8, MariaDB 10.11 and H2 in MySQL mode.

-- Append-only record of launches, refreshes, failures and FHIR reads. No health data.
CREATE TABLE audit_event (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    occurred_at    TIMESTAMP(3) NOT NULL,
    issuer         VARCHAR(255) NOT NULL,
    actor          VARCHAR(255),
    patient_ref    VARCHAR(255),
    action         VARCHAR(64)  NOT NULL,
    resource_types VARCHAR(255),
    outcome        VARCHAR(32)  NOT NULL,
    correlation_id VARCHAR(64)  NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_audit_event_issuer_time ON audit_event (issuer, occurred_at);

-- Kinship's own role assignments (community manager, facilitator), never taken from a request.
CREATE TABLE role_assignment (
    issuer     VARCHAR(255) NOT NULL,
    fhir_user  VARCHAR(255) NOT NULL,
    role       VARCHAR(32)  NOT NULL,
    granted_at TIMESTAMP(3) NOT NULL,
    granted_by VARCHAR(255) NOT NULL,
    PRIMARY KEY (issuer, fhir_user, role)
);
