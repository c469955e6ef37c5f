package com.oversight.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** What an operator sees: the health check, its details, and the Prometheus process figures. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OperationsEndpointsTest {

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ObjectMapper json;
  @Autowired ProcessFigures figures;

  @Test
  void theHealthCheckIsOpenButShowsItsDetailsOnlyToManagersAndAdministrators() throws Exception {
    ResponseEntity<String> anonymous = rest.getForEntity("/actuator/health", String.class);
    assertThat(anonymous.getStatusCode()).isNotIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
    assertThat(json.readTree(anonymous.getBody()).has("status")).isTrue();
    assertThat(anonymous.getBody()).doesNotContain("components", "processEngine", "jobExecutor");

    ResponseEntity<String> sara = rest.withBasicAuth("sara", "demo")
        .getForEntity("/actuator/health", String.class);
    assertThat(sara.getBody()).doesNotContain("components");

    for (String user : new String[] {"mona", "admin"}) {
      JsonNode components = json.readTree(rest.withBasicAuth(user, "demo")
          .getForEntity("/actuator/health", String.class).getBody()).path("components");
      assertThat(components.path("db").path("status").asText()).isEqualTo("UP");
      assertThat(components.path("processEngine").path("status").asText()).isEqualTo("UP");
      assertThat(components.path("processEngine").path("details").path("processDefinitions")
          .asLong()).isPositive();
      // the test profile switches job execution off: this node runs no jobs
      assertThat(components.path("jobExecutor").path("status").asText()).isEqualTo("UNKNOWN");
      assertThat(components.path("jobExecutor").path("details").has("executableJobs")).isTrue();
    }
  }

  @Test
  void theProxyChecksReadinessOfDatabaseAndEngineOnly() throws Exception {
    ResponseEntity<String> readiness = rest.getForEntity("/actuator/health/readiness",
        String.class);
    assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(readiness.getBody()).path("status").asText()).isEqualTo("UP");
  }

  @Test
  void metricsNeedAManagerOrAnAdministrator() {
    ResponseEntity<String> anonymous = rest.getForEntity("/actuator/prometheus", String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    for (String user : new String[] {"sara", "ivan", "grace"}) {
      ResponseEntity<String> refused = rest.withBasicAuth(user, "demo")
          .getForEntity("/actuator/prometheus", String.class);
      assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(refused.getHeaders().getContentType())
          .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
    assertThat(rest.withBasicAuth("admin", "demo").getForEntity("/actuator/prometheus",
        String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void otherActuatorEndpointsAreClosed() {
    assertThat(rest.withBasicAuth("admin", "demo").getForEntity("/actuator/env", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.getForEntity("/actuator/beans", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void metricsShowOpenCasesByStageOverdueTasksByGroupAndIncidentsByProcess() {
    ProcessInstance review = runtimeService.startProcessInstanceByKey(
        "ReferenceDataReviewProcess");
    runtimeService.createIncident("failedJob", review.getId(), null, "probe incident");
    Task overdue = taskService.newTask();
    overdue.setName("Overdue probe");
    overdue.setDueDate(Date.from(Instant.now().minus(2, ChronoUnit.DAYS)));
    taskService.saveTask(overdue);
    taskService.addCandidateGroup(overdue.getId(), "reviewers");
    try {
      // an earlier scrape may be cached (for 30 s): this one counts afresh
      figures.invalidate();
      String metrics = rest.withBasicAuth("mona", "demo")
          .getForEntity("/actuator/prometheus", String.class).getBody();
      assertThat(value(metrics, "oversight_process_instances_running",
          "process=\"ReferenceDataReviewProcess\"")).isGreaterThanOrEqualTo(1);
      // waiting at the asynchronous service task that looks for outdated country data
      assertThat(value(metrics, "oversight_process_instances_at_activity",
          "activity=\"Task_FindOutdatedCountryData\",process=\"ReferenceDataReviewProcess\""))
          .isGreaterThanOrEqualTo(1);
      assertThat(value(metrics, "oversight_tasks_overdue", "group=\"reviewers\""))
          .isGreaterThanOrEqualTo(1);
      assertThat(value(metrics, "oversight_incidents_open",
          "process=\"ReferenceDataReviewProcess\"")).isGreaterThanOrEqualTo(1);
      assertThat(metrics).contains("oversight_jobs_executable ", "oversight_jobs_failed ");
      // the usual JVM and HTTP figures are there too
      assertThat(metrics).contains("jvm_memory_used_bytes");
      // counts only: no task name, no business key
      assertThat(metrics).doesNotContain("Overdue probe", "probe incident");
    } finally {
      taskService.deleteTask(overdue.getId(), true);
      runtimeService.deleteProcessInstance(review.getId(), "test over");
    }
  }


  private static double value(String metrics, String name, String labels) {
    Matcher m = Pattern.compile("(?m)^" + name + "\\{" + Pattern.quote(labels) + "\\} (\\S+)$")
        .matcher(metrics);
    assertThat(m.find()).as(name + "{" + labels + "} in%n%s", metrics.lines()
        .filter(l -> l.startsWith(name)).toList()).isTrue();
    return Double.parseDouble(m.group(1));
  }
}
