package com.oversight.reassessment;

import static com.oversight.testing.TestMail.subject;
import static com.oversight.testing.TestMail.recipient;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.oversight.audit.AuditLedger;
import com.oversight.identity.Groups;
import com.oversight.platform.ProcessKeys;
import com.oversight.platform.work.BackgroundWork;
import com.oversight.platform.work.WorkStatus;
import com.oversight.testing.Customers;
import com.oversight.testing.SaleCases;
import com.oversight.testing.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * Customer re-assessment on the whole application: an import of country indicators (and of the
 * abuse register) through the import API that worsens a country starts exactly one
 * re-assessment per ACTIVE customer there, none elsewhere, none for a second identical import and
 * none while one runs; compliance starts one by hand over the API, reviews it, and the committee
 * suspends the customer (ov_customer SUSPENDED, emails to legal and sales through GreenMail, the
 * ledger verifies). Jobs are executed by the test (job executor off in profile test).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReassessmentEndToEndTest {

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(TestMail.SMTP);

  static final String HEADER = "country,source,indicator,value,edition,as_of\n";

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired AuditLedger ledger;
  @Autowired BackgroundWork work;

  @Test
  void anImportThatWorsensACountryStartsOneReassessmentPerActiveCustomerThere() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> uruguay = List.of(
        Customers.active(jdbc, "SALE-UY1-" + run, "Policia Nacional " + run, "UY"),
        Customers.active(jdbc, "SALE-UY2-" + run, "Direccion de Inteligencia " + run, "UY"),
        Customers.active(jdbc, "SALE-UY3-" + run, "Prefectura Naval " + run, "UY"));
    String suspended = Customers.active(jdbc, "SALE-UY4-" + run, "Ejercito " + run, "UY");
    jdbc.update("UPDATE ov_customer SET status = 'SUSPENDED' WHERE id = ?", suspended);
    String elsewhere = Customers.active(jdbc, "SALE-PY1-" + run, "Policia " + run, "PY");

    // a first picture of the two countries: nothing was known before, nothing worsens
    importIndicators("baseline.csv", HEADER
        + "UY,FREEDOM_HOUSE,TOTAL_SCORE,96,2023,2023-03-01\n"
        + "UY,FREEDOM_HOUSE,STATUS,FREE,2023,2023-03-01\n"
        + "UY,CIVICUS,RATING,OPEN,2023,2023-03-01\n"
        + "PY,FREEDOM_HOUSE,TOTAL_SCORE,65,2023,2023-03-01\n");
    assertThat(reassessments(uruguay.get(0))).isZero();

    // the next edition: a lower score and a narrowed civic space in UY; PY better
    String worse = HEADER
        + "UY,FREEDOM_HOUSE,TOTAL_SCORE,81,2024,2024-03-01\n"
        + "UY,FREEDOM_HOUSE,STATUS,FREE,2024,2024-03-01\n"
        + "UY,CIVICUS,RATING,NARROWED,2024,2024-03-01\n"
        + "PY,FREEDOM_HOUSE,TOTAL_SCORE,70,2024,2024-03-01\n";
    importIndicators("fh-civicus-2024.csv", worse);
    for (String customer : uruguay) {
      assertThat(reassessments(customer)).as(customer).isOne();
    }
    assertThat(reassessments(suspended)).isZero();
    assertThat(reassessments(elsewhere)).isZero();
    Map<String, Object> record = jdbc.queryForMap("SELECT reference, trigger_kind, "
        + "trigger_detail, started_by, status FROM ov_reassessment WHERE customer_id = ?",
        uruguay.get(0));
    assertThat(record.get("TRIGGER_KIND")).isEqualTo("COUNTRY_DATA");
    assertThat(record.get("STATUS")).isEqualTo("RUNNING");
    assertThat((String) record.get("REFERENCE")).startsWith("RA-SALE-UY1-" + run + "-");
    assertThat((String) record.get("TRIGGER_DETAIL")).contains("fh-civicus-2024.csv", "by carl",
        "Freedom House, Freedom in the World TOTAL_SCORE: 96 (edition 2023) -> 81 (edition 2024)",
        "CIVICUS Monitor RATING: OPEN (edition 2023) -> NARROWED (edition 2024)");
    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey((String) record.get("REFERENCE")).singleResult();
    assertThat(runtimeService.getVariable(instance.getId(), "reassessmentTrigger"))
        .isEqualTo("COUNTRY_DATA");

    // the same file again changes nothing and starts nothing
    importIndicators("fh-civicus-2024.csv", worse);
    // worse again while they run: no second one for any customer
    importIndicators("fh-2025.csv", HEADER + "UY,FREEDOM_HOUSE,TOTAL_SCORE,70,2025,2025-03-01\n");
    for (String customer : uruguay) {
      assertThat(reassessments(customer)).as(customer).isOne();
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ov_reassessment WHERE customer_id IN "
        + "(?, ?, ?, ?, ?)", Long.class, uruguay.get(0), uruguay.get(1), uruguay.get(2),
        suspended, elsewhere)).isEqualTo(3);
  }

  @Test
  void aNewAbuseEntryForTheCountryStartsThemOnceToo() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String customer = Customers.active(jdbc, "SALE-PY2-" + run, "Secretaria " + run, "PY");
    String file = "country,agency,level,description,source_url,date\n"
        + "PY,Secretaria " + run + ",DOCUMENTED_ABUSE,Phones of two reporters infected,"
        + "https://lab.example/py-" + run + ",2025-11-20\n";
    importFile("abuse-register", "abuse-" + run + ".csv", file);
    assertThat(reassessments(customer)).isOne();
    assertThat(jdbc.queryForObject("SELECT trigger_detail FROM ov_reassessment WHERE "
        + "customer_id = ?", String.class, customer)).contains("abuse register: new entry "
        + "DOCUMENTED_ABUSE for Secretaria " + run);
    // the re-assessment ends (nothing to review here); the same file again starts nothing
    runtimeService.deleteProcessInstance(runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.CUSTOMER_REASSESSMENT)
        .variableValueEquals("customerId", customer).singleResult().getId(), "test");
    importFile("abuse-register", "abuse-" + run + ".csv", file);
    assertThat(reassessments(customer)).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ov_reassessment WHERE customer_id = ?",
        Long.class, customer)).isOne();
  }

  @Test
  void complianceStartsOneByHandAndTheCommitteeSuspendsTheCustomer() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String agency = "Presidency of State Security " + run;
    String customerId = Customers.active(jdbc, "SALE-SA-" + run, agency, "SA");
    // its sale was assessed LOW (as if before the country's record was known)
    jdbc.update("UPDATE ov_sale_case SET customer_type = 'INTELLIGENCE', product = 'Suite 5', "
        + "capability_class = 'DEVICE_FORENSICS', end_use_category = 'SERIOUS_CRIME', "
        + "end_use_statement = TRUE, risk_tier = 'LOW', red_flags = 'none' WHERE business_key = ?",
        "SALE-SA-" + run);
    jdbc.update("UPDATE ov_customer SET risk_tier = 'LOW' WHERE id = ?", customerId);

    // bad starts: 400 naming the field, no record
    assertThat(post("carl", "{}").getStatusCode().value()).isEqualTo(400);
    ResponseEntity<String> unknown = post("carl", "{\"customerId\": \"no-such-customer\"}");
    assertThat(unknown.getStatusCode().value()).isEqualTo(400);
    assertThat(unknown.getHeaders().getContentType().toString())
        .isEqualTo("application/problem+json");
    assertThat(json.readTree(unknown.getBody()).path("errors").get(0).path("field").asText())
        .isEqualTo("customerId");
    String terminated = Customers.active(jdbc, "SALE-SA2-" + run, "Old unit " + run, "SA");
    jdbc.update("UPDATE ov_customer SET status = 'TERMINATED' WHERE id = ?", terminated);
    ResponseEntity<String> notActive = post("carl",
        "{\"customerId\": \"" + terminated + "\"}");
    assertThat(notActive.getStatusCode().value()).isEqualTo(400);
    assertThat(notActive.getBody()).contains("TERMINATED, not ACTIVE");
    assertThat(post("sara", "{\"customerId\": \"" + customerId + "\"}").getStatusCode().value())
        .isEqualTo(403);

    // carl starts it: 201; a second start while it runs: 409
    ResponseEntity<String> started = post("carl", "{\"customerId\": \"" + customerId + "\"}");
    assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(201);
    JsonNode body = json.readTree(started.getBody());
    String reference = body.path("reference").asText();
    String instanceId = body.path("processInstanceId").asText();
    assertThat(reference).startsWith("RA-SALE-SA-" + run + "-");
    ResponseEntity<String> again = post("carl", "{\"customerId\": \"" + customerId + "\"}");
    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat(again.getBody()).contains(reference + " is already running");

    SaleCases.runJobs(managementService, instanceId);
    assertThat(runtimeService.getVariable(instanceId, "riskTier")).isNotEqualTo("LOW");
    assertThat(runtimeService.getVariable(instanceId, "reviewRequired")).isEqualTo(true);

    // managers see it running, at compliance's review
    JsonNode list = json.readTree(rest.withBasicAuth("mona", "demo")
        .getForEntity("/api/reassessments", String.class).getBody());
    JsonNode entry = null;
    for (JsonNode e : list) {
      if (e.path("customerId").asText().equals(customerId)) {
        entry = e;
      }
    }
    assertThat(entry).as(list.toString()).isNotNull();
    assertThat(entry.path("agency").asText()).isEqualTo(agency);
    assertThat(entry.path("countryName").asText()).isEqualTo("Saudi Arabia");
    assertThat(entry.path("running").path("reference").asText()).isEqualTo(reference);
    assertThat(entry.path("running").path("trigger").asText()).isEqualTo("MANUAL");
    assertThat(entry.path("running").path("stage").asText()).isEqualTo("COMPLIANCE_REVIEW");
    assertThat(entry.toString()).doesNotContain("riskSnapshot");
    assertThat(rest.withBasicAuth("mona", "demo").getForEntity(
        "/api/reassessments?dueWithinDays=-3", String.class).getStatusCode().value())
        .isEqualTo(400);

    as("carl", Groups.COMPLIANCE, () -> formService.submitTaskForm(
        single(instanceId, "Task_ReviewReassessment").getId(), Map.of(
            "reviewNote", "The country's record of targeting journalists now applies",
            "recommendedDecision", "SUSPEND")));
    SaleCases.runJobs(managementService, instanceId);
    ResponseEntity<String> decided = rest.withBasicAuth("gina", "demo").postForEntity(
        "/engine-rest/task/" + single(instanceId, "Task_DecideReassessment").getId()
            + "/complete", new HttpEntity<>("""
            {"variables": {"reassessmentDecision": {"value": "SUSPEND"},
                           "decisionRationale": {"value": "Targeting of journalists: suspend"}}}""",
            jsonHeaders()), String.class);
    assertThat(decided.getStatusCode().value()).as(decided.getBody()).isEqualTo(204);
    SaleCases.runJobs(managementService, instanceId);

    Map<String, Object> customer = jdbc.queryForMap("SELECT status, status_reason, risk_tier, "
        + "reassessment_due FROM ov_customer WHERE id = ?", customerId);
    assertThat(customer.get("STATUS")).isEqualTo("SUSPENDED");
    assertThat((String) customer.get("STATUS_REASON")).startsWith(reference
        + ": customer suspended by the GRC committee after re-assessment (tier LOW -> ")
        .endsWith("Targeting of journalists: suspend");
    assertThat(customer.get("RISK_TIER")).isNotEqualTo("LOW");
    List<MimeMessage> told = Arrays.stream(MAIL.getReceivedMessages())
        .filter(m -> subject(m).equals("Customer SUSPENDED after re-assessment " + reference
            + ": " + agency + ", Saudi Arabia")).toList();
    assertThat(told).extracting(TestMail::recipient)
        .contains("lena@oversight.example", "sara@oversight.example")
        .doesNotContain("carl@oversight.example", "gina@oversight.example")
        .doesNotHaveDuplicates();
    String id = jdbc.queryForObject("SELECT id FROM ov_reassessment WHERE reference = ?",
        String.class, reference);
    assertThat(ledger.entries(id)).extracting(AuditLedger.LedgerEntry::action).containsExactly(
        "REASSESSMENT_STARTED", "REASSESSMENT_SCORED", "REASSESSMENT_REVIEWED",
        "REASSESSMENT_DECIDED", "CUSTOMER_SUSPENDED", "REASSESSMENT_CLOSED");
    assertThat(ledger.entries(id).get(0).actor()).isEqualTo("carl");
    assertThat(ledger.entries(id).get(3).actor()).isEqualTo("gina");
    assertThat(json.readTree(rest.withBasicAuth("mona", "demo")
        .getForEntity("/api/audit/verify", String.class).getBody()).path("intact").asBoolean())
        .isTrue();
  }

  // ---- helpers -----------------------------------------------------------------------------

  private long reassessments(String customerId) {
    return runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.CUSTOMER_REASSESSMENT)
        .variableValueEquals("customerId", customerId).count();
  }

  private void importIndicators(String fileName, String csv) {
    importFile("country-indicators", fileName, csv);
  }

  private void importFile(String dataset, String fileName, String csv) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    ResponseEntity<String> response = rest.withBasicAuth("carl", "demo").postForEntity(
        "/api/reference/" + dataset + "/imports?fileName=" + fileName,
        new HttpEntity<>(csv, headers), String.class);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    // the re-assessments start from long work stored with the import: wait until it is done
    for (String id : jdbc.queryForList("SELECT id FROM ov_background_work WHERE kind = ? "
        + "AND status IN ('QUEUED', 'RUNNING')", String.class, CountryDataTrigger.KIND)) {
      try {
        assertThat(work.await(id, Duration.ofSeconds(30)).status()).isEqualTo(WorkStatus.DONE);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private ResponseEntity<String> post(String user, String body) {
    return rest.withBasicAuth(user, "demo").postForEntity("/api/reassessments",
        new HttpEntity<>(body, jsonHeaders()), String.class);
  }

  private static HttpHeaders jsonHeaders() {
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
