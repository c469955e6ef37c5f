package com.oversight.sales;

import static com.oversight.platform.ProcessValues.details;

import com.oversight.audit.AuditLedger;
import com.oversight.platform.ProcessValues;
import com.oversight.sales.Customers.Customer;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * Suspends or terminates a customer as the GRC committee decided, for every process that can
 * decide it (a misuse investigation, a customer re-assessment): ov_customer gets the new status
 * with the reason and the deciding case's reference, and the decision ledger an entry
 * CUSTOMER_SUSPENDED or CUSTOMER_TERMINATED under the deciding case.
 */
@Service
public class CustomerStatusChanges {

  /** The statuses a committee decision can impose. */
  public static final String SUSPENDED = "SUSPENDED";
  public static final String TERMINATED = "TERMINATED";

  private final Customers customers;
  private final AuditLedger ledger;
  private final Clock clock;

  public CustomerStatusChanges(Customers customers, AuditLedger ledger, Clock clock) {
    this.customers = customers;
    this.ledger = ledger;
    this.clock = clock;
  }

  /**
   * Changes the customer's status and records it.
   *
   * @param customerId the customer (must exist)
   * @param status SUSPENDED or TERMINATED
   * @param reason why, shown with the customer (reference, decision, the committee's rationale)
   * @param caseRef the deciding case's reference (INV-…, RA-…), kept with the customer
   * @param ledgerCaseId the case id under which the ledger entry is written
   * @return the new status
   */
  public String apply(String customerId, String status, String reason, String caseRef,
      String ledgerCaseId) {
    Customer customer = customers.find(customerId).orElseThrow(
        () -> new IllegalStateException(caseRef + ": no customer " + customerId));
    customers.changeStatus(customer.id(), status, reason, caseRef, clock.instant());
    ledger.append(ledgerCaseId, "CUSTOMER_" + status, ProcessValues.SYSTEM,
        details("customerId", customer.id(), "saleCaseId", customer.saleCaseId(),
            "previousStatus", customer.status(), "status", status, "reason", reason));
    return status;
  }
}
