-- The anonymous grievance channel (docs/grievances.md). Portable SQL (H2 and PostgreSQL).
-- Everything a reporter wrote (description, country, customer, contact, attachments, messages)
-- is stored only encrypted (AES-256-GCM, BYTEA); no IP address, user agent or receipt code is
-- ever stored: the receipt code only as an Argon2id hash. After the retention period the
-- content columns are emptied and the rows keep only what the transparency report counts.

CREATE TABLE ov_grievance (
    id                   VARCHAR(36)  NOT NULL PRIMARY KEY,
    reference            VARCHAR(32)  NOT NULL,
    receipt_hash         VARCHAR(64),
    category             VARCHAR(40)  NOT NULL,
    people_at_risk       BOOLEAN      NOT NULL,
    disclosure_consent   BOOLEAN      NOT NULL,
    contact_provided     BOOLEAN      NOT NULL,
    content              BYTEA,
    status               VARCHAR(24)  NOT NULL,
    received_at          TIMESTAMP    NOT NULL,
    acknowledgment_due   TIMESTAMP    NOT NULL,
    acknowledged_at      TIMESTAMP,
    acknowledgment_breached BOOLEAN   NOT NULL,
    feedback_due         TIMESTAMP,
    feedback_given_at    TIMESTAMP,
    feedback_breached    BOOLEAN      NOT NULL,
    admissible           BOOLEAN,
    priority             VARCHAR(16),
    retaliation_risk     VARCHAR(16),
    investigated         BOOLEAN      NOT NULL,
    investigation_outcome VARCHAR(40),
    outcome              VARCHAR(40),
    closed_at            TIMESTAMP,
    purge_after          DATE,
    legal_hold           BOOLEAN      NOT NULL,
    legal_hold_reason    VARCHAR(500),
    purged_at            TIMESTAMP,
    process_instance_id  VARCHAR(64),
    CONSTRAINT uq_ov_grievance_reference UNIQUE (reference),
    CONSTRAINT uq_ov_grievance_receipt UNIQUE (receipt_hash)
);
CREATE INDEX ix_ov_grievance_status ON ov_grievance (status);

CREATE TABLE ov_grievance_message (
    id           VARCHAR(36) NOT NULL PRIMARY KEY,
    grievance_id VARCHAR(36) NOT NULL REFERENCES ov_grievance (id),
    author_role  VARCHAR(16) NOT NULL,
    author       VARCHAR(64),
    kind         VARCHAR(24) NOT NULL,
    sent_at      TIMESTAMP   NOT NULL,
    body         BYTEA       NOT NULL,
    CONSTRAINT ck_ov_grievance_message_role CHECK (author_role IN ('REPORTER', 'HANDLER'))
);
CREATE INDEX ix_ov_grievance_message_grievance ON ov_grievance_message (grievance_id);

CREATE TABLE ov_grievance_attachment (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    grievance_id VARCHAR(36)  NOT NULL REFERENCES ov_grievance (id),
    message_id   VARCHAR(36)  REFERENCES ov_grievance_message (id),
    content_type VARCHAR(100) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    name         BYTEA        NOT NULL,
    data         BYTEA        NOT NULL,
    uploaded_at  TIMESTAMP    NOT NULL
);
CREATE INDEX ix_ov_grievance_attachment_grievance ON ov_grievance_attachment (grievance_id);
