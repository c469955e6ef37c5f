package com.oversight.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.oversight.audit.AuditLedger.LedgerEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hash and the canonical details without a database. */
class LedgerHashTest {

  static final Instant AT = Instant.parse("2026-03-01T09:15:00.120Z");

  @Test
  void hashIsSha256HexOfTheLengthPrefixedFields() {
    String hash = LedgerHash.of(1, "case-1", "VOTE", "gina", AT, "{}", LedgerHash.GENESIS);
    assertThat(hash).hasSize(64).matches("[0-9a-f]{64}");
    assertThat(LedgerHash.of(1, "case-1", "VOTE", "gina", AT, "{}", LedgerHash.GENESIS))
        .isEqualTo(hash);
  }

  @Test
  void shiftingTextBetweenFieldsChangesTheHash() {
    String a = LedgerHash.of(1, "case-1", "VOTE", "gina", AT, "{}", LedgerHash.GENESIS);
    String b = LedgerHash.of(1, "case-1V", "OTE", "gina", AT, "{}", LedgerHash.GENESIS);
    String c = LedgerHash.of(1, "case-1", "VOTE", "gina", AT.plusMillis(1), "{}",
        LedgerHash.GENESIS);
    assertThat(List.of(b, c)).doesNotContain(a);
  }

  @Test
  void detailsAreCanonicalWhateverTheKeyOrder() {
    Map<String, Object> first = new LinkedHashMap<>();
    first.put("vote", "APPROVE");
    first.put("at", LocalDate.of(2026, 3, 1));
    first.put("nested", Map.of("z", 1, "a", List.of(2, 1)));
    Map<String, Object> second = new LinkedHashMap<>();
    second.put("nested", Map.of("a", List.of(2, 1), "z", 1));
    second.put("at", LocalDate.of(2026, 3, 1));
    second.put("vote", "APPROVE");
    assertThat(CanonicalJson.of(first)).isEqualTo(CanonicalJson.of(second))
        .isEqualTo("{\"at\":\"2026-03-01\",\"nested\":{\"a\":[2,1],\"z\":1},\"vote\":\"APPROVE\"}");
    assertThat(CanonicalJson.of(null)).isEqualTo("{}");
  }

  @Test
  void chainCheckNamesGapsBrokenHashesAndBrokenLinks() {
    LedgerEntry one = entry(1, LedgerHash.GENESIS);
    LedgerEntry two = entry(2, one.hash());
    LedgerEntry three = entry(3, two.hash());
    assertThat(check(one, two, three)).isEqualTo(new AuditLedger.Verification(true, 3, null,
        null));
    assertThat(check(one, three).problem()).isEqualTo("sequence gap after 1: entry 2 missing");
    assertThat(check(two).problem())
        .isEqualTo("sequence gap at the start: entry 1 missing");
    assertThat(check(one, entry(4, one.hash())).problem())
        .isEqualTo("sequence gap after 1: entries 2 to 3 missing");
    LedgerEntry relinked = entry(3, one.hash());
    assertThat(check(one, two, relinked).problem())
        .isEqualTo("entry 3: previous hash does not match entry 2");
    LedgerEntry altered = new LedgerEntry(2, "case-1", "VOTE", "mallory", AT, "{}",
        one.hash(), two.hash());
    AuditLedger.Verification broken = check(one, altered, three);
    assertThat(broken.firstBrokenSequence()).isEqualTo(2);
    assertThat(broken.entriesChecked()).isEqualTo(2);
    assertThat(broken.problem()).isEqualTo("entry 2: hash does not match its content");
  }

  static LedgerEntry entry(long sequence, String previousHash) {
    return new LedgerEntry(sequence, "case-1", "VOTE", "gina", AT, "{}", previousHash,
        LedgerHash.of(sequence, "case-1", "VOTE", "gina", AT, "{}", previousHash));
  }

  static AuditLedger.Verification check(LedgerEntry... entries) {
    ChainCheck check = new ChainCheck();
    for (LedgerEntry entry : entries) {
      check.accept(entry);
    }
    return check.result();
  }
}
