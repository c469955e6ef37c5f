package com.oversight.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
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
  void otherDataAndEngineErrorsAreNot() {
    assertThat(ApiExceptionHandler.databaseUnavailable(
        new DuplicateKeyException("duplicate key"))).isFalse();
    assertThat(ApiExceptionHandler.databaseUnavailable(
        new ProcessEngineException("Unknown property used in expression"))).isFalse();
    assertThat(ApiExceptionHandler.databaseUnavailable(
        new ProcessEngineException("bad SQL", new SQLException("syntax", "42601")))).isFalse();
  }
}
