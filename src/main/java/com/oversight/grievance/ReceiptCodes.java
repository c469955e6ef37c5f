package com.oversight.grievance;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.springframework.stereotype.Component;

/**
 * Receipt codes: 20 random digits from {@link SecureRandom}, shown once to the reporter and stored
 * only as an Argon2id hash (Bouncy Castle; 19 MiB, 2 passes: OWASP's minimum) salted with the
 * deployment's secret salt, so a stolen table cannot be searched without the key and each guess
 * costs real work. The salt is per deployment rather than per code so that a code can be found
 * by its hash, as GlobaLeaks does.
 */
@Component
public class ReceiptCodes {

  /** Digits in a receipt code. */
  public static final int DIGITS = 20;

  private final SecureRandom random = new SecureRandom();
  private final byte[] salt;

  public ReceiptCodes(GrievanceVault vault) {
    this.salt = vault.receiptSalt();
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
    Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withSalt(salt)
        .withMemoryAsKB(19 * 1024)
        .withIterations(2)
        .withParallelism(1)
        .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] out = new byte[32];
    generator.generateBytes(code.getBytes(StandardCharsets.US_ASCII), out);
    return HexFormat.of().formatHex(out);
  }
}
