package com.oversight.sales;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The customers approved sales became (ov_customer), as other capabilities see them: found by id
 * or by agency and country, suspended or terminated with a reason, re-assessed.
 */
public interface Customers {

  /** A customer and its current status (ACTIVE, SUSPENDED, TERMINATED). */
  record Customer(String id, String agency, String country, String status, String riskTier,
      String saleCaseId, String statusReason) {}

  Optional<Customer> find(String id);

  /** The customer with this agency (case and surrounding spaces ignored) in this country. */
  Optional<Customer> findByAgency(String agency, String country);

  /**
   * Changes a customer's status (SUSPENDED or TERMINATED) and records why and which case decided
   * it.
   */
  void changeStatus(String id, String status, String reason, String caseRef, Instant at);

  /**
   * Records a re-assessment's result: the customer's current tier and the date its next
   * re-assessment is due (ov_customer.risk_tier, reassessment_due); the status is not changed.
   */
  void recordReassessment(String id, String riskTier, LocalDate nextDue);
}
