package com.oversight.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.oversight.OversightApplication;
import com.oversight.audit.AuditLedger.Verification;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger on a real PostgreSQL (one embedded server and one application context for the
 * class): the migration, row locking under concurrent appends, streaming verification and
 * rollback behave as on H2.
 */
class PostgresAuditLedgerTest {

  static EmbeddedPostgres postgres;
  static ConfigurableApplicationContext context;
  static AuditLedger ledger;
  static JdbcTemplate jdbc;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    context = new SpringApplicationBuilder(OversightApplication.class).profiles("postgres")
        .run("--server.port=0", "--camunda.bpm.process-engine-name=postgresledger",
            "--camunda.bpm.job-execution.enabled=false",
            "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
            "--spring.datasource.username=postgres", "--spring.datasource.password=postgres");
    ledger = context.getBean(AuditLedger.class);
    jdbc = context.getBean(JdbcTemplate.class);
  }

  @AfterAll
  static void stop() throws Exception {
    if (context != null) {
      context.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @BeforeEach
  void emptyLedger() {
    jdbc.update("DELETE FROM ov_ledger_entry");
  }

  @Test
  void concurrentAppendsFormOneGaplessChain() throws Exception {
    JdbcAuditLedgerTest.concurrentAppends(ledger, jdbc, 8, 25);
  }

  @Test
  void tamperingIsDetected() {
    for (int i = 0; i < 4; i++) {
      ledger.append("case-pg", "STEP", "gina", Map.of("i", i, "text", "ünïcødé ✓"));
    }
    assertThat(ledger.verify()).isEqualTo(new Verification(true, 4, null, null));
    assertThat(ledger.entries("case-pg")).hasSize(4);

    jdbc.update("DELETE FROM ov_ledger_entry WHERE sequence = 2");
    Verification verification = ledger.verify();
    assertThat(verification.firstBrokenSequence()).isEqualTo(2);
    assertThat(verification.problem()).isEqualTo("sequence gap after 1: entry 2 missing");
  }

  @Test
  void aRolledBackCallerTransactionLeavesNoEntry() {
    context.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
      ledger.append("case-rollback", "DECISION", "gina", Map.of());
      status.setRollbackOnly();
    });

    assertThat(ledger.entries("case-rollback")).isEmpty();
    assertThat(ledger.verify()).isEqualTo(new Verification(true, 0, null, null));
  }
}
