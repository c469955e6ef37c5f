package com.oversight.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code jobExecutor} in {@code /actuator/health}: whether this node's job executor runs, and
 * whether jobs are starved. Every service task, email, timer and deadline of Oversight is a job;
 * when jobs that could run wait longer than {@code oversight.operations.job-wait-threshold}
 * (default 5 minutes) deadlines are missed without anyone seeing an error.
 * <ul>
 *   <li>DOWN: job execution is switched on for this node but its executor is not running;</li>
 *   <li>OUT_OF_SERVICE: executable jobs (retries left, not suspended, due) have waited beyond
 *       the threshold: the executors of all nodes together do not keep up, or none runs;</li>
 *   <li>UNKNOWN: job execution is switched off on this node ({@code camunda.bpm.job-execution
 *       .enabled=false}): another node must run the jobs;</li>
 *   <li>UP otherwise.</li>
 * </ul>
 * The backlog is the cluster's (jobs are in the shared database), so all nodes report it alike.
 */
@Component("jobExecutorHealthIndicator")
public class JobExecutorHealthIndicator implements HealthIndicator {

  /** More waiting jobs than this are not listed one by one: the status is already clear. */
  static final int MAX_JOBS_INSPECTED = 1000;

  private final ManagementService managementService;
  private final BooleanSupplier switchedOn;
  private final BooleanSupplier running;
  private final Clock clock;
  private final Duration threshold;

  /**
   * {@code jobExecution}: {@code camunda.bpm.job-execution.enabled} (the starter starts the job
   * executor itself once the application is ready, so the engine's own "activate" flag is false).
   */
  @Autowired
  public JobExecutorHealthIndicator(ProcessEngine engine, Clock clock,
      @Value("${camunda.bpm.job-execution.enabled:true}") boolean jobExecution,
      @Value("${oversight.operations.job-wait-threshold:PT5M}") Duration threshold) {
    this(engine.getManagementService(),
        () -> jobExecution,
        () -> configuration(engine).getJobExecutor() != null
            && configuration(engine).getJobExecutor().isActive(),
        clock, threshold);
  }

  JobExecutorHealthIndicator(ManagementService managementService, BooleanSupplier switchedOn,
      BooleanSupplier running, Clock clock, Duration threshold) {
    this.managementService = managementService;
    this.switchedOn = switchedOn;
    this.running = running;
    this.clock = clock;
    this.threshold = threshold;
  }

  private static ProcessEngineConfigurationImpl configuration(ProcessEngine engine) {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  @Override
  public Health health() {
    Instant now = clock.instant();
    Instant cutoff = now.minus(threshold);
    // a job can run from its due date on, or from its creation when it has none (continuations)
    List<Job> candidates = managementService.createJobQuery().executable().active()
        .createdBefore(Date.from(cutoff)).listPage(0, MAX_JOBS_INSPECTED);
    List<Instant> readySince = candidates.stream().map(JobExecutorHealthIndicator::readySince)
        .filter(ready -> ready.isBefore(cutoff)).sorted().toList();
    long waiting = managementService.createJobQuery().executable().active().count();

    Health.Builder health;
    if (!switchedOn.getAsBoolean()) {
      health = Health.status(Status.UNKNOWN)
          .withDetail("reason", "job execution is switched off on this node");
    } else if (!running.getAsBoolean()) {
      health = Health.down().withDetail("reason", "the job executor is not running");
    } else if (!readySince.isEmpty()) {
      health = Health.outOfService().withDetail("reason",
          "executable jobs have waited longer than " + threshold);
    } else {
      health = Health.up();
    }
    health.withDetail("executableJobs", waiting)
        .withDetail("jobsWaitingBeyondThreshold", readySince.size())
        .withDetail("threshold", threshold.toString());
    if (!readySince.isEmpty()) {
      health.withDetail("oldestWaitingSince", readySince.get(0).toString());
    }
    return health.build();
  }

  private static Instant readySince(Job job) {
    Instant created = job.getCreateTime().toInstant();
    if (job.getDuedate() == null) {
      return created;
    }
    Instant due = job.getDuedate().toInstant();
    return due.isAfter(created) ? due : created;
  }
}
