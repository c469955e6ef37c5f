package com.oversight.review;

import com.oversight.risk.RiskTier;

/** Where SaleApprovalProcess sends a deal of a tier (Gateway_RiskRoute). */
public enum Route {
  /** PROHIBITED: rejected automatically, with the rationale. */
  AUTOMATIC_REJECTION,
  /** LOW: reviewed by compliance. */
  COMPLIANCE_REVIEW,
  /** MEDIUM or HIGH: compliance dossier, then the committee's vote. */
  COMMITTEE;

  public static Route of(RiskTier tier) {
    return switch (tier) {
      case PROHIBITED -> AUTOMATIC_REJECTION;
      case LOW -> COMPLIANCE_REVIEW;
      case MEDIUM, HIGH -> COMMITTEE;
    };
  }
}
