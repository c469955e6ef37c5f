package com.oversight.sales;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oversight.identity.Groups;
import com.oversight.testing.SaleCases;
import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * Segregation of duties through the engine REST API, as a client other than Tasklist would meet
 * it: a user who is both in sales and in compliance submits a deal and may not complete its
 * due-diligence dossier (403 with the reason); the task stays open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SegregationOfDutiesRestTest {

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper objectMapper;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void salesAndComplianceUser() {
    if (identityService.createUserQuery().userId("dual").count() == 0) {
      User dual = identityService.newUser("dual");
      dual.setPassword("dual-password");
      dual.setEmail("dual@oversight.example");
      identityService.saveUser(dual);
      identityService.createMembership("dual", Groups.SALES);
      identityService.createMembership("dual", Groups.COMPLIANCE);
    }
  }

  @Test
  void theSubmitterIsRefusedTheDossierOfTheirOwnCaseWith403() throws Exception {
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    String deal = SaleApprovalEndToEndTest.DEAL.formatted("", LocalDate.now().plusMonths(2));
    ResponseEntity<String> submitted = rest.withBasicAuth("dual", "dual-password")
        .postForEntity("/api/sales/opportunities", new HttpEntity<>(deal, json), String.class);
    assertThat(submitted.getStatusCode().value()).isEqualTo(201);
    String caseId = objectMapper.readTree(submitted.getBody()).path("caseId").asText();
    String instanceId = SaleCases.instanceOf(jdbc, caseId);
    SaleCases.runJobs(managementService, instanceId);
    Task dossier = taskService.createTaskQuery().processInstanceId(instanceId)
        .taskDefinitionKey("Task_PrepareDossier").singleResult();

    ResponseEntity<String> complete = rest.withBasicAuth("dual", "dual-password").postForEntity(
        "/engine-rest/task/" + dossier.getId() + "/complete",
        new HttpEntity<>("{\"variables\": {}}", json), String.class);

    assertThat(complete.getStatusCode().value()).as(complete.getBody()).isEqualTo(403);
    JsonNode body = objectMapper.readTree(complete.getBody());
    assertThat(body.path("type").asText()).isEqualTo("TaskRefusal");
    assertThat(body.path("message").asText())
        .startsWith("Segregation of duties: dual submitted SALE-")
        .contains("cannot complete its due-diligence dossier");
    assertThat(taskService.createTaskQuery().taskId(dossier.getId()).count()).isEqualTo(1);

    // other engine errors keep Camunda's own answers
    ResponseEntity<String> unknown = rest.withBasicAuth("admin", "demo").postForEntity(
        "/engine-rest/task/no-such-task/complete", new HttpEntity<>("{}", json), String.class);
    assertThat(unknown.getStatusCode().value()).isIn(400, 404, 500);
    assertThat(objectMapper.readTree(unknown.getBody()).path("type").asText())
        .isNotEqualTo("TaskRefusal");
  }
}
