package com.oversight.referencedata;

import static org.assertj.core.api.Assertions.assertThat;

import com.oversight.referencedata.Indicators.Key;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What "worsens a country's picture" means (docs/reassessment.md), indicator by indicator. */
class CountryPicturesTest {

  static final Key FH_SCORE = new Key(IndicatorSource.FREEDOM_HOUSE, Indicators.FH_TOTAL_SCORE);
  static final Key FH_STATUS = new Key(IndicatorSource.FREEDOM_HOUSE, Indicators.FH_STATUS);
  static final Key WGI_ROL = new Key(IndicatorSource.WORLD_BANK_WGI, Indicators.WGI_RULE_OF_LAW);
  static final Key VDEM = new Key(IndicatorSource.V_DEM, Indicators.VDEM_LIBERAL_DEMOCRACY);
  static final Key CIVICUS = new Key(IndicatorSource.CIVICUS, Indicators.CIVICUS_RATING);
  static final Key OTHER = new Key(IndicatorSource.OTHER, "Press freedom index");

  @Test
  void lowerScoresLessFreedomAndLessCivicSpaceAreWorse() {
    assertThat(CountryPictures.worse(FH_SCORE, "62", "55")).isTrue();
    assertThat(CountryPictures.worse(FH_SCORE, "55", "62")).isFalse();
    assertThat(CountryPictures.worse(FH_SCORE, "55", "55")).isFalse();
    assertThat(CountryPictures.worse(FH_STATUS, "FREE", "PARTLY_FREE")).isTrue();
    assertThat(CountryPictures.worse(FH_STATUS, "PARTLY_FREE", "NOT_FREE")).isTrue();
    assertThat(CountryPictures.worse(FH_STATUS, "NOT_FREE", "PARTLY_FREE")).isFalse();
    assertThat(CountryPictures.worse(WGI_ROL, "-0.10", "-0.35")).isTrue();
    assertThat(CountryPictures.worse(WGI_ROL, "0.5", "0.50")).isFalse();
    assertThat(CountryPictures.worse(VDEM, "0.61", "0.6")).isTrue();
    assertThat(CountryPictures.worse(CIVICUS, "OBSTRUCTED", "REPRESSED")).isTrue();
    assertThat(CountryPictures.worse(CIVICUS, "CLOSED", "OPEN")).isFalse();
    // Oversight does not know which way an OTHER indicator is worse
    assertThat(CountryPictures.worse(OTHER, "70", "20")).isFalse();
  }

  @Test
  void onlyIndicatorsKnownBeforeCanWorsenAndEachChangeIsNamed() {
    Map<Key, ReferenceData.CountryIndicator> before = Map.of(
        FH_SCORE, indicator(FH_SCORE, "62", "2024"),
        CIVICUS, indicator(CIVICUS, "NARROWED", "2024"));
    Map<Key, ReferenceData.CountryIndicator> after = Map.of(
        FH_SCORE, indicator(FH_SCORE, "55", "2025"),
        CIVICUS, indicator(CIVICUS, "NARROWED", "2024"),
        FH_STATUS, indicator(FH_STATUS, "NOT_FREE", "2025"));
    assertThat(CountryPictures.worsenings(before, after)).containsExactly(
        "Freedom House, Freedom in the World TOTAL_SCORE: 62 (edition 2024) -> 55 (edition 2025)");
    assertThat(CountryPictures.worsenings(after, after)).isEmpty();
  }

  private static ReferenceData.CountryIndicator indicator(Key key, String value, String edition) {
    return new ReferenceData.CountryIndicator("UY", key.source(), key.indicator(), value, edition,
        LocalDate.of(Integer.parseInt(edition), 3, 1));
  }
}
