package com.oversight.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.oversight.OversightApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The postgres profile on a real PostgreSQL: Flyway creates Oversight's tables beside Camunda's,
 * and a restart with unchanged models creates no new version. A Failsafe test (its own JVM):
 * a second Camunda application in the JVM of the shared test context breaks the webapps there.
 */
class PostgresProfileIT {

  @Test
  void runsOnPostgresqlAndRestartsWithoutNewVersions() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      // an engine name of its own: closing this app must not unregister the shared tests engine
      String[] args = {"--server.port=0", "--camunda.bpm.process-engine-name=postgres",
          "--camunda.bpm.job-execution.enabled=false",
          "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
          "--spring.datasource.username=postgres", "--spring.datasource.password=postgres"};
      long deployments;
      long definitions;
      try (ConfigurableApplicationContext first = start(args)) {
        JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history "
            + "where success and version = '1'", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from ov_country", Integer.class))
            .isPositive();
        assertThat(first.getBean(IdentityService.class).checkPassword("carl", "demo")).isTrue();
        RepositoryService repository = first.getBean(RepositoryService.class);
        deployments = repository.createDeploymentQuery().count();
        definitions = repository.createProcessDefinitionQuery().count()
            + repository.createDecisionDefinitionQuery().count();
        assertThat(definitions).isPositive();
      }
      try (ConfigurableApplicationContext second = start(args)) {
        RepositoryService repository = second.getBean(RepositoryService.class);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(repository.createProcessDefinitionQuery().count()
            + repository.createDecisionDefinitionQuery().count()).isEqualTo(definitions);
      }
    }
  }

  private static ConfigurableApplicationContext start(String[] args) {
    return new SpringApplicationBuilder(OversightApplication.class).profiles("postgres")
        .run(args);
  }
}
