package com.oversight.grievance;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A report's record without its content (which stays encrypted until a handler who may read it
 * asks): what the process, the handlers' overview and the transparency figures need.
 */
public record Grievance(
    String id,
    String reference,
    GrievanceCategory category,
    boolean peopleAtRisk,
    boolean disclosureConsent,
    boolean contactProvided,
    GrievanceStatus status,
    Instant receivedAt,
    Instant acknowledgmentDue,
    Instant acknowledgedAt,
    boolean acknowledgmentBreached,
    Instant feedbackDue,
    Instant feedbackGivenAt,
    boolean feedbackBreached,
    Boolean admissible,
    String priority,
    String retaliationRisk,
    boolean investigated,
    String investigationOutcome,
    GrievanceOutcome outcome,
    Instant closedAt,
    LocalDate purgeAfter,
    boolean legalHold,
    String legalHoldReason,
    Instant purgedAt,
    String processInstanceId) {

  public boolean isClosed() {
    return status == GrievanceStatus.CLOSED || status == GrievanceStatus.PURGED;
  }
}
