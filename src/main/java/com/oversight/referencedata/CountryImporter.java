package com.oversight.referencedata;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Dataset {@code countries}: alpha2, alpha3, name; natural key alpha2. */
@Component
class CountryImporter implements DatasetImporter<ReferenceData.Country> {

  private final JdbcClient jdbc;

  CountryImporter(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Dataset dataset() {
    return Dataset.COUNTRIES;
  }

  @Override
  public ReferenceData.Country read(RowReader row) {
    String alpha2 = code(row, "alpha2", 2);
    String alpha3 = code(row, "alpha3", 3);
    String name = row.required("name", 200);
    if (alpha2 != null && alpha3 != null) {
      String owner = row.context().alpha2ByAlpha3().get(alpha3);
      if (owner != null && !owner.equals(alpha2)) {
        row.problem("alpha3", "already belongs to country " + owner);
      }
    }
    return row.valid() ? new ReferenceData.Country(alpha2, alpha3, name) : null;
  }

  private static String code(RowReader row, String column, int length) {
    String value = row.required(column, length + 10);
    if (value == null) {
      return null;
    }
    String code = value.toUpperCase(Locale.ROOT);
    if (!code.matches("[A-Z]{" + length + "}")) {
      row.problem(column, "must be " + length + " letters A-Z");
      return null;
    }
    return code;
  }

  @Override
  public List<UniqueKey> uniqueKeys(ReferenceData.Country c) {
    return List.of(new UniqueKey("alpha2", "alpha2", c.alpha2()),
        new UniqueKey("alpha3", "alpha3", c.alpha3()));
  }

  @Override
  public Outcome apply(ReferenceData.Country c, boolean write) {
    Optional<ReferenceData.Country> stored = jdbc
        .sql("SELECT alpha2, alpha3, name FROM ov_country WHERE alpha2 = ?")
        .param(c.alpha2())
        .query((rs, n) -> new ReferenceData.Country(rs.getString(1).trim(),
            rs.getString(2).trim(), rs.getString(3)))
        .optional();
    if (stored.isEmpty()) {
      if (write) {
        jdbc.sql("INSERT INTO ov_country (alpha2, alpha3, name) VALUES (?, ?, ?)")
            .params(c.alpha2(), c.alpha3(), c.name()).update();
      }
      return Outcome.INSERTED;
    }
    if (stored.get().equals(c)) {
      return Outcome.UNCHANGED;
    }
    if (write) {
      jdbc.sql("UPDATE ov_country SET alpha3 = ?, name = ? WHERE alpha2 = ?")
          .params(c.alpha3(), c.name(), c.alpha2()).update();
    }
    return Outcome.UPDATED;
  }
}
