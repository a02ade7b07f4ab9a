-- Runs unchanged on MySQL 8, MariaDB 10.11 and H2 in MySQL mode.

-- Condition groups of one health system (issuer). name_key is the name folded for the
-- duplicate check, whatever the collation.
CREATE TABLE community_group (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    issuer      VARCHAR(255)  NOT NULL,
    slug        VARCHAR(80)   NOT NULL,
    name        VARCHAR(80)   NOT NULL,
    name_key    VARCHAR(80)   NOT NULL,
    description VARCHAR(1000) NOT NULL,
    guidelines  TEXT          NOT NULL,
    audience    VARCHAR(16)   NOT NULL,
    listed      BOOLEAN       NOT NULL,
    status      VARCHAR(16)   NOT NULL,
    created_at  TIMESTAMP(3)  NOT NULL,
    created_by  VARCHAR(255)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_group_slug UNIQUE (issuer, slug),
    CONSTRAINT uq_group_name UNIQUE (issuer, name_key)
);

-- The condition definition: SNOMED CT codes, and ICD-10-CM codes or prefixes such as E11.*
CREATE TABLE group_code (
    group_id BIGINT      NOT NULL,
    code_system VARCHAR(16) NOT NULL,
    code     VARCHAR(24) NOT NULL,
    PRIMARY KEY (group_id, code_system, code),
    CONSTRAINT fk_group_code FOREIGN KEY (group_id) REFERENCES community_group (id) ON DELETE CASCADE
);

-- Sponsoring community managers and facilitators of a group.
CREATE TABLE group_staff (
    group_id  BIGINT       NOT NULL,
    fhir_user VARCHAR(255) NOT NULL,
    duty      VARCHAR(16)  NOT NULL,
    PRIMARY KEY (group_id, fhir_user, duty),
    CONSTRAINT fk_group_staff FOREIGN KEY (group_id) REFERENCES community_group (id) ON DELETE CASCADE
);

-- Who belongs to a group, under which name. status PENDING is a request to join an unlisted
-- group, waiting for a facilitator.
CREATE TABLE group_member (
    group_id          BIGINT       NOT NULL,
    fhir_user         VARCHAR(255) NOT NULL,
    display_name      VARCHAR(40)  NOT NULL,
    display_name_key  VARCHAR(40)  NOT NULL,
    caregiver_badge   BOOLEAN      NOT NULL,
    clinician_badge   BOOLEAN      NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    guidelines_accepted_at TIMESTAMP(3) NOT NULL,
    joined_at         TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (group_id, fhir_user),
    CONSTRAINT uq_member_name UNIQUE (group_id, display_name_key),
    CONSTRAINT fk_group_member FOREIGN KEY (group_id) REFERENCES community_group (id) ON DELETE CASCADE
);
CREATE INDEX ix_group_member_user ON group_member (fhir_user);

-- Patients whose records Kinship may match for a cohort preview: those who launched it
-- (for a caregiver, the person cared for). No diagnosis is stored.
CREATE TABLE kinship_patient (
    issuer      VARCHAR(255) NOT NULL,
    patient_id  VARCHAR(64)  NOT NULL,
    fhir_user   VARCHAR(255) NOT NULL,
    last_launch TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (issuer, patient_id, fhir_user)
);
