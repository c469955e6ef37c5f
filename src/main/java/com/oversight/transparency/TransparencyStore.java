package com.oversight.transparency;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The report tables (V9). Published reports are only ever inserted, never updated or deleted:
 * their figures and PDF stay as they were at publication.
 */
@Repository
class TransparencyStore {

  /** A draft as stored: its figures as JSON. */
  record StoredDraft(String id, LocalDate from, LocalDate to, String figures, String reviewRef,
      Instant createdAt, Integer publishedVersion) {}

  /** A published report as stored, without its PDF. */
  record StoredReport(String id, int version, String draftId, LocalDate from, LocalDate to,
      String figures, Instant publishedAt) {}

  private static final String DRAFT_COLUMNS =
      "id, period_from, period_to, figures, review_ref, created_at, published_version";
  private static final String REPORT_COLUMNS =
      "id, version, draft_id, period_from, period_to, figures, published_at";

  private final JdbcTemplate jdbc;

  TransparencyStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insertDraft(String id, LocalDate from, LocalDate to, String figures, String requestedBy,
      String reviewRef, Instant at) {
    jdbc.update("INSERT INTO ov_transparency_draft (id, period_from, period_to, figures,"
            + " requested_by, review_ref, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        id, Date.valueOf(from), Date.valueOf(to), figures, requestedBy, reviewRef,
        Timestamp.from(at));
  }

  Optional<StoredDraft> draft(String id) {
    return jdbc.query("SELECT " + DRAFT_COLUMNS + " FROM ov_transparency_draft WHERE id = ?",
        TransparencyStore::draft, id).stream().findFirst();
  }

  /** The draft, locked until the transaction ends (publication). */
  Optional<StoredDraft> draftForUpdate(String id) {
    return jdbc.query("SELECT " + DRAFT_COLUMNS + " FROM ov_transparency_draft WHERE id = ?"
        + " FOR UPDATE", TransparencyStore::draft, id).stream().findFirst();
  }

  /** Drafts without their figures, newest first. */
  List<StoredDraft> drafts(int limit) {
    return jdbc.query("SELECT id, period_from, period_to, NULL AS figures, review_ref,"
        + " created_at, published_version FROM ov_transparency_draft"
        + " ORDER BY created_at DESC, id FETCH FIRST " + limit + " ROWS ONLY",
        TransparencyStore::draft);
  }

  /** Serialises publications (one version after the other, on every node). */
  void lockVersions() {
    jdbc.queryForObject("SELECT id FROM ov_transparency_head WHERE id = 1 FOR UPDATE",
        Integer.class);
  }

  int nextVersion() {
    Integer last = jdbc.queryForObject("SELECT MAX(version) FROM ov_transparency_report",
        Integer.class);
    return last == null ? 1 : last + 1;
  }

  void insertReport(String id, int version, StoredDraft draft, byte[] pdf, String publishedBy,
      Instant at) {
    jdbc.update("INSERT INTO ov_transparency_report (id, version, draft_id, period_from,"
            + " period_to, figures, pdf, published_by, published_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id, version, draft.id(), Date.valueOf(draft.from()), Date.valueOf(draft.to()),
        draft.figures(), pdf, publishedBy, Timestamp.from(at));
    jdbc.update("UPDATE ov_transparency_draft SET published_version = ? WHERE id = ?", version,
        draft.id());
  }

  Optional<StoredReport> report(int version) {
    return jdbc.query("SELECT " + REPORT_COLUMNS + " FROM ov_transparency_report"
        + " WHERE version = ?", TransparencyStore::report, version).stream().findFirst();
  }

  Optional<StoredReport> reportOfDraft(String draftId) {
    return jdbc.query("SELECT " + REPORT_COLUMNS + " FROM ov_transparency_report"
        + " WHERE draft_id = ?", TransparencyStore::report, draftId).stream().findFirst();
  }

  /** Published reports without their figures, newest version first. */
  List<StoredReport> reports() {
    return jdbc.query("SELECT id, version, draft_id, period_from, period_to, NULL AS figures,"
        + " published_at FROM ov_transparency_report ORDER BY version DESC",
        TransparencyStore::report);
  }

  Optional<byte[]> pdf(int version) {
    return jdbc.query("SELECT pdf FROM ov_transparency_report WHERE version = ?",
        (rs, row) -> rs.getBytes(1), version).stream().findFirst();
  }

  private static StoredDraft draft(ResultSet rs, int row) throws SQLException {
    return new StoredDraft(rs.getString("id"), rs.getDate("period_from").toLocalDate(),
        rs.getDate("period_to").toLocalDate(), rs.getString("figures"),
        rs.getString("review_ref"), rs.getTimestamp("created_at").toInstant(),
        (Integer) rs.getObject("published_version"));
  }

  private static StoredReport report(ResultSet rs, int row) throws SQLException {
    return new StoredReport(rs.getString("id"), rs.getInt("version"), rs.getString("draft_id"),
        rs.getDate("period_from").toLocalDate(), rs.getDate("period_to").toLocalDate(),
        rs.getString("figures"), rs.getTimestamp("published_at").toInstant());
  }
}
