package com.oversight.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oversight.referencedata.ReferenceData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/** POST /api/risk/assessments over HTTP, against the deployed decision table. */
// A context of its own (the spy below): its engine gets a name of its own, so that it does not
// take over "default" from the shared test context (see SharedTestContextTest).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.process-engine-name=riskapi")
@ActiveProfiles("test")
class RiskAssessmentApiTest {

  static final String CLEAN_DEAL = """
      {"customerAgency": "Federal Police", "customerType": "LAW_ENFORCEMENT", "country": "FL",
       "capabilityClass": "DEVICE_FORENSICS", "endUseCategory": "SERIOUS_CRIME",
       "intermediaries": [{"name": "Reseller Ltd", "disclosed": true}],
       "endUseStatementProvided": true}""";

  @LocalServerPort
  int port;

  @Autowired
  ObjectMapper objectMapper;

  /**
   * A spy, not a mock: other controllers inject the JDBC implementation by its class. The spy's
   * reads are stubbed with an in-memory country "FL" (Freeland) and a denied party.
   */
  @MockitoSpyBean
  ReferenceData referenceData;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void referenceData() {
    FakeReferenceData fake = FakeReferenceData.freeland(LocalDate.now().minusMonths(6));
    fake.deny("Shady Brokers");
    doAnswer(call -> fake.findCountry(call.getArgument(0)))
        .when(referenceData).findCountry(anyString());
    doAnswer(call -> fake.latestIndicators(call.getArgument(0)))
        .when(referenceData).latestIndicators(anyString());
    doAnswer(call -> fake.abuseEntries(call.getArgument(0)))
        .when(referenceData).abuseEntries(anyString());
    doAnswer(call -> fake.screen(call.getArgument(0))).when(referenceData).screen(anyString());
  }

  @Test
  void complianceGetsATierWithItsExplanation() throws Exception {
    HttpResponse<String> response = post("carl", CLEAN_DEAL);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = objectMapper.readTree(response.body());
    assertThat(body.path("tier").asText()).isEqualTo("LOW");
    assertThat(body.path("explanation")).hasSize(13);
    JsonNode score = body.path("explanation").get(3);
    assertThat(score.path("factor").asText()).isEqualTo("freedomScore");
    assertThat(score.path("source").asText()).isEqualTo("Freedom House, Freedom in the World");
    assertThat(score.path("asOf").asText()).isNotBlank();
    assertThat(score.path("contribution").asText()).isEqualTo("no effect");
    assertThat(body.path("decision").path("key").asText()).isEqualTo("Decision_HumanRightsRisk");
    assertThat(body.path("decision").path("version").asInt()).isPositive();
    assertThat(body.path("summary").asText()).startsWith("Tier LOW");
    assertThat(body.path("assessedAt").asText()).isNotBlank();
  }

  @Test
  void theCommitteeSeesRedFlagsMatchedRulesAndGuardrails() throws Exception {
    String deal = CLEAN_DEAL.replace("\"DEVICE_FORENSICS\"", "\"REMOTE_DEVICE_INTRUSION\"")
        .replace("\"disclosed\": true", "\"disclosed\": false")
        .replace("Reseller Ltd", "Shady Brokers");
    HttpResponse<String> response = post("gina", deal);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = objectMapper.readTree(response.body());
    assertThat(body.path("tier").asText()).isEqualTo("PROHIBITED");
    assertThat(body.path("redFlags").findValuesAsText("code"))
        .contains("DENIED_PARTY", "OPAQUE_INTERMEDIARY", "INTRUSIVE_CAPABILITY");
    assertThat(body.path("matchedRules").findValuesAsText("ruleId"))
        .contains("Rule_DeniedParty", "Rule_OpaqueIntermediary", "Rule_IntrusiveCapability");
    JsonNode denied = body.path("explanation").get(0);
    assertThat(denied.path("factor").asText()).isEqualTo("deniedPartyHit");
    assertThat(denied.path("contribution").asText())
        .startsWith("raised the tier to at least PROHIBITED");
  }

  @Test
  void salesMayNotAssess() throws Exception {
    assertThat(post("sara", CLEAN_DEAL).statusCode()).isEqualTo(403);
  }

  @Test
  void anonymousCallersAreUnauthorized() throws Exception {
    assertThat(post(null, CLEAN_DEAL).statusCode()).isEqualTo(401);
  }

  @Test
  void anUnknownCountryNamesTheCountryField() throws Exception {
    assertBadField(post("carl", CLEAN_DEAL.replace("\"FL\"", "\"XX\"")), "country");
  }

  @Test
  void aMissingEndUseStatementAnswerNamesTheField() throws Exception {
    assertBadField(post("carl", CLEAN_DEAL.replaceAll(",\\s*\"endUseStatementProvided\": true", "")),
        "endUseStatementProvided");
  }

  @Test
  void aMissingIntermediaryDisclosureNamesTheField() throws Exception {
    assertBadField(post("carl", CLEAN_DEAL.replace(", \"disclosed\": true", "")),
        "intermediaries[0].disclosed");
  }

  @Test
  void anUnknownCustomerTypeNamesTheField() throws Exception {
    assertBadField(post("carl", CLEAN_DEAL.replace("\"LAW_ENFORCEMENT\"", "\"POLICE\"")),
        "customerType");
  }

  @Test
  void aWrongTypeNamesTheField() throws Exception {
    assertBadField(post("carl", CLEAN_DEAL.replace("\"endUseStatementProvided\": true",
        "\"endUseStatementProvided\": {\"yes\": 1}")), "endUseStatementProvided");
  }

  @Test
  void malformedJsonIsABadRequest() throws Exception {
    HttpResponse<String> response = post("carl", "{\"customerAgency\": ");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
  }

  private void assertBadField(HttpResponse<String> response, String field) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode errors = objectMapper.readTree(response.body()).path("errors");
    assertThat(errors.get(0).path("field").asText()).as(response.body()).isEqualTo(field);
  }

  private HttpResponse<String> post(String user, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/risk/assessments"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
