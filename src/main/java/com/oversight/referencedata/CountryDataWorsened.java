package com.oversight.referencedata;

import java.util.List;

/**
 * Published (as a Spring event, inside the import's transaction) when an import of country
 * indicators or of the abuse register worsened the picture of one or more countries; see
 * {@link CountryPictures} for what "worse" means. Listeners that act on it (the customer
 * re-assessment) listen after the import committed. Importing the same data again publishes
 * nothing, since nothing changes.
 *
 * @param dataset the dataset's slug (country-indicators, abuse-register)
 * @param fileName the imported file's name
 * @param importedBy who imported it
 * @param countries each country whose picture worsened, with what changed
 */
public record CountryDataWorsened(String dataset, String fileName, String importedBy,
    List<Country> countries) {

  public CountryDataWorsened {
    countries = List.copyOf(countries);
  }

  /** One country (ISO alpha-2) and what worsened, readable, one change an element. */
  public record Country(String alpha2, List<String> changes) {
    public Country {
      changes = List.copyOf(changes);
    }
  }
}
