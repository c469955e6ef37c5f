package com.oversight.investigation;

/** The GRC committee's decision on a misuse investigation (variable investigationOutcome). */
public enum InvestigationOutcome {
  /** The allegation is not substantiated: the relationship continues. */
  NO_MISUSE("no misuse found", null),
  /** Misuse or a risk of it: the customer must put mitigations in place (compliance confirms). */
  MITIGATIONS_REQUIRED("mitigations required", null),
  /** The customer's access is suspended (ov_customer SUSPENDED, with the reason). */
  SUSPENSION("customer suspended", "SUSPENDED"),
  /** The relationship is terminated (ov_customer TERMINATED, with the reason). */
  TERMINATION("relationship terminated", "TERMINATED"),
  /** The facts could not be established (for example the customer did not answer). */
  INSUFFICIENT_INFORMATION("insufficient information", null),
  /** The allegation does not concern Oversight's products or customers. */
  UNRELATED("unrelated to our products or customers", null);

  private final String label;
  private final String customerStatus;

  InvestigationOutcome(String label, String customerStatus) {
    this.label = label;
    this.customerStatus = customerStatus;
  }

  public String label() {
    return label;
  }

  /** The customer status this outcome imposes (SUSPENDED, TERMINATED), or null. */
  public String customerStatus() {
    return customerStatus;
  }

  /** Whether the outcome changes the customer's status, so needs an identified customer. */
  public boolean changesCustomerStatus() {
    return customerStatus != null;
  }
}
