package com.oversight.investigation;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The configurable deadlines of the misuse investigation, used by the model's expressions
 * ({@code ${investigationSettings.planDue()}}) and the delegates. Due dates are counted from the
 * engine's clock, the one its timers use.
 */
@Component("investigationSettings")
public class InvestigationSettings {

  private final Duration planDeadline;
  private final Duration evidenceDeadline;
  private final Duration responseDeadline;
  private final String responseReminderCycle;
  private final Duration decisionDeadline;
  private final Duration mitigationDeadline;

  public InvestigationSettings(
      @Value("${oversight.investigation.plan-deadline:P7D}") Duration planDeadline,
      @Value("${oversight.investigation.evidence-deadline:P30D}") Duration evidenceDeadline,
      @Value("${oversight.investigation.response-deadline:P30D}") Duration responseDeadline,
      @Value("${oversight.investigation.response-reminder-cycle:R/P7D}")
          String responseReminderCycle,
      @Value("${oversight.investigation.decision-deadline:P14D}") Duration decisionDeadline,
      @Value("${oversight.investigation.mitigation-deadline:P30D}") Duration mitigationDeadline) {
    this.planDeadline = planDeadline;
    this.evidenceDeadline = evidenceDeadline;
    this.responseDeadline = responseDeadline;
    this.responseReminderCycle = responseReminderCycle;
    this.decisionDeadline = decisionDeadline;
    this.mitigationDeadline = mitigationDeadline;
  }

  /** The defaults, as documented in docs/investigations.md. */
  public static InvestigationSettings defaults() {
    return new InvestigationSettings(Duration.ofDays(7), Duration.ofDays(30),
        Duration.ofDays(30), "R/P7D", Duration.ofDays(14), Duration.ofDays(30));
  }

  /** Due date of the plan (Task_PlanInvestigation). */
  public Date planDue() {
    return from(planDeadline);
  }

  /** Due date of each round of evidence gathering (Task_GatherEvidence). */
  public Date evidenceDue() {
    return from(evidenceDeadline);
  }

  /** The customer's deadline to answer an information request. */
  public Date responseDue() {
    return from(responseDeadline);
  }

  /** Reminder cycle while the customer has not answered (ISO 8601 repeating interval). */
  public String responseReminderCycle() {
    return responseReminderCycle;
  }

  /** Due date of the committee's decision (Task_DecideOutcome). */
  public Date decisionDue() {
    return from(decisionDeadline);
  }

  /** Due date of the mitigation confirmation (Task_ConfirmMitigations). */
  public Date mitigationDue() {
    return from(mitigationDeadline);
  }

  private static Date from(Duration duration) {
    return Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration));
  }
}
