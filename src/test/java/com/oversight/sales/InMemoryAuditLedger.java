package com.oversight.sales;

import com.oversight.audit.AuditLedger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The audit ledger's contract in memory, for tests (the real one comes from the audit branch). */
public class InMemoryAuditLedger implements AuditLedger {

  private final List<LedgerEntry> entries = new ArrayList<>();

  @Override
  public synchronized LedgerEntry append(String caseId, String action, String actor,
      Map<String, ?> details) {
    String previous = entries.isEmpty() ? "" : entries.get(entries.size() - 1).hash();
    String json = new TreeMap<>(details).toString();
    LedgerEntry entry = new LedgerEntry(entries.size() + 1, caseId, action, actor, Instant.now(),
        json, previous, Integer.toHexString((previous + json).hashCode()));
    entries.add(entry);
    return entry;
  }

  @Override
  public synchronized List<LedgerEntry> entries(String caseId) {
    return entries.stream().filter(e -> e.caseId().equals(caseId)).toList();
  }

  @Override
  public Verification verify() {
    return new Verification(true, entries.size(), null, null);
  }

  public synchronized List<String> actions(String caseId) {
    return entries(caseId).stream().map(LedgerEntry::action).toList();
  }

  public synchronized void clear() {
    entries.clear();
  }
}
