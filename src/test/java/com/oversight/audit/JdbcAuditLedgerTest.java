package com.oversight.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.oversight.audit.AuditLedger.LedgerEntry;
import com.oversight.audit.AuditLedger.Verification;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger on the application's database (H2 here). Every test starts and ends with an empty
 * ledger; tampering goes through plain JDBC, as an intruder with database access would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class JdbcAuditLedgerTest {

  @Autowired AuditLedger ledger;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;

  @BeforeEach
  @AfterEach
  void emptyLedger() {
    jdbc.update("DELETE FROM ov_ledger_entry");
  }

  List<LedgerEntry> appendFive() {
    List<LedgerEntry> entries = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      entries.add(ledger.append(i % 2 == 0 ? "case-even" : "case-odd", "VOTE_CAST", "gina",
          Map.of("vote", "APPROVE", "rationale", "entry " + i, "risk",
              Map.of("tier", "HIGH", "redFlags", List.of("ABUSE_RECORD")))));
    }
    return entries;
  }

  @Test
  void appendsBuildAChainThatVerifies() {
    List<LedgerEntry> entries = appendFive();

    assertThat(entries).extracting(LedgerEntry::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(entries.get(0).previousHash()).isEqualTo("0".repeat(64));
    for (int i = 1; i < entries.size(); i++) {
      assertThat(entries.get(i).previousHash()).isEqualTo(entries.get(i - 1).hash());
    }
    assertThat(entries.get(0).details()).isEqualTo("{\"rationale\":\"entry 1\",\"risk\":"
        + "{\"redFlags\":[\"ABUSE_RECORD\"],\"tier\":\"HIGH\"},\"vote\":\"APPROVE\"}");
    assertThat(entries.get(0).recordedAt())
        .isEqualTo(entries.get(0).recordedAt().truncatedTo(ChronoUnit.MILLIS));
    assertThat(ledger.verify()).isEqualTo(new Verification(true, 5, null, null));
  }

  @Test
  void entriesOfACaseAreWhatWasAppendedOldestFirst() {
    List<LedgerEntry> entries = appendFive();

    assertThat(ledger.entries("case-odd"))
        .containsExactly(entries.get(0), entries.get(2), entries.get(4));
    assertThat(ledger.entries("case-even")).containsExactly(entries.get(1), entries.get(3));
    assertThat(ledger.entries("no-such-case")).isEmpty();
  }

  @Test
  void anEmptyLedgerIsIntact() {
    assertThat(ledger.verify()).isEqualTo(new Verification(true, 0, null, null));
  }

  @Test
  void changedDetailsAreDetected() {
    appendFive();
    jdbc.update("UPDATE ov_ledger_entry SET details = ? WHERE sequence = 3",
        "{\"rationale\":\"entry 3\",\"vote\":\"REJECT\"}");

    assertBroken(3, "entry 3: hash does not match its content");
  }

  @Test
  void changedActorIsDetected() {
    appendFive();
    jdbc.update("UPDATE ov_ledger_entry SET actor = 'greg' WHERE sequence = 2");

    assertBroken(2, "entry 2: hash does not match its content");
  }

  @Test
  void changedTimeIsDetected() {
    appendFive();
    jdbc.update("UPDATE ov_ledger_entry SET recorded_at = ? WHERE sequence = 4",
        java.time.LocalDateTime.of(2020, 1, 1, 0, 0));

    assertBroken(4, "entry 4: hash does not match its content");
  }

  @Test
  void aDeletedMiddleEntryIsDetected() {
    appendFive();
    jdbc.update("DELETE FROM ov_ledger_entry WHERE sequence = 3");

    assertBroken(3, "sequence gap after 2: entry 3 missing");
  }

  @Test
  void aDeletedFirstEntryIsDetected() {
    appendFive();
    jdbc.update("DELETE FROM ov_ledger_entry WHERE sequence = 1");

    assertBroken(1, "sequence gap at the start: entry 1 missing");
  }

  @Test
  void aChangedHashIsDetected() {
    appendFive();
    jdbc.update("UPDATE ov_ledger_entry SET hash = ? WHERE sequence = 4", "f".repeat(64));

    assertBroken(4, "entry 4: hash does not match its content");
  }

  @Test
  void aRewrittenEntryWithARecomputedHashBreaksTheNextLink() {
    List<LedgerEntry> entries = appendFive();
    LedgerEntry original = entries.get(1);
    String forgedDetails = "{\"vote\":\"REJECT\"}";
    String forgedHash = LedgerHash.of(original.sequence(), original.caseId(), original.action(),
        original.actor(), original.recordedAt(), forgedDetails, original.previousHash());
    jdbc.update("UPDATE ov_ledger_entry SET details = ?, hash = ? WHERE sequence = 2",
        forgedDetails, forgedHash);

    assertBroken(3, "entry 3: previous hash does not match entry 2");
  }

  @Test
  void appendsAfterTamperingDoNotHideIt() {
    appendFive();
    jdbc.update("UPDATE ov_ledger_entry SET actor = 'greg' WHERE sequence = 2");
    ledger.append("case-odd", "VOTE_CAST", "grace", Map.of());

    assertBroken(2, "entry 2: hash does not match its content");
  }

  @Test
  void aRolledBackCallerTransactionLeavesNoEntry() {
    transactions.executeWithoutResult(status -> {
      ledger.append("case-rollback", "DECISION", "gina", Map.of("outcome", "APPROVED"));
      assertThat(ledger.entries("case-rollback")).hasSize(1);
      status.setRollbackOnly();
    });

    assertThat(ledger.entries("case-rollback")).isEmpty();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ov_ledger_entry", Long.class)).isZero();
    assertThat(ledger.append("case-rollback", "DECISION", "gina", Map.of()).sequence())
        .isEqualTo(1);
  }

  @Test
  void anAppendAtCommitIsWrittenAsTheTransactionCommitsAfterItsOtherWrites() {
    transactions.executeWithoutResult(status -> {
      ledger.appendAtCommit("case-late", "OPPORTUNITY_SUBMITTED", "sara", Map.of("n", 1));
      ledger.appendAtCommit("case-late", "RISK_ASSESSED", "system", Map.of("n", 2));
      ledger.append("case-early", "VOTE_CAST", "gina", Map.of());
      assertThat(ledger.entries("case-late")).isEmpty();
      assertThat(ledger.entries("case-early")).extracting(LedgerEntry::sequence)
          .containsExactly(1L);
    });

    assertThat(ledger.entries("case-late")).extracting(LedgerEntry::sequence,
        LedgerEntry::action).containsExactly(org.assertj.core.groups.Tuple.tuple(2L,
            "OPPORTUNITY_SUBMITTED"), org.assertj.core.groups.Tuple.tuple(3L, "RISK_ASSESSED"));
    assertThat(ledger.verify()).isEqualTo(new Verification(true, 3, null, null));
  }

  @Test
  void anAppendAtCommitOfARolledBackTransactionLeavesNoEntry() {
    transactions.executeWithoutResult(status -> {
      ledger.appendAtCommit("case-rollback", "DECISION", "gina", Map.of());
      status.setRollbackOnly();
    });

    assertThat(ledger.entries("case-rollback")).isEmpty();
    ledger.appendAtCommit("case-alone", "DECISION", "gina", Map.of());
    assertThat(ledger.entries("case-alone")).extracting(LedgerEntry::sequence)
        .containsExactly(1L);
  }

  @Test
  void anInnerTransactionWritesItsOwnAppendsAtItsOwnCommit() {
    TransactionTemplate inner = new TransactionTemplate(transactions.getTransactionManager());
    inner.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    transactions.executeWithoutResult(status -> {
      ledger.appendAtCommit("case-outer", "STEP", "gina", Map.of());
      inner.executeWithoutResult(innerStatus ->
          ledger.appendAtCommit("case-inner", "STEP", "gina", Map.of()));
      assertThat(ledger.entries("case-inner")).hasSize(1);
      assertThat(ledger.entries("case-outer")).isEmpty();
    });

    assertThat(ledger.entries("case-outer")).extracting(LedgerEntry::sequence)
        .containsExactly(2L);
    assertThat(ledger.verify().intact()).isTrue();
  }

  @Test
  void anAppendAtCommitRefusesBadArgumentsAtOnce() {
    assertThatThrownBy(() -> transactions.executeWithoutResult(status ->
        ledger.appendAtCommit("case-1", " ", "gina", Map.of())))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("action: is required");
    assertThat(ledger.verify()).isEqualTo(new Verification(true, 0, null, null));
  }

  @Test
  void concurrentAppendsFormOneGaplessChain() throws Exception {
    concurrentAppends(ledger, jdbc, 8, 25);
  }

  /**
   * {@code threads} threads append {@code perThread} entries each, all at once: every other
   * thread as its transactions commit ({@link AuditLedger#appendAtCommit}).
   */
  static void concurrentAppends(AuditLedger ledger, JdbcTemplate jdbc, int threads,
      int perThread) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<Void>> tasks = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String caseId = "case-" + t;
        boolean atCommit = t % 2 == 1;
        tasks.add(() -> {
          for (int i = 0; i < perThread; i++) {
            if (atCommit) {
              ledger.appendAtCommit(caseId, "STEP", "worker", Map.of("i", i));
            } else {
              ledger.append(caseId, "STEP", "worker", Map.of("i", i));
            }
          }
          return null;
        });
      }
      for (Future<Void> done : pool.invokeAll(tasks)) {
        done.get();
      }
    } finally {
      pool.shutdown();
    }
    int total = threads * perThread;
    assertThat(jdbc.queryForList("SELECT sequence FROM ov_ledger_entry ORDER BY sequence",
        Long.class)).containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
    assertThat(ledger.verify()).isEqualTo(new Verification(true, total, null, null));
  }

  @Test
  void blankNamesAreRefused() {
    assertThatThrownBy(() -> ledger.append(" ", "VOTE_CAST", "gina", Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("caseId: is required");
    assertThatThrownBy(() -> ledger.append("case-1", "VOTE_CAST", null, Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("actor: is required");
  }

  void assertBroken(long sequence, String problem) {
    Verification verification = ledger.verify();
    assertThat(verification.intact()).isFalse();
    assertThat(verification.firstBrokenSequence()).isEqualTo(sequence);
    assertThat(verification.problem()).isEqualTo(problem);
  }
}
