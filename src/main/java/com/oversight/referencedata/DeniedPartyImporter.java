package com.oversight.referencedata;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Dataset {@code denied-parties}: name, aliases (separated by |), country (optional),
 * list_source; natural key name + list_source.
 */
@Component
class DeniedPartyImporter implements DatasetImporter<DeniedPartyImporter.Entry> {

  record Entry(String name, String aliases, String country, String listSource) {}

  private final JdbcClient jdbc;

  DeniedPartyImporter(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Dataset dataset() {
    return Dataset.DENIED_PARTIES;
  }

  @Override
  public Entry read(RowReader row) {
    String name = row.required("name", 300);
    String aliases = row.optional("aliases", 4000);
    String country = row.optionalCountry("country");
    String listSource = row.required("list_source", 200);
    if (!row.valid()) {
      return null;
    }
    return new Entry(name, String.join("|", splitAliases(aliases)), country, listSource);
  }

  static List<String> splitAliases(String aliases) {
    return Arrays.stream(aliases.split("\\|")).map(String::trim).filter(a -> !a.isEmpty())
        .toList();
  }

  @Override
  public List<UniqueKey> uniqueKeys(Entry e) {
    return List.of(new UniqueKey("name", "name and list_source", List.of(e.name(),
        e.listSource())));
  }

  @Override
  public Outcome apply(Entry e, boolean write) {
    Optional<Entry> stored = jdbc.sql("SELECT name, aliases, country, list_source "
            + "FROM ov_denied_party WHERE name = ? AND list_source = ?")
        .params(e.name(), e.listSource())
        .query((rs, n) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3).trim(),
            rs.getString(4)))
        .optional();
    if (stored.isEmpty()) {
      if (write) {
        jdbc.sql("INSERT INTO ov_denied_party (name, aliases, country, list_source) "
            + "VALUES (?, ?, ?, ?)").params(e.name(), e.aliases(), e.country(), e.listSource())
            .update();
      }
      return Outcome.INSERTED;
    }
    if (stored.get().equals(e)) {
      return Outcome.UNCHANGED;
    }
    if (write) {
      jdbc.sql("UPDATE ov_denied_party SET aliases = ?, country = ? "
          + "WHERE name = ? AND list_source = ?")
          .params(e.aliases(), e.country(), e.name(), e.listSource()).update();
    }
    return Outcome.UPDATED;
  }
}
