package com.oversight.sales;

import static com.oversight.testing.TestMail.subject;
import static com.oversight.testing.TestMail.recipient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.oversight.testing.TestMail;
import jakarta.mail.internet.MimeMessage;
import com.oversight.audit.AuditLedger;
import com.oversight.identity.Groups;
import com.oversight.testing.SaleCases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A HIGH-risk case end to end on the whole application: REST submission by sara for Mexico (a
 * country with documented abuse against journalists in the sample register), the real risk
 * engine, carl's dossier, three committee votes (gina conflicted), lena's clauses, the customer
 * ACTIVE in ov_customer, the emails received by GreenMail (port 3025 in profile test), and the
 * decision ledger verified over the API. Jobs are executed by the test (no job executor in
 * profile test).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SaleApprovalEndToEndTest {

  static final String DEAL = """
      {"customerAgency": "Fiscalia General", "customerType": "LAW_ENFORCEMENT",
       "country": "MX", "product": "Forensics Suite 5", "capabilityClass": "DEVICE_FORENSICS",
       "intendedEndUse": {"category": "SERIOUS_CRIME", "description": "Cartel investigations"},
       "intermediaries": [%s], "endUseStatementAttached": true, "contractValue": 900000,
       "currency": "USD", "expectedSigningDate": "%s"}""";

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(TestMail.SMTP);

  @LocalServerPort
  int port;
  @Autowired
  ObjectMapper objectMapper;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  FormService formService;
  @Autowired
  IdentityService identityService;
  @Autowired
  ManagementService managementService;
  @Autowired
  HistoryService historyService;
  @Autowired
  AuditLedger ledger;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void aHighRiskDealGoesThroughTheCommitteeAndLegalToAnActiveCustomer() throws Exception {
    String caseId = submit("");
    String instanceId = instanceOf(caseId);
    runJobs(instanceId);

    assertThat(runtimeService.getVariable(instanceId, "riskTier")).isEqualTo("HIGH");
    assertThat((String) runtimeService.getVariable(instanceId, "redFlags"))
        .contains("AT_RISK_GROUP_TARGETING");
    assertThat((String) runtimeService.getVariable(instanceId, "riskExplanationText"))
        .contains("Tier HIGH");
    assertThat(runtimeService.getVariable(instanceId, "dealTitle"))
        .isEqualTo("Fiscalia General, Mexico");
    Task dossier = single(instanceId, "Task_PrepareDossier");
    assertThat(dossier.getName()).isEqualTo("Prepare due-diligence dossier: Fiscalia General, Mexico");

    // segregation of duties: the submitter can never be given the review of her own case
    assertThatThrownBy(() -> taskService.setAssignee(dossier.getId(), "sara"))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("Segregation of duties: sara submitted SALE-");

    as("carl", Groups.COMPLIANCE, () -> formService.submitTaskForm(dossier.getId(), Map.of(
        "dossierFindings", "Journalists targeted in 2017; agency not named",
        "dossierSources", "Citizen Lab Reckless Exploit; Freedom House 2025",
        "proposedConditions", "")));
    runJobs(instanceId);

    List<Task> votes = taskService.createTaskQuery().processInstanceId(instanceId)
        .taskDefinitionKey("Task_Vote").list();
    assertThat(votes).extracting(Task::getAssignee)
        .containsExactlyInAnyOrder("gina", "greg", "grace");
    as("gina", Groups.GRC_COMMITTEE, () -> formService.submitTaskForm(
        vote(instanceId, "gina").getId(), Map.of("conflictOfInterest", true)));
    as("greg", Groups.GRC_COMMITTEE, () -> formService.submitTaskForm(
        vote(instanceId, "greg").getId(), Map.of("conflictOfInterest", false, "vote", "APPROVE")));
    as("grace", Groups.GRC_COMMITTEE, () -> formService.submitTaskForm(
        vote(instanceId, "grace").getId(), Map.of("conflictOfInterest", false,
            "vote", "APPROVE", "rationale", "Dossier shows no link to the agency")));
    runJobs(instanceId);
    assertThat(runtimeService.getVariable(instanceId, "committeeOutcome")).isEqualTo("APPROVED");

    Task clauses = single(instanceId, "Task_ConfirmContractClauses");
    as("lena", Groups.LEGAL, () -> formService.submitTaskForm(clauses.getId(), Map.of(
        "clauseLawfulUse", true, "clauseNoTargeting", true, "clauseAuditCooperation", true,
        "clauseSuspendTerminate", true, "exportNotificationRequired", false)));
    runJobs(instanceId);

    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
        .activityId("EndEvent_CustomerActivated").count()).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT status FROM ov_sale_case WHERE id = ?", String.class,
        caseId)).isEqualTo("APPROVED_ACTIVE");

    // lean history (docs/history.md): the tasks, who completed them and the case's ids stay in
    // Camunda's history; the votes, forms and intermediate values are in the case and the ledger
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instanceId)
        .finished().count()).isEqualTo(5);
    assertThat(historyService.createUserOperationLogQuery().processInstanceId(instanceId)
        .operationType("Complete").count()).isEqualTo(5);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instanceId)
        .list()).extracting(v -> v.getName()).containsExactlyInAnyOrder("caseId",
            "businessKey", "submitter", "riskTier", "committeeOutcome");
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(instanceId).count())
        .isZero();
    assertThat(historyService.createHistoricDecisionInstanceQuery().processInstanceId(instanceId)
        .count()).isZero();
    Map<String, Object> customer = jdbc.queryForMap(
        "SELECT status, risk_tier, reassessment_due FROM ov_customer WHERE sale_case_id = ?",
        caseId);
    assertThat(customer.get("STATUS")).isEqualTo("ACTIVE");
    assertThat(customer.get("RISK_TIER")).isEqualTo("HIGH");
    assertThat(customer.get("REASSESSMENT_DUE").toString())
        .isEqualTo(LocalDate.now().plusMonths(6).toString());
    assertThat(ledger.entries(caseId)).extracting(AuditLedger.LedgerEntry::action)
        .containsExactly("OPPORTUNITY_SUBMITTED", "RISK_ASSESSED", "DOSSIER_PREPARED",
            "COMMITTEE_ROUND_OPENED", "VOTE_EXCLUDED_CONFLICT", "VOTE_CAST", "VOTE_CAST",
            "COMMITTEE_TALLIED", "CLAUSES_CHECKED", "CUSTOMER_ACTIVATED");
    assertThat(ledger.entries(caseId).get(4).actor()).isEqualTo("gina");

    // everyone involved is told the outcome, each in an email of their own
    List<String> recipients = Arrays.stream(MAIL.getReceivedMessages())
        .filter(m -> subject(m).startsWith("Sale SALE-") && subject(m).contains("approved"))
        .map(TestMail::recipient).toList();
    assertThat(recipients).containsExactlyInAnyOrder("sara@oversight.example",
        "gina@oversight.example", "greg@oversight.example", "grace@oversight.example",
        "lena@oversight.example", "carl@oversight.example");

    // the decision record holds: managers verify the chain over the API
    HttpResponse<String> verify = get("/api/audit/verify", "mona");
    assertThat(verify.statusCode()).isEqualTo(200);
    assertThat(objectMapper.readTree(verify.body()).path("intact").asBoolean()).isTrue();
  }

  @Test
  void aDeniedPartyIsRejectedWithoutAnyHumanTask() throws Exception {
    String caseId = submit("{\"name\": \"Q Cyber Technologies\", \"disclosed\": true}");
    String instanceId = instanceOf(caseId);
    runJobs(instanceId);

    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
        .activityId("EndEvent_DealRejected").count()).isEqualTo(1);
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instanceId)
        .count()).isZero();
    assertThat(jdbc.queryForObject("SELECT status FROM ov_sale_case WHERE id = ?", String.class,
        caseId)).isEqualTo("REJECTED");
    assertThat(jdbc.queryForObject("SELECT red_flags FROM ov_sale_case WHERE id = ?",
        String.class, caseId)).contains("DENIED_PARTY");
    // sales are told, with the rationale
    assertThat(MAIL.getReceivedMessages()).hasSize(1);
    assertThat(recipient(MAIL.getReceivedMessages()[0])).isEqualTo("sara@oversight.example");
    assertThat(subject(MAIL.getReceivedMessages()[0])).contains("rejected");
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private String submit(String intermediaries) throws Exception {
    return SaleCases.submit(port, "sara",
        DEAL.formatted(intermediaries, LocalDate.now().plusMonths(2)), objectMapper);
  }

  private String instanceOf(String caseId) {
    return SaleCases.instanceOf(jdbc, caseId);
  }

  private void runJobs(String instanceId) {
    SaleCases.runJobs(managementService, instanceId);
  }

  private Task single(String instanceId, String key) {
    return taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(key)
        .singleResult();
  }

  private Task vote(String instanceId, String member) {
    return taskService.createTaskQuery().processInstanceId(instanceId)
        .taskDefinitionKey("Task_Vote").taskAssignee(member).singleResult();
  }

  private void as(String user, String group, Runnable action) {
    identityService.setAuthentication(user, List.of(group));
    try {
      action.run();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
