package com.oversight.referencedata;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Listings for the reference-data API, beyond what {@link ReferenceData} offers. */
@Component
@Transactional(readOnly = true)
public class ReferenceDataCatalog {

  private final JdbcClient jdbc;

  public ReferenceDataCatalog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Countries whose name contains {@code query} (any case) or whose code equals it; all if null. */
  public List<ReferenceData.Country> countries(String query) {
    if (query == null || query.isBlank()) {
      return jdbc.sql("SELECT alpha2, alpha3, name FROM ov_country ORDER BY name")
          .query(JdbcReferenceData::country).list();
    }
    String q = query.trim();
    return jdbc.sql("SELECT alpha2, alpha3, name FROM ov_country WHERE LOWER(name) LIKE ? "
            + "OR alpha2 = ? OR alpha3 = ? ORDER BY name")
        .params("%" + q.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%",
            q.toUpperCase(Locale.ROOT), q.toUpperCase(Locale.ROOT))
        .query(JdbcReferenceData::country).list();
  }

  /** The whole register of documented abuse, newest first. */
  public List<ReferenceData.AbuseEntry> abuseEntries() {
    return jdbc.sql("SELECT * FROM ov_abuse_entry ORDER BY reported_on DESC, id")
        .query(JdbcReferenceData::abuseEntry).list();
  }

  /** The import history, newest first. */
  public List<ImportRecord> imports() {
    return jdbc.sql("SELECT * FROM ov_reference_import ORDER BY imported_at DESC, id DESC")
        .query((rs, n) -> new ImportRecord(rs.getLong("id"), rs.getString("dataset"),
            rs.getString("file_name"), rs.getString("sha256"), rs.getInt("row_count"),
            rs.getInt("inserted"), rs.getInt("updated"), rs.getInt("unchanged"),
            rs.getString("imported_by"),
            rs.getTimestamp("imported_at").toLocalDateTime().toInstant(ZoneOffset.UTC)))
        .list();
  }
}
