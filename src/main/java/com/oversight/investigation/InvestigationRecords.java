package com.oversight.investigation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The investigation records (Flyway V6): ov_investigation, its notes (evidence, information
 * requests, responses, mitigations) and its information requests. Investigation records, read by
 * investigators and the committee; nothing from a grievance but its id.
 */
@Repository
public class InvestigationRecords {

  /** One investigation as stored. */
  public record Investigation(String id, String reference, String origin, String relatedCaseRef,
      String grievanceId, String customerId, String customerAgency, String country,
      String sourceType, String sourceName, String sourceLink, String allegationSummary,
      String openedBy, String leadInvestigator, String investigationPlan, String findingsSummary,
      String recommendedOutcome, String status, String outcome, String outcomeRationale,
      String mitigations, String decidedBy, String processInstanceId) {}

  /** A note of an investigation. */
  public record Note(String id, String kind, String author, Instant recordedAt, String body) {}

  /** What a new investigation is opened with. */
  public record NewInvestigation(String origin, String relatedCaseRef, String grievanceId,
      String customerId, String customerAgency, String country, String sourceType,
      String sourceName, String sourceLink, String allegationSummary, String openedBy,
      String processInstanceId) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public InvestigationRecords(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Stores a new OPEN investigation with the next reference of the year (INV-2026-0001). */
  public Investigation create(NewInvestigation n) {
    Instant now = clock.instant();
    String id = UUID.randomUUID().toString();
    for (int attempt = 0; ; attempt++) {
      String reference = nextReference(now);
      try {
        jdbc.update("INSERT INTO ov_investigation (id, reference, origin, related_case_ref, "
                + "grievance_id, customer_id, customer_agency, country, source_type, source_name, "
                + "source_link, allegation_summary, opened_by, status, process_instance_id, "
                + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', "
                + "?, ?, ?)", id, reference, n.origin(), n.relatedCaseRef(), n.grievanceId(),
            n.customerId(), n.customerAgency(), n.country(), n.sourceType(), n.sourceName(),
            n.sourceLink(), n.allegationSummary(), n.openedBy(), n.processInstanceId(),
            Timestamp.from(now), Timestamp.from(now));
        return find(id).orElseThrow();
      } catch (DuplicateKeyException e) {
        if (attempt >= 4) {
          throw e;
        }
      }
    }
  }

  private String nextReference(Instant now) {
    String prefix = "INV-" + now.atZone(ZoneOffset.UTC).getYear() + "-";
    String last = jdbc.queryForObject(
        "SELECT MAX(reference) FROM ov_investigation WHERE reference LIKE ?", String.class,
        prefix + "%");
    int next = last == null ? 1 : Integer.parseInt(last.substring(prefix.length())) + 1;
    return prefix + String.format("%04d", next);
  }

  public Optional<Investigation> find(String id) {
    return jdbc.query("SELECT * FROM ov_investigation WHERE id = ?", this::map, id).stream()
        .findFirst();
  }

  public Optional<Investigation> findByReference(String reference) {
    return jdbc.query("SELECT * FROM ov_investigation WHERE reference = ?", this::map, reference)
        .stream().findFirst();
  }

  public void recordCustomer(String id, String customerId, String agency, String country) {
    update(id, "customer_id = ?, customer_agency = ?, country = ?", customerId, agency, country);
  }

  public void recordPlan(String id, String leadInvestigator, String plan) {
    update(id, "lead_investigator = ?, investigation_plan = ?", leadInvestigator, plan);
  }

  public void recordFindings(String id, String findings, String recommendedOutcome) {
    update(id, "findings_summary = ?, recommended_outcome = ?, status = 'WITH_COMMITTEE'",
        findings, recommendedOutcome);
  }

  public void recordDecision(String id, String outcome, String rationale, String mitigations,
      String decidedBy) {
    update(id, "outcome = ?, outcome_rationale = ?, mitigations = ?, decided_by = ?, "
        + "decided_at = ?", outcome, rationale, mitigations, decidedBy,
        Timestamp.from(clock.instant()));
  }

  public void close(String id) {
    update(id, "status = 'CLOSED'");
  }

  public String addNote(String investigationId, String kind, String author, String body) {
    String id = UUID.randomUUID().toString();
    jdbc.update("INSERT INTO ov_investigation_note (id, investigation_id, kind, author, "
        + "recorded_at, body) VALUES (?, ?, ?, ?, ?, ?)", id, investigationId, kind, author,
        Timestamp.from(clock.instant()), body);
    return id;
  }

  public List<Note> notes(String investigationId) {
    return jdbc.query("SELECT id, kind, author, recorded_at, body FROM ov_investigation_note "
            + "WHERE investigation_id = ? ORDER BY recorded_at, id",
        (rs, row) -> new Note(rs.getString("id"), rs.getString("kind"), rs.getString("author"),
            rs.getTimestamp("recorded_at").toInstant(), rs.getString("body")), investigationId);
  }

  public String openRequest(String investigationId, String requestedBy, Instant due) {
    String id = UUID.randomUUID().toString();
    jdbc.update("INSERT INTO ov_information_request (id, investigation_id, requested_by, "
        + "requested_at, due_at, status) VALUES (?, ?, ?, ?, ?, 'OPEN')", id, investigationId,
        requestedBy, Timestamp.from(clock.instant()), Timestamp.from(due));
    return id;
  }

  public void closeRequest(String requestId, String status) {
    jdbc.update("UPDATE ov_information_request SET status = ?, answered_at = ? WHERE id = ?",
        status, "ANSWERED".equals(status) ? Timestamp.from(clock.instant()) : null, requestId);
  }

  /** The status of an information request (OPEN, ANSWERED, UNANSWERED). */
  public Optional<String> requestStatus(String requestId) {
    return jdbc.queryForList("SELECT status FROM ov_information_request WHERE id = ?",
        String.class, requestId).stream().findFirst();
  }

  private void update(String id, String assignments, Object... values) {
    Object[] args = new Object[values.length + 2];
    System.arraycopy(values, 0, args, 0, values.length);
    args[values.length] = Timestamp.from(clock.instant());
    args[values.length + 1] = id;
    int updated = jdbc.update("UPDATE ov_investigation SET " + assignments
        + ", updated_at = ? WHERE id = ?", args);
    if (updated != 1) {
      throw new IllegalStateException("No investigation " + id);
    }
  }

  private Investigation map(ResultSet rs, int row) throws SQLException {
    return new Investigation(rs.getString("id"), rs.getString("reference"),
        rs.getString("origin"), rs.getString("related_case_ref"), rs.getString("grievance_id"),
        rs.getString("customer_id"), rs.getString("customer_agency"), rs.getString("country"),
        rs.getString("source_type"), rs.getString("source_name"), rs.getString("source_link"),
        rs.getString("allegation_summary"), rs.getString("opened_by"),
        rs.getString("lead_investigator"), rs.getString("investigation_plan"),
        rs.getString("findings_summary"), rs.getString("recommended_outcome"),
        rs.getString("status"), rs.getString("outcome"), rs.getString("outcome_rationale"),
        rs.getString("mitigations"), rs.getString("decided_by"),
        rs.getString("process_instance_id"));
  }
}
