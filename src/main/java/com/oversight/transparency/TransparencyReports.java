package com.oversight.transparency;

import java.time.LocalDate;

/**
 * What the policy review (processes/policy-review.bpmn) needs of the transparency report: a
 * draft with the effectiveness figures of a period, computed from the process data, and its
 * publication once the committee has approved it. Drafts are visible only to the committee,
 * reviewers and managers; published reports are kept, versioned and listed on
 * {@code /transparency}.
 */
public interface TransparencyReports {

  /**
   * Computes the figures of the period {@code [from, to)} and stores them as a draft.
   *
   * @param reviewRef the policy review it belongs to (its business key), or null
   */
  Draft draft(LocalDate from, LocalDate to, String requestedBy, String reviewRef);

  /** Publishes a draft as the next version of the report; returns the published report. */
  Published publish(String draftId, String approvedBy);

  /** A stored draft: its id, period, and the page where the committee and reviewers read it. */
  record Draft(String id, LocalDate from, LocalDate to, String path) {}

  /** A published report: its version and its public page. */
  record Published(String id, int version, LocalDate from, LocalDate to, String path) {}
}
