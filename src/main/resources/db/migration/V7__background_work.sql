-- Long work (a decision replay over many cases, a large import, a report over a long period):
-- one row per piece of work, with its progress, so that the person who started it can leave
-- and come back (GET /api/work/{id}), and so that work a stopped node left unfinished is
-- started again by the next node that starts. Portable SQL (H2 and PostgreSQL).

CREATE TABLE ov_background_work (
    id            VARCHAR(36)      NOT NULL PRIMARY KEY,
    kind          VARCHAR(64)      NOT NULL,
    requested_by  VARCHAR(64)      NOT NULL,
    input         TEXT             NOT NULL,
    status        VARCHAR(16)      NOT NULL,
    done_count    INTEGER          NOT NULL,
    total_count   INTEGER,
    message       VARCHAR(1000),
    result        TEXT,
    node          VARCHAR(64),
    attempts      INTEGER          NOT NULL,
    created_at    TIMESTAMP        NOT NULL,
    heartbeat_at  TIMESTAMP,
    finished_at   TIMESTAMP,
    CONSTRAINT ck_ov_background_work_status CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED'))
);
CREATE INDEX ix_ov_background_work_requester ON ov_background_work (requested_by, created_at);
CREATE INDEX ix_ov_background_work_status ON ov_background_work (status);
