-- Runs unchanged on MySQL 8, MariaDB 10.11 and H2 in MySQL mode.

-- The check-ins a group's staff chose for it, and how often each is asked (in days).
CREATE TABLE checkin_plan (
    group_id      BIGINT       NOT NULL,
    questionnaire VARCHAR(64)  NOT NULL,
    every_days    INT          NOT NULL,
    chosen_by     VARCHAR(255) NOT NULL,
    chosen_at     TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (group_id, questionnaire),
    CONSTRAINT fk_checkin_plan_group FOREIGN KEY (group_id) REFERENCES community_group (id) ON DELETE CASCADE
);

-- A member's answers to one check-in. submission is the form's own id, so that a form
-- sent twice is stored once. answers holds linkId=value pairs; the score and its band
-- are computed when stored. record_status says whether the member sent it to their
-- record as a QuestionnaireResponse (NOT_SENT, SENT, REFUSED) and record_id its id there.
CREATE TABLE checkin_answer (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    issuer        VARCHAR(255)  NOT NULL,
    member        VARCHAR(255)  NOT NULL,
    patient_id    VARCHAR(255),
    group_id      BIGINT        NOT NULL,
    questionnaire VARCHAR(64)   NOT NULL,
    submission    VARCHAR(64)   NOT NULL,
    answers       VARCHAR(1000) NOT NULL,
    score         INT           NOT NULL,
    band          VARCHAR(16)   NOT NULL,
    at_risk       BOOLEAN       NOT NULL,
    answered_at   TIMESTAMP(3)  NOT NULL,
    record_status VARCHAR(16)   NOT NULL,
    record_id     VARCHAR(255),
    PRIMARY KEY (id),
    CONSTRAINT uq_checkin_submission UNIQUE (member, submission)
);
CREATE INDEX ix_checkin_answer_member ON checkin_answer (issuer, member, questionnaire, answered_at);
CREATE INDEX ix_checkin_answer_group ON checkin_answer (group_id, questionnaire, answered_at);

-- Members who chose to contribute to their groups' insights; deleted on withdrawal.
CREATE TABLE insight_contributor (
    issuer      VARCHAR(255) NOT NULL,
    member      VARCHAR(255) NOT NULL,
    issuer_key  VARCHAR(64)  NOT NULL,
    patient_id  VARCHAR(255),
    since       TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (issuer, member)
);

-- The RxNorm ingredients of a contributor's active MedicationRequests, as last read
-- with backend services; deleted with the contribution.
CREATE TABLE insight_medicine (
    issuer          VARCHAR(255) NOT NULL,
    member          VARCHAR(255) NOT NULL,
    ingredient_code VARCHAR(32)  NOT NULL,
    ingredient_name VARCHAR(255) NOT NULL,
    read_at         TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (issuer, member, ingredient_code)
);

-- A group's insights as last computed by the background job (suppressed and perturbed,
-- safe to show every member), served as stored. salt keys the group's perturbation.
CREATE TABLE insight_snapshot (
    group_id    BIGINT       NOT NULL,
    salt        BIGINT       NOT NULL,
    computed_at TIMESTAMP(3),
    body        TEXT,
    PRIMARY KEY (group_id),
    CONSTRAINT fk_insight_snapshot_group FOREIGN KEY (group_id) REFERENCES community_group (id) ON DELETE CASCADE
);
