package com.oversight.sales;

import com.oversight.risk.RiskTier;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The configurable deadlines and committee rules of the sale approval, used by the model's
 * expressions ({@code ${saleSettings.informationDue()}}) and the delegates. Due dates are counted
 * from the engine's clock, the one its timers use.
 */
@Component("saleSettings")
public class SaleSettings {

  private final Duration informationDeadline;
  private final Duration reviewDeadline;
  private final Duration decisionDeadline;
  private final Duration conditionDeadline;
  private final String authorityReminderCycle;
  private final String chair;
  private final int minimumVotes;
  private final Period reassessLow;
  private final Period reassessMedium;
  private final Period reassessHigh;

  public SaleSettings(
      @Value("${oversight.sales.information-deadline:P14D}") Duration informationDeadline,
      @Value("${oversight.sales.review-deadline:P7D}") Duration reviewDeadline,
      @Value("${oversight.committee.decision-deadline:P10D}") Duration decisionDeadline,
      @Value("${oversight.sales.condition-deadline:P30D}") Duration conditionDeadline,
      @Value("${oversight.sales.authority-reminder-cycle:R/P14D}") String authorityReminderCycle,
      @Value("${oversight.committee.chair:grace}") String chair,
      @Value("${oversight.committee.minimum-votes:2}") int minimumVotes,
      @Value("${oversight.sales.reassessment.low:P2Y}") Period reassessLow,
      @Value("${oversight.sales.reassessment.medium:P1Y}") Period reassessMedium,
      @Value("${oversight.sales.reassessment.high:P6M}") Period reassessHigh) {
    this.informationDeadline = informationDeadline;
    this.reviewDeadline = reviewDeadline;
    this.decisionDeadline = decisionDeadline;
    this.conditionDeadline = conditionDeadline;
    this.authorityReminderCycle = authorityReminderCycle;
    this.chair = chair;
    this.minimumVotes = minimumVotes;
    this.reassessLow = reassessLow;
    this.reassessMedium = reassessMedium;
    this.reassessHigh = reassessHigh;
  }

  /** The defaults, as documented in docs/sale-approval.md. */
  public static SaleSettings defaults() {
    return new SaleSettings(Duration.ofDays(14), Duration.ofDays(7), Duration.ofDays(10),
        Duration.ofDays(30), "R/P14D", "grace", 2, Period.ofYears(2), Period.ofYears(1),
        Period.ofMonths(6));
  }

  public Date informationDue() {
    return from(informationDeadline);
  }

  public Date reviewDue() {
    return from(reviewDeadline);
  }

  public Date decisionDue() {
    return from(decisionDeadline);
  }

  public Date conditionDue() {
    return from(conditionDeadline);
  }

  public String authorityReminderCycle() {
    return authorityReminderCycle;
  }

  public String chair() {
    return chair;
  }

  public int minimumVotes() {
    return minimumVotes;
  }

  public LocalDate reassessmentDue(RiskTier tier, LocalDate activatedOn) {
    return switch (tier) {
      case LOW -> activatedOn.plus(reassessLow);
      case MEDIUM -> activatedOn.plus(reassessMedium);
      default -> activatedOn.plus(reassessHigh);
    };
  }

  private static Date from(Duration duration) {
    return Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration));
  }

  /** Today by the engine's clock. */
  public static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
  }
}
