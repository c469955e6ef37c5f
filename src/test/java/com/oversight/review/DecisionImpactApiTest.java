package com.oversight.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oversight.platform.work.BackgroundWork;
import com.oversight.testing.SaleCases;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.web.context.WebApplicationContext;

/**
 * Decision impact over the API and the page, on cases the sale approval really assessed today:
 * a candidate with the VERY_LOW_FREEDOM_SCORE threshold raised from 35 to 85 makes a US deal
 * (score 83) HIGH and leaves a German one (93) as it was; a case whose snapshot lacks the inputs
 * is reported as not replayable; the deployed decision replayed changes none of them; a bad
 * candidate is a 400 naming dmnXml with nothing stored; compliance and the committee may, sales
 * and reviewers may not. Other tests' cases may be in the period too: totals are checked for
 * consistency, the known cases one by one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DecisionImpactApiTest {

  static final String DEAL = """
      {"customerAgency": "%s", "customerType": "LAW_ENFORCEMENT",
       "country": "%s", "product": "Forensics Suite 5", "capabilityClass": "DEVICE_FORENSICS",
       "intendedEndUse": {"category": "SERIOUS_CRIME", "description": "Seized phones"},
       "intermediaries": [], "endUseStatementAttached": true, "contractValue": 1000,
       "expectedSigningDate": "%s"}""";

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired ManagementService management;
  @Autowired BackgroundWork work;
  @Autowired WebApplicationContext context;

  private final HttpClient http = HttpClient.newHttpClient();
  private String usCase;
  private String deCase;
  private String oldCase;
  private String deployed;
  private String candidate;

  @BeforeAll
  void assessedCases() throws Exception {
    usCase = assessed("Impact Police US", "US");
    deCase = assessed("Impact Police DE", "DE");
    oldCase = assessed("Impact Police old", "DE");
    // a snapshot stored before the inputs were kept
    ObjectNode snapshot = (ObjectNode) json.readTree(jdbc.queryForObject(
        "SELECT risk_snapshot FROM ov_sale_case WHERE business_key = ?", String.class, oldCase));
    assertThat(snapshot.has("inputs")).isTrue();
    snapshot.remove("inputs");
    jdbc.update("UPDATE ov_sale_case SET risk_snapshot = ? WHERE business_key = ?",
        json.writeValueAsString(snapshot), oldCase);
    deployed = deployedXml();
    String rule = "<text>&lt; 35</text>";
    assertThat(deployed).contains(rule);
    candidate = deployed.replace(rule, "<text>&lt; 85</text>");
  }

  @Test
  void aRaisedThresholdMakesTheKnownCaseHighAndLeavesTheOther() throws Exception {
    HttpResponse<String> started = post("carl", request(candidate, today(), tomorrow()));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String id = json.readTree(started.body()).path("id").asText();
    assertThat(started.headers().firstValue("Location"))
        .hasValue("/api/review/decision-impact/" + id);

    JsonNode run = finished("carl", id);
    assertThat(run.path("status").asText()).isEqualTo("DONE");
    JsonNode result = run.path("result");
    JsonNode us = changed(result, usCase);
    assertThat(us).as(result.toPrettyString()).isNotNull();
    assertThat(us.path("country").asText()).isEqualTo("US");
    assertThat(us.path("candidateTier").asText()).isEqualTo("HIGH");
    assertThat(us.path("currentTier").asText()).isNotEqualTo("HIGH");
    assertThat(us.path("candidateRoute").asText()).isEqualTo("COMMITTEE");
    assertThat(us.path("addedRedFlags").toString()).contains("VERY_LOW_FREEDOM_SCORE");
    assertThat(changed(result, deCase)).isNull();
    assertThat(notReplayable(result)).contains(oldCase).doesNotContain(usCase, deCase);

    JsonNode totals = result.path("totals");
    int transitions = 0;
    for (JsonNode row : result.path("tierTransitions")) {
      for (JsonNode cell : row) {
        transitions += cell.asInt();
      }
    }
    assertThat(transitions).isEqualTo(totals.path("replayed").asInt());
    assertThat(totals.path("replayed").asInt() + totals.path("notReplayable").asInt())
        .isEqualTo(totals.path("assessedInPeriod").asInt());
    assertThat(totals.path("changed").asInt()).isEqualTo(result.path("changedCases").size())
        .isGreaterThanOrEqualTo(1);
    assertThat(totals.path("tierRaised").asInt()).isGreaterThanOrEqualTo(1);

    // the committee reads it too; reviewers and others do not
    assertThat(call("GET", "/api/review/decision-impact/" + id, null, "gina").statusCode())
        .isEqualTo(200);
    assertThat(call("GET", "/api/work/" + id, null, "gina").statusCode()).isEqualTo(200);
    assertThat(call("GET", "/api/review/decision-impact/" + id, null, "rex").statusCode())
        .isEqualTo(403);
    assertThat(call("GET", "/api/work/" + id, null, "ivan").statusCode()).isEqualTo(404);
    // carl's runs
    JsonNode mine = json.readTree(call("GET", "/api/review/decision-impact", null, "carl")
        .body());
    List<String> ids = new ArrayList<>();
    mine.forEach(r -> ids.add(r.path("id").asText()));
    assertThat(ids).contains(id);
  }

  @Test
  void theDeployedDecisionChangesNoneOfTheCases() throws Exception {
    HttpResponse<String> started = post("gina", request(deployed, today(), tomorrow()));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    JsonNode result = finished("gina", json.readTree(started.body()).path("id").asText())
        .path("result");
    assertThat(changed(result, usCase)).isNull();
    assertThat(changed(result, deCase)).isNull();
    assertThat(notReplayable(result)).contains(oldCase);
  }

  @Test
  void aBadCandidateIsA400NamingDmnXmlAndNothingIsStored() throws Exception {
    int before = runs();
    for (String bad : List.of(
        "not a DMN file",
        deployed.replace("id=\"Decision_HumanRightsRisk\"", "id=\"Decision_Other\""),
        deployed.replace("<text>freedomScore</text>", "<text>freedomIndex</text>"),
        deployed.replace("name=\"minimumTier\"", "name=\"tier\""),
        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + deployed)) {
      HttpResponse<String> refused = post("carl", request(bad, today(), tomorrow()));
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      assertThat(json.readTree(refused.body()).path("errors").get(0).path("field").asText())
          .as(refused.body()).isEqualTo("dmnXml");
    }
    HttpResponse<String> noCandidate = post("carl", "{}");
    assertThat(noCandidate.statusCode()).isEqualTo(400);
    assertThat(noCandidate.body()).contains("\"field\":\"dmnXml\"");
    HttpResponse<String> badPeriod = post("carl", request(deployed, tomorrow(), today()));
    assertThat(badPeriod.statusCode()).isEqualTo(400);
    assertThat(badPeriod.body()).contains("\"field\":\"to\"");
    HttpResponse<String> notJson = call("POST", "/api/review/decision-impact", "dmnXml=x",
        "carl", "application/x-www-form-urlencoded");
    assertThat(notJson.statusCode()).isEqualTo(415);
    assertThat(runs()).isEqualTo(before);
  }

  @Test
  void onlyComplianceAndTheCommitteeReplay() throws Exception {
    String body = request(deployed, today(), tomorrow());
    assertThat(post("sara", body).statusCode()).isEqualTo(403);
    assertThat(post("rex", body).statusCode()).isEqualTo(403);
    assertThat(post("mona", body).statusCode()).isEqualTo(403);
    assertThat(call("POST", "/api/review/decision-impact", body, null).statusCode())
        .isEqualTo(401);
  }

  @Test
  void thePageUploadsACandidateAndShowsTheResult() throws Exception {
    MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
        .apply(SecurityMockMvcConfigurers.springSecurity()).build();
    MvcResult form = mvc.perform(get("/review/decision-impact")
            .with(user("carl").roles("compliance")))
        .andExpect(status().isOk()).andReturn();
    assertThat(form.getResponse().getContentAsString()).contains("name=\"_csrf\"")
        .contains("enctype=\"multipart/form-data\"").doesNotContain("<script");

    MockMultipartFile file = new MockMultipartFile("dmnFile", "candidate.dmn",
        "application/xml", candidate.getBytes(StandardCharsets.UTF_8));
    MvcResult started = mvc.perform(multipart("/review/decision-impact").file(file)
            .param("from", today()).param("to", tomorrow())
            .with(user("carl").roles("compliance")).with(csrf()))
        .andExpect(status().isFound()).andReturn();
    String location = started.getResponse().getRedirectedUrl();
    assertThat(location).startsWith("/review/decision-impact/");
    String id = location.substring("/review/decision-impact/".length());
    work.await(id, Duration.ofMinutes(2));
    String page = mvc.perform(get(location).with(user("gina").roles("grc-committee")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("In total").contains(usCase).contains("VERY_LOW_FREEDOM_SCORE")
        .contains(oldCase).doesNotContain("http-equiv=\"refresh\"");
    String list = mvc.perform(get("/review/decision-impact")
            .with(user("carl").roles("compliance")))
        .andReturn().getResponse().getContentAsString();
    assertThat(list).contains(id);

    // no file: the form again, with the problem, and nothing started
    int before = runs();
    String refused = mvc.perform(multipart("/review/decision-impact")
            .param("from", today()).param("to", tomorrow())
            .with(user("carl").roles("compliance")).with(csrf()))
        .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
    assertThat(refused).contains("Candidate DMN file: the candidate DMN file is required");
    assertThat(runs()).isEqualTo(before);
    // sales may not; without the CSRF token nothing is started
    mvc.perform(get("/review/decision-impact").with(user("sara").roles("sales")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/review/decision-impact").with(user("rex").roles("reviewers")))
        .andExpect(status().isForbidden());
    mvc.perform(get(location).with(user("rex").roles("reviewers")))
        .andExpect(status().isForbidden());
    // reviewers read the policy reviews' pages
    mvc.perform(get("/review/policy-reviews").with(user("rex").roles("reviewers")))
        .andExpect(status().isOk());
    mvc.perform(multipart("/review/decision-impact").file(file).param("from", today())
            .param("to", tomorrow()).with(user("carl").roles("compliance")))
        .andExpect(status().isForbidden());
    assertThat(runs()).isEqualTo(before);
  }

  // ---- helpers -----------------------------------------------------------------------------

  private String assessed(String agency, String country) throws Exception {
    String caseId = SaleCases.submit(port, "sara", DEAL.formatted(agency, country,
        LocalDate.now().plusMonths(3)), json);
    SaleCases.runJobs(management, SaleCases.instanceOf(jdbc, caseId));
    Map<String, Object> row = jdbc.queryForMap(
        "SELECT business_key, risk_snapshot FROM ov_sale_case WHERE id = ?", caseId);
    assertThat(row.get("risk_snapshot")).as("assessed").isNotNull();
    return (String) row.get("business_key");
  }

  private JsonNode finished(String user, String id) throws Exception {
    work.await(id, Duration.ofMinutes(2));
    HttpResponse<String> response = call("GET", "/api/review/decision-impact/" + id, null, user);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private static JsonNode changed(JsonNode result, String reference) {
    for (JsonNode c : result.path("changedCases")) {
      if (reference.equals(c.path("reference").asText())) {
        return c;
      }
    }
    return null;
  }

  private static List<String> notReplayable(JsonNode result) {
    List<String> references = new ArrayList<>();
    result.path("notReplayable").forEach(n -> references.add(n.path("reference").asText()));
    return references;
  }

  private int runs() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM ov_background_work WHERE kind = ?",
        Integer.class, DecisionImpactWork.KIND);
  }

  private String request(String dmnXml, String from, String to) throws Exception {
    return json.writeValueAsString(Map.of("dmnXml", dmnXml, "from", from, "to", to));
  }

  private static String today() {
    return LocalDate.now(ZoneOffset.UTC).toString();
  }

  private static String tomorrow() {
    return LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
  }

  private HttpResponse<String> post(String user, String body) throws Exception {
    return call("POST", "/api/review/decision-impact", body, user);
  }

  private HttpResponse<String> call(String method, String path, String body, String user)
      throws Exception {
    return call(method, path, body, user, "application/json");
  }

  private HttpResponse<String> call(String method, String path, String body, String user,
      String contentType) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + path));
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", contentType)
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String deployedXml() throws IOException {
    try (InputStream in = DecisionImpactApiTest.class.getResourceAsStream(
        "/processes/human-rights-risk.dmn")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
