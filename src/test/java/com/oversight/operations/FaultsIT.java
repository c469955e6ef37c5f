package com.oversight.operations;

import static com.oversight.operations.OversightNodes.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Faults on one Oversight node on an embedded PostgreSQL reached through a TCP proxy the test can
 * cut: the database gone for seconds (503, nothing accepted lost, recovery by itself), the mail
 * server down during a sale's notification (retries, an incident, exactly one email after the
 * retry), and reference data changed under a running case (an incident that says why). The job
 * executor is off: the test runs the jobs, one try at a time.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

  static int mailPort;

  static EmbeddedPostgres postgres;
  static TcpProxy proxy;
  static GreenMail mail;
  static ConfigurableApplicationContext node;
  static int port;
  static JdbcTemplate jdbc;
  static ManagementService management;
  static RuntimeService runtime;
  static HistoryService history;
  final OversightNodes.Api api = new OversightNodes.Api();

  @BeforeAll
  static void start() throws Exception {
    postgres = OversightNodes.postgres();
    proxy = new TcpProxy(postgres.getPort());
    mailPort = OversightNodes.freePort();
    mail = new GreenMail(new ServerSetup(mailPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    port = OversightNodes.freePort();
    List<String> args = new ArrayList<>(OversightNodes.args("faults", port,
        OversightNodes.jdbcUrl(proxy.port()), mailPort, false));
    // a request waits at most 2 s for a database connection, then gets its 503
    args.add("--spring.datasource.hikari.connection-timeout=2000");
    args.add("--spring.datasource.hikari.validation-timeout=1000");
    node = OversightNodes.start(args);
    jdbc = node.getBean(JdbcTemplate.class);
    management = node.getBean(ManagementService.class);
    runtime = node.getBean(RuntimeService.class);
    history = node.getBean(HistoryService.class);
  }

  @AfterAll
  static void stop() throws Exception {
    if (node != null) {
      node.close();
    }
    if (proxy != null) {
      proxy.close();
    }
    if (mail != null) {
      mail.stop();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  @Order(1)
  void whileTheDatabaseIsDownRequestsGet503AndNothingAcceptedIsLost() throws Exception {
    int before = count("ov_grievance");
    int salesBefore = count("ov_sale_case");
    List<String> accepted = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      accepted.add(Workload.submitReport(api, port));
    }
    String caseId = Workload.submitDeal(api, port, Workload.HIGH_RISK_DEAL);

    proxy.cut();
    long cutAt = System.nanoTime();
    List<Integer> during = new ArrayList<>();
    try {
      while (System.nanoTime() - cutAt < 6_000_000_000L) {
        HttpResponse<String> report = api.post(port, "/api/public/reports", Workload.REPORT,
            null);
        assertThat(report.statusCode()).as(report.body()).isEqualTo(503);
        assertThat(report.headers().firstValue("Content-Type"))
            .hasValue("application/problem+json");
        assertThat(report.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(report.body()).contains("database is unavailable");
        during.add(report.statusCode());
        HttpResponse<String> lookup = api.post(port, "/api/public/reports/status",
            "{\"receiptCode\": \"" + accepted.get(0) + "\"}", null);
        assertThat(lookup.statusCode()).as(lookup.body()).isEqualTo(503);
        during.add(lookup.statusCode());
        // signing in needs the database too: sara's submission gets the same 503
        HttpResponse<String> sale = api.post(port, "/api/sales/opportunities",
            Workload.HIGH_RISK_DEAL, "sara");
        assertThat(sale.statusCode()).as(sale.body()).isEqualTo(503);
        assertThat(sale.headers().firstValue("Content-Type"))
            .hasValue("application/problem+json");
        during.add(sale.statusCode());
      }
    } finally {
      proxy.restore();
    }
    long restoredAt = System.nanoTime();
    // the application recovers by itself: the next report is accepted
    List<Integer> after = new ArrayList<>();
    await(Duration.ofSeconds(30), "a report accepted again", () -> {
      try {
        int status = api.post(port, "/api/public/reports", Workload.REPORT, null).statusCode();
        after.add(status);
        return status == 201;
      } catch (Exception e) {
        return false;
      }
    });
    System.out.printf("[faults] database cut for %d ms: %d requests answered 503; recovered "
            + "%d ms after it returned (statuses meanwhile: %s)%n",
        (restoredAt - cutAt) / 1_000_000, during.size(), (System.nanoTime() - restoredAt)
            / 1_000_000, after);
    assertThat(after).doesNotContain(500);

    // everything accepted before the outage is there, nothing refused was stored
    assertThat(count("ov_grievance")).isEqualTo(before + accepted.size() + 1);
    assertThat(count("ov_sale_case")).isEqualTo(salesBefore + 1);
    for (String code : accepted) {
      HttpResponse<String> status = api.post(port, "/api/public/reports/status",
          "{\"receiptCode\": \"" + code + "\"}", null);
      assertThat(status.statusCode()).isEqualTo(200);
      assertThat(status.body()).contains("RECEIVED");
    }
    HttpResponse<String> sale = api.get(port, "/api/sales/opportunities/" + caseId, "sara");
    assertThat(sale.statusCode()).isEqualTo(200);
    assertThat(runtime.createProcessInstanceQuery()
        .processInstanceId(Workload.instanceOf(jdbc, caseId)).count()).isOne();
  }

  @Test
  @Order(2)
  void mailServerDownDuringASaleRejectionEndsInAnIncidentAndOneEmailAfterTheRetry()
      throws Exception {
    String caseId = Workload.submitDeal(api, port, Workload.DENIED_PARTY_DEAL);
    String instance = Workload.instanceOf(jdbc, caseId);
    mail.stop();
    try {
      // register, screen, reject: done; the notification fails on every try of R5/PT10M
      for (int tries = 0; tries < 20 && runtime.createIncidentQuery()
          .processInstanceId(instance).count() == 0; tries++) {
        Job job = management.createJobQuery().processInstanceId(instance).singleResult();
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException e) {
          assertThat(e).hasStackTraceContaining("MailSendException");
        }
      }
      Incident incident = runtime.createIncidentQuery().processInstanceId(instance)
          .singleResult();
      assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
      assertThat(incident.getIncidentMessage()).contains("Mail server connection failed");
      Job failed = management.createJobQuery().processInstanceId(instance).singleResult();
      assertThat(failed.getRetries()).isZero();
      assertThat(jdbc.queryForObject("SELECT status FROM ov_sale_case WHERE id = ?",
          String.class, caseId)).isEqualTo("REJECTED");
      System.out.printf("[faults] mail down: incident at %s after the retries (%s)%n",
          incident.getActivityId(), incident.getIncidentMessage());
    } finally {
      mail.start();
    }
    // an administrator retries in Cockpit: one email, the incident gone, the process ended
    String jobId = management.createJobQuery().processInstanceId(instance).singleResult().getId();
    management.setJobRetries(jobId, 1);
    management.executeJob(jobId);
    assertThat(mail.getReceivedMessages()).hasSize(1);
    assertThat(mail.getReceivedMessages()[0].getSubject()).contains("rejected");
    assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance)
        .activityId("EndEvent_DealRejected").count()).isOne();
  }

  @Test
  @Order(3)
  void aCountryRemovedBetweenSubmissionAndScreeningIsAnIncidentThatSaysWhy() throws Exception {
    String caseId = Workload.submitDeal(api, port, Workload.HIGH_RISK_DEAL.replace("\"MX\"",
        "\"NO\""));
    String instance = Workload.instanceOf(jdbc, caseId);
    Job register = management.createJobQuery().processInstanceId(instance).singleResult();
    management.executeJob(register.getId());

    // a reference-data change removes Norway before the screening runs
    List<Map<String, Object>> indicators = jdbc.queryForList(
        "SELECT * FROM ov_country_indicator WHERE country = 'NO'");
    Map<String, Object> norway = jdbc.queryForMap("SELECT * FROM ov_country WHERE alpha2 = 'NO'");
    jdbc.update("DELETE FROM ov_country_indicator WHERE country = 'NO'");
    jdbc.update("DELETE FROM ov_country WHERE alpha2 = 'NO'");

    for (int retriesLeft = 2; retriesLeft >= 0; retriesLeft--) {
      Job screen = management.createJobQuery().processInstanceId(instance).singleResult();
      assertThat(screen.getFailedActivityId() == null ? "Task_ScreenAndAssessRisk"
          : screen.getFailedActivityId()).isEqualTo("Task_ScreenAndAssessRisk");
      assertThatThrownBy(() -> management.executeJob(screen.getId()))
          .hasStackTraceContaining("unknown country code 'NO'");
      assertThat(management.createJobQuery().processInstanceId(instance).singleResult()
          .getRetries()).isEqualTo(retriesLeft);
    }
    Incident incident = runtime.createIncidentQuery().processInstanceId(instance).singleResult();
    assertThat(incident.getActivityId()).isEqualTo("Task_ScreenAndAssessRisk");
    assertThat(incident.getIncidentMessage()).isEqualTo("country: unknown country code 'NO'");
    System.out.printf("[faults] country removed under a running case: incident at %s: %s%n",
        incident.getActivityId(), incident.getIncidentMessage());
    // the case waits, visibly: not lost, not screened, nothing decided
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isOne();
    assertThat(Workload.ledgerCount(jdbc, caseId, "RISK_ASSESSED")).isZero();

    // the data is restored and the incident retried: the screening goes on
    insert("ov_country", norway);
    indicators.forEach(row -> insert("ov_country_indicator", row));
    String jobId = management.createJobQuery().processInstanceId(instance).singleResult().getId();
    management.setJobRetries(jobId, 1);
    management.executeJob(jobId);
    assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isZero();
    assertThat(Workload.ledgerCount(jdbc, caseId, "RISK_ASSESSED")).isOne();
  }

  private static void insert(String table, Map<String, Object> row) {
    String columns = String.join(", ", row.keySet());
    String marks = row.keySet().stream().map(c -> "?").collect(Collectors.joining(", "));
    jdbc.update("INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")",
        row.values().toArray());
  }

  private static int count(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
  }
}
