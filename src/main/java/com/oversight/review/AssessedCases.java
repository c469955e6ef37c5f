package com.oversight.review;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oversight.risk.RedFlag;
import com.oversight.risk.RiskAssessment.DecisionUsed;
import com.oversight.risk.RiskInputs;
import com.oversight.risk.RiskTier;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The sale cases assessed in a period, read from the risk snapshot each case keeps
 * ({@code ov_sale_case.risk_snapshot}, a serialised {@code risk.RiskAssessment}). Read-only: the
 * decision impact changes nothing.
 */
@Repository
public class AssessedCases {

  /** What the replay needs of a stored snapshot; the rest (explanation, rules) is skipped. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Snapshot(RiskTier tier, List<RedFlag> redFlags, Instant assessedAt, RiskInputs inputs,
      DecisionUsed decision) {}

  /** A case whose snapshot could not be read at all. */
  public record Unreadable(String caseId, String reference, String country, String problem) {}

  /** The cases assessed in the period, and those whose snapshot could not be read. */
  public record Found(List<AssessedCase> cases, List<Unreadable> unreadable) {}

  private final JdbcTemplate jdbc;
  private final ObjectMapper objectMapper;

  public AssessedCases(JdbcTemplate jdbc, ObjectMapper objectMapper) {
    this.jdbc = jdbc;
    this.objectMapper = objectMapper;
  }

  /** The cases whose (last) assessment was made in {@code [from, to)}, UTC, by reference. */
  public Found assessedIn(LocalDate from, LocalDate to) {
    Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = to.atStartOfDay(ZoneOffset.UTC).toInstant();
    List<AssessedCase> cases = new ArrayList<>();
    List<Unreadable> unreadable = new ArrayList<>();
    // an assessment is made after the case is created and sets updated_at: narrow by both
    jdbc.query("SELECT id, business_key, country, risk_snapshot FROM ov_sale_case "
        + "WHERE risk_snapshot IS NOT NULL AND created_at < ? AND updated_at >= ? "
        + "ORDER BY business_key", rs -> {
          String id = rs.getString("id");
          String reference = rs.getString("business_key");
          String country = rs.getString("country");
          Snapshot snapshot;
          try {
            snapshot = objectMapper.readValue(rs.getString("risk_snapshot"), Snapshot.class);
          } catch (Exception e) {
            unreadable.add(new Unreadable(id, reference, country, "the stored risk snapshot "
                + "cannot be read"));
            return;
          }
          if (snapshot.assessedAt() == null || snapshot.tier() == null
              || snapshot.assessedAt().isBefore(start) || !snapshot.assessedAt().isBefore(end)) {
            return;
          }
          cases.add(new AssessedCase(id, reference, country, snapshot.assessedAt(),
              snapshot.tier(), snapshot.redFlags() == null ? List.of()
                  : snapshot.redFlags().stream().map(RedFlag::code).toList(),
              snapshot.inputs(), snapshot.decision() == null ? null
                  : snapshot.decision().key() + " v" + snapshot.decision().version()));
        }, Timestamp.from(end), Timestamp.from(start));
    return new Found(cases, unreadable);
  }
}
