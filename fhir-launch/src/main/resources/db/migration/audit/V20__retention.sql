-- Runs unchanged on MySQL 8, MariaDB 10.11 and H2 in MySQL mode.

-- One row per retention job: the node that runs it holds the row until held_until, so that
-- nodes whose schedules fire together run each job once. A node that dies leaves a lease
-- that simply runs out.
CREATE TABLE retention_lease (
    job        VARCHAR(64)  NOT NULL,
    held_by    VARCHAR(64)  NOT NULL,
    held_until TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (job)
);

-- The audit log's retention finds its oldest rows through this index instead of a scan.
CREATE INDEX ix_audit_event_time ON audit_event (occurred_at);
