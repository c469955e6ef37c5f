package com.oversight.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The governance dashboard's figures at one moment ({@code computedAt}): counts only, never a
 * case's content, a reporter's data or an agency's name. What each figure means:
 * docs/dashboard.md.
 *
 * @param computedAt the moment "now" of every figure (overdue, due soon, today)
 * @param zone the time zone of the months and of "today"
 * @param openCases running process instances per process, and where they wait
 * @param tasks open user tasks per candidate group: overdue and near their deadline
 * @param slaCompliance per month, oldest first: completed user tasks with a due date, on time
 * @param reassessments ACTIVE customers whose re-assessment is overdue or due soon, by tier
 * @param countries sale cases, customers and investigations per country
 */
public record Dashboard(
    Instant computedAt,
    String zone,
    List<ProcessCases> openCases,
    TaskDeadlines tasks,
    List<MonthSla> slaCompliance,
    Reassessments reassessments,
    List<CountryCases> countries) {

  /** A process: its running instances, open incidents, and the stages they wait at. */
  public record ProcessCases(String processKey, String processName, long running,
      long incidents, List<Stage> stages) {}

  /**
   * A stage: an activity (task, timer, message wait, or a job about to run) and the number of
   * running instances waiting there.
   */
  public record Stage(String activityId, String activityName, long instances) {}

  /**
   * Open user tasks, each counted once ({@code open}, {@code overdue}, {@code dueSoon}: due
   * within {@code dueSoonDays} days), and per candidate group.
   */
  public record TaskDeadlines(int dueSoonDays, long open, long overdue, long dueSoon,
      List<GroupTasks> groups) {}

  /**
   * One candidate group ({@code none}: tasks assigned to a person without a candidate group):
   * open tasks (claimed or not), those past their due date, and those due within the window.
   */
  public record GroupTasks(String group, String groupName, long open, long overdue,
      long dueSoon) {}

  /**
   * One month ({@code yyyy-MM}): user tasks with a due date completed in it, those completed by
   * their due date, those completed after it, and the share on time in percent (one decimal;
   * null when none was completed).
   */
  public record MonthSla(String month, long completed, long onTime, long late,
      Double onTimePercent) {}

  /**
   * Re-assessments of ACTIVE customers as of {@code today}: per tier and in total, how many are
   * overdue, due within {@code soonDays} days, and due after that but within {@code laterDays}
   * days; {@code runningProcesses}: re-assessment processes under way.
   */
  public record Reassessments(LocalDate today, int soonDays, int laterDays, List<TierDue> byTier,
      TierDue total, long runningProcesses) {}

  /** One risk tier (or {@code ALL}): ACTIVE customers and their re-assessments due. */
  public record TierDue(String tier, long activeCustomers, long overdue, long dueSoon,
      long dueLater) {}

  /**
   * One country (ISO code; empty when not recorded): sale cases by status, customers by status,
   * and misuse investigations (all, and those not closed).
   */
  public record CountryCases(String country, String countryName,
      Map<String, Long> saleCasesByStatus, long saleCases, long activeCustomers,
      long suspendedCustomers, long terminatedCustomers, long investigations,
      long openInvestigations) {}
}
