-- The transparency report (docs/transparency.md): drafts computed for a period, and the
-- published versions. Portable SQL (H2 and PostgreSQL). Only aggregates are stored, already
-- with small counts suppressed: no identity, agency name, case reference or report content.

-- A draft: the figures of a period as computed when it was drafted (JSON), for the committee,
-- reviewers and managers. Once published, published_version names its version.
CREATE TABLE ov_transparency_draft (
    id                VARCHAR(36)     NOT NULL PRIMARY KEY,
    period_from       DATE            NOT NULL,
    period_to         DATE            NOT NULL,
    figures           VARCHAR(1000000) NOT NULL,
    requested_by      VARCHAR(64)     NOT NULL,
    review_ref        VARCHAR(64),
    created_at        TIMESTAMP       NOT NULL,
    published_version INTEGER,
    CONSTRAINT ck_ov_transparency_draft_period CHECK (period_from < period_to)
);
CREATE INDEX ix_ov_transparency_draft_created ON ov_transparency_draft (created_at);

-- A published report: immutable. Oversight only ever INSERTs here (in production the
-- application's role should hold SELECT and INSERT on it only). The figures and the PDF are
-- stored at publication, so the report never changes afterwards, whatever happens to the data.
CREATE TABLE ov_transparency_report (
    id            VARCHAR(36)      NOT NULL PRIMARY KEY,
    version       INTEGER          NOT NULL,
    draft_id      VARCHAR(36)      NOT NULL REFERENCES ov_transparency_draft (id),
    period_from   DATE             NOT NULL,
    period_to     DATE             NOT NULL,
    figures       VARCHAR(1000000) NOT NULL,
    pdf           BYTEA            NOT NULL,
    published_by  VARCHAR(64)      NOT NULL,
    published_at  TIMESTAMP        NOT NULL,
    CONSTRAINT uq_ov_transparency_report_version UNIQUE (version),
    CONSTRAINT uq_ov_transparency_report_draft UNIQUE (draft_id)
);

-- One row, locked (SELECT ... FOR UPDATE) by every publication so that version numbers are
-- taken one after the other, on every node. Its row is never changed.
CREATE TABLE ov_transparency_head (
    id INTEGER NOT NULL PRIMARY KEY,
    CONSTRAINT ck_ov_transparency_head_one_row CHECK (id = 1)
);
INSERT INTO ov_transparency_head (id) VALUES (1);

-- The report's aggregates read the period's rows by these dates (a year of 100,000 cases).
CREATE INDEX ix_ov_sale_case_created ON ov_sale_case (created_at);
CREATE INDEX ix_ov_grievance_received ON ov_grievance (received_at);
CREATE INDEX ix_ov_investigation_created ON ov_investigation (created_at);
CREATE INDEX ix_ov_ledger_entry_action ON ov_ledger_entry (action, recorded_at);
