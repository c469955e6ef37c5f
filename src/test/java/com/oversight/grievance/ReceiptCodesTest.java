package com.oversight.grievance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.oversight.identity.TryItProperties;
import com.oversight.platform.ApiProblem;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Receipt codes are stored as an HMAC-SHA256 under a key derived from the deployment's secret
 * (never the code itself); codes given out before, stored as Argon2id hashes, still find their
 * report and are upgraded to the HMAC on that look-up; look-ups stay throttled.
 */
class ReceiptCodesTest {

  private static final String KEY = "cmVjZWlwdC1jb2Rlcy10ZXN0LWtleS0zMi1ieXRlcyE=";
  private static final String OTHER_KEY = "b3RoZXItZGVwbG95bWVudC1rZXktMzItYnl0ZXMhISE=";

  @Test
  void aNewCodeIsStoredAsItsHmacUnderAKeyDerivedFromTheDeploymentsSecret() throws Exception {
    GrievanceVault vault = new GrievanceVault(settings(KEY, 30), new TryItProperties(false));
    ReceiptCodes codes = new ReceiptCodes(vault, 2);
    String code = codes.newCode();
    String stored = codes.hash(code);

    // HKDF-SHA256 (RFC 5869, expand only: the key is 32 random bytes) with its own label,
    // computed here with the JDK alone: T(1) = HMAC(key, info || 0x01)
    byte[] secret = Base64.getDecoder().decode(KEY);
    byte[] label = "oversight receipt-code hmac key v2".getBytes(StandardCharsets.UTF_8);
    byte[] hmacKey = hmac(secret, ByteBuffer.allocate(label.length + 1).put(label)
        .put((byte) 1).array());
    assertThat(stored).isEqualTo("hmac-sha256:" + HexFormat.of().formatHex(
        hmac(hmacKey, code.getBytes(StandardCharsets.US_ASCII))));
    assertThat(stored).hasSize(76).doesNotContain(code).isEqualTo(codes.hash(code));
    assertThat(ReceiptCodes.isLegacy(stored)).isFalse();
    // its own key: neither the encryption key nor the legacy salt
    assertThat(vault.receiptKey()).isNotEqualTo(secret).isNotEqualTo(vault.receiptSalt());
    // another deployment's secret gives another value: a table cannot be searched without it
    GrievanceVault other = new GrievanceVault(settings(OTHER_KEY, 30),
        new TryItProperties(false));
    assertThat(new ReceiptCodes(other, 1).hash(code)).isNotEqualTo(stored);
  }

  @Test
  void legacyHashesStayExactlyWhatTheyWere() throws Exception {
    GrievanceVault vault = new GrievanceVault(settings(KEY, 30), new TryItProperties(false));
    ReceiptCodes codes = new ReceiptCodes(vault, 2);
    List<String> sample = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      sample.add(codes.newCode());
    }
    // one after the other (generators reused) ...
    for (String code : sample) {
      assertThat(codes.legacyHash(code)).isEqualTo(argon2id(vault, code));
      assertThat(ReceiptCodes.isLegacy(codes.legacyHash(code))).isTrue();
    }
    // ... and many at once, at most two hashing at a time
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> hashes = new ArrayList<>();
      for (String code : sample) {
        hashes.add(pool.submit(() -> codes.legacyHash(code)));
      }
      for (int i = 0; i < sample.size(); i++) {
        assertThat(hashes.get(i).get()).isEqualTo(argon2id(vault, sample.get(i)));
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void aCodeStoredWithTheLegacyHashFindsItsReportAndIsUpgradedToTheHmac() {
    GrievanceVault vault = new GrievanceVault(settings(KEY, 30), new TryItProperties(false));
    ReceiptCodes codes = spy(new ReceiptCodes(vault, 1));
    JdbcGrievances grievances = mock(JdbcGrievances.class);
    ReportingService reporting = reporting(grievances, vault, codes, 30);
    String code = codes.newCode();
    String legacy = argon2id(vault, code);
    when(grievances.byReceiptHash(anyString())).thenReturn(Optional.empty());
    when(grievances.byReceiptHash(legacy)).thenReturn(Optional.of(grievance("g-1")));
    when(grievances.anyLegacyReceiptHash("hmac-sha256:")).thenReturn(true);

    ReportingService.ReporterView view = reporting.view(formatted(code));

    assertThat(view.status()).isEqualTo(GrievanceStatus.RECEIVED);
    verify(grievances).upgradeReceiptHash("g-1", legacy, codes.hash(code));

    // once upgraded, the HMAC finds it: no Argon2id hash any more
    when(grievances.byReceiptHash(codes.hash(code))).thenReturn(
        Optional.of(grievance("g-1")));
    reporting.view(code);
    verify(codes, times(1)).legacyHash(code);
    verify(grievances, times(1)).upgradeReceiptHash(any(), any(), any());
  }

  @Test
  void aWrongCodeCostsNoArgon2HashWhenNoLegacyHashIsLeftAndIsNotFound() {
    GrievanceVault vault = new GrievanceVault(settings(KEY, 30), new TryItProperties(false));
    ReceiptCodes codes = spy(new ReceiptCodes(vault, 1));
    JdbcGrievances grievances = mock(JdbcGrievances.class);
    ReportingService reporting = reporting(grievances, vault, codes, 30);
    when(grievances.byReceiptHash(anyString())).thenReturn(Optional.empty());
    when(grievances.anyLegacyReceiptHash("hmac-sha256:")).thenReturn(false);

    assertThatThrownBy(() -> reporting.view("1111 2222 3333 4444 5555"))
        .isInstanceOfSatisfying(ApiProblem.class,
            p -> assertThat(p.status()).isEqualTo(HttpStatus.NOT_FOUND));
    verify(codes, never()).legacyHash(anyString());
    verify(grievances, never()).upgradeReceiptHash(any(), any(), any());
  }

  @Test
  void lookUpsAreStillThrottledForEveryoneTogether() {
    GrievanceVault vault = new GrievanceVault(settings(KEY, 3), new TryItProperties(false));
    ReceiptCodes codes = new ReceiptCodes(vault, 1);
    JdbcGrievances grievances = mock(JdbcGrievances.class);
    ReportingService reporting = reporting(grievances, vault, codes, 3);
    String code = codes.newCode();
    when(grievances.byReceiptHash(codes.hash(code))).thenReturn(Optional.of(grievance("g-1")));

    for (int i = 0; i < 3; i++) {
      assertThat(reporting.view(code).status()).isEqualTo(GrievanceStatus.RECEIVED);
    }
    // the fourth look-up in the minute is refused, even with the right code, before any hash
    assertThatThrownBy(() -> reporting.view(code)).isInstanceOfSatisfying(ApiProblem.class,
        p -> assertThat(p.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS));
    verify(grievances, times(3)).byReceiptHash(anyString());
  }

  // ---- helpers -----------------------------------------------------------------------------

  private static ReportingService reporting(JdbcGrievances grievances, GrievanceVault vault,
      ReceiptCodes codes, int attemptsPerMinute) {
    GrievanceSettings settings = settings(KEY, attemptsPerMinute);
    return new ReportingService(grievances, vault, codes, new CodeGuessThrottle(settings),
        settings, mock(RuntimeService.class), mock(TaskService.class),
        mock(AuthorizationService.class), new ObjectMapper(), Clock.systemUTC(),
        mock(PlatformTransactionManager.class));
  }

  private static Grievance grievance(String id) {
    Instant now = Instant.now();
    return new Grievance(id, "GR-2026-TEST01", GrievanceCategory.PRODUCT_MISUSE, false, false,
        false, GrievanceStatus.RECEIVED, now, now.plus(java.time.Duration.ofDays(7)), null,
        false, null, null, false, null, null, null, false, null, null, null, null, false, null,
        null, "pi-1");
  }

  private static String formatted(String code) {
    return ReceiptCodes.formatted(code);
  }

  /** The hash as ReceiptCodes stored codes before HMACs: a fresh Argon2id generator. */
  private static String argon2id(GrievanceVault vault, String code) {
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withSalt(vault.receiptSalt()).withMemoryAsKB(19 * 1024).withIterations(2)
        .withParallelism(1).build());
    byte[] out = new byte[32];
    generator.generateBytes(code.getBytes(StandardCharsets.US_ASCII), out);
    return HexFormat.of().formatHex(out);
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static GrievanceSettings settings(String key, int attemptsPerMinute) {
    GrievanceSettings d = GrievanceSettings.defaults();
    return new GrievanceSettings(d.acknowledgmentPeriod(), d.feedbackPeriod(),
        d.feedbackReminder(), d.retention(), key, Path.of("target", "unused.key").toString(),
        attemptsPerMinute, d.maxAttachments(), d.maxAttachmentSize(), d.attachmentTypes());
  }
}
