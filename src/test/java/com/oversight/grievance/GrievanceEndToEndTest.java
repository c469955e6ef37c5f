package com.oversight.grievance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.oversight.testing.TestMail;
import com.oversight.identity.Groups;
import com.oversight.testing.Customers;
import com.oversight.testing.SaleCases;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
 * The "done when", end to end on the whole application: an anonymous report is
 * acknowledged by ivan, triaged (misuse against people at risk: the investigation cannot be
 * skipped), a committee member named in the report is excluded from the decision, the committee
 * decides SUSPENSION, the customer is SUSPENDED, and the reporter reads the feedback and the
 * outcome with the receipt code alone; the content is unreadable in the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GrievanceEndToEndTest {

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(TestMail.SMTP);

  static final String DESCRIPTION = "A journalist I work with found the extraction tool used on"
      + " her phone after she wrote about the ministry.";

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReceiptCodes codes;

  @Test
  void anAnonymousReportLeadsToASuspendedCustomerAndTheReporterReadsTheOutcome()
      throws Exception {
    String customerId = Customers.active(jdbc, "SALE-2025-0888",
        "General Directorate of Investigation", "SA");
    ResponseEntity<String> submitted = rest.postForEntity("/api/public/reports",
        new HttpEntity<>("""
            {"category": "PRODUCT_MISUSE", "description": "%s", "country": "SA",
             "customer": "General Directorate of Investigation", "peopleAtRisk": true}"""
            .formatted(DESCRIPTION), jsonHeaders()), String.class);
    assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(201);
    String code = json.readTree(submitted.getBody()).path("receiptCode").asText();
    String hash = codes.hash(ReceiptCodes.normalized(code));
    // the code itself is nowhere: only its keyed hash
    assertThat(hash).startsWith("hmac-sha256:").doesNotContain(ReceiptCodes.normalized(code));
    String grievance = jdbc.queryForObject("SELECT process_instance_id FROM ov_grievance"
        + " WHERE receipt_hash = ?", String.class, hash);
    String reference = jdbc.queryForObject("SELECT reference FROM ov_grievance"
        + " WHERE receipt_hash = ?", String.class, hash);

    // ivan acknowledges in Tasklist; gina, a committee member, is named in the report
    as("ivan", () -> forms.submitTaskForm(task(grievance, "Task_AcknowledgeReport").getId(),
        Map.of("reportRead", true)));
    SaleCases.runJobs(management, grievance);
    ResponseEntity<String> named = rest.withBasicAuth("ivan", "demo").postForEntity(
        "/api/grievances/" + reference + "/named-persons",
        new HttpEntity<>("{\"userId\": \"gina\"}", jsonHeaders()), String.class);
    assertThat(named.getStatusCode().value()).isEqualTo(201);

    // triage: misuse against people at risk cannot stay away from the committee
    Task triage = task(grievance, "Task_TriageReport");
    Map<String, Object> noInvestigation = Map.of("admissible", true, "priority", "URGENT",
        "retaliationRisk", "HIGH", "peopleAtRisk", true, "investigate", false);
    assertThatThrownBy(() -> as("ivan", () -> forms.submitTaskForm(triage.getId(),
        noInvestigation))).hasMessageContaining("must be admitted and investigated");
    as("ivan", () -> forms.submitTaskForm(triage.getId(), Map.of("admissible", true,
        "priority", "URGENT", "retaliationRisk", "HIGH", "peopleAtRisk", true,
        "investigate", true)));
    assertThat(status(code).path("status").asText()).isEqualTo("UNDER_INVESTIGATION");

    ProcessInstance investigation = runtime.createProcessInstanceQuery()
        .superProcessInstanceId(grievance).singleResult();
    String inv = investigation.getId();
    SaleCases.runJobs(management, inv);
    as("ivan", () -> forms.submitTaskForm(task(inv, "Task_PlanInvestigation").getId(), Map.of(
        "conflictOfInterest", false, "investigationPlan", "Forensic check of the phone; ask the"
            + " customer for its targeting records", "identifiedCustomerId", customerId)));
    SaleCases.runJobs(management, inv);
    as("ivan", () -> forms.submitTaskForm(task(inv, "Task_GatherEvidence").getId(), Map.of(
        "evidenceNote", "Forensic report confirms the infection chain",
        "investigationNextStep", "REPORT_FINDINGS",
        "findingsSummary", "A journalist was targeted with our product by the customer",
        "recommendedOutcome", "SUSPENSION")));
    SaleCases.runJobs(management, inv);

    // gina, named in the report, neither sees nor decides; greg decides
    Task decision = task(inv, "Task_DecideOutcome");
    assertThat(rest.withBasicAuth("gina", "demo").getForObject(
        "/engine-rest/task?processInstanceId=" + inv, String.class)).isEqualTo("[]");
    assertThat(rest.withBasicAuth("greg", "demo").getForObject(
        "/engine-rest/task?processInstanceId=" + inv, String.class)).contains(decision.getId());
    String body = """
        {"variables": {"investigationOutcome": {"value": "SUSPENSION"},
                       "outcomeRationale": {"value": "Journalist targeted: clause 2 breached"}}}""";
    ResponseEntity<String> refused = rest.withBasicAuth("gina", "demo").postForEntity(
        "/engine-rest/task/" + decision.getId() + "/complete", new HttpEntity<>(body,
            jsonHeaders()), String.class);
    assertThat(refused.getStatusCode().value()).isIn(403, 404);
    ResponseEntity<String> decided = rest.withBasicAuth("greg", "demo").postForEntity(
        "/engine-rest/task/" + decision.getId() + "/complete", new HttpEntity<>(body,
            jsonHeaders()), String.class);
    assertThat(decided.getStatusCode().value()).as(decided.getBody()).isEqualTo(204);
    SaleCases.runJobs(management, inv);
    assertThat(jdbc.queryForObject("SELECT status FROM ov_customer WHERE id = ?", String.class,
        customerId)).isEqualTo("SUSPENDED");

    // ivan gives the feedback and closes; the reporter reads it with the code alone
    Task close = task(grievance, "Task_CloseReport");
    assertThat(tasks.getVariable(close.getId(), "investigationOutcome")).isEqualTo("SUSPENSION");
    ResponseEntity<String> feedback = rest.withBasicAuth("ivan", "demo").postForEntity(
        "/api/grievances/" + reference + "/messages", new HttpEntity<>("""
            {"text": "We confirmed the misuse and suspended the customer's use of our products.",
             "feedback": true}""", jsonHeaders()), String.class);
    assertThat(feedback.getStatusCode().value()).isEqualTo(201);
    as("ivan", () -> forms.submitTaskForm(close.getId(),
        Map.of("grievanceOutcome", "REMEDIATION_TAKEN")));
    SaleCases.runJobs(management, grievance);

    JsonNode seen = status(code);
    assertThat(seen.path("status").asText()).isEqualTo("CLOSED");
    assertThat(seen.path("outcome").asText()).contains("remedial action");
    assertThat(seen.path("messages").toString())
        .contains("suspended the customer's use of our products")
        .doesNotContain("ivan").doesNotContain("gina");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(grievance).count()).isZero();

    byte[] stored = jdbc.queryForObject("SELECT content FROM ov_grievance WHERE reference = ?",
        byte[].class, reference);
    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("journalist")
        .doesNotContain("General Directorate");
  }

  private JsonNode status(String code) throws Exception {
    ResponseEntity<String> response = rest.postForEntity("/api/public/reports/status",
        new HttpEntity<>("{\"receiptCode\": \"" + code + "\"}", jsonHeaders()), String.class);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return json.readTree(response.getBody());
  }

  private Task task(String instanceId, String key) {
    return tasks.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(key)
        .singleResult();
  }

  private void as(String user, Runnable action) {
    identity.setAuthentication(user, List.of(user.equals("gina") || user.equals("greg")
        ? Groups.GRC_COMMITTEE : Groups.INVESTIGATORS));
    try {
      action.run();
    } finally {
      identity.clearAuthentication();
    }
  }


  private static HttpHeaders jsonHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }
}
