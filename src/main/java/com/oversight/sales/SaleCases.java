package com.oversight.sales;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The stored sale cases and the customers they become (ov_sale_case, ov_customer). */
public interface SaleCases {

  /**
   * Takes the next business key of the year (SALE-2026-0001) in a short transaction of its own:
   * take it before the submission's transaction, so that concurrent submissions do not wait for
   * each other. A key whose submission fails afterwards stays unused.
   */
  String nextBusinessKey();

  /** Refuses (400) an opportunity that cannot be stored, before any number is taken. */
  default void checkStorable(Opportunity opportunity) {}

  /**
   * Stores a new case under a key from {@link #nextBusinessKey()} (or, should that key be used
   * already, the next one).
   */
  SaleCase create(String businessKey, String submitter, Opportunity opportunity,
      CaseStatus status);

  /** Stores a new case with the next business key of the year. */
  default SaleCase create(String submitter, Opportunity opportunity, CaseStatus status) {
    checkStorable(opportunity);
    return create(nextBusinessKey(), submitter, opportunity, status);
  }

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
