package com.oversight.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The hash of a ledger entry: SHA-256, lower-case hex, over an unambiguous serialisation of the
 * entry's fields in a fixed order. Each field is written as its length in UTF-8 bytes, a colon,
 * the bytes and a line feed, so no value can be shifted into its neighbour:
 * {@code sequence, caseId, action, actor, recordedAt, details, previousHash}, where
 * {@code recordedAt} is ISO-8601 UTC with exactly three fraction digits
 * ({@code 2026-03-01T09:15:00.120Z}) and {@code details} is the stored canonical JSON.
 */
final class LedgerHash {

  /** The previous hash of the first entry. */
  static final String GENESIS = "0".repeat(64);

  private static final DateTimeFormatter UTC_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private LedgerHash() {}

  static String of(long sequence, String caseId, String action, String actor,
      Instant recordedAt, String details, String previousHash) {
    StringBuilder canonical = new StringBuilder();
    for (String field : new String[] {Long.toString(sequence), caseId, action, actor,
        UTC_MILLIS.format(recordedAt), details, previousHash}) {
      canonical.append(field.getBytes(StandardCharsets.UTF_8).length).append(':')
          .append(field).append('\n');
    }
    return sha256(canonical.toString());
  }

  static String of(AuditLedger.LedgerEntry entry) {
    return of(entry.sequence(), entry.caseId(), entry.action(), entry.actor(),
        entry.recordedAt(), entry.details(), entry.previousHash());
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
