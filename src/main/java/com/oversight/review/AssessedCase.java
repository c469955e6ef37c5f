package com.oversight.review;

import com.oversight.risk.RiskInputs;
import com.oversight.risk.RiskTier;
import java.time.Instant;
import java.util.List;

/**
 * A sale case as the decision-impact replay reads it from its stored risk snapshot: when it was
 * assessed, the tier and red flags it got, and the decision table's inputs (null in snapshots
 * stored before the inputs were kept: such a case cannot be replayed).
 */
public record AssessedCase(String caseId, String reference, String country, Instant assessedAt,
    RiskTier tier, List<String> redFlags, RiskInputs inputs, String decisionVersion) {}
