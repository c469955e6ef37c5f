package com.oversight.grievance;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Throttles receipt-code look-ups for everyone together (Bucket4j token bucket): no IP address or
 * other trace of who guessed is kept, so the limit cannot be per person. With 20-digit codes and
 * {@code oversight.grievance.code-attempts-per-minute} (default 30) look-ups a minute, guessing any
 * one of a million live codes takes about 10^14 tries, some six million years; a reporter who
 * meets the limit is asked to wait a minute. This limit, not the cost of the stored hash, is what
 * stops online guessing (see {@link ReceiptCodes}).
 */
@Component
public class CodeGuessThrottle {

  private final Bucket bucket;

  public CodeGuessThrottle(GrievanceSettings settings) {
    int perMinute = Math.max(1, settings.codeAttemptsPerMinute());
    this.bucket = Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(perMinute)
            .refillGreedy(perMinute, Duration.ofMinutes(1)).build())
        .build();
  }

  /** Takes one attempt; false when the limit is reached. */
  public boolean tryAttempt() {
    return bucket.tryConsume(1);
  }
}
