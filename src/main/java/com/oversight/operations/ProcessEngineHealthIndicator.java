package com.oversight.operations;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code processEngine} in {@code /actuator/health}: UP when the engine answers a query on its
 * database (the deployed process definitions), DOWN when it does not.
 */
@Component("processEngineHealthIndicator")
public class ProcessEngineHealthIndicator implements HealthIndicator {

  private final ProcessEngine engine;

  public ProcessEngineHealthIndicator(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public Health health() {
    try {
      long processes = engine.getRepositoryService().createProcessDefinitionQuery()
          .latestVersion().count();
      return Health.up()
          .withDetail("name", engine.getName())
          .withDetail("processDefinitions", processes)
          .build();
    } catch (RuntimeException e) {
      // the exception's type only: its message may carry SQL or connection details
      return Health.down()
          .withDetail("name", engine.getName())
          .withDetail("error", e.getClass().getSimpleName())
          .build();
    }
  }
}
