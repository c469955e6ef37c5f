-- Customer re-assessments (see docs/reassessment.md): one row per run of
-- CustomerReassessmentProcess, with what started it, the re-scored tier and red flags compared
-- with the last ones, compliance's review, the committee's decision and the next due date.
-- Portable SQL (H2 and PostgreSQL). ov_customer.reassessment_due stays the authoritative due date.

CREATE TABLE ov_reassessment (
    id                   VARCHAR(36)     NOT NULL PRIMARY KEY,
    reference            VARCHAR(64)     NOT NULL,
    customer_id          VARCHAR(36)     NOT NULL REFERENCES ov_customer (id),
    -- the customer's id while the re-assessment runs, NULL once it ended: the unique constraint
    -- below allows one running re-assessment per customer, even between cluster nodes
    open_customer_id     VARCHAR(36),
    trigger_kind         VARCHAR(16)     NOT NULL,
    trigger_detail       VARCHAR(4000),
    started_by           VARCHAR(64)     NOT NULL,
    status               VARCHAR(16)     NOT NULL,
    previous_tier        VARCHAR(16)     NOT NULL,
    previous_red_flags   VARCHAR(4000),
    new_tier             VARCHAR(16),
    red_flags            VARCHAR(4000),
    red_flag_codes       VARCHAR(1000),
    added_red_flags      VARCHAR(1000),
    comparison           VARCHAR(32),
    risk_snapshot        VARCHAR(200000),
    reviewed_by          VARCHAR(64),
    review_note          VARCHAR(8000),
    recommended_decision VARCHAR(32),
    decision             VARCHAR(32),
    decision_rationale   VARCHAR(4000),
    decision_conditions  VARCHAR(4000),
    decided_by           VARCHAR(64),
    decided_at           TIMESTAMP,
    customer_status      VARCHAR(16),
    next_due             DATE,
    process_instance_id  VARCHAR(64),
    started_at           TIMESTAMP       NOT NULL,
    scored_at            TIMESTAMP,
    closed_at            TIMESTAMP,
    CONSTRAINT uq_ov_reassessment_reference UNIQUE (reference),
    CONSTRAINT uq_ov_reassessment_open UNIQUE (open_customer_id),
    CONSTRAINT ck_ov_reassessment_trigger CHECK (trigger_kind IN ('SCHEDULE', 'COUNTRY_DATA', 'MANUAL')),
    CONSTRAINT ck_ov_reassessment_status CHECK (status IN ('RUNNING', 'CLOSED', 'CANCELLED'))
);
CREATE INDEX ix_ov_reassessment_customer ON ov_reassessment (customer_id, started_at);
CREATE INDEX ix_ov_reassessment_status ON ov_reassessment (status);
CREATE INDEX ix_ov_customer_reassessment_due ON ov_customer (status, reassessment_due);
CREATE INDEX ix_ov_customer_country ON ov_customer (country, status);
