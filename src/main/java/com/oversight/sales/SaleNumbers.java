package com.oversight.sales;

import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The business keys of sale cases ({@code SALE-2026-0001}): one counter per year in
 * {@code ov_sale_number} (Flyway V12), incremented in a short transaction of its own (REQUIRES_NEW),
 * so that concurrent submissions on every node wait for each other only while a number is taken,
 * not through their whole submission. Numbers are unique and increase; a submission that fails
 * after taking its number leaves that number unused.
 */
final class SaleNumbers {

  private static final int ATTEMPTS = 5;

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final TransactionTemplate ownTransaction;

  SaleNumbers(JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Takes the next business key of the current year (UTC). */
  String next() {
    int year = clock.instant().atZone(ZoneOffset.UTC).getYear();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      // the UPDATE locks the year's row until this short transaction commits
      Integer number = ownTransaction.execute(status -> jdbc.update(
          "UPDATE ov_sale_number SET last_number = last_number + 1 WHERE sale_year = ?", year) == 0
          ? null
          : jdbc.queryForObject("SELECT last_number FROM ov_sale_number WHERE sale_year = ?",
              Integer.class, year));
      if (number != null) {
        return key(year, number);
      }
      startYear(year);
    }
    throw new IllegalStateException("No business key could be taken for " + year);
  }

  static String key(int year, int number) {
    return "SALE-" + year + "-" + String.format("%04d", number);
  }

  /**
   * The year's first case: its counter starts at the highest number of the year used so far
   * (none, unless cases were stored without the counter). A concurrent first case (another thread
   * or node) may have started it already.
   */
  private void startYear(int year) {
    String prefix = "SALE-" + year + "-";
    int highest = jdbc.queryForList("SELECT business_key FROM ov_sale_case WHERE business_key "
            + "LIKE ?", String.class, prefix + "%").stream()
        .map(key -> key.substring(prefix.length()))
        .filter(number -> number.matches("[0-9]{1,9}"))
        .mapToInt(Integer::parseInt).max().orElse(0);
    try {
      ownTransaction.executeWithoutResult(status -> jdbc.update(
          "INSERT INTO ov_sale_number (sale_year, last_number) VALUES (?, ?)", year, highest));
    } catch (DuplicateKeyException startedAlready) {
      // taken by the next UPDATE
    }
  }
}
