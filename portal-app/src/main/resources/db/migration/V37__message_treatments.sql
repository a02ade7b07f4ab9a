-- Runs unchanged on MySQL 8, MariaDB 10.11 and H2 in MySQL mode.

-- The medicine ingredient a member tagged a message with, chosen from their own record's
-- active medicines: an RxNorm ingredient code and its names. Deleted with the message.
-- The index serves a treatment's page: the tagged messages of a few groups, newest first.
CREATE TABLE message_treatment (
    message_id BIGINT       NOT NULL,
    rxcui      VARCHAR(16)  NOT NULL,
    name       VARCHAR(120) NOT NULL,
    name_es    VARCHAR(120) NOT NULL,
    PRIMARY KEY (message_id),
    CONSTRAINT fk_message_treatment FOREIGN KEY (message_id) REFERENCES chat_message (id) ON DELETE CASCADE
);

CREATE INDEX ix_message_treatment_rxcui ON message_treatment (rxcui, message_id);

-- Each ingredient's own random salt, for the key that perturbs how many members discuss it
-- (as each group's salt does for its insights): a secret, so that no one who knows members'
-- ids can work the noise out.
CREATE TABLE treatment_salt (
    rxcui VARCHAR(16) NOT NULL,
    salt  BIGINT      NOT NULL,
    PRIMARY KEY (rxcui)
);
