-- The broadcast a reminder is about (notify_item.kind = 'BROADCAST'), so that the reminder is
-- checked again when it is batched and sent: nothing goes to a recipient who acknowledged the
-- broadcast or left its groups in between. NULL for every other notice.
ALTER TABLE notify_item ADD COLUMN subject_id BIGINT NULL;
