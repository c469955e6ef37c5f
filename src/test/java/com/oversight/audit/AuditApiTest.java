package com.oversight.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The audit endpoints over HTTP, with the demo users of try-it mode. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuditApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired AuditLedger ledger;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  @BeforeEach
  @AfterEach
  void emptyLedger() {
    jdbc.update("DELETE FROM ov_ledger_entry");
  }

  ResponseEntity<String> get(String user, String path) {
    TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, "demo");
    return client.getForEntity(path, String.class);
  }

  JsonNode ok(ResponseEntity<String> response) throws Exception {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    return json.readTree(response.getBody());
  }

  @Test
  void managersAndAdministratorsVerifyTheChain() throws Exception {
    ledger.append("case-api", "SUBMITTED", "sara", Map.of("country", "NO"));
    ledger.append("case-api", "VOTE_CAST", "gina", Map.of("vote", "APPROVE"));

    JsonNode verification = ok(get("mona", "/api/audit/verify"));
    assertThat(verification.get("intact").asBoolean()).isTrue();
    assertThat(verification.get("entriesChecked").asLong()).isEqualTo(2);
    assertThat(verification.has("firstBrokenSequence")).isTrue();
    assertThat(verification.get("firstBrokenSequence").isNull()).isTrue();
    assertThat(verification.get("problem").isNull()).isTrue();
    ok(get("admin", "/api/audit/verify"));
  }

  @Test
  void aBrokenChainIsReportedOverHttp() throws Exception {
    ledger.append("case-api", "SUBMITTED", "sara", Map.of());
    ledger.append("case-api", "VOTE_CAST", "gina", Map.of("vote", "APPROVE"));
    jdbc.update("UPDATE ov_ledger_entry SET actor = 'greg' WHERE sequence = 2");

    JsonNode verification = ok(get("mona", "/api/audit/verify"));
    assertThat(verification.get("intact").asBoolean()).isFalse();
    assertThat(verification.get("firstBrokenSequence").asLong()).isEqualTo(2);
    assertThat(verification.get("problem").asText())
        .isEqualTo("entry 2: hash does not match its content");
  }

  @Test
  void otherGroupsMayNotVerify() {
    assertThat(get("sara", "/api/audit/verify").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("gina", "/api/audit/verify").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> anonymous = get(null, "/api/audit/verify");
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
  }

  @Test
  void committeeComplianceAndManagersReadACasesEntries() throws Exception {
    ledger.append("case-a", "SUBMITTED", "sara", Map.of());
    ledger.append("case-b", "SUBMITTED", "sara", Map.of());
    ledger.append("case-a", "VOTE_CAST", "gina", Map.of("vote", "REJECT"));

    for (String user : new String[] {"mona", "admin", "gina", "carl"}) {
      JsonNode entries = ok(get(user, "/api/audit/entries?caseId=case-a"));
      assertThat(entries).hasSize(2);
      assertThat(entries.get(0).get("sequence").asLong()).isEqualTo(1);
      assertThat(entries.get(1).get("sequence").asLong()).isEqualTo(3);
      assertThat(entries.get(1).get("actor").asText()).isEqualTo("gina");
      assertThat(entries.get(1).get("details").asText()).isEqualTo("{\"vote\":\"REJECT\"}");
      assertThat(entries.get(1).get("hash").asText()).hasSize(64);
    }
    assertThat(get("sara", "/api/audit/entries?caseId=case-a").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("ivan", "/api/audit/entries?caseId=case-a").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get(null, "/api/audit/entries?caseId=case-a").getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void entriesWithoutACaseIdAreABadRequestNamingCaseId() throws Exception {
    for (String path : new String[] {"/api/audit/entries", "/api/audit/entries?caseId="}) {
      ResponseEntity<String> response = get("mona", path);
      assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getHeaders().getContentType().toString())
          .startsWith("application/problem+json");
      JsonNode problem = json.readTree(response.getBody());
      assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("caseId");
    }
  }
}
