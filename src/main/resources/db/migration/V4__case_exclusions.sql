-- Conflict-of-interest exclusions: a user named in a grievance, or who declared a conflict, is
-- excluded from a case (GR-..., INV-..., SALE-...): no access to its tasks, instances or
-- content, no part in its decisions. Keyed by the case reference.
CREATE TABLE ov_case_exclusion (
    case_ref    VARCHAR(32)  NOT NULL,
    user_id     VARCHAR(64)  NOT NULL,
    reason      VARCHAR(32)  NOT NULL,
    recorded_by VARCHAR(64)  NOT NULL,
    recorded_at TIMESTAMP    NOT NULL,
    CONSTRAINT pk_ov_case_exclusion PRIMARY KEY (case_ref, user_id)
);
