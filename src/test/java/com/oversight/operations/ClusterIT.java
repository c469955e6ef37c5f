package com.oversight.operations;

import static com.oversight.testing.TestMail.subject;
import static com.oversight.testing.TestMail.recipient;
import static com.oversight.operations.OversightNodes.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.oversight.grievance.ReceiptCodes;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
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
 * Two Oversight nodes on ONE embedded PostgreSQL, both with the job executor running: node 1 in
 * a JVM of its own (so that it can be killed like a crashed server), node 2 in this JVM. Node 1
 * starts first and creates the schema; node 2 starts on it (no schema race). Emails go to one
 * GreenMail on a free port. Shows the main flows on PostgreSQL across the nodes, that every job
 * and timer runs exactly once (emails and ledger entries counted), and that the work of a killed
 * node is finished by the other once its job locks expire (10 s in these tests).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  static int mailPort;

  static EmbeddedPostgres postgres;
  static GreenMail mail;
  static Process node1;
  static int port1;
  static ConfigurableApplicationContext node2;
  static int port2;
  static JdbcTemplate jdbc;
  static RuntimeService runtime;
  static TaskService tasks;
  static ManagementService management;
  static HistoryService history;
  final OversightNodes.Api api = new OversightNodes.Api();

  @BeforeAll
  static void startCluster() throws Exception {
    long start = System.nanoTime();
    postgres = OversightNodes.postgres();
    mailPort = OversightNodes.freePort();
    mail = new GreenMail(new ServerSetup(mailPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    String url = OversightNodes.jdbcUrl(postgres.getPort());
    port1 = OversightNodes.freePort();
    new File("target").mkdirs();
    node1 = OversightNodes.startProcess(
        OversightNodes.args("node1", port1, url, mailPort, true), new File("target/cluster-node1.log"));
    OversightNodes.awaitHealthy(port1, Duration.ofMinutes(3), node1);
    port2 = OversightNodes.freePort();
    node2 = OversightNodes.start(OversightNodes.args("node2", port2, url, mailPort, true));
    jdbc = node2.getBean(JdbcTemplate.class);
    runtime = node2.getBean(RuntimeService.class);
    tasks = node2.getBean(TaskService.class);
    management = node2.getBean(ManagementService.class);
    history = node2.getBean(HistoryService.class);
    System.out.printf("[cluster] two nodes up on one PostgreSQL in %d s (node 1 log: "
        + "target/cluster-node1.log)%n", (System.nanoTime() - start) / 1_000_000_000);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (node2 != null) {
      node2.close();
    }
    if (node1 != null) {
      node1.destroyForcibly().waitFor();
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
  void aSaleAndAReportGoThroughTheirFlowsAcrossBothNodes() throws Exception {
    // sara submits on node 1; the executors of both nodes run the jobs up to the dossier
    String caseId = Workload.submitDeal(api, port1, Workload.HIGH_RISK_DEAL);
    String instance = Workload.instanceOf(jdbc, caseId);
    await(Duration.ofSeconds(60), "the dossier task", () -> task(instance, "Task_PrepareDossier") != null);
    assertThat(jdbc.queryForObject("SELECT risk_tier FROM ov_sale_case WHERE id = ?",
        String.class, caseId)).isEqualTo("HIGH");
    HttpResponse<String> seen = api.get(port2, "/api/sales/opportunities/" + caseId, "sara");
    assertThat(seen.statusCode()).isEqualTo(200);
    assertThat(seen.body()).contains("HIGH");

    // a public report on node 2, acknowledged by ivan over node 1's engine API
    String code = Workload.submitReport(api, port2);
    String reference = referenceOf(code);
    await(Duration.ofSeconds(30), "the acknowledgment task",
        () -> taskOfReport(reference, "Task_AcknowledgeReport") != null);
    String ack = taskOfReport(reference, "Task_AcknowledgeReport");
    assertThat(api.post(port1, "/engine-rest/engine/node1/task/" + ack + "/claim", "{\"userId\": \"ivan\"}",
        "ivan").statusCode()).isEqualTo(204);
    assertThat(api.post(port1, "/engine-rest/engine/node1/task/" + ack + "/complete",
        "{\"variables\": {\"reportRead\": {\"value\": true}}}", "ivan").statusCode())
        .isEqualTo(204);
    await(Duration.ofSeconds(30), "the acknowledgment reaches the reporter",
        () -> status(port1, code).contains("\"ACKNOWLEDGED\""));

    // ivan replies on node 2; the reporter reads it on node 1
    HttpResponse<String> reply = api.post(port2, "/api/grievances/" + reference + "/messages",
        "{\"text\": \"Thank you. Which unit was it?\", \"feedback\": true}", "ivan");
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
    assertThat(status(port1, code)).contains("Which unit was it?").doesNotContain("ivan");

    // the decision record holds on PostgreSQL
    HttpResponse<String> verify = api.get(port1, "/api/audit/verify", "mona");
    assertThat(verify.statusCode()).isEqualTo(200);
    assertThat(verify.body()).contains("\"intact\":true");
    assertThat(Workload.ledgerCount(jdbc, caseId, "RISK_ASSESSED")).isOne();
  }

  @Test
  @Order(2)
  void everyJobAndTimerRunsExactlyOnceOnTwoNodes() throws Exception {
    int deals = 16;
    int reports = 8;
    List<String> cases = new ArrayList<>();
    List<String> references = new ArrayList<>();
    for (int i = 0; i < deals; i++) {
      cases.add(Workload.submitDeal(api, i % 2 == 0 ? port1 : port2, Workload.DENIED_PARTY_DEAL));
    }
    for (int i = 0; i < reports; i++) {
      references.add(referenceOf(Workload.submitReport(api, i % 2 == 0 ? port2 : port1)));
    }
    await(Duration.ofSeconds(90), "every denied-party deal rejected", () -> jdbc.queryForObject(
        "SELECT COUNT(*) FROM ov_sale_case WHERE status = 'REJECTED'", Integer.class) == deals);
    // the acknowledgment deadlines (7 days) are brought forward to now: both nodes' executors
    // see the timers due at once
    await(Duration.ofSeconds(30), "every report waiting for acknowledgment", () ->
        references.stream().allMatch(r -> taskOfReport(r, "Task_AcknowledgeReport") != null));
    for (String reference : references) {
      String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
          .singleResult().getId();
      Job timer = management.createJobQuery().timers().processInstanceId(instance)
          .activityId("BoundaryEvent_AcknowledgmentOverdue").singleResult();
      management.setJobDuedate(timer.getId(), new java.util.Date());
    }
    await(Duration.ofSeconds(90), "every late acknowledgment escalated", () ->
        history.createHistoricActivityInstanceQuery()
            .activityId("EndEvent_AcknowledgmentEscalated").finished().count() == reports);
    await(Duration.ofSeconds(60), "every rejection notified", () ->
        history.createHistoricActivityInstanceQuery().activityId("EndEvent_DealRejected")
            .finished().count() == deals);
    Thread.sleep(2000); // a duplicate run would show up here

    List<String> sent = Arrays.stream(mail.getReceivedMessages())
        .map(m -> recipient(m) + " | " + subject(m)).toList();
    assertThat(new HashSet<>(sent)).as("no email twice").hasSameSizeAs(sent);
    for (String caseId : cases) {
      String businessKey = jdbc.queryForObject("SELECT business_key FROM ov_sale_case "
          + "WHERE id = ?", String.class, caseId);
      assertThat(sent).filteredOn(s -> s.contains("Sale " + businessKey + " rejected"))
          .containsExactly("sara@oversight.example | Sale " + businessKey
              + " rejected: Fiscalia General, Mexico");
      for (String action : List.of("OPPORTUNITY_SUBMITTED", "RISK_ASSESSED", "DEAL_REJECTED")) {
        assertThat(Workload.ledgerCount(jdbc, caseId, action)).as(action).isOne();
      }
    }
    Set<String> escalated = escalationRecipients();
    for (String reference : references) {
      assertThat(sent).filteredOn(s -> s.contains("report " + reference + " is not acknowledged"))
          .extracting(s -> s.substring(0, s.indexOf(" | ")))
          .containsExactlyInAnyOrderElementsOf(escalated);
      assertThat(Workload.ledgerCount(jdbc, reference, "DEADLINE_MISSED")).isOne();
    }
    printJobsPerNode();
  }

  @Test
  @Order(3)
  void theWorkOfAKilledNodeIsFinishedByTheOther() throws Exception {
    int assessedBefore = jdbc.queryForObject(
        "SELECT COUNT(*) FROM ov_sale_case WHERE risk_tier IS NOT NULL", Integer.class);
    // node 2's executor pauses so that node 1 holds the work; the sale jobs are held back
    // (suspended job definitions) while 40 deals arrive over node 2, then released at once
    JobExecutor executor2 = ((ProcessEngineConfigurationImpl) node2.getBean(ProcessEngine.class)
        .getProcessEngineConfiguration()).getJobExecutor();
    executor2.shutdown();
    management.suspendJobDefinitionByProcessDefinitionKey("SaleApprovalProcess", true);
    int deals = 40;
    ExecutorService clients = Executors.newFixedThreadPool(4);
    List<Future<String>> submitted = new ArrayList<>();
    for (int i = 0; i < deals; i++) {
      submitted.add(clients.submit(() -> Workload.submitDeal(api, port2, Workload.HIGH_RISK_DEAL)));
    }
    List<String> cases = new ArrayList<>();
    for (Future<String> f : submitted) {
      cases.add(f.get());
    }
    clients.shutdown();
    management.activateJobDefinitionByProcessDefinitionKey("SaleApprovalProcess", true);

    // kill -9 node 1 in the middle of the work: some cases assessed, jobs locked by it
    await(Duration.ofSeconds(60), "node 1 working", () -> lockedJobs() > 0 && jdbc.queryForObject(
        "SELECT COUNT(*) FROM ov_sale_case WHERE risk_tier IS NOT NULL", Integer.class)
        >= assessedBefore + 3);
    int locked = lockedJobs();
    node1.destroyForcibly().waitFor();
    long killedAt = System.nanoTime();
    long waiting = management.createJobQuery().executable().count();
    System.out.printf("[cluster] node 1 killed with %d jobs locked by it, %d jobs not done%n",
        locked, waiting);
    assertThat(locked).as("node 1 was killed in the middle of its work").isPositive();

    executor2.start();
    List<String> instances = cases.stream().map(c -> Workload.instanceOf(jdbc, c)).toList();
    await(Duration.ofSeconds(120), "node 2 finishes every case", () -> instances.stream()
        .allMatch(i -> task(i, "Task_PrepareDossier") != null));
    System.out.printf("[cluster] node 2 finished node 1's work %d s after the kill%n",
        (System.nanoTime() - killedAt) / 1_000_000_000);

    for (String instance : instances) {
      assertThat(management.createJobQuery().processInstanceId(instance).count()).isZero();
    }
    assertThat(management.createJobQuery().withException().count()).isZero();
    assertThat(runtime.createIncidentQuery().count()).isZero();
    for (String caseId : cases) {
      assertThat(Workload.ledgerCount(jdbc, caseId, "RISK_ASSESSED")).isOne();
      assertThat(jdbc.queryForObject("SELECT risk_tier FROM ov_sale_case WHERE id = ?",
          String.class, caseId)).isEqualTo("HIGH");
    }
    printJobsPerNode();
  }

  // ---- helpers -----------------------------------------------------------------------------

  private int lockedJobs() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL",
        Integer.class);
  }

  private String task(String instance, String key) {
    return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).list()
        .stream().map(t -> t.getId()).findFirst().orElse(null);
  }

  private String taskOfReport(String reference, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(key)
        .list().stream().map(t -> t.getId()).findFirst().orElse(null);
  }

  private String referenceOf(String code) {
    ReceiptCodes codes = node2.getBean(ReceiptCodes.class);
    return jdbc.queryForObject("SELECT reference FROM ov_grievance WHERE receipt_hash = ?",
        String.class, codes.hash(ReceiptCodes.normalized(code)));
  }

  private String status(int port, String code) {
    try {
      return api.post(port, "/api/public/reports/status",
          "{\"receiptCode\": \"" + code + "\"}", null).body();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Set<String> escalationRecipients() {
    IdentityService identity = node2.getBean(IdentityService.class);
    Set<String> emails = new HashSet<>();
    for (String group : List.of("investigators", "managers")) {
      identity.createUserQuery().memberOfGroup(group).list().stream().map(User::getEmail)
          .filter(e -> e != null && !e.isBlank()).forEach(emails::add);
    }
    return emails;
  }

  private void printJobsPerNode() {
    Map<String, Long> perNode = history.createHistoricJobLogQuery().successLog().list().stream()
        .collect(Collectors.groupingBy(HistoricJobLog::getHostname, TreeMap::new,
            Collectors.counting()));
    System.out.println("[cluster] successful jobs per node so far: " + perNode);
  }
}
