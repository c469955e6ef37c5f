package com.oversight.reassessment;

import com.oversight.sales.CustomerStatusChanges;

/** The GRC committee's decision on a re-assessed customer (variable reassessmentDecision). */
public enum ReassessmentDecision {
  /** The relationship continues as it is. */
  CONTINUE("relationship continues", null),
  /** The relationship continues under conditions (told to legal and sales). */
  CONTINUE_WITH_CONDITIONS("relationship continues with conditions", null),
  /** The customer's access is suspended (ov_customer SUSPENDED, with the reason). */
  SUSPEND("customer suspended", CustomerStatusChanges.SUSPENDED),
  /** The relationship is terminated (ov_customer TERMINATED, with the reason). */
  TERMINATE("relationship terminated", CustomerStatusChanges.TERMINATED);

  private final String label;
  private final String customerStatus;

  ReassessmentDecision(String label, String customerStatus) {
    this.label = label;
    this.customerStatus = customerStatus;
  }

  public String label() {
    return label;
  }

  /** The status the decision imposes (SUSPENDED, TERMINATED), or null. */
  public String customerStatus() {
    return customerStatus;
  }

  public boolean changesCustomerStatus() {
    return customerStatus != null;
  }
}
