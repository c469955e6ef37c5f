package com.oversight.risk;

import com.oversight.referencedata.AbuseLevel;
import com.oversight.referencedata.IndicatorSource;
import com.oversight.referencedata.Indicators;
import com.oversight.referencedata.ReferenceData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** An in-memory {@link ReferenceData} for tests. */
final class FakeReferenceData implements ReferenceData {

  final List<Country> countries = new ArrayList<>();
  final List<CountryIndicator> indicators = new ArrayList<>();
  final List<AbuseEntry> abuse = new ArrayList<>();
  final List<DeniedParty> deniedParties = new ArrayList<>();

  /** Freeland (FL): Free, score 90, good governance, open civic space, all as of {@code asOf}. */
  static FakeReferenceData freeland(LocalDate asOf) {
    FakeReferenceData data = new FakeReferenceData();
    data.countries.add(new Country("FL", "FRL", "Freeland"));
    data.indicator("FL", IndicatorSource.FREEDOM_HOUSE, Indicators.FH_STATUS, "FREE", asOf);
    data.indicator("FL", IndicatorSource.FREEDOM_HOUSE, Indicators.FH_TOTAL_SCORE, "90", asOf);
    data.indicator("FL", IndicatorSource.WORLD_BANK_WGI, Indicators.WGI_VOICE_AND_ACCOUNTABILITY,
        "1.25", asOf);
    data.indicator("FL", IndicatorSource.WORLD_BANK_WGI, Indicators.WGI_RULE_OF_LAW, "1.4", asOf);
    data.indicator("FL", IndicatorSource.CIVICUS, Indicators.CIVICUS_RATING, "OPEN", asOf);
    return data;
  }

  void indicator(String country, IndicatorSource source, String name, String value,
      LocalDate asOf) {
    indicators.removeIf(i -> i.country().equals(country) && i.source() == source
        && i.indicator().equals(name));
    indicators.add(new CountryIndicator(country, source, name, value,
        String.valueOf(asOf.getYear()), asOf));
  }

  void removeIndicator(IndicatorSource source, String name) {
    indicators.removeIf(i -> i.source() == source && i.indicator().equals(name));
  }

  void abuse(String country, String agency, AbuseLevel level) {
    abuse.add(new AbuseEntry(abuse.size() + 1, country, agency, level, level + " report",
        "https://example.org/report/" + (abuse.size() + 1), LocalDate.of(2024, 3, 1)));
  }

  void deny(String name) {
    deniedParties.add(new DeniedParty(deniedParties.size() + 1, name, List.of(), null,
        "Test list"));
  }

  @Override
  public Optional<Country> findCountry(String code) {
    return countries.stream().filter(c -> c.alpha2().equalsIgnoreCase(code)
        || c.alpha3().equalsIgnoreCase(code)).findFirst();
  }

  @Override
  public List<CountryIndicator> latestIndicators(String alpha2) {
    return indicators.stream().filter(i -> i.country().equals(alpha2)).toList();
  }

  @Override
  public List<AbuseEntry> abuseEntries(String alpha2) {
    return abuse.stream().filter(a -> a.country().equals(alpha2)).toList();
  }

  @Override
  public List<DeniedPartyHit> screen(String name) {
    String key = name.trim().toLowerCase(Locale.ROOT);
    return deniedParties.stream().filter(d -> d.name().toLowerCase(Locale.ROOT).equals(key))
        .map(d -> new DeniedPartyHit(name, d, d.name())).toList();
  }

  @Override
  public List<CountryDataGap> dataGaps(LocalDate today) {
    return List.of();
  }
}
