package com.oversight.referencedata;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The reference datasets that can be imported from CSV, with their columns and table. */
public enum Dataset {
  COUNTRIES("countries", "ov_country", List.of("alpha2", "alpha3", "name")),
  COUNTRY_INDICATORS("country-indicators", "ov_country_indicator",
      List.of("country", "source", "indicator", "value", "edition", "as_of")),
  ABUSE_REGISTER("abuse-register", "ov_abuse_entry",
      List.of("country", "agency", "level", "description", "source_url", "date")),
  DENIED_PARTIES("denied-parties", "ov_denied_party",
      List.of("name", "aliases", "country", "list_source"));

  private final String slug;
  private final String table;
  private final List<String> columns;

  Dataset(String slug, String table, List<String> columns) {
    this.slug = slug;
    this.table = table;
    this.columns = columns;
  }

  /** The name used in URLs and in the import history, for example {@code country-indicators}. */
  public String slug() {
    return slug;
  }

  String table() {
    return table;
  }

  /** The CSV columns, all required, in the documented order (files may order them freely). */
  public List<String> columns() {
    return columns;
  }

  public static Optional<Dataset> bySlug(String slug) {
    return Arrays.stream(values()).filter(d -> d.slug.equalsIgnoreCase(slug)).findFirst();
  }
}
