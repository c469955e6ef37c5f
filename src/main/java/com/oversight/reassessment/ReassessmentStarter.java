package com.oversight.reassessment;

import static com.oversight.platform.ProcessVariables.CUSTOMER_ID;
import static com.oversight.platform.ProcessVariables.REASSESSMENT_TRIGGER;
import static com.oversight.platform.ProcessVariables.STARTED_BY;
import static com.oversight.platform.ProcessVariables.TRIGGER_DETAIL;

import com.oversight.platform.ProcessKeys;
import com.oversight.platform.ProcessValues;
import com.oversight.reassessment.ReassessmentRecords.CustomerFile;
import com.oversight.reassessment.ReassessmentRecords.Reassessment;
import com.oversight.sales.SaleSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

/**
 * Starts customer re-assessments by message ({@value ProcessKeys#REASSESS_CUSTOMER_MESSAGE}), one
 * instance per customer, in the caller's transaction: never for a customer that is not ACTIVE,
 * never while one runs for the customer (the start itself refuses a second one too, by the
 * database's unique key, so two nodes cannot both start one).
 */
@Service
public class ReassessmentStarter {

  /** What became of a start: started (with its reference) or not, and why not. */
  public record Outcome(String customerId, boolean started, String reference,
      String processInstanceId, String reason) {
    static Outcome skipped(String customerId, String reason) {
      return new Outcome(customerId, false, null, null, reason);
    }
  }

  private final ReassessmentRecords records;
  private final ReassessmentService service;
  private final RuntimeService runtime;

  public ReassessmentStarter(ReassessmentRecords records, ReassessmentService service,
      @Lazy RuntimeService runtime) {
    this.records = records;
    this.service = service;
    this.runtime = runtime;
  }

  /** Starts one if the customer is ACTIVE and has none running. */
  public Outcome start(String customerId, ReassessmentTrigger trigger, String detail,
      String startedBy) {
    Optional<CustomerFile> customer = records.customer(customerId);
    if (customer.isEmpty() || !"ACTIVE".equals(customer.get().status())) {
      return Outcome.skipped(customerId, customer.isEmpty() ? "no such customer"
          : "the customer is " + customer.get().status() + ", not ACTIVE");
    }
    Optional<Reassessment> running = service.running(customerId);
    if (running.isPresent()) {
      return Outcome.skipped(customerId, "re-assessment " + running.get().reference()
          + " is already running");
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(CUSTOMER_ID, customerId);
    variables.put(REASSESSMENT_TRIGGER, trigger.name());
    variables.put(TRIGGER_DETAIL, ReassessmentService.fit(detail));
    variables.put(STARTED_BY, startedBy == null ? ProcessValues.SYSTEM : startedBy);
    ProcessInstance instance = runtime
        .createMessageCorrelation(ProcessKeys.REASSESS_CUSTOMER_MESSAGE)
        .setVariables(variables)
        .correlateStartMessage();
    return new Outcome(customerId, true, instance.getBusinessKey(), instance.getId(), null);
  }

  /** The schedule: starts one if the customer is ACTIVE, due and has none running. */
  public Outcome startScheduled(String customerId) {
    Optional<CustomerFile> customer = records.customer(customerId);
    if (customer.isPresent() && customer.get().reassessmentDue().isAfter(SaleSettings.today())) {
      return Outcome.skipped(customerId, "not due before " + customer.get().reassessmentDue());
    }
    return start(customerId, ReassessmentTrigger.SCHEDULE, customer.map(c ->
        "Re-assessment due on " + c.reassessmentDue() + " (tier " + c.riskTier() + ")")
        .orElse(null), ProcessValues.SYSTEM);
  }
}
