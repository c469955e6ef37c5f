package com.oversight.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger in {@code ov_ledger_entry}. Appends join the caller's transaction, so an entry and
 * the business change it records commit (or roll back) together. Appends are serialised across
 * threads and nodes by locking the single row of {@code ov_ledger_head} until the transaction
 * ends; the primary key on {@code sequence} makes a forked chain impossible even so. Rows are
 * only ever inserted.
 */
@Service
public class JdbcAuditLedger implements AuditLedger {

  static final int MAX_DETAILS_LENGTH = 100_000;
  static final int MAX_NAME_LENGTH = 100;
  private static final String COLUMNS =
      "sequence, case_id, action, actor, recorded_at, details, previous_hash, hash";

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public JdbcAuditLedger(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  @Transactional(propagation = Propagation.REQUIRED)
  public LedgerEntry append(String caseId, String action, String actor, Map<String, ?> details) {
    requireName("caseId", caseId);
    requireName("action", action);
    requireName("actor", actor);
    String json = CanonicalJson.of(details);
    if (json.length() > MAX_DETAILS_LENGTH) {
      throw new IllegalArgumentException("details: longer than " + MAX_DETAILS_LENGTH
          + " characters as JSON");
    }
    jdbc.queryForObject("SELECT id FROM ov_ledger_head WHERE id = 1 FOR UPDATE", Integer.class);
    LedgerEntry last = last();
    long sequence = last == null ? 1 : last.sequence() + 1;
    String previousHash = last == null ? LedgerHash.GENESIS : last.hash();
    Instant recordedAt = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    LedgerEntry entry = new LedgerEntry(sequence, caseId, action, actor, recordedAt, json,
        previousHash, LedgerHash.of(sequence, caseId, action, actor, recordedAt, json,
            previousHash));
    jdbc.update("INSERT INTO ov_ledger_entry (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        entry.sequence(), entry.caseId(), entry.action(), entry.actor(),
        LocalDateTime.ofInstant(entry.recordedAt(), ZoneOffset.UTC), entry.details(),
        entry.previousHash(), entry.hash());
    return entry;
  }

  @Override
  @Transactional(readOnly = true)
  public List<LedgerEntry> entries(String caseId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM ov_ledger_entry WHERE case_id = ? "
        + "ORDER BY sequence", JdbcAuditLedger::entry, caseId);
  }

  /** Streams every entry in sequence order (read in batches) and stops at the first break. */
  @Override
  @Transactional(readOnly = true)
  public Verification verify() {
    ChainCheck check = new ChainCheck();
    return jdbc.query(connection -> {
      var statement = connection.prepareStatement(
          "SELECT " + COLUMNS + " FROM ov_ledger_entry ORDER BY sequence");
      statement.setFetchSize(500);
      return statement;
    }, rs -> {
      while (rs.next() && check.accept(entry(rs, 0))) {
        // the check keeps its state
      }
      return check.result();
    });
  }

  private LedgerEntry last() {
    List<LedgerEntry> last = jdbc.query("SELECT " + COLUMNS + " FROM ov_ledger_entry "
        + "ORDER BY sequence DESC FETCH FIRST 1 ROWS ONLY", JdbcAuditLedger::entry);
    return last.isEmpty() ? null : last.get(0);
  }

  private static LedgerEntry entry(ResultSet rs, int row) throws SQLException {
    return new LedgerEntry(rs.getLong("sequence"), rs.getString("case_id"),
        rs.getString("action"), rs.getString("actor"),
        rs.getObject("recorded_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
        rs.getString("details"), rs.getString("previous_hash"), rs.getString("hash"));
  }

  private static void requireName(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + ": is required");
    }
    if (value.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(field + ": longer than " + MAX_NAME_LENGTH
          + " characters");
    }
  }
}
