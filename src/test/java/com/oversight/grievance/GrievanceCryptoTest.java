package com.oversight.grievance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.oversight.identity.TryItProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Period;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** Encryption at rest, receipt codes and the guessing throttle, without Spring. */
class GrievanceCryptoTest {

  @TempDir
  Path dir;

  @Test
  void contentIsReadableOnlyWithTheKeyAndOnlyInItsOwnRecord() {
    GrievanceVault vault = vault(key());
    byte[] sealed = vault.encrypt("A journalist was targeted", "g-1", "content");

    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("journalist");
    assertThat(vault.decrypt(sealed, "g-1", "content")).isEqualTo("A journalist was targeted");
    assertThat(vault.encrypt("A journalist was targeted", "g-1", "content"))
        .as("a fresh nonce each time").isNotEqualTo(sealed);
    assertThatThrownBy(() -> vault(key()).decrypt(sealed, "g-1", "content"))
        .hasMessageContaining("wrong key or altered record");
    assertThatThrownBy(() -> vault.decrypt(sealed, "g-2", "content"))
        .as("copied to another record").hasMessageContaining("Decryption failed");
    sealed[sealed.length - 1] ^= 1;
    assertThatThrownBy(() -> vault.decrypt(sealed, "g-1", "content"))
        .as("altered").hasMessageContaining("Decryption failed");
  }

  @Test
  void tryItModeCreatesALocalKeyOnceAndProductionRefusesToStartWithoutOne() throws Exception {
    Path keyFile = dir.resolve("data/grievance.key");
    GrievanceVault first = new GrievanceVault(settings("", keyFile), new TryItProperties(true));
    byte[] sealed = first.encrypt("text", "g-1", "content");
    assertThat(Files.readString(keyFile).trim()).hasSize(44);
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
    GrievanceVault again = new GrievanceVault(settings("", keyFile), new TryItProperties(true));
    assertThat(again.decrypt(sealed, "g-1", "content")).isEqualTo("text");

    assertThatThrownBy(() -> new GrievanceVault(settings("", dir.resolve("none")),
        new TryItProperties(false))).hasMessageContaining("encryption-key is not set");
    assertThatThrownBy(() -> new GrievanceVault(settings("c2hvcnQ=", keyFile),
        new TryItProperties(false))).hasMessageContaining("must be 32 bytes");
  }

  @Test
  void receiptCodesAreTwentyRandomDigitsStoredAsAKeyedHash() {
    ReceiptCodes codes = new ReceiptCodes(vault(key()));
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String code = codes.newCode();
      assertThat(code).matches("\\d{20}");
      seen.add(code);
    }
    assertThat(seen).hasSize(200);
    String code = codes.newCode();
    String hash = codes.hash(code);
    assertThat(hash).startsWith("hmac-sha256:").hasSize(76).doesNotContain(code)
        .isEqualTo(codes.hash(code));
    assertThat(new ReceiptCodes(vault(key())).hash(code)).as("keyed per deployment")
        .isNotEqualTo(hash);
    assertThat(ReceiptCodes.normalized(" 1234 5678-9012 3456 7890 ")).isEqualTo(
        "12345678901234567890");
    assertThat(ReceiptCodes.normalized("1234")).isNull();
    assertThat(ReceiptCodes.formatted("12345678901234567890"))
        .isEqualTo("1234 5678 9012 3456 7890");
  }

  @Test
  void guessingIsThrottledForEveryoneTogether() {
    CodeGuessThrottle throttle = new CodeGuessThrottle(new GrievanceSettings(Period.ofDays(7),
        Period.ofMonths(3), Period.ofDays(14), Period.ofYears(2), "", "x", 3, 5,
        DataSize.ofMegabytes(10), List.of("text/plain")));
    assertThat(throttle.tryAttempt()).isTrue();
    assertThat(throttle.tryAttempt()).isTrue();
    assertThat(throttle.tryAttempt()).isTrue();
    assertThat(throttle.tryAttempt()).isFalse();
  }

  private GrievanceVault vault(String key) {
    return new GrievanceVault(settings(key, dir.resolve("unused")), new TryItProperties(false));
  }

  private static GrievanceSettings settings(String key, Path keyFile) {
    GrievanceSettings d = GrievanceSettings.defaults();
    return new GrievanceSettings(d.acknowledgmentPeriod(), d.feedbackPeriod(),
        d.feedbackReminder(), d.retention(), key, keyFile.toString(), d.codeAttemptsPerMinute(),
        d.maxAttachments(), d.maxAttachmentSize(), d.attachmentTypes());
  }

  private static String key() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
