package com.oversight.referencedata;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A country's picture (the latest value of each indicator, as the risk engine reads it) before
 * and after an import, and what makes it worse. The picture of a country <em>worsens</em> when,
 * for an indicator it had a value for before, its latest value afterwards is:
 *
 * <ul>
 *   <li>Freedom House total score: lower;</li>
 *   <li>Freedom House status: less free (FREE, then PARTLY_FREE, then NOT_FREE);</li>
 *   <li>World Bank WGI, any of the six dimensions: lower;</li>
 *   <li>V-Dem, any index: lower;</li>
 *   <li>CIVICUS rating: more closed (OPEN, NARROWED, OBSTRUCTED, REPRESSED, CLOSED).</li>
 * </ul>
 *
 * <p>and when the abuse register receives an entry it did not hold (a new source, or a higher
 * level for the same agency), for the country as a whole or an agency there. A first value for
 * an indicator the country had none for, an older edition, an unchanged or better value, a
 * corrected description or date of an abuse entry, indicators of source OTHER (whose direction
 * Oversight does not know) and the countries file (codes and names only) never worsen it.
 */
final class CountryPictures {

  private static final List<String> FH_STATUS_ORDER = IndicatorImporter.FH_STATUSES;
  private static final List<String> CIVICUS_ORDER = IndicatorImporter.CIVICUS_RATINGS;

  private CountryPictures() {}

  /** The latest value of each indicator of each of the countries (alpha-2 codes). */
  static Map<String, Map<Indicators.Key, ReferenceData.CountryIndicator>> latest(JdbcClient jdbc,
      Collection<String> countries) {
    Map<String, Map<Indicators.Key, ReferenceData.CountryIndicator>> pictures = new TreeMap<>();
    for (String country : new TreeSet<>(countries)) {
      Map<Indicators.Key, ReferenceData.CountryIndicator> latest = new LinkedHashMap<>();
      jdbc.sql("SELECT country, source, indicator, indicator_value, edition, as_of "
              + "FROM ov_country_indicator WHERE country = ? "
              + "ORDER BY source, indicator, as_of DESC, edition DESC")
          .param(country)
          .query(JdbcReferenceData::indicator)
          .list()
          .forEach(i -> latest.putIfAbsent(new Indicators.Key(i.source(), i.indicator()), i));
      pictures.put(country, latest);
    }
    return pictures;
  }

  /** What worsened between two pictures of one country, readable; empty if nothing did. */
  static List<String> worsenings(Map<Indicators.Key, ReferenceData.CountryIndicator> before,
      Map<Indicators.Key, ReferenceData.CountryIndicator> after) {
    List<String> changes = new ArrayList<>();
    for (Map.Entry<Indicators.Key, ReferenceData.CountryIndicator> entry : after.entrySet()) {
      ReferenceData.CountryIndicator was = before.get(entry.getKey());
      ReferenceData.CountryIndicator now = entry.getValue();
      if (was != null && worse(entry.getKey(), was.value(), now.value())) {
        changes.add(entry.getKey() + ": " + was.value() + " (edition " + was.edition()
            + ") -> " + now.value() + " (edition " + now.edition() + ")");
      }
    }
    return changes;
  }

  /** Whether {@code now} is worse than {@code was} for this indicator. */
  static boolean worse(Indicators.Key key, String was, String now) {
    return switch (key.source()) {
      case FREEDOM_HOUSE -> Indicators.FH_STATUS.equals(key.indicator())
          ? rank(FH_STATUS_ORDER, now) > rank(FH_STATUS_ORDER, was)
          : lower(now, was);
      case WORLD_BANK_WGI, V_DEM -> lower(now, was);
      case CIVICUS -> rank(CIVICUS_ORDER, now) > rank(CIVICUS_ORDER, was);
      case OTHER -> false;
    };
  }

  /** The change a new abuse-register entry makes, readable. */
  static String abuseEntry(AbuseEntryImporter.Entry e) {
    return "abuse register: new entry " + e.level() + " for "
        + (e.agency() == null || e.agency().isEmpty() ? "the country as a whole" : e.agency())
        + ", reported " + e.date() + " (" + e.sourceUrl() + ")";
  }

  /** The countries of a set of changes, as the event lists them. */
  static List<CountryDataWorsened.Country> countries(Map<String, List<String>> changes) {
    return new TreeMap<>(changes).entrySet().stream().filter(e -> !e.getValue().isEmpty())
        .map(e -> new CountryDataWorsened.Country(e.getKey(), e.getValue())).toList();
  }

  /** The countries of the indicators among the items of an import. */
  static Set<String> countriesOf(Collection<?> items) {
    Set<String> countries = new TreeSet<>();
    items.forEach(i -> {
      if (i instanceof ReferenceData.CountryIndicator indicator) {
        countries.add(indicator.country());
      }
    });
    return countries;
  }

  private static boolean lower(String now, String was) {
    try {
      return new BigDecimal(now).compareTo(new BigDecimal(was)) < 0;
    } catch (NumberFormatException | NullPointerException e) {
      return false;
    }
  }

  /** The position of a value in an order from best to worst; unknown values count as best. */
  private static int rank(List<String> order, String value) {
    return order.indexOf(value);
  }
}
