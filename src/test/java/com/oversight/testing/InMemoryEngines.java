package com.oversight.testing;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;

/**
 * The engine of a process test, configured in code (no camunda.cfg.xml: inside a Spring Boot test
 * it would start a second engine): in-memory H2, full history, job executor off, history
 * time-to-live enforced, Oversight's group ids allowed, the delegates given as beans, and the
 * process test coverage recorder.
 */
public final class InMemoryEngines {

  private InMemoryEngines() {}

  public static ProcessEngineConfiguration configuration(String name, Map<Object, Object> beans) {
    StandaloneInMemProcessEngineConfiguration configuration =
        new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=1000");
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setJobExecutorActivate(false);
    configuration.setEnforceHistoryTimeToLive(true);
    configuration.setGroupResourceWhitelistPattern("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*");
    configuration.setBeans(beans);
    ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
    return configuration;
  }
}
