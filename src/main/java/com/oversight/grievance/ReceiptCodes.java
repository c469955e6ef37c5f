package com.oversight.grievance;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Receipt codes: 20 random digits from {@link SecureRandom} (66 bits), shown once to the reporter
 * and stored only as {@code hmac-sha256:<hex>}, an HMAC-SHA256 of the code under a key derived
 * from the deployment's secret ({@link GrievanceVault#receiptKey()}, kept outside the database
 * with the key that encrypts the reports). A code is found by its HMAC, as GlobaLeaks finds codes
 * by a hash under a per-deployment salt.
 *
 * <p>Why not a slow hash (docs/grievance-handling.md, "Receipt codes"): Argon2's cost protects
 * low-entropy passwords. A 66-bit random code with a secret key adds nothing for it to protect:
 * with the database alone (no key) neither an HMAC nor Argon2 can be searched at all; with the
 * database and the key an attacker decrypts every report directly and needs no code. Online
 * guessing is limited by {@link CodeGuessThrottle}.
 *
 * <p>Codes given out before (stored as a bare hex Argon2id hash: 19 MiB, 2 passes, salted with
 * {@link GrievanceVault#receiptSalt()}) keep working: {@link #legacyHash} computes that hash for
 * a code whose HMAC finds nothing, and the reporting service replaces it with the HMAC on the
 * first successful look-up. At most one legacy hash per core runs at a time, each on a
 * generator whose 19 MiB of block memory is kept and reused.
 */
@Component
public class ReceiptCodes {

  /** Digits in a receipt code. */
  public static final int DIGITS = 20;

  /** The prefix of stored HMAC values; a stored value without it is a legacy Argon2id hash. */
  public static final String HMAC_PREFIX = "hmac-sha256:";

  private static final String HMAC = "HmacSHA256";
  private static final int MEMORY_KB = 19 * 1024;
  private static final int ITERATIONS = 2;

  private final SecureRandom random = new SecureRandom();
  private final SecretKeySpec hmacKey;
  private final Argon2Parameters parameters;
  private final Semaphore running;
  private final ConcurrentLinkedQueue<Argon2BytesGenerator> idle = new ConcurrentLinkedQueue<>();

  @Autowired
  public ReceiptCodes(GrievanceVault vault) {
    this(vault, Runtime.getRuntime().availableProcessors());
  }

  ReceiptCodes(GrievanceVault vault, int concurrentHashes) {
    this.hmacKey = new SecretKeySpec(vault.receiptKey(), HMAC);
    this.parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withSalt(vault.receiptSalt())
        .withMemoryAsKB(MEMORY_KB)
        .withIterations(ITERATIONS)
        .withParallelism(1)
        .build();
    this.running = new Semaphore(Math.max(1, concurrentHashes), true);
  }

  /** A fresh code, digits only. */
  public String newCode() {
    StringBuilder code = new StringBuilder(DIGITS);
    for (int i = 0; i < DIGITS; i++) {
      code.append(random.nextInt(10));
    }
    return code.toString();
  }

  /** The code as shown: groups of four digits. */
  public static String formatted(String code) {
    return code.replaceAll("(\\d{4})(?=\\d)", "$1 ");
  }

  /**
   * The code a reporter typed, digits only (spaces and dashes allowed between them), or null if
   * it cannot be a code.
   */
  public static String normalized(String typed) {
    if (typed == null) {
      return null;
    }
    String digits = typed.replaceAll("[\\s-]", "");
    return digits.matches("\\d{" + DIGITS + "}") ? digits : null;
  }

  /** The stored value of a code: {@code hmac-sha256:} and the HMAC in hex (76 characters). */
  public String hash(String code) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(hmacKey);
      return HMAC_PREFIX + HexFormat.of().formatHex(
          mac.doFinal(code.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  /** Whether a stored value is a legacy Argon2id hash (to be upgraded on its next look-up). */
  public static boolean isLegacy(String stored) {
    return stored != null && !stored.startsWith(HMAC_PREFIX);
  }

  /**
   * The legacy stored hash of a code (Argon2id, hex): how codes given out before HMACs were
   * stored. Slow on purpose (about 40 to 70 ms of one core); only for look-ups of old codes.
   */
  public String legacyHash(String code) {
    running.acquireUninterruptibly();
    Argon2BytesGenerator generator = idle.poll();
    try {
      if (generator == null) {
        generator = new Argon2BytesGenerator();
        generator.init(parameters);
      }
      byte[] out = new byte[32];
      // every pass overwrites or mixes into blocks the first pass wrote afresh: a reused
      // generator gives the same hash as a new one (ReceiptCodesTest)
      generator.generateBytes(code.getBytes(StandardCharsets.US_ASCII), out);
      idle.offer(generator);
      return HexFormat.of().formatHex(out);
    } finally {
      running.release();
    }
  }
}
