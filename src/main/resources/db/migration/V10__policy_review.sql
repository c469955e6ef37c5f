-- Policy review (processes/policy-review.bpmn): one row per review, with its period, the draft
-- and published transparency report, and the long texts of its steps in their own tables
-- (experts' findings, the stakeholder dialogue, each round of amendments and the committee's
-- decision on it), referenced by the review's id: the process carries only the id. Rows are
-- added, never rewritten, except the review's status and report references. Portable SQL (H2
-- and PostgreSQL).

CREATE TABLE ov_policy_review (
    id                    VARCHAR(36)   NOT NULL PRIMARY KEY,
    reference             VARCHAR(32)   NOT NULL,
    period_from           DATE          NOT NULL,
    period_to             DATE          NOT NULL,
    started_by            VARCHAR(64)   NOT NULL,
    status                VARCHAR(32)   NOT NULL,
    process_instance_id   VARCHAR(64),
    draft_report_id       VARCHAR(64),
    draft_report_path     VARCHAR(500),
    published_report_id   VARCHAR(64),
    published_version     INTEGER,
    published_report_path VARCHAR(500),
    created_at            TIMESTAMP     NOT NULL,
    updated_at            TIMESTAMP     NOT NULL,
    CONSTRAINT uq_ov_policy_review_reference UNIQUE (reference),
    CONSTRAINT ck_ov_policy_review_period CHECK (period_from < period_to),
    CONSTRAINT ck_ov_policy_review_status CHECK (status IN ('OPEN', 'FIGURES_READY',
        'AMENDMENTS_PROPOSED', 'SENT_BACK', 'APPROVED', 'PUBLISHED'))
);

-- the external experts' findings on the framework and on the figures
CREATE TABLE ov_policy_review_finding (
    id                 VARCHAR(36)     NOT NULL PRIMARY KEY,
    review_id          VARCHAR(36)     NOT NULL REFERENCES ov_policy_review (id),
    reviewer           VARCHAR(64)     NOT NULL,
    framework_findings VARCHAR(100000) NOT NULL,
    figures_findings   VARCHAR(100000) NOT NULL,
    recorded_at        TIMESTAMP       NOT NULL
);
CREATE INDEX ix_ov_policy_review_finding_review ON ov_policy_review_finding (review_id);

-- the stakeholder dialogue: who was consulted, what they said, what changes it led to
CREATE TABLE ov_policy_review_dialogue (
    id          VARCHAR(36)     NOT NULL PRIMARY KEY,
    review_id   VARCHAR(36)     NOT NULL REFERENCES ov_policy_review (id),
    recorded_by VARCHAR(64)     NOT NULL,
    consulted   VARCHAR(100000) NOT NULL,
    statements  VARCHAR(100000) NOT NULL,
    changes     VARCHAR(100000) NOT NULL,
    recorded_at TIMESTAMP       NOT NULL
);
CREATE INDEX ix_ov_policy_review_dialogue_review ON ov_policy_review_dialogue (review_id);

-- each round of proposed amendments and the committee's decision on it
CREATE TABLE ov_policy_review_amendment (
    id                 VARCHAR(36)     NOT NULL PRIMARY KEY,
    review_id          VARCHAR(36)     NOT NULL REFERENCES ov_policy_review (id),
    round              INTEGER         NOT NULL,
    proposed_by        VARCHAR(64)     NOT NULL,
    amendments         VARCHAR(100000) NOT NULL,
    decision_impact_id VARCHAR(36),
    proposed_at        TIMESTAMP       NOT NULL,
    decision           VARCHAR(16),
    decided_by         VARCHAR(64),
    decision_reason    VARCHAR(100000),
    decided_at         TIMESTAMP,
    CONSTRAINT uq_ov_policy_review_amendment_round UNIQUE (review_id, round),
    CONSTRAINT ck_ov_policy_review_amendment_decision CHECK (decision IS NULL
        OR decision IN ('APPROVED', 'SENT_BACK'))
);
