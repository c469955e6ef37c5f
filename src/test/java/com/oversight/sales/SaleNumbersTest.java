package com.oversight.sales;

import com.oversight.testing.Concurrently;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.oversight.risk.CapabilityClass;
import com.oversight.risk.CustomerType;
import com.oversight.risk.EndUseCategory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Business-key numbering (Flyway V12, {@link SaleNumbers}) on H2 and on a real PostgreSQL: the
 * counter starts from the keys used before the migration, concurrent submissions (threads here,
 * nodes alike: they share only the database) get distinct, gapless, increasing numbers while
 * their own transactions overlap, and a key used without the counter is skipped.
 */
class SaleNumbersTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2031-05-04T10:00:00Z"), ZoneOffset.UTC);
  static final Opportunity DEAL = new Opportunity("Federal Criminal Police",
      CustomerType.LAW_ENFORCEMENT, "DE", "Forensics Suite 5", CapabilityClass.DEVICE_FORENSICS,
      EndUseCategory.SERIOUS_CRIME, "Organised crime", List.of(), true,
      new BigDecimal("250000.00"), "EUR", LocalDate.of(2031, 9, 1));

  static EmbeddedPostgres postgres;
  static int h2Databases;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  static Stream<Arguments> databases() {
    return Stream.of(Arguments.of("H2"), Arguments.of("PostgreSQL"));
  }

  /** A new, empty database of the kind, migrated up to V10 (before the counter). */
  static DataSource database(String kind) throws Exception {
    if (kind.equals("H2")) {
      return new DriverManagerDataSource("jdbc:h2:mem:sale-numbers-" + (++h2Databases)
          + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1", "sa", "");
    }
    String name = "sale_numbers_" + System.nanoTime();
    new JdbcTemplate(postgres.getPostgresDatabase()).execute("CREATE DATABASE " + name);
    return postgres.getDatabase("postgres", name);
  }

  static void migrate(DataSource data, String target) {
    Flyway.configure().dataSource(data).locations("classpath:db/migration").target(target)
        .load().migrate();
  }

  static void storedBefore(JdbcTemplate jdbc, String businessKey) {
    Timestamp now = Timestamp.from(CLOCK.instant());
    jdbc.update("INSERT INTO ov_sale_case (id, business_key, submitter, intermediaries, status, "
        + "created_at, updated_at) VALUES (?, ?, 'sara', '[]', 'SUBMITTED', ?, ?)",
        java.util.UUID.randomUUID().toString(), businessKey, now, now);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void theCounterStartsAfterTheKeysUsedBeforeIt(String kind) throws Exception {
    DataSource data = database(kind);
    migrate(data, "10");
    JdbcTemplate jdbc = new JdbcTemplate(data);
    for (String key : List.of("SALE-2030-0007", "SALE-2031-0041", "SALE-2031-0009",
        "SALE-2031-10002", "SALE-2031-IMPORTED-1", "OTHER-2031-0500")) {
      storedBefore(jdbc, key);
    }
    migrate(data, "latest");

    assertThat(jdbc.queryForList("SELECT sale_year || ':' || last_number FROM ov_sale_number "
        + "ORDER BY sale_year", String.class)).containsExactly("2030:7", "2031:10002");
    JdbcSaleCases cases = new JdbcSaleCases(jdbc, new ObjectMapper(), CLOCK);
    assertThat(cases.nextBusinessKey()).isEqualTo("SALE-2031-10003");
    assertThat(cases.nextBusinessKey()).isEqualTo("SALE-2031-10004");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aNewYearStartsAtOneAndAKeyUsedWithoutTheCounterIsSkipped(String kind) throws Exception {
    DataSource data = database(kind);
    migrate(data, "latest");
    JdbcTemplate jdbc = new JdbcTemplate(data);
    JdbcSaleCases cases = new JdbcSaleCases(jdbc, new ObjectMapper(), CLOCK);

    assertThat(cases.create("sara", DEAL, CaseStatus.SUBMITTED).businessKey())
        .isEqualTo("SALE-2031-0001");
    storedBefore(jdbc, "SALE-2031-0002"); // e.g. by a node of an older version
    String next = cases.nextBusinessKey();
    assertThat(next).isEqualTo("SALE-2031-0002");
    SaleCase created = new TransactionTemplate(new DataSourceTransactionManager(data))
        .execute(status -> cases.create(next, "sara", DEAL, CaseStatus.SUBMITTED));
    assertThat(created.businessKey()).isEqualTo("SALE-2031-0003");
    assertThat(cases.find(created.id())).get().extracting(SaleCase::businessKey)
        .isEqualTo("SALE-2031-0003");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void concurrentSubmissionsGetDistinctIncreasingNumbers(String kind) throws Exception {
    DataSource data = database(kind);
    migrate(data, "latest");
    JdbcTemplate jdbc = new JdbcTemplate(data);
    JdbcSaleCases cases = new JdbcSaleCases(jdbc, new ObjectMapper(), CLOCK);
    TransactionTemplate submission = new TransactionTemplate(
        new DataSourceTransactionManager(data));
    int threads = 20;
    int perThread = 5;
    List<String> all = new ArrayList<>();
    for (List<String> keys : Concurrently.clients(threads, perThread, () -> {
      // as SaleOpportunityService: the number first, then the submission's transaction, which
      // stays open a while (the process start) while others take theirs
      String key = cases.nextBusinessKey();
      return submission.execute(status -> {
        SaleCase c = cases.create(key, "sara", DEAL, CaseStatus.SUBMITTED);
        sleep(20);
        return c.businessKey();
      });
    })) {
      assertThat(keys).as("one client's numbers increase").isSorted();
      all.addAll(keys);
    }

    Collections.sort(all);
    List<String> expected = new ArrayList<>();
    for (int n = 1; n <= threads * perThread; n++) {
      expected.add(SaleNumbers.key(2031, n));
    }
    assertThat(all).as("distinct and without gaps").isEqualTo(expected);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ov_sale_case", Integer.class))
        .isEqualTo(threads * perThread);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
