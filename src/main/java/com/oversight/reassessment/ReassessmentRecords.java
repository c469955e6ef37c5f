package com.oversight.reassessment;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The re-assessments (ov_reassessment, Flyway V8) and the customers as re-assessments read them
 * (ov_customer with its sale case; written only through sales.Customers).
 */
@Repository
public class ReassessmentRecords {

  /** A customer with what a re-assessment needs: due date, sale case, its key and red flags. */
  public record CustomerFile(String id, String agency, String country, String status,
      String riskTier, LocalDate reassessmentDue, String saleCaseId, String saleKey,
      String saleRedFlags) {}

  /** One re-assessment as stored. */
  public record Reassessment(String id, String reference, String customerId, String trigger,
      String triggerDetail, String startedBy, String status, String previousTier,
      String previousRedFlags, String newTier, String redFlags, String redFlagCodes,
      String addedRedFlags, String comparison, String reviewedBy, String reviewNote,
      String recommendedDecision, String decision, String decisionRationale,
      String decisionConditions, String decidedBy, String customerStatus, LocalDate nextDue,
      String processInstanceId, Instant startedAt, Instant scoredAt, Instant closedAt) {}

  private static final String CUSTOMER = "SELECT c.id, c.agency, c.country, c.status, "
      + "c.risk_tier, c.reassessment_due, c.sale_case_id, s.business_key, s.red_flags "
      + "FROM ov_customer c JOIN ov_sale_case s ON s.id = c.sale_case_id ";

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public ReassessmentRecords(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  // ---- customers -------------------------------------------------------------------------

  public Optional<CustomerFile> customer(String id) {
    if (id == null || id.isBlank()) {
      return Optional.empty();
    }
    return jdbc.query(CUSTOMER + "WHERE c.id = ?", ReassessmentRecords::customer, id.trim())
        .stream().findFirst();
  }

  /** The ACTIVE customers in a country (ISO alpha-2). */
  public List<CustomerFile> activeIn(String country) {
    return jdbc.query(CUSTOMER + "WHERE c.status = 'ACTIVE' AND UPPER(c.country) = ? "
        + "ORDER BY c.agency, c.id", ReassessmentRecords::customer, country.toUpperCase());
  }

  /** The ACTIVE customers whose re-assessment is due on or before the day, earliest first. */
  public List<CustomerFile> activeDueBy(LocalDate day) {
    return jdbc.query(CUSTOMER + "WHERE c.status = 'ACTIVE' AND c.reassessment_due <= ? "
        + "ORDER BY c.reassessment_due, c.id", ReassessmentRecords::customer, Date.valueOf(day));
  }

  // ---- re-assessments --------------------------------------------------------------------

  /** Registers a running re-assessment; fails on the unique key if one runs for the customer. */
  public Reassessment create(String reference, String customerId, String trigger,
      String triggerDetail, String startedBy, String previousTier, String previousRedFlags,
      String processInstanceId) {
    String id = UUID.randomUUID().toString();
    jdbc.update("INSERT INTO ov_reassessment (id, reference, customer_id, open_customer_id, "
            + "trigger_kind, trigger_detail, started_by, status, previous_tier, "
            + "previous_red_flags, process_instance_id, started_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, 'RUNNING', ?, ?, ?, ?)", id, reference, customerId,
        customerId, trigger, triggerDetail, startedBy, previousTier, previousRedFlags,
        processInstanceId, now());
    return find(id).orElseThrow();
  }

  public Optional<Reassessment> find(String id) {
    return jdbc.query("SELECT * FROM ov_reassessment WHERE id = ?", ReassessmentRecords::map,
        id).stream().findFirst();
  }

  /** The re-assessment registered as running for the customer, if any. */
  public Optional<Reassessment> open(String customerId) {
    return jdbc.query("SELECT * FROM ov_reassessment WHERE open_customer_id = ?",
        ReassessmentRecords::map, customerId).stream().findFirst();
  }

  /** Every re-assessment registered as running, oldest first. */
  public List<Reassessment> running() {
    return jdbc.query("SELECT * FROM ov_reassessment WHERE status = 'RUNNING' "
        + "ORDER BY started_at, id", ReassessmentRecords::map);
  }

  /** The customer's last scored re-assessment that ended, if any. */
  public Optional<Reassessment> lastClosed(String customerId) {
    return jdbc.query("SELECT * FROM ov_reassessment WHERE customer_id = ? AND status = 'CLOSED' "
        + "AND new_tier IS NOT NULL ORDER BY closed_at DESC, started_at DESC",
        ReassessmentRecords::map, customerId).stream().findFirst();
  }

  public boolean referenceTaken(String reference) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM ov_reassessment WHERE reference = ?",
        Integer.class, reference) > 0;
  }

  public void recordScore(String id, String newTier, String redFlags, String redFlagCodes,
      String addedRedFlags, String comparison, String snapshot) {
    jdbc.update("UPDATE ov_reassessment SET new_tier = ?, red_flags = ?, red_flag_codes = ?, "
        + "added_red_flags = ?, comparison = ?, risk_snapshot = ?, scored_at = ? WHERE id = ?",
        newTier, redFlags, redFlagCodes, addedRedFlags, comparison, snapshot, now(), id);
  }

  public void recordReview(String id, String reviewer, String note, String recommended) {
    jdbc.update("UPDATE ov_reassessment SET reviewed_by = ?, review_note = ?, "
        + "recommended_decision = ? WHERE id = ?", reviewer, note, recommended, id);
  }

  public void recordDecision(String id, String decision, String rationale, String conditions,
      String decidedBy) {
    jdbc.update("UPDATE ov_reassessment SET decision = ?, decision_rationale = ?, "
        + "decision_conditions = ?, decided_by = ?, decided_at = ? WHERE id = ?", decision,
        rationale, conditions, decidedBy, now(), id);
  }

  /** Ends it: no longer running for its customer. */
  public void close(String id, String customerStatus, LocalDate nextDue) {
    jdbc.update("UPDATE ov_reassessment SET status = 'CLOSED', open_customer_id = NULL, "
        + "customer_status = ?, next_due = ?, closed_at = ? WHERE id = ?", customerStatus,
        Date.valueOf(nextDue), now(), id);
  }

  /** Its process instance is gone (cancelled in Cockpit): no longer running. */
  public void cancel(String id) {
    jdbc.update("UPDATE ov_reassessment SET status = 'CANCELLED', open_customer_id = NULL, "
        + "closed_at = ? WHERE id = ?", now(), id);
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }

  private static CustomerFile customer(ResultSet rs, int row) throws SQLException {
    return new CustomerFile(rs.getString(1), rs.getString(2), rs.getString(3).trim(),
        rs.getString(4), rs.getString(5), rs.getDate(6).toLocalDate(), rs.getString(7),
        rs.getString(8), rs.getString(9));
  }

  private static Reassessment map(ResultSet rs, int row) throws SQLException {
    return new Reassessment(rs.getString("id"), rs.getString("reference"),
        rs.getString("customer_id"), rs.getString("trigger_kind"),
        rs.getString("trigger_detail"), rs.getString("started_by"), rs.getString("status"),
        rs.getString("previous_tier"), rs.getString("previous_red_flags"),
        rs.getString("new_tier"), rs.getString("red_flags"), rs.getString("red_flag_codes"),
        rs.getString("added_red_flags"), rs.getString("comparison"),
        rs.getString("reviewed_by"), rs.getString("review_note"),
        rs.getString("recommended_decision"), rs.getString("decision"),
        rs.getString("decision_rationale"), rs.getString("decision_conditions"),
        rs.getString("decided_by"), rs.getString("customer_status"),
        rs.getDate("next_due") == null ? null : rs.getDate("next_due").toLocalDate(),
        rs.getString("process_instance_id"), instant(rs, "started_at"),
        instant(rs, "scored_at"), instant(rs, "closed_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
