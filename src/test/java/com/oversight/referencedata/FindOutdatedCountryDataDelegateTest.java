package com.oversight.referencedata;

import static org.assertj.core.api.Assertions.assertThat;

import com.oversight.referencedata.ReferenceData.Country;
import com.oversight.referencedata.ReferenceData.CountryDataGap;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FindOutdatedCountryDataDelegateTest {

  @Test
  void listsEveryCountryOnItsOwnLine() {
    String summary = FindOutdatedCountryDataDelegate.summary(List.of(
        new CountryDataGap(new Country("DE", "DEU", "Germany"),
            List.of("Freedom House SCORE: missing", "CIVICUS RATING: missing")),
        new CountryDataGap(new Country("FR", "FRA", "France"), List.of("V-Dem: stale"))));

    assertThat(summary).isEqualTo(
        "DE Germany: Freedom House SCORE: missing; CIVICUS RATING: missing\nFR France: V-Dem: stale");
  }

  @Test
  void nothingOutdatedGivesAnEmptySummary() {
    assertThat(FindOutdatedCountryDataDelegate.summary(List.of())).isEmpty();
  }

  @Test
  void aLongListIsCutWithTheNumberOfCountriesLeftOut() {
    List<CountryDataGap> gaps = IntStream.range(0, 200)
        .mapToObj(i -> new CountryDataGap(new Country(String.format("%03d", i), null, "Country " + i),
            List.of("Freedom House SCORE: missing", "World Bank WGI VOICE_ACCOUNTABILITY: missing")))
        .toList();

    String summary = FindOutdatedCountryDataDelegate.summary(gaps);

    assertThat(summary.length()).isLessThanOrEqualTo(FindOutdatedCountryDataDelegate.MAX_SUMMARY_LENGTH);
    String[] lines = summary.split("\n");
    int listed = lines.length - 1;
    assertThat(lines[lines.length - 1]).isEqualTo("… and " + (200 - listed) + " more");
    assertThat(lines[0]).startsWith("000 Country 0: ");
  }
}
