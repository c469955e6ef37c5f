package com.oversight.grievance;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Receipt codes: 20 random digits from {@link SecureRandom}, shown once to the reporter and stored
 * only as an Argon2id hash (Bouncy Castle; 19 MiB, 2 passes: OWASP's minimum) salted with the
 * deployment's secret salt, so a stolen table cannot be searched without the key and each guess
 * costs real work. The salt is per deployment rather than per code so that a code can be found
 * by its hash, as GlobaLeaks does.
 *
 * <p>A hash costs one core about 40 ms and 19 MiB. At most one hash per core runs at a time (the
 * others wait their turn, first come first served), each on a generator whose 19 MiB of block
 * memory is kept and reused: 32 reports at once neither allocate 32 × 19 MiB nor share the cores
 * 32 ways (docs/PERFORMANCE.md, public reports). The parameters, and so every stored hash, are
 * unchanged.
 */
@Component
public class ReceiptCodes {

  /** Digits in a receipt code. */
  public static final int DIGITS = 20;

  private static final int MEMORY_KB = 19 * 1024;
  private static final int ITERATIONS = 2;

  private final SecureRandom random = new SecureRandom();
  private final Argon2Parameters parameters;
  private final Semaphore running;
  private final ConcurrentLinkedQueue<Argon2BytesGenerator> idle = new ConcurrentLinkedQueue<>();

  @Autowired
  public ReceiptCodes(GrievanceVault vault) {
    this(vault, Runtime.getRuntime().availableProcessors());
  }

  ReceiptCodes(GrievanceVault vault, int concurrentHashes) {
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

  /** The stored hash of a code (hex). */
  public String hash(String code) {
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
