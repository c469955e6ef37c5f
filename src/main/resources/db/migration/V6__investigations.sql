-- Misuse investigations (see docs/investigations.md): the investigation records of
-- MisuseInvestigationProcess, and the reason a customer was suspended or terminated.
-- Portable SQL (H2 and PostgreSQL). Nothing from a grievance is stored here but its id.

CREATE TABLE ov_investigation (
    id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
    reference           VARCHAR(32)   NOT NULL,
    origin              VARCHAR(16)   NOT NULL,
    related_case_ref    VARCHAR(32),
    grievance_id        VARCHAR(64),
    customer_id         VARCHAR(36),
    customer_agency     VARCHAR(300),
    country             VARCHAR(3),
    source_type         VARCHAR(16),
    source_name         VARCHAR(300),
    source_link         VARCHAR(1000),
    allegation_summary  VARCHAR(4000),
    opened_by           VARCHAR(64),
    lead_investigator   VARCHAR(64),
    investigation_plan  VARCHAR(8000),
    findings_summary    VARCHAR(8000),
    recommended_outcome VARCHAR(32),
    status              VARCHAR(16)   NOT NULL,
    outcome             VARCHAR(32),
    outcome_rationale   VARCHAR(4000),
    mitigations         VARCHAR(4000),
    decided_by          VARCHAR(64),
    decided_at          TIMESTAMP,
    process_instance_id VARCHAR(64),
    created_at          TIMESTAMP     NOT NULL,
    updated_at          TIMESTAMP     NOT NULL,
    CONSTRAINT uq_ov_investigation_reference UNIQUE (reference),
    CONSTRAINT ck_ov_investigation_origin CHECK (origin IN ('GRIEVANCE', 'COMMITTEE', 'EXTERNAL_REPORT')),
    CONSTRAINT ck_ov_investigation_status CHECK (status IN ('OPEN', 'WITH_COMMITTEE', 'CLOSED'))
);
CREATE INDEX ix_ov_investigation_customer ON ov_investigation (customer_id);

-- Evidence notes, information requests and responses, mitigation confirmations: one row each,
-- in the order they were recorded (investigation records, never process variables).
CREATE TABLE ov_investigation_note (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    investigation_id VARCHAR(36)   NOT NULL REFERENCES ov_investigation (id),
    kind             VARCHAR(32)   NOT NULL,
    author           VARCHAR(64)   NOT NULL,
    recorded_at      TIMESTAMP     NOT NULL,
    body             VARCHAR(8000) NOT NULL
);
CREATE INDEX ix_ov_investigation_note ON ov_investigation_note (investigation_id, recorded_at);

-- Information requests to the customer, with their deadline and what became of them.
CREATE TABLE ov_information_request (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    investigation_id VARCHAR(36)   NOT NULL REFERENCES ov_investigation (id),
    requested_by     VARCHAR(64)   NOT NULL,
    requested_at     TIMESTAMP     NOT NULL,
    due_at           TIMESTAMP     NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    answered_at      TIMESTAMP,
    CONSTRAINT ck_ov_information_request_status CHECK (status IN ('OPEN', 'ANSWERED', 'UNANSWERED'))
);
CREATE INDEX ix_ov_information_request ON ov_information_request (investigation_id);

-- A suspended or terminated customer carries the reason and the investigation that decided it.
ALTER TABLE ov_customer ADD COLUMN status_reason VARCHAR(4000);
ALTER TABLE ov_customer ADD COLUMN status_changed_at TIMESTAMP;
ALTER TABLE ov_customer ADD COLUMN status_investigation_ref VARCHAR(32);
