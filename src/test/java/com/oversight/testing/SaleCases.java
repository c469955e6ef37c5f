package com.oversight.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.jdbc.core.JdbcTemplate;

/** Drives sale cases in Spring Boot tests: submit over the API, find the instance, run its jobs. */
public final class SaleCases {

  private SaleCases() {}

  /** Submits a deal as {@code user} (password demo) and returns the new case's id (201). */
  public static String submit(int port, String user, String deal, ObjectMapper json)
      throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/sales/opportunities"))
            .header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(deal)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json.readTree(response.body()).path("caseId").asText();
  }

  /** The process instance of a case. */
  public static String instanceOf(JdbcTemplate jdbc, String caseId) {
    return jdbc.queryForObject("SELECT process_instance_id FROM ov_sale_case WHERE id = ?",
        String.class, caseId);
  }

  /** The job executor is off in profile test: runs the instance's jobs until none is left. */
  public static void runJobs(ManagementService managementService, String instanceId) {
    for (int i = 0; i < 50; i++) {
      List<Job> jobs = managementService.createJobQuery().processInstanceId(instanceId)
          .executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }
}
