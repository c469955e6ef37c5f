package com.oversight.investigation;

import static com.oversight.testing.TestMail.subject;
import static com.oversight.testing.TestMail.recipient;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.oversight.testing.TestMail;
import com.oversight.audit.AuditLedger;
import com.oversight.identity.Groups;
import com.oversight.testing.Customers;
import com.oversight.testing.SaleCases;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * An investigation end to end on the whole application: compliance (carl) opens one on an
 * external report about an ACTIVE customer through the engine REST API, the investigator plans
 * and reports findings, a committee member declares a conflict and is then refused the decision
 * over REST (403), another decides SUSPENSION: the customer is SUSPENDED with the reason in
 * ov_customer, legal and sales get the email (GreenMail, port 3025 in profile test), the ledger
 * holds the decision and verifies. Jobs are executed by the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class InvestigationEndToEndTest {

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(TestMail.SMTP);

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper objectMapper;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired AuditLedger ledger;
  @Autowired JdbcTemplate jdbc;

  @Test
  void anExternalReportLeadsToASuspendedCustomerToldToLegalAndSales() throws Exception {
    String customerId = Customers.active(jdbc, "SALE-2025-0777", "State Security Service", "MX");

    // carl (compliance) opens it from the start form, over the engine REST API
    ResponseEntity<String> started = rest.withBasicAuth("carl", "demo").postForEntity(
        "/engine-rest/process-definition/key/MisuseInvestigationProcess/submit-form",
        new HttpEntity<>("""
            {"variables": {
              "investigationOrigin": {"value": "EXTERNAL_REPORT"},
              "sourceType": {"value": "FORENSIC_LAB"},
              "sourceName": {"value": "Citizen Lab"},
              "sourceLink": {"value": "https://citizenlab.ca/example"},
              "customerId": {"value": "%s"},
              "allegationSummary": {"value": "Spyware on the phones of two journalists"}}}"""
            .formatted(customerId), json()), String.class);
    assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
    String instanceId = objectMapper.readTree(started.getBody()).path("id").asText();
    SaleCases.runJobs(managementService, instanceId);

    String reference = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(instanceId).singleResult().getBusinessKey();
    assertThat(reference).startsWith("INV-");
    as("ivan", Groups.INVESTIGATORS, () -> formService.submitTaskForm(
        single(instanceId, "Task_PlanInvestigation").getId(), Map.of("conflictOfInterest", false,
            "investigationPlan", "Obtain the lab's report; ask the customer for its logs")));
    SaleCases.runJobs(managementService, instanceId);
    as("ivan", Groups.INVESTIGATORS, () -> formService.submitTaskForm(
        single(instanceId, "Task_GatherEvidence").getId(), Map.of(
            "evidenceNote", "Lab report consistent with the product's infection chain",
            "investigationNextStep", "REPORT_FINDINGS",
            "findingsSummary", "Two journalists targeted with our product by the customer",
            "recommendedOutcome", "SUSPENSION")));
    SaleCases.runJobs(managementService, instanceId);

    // gina declares a conflict of interest: excluded, then refused over REST
    as("gina", Groups.GRC_COMMITTEE, () -> formService.submitTaskForm(
        single(instanceId, "Task_DecideOutcome").getId(), Map.of("conflictOfInterest", true)));
    SaleCases.runJobs(managementService, instanceId);
    Task decision = single(instanceId, "Task_DecideOutcome");
    String body = """
        {"variables": {"investigationOutcome": {"value": "SUSPENSION"},
                       "outcomeRationale": {"value": "Journalists targeted: clause 2 breached"}}}""";
    ResponseEntity<String> refused = rest.withBasicAuth("gina", "demo").postForEntity(
        "/engine-rest/task/" + decision.getId() + "/complete", new HttpEntity<>(body, json()),
        String.class);
    assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(decision.getId()).count()).isEqualTo(1);

    ResponseEntity<String> decided = rest.withBasicAuth("greg", "demo").postForEntity(
        "/engine-rest/task/" + decision.getId() + "/complete", new HttpEntity<>(body, json()),
        String.class);
    assertThat(decided.getStatusCode().value()).as(decided.getBody()).isEqualTo(204);
    SaleCases.runJobs(managementService, instanceId);

    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
        .activityId("EndEvent_InvestigationClosed").count()).isEqualTo(1);
    Map<String, Object> customer = jdbc.queryForMap("SELECT status, status_reason, "
        + "status_investigation_ref FROM ov_customer WHERE id = ?", customerId);
    assertThat(customer.get("STATUS")).isEqualTo("SUSPENDED");
    assertThat((String) customer.get("STATUS_REASON")).isEqualTo(reference
        + ": customer suspended by the GRC committee. Journalists targeted: clause 2 breached");
    assertThat(customer.get("STATUS_INVESTIGATION_REF")).isEqualTo(reference);

    // legal and sales are told, each in an email of their own, with the reason
    List<MimeMessage> told = Arrays.stream(MAIL.getReceivedMessages())
        .filter(m -> subject(m).equals("Customer SUSPENDED after investigation " + reference
            + ": State Security Service, Mexico")).toList();
    assertThat(told).extracting(TestMail::recipient)
        .contains("lena@oversight.example", "sara@oversight.example")
        .doesNotContain("carl@oversight.example", "ivan@oversight.example",
            "greg@oversight.example", "gina@oversight.example", "mona@oversight.example")
        .doesNotHaveDuplicates();
    assertThat(told.get(0).getContent().toString())
        .contains("Journalists targeted: clause 2 breached");

    String investigationId = jdbc.queryForObject(
        "SELECT id FROM ov_investigation WHERE reference = ?", String.class, reference);
    assertThat(ledger.entries(investigationId)).extracting(AuditLedger.LedgerEntry::action)
        .containsExactly("INVESTIGATION_OPENED", "INVESTIGATION_PLANNED", "EVIDENCE_RECORDED",
            "FINDINGS_REPORTED", "CONFLICT_DECLARED", "OUTCOME_DECIDED", "CUSTOMER_SUSPENDED",
            "INVESTIGATION_CLOSED");
    assertThat(ledger.entries(investigationId).get(0).actor()).isEqualTo("carl");
    assertThat(ledger.entries(investigationId).get(5).actor()).isEqualTo("greg");
    ResponseEntity<String> verify = rest.withBasicAuth("mona", "demo")
        .getForEntity("/api/audit/verify", String.class);
    assertThat(verify.getStatusCode().value()).isEqualTo(200);
    JsonNode verification = objectMapper.readTree(verify.getBody());
    assertThat(verification.path("intact").asBoolean()).isTrue();
  }


  private static HttpHeaders json() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }

  private Task single(String instanceId, String key) {
    return taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(key)
        .singleResult();
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
