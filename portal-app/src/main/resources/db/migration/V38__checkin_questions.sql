-- Runs unchanged on MySQL 8, MariaDB 10.11 and H2 in MySQL mode.

-- The medicines check-in asks one question per active medicine of the member's own
-- record: questions holds, for such an answer, each question's linkId and text (the
-- medicine as the record named it) as lines of linkId TAB text, so that the answer can be
-- shown and sent to the record as it was asked; NULL for a check-in of fixed questions.
-- answers grows with the number of medicines, hence TEXT.
ALTER TABLE checkin_answer ADD COLUMN questions TEXT NULL;
ALTER TABLE checkin_answer MODIFY answers TEXT NOT NULL;
