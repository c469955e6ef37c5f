-- The decision record: an append-only, hash-chained ledger (see docs/audit-ledger.md).
-- Oversight only ever INSERTs into ov_ledger_entry; it never updates or deletes a row. In
-- production the application's database role should hold SELECT and INSERT on it, and no
-- UPDATE, DELETE or TRUNCATE. Portable SQL: runs on H2 and PostgreSQL.

-- sequence is assigned by the application: 1, 2, 3... without gaps
-- recorded_at is UTC, truncated to milliseconds
-- hash = SHA-256 (hex) over sequence, case_id, action, actor, recorded_at, details, previous_hash;
-- previous_hash of entry 1 is 64 zeros
CREATE TABLE ov_ledger_entry (
    sequence      BIGINT          NOT NULL PRIMARY KEY,
    case_id       VARCHAR(100)    NOT NULL,
    action        VARCHAR(100)    NOT NULL,
    actor         VARCHAR(100)    NOT NULL,
    recorded_at   TIMESTAMP       NOT NULL,
    details       VARCHAR(100000) NOT NULL,
    previous_hash CHAR(64)        NOT NULL,
    hash          CHAR(64)        NOT NULL
);
CREATE INDEX ix_ov_ledger_entry_case ON ov_ledger_entry (case_id, sequence);

-- One row, locked (SELECT ... FOR UPDATE) by every append so that appends from every thread
-- and every node are serialised, also on an empty ledger. Its row is never changed.
CREATE TABLE ov_ledger_head (
    id INTEGER NOT NULL PRIMARY KEY,
    CONSTRAINT ck_ov_ledger_head_one_row CHECK (id = 1)
);
INSERT INTO ov_ledger_head (id) VALUES (1);
