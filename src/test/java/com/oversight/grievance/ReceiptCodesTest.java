package com.oversight.grievance;

import static org.assertj.core.api.Assertions.assertThat;

import com.oversight.identity.TryItProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

/**
 * Receipt-code hashes stay exactly what they were (Argon2id, 19 MiB, 2 passes, the deployment's
 * salt), whether the generator is new or reused and however many reports hash at once: a code
 * given out before still finds its report.
 */
class ReceiptCodesTest {

  private static final String KEY = "cmVjZWlwdC1jb2Rlcy10ZXN0LWtleS0zMi1ieXRlcyE=";

  @Test
  void aCodeHashesAsAFreshArgon2idGeneratorWithTheOriginalParametersWould() throws Exception {
    GrievanceVault vault = new GrievanceVault(settings(), new TryItProperties(false));
    ReceiptCodes codes = new ReceiptCodes(vault, 2);
    List<String> sample = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      sample.add(codes.newCode());
    }
    // one after the other (generators reused) ...
    for (String code : sample) {
      assertThat(codes.hash(code)).isEqualTo(reference(vault, code));
    }
    // ... and many at once, at most two hashing at a time
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<String>> hashes = new ArrayList<>();
      for (String code : sample) {
        hashes.add(pool.submit(() -> codes.hash(code)));
      }
      for (int i = 0; i < sample.size(); i++) {
        assertThat(hashes.get(i).get()).isEqualTo(reference(vault, sample.get(i)));
      }
    } finally {
      pool.shutdown();
    }
  }

  /** The hash as ReceiptCodes computed it before generators were reused. */
  private static String reference(GrievanceVault vault, String code) {
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withSalt(vault.receiptSalt()).withMemoryAsKB(19 * 1024).withIterations(2)
        .withParallelism(1).build());
    byte[] out = new byte[32];
    generator.generateBytes(code.getBytes(StandardCharsets.US_ASCII), out);
    return HexFormat.of().formatHex(out);
  }

  private static GrievanceSettings settings() {
    GrievanceSettings d = GrievanceSettings.defaults();
    return new GrievanceSettings(d.acknowledgmentPeriod(), d.feedbackPeriod(),
        d.feedbackReminder(), d.retention(), KEY, Path.of("target", "unused.key").toString(),
        d.codeAttemptsPerMinute(), d.maxAttachments(), d.maxAttachmentSize(),
        d.attachmentTypes());
  }
}
