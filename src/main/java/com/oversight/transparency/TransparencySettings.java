package com.oversight.transparency;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The transparency report's settings ({@code oversight.transparency.*}, docs/transparency.md).
 *
 * @param suppressionThreshold counts from 1 to this minus 1 are published as "fewer than N"
 *     (and every share computed from them is withheld); 0 and counts from N on are shown
 * @param maxPeriod the longest period one report may cover
 */
@ConfigurationProperties("oversight.transparency")
public record TransparencySettings(
    @DefaultValue("5") int suppressionThreshold,
    @DefaultValue("P10Y") Period maxPeriod) {

  public TransparencySettings {
    if (suppressionThreshold < 1) {
      throw new IllegalArgumentException(
          "oversight.transparency.suppression-threshold must be at least 1");
    }
  }
}
