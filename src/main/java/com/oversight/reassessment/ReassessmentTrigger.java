package com.oversight.reassessment;

/** What started a customer re-assessment (variable reassessmentTrigger). */
public enum ReassessmentTrigger {
  /** The customer's re-assessment date (ov_customer.reassessment_due) has come. */
  SCHEDULE,
  /** An import worsened the picture of the customer's country (indicators, abuse register). */
  COUNTRY_DATA,
  /** Compliance started it by hand (POST /api/reassessments). */
  MANUAL
}
