package com.oversight.sales;

/** Where a sale case stands, in words sales understand. */
public enum CaseStatus {
  /** Received; being registered and screened. */
  SUBMITTED,
  /** Information is missing or inconsistent: the submitter must complete it before the deadline. */
  INFORMATION_REQUESTED,
  /** With compliance: low-risk review or due-diligence dossier. */
  IN_REVIEW,
  /** With the GRC committee (votes, pre-sale investigation, chair deliberation). */
  WITH_COMMITTEE,
  /** Approved; legal checks the contract clauses and the committee's conditions are fulfilled. */
  WITH_LEGAL,
  /** Waiting for the export-control authority's decision. */
  AWAITING_AUTHORITY,
  /** The customer is active. */
  APPROVED_ACTIVE,
  /** Rejected (prohibited, by compliance, by the committee, or refused by the authority). */
  REJECTED,
  /** Withdrawn: the information was not completed in time. */
  WITHDRAWN
}
