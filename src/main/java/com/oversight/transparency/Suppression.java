package com.oversight.transparency;

import com.oversight.transparency.ReportFigures.Count;
import com.oversight.transparency.ReportFigures.Share;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small-count suppression: a count from 1 to {@code threshold - 1} is published as "fewer than
 * threshold" and never as its number; 0 and counts from the threshold on are shown. Among the
 * parts of a total, further parts are withheld so that the total cannot give a small one away
 * ({@link #parts}). A share is withheld when its numerator or its denominator is not shown.
 */
public final class Suppression {

  /** What a withheld share shows. */
  public static final String SHARE_WITHHELD = "not shown (small count)";
  /** What a part withheld so that a small count cannot be worked out by subtraction shows. */
  public static final String WITHHELD = "not shown (protects a small count)";
  /** What a share of nothing shows. */
  public static final String NOT_APPLICABLE = "not applicable";

  private final int threshold;

  public Suppression(int threshold) {
    if (threshold < 1) {
      throw new IllegalArgumentException("threshold must be at least 1");
    }
    this.threshold = threshold;
  }

  public int threshold() {
    return threshold;
  }

  /** What a suppressed count shows, for example "fewer than 5". */
  public String fewerThan() {
    return "fewer than " + threshold;
  }

  public boolean suppresses(long n) {
    return n > 0 && n < threshold;
  }

  public Count count(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("a count cannot be negative: " + n);
    }
    if (suppresses(n)) {
      return new Count(null, true, fewerThan());
    }
    return new Count(Math.toIntExact(n), false, Long.toString(n));
  }

  /**
   * The parts of a published total (opportunities by tier, investigations by origin, …). Small
   * parts are suppressed as by {@link #count}; and because the total minus the parts shown
   * would give away what is suppressed, further parts are withheld ({@link #WITHHELD}),
   * smallest first, until the parts not shown add up to at least the threshold. So no small
   * count can be worked out by subtraction.
   */
  public Map<String, Count> parts(Map<String, Long> raw) {
    Map<String, Count> parts = new LinkedHashMap<>();
    raw.forEach((key, n) -> parts.put(key, count(n)));
    long hidden = raw.values().stream().filter(this::suppresses).mapToLong(Long::longValue).sum();
    if (hidden == 0) {
      return parts;
    }
    List<Map.Entry<String, Long>> shown = raw.entrySet().stream()
        .filter(e -> e.getValue() >= threshold)
        .sorted(Map.Entry.comparingByValue()).toList();
    for (Map.Entry<String, Long> next : shown) {
      if (hidden >= threshold) {
        break;
      }
      parts.put(next.getKey(), new Count(null, true, WITHHELD));
      hidden += next.getValue();
    }
    return parts;
  }

  /** Whether a part was withheld to protect a small count (not small itself). */
  public static boolean withheld(Count count) {
    return count.suppressed() && WITHHELD.equals(count.display());
  }

  /**
   * {@code part} of {@code whole} in percent, one decimal; withheld when the part, the whole or
   * any other published count it is computed from is suppressed.
   */
  public Share share(long part, long whole, long... from) {
    boolean fromSuppressed = java.util.Arrays.stream(from).anyMatch(this::suppresses);
    if (suppresses(part) || suppresses(whole) || fromSuppressed) {
      return new Share(null, true, SHARE_WITHHELD);
    }
    if (whole == 0) {
      return new Share(null, false, NOT_APPLICABLE);
    }
    double percent = BigDecimal.valueOf(part * 100L)
        .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP).doubleValue();
    return new Share(percent, false, display(percent));
  }

  /** "41.7 %", "100 %", "0 %". */
  static String display(double percent) {
    BigDecimal value = BigDecimal.valueOf(percent).stripTrailingZeros();
    return (value.scale() < 0 ? value.setScale(0) : value).toPlainString() + " %";
  }
}
