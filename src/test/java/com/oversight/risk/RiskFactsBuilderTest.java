package com.oversight.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.oversight.platform.ApiProblem;
import com.oversight.referencedata.AbuseLevel;
import com.oversight.referencedata.IndicatorSource;
import com.oversight.referencedata.Indicators;
import com.oversight.referencedata.ReferenceDataProperties;
import com.oversight.risk.DealDescription.Intermediary;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** From a deal and the reference data to the table's inputs and their provenance. */
class RiskFactsBuilderTest {

  static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
  static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC),
      ZoneOffset.UTC);

  private final FakeReferenceData data = FakeReferenceData.freeland(LocalDate.of(2025, 2, 1));
  private final RiskFactsBuilder builder =
      new RiskFactsBuilder(data, new ReferenceDataProperties(Period.ofYears(3)), CLOCK);

  static DealDescription deal(String agency, List<Intermediary> intermediaries,
      Boolean statement) {
    return new DealDescription(agency, CustomerType.LAW_ENFORCEMENT, "FL",
        CapabilityClass.DEVICE_FORENSICS, EndUseCategory.SERIOUS_CRIME, intermediaries, statement);
  }

  static DealDescription cleanDeal() {
    return deal("Federal Police", List.of(new Intermediary("Reseller Ltd", true)), true);
  }

  @Test
  void aCleanCountryGivesCleanInputsWithProvenance() {
    RiskFacts facts = builder.build(cleanDeal());
    RiskInputs in = facts.inputs();
    assertThat(in.deniedPartyHit()).isFalse();
    assertThat(in.abuseLevel()).isNull();
    assertThat(in.freedomStatus()).isEqualTo(FreedomStatus.FREE);
    assertThat(in.freedomScore()).isEqualTo(90.0);
    assertThat(in.voiceAndAccountability()).isEqualTo(1.25);
    assertThat(in.ruleOfLaw()).isEqualTo(1.4);
    assertThat(in.civicSpace()).isEqualTo(CivicSpace.OPEN);
    assertThat(in.allIntermediariesDisclosed()).isTrue();
    assertThat(in.endUseStatementProvided()).isTrue();
    assertThat(in.indicatorData()).isEqualTo(IndicatorData.COMPLETE);
    assertThat(in.toVariables()).containsEntry("abuseLevel", "NONE");

    assertThat(facts.provenance()).extracting(RiskFactor::factor)
        .containsExactlyElementsOf(in.toVariables().keySet());
    RiskFactor score = facts.provenance().stream()
        .filter(f -> f.factor().equals("freedomScore")).findFirst().orElseThrow();
    assertThat(score.value()).isEqualTo("90");
    assertThat(score.source()).isEqualTo(IndicatorSource.FREEDOM_HOUSE.label());
    assertThat(score.edition()).isEqualTo("2025");
    assertThat(score.asOf()).isEqualTo(LocalDate.of(2025, 2, 1));
  }

  @Test
  void anUnknownCountryIsABadCountryField() {
    DealDescription deal = new DealDescription("X", CustomerType.OTHER, "XX",
        CapabilityClass.CYBER_DEFENCE, EndUseCategory.OTHER, List.of(), true);
    assertThatThrownBy(() -> builder.build(deal)).isInstanceOf(ApiProblem.class)
        .satisfies(e -> assertThat(((ApiProblem) e).errors().get(0).field()).isEqualTo("country"))
        .hasMessageContaining("unknown country code 'XX'");
  }

  @Test
  void theCountryIsFoundByAlpha3Too() {
    DealDescription deal = new DealDescription("Federal Police", CustomerType.OTHER, "frl",
        CapabilityClass.CYBER_DEFENCE, EndUseCategory.OTHER, List.of(), true);
    assertThat(builder.build(deal).country().alpha2()).isEqualTo("FL");
  }

  @Test
  void theAbuseLevelIsTheMostSevereCountryWideOrCustomerEntry() {
    data.abuse("FL", null, AbuseLevel.SUSPECTED_OPERATOR);
    data.abuse("FL", "federal police", AbuseLevel.DOCUMENTED_ABUSE);
    data.abuse("FL", "Intelligence Directorate", AbuseLevel.AT_RISK_GROUP_TARGETING);
    data.abuse("ZZ", null, AbuseLevel.AT_RISK_GROUP_TARGETING);
    RiskFacts facts = builder.build(cleanDeal());
    assertThat(facts.inputs().abuseLevel()).isEqualTo(AbuseLevel.DOCUMENTED_ABUSE);
    assertThat(facts.provenance()).filteredOn(f -> f.factor().equals("abuseLevel"))
        .singleElement().satisfies(f -> {
          assertThat(f.value()).startsWith("DOCUMENTED_ABUSE");
          assertThat(f.source()).contains("https://example.org/report/");
          assertThat(f.asOf()).isEqualTo(LocalDate.of(2024, 3, 1));
        });
  }

  @Test
  void anEntryForAnotherAgencyDoesNotCount() {
    data.abuse("FL", "Intelligence Directorate", AbuseLevel.AT_RISK_GROUP_TARGETING);
    assertThat(builder.build(cleanDeal()).inputs().abuseLevel()).isNull();
  }

  @Test
  void theCustomerAndEveryIntermediaryAreScreened() {
    data.deny("Shady Brokers");
    assertThat(builder.build(cleanDeal()).inputs().deniedPartyHit()).isFalse();
    RiskFacts facts = builder.build(deal("Federal Police", List.of(
        new Intermediary("Reseller Ltd", true), new Intermediary("Shady Brokers", true)), true));
    assertThat(facts.inputs().deniedPartyHit()).isTrue();
    assertThat(facts.provenance().get(0).value()).contains("Shady Brokers");
    assertThat(facts.provenance().get(0).source()).contains("Test list");

    data.deny("Federal Police");
    assertThat(builder.build(deal("Federal Police", List.of(), true)).inputs().deniedPartyHit())
        .isTrue();
  }

  @Test
  void oneUndisclosedIntermediaryIsEnough() {
    RiskFacts facts = builder.build(deal("Federal Police", List.of(
        new Intermediary("A", true), new Intermediary("B", false)), false));
    assertThat(facts.inputs().allIntermediariesDisclosed()).isFalse();
    assertThat(facts.inputs().endUseStatementProvided()).isFalse();
  }

  @Test
  void aMissingRequiredIndicatorIsMissingData() {
    data.removeIndicator(IndicatorSource.WORLD_BANK_WGI, Indicators.WGI_RULE_OF_LAW);
    RiskFacts facts = builder.build(cleanDeal());
    assertThat(facts.inputs().indicatorData()).isEqualTo(IndicatorData.MISSING);
    assertThat(facts.inputs().ruleOfLaw()).isNull();
    assertThat(facts.provenance()).filteredOn(f -> f.factor().equals("indicatorData"))
        .singleElement().satisfies(f -> assertThat(f.value()).contains("RULE_OF_LAW missing"));
  }

  @Test
  void anUnreadableRequiredIndicatorIsMissingData() {
    data.indicator("FL", IndicatorSource.FREEDOM_HOUSE, Indicators.FH_TOTAL_SCORE, "n/a",
        LocalDate.of(2025, 2, 1));
    RiskFacts facts = builder.build(cleanDeal());
    assertThat(facts.inputs().freedomScore()).isNull();
    assertThat(facts.inputs().indicatorData()).isEqualTo(IndicatorData.MISSING);
  }

  @Test
  void aMissingStatusIsUnknownAndMissingData() {
    data.removeIndicator(IndicatorSource.FREEDOM_HOUSE, Indicators.FH_STATUS);
    data.removeIndicator(IndicatorSource.CIVICUS, Indicators.CIVICUS_RATING);
    RiskFacts facts = builder.build(cleanDeal());
    assertThat(facts.inputs().freedomStatus()).isEqualTo(FreedomStatus.UNKNOWN);
    assertThat(facts.inputs().civicSpace()).isEqualTo(CivicSpace.UNKNOWN);
    assertThat(facts.inputs().indicatorData()).isEqualTo(IndicatorData.MISSING);
  }

  @Test
  void anIndicatorOlderThanTheMaximumAgeIsStale() {
    data.indicator("FL", IndicatorSource.FREEDOM_HOUSE, Indicators.FH_TOTAL_SCORE, "90",
        TODAY.minusYears(3).minusDays(1));
    assertThat(builder.build(cleanDeal()).inputs().indicatorData())
        .isEqualTo(IndicatorData.STALE);
    data.indicator("FL", IndicatorSource.FREEDOM_HOUSE, Indicators.FH_TOTAL_SCORE, "90",
        TODAY.minusYears(3));
    assertThat(builder.build(cleanDeal()).inputs().indicatorData())
        .isEqualTo(IndicatorData.COMPLETE);
  }

  @Test
  void missingBeatsStale() {
    data.indicator("FL", IndicatorSource.FREEDOM_HOUSE, Indicators.FH_TOTAL_SCORE, "90",
        LocalDate.of(2010, 1, 1));
    data.removeIndicator(IndicatorSource.FREEDOM_HOUSE, Indicators.FH_STATUS);
    assertThat(builder.build(cleanDeal()).inputs().indicatorData())
        .isEqualTo(IndicatorData.MISSING);
  }

  @Test
  void ratingsAreReadLeniently() {
    data.indicator("FL", IndicatorSource.FREEDOM_HOUSE, Indicators.FH_STATUS, "Partly Free",
        LocalDate.of(2025, 2, 1));
    data.indicator("FL", IndicatorSource.CIVICUS, Indicators.CIVICUS_RATING, "repressed",
        LocalDate.of(2025, 2, 1));
    RiskInputs in = builder.build(cleanDeal()).inputs();
    assertThat(in.freedomStatus()).isEqualTo(FreedomStatus.PARTLY_FREE);
    assertThat(in.civicSpace()).isEqualTo(CivicSpace.REPRESSED);
  }
}
