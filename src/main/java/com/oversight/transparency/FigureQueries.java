package com.oversight.transparency;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The report's raw aggregates, each one SQL query with GROUP BY over the period's rows (never
 * the rows themselves): Oversight's tables (ov_sale_case, ov_grievance, ov_investigation,
 * ov_ledger_entry) and Camunda's task history. The period is {@code [from, to)} in UTC. These
 * numbers are never stored or shown as they are: {@link ReportCalculator} suppresses small ones.
 */
@Repository
class FigureQueries {

  /** Counts per (risk tier, case status) of the sale cases assessed in the period. */
  record TierStatus(String tier, String status, long count) {}

  /** Counts per (origin, outcome) of the investigations opened in the period. */
  record OriginOutcome(String origin, String outcome, long count) {}

  /** Deadlines of one task definition: met and missed. */
  record TaskDeadlines(String processKey, String taskKey, long met, long missed) {}

  /** Grievances received, acknowledged within their deadline, answered within theirs. */
  record GrievanceCounts(long received, long acknowledgedInTime, long feedbackInTime) {}

  private final JdbcTemplate jdbc;
  private final ManagementService management;

  FigureQueries(JdbcTemplate jdbc, @Lazy ManagementService management) {
    this.jdbc = jdbc;
    this.management = management;
  }

  List<TierStatus> opportunities(LocalDate from, LocalDate to) {
    return jdbc.query("SELECT risk_tier, status, COUNT(*) AS n FROM ov_sale_case"
            + " WHERE created_at >= ? AND created_at < ? AND risk_tier IS NOT NULL"
            + " GROUP BY risk_tier, status",
        (rs, row) -> new TierStatus(rs.getString(1), rs.getString(2), rs.getLong(3)),
        start(from), start(to));
  }

  /**
   * Countries where, among the opportunities assessed in the period, one was PROHIBITED, or at
   * least one was rejected and none approved.
   */
  long countriesExcluded(LocalDate from, LocalDate to) {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT country FROM ov_sale_case"
            + " WHERE created_at >= ? AND created_at < ? AND risk_tier IS NOT NULL"
            + " AND country IS NOT NULL GROUP BY country"
            + " HAVING SUM(CASE WHEN risk_tier = 'PROHIBITED' THEN 1 ELSE 0 END) > 0"
            + " OR (SUM(CASE WHEN status = 'REJECTED' THEN 1 ELSE 0 END) > 0"
            + " AND SUM(CASE WHEN status = 'APPROVED_ACTIVE' THEN 1 ELSE 0 END) = 0)) excluded",
        Long.class, start(from), start(to));
    return n == null ? 0 : n;
  }

  GrievanceCounts grievances(LocalDate from, LocalDate to) {
    return jdbc.queryForObject("SELECT COUNT(*),"
            + " COALESCE(SUM(CASE WHEN acknowledged_at IS NOT NULL"
            + " AND acknowledged_at <= acknowledgment_due THEN 1 ELSE 0 END), 0),"
            + " COALESCE(SUM(CASE WHEN feedback_given_at IS NOT NULL AND feedback_due IS NOT NULL"
            + " AND feedback_given_at <= feedback_due THEN 1 ELSE 0 END), 0)"
            + " FROM ov_grievance WHERE received_at >= ? AND received_at < ?",
        (rs, row) -> new GrievanceCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3)),
        start(from), start(to));
  }

  List<OriginOutcome> investigations(LocalDate from, LocalDate to) {
    return jdbc.query("SELECT origin, outcome, COUNT(*) FROM ov_investigation"
            + " WHERE created_at >= ? AND created_at < ? GROUP BY origin, outcome",
        (rs, row) -> new OriginOutcome(rs.getString(1), rs.getString(2), rs.getLong(3)),
        start(from), start(to));
  }

  /** CUSTOMER_SUSPENDED and CUSTOMER_TERMINATED entries of the decision ledger, per action. */
  Map<String, Long> customerActions(LocalDate from, LocalDate to) {
    Map<String, Long> counts = new LinkedHashMap<>();
    // the ledger stores recorded_at as UTC date-time (JdbcAuditLedger)
    jdbc.query("SELECT action, COUNT(*) FROM ov_ledger_entry"
            + " WHERE action IN ('CUSTOMER_SUSPENDED', 'CUSTOMER_TERMINATED')"
            + " AND recorded_at >= ? AND recorded_at < ? GROUP BY action",
        rs -> {
          counts.put(rs.getString(1), rs.getLong(2));
        }, from.atStartOfDay(), to.atStartOfDay());
    return counts;
  }

  /**
   * User tasks whose due date fell in the period, per process and task definition: met when
   * completed by the due date; missed when ended after it (completed late, or cancelled by an
   * escalation) or still open with the due date passed at {@code now}. Tasks still open before
   * their due date, and tasks cancelled before it, count in neither.
   */
  List<TaskDeadlines> deadlines(LocalDate from, LocalDate to, Instant now) {
    String table = management.getTableName(HistoricTaskInstance.class);
    List<TaskDeadlines> rows = new ArrayList<>();
    jdbc.query("SELECT PROC_DEF_KEY_, TASK_DEF_KEY_,"
            + " SUM(CASE WHEN END_TIME_ IS NOT NULL AND END_TIME_ <= DUE_DATE_"
            + " AND DELETE_REASON_ = 'completed' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN (END_TIME_ IS NOT NULL AND END_TIME_ > DUE_DATE_)"
            + " OR (END_TIME_ IS NULL AND DUE_DATE_ < ?) THEN 1 ELSE 0 END)"
            + " FROM " + table
            + " WHERE DUE_DATE_ >= ? AND DUE_DATE_ < ? AND PROC_DEF_KEY_ IS NOT NULL"
            + " AND TASK_DEF_KEY_ IS NOT NULL GROUP BY PROC_DEF_KEY_, TASK_DEF_KEY_",
        rs -> {
          rows.add(new TaskDeadlines(rs.getString(1), rs.getString(2), rs.getLong(3),
              rs.getLong(4)));
        }, Timestamp.from(now), start(from), start(to));
    return rows;
  }

  /** The first instant of a day (UTC) as Oversight and Camunda store instants. */
  private static Timestamp start(LocalDate day) {
    return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
  }
}
