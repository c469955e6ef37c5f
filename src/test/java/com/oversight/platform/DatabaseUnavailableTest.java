package com.oversight.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Which failures are "the database is unavailable" (503, try again) and which stay errors (500).
 * FaultsIT shows the 503 with a real database cut.
 */
class DatabaseUnavailableTest {

  @Test
  void anUnreachableDatabaseIsUnavailableWhereverItSurfaces() {
    SQLTransientConnectionException hikariTimeout = new SQLTransientConnectionException(
        "HikariPool-1 - Connection is not available, request timed out after 2000ms");
    assertThat(ApiExceptionHandler.databaseUnavailable(
        new CannotGetJdbcConnectionException("no connection", hikariTimeout))).isTrue();
    assertThat(ApiExceptionHandler.databaseUnavailable(
        new CannotCreateTransactionException("no connection", hikariTimeout))).isTrue();
    // inside the engine (MyBatis), and a broken connection (SQL state class 08)
    assertThat(ApiExceptionHandler.databaseUnavailable(new ProcessEngineException("query failed",
        new PersistenceException(new SQLException("I/O error", "08006"))))).isTrue();
    TransactionSystemException rollbackFailed = new TransactionSystemException(
        "JDBC rollback failed", new SQLException("Connection is closed"));
    rollbackFailed.initApplicationException(new SQLException("I/O error", "08006"));
    assertThat(ApiExceptionHandler.databaseUnavailable(rollbackFailed)).isTrue();
  }

  @Test
  void theFilterAnswersAnOutageBeforeTheControllersWith503AndPassesEverythingElse()
      throws Exception {
    DatabaseUnavailableFilter filter = new DatabaseUnavailableFilter();
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(new MockHttpServletRequest("POST", "/api/sales/opportunities"), response,
        (request, ignored) -> {
          throw new ProcessEngineException("checkPassword failed",
              new SQLTransientConnectionException("Connection is not available"));
        });
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    assertThat(response.getHeader("Retry-After")).isEqualTo("5");
    assertThat(response.getContentAsString()).contains("\"status\":503");

    assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/api/x"),
        new MockHttpServletResponse(), (request, ignored) -> {
          throw new IllegalStateException("a bug");
        })).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void otherDataAndEngineErrorsAreNot() {
    assertThat(ApiExceptionHandler.databaseUnavailable(
        new DuplicateKeyException("duplicate key"))).isFalse();
    assertThat(ApiExceptionHandler.databaseUnavailable(
        new ProcessEngineException("Unknown property used in expression"))).isFalse();
    assertThat(ApiExceptionHandler.databaseUnavailable(
        new ProcessEngineException("bad SQL", new SQLException("syntax", "42601")))).isFalse();
  }
}
