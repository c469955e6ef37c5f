package com.oversight.referencedata;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What row validation needs to know: today's date and the countries already known. */
record ImportContext(LocalDate today, Map<String, String> alpha2ByCode,
    Map<String, String> alpha2ByAlpha3) {

  static ImportContext load(JdbcClient jdbc, LocalDate today) {
    Map<String, String> byCode = new HashMap<>();
    Map<String, String> byAlpha3 = new HashMap<>();
    jdbc.sql("SELECT alpha2, alpha3 FROM ov_country").query(rs -> {
      String alpha2 = rs.getString(1).trim();
      String alpha3 = rs.getString(2).trim();
      byCode.put(alpha2, alpha2);
      byCode.put(alpha3, alpha2);
      byAlpha3.put(alpha3, alpha2);
    });
    return new ImportContext(today, byCode, byAlpha3);
  }

  /** The alpha-2 code of a known country given by alpha-2 or alpha-3 code, any case. */
  Optional<String> alpha2(String code) {
    return Optional.ofNullable(alpha2ByCode.get(code.trim().toUpperCase(Locale.ROOT)));
  }
}
