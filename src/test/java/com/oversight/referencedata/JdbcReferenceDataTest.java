package com.oversight.referencedata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The read side, on data imported through the import service (user-assigned codes QM..QZ). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class JdbcReferenceDataTest {

  @Autowired ReferenceData referenceData;
  @Autowired ReferenceImportService importService;

  void load(Dataset dataset, String csv) {
    importService.importCsv(dataset, csv.getBytes(StandardCharsets.UTF_8), "test.csv", false,
        "test");
  }

  @Test
  void findsCountriesByEitherCodeInAnyCase() {
    load(Dataset.COUNTRIES, "alpha2,alpha3,name\nQM,QMM,Testland M\n");
    assertThat(referenceData.findCountry("qm")).map(ReferenceData.Country::name)
        .contains("Testland M");
    assertThat(referenceData.findCountry("Qmm")).map(ReferenceData.Country::alpha2)
        .contains("QM");
    assertThat(referenceData.findCountry("QX")).isEmpty();
    assertThat(referenceData.findCountry("")).isEmpty();
  }

  @Test
  void latestIndicatorsPicksTheLatestByAsOfThenEdition() {
    load(Dataset.COUNTRIES, "alpha2,alpha3,name\nQN,QNN,Testland N\n");
    load(Dataset.COUNTRY_INDICATORS, """
        country,source,indicator,value,edition,as_of
        QN,FREEDOM_HOUSE,TOTAL_SCORE,70,2023,2023-03-09
        QN,FREEDOM_HOUSE,TOTAL_SCORE,65,2024,2024-02-29
        QN,FREEDOM_HOUSE,TOTAL_SCORE,60,2022,2022-02-24
        QN,V_DEM,LIBERAL_DEMOCRACY,0.41,v13,2023-03-02
        QN,V_DEM,LIBERAL_DEMOCRACY,0.40,v14,2023-03-02
        QN,FREEDOM_HOUSE,STATUS,Partly Free,2024,2024-02-29
        """);
    var latest = referenceData.latestIndicators("QN");
    assertThat(latest).hasSize(3);
    assertThat(latest).filteredOn(i -> i.indicator().equals("TOTAL_SCORE"))
        .singleElement().satisfies(i -> {
          assertThat(i.value()).isEqualTo("65");
          assertThat(i.edition()).isEqualTo("2024");
        });
    assertThat(latest).filteredOn(i -> i.source() == IndicatorSource.V_DEM)
        .singleElement().satisfies(i -> assertThat(i.edition()).isEqualTo("v14"));
    assertThat(latest).filteredOn(i -> i.indicator().equals("STATUS"))
        .singleElement().satisfies(i -> assertThat(i.value()).isEqualTo("PARTLY_FREE"));
  }

  @Test
  void dataGapsFindMissingAndStaleIndicators() {
    load(Dataset.COUNTRIES, """
        alpha2,alpha3,name
        QO,QOO,Testland O
        QP,QPP,Testland P
        QR,QRR,Testland R
        """);
    load(Dataset.COUNTRY_INDICATORS, """
        country,source,indicator,value,edition,as_of
        QO,FREEDOM_HOUSE,TOTAL_SCORE,90,2019,2019-02-01
        QO,FREEDOM_HOUSE,STATUS,FREE,2024,2024-02-29
        QO,WORLD_BANK_WGI,VOICE_AND_ACCOUNTABILITY,1.2,2023,2023-09-29
        QP,FREEDOM_HOUSE,TOTAL_SCORE,90,2024,2024-02-29
        QP,FREEDOM_HOUSE,STATUS,FREE,2024,2024-02-29
        QP,WORLD_BANK_WGI,VOICE_AND_ACCOUNTABILITY,1.2,2023,2023-09-29
        QP,WORLD_BANK_WGI,RULE_OF_LAW,1.1,2023,2023-09-29
        """);
    load(Dataset.ABUSE_REGISTER, """
        country,agency,level,description,source_url,date
        QR,,SUSPECTED_OPERATOR,Suspected operator,https://reports.example/qr,2020-01-01
        """);
    var gaps = referenceData.dataGaps(LocalDate.of(2024, 6, 1));
    assertThat(gaps).filteredOn(g -> g.country().alpha2().equals("QP")).isEmpty();
    assertThat(gaps).filteredOn(g -> g.country().alpha2().equals("QO")).singleElement()
        .satisfies(g -> assertThat(g.problems()).containsExactly(
            "Freedom House, Freedom in the World TOTAL_SCORE: edition 2019, as of 2019-02-01, "
                + "older than P3Y",
            "World Bank, Worldwide Governance Indicators RULE_OF_LAW: missing"));
    assertThat(gaps).filteredOn(g -> g.country().alpha2().equals("QR")).singleElement()
        .satisfies(g -> assertThat(g.problems()).hasSize(4).allMatch(p -> p.endsWith("missing")));
    // untracked countries (no indicator, no abuse entry) are not listed
    assertThat(gaps).noneMatch(g -> g.country().alpha2().equals("AQ"));
    // later, everything of QP is stale too
    assertThat(referenceData.dataGaps(LocalDate.of(2028, 1, 1)))
        .filteredOn(g -> g.country().alpha2().equals("QP")).singleElement()
        .satisfies(g -> assertThat(g.problems()).hasSize(4));
  }

  @Test
  void screeningMatchesNamesAndAliasesAfterNormalisation() {
    load(Dataset.DENIED_PARTIES, """
        name,aliases,country,list_source
        Ümbrella Interception Systems GmbH,UIS Ltd.|Umbrella Intercept,,Test list Q
        Quantum Lawful Access S.A.,,,Test list Q
        """);
    assertThat(referenceData.screen("umbrella interception systems"))
        .singleElement().satisfies(hit -> {
          assertThat(hit.matchedName()).isEqualTo("Ümbrella Interception Systems GmbH");
          assertThat(hit.screenedName()).isEqualTo("umbrella interception systems");
          assertThat(hit.entry().aliases()).containsExactly("UIS Ltd.", "Umbrella Intercept");
        });
    assertThat(referenceData.screen("U.I.S., Inc.")).isEmpty(); // "u i s" is not "uis"
    assertThat(referenceData.screen("UIS Limited")).singleElement()
        .satisfies(hit -> assertThat(hit.matchedName()).isEqualTo("UIS Ltd."));
    assertThat(referenceData.screen("QUANTUM LAWFUL-ACCESS")).hasSize(1);
    assertThat(referenceData.screen("Quantum Lawful Access Research")).isEmpty();
    assertThat(referenceData.screen("Umbrella")).isEmpty();
    assertThat(referenceData.screen("   ")).isEmpty();
  }
}
