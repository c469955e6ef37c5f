-- Sale approval: the cases sales submit and the customers they become. Portable SQL (H2 and
-- PostgreSQL). Booleans as BOOLEAN, JSON as VARCHAR (intermediaries, risk snapshot).

CREATE TABLE ov_sale_case (
    id                  VARCHAR(36)    NOT NULL PRIMARY KEY,
    business_key        VARCHAR(32)    NOT NULL,
    submitter           VARCHAR(64)    NOT NULL,
    customer_agency     VARCHAR(300),
    customer_type       VARCHAR(32),
    country             VARCHAR(3),
    product             VARCHAR(300),
    capability_class    VARCHAR(32),
    end_use_category    VARCHAR(32),
    intended_end_use    VARCHAR(4000),
    intermediaries      VARCHAR(8000)  NOT NULL,
    end_use_statement   BOOLEAN,
    contract_value      DECIMAL(19, 2),
    currency            CHAR(3),
    expected_signing    DATE,
    status              VARCHAR(32)    NOT NULL,
    risk_tier           VARCHAR(16),
    red_flags           VARCHAR(4000),
    risk_snapshot       VARCHAR(200000),
    process_instance_id VARCHAR(64),
    created_at          TIMESTAMP      NOT NULL,
    updated_at          TIMESTAMP      NOT NULL,
    CONSTRAINT uq_ov_sale_case_business_key UNIQUE (business_key)
);
CREATE INDEX ix_ov_sale_case_submitter ON ov_sale_case (submitter);

CREATE TABLE ov_customer (
    id               VARCHAR(36)  NOT NULL PRIMARY KEY,
    agency           VARCHAR(300) NOT NULL,
    country          VARCHAR(3)   NOT NULL,
    customer_type    VARCHAR(32)  NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    risk_tier        VARCHAR(16)  NOT NULL,
    activated_at     TIMESTAMP    NOT NULL,
    reassessment_due DATE         NOT NULL,
    sale_case_id     VARCHAR(36)  NOT NULL REFERENCES ov_sale_case (id),
    CONSTRAINT ck_ov_customer_status CHECK (status IN ('ACTIVE', 'SUSPENDED', 'TERMINATED'))
);
CREATE INDEX ix_ov_customer_sale_case ON ov_customer (sale_case_id);
