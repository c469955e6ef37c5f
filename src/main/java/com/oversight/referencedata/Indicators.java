package com.oversight.referencedata;

import java.util.List;

/**
 * The indicators the risk model knows, by source. Values are stored as text: numbers with a dot
 * as decimal separator; Freedom House status as FREE, PARTLY_FREE or NOT_FREE; CIVICUS rating
 * as OPEN, NARROWED, OBSTRUCTED, REPRESSED or CLOSED. Other indicators are kept as given.
 */
public final class Indicators {

  private Indicators() {}

  // FREEDOM_HOUSE
  public static final String FH_TOTAL_SCORE = "TOTAL_SCORE";
  public static final String FH_STATUS = "STATUS";
  // WORLD_BANK_WGI (the six dimensions)
  public static final String WGI_VOICE_AND_ACCOUNTABILITY = "VOICE_AND_ACCOUNTABILITY";
  public static final String WGI_POLITICAL_STABILITY = "POLITICAL_STABILITY";
  public static final String WGI_GOVERNMENT_EFFECTIVENESS = "GOVERNMENT_EFFECTIVENESS";
  public static final String WGI_REGULATORY_QUALITY = "REGULATORY_QUALITY";
  public static final String WGI_RULE_OF_LAW = "RULE_OF_LAW";
  public static final String WGI_CONTROL_OF_CORRUPTION = "CONTROL_OF_CORRUPTION";
  // V_DEM
  public static final String VDEM_LIBERAL_DEMOCRACY = "LIBERAL_DEMOCRACY";
  // CIVICUS
  public static final String CIVICUS_RATING = "RATING";

  /** A source and indicator pair. */
  public record Key(IndicatorSource source, String indicator) {
    @Override
    public String toString() {
      return source.label() + " " + indicator;
    }
  }

  /**
   * Indicators without which a country's picture is incomplete: an assessment missing one of
   * them (or holding one older than the allowed age) is never LOW.
   */
  public static final List<Key> REQUIRED = List.of(
      new Key(IndicatorSource.FREEDOM_HOUSE, FH_TOTAL_SCORE),
      new Key(IndicatorSource.FREEDOM_HOUSE, FH_STATUS),
      new Key(IndicatorSource.WORLD_BANK_WGI, WGI_VOICE_AND_ACCOUNTABILITY),
      new Key(IndicatorSource.WORLD_BANK_WGI, WGI_RULE_OF_LAW));
}
