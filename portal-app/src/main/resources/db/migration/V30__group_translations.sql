-- Runs unchanged on MySQL 8, MariaDB 10.11 and H2 in MySQL mode.

-- A group's name, description and guidelines in a language other than its own (today 'es'),
-- shown to members who read that language; a blank part leaves the group's own in its place.
CREATE TABLE group_translation (
    group_id    BIGINT        NOT NULL,
    language    VARCHAR(8)    NOT NULL,
    name        VARCHAR(80)   NOT NULL,
    description VARCHAR(1000) NOT NULL,
    guidelines  TEXT          NOT NULL,
    PRIMARY KEY (group_id, language),
    CONSTRAINT fk_group_translation FOREIGN KEY (group_id) REFERENCES community_group (id) ON DELETE CASCADE
);
