package com.oversight.sales;

import java.time.Instant;

/** A sale case as stored in ov_sale_case. */
public record SaleCase(
    String id,
    String businessKey,
    String submitter,
    Opportunity opportunity,
    CaseStatus status,
    String riskTier,
    String redFlags,
    String riskSnapshot,
    String processInstanceId,
    Instant createdAt,
    Instant updatedAt) {}
