package com.oversight.sales;

import com.oversight.testing.Concurrently;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oversight.audit.AuditLedger;
import com.oversight.identity.Groups;
import com.oversight.platform.ProcessKeys;
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
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The sales API over HTTP on the whole application (profile test: in-memory H2, Flyway, the
 * deployed model, no job executor, so a started case waits at its first asynchronous task).
 * The audit ledger is the in-memory fallback of the tests until the audit branch is merged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SalesApiTest {

  static final String SIGNING = LocalDate.now().plusMonths(3).toString();
  static final String DEAL = """
      {"customerAgency": "Federal Criminal Police", "customerType": "LAW_ENFORCEMENT",
       "country": "DE", "product": "Forensics Suite 5", "capabilityClass": "DEVICE_FORENSICS",
       "intendedEndUse": {"category": "SERIOUS_CRIME",
                          "description": "Extraction of seized phones in organised-crime cases"},
       "intermediaries": [{"name": "Example Distribution GmbH", "disclosed": true}],
       "endUseStatementAttached": true, "contractValue": 250000, "expectedSigningDate": "%s"}"""
      .formatted(SIGNING);

  @LocalServerPort
  int port;
  @Autowired
  ObjectMapper objectMapper;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  IdentityService identityService;
  @Autowired
  AuthorizationService authorizationService;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  AuditLedger ledger;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void anotherSalesUser() {
    if (identityService.createUserQuery().userId("sam").count() == 0) {
      User sam = identityService.newUser("sam");
      sam.setPassword("demo");
      identityService.saveUser(sam);
      identityService.createMembership("sam", Groups.SALES);
    }
  }

  @Test
  void saraSubmitsAnOpportunityAndItsDueDiligenceStarts() throws Exception {
    HttpResponse<String> response = post("sara", DEAL);

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode body = objectMapper.readTree(response.body());
    String caseId = body.path("caseId").asText();
    String businessKey = body.path("businessKey").asText();
    assertThat(businessKey).matches("SALE-\\d{4}-\\d{4}");
    assertThat(body.path("status").asText()).isEqualTo("SUBMITTED");
    assertThat(response.headers().firstValue("Location")).hasValue(
        "/api/sales/opportunities/" + caseId);

    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey).singleResult();
    assertThat(instance.getProcessDefinitionKey()).isEqualTo(ProcessKeys.SALE_APPROVAL);
    assertThat(runtimeService.getVariable(instance.getId(), "caseId")).isEqualTo(caseId);
    assertThat(runtimeService.getVariable(instance.getId(), "submitter")).isEqualTo("sara");
    assertThat(jdbc.queryForObject("SELECT process_instance_id FROM ov_sale_case WHERE id = ?",
        String.class, caseId)).isEqualTo(instance.getId());
    assertThat(authorizationService.createAuthorizationQuery().userIdIn("sara")
        .resourceType(Resources.PROCESS_INSTANCE).resourceId(instance.getId())
        .hasPermission(Permissions.READ).count()).isEqualTo(1);
  }

  @Test
  void saraSeesHerOwnCaseInTheEngineAndNobodyElses() throws Exception {
    String saras = businessKey(post("sara", DEAL));
    String sams = businessKey(post("sam", DEAL));

    identityService.setAuthentication("sara", List.of(Groups.SALES));
    try {
      List<String> visible = runtimeService.createProcessInstanceQuery()
          .processDefinitionKey(ProcessKeys.SALE_APPROVAL).list().stream()
          .map(ProcessInstance::getBusinessKey).toList();
      assertThat(visible).contains(saras).doesNotContain(sams);
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void badInputIsRefusedFieldByFieldAndNothingStarts() throws Exception {
    long instances = instances();
    long cases = cases();
    HttpResponse<String> response = post("sara", """
        {"customerAgency": " ", "country": "DE", "product": "Suite",
         "capabilityClass": "DEVICE_FORENSICS",
         "intendedEndUse": {"category": "SERIOUS_CRIME", "description": ""},
         "intermediaries": [{"name": "", "disclosed": true}],
         "endUseStatementAttached": true, "contractValue": -5, "currency": "eur",
         "expectedSigningDate": "2020-01-01"}""");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    List<String> fields = new ArrayList<>();
    objectMapper.readTree(response.body()).path("errors")
        .forEach(error -> fields.add(error.path("field").asText()));
    assertThat(fields).containsExactlyInAnyOrder("customerAgency", "customerType",
        "intendedEndUse.description", "intermediaries[0].name", "contractValue", "currency",
        "expectedSigningDate");
    assertThat(instances()).isEqualTo(instances);
    assertThat(cases()).isEqualTo(cases);
  }

  @Test
  void anUnknownCountryIsRefusedAndNothingStarts() throws Exception {
    long instances = instances();
    long cases = cases();
    HttpResponse<String> response = post("sara", DEAL.replace("\"DE\"", "\"XX\""));

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = objectMapper.readTree(response.body()).path("errors").get(0);
    assertThat(error.path("field").asText()).isEqualTo("country");
    assertThat(instances()).isEqualTo(instances);
    assertThat(cases()).isEqualTo(cases);
  }

  @Test
  void complianceCannotSubmit() throws Exception {
    long instances = instances();
    assertThat(post("carl", DEAL).statusCode()).isEqualTo(403);
    assertThat(instances()).isEqualTo(instances);
  }

  @Test
  void salesSeeOnlyTheirOwnCasesReviewersSeeAll() throws Exception {
    String saraCase = objectMapper.readTree(post("sara", DEAL).body()).path("caseId").asText();
    String samCase = objectMapper.readTree(post("sam", DEAL).body()).path("caseId").asText();

    List<String> sarasList = ids(get("sara", ""));
    assertThat(sarasList).contains(saraCase).doesNotContain(samCase);
    assertThat(ids(get("carl", ""))).contains(saraCase, samCase);

    HttpResponse<String> own = get("sara", "/" + saraCase);
    assertThat(own.statusCode()).isEqualTo(200);
    JsonNode view = objectMapper.readTree(own.body());
    assertThat(view.path("status").asText()).isEqualTo("SUBMITTED");
    assertThat(view.has("riskAssessment")).isFalse();
    assertThat(get("sam", "/" + saraCase).statusCode()).isEqualTo(404);
    assertThat(get("sara", "/no-such-case").statusCode()).isEqualTo(404);
    assertThat(get("gina", "/" + saraCase).statusCode()).isEqualTo(200);
    assertThat(get("ivan", "/" + saraCase).statusCode()).isEqualTo(403);
  }

  @Test
  void concurrentSubmissionsGetDistinctIncreasingNumbersAndEachIsInTheLedger() throws Exception {
    int clients = 20;
    int perClient = 2;
    String before = businessKey(post("sara", DEAL));
    List<List<String>> submitted = Concurrently.clients(clients, perClient, () -> {
      HttpResponse<String> response = post("sara", DEAL);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
      return objectMapper.readTree(response.body()).path("caseId").asText();
    });
    List<Integer> numbers = new ArrayList<>();
    for (List<String> client : submitted) {
      List<Integer> own = new ArrayList<>();
      for (String caseId : client) {
        String key = jdbc.queryForObject("SELECT business_key FROM ov_sale_case WHERE id = ?",
            String.class, caseId);
        assertThat(ledger.entries(caseId)).filteredOn(e -> e.action()
            .equals("OPPORTUNITY_SUBMITTED")).singleElement().satisfies(e -> assertThat(
                e.details()).contains("\"businessKey\":\"" + key + "\""));
        own.add(number(key));
      }
      assertThat(own).as("one client's cases are numbered in the order submitted").isSorted();
      numbers.addAll(own);
    }

    Collections.sort(numbers);
    int first = number(before) + 1;
    assertThat(numbers).as("distinct numbers right after the case before, without gaps")
        .isEqualTo(IntStream.range(first, first + clients * perClient)
            .boxed().toList());
    assertThat(ledger.verify().intact()).isTrue();
  }

  private static int number(String businessKey) {
    return Integer.parseInt(businessKey.substring(businessKey.lastIndexOf('-') + 1));
  }

  private long instances() {
    return runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.SALE_APPROVAL).count();
  }

  private long cases() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM ov_sale_case", Long.class);
  }

  private List<String> ids(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    objectMapper.readTree(response.body()).forEach(c -> ids.add(c.path("caseId").asText()));
    return ids;
  }

  private String businessKey(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).isEqualTo(201);
    return objectMapper.readTree(response.body()).path("businessKey").asText();
  }

  private HttpResponse<String> post(String user, String body) throws Exception {
    return http.send(request(user, "").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String user, String path) throws Exception {
    return http.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String user, String path) {
    return HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/sales/opportunities" + path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
  }
}
