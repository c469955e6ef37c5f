package com.oversight.risk;

import static com.oversight.risk.RiskInputs.*;

import com.oversight.platform.ApiProblem;
import com.oversight.referencedata.AbuseLevel;
import com.oversight.referencedata.IndicatorSource;
import com.oversight.referencedata.Indicators;
import com.oversight.referencedata.Indicators.Key;
import com.oversight.referencedata.ReferenceData;
import com.oversight.referencedata.ReferenceData.AbuseEntry;
import com.oversight.referencedata.ReferenceData.Country;
import com.oversight.referencedata.ReferenceData.CountryIndicator;
import com.oversight.referencedata.ReferenceData.DeniedPartyHit;
import com.oversight.referencedata.ReferenceDataProperties;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Turns a described deal and the reference data into the decision table's inputs, recording for
 * each input where it comes from. Missing or unreadable data is never read as good news: it
 * makes {@code indicatorData} MISSING, and a stale required indicator makes it STALE.
 */
@Component
public class RiskFactsBuilder {

  static final String DEAL_SOURCE = "Deal description";
  static final String DENIED_PARTY_SOURCE = "Denied-party list";
  static final String ABUSE_REGISTER_SOURCE = "Register of documented abuse";
  static final String REFERENCE_DATA_SOURCE = "Oversight reference data";

  private final ReferenceData referenceData;
  private final ReferenceDataProperties properties;
  private final Clock clock;

  public RiskFactsBuilder(ReferenceData referenceData, ReferenceDataProperties properties,
      Clock clock) {
    this.referenceData = referenceData;
    this.properties = properties;
    this.clock = clock;
  }

  /** The facts of a deal; an unknown country code is a bad field "country". */
  public RiskFacts build(DealDescription deal) {
    Country country = referenceData.findCountry(deal.country()).orElseThrow(() ->
        ApiProblem.badField("country", "unknown country code '" + deal.country() + "'"));
    Map<Key, CountryIndicator> indicators = new HashMap<>();
    for (CountryIndicator indicator : referenceData.latestIndicators(country.alpha2())) {
      indicators.put(new Key(indicator.source(), indicator.indicator()), indicator);
    }
    List<RiskFactor> provenance = new ArrayList<>();

    List<DeniedPartyHit> hits = screenParties(deal);
    provenance.add(deniedPartyFactor(hits));

    Optional<AbuseEntry> worstAbuse = worstAbuse(deal, country);
    provenance.add(worstAbuse
        .map(a -> new RiskFactor(ABUSE_LEVEL, "Abuse register level",
            a.level() + (a.agency() == null || a.agency().isBlank()
                ? " (country-wide)" : " (agency " + a.agency() + ")")
                + (a.description() == null ? "" : ": " + a.description()),
            ABUSE_REGISTER_SOURCE + (a.sourceUrl() == null ? "" : ", " + a.sourceUrl()),
            null, a.reportedOn()))
        .orElse(new RiskFactor(ABUSE_LEVEL, "Abuse register level", NO_ABUSE,
            ABUSE_REGISTER_SOURCE, null, null)));

    CountryIndicator status = indicators.get(key(IndicatorSource.FREEDOM_HOUSE, Indicators.FH_STATUS));
    CountryIndicator score = indicators.get(key(IndicatorSource.FREEDOM_HOUSE, Indicators.FH_TOTAL_SCORE));
    CountryIndicator voice = indicators.get(
        key(IndicatorSource.WORLD_BANK_WGI, Indicators.WGI_VOICE_AND_ACCOUNTABILITY));
    CountryIndicator law = indicators.get(key(IndicatorSource.WORLD_BANK_WGI, Indicators.WGI_RULE_OF_LAW));
    CountryIndicator civic = indicators.get(key(IndicatorSource.CIVICUS, Indicators.CIVICUS_RATING));
    provenance.add(indicatorFactor(FREEDOM_STATUS, "Freedom House status", status,
        IndicatorSource.FREEDOM_HOUSE));
    provenance.add(indicatorFactor(FREEDOM_SCORE, "Freedom House score (0-100)", score,
        IndicatorSource.FREEDOM_HOUSE));
    provenance.add(indicatorFactor(VOICE_AND_ACCOUNTABILITY, "WGI voice and accountability", voice,
        IndicatorSource.WORLD_BANK_WGI));
    provenance.add(indicatorFactor(RULE_OF_LAW, "WGI rule of law", law,
        IndicatorSource.WORLD_BANK_WGI));
    provenance.add(indicatorFactor(CIVIC_SPACE, "CIVICUS civic space", civic,
        IndicatorSource.CIVICUS));

    provenance.add(RiskFactor.fromDeal(CUSTOMER_TYPE, "Customer type",
        deal.customerType() + " (" + deal.customerAgency() + ")"));
    provenance.add(RiskFactor.fromDeal(CAPABILITY_CLASS, "Capability class",
        deal.capabilityClass()));
    provenance.add(RiskFactor.fromDeal(END_USE_CATEGORY, "End-use category",
        deal.endUseCategory()));
    boolean allDisclosed = deal.intermediaries().stream()
        .allMatch(i -> Boolean.TRUE.equals(i.disclosed()));
    provenance.add(RiskFactor.fromDeal(ALL_INTERMEDIARIES_DISCLOSED,
        "All intermediaries disclosed", allDisclosed + intermediaryDetail(deal)));
    provenance.add(RiskFactor.fromDeal(END_USE_STATEMENT_PROVIDED, "End-use statement provided",
        deal.endUseStatementProvided()));

    DataCompleteness completeness = completeness(indicators);
    provenance.add(new RiskFactor(INDICATOR_DATA, "Country indicator data",
        completeness.level() + (completeness.problems().isEmpty() ? ""
            : ": " + String.join("; ", completeness.problems())),
        REFERENCE_DATA_SOURCE + ", required: " + Indicators.REQUIRED.stream()
            .map(Key::toString).collect(Collectors.joining(", "))
            + "; maximum age " + properties.maxIndicatorAge(),
        null, LocalDate.now(clock)));

    RiskInputs inputs = new RiskInputs(
        !hits.isEmpty(),
        worstAbuse.map(AbuseEntry::level).orElse(null),
        status == null ? FreedomStatus.UNKNOWN : FreedomStatus.parse(status.value()),
        number(score),
        number(voice),
        number(law),
        civic == null ? CivicSpace.UNKNOWN : CivicSpace.parse(civic.value()),
        deal.customerType(),
        deal.capabilityClass(),
        deal.endUseCategory(),
        allDisclosed,
        deal.endUseStatementProvided(),
        completeness.level());
    return new RiskFacts(deal, country, inputs, List.copyOf(provenance));
  }

  private List<DeniedPartyHit> screenParties(DealDescription deal) {
    return Stream.concat(Stream.of(deal.customerAgency()),
            deal.intermediaries().stream().map(DealDescription.Intermediary::name))
        .flatMap(name -> referenceData.screen(name).stream())
        .toList();
  }

  private static RiskFactor deniedPartyFactor(List<DeniedPartyHit> hits) {
    if (hits.isEmpty()) {
      return new RiskFactor(DENIED_PARTY_HIT, "Denied-party hit",
          "false (customer agency and every intermediary screened)", DENIED_PARTY_SOURCE, null,
          null);
    }
    String value = "true: " + hits.stream()
        .map(h -> "'" + h.screenedName() + "' matches '" + h.matchedName() + "'")
        .collect(Collectors.joining("; "));
    String sources = hits.stream().map(h -> h.entry().listSource()).distinct()
        .collect(Collectors.joining(", "));
    return new RiskFactor(DENIED_PARTY_HIT, "Denied-party hit", value,
        DENIED_PARTY_SOURCE + ": " + sources, null, null);
  }

  /** The most severe abuse entry for the country that is country-wide or names the customer. */
  private Optional<AbuseEntry> worstAbuse(DealDescription deal, Country country) {
    String agency = deal.customerAgency().trim();
    return referenceData.abuseEntries(country.alpha2()).stream()
        .filter(e -> e.agency() == null || e.agency().isBlank()
            || e.agency().trim().equalsIgnoreCase(agency))
        .max(Comparator.comparing(AbuseEntry::level)
            .thenComparing(AbuseEntry::reportedOn, Comparator.nullsFirst(Comparator.naturalOrder())));
  }

  private static RiskFactor indicatorFactor(String factor, String label, CountryIndicator indicator,
      IndicatorSource source) {
    if (indicator == null) {
      return new RiskFactor(factor, label, "missing", source.label(), null, null);
    }
    return new RiskFactor(factor, label, indicator.value(), source.label(), indicator.edition(),
        indicator.asOf());
  }

  private static String intermediaryDetail(DealDescription deal) {
    if (deal.intermediaries().isEmpty()) {
      return " (direct sale, no intermediary)";
    }
    return " (" + deal.intermediaries().stream()
        .map(i -> i.name() + (Boolean.TRUE.equals(i.disclosed()) ? ": disclosed" : ": not disclosed"))
        .collect(Collectors.joining(", ")) + ")";
  }

  private DataCompleteness completeness(Map<Key, CountryIndicator> indicators) {
    LocalDate oldestAllowed = LocalDate.now(clock).minus(properties.maxIndicatorAge());
    List<String> missing = new ArrayList<>();
    List<String> stale = new ArrayList<>();
    for (Key key : Indicators.REQUIRED) {
      CountryIndicator indicator = indicators.get(key);
      if (indicator == null || !readable(key, indicator.value())) {
        missing.add(key + " missing" + (indicator == null ? "" : " or unreadable ('"
            + indicator.value() + "')"));
      } else if (indicator.asOf() == null || indicator.asOf().isBefore(oldestAllowed)) {
        stale.add(key + " as of " + indicator.asOf() + " is older than "
            + properties.maxIndicatorAge());
      }
    }
    List<String> problems = new ArrayList<>(missing);
    problems.addAll(stale);
    IndicatorData level = !missing.isEmpty() ? IndicatorData.MISSING
        : !stale.isEmpty() ? IndicatorData.STALE : IndicatorData.COMPLETE;
    return new DataCompleteness(level, problems);
  }

  private static boolean readable(Key key, String value) {
    if (key.indicator().equals(Indicators.FH_STATUS)) {
      return FreedomStatus.parse(value) != FreedomStatus.UNKNOWN;
    }
    return parse(value) != null;
  }

  private static Double number(CountryIndicator indicator) {
    return indicator == null ? null : parse(indicator.value());
  }

  private static Double parse(String value) {
    try {
      return value == null ? null : Double.valueOf(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Key key(IndicatorSource source, String indicator) {
    return new Key(source, indicator);
  }

  private record DataCompleteness(IndicatorData level, List<String> problems) {}
}
