package com.oversight.review;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The configurable deadlines of the policy review, used by the model's expressions
 * ({@code ${policyReviewSettings.expertReviewDue()}}: the task's due date and the escalation
 * timer on it), and the period a timer-started review covers. Counted from the engine's clock,
 * the one its timers use. The yearly timer itself is in the model (see docs/policy-review.md).
 */
@Component("policyReviewSettings")
public class PolicyReviewSettings {

  private final Duration expertReviewDeadline;
  private final Duration dialogueDeadline;
  private final Duration amendmentsDeadline;
  private final Duration approvalDeadline;
  private final Period period;

  public PolicyReviewSettings(
      @Value("${oversight.review.expert-review-deadline:P30D}") Duration expertReviewDeadline,
      @Value("${oversight.review.dialogue-deadline:P30D}") Duration dialogueDeadline,
      @Value("${oversight.review.amendments-deadline:P14D}") Duration amendmentsDeadline,
      @Value("${oversight.review.approval-deadline:P14D}") Duration approvalDeadline,
      @Value("${oversight.review.period:P1Y}") Period period) {
    this.expertReviewDeadline = expertReviewDeadline;
    this.dialogueDeadline = dialogueDeadline;
    this.amendmentsDeadline = amendmentsDeadline;
    this.approvalDeadline = approvalDeadline;
    this.period = period;
  }

  /** The defaults, as documented in docs/policy-review.md. */
  public static PolicyReviewSettings defaults() {
    return new PolicyReviewSettings(Duration.ofDays(30), Duration.ofDays(30),
        Duration.ofDays(14), Duration.ofDays(14), Period.ofYears(1));
  }

  /** Due date of the external experts' review (Task_ExpertReview). */
  public Date expertReviewDue() {
    return from(expertReviewDeadline);
  }

  /** Due date of the record of the stakeholder dialogue (Task_RecordStakeholderDialogue). */
  public Date dialogueDue() {
    return from(dialogueDeadline);
  }

  /** Due date of each proposal of amendments (Task_ProposeAmendments). */
  public Date amendmentsDue() {
    return from(amendmentsDeadline);
  }

  /** Due date of the committee's approval (Task_ApproveAmendments). */
  public Date approvalDue() {
    return from(approvalDeadline);
  }

  /**
   * The period of a review the timer started (no period given): {@code oversight.review.period}
   * (default one year) up to the first day of the current month, e.g. 2026-01-01 to 2027-01-01
   * for a review started on 15 January 2027.
   */
  public LocalDate[] defaultPeriod() {
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
    LocalDate to = today.withDayOfMonth(1);
    return new LocalDate[] {to.minus(period), to};
  }

  private static Date from(Duration duration) {
    return Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration));
  }
}
