package com.oversight.referencedata;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Dataset {@code abuse-register}: country, agency (optional), level, description, source_url,
 * date; natural key country + agency + level + source_url.
 */
@Component
class AbuseEntryImporter implements DatasetImporter<AbuseEntryImporter.Entry> {

  record Entry(String country, String agency, AbuseLevel level, String description,
      String sourceUrl, LocalDate date) {}

  private final JdbcClient jdbc;

  AbuseEntryImporter(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Dataset dataset() {
    return Dataset.ABUSE_REGISTER;
  }

  @Override
  public Entry read(RowReader row) {
    String country = row.country("country");
    String agency = row.optional("agency", 300);
    AbuseLevel level = row.enumValue("level", AbuseLevel.class);
    String description = row.required("description", 4000);
    String url = row.url("source_url", 1000);
    LocalDate date = row.date("date");
    return row.valid() ? new Entry(country, agency, level, description, url, date) : null;
  }

  @Override
  public List<UniqueKey> uniqueKeys(Entry e) {
    return List.of(new UniqueKey("source_url", "country, agency, level and source_url",
        List.of(e.country(), e.agency(), e.level(), e.sourceUrl())));
  }

  @Override
  public Outcome apply(Entry e, boolean write) {
    Optional<Entry> stored = jdbc.sql("SELECT description, reported_on FROM ov_abuse_entry "
            + "WHERE country = ? AND agency = ? AND abuse_level = ? AND source_url = ?")
        .params(e.country(), e.agency(), e.level().name(), e.sourceUrl())
        .query((rs, n) -> new Entry(e.country(), e.agency(), e.level(), rs.getString(1),
            e.sourceUrl(), rs.getObject(2, LocalDate.class)))
        .optional();
    if (stored.isEmpty()) {
      if (write) {
        jdbc.sql("INSERT INTO ov_abuse_entry (country, agency, abuse_level, description, "
                + "source_url, reported_on) VALUES (?, ?, ?, ?, ?, ?)")
            .params(e.country(), e.agency(), e.level().name(), e.description(), e.sourceUrl(),
                e.date())
            .update();
      }
      return Outcome.INSERTED;
    }
    if (stored.get().equals(e)) {
      return Outcome.UNCHANGED;
    }
    if (write) {
      jdbc.sql("UPDATE ov_abuse_entry SET description = ?, reported_on = ? "
              + "WHERE country = ? AND agency = ? AND abuse_level = ? AND source_url = ?")
          .params(e.description(), e.date(), e.country(), e.agency(), e.level().name(),
              e.sourceUrl())
          .update();
    }
    return Outcome.UPDATED;
  }
}
