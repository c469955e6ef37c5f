package com.oversight.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The job executor's health as an operator reads it: a stopped executor is DOWN, jobs waiting
 * beyond the threshold make it OUT_OF_SERVICE, a node without job execution says so. A job is
 * left waiting by starting the country-data review (its first service task is asynchronous; the
 * test profile runs no jobs); the clock is moved instead of waiting.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class JobExecutorHealthTest {

  private static final Duration THRESHOLD = Duration.ofMinutes(5);

  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;
  private ProcessInstance review;

  @BeforeEach
  void leaveAJobWaiting() {
    review = runtimeService.startProcessInstanceByKey("ReferenceDataReviewProcess");
  }

  @AfterEach
  void removeIt() {
    runtimeService.deleteProcessInstance(review.getId(), "test over");
  }

  @Test
  void jobsWaitingLongerThanTheThresholdTakeTheJobExecutorOutOfService() {
    Health later = indicator(true, true, Instant.now().plus(Duration.ofHours(1))).health();
    assertThat(later.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    assertThat((Integer) later.getDetails().get("jobsWaitingBeyondThreshold")).isPositive();
    assertThat(later.getDetails()).containsKey("oldestWaitingSince");
  }

  @Test
  void jobsWaitingLessThanTheThresholdAreFine() {
    // as seen before any of this test run's jobs was created, nothing has waited long
    Health before = indicator(true, true, Instant.now().minus(Duration.ofDays(1))).health();
    assertThat(before.getStatus()).isEqualTo(Status.UP);
    assertThat(before.getDetails()).containsEntry("jobsWaitingBeyondThreshold", 0)
        .doesNotContainKey("oldestWaitingSince");
  }

  @Test
  void aStoppedJobExecutorIsDown() {
    assertThat(indicator(true, false, Instant.now()).health().getStatus())
        .isEqualTo(Status.DOWN);
  }

  @Test
  void aNodeWithoutJobExecutionSaysSoWithoutFailingTheHealthCheck() {
    Health health = indicator(false, false, Instant.now()).health();
    assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
    assertThat(health.getDetails().get("reason").toString()).contains("switched off");
  }

  private JobExecutorHealthIndicator indicator(boolean switchedOn, boolean running,
      Instant now) {
    return new JobExecutorHealthIndicator(managementService, () -> switchedOn, () -> running,
        Clock.fixed(now, ZoneOffset.UTC), THRESHOLD);
  }
}
