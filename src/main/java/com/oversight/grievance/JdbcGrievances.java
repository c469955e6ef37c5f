package com.oversight.grievance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Oversight's grievance tables (V5). Content, messages and attachments arrive and leave
 * encrypted: this class never sees plain text.
 */
@Repository
public class JdbcGrievances {

  private static final String COLUMNS = "id, reference, category, people_at_risk,"
      + " disclosure_consent, contact_provided, status, received_at, acknowledgment_due,"
      + " acknowledged_at, acknowledgment_breached, feedback_due, feedback_given_at,"
      + " feedback_breached, admissible, priority, retaliation_risk, investigated,"
      + " investigation_outcome, outcome, closed_at, purge_after, legal_hold, legal_hold_reason,"
      + " purged_at, process_instance_id";

  private final JdbcTemplate jdbc;

  public JdbcGrievances(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(String id, String reference, String receiptHash, GrievanceCategory category,
      boolean peopleAtRisk, boolean disclosureConsent, boolean contactProvided, byte[] content,
      Instant receivedAt, Instant acknowledgmentDue, String processInstanceId) {
    jdbc.update("INSERT INTO ov_grievance (id, reference, receipt_hash, category, people_at_risk,"
        + " disclosure_consent, contact_provided, content, status, received_at,"
        + " acknowledgment_due, acknowledgment_breached, feedback_breached, investigated,"
        + " legal_hold, process_instance_id)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, FALSE, FALSE, FALSE, ?)",
        id, reference, receiptHash, category.name(), peopleAtRisk, disclosureConsent,
        contactProvided, content, GrievanceStatus.RECEIVED.name(), ts(receivedAt),
        ts(acknowledgmentDue), processInstanceId);
  }

  boolean referenceTaken(String reference) {
    return count("SELECT COUNT(*) FROM ov_grievance WHERE reference = ?", reference) > 0;
  }

  Optional<Grievance> byId(String id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM ov_grievance WHERE id = ?", this::map, id)
        .stream().findFirst();
  }

  Optional<Grievance> byReference(String reference) {
    return jdbc.query("SELECT " + COLUMNS + " FROM ov_grievance WHERE reference = ?", this::map,
        reference).stream().findFirst();
  }

  Optional<Grievance> byReceiptHash(String hash) {
    return jdbc.query("SELECT " + COLUMNS + " FROM ov_grievance WHERE receipt_hash = ?",
        this::map, hash).stream().findFirst();
  }

  /** Replaces a legacy receipt hash with the code's HMAC (if it is still the legacy one). */
  void upgradeReceiptHash(String id, String legacyHash, String hmac) {
    jdbc.update("UPDATE ov_grievance SET receipt_hash = ? WHERE id = ? AND receipt_hash = ?",
        hmac, id, legacyHash);
  }

  /** Whether any report still has a receipt hash without the HMAC's prefix (a legacy hash). */
  boolean anyLegacyReceiptHash(String hmacPrefix) {
    return !jdbc.queryForList("SELECT id FROM ov_grievance WHERE receipt_hash IS NOT NULL"
        + " AND receipt_hash NOT LIKE ? FETCH FIRST 1 ROWS ONLY", String.class,
        hmacPrefix + "%").isEmpty();
  }

  List<Grievance> all() {
    return jdbc.query("SELECT " + COLUMNS + " FROM ov_grievance ORDER BY received_at DESC",
        this::map);
  }

  byte[] content(String id) {
    return jdbc.query("SELECT content FROM ov_grievance WHERE id = ?",
        (rs, row) -> rs.getBytes(1), id).stream().findFirst().orElse(null);
  }

  void acknowledged(String id, Instant at, Instant feedbackDue) {
    jdbc.update("UPDATE ov_grievance SET status = ?, acknowledged_at = ?, feedback_due = ?"
        + " WHERE id = ?", GrievanceStatus.ACKNOWLEDGED.name(), ts(at), ts(feedbackDue), id);
  }

  void acknowledgmentBreached(String id) {
    jdbc.update("UPDATE ov_grievance SET acknowledgment_breached = TRUE WHERE id = ?", id);
  }

  void feedbackBreached(String id) {
    jdbc.update("UPDATE ov_grievance SET feedback_breached = TRUE WHERE id = ?", id);
  }

  void feedbackGiven(String id, Instant at) {
    jdbc.update("UPDATE ov_grievance SET feedback_given_at = ? WHERE id = ?"
        + " AND feedback_given_at IS NULL", ts(at), id);
  }

  void triaged(String id, boolean admissible, String priority, String retaliationRisk,
      boolean peopleAtRisk) {
    jdbc.update("UPDATE ov_grievance SET admissible = ?, priority = ?, retaliation_risk = ?,"
        + " people_at_risk = ? WHERE id = ?", admissible, priority, retaliationRisk, peopleAtRisk,
        id);
  }

  void underInvestigation(String id) {
    jdbc.update("UPDATE ov_grievance SET status = ?, investigated = TRUE WHERE id = ?",
        GrievanceStatus.UNDER_INVESTIGATION.name(), id);
  }

  void investigationOutcome(String id, String outcome) {
    jdbc.update("UPDATE ov_grievance SET status = ?, investigation_outcome = ? WHERE id = ?",
        GrievanceStatus.ACKNOWLEDGED.name(), outcome, id);
  }

  void closed(String id, GrievanceOutcome outcome, Instant at, LocalDate purgeAfter) {
    jdbc.update("UPDATE ov_grievance SET status = ?, outcome = ?, closed_at = ?, purge_after = ?"
        + " WHERE id = ?", GrievanceStatus.CLOSED.name(), outcome.name(), ts(at), purgeAfter, id);
  }

  void legalHold(String id, boolean hold, String reason) {
    jdbc.update("UPDATE ov_grievance SET legal_hold = ?, legal_hold_reason = ? WHERE id = ?",
        hold, hold ? reason : null, id);
  }

  List<Grievance> purgeable(LocalDate today) {
    return jdbc.query("SELECT " + COLUMNS + " FROM ov_grievance WHERE status = ?"
        + " AND purge_after <= ? AND legal_hold = FALSE", this::map,
        GrievanceStatus.CLOSED.name(), today);
  }

  /** Removes content, messages, attachments and the receipt hash; keeps the counted facts. */
  void purge(String id, Instant at) {
    jdbc.update("DELETE FROM ov_grievance_attachment WHERE grievance_id = ?", id);
    jdbc.update("DELETE FROM ov_grievance_message WHERE grievance_id = ?", id);
    jdbc.update("UPDATE ov_grievance SET content = NULL, receipt_hash = NULL, status = ?,"
        + " legal_hold_reason = NULL, purged_at = ? WHERE id = ?", GrievanceStatus.PURGED.name(),
        ts(at), id);
  }

  String insertMessage(String grievanceId, String authorRole, String author, String kind,
      Instant at, byte[] body) {
    String id = UUID.randomUUID().toString();
    jdbc.update("INSERT INTO ov_grievance_message (id, grievance_id, author_role, author, kind,"
        + " sent_at, body) VALUES (?, ?, ?, ?, ?, ?, ?)", id, grievanceId, authorRole, author,
        kind, ts(at), body);
    return id;
  }

  /** Messages in order: id, author_role, author, kind, sent_at, body (encrypted). */
  List<Map<String, Object>> messages(String grievanceId) {
    return jdbc.queryForList("SELECT id, author_role, author, kind, sent_at, body"
        + " FROM ov_grievance_message WHERE grievance_id = ? ORDER BY sent_at, id", grievanceId);
  }

  void insertAttachment(String id, String grievanceId, String messageId, String contentType,
      long size, byte[] name, byte[] data, Instant at) {
    jdbc.update("INSERT INTO ov_grievance_attachment (id, grievance_id, message_id, content_type,"
        + " size_bytes, name, data, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id,
        grievanceId, messageId, contentType, size, name, data, ts(at));
  }

  /** Attachments without their data: id, message_id, content_type, size_bytes, name. */
  List<Map<String, Object>> attachments(String grievanceId) {
    return jdbc.queryForList("SELECT id, message_id, content_type, size_bytes, name"
        + " FROM ov_grievance_attachment WHERE grievance_id = ? ORDER BY uploaded_at, id",
        grievanceId);
  }

  /** One attachment with its data: content_type, name, data. */
  Optional<Map<String, Object>> attachment(String grievanceId, String attachmentId) {
    return jdbc.queryForList("SELECT content_type, name, data FROM ov_grievance_attachment"
        + " WHERE grievance_id = ? AND id = ?", grievanceId, attachmentId).stream().findFirst();
  }

  private int count(String sql, Object... args) {
    Integer n = jdbc.queryForObject(sql, Integer.class, args);
    return n == null ? 0 : n;
  }

  private Grievance map(ResultSet rs, int row) throws SQLException {
    String outcome = rs.getString("outcome");
    java.sql.Date purgeAfter = rs.getDate("purge_after");
    return new Grievance(rs.getString("id"), rs.getString("reference"),
        GrievanceCategory.valueOf(rs.getString("category")), rs.getBoolean("people_at_risk"),
        rs.getBoolean("disclosure_consent"), rs.getBoolean("contact_provided"),
        GrievanceStatus.valueOf(rs.getString("status")), instant(rs, "received_at"),
        instant(rs, "acknowledgment_due"), instant(rs, "acknowledged_at"),
        rs.getBoolean("acknowledgment_breached"), instant(rs, "feedback_due"),
        instant(rs, "feedback_given_at"), rs.getBoolean("feedback_breached"),
        (Boolean) rs.getObject("admissible"), rs.getString("priority"),
        rs.getString("retaliation_risk"), rs.getBoolean("investigated"),
        rs.getString("investigation_outcome"),
        outcome == null ? null : GrievanceOutcome.valueOf(outcome), instant(rs, "closed_at"),
        purgeAfter == null ? null : purgeAfter.toLocalDate(), rs.getBoolean("legal_hold"),
        rs.getString("legal_hold_reason"), instant(rs, "purged_at"),
        rs.getString("process_instance_id"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
