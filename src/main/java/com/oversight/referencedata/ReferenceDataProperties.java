package com.oversight.referencedata;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code oversight.reference-data.*}. {@code max-indicator-age}: an indicator whose as-of date is
 * older than this counts as stale (an assessment that relies on it is never LOW).
 */
@ConfigurationProperties("oversight.reference-data")
public record ReferenceDataProperties(@DefaultValue("P3Y") Period maxIndicatorAge) {}
