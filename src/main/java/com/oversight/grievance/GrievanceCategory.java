package com.oversight.grievance;

/** What a report is about, as the reporter chooses it on the public page. */
public enum GrievanceCategory {
  PRODUCT_MISUSE("Misuse of one of our products against a person or group", true),
  UNLAWFUL_SURVEILLANCE("Unlawful surveillance", true),
  SALE_WITHOUT_DUE_DILIGENCE("A sale made without human-rights due diligence", false),
  RETALIATION("Retaliation against someone who raised a concern", false),
  OTHER("Something else", false);

  private final String label;
  private final boolean allegesMisuse;

  GrievanceCategory(String label, boolean allegesMisuse) {
    this.label = label;
    this.allegesMisuse = allegesMisuse;
  }

  public String label() {
    return label;
  }

  /** Whether the report alleges misuse of a product (with people at risk: always investigated). */
  public boolean allegesMisuse() {
    return allegesMisuse;
  }
}
