package com.oversight.referencedata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameNormalizerTest {

  @Test
  void ignoresCaseAccentsPunctuationAndSpaces() {
    assertThat(NameNormalizer.normalize("  Société  Générale-Surveillance ")).isEqualTo(
        "societe generale surveillance");
    assertThat(NameNormalizer.normalize("Čytrox")).isEqualTo("cytrox");
  }

  @Test
  void dropsLegalFormSuffixesAtTheEnd() {
    assertThat(NameNormalizer.normalize("Computer Security Initiative Consultancy PTE. LTD."))
        .isEqualTo("computer security initiative consultancy");
    assertThat(NameNormalizer.normalize("Intellexa S.A.")).isEqualTo("intellexa");
    assertThat(NameNormalizer.normalize("Cytrox Holdings Zrt")).isEqualTo("cytrox");
    assertThat(NameNormalizer.normalize("Acme Co., Ltd.")).isEqualTo("acme");
    assertThat(NameNormalizer.normalize("ACME GmbH")).isEqualTo("acme");
  }

  @Test
  void doesNotOverMatch() {
    // suffix tokens inside a name are kept
    assertThat(NameNormalizer.normalize("Co Sa Intelligence")).isEqualTo("co sa intelligence");
    // a lone "a" is not "S.A."
    assertThat(NameNormalizer.normalize("Team A")).isEqualTo("team a");
    // never reduced to nothing
    assertThat(NameNormalizer.normalize("Holdings")).isEqualTo("holdings");
    // meaningful words stay
    assertThat(NameNormalizer.normalize("Positive Technologies"))
        .isEqualTo("positive technologies");
    assertThat(NameNormalizer.normalize("NSO Group")).isNotEqualTo(
        NameNormalizer.normalize("NSO Group Technologies"));
  }

  @Test
  void blankIsEmpty() {
    assertThat(NameNormalizer.normalize(" .- ")).isEmpty();
    assertThat(NameNormalizer.normalize(null)).isEmpty();
  }
}
