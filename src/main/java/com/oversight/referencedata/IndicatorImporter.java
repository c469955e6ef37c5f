package com.oversight.referencedata;

import static com.oversight.referencedata.Indicators.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Dataset {@code country-indicators}: country, source, indicator, value, edition, as_of; natural
 * key country + source + indicator + edition. Values are checked per source (see
 * {@link Indicators}) and stored in their normal form.
 */
@Component
class IndicatorImporter implements DatasetImporter<ReferenceData.CountryIndicator> {

  static final Set<String> WGI_DIMENSIONS = Set.of(WGI_VOICE_AND_ACCOUNTABILITY,
      WGI_POLITICAL_STABILITY, WGI_GOVERNMENT_EFFECTIVENESS, WGI_REGULATORY_QUALITY,
      WGI_RULE_OF_LAW, WGI_CONTROL_OF_CORRUPTION);
  static final List<String> FH_STATUSES = List.of("FREE", "PARTLY_FREE", "NOT_FREE");
  static final List<String> CIVICUS_RATINGS =
      List.of("OPEN", "NARROWED", "OBSTRUCTED", "REPRESSED", "CLOSED");
  private static final String UPPER_SNAKE = "[A-Z][A-Z0-9]*(_[A-Z0-9]+)*";

  private final JdbcClient jdbc;

  IndicatorImporter(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Dataset dataset() {
    return Dataset.COUNTRY_INDICATORS;
  }

  @Override
  public ReferenceData.CountryIndicator read(RowReader row) {
    String country = row.country("country");
    IndicatorSource source = row.enumValue("source", IndicatorSource.class);
    String indicator = row.required("indicator", 64);
    String value = row.required("value", 64);
    String edition = row.required("edition", 32);
    LocalDate asOf = row.date("as_of");
    if (source != null && indicator != null) {
      indicator = checkIndicator(row, source, indicator);
      if (indicator != null && value != null) {
        value = checkValue(row, source, indicator, value);
      }
    }
    return row.valid()
        ? new ReferenceData.CountryIndicator(country, source, indicator, value, edition, asOf)
        : null;
  }

  private static String checkIndicator(RowReader row, IndicatorSource source, String given) {
    String upper = given.toUpperCase(Locale.ROOT);
    List<String> allowed = switch (source) {
      case FREEDOM_HOUSE -> List.of(FH_TOTAL_SCORE, FH_STATUS);
      case WORLD_BANK_WGI -> WGI_DIMENSIONS.stream().sorted().toList();
      case CIVICUS -> List.of(CIVICUS_RATING);
      case V_DEM, OTHER -> null;
    };
    if (allowed != null && !allowed.contains(upper)) {
      row.problem("indicator", "is not a " + source + " indicator (allowed: "
          + String.join(", ", allowed) + ")");
      return null;
    }
    if (source == IndicatorSource.V_DEM && !upper.matches(UPPER_SNAKE)) {
      row.problem("indicator", "must be an index name in UPPER_SNAKE_CASE, e.g. "
          + VDEM_LIBERAL_DEMOCRACY);
      return null;
    }
    return source == IndicatorSource.OTHER ? given : upper;
  }

  private static String checkValue(RowReader row, IndicatorSource source, String indicator,
      String value) {
    return switch (source) {
      case FREEDOM_HOUSE -> indicator.equals(FH_TOTAL_SCORE)
          ? integer(row, value, 0, 100)
          : oneOf(row, value, FH_STATUSES);
      case WORLD_BANK_WGI -> decimal(row, value, null, null);
      case V_DEM -> decimal(row, value, BigDecimal.ZERO, BigDecimal.ONE);
      case CIVICUS -> oneOf(row, value, CIVICUS_RATINGS);
      case OTHER -> value;
    };
  }

  private static String integer(RowReader row, String value, int min, int max) {
    try {
      int number = Integer.parseInt(value.trim());
      if (number >= min && number <= max) {
        return Integer.toString(number);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    row.problem("value", "must be a whole number from " + min + " to " + max);
    return null;
  }

  private static String decimal(RowReader row, String value, BigDecimal min, BigDecimal max) {
    BigDecimal number;
    try {
      number = new BigDecimal(value.trim());
    } catch (NumberFormatException e) {
      row.problem("value", "is not a number (use a dot as decimal separator)");
      return null;
    }
    if ((min != null && number.compareTo(min) < 0) || (max != null && number.compareTo(max) > 0)) {
      row.problem("value", "must be between " + min + " and " + max);
      return null;
    }
    return number.toPlainString();
  }

  private static String oneOf(RowReader row, String value, List<String> allowed) {
    String normal = value.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    if (allowed.contains(normal)) {
      return normal;
    }
    row.problem("value", "is not one of " + String.join(", ", allowed));
    return null;
  }

  @Override
  public List<UniqueKey> uniqueKeys(ReferenceData.CountryIndicator i) {
    return List.of(new UniqueKey("edition", "country, source, indicator and edition",
        List.of(i.country(), i.source(), i.indicator(), i.edition())));
  }

  @Override
  public Outcome apply(ReferenceData.CountryIndicator i, boolean write) {
    Optional<ReferenceData.CountryIndicator> stored = jdbc.sql(
            "SELECT indicator_value, as_of FROM ov_country_indicator "
                + "WHERE country = ? AND source = ? AND indicator = ? AND edition = ?")
        .params(i.country(), i.source().name(), i.indicator(), i.edition())
        .query((rs, n) -> new ReferenceData.CountryIndicator(i.country(), i.source(),
            i.indicator(), rs.getString(1), i.edition(), rs.getObject(2, LocalDate.class)))
        .optional();
    if (stored.isEmpty()) {
      if (write) {
        jdbc.sql("INSERT INTO ov_country_indicator (country, source, indicator, "
                + "indicator_value, edition, as_of) VALUES (?, ?, ?, ?, ?, ?)")
            .params(i.country(), i.source().name(), i.indicator(), i.value(), i.edition(),
                i.asOf())
            .update();
      }
      return Outcome.INSERTED;
    }
    if (stored.get().equals(i)) {
      return Outcome.UNCHANGED;
    }
    if (write) {
      jdbc.sql("UPDATE ov_country_indicator SET indicator_value = ?, as_of = ? "
              + "WHERE country = ? AND source = ? AND indicator = ? AND edition = ?")
          .params(i.value(), i.asOf(), i.country(), i.source().name(), i.indicator(),
              i.edition())
          .update();
    }
    return Outcome.UPDATED;
  }
}
