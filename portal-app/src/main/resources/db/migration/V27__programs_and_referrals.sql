-- Runs unchanged on MySQL 8, MariaDB 10.11 and H2 in MySQL mode.

-- Programs of one health system's community: support groups that meet in person or by
-- video, classes and courses. A program leaves the directory by itself after ends_on;
-- reminded_at is when its owner was reminded that the end is near.
CREATE TABLE program (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    issuer         VARCHAR(255)  NOT NULL,
    kind           VARCHAR(16)   NOT NULL,
    name           VARCHAR(120)  NOT NULL,
    description    VARCHAR(2000) NOT NULL,
    audience       VARCHAR(300)  NOT NULL,
    language       VARCHAR(8)    NOT NULL,
    cost           VARCHAR(120)  NOT NULL,
    format         VARCHAR(16)   NOT NULL,
    address        VARCHAR(300)  NULL,
    postal_code    VARCHAR(10)   NULL,
    latitude       DOUBLE        NULL,
    longitude      DOUBLE        NULL,
    accessibility  VARCHAR(500)  NULL,
    video_url      VARCHAR(500)  NULL,
    start_time     TIME          NOT NULL,
    minutes        INT           NOT NULL,
    capacity       INT           NOT NULL,
    contact        VARCHAR(200)  NOT NULL,
    starts_on      DATE          NOT NULL,
    ends_on        DATE          NOT NULL,
    owner          VARCHAR(255)  NOT NULL,
    reminded_at    TIMESTAMP(3)  NULL,
    created_at     TIMESTAMP(3)  NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_program_issuer_end ON program (issuer, ends_on);

-- The days of the week a program meets on (1 Monday .. 7 Sunday).
CREATE TABLE program_day (
    program_id BIGINT  NOT NULL,
    weekday    TINYINT NOT NULL,
    PRIMARY KEY (program_id, weekday),
    CONSTRAINT fk_program_day FOREIGN KEY (program_id) REFERENCES program (id) ON DELETE CASCADE
);

-- The condition groups a program is linked to ("talk here between meetings").
CREATE TABLE program_group (
    program_id BIGINT NOT NULL,
    group_id   BIGINT NOT NULL,
    PRIMARY KEY (program_id, group_id),
    CONSTRAINT fk_program_group_program FOREIGN KEY (program_id) REFERENCES program (id) ON DELETE CASCADE,
    CONSTRAINT fk_program_group_group FOREIGN KEY (group_id) REFERENCES community_group (id) ON DELETE CASCADE
);
CREATE INDEX ix_program_group_group ON program_group (group_id);

-- One meeting of a program. admitted counts the sign-ups holding a place: it is raised
-- only by a conditional update (admitted < capacity), so that concurrent sign-ups never
-- admit more than the capacity.
CREATE TABLE program_session (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    program_id BIGINT       NOT NULL,
    starts_at  TIMESTAMP(3) NOT NULL,
    ends_at    TIMESTAMP(3) NOT NULL,
    capacity   INT          NOT NULL,
    admitted   INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uq_program_session UNIQUE (program_id, starts_at),
    CONSTRAINT fk_program_session FOREIGN KEY (program_id) REFERENCES program (id) ON DELETE CASCADE
);

-- A member's place in a session, or on its waiting list (status ADMITTED or WAITING);
-- attended is set by the facilitator who takes attendance.
CREATE TABLE program_signup (
    session_id  BIGINT       NOT NULL,
    member      VARCHAR(255) NOT NULL,
    member_name VARCHAR(120) NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    signed_at   TIMESTAMP(3) NOT NULL,
    attended    BOOLEAN      NULL,
    PRIMARY KEY (session_id, member),
    CONSTRAINT fk_program_signup FOREIGN KEY (session_id) REFERENCES program_session (id) ON DELETE CASCADE
);
CREATE INDEX ix_program_signup_member ON program_signup (member);

-- Referrals from a clinician to a group or a program for the patient in their chart.
-- Exactly one of group_id and program_id is set. ehr_state says what became of the
-- ServiceRequest in the EHR (NOT_ASKED, PENDING, WRITTEN, REFUSED); state follows the
-- patient (SENT, SEEN, ACCEPTED, ATTENDED, DECLINED).
CREATE TABLE referral (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    issuer           VARCHAR(255)  NOT NULL,
    issuer_key       VARCHAR(64)   NOT NULL,
    patient          VARCHAR(255)  NOT NULL,
    referrer         VARCHAR(255)  NOT NULL,
    referrer_name    VARCHAR(255)  NOT NULL,
    group_id         BIGINT        NULL,
    program_id       BIGINT        NULL,
    note             VARCHAR(1000) NULL,
    fits_record      BOOLEAN       NOT NULL,
    state            VARCHAR(16)   NOT NULL,
    ehr_state        VARCHAR(16)   NOT NULL,
    ehr_reference    VARCHAR(255)  NULL,
    ehr_task         VARCHAR(255)  NULL,
    ehr_problem      VARCHAR(255)  NULL,
    created_at       TIMESTAMP(3)  NOT NULL,
    changed_at       TIMESTAMP(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_referral_group FOREIGN KEY (group_id) REFERENCES community_group (id) ON DELETE CASCADE,
    CONSTRAINT fk_referral_program FOREIGN KEY (program_id) REFERENCES program (id) ON DELETE CASCADE
);
CREATE INDEX ix_referral_patient ON referral (issuer, patient);
CREATE INDEX ix_referral_referrer ON referral (issuer, referrer);
