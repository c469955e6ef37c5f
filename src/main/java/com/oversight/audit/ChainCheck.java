package com.oversight.audit;

import com.oversight.audit.AuditLedger.LedgerEntry;
import com.oversight.audit.AuditLedger.Verification;

/**
 * Walks the ledger in sequence order, one entry at a time, and stops at the first entry that
 * breaks the chain: a gap in the sequence, a hash that does not match the entry's content, or a
 * previous hash that is not the hash of the entry before.
 */
final class ChainCheck {

  private long checked;
  private long lastSequence;
  private String lastHash = LedgerHash.GENESIS;
  private Verification broken;

  /** Checks the next entry; false once the chain is broken (further entries are ignored). */
  boolean accept(LedgerEntry entry) {
    if (broken != null) {
      return false;
    }
    checked++;
    long expected = lastSequence + 1;
    if (entry.sequence() != expected) {
      String missing = entry.sequence() - 1 == expected
          ? "entry " + expected + " missing"
          : "entries " + expected + " to " + (entry.sequence() - 1) + " missing";
      String where = lastSequence == 0 ? "sequence gap at the start" : "sequence gap after "
          + lastSequence;
      return fail(expected, where + ": " + missing);
    }
    if (!LedgerHash.of(entry).equals(entry.hash())) {
      return fail(entry.sequence(), "entry " + entry.sequence()
          + ": hash does not match its content");
    }
    if (!lastHash.equals(entry.previousHash())) {
      return fail(entry.sequence(), "entry " + entry.sequence() + ": previous hash does not match "
          + (lastSequence == 0 ? "the start of the ledger" : "entry " + lastSequence));
    }
    lastSequence = entry.sequence();
    lastHash = entry.hash();
    return true;
  }

  Verification result() {
    return broken != null ? broken : new Verification(true, checked, null, null);
  }

  private boolean fail(long sequence, String problem) {
    broken = new Verification(false, checked, sequence, problem);
    return false;
  }
}
