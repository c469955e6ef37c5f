package com.oversight.sales;

import com.oversight.testing.Concurrently;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.oversight.OversightApplication;
import com.oversight.audit.AuditLedger;
import com.oversight.audit.AuditLedger.LedgerEntry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Concurrent sale submissions on a real PostgreSQL with the job executor on, as in production
 * (profile postgres, its own embedded server and application context): distinct business keys
 * without gaps, every case screened up to its dossier task by the job executor, and the ledger
 * one intact chain with each case's submission and assessment. An IT: the second application
 * runs in a Failsafe JVM of its own, not beside the shared test context.
 */
class PostgresSalesIT {

  static final String HIGH_RISK_DEAL = """
      {"customerAgency": "Fiscalia General", "customerType": "LAW_ENFORCEMENT",
       "country": "MX", "product": "Forensics Suite 5", "capabilityClass": "DEVICE_FORENSICS",
       "intendedEndUse": {"category": "SERIOUS_CRIME", "description": "Cartel investigations"},
       "intermediaries": [], "endUseStatementAttached": true, "contractValue": 900000,
       "currency": "USD", "expectedSigningDate": "%s"}"""
      .formatted(LocalDate.now().plusMonths(2));

  static EmbeddedPostgres postgres;
  static ConfigurableApplicationContext context;
  static int port;
  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    context = new SpringApplicationBuilder(OversightApplication.class).profiles("postgres")
        .run("--server.port=0", "--camunda.bpm.process-engine-name=postgressales",
            "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
            "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
            "--oversight.notification.enabled=false",
            "--oversight.grievance.key-file=target/test-grievance.key");
    port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
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

  @Test
  void concurrentSubmissionsAreNumberedWithoutGapsScreenedAndRecorded() throws Exception {
    JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
    TaskService tasks = context.getBean(TaskService.class);
    int clients = 20;
    int perClient = 2;
    List<List<String>> submitted = Concurrently.clients(clients, perClient, this::submit);
    List<String> caseIds = new ArrayList<>();
    List<Integer> numbers = new ArrayList<>();
    for (List<String> client : submitted) {
      List<Integer> own = new ArrayList<>();
      for (String caseId : client) {
        caseIds.add(caseId);
        own.add(number(jdbc.queryForObject(
            "SELECT business_key FROM ov_sale_case WHERE id = ?", String.class, caseId)));
      }
      assertThat(own).as("one client's cases are numbered in the order submitted").isSorted();
      numbers.addAll(own);
    }
    Collections.sort(numbers);
    assertThat(numbers).isEqualTo(IntStream.rangeClosed(1, clients * perClient).boxed().toList());

    long deadline = System.nanoTime() + 180_000_000_000L;
    while (tasks.createTaskQuery().taskDefinitionKey("Task_PrepareDossier").count()
        < caseIds.size() && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(tasks.createTaskQuery().taskDefinitionKey("Task_PrepareDossier").count())
        .as("every case screened by the job executor and waiting for its dossier")
        .isEqualTo(caseIds.size());
    assertThat(context.getBean(ManagementService.class).createJobQuery().withException().count())
        .isZero();
    AuditLedger ledger = context.getBean(AuditLedger.class);
    for (String caseId : caseIds) {
      assertThat(ledger.entries(caseId)).extracting(LedgerEntry::action)
          .containsExactly("OPPORTUNITY_SUBMITTED", "RISK_ASSESSED");
    }
    assertThat(ledger.verify().intact()).isTrue();
  }

  private String submit() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/sales/opportunities"))
            .header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString("sara:demo".getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(HIGH_RISK_DEAL)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json.readTree(response.body()).path("caseId").asText();
  }

  private static int number(String businessKey) {
    return Integer.parseInt(businessKey.substring(businessKey.lastIndexOf('-') + 1));
  }
}
