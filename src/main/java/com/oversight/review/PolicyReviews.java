package com.oversight.review;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The stored policy reviews and the long texts of their steps (Flyway V10): the review row, the
 * experts' findings, the stakeholder dialogue and the rounds of amendments with the committee's
 * decision on each. Texts are added, never rewritten.
 */
@Repository
public class PolicyReviews {

  /** A review as stored in ov_policy_review. */
  public record PolicyReview(String id, String reference, LocalDate periodFrom, LocalDate periodTo,
      String startedBy, PolicyReviewStatus status, String processInstanceId, String draftReportId,
      String draftReportPath, String publishedReportId, Integer publishedVersion,
      String publishedReportPath, Instant createdAt, Instant updatedAt) {}

  /** The external experts' findings (Task_ExpertReview). */
  public record Finding(String reviewer, String frameworkFindings, String figuresFindings,
      Instant recordedAt) {}

  /** The record of the stakeholder dialogue (Task_RecordStakeholderDialogue). */
  public record Dialogue(String recordedBy, String consulted, String statements, String changes,
      Instant recordedAt) {}

  /** One round of proposed amendments and the committee's decision on it (null until made). */
  public record Amendment(int round, String proposedBy, String amendments,
      String decisionImpactId, Instant proposedAt, String decision, String decidedBy,
      String decisionReason, Instant decidedAt) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public PolicyReviews(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Stores a new OPEN review with the next reference of the year (PR-2026-0001). */
  public PolicyReview create(LocalDate from, LocalDate to, String startedBy,
      String processInstanceId) {
    Instant now = clock.instant();
    String id = UUID.randomUUID().toString();
    for (int attempt = 0; ; attempt++) {
      String reference = nextReference(now);
      try {
        jdbc.update("INSERT INTO ov_policy_review (id, reference, period_from, period_to, "
                + "started_by, status, process_instance_id, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, reference, Date.valueOf(from),
            Date.valueOf(to), startedBy, PolicyReviewStatus.OPEN.name(), processInstanceId,
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
    String prefix = "PR-" + now.atZone(ZoneOffset.UTC).getYear() + "-";
    String last = jdbc.queryForObject(
        "SELECT MAX(reference) FROM ov_policy_review WHERE reference LIKE ?", String.class,
        prefix + "%");
    int next = last == null ? 1 : Integer.parseInt(last.substring(prefix.length())) + 1;
    return prefix + String.format("%04d", next);
  }

  public Optional<PolicyReview> find(String id) {
    return jdbc.query("SELECT * FROM ov_policy_review WHERE id = ?", PolicyReviews::review, id)
        .stream().findFirst();
  }

  /** Every review, newest first. */
  public List<PolicyReview> list() {
    return jdbc.query("SELECT * FROM ov_policy_review ORDER BY created_at DESC, reference DESC",
        PolicyReviews::review);
  }

  public void recordDraft(String id, String draftId, String draftPath) {
    update(id, "draft_report_id = ?, draft_report_path = ?, status = ?", draftId, draftPath,
        PolicyReviewStatus.FIGURES_READY.name());
  }

  public void recordPublication(String id, String publishedId, int version, String path) {
    update(id, "published_report_id = ?, published_version = ?, published_report_path = ?, "
        + "status = ?", publishedId, version, path, PolicyReviewStatus.PUBLISHED.name());
  }

  public void updateStatus(String id, PolicyReviewStatus status) {
    update(id, "status = ?", status.name());
  }

  public void addFinding(String reviewId, String reviewer, String framework, String figures) {
    jdbc.update("INSERT INTO ov_policy_review_finding (id, review_id, reviewer, "
            + "framework_findings, figures_findings, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(), reviewId, reviewer, framework, figures, now());
  }

  public void addDialogue(String reviewId, String recordedBy, String consulted,
      String statements, String changes) {
    jdbc.update("INSERT INTO ov_policy_review_dialogue (id, review_id, recorded_by, consulted, "
            + "statements, changes, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(), reviewId, recordedBy, consulted, statements, changes,
        now());
  }

  /** Stores the next round of amendments; returns its round number (from 1). */
  public int addAmendment(String reviewId, String proposedBy, String amendments,
      String decisionImpactId) {
    Integer last = jdbc.queryForObject("SELECT MAX(round) FROM ov_policy_review_amendment "
        + "WHERE review_id = ?", Integer.class, reviewId);
    int round = last == null ? 1 : last + 1;
    jdbc.update("INSERT INTO ov_policy_review_amendment (id, review_id, round, proposed_by, "
            + "amendments, decision_impact_id, proposed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(), reviewId, round, proposedBy, amendments, decisionImpactId,
        now());
    update(reviewId, "status = ?", PolicyReviewStatus.AMENDMENTS_PROPOSED.name());
    return round;
  }

  /** Records the committee's decision on the latest round. */
  public void decideLatest(String reviewId, String decision, String decidedBy, String reason) {
    jdbc.update("UPDATE ov_policy_review_amendment SET decision = ?, decided_by = ?, "
            + "decision_reason = ?, decided_at = ? WHERE review_id = ? AND decision IS NULL "
            + "AND round = (SELECT MAX(round) FROM ov_policy_review_amendment WHERE review_id = ?)",
        decision, decidedBy, reason, now(), reviewId, reviewId);
  }

  public List<Finding> findings(String reviewId) {
    return jdbc.query("SELECT * FROM ov_policy_review_finding WHERE review_id = ? "
        + "ORDER BY recorded_at", (rs, row) -> new Finding(rs.getString("reviewer"),
        rs.getString("framework_findings"), rs.getString("figures_findings"),
        instant(rs, "recorded_at")), reviewId);
  }

  public List<Dialogue> dialogues(String reviewId) {
    return jdbc.query("SELECT * FROM ov_policy_review_dialogue WHERE review_id = ? "
        + "ORDER BY recorded_at", (rs, row) -> new Dialogue(rs.getString("recorded_by"),
        rs.getString("consulted"), rs.getString("statements"), rs.getString("changes"),
        instant(rs, "recorded_at")), reviewId);
  }

  public List<Amendment> amendments(String reviewId) {
    return jdbc.query("SELECT * FROM ov_policy_review_amendment WHERE review_id = ? "
        + "ORDER BY round", (rs, row) -> new Amendment(rs.getInt("round"),
        rs.getString("proposed_by"), rs.getString("amendments"),
        rs.getString("decision_impact_id"), instant(rs, "proposed_at"), rs.getString("decision"),
        rs.getString("decided_by"), rs.getString("decision_reason"), instant(rs, "decided_at")),
        reviewId);
  }

  private void update(String id, String assignments, Object... values) {
    Object[] all = new Object[values.length + 2];
    System.arraycopy(values, 0, all, 0, values.length);
    all[values.length] = now();
    all[values.length + 1] = id;
    jdbc.update("UPDATE ov_policy_review SET " + assignments + ", updated_at = ? WHERE id = ?",
        all);
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private static PolicyReview review(ResultSet rs, int row) throws SQLException {
    return new PolicyReview(rs.getString("id"), rs.getString("reference"),
        rs.getDate("period_from").toLocalDate(), rs.getDate("period_to").toLocalDate(),
        rs.getString("started_by"), PolicyReviewStatus.valueOf(rs.getString("status")),
        rs.getString("process_instance_id"), rs.getString("draft_report_id"),
        rs.getString("draft_report_path"), rs.getString("published_report_id"),
        (Integer) rs.getObject("published_version"), rs.getString("published_report_path"),
        instant(rs, "created_at"), instant(rs, "updated_at"));
  }
}
