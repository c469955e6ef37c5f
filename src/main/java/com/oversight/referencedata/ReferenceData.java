package com.oversight.referencedata;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The read side of the reference data, used by the risk engine and the processes. Every method
 * is a query; imports go through the import service.
 */
public interface ReferenceData {

  /** A country by ISO 3166-1 alpha-2 or alpha-3 code, case-insensitive. */
  Optional<Country> findCountry(String code);

  /**
   * The latest value (by as-of date, then edition) of every indicator recorded for a country,
   * one per source and indicator.
   */
  List<CountryIndicator> latestIndicators(String alpha2);

  /** Every entry of the register of documented abuse for a country (agency-specific included). */
  List<AbuseEntry> abuseEntries(String alpha2);

  /**
   * Screens a name against the denied-party list (names and aliases, compared after
   * normalisation: case, accents, punctuation and common company suffixes ignored).
   */
  List<DeniedPartyHit> screen(String name);

  /**
   * Countries that Oversight tracks (they have indicators or abuse entries) whose required
   * indicators ({@link Indicators#REQUIRED}) are missing or older than the allowed age on
   * {@code today}.
   */
  List<CountryDataGap> dataGaps(LocalDate today);

  /** A country. */
  record Country(String alpha2, String alpha3, String name) {}

  /** One indicator value with its provenance. {@code value} is text; see {@link Indicators}. */
  record CountryIndicator(String country, IndicatorSource source, String indicator, String value,
      String edition, LocalDate asOf) {}

  /** An entry of the register of documented abuse; {@code agency} is null for the whole country. */
  record AbuseEntry(long id, String country, String agency, AbuseLevel level, String description,
      String sourceUrl, LocalDate reportedOn) {}

  /** An entry of the denied-party list; {@code country} may be null. */
  record DeniedParty(long id, String name, List<String> aliases, String country,
      String listSource) {}

  /** A screening hit: the name screened, the list entry, and the name or alias it matched. */
  record DeniedPartyHit(String screenedName, DeniedParty entry, String matchedName) {}

  /** What is missing or stale for one country, for example "Freedom House STATUS: missing". */
  record CountryDataGap(Country country, List<String> problems) {}
}
