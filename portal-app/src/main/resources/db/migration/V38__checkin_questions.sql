-- Runs unchanged on MySQL 8, MariaDB 10.11 and H2 (in MySQL mode and in its own).

-- The medicines check-in asks one question per active medicine of the member's own
-- record: questions holds, for such an answer, each question's linkId and text (the
-- medicine as the record named it) as lines of linkId TAB text, in the order asked, so
-- that the answer can be shown and sent to the record as it was asked; answers then keys
-- each value by the question's position (1=2;2=0), which stays short however long the
-- record's ids are. NULL for a check-in of fixed questions.
ALTER TABLE checkin_answer ADD COLUMN questions TEXT NULL;
