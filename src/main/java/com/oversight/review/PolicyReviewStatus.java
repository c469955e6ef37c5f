package com.oversight.review;

/** Where a policy review stands (ov_policy_review.status). */
public enum PolicyReviewStatus {
  /** Registered; the effectiveness figures are being computed. */
  OPEN,
  /** The draft transparency report holds the figures; expert review and dialogue under way. */
  FIGURES_READY,
  /** Compliance proposed amendments; the committee decides. */
  AMENDMENTS_PROPOSED,
  /** The committee sent the amendments back for changes. */
  SENT_BACK,
  /** The committee approved; the report is being published. */
  APPROVED,
  /** The transparency report is published: the review is complete. */
  PUBLISHED
}
