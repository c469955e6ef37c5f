package com.oversight.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The ledger in {@code ov_ledger_entry}. Appends join the caller's transaction, so an entry and
 * the business change it records commit (or roll back) together. Appends are serialised across
 * threads and nodes by locking the single row of {@code ov_ledger_head} until the transaction
 * ends; the primary key on {@code sequence} makes a forked chain impossible even so. Rows are
 * only ever inserted. {@link #appendAtCommit} takes the lock only as the transaction commits.
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
    return write(List.of(pending(caseId, action, actor, details))).get(0);
  }

  /**
   * Checks the entry now and writes it in the transaction's {@code beforeCommit}, after every
   * other write of the transaction (the process engine flushes when each of its commands ends,
   * before that): the head row is then locked only for the writing and the commit. Entries of
   * one transaction are written in the order they were appended, under one lock.
   */
  @Override
  @Transactional(propagation = Propagation.REQUIRED)
  public void appendAtCommit(String caseId, String action, String actor,
      Map<String, ?> details) {
    Pending entry = pending(caseId, action, actor, details);
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      write(List.of(entry)); // called without Spring's proxy: nothing to wait for
      return;
    }
    AtCommit atCommit = TransactionSynchronizationManager.getSynchronizations().stream()
        .filter(s -> s instanceof AtCommit a && a.ledger == this).map(AtCommit.class::cast)
        .findFirst().orElseGet(() -> {
          AtCommit created = new AtCommit(this);
          TransactionSynchronizationManager.registerSynchronization(created);
          return created;
        });
    atCommit.entries.add(entry);
  }

  /** The entries a transaction appends at its commit (suspended with the transaction). */
  private static final class AtCommit implements TransactionSynchronization {
    final JdbcAuditLedger ledger;
    final List<Pending> entries = new ArrayList<>();

    AtCommit(JdbcAuditLedger ledger) {
      this.ledger = ledger;
    }

    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      if (!entries.isEmpty()) {
        ledger.write(entries);
      }
    }
  }

  private record Pending(String caseId, String action, String actor, String details) {}

  private static Pending pending(String caseId, String action, String actor,
      Map<String, ?> details) {
    requireName("caseId", caseId);
    requireName("action", action);
    requireName("actor", actor);
    String json = CanonicalJson.of(details);
    if (json.length() > MAX_DETAILS_LENGTH) {
      throw new IllegalArgumentException("details: longer than " + MAX_DETAILS_LENGTH
          + " characters as JSON");
    }
    return new Pending(caseId, action, actor, json);
  }

  /** Locks the head row (until the transaction ends) and chains the entries to the last one. */
  private List<LedgerEntry> write(List<Pending> entries) {
    jdbc.queryForObject("SELECT id FROM ov_ledger_head WHERE id = 1 FOR UPDATE", Integer.class);
    LedgerEntry last = last();
    List<LedgerEntry> written = new ArrayList<>(entries.size());
    for (Pending p : entries) {
      long sequence = last == null ? 1 : last.sequence() + 1;
      String previousHash = last == null ? LedgerHash.GENESIS : last.hash();
      Instant recordedAt = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
      LedgerEntry entry = new LedgerEntry(sequence, p.caseId(), p.action(), p.actor(),
          recordedAt, p.details(), previousHash, LedgerHash.of(sequence, p.caseId(), p.action(),
              p.actor(), recordedAt, p.details(), previousHash));
      jdbc.update("INSERT INTO ov_ledger_entry (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          entry.sequence(), entry.caseId(), entry.action(), entry.actor(),
          LocalDateTime.ofInstant(entry.recordedAt(), ZoneOffset.UTC), entry.details(),
          entry.previousHash(), entry.hash());
      written.add(entry);
      last = entry;
    }
    return written;
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
