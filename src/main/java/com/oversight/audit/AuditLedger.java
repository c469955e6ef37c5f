package com.oversight.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The append-only decision record: every decision (who, when, what, rationale, the risk snapshot
 * it was based on) becomes an entry whose hash covers the previous entry's hash, so an altered or
 * deleted row breaks the chain and {@link #verify()} names the first broken entry.
 */
public interface AuditLedger {

  /**
   * Appends an entry. {@code details} must hold no confidential content (no grievance text, no
   * reporter data); it is stored as canonical JSON (keys sorted).
   */
  LedgerEntry append(String caseId, String action, String actor, Map<String, ?> details);

  /**
   * Appends an entry as the caller's transaction commits, after everything else it writes (the
   * process engine's flush included), or at once without a transaction; all or nothing with the
   * transaction as {@link #append}. Appends are serialised across threads and nodes until the
   * commit: this one makes a transaction hold that turn only for its commit, not for its whole
   * remaining work. Bad arguments are refused at once. For callers that need no entry back.
   */
  default void appendAtCommit(String caseId, String action, String actor,
      Map<String, ?> details) {
    append(caseId, action, actor, details);
  }

  /** The entries of one case, oldest first. */
  List<LedgerEntry> entries(String caseId);

  /** Recomputes the whole chain. */
  Verification verify();

  /** One entry of the ledger. */
  record LedgerEntry(long sequence, String caseId, String action, String actor,
      Instant recordedAt, String details, String previousHash, String hash) {}

  /** The result of a verification: intact, or the first entry whose hash does not hold. */
  record Verification(boolean intact, long entriesChecked, Long firstBrokenSequence,
      String problem) {}
}
