package com.oversight.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.oversight.identity.Groups;
import com.oversight.platform.ProcessKeys;
import com.oversight.testing.SaleCases;
import com.oversight.testing.TestMail;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The policy review through the real transparency report: the review's service task drafts the
 * report for its period (the draft names the review), and the committee's approval publishes it
 * as the next version, listed at once on the public side.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TransparencyPolicyReviewEndToEndTest {

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(TestMail.SMTP);

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  @Test
  void theReviewDraftsTheReportAndTheCommitteesApprovalPublishesIt() throws Exception {
    ProcessInstance instance = runtime.startProcessInstanceByKey(ProcessKeys.POLICY_REVIEW,
        Map.of("periodFrom", "1999-01-01", "periodTo", "2000-01-01"));
    String reference = instance.getBusinessKey();
    SaleCases.runJobs(management, instance.getId());

    String draftId = jdbc.queryForObject("SELECT id FROM ov_transparency_draft"
        + " WHERE review_ref = ?", String.class, reference);
    JsonNode drafts = json.readTree(get("/api/transparency/reports", "rex"));
    JsonNode listed = null;
    for (JsonNode d : drafts) {
      if (d.path("id").asText().equals(draftId)) {
        listed = d;
      }
    }
    assertThat(listed).as("the review's draft is listed").isNotNull();
    assertThat(listed.path("from").asText()).isEqualTo("1999-01-01");
    assertThat(listed.path("to").asText()).isEqualTo("2000-01-01");
    assertThat(listed.path("reviewRef").asText()).isEqualTo(reference);
    assertThat(listed.has("publishedVersion")).isFalse();

    complete(instance, "Task_ExpertReview", "rex", Groups.REVIEWERS, Map.of(
        "frameworkFindings", "Sound", "figuresFindings", "Nothing to report for 1999"));
    complete(instance, "Task_RecordStakeholderDialogue", "carl", Groups.COMPLIANCE, Map.of(
        "stakeholdersConsulted", "Two NGOs", "stakeholderViews", "Fine",
        "dialogueChanges", "None"));
    complete(instance, "Task_ProposeAmendments", "carl", Groups.COMPLIANCE, Map.of(
        "amendments", "No change"));
    complete(instance, "Task_ApproveAmendments", "gina", Groups.GRC_COMMITTEE, Map.of(
        "approvalDecision", "APPROVE"));
    SaleCases.runJobs(management, instance.getId());

    Integer version = jdbc.queryForObject("SELECT version FROM ov_transparency_report"
        + " WHERE draft_id = ?", Integer.class, draftId);
    assertThat(version).isNotNull();
    JsonNode published = json.readTree(get("/api/public/transparency/reports/" + version, null));
    assertThat(published.path("status").asText()).isEqualTo("PUBLISHED");
    assertThat(published.path("from").asText()).isEqualTo("1999-01-01");
    assertThat(get("/api/public/transparency/reports", null))
        .contains("\"html\":\"/transparency/" + version + "\"");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count())
        .as("the review has ended").isZero();
  }

  private void complete(ProcessInstance instance, String taskKey, String user, String group,
      Map<String, Object> variables) {
    String taskId = tasks.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(taskKey).singleResult().getId();
    identity.setAuthentication(user, List.of(group));
    try {
      tasks.claim(taskId, user);
      forms.submitTaskForm(taskId, variables);
    } finally {
      identity.clearAuthentication();
    }
    SaleCases.runJobs(management, instance.getId());
  }

  private String get(String path, String user) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + path)).GET();
    if (user != null) {
      request.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
          (user + ":demo").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
    return response.body();
  }
}
