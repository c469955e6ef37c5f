package com.oversight.transparency;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The figures of a transparency report for the period {@code [from, to)}, as published: only
 * aggregates, small counts already suppressed ({@link Count}, {@link Share}). This is what is
 * stored with a draft and a published report, and what every format (HTML, PDF, JSON, CSV)
 * shows; the raw counts are never stored. See docs/transparency.md for each figure.
 *
 * @param threshold counts from 1 to {@code threshold - 1} are shown as "fewer than threshold"
 * @param computedAt when the figures were computed from the data
 */
public record ReportFigures(
    LocalDate from,
    LocalDate to,
    int threshold,
    Instant computedAt,
    Opportunities opportunities,
    Count countriesExcluded,
    Grievances grievances,
    Investigations investigations,
    CustomerActions customers,
    List<StageDeadlines> deadlines) {

  /**
   * Sale opportunities assessed in the period (risk tier recorded, submitted in the period).
   *
   * @param byTier LOW, MEDIUM, HIGH, PROHIBITED
   * @param byOutcome APPROVED, REJECTED, WITHDRAWN, IN_PROGRESS (where each stands now)
   * @param rejectedShare rejected ÷ assessed
   */
  public record Opportunities(Count assessed, Map<String, Count> byTier,
      Map<String, Count> byOutcome, Count rejected, Share rejectedShare) {}

  /** Grievances received in the period, and how many met their two deadlines. */
  public record Grievances(Count received, Count acknowledgedInTime,
      Share acknowledgedInTimeShare, Count feedbackInTime, Share feedbackInTimeShare) {}

  /**
   * Misuse investigations opened in the period.
   *
   * @param byOrigin GRIEVANCE, COMMITTEE, EXTERNAL_REPORT
   * @param byOutcome the committee's decision, or PENDING
   */
  public record Investigations(Count opened, Map<String, Count> byOrigin,
      Map<String, Count> byOutcome) {}

  /** Customers suspended and terminated in the period (decisions recorded in the ledger). */
  public record CustomerActions(Count suspended, Count terminated) {}

  /** The deadlines of one stage (a user task with a due date) that fell in the period. */
  public record StageDeadlines(String process, String stage, Count met, Count missed,
      Share metShare) {}

  /**
   * A count as published: {@code value} is null when it is suppressed. JSON:
   * {@code {"value": 12, "suppressed": false, "display": "12"}} or
   * {@code {"suppressed": true, "display": "fewer than 5"}}.
   */
  public record Count(Integer value, boolean suppressed, String display) {}

  /**
   * A share in percent (one decimal) as published: {@code percent} is null when it is
   * withheld because a count it comes from is suppressed, or when there is nothing to divide.
   */
  public record Share(Double percent, boolean suppressed, String display) {}
}
