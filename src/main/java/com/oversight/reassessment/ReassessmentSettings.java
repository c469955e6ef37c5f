package com.oversight.reassessment;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The configurable deadlines and schedule of customer re-assessments, used by the models'
 * expressions ({@code ${reassessmentSettings.reviewDue()}}). The re-assessment periods per tier
 * are the sale approval's ({@code oversight.sales.reassessment.low/medium/high},
 * sales.SaleSettings#reassessmentDue). Due dates are counted from the engine's clock.
 */
@Component("reassessmentSettings")
public class ReassessmentSettings {

  private final Duration reviewDeadline;
  private final Duration decisionDeadline;
  private final String scheduleCycle;

  public ReassessmentSettings(
      @Value("${oversight.reassessment.review-deadline:P14D}") Duration reviewDeadline,
      @Value("${oversight.reassessment.decision-deadline:P14D}") Duration decisionDeadline,
      @Value("${oversight.reassessment.schedule-cycle:0 0 6 * * ?}") String scheduleCycle) {
    this.reviewDeadline = reviewDeadline;
    this.decisionDeadline = decisionDeadline;
    this.scheduleCycle = scheduleCycle;
  }

  /** The defaults, as documented in docs/reassessment.md. */
  public static ReassessmentSettings defaults() {
    return new ReassessmentSettings(Duration.ofDays(14), Duration.ofDays(14), "0 0 6 * * ?");
  }

  /** Due date of compliance's review (Task_ReviewReassessment). */
  public Date reviewDue() {
    return from(reviewDeadline);
  }

  /** The review's deadline as an ISO 8601 duration (its escalation timer). */
  public String reviewDeadline() {
    return reviewDeadline.toString();
  }

  /** Due date of the committee's decision (Task_DecideReassessment). */
  public Date decisionDue() {
    return from(decisionDeadline);
  }

  /** The decision's deadline as an ISO 8601 duration (its escalation timer). */
  public String decisionDeadline() {
    return decisionDeadline.toString();
  }

  /**
   * When ReassessmentScheduleProcess looks for customers due (a cron expression or an ISO 8601
   * repeating interval); read when the model is deployed.
   */
  public String scheduleCycle() {
    return scheduleCycle;
  }

  private static Date from(Duration duration) {
    return Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration));
  }
}
