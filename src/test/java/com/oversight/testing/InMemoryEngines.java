package com.oversight.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

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

  /** Oversight's own tables (all Flyway migrations) in an in-memory H2 database of this name. */
  public static JdbcTemplate migratedDatabase(String name) {
    DriverManagerDataSource data = new DriverManagerDataSource(
        "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(data).locations("classpath:db/migration").load().migrate();
    return new JdbcTemplate(data);
  }

  /**
   * A stand-in for {@code sendNotificationDelegate} that records each notification (template,
   * users, groups, overdue step, business key) in {@code sent} instead of emailing.
   */
  public static JavaDelegate recordingNotifications(List<Map<String, Object>> sent) {
    return execution -> {
      Map<String, Object> notification = new HashMap<>();
      notification.put("template", execution.getVariable("notificationTemplate"));
      notification.put("users", execution.getVariable("notifyUsers"));
      notification.put("groups", execution.getVariable("notifyGroups"));
      notification.put("step", execution.getVariable("overdueStep"));
      notification.put("businessKey", execution.getProcessBusinessKey());
      sent.add(notification);
    };
  }
}
