package com.oversight.sales;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The stored sale cases and the customers they become (ov_sale_case, ov_customer). */
public interface SaleCases {

  /** Stores a new case with the next business key of the year (SALE-2026-0001). */
  SaleCase create(String submitter, Opportunity opportunity, CaseStatus status);

  Optional<SaleCase> find(String id);

  /** Every case, newest first; with a submitter, only that user's cases. */
  List<SaleCase> list(String submitterOrNull);

  void updateOpportunity(String id, Opportunity opportunity);

  void updateStatus(String id, CaseStatus status);

  void recordAssessment(String id, String riskTier, String redFlags, String riskSnapshot);

  void linkProcessInstance(String id, String processInstanceId);

  /** Creates the ACTIVE customer of an approved case; returns the customer id. */
  String activateCustomer(SaleCase saleCase, String riskTier, LocalDate reassessmentDue);
}
