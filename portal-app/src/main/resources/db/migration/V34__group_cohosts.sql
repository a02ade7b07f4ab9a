-- Runs unchanged on MySQL 8, MariaDB 10.11 and H2 in MySQL mode.

-- Partner organisations (an advocacy group, a clinic) named as a group's co-hosts, and
-- which of the group's facilitators come from each.
CREATE TABLE group_cohost (
    id       BIGINT       NOT NULL AUTO_INCREMENT,
    group_id BIGINT       NOT NULL,
    name     VARCHAR(120) NOT NULL,
    url      VARCHAR(500) NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_group_cohost FOREIGN KEY (group_id) REFERENCES community_group (id) ON DELETE CASCADE
);
CREATE INDEX ix_group_cohost_group ON group_cohost (group_id);

CREATE TABLE group_cohost_facilitator (
    cohost_id BIGINT       NOT NULL,
    fhir_user VARCHAR(255) NOT NULL,
    PRIMARY KEY (cohost_id, fhir_user),
    CONSTRAINT fk_cohost_facilitator FOREIGN KEY (cohost_id) REFERENCES group_cohost (id) ON DELETE CASCADE
);
