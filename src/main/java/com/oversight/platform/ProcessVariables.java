package com.oversight.platform;

/**
 * The names of every process variable Oversight reads or writes, in one place. Models refer to
 * them in expressions; delegates use these constants. Nothing confidential is ever a process
 * variable: grievance text and reporter data stay in Oversight's encrypted tables, and a process
 * carries only their ids.
 */
public final class ProcessVariables {

  private ProcessVariables() {}

  // ReferenceDataReviewProcess
  /** Number of tracked countries whose indicators are missing or older than the allowed age. */
  public static final String OUTDATED_COUNTRY_COUNT = "outdatedCountryCount";
  /** Human-readable list of those countries and what is missing or stale. */
  public static final String OUTDATED_COUNTRIES = "outdatedCountries";
  /** The analyst's note on what was updated (form field of Task_UpdateCountryData). */
  public static final String DATA_UPDATE_NOTE = "dataUpdateNote";

  // SaleApprovalProcess
  /** The sale case's id (ov_sale_case.id). */
  public static final String CASE_ID = "caseId";
  /** The sale case's business key, e.g. SALE-2026-0001 (also the process business key). */
  public static final String BUSINESS_KEY = "businessKey";
  /** The user who submitted the opportunity (the initiator). */
  public static final String SUBMITTER = "submitter";
  /** Form/API field: the customer agency. */
  public static final String CUSTOMER_AGENCY = "customerAgency";
  /** Form/API field: CustomerType name. */
  public static final String CUSTOMER_TYPE = "customerType";
  /** Form/API field: ISO 3166-1 country code. */
  public static final String COUNTRY = "country";
  /** Form/API field: the product sold. */
  public static final String PRODUCT = "product";
  /** Form/API field: CapabilityClass name. */
  public static final String CAPABILITY_CLASS = "capabilityClass";
  /** Form/API field: EndUseCategory name. */
  public static final String END_USE_CATEGORY = "endUseCategory";
  /** Form/API field: the intended end use in the customer's words. */
  public static final String INTENDED_END_USE = "intendedEndUse";
  /** Form/API field: one intermediary a line, "Name | disclosed" or "Name | undisclosed". */
  public static final String INTERMEDIARIES = "intermediaries";
  /** Form/API field: whether a signed end-use statement is attached. */
  public static final String END_USE_STATEMENT_ATTACHED = "endUseStatementAttached";
  /** Form/API field: the contract value (number). */
  public static final String CONTRACT_VALUE = "contractValue";
  /** Form/API field: ISO 4217 currency code. */
  public static final String CURRENCY = "currency";
  /** Form/API field: expected signing date, yyyy-MM-dd. */
  public static final String EXPECTED_SIGNING_DATE = "expectedSigningDate";
  /** Whether the opportunity is complete and consistent (boolean). */
  public static final String INFORMATION_COMPLETE = "informationComplete";
  /** What is missing or inconsistent, one problem a line. */
  public static final String INFORMATION_PROBLEMS = "informationProblems";
  /** The submitter's note when completing the information. */
  public static final String INFORMATION_NOTE = "informationNote";
  /** LOW, MEDIUM, HIGH or PROHIBITED. */
  public static final String RISK_TIER = "riskTier";
  /** The red flags, readable, one a line ("none" if none). */
  public static final String RED_FLAGS = "redFlags";
  /** The risk explanation, readable, one factor a line. */
  public static final String RISK_EXPLANATION_TEXT = "riskExplanationText";
  /** The one-paragraph summary of the assessment. */
  public static final String RISK_SUMMARY = "riskSummary";
  /** "<agency>, <country name>": used in task names and notifications. */
  public static final String DEAL_TITLE = "dealTitle";
  /** Why the deal was rejected (generated or from the decision). */
  public static final String REJECTION_RATIONALE = "rejectionRationale";
  /** Task_ReviewLowRisk: APPROVE, REJECT or ESCALATE. */
  public static final String LOW_RISK_DECISION = "lowRiskDecision";
  /** Task_ReviewLowRisk: the analyst's rationale. */
  public static final String LOW_RISK_RATIONALE = "lowRiskRationale";
  /** Task_PrepareDossier: findings. */
  public static final String DOSSIER_FINDINGS = "dossierFindings";
  /** Task_PrepareDossier: sources consulted. */
  public static final String DOSSIER_SOURCES = "dossierSources";
  /** Task_PrepareDossier: proposed conditions, one a line. */
  public static final String PROPOSED_CONDITIONS = "proposedConditions";
  /** Committee members who may vote (grc-committee minus the submitter), comma-separated. */
  public static final String ELIGIBLE_MEMBERS = "eligibleMembers";
  /** The committee's voting round, from 1 (a pre-sale inquiry starts a new one). */
  public static final String VOTING_ROUND = "votingRound";
  /** Task_Vote: the member of this vote instance (multi-instance element variable). */
  public static final String MEMBER = "member";
  /** Task_Vote: the member declares a conflict of interest (vote excluded). */
  public static final String CONFLICT_OF_INTEREST = "conflictOfInterest";
  /** Task_Vote: APPROVE, APPROVE_WITH_CONDITIONS, REJECT or REQUEST_INVESTIGATION. */
  public static final String VOTE = "vote";
  /** Task_Vote: the rationale (required unless APPROVE). */
  public static final String RATIONALE = "rationale";
  /** Task_Vote: conditions, one a line (with APPROVE_WITH_CONDITIONS). */
  public static final String VOTE_CONDITIONS = "voteConditions";
  /** Every recorded vote of every round, as JSON text. */
  public static final String COMMITTEE_VOTES = "committeeVotes";
  /** Task_TallyVotes: APPROVED, APPROVED_WITH_CONDITIONS, REJECTED, INVESTIGATION or DELIBERATION. */
  public static final String COMMITTEE_OUTCOME = "committeeOutcome";
  /** Task_TallyVotes: why (counts, quorum, conflicts). */
  public static final String COMMITTEE_OUTCOME_REASON = "committeeOutcomeReason";
  /** Conditions of the approval, one a line (empty if none). */
  public static final String COMMITTEE_CONDITIONS = "committeeConditions";
  /** Task_PreSaleInquiry: the investigators' findings. */
  public static final String INQUIRY_FINDINGS = "inquiryFindings";
  /** Task_ChairDeliberation: APPROVE, APPROVE_WITH_CONDITIONS or REJECT. */
  public static final String CHAIR_DECISION = "chairDecision";
  /** Task_ChairDeliberation: rationale (required). */
  public static final String CHAIR_RATIONALE = "chairRationale";
  /** Task_ChairDeliberation: conditions, one a line. */
  public static final String CHAIR_CONDITIONS = "chairConditions";
  /** Task_ConfirmContractClauses: use limited to serious crime and terrorism. */
  public static final String CLAUSE_LAWFUL_USE = "clauseLawfulUse";
  /** Task_ConfirmContractClauses: no targeting of people for exercising their rights. */
  public static final String CLAUSE_NO_TARGETING = "clauseNoTargeting";
  /** Task_ConfirmContractClauses: audit and cooperation with investigations. */
  public static final String CLAUSE_AUDIT_COOPERATION = "clauseAuditCooperation";
  /** Task_ConfirmContractClauses: right to suspend, withhold updates, terminate. */
  public static final String CLAUSE_SUSPEND_TERMINATE = "clauseSuspendTerminate";
  /** All four mandatory clauses confirmed (boolean, set by the server). */
  public static final String CLAUSES_CONFIRMED = "clausesConfirmed";
  /** The clauses not confirmed, one a line. */
  public static final String MISSING_CLAUSES = "missingClauses";
  /** Task_ConfirmContractClauses: legal's note. */
  public static final String CLAUSES_NOTE = "clausesNote";
  /** Task_ConfirmContractClauses: an export authority must be notified (EU 2021/821 Art. 5(2)). */
  public static final String EXPORT_NOTIFICATION_REQUIRED = "exportNotificationRequired";
  /** Task_ConfirmContractClauses: the authority to notify. */
  public static final String AUTHORITY_NAME = "authorityName";
  /** Task_NegotiateClauses: what was renegotiated. */
  public static final String NEGOTIATION_NOTE = "negotiationNote";
  /** Task_FulfilCondition: the condition of this instance (element variable). */
  public static final String CONDITION = "condition";
  /** Task_FulfilCondition: how the condition was fulfilled. */
  public static final String CONDITION_EVIDENCE = "conditionEvidence";
  /** Task_RecordAuthorityDecision: GRANTED or REFUSED. */
  public static final String AUTHORITY_DECISION = "authorityDecision";
  /** Task_RecordAuthorityDecision: the authority's reference. */
  public static final String AUTHORITY_REFERENCE = "authorityReference";
  /** Task_ActivateCustomer: the ov_customer id. */
  public static final String CUSTOMER_ID = "customerId";
  /** Task_ActivateCustomer: re-assessment due date, yyyy-MM-dd. */
  public static final String REASSESSMENT_DUE = "reassessmentDue";

  // Shared by GrievanceProcess and MisuseInvestigationProcess
  /**
   * The case's reference (GR-2026-0001, INV-2026-0001; also the business key): the key of its
   * conflict-of-interest exclusions (identity.CaseExclusions).
   */
  public static final String CASE_REF = "caseRef";
  /**
   * The reference of the case this one was started from (a grievance's GR-..., a sale's
   * SALE-...): its exclusions apply here too.
   */
  public static final String RELATED_CASE_REF = "relatedCaseRef";

  // GrievanceProcess (the report's content is never a variable: only its id)
  /** The report's id (ov_grievance.id). */
  public static final String GRIEVANCE_ID = "grievanceId";
  /** Task_TriageReport: people at risk (journalists, defenders, opposition, minorities) concerned. */
  public static final String PEOPLE_AT_RISK = "peopleAtRisk";
  /** When the acknowledgment is due (date; the 7-day timer). */
  public static final String ACKNOWLEDGMENT_DUE = "acknowledgmentDue";
  /** When feedback to the reporter is due (date; the 3-month timer). */
  public static final String FEEDBACK_DUE = "feedbackDue";
  /** When the handlers are reminded of the feedback deadline (date). */
  public static final String FEEDBACK_REMINDER_AT = "feedbackReminderAt";
  /** Task_CheckFeedbackDeadline: the deadline passed without feedback (boolean). */
  public static final String FEEDBACK_BREACHED = "feedbackBreached";
  /** Task_TriageReport: the report is admissible (boolean). */
  public static final String ADMISSIBLE = "admissible";
  /** Task_TriageReport: LOW, NORMAL or URGENT. */
  public static final String PRIORITY = "priority";
  /** Task_TriageReport: risk of retaliation or harm to the reporter: LOW, MEDIUM or HIGH. */
  public static final String RETALIATION_RISK = "retaliationRisk";
  /** Task_TriageReport: the handler proposes a misuse investigation (boolean). */
  public static final String INVESTIGATE = "investigate";
  /**
   * Set by the server after triage: an investigation follows (the handler's proposal, or always
   * when the report alleges misuse against people at risk).
   */
  public static final String INVESTIGATION_REQUIRED = "investigationRequired";
  /** Task_CloseReport: GrievanceOutcome name. */
  public static final String GRIEVANCE_OUTCOME = "grievanceOutcome";
  /** Task_ReadReporterMessage: messages from the reporter not yet read (task-local integer). */
  public static final String UNREAD_MESSAGES = "unreadMessages";

  // MisuseInvestigationProcess (inputs of the call from GrievanceProcess and SaleApprovalProcess)
  /** Who started it: GRIEVANCE, COMMITTEE (a sale's committee or directly) or EXTERNAL_REPORT. */
  public static final String INVESTIGATION_ORIGIN = "investigationOrigin";
  /** The investigation's id (ov_investigation.id). */
  public static final String INVESTIGATION_ID = "investigationId";
  /** The outcome the committee decided: InvestigationOutcome name (output of the call). */
  public static final String INVESTIGATION_OUTCOME = "investigationOutcome";
  /** A short, non-confidential summary of the findings (output of the call). */
  public static final String INVESTIGATION_SUMMARY = "investigationSummary";


  // MisuseInvestigationProcess
  /** The user who started the investigation from Tasklist (the initiator), if any. */
  public static final String INITIATOR = "initiator";
  /** Start form (external report): MEDIA, NGO, FORENSIC_LAB or OTHER. */
  public static final String SOURCE_TYPE = "sourceType";
  /** Start form (external report): who published or sent the report. */
  public static final String SOURCE_NAME = "sourceName";
  /** Start form (external report): a link to the report, if public. */
  public static final String SOURCE_LINK = "sourceLink";
  /** Start form / call: what is alleged, in short (public sources or the committee's request). */
  public static final String ALLEGATION_SUMMARY = "allegationSummary";
  /** "<agency>, <country>" or "customer not identified": task names and notifications. */
  public static final String INVESTIGATION_TITLE = "investigationTitle";
  /** Whether the investigation concerns a known customer (ov_customer) (boolean). */
  public static final String CUSTOMER_KNOWN = "customerKnown";
  /** The customer's status: ACTIVE, SUSPENDED, TERMINATED, or NONE without a customer. */
  public static final String CUSTOMER_STATUS = "customerStatus";
  /** Task_PlanInvestigation: the investigator who took the case (not conflicted). */
  public static final String LEAD_INVESTIGATOR = "leadInvestigator";
  /** Task_PlanInvestigation (task-local, stored in ov_investigation): the plan. */
  public static final String INVESTIGATION_PLAN = "investigationPlan";
  /** Task_PlanInvestigation (task-local): an Oversight customer id, if the lead identifies it. */
  public static final String IDENTIFIED_CUSTOMER_ID = "identifiedCustomerId";
  /** Task_PlanInvestigation (task-local): the customer's agency, if the lead identifies it. */
  public static final String IDENTIFIED_AGENCY = "identifiedAgency";
  /** Task_PlanInvestigation (task-local): the customer's country (ISO code). */
  public static final String IDENTIFIED_COUNTRY = "identifiedCountry";
  /** Who declared a conflict of interest on the task just completed (null if nobody). */
  public static final String CONFLICT_DECLARED_BY = "conflictDeclaredBy";
  /** Task_GatherEvidence (task-local, stored in ov_investigation_note): an evidence note. */
  public static final String EVIDENCE_NOTE = "evidenceNote";
  /** Task_GatherEvidence: REQUEST_INFORMATION or REPORT_FINDINGS. */
  public static final String INVESTIGATION_NEXT_STEP = "investigationNextStep";
  /** Task_GatherEvidence: what the customer is asked (shown in the response task). */
  public static final String INFORMATION_REQUEST = "informationRequest";
  /** Task_RecordInformationRequest: the request's id (ov_information_request.id). */
  public static final String INFORMATION_REQUEST_ID = "informationRequestId";
  /** Task_RecordInformationRequest: the customer's deadline (date). */
  public static final String RESPONSE_DUE = "responseDue";
  /** Task_AwaitCustomerResponse (task-local, stored as a note): the customer's answer. */
  public static final String CUSTOMER_RESPONSE = "customerResponse";
  /** What became of the last information request, readable (shown to the lead). */
  public static final String INFORMATION_REQUEST_STATUS = "informationRequestStatus";
  /** Task_GatherEvidence: the findings for the committee (a summary, not the evidence). */
  public static final String FINDINGS_SUMMARY = "findingsSummary";
  /** Task_GatherEvidence: the outcome the lead investigator recommends (InvestigationOutcome). */
  public static final String RECOMMENDED_OUTCOME = "recommendedOutcome";
  /** Task_DecideOutcome: the committee's rationale (required). */
  public static final String OUTCOME_RATIONALE = "outcomeRationale";
  /** Task_DecideOutcome: the mitigations required (with MITIGATIONS_REQUIRED). */
  public static final String MITIGATIONS = "mitigations";
  /** Task_DecideOutcome: the committee member who decided. */
  public static final String OUTCOME_DECIDED_BY = "outcomeDecidedBy";
  /** Task_ConfirmMitigations (task-local, stored as a note): how they are in place. */
  public static final String MITIGATIONS_NOTE = "mitigationsNote";

  // PolicyReviewProcess (the long texts - findings, dialogue, amendments - are stored in
  // ov_policy_review_* by review.PolicyReviewRecordListener; the process carries the review's id)
  /** The review's id (ov_policy_review.id). */
  public static final String REVIEW_ID = "reviewId";
  /** The review's reference, e.g. PR-2027-0001 (also the business key). */
  public static final String REVIEW_REF = "reviewRef";
  /** Start form: the first day of the period reviewed (yyyy-MM-dd); the default when absent. */
  public static final String PERIOD_FROM = "periodFrom";
  /** Start form: the day after the period reviewed (yyyy-MM-dd, exclusive). */
  public static final String PERIOD_TO = "periodTo";
  /** The page of the review's record (/review/policy-reviews/{id}), linked from the forms. */
  public static final String REVIEW_PATH = "reviewPath";
  /** Task_ComputeEffectivenessFigures: the draft transparency report's id. */
  public static final String DRAFT_REPORT_ID = "draftReportId";
  /** Task_ComputeEffectivenessFigures: the draft's page (committee, reviewers, managers). */
  public static final String DRAFT_REPORT_PATH = "draftReportPath";
  /** Task_ExpertReview (task-local, stored): findings on the framework. */
  public static final String FRAMEWORK_FINDINGS = "frameworkFindings";
  /** Task_ExpertReview (task-local, stored): findings on the effectiveness figures. */
  public static final String FIGURES_FINDINGS = "figuresFindings";
  /** Task_RecordStakeholderDialogue (task-local, stored): who was consulted. */
  public static final String STAKEHOLDERS_CONSULTED = "stakeholdersConsulted";
  /** Task_RecordStakeholderDialogue (task-local, stored): what they said. */
  public static final String STAKEHOLDER_VIEWS = "stakeholderViews";
  /** Task_RecordStakeholderDialogue (task-local, stored): what changes it led to. */
  public static final String DIALOGUE_CHANGES = "dialogueChanges";
  /** Task_ProposeAmendments (task-local, stored): the proposed amendments. */
  public static final String AMENDMENTS = "amendments";
  /** Task_ProposeAmendments: a decision-impact run behind a threshold change (optional). */
  public static final String DECISION_IMPACT_ID = "decisionImpactId";
  /** Task_ProposeAmendments: who proposed the amendments (may not approve them). */
  public static final String AMENDMENTS_PROPOSED_BY = "amendmentsProposedBy";
  /** Task_ProposeAmendments: the round of amendments, from 1 (each send-back adds one). */
  public static final String AMENDMENT_ROUND = "amendmentRound";
  /** Task_ApproveAmendments: APPROVE or SEND_BACK. */
  public static final String APPROVAL_DECISION = "approvalDecision";
  /** Task_ApproveAmendments (task-local, stored): the reason (required to send back). */
  public static final String DECISION_REASON = "decisionReason";
  /** Why the committee sent the amendments back (shown in the next proposal's form). */
  public static final String SEND_BACK_REASON = "sendBackReason";
  /** Task_ApproveAmendments: the committee member who approved. */
  public static final String APPROVED_BY = "approvedBy";
  /** Task_PublishTransparencyReport: the published report's version and public page. */
  public static final String PUBLISHED_VERSION = "publishedVersion";
  /** Task_PublishTransparencyReport: the published report's public page. */
  public static final String PUBLISHED_REPORT_PATH = "publishedReportPath";

  // CustomerReassessmentProcess (also customerId, caseRef, relatedCaseRef = the customer's sale
  // case, riskTier = the new tier, redFlags, riskExplanationText, riskSummary, conflictOfInterest,
  // conflictDeclaredBy, customerStatus, reassessmentDue = the next due date)
  /** What started it: SCHEDULE, COUNTRY_DATA or MANUAL. */
  public static final String REASSESSMENT_TRIGGER = "reassessmentTrigger";
  /** What changed (COUNTRY_DATA), the due date (SCHEDULE) or who asked (MANUAL), readable. */
  public static final String TRIGGER_DETAIL = "triggerDetail";
  /** Who started it: the compliance analyst (MANUAL) or "system". */
  public static final String STARTED_BY = "startedBy";
  /** The re-assessment's id (ov_reassessment.id). */
  public static final String REASSESSMENT_ID = "reassessmentId";
  /** "<agency>, <country name>": task names and notifications. */
  public static final String CUSTOMER_TITLE = "customerTitle";
  /** The customer's tier before the re-assessment (ov_customer.risk_tier). */
  public static final String PREVIOUS_RISK_TIER = "previousRiskTier";
  /** The red flags raised now that were not raised last time, readable ("none" if none). */
  public static final String NEW_RED_FLAGS = "newRedFlags";
  /** Whether the tier is worse or a red flag is new: compliance and the committee review it. */
  public static final String REVIEW_REQUIRED = "reviewRequired";
  /** Why a review is (or is not) required, readable. */
  public static final String REVIEW_REASON = "reviewReason";
  /** Task_ReviewReassessment (task-local, stored in ov_reassessment): compliance's review. */
  public static final String REVIEW_NOTE = "reviewNote";
  /** Task_ReviewReassessment: the decision compliance recommends (ReassessmentDecision). */
  public static final String RECOMMENDED_DECISION = "recommendedDecision";
  /** Task_ReviewReassessment: the compliance analyst who reviewed it. */
  public static final String REVIEWED_BY = "reviewedBy";
  /** Task_DecideReassessment: CONTINUE, CONTINUE_WITH_CONDITIONS, SUSPEND or TERMINATE. */
  public static final String REASSESSMENT_DECISION = "reassessmentDecision";
  /** Task_DecideReassessment: the committee's rationale (required). */
  public static final String DECISION_RATIONALE = "decisionRationale";
  /** Task_DecideReassessment: the conditions (with CONTINUE_WITH_CONDITIONS), one a line. */
  public static final String DECISION_CONDITIONS = "decisionConditions";
  /** Task_DecideReassessment: the committee member who decided. */
  public static final String DECIDED_BY = "decidedBy";

  // ReassessmentScheduleProcess
  /** The ACTIVE customers whose re-assessment is due (list of ids, JSON). */
  public static final String DUE_CUSTOMERS = "dueCustomers";
  /** How many they are. */
  public static final String DUE_CUSTOMER_COUNT = "dueCustomerCount";

  /** Camunda keeps a String variable in a column of this many characters. */
  public static final int MAX_TEXT = 4000;

  /**
   * A text shown in forms that fits a String variable: a longer one is cut, saying so (the
   * whole text stays in Oversight's own record, e.g. a sale case's risk snapshot).
   */
  public static String fitting(String text) {
    String cut = "\n… (shortened: the full text is in the case record)";
    if (text == null || text.length() <= MAX_TEXT) {
      return text;
    }
    int end = MAX_TEXT - cut.length();
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + cut;
  }
}
