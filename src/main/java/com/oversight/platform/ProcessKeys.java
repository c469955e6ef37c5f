package com.oversight.platform;

/** The ids of Oversight's processes (the {@code id} of each {@code bpmn:process} in processes/). */
public final class ProcessKeys {

  private ProcessKeys() {}

  public static final String REFERENCE_DATA_REVIEW = "ReferenceDataReviewProcess";
  public static final String SALE_APPROVAL = "SaleApprovalProcess";
  public static final String GRIEVANCE = "GrievanceProcess";
  public static final String GRIEVANCE_RETENTION = "GrievanceRetentionProcess";
  public static final String MISUSE_INVESTIGATION = "MisuseInvestigationProcess";
  public static final String CUSTOMER_REASSESSMENT = "CustomerReassessmentProcess";
  public static final String POLICY_REVIEW = "PolicyReviewProcess";
  public static final String REASSESSMENT_SCHEDULE = "ReassessmentScheduleProcess";
  /** The message that starts a CustomerReassessmentProcess (one instance per customer). */
  public static final String REASSESS_CUSTOMER_MESSAGE = "Message_ReassessCustomer";

  /** The decision of processes/human-rights-risk.dmn that yields red flags and tier floors. */
  public static final String RISK_DECISION = "Decision_HumanRightsRisk";
}
