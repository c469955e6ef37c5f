package com.oversight.referencedata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** {@link ReferenceData} on Oversight's reference tables (see V1__reference_data.sql). */
@Repository
@Transactional(readOnly = true)
public class JdbcReferenceData implements ReferenceData {

  private final JdbcClient jdbc;
  private final ReferenceDataProperties properties;

  public JdbcReferenceData(JdbcClient jdbc, ReferenceDataProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  @Override
  public Optional<Country> findCountry(String code) {
    if (code == null || code.isBlank()) {
      return Optional.empty();
    }
    String upper = code.trim().toUpperCase(Locale.ROOT);
    return jdbc.sql("SELECT alpha2, alpha3, name FROM ov_country WHERE alpha2 = ? OR alpha3 = ?")
        .params(upper, upper)
        .query(JdbcReferenceData::country)
        .optional();
  }

  @Override
  public List<CountryIndicator> latestIndicators(String alpha2) {
    List<CountryIndicator> all = jdbc.sql("SELECT country, source, indicator, indicator_value, "
            + "edition, as_of FROM ov_country_indicator WHERE country = ? "
            + "ORDER BY source, indicator, as_of DESC, edition DESC")
        .param(alpha2.toUpperCase(Locale.ROOT))
        .query(JdbcReferenceData::indicator)
        .list();
    Map<Indicators.Key, CountryIndicator> latest = new LinkedHashMap<>();
    all.forEach(i -> latest.putIfAbsent(new Indicators.Key(i.source(), i.indicator()), i));
    return List.copyOf(latest.values());
  }

  @Override
  public List<AbuseEntry> abuseEntries(String alpha2) {
    return jdbc.sql("SELECT * FROM ov_abuse_entry WHERE country = ? "
            + "ORDER BY reported_on DESC, id")
        .param(alpha2.toUpperCase(Locale.ROOT))
        .query(JdbcReferenceData::abuseEntry)
        .list();
  }

  @Override
  public List<DeniedPartyHit> screen(String name) {
    String screened = NameNormalizer.normalize(name);
    if (screened.isEmpty()) {
      return List.of();
    }
    List<DeniedPartyHit> hits = new ArrayList<>();
    for (DeniedParty party : deniedParties(null)) {
      List<String> names = new ArrayList<>();
      names.add(party.name());
      names.addAll(party.aliases());
      names.stream().filter(n -> NameNormalizer.normalize(n).equals(screened)).findFirst()
          .ifPresent(matched -> hits.add(new DeniedPartyHit(name, party, matched)));
    }
    return hits;
  }

  @Override
  public List<CountryDataGap> dataGaps(LocalDate today) {
    LocalDate oldestAllowed = today.minus(properties.maxIndicatorAge());
    List<Country> tracked = jdbc.sql("SELECT alpha2, alpha3, name FROM ov_country WHERE alpha2 IN "
            + "(SELECT country FROM ov_country_indicator UNION SELECT country FROM ov_abuse_entry) "
            + "ORDER BY alpha2")
        .query(JdbcReferenceData::country)
        .list();
    List<CountryDataGap> gaps = new ArrayList<>();
    for (Country country : tracked) {
      Map<Indicators.Key, CountryIndicator> latest = new LinkedHashMap<>();
      latestIndicators(country.alpha2())
          .forEach(i -> latest.put(new Indicators.Key(i.source(), i.indicator()), i));
      List<String> problems = new ArrayList<>();
      for (Indicators.Key key : Indicators.REQUIRED) {
        CountryIndicator indicator = latest.get(key);
        if (indicator == null) {
          problems.add(key + ": missing");
        } else if (indicator.asOf().isBefore(oldestAllowed)) {
          problems.add(key + ": edition " + indicator.edition() + ", as of " + indicator.asOf()
              + ", older than " + properties.maxIndicatorAge());
        }
      }
      if (!problems.isEmpty()) {
        gaps.add(new CountryDataGap(country, problems));
      }
    }
    return gaps;
  }

  /** The denied-party list, optionally for one country (alpha-2). */
  public List<DeniedParty> deniedParties(String alpha2) {
    if (alpha2 == null) {
      return jdbc.sql("SELECT * FROM ov_denied_party ORDER BY name, list_source")
          .query(JdbcReferenceData::deniedParty).list();
    }
    return jdbc.sql("SELECT * FROM ov_denied_party WHERE country = ? ORDER BY name, list_source")
        .param(alpha2).query(JdbcReferenceData::deniedParty).list();
  }

  static Country country(ResultSet rs, int row) throws SQLException {
    return new Country(rs.getString("alpha2").trim(), rs.getString("alpha3").trim(),
        rs.getString("name"));
  }

  static CountryIndicator indicator(ResultSet rs, int row) throws SQLException {
    return new CountryIndicator(rs.getString("country").trim(),
        IndicatorSource.valueOf(rs.getString("source")), rs.getString("indicator"),
        rs.getString("indicator_value"), rs.getString("edition"),
        rs.getObject("as_of", LocalDate.class));
  }

  static AbuseEntry abuseEntry(ResultSet rs, int row) throws SQLException {
    String agency = rs.getString("agency");
    return new AbuseEntry(rs.getLong("id"), rs.getString("country").trim(),
        agency == null || agency.isEmpty() ? null : agency,
        AbuseLevel.valueOf(rs.getString("abuse_level")), rs.getString("description"),
        rs.getString("source_url"), rs.getObject("reported_on", LocalDate.class));
  }

  static DeniedParty deniedParty(ResultSet rs, int row) throws SQLException {
    String country = rs.getString("country").trim();
    return new DeniedParty(rs.getLong("id"), rs.getString("name"),
        DeniedPartyImporter.splitAliases(rs.getString("aliases")),
        country.isEmpty() ? null : country, rs.getString("list_source"));
  }
}
